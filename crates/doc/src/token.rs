use crate::Span;
use serde::{Deserialize, Serialize};

/// One token: a span of the document text. Its surface form is always
/// `&text[span.start..span.end]`; nothing is normalised in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    /// True if whitespace (or the text's start) precedes the token.
    pub space_before: bool,
}

/// A sentence: its span and the range of token indices it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}
