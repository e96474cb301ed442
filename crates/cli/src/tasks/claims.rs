//! `crosscheck eval claims --gold FILE`: quotes, speakers, modality and
//! quantities against a hand-annotated JSONL gold file.

use anyhow::{Context, Result};
use crosscheck_claims::gold::{parse_jsonl, score};
use crosscheck_claims::{analyze, ClaimInput, ClaimsOutput, EntityRef};
use crosscheck_doc::Document;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold JSONL file (e.g. crates/claims/testdata/claims_gold.jsonl).
    #[arg(long)]
    pub gold: String,
    /// What the stage is given: tokens only, + NER mentions, or + POS and
    /// parse as well ("full"). Unavailable models fall back to less.
    #[arg(long, default_value = "ner", value_parser = ["tokens", "ner", "full"])]
    pub mode: String,
    /// Print each miss to stderr.
    #[arg(long)]
    pub verbose: bool,
}

struct Extra {
    entities: Vec<(crosscheck_doc::Span, &'static str)>,
    pos: Option<Vec<&'static str>>,
    parse: Option<Vec<Option<(usize, &'static str)>>>,
}

fn extras(
    doc: &Document,
    toks: &[crosscheck_doc::Token],
    sents: &[crosscheck_doc::Sentence],
    mode: &str,
) -> Extra {
    let text = doc.text();
    let mut ex = Extra {
        entities: vec![],
        pos: None,
        parse: None,
    };
    if mode == "tokens" {
        return ex;
    }
    if let Ok(ner) = crosscheck_ner::Recognizer::builtin() {
        ex.entities = ner
            .recognize(text, toks, sents)
            .into_iter()
            .map(|m| (m.span, m.label.as_str()))
            .collect();
    }
    if mode != "full" {
        return ex;
    }
    let Ok(tagger) = crosscheck_pos::Tagger::builtin() else {
        return ex;
    };
    let parser = crosscheck_parse::Parser::builtin().ok();
    let mut upos = vec!["X"; toks.len()];
    let mut heads: Vec<Option<(usize, &'static str)>> = vec![None; toks.len()];
    for s in sents {
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
        if let Some(parser) = parser {
            let p = parser.parse(&words, &u, &x);
            for (k, (h, d)) in p.heads.iter().zip(&p.deprels).enumerate() {
                if let (Some(h), Some(slot)) = (h, heads.get_mut(s.tokens.start + k)) {
                    *slot = Some((s.tokens.start + h, d.as_str()));
                }
            }
        }
    }
    ex.pos = Some(upos);
    if parser.is_some() {
        ex.parse = Some(heads);
    }
    ex
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let raw = std::fs::read_to_string(&a.gold).with_context(|| format!("reading {}", a.gold))?;
    let cases = parse_jsonl(&raw)?;
    let mut results: Vec<ClaimsOutput> = Vec::with_capacity(cases.len());
    for c in &cases {
        let doc = c.document();
        let (toks, sents) = crosscheck_tokenize::tokenize_document(&doc);
        let ex = extras(&doc, &toks, &sents, &a.mode);
        let ents: Vec<EntityRef> = ex
            .entities
            .iter()
            .map(|(span, label)| EntityRef {
                span: *span,
                label,
                id: None,
            })
            .collect();
        let pos_refs: Option<Vec<&str>> = ex.pos.as_ref().map(|p| p.to_vec());
        let mut input = ClaimInput::new(&doc, &toks, &sents);
        input.entities = &ents;
        input.pos = pos_refs.as_deref();
        input.parse = ex.parse.as_deref();
        results.push(analyze(&input));
    }
    let mut s = score(&cases, &results);
    s.mode = Some(a.mode.clone());
    if a.verbose {
        for e in &s.errors {
            eprintln!("{e}");
        }
    }
    println!("{}", serde_json::to_string_pretty(&s)?);
    Ok(())
}
