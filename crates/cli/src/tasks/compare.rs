//! `crosscheck eval compare --gold FILE`: grouping of claims into
//! propositions, stances and statuses against a hand-annotated gold set.

use anyhow::{Context, Result};
use crosscheck_compare::gold::{evaluate, parse_jsonl};
use crosscheck_compare::CompareOptions;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold JSONL file (e.g. crates/compare/testdata/compare_gold.jsonl).
    #[arg(long)]
    pub gold: String,
    /// Print each false link, miss and wrong stance or status to stderr.
    #[arg(long)]
    pub verbose: bool,
    /// Sentence-embeddings model directory (needs a build with the
    /// `embeddings` feature); default `$CROSSCHECK_EMBEDDINGS`.
    #[arg(long)]
    pub embeddings: Option<std::path::PathBuf>,
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let text = std::fs::read_to_string(&a.gold).with_context(|| format!("reading {}", a.gold))?;
    let stories = parse_jsonl(&text).with_context(|| format!("parsing {}", a.gold))?;
    let mut opts = CompareOptions::default();
    if let Some(e) = super::run::load_embeddings(a.embeddings.as_deref(), false)? {
        opts.encoder = Some(e);
    }
    let mut scores = evaluate(&stories, &opts)?;
    let errors = std::mem::take(&mut scores.errors);
    if a.verbose {
        for e in &errors {
            eprintln!("{e}");
        }
    }
    println!("{}", serde_json::to_string_pretty(&scores)?);
    Ok(())
}
