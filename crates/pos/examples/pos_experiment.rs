//! Training experiments without building the whole CLI; produces the same
//! bytes as `crosscheck train pos` for the same settings:
//! `cargo run --release -p crosscheck-pos --example pos_experiment -- OUT EPOCHS PRUNE CASE_AUG DEV TRAIN...`
use crosscheck_pos::train::{train_files, TrainConfig};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, epochs, prune, aug, dev, files @ ..] = args.as_slice() else {
        return Err("usage: OUT EPOCHS PRUNE CASE_AUG DEV TRAIN...".into());
    };
    let cfg = TrainConfig {
        epochs: epochs.parse()?,
        prune: prune.parse()?,
        case_aug: aug.parse()?,
        ..TrainConfig::default()
    };
    // Experiment-only overrides (the shipped model uses the defaults).
    let mut cfg = cfg;
    if let Ok(v) = std::env::var("DICT_MIN") {
        cfg.dict_min_count = v.parse()?;
    }
    if let Ok(v) = std::env::var("DICT_SHARE") {
        cfg.dict_min_share = v.parse()?;
    }
    if let Ok(v) = std::env::var("SEED") {
        cfg.seed = v.parse()?;
    }
    if let Ok(v) = std::env::var("CF") {
        cfg.cluster_features = v.parse()?;
    }
    if let Ok(v) = std::env::var("CLUSTERS") {
        cfg.clusters_file = Some(PathBuf::from(v));
    }
    let t = std::time::Instant::now();
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let (bytes, s) = train_files(&files, PathBuf::from(dev).as_path(), &cfg)?;
    std::fs::write(out, &bytes)?;
    println!(
        "{out}: upos {:.4} xpos {:.4} bytes {} secs {:.1}",
        s.upos_accuracy(),
        s.xpos_accuracy(),
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
