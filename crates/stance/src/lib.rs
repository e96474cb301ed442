//! Headline/body stance: does a text **agree** with a headline (claim),
//! **disagree** with it, **discuss** it without taking a side, or is it
//! **unrelated**? Trained in-repo on FNC-1 (`crosscheck train stance`).
//!
//! The model is a small MLP over similarity features (TF-IDF cosine against
//! the body, its lead and its best sentences, word/bigram overlap, BM25),
//! cue-word statistics (refuting, hedging, supporting and negation words,
//! overall and near headline terms) and hashed sparse features (headline
//! words and bigrams, body words, cue words in context). IDF statistics from
//! the training bodies live in the model file.
//!
//! ```no_run
//! let model = crosscheck_stance::StanceModel::builtin().unwrap();
//! let p = model.predict("Mayor opens bridge", "The mayor denied the report as fake.");
//! println!("{} {:?}", p.label.as_str(), p.scores);
//! ```

pub mod data;
pub mod features;
pub mod metrics;
pub mod mlp;
pub mod text;
pub mod train;

use crosscheck_learn::model_file::{self, ModelError};
use crosscheck_learn::ModelHeader;
use features::{pair_features, BodyAnalysis, Idf};
use mlp::{ensemble_probs, Mlp};
use std::sync::OnceLock;

/// Model kind recorded in the header.
pub const MODEL_KIND: &str = "stance";
/// Version of the feature set; models of another version are rejected.
pub const FEATURE_VERSION: u32 = 1;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum StanceError {
    #[error("stance model: {0}")]
    Model(#[from] ModelError),
    #[error("stance model is malformed: {0}")]
    Malformed(String),
    #[error("stance data: {0}")]
    Data(String),
}

/// The four FNC-1 stances of a body towards a headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StanceLabel {
    /// The body supports the headline.
    Agree = 0,
    /// The body disputes the headline.
    Disagree = 1,
    /// The body reports on the headline's subject without taking a side.
    Discuss = 2,
    /// The body is about something else.
    Unrelated = 3,
}

impl StanceLabel {
    pub const ALL: [StanceLabel; 4] = [
        StanceLabel::Agree,
        StanceLabel::Disagree,
        StanceLabel::Discuss,
        StanceLabel::Unrelated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StanceLabel::Agree => "agree",
            StanceLabel::Disagree => "disagree",
            StanceLabel::Discuss => "discuss",
            StanceLabel::Unrelated => "unrelated",
        }
    }

    /// Parses the FNC-1 label names.
    pub fn parse(s: &str) -> Option<StanceLabel> {
        StanceLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
    }

    fn from_index(i: usize) -> StanceLabel {
        StanceLabel::ALL
            .get(i)
            .copied()
            .unwrap_or(StanceLabel::Unrelated)
    }
}

/// A prediction: the best label and the probability of each label
/// (indexed like [`StanceLabel::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    pub label: StanceLabel,
    pub scores: [f32; 4],
}

impl Prediction {
    fn from_probs(scores: [f32; 4]) -> Prediction {
        Prediction {
            label: StanceLabel::from_index(crosscheck_learn::argmax(&scores)),
            scores,
        }
    }

    /// The best of agree/disagree/discuss, for callers that already know the
    /// texts are about the same thing.
    pub fn best_related(&self) -> StanceLabel {
        StanceLabel::from_index(crosscheck_learn::argmax(&self.scores[..3]))
    }

    /// The label with the highest expected FNC-1 score under these
    /// probabilities (a related label earns 0.25 for any related gold, an
    /// unrelated one 0.25 only for unrelated gold): leans towards "related"
    /// when unsure. For maximising the benchmark score; `label` is the plain argmax.
    pub fn fnc_decision(&self) -> StanceLabel {
        let [a, d, c, u] = self.scores;
        let expected = [
            a + 0.25 * (d + c),
            d + 0.25 * (a + c),
            c + 0.25 * (a + d),
            0.25 * u,
        ];
        StanceLabel::from_index(crosscheck_learn::argmax(&expected))
    }

    /// Probability that the body is related to the headline.
    pub fn related(&self) -> f32 {
        self.scores[..3].iter().sum()
    }
}

/// A body analysed once, to be scored against many headlines.
#[derive(Debug, Clone)]
pub struct PreparedBody(BodyAnalysis);

/// The trained stance classifier.
#[derive(Debug, Clone)]
pub struct StanceModel {
    header: ModelHeader,
    idf: Idf,
    mlps: Vec<Mlp>,
}

static BUILTIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/stance.ccm"
));

#[derive(serde::Serialize, serde::Deserialize)]
struct Extra {
    labels: Vec<String>,
    idf_unseen: f32,
    avg_len: f32,
    mean: Vec<f32>,
    scale: Vec<f32>,
    config: mlp::MlpConfig,
    /// How the shipped weights were obtained (dev split / refit on all data).
    training: String,
}

impl StanceModel {
    /// The model shipped in the binary (`models/stance.ccm`), loaded once.
    pub fn builtin() -> Result<&'static StanceModel, StanceError> {
        static MODEL: OnceLock<Result<StanceModel, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| StanceModel::from_bytes(BUILTIN).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| StanceError::Malformed(e.clone()))
    }

    /// Loads a model file written by `crosscheck train stance`.
    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, StanceError> {
        let (header, tables) = model_file::read(bytes)?;
        header.expect_kind(MODEL_KIND)?;
        if tables.len() < 4 || (tables.len() - 1) % 3 != 0 {
            return Err(StanceError::Malformed(format!(
                "{} weight tables (expected 1 + 3k)",
                tables.len()
            )));
        }
        if header.version != FEATURE_VERSION {
            return Err(StanceError::Malformed(format!(
                "feature version {} (expected {FEATURE_VERSION})",
                header.version
            )));
        }
        let extra: Extra = serde_json::from_value(header.extra.clone())
            .map_err(|e| StanceError::Malformed(e.to_string()))?;
        let mut it = tables.into_iter();
        let Some(idf) = it.next() else {
            return Err(StanceError::Malformed("missing tables".into()));
        };
        if idf.n_classes() != 1 {
            return Err(StanceError::Malformed(
                "idf table must have one column".into(),
            ));
        }
        let mut mlps = Vec::new();
        while let (Some(emb), Some(dense), Some(out)) = (it.next(), it.next(), it.next()) {
            let mlp = Mlp::from_tables(emb, &dense, &out, extra.mean.clone(), extra.scale.clone())
                .ok_or_else(|| StanceError::Malformed("network tables disagree in shape".into()))?;
            mlps.push(mlp);
        }
        Ok(StanceModel {
            header,
            idf: Idf::new(idf, extra.idf_unseen, extra.avg_len),
            mlps,
        })
    }

    /// Provenance: data, command, seed and dev scores.
    pub fn header(&self) -> &ModelHeader {
        &self.header
    }

    /// Analyses a body once for use with [`StanceModel::predict_prepared`].
    pub fn prepare(&self, body: &str) -> PreparedBody {
        PreparedBody(BodyAnalysis::new(body, &self.idf))
    }

    /// Stance of a prepared body towards `headline`.
    pub fn predict_prepared(&self, headline: &str, body: &PreparedBody) -> Prediction {
        let f = pair_features(headline, &body.0, &self.idf);
        Prediction::from_probs(ensemble_probs(&self.mlps, &f))
    }

    /// Stance of `body` towards `headline`.
    pub fn predict(&self, headline: &str, body: &str) -> Prediction {
        self.predict_prepared(headline, &self.prepare(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in StanceLabel::ALL {
            assert_eq!(StanceLabel::parse(l.as_str()), Some(l));
        }
        assert_eq!(StanceLabel::parse("for"), None);
    }

    #[test]
    fn fnc_decision_prefers_related_when_unsure() {
        let p = Prediction::from_probs([0.05, 0.05, 0.3, 0.6]);
        assert_eq!(p.label, StanceLabel::Unrelated);
        assert_eq!(p.fnc_decision(), StanceLabel::Discuss);
        let q = Prediction::from_probs([0.01, 0.01, 0.03, 0.95]);
        assert_eq!(q.fnc_decision(), StanceLabel::Unrelated);
        assert_eq!(p.best_related(), StanceLabel::Discuss);
    }

    #[test]
    fn garbage_model_is_an_error() {
        assert!(StanceModel::from_bytes(b"").is_err());
        assert!(StanceModel::from_bytes(b"CCMODEL1\x02\0\0\0{}").is_err());
    }
}
