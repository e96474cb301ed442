//! A small tokenizer and sentence splitter so this crate can run (tests,
//! benches, eval) without the pipeline's tokenizer. The pipeline should pass
//! the real tokenizer's output instead.

use crosscheck_doc::{Sentence, Span, Token};

const LEAD: &[char] = &[
    '"', '“', '”', '‘', '\'', '(', '[', '{', '«', '»', '„', '—', '–', '•', '*', '’',
];
const TRAIL: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', '»', '“', ',', ';', ':', '!', '?', '…', '—', '–', '.', '*',
];

fn is_abbrev(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    if core.chars().count() == 1 && core.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    if core.contains('.') {
        return true; // U.S., e.g.
    }
    matches!(
        core.to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "vs"
            | "etc"
            | "inc"
            | "ltd"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "prof"
            | "no"
            | "jr"
            | "sr"
            | "co"
            | "corp"
            | "gov"
            | "sen"
            | "rep"
            | "approx"
            | "est"
            | "fig"
            | "vol"
            | "pp"
            | "cf"
            | "al"
    )
}

/// Splits `text` into tokens and sentences (byte spans).
pub fn fallback_tokenize(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let mut toks: Vec<Token> = Vec::new();
    let mut prev_end = 0usize;
    let push = |toks: &mut Vec<Token>, a: usize, b: usize, prev_end: &mut usize| {
        if b > a {
            toks.push(Token {
                span: Span::new(a, b),
                space_before: a > *prev_end || a == 0,
            });
            *prev_end = b;
        }
    };
    for (start, chunk) in chunks(text) {
        // split on dashes inside the chunk ("word—word")
        let mut pieces: Vec<(usize, &str)> = Vec::new();
        let mut last = 0;
        for (k, c) in chunk.char_indices() {
            if c == '—' || c == '–' {
                if k > last {
                    pieces.push((start + last, &chunk[last..k]));
                }
                pieces.push((start + k, &chunk[k..k + c.len_utf8()]));
                last = k + c.len_utf8();
            }
        }
        if last < chunk.len() {
            pieces.push((start + last, &chunk[last..]));
        }
        for (ps, p) in pieces {
            let mut a = 0;
            let mut b = p.len();
            let mut lead = Vec::new();
            while a < b {
                let c = match p[a..b].chars().next() {
                    Some(c) => c,
                    None => break,
                };
                if LEAD.contains(&c) {
                    lead.push((ps + a, ps + a + c.len_utf8()));
                    a += c.len_utf8();
                } else {
                    break;
                }
            }
            let mut trail = Vec::new();
            while b > a {
                let c = match p[a..b].chars().next_back() {
                    Some(c) => c,
                    None => break,
                };
                if !TRAIL.contains(&c) {
                    break;
                }
                if c == '.' && is_abbrev(&p[a..b]) && !(b - a > 2 && p[a..b - 1].ends_with('.')) {
                    // keep the dot on an abbreviation, unless it is a doubled stop
                    let core = &p[a..b - 1];
                    if !core.is_empty()
                        && (core.len() > 1 || core.chars().all(|ch| ch.is_uppercase()))
                    {
                        break;
                    }
                }
                trail.push((ps + b - c.len_utf8(), ps + b));
                b -= c.len_utf8();
            }
            for (x, y) in lead {
                push(&mut toks, x, y, &mut prev_end);
            }
            if b > a {
                let w = &p[a..b];
                let lw = w.to_ascii_lowercase();
                let split = if lw.ends_with("'s") || w.ends_with("’s") {
                    Some(b - if w.ends_with("’s") { "’s".len() } else { 2 })
                } else if lw.ends_with("n't") && lw.len() > 3 {
                    Some(b - 3)
                } else {
                    None
                };
                match split {
                    Some(k) if k > a => {
                        push(&mut toks, ps + a, ps + k, &mut prev_end);
                        push(&mut toks, ps + k, ps + b, &mut prev_end);
                    }
                    _ => push(&mut toks, ps + a, ps + b, &mut prev_end),
                }
            }
            for (x, y) in trail.into_iter().rev() {
                push(&mut toks, x, y, &mut prev_end);
            }
        }
    }
    let sents = split_sentences(text, &toks);
    (toks, sents)
}

fn chunks(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..k]));
            }
        } else if start.is_none() {
            start = Some(k);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn split_sentences(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let tx = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.span.start..t.span.end))
            .unwrap_or("")
    };
    let newline_before = |i: usize| {
        if i == 0 {
            return false;
        }
        match (toks.get(i - 1), toks.get(i)) {
            (Some(p), Some(t)) => text
                .get(p.span.end..t.span.start)
                .is_some_and(|g| g.contains('\n')),
            _ => false,
        }
    };
    let mut out = Vec::new();
    let mut s = 0usize;
    let n = toks.len();
    let mut i = 0usize;
    while i < n {
        let t = tx(i);
        let mut end_here = false;
        let mut j = i + 1;
        if matches!(t, "." | "!" | "?" | "…") {
            while j < n
                && matches!(tx(j), "\"" | "”" | "’" | ")" | "]" | "'" | "»")
                && !newline_before(j)
            {
                j += 1;
            }
            let nt = tx(j);
            let starts_upper = nt
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘(«•".contains(c));
            if j >= n || starts_upper || newline_before(j) {
                end_here = true;
            }
        }
        if !end_here && j < n && newline_before(j) {
            end_here = true;
            j = i + 1;
        }
        if end_here || j >= n {
            let e = j.min(n);
            if let (Some(a), Some(b)) = (toks.get(s), toks.get(e - 1)) {
                out.push(Sentence {
                    span: Span::new(a.span.start, b.span.end),
                    tokens: s..e,
                });
            }
            s = e;
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let (t, _) = fallback_tokenize(text);
        t.iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn splits_quotes_and_punctuation() {
        assert_eq!(
            words("“It is over,” he said. U.S. troops didn't."),
            vec![
                "“", "It", "is", "over", ",", "”", "he", "said", ".", "U.S.", "troops", "did",
                "n't", "."
            ]
        );
    }

    #[test]
    fn splits_sentences_on_stops_and_lines() {
        let text = "One two three. Four five.\n\nSix seven";
        let (_, s) = fallback_tokenize(text);
        let got: Vec<&str> = s.iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(got, vec!["One two three.", "Four five.", "Six seven"]);
    }
}
