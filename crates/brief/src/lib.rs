//! The `crosscheck.brief/1` contract (see PRODUCT.md). Field names are the
//! contract: renaming one breaks consumers. New fields may be added.
//!
//! Offsets are byte offsets into each document's text.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "crosscheck.brief/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub schema: String,
    pub documents: Vec<DocumentOut>,
    pub entities: Vec<Entity>,
    pub time_expressions: Vec<TimeExpression>,
    pub timeline: Vec<TimelineEvent>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub quantities: Vec<Quantity>,
    pub propositions: Vec<Proposition>,
    pub discrepancies: Vec<Discrepancy>,
    pub sources: Vec<SourceProfile>,
}

impl Default for Brief {
    fn default() -> Self {
        Brief {
            schema: SCHEMA.to_string(),
            documents: vec![],
            entities: vec![],
            time_expressions: vec![],
            timeline: vec![],
            quotes: vec![],
            claims: vec![],
            quantities: vec![],
            propositions: vec![],
            discrepancies: vec![],
            sources: vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentOut {
    pub id: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// YYYY-MM-DD
    pub published: Option<String>,
    /// input | metadata | text | none
    pub date_source: String,
    pub language: Option<String>,
    /// analyzed | skipped
    pub status: String,
    pub skip_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    pub segments: Vec<SegmentOut>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The analysed text, with `--include-text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentOut {
    /// title | byline | dateline | body | caption | boilerplate | comment
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PossibleSame {
    pub entity: String,
    pub score: f64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    /// PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    pub possible_same_as: Vec<PossibleSame>,
    /// Mentions per source document id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub mentions_per_doc: std::collections::BTreeMap<String, usize>,
    /// For metonymy ("the Kremlin" for the Russian government): the entity meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    /// Related entity of another type (a demonym's place), not a merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// DATE | TIME | DURATION | SET
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value, e.g. 2022-01-05, 2022-W02, P180D
    pub value: Option<String>,
    /// document | absolute | unresolved
    pub anchor: String,
    /// day | week | month | year | … for points in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub date: String,
    /// day | week | month | year
    pub precision: String,
    pub summary: String,
    pub mentions: Vec<SpanRef>,
    pub entities: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub entity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub content: String,
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// author | quoted | comment
    pub voice: String,
    pub speaker: Option<Speaker>,
    /// asserted | hedged | reported | denied | questioned
    pub modality: String,
    /// unstated | noted-missing | cited
    pub evidence: String,
    pub entities: Vec<String>,
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loaded_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// exact | about | at-least | over | under | nearly | vague
    pub qualifier: String,
    pub measure: Option<String>,
    pub unit: Option<String>,
    pub claim: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    pub doc: String,
    /// supports | disputes | reports
    pub stance: String,
    /// The stance is that of the document's reader comments, not its author.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comment: bool,
    /// The source hedges ("reportedly", "may have").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    /// The source notes the claim came without evidence ("noted-missing") or cites some ("cited").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposition {
    pub id: String,
    pub summary: String,
    pub claims: Vec<String>,
    pub stances: Vec<Stance>,
    /// consensus | contested | single-source
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscrepancyValue {
    pub value: String,
    pub docs: Vec<String>,
    pub reported: Option<String>,
    /// The quantities (doc, start, end) behind the value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<SpanRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// quantity | date
    pub kind: String,
    pub measure: String,
    pub values: Vec<DiscrepancyValue>,
    /// "rising" when later reports give higher values (a growing toll, not an error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedTerm {
    pub term: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceProfile {
    pub doc: String,
    pub claims: usize,
    pub hedged_share: f64,
    pub attributed_share: f64,
    pub loaded_terms: Vec<LoadedTerm>,
    pub exclusive_claims: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_brief_has_every_section() {
        let v = serde_json::to_value(Brief::default()).unwrap();
        for key in [
            "schema",
            "documents",
            "entities",
            "time_expressions",
            "timeline",
            "quotes",
            "claims",
            "quantities",
            "propositions",
            "discrepancies",
            "sources",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["schema"], SCHEMA);
    }
}
