//! Per-document stages: text in, [`Findings`] out.

use crate::PipelineError;
use crosscheck_brief::{Claim, Quantity, Quote, TimeExpression};
use crosscheck_doc::{DocStatus, Document, Sentence, Span, Token};
use crosscheck_ner::{Mention, Recognizer};
use crosscheck_parse::Parser;
use crosscheck_pos::Tagger;
use serde::{Deserialize, Serialize};

/// The trained models, loaded once and shared by every worker.
#[derive(Clone, Copy)]
pub struct Models {
    pub tagger: &'static Tagger,
    pub recognizer: &'static Recognizer,
    pub parser: &'static Parser,
}

impl Models {
    /// Loads the models shipped in the binary.
    pub fn builtin() -> Result<Models, PipelineError> {
        fn err(stage: &'static str, e: impl std::fmt::Display) -> PipelineError {
            PipelineError::Model {
                stage,
                message: e.to_string(),
            }
        }
        Ok(Models {
            tagger: Tagger::builtin().map_err(|e| err("POS", e))?,
            recognizer: Recognizer::builtin().map_err(|e| err("NER", e))?,
            parser: Parser::builtin().map_err(|e| err("parser", e))?,
        })
    }
}

/// What the per-document stages found in one document. Serializable, so a
/// store can keep it and later runs only redo the cross-document stages.
///
/// Entity references in quotes and claims are document-local (`"m3"` = the
/// fourth of `mentions`) until [`crate::assemble`] maps them to entity ids.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Findings {
    pub doc: Document,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub time_expressions: Vec<TimeExpression>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub quantities: Vec<Quantity>,
}

impl Findings {
    /// A document with no findings yet (skipped, or before analysis).
    pub fn empty(doc: Document) -> Findings {
        Findings {
            doc,
            sentences: vec![],
            mentions: vec![],
            time_expressions: vec![],
            quotes: vec![],
            claims: vec![],
            quantities: vec![],
        }
    }
}

/// Version of the per-document analysis; stored findings of another version
/// are recomputed.
pub const FINDINGS_VERSION: u32 = 1;

/// Local id of the i-th mention of a document.
pub fn local_mention_id(i: usize) -> String {
    format!("m{i}")
}

/// UPOS tags and dependency arcs (head, relation) in document token indices.
pub struct Syntax {
    pub upos: Vec<&'static str>,
    pub arcs: Vec<Option<(usize, &'static str)>>,
}

/// Tags and parses a tokenised document sentence by sentence. `None` when
/// the sentences do not cover the tokens one to one (nothing is aligned then).
pub fn tag_and_parse(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    tagger: &Tagger,
    parser: &Parser,
) -> Option<Syntax> {
    let mut upos: Vec<&'static str> = Vec::with_capacity(tokens.len());
    let mut arcs: Vec<Option<(usize, &'static str)>> = Vec::with_capacity(tokens.len());
    // Buffers reused across sentences: tagging is on the hot path.
    let mut scratch = crosscheck_pos::TagScratch::default();
    let mut tags = Vec::new();
    for s in sentences {
        let toks = tokens.get(s.tokens.clone())?;
        let words: Vec<&str> = toks
            .iter()
            .map(|t| t.span.get(text).unwrap_or(""))
            .collect();
        tagger.tag_with(&words, &mut scratch, &mut tags);
        let u: Vec<&'static str> = tags.iter().map(|t| t.upos.as_str()).collect();
        let x: Vec<&'static str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        let parse = parser.parse(&words, &u, &x);
        for i in 0..words.len() {
            let head = parse.heads.get(i).copied().flatten();
            let rel = parse.deprels.get(i).map(|d| d.as_str()).unwrap_or("dep");
            arcs.push(head.map(|h| (h + s.tokens.start, rel)));
        }
        upos.extend(u);
    }
    (upos.len() == tokens.len()).then_some(Syntax { upos, arcs })
}

/// Runs every per-document stage. Skipped documents pass through empty.
pub fn analyze_document(doc: Document, models: Models) -> Findings {
    let mut f = Findings::empty(doc);
    if f.doc.status == DocStatus::Skipped {
        return f;
    }
    let doc = &f.doc;
    let text = doc.text();
    let (tokens, sentences) = crosscheck_tokenize::tokenize_document(doc);
    let syntax = tag_and_parse(text, &tokens, &sentences, models.tagger, models.parser);

    let mentions = models.recognizer.recognize(text, &tokens, &sentences);
    let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    let timexes = crosscheck_timex::recognize(text, &sentence_spans, doc.meta.published);

    let ids: Vec<String> = (0..mentions.len()).map(local_mention_id).collect();
    let entity_refs: Vec<crosscheck_claims::EntityRef> = mentions
        .iter()
        .zip(&ids)
        .map(|(m, id)| crosscheck_claims::EntityRef {
            span: m.span,
            label: m.label.as_str(),
            id: Some(id.clone()),
        })
        .collect();
    let date_refs: Vec<crosscheck_claims::DateRef> = timexes
        .iter()
        .map(|t| crosscheck_claims::DateRef {
            span: t.span,
            value: t.value.clone(),
        })
        .collect();
    let mut input = crosscheck_claims::ClaimInput::new(doc, &tokens, &sentences);
    if let Some(s) = &syntax {
        input.pos = Some(&s.upos);
        input.parse = Some(&s.arcs);
    }
    input.entities = &entity_refs;
    input.dates = &date_refs;
    let out = crosscheck_claims::analyze(&input);
    let (quotes, claims, quantities) = crosscheck_claims::to_brief(doc, &out);

    f.time_expressions = timexes
        .iter()
        .map(|t| TimeExpression {
            doc: doc.id.clone(),
            start: t.span.start,
            end: t.span.end,
            text: doc.slice(t.span).to_string(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
            anchor: t.anchor.as_str().to_string(),
            precision: t.precision.map(|p| p.as_str().to_string()),
        })
        .collect();
    f.sentences = sentence_spans;
    f.mentions = mentions;
    f.quotes = quotes;
    f.claims = claims;
    f.quantities = quantities;
    f
}
