//! `crosscheck eval ner` and `crosscheck train ner`.
use anyhow::{bail, Context, Result};
use crosscheck_ner::ModelHeader;
use crosscheck_ner::data::{self, LabeledDoc, LabeledSentence};
use crosscheck_ner::tagger::Tagger;
use crosscheck_ner::{eval as ner_eval, gazetteer, Recognizer, TrainConfig};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// CoNLL-2003 style file (IOB1 tags, `-DOCSTART-`, word POS chunk NER).
    #[arg(long)]
    pub conll: Option<PathBuf>,
    /// CoNLL-U file with GUM-style `Entity=` annotation (open genres only).
    #[arg(long)]
    pub conllu: Option<PathBuf>,
    /// IOB2 file (UNER style).
    #[arg(long)]
    pub iob2: Option<PathBuf>,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// For --conllu: keep every genre, including non-commercial ones.
    #[arg(long)]
    pub all_genres: bool,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training files: `.iob2` (UNER; OTH dropped) or `.conllu` (GUM, open genres).
    #[arg(long, num_args = 1.., required = true)]
    pub train: Vec<PathBuf>,
    /// Dev files (same formats) scored after training and recorded in the header.
    #[arg(long, num_args = 1..)]
    pub dev: Vec<PathBuf>,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
}

/// Loads a data file by extension (or explicit format).
fn load(path: &Path, format: &str, all_genres: bool) -> Result<Vec<LabeledDoc>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let docs = match format {
        "conll" => data::read_conll2003(&text)?,
        "conllu" => {
            if all_genres {
                data::read_conllu_entities(&text, |_| true)?
            } else {
                data::read_conllu_entities(&text, data::gum_doc_is_open)?
            }
        }
        _ => data::read_iob2(&text, &["OTH"])?,
    };
    Ok(docs)
}

fn format_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("conllu") => "conllu",
        Some("conll") | Some("txt") => "conll",
        _ => "iob2",
    }
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let (path, format) = match (&a.conll, &a.conllu, &a.iob2) {
        (Some(p), None, None) => (p, "conll"),
        (None, Some(p), None) => (p, "conllu"),
        (None, None, Some(p)) => (p, "iob2"),
        _ => bail!("give exactly one of --conll, --conllu, --iob2"),
    };
    let docs = load(path, format, a.all_genres)?;
    let owned;
    let rec: &Recognizer = match &a.model {
        Some(m) => {
            let bytes = std::fs::read(m).with_context(|| format!("reading {}", m.display()))?;
            owned = Recognizer::from_bytes(&bytes)?;
            &owned
        }
        None => Recognizer::builtin()?,
    };
    let t = std::time::Instant::now();
    let mut report = ner_eval::evaluate(rec, &docs);
    let secs = t.elapsed().as_secs_f64();
    if let Some(o) = report.as_object_mut() {
        o.insert("file".into(), path.display().to_string().into());
        o.insert("seconds".into(), ((secs * 1000.0).round() / 1000.0).into());
    }
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

/// A short provenance note for a data file: path, size and FNV hash.
fn describe(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path)?;
    Ok(format!(
        "{} ({} bytes, fnv64 {:016x})",
        path.display(),
        bytes.len(),
        crosscheck_ner::hash_bytes(&bytes)
    ))
}

pub fn train(a: TrainArgs) -> Result<()> {
    let gaz = gazetteer::gazetteer();
    let mut sents: Vec<LabeledSentence> = Vec::new();
    let mut data_notes = Vec::new();
    for p in &a.train {
        let docs = load(p, format_of(p), false)?;
        let n0 = sents.len();
        for d in docs {
            for mut s in d.sentences {
                data::mark_norp(&mut s, gaz);
                sents.push(s);
            }
        }
        eprintln!("{}: {} sentences", p.display(), sents.len() - n0);
        data_notes.push(describe(p)?);
    }
    let cfg = TrainConfig {
        epochs: a.epochs,
        seed: a.seed,
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let (tagger, report) = Tagger::train(&sents, &cfg, |e, err| {
        eprintln!("epoch {} train token error {:.4} ({:.1}s)", e + 1, err, t.elapsed().as_secs_f64());
    });
    let rec = Recognizer::from_tagger(tagger);
    let mut scores = serde_json::Map::new();
    for p in &a.dev {
        let docs = load(p, format_of(p), false)?;
        let r = ner_eval::evaluate(&rec, &docs);
        eprintln!("dev {}: {}", p.display(), r);
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("dev").to_string();
        scores.insert(
            name,
            serde_json::json!({"precision": r["precision"], "recall": r["recall"], "f1": r["f1"], "per_type": r["per_type"]}),
        );
        data_notes.push(format!("dev: {}", describe(p)?));
    }
    let mut cmd = vec!["crosscheck train ner --train".to_string()];
    cmd.extend(a.train.iter().map(|p| p.display().to_string()));
    if !a.dev.is_empty() {
        cmd.push("--dev".into());
        cmd.extend(a.dev.iter().map(|p| p.display().to_string()));
    }
    cmd.push(format!("--out {} --seed {} --epochs {}", a.out.display(), a.seed, a.epochs));
    let header = ModelHeader {
        data: data_notes,
        command: cmd.join(" "),
        seed: a.seed,
        scores: serde_json::Value::Object(scores),
        extra: serde_json::Value::Null,
        ..Default::default()
    };
    let bytes = rec.tagger().to_bytes(header)?;
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features, {} sentences, {} tokens)",
        a.out.display(),
        bytes.len(),
        rec.tagger().n_features(),
        report.sentences,
        report.tokens
    );
    Ok(())
}
