//! Part-of-speech tagging: a greedy left-to-right averaged-perceptron tagger
//! that predicts UD UPOS, then PTB XPOS in a second pass that sees the whole
//! sentence's UPOS tags.
//!
//! Besides word forms, affixes, shapes and ambiguity classes, features use
//! distributional word classes ([`crosscheck_clusters`], learnt from
//! unlabeled news text) at several granularities, which mostly help words
//! the tagged training data rarely or never has.
//!
//! ```no_run
//! let tagger = crosscheck_pos::Tagger::builtin().unwrap();
//! let tags = tagger.tag(&["They", "did", "n't", "go", "."]);
//! assert_eq!(tags[2].upos.as_str(), "PART");
//! ```

pub mod conllu;
mod features;
mod tags;
pub mod train;

pub use tags::{Upos, Xpos, XPOS_TAGS};

use crosscheck_learn::{model_file, Model, ModelError};
use features::{ClusterCtx, Extractor, Scratch};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::OnceLock;

/// Model kind written in the header of POS model files.
pub const MODEL_KIND: &str = "pos";
/// Version of the feature templates; a model with another version is refused.
pub const FEATURE_VERSION: u32 = 2;

/// One word's tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    pub upos: Upos,
    pub xpos: Xpos,
}

/// Errors loading a tagger.
#[derive(Debug, thiserror::Error)]
pub enum PosError {
    #[error("bad POS model file: {0}")]
    Model(#[from] ModelError),
    #[error("POS model has feature version {found}, this build needs {expected}")]
    Version { expected: u32, found: u32 },
    #[error("POS model header is malformed: {0}")]
    Header(String),
    #[error("POS model needs other word clusters: {0}")]
    Clusters(String),
}

/// The word clusters a tagger uses.
enum ClRef {
    Static(&'static crosscheck_clusters::Clusters),
    Shared(Arc<crosscheck_clusters::Clusters>),
}

impl ClRef {
    fn get(&self) -> &crosscheck_clusters::Clusters {
        match self {
            ClRef::Static(c) => c,
            ClRef::Shared(c) => c,
        }
    }
}

/// The clusters for a model that records fingerprint `want`: `given`, or
/// the built-in ones; they must match.
fn resolve_clusters(
    given: Option<Arc<crosscheck_clusters::Clusters>>,
    want: &str,
) -> Result<ClRef, PosError> {
    let c = match given {
        Some(c) => ClRef::Shared(c),
        None => ClRef::Static(
            crosscheck_clusters::Clusters::builtin()
                .map_err(|e| PosError::Clusters(e.to_string()))?,
        ),
    };
    if c.get().fingerprint() != want {
        return Err(PosError::Clusters(format!(
            "model was trained with clusters ({want}), these are ({})",
            c.get().fingerprint()
        )));
    }
    Ok(c)
}

/// The trained tagger. Cheap to share (`&'static` via [`Tagger::builtin`]).
pub struct Tagger {
    /// First pass (left context only).
    upos: Model,
    /// Second pass (also sees the first pass's tags to the right).
    upos2: Model,
    /// First-pass margin above which the second pass is skipped.
    gate: f32,
    xpos: Model,
    /// Exact word form hash → (UPOS, XPOS) for frequent unambiguous words.
    dict: DictMap,
    amb: features::AmbMap,
    /// allowed[upos] = XPOS classes seen with it in training.
    allowed: Vec<Vec<u8>>,
    /// Word clusters and the feature groups using them (0: none).
    clusters: Option<ClRef>,
    cluster_features: u32,
    header: crosscheck_learn::ModelHeader,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("upos_features", &self.upos.n_features())
            .field("xpos_features", &self.xpos.n_features())
            .field("dict", &self.dict.len())
            .finish()
    }
}

static BUILTIN_BYTES: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/pos.ccm"));

impl Tagger {
    /// The model shipped in the binary (`models/pos.ccm`), loaded once.
    pub fn builtin() -> Result<&'static Tagger, PosError> {
        static CELL: OnceLock<Result<Tagger, String>> = OnceLock::new();
        CELL.get_or_init(|| Tagger::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| PosError::Header(e.clone()))
    }

    /// Loads a model file's bytes. A model with cluster features needs the
    /// built-in clusters to be the ones it was trained with.
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, PosError> {
        Tagger::from_bytes_with_clusters(b, None)
    }

    /// Like [`Tagger::from_bytes`] with other clusters than the built-in
    /// ones (for experiments); they must be those the model was trained with.
    pub fn from_bytes_with_clusters(
        b: &[u8],
        clusters: Option<Arc<crosscheck_clusters::Clusters>>,
    ) -> Result<Tagger, PosError> {
        let (header, mut tables) = model_file::read_expect(b, MODEL_KIND, 3)?;
        if header.version != FEATURE_VERSION {
            return Err(PosError::Version {
                expected: FEATURE_VERSION,
                found: header.version,
            });
        }
        let xpos = tables
            .pop()
            .ok_or_else(|| PosError::Header("missing table".into()))?;
        let upos2 = tables
            .pop()
            .ok_or_else(|| PosError::Header("missing table".into()))?;
        let upos = tables
            .pop()
            .ok_or_else(|| PosError::Header("missing table".into()))?;
        if upos.n_classes() != Upos::ALL.len()
            || upos2.n_classes() != Upos::ALL.len()
            || xpos.n_classes() != Xpos::COUNT
        {
            return Err(PosError::Header("unexpected class counts".into()));
        }
        let extra: train::Extra = serde_json::from_value(header.extra.clone())
            .map_err(|e| PosError::Header(e.to_string()))?;
        let mut dict: HashMap<u64, (u8, u8), features::IdentityBuild> = HashMap::default();
        dict.reserve(extra.dict.len());
        for (w, u, x) in &extra.dict {
            if (*u as usize) < Upos::ALL.len() && (*x as usize) < Xpos::COUNT {
                dict.insert(features::word_key(w), (*u, *x));
            }
        }
        let amb = train::amb_map(&extra);
        let mut allowed = vec![Vec::new(); Upos::ALL.len()];
        for (u, x) in &extra.pairs {
            if let Some(a) = allowed.get_mut(*u as usize) {
                if (*x as usize) < Xpos::COUNT && !a.contains(x) {
                    a.push(*x);
                }
            }
        }
        for a in &mut allowed {
            a.sort_unstable();
        }
        let clusters = if extra.cluster_features != 0 {
            Some(resolve_clusters(clusters, &extra.clusters)?)
        } else {
            None
        };
        Ok(Tagger {
            clusters,
            cluster_features: extra.cluster_features,
            upos,
            upos2,
            gate: SECOND_PASS_GATE,
            xpos,
            dict,
            amb,
            allowed,
            header,
        })
    }

    /// Sets the first-pass margin above which the second pass is skipped
    /// (`f32::INFINITY` always runs it; 0 never does). For experiments.
    pub fn set_second_pass_gate(&mut self, gate: f32) {
        self.gate = gate;
    }

    fn cluster_ctx(&self) -> ClusterCtx<'_> {
        ClusterCtx {
            clusters: self.clusters.as_ref().map(ClRef::get),
            flags: self.cluster_features,
        }
    }

    /// Provenance of the model (data, command, seed, dev scores).
    pub fn header(&self) -> &crosscheck_learn::ModelHeader {
        &self.header
    }

    /// Tags one sentence of words (tokens as produced by the tokenizer).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut scratch = Scratch::default();
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut scratch, &mut out);
        out
    }

    /// Like [`Tagger::tag`] but reuses buffers; `out` is cleared first.
    pub fn tag_with(&self, words: &[&str], scratch: &mut TagScratch, out: &mut Vec<Tag>) {
        self.tag_into(words, &mut scratch.0, out);
    }

    fn tag_into(&self, words: &[&str], s: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        let ex = Extractor::new(words, &self.amb, self.cluster_ctx(), s);
        let n = words.len();
        let mut first: Vec<u8> = Vec::with_capacity(n);
        let mut up: Vec<u8> = Vec::with_capacity(n);
        let mut scores = [0f32; 64];
        let mut keys = Vec::with_capacity(96);
        let mut m1 = Vec::with_capacity(n);
        let mut m2 = Vec::with_capacity(n);
        run_upos(
            &self.upos, &self.dict, &ex, None, &mut keys, &mut first, &mut m1,
        );
        let fp = FirstPass {
            tags: &first,
            margins: &m1,
            gate: self.gate,
        };
        run_upos(
            &self.upos2,
            &self.dict,
            &ex,
            Some(fp),
            &mut keys,
            &mut up,
            &mut m2,
        );
        let mut xp: Vec<u8> = Vec::with_capacity(n);
        for i in 0..n {
            let u = up.get(i).copied().unwrap_or(0);
            if let Some(&(du, dx)) = self.dict.get(&ex.info(i).exact) {
                if du == u {
                    xp.push(dx);
                    continue;
                }
            }
            let allowed = self
                .allowed
                .get(u as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            if let [only] = allowed {
                // Same result as scoring, without the lookups.
                xp.push(*only);
                continue;
            }
            keys.clear();
            ex.xpos_features(i, &up, &xp, &mut keys);
            let sc = &mut scores[..Xpos::COUNT];
            self.xpos.scores(&keys, sc);
            xp.push(best_allowed(sc, allowed));
        }
        for (u, x) in up.iter().zip(&xp) {
            let upos = Upos::from_index(*u as usize).unwrap_or(Upos::X);
            let xpos = Xpos::from_index(*x as usize).unwrap_or(Xpos::XX);
            out.push(Tag { upos, xpos });
        }
    }
}

pub(crate) type DictMap = HashMap<u64, (u8, u8), features::IdentityBuild>;

/// Greedy UPOS tagging of one sentence into `out` (cleared first): first pass
/// when `first` is `None`, second pass over the first pass's tags otherwise.
pub(crate) fn run_upos(
    m: &Model,
    dict: &DictMap,
    ex: &Extractor,
    first: Option<FirstPass>,
    keys: &mut Vec<u64>,
    out: &mut Vec<u8>,
    margins: &mut Vec<f32>,
) {
    out.clear();
    margins.clear();
    let mut scores = [0f32; 17];
    for i in 0..ex.len() {
        if let Some(&(u, _)) = dict.get(&ex.info(i).exact) {
            out.push(u);
            margins.push(f32::INFINITY);
            continue;
        }
        keys.clear();
        match first {
            Some(f) => {
                // A confident first-pass tag stands: the second pass
                // rarely changes those, and skipping them halves the cost.
                let (Some(&t), Some(&mg)) = (f.tags.get(i), f.margins.get(i)) else {
                    break;
                };
                if mg >= f.gate {
                    out.push(t);
                    margins.push(mg);
                    continue;
                }
                ex.upos2_features(i, out, f.tags, keys)
            }
            None => ex.upos_features(i, out, keys),
        }
        m.scores(keys, &mut scores);
        let best = crosscheck_learn::argmax(&scores);
        let top = scores.get(best).copied().unwrap_or(0.0);
        let second = scores
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != best)
            .fold(f32::NEG_INFINITY, |a, (_, s)| a.max(*s));
        out.push(best as u8);
        margins.push(top - second);
    }
}

/// First-pass output fed to the second pass.
#[derive(Clone, Copy)]
pub(crate) struct FirstPass<'a> {
    pub tags: &'a [u8],
    pub margins: &'a [f32],
    /// First-pass tags with at least this margin are kept as they are.
    pub gate: f32,
}

/// Default first-pass margin above which the second pass is skipped.
pub const SECOND_PASS_GATE: f32 = 8.0;

/// Reusable buffers for [`Tagger::tag_with`].
#[derive(Default)]
pub struct TagScratch(Scratch);

/// Best class among `allowed` (all classes if empty); first wins ties.
pub(crate) fn best_allowed(scores: &[f32], allowed: &[u8]) -> u8 {
    if allowed.is_empty() {
        return crosscheck_learn::argmax(scores) as u8;
    }
    let mut best = allowed[0];
    let mut best_s = f32::NEG_INFINITY;
    for &c in allowed {
        let s = scores.get(c as usize).copied().unwrap_or(f32::NEG_INFINITY);
        if s > best_s {
            best_s = s;
            best = c;
        }
    }
    best
}
