//! Throughput of the claims stage (seed pages if present, else fictional
//! text), in tokens per second: on tokens alone, and with the POS, parse and
//! NER inputs the pipeline gives it (computed outside the timing).
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
    // with the inputs the pipeline gives (POS, parse, NER), computed once
    if let (Ok(tagger), Ok(parser), Ok(ner)) = (
        crosscheck_pos::Tagger::builtin(),
        crosscheck_parse::Parser::builtin(),
        crosscheck_ner::Recognizer::builtin(),
    ) {
        let text = doc.text();
        let mentions = ner.recognize(text, &toks, &sents);
        let ents: Vec<crosscheck_claims::EntityRef> = mentions
            .iter()
            .map(|m| crosscheck_claims::EntityRef {
                span: m.span,
                label: m.label.as_str(),
                id: None,
            })
            .collect();
        let mut upos = vec!["X"; toks.len()];
        let mut heads: Vec<Option<(usize, &str)>> = vec![None; toks.len()];
        for s in &sents {
            let Some(ts) = toks.get(s.tokens.clone()) else {
                continue;
            };
            let words: Vec<&str> = ts.iter().map(|t| t.span.get(text).unwrap_or("")).collect();
            let tags = tagger.tag(&words);
            let u: Vec<&'static str> = tags.iter().map(|t| t.upos.as_str()).collect();
            let x: Vec<&'static str> = tags.iter().map(|t| t.xpos.as_str()).collect();
            for (k, p) in u.iter().enumerate() {
                if let Some(slot) = upos.get_mut(s.tokens.start + k) {
                    *slot = p;
                }
            }
            let p = parser.parse(&words, &u, &x);
            for (k, (h, d)) in p.heads.iter().zip(&p.deprels).enumerate() {
                if let (Some(h), Some(slot)) = (h, heads.get_mut(s.tokens.start + k)) {
                    *slot = Some((s.tokens.start + h, d.as_str()));
                }
            }
        }
        g.bench_function("analyze_full_inputs", |b| {
            b.iter(|| {
                let mut input = ClaimInput::new(&doc, &toks, &sents);
                input.pos = Some(&upos);
                input.parse = Some(&heads);
                input.entities = &ents;
                let out = analyze(&input);
                std::hint::black_box(out.claims.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
