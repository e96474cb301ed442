//! Rule-based English tokenizer and sentence splitter with byte offsets.
//!
//! Tokens follow UD English conventions: clitics split off (`don't` → `do`
//! `n't`, `Putin's` → `Putin` `'s`), punctuation, quotes, dashes and bullets
//! separate, while hyphenated words, numbers with separators, abbreviations,
//! URLs, e-mail addresses and @handles stay whole. Every token and sentence is
//! a byte [`Span`] into the original text, which is never changed.

use crosscheck_doc::{Document, Sentence, Span, Token};

mod rules;
mod split;

pub use split::sentences;

/// Tokens of `text[region]` with absolute offsets. A region that does not
/// fit the text (or cuts a character) is clamped to the nearest valid range.
pub fn tokenize(text: &str, region: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, region, &mut out);
    out
}

/// Like [`tokenize`] but appends to `out`.
pub fn tokenize_into(text: &str, region: Span, out: &mut Vec<Token>) {
    let region = clamp(text, region);
    let Some(slice) = text.get(region.start..region.end) else {
        return;
    };
    let mut space_before = true;
    let mut pos = 0usize;
    let bytes = slice.as_bytes();
    while pos < slice.len() {
        // Skip whitespace.
        let Some(c) = slice.get(pos..).and_then(|s| s.chars().next()) else {
            break;
        };
        if c.is_whitespace() || is_invisible(c) {
            pos += c.len_utf8();
            space_before = true;
            continue;
        }
        // A chunk runs to the next whitespace.
        let mut end = pos;
        while end < slice.len() {
            let Some(c) = slice.get(end..).and_then(|s| s.chars().next()) else {
                break;
            };
            if c.is_whitespace() || is_invisible(c) {
                break;
            }
            end += c.len_utf8();
        }
        let _ = bytes;
        if let Some(chunk) = slice.get(pos..end) {
            let base = region.start + pos;
            let first = out.len();
            rules::split_chunk(chunk, base, out);
            if let Some(t) = out.get_mut(first) {
                t.space_before = space_before;
            }
        }
        space_before = false;
        pos = end;
    }
}

/// Zero-width characters that separate like spaces (soft hyphen excluded).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn clamp(text: &str, r: Span) -> Span {
    let mut s = r.start.min(text.len());
    let mut e = r.end.min(text.len()).max(s);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e)
}

/// Tokens and sentences of a document's content segments (body and
/// comments). Sentences never cross segment boundaries; token indices in
/// each sentence refer to the returned token vector.
pub fn tokenize_document(doc: &Document) -> (Vec<Token>, Vec<Sentence>) {
    let text = doc.text();
    let mut tokens = Vec::new();
    let mut sents = Vec::new();
    for seg in doc.content_segments() {
        let first = tokens.len();
        tokenize_into(text, seg.span, &mut tokens);
        let Some(seg_tokens) = tokens.get(first..) else {
            continue;
        };
        for s in sentences(text, seg_tokens) {
            sents.push(Sentence {
                span: s.span,
                tokens: s.tokens.start + first..s.tokens.end + first,
            });
        }
    }
    (tokens, sents)
}

#[cfg(test)]
mod tests;
