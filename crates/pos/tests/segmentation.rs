//! Sentence-boundary and token F1 of crosscheck-tokenize against UD EWT dev
//! (`# text` lines of each document joined with spaces, or with blank lines
//! between paragraphs). Run with `--nocapture` to see the numbers.

use crosscheck_doc::Span;
use crosscheck_pos::conllu::{read_conllu, ConlluSentence};
use std::collections::HashSet;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/datasets/ud-english-ewt/en_ewt-ud-dev.conllu"
);

struct Doc {
    text: String,
    gold_ends: Vec<usize>,
    gold_tokens: Vec<(usize, usize)>,
}

fn build_docs(sents: &[ConlluSentence], par_sep: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    for s in sents {
        let Some(t) = &s.text else { continue };
        if s.newdoc.is_some() || docs.is_empty() {
            docs.push(Doc {
                text: String::new(),
                gold_ends: vec![],
                gold_tokens: vec![],
            });
        }
        let Some(d) = docs.last_mut() else { continue };
        if !d.text.is_empty() {
            d.text.push_str(if s.newpar { par_sep } else { " " });
        }
        let base = d.text.len();
        d.text.push_str(t);
        d.gold_ends.push(d.text.len());
        // Gold tokens: UD words where a multiword token splits cleanly, else the token.
        let mut cur = base;
        for tok in &s.tokens {
            let rest = &d.text[cur..];
            let skip = rest.len() - rest.trim_start().len();
            let start = cur + skip;
            if !d.text[start..].starts_with(tok.form.as_str()) {
                continue;
            }
            let words: Vec<&str> = s.words[tok.words.clone()]
                .iter()
                .map(|w| w.form.as_str())
                .collect();
            if words.len() > 1 && words.concat() == tok.form {
                let mut p = start;
                for w in words {
                    d.gold_tokens.push((p, p + w.len()));
                    p += w.len();
                }
            } else {
                d.gold_tokens.push((start, start + tok.form.len()));
            }
            cur = start + tok.form.len();
        }
    }
    docs
}

trait Floor {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl Floor for String {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

fn f1(gold: usize, pred: usize, hit: usize) -> (f64, f64, f64) {
    let p = hit as f64 / pred.max(1) as f64;
    let r = hit as f64 / gold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn score(docs: &[Doc]) -> ((f64, f64, f64), (f64, f64, f64)) {
    let (mut sg, mut sp, mut sh) = (0, 0, 0);
    let (mut tg, mut tp, mut th) = (0, 0, 0);
    for d in docs {
        let toks = crosscheck_tokenize::tokenize(&d.text, Span::new(0, d.text.len()));
        let ss = crosscheck_tokenize::sentences(&d.text, &toks);
        // Internal boundaries only: the document end is free.
        let gold: HashSet<usize> = d.gold_ends[..d.gold_ends.len().saturating_sub(1)]
            .iter()
            .copied()
            .collect();
        let pred: HashSet<usize> = ss[..ss.len().saturating_sub(1)]
            .iter()
            .map(|s| s.span.end)
            .collect();
        if std::env::var("SEG_DUMP").is_ok() {
            for g in gold.difference(&pred) {
                let a = d.text.floor_char_boundary_compat(g.saturating_sub(40));
                let b = d
                    .text
                    .floor_char_boundary_compat((*g + 30).min(d.text.len()));
                eprintln!("MISS {:?} || {:?}", &d.text[a..*g], &d.text[*g..b]);
            }
            for p in pred.difference(&gold) {
                let a = d.text.floor_char_boundary_compat(p.saturating_sub(40));
                let b = d
                    .text
                    .floor_char_boundary_compat((*p + 30).min(d.text.len()));
                eprintln!("FALSE {:?} || {:?}", &d.text[a..*p], &d.text[*p..b]);
            }
        }
        sg += gold.len();
        sp += pred.len();
        sh += gold.intersection(&pred).count();
        let gt: HashSet<(usize, usize)> = d.gold_tokens.iter().copied().collect();
        let pt: HashSet<(usize, usize)> = toks.iter().map(|t| (t.span.start, t.span.end)).collect();
        if std::env::var("TOK_DUMP").is_ok() {
            for &(a, b) in pt.difference(&gt) {
                eprintln!("TOKFP {:?}", &d.text[a..b]);
            }
        }
        tg += gt.len();
        tp += pt.len();
        th += gt.intersection(&pt).count();
    }
    (f1(sg, sp, sh), f1(tg, tp, th))
}

#[test]
fn ewt_dev_sentence_and_token_f1() {
    let Ok(text) = std::fs::read_to_string(DEV) else {
        eprintln!("skipping: {DEV} not found");
        return;
    };
    let sents = read_conllu(&text);
    for (name, sep) in [("spaces", " "), ("paragraphs", "\n\n")] {
        let docs = build_docs(&sents, sep);
        let (s, t) = score(&docs);
        println!(
            "EWT dev ({name}): sentence boundary P {:.4} R {:.4} F1 {:.4}; token P {:.4} R {:.4} F1 {:.4}",
            s.0, s.1, s.2, t.0, t.1, t.2
        );
        assert!(t.2 > 0.95, "token F1 {}", t.2);
        assert!(s.2 > 0.6, "sentence F1 {}", s.2);
    }
}
