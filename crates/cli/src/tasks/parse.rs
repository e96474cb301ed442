//! `crosscheck eval parse` and `crosscheck train parse`.
use anyhow::{bail, Context, Result};
use crosscheck_learn::ModelHeader;
use crosscheck_parse::conllu::{self, GoldSentence};
use crosscheck_parse::{evaluate, train::train as train_parser, Parser, Scores, TrainConfig};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// CoNLL-U file with gold trees (gold tokenisation is used).
    #[arg(long)]
    pub conllu: PathBuf,
    /// Use the file's gold UPOS/XPOS instead of the built-in tagger's.
    #[arg(long)]
    pub gold_tags: bool,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training CoNLL-U files (GUM documents of non-commercial genres are skipped).
    #[arg(long, num_args = 1.., required = true)]
    pub train: Vec<PathBuf>,
    /// Dev CoNLL-U file, scored into the model header.
    #[arg(long)]
    pub dev: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 15)]
    pub epochs: usize,
    /// Drop transition-feature rows whose largest averaged weight is below this.
    #[arg(long, default_value_t = 0.0)]
    pub prune_trans: f32,
    /// Drop label-feature rows whose largest averaged weight is below this.
    #[arg(long, default_value_t = 0.0)]
    pub prune_label: f32,
    /// Train on tags predicted by K-fold jackknifed taggers (0 = gold tags).
    #[arg(long, default_value_t = 0)]
    pub jackknife: usize,
    /// With --jackknife: train on both the gold-tagged and the jackknifed copy.
    #[arg(long)]
    pub jackknife_mix: bool,
}

fn read(path: &PathBuf) -> Result<Vec<GoldSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conllu::read(&text))
}

/// Replaces gold tags with the tagger's.
fn retag(tagger: &crosscheck_pos::Tagger, data: &mut [GoldSentence]) {
    for s in data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        s.upos = tags.iter().map(|t| t.upos.as_str().to_string()).collect();
        s.xpos = tags.iter().map(|t| t.xpos.as_str().to_string()).collect();
    }
}

fn scores_json(s: &Scores) -> serde_json::Value {
    serde_json::json!({
        "tokens": s.tokens,
        "uas": (s.uas * 100.0).round() / 100.0,
        "las": (s.las * 100.0).round() / 100.0,
        "las_main": (s.las_main * 100.0).round() / 100.0,
    })
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let owned;
    let parser: &Parser = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            owned = Parser::from_bytes(&bytes)?;
            &owned
        }
        None => Parser::builtin()?,
    };
    let mut data = read(&a.conllu)?;
    if data.is_empty() {
        bail!("no sentences in {}", a.conllu.display());
    }
    let start = Instant::now();
    if !a.gold_tags {
        let tagger = crosscheck_pos::Tagger::builtin()?;
        retag(tagger, &mut data);
    }
    let s = evaluate(parser, &data);
    let secs = start.elapsed().as_secs_f64();
    let mut out = scores_json(&s);
    out["task"] = "parse".into();
    out["tags"] = if a.gold_tags { "gold" } else { "predicted" }.into();
    out["tokens_per_sec"] = ((s.tokens as f64 / secs.max(1e-9)).round()).into();
    println!("{out}");
    Ok(())
}

/// Jackknifing: tags each of K folds with a tagger trained on the others,
/// so the parser learns from tags as noisy as it will see. Folds are
/// contiguous runs of sentences, so whole documents are held out (as at test
/// time); interleaved folds leak a document's names and words and give
/// tags about a point more accurate than the real tagger's.
fn jackknife(data: &mut [GoldSentence], k: usize, seed: u64) -> Result<()> {
    use crosscheck_pos::conllu::{ConlluSentence, ConlluWord};
    let to_pos = |s: &GoldSentence| ConlluSentence {
        words: s
            .words
            .iter()
            .zip(&s.upos)
            .zip(&s.xpos)
            .map(|((w, u), x)| ConlluWord {
                form: w.clone(),
                upos: u.clone(),
                xpos: x.clone(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let all: Vec<ConlluSentence> = data.iter().map(to_pos).collect();
    let cfg = shipped_tagger_config(seed);
    let n = data.len().max(1);
    let fold_of = |i: usize| i * k / n;
    let mut tagged: Vec<Option<(Vec<String>, Vec<String>)>> = vec![None; data.len()];
    for fold in 0..k {
        let train: Vec<ConlluSentence> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let ex = crosscheck_pos::train::examples(&train);
        eprintln!(
            "jackknife fold {}/{k}: training tagger on {} sentences",
            fold + 1,
            ex.len()
        );
        let (bytes, _) = crosscheck_pos::train::train(&ex, &[], &cfg, Vec::new(), String::new())?;
        let tagger = crosscheck_pos::Tagger::from_bytes(&bytes)?;
        for (i, s) in data.iter().enumerate().filter(|(i, _)| fold_of(*i) == fold) {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            if let Some(slot) = tagged.get_mut(i) {
                *slot = Some((
                    tags.iter().map(|t| t.upos.as_str().to_string()).collect(),
                    tags.iter().map(|t| t.xpos.as_str().to_string()).collect(),
                ));
            }
        }
    }
    for (s, t) in data.iter_mut().zip(tagged) {
        if let Some((u, x)) = t {
            s.upos = u;
            s.xpos = x;
        }
    }
    Ok(())
}

/// The settings the shipped tagger was trained with (`crosscheck train pos`
/// defaults, overridden by the flags in models/pos.ccm's header command), so
/// jackknifed tags are as noisy as the tags the parser will see.
fn shipped_tagger_config(seed: u64) -> crosscheck_pos::train::TrainConfig {
    let mut cfg = crosscheck_pos::train::TrainConfig {
        seed,
        prune: 1.0,
        case_aug: 0.01,
        ..Default::default()
    };
    let Ok(tagger) = crosscheck_pos::Tagger::builtin() else {
        return cfg;
    };
    let words: Vec<&str> = tagger.header().command.split_whitespace().collect();
    for w in words.windows(2) {
        let (flag, v) = (w[0], w[1]);
        match flag {
            "--epochs" => cfg.epochs = v.parse().unwrap_or(cfg.epochs),
            "--prune" => cfg.prune = v.parse().unwrap_or(cfg.prune),
            "--case-aug" => cfg.case_aug = v.parse().unwrap_or(cfg.case_aug),
            "--cluster-features" => {
                cfg.cluster_features = v.parse().unwrap_or(cfg.cluster_features)
            }
            _ => {}
        }
    }
    cfg
}

fn describe(path: &PathBuf) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(format!(
        "{} ({} bytes, fnv {:016x})",
        path.display(),
        bytes.len(),
        crosscheck_learn::hash_bytes(&bytes)
    ))
}

pub fn train(a: TrainArgs) -> Result<()> {
    let mut data = Vec::new();
    for f in &a.train {
        let sents = read(f)?;
        let before = sents.len();
        let kept: Vec<GoldSentence> = sents.into_iter().filter(conllu::is_open_license).collect();
        eprintln!(
            "{}: {} sentences ({} kept)",
            f.display(),
            before,
            kept.len()
        );
        data.extend(kept);
    }
    if data.is_empty() {
        bail!("no training sentences");
    }
    if a.jackknife > 1 {
        let gold = a.jackknife_mix.then(|| data.clone());
        jackknife(&mut data, a.jackknife, a.seed)?;
        if let Some(gold) = gold {
            data.extend(gold);
        }
    }
    let dev = read(&a.dev)?;
    let cfg = TrainConfig {
        epochs: a.epochs,
        seed: a.seed,
        prune_trans: a.prune_trans,
        prune_label: a.prune_label,
        ..Default::default()
    };
    let start = Instant::now();
    let trained = train_parser(&data, &cfg, |m| {
        eprintln!("{:>5.0}s {m}", start.elapsed().as_secs_f64())
    })?;

    let mut command = String::from("crosscheck train parse --train");
    for f in &a.train {
        command.push_str(&format!(" {}", f.display()));
    }
    command.push_str(&format!(
        " --dev {} --out {} --seed {} --epochs {}",
        a.dev.display(),
        a.out.display(),
        a.seed,
        a.epochs
    ));
    if a.prune_trans != 0.0 {
        command.push_str(&format!(" --prune-trans {}", a.prune_trans));
    }
    if a.prune_label != 0.0 {
        command.push_str(&format!(" --prune-label {}", a.prune_label));
    }
    if a.jackknife > 1 {
        command.push_str(&format!(" --jackknife {}", a.jackknife));
        if a.jackknife_mix {
            command.push_str(" --jackknife-mix");
        }
    }
    // The tagger whose errors the jackknife imitates and the dev score uses.
    let tagger_command = crosscheck_pos::Tagger::builtin()
        .map(|t| t.header().command.clone())
        .unwrap_or_default();
    let mut header = ModelHeader {
        extra: serde_json::json!({ "tagger": tagger_command }),
        data: a
            .train
            .iter()
            .chain([&a.dev])
            .map(describe)
            .collect::<Result<_>>()?,
        command,
        seed: a.seed,
        ..Default::default()
    };
    // Score the saved (quantised) model, then store the scores in its header.
    let bytes = trained.to_bytes(header.clone())?;
    let saved = Parser::from_bytes(&bytes)?;
    let gold = evaluate(&saved, &dev);
    let mut scores = serde_json::json!({ "dev_gold_tags": scores_json(&gold) });
    eprintln!("dev (gold tags): {}", scores_json(&gold));
    match crosscheck_pos::Tagger::builtin() {
        Ok(tagger) => {
            let mut pred = dev.clone();
            retag(tagger, &mut pred);
            let p = evaluate(&saved, &pred);
            eprintln!("dev (predicted tags): {}", scores_json(&p));
            scores["dev_predicted_tags"] = scores_json(&p);
        }
        Err(e) => eprintln!("no tagger, predicted-tag dev score skipped: {e}"),
    }
    header.scores = scores;
    let bytes = trained.to_bytes(header)?;
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!("wrote {} ({} bytes)", a.out.display(), bytes.len());
    Ok(())
}
