//! Throughput of tokenize + sentences + POS tagging on one core over the seed
//! corpus repeated to ~200k words (fictional text if the seeds are absent).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_doc::Span;
use crosscheck_pos::{TagScratch, Tagger};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                text.push_str(&t);
                text.push_str("\n\n");
            }
        }
    }
    if text.is_empty() {
        text = "The mayor of Eastbury said on Tuesday that 1,200 people had left. \"We don't know why,\" she told reporters.\n\n".into();
    }
    let words = text.split_whitespace().count().max(1);
    text.repeat((200_000 / words).max(1))
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let tagger = Tagger::builtin().expect("builtin model");
    let toks = crosscheck_tokenize::tokenize(&text, Span::new(0, text.len()));
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Elements(toks.len() as u64));
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| {
            let t = crosscheck_tokenize::tokenize(&text, Span::new(0, text.len()));
            crosscheck_tokenize::sentences(&text, &t).len()
        })
    });
    g.bench_function("tokenize+sentences+tag", |b| {
        let mut scratch = TagScratch::default();
        let mut out = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        b.iter(|| {
            let t = crosscheck_tokenize::tokenize(&text, Span::new(0, text.len()));
            let ss = crosscheck_tokenize::sentences(&text, &t);
            let mut n = 0;
            for s in &ss {
                words.clear();
                words.extend(
                    t[s.tokens.clone()]
                        .iter()
                        .map(|x| &text[x.span.start..x.span.end]),
                );
                tagger.tag_with(&words, &mut scratch, &mut out);
                n += out.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
