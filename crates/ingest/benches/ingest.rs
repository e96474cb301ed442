//! Throughput of ingest + clean (decode, segment, date, language) over the
//! seed texts repeated. `cargo bench -p crosscheck-ingest`.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_ingest::{read_bytes, Format, IngestOptions};
use std::path::PathBuf;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    let mut docs: Vec<(String, Vec<u8>)> = names
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read(p).ok()?,
            ))
        })
        .collect();
    if docs.is_empty() {
        let text = include_str!("../../../examples/kestrel-bay/harbour-watch-blog.txt");
        docs.push(("example.txt".into(), text.as_bytes().to_vec()));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let opts = IngestOptions::default();
    let bytes: u64 = docs.iter().map(|d| d.1.len() as u64).sum();
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(bytes * 10));
    g.bench_function("text_seeds_x10", |b| {
        b.iter(|| {
            let mut n = 0;
            for _ in 0..10 {
                for (name, data) in &docs {
                    n += read_bytes(name, data, Some(Format::Text), &opts).len();
                }
            }
            n
        })
    });
    g.throughput(Throughput::Bytes(bytes * 10));
    g.bench_function("segment_only_x10", |b| {
        let texts: Vec<String> = docs
            .iter()
            .map(|d| String::from_utf8_lossy(&d.1).into_owned())
            .collect();
        b.iter(|| {
            let mut n = 0;
            for _ in 0..10 {
                for t in &texts {
                    n += crosscheck_clean::segment(t).len();
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
