//! Per-document stages.

use crate::PipelineError;
use crosscheck_doc::{DocStatus, Document, Sentence, Span, Token};
use crosscheck_ner::Recognizer;
use crosscheck_parse::Parser;
use crosscheck_pos::{Tag, Tagger};

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
        let err = |stage: &'static str| move |e: &dyn std::fmt::Display| PipelineError::Model { stage, message: e.to_string() };
        Ok(Models {
            tagger: Tagger::builtin().map_err(|e| err("POS")(&e))?,
            recognizer: Recognizer::builtin().map_err(|e| err("NER")(&e))?,
            parser: Parser::builtin().map_err(|e| err("parser")(&e))?,
        })
    }
}

/// Dependency arc of one token, in document token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    pub head: Option<usize>,
    pub deprel: &'static str,
}

/// What the per-document stages found in one document.
pub struct Analysis {
    pub doc: Document,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub tags: Vec<Tag>,
    pub arcs: Vec<Arc>,
    pub mentions: Vec<crosscheck_ner::Mention>,
}

impl Analysis {
    /// Sentence spans, for provenance and summaries.
    pub fn sentence_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.sentences.iter().map(|s| s.span)
    }
}

/// Runs every per-document stage. Skipped documents pass through empty.
pub fn analyze_document(doc: Document, models: Models) -> Analysis {
    if doc.status == DocStatus::Skipped {
        return Analysis {
            doc,
            tokens: vec![],
            sentences: vec![],
            tags: vec![],
            arcs: vec![],
            mentions: vec![],
        };
    }
    let (tokens, sentences) = crosscheck_tokenize::tokenize_document(&doc);
    let text = doc.text();
    let mut tags = Vec::with_capacity(tokens.len());
    let mut arcs = Vec::with_capacity(tokens.len());
    for s in &sentences {
        let Some(toks) = tokens.get(s.tokens.clone()) else { continue };
        let words: Vec<&str> = toks.iter().map(|t| t.span.get(text).unwrap_or("")).collect();
        let sent_tags = models.tagger.tag(&words);
        let upos: Vec<&str> = sent_tags.iter().map(|t| t.upos.as_str()).collect();
        let xpos: Vec<&str> = sent_tags.iter().map(|t| t.xpos.as_str()).collect();
        let parse = models.parser.parse(&words, &upos, &xpos);
        for i in 0..words.len() {
            arcs.push(Arc {
                head: parse.heads.get(i).copied().flatten().map(|h| h + s.tokens.start),
                deprel: parse.deprels.get(i).map(|d| d.as_str()).unwrap_or("dep"),
            });
        }
        tags.extend(sent_tags);
    }
    let mentions = models.recognizer.recognize(text, &tokens, &sentences);
    Analysis {
        doc,
        tokens,
        sentences,
        tags,
        arcs,
        mentions,
    }
}
