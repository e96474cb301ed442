//! The cross-check, over the brief's per-document sections.
//!
//! - [`terms`]: claim text to weighted terms (stems, negation, stopwords).
//! - [`group`]: claims from different sources clustered into propositions by
//!   TF-IDF similarity and shared entities, with an inverted index over rare
//!   terms so candidate search stays sub-quadratic.
//! - [`stance`]: each source's stance toward each proposition and the status.
//! - [`numbers`]: quantities about the same measure that disagree.
//! - [`profile`]: how each source frames the story.

mod group;
mod numbers;
mod profile;
mod stance;
pub mod terms;

use crosscheck_brief::{Brief, Discrepancy, Proposition, SourceProfile};
use std::collections::HashMap;
use std::sync::Arc;

/// A sentence encoder (e.g. a local BERT-style model): texts to vectors of one
/// dimension. Optional: the cross-check works on lexical evidence without it.
pub trait SentenceEncoder: Send + Sync {
    /// One vector per text, in order. An error makes the cross-check fall back
    /// to lexical similarity alone.
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String>;
}

/// Tuning of the cross-check.
#[derive(Clone)]
pub struct CompareOptions {
    /// Cosine similarity above which two claims state the same proposition.
    pub same_threshold: f64,
    /// Lower threshold used when the two claims share an entity.
    pub same_threshold_with_entity: f64,
    /// Sentence embeddings used beside lexical similarity, when configured.
    pub encoder: Option<Arc<dyn SentenceEncoder>>,
}

impl std::fmt::Debug for CompareOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareOptions")
            .field("same_threshold", &self.same_threshold)
            .field(
                "same_threshold_with_entity",
                &self.same_threshold_with_entity,
            )
            .field("encoder", &self.encoder.is_some())
            .finish()
    }
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            same_threshold: 0.5,
            same_threshold_with_entity: 0.38,
            encoder: None,
        }
    }
}

/// The cross-document sections of the brief.
#[derive(Debug, Clone, Default)]
pub struct CrossCheck {
    pub propositions: Vec<Proposition>,
    pub discrepancies: Vec<Discrepancy>,
    pub sources: Vec<SourceProfile>,
}

/// Maps every document to the one it copies (syndication), so copies count once.
pub(crate) fn independent_source(brief: &Brief) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for d in &brief.documents {
        let mut root = d.id.clone();
        let mut hops = 0;
        let mut cur = d.duplicate_of.clone();
        while let Some(next) = cur {
            root = next.clone();
            hops += 1;
            if hops > 16 {
                break;
            }
            cur = brief
                .documents
                .iter()
                .find(|x| x.id == next)
                .and_then(|x| x.duplicate_of.clone());
        }
        map.insert(d.id.clone(), root);
    }
    map
}

/// Runs the cross-check over a brief whose documents, claims, quantities and
/// entities are filled in.
pub fn cross_check(brief: &Brief, opts: &CompareOptions) -> CrossCheck {
    let sources = independent_source(brief);
    let groups = group::group_claims(brief, opts, &sources);
    let propositions = stance::propositions(brief, &groups, &sources);
    let discrepancies = numbers::discrepancies(brief, &sources);
    let profiles = profile::profiles(brief, &propositions);
    CrossCheck {
        propositions,
        discrepancies,
        sources: profiles,
    }
}

#[cfg(test)]
mod tests;
