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
    // The product's own tagging and parsing path.
    let (Ok(tagger), Ok(parser)) = (
        crosscheck_pos::Tagger::builtin(),
        crosscheck_parse::Parser::builtin(),
    ) else {
        return ex;
    };
    if let Some(syntax) = crosscheck_pipeline::tag_and_parse(text, toks, sents, tagger, parser) {
        ex.pos = Some(syntax.upos);
        ex.parse = Some(syntax.arcs);
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
