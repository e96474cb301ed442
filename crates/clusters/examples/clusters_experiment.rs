//! Trains a cluster model without building the whole CLI; same bytes as
//! `crosscheck train clusters` for the same settings:
//! `cargo run --release -p crosscheck-clusters --example clusters_experiment -- OUT CLASSES ITERS TEXT...`
use crosscheck_clusters::train::{train_files, TrainConfig};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, classes, iters, files @ ..] = args.as_slice() else {
        return Err("usage: OUT CLASSES ITERS TEXT...".into());
    };
    let cfg = TrainConfig {
        classes: classes.parse()?,
        iters: iters.parse()?,
        ..TrainConfig::default()
    };
    let mut cfg = cfg;
    if let Ok(v) = std::env::var("MIN_COUNT") {
        cfg.min_count = v.parse()?;
    }
    let t = std::time::Instant::now();
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let (bytes, s) = train_files(&files, &cfg)?;
    std::fs::write(out, &bytes)?;
    println!(
        "{out}: {} tokens, {} types, {} clustered, {} bytes, {:.1}s",
        s.tokens,
        s.types,
        s.clustered,
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
