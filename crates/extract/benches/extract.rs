//! Extraction throughput (MB of HTML per second) over the article-extraction dev pages.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn bench(c: &mut Criterion) {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets/article-extraction");
    let Ok(pages) = crosscheck_extract::metric::load_bench_dir(&dir) else {
        eprintln!(
            "article-extraction dev pages not found at {}: skipping",
            dir.display()
        );
        return;
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("dev_pages", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = std::hint::black_box(crosscheck_extract::extract(&p.html));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
