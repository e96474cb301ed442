//! Training and evaluation on CoNLL-U data.

use crate::conllu::ConlluSentence;
use crate::features::{ClusterCtx, Extractor, Scratch};
use crate::{
    best_allowed, run_upos, DictMap, PosError, Tagger, Upos, Xpos, FEATURE_VERSION, MODEL_KIND,
};
use crosscheck_learn::{model_file, Model, ModelHeader, Perceptron, Rng};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Stage data stored in the model header.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Extra {
    /// Frequent unambiguous words: (exact form, UPOS index, XPOS index).
    pub dict: Vec<(String, u8, u8)>,
    /// (UPOS, XPOS) index pairs seen in training.
    pub pairs: Vec<(u8, u8)>,
    /// Normalised forms seen at least twice, with their ambiguity class
    /// (bit set of UPOS tags making up at least 5% of their uses).
    #[serde(default)]
    pub amb: Vec<(String, u32)>,
    /// Cluster feature groups (bit flags; 0: no cluster features).
    #[serde(default)]
    pub cluster_features: u32,
    /// Fingerprint of the clusters file the model was trained with.
    #[serde(default)]
    pub clusters: String,
}

/// The ambiguity-class lookup of a model's header data.
pub(crate) fn amb_map(extra: &Extra) -> crate::features::AmbMap {
    let mut m = crate::features::AmbMap::default();
    m.reserve(extra.amb.len());
    for (w, c) in &extra.amb {
        m.insert(crate::features::norm_key(w), *c);
    }
    m
}

/// Lowercase with ASCII digits mapped to 0 (the tagger's normal form).
fn normal_form(w: &str) -> String {
    w.chars()
        .flat_map(|c| {
            if c.is_ascii_digit() {
                '0'.to_lowercase()
            } else {
                c.to_lowercase()
            }
        })
        .collect()
}

/// One training sentence with class indices.
#[derive(Debug, Clone)]
pub struct Example {
    pub words: Vec<String>,
    pub upos: Vec<u8>,
    pub xpos: Vec<u8>,
}

/// GUM genres whose texts are licensed non-commercially (or have no text):
/// never trained on.
pub const NC_GUM_GENRES: [&str; 6] = ["essay", "fiction", "letter", "podcast", "whow", "reddit"];

/// Converts sentences to examples, dropping GUM documents of
/// non-commercially licensed genres. Unknown tags map to X / XX.
pub fn examples(sents: &[ConlluSentence]) -> Vec<Example> {
    open_sentences(sents)
        .map(|s| {
            let tags: Vec<(u8, u8)> = s.words.iter().map(word_tags).collect();
            Example {
                words: s.words.iter().map(|w| w.form.clone()).collect(),
                upos: tags.iter().map(|t| t.0).collect(),
                xpos: tags.iter().map(|t| t.1).collect(),
            }
        })
        .collect()
}

/// Sentences outside GUM documents of non-commercial genres.
fn open_sentences(sents: &[ConlluSentence]) -> impl Iterator<Item = &ConlluSentence> {
    let mut skip = false;
    sents.iter().filter(move |s| {
        if let Some(id) = &s.newdoc {
            skip = id
                .strip_prefix("GUM_")
                .and_then(|r| r.split('_').next())
                .is_some_and(|g| NC_GUM_GENRES.contains(&g));
        }
        !skip
    })
}

fn word_tags(w: &crate::conllu::ConlluWord) -> (u8, u8) {
    (
        Upos::parse(&w.upos).unwrap_or(Upos::X).index() as u8,
        Xpos::parse(&w.xpos).unwrap_or(Xpos::XX).index() as u8,
    )
}

/// Sentences with hyphenated compounds that UD splits ("long - term")
/// rejoined into one word ("long-term"), as the tokenizer keeps them, tagged
/// like their last part. Only sentences with at least one join are returned:
/// they are added to the training data so whole hyphenated words are seen.
pub fn hyphen_joined(sents: &[ConlluSentence]) -> Vec<Example> {
    let no_space = |w: &crate::conllu::ConlluWord| w.misc.split('|').any(|m| m == "SpaceAfter=No");
    let mut out = Vec::new();
    for s in open_sentences(sents) {
        let w = &s.words;
        let mut ex = Example {
            words: Vec::with_capacity(w.len()),
            upos: Vec::with_capacity(w.len()),
            xpos: Vec::with_capacity(w.len()),
        };
        let mut joined = false;
        let mut i = 0;
        while let Some(first) = w.get(i) {
            let mut form = first.form.clone();
            let mut last = first;
            let mut j = i;
            // Join "A - B" while A and '-' are attached and B follows.
            while let (Some(a), Some(h), Some(b)) = (w.get(j), w.get(j + 1), w.get(j + 2)) {
                let is_hyph = h.form == "-" && h.xpos == "HYPH";
                let word_like =
                    |x: &crate::conllu::ConlluWord| x.form.chars().any(char::is_alphanumeric);
                if is_hyph && no_space(a) && no_space(h) && word_like(a) && word_like(b) {
                    form.push('-');
                    form.push_str(&b.form);
                    last = b;
                    j += 2;
                    joined = true;
                } else {
                    break;
                }
            }
            let (u, x) = word_tags(last);
            ex.words.push(form);
            ex.upos.push(u);
            ex.xpos.push(x);
            i = j + 1;
        }
        if joined {
            out.push(ex);
        }
    }
    out
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Drop features whose largest averaged weight is below this.
    pub prune: f32,
    /// A word enters the tag dictionary if seen this often…
    pub dict_min_count: usize,
    /// …with one (UPOS, XPOS) pair at least this share of the time.
    pub dict_min_share: f64,
    /// Share of training sentences shown ALL-CAPS, and the same share lowercased.
    pub case_aug: f64,
    /// Cluster feature groups (bit flags; 0: none).
    pub cluster_features: u32,
    /// Clusters file (`None`: the built-in `models/clusters.ccm`).
    pub clusters_file: Option<std::path::PathBuf>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            seed: 1,
            prune: 0.0,
            dict_min_count: 20,
            dict_min_share: 0.995,
            case_aug: 0.0,
            cluster_features: DEFAULT_CLUSTER_FEATURES,
            clusters_file: None,
        }
    }
}

/// Cluster feature groups of the shipped model.
pub const DEFAULT_CLUSTER_FEATURES: u32 = 127;

/// The clusters `cfg` asks for (`None` when it uses no cluster features).
fn load_clusters(
    cfg: &TrainConfig,
) -> Result<Option<std::sync::Arc<crosscheck_clusters::Clusters>>, PosError> {
    if cfg.cluster_features == 0 {
        return Ok(None);
    }
    let c = match &cfg.clusters_file {
        Some(p) => {
            let b = std::fs::read(p)
                .map_err(|e| PosError::Clusters(format!("{}: {e}", p.display())))?;
            crosscheck_clusters::Clusters::from_bytes(&b)
        }
        // The same bytes as `Clusters::builtin()`, in an Arc.
        None => crosscheck_clusters::Clusters::from_bytes(BUILTIN_CLUSTERS),
    }
    .map_err(|e| PosError::Clusters(e.to_string()))?;
    Ok(Some(std::sync::Arc::new(c)))
}

static BUILTIN_CLUSTERS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/clusters.ccm"
));

fn ctx<'a>(
    cl: &'a Option<std::sync::Arc<crosscheck_clusters::Clusters>>,
    cfg: &TrainConfig,
) -> ClusterCtx<'a> {
    ClusterCtx {
        clusters: cl.as_deref(),
        flags: if cl.is_some() {
            cfg.cluster_features
        } else {
            0
        },
    }
}

/// Accuracy counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub tokens: usize,
    pub upos_correct: usize,
    pub xpos_correct: usize,
}

impl Scores {
    pub fn upos_accuracy(&self) -> f64 {
        self.upos_correct as f64 / self.tokens.max(1) as f64
    }
    pub fn xpos_accuracy(&self) -> f64 {
        self.xpos_correct as f64 / self.tokens.max(1) as f64
    }
}

/// Tags every example with `tagger` and counts correct tags.
pub fn evaluate(tagger: &Tagger, data: &[Example]) -> Scores {
    let mut s = Scores::default();
    let mut scratch = crate::TagScratch::default();
    let mut out = Vec::new();
    for ex in data {
        let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
        tagger.tag_with(&words, &mut scratch, &mut out);
        for ((t, u), x) in out.iter().zip(&ex.upos).zip(&ex.xpos) {
            s.tokens += 1;
            s.upos_correct += (t.upos.index() == *u as usize) as usize;
            s.xpos_correct += (t.xpos.index() == *x as usize) as usize;
        }
    }
    s
}

fn build_extra(data: &[Example], cfg: &TrainConfig) -> Extra {
    let mut counts: BTreeMap<&str, BTreeMap<(u8, u8), usize>> = BTreeMap::new();
    let mut pairs: BTreeMap<(u8, u8), usize> = BTreeMap::new();
    for ex in data {
        for ((w, u), x) in ex.words.iter().zip(&ex.upos).zip(&ex.xpos) {
            *counts
                .entry(w.as_str())
                .or_default()
                .entry((*u, *x))
                .or_default() += 1;
            *pairs.entry((*u, *x)).or_default() += 1;
        }
    }
    let mut norm_counts: BTreeMap<String, [usize; 17]> = BTreeMap::new();
    for ex in data {
        for (w, u) in ex.words.iter().zip(&ex.upos) {
            if let Some(c) = norm_counts
                .entry(normal_form(w))
                .or_insert([0; 17])
                .get_mut(*u as usize)
            {
                *c += 1;
            }
        }
    }
    let mut amb = Vec::new();
    for (w, c) in norm_counts {
        let total: usize = c.iter().sum();
        if total < 2 {
            continue;
        }
        let mut bits = 0u32;
        for (i, n) in c.iter().enumerate() {
            if *n * 20 >= total {
                bits |= 1 << i;
            }
        }
        amb.push((w, bits));
    }
    let mut dict = Vec::new();
    for (w, tags) in counts {
        let total: usize = tags.values().sum();
        // Ties go to the smallest pair: BTreeMap order keeps this deterministic.
        let mut best = ((0u8, 0u8), 0usize);
        for (p, c) in tags {
            if c > best.1 {
                best = (p, c);
            }
        }
        if total >= cfg.dict_min_count && best.1 as f64 / total as f64 >= cfg.dict_min_share {
            dict.push((w.to_string(), best.0 .0, best.0 .1));
        }
    }
    Extra {
        dict,
        pairs: pairs.into_keys().collect(),
        amb,
        ..Extra::default()
    }
}

fn recase(words: &[String], mode: u8) -> Vec<String> {
    match mode {
        1 => words.iter().map(|w| w.to_uppercase()).collect(),
        2 => words.iter().map(|w| w.to_lowercase()).collect(),
        _ => words.to_vec(),
    }
}

fn dict_map(extra: &Extra) -> DictMap {
    extra
        .dict
        .iter()
        .map(|(w, u, x)| (crate::features::word_key(w), (*u, *x)))
        .collect()
}

fn case_mode(rng: &mut Rng, aug: f64) -> u8 {
    let r = rng.next_f64();
    if r < aug {
        1
    } else if r < 2.0 * aug {
        2
    } else {
        0
    }
}

/// Trains a UPOS model on `data[idx]`: the first pass when `first` is
/// `None`, else the second pass over the given first-pass tags.
fn train_upos(
    data: &[Example],
    idx: &[usize],
    cfg: &TrainConfig,
    extra: &Extra,
    first: Option<&[Vec<u8>]>,
    seed: u64,
    cl: ClusterCtx,
) -> Model {
    let dict = dict_map(extra);
    let amb = amb_map(extra);
    let mut p = Perceptron::new(Upos::ALL.len());
    let mut rng = Rng::new(seed);
    let mut order = idx.to_vec();
    let mut scratch = Scratch::default();
    let mut keys = Vec::with_capacity(96);
    let mut up: Vec<u8> = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut n, mut c) = (0usize, 0usize);
        for &si in &order {
            let Some(ex) = data.get(si) else { continue };
            let words_owned = recase(&ex.words, case_mode(&mut rng, cfg.case_aug));
            let words: Vec<&str> = words_owned.iter().map(String::as_str).collect();
            let fx = Extractor::new(&words, &amb, cl, &mut scratch);
            let fp = first.and_then(|f| f.get(si)).map(Vec::as_slice);
            up.clear();
            for (i, &gold) in ex.upos.iter().enumerate() {
                n += 1;
                if let Some(&(u, _)) = dict.get(&fx.info(i).exact) {
                    c += (u == gold) as usize;
                    up.push(u);
                    continue;
                }
                keys.clear();
                match fp {
                    Some(f) => fx.upos2_features(i, &up, f, &mut keys),
                    None => fx.upos_features(i, &up, &mut keys),
                }
                p.tick();
                let guess = p.predict(&keys);
                p.update(&keys, gold as usize, guess);
                c += (guess == gold as usize) as usize;
                up.push(guess as u8);
            }
        }
        eprintln!(
            "  upos{} epoch {}: train acc {:.4}, {} features",
            if first.is_some() { " pass 2" } else { "" },
            epoch + 1,
            c as f64 / n.max(1) as f64,
            p.n_features()
        );
    }
    p.finish(cfg.prune)
}

/// Trains the XPOS model (features see gold UPOS tags).
fn train_xpos(
    data: &[Example],
    cfg: &TrainConfig,
    extra: &Extra,
    seed: u64,
    cl: ClusterCtx,
) -> Model {
    let dict = dict_map(extra);
    let amb = amb_map(extra);
    let mut allowed = vec![Vec::new(); Upos::ALL.len()];
    for (u, x) in &extra.pairs {
        if let Some(a) = allowed.get_mut(*u as usize) {
            a.push(*x);
        }
    }
    let mut p = Perceptron::new(Xpos::COUNT);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut scratch = Scratch::default();
    let mut keys = Vec::with_capacity(64);
    let mut scores = vec![0f32; Xpos::COUNT];
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut n, mut c) = (0usize, 0usize);
        for &si in &order {
            let Some(ex) = data.get(si) else { continue };
            let words_owned = recase(&ex.words, case_mode(&mut rng, cfg.case_aug));
            let words: Vec<&str> = words_owned.iter().map(String::as_str).collect();
            let fx = Extractor::new(&words, &amb, cl, &mut scratch);
            let mut xp: Vec<u8> = Vec::with_capacity(words.len());
            for (i, &gold) in ex.xpos.iter().enumerate() {
                n += 1;
                let u = ex.upos.get(i).copied().unwrap_or(0);
                if let Some(&(du, dx)) = dict.get(&fx.info(i).exact) {
                    if du == u {
                        c += (dx == gold) as usize;
                        xp.push(dx);
                        continue;
                    }
                }
                keys.clear();
                fx.xpos_features(i, &ex.upos, &xp, &mut keys);
                p.tick();
                p.scores(&keys, &mut scores);
                let allowed_u = allowed.get(u as usize).map(Vec::as_slice).unwrap_or(&[]);
                let guess = best_allowed(&scores, allowed_u);
                p.update(&keys, gold as usize, guess as usize);
                c += (guess == gold) as usize;
                xp.push(guess);
            }
        }
        eprintln!(
            "  xpos epoch {}: train acc (gold UPOS) {:.4}",
            epoch + 1,
            c as f64 / n.max(1) as f64
        );
    }
    p.finish(cfg.prune)
}

/// Folds for the first-pass tags the second pass trains on.
const JACKKNIFE_FOLDS: usize = 4;

/// Trains a model; returns the model file bytes and the dev scores of the
/// saved (quantised) model. Progress goes to stderr.
///
/// The second UPOS pass learns from first-pass tags that look like test-time
/// ones: each training sentence is tagged by a first-pass model trained
/// without its fold (jackknifing).
pub fn train(
    data: &[Example],
    dev: &[Example],
    cfg: &TrainConfig,
    data_desc: Vec<String>,
    command: String,
) -> Result<(Vec<u8>, Scores), PosError> {
    let all: Vec<usize> = (0..data.len()).collect();
    let clusters = load_clusters(cfg)?;
    let cl = ctx(&clusters, cfg);
    let mut extra = build_extra(data, cfg);
    extra.cluster_features = cl.flags;
    extra.clusters = clusters
        .as_deref()
        .map(|c| c.fingerprint().to_string())
        .unwrap_or_default();
    let mut first: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    let mut scratch = Scratch::default();
    let mut keys = Vec::with_capacity(96);
    let mut margins = Vec::new();
    for fold in 0..JACKKNIFE_FOLDS {
        eprintln!("jackknife fold {}/{}", fold + 1, JACKKNIFE_FOLDS);
        let train_idx: Vec<usize> = all
            .iter()
            .copied()
            .filter(|i| i % JACKKNIFE_FOLDS != fold)
            .collect();
        let fold_data: Vec<Example> = train_idx
            .iter()
            .filter_map(|&i| data.get(i).cloned())
            .collect();
        let fold_extra = build_extra(&fold_data, cfg);
        let m = train_upos(
            data,
            &train_idx,
            cfg,
            &fold_extra,
            None,
            cfg.seed.wrapping_add(fold as u64 + 1),
            cl,
        );
        let dict = dict_map(&fold_extra);
        let amb = amb_map(&fold_extra);
        for i in all.iter().copied().filter(|i| i % JACKKNIFE_FOLDS == fold) {
            let (Some(ex), Some(slot)) = (data.get(i), first.get_mut(i)) else {
                continue;
            };
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let fx = Extractor::new(&words, &amb, cl, &mut scratch);
            run_upos(&m, &dict, &fx, None, &mut keys, slot, &mut margins);
        }
    }
    eprintln!("final models");
    let mu = train_upos(data, &all, cfg, &extra, None, cfg.seed, cl);
    let mu2 = train_upos(
        data,
        &all,
        cfg,
        &extra,
        Some(&first),
        cfg.seed.wrapping_add(100),
        cl,
    );
    let mx = train_xpos(data, cfg, &extra, cfg.seed.wrapping_add(200), cl);
    let mut header = ModelHeader {
        kind: MODEL_KIND.into(),
        version: FEATURE_VERSION,
        data: data_desc,
        command,
        seed: cfg.seed,
        scores: serde_json::Value::Null,
        extra: serde_json::to_value(&extra).map_err(|e| PosError::Header(e.to_string()))?,
    };
    let bytes = model_file::write(&header, &[&mu, &mu2, &mx])?;
    let tagger = Tagger::from_bytes_with_clusters(&bytes, clusters.clone())?;
    let s = evaluate(&tagger, dev);
    header.scores = serde_json::json!({
        "dev": "ud-english-ewt/en_ewt-ud-dev.conllu (gold tokens)",
        "dev_tokens": s.tokens,
        "upos_accuracy": (s.upos_accuracy() * 1e5).round() / 1e5,
        "xpos_accuracy": (s.xpos_accuracy() * 1e5).round() / 1e5,
        "upos_features": mu.n_features(),
        "upos2_features": mu2.n_features(),
        "xpos_features": mx.n_features(),
    });
    let bytes = model_file::write(&header, &[&mu, &mu2, &mx])?;
    Ok((bytes, s))
}

/// Reads CoNLL-U training and dev files, trains, and returns the model bytes
/// and dev scores. The header records file names, sizes and the command, so
/// the CLI and any other caller produce identical bytes for identical input.
pub fn train_files(
    train_paths: &[std::path::PathBuf],
    dev_path: &std::path::Path,
    cfg: &TrainConfig,
) -> Result<(Vec<u8>, Scores), TrainError> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| TrainError::Io(format!("{}: {e}", p.display())))
    };
    let rel = |p: &std::path::Path| {
        let name = p
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        match p.parent().and_then(|d| d.file_name()) {
            Some(d) => format!("../shared/datasets/{}/{}", d.to_string_lossy(), name),
            None => name,
        }
    };
    let mut data = Vec::new();
    let mut desc = Vec::new();
    for p in train_paths {
        let text = read(p)?;
        let sents = crate::conllu::read_conllu(&text);
        let ex = examples(&sents);
        let joined = hyphen_joined(&sents);
        desc.push(format!(
            "{} ({} bytes, {} sentences used, {} more with hyphenated compounds joined)",
            rel(p),
            text.len(),
            ex.len(),
            joined.len()
        ));
        data.extend(ex);
        data.extend(joined);
    }
    let dev = examples(&crate::conllu::read_conllu(&read(dev_path)?));
    let mut command = format!(
        "crosscheck train pos --train {} --dev {} --out models/pos.ccm --seed {} --epochs {} --prune {} --case-aug {}",
        train_paths.iter().map(|p| rel(p)).collect::<Vec<_>>().join(" "),
        rel(dev_path),
        cfg.seed,
        cfg.epochs,
        cfg.prune,
        cfg.case_aug
    );
    if cfg.cluster_features != 0 {
        let file = cfg
            .clusters_file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "models/clusters.ccm".into());
        command.push_str(&format!(
            " --cluster-features {} --clusters {file}",
            cfg.cluster_features
        ));
    }
    eprintln!(
        "training on {} sentences, dev {} sentences",
        data.len(),
        dev.len()
    );
    Ok(train(&data, &dev, cfg, desc, command)?)
}

/// Errors of [`train_files`].
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("cannot read {0}")]
    Io(String),
    #[error(transparent)]
    Pos(#[from] PosError),
}

/// Experiment: XPOS tagged first (greedy, full features), then UPOS from the
/// XPOS sequence by a second model. Returns dev (UPOS, XPOS) accuracy.
#[doc(hidden)]
pub fn experiment_xpos_first(data: &[Example], dev: &[Example], cfg: &TrainConfig) -> (f64, f64) {
    let extra = build_extra(data, cfg);
    let dict = dict_map(&extra);
    let amb = amb_map(&extra);
    let mut px = Perceptron::new(Xpos::COUNT);
    let mut pu = Perceptron::new(Upos::ALL.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut scratch = Scratch::default();
    let mut keys = Vec::with_capacity(96);
    let mut hist: Vec<u8> = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let Some(ex) = data.get(si) else { continue };
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let fx = Extractor::new(&words, &amb, ClusterCtx::default(), &mut scratch);
            hist.clear();
            for (i, &gold) in ex.xpos.iter().enumerate() {
                if let Some(&(_, x)) = dict.get(&fx.info(i).exact) {
                    hist.push(x);
                    continue;
                }
                keys.clear();
                fx.upos_features(i, &hist, &mut keys);
                px.tick();
                let g = px.predict(&keys);
                px.update(&keys, gold as usize, g);
                hist.push(g as u8);
            }
            let mut up: Vec<u8> = Vec::new();
            for (i, &gold) in ex.upos.iter().enumerate() {
                keys.clear();
                fx.xpos_features(i, &ex.xpos, &up, &mut keys);
                pu.tick();
                let g = pu.predict(&keys);
                pu.update(&keys, gold as usize, g);
                up.push(g as u8);
            }
        }
        eprintln!("xpos-first epoch {}", epoch + 1);
    }
    let mx = px.finish(cfg.prune);
    let mu = pu.finish(0.0);
    let (mut n, mut cu, mut cx) = (0usize, 0usize, 0usize);
    let mut sx = vec![0f32; Xpos::COUNT];
    let mut su = vec![0f32; Upos::ALL.len()];
    for ex in dev {
        let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
        let fx = Extractor::new(&words, &amb, ClusterCtx::default(), &mut scratch);
        let mut xs: Vec<u8> = Vec::new();
        for i in 0..words.len() {
            if let Some(&(_, x)) = dict.get(&fx.info(i).exact) {
                xs.push(x);
                continue;
            }
            keys.clear();
            fx.upos_features(i, &xs, &mut keys);
            mx.scores(&keys, &mut sx);
            xs.push(crosscheck_learn::argmax(&sx) as u8);
        }
        let mut us: Vec<u8> = Vec::new();
        for i in 0..words.len() {
            keys.clear();
            fx.xpos_features(i, &xs, &us, &mut keys);
            mu.scores(&keys, &mut su);
            us.push(crosscheck_learn::argmax(&su) as u8);
        }
        for i in 0..words.len() {
            n += 1;
            cu += (us.get(i) == ex.upos.get(i)) as usize;
            cx += (xs.get(i) == ex.xpos.get(i)) as usize;
        }
    }
    (cu as f64 / n.max(1) as f64, cx as f64 / n.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::read_conllu;

    fn line(id: usize, form: &str, upos: &str, xpos: &str, misc: &str) -> String {
        format!("{id}\t{form}\t_\t{upos}\t{xpos}\t_\t0\tdep\t_\t{misc}\n")
    }

    #[test]
    fn joins_hyphenated_compounds_and_skips_nc_genres() {
        let mut t = String::from("# newdoc id = GUM_news_x\n# text = a long-term plan\n");
        t += &line(1, "a", "DET", "DT", "_");
        t += &line(2, "long", "ADJ", "JJ", "SpaceAfter=No");
        t += &line(3, "-", "PUNCT", "HYPH", "SpaceAfter=No");
        t += &line(4, "term", "NOUN", "NN", "_");
        t += &line(5, "plan", "NOUN", "NN", "_");
        t += "\n# newdoc id = GUM_fiction_y\n";
        t += &line(1, "well", "ADV", "RB", "SpaceAfter=No");
        t += &line(2, "-", "PUNCT", "HYPH", "SpaceAfter=No");
        t += &line(3, "known", "VERB", "VBN", "_");
        t += "\n";
        let sents = read_conllu(&t);
        assert_eq!(sents.len(), 2);
        let ex = examples(&sents);
        assert_eq!(ex.len(), 1, "fiction is non-commercial");
        assert_eq!(ex[0].words.len(), 5);
        let j = hyphen_joined(&sents);
        assert_eq!(j.len(), 1);
        assert_eq!(j[0].words, ["a", "long-term", "plan"]);
        assert_eq!(j[0].upos[1] as usize, Upos::Noun.index());
        assert_eq!(j[0].xpos[1] as usize, Xpos::parse("NN").unwrap().index());
    }

    #[test]
    fn dictionary_needs_frequent_unambiguous_words() {
        let mk = |w: &str, u: Upos, x: &str| Example {
            words: vec![w.to_string()],
            upos: vec![u.index() as u8],
            xpos: vec![Xpos::parse(x).unwrap().index() as u8],
        };
        let mut data = Vec::new();
        for _ in 0..30 {
            data.push(mk("the", Upos::Det, "DT"));
            data.push(mk("run", Upos::Verb, "VB"));
        }
        for _ in 0..5 {
            data.push(mk("run", Upos::Noun, "NN"));
            data.push(mk("rare", Upos::Adj, "JJ"));
        }
        let e = build_extra(&data, &TrainConfig::default());
        let words: Vec<&str> = e.dict.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(words, ["the"]);
        let run = e.amb.iter().find(|a| a.0 == "run").unwrap().1;
        assert_eq!(run, (1 << Upos::Verb.index()) | (1 << Upos::Noun.index()));
    }
}
