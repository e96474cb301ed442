//! Named-entity recognition.
//!
//! An averaged-perceptron sequence tagger over BILOU tags, decoded with
//! Viterbi over learned tag transitions (illegal BILOU moves are forbidden).
//! Features are the word, its lowercase form, shape, affixes, ±2 context
//! words, capitalisation (with a sentence-level case mode so ALL-CAPS
//! headlines and lowercase comments still work) and matches against a
//! general gazetteer of places, demonyms and organisation acronyms.
//!
//! The tagger predicts PER / ORG / LOC / NORP / EVENT; places are then split
//! into GPE (countries, cities, states) and LOC (regions, water, mountains,
//! facilities) with the gazetteer and geographic head words. A last pass
//! keeps a document's names consistent: a name confidently typed once keeps
//! that type for its other mentions, including bare surnames.
//!
//! ```no_run
//! # use crosscheck_ner::Recognizer;
//! let ner = Recognizer::builtin().unwrap();
//! let labels = ner.tag_words(&["Angela", "Merkel", "visited", "Paris", "."]);
//! assert_eq!(labels[0], "B-PERSON");
//! ```

pub mod consistency;
pub mod data;
pub mod eval;
mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod tagger;
pub mod training;

use crosscheck_doc::{Sentence, Span, Token};
use crosscheck_learn::ModelError;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

pub use crosscheck_learn::{hash_bytes, ModelHeader};
pub use tagger::{TrainConfig, TrainReport};

/// The shipped model, built by `crosscheck train ner` (see its header).
static BUILTIN_BYTES: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner.ccm"));

/// Errors from loading a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("bad NER model: {0}")]
    Model(#[from] ModelError),
    #[error("bad NER model header: {0}")]
    Header(String),
}

/// Entity types of the brief contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, continents, water, mountains, facilities.
    Loc,
    /// Nationalities, religious and political groups ("Kazakh", "Muslims").
    Norp,
    Event,
    Other,
}

impl EntityType {
    /// The contract name: "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER".
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Other => "OTHER",
        }
    }

    /// Parses a contract name (also accepts "PER", "LOCATION", "MISC").
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" | "PER" => EntityType::Person,
            "ORG" | "ORGANIZATION" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" | "LOCATION" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "EVENT" => EntityType::Event,
            "OTHER" | "MISC" => EntityType::Other,
            _ => return None,
        })
    }

    /// All types, in a fixed order.
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Norp,
        EntityType::Event,
        EntityType::Other,
    ];
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity mention found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span into the document text (first token start .. last token end).
    pub span: Span,
    /// Token indices (into the `tokens` slice given to `recognize`).
    pub tokens: Range<usize>,
    pub label: EntityType,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// A mention over word indices of one sentence, before byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMention {
    pub words: Range<usize>,
    pub label: EntityType,
    pub score: f32,
}

/// The named-entity recogniser: a trained tagger plus the gazetteer.
pub struct Recognizer {
    tagger: tagger::Tagger,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer")
            .field("features", &self.tagger.n_features())
            .finish()
    }
}

impl Recognizer {
    /// The model shipped in the binary (loaded once, then shared).
    pub fn builtin() -> Result<&'static Recognizer, NerError> {
        static CELL: OnceLock<Result<Recognizer, String>> = OnceLock::new();
        match CELL.get_or_init(|| Recognizer::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()))
        {
            Ok(r) => Ok(r),
            Err(e) => Err(NerError::Header(e.clone())),
        }
    }

    /// Loads a model file written by `crosscheck train ner`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NerError> {
        Ok(Recognizer {
            tagger: tagger::Tagger::from_bytes(bytes)?,
        })
    }

    /// Wraps a freshly trained tagger.
    pub fn from_tagger(tagger: tagger::Tagger) -> Self {
        Recognizer { tagger }
    }

    /// The underlying tagger (for training tools and evaluation).
    pub fn tagger(&self) -> &tagger::Tagger {
        &self.tagger
    }

    /// The model's provenance header.
    pub fn header(&self) -> &crosscheck_learn::ModelHeader {
        self.tagger.header()
    }

    /// Finds the entity mentions of one document, sentence by sentence, then
    /// makes types consistent across the document. Tokens or sentences that
    /// do not fit `text` are skipped, never a panic.
    pub fn recognize(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
        let mut sents: Vec<Vec<&str>> = Vec::with_capacity(sentences.len());
        let mut offsets: Vec<usize> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let Some(toks) = tokens.get(s.tokens.clone()) else {
                continue;
            };
            let words: Option<Vec<&str>> = toks.iter().map(|t| t.span.get(text)).collect();
            let Some(words) = words else { continue };
            sents.push(words);
            offsets.push(s.tokens.start);
        }
        let found = self.tag_document(&sents);
        let mut out = Vec::new();
        for ((ms, base), _words) in found.into_iter().zip(offsets).zip(&sents) {
            for m in ms {
                let (a, b) = (base + m.words.start, base + m.words.end);
                let (Some(first), Some(last)) = (tokens.get(a), tokens.get(b.saturating_sub(1)))
                else {
                    continue;
                };
                out.push(Mention {
                    span: Span::new(first.span.start, last.span.end),
                    tokens: a..b,
                    label: m.label,
                    score: m.score,
                });
            }
        }
        out.sort_by_key(|x| x.span);
        out
    }

    /// Tags one sentence of words; returns BIO labels with contract types
    /// ("B-PERSON", "I-PERSON", "B-GPE", "O", …). No document pass.
    pub fn tag_words(&self, words: &[&str]) -> Vec<String> {
        let ms = self.tagger.mentions(words);
        mentions_to_bio(words.len(), &ms)
    }

    /// Tags every sentence of a document (lists of words) and applies the
    /// document-level consistency pass. One mention list per sentence.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<WordMention>> {
        let mut found: Vec<Vec<WordMention>> = sentences
            .iter()
            .map(|w| {
                let mut ms = self.tagger.mentions(w);
                trim_function_words(w, &mut ms);
                ms
            })
            .collect();
        consistency::harmonise(sentences, &mut found);
        found
    }
}

/// Lowercase function words never begin a name (a PERSON "of Ruritania" in
/// "Secretary of Ruritania, Jan Novak, said"): such a start is dropped, so
/// the rest of the name is typed by the document-level vote.
fn trim_function_words(words: &[&str], ms: &mut Vec<WordMention>) {
    const LEADING: [&str; 14] = [
        "of", "in", "at", "for", "to", "from", "on", "by", "with", "and", "or", "the", "a", "an",
    ];
    for m in ms.iter_mut() {
        while m.words.start < m.words.end
            && words
                .get(m.words.start)
                .is_some_and(|w| LEADING.contains(w))
        {
            m.words.start += 1;
        }
    }
    ms.retain(|m| m.words.start < m.words.end);
}

/// BIO labels ("B-GPE", "I-GPE", "O") for mentions over `n` words.
pub fn mentions_to_bio(n: usize, ms: &[WordMention]) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for m in ms {
        for i in m.words.clone() {
            if let Some(slot) = out.get_mut(i) {
                let p = if i == m.words.start { "B" } else { "I" };
                *slot = format!("{p}-{}", m.label.as_str());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn leading_function_words_are_trimmed() {
        let w = words("Secretary of Ruritania said");
        let mut ms = vec![
            WordMention {
                words: 1..3,
                label: EntityType::Person,
                score: 0.5,
            },
            WordMention {
                words: 1..2,
                label: EntityType::Org,
                score: 0.5,
            },
        ];
        trim_function_words(&w, &mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].words, 2..3);
    }

    #[test]
    fn builtin_loads_quickly() {
        let t = std::time::Instant::now();
        let r = Recognizer::from_bytes(BUILTIN_BYTES).unwrap();
        assert!(
            t.elapsed().as_millis() < 1000,
            "load took {:?}",
            t.elapsed()
        );
        assert!(r.tagger().n_features() > 1000);
        assert!(Recognizer::builtin().is_ok());
    }

    #[test]
    fn tags_a_news_sentence() {
        let r = Recognizer::builtin().unwrap();
        let w = words("Police in Nairobi said Kenyan forces arrested supporters of Raila Odinga , the African Union said .");
        let l = r.tag_words(&w);
        assert_eq!(l[2], "B-GPE");
        assert_eq!(l[4], "B-NORP");
        assert_eq!(&l[9..11], ["B-PERSON", "I-PERSON"]);
        assert_eq!(&l[13..15], ["B-ORG", "I-ORG"]);
        assert_eq!(l[0], "O");
    }

    #[test]
    fn headlines_and_lowercase_still_work() {
        let r = Recognizer::builtin().unwrap();
        let l = r.tag_words(&words("GERMAN CHANCELLOR MEETS NATO CHIEF IN BRUSSELS"));
        assert_eq!(l[3], "B-ORG");
        assert_eq!(l[6], "B-GPE");
        let l = r.tag_words(&words("i think nato should stay out of syria"));
        assert_eq!(l[2], "B-ORG");
        assert_eq!(l[7], "B-GPE");
    }

    #[test]
    fn places_split_into_gpe_and_loc() {
        let r = Recognizer::builtin().unwrap();
        let l = r.tag_words(&words("The Caspian Sea borders Iran and Azerbaijan ."));
        assert_eq!(&l[1..3], ["B-LOC", "I-LOC"]);
        assert_eq!(l[4], "B-GPE");
    }

    #[test]
    fn recognize_maps_tokens_to_byte_spans() {
        let r = Recognizer::builtin().unwrap();
        let text = "Officials in Brussels met Maria Lindqvist.";
        let mut tokens = Vec::new();
        let mut pos = 0;
        for w in [
            "Officials",
            "in",
            "Brussels",
            "met",
            "Maria",
            "Lindqvist",
            ".",
        ] {
            let start = text[pos..].find(w).unwrap() + pos;
            tokens.push(Token {
                span: Span::new(start, start + w.len()),
                space_before: start > 0 && text.as_bytes()[start - 1] == b' ',
            });
            pos = start + w.len();
        }
        let sents = vec![Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..tokens.len(),
        }];
        let ms = r.recognize(text, &tokens, &sents);
        let got: Vec<(&str, EntityType)> = ms
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.label))
            .collect();
        assert!(got.contains(&("Brussels", EntityType::Gpe)), "{got:?}");
        assert!(
            got.contains(&("Maria Lindqvist", EntityType::Person)),
            "{got:?}"
        );
        assert!(ms.iter().all(|m| (0.0..=1.0).contains(&m.score)));
        // Sentences pointing past the tokens are skipped, not a panic.
        let bad = vec![Sentence {
            span: Span::new(0, text.len()),
            tokens: 3..99,
        }];
        assert!(r.recognize(text, &tokens, &bad).is_empty());
    }

    #[test]
    fn garbage_model_is_an_error() {
        assert!(Recognizer::from_bytes(b"not a model").is_err());
    }

    proptest! {
        #[test]
        fn spans_always_slice_the_text(s in "[A-Za-zÀ-ÿ .,'-]{0,80}") {
            let r = Recognizer::builtin().unwrap();
            let mut tokens = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                match (c == ' ', start) {
                    (true, Some(a)) => {
                        tokens.push(Token { span: Span::new(a, i), space_before: true });
                        start = None;
                    }
                    (false, None) => start = Some(i),
                    _ => {}
                }
            }
            let sents = vec![Sentence { span: Span::new(0, s.len()), tokens: 0..tokens.len() }];
            for m in r.recognize(&s, &tokens, &sents) {
                prop_assert!(m.span.check(&s).is_ok());
                prop_assert!(m.tokens.end <= tokens.len() && m.tokens.start < m.tokens.end);
            }
        }
    }
}
