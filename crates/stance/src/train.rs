//! Training: IDF from the training bodies, features for every pair, the
//! MLP, and a model file whose header records data, command and dev scores.
//! Deterministic: single-threaded, seeded, every map iterated in key order.

use crate::data::FncData;
use crate::features::{pair_features, BodyAnalysis, Idf, PairFeatures};
use crate::metrics::{Confusion, Scores};
use crate::mlp::{ensemble_probs, Mlp, MlpConfig, Trainer};
use crate::text::tokenize;
use crate::{Extra, StanceError, StanceLabel, StanceModel, FEATURE_VERSION, MODEL_KIND};
use crosscheck_learn::{argmax, model_file, Model, ModelHeader};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub seed: u64,
    /// Fraction of body ids held out for the dev score.
    pub holdout: f64,
    /// After scoring on the dev split, retrain on all data for the shipped model.
    pub refit: bool,
    /// Hold out whole topics (see [`FncData::split_topics`]) instead of body ids.
    pub topic_split: bool,
    pub mlp: MlpConfig,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            holdout: 0.2,
            refit: true,
            topic_split: false,
            mlp: MlpConfig::default(),
        }
    }
}

/// The provenance header for a run: data files and the command that
/// reproduces it, rebuilt from the settings (not argv) so equal runs give
/// equal bytes.
pub fn header(cfg: &TrainConfig, bodies: &Path, stances: &Path) -> ModelHeader {
    let describe = |p: &Path| {
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("shared/datasets/fnc-1/{name} ({size} bytes)")
    };
    let m = &cfg.mlp;
    let command = format!(
        "crosscheck train stance --bodies ../shared/datasets/fnc-1/train_bodies.csv --stances \
         ../shared/datasets/fnc-1/train_stances.csv --out models/stance.ccm --seed {} --holdout {}{}{} \
         --epochs {} --hidden {} --lr {} --dropout {} --l2 {} --min-count {} --ensemble {}",
        cfg.seed,
        cfg.holdout,
        if cfg.refit { "" } else { " --no-refit" },
        if cfg.topic_split { " --topic-split" } else { "" },
        m.epochs,
        m.hidden,
        m.lr,
        m.dropout,
        m.l2,
        m.min_count,
        m.ensemble
    );
    ModelHeader {
        data: vec![describe(bodies), describe(stances)],
        command,
        seed: cfg.seed,
        ..Default::default()
    }
}

/// Result of [`train`].
pub struct TrainOutput {
    /// The model file.
    pub bytes: Vec<u8>,
    /// Scores of the held-out split (model trained without it).
    pub dev: Option<Scores>,
}

fn quantise(m: &Model) -> Result<Model, StanceError> {
    let bytes = model_file::write(&ModelHeader::default(), &[m])?;
    let (_, mut t) = model_file::read(&bytes)?;
    t.pop()
        .ok_or_else(|| StanceError::Malformed("empty table".into()))
}

/// Builds the IDF table over the given bodies (quantised as it will be stored).
fn build_idf(bodies: &[&str]) -> Result<Idf, StanceError> {
    let mut df: BTreeMap<u64, u32> = BTreeMap::new();
    let mut total_len = 0usize;
    for b in bodies {
        let t = tokenize(b);
        total_len += t.words.len();
        let stems: BTreeSet<u64> = t.words.iter().map(|w| w.stem).collect();
        for s in stems {
            *df.entry(s).or_insert(0) += 1;
        }
    }
    let n = bodies.len() as f32;
    let idf_of = |d: f32| ((1.0 + n) / (1.0 + d)).ln() + 1.0;
    let keys: Vec<u64> = df.keys().copied().collect();
    let weights: Vec<f32> = df.values().map(|&d| idf_of(d as f32)).collect();
    let table = Model::from_rows(1, keys, weights)
        .ok_or_else(|| StanceError::Malformed("idf shape".into()))?;
    let avg_len = total_len as f32 / n.max(1.0);
    Ok(Idf::new(quantise(&table)?, idf_of(0.0), avg_len))
}

struct Fitted {
    idf: Idf,
    mlps: Vec<Mlp>,
    cfg: MlpConfig,
}

fn body_ids(data: &FncData, pairs: &[usize]) -> BTreeSet<u32> {
    pairs
        .iter()
        .filter_map(|&i| data.pairs.get(i).map(|p| p.body_id))
        .collect()
}

fn features_for(data: &FncData, pairs: &[usize], idf: &Idf) -> (Vec<PairFeatures>, Vec<usize>) {
    let bodies: BTreeMap<u32, BodyAnalysis> = body_ids(data, pairs)
        .into_iter()
        .filter_map(|id| {
            data.bodies
                .get(&id)
                .map(|b| (id, BodyAnalysis::new(b, idf)))
        })
        .collect();
    let mut feats = Vec::new();
    let mut labels = Vec::new();
    for p in pairs.iter().filter_map(|&i| data.pairs.get(i)) {
        if let Some(b) = bodies.get(&p.body_id) {
            feats.push(pair_features(&p.headline, b, idf));
            labels.push(p.label as usize);
        }
    }
    (feats, labels)
}

fn score(mlps: &[Mlp], feats: &[PairFeatures], labels: &[usize]) -> Scores {
    let mut c = Confusion::default();
    for (f, &l) in feats.iter().zip(labels) {
        let s = ensemble_probs(mlps, f);
        c.add(
            StanceLabel::from_index(l),
            StanceLabel::from_index(argmax(&s)),
        );
    }
    c.scores()
}

fn fit(
    data: &FncData,
    train_pairs: &[usize],
    dev_pairs: Option<&[usize]>,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Result<Fitted, StanceError> {
    let bodies: Vec<&str> = body_ids(data, train_pairs)
        .iter()
        .filter_map(|id| data.bodies.get(id).map(String::as_str))
        .collect();
    let idf = build_idf(&bodies)?;
    let (feats, labels) = features_for(data, train_pairs, &idf);
    let dev = dev_pairs.map(|p| features_for(data, p, &idf));
    log(&format!(
        "{} training pairs from {} bodies",
        feats.len(),
        bodies.len()
    ));
    let mut mlps = Vec::new();
    for member in 0..cfg.mlp.ensemble.max(1) {
        let seed = cfg.seed.wrapping_add(member as u64 * 0x9e37_79b9);
        let mut trainer = Trainer::new(cfg.mlp.clone(), &feats, &labels, seed);
        log(&format!(
            "network {}: {} sparse features kept",
            member + 1,
            trainer.n_features()
        ));
        for e in 0..cfg.mlp.epochs {
            let loss = trainer.epoch();
            let mut msg = format!("epoch {} loss {loss:.4}", e + 1);
            if let (Some((df, dl)), Some(m)) = (&dev, trainer.to_mlp()) {
                let s = score(std::slice::from_ref(&m), df, dl);
                msg.push_str(&format!(
                    " dev fnc {:.4} acc {:.4} macro_f1 {:.4} related_acc {:.4} f1 {:?}",
                    s.fnc_score,
                    s.accuracy,
                    s.macro_f1,
                    s.related_accuracy,
                    s.per_class_f1.map(|x| (x * 1000.0).round() / 1000.0)
                ));
            }
            log(&msg);
        }
        mlps.push(
            trainer
                .to_mlp()
                .ok_or_else(|| StanceError::Malformed("network shape".into()))?,
        );
    }
    if let (Some((df, dl)), true) = (&dev, mlps.len() > 1) {
        let s = score(&mlps, df, dl);
        log(&format!(
            "ensemble of {}: dev fnc {:.4} acc {:.4} macro_f1 {:.4}",
            mlps.len(),
            s.fnc_score,
            s.accuracy,
            s.macro_f1
        ));
    }
    Ok(Fitted {
        idf,
        mlps,
        cfg: cfg.mlp.clone(),
    })
}

fn assemble(f: &Fitted, mut header: ModelHeader, training: &str) -> Result<Vec<u8>, StanceError> {
    let mlp = f
        .mlps
        .first()
        .ok_or_else(|| StanceError::Malformed("no network".into()))?;
    let mut tables: Vec<Model> = Vec::new();
    for m in &f.mlps {
        tables.extend(
            m.tables()
                .ok_or_else(|| StanceError::Malformed("network shape".into()))?,
        );
    }
    let extra = Extra {
        labels: StanceLabel::ALL
            .iter()
            .map(|l| l.as_str().to_string())
            .collect(),
        idf_unseen: f.idf.unseen,
        avg_len: f.idf.avg_len,
        mean: mlp.mean.clone(),
        scale: mlp.scale.clone(),
        config: f.cfg.clone(),
        training: training.to_string(),
    };
    header.kind = MODEL_KIND.to_string();
    header.version = FEATURE_VERSION;
    header.extra =
        serde_json::to_value(extra).map_err(|e| StanceError::Malformed(e.to_string()))?;
    let mut refs: Vec<&Model> = vec![f.idf.table()];
    refs.extend(tables.iter());
    Ok(model_file::write(&header, &refs)?)
}

/// How a prediction becomes a label when scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decision {
    /// The most probable label.
    #[default]
    Argmax,
    /// The label with the best expected FNC-1 score ([`crate::Prediction::fnc_decision`]).
    FncExpected,
}

/// Scores a model on the pairs whose body is in `ids` (all pairs if `None`).
pub fn evaluate(model: &StanceModel, data: &FncData, ids: Option<&BTreeSet<u32>>) -> Scores {
    evaluate_with(model, data, ids, Decision::Argmax)
}

/// Like [`evaluate`] with a choice of decision rule.
pub fn evaluate_with(
    model: &StanceModel,
    data: &FncData,
    ids: Option<&BTreeSet<u32>>,
    decision: Decision,
) -> Scores {
    let pairs: Vec<usize> = (0..data.pairs.len())
        .filter(|&i| ids.is_none_or(|s| s.contains(&data.pairs[i].body_id)))
        .collect();
    evaluate_pairs(model, data, &pairs, decision)
}

/// Scores a model on the given pair indices.
pub fn evaluate_pairs(
    model: &StanceModel,
    data: &FncData,
    pairs: &[usize],
    decision: Decision,
) -> Scores {
    let mut prepared = BTreeMap::new();
    let mut c = Confusion::default();
    for p in pairs.iter().filter_map(|&i| data.pairs.get(i)) {
        let body = prepared.entry(p.body_id).or_insert_with(|| {
            model.prepare(data.bodies.get(&p.body_id).map_or("", String::as_str))
        });
        let pred = model.predict_prepared(&p.headline, body);
        let label = match decision {
            Decision::Argmax => pred.label,
            Decision::FncExpected => pred.fnc_decision(),
        };
        c.add(p.label, label);
    }
    c.scores()
}

/// Trains a model. `header` carries data/command/seed; scores are filled in.
pub fn train(
    data: &FncData,
    cfg: &TrainConfig,
    mut header: ModelHeader,
    log: &mut dyn FnMut(&str),
) -> Result<TrainOutput, StanceError> {
    header.seed = cfg.seed;
    let (_, dev_ids) = data.split_bodies(cfg.seed, cfg.holdout);
    let dev_ids: BTreeSet<u32> = dev_ids.into_iter().collect();
    let (train_pairs, dev_pairs): (Vec<usize>, Vec<usize>) = if cfg.topic_split {
        data.split_topics(cfg.seed, cfg.holdout)
    } else {
        (0..data.pairs.len()).partition(|&i| !dev_ids.contains(&data.pairs[i].body_id))
    };
    let mut dev = None;
    let mut fitted = None;
    if !dev_pairs.is_empty() {
        log(&format!(
            "dev split ({}): {} train pairs, {} dev pairs; {} of {} bodies held out",
            if cfg.topic_split {
                "topics"
            } else {
                "body ids"
            },
            train_pairs.len(),
            dev_pairs.len(),
            dev_ids.len(),
            data.bodies.len()
        ));
        let f = fit(data, &train_pairs, Some(&dev_pairs), cfg, log)?;
        // Score the stored (quantised) model exactly as `eval` would.
        let bytes = assemble(&f, header.clone(), "dev run")?;
        let s = evaluate_pairs(
            &StanceModel::from_bytes(&bytes)?,
            data,
            &dev_pairs,
            Decision::Argmax,
        );
        log(&format!(
            "dev (quantised model): {}",
            serde_json::to_string(&s).unwrap_or_default()
        ));
        dev = Some(s);
        fitted = Some(f);
    }
    if let Some(s) = &dev {
        header.scores = serde_json::json!({
            "dev_split": format!("{} of {} body ids held out (seed {})", dev_ids.len(), data.bodies.len(), cfg.seed),
            "dev_pairs": s.pairs,
            "dev_fnc_score": s.fnc_score,
            "dev_accuracy": s.accuracy,
            "dev_macro_f1": s.macro_f1,
            "dev_related_accuracy": s.related_accuracy,
            "dev_per_class_f1": s.per_class_f1,
        });
    }
    let (fitted, training) = match fitted {
        Some(f) if !cfg.refit => (f, "trained on the train split only; dev split held out"),
        _ => {
            log("refit on all pairs");
            let all: Vec<usize> = (0..data.pairs.len()).collect();
            (
                fit(data, &all, None, cfg, log)?,
                "refit on all pairs with the settings chosen on the dev split",
            )
        }
    };
    let bytes = assemble(&fitted, header, training)?;
    Ok(TrainOutput { bytes, dev })
}
