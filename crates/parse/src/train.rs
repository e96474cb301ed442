//! Training with a dynamic oracle and exploration, and CoNLL-style scoring.

use crate::conllu::GoldSentence;
use crate::system::{self, State, N_TRANS};
use crate::{best_label, features, Deprel, ParseError, Parser};
use crosscheck_learn::{model_file, FeatureSet, Model, ModelHeader, Perceptron, Rng};
use std::collections::BTreeSet;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own (possibly wrong)
    /// transitions with probability `explore_p`.
    pub explore_from: usize,
    pub explore_p: f64,
    /// Rows whose largest averaged weight is below these are dropped.
    pub prune_trans: f32,
    pub prune_label: f32,
    /// Feature templates to train (see `FEATURE_VERSION`).
    pub feature_version: u32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 15,
            seed: 1,
            explore_from: 1,
            explore_p: 0.9,
            prune_trans: 0.0,
            prune_label: 0.0,
            feature_version: crate::FEATURE_VERSION,
        }
    }
}

/// Attachment scores. Punctuation is included.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    pub tokens: usize,
    pub uas: f64,
    /// Head and full label (with subtype) correct.
    pub las: f64,
    /// Head and universal label (subtype dropped, as CoNLL 2018) correct.
    pub las_main: f64,
}

/// Label set: every deprel in the data (unknown ones fall back to `dep`), sorted.
fn label_set(data: &[GoldSentence]) -> Vec<Deprel> {
    let mut set: BTreeSet<Deprel> = BTreeSet::new();
    set.insert(Deprel::ROOT);
    for s in data {
        for l in &s.deprels {
            set.insert(Deprel::parse(l).unwrap_or(Deprel::DEP));
        }
    }
    set.into_iter().collect()
}

/// Weights fresh from training; serialise with [`Trained::to_bytes`] and
/// load the bytes with [`Parser::from_bytes`].
pub struct Trained {
    pub trans: Model,
    pub label: Model,
    pub labels: Vec<Deprel>,
    pub feature_version: u32,
}

impl Trained {
    /// The model file: `header` with kind, version and label list filled in.
    pub fn to_bytes(&self, mut header: ModelHeader) -> Result<Vec<u8>, ParseError> {
        header.kind = crate::MODEL_KIND.into();
        header.version = self.feature_version;
        let names: Vec<&str> = self.labels.iter().map(|l| l.as_str()).collect();
        let mut extra = match header.extra {
            serde_json::Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        extra.insert("labels".into(), serde_json::json!(names));
        header.extra = serde_json::Value::Object(extra);
        Ok(model_file::write(&header, &[&self.trans, &self.label])?)
    }

    /// The parser these weights make (after quantisation, as when shipped).
    pub fn parser(&self) -> Result<Parser, ParseError> {
        Parser::from_bytes(&self.to_bytes(ModelHeader::default())?)
    }
}

/// Trains a parser; `log` receives one line per epoch.
pub fn train(
    data: &[GoldSentence],
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<Trained, ParseError> {
    let labels = label_set(data);
    let root = labels.iter().position(|l| *l == Deprel::ROOT).unwrap_or(0);
    let mut trans = Perceptron::new(N_TRANS);
    let mut lab = Perceptron::new(labels.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut fs = FeatureSet::new();
    let mut lfs = FeatureSet::new();
    let mut scores = [0f32; N_TRANS];
    let mut lscores = vec![0f32; labels.len()];
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let Some(sent) = data.get(si) else { continue };
            let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
            let upos: Vec<&str> = sent.upos.iter().map(String::as_str).collect();
            let xpos: Vec<&str> = sent.xpos.iter().map(String::as_str).collect();
            let fsent = features::Sentence::new(&words, &upos, &xpos);
            let mut gold = Vec::with_capacity(sent.len() + 1);
            gold.push(0usize);
            gold.extend_from_slice(&sent.heads);
            let gold_labels: Vec<usize> = sent
                .deprels
                .iter()
                .map(|l| {
                    let d = Deprel::parse(l).unwrap_or(Deprel::DEP);
                    labels.iter().position(|x| *x == d).unwrap_or(root)
                })
                .collect();
            let mut st = State::new(sent.len());
            while !st.is_terminal() {
                fs.clear();
                features::transition(&fsent, &st, &mut fs, cfg.feature_version);
                trans.scores(fs.keys(), &mut scores);
                let costs = st.costs(&gold);
                let pred = system::best_valid(&st, &scores);
                let min_cost = costs.iter().copied().min().unwrap_or(0);
                let mut best_gold = usize::MAX;
                for t in 0..N_TRANS {
                    if costs[t] == min_cost
                        && (best_gold == usize::MAX || scores[t] > scores[best_gold])
                    {
                        best_gold = t;
                    }
                }
                let best_gold = if best_gold == usize::MAX {
                    pred
                } else {
                    best_gold
                };
                trans.tick();
                if costs[pred] > min_cost {
                    trans.update(fs.keys(), best_gold, pred);
                }
                let next = if epoch >= cfg.explore_from && rng.next_f64() < cfg.explore_p {
                    pred
                } else {
                    best_gold
                };
                let mut label = 0usize;
                if let Some((h, d)) = st.arc(next) {
                    if h == 0 {
                        label = root;
                    } else {
                        lfs.clear();
                        features::label(&fsent, &st, h, d, &mut lfs);
                        lab.scores(lfs.keys(), &mut lscores);
                        label = best_label(&lscores, root);
                        if gold.get(d) == Some(&h) {
                            if let Some(&g) = d.checked_sub(1).and_then(|i| gold_labels.get(i)) {
                                lab.tick();
                                lab.update(lfs.keys(), g, label);
                                total += 1;
                                correct += (g == label) as usize;
                            }
                        }
                    }
                }
                st.apply(next, label as u8);
            }
        }
        let msg = format!(
            "epoch {}: train label acc on correct arcs {:.4}, {} transition features, {} label features",
            epoch + 1,
            correct as f64 / total.max(1) as f64,
            trans.n_features(),
            lab.n_features()
        );
        log(&msg);
    }
    let trans = trans.finish(cfg.prune_trans);
    let lab = lab.finish(cfg.prune_label);
    Ok(Trained {
        trans,
        label: lab,
        labels,
        feature_version: cfg.feature_version,
    })
}

/// Parses every sentence with the tags it carries and scores the result.
pub fn evaluate(parser: &Parser, data: &[GoldSentence]) -> Scores {
    let (mut n, mut uas, mut las, mut las_main) = (0usize, 0usize, 0usize, 0usize);
    for s in data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let upos: Vec<&str> = s.upos.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
        let p = parser.parse(&words, &upos, &xpos);
        for (i, (&gh, gl)) in s.heads.iter().zip(&s.deprels).enumerate() {
            n += 1;
            let ph = match p.head(i) {
                Some(h) => h + 1,
                None => 0,
            };
            if ph != gh {
                continue;
            }
            uas += 1;
            let pl = p.deprel(i).unwrap_or(Deprel::DEP);
            if pl.as_str() == gl {
                las += 1;
            }
            if pl.main() == gl.split(':').next().unwrap_or(gl) {
                las_main += 1;
            }
        }
    }
    let pct = |c: usize| 100.0 * c as f64 / n.max(1) as f64;
    Scores {
        tokens: n,
        uas: pct(uas),
        las: pct(las),
        las_main: pct(las_main),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tiny synthetic treebank: "DET NOUN VERB DET NOUN ." sentences.
    fn toy() -> Vec<GoldSentence> {
        let nouns = ["dog", "cat", "man", "city", "army", "court"];
        let verbs = ["saw", "left", "took", "held"];
        let mut out = Vec::new();
        for (i, n1) in nouns.iter().enumerate() {
            for (j, v) in verbs.iter().enumerate() {
                let n2 = nouns[(i + j + 1) % nouns.len()];
                out.push(GoldSentence {
                    doc_id: None,
                    words: ["the", n1, v, "a", n2, "."]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    upos: ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    xpos: ["DT", "NN", "VBD", "DT", "NN", "."]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    heads: vec![2, 3, 0, 5, 3, 3],
                    deprels: ["det", "nsubj", "root", "det", "obj", "punct"]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                });
            }
        }
        out
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let data = toy();
        let cfg = TrainConfig {
            epochs: 4,
            ..Default::default()
        };
        let a = train(&data, &cfg, |_| {})
            .unwrap()
            .to_bytes(ModelHeader::default())
            .unwrap();
        let b = train(&data, &cfg, |_| {})
            .unwrap()
            .to_bytes(ModelHeader::default())
            .unwrap();
        assert_eq!(a, b);
        let p = Parser::from_bytes(&a).unwrap();
        let s = evaluate(&p, &data);
        assert_eq!(s.tokens, 6 * data.len());
        assert!(s.las > 99.0, "{s:?}");
        // A different seed shuffles differently but must still learn.
        let cfg2 = TrainConfig { seed: 9, ..cfg };
        let c = train(&data, &cfg2, |_| {}).unwrap().parser().unwrap();
        assert!(evaluate(&c, &data).uas > 99.0);
    }

    #[test]
    fn older_feature_versions_load_and_newer_ones_are_refused() {
        let data = toy();
        for v in 1..=crate::FEATURE_VERSION {
            let cfg = TrainConfig {
                epochs: 3,
                feature_version: v,
                ..Default::default()
            };
            let t = train(&data, &cfg, |_| {}).unwrap();
            let p = t.parser().unwrap();
            assert!(evaluate(&p, &data).uas > 99.0, "version {v}");
        }
        let mut t = train(&data, &TrainConfig::default(), |_| {}).unwrap();
        t.feature_version = crate::FEATURE_VERSION + 1;
        let err = t.parser().unwrap_err();
        assert!(matches!(err, ParseError::BadModel(_)), "{err}");
        assert!(err.to_string().contains("feature version"), "{err}");
    }
}
