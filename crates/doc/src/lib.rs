//! The document model every stage shares.
//!
//! A [`Document`] owns its text and never changes it. Everything a stage finds
//! (segments, tokens, sentences, entities, dates, quotes…) is a [`Span`] — a
//! byte range into that text — plus typed data, so provenance is always a
//! slice of the original.

mod document;
mod span;
mod token;

pub use document::{DateSource, DocStatus, Document, Meta, Segment, SegmentKind};
pub use span::{Span, SpanError};
pub use token::{Sentence, Token};
