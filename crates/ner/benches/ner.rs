//! Throughput of the recogniser on one core (words per second).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_ner::Recognizer;

const TEXT: &str = "The United Nations said on Tuesday that its envoy , Maria Lindqvist , \
would travel to Nairobi next week to meet officials of the African Union and the World Bank . \
Kenyan police said three people were killed in clashes near the Tanzanian border , and the \
government of President Daniel Okoro blamed opposition groups for the violence .";

fn bench(c: &mut Criterion) {
    let rec = Recognizer::builtin().expect("model loads");
    let words: Vec<&str> = TEXT.split(' ').collect();
    let sents: Vec<Vec<&str>> = (0..20).map(|_| words.clone()).collect();
    let n: usize = sents.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("tag_document", |b| b.iter(|| rec.tag_document(&sents)));
    g.finish();
    c.bench_function("load_model", |b| {
        b.iter(|| {
            Recognizer::from_bytes(include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../models/ner.ccm"
            )))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
