//! Parser throughput on EWT dev sentences (gold tags) and with tagging.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_parse::{conllu, Parser};

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/ud-english-ewt/en_ewt-ud-dev.conllu"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("EWT dev not found; skipping bench");
        return;
    };
    let Ok(parser) = Parser::builtin() else {
        eprintln!("no built-in parser model; skipping bench");
        return;
    };
    let sents: Vec<_> = conllu::read(&text).into_iter().take(500).collect();
    let tokens: usize = sents.iter().map(|s| s.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(10);
    g.bench_function("gold_tags_500_sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sents {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let u: Vec<&str> = s.upos.iter().map(String::as_str).collect();
                let x: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
                n += parser.parse(&w, &u, &x).len();
            }
            n
        })
    });
    if let Ok(tagger) = crosscheck_pos::Tagger::builtin() {
        g.bench_function("tag_and_parse_500_sentences", |b| {
            b.iter(|| {
                let mut n = 0;
                for s in &sents {
                    let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    let tags = tagger.tag(&w);
                    let u: Vec<&str> = tags.iter().map(|t| t.upos.as_str()).collect();
                    let x: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
                    n += parser.parse(&w, &u, &x).len();
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
