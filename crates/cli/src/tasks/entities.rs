//! `crosscheck eval entities --pairs FILE`: pairwise merge precision/recall of
//! the entity resolver on a labelled pairs file (see crosscheck_entities::eval).
use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// JSONL pairs file (e.g. crates/entities/testdata/pairs.jsonl).
    #[arg(long)]
    pub pairs: std::path::PathBuf,
    /// Also list the lines of wrong merges and missed pairs.
    #[arg(long)]
    pub verbose: bool,
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let src = std::fs::read_to_string(&a.pairs)
        .with_context(|| format!("reading {}", a.pairs.display()))?;
    let mut scores = crosscheck_entities::eval::evaluate_pairs(&src)?;
    if !a.verbose {
        scores.errors.clear();
    }
    println!("{}", serde_json::to_string(&scores)?);
    Ok(())
}
