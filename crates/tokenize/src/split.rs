//! Sentence splitting over tokens.

use crate::rules::{is_abbreviation, is_title_abbreviation};
use crosscheck_doc::{Sentence, Span, Token};

/// Longest sentence produced; longer runs without boundaries (tables, lists
/// without punctuation) are cut so later stages stay fast.
pub const MAX_SENTENCE_TOKENS: usize = 250;

fn tok_text<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.span.start..t.span.end).unwrap_or("")
}

fn is_final(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…' | '‽'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "}" | "»" | "''")
}

/// "1", "12", "a", "iv": what numbers a list item.
fn is_list_marker(s: &str) -> bool {
    (s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        || (s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(s, "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix")
}

fn is_emoticon(s: &str) -> bool {
    matches!(
        s,
        ":)" | ":("
            | ":-)"
            | ":-("
            | ";)"
            | ";-)"
            | ":D"
            | ":P"
            | ":p"
            | ":-D"
            | ":'("
            | "<3"
            | ":/"
    )
}

fn is_bullet(s: &str) -> bool {
    matches!(s, "•" | "●" | "▪" | "‣" | "◦" | "■" | "►" | "▶" | "·" | "→")
}

/// Starts like a new sentence: capital, digit, opening quote/bracket, bullet.
fn starts_block(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '“'
                        | '‘'
                        | '\''
                        | '('
                        | '['
                        | '«'
                        | '¿'
                        | '¡'
                        | '@'
                        | '#'
                        | '*'
                        | '-'
                        | '–'
                        | '—'
                )
                || is_bullet(s)
        }
        None => false,
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Newlines in `gap`, and whether they include a blank line.
fn newlines(gap: &str) -> (usize, bool) {
    let mut n = 0;
    let mut blank = false;
    let mut only_ws_since_nl = false;
    for c in gap.chars() {
        if c == '\n' || c == '\u{2029}' {
            if n > 0 && only_ws_since_nl {
                blank = true;
            }
            n += 1;
            only_ws_since_nl = true;
        } else if !c.is_whitespace() {
            only_ws_since_nl = false;
        }
    }
    if gap.contains('\u{2029}') {
        blank = true;
    }
    (n, blank)
}

/// Length in bytes of the line that ends at byte `end`.
fn line_len(text: &str, end: usize) -> usize {
    let head = text.get(..end).unwrap_or("");
    match head.rfind('\n') {
        Some(p) => end - p - 1,
        None => end,
    }
}

/// Splits `tokens` (in text order, all from `text`) into sentences.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let n = tokens.len();
    let push = |out: &mut Vec<Sentence>, a: usize, b: usize| {
        if let (Some(f), Some(l)) = (tokens.get(a), b.checked_sub(1).and_then(|j| tokens.get(j))) {
            if b > a {
                out.push(Sentence {
                    span: Span::new(f.span.start, l.span.end.max(f.span.start)),
                    tokens: a..b,
                });
            }
        }
    };
    let mut i = 0usize;
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        let Some(next) = tokens.get(i + 1) else { break };
        let cur = tok_text(text, t);
        let nxt = tok_text(text, next);
        let gap = text.get(t.span.end..next.span.start).unwrap_or("");
        let (nl, blank) = newlines(gap);
        let mut boundary = false;
        let mut last = i;
        if blank {
            boundary = true;
        } else if is_final(cur)
            && cur == "."
            && i == start + 1
            && tokens
                .get(start)
                .is_some_and(|t| is_list_marker(tok_text(text, t)))
        {
            // "1." / "a." opening a list item is not a sentence of its own.
            boundary = false;
        } else if is_final(cur) {
            // Absorb closing quotes/brackets attached to the punctuation.
            let mut j = i;
            while let Some(c) = tokens.get(j + 1) {
                let ct = tok_text(text, c);
                let attached = !c.space_before;
                if (is_closing(ct) && (attached || matches!(ct, ")" | "]"))) || is_emoticon(ct) {
                    j += 1;
                } else {
                    break;
                }
            }
            last = j;
            match tokens.get(j + 1) {
                None => {}
                Some(after) => {
                    let at = tok_text(text, after);
                    let g = text
                        .get(tokens.get(j).map_or(0, |x| x.span.end)..after.span.start)
                        .unwrap_or("");
                    let (nl2, blank2) = newlines(g);
                    let bang = cur.contains(['!', '?']);
                    let dots = cur.contains('…') || cur.len() > 1;
                    boundary = if blank2 || nl2 > 0 {
                        true
                    } else if is_final(at) {
                        false
                    } else if bang {
                        true
                    } else if dots {
                        starts_block(at) && !at.starts_with(['-', '–', '—'])
                    } else {
                        // A lowercase start after a period is still a new
                        // sentence in informal text; abbreviations keep
                        // their period inside the token and do not get here.
                        !(at.starts_with([',', ';', ':'])
                            || (at.chars().count() == 1 && starts_lower(at)))
                    };
                    // An attached token after the period (e.g. "3.5" typed oddly) is not a new sentence.
                    if !after.space_before && !is_closing(at) && !blank2 && nl2 == 0 {
                        boundary = false;
                    }
                }
            }
        } else if is_emoticon(cur) {
            boundary = !is_final(nxt) && !nxt.starts_with([',', ';', ':', ')']);
        } else if cur.ends_with('.') && cur.len() > 1 && is_abbreviation(cur) {
            // Abbreviation: a sentence may still end here ("… in the U.S. Then").
            let initial = cur.chars().count() == 2;
            boundary = if nl > 0 {
                starts_block(nxt) && !initial
            } else {
                !is_title_abbreviation(cur)
                    && !initial
                    && nxt.chars().next().is_some_and(char::is_uppercase)
                    && nxt.chars().count() > 1
                    && !nxt.ends_with('.')
            };
        } else if nl > 0 {
            // A line without final punctuation (headline, list item, sign-off).
            let ll = line_len(text, t.span.end);
            boundary = starts_block(nxt) && (ll <= 100 || is_bullet(nxt) || cur.ends_with(':'));
            if cur == "," || cur == "-" || cur == "&" {
                boundary = false;
            }
        } else if is_bullet(nxt) && i + 1 > start {
            boundary = true;
        }
        if !boundary && last + 1 - start >= MAX_SENTENCE_TOKENS {
            boundary = true;
        }
        if boundary {
            push(&mut out, start, last + 1);
            start = last + 1;
        }
        i = last.max(i) + 1;
    }
    push(&mut out, start, n);
    out
}
