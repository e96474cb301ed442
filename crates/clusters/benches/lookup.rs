use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_clusters::Clusters;

fn bench(c: &mut Criterion) {
    let cl = Clusters::builtin().expect("model");
    let text = "The government said on Tuesday that 2,500 residents had been evacuated from the flooded districts , officials reported .";
    let words: Vec<&str> = text.split(' ').collect();
    let mut g = c.benchmark_group("clusters");
    g.throughput(Throughput::Elements(words.len() as u64));
    g.bench_function("path", |b| {
        b.iter(|| {
            let mut n = 0u64;
            for w in &words {
                if let Some(p) = cl.path(w) {
                    n = n.wrapping_add(p.key(1));
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
