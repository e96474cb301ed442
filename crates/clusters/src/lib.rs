//! Distributional word classes learnt from unlabeled text.
//!
//! Word types (lowercased, ASCII digits mapped to `0`) are grouped by the
//! exchange algorithm, which maximises the likelihood of a class bigram
//! model; the finest classes are then clustered again, the same way, into
//! coarser ones, so every word has a nested path of class ids from coarse to
//! fine (like prefixes of a Brown-cluster bit string). Features can use any
//! level: coarse levels generalise, fine ones discriminate.
//!
//! ```no_run
//! let c = crosscheck_clusters::Clusters::builtin().unwrap();
//! if let Some(p) = c.path("Tuesday") {
//!     // Same class at the finest level as another weekday, most likely.
//!     let _fine = p.level(p.levels() - 1);
//!     let _feature_key: u64 = p.key(1);
//! }
//! ```

mod corpus;
mod exchange;
pub mod train;

pub use corpus::{read_text_file, CorpusError};
pub use exchange::{exchange, Graph};

use crosscheck_learn::{mix, model_file, IdentityBuild, ModelError, ModelHeader};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Model kind written in the header of cluster files.
pub const MODEL_KIND: &str = "clusters";
/// Format version of the header payload.
pub const FORMAT_VERSION: u32 = 1;
/// Most granularity levels a path can hold.
pub const MAX_LEVELS: usize = 6;

/// Errors loading a cluster model.
#[derive(Debug, thiserror::Error)]
pub enum ClustersError {
    #[error("bad cluster model file: {0}")]
    Model(#[from] ModelError),
    #[error("cluster model has format version {found}, this build needs {expected}")]
    Version { expected: u32, found: u32 },
    #[error("cluster model is malformed: {0}")]
    Malformed(String),
}

/// A word's class at each granularity, coarsest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClusterPath {
    ids: [u16; MAX_LEVELS],
    n: u8,
}

impl ClusterPath {
    /// Number of levels (the model's granularities).
    pub fn levels(&self) -> usize {
        self.n as usize
    }

    /// Class id at level `k` (0 = coarsest); `None` past the last level.
    pub fn level(&self, k: usize) -> Option<u16> {
        if k < self.n as usize {
            self.ids.get(k).copied()
        } else {
            None
        }
    }

    /// A feature-ready hash of the class at level `k` (distinct across
    /// levels); past the last level, the finest level's key.
    pub fn key(&self, k: usize) -> u64 {
        let k = k.min((self.n as usize).saturating_sub(1));
        let id = self.ids.get(k).copied().unwrap_or(0) as u64;
        mix(0xc1a5_5e50_0000_0000 ^ ((k as u64 + 1) << 20) ^ id)
    }
}

/// Stage payload stored in the model header.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Payload {
    /// Number of classes at each level, coarsest first.
    pub levels: Vec<u32>,
    /// Normalised word forms, most frequent first.
    pub words: Vec<String>,
    /// Finest class of each word.
    pub classes: Vec<u16>,
    /// `parents[k][c]`: class at level k of the level-(k+1) class `c`.
    pub parents: Vec<Vec<u16>>,
}

/// Word → class path lookup.
pub struct Clusters {
    map: HashMap<u64, ClusterPath, IdentityBuild>,
    n_levels: usize,
    level_sizes: Vec<u32>,
    header: ModelHeader,
    fingerprint: String,
}

impl std::fmt::Debug for Clusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clusters")
            .field("words", &self.map.len())
            .field("levels", &self.level_sizes)
            .finish()
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/clusters.ccm"
));

impl Clusters {
    /// The model shipped in the binary (`models/clusters.ccm`), parsed once.
    pub fn builtin() -> Result<&'static Clusters, ClustersError> {
        static CELL: OnceLock<Result<Clusters, String>> = OnceLock::new();
        CELL.get_or_init(|| Clusters::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ClustersError::Malformed(e.clone()))
    }

    /// Parses a model file's bytes.
    pub fn from_bytes(b: &[u8]) -> Result<Clusters, ClustersError> {
        let (header, _) = model_file::read_expect(b, MODEL_KIND, 0)?;
        if header.version != FORMAT_VERSION {
            return Err(ClustersError::Version {
                expected: FORMAT_VERSION,
                found: header.version,
            });
        }
        let p: Payload = serde_json::from_value(header.extra.clone())
            .map_err(|e| ClustersError::Malformed(e.to_string()))?;
        let mut c = Clusters::from_payload(&p, header)?;
        c.fingerprint = format!(
            "{} bytes, fnv {:016x}",
            b.len(),
            crosscheck_learn::hash_bytes(b)
        );
        Ok(c)
    }

    /// Builds the lookup from a payload (checked for consistency).
    pub fn from_payload(p: &Payload, header: ModelHeader) -> Result<Clusters, ClustersError> {
        let bad = |m: &str| ClustersError::Malformed(m.to_string());
        let n_levels = p.levels.len();
        if n_levels == 0 || n_levels > MAX_LEVELS {
            return Err(bad("level count"));
        }
        if p.parents.len() + 1 != n_levels {
            return Err(bad("parent table count"));
        }
        if p.words.len() != p.classes.len() {
            return Err(bad("words and classes differ in length"));
        }
        for (k, table) in p.parents.iter().enumerate() {
            let (Some(&up), Some(&down)) = (p.levels.get(k), p.levels.get(k + 1)) else {
                return Err(bad("levels"));
            };
            if table.len() != down as usize || table.iter().any(|&c| c as u32 >= up) {
                return Err(bad("parent table"));
            }
        }
        let finest = p.levels.last().copied().unwrap_or(0);
        let mut map: HashMap<u64, ClusterPath, IdentityBuild> = HashMap::default();
        map.reserve(p.words.len());
        for (w, &c) in p.words.iter().zip(&p.classes) {
            if c as u32 >= finest {
                return Err(bad("class id out of range"));
            }
            let mut ids = [0u16; MAX_LEVELS];
            let mut cur = c;
            for k in (0..n_levels).rev() {
                if let Some(slot) = ids.get_mut(k) {
                    *slot = cur;
                }
                if k > 0 {
                    cur = p
                        .parents
                        .get(k - 1)
                        .and_then(|t| t.get(cur as usize))
                        .copied()
                        .unwrap_or(0);
                }
            }
            map.insert(
                key(w),
                ClusterPath {
                    ids,
                    n: n_levels as u8,
                },
            );
        }
        Ok(Clusters {
            map,
            n_levels,
            level_sizes: p.levels.clone(),
            header,
            fingerprint: String::from("unsaved"),
        })
    }

    /// The class path of `word` (case and digits are normalised), or `None`
    /// for words too rare in the clustering text.
    pub fn path(&self, word: &str) -> Option<ClusterPath> {
        self.map.get(&key(word)).copied()
    }

    /// Like [`Clusters::path`] for a precomputed [`key`].
    pub fn path_by_key(&self, k: u64) -> Option<ClusterPath> {
        self.map.get(&k).copied()
    }

    /// Number of granularity levels.
    pub fn levels(&self) -> usize {
        self.n_levels
    }

    /// Classes at each level, coarsest first.
    pub fn level_sizes(&self) -> &[u32] {
        &self.level_sizes
    }

    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if no word has a class.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Identifies the model file (size and hash of its bytes): models that
    /// use clusters record it, to refuse running against other clusters.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Provenance (data files, command, seed).
    pub fn header(&self) -> &ModelHeader {
        &self.header
    }
}

/// The normal form words are clustered under: lowercase, ASCII digits → `0`.
pub fn normalise(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// Hash of `normalise(w)` computed without allocating; equal to
/// `crosscheck_learn::hash_bytes(normalise(w).as_bytes())`.
pub fn key(w: &str) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    let mut feed = |c: char, h: &mut u64| {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            *h ^= b as u64;
            *h = h.wrapping_mul(FNV_PRIME);
        }
    };
    for c in w.chars() {
        if c.is_ascii_digit() {
            feed('0', &mut h);
        } else if c.is_ascii() {
            feed(c.to_ascii_lowercase(), &mut h);
        } else {
            for l in c.to_lowercase() {
                feed(l, &mut h);
            }
        }
    }
    mix(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tiny() -> Clusters {
        let p = Payload {
            levels: vec![2, 4],
            words: vec!["the".into(), "a".into(), "cat".into(), "0".into()],
            classes: vec![0, 0, 3, 1],
            parents: vec![vec![0, 0, 1, 1]],
        };
        Clusters::from_payload(&p, ModelHeader::default()).unwrap()
    }

    #[test]
    fn key_matches_learn_hash_of_normal_form() {
        for w in ["The", "CAT", "2024", "Ünïcødé-X9", "", "İstanbul", "ǅ"] {
            assert_eq!(
                key(w),
                crosscheck_learn::hash_bytes(normalise(w).as_bytes()),
                "{w}"
            );
        }
    }

    #[test]
    fn paths_follow_parents_and_normalise_case_and_digits() {
        let c = tiny();
        let the = c.path("The").unwrap();
        assert_eq!(the, c.path("THE").unwrap());
        assert_eq!(the.levels(), 2);
        assert_eq!((the.level(0), the.level(1)), (Some(0), Some(0)));
        let cat = c.path("cat").unwrap();
        assert_eq!((cat.level(0), cat.level(1)), (Some(1), Some(3)));
        assert_eq!(cat.level(2), None);
        assert_eq!(c.path("7").unwrap().level(1), Some(1));
        assert!(c.path("dog").is_none());
        assert_ne!(the.key(0), the.key(1), "levels hash apart");
        assert_ne!(the.key(1), cat.key(1));
        assert_eq!(the.key(0), c.path("a").unwrap().key(0));
    }

    #[test]
    fn malformed_payloads_are_refused() {
        let mut p = Payload {
            levels: vec![2, 4],
            words: vec!["x".into()],
            classes: vec![9],
            parents: vec![vec![0, 0, 1, 1]],
        };
        assert!(Clusters::from_payload(&p, ModelHeader::default()).is_err());
        p.classes = vec![1];
        p.parents = vec![vec![0, 5, 1, 1]];
        assert!(Clusters::from_payload(&p, ModelHeader::default()).is_err());
        assert!(Clusters::from_bytes(b"garbage").is_err());
    }

    #[test]
    fn builtin_loads() {
        let c = Clusters::builtin().unwrap();
        assert!(c.levels() >= 1);
    }

    proptest! {
        #[test]
        fn lookup_never_panics(s in "\\PC{0,24}") {
            let c = tiny();
            if let Some(p) = c.path(&s) {
                prop_assert!(p.level(0).is_some());
                let _ = p.key(7);
            }
            let b = Clusters::builtin().unwrap();
            let _ = b.path(&s);
        }
    }
}
