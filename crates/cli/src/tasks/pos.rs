//! `crosscheck eval pos` and `crosscheck train pos`.
use anyhow::{Context, Result};
use crosscheck_pos::conllu::read_conllu;
use crosscheck_pos::train::{evaluate, examples, train_files, TrainConfig};
use crosscheck_pos::Tagger;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// CoNLL-U file with gold tokens and tags.
    #[arg(long)]
    pub conllu: PathBuf,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Clusters file the model was trained with (default: the built-in one).
    #[arg(long)]
    pub clusters: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training CoNLL-U files (GUM documents of non-commercial genres are skipped).
    #[arg(long, num_args = 1.., required = true)]
    pub train: Vec<PathBuf>,
    /// Dev CoNLL-U file (scores recorded in the model header).
    #[arg(long)]
    pub dev: PathBuf,
    /// Output model file.
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
    /// Drop features whose largest averaged weight is below this.
    #[arg(long, default_value_t = 1.0)]
    pub prune: f32,
    /// Share of training sentences shown ALL-CAPS (and the same share lowercased).
    #[arg(long, default_value_t = 0.01)]
    pub case_aug: f64,
    /// Word-cluster feature groups (bit flags; 0 = none).
    #[arg(long, default_value_t = crosscheck_pos::train::DEFAULT_CLUSTER_FEATURES)]
    pub cluster_features: u32,
    /// Clusters file (default: the built-in models/clusters.ccm).
    #[arg(long)]
    pub clusters: Option<PathBuf>,
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let owned;
    let tagger: &Tagger = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let clusters = match &a.clusters {
                Some(c) => {
                    let b = std::fs::read(c).with_context(|| format!("reading {}", c.display()))?;
                    Some(std::sync::Arc::new(
                        crosscheck_clusters::Clusters::from_bytes(&b)?,
                    ))
                }
                None => None,
            };
            owned = Tagger::from_bytes_with_clusters(&bytes, clusters)?;
            &owned
        }
        None => Tagger::builtin()?,
    };
    let text = std::fs::read_to_string(&a.conllu)
        .with_context(|| format!("reading {}", a.conllu.display()))?;
    let s = evaluate(tagger, &examples(&read_conllu(&text)));
    println!(
        "{}",
        serde_json::json!({
            "task": "pos",
            "tokens": s.tokens,
            "upos_accuracy": s.upos_accuracy(),
            "xpos_accuracy": s.xpos_accuracy(),
        })
    );
    Ok(())
}

pub fn train(a: TrainArgs) -> Result<()> {
    let cfg = TrainConfig {
        epochs: a.epochs,
        seed: a.seed,
        prune: a.prune,
        case_aug: a.case_aug,
        cluster_features: a.cluster_features,
        clusters_file: a.clusters.clone(),
        ..TrainConfig::default()
    };
    let (bytes, s) = train_files(&a.train, &a.dev, &cfg)?;
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    println!(
        "{}",
        serde_json::json!({
            "task": "pos",
            "model": a.out.display().to_string(),
            "bytes": bytes.len(),
            "dev_tokens": s.tokens,
            "upos_accuracy": s.upos_accuracy(),
            "xpos_accuracy": s.xpos_accuracy(),
        })
    );
    Ok(())
}
