//! Who said what: quotes and reported speech with their speakers, claims with
//! their footing (voice, modality, evidence), quantities, and loaded terms.
//!
//! Rule-based over tokens and sentences; uses UPOS tags, a dependency parse and
//! entity / date mentions when the caller has them, and works on tokens alone
//! when it does not. Every output carries byte [`Span`]s into the document
//! text; nothing is rewritten.
//!
//! Modality choices (documented because they are conventions):
//! - priority when several cues meet in one claim: `denied` > `questioned` >
//!   `hedged` > `reported` > `asserted`;
//! - `reported`: the claim is someone else's words (a quote or reported
//!   speech) with no stronger cue;
//! - predictions: expectation wording ("expect X to", "is expected to",
//!   "likely") is `hedged`; a bare "will" is a confident statement about the
//!   future and stays `asserted`;
//! - "reportedly", "allegedly", "rumours" and unattributed "reports" are
//!   `hedged` (the author relays without naming a source);
//! - "X, quoting Y" / "according to X, quoting Y": the speaker is Y, the
//!   original source.
//! - transcript turns (`NAME: words`, a paragraph each) are direct quotes of
//!   NAME; in `Q:`/`A:` interviews answers belong to the interviewee (the
//!   person named last before the first turn) and questions stay the
//!   author's;
//! - a blank line always ends a sentence (headlines, turns), and so does a
//!   closing quotation mark after a full stop when a new clause follows;
//!   `Claim::sentence` still indexes the caller's sentences;
//! - a sentence holding several quotes gives one claim per quote (its loaded
//!   terms go with the first);
//! - "could" of ability or of the past ("could not stop it", "I could see",
//!   "could only reach") is no hedge; "could not be verified" is.

mod ctx;
mod fallback_impl;
mod footing;
pub mod gold;
mod lexicon;
mod quantity;
mod quotes;

use crosscheck_doc::{Document, Sentence, Span, Token};
use serde::Serialize;

pub use fallback_impl::fallback_tokenize;

/// An entity mention found by NER / entity resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef<'a> {
    pub span: Span,
    /// PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER (PER is read as PERSON).
    pub label: &'a str,
    /// Resolved entity id, when known.
    pub id: Option<String>,
}

/// A time expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    pub span: Span,
    /// TIMEX3 value, e.g. "2022-01-05".
    pub value: Option<String>,
}

/// Everything the analysis reads. Only `doc`, `tokens` and `sentences` are
/// required; the rest improves results when present.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInput<'a> {
    pub doc: &'a Document,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// UPOS tag per token (same length as `tokens`).
    pub pos: Option<&'a [&'a str]>,
    /// Per token: (head as a document token index, deprel); `None` for roots.
    pub parse: Option<&'a [Option<(usize, &'a str)>]>,
    pub entities: &'a [EntityRef<'a>],
    pub dates: &'a [DateRef],
}

impl<'a> ClaimInput<'a> {
    /// Input with tokens only.
    pub fn new(doc: &'a Document, tokens: &'a [Token], sentences: &'a [Sentence]) -> Self {
        ClaimInput {
            doc,
            tokens,
            sentences,
            pos: None,
            parse: None,
            entities: &[],
            dates: &[],
        }
    }
}

/// Who a quote or claim is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The speaker as written, or the antecedent's text for a pronoun.
    pub text: String,
    /// Where `text` is in the document.
    pub span: Option<Span>,
    /// Entity id, when an entity mention covers the speaker.
    pub entity: Option<String>,
    /// The pronoun or anaphor ("he", "the same speaker") that was resolved.
    pub pronoun: Option<Span>,
}

/// A quotation or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The whole construction: quoted words plus attribution.
    pub span: Span,
    /// The quoted / reported words.
    pub content: Span,
    pub speaker: Option<Speaker>,
    /// Lemma of the cue ("say", "according to", "tell"…).
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// True for words in quotation marks.
    pub direct: bool,
}

/// Whose voice a claim is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    Author,
    Quoted,
    Comment,
}

impl Voice {
    pub fn as_str(&self) -> &'static str {
        match self {
            Voice::Author => "author",
            Voice::Quoted => "quoted",
            Voice::Comment => "comment",
        }
    }
}

/// How firmly a claim is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Hedged,
    Reported,
    Denied,
    Questioned,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
            Modality::Reported => "reported",
            Modality::Denied => "denied",
            Modality::Questioned => "questioned",
        }
    }
}

/// What the text says about the claim's evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    Unstated,
    NotedMissing,
    Cited,
}

impl Evidence {
    pub fn as_str(&self) -> &'static str {
        match self {
            Evidence::Unstated => "unstated",
            Evidence::NotedMissing => "noted-missing",
            Evidence::Cited => "cited",
        }
    }
}

/// A loaded or framing term, with the voice that uses it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadedTerm {
    /// Canonical form ("colour revolution" for "color revolutions").
    pub term: String,
    pub span: Span,
    pub voice: Voice,
}

/// One claim: a sentence (or the quoted part of it) with its footing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// "c0", "c1"… in text order; unique within the document.
    pub id: String,
    pub span: Span,
    /// Index into the input sentences.
    pub sentence: usize,
    pub voice: Voice,
    pub speaker: Option<Speaker>,
    /// Index into [`ClaimsOutput::quotes`] when the claim is quoted.
    pub quote: Option<usize>,
    pub modality: Modality,
    /// The word(s) that decided the modality.
    pub modality_cue: Option<Span>,
    pub evidence: Evidence,
    pub evidence_cue: Option<Span>,
    /// Entity ids mentioned in the claim.
    pub entities: Vec<String>,
    /// Value of the first dated time expression in the sentence.
    pub date: Option<String>,
    pub loaded_terms: Vec<LoadedTerm>,
}

/// How a quantity is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    Over,
    Under,
    Nearly,
    Vague,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at-least",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Nearly => "nearly",
            Qualifier::Vague => "vague",
        }
    }

    pub(crate) fn parse(s: &str) -> Qualifier {
        match s {
            "about" => Qualifier::About,
            "at-least" => Qualifier::AtLeast,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "nearly" => Qualifier::Nearly,
            "vague" => Qualifier::Vague,
            _ => Qualifier::Exact,
        }
    }
}

/// A count or amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Qualifier + number + unit + counted noun ("some 2,500 so-called peacekeepers").
    pub span: Span,
    /// The number itself ("2,500", "several thousand").
    pub number_span: Span,
    /// Point value; `None` for vague amounts ("dozens") which have low/high.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// Canonical measure: killed, detained, injured, troops, police, protesters,
    /// displaced, missing, price, increase, decrease.
    pub measure: Option<String>,
    /// "%", a currency code ("USD"), a unit ("km"), possibly "/l" per-unit.
    pub unit: Option<String>,
    /// The counted head noun ("people", "troops").
    pub counted: Option<String>,
    /// Index into [`ClaimsOutput::claims`].
    pub claim: Option<usize>,
}

/// Everything found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClaimsOutput {
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub quantities: Vec<Quantity>,
}

/// Runs quote, claim and quantity detection over one document.
pub fn analyze(input: &ClaimInput) -> ClaimsOutput {
    let cx = ctx::Ctx::new(input);
    let quotes = quotes::find_quotes(&cx);
    let claims = footing::build_claims(&cx, &quotes);
    let quantities = quantity::find_quantities(&cx, &claims, &quotes);
    ClaimsOutput {
        quotes,
        claims,
        quantities,
    }
}

/// The brief contract's sections for one document. Claim ids become
/// `"{doc_id}#c{n}"` so they are unique across documents.
pub fn to_brief(
    doc: &Document,
    out: &ClaimsOutput,
) -> (
    Vec<crosscheck_brief::Quote>,
    Vec<crosscheck_brief::Claim>,
    Vec<crosscheck_brief::Quantity>,
) {
    let id = &doc.id;
    let sp = |s: &Option<Speaker>| {
        s.as_ref().map(|s| crosscheck_brief::Speaker {
            text: s.text.clone(),
            entity: s.entity.clone(),
        })
    };
    let quotes = out
        .quotes
        .iter()
        .map(|q| crosscheck_brief::Quote {
            doc: id.clone(),
            start: q.span.start,
            end: q.span.end,
            content: doc.slice(q.content).to_string(),
            speaker: sp(&q.speaker),
            cue: q.cue.clone(),
            direct: q.direct,
        })
        .collect();
    let claim_id = |c: &Claim| format!("{id}#{}", c.id);
    let claims = out
        .claims
        .iter()
        .map(|c| {
            let mut terms: Vec<String> = c.loaded_terms.iter().map(|t| t.term.clone()).collect();
            terms.dedup();
            crosscheck_brief::Claim {
                id: claim_id(c),
                doc: id.clone(),
                start: c.span.start,
                end: c.span.end,
                text: doc.slice(c.span).to_string(),
                voice: c.voice.as_str().to_string(),
                speaker: sp(&c.speaker),
                modality: c.modality.as_str().to_string(),
                evidence: c.evidence.as_str().to_string(),
                entities: c.entities.clone(),
                date: c.date.clone(),
                loaded_terms: terms,
            }
        })
        .collect();
    let quantities = out
        .quantities
        .iter()
        .map(|q| crosscheck_brief::Quantity {
            doc: id.clone(),
            start: q.span.start,
            end: q.span.end,
            text: doc.slice(q.span).to_string(),
            value: q.value,
            low: q.low,
            high: q.high,
            qualifier: q.qualifier.as_str().to_string(),
            measure: q.measure.clone(),
            unit: q.unit.clone(),
            claim: q.claim.and_then(|i| out.claims.get(i)).map(claim_id),
        })
        .collect();
    (quotes, claims, quantities)
}

#[cfg(test)]
mod tests;
