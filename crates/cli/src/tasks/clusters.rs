//! `crosscheck train clusters`: word classes from plain text.
use anyhow::{Context, Result};
use crosscheck_clusters::train::{train_files, TrainConfig};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Text files or directories (CSV, TimeML, HTML[.gz], CoNLL-U `# text`, plain text).
    #[arg(long, num_args = 1.., required = true)]
    pub text: Vec<PathBuf>,
    /// Output model file.
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Classes at the finest level (each coarser level has a quarter as many).
    #[arg(long, default_value_t = 1024)]
    pub classes: usize,
    /// Number of nested levels.
    #[arg(long, default_value_t = 4)]
    pub levels: usize,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = 2)]
    pub min_count: usize,
    /// At most this many (most frequent) words are clustered.
    #[arg(long, default_value_t = 50_000)]
    pub max_words: usize,
    /// Exchange-algorithm passes.
    #[arg(long, default_value_t = 12)]
    pub iters: usize,
}

pub fn train(a: TrainArgs) -> Result<()> {
    let cfg = TrainConfig {
        classes: a.classes,
        levels: a.levels,
        min_count: a.min_count,
        max_words: a.max_words,
        iters: a.iters,
        seed: a.seed,
    };
    let (bytes, s) = train_files(&a.text, &cfg)?;
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    println!(
        "{}",
        serde_json::json!({
            "task": "clusters",
            "model": a.out.display().to_string(),
            "bytes": bytes.len(),
            "tokens": s.tokens,
            "types": s.types,
            "clustered_words": s.clustered,
        })
    );
    Ok(())
}
