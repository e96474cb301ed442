//! `crosscheck eval extract`: body-extraction scores on an article-extraction benchmark directory.
use anyhow::{Context, Result};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Directory with ground-truth.json and html/*.html.gz.
    #[arg(long)]
    pub dir: PathBuf,
    /// Also write the predicted bodies as benchmark-style JSON ({id: {"articleBody": ...}}).
    #[arg(long)]
    pub predictions: Option<PathBuf>,
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let pages = crosscheck_extract::metric::load_bench_dir(&a.dir)
        .with_context(|| format!("loading {}", a.dir.display()))?;
    let preds = crosscheck_extract::metric::predict(&pages);
    let s = crosscheck_extract::score(
        pages
            .iter()
            .zip(&preds)
            .map(|(p, t)| (p.gold.as_str(), t.as_str())),
    );
    if let Some(path) = &a.predictions {
        let map: serde_json::Map<String, serde_json::Value> = pages
            .iter()
            .zip(&preds)
            .map(|(p, t)| (p.id.clone(), serde_json::json!({ "articleBody": t })))
            .collect();
        std::fs::write(path, serde_json::to_string(&map)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    // a struct keeps the field order of the benchmark line
    #[derive(serde::Serialize)]
    struct Line<'a> {
        task: &'a str,
        documents: usize,
        precision: f64,
        recall: f64,
        f1: f64,
        accuracy: f64,
    }
    let line = Line {
        task: "extract",
        documents: s.documents,
        precision: s.precision,
        recall: s.recall,
        f1: s.f1,
        accuracy: s.accuracy,
    };
    println!("{}", serde_json::to_string(&line)?);
    Ok(())
}
