//! Throughput of the claims stage on tokens alone (seed pages if present,
//! else fictional text), reported in words per second.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_claims::{analyze, ClaimInput};
use crosscheck_doc::Document;

fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut ps: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        ps.sort();
        for p in ps {
            text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        for _ in 0..200 {
            text.push_str("“We will not negotiate,” the minister said on Tuesday. Police detained at least 150 people, according to officials. It seems that several thousand troops were deployed.\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let doc = Document::new("bench", corpus());
    let (toks, sents) = crosscheck_tokenize::tokenize_document(&doc);
    let words = toks.len() as u64;
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Elements(words));
    g.bench_function("analyze_tokens_only", |b| {
        b.iter(|| {
            let out = analyze(&ClaimInput::new(&doc, &toks, &sents));
            std::hint::black_box(out.claims.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
