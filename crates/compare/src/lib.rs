//! The cross-check, over the brief's per-document sections.
//!
//! - [`terms`]: claim text to terms (stems, synonym classes, predicates,
//!   negation cues with their scope, conditional and question clauses).
//! - `group`: clauses from different sources linked when they are similar
//!   (TF-IDF, plus sentence embeddings when an encoder is set) *and* share a
//!   predicate (verb, event word, nominalisation, quantity measure), not
//!   merely a noun phrase; candidates come from an inverted index over rare
//!   terms (and random-hyperplane LSH over embeddings), never all pairs.
//! - `stance`: each source's stance toward each proposition (a negation
//!   counts only when it scopes over what the claims share) and the status:
//!   consensus needs two independent sources that support it themselves.
//! - `numbers`: quantities about the same measure that disagree.
//! - `dates`: the same proposition dated differently by different sources.
//! - `profile`: how each source frames the story.
//! - [`gold`]: a gold set format and its scores (`crosscheck eval compare`).

mod dates;
pub mod gold;
mod group;
mod lexicon;
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
    /// Lexical similarity at which two clauses link without sharing a
    /// predicate (a shared noun phrase alone is not the same proposition).
    pub same_threshold_without_predicate: f64,
    /// Sentence embeddings used beside lexical similarity, when configured.
    pub encoder: Option<Arc<dyn SentenceEncoder>>,
    /// Weight of the embedding cosine above `embedding_floor`, added to the
    /// lexical similarity.
    pub embedding_weight: f64,
    /// Embedding cosine below which embeddings add nothing (sentences about
    /// one story are all this close).
    pub embedding_floor: f64,
    /// Embedding cosine at which two clauses count as saying the same thing
    /// even without a shared predicate term (paraphrases).
    pub embedding_same: f64,
}

impl std::fmt::Debug for CompareOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareOptions")
            .field("same_threshold", &self.same_threshold)
            .field(
                "same_threshold_with_entity",
                &self.same_threshold_with_entity,
            )
            .field(
                "same_threshold_without_predicate",
                &self.same_threshold_without_predicate,
            )
            .field("encoder", &self.encoder.is_some())
            .field("embedding_weight", &self.embedding_weight)
            .field("embedding_floor", &self.embedding_floor)
            .field("embedding_same", &self.embedding_same)
            .finish()
    }
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            same_threshold: 0.38,
            same_threshold_with_entity: 0.36,
            same_threshold_without_predicate: 0.7,
            encoder: None,
            embedding_weight: 0.5,
            embedding_floor: 0.6,
            embedding_same: 0.85,
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
    let mut discrepancies = numbers::discrepancies(brief, &sources);
    // Measures whose counts grow report by report are not disputes; two
    // reports alone are too little to tell growth from disagreement.
    let rising: std::collections::BTreeSet<&str> = discrepancies
        .iter()
        .filter(|d| {
            let dates: std::collections::BTreeSet<_> = d
                .values
                .iter()
                .filter_map(|v| v.reported.as_deref())
                .collect();
            d.trend.as_deref() == Some("rising") && dates.len() >= 3
        })
        .map(|d| d.measure.as_str())
        .collect();
    let propositions = stance::propositions(brief, &groups, &sources, &rising);
    discrepancies.extend(dates::date_discrepancies(brief, &propositions, &sources));
    let profiles = profile::profiles(brief, &propositions);
    CrossCheck {
        propositions,
        discrepancies,
        sources: profiles,
    }
}

#[cfg(test)]
mod tests;
