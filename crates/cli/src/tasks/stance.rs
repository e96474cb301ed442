//! `crosscheck eval stance` and `crosscheck train stance`.
use anyhow::{bail, Context, Result};
use crosscheck_stance::data::{read_emergent, FncData};
use crosscheck_stance::metrics::Confusion;
use crosscheck_stance::mlp::MlpConfig;
use crosscheck_stance::train::{
    evaluate_with, header as stance_header, train as train_model, Decision, TrainConfig,
};
use crosscheck_stance::{StanceLabel, StanceModel};
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// FNC-1 bodies CSV (`Body ID`, `articleBody`).
    #[arg(long, requires = "stances")]
    pub bodies: Option<PathBuf>,
    /// FNC-1 stances CSV (`Headline`, `Body ID`, `Stance`).
    #[arg(long, requires = "bodies")]
    pub stances: Option<PathBuf>,
    /// Emergent CSV (claimHeadline, articleHeadline, articleHeadlineStance): accuracy of
    /// agree/disagree/discuss for the article headline towards the claim.
    #[arg(long, conflicts_with_all = ["bodies", "stances"])]
    pub emergent: Option<PathBuf>,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score only the dev split of body ids (the same split `train` holds out with this seed).
    #[arg(long)]
    pub dev_split: bool,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 0.2)]
    pub holdout: f64,
    /// Label each pair with the best expected FNC-1 score instead of the most probable label.
    #[arg(long)]
    pub fnc_decision: bool,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    #[arg(long)]
    pub bodies: PathBuf,
    #[arg(long)]
    pub stances: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Fraction of body ids held out to score the settings (0 = none).
    #[arg(long, default_value_t = 0.2)]
    pub holdout: f64,
    /// Ship the model trained on the train split instead of refitting on all pairs.
    #[arg(long)]
    pub no_refit: bool,
    #[arg(long)]
    pub epochs: Option<usize>,
    #[arg(long)]
    pub hidden: Option<usize>,
    #[arg(long)]
    pub lr: Option<f32>,
    #[arg(long)]
    pub dropout: Option<f32>,
    #[arg(long)]
    pub l2: Option<f32>,
    #[arg(long)]
    pub min_count: Option<u32>,
    /// Networks (seeds) averaged in the shipped model.
    #[arg(long)]
    pub ensemble: Option<usize>,
    /// Hold out whole topics (claims) instead of body ids: a harder, test-like dev score.
    #[arg(long)]
    pub topic_split: bool,
}

fn load_model(path: &Option<PathBuf>) -> Result<StanceModel> {
    Ok(match path {
        Some(p) => StanceModel::from_bytes(
            &std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
        )?,
        None => StanceModel::builtin()?.clone(),
    })
}

fn f1_map(f1: &[f64; 4]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (l, v) in StanceLabel::ALL.iter().zip(f1) {
        m.insert(l.as_str().to_string(), serde_json::json!(round4(*v)));
    }
    serde_json::Value::Object(m)
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

pub fn eval(a: EvalArgs) -> Result<()> {
    let model = load_model(&a.model)?;
    if let Some(path) = &a.emergent {
        let rows = read_emergent(
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?,
        )?;
        let mut c = Confusion::default();
        for r in &rows {
            // The article headline is the "body" whose stance towards the claim we want.
            let p = model.predict(&r.claim, &r.headline);
            c.add(r.label, p.best_related());
        }
        let s = c.scores();
        let out = serde_json::json!({
            "task": "stance-emergent",
            "pairs": s.pairs,
            "accuracy": round4(s.accuracy),
            "per_class_f1": { "agree": round4(s.per_class_f1[0]), "disagree": round4(s.per_class_f1[1]),
                               "discuss": round4(s.per_class_f1[2]) },
            "macro_f1": round4(s.per_class_f1[..3].iter().sum::<f64>() / 3.0),
            "confusion": c.counts,
        });
        println!("{out}");
        return Ok(());
    }
    let (Some(bodies), Some(stances)) = (&a.bodies, &a.stances) else {
        bail!("give --bodies and --stances (FNC-1), or --emergent");
    };
    let data = FncData::load(bodies, stances)?;
    let ids: Option<BTreeSet<u32>> = a
        .dev_split
        .then(|| data.split_bodies(a.seed, a.holdout).1.into_iter().collect());
    let t0 = std::time::Instant::now();
    let decision = if a.fnc_decision {
        Decision::FncExpected
    } else {
        Decision::Argmax
    };
    let s = evaluate_with(&model, &data, ids.as_ref(), decision);
    let secs = t0.elapsed().as_secs_f64();
    let pps = (s.pairs as f64 / secs.max(1e-9)).round();
    let out = format!(
        "{{\"task\":\"stance\",\"pairs\":{},\"fnc_score\":{},\"accuracy\":{},\"per_class_f1\":{},\
         \"macro_f1\":{},\"related_accuracy\":{},\"pairs_per_second\":{pps}}}",
        s.pairs,
        round4(s.fnc_score),
        round4(s.accuracy),
        f1_map(&s.per_class_f1),
        round4(s.macro_f1),
        round4(s.related_accuracy),
    );
    println!("{out}");
    Ok(())
}

pub fn train(a: TrainArgs) -> Result<()> {
    let data = FncData::load(&a.bodies, &a.stances)?;
    let mut mlp = MlpConfig::default();
    mlp.epochs = a.epochs.unwrap_or(mlp.epochs);
    mlp.hidden = a.hidden.unwrap_or(mlp.hidden);
    mlp.lr = a.lr.unwrap_or(mlp.lr);
    mlp.dropout = a.dropout.unwrap_or(mlp.dropout);
    mlp.l2 = a.l2.unwrap_or(mlp.l2);
    mlp.min_count = a.min_count.unwrap_or(mlp.min_count);
    mlp.ensemble = a.ensemble.unwrap_or(mlp.ensemble);
    let cfg = TrainConfig {
        seed: a.seed,
        holdout: a.holdout,
        refit: !a.no_refit,
        topic_split: a.topic_split,
        mlp,
    };
    let header = stance_header(&cfg, &a.bodies, &a.stances);
    let t0 = std::time::Instant::now();
    let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    let out = train_model(&data, &cfg, header, &mut log)?;
    std::fs::write(&a.out, &out.bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!("wrote {} ({} bytes)", a.out.display(), out.bytes.len());
    if let Some(s) = out.dev {
        println!(
            "{}",
            serde_json::json!({
                "task": "stance", "split": "dev", "pairs": s.pairs, "fnc_score": round4(s.fnc_score),
                "accuracy": round4(s.accuracy), "per_class_f1": f1_map(&s.per_class_f1),
                "macro_f1": round4(s.macro_f1), "related_accuracy": round4(s.related_accuracy),
            })
        );
    }
    Ok(())
}
