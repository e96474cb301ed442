//! The BILOU sequence tagger: averaged structured perceptron with Viterbi
//! decoding over first-order tag transitions.

use crate::data::LabeledSentence;
use crate::features::sentence_features;
use crate::gazetteer::{flag, gazetteer, Gazetteer};
use crate::lexicon::{CapLexicon, CapLexiconData};
use crate::{EntityType, NerError, WordMention};
use crosscheck_learn::{model_file, Model, ModelHeader, Perceptron, Rng};
use serde::{Deserialize, Serialize};

/// Feature-format version stored in model headers.
pub const VERSION: u32 = 1;

/// Softens perceptron scores into posteriors for mention confidences.
const TEMPERATURE: f32 = 12.0;

/// The types the tagger predicts. Places ("LOC") are split into GPE/LOC
/// afterwards with the gazetteer.
pub const TYPES: [&str; 5] = ["PER", "ORG", "LOC", "NORP", "EVENT"];
const N_TYPES: usize = TYPES.len();
/// O + {B, I, L, U} × types.
pub const N_TAGS: usize = 1 + 4 * N_TYPES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    B,
    I,
    L,
    U,
}

fn tag_of(pos: Pos, ty: usize) -> usize {
    1 + 4 * ty
        + match pos {
            Pos::B => 0,
            Pos::I => 1,
            Pos::L => 2,
            Pos::U => 3,
        }
}

fn split_tag(tag: usize) -> Option<(Pos, usize)> {
    if tag == 0 || tag >= N_TAGS {
        return None;
    }
    let ty = (tag - 1) / 4;
    let pos = match (tag - 1) % 4 {
        0 => Pos::B,
        1 => Pos::I,
        2 => Pos::L,
        _ => Pos::U,
    };
    Some((pos, ty))
}

/// Can tag `b` follow tag `a` (`None` = sentence start)?
fn allowed(a: Option<usize>, b: usize) -> bool {
    let open = a
        .and_then(split_tag)
        .filter(|(p, _)| matches!(p, Pos::B | Pos::I));
    match (open, split_tag(b)) {
        (Some((_, t)), Some((Pos::I | Pos::L, u))) => t == u,
        (Some(_), _) => false,
        (None, Some((Pos::I | Pos::L, _))) => false,
        (None, _) => true,
    }
}

fn allowed_last(tag: usize) -> bool {
    !matches!(split_tag(tag), Some((Pos::B | Pos::I, _)))
}

/// Converts BIO labels (B-X / I-X / O, any type names) to BILOU tag ids;
/// unknown types become O.
pub fn bio_to_tags(labels: &[String]) -> Vec<usize> {
    let spans = crate::data::bio_spans(labels);
    let mut tags = vec![0usize; labels.len()];
    for (s, e, ty) in spans {
        let Some(t) = TYPES.iter().position(|x| *x == ty) else {
            continue;
        };
        if e == s + 1 {
            tags[s] = tag_of(Pos::U, t);
        } else {
            for (k, slot) in tags.iter_mut().enumerate().take(e).skip(s) {
                let pos = if k == s {
                    Pos::B
                } else if k + 1 == e {
                    Pos::L
                } else {
                    Pos::I
                };
                *slot = tag_of(pos, t);
            }
        }
    }
    tags
}

/// Spans `(start, end, type index)` of a legal BILOU tag sequence.
fn tag_spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split_tag(t) {
            Some((Pos::U, ty)) => {
                open = None;
                out.push((i, i + 1, ty));
            }
            Some((Pos::B, ty)) => open = Some((i, ty)),
            Some((Pos::I, ty)) => {
                if open.is_none_or(|(_, t0)| t0 != ty) {
                    open = Some((i, ty));
                }
            }
            Some((Pos::L, ty)) => {
                let start = match open {
                    Some((s, t0)) if t0 == ty => s,
                    _ => i,
                };
                out.push((start, i + 1, ty));
                open = None;
            }
            None => open = None,
        }
    }
    out
}

/// Viterbi over emission scores `em` (n × N_TAGS) and masked transitions
/// `trans` ((N_TAGS + 1) × N_TAGS; the last row is the start state).
fn viterbi(em: &[f32], n: usize, trans: &[f32]) -> Vec<usize> {
    viterbi_scores(em, n, trans).0
}

/// Viterbi returning also the forward max-scores (n × N_TAGS).
fn viterbi_scores(em: &[f32], n: usize, trans: &[f32]) -> (Vec<usize>, Vec<f32>) {
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = vec![NEG; n * N_TAGS];
    let mut back = vec![0u8; n * N_TAGS];
    for t in 0..N_TAGS {
        score[t] = em[t] + trans[N_TAGS * N_TAGS + t];
    }
    for i in 1..n {
        let (prev, cur) = score.split_at_mut(i * N_TAGS);
        let prev = &prev[(i - 1) * N_TAGS..];
        for t in 0..N_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for (p, &ps) in prev.iter().enumerate() {
                let s = ps + trans[p * N_TAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[t] = best + em[i * N_TAGS + t];
            back[i * N_TAGS + t] = arg;
        }
    }
    let last = &score[(n - 1) * N_TAGS..];
    let mut best = 0;
    for t in 0..N_TAGS {
        if allowed_last(t) && last[t] > last[best] {
            best = t;
        }
    }
    let mut tags = vec![0usize; n];
    tags[n - 1] = best;
    for i in (1..n).rev() {
        tags[i - 1] = back[i * N_TAGS + tags[i]] as usize;
    }
    (tags, score)
}

/// Transition scores with illegal BILOU moves set to -inf, so decoding
/// needs no branches.
fn masked(trans: &[f32]) -> Vec<f32> {
    let mut m = trans.to_vec();
    for p in 0..=N_TAGS {
        let prev = if p == N_TAGS { None } else { Some(p) };
        for t in 0..N_TAGS {
            if !allowed(prev, t) {
                if let Some(x) = m.get_mut(p * N_TAGS + t) {
                    *x = f32::NEG_INFINITY;
                }
            }
        }
    }
    m
}

/// Max-marginal confidence of each chosen tag: the best path's score minus
/// the best path through any other tag at that word, squashed by a
/// logistic. `trans` must be masked; `fwd` is Viterbi's forward scores.
fn confidences(
    em: &[f32],
    fwd: &[f32],
    n: usize,
    trans: &[f32],
    tags: &[usize],
    temp: f32,
) -> Vec<f32> {
    const NEG: f32 = f32::NEG_INFINITY;
    let mut bwd = vec![NEG; n * N_TAGS];
    for t in 0..N_TAGS {
        bwd[(n - 1) * N_TAGS + t] = if allowed_last(t) { 0.0 } else { NEG };
    }
    for i in (0..n.saturating_sub(1)).rev() {
        for p in 0..N_TAGS {
            let mut best = NEG;
            for t in 0..N_TAGS {
                best = best.max(
                    trans[p * N_TAGS + t] + em[(i + 1) * N_TAGS + t] + bwd[(i + 1) * N_TAGS + t],
                );
            }
            bwd[i * N_TAGS + p] = best;
        }
    }
    tags.iter()
        .enumerate()
        .map(|(i, &chosen)| {
            let row = |t: usize| fwd[i * N_TAGS + t] + bwd[i * N_TAGS + t];
            let mine = row(chosen);
            let other = (0..N_TAGS)
                .filter(|&t| t != chosen)
                .map(row)
                .fold(NEG, f32::max);
            let margin = mine - other;
            if margin.is_finite() {
                1.0 / (1.0 + (-margin / temp).exp())
            } else if margin > 0.0 {
                1.0
            } else {
                0.5
            }
        })
        .collect()
}

/// Stage data kept in the model header.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Extra {
    types: Vec<String>,
    transitions: Vec<f32>,
    lexicon: CapLexiconData,
    /// Fingerprint of the word clusters the features use ("": none).
    #[serde(default)]
    clusters: String,
}

/// A trained tagger.
pub struct Tagger {
    model: Model,
    trans: Vec<f32>,
    /// `trans` with illegal moves at -inf (what decoding uses).
    masked: Vec<f32>,
    header: ModelHeader,
    gaz: &'static Gazetteer,
    lex: CapLexicon,
    /// Built-in word clusters, when the model uses cluster features.
    clusters: Option<&'static crosscheck_clusters::Clusters>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Share of sentences shown in capitals each epoch.
    pub upper_rate: f64,
    /// Share of sentences shown in lowercase each epoch.
    pub lower_rate: f64,
    /// Drop averaged rows whose largest weight is below this.
    pub prune: f32,
    /// Chance that a training word's identity features are hidden.
    pub word_dropout: f64,
    /// Use word-cluster features (the built-in `models/clusters.ccm`).
    pub clusters: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 1,
            upper_rate: 0.15,
            lower_rate: 0.10,
            prune: 0.0,
            word_dropout: 0.0,
            clusters: DEFAULT_CLUSTERS,
        }
    }
}

/// Whether the shipped model uses word-cluster features.
pub const DEFAULT_CLUSTERS: bool = true;

/// What happened during training.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Token error rate on the training data per epoch.
    pub epoch_errors: Vec<f64>,
}

/// Averaged transition weights (tiny, so kept apart from the perceptron).
struct Transitions {
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u64>,
}

impl Transitions {
    fn new() -> Self {
        let n = (N_TAGS + 1) * N_TAGS;
        Transitions {
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
        }
    }
    fn bump(&mut self, i: usize, amount: f32, step: u64) {
        self.total[i] += (step - self.stamp[i]) as f64 * self.w[i] as f64;
        self.stamp[i] = step;
        self.w[i] += amount;
    }
    fn averaged(&self, step: u64) -> Vec<f32> {
        let s = step.max(1) as f64;
        (0..self.w.len())
            .map(|i| {
                ((self.total[i] + (step - self.stamp[i]) as f64 * self.w[i] as f64) / s) as f32
            })
            .collect()
    }
}

fn trans_index(prev: Option<usize>, t: usize) -> usize {
    prev.unwrap_or(N_TAGS) * N_TAGS + t
}

fn transform(words: &[String], mode: u8) -> Vec<String> {
    match mode {
        1 => words.iter().map(|w| w.to_uppercase()).collect(),
        2 => words.iter().map(|w| w.to_lowercase()).collect(),
        _ => words.to_vec(),
    }
}

impl Tagger {
    /// Trains on labelled sentences (BIO labels with `TYPES` names).
    pub fn train(
        data: &[LabeledSentence],
        lex: CapLexicon,
        cfg: &TrainConfig,
        mut progress: impl FnMut(usize, f64),
    ) -> (Tagger, TrainReport) {
        let gaz = gazetteer();
        let clusters = if cfg.clusters {
            crosscheck_clusters::Clusters::builtin().ok()
        } else {
            None
        };
        let mut p = Perceptron::new(N_TAGS);
        let mut tr = Transitions::new();
        let mut rng = Rng::new(cfg.seed);
        let gold: Vec<Vec<usize>> = data.iter().map(|s| bio_to_tags(&s.labels)).collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut report = TrainReport {
            sentences: data.len(),
            tokens: data.iter().map(|s| s.words.len()).sum(),
            ..Default::default()
        };
        let (mut keys, mut offs) = (Vec::new(), Vec::new());
        let mut em = Vec::new();
        let mut row = vec![0f32; N_TAGS];
        let mut step: u64 = 0;
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let (mut errs, mut toks) = (0usize, 0usize);
            for &si in &order {
                let (Some(sent), Some(g)) = (data.get(si), gold.get(si)) else {
                    continue;
                };
                let r = rng.next_f64();
                let mode = if r < cfg.upper_rate {
                    1
                } else if r < cfg.upper_rate + cfg.lower_rate {
                    2
                } else {
                    0
                };
                let words = transform(&sent.words, mode);
                let wr: Vec<&str> = words.iter().map(String::as_str).collect();
                let drop: Vec<bool> = (0..wr.len())
                    .map(|_| rng.next_f64() < cfg.word_dropout)
                    .collect();
                sentence_features(&wr, gaz, &lex, Some(&drop), clusters, &mut keys, &mut offs);
                let n = wr.len();
                em.clear();
                for i in 0..n {
                    p.scores(&keys[offs[i]..offs[i + 1]], &mut row);
                    em.extend_from_slice(&row);
                }
                let pred = viterbi(&em, n, &masked(&tr.w));
                for i in 0..n {
                    p.tick();
                    step += 1;
                    let (gt, pt) = (g[i], pred[i]);
                    if gt != pt {
                        errs += 1;
                        p.update(&keys[offs[i]..offs[i + 1]], gt, pt);
                    }
                    let gp = if i == 0 { None } else { Some(g[i - 1]) };
                    let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                    if (gp, gt) != (pp, pt) {
                        tr.bump(trans_index(gp, gt), 1.0, step);
                        tr.bump(trans_index(pp, pt), -1.0, step);
                    }
                }
                toks += n;
            }
            let rate = errs as f64 / toks.max(1) as f64;
            report.epoch_errors.push(rate);
            progress(epoch, rate);
        }
        let trans = tr.averaged(step);
        let model = p.finish(cfg.prune);
        let header = ModelHeader {
            kind: "ner".into(),
            version: VERSION,
            ..Default::default()
        };
        (
            Tagger {
                model,
                masked: masked(&trans),
                trans,
                header,
                gaz,
                lex,
                clusters,
            },
            report,
        )
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
        let (header, mut tables) = model_file::read_expect(bytes, "ner", 1)?;
        if header.version != VERSION {
            return Err(NerError::Header(format!(
                "feature version {} (expected {VERSION})",
                header.version
            )));
        }
        let extra: Extra = serde_json::from_value(header.extra.clone())
            .map_err(|e| NerError::Header(e.to_string()))?;
        if extra.types != TYPES || extra.transitions.len() != (N_TAGS + 1) * N_TAGS {
            return Err(NerError::Header("tag set does not match this build".into()));
        }
        let clusters = if extra.clusters.is_empty() {
            None
        } else {
            let c = crosscheck_clusters::Clusters::builtin()
                .map_err(|e| NerError::Header(e.to_string()))?;
            if c.fingerprint() != extra.clusters {
                return Err(NerError::Header(format!(
                    "model was trained with other word clusters ({})",
                    extra.clusters
                )));
            }
            Some(c)
        };
        let model = tables
            .pop()
            .ok_or_else(|| NerError::Header("no weights".into()))?;
        if model.n_classes() != N_TAGS {
            return Err(NerError::Header(
                "weight table has the wrong number of tags".into(),
            ));
        }
        Ok(Tagger {
            model,
            masked: masked(&extra.transitions),
            trans: extra.transitions,
            lex: CapLexicon::from_data(&extra.lexicon),
            header,
            gaz: gazetteer(),
            clusters,
        })
    }

    /// Serialises with `header` (its `kind`, `version` and `extra` are set here).
    pub fn to_bytes(&self, mut header: ModelHeader) -> Result<Vec<u8>, NerError> {
        header.kind = "ner".into();
        header.version = VERSION;
        header.extra = serde_json::to_value(Extra {
            types: TYPES.iter().map(|s| s.to_string()).collect(),
            transitions: self.trans.clone(),
            lexicon: self.lex.to_data(),
            clusters: self
                .clusters
                .map(|c| c.fingerprint().to_string())
                .unwrap_or_default(),
        })
        .map_err(|e| NerError::Header(e.to_string()))?;
        Ok(model_file::write(&header, &[&self.model])?)
    }

    pub fn header(&self) -> &ModelHeader {
        &self.header
    }

    pub fn set_header(&mut self, header: ModelHeader) {
        self.header = header;
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    /// Tags one sentence: BILOU ids plus each chosen tag's posterior.
    fn decode(&self, words: &[&str]) -> (Vec<usize>, Vec<f32>) {
        let n = words.len();
        let (mut keys, mut offs) = (Vec::new(), Vec::new());
        sentence_features(
            words,
            self.gaz,
            &self.lex,
            None,
            self.clusters,
            &mut keys,
            &mut offs,
        );
        let mut em = vec![0f32; n * N_TAGS];
        for (i, row) in em.chunks_exact_mut(N_TAGS).enumerate() {
            if let (Some(&a), Some(&b)) = (offs.get(i), offs.get(i + 1)) {
                self.model.scores(keys.get(a..b).unwrap_or(&[]), row);
            }
        }
        let (tags, fwd) = viterbi_scores(&em, n, &self.masked);
        // Confidences are only needed where there is a mention.
        let margins = if tags.iter().any(|&t| t != 0) {
            confidences(&em, &fwd, n, &self.masked, &tags, TEMPERATURE)
        } else {
            vec![1.0; n]
        };
        (tags, margins)
    }

    /// Raw tagger spans as BIO labels with the tagger's own type names
    /// (PER/ORG/LOC/NORP/EVENT), before any post-processing.
    pub fn raw_bio(&self, words: &[&str]) -> Vec<String> {
        let (tags, _) = self.decode(words);
        let mut out = vec!["O".to_string(); words.len()];
        for (s, e, ty) in tag_spans(&tags) {
            for (k, slot) in out.iter_mut().enumerate().take(e).skip(s) {
                *slot = format!("{}-{}", if k == s { "B" } else { "I" }, TYPES[ty]);
            }
        }
        out
    }

    /// Mentions of one sentence with contract types and confidences.
    pub fn mentions(&self, words: &[&str]) -> Vec<WordMention> {
        if words.is_empty() {
            return Vec::new();
        }
        let (tags, margins) = self.decode(words);
        let mut out = Vec::new();
        for (s, e, ty) in tag_spans(&tags) {
            let Some(span_words) = words.get(s..e) else {
                continue;
            };
            // Titles alone ("Vice President") and a bare place head word
            // ("Center", "Park") are not names.
            let lowers: Vec<String> = span_words.iter().map(|w| w.to_lowercase()).collect();
            if lowers.iter().all(|w| self.gaz.is_title(w)) {
                continue;
            }
            if TYPES[ty] == "LOC"
                && e - s == 1
                && lowers.first().is_some_and(|w| self.gaz.is_loc_head(w))
            {
                continue;
            }
            let score = margins
                .get(s..e)
                .unwrap_or(&[])
                .iter()
                .copied()
                .fold(1.0f32, f32::min);
            let mut label = match TYPES[ty] {
                "PER" => EntityType::Person,
                "ORG" => EntityType::Org,
                "LOC" => self.gaz.place_type(span_words),
                "NORP" => EntityType::Norp,
                "EVENT" => EntityType::Event,
                _ => EntityType::Other,
            };
            // A lone demonym is a group, whatever the tagger thought.
            if e - s == 1 && label != EntityType::Norp && self.gaz.is_norp_word(span_words[0]) {
                label = EntityType::Norp;
            }
            // An unlisted one-word "place" right after a personal title
            // ("President X", "ex-president X") is the person.
            let mut score = score;
            if e - s == 1
                && matches!(label, EntityType::Gpe | EntityType::Loc)
                && self.gaz.lookup(span_words) == 0
                && s > 0
                && words
                    .get(s - 1)
                    .is_some_and(|w| self.gaz.is_person_title(&w.to_lowercase()))
            {
                label = EntityType::Person;
                score = score.max(0.9);
            }
            // "Mount X", "X River": a place, even when it looks like a person.
            if label == EntityType::Person && e - s >= 2 {
                let first = span_words[0].to_lowercase();
                let last = span_words[e - s - 1].to_lowercase();
                if self.gaz.is_loc_head(&last) || matches!(first.as_str(), "mount" | "mt." | "lake")
                {
                    label = EntityType::Loc;
                }
            }
            // A listed name spelled as listed keeps its listed kind (but a
            // person may share a place's name).
            if label != EntityType::Person
                && label != EntityType::Norp
                && self.gaz.is_exact(span_words)
            {
                let f = self.gaz.lookup(span_words);
                let place = f & (flag::GPE | flag::LOC) != 0;
                let org = f & flag::ORG != 0;
                if org && !place {
                    label = EntityType::Org;
                } else if place && !org {
                    label = self.gaz.place_type(span_words);
                } else if f & flag::EVENT != 0 && !place && !org {
                    label = EntityType::Event;
                }
            }
            out.push(WordMention {
                words: s..e,
                label,
                score: if score.is_finite() { score } else { 0.5 },
            });
        }
        self.merge_listed(words, &mut out);
        out
    }

    /// A multi-word listed name ("African Union") that the tagger cut into
    /// pieces becomes one mention of its listed kind.
    fn merge_listed(&self, words: &[&str], out: &mut Vec<WordMention>) {
        for m in self.gaz.matches(words) {
            if m.end - m.start < 2 || !m.exact {
                continue;
            }
            let inside: Vec<usize> = (0..out.len())
                .filter(|&k| out[k].words.start >= m.start && out[k].words.end <= m.end)
                .collect();
            let crossing = out.iter().any(|x| {
                x.words.start < m.end
                    && m.start < x.words.end
                    && !(x.words.start >= m.start && x.words.end <= m.end)
            });
            let covered: usize = inside.iter().map(|&k| out[k].words.len()).sum();
            if inside.len() < 2 || crossing || covered != m.end - m.start {
                continue;
            }
            let Some(span_words) = words.get(m.start..m.end) else {
                continue;
            };
            let label = if m.flags & flag::ORG != 0 {
                EntityType::Org
            } else if m.flags & (flag::GPE | flag::LOC) != 0 {
                self.gaz.place_type(span_words)
            } else if m.flags & flag::EVENT != 0 {
                EntityType::Event
            } else {
                continue;
            };
            let score = inside.iter().map(|&k| out[k].score).fold(1.0f32, f32::min);
            out.retain(|x| !(x.words.start >= m.start && x.words.end <= m.end));
            out.push(WordMention {
                words: m.start..m.end,
                label,
                score,
            });
            out.sort_by_key(|x| x.words.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip() {
        let labels: Vec<String> = [
            "B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG", "B-MISC",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let tags = bio_to_tags(&labels);
        assert_eq!(tag_spans(&tags), vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)]);
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
    }

    #[test]
    fn confidences_follow_margins() {
        let n = 2;
        let mut em = vec![0f32; n * N_TAGS];
        em[tag_of(Pos::U, 0)] = 8.0; // clearly a one-word PER
        em[N_TAGS] = 0.1; // barely O
        let trans = masked(&vec![0f32; (N_TAGS + 1) * N_TAGS]);
        let (tags, fwd) = viterbi_scores(&em, n, &trans);
        assert_eq!(tags, vec![tag_of(Pos::U, 0), 0]);
        let c = confidences(&em, &fwd, n, &trans, &tags, 1.0);
        assert!(c[0] > 0.99 && c[1] < 0.6, "{c:?}");
    }

    #[test]
    fn viterbi_respects_bilou() {
        // Emissions favour an illegal I-PER at the start; transitions are zero.
        let n = 2;
        let mut em = vec![0f32; n * N_TAGS];
        em[tag_of(Pos::I, 0)] = 5.0;
        em[N_TAGS + tag_of(Pos::L, 0)] = 5.0;
        let trans = masked(&vec![0f32; (N_TAGS + 1) * N_TAGS]);
        let tags = viterbi(&em, n, &trans);
        assert_eq!(tags, vec![tag_of(Pos::B, 0), tag_of(Pos::L, 0)]);
        assert!(allowed_last(tags[1]));
    }
}
