//! Labelled dependency parser producing Universal Dependencies trees.
//!
//! A greedy arc-hybrid transition parser (Kuhlmann et al. 2011) trained with
//! a dynamic oracle and exploration (Goldberg & Nivre 2013) and an averaged
//! perceptron over Zhang & Nivre (2011)-style features. Arc labels come from
//! a separate perceptron called at each attachment, so the transition model
//! stays at three classes (compact) while later decisions still see the
//! labels of earlier ones. Output trees are projective.
//!
//! Tags come from a tagger that is wrong on ~5% of tokens, so besides tags
//! the features use word suffixes, coarse UPOS as well as PTB tags, and
//! counts of punctuation and verbs between candidate head and dependent;
//! the shipped model is trained on gold-tagged plus jackknife-tagged copies
//! of the treebank (`crosscheck train parse --jackknife 5 --jackknife-mix`).
//!
//! ```no_run
//! let parser = crosscheck_parse::Parser::builtin()?;
//! let p = parser.parse(&["Officials", "said", "troops", "left", "."],
//!                      &["NOUN", "VERB", "NOUN", "VERB", "PUNCT"],
//!                      &["NNS", "VBD", "NNS", "VBD", "."]);
//! let said = p.root();
//! # Ok::<(), crosscheck_parse::ParseError>(())
//! ```

pub mod conllu;
mod deprel;
mod features;
mod system;
mod table;
pub mod train;
mod tree;

pub use deprel::Deprel;
pub use train::{evaluate, Scores, TrainConfig, Trained};
pub use tree::Parse;

use crosscheck_learn::{FeatureSet, ModelError, ModelHeader};
use std::sync::OnceLock;
use table::Table;

/// Model kind written in the header of parser model files.
pub const MODEL_KIND: &str = "parse";
/// Version of the feature templates written by training; models of
/// versions 1..=FEATURE_VERSION load (version 1 lacks the extra context,
/// version 2 the tagger-robust word-suffix, UPOS and in-between features);
/// newer versions are refused with [`ParseError::BadModel`].
pub const FEATURE_VERSION: u32 = 3;

/// Errors from loading a parser model.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("parser model is inconsistent: {0}")]
    BadModel(String),
    #[error("built-in parser model unavailable: {0}")]
    Builtin(String),
}

/// A trained parser: transition weights, label weights and the label set.
#[derive(Debug, Clone)]
pub struct Parser {
    trans: Table,
    label: Table,
    labels: Vec<Deprel>,
    root_label: usize,
    version: u32,
    header: ModelHeader,
}

static BUILTIN: OnceLock<Result<Parser, String>> = OnceLock::new();

#[cfg(parse_builtin_model)]
const BUILTIN_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/parse.ccm"
));
#[cfg(not(parse_builtin_model))]
const BUILTIN_BYTES: &[u8] = &[];

impl Parser {
    /// The model shipped in the binary (`models/parse.ccm`), loaded once.
    pub fn builtin() -> Result<&'static Parser, ParseError> {
        BUILTIN
            .get_or_init(|| Parser::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ParseError::Builtin(e.clone()))
    }

    /// Loads a model file written by [`train::Trained::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParseError> {
        let (header, mut tables) = table::read_model(bytes)?;
        header.expect_kind(MODEL_KIND)?;
        if tables.len() != 2 {
            return Err(ParseError::BadModel(format!(
                "{} weight tables, expected 2",
                tables.len()
            )));
        }
        if header.version == 0 || header.version > FEATURE_VERSION {
            return Err(ParseError::BadModel(format!(
                "feature version {} (this build reads 1..={FEATURE_VERSION})",
                header.version
            )));
        }
        let names: Vec<String> = header
            .extra
            .get("labels")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .ok_or_else(|| ParseError::BadModel("header lacks a label list".into()))?;
        let labels = names
            .iter()
            .map(|n| {
                Deprel::parse(n).ok_or_else(|| ParseError::BadModel(format!("unknown label {n}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let label = tables
            .pop()
            .ok_or_else(|| ParseError::BadModel("no label table".into()))?;
        let trans = tables
            .pop()
            .ok_or_else(|| ParseError::BadModel("no transition table".into()))?;
        if trans.classes() != system::N_TRANS || label.classes() != labels.len() {
            return Err(ParseError::BadModel(
                "table sizes do not match the label set".into(),
            ));
        }
        let root_label = labels
            .iter()
            .position(|l| *l == Deprel::ROOT)
            .ok_or_else(|| ParseError::BadModel("label set lacks root".into()))?;
        Ok(Parser {
            trans,
            label,
            labels,
            root_label,
            version: header.version,
            header,
        })
    }

    /// The header the model was loaded with (provenance and dev scores).
    pub fn header(&self) -> &ModelHeader {
        &self.header
    }

    /// The labels this model can output.
    pub fn labels(&self) -> &[Deprel] {
        &self.labels
    }

    /// Parses one sentence given its words and their UPOS and PTB XPOS tags.
    /// Missing tags (shorter slices) count as unknown; never panics.
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Parse {
        let sent = features::Sentence::new(words, upos, xpos);
        let mut st = system::State::new(words.len());
        let mut fs = FeatureSet::new();
        let mut scores = [0f32; system::N_TRANS];
        let mut lscores = vec![0f32; self.labels.len()];
        while !st.is_terminal() {
            fs.clear();
            features::transition(&sent, &st, &mut fs, self.version);
            self.trans.scores(fs.keys(), &mut scores);
            let t = system::best_valid(&st, &scores);
            let label = match st.arc(t) {
                Some((h, d)) => self.predict_label(&sent, &st, h, d, &mut fs, &mut lscores),
                None => 0,
            };
            st.apply(t, label as u8);
        }
        st.into_parse(&self.labels)
    }

    pub(crate) fn predict_label(
        &self,
        sent: &features::Sentence,
        st: &system::State,
        h: usize,
        d: usize,
        fs: &mut FeatureSet,
        lscores: &mut [f32],
    ) -> usize {
        if h == 0 {
            return self.root_label;
        }
        fs.clear();
        features::label(sent, st, h, d, fs);
        self.label.scores(fs.keys(), lscores);
        best_label(lscores, self.root_label)
    }
}

/// Highest-scoring label other than `root` (which only the root arc gets).
pub(crate) fn best_label(scores: &[f32], root: usize) -> usize {
    let mut best = usize::MAX;
    for (i, s) in scores.iter().enumerate() {
        if i != root && (best == usize::MAX || *s > scores[best]) {
            best = i;
        }
    }
    if best == usize::MAX {
        root
    } else {
        best
    }
}
