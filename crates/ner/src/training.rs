//! Reproducible training from data files (used by `crosscheck train ner`).

use crate::data::{self, DataError, Format, LabeledSentence};
use crate::gazetteer::gazetteer;
use crate::lexicon::CapLexicon;
use crate::tagger::Tagger;
use crate::{eval, NerError, Recognizer, TrainConfig};
use crosscheck_learn::ModelHeader;
use std::path::PathBuf;

/// Errors from a training run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(transparent)]
    Model(#[from] NerError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What to train on and how.
#[derive(Debug, Clone)]
pub struct TrainJob {
    pub train: Vec<PathBuf>,
    pub dev: Vec<PathBuf>,
    /// Unlabelled text for the capitalisation lexicon (`.conllu`: its
    /// `# text =` lines; otherwise the raw file).
    pub text: Vec<PathBuf>,
    pub out: PathBuf,
    pub seed: u64,
    pub epochs: usize,
    /// Case-augmentation rates and pruning (seed/epochs above win).
    pub config: TrainConfig,
}

fn describe(path: &std::path::Path) -> Result<String, TrainError> {
    let bytes = std::fs::read(path).map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(format!(
        "{} ({} bytes, fnv64 {:016x})",
        path.display(),
        bytes.len(),
        crosscheck_learn::hash_bytes(&bytes)
    ))
}

/// Trains, scores on the dev files, writes the model; returns its bytes.
/// `log` receives progress lines.
pub fn run(job: &TrainJob, mut log: impl FnMut(&str)) -> Result<Vec<u8>, TrainError> {
    let gaz = gazetteer();
    let mut sents: Vec<LabeledSentence> = Vec::new();
    let mut notes = Vec::new();
    for p in &job.train {
        let docs = data::load_path(p, Format::of_path(p), false)?;
        let n0 = sents.len();
        for d in docs {
            for mut s in d.sentences {
                data::mark_norp(&mut s, gaz);
                sents.push(s);
            }
        }
        log(&format!("{}: {} sentences", p.display(), sents.len() - n0));
        notes.push(describe(p)?);
    }
    let mut texts: Vec<String> = sents.iter().map(|s| s.words.join(" ")).collect();
    for p in &job.text {
        let raw = std::fs::read_to_string(p).map_err(|source| TrainError::Io {
            path: p.display().to_string(),
            source,
        })?;
        if Format::of_path(p) == Format::Conllu {
            // Only documents under open licences (GUM's NC genres are skipped).
            let mut keep = true;
            for l in raw.lines() {
                if let Some(id) = l.strip_prefix("# newdoc id = ") {
                    keep = !id.starts_with("GUM_") || data::gum_doc_is_open(id);
                } else if let Some(t) = l.strip_prefix("# text = ") {
                    if keep {
                        texts.push(t.to_string());
                    }
                }
            }
        } else {
            texts.push(raw);
        }
        notes.push(format!("text: {}", describe(p)?));
    }
    let lex = CapLexicon::build(texts.iter().map(String::as_str));
    if job.config.clusters {
        let c = crosscheck_clusters::Clusters::builtin()
            .map_err(|e| NerError::Header(e.to_string()))?;
        notes.push(format!(
            "word clusters: models/clusters.ccm ({}; {})",
            c.fingerprint(),
            c.header().command
        ));
    }
    log(&format!("capitalisation lexicon: {} words", lex.len()));
    let cfg = TrainConfig {
        epochs: job.epochs,
        seed: job.seed,
        ..job.config.clone()
    };
    let t = std::time::Instant::now();
    let (tagger, report) = Tagger::train(&sents, lex, &cfg, |e, err| {
        log(&format!(
            "epoch {} train token error {:.4} ({:.1}s)",
            e + 1,
            err,
            t.elapsed().as_secs_f64()
        ));
    });
    let rec = Recognizer::from_tagger(tagger);
    let mut scores = serde_json::Map::new();
    for p in &job.dev {
        let docs = data::load_path(p, Format::of_path(p), false)?;
        let r = eval::evaluate(&rec, &docs);
        log(&format!("dev {}: {}", p.display(), r));
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("dev")
            .to_string();
        scores.insert(
            name,
            serde_json::json!({"precision": r["precision"], "recall": r["recall"], "f1": r["f1"],
                "per_org_loc": r["per_org_loc"], "per_type": r["per_type"], "mapping": r["mapping"]}),
        );
        notes.push(format!("dev: {}", describe(p)?));
    }
    let mut cmd = vec!["crosscheck train ner --train".to_string()];
    cmd.extend(job.train.iter().map(|p| p.display().to_string()));
    if !job.dev.is_empty() {
        cmd.push("--dev".into());
        cmd.extend(job.dev.iter().map(|p| p.display().to_string()));
    }
    if !job.text.is_empty() {
        cmd.push("--text".into());
        cmd.extend(job.text.iter().map(|p| p.display().to_string()));
    }
    cmd.push(format!(
        "--out {} --seed {} --epochs {}",
        job.out.display(),
        job.seed,
        job.epochs
    ));
    let header = ModelHeader {
        data: notes,
        command: cmd.join(" "),
        seed: job.seed,
        scores: serde_json::Value::Object(scores),
        ..Default::default()
    };
    let bytes = rec.tagger().to_bytes(header)?;
    std::fs::write(&job.out, &bytes).map_err(|source| TrainError::Io {
        path: job.out.display().to_string(),
        source,
    })?;
    log(&format!(
        "wrote {} ({} bytes, {} features, {} sentences, {} tokens)",
        job.out.display(),
        bytes.len(),
        rec.tagger().n_features(),
        report.sentences,
        report.tokens
    ));
    Ok(bytes)
}
