//! Scores a gold file like `crosscheck eval claims`, without the CLI:
//! `cargo run -p crosscheck-claims --example eval_gold -- FILE [tokens|ner|full] [-v]`.
use crosscheck_claims::gold::{parse_jsonl, score};
use crosscheck_claims::{analyze, ClaimInput, EntityRef};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "crates/claims/testdata/claims_gold.jsonl".into());
    let mode = args
        .iter()
        .find(|a| matches!(a.as_str(), "tokens" | "ner" | "full"))
        .cloned()
        .unwrap_or_else(|| "tokens".into());
    let verbose = args.iter().any(|a| a == "-v");
    // `--dump ID[,ID…]`: print tokens (with tags), entities and predictions of those cases
    let dump: Vec<String> = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').map(String::from).collect())
        .unwrap_or_default();
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    let cases = match parse_jsonl(&raw) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let ner = if mode != "tokens" {
        crosscheck_ner::Recognizer::builtin().ok()
    } else {
        None
    };
    let tagger = if mode == "full" {
        crosscheck_pos::Tagger::builtin().ok()
    } else {
        None
    };
    let parser = if mode == "full" {
        crosscheck_parse::Parser::builtin().ok()
    } else {
        None
    };
    let mut results = Vec::new();
    for c in &cases {
        let doc = c.document();
        let text = doc.text();
        let (toks, sents) = crosscheck_tokenize::tokenize_document(&doc);
        let mentions: Vec<(crosscheck_doc::Span, &'static str)> = ner
            .map(|r| {
                r.recognize(text, &toks, &sents)
                    .into_iter()
                    .map(|m| (m.span, m.label.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let ents: Vec<EntityRef> = mentions
            .iter()
            .map(|(s, l)| EntityRef {
                span: *s,
                label: l,
                id: None,
            })
            .collect();
        let mut upos = vec!["X"; toks.len()];
        let mut heads: Vec<Option<(usize, &str)>> = vec![None; toks.len()];
        if let Some(tg) = tagger {
            for s in &sents {
                let Some(ts) = toks.get(s.tokens.clone()) else {
                    continue;
                };
                let words: Vec<&str> = ts.iter().map(|t| t.span.get(text).unwrap_or("")).collect();
                let tags = tg.tag(&words);
                let u: Vec<&'static str> = tags.iter().map(|t| t.upos.as_str()).collect();
                let x: Vec<&'static str> = tags.iter().map(|t| t.xpos.as_str()).collect();
                for (k, p) in u.iter().enumerate() {
                    if let Some(slot) = upos.get_mut(s.tokens.start + k) {
                        *slot = p;
                    }
                }
                if let Some(pr) = parser {
                    let p = pr.parse(&words, &u, &x);
                    for (k, (h, d)) in p.heads.iter().zip(&p.deprels).enumerate() {
                        if let (Some(h), Some(slot)) = (h, heads.get_mut(s.tokens.start + k)) {
                            *slot = Some((s.tokens.start + h, d.as_str()));
                        }
                    }
                }
            }
        }
        let mut input = ClaimInput::new(&doc, &toks, &sents);
        input.entities = &ents;
        if tagger.is_some() {
            input.pos = Some(&upos);
        }
        if parser.is_some() {
            input.parse = Some(&heads);
        }
        let out = analyze(&input);
        if dump.iter().any(|d| d == &c.id) {
            println!("== {}", c.id);
            let mut line = String::new();
            for (k, t) in toks.iter().enumerate() {
                let w = t.span.get(text).unwrap_or("");
                let h = heads.get(k).copied().flatten();
                line.push_str(&format!(
                    "{k}:{w}/{}{} ",
                    upos.get(k).copied().unwrap_or("-"),
                    h.map(|(h, d)| format!(">{h}:{d}")).unwrap_or_default()
                ));
            }
            println!("{line}");
            for e in &ents {
                println!("  ENT {} {:?}", e.label, e.span.get(text).unwrap_or(""));
            }
            for q in &out.quotes {
                println!(
                    "  QUOTE speaker={:?} cue={:?} direct={} :: {} [[{}]]",
                    q.speaker.as_ref().map(|s| s.text.as_str()),
                    q.cue,
                    q.direct,
                    q.content.get(text).unwrap_or(""),
                    q.span.get(text).unwrap_or("")
                );
            }
            for cl in &out.claims {
                println!(
                    "  CLAIM {:?} {:?} {:?} :: {}",
                    cl.voice,
                    cl.modality,
                    cl.evidence,
                    cl.span.get(text).unwrap_or("")
                );
            }
            for q in &out.quantities {
                println!(
                    "  QTY {:?} {:?} {:?} {:?}",
                    q.span.get(text).unwrap_or(""),
                    q.value,
                    q.qualifier,
                    q.measure
                );
            }
        }
        results.push(analyze(&input));
    }
    let mut s = score(&cases, &results);
    s.mode = Some(mode);
    if verbose {
        for e in &s.errors {
            eprintln!("{e}");
        }
    }
    println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
}
