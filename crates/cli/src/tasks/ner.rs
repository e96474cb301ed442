//! `crosscheck eval ner` and `crosscheck train ner`.
use anyhow::{bail, Context, Result};
use crosscheck_ner::data::{self, Format, LabeledDoc};
use crosscheck_ner::training::{self, TrainJob};
use crosscheck_ner::{eval as ner_eval, Recognizer, TrainConfig};
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
    /// Unlabelled text for the capitalisation lexicon (`.conllu` text lines or raw text).
    #[arg(long, num_args = 1..)]
    pub text: Vec<PathBuf>,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
}

fn load(path: &Path, format: Format, all_genres: bool) -> Result<Vec<LabeledDoc>> {
    Ok(data::load_path(path, format, all_genres)?)
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let (path, format) = match (&a.conll, &a.conllu, &a.iob2) {
        (Some(p), None, None) => (p, Format::Conll),
        (None, Some(p), None) => (p, Format::Conllu),
        (None, None, Some(p)) => (p, Format::Iob2),
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

pub fn train(a: TrainArgs) -> Result<()> {
    let job = TrainJob {
        train: a.train,
        dev: a.dev,
        text: a.text,
        out: a.out,
        seed: a.seed,
        epochs: a.epochs,
        config: TrainConfig::default(),
    };
    training::run(&job, |line| eprintln!("{line}"))?;
    Ok(())
}
