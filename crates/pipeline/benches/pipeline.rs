//! Per-document pipeline throughput on the seed corpus (skipped if absent):
//! words (whitespace-separated, as `wc -w`) per second on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_doc::Document;
use crosscheck_pipeline::{analyze_document, Models};
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((p.display().to_string(), t));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = seeds();
    if docs.is_empty() {
        eprintln!("seeds not found; skipping");
        return;
    }
    let Ok(models) = Models::builtin() else {
        eprintln!("models failed to load; skipping");
        return;
    };
    let words: usize = docs.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    let prepared: Vec<Document> = docs
        .iter()
        .map(|(id, t)| {
            let mut d = Document::new(id.clone(), t.clone());
            d.segments = crosscheck_clean::segment(d.text());
            d
        })
        .collect();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("tokenize_pos_ner_words", |b| {
        b.iter(|| {
            for d in &prepared {
                let (tokens, sentences) = crosscheck_tokenize::tokenize_document(d);
                let text = d.text();
                for s in &sentences {
                    let words: Vec<&str> = tokens[s.tokens.clone()]
                        .iter()
                        .map(|t| t.span.get(text).unwrap_or(""))
                        .collect();
                    std::hint::black_box(models.tagger.tag(&words));
                }
                std::hint::black_box(models.recognizer.recognize(text, &tokens, &sentences));
            }
        })
    });
    g.bench_function("full_per_document_words", |b| {
        b.iter(|| {
            for d in &prepared {
                std::hint::black_box(analyze_document(d.clone(), models));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
