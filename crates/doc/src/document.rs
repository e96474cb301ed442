use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What part of a page a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Title,
    Byline,
    Dateline,
    Body,
    Caption,
    Boilerplate,
    Comment,
}

impl SegmentKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SegmentKind::Title => "title",
            SegmentKind::Byline => "byline",
            SegmentKind::Dateline => "dateline",
            SegmentKind::Body => "body",
            SegmentKind::Caption => "caption",
            SegmentKind::Boilerplate => "boilerplate",
            SegmentKind::Comment => "comment",
        }
    }

    /// Segments whose sentences are analysed (body text and reader comments).
    pub fn is_content(&self) -> bool {
        matches!(self, SegmentKind::Body | SegmentKind::Comment)
    }
}

/// A labelled region of the text. Comments carry their author when given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub span: Span,
    pub author: Option<String>,
}

/// Where the document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// `--date DOC=…` or a JSONL `date` field.
    Input,
    /// HTML meta tags / JSON-LD.
    Metadata,
    /// A date line or dateline in the text.
    Text,
    #[default]
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    #[default]
    Analyzed,
    Skipped,
}

/// Facts about the document as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_source: DateSource,
    /// ISO 639-1 code, e.g. "en".
    pub language: Option<String>,
}

/// One input document. `text` is fixed at creation: every annotation is a
/// byte range into it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    text: String,
    pub meta: Meta,
    pub segments: Vec<Segment>,
    pub status: DocStatus,
    pub skip_reason: Option<String>,
    /// Id of an earlier document this one copies (syndication).
    pub duplicate_of: Option<String>,
    /// Problems met while reading it (lossy decoding, truncation…).
    pub warnings: Vec<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under `span`, or "" if the span does not fit.
    pub fn slice(&self, span: Span) -> &str {
        span.get(&self.text).unwrap_or("")
    }

    /// Segments whose text is analysed, in text order. A document with no
    /// segments is treated as one body segment.
    pub fn content_segments(&self) -> Vec<Segment> {
        if self.segments.is_empty() {
            return vec![Segment {
                kind: SegmentKind::Body,
                span: Span::new(0, self.text.len()),
                author: None,
            }];
        }
        self.segments
            .iter()
            .filter(|s| s.kind.is_content())
            .cloned()
            .collect()
    }

    /// The segment containing byte `pos`, if any.
    pub fn segment_at(&self, pos: usize) -> Option<&Segment> {
        self.segments
            .iter()
            .find(|s| s.span.start <= pos && pos < s.span.end)
    }

    pub fn skip(&mut self, reason: impl Into<String>) {
        self.status = DocStatus::Skipped;
        self.skip_reason = Some(reason.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsegmented_document_is_one_body() {
        let d = Document::new("a", "Hello.");
        let segs = d.content_segments();
        assert_eq!(segs.len(), 1);
        assert_eq!(d.slice(segs[0].span), "Hello.");
    }

    #[test]
    fn skipping_records_reason() {
        let mut d = Document::new("a", "Bonjour");
        d.skip("unsupported language: fr");
        assert_eq!(d.status, DocStatus::Skipped);
        assert_eq!(d.skip_reason.as_deref(), Some("unsupported language: fr"));
    }
}
