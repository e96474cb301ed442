use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_timex::recognize;

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut s = String::new();
    for f in files {
        if f.extension().is_some_and(|e| e == "txt") {
            s.push_str(&std::fs::read_to_string(&f).unwrap_or_default());
            s.push('\n');
        }
    }
    if s.is_empty() {
        s = "On Tuesday, officials said 164 people had died since January 2. The curfew, \
             announced late Wednesday evening, will last until January 19, 2022, and \
             two weeks later the rest of the week 2 of 2022 measures end. "
            .repeat(200);
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let doc = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("recognize_seeds", |b| b.iter(|| recognize(&text, &[], doc)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
