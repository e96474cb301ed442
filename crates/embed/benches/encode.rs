//! Encoder throughput (sentences per second). Needs the `bert` feature and a
//! model directory in `CROSSCHECK_TEST_EMBEDDINGS`; otherwise it says so and
//! measures nothing. For a one-core figure run with RAYON_NUM_THREADS=1.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn sentences(n: usize) -> Vec<String> {
    let subjects = [
        "The harbour authority",
        "Three witnesses",
        "The provincial governor",
        "Union leaders",
        "A ministry spokesperson",
    ];
    let verbs = ["said", "denied", "confirmed", "reported", "claimed"];
    let objects = [
        "that 40 ferries were held at the pier overnight",
        "that the curfew would be lifted on Friday",
        "the convoy reached the border crossing before dawn",
        "fuel prices rose by a third in two weeks",
        "no arrests were made during the protest",
    ];
    (0..n)
        .map(|i| {
            format!(
                "{} {} {}, according to report {}.",
                subjects[i % 5],
                verbs[(i / 5) % 5],
                objects[(i / 25) % 5],
                i
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("CROSSCHECK_TEST_EMBEDDINGS") else {
        eprintln!("encode bench skipped: set CROSSCHECK_TEST_EMBEDDINGS to a model directory");
        return;
    };
    let embedder = match crosscheck_embed::Embedder::load(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("encode bench skipped: {e}");
            return;
        }
    };
    let texts = sentences(64);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut g = c.benchmark_group("embed");
    g.sample_size(10);
    g.throughput(Throughput::Elements(refs.len() as u64));
    g.bench_function("encode_64_sentences", |b| {
        b.iter(|| embedder.encode(&refs).map(|v| v.len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
