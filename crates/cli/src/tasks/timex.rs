//! `crosscheck eval timex`: TempEval-3 scoring of the rule-based TIMEX3 recogniser.
use anyhow::{bail, Context, Result};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Directory of TimeML files (*.tml, searched recursively).
    #[arg(long)]
    pub timeml: PathBuf,
    /// Write every miss, spurious hit and mismatch to this file (TSV).
    #[arg(long)]
    pub errors: Option<PathBuf>,
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let rep = crosscheck_timex::timeml::evaluate_dir(&a.timeml, a.errors.is_some())
        .with_context(|| format!("scoring {}", a.timeml.display()))?;
    for s in &rep.skipped {
        eprintln!("warning: skipped {s}");
    }
    if rep.scores.files == 0 {
        bail!("no readable .tml files under {}", a.timeml.display());
    }
    if let Some(p) = &a.errors {
        std::fs::write(p, rep.errors.join("\n") + "\n")
            .with_context(|| format!("writing {}", p.display()))?;
    }
    let s = &rep.scores;
    let mut out = serde_json::Map::new();
    out.insert("task".into(), "timex".into());
    out.insert("files".into(), s.files.into());
    out.insert("gold".into(), s.gold.into());
    out.insert("predicted".into(), s.predicted.into());
    for (k, v) in rep.to_json_fields() {
        out.insert(k.into(), v.into());
    }
    println!("{}", serde_json::Value::Object(out));
    Ok(())
}
