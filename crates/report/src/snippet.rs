//! The sentence around a span, for showing provenance.

/// A piece of source text with the cited span marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet<'a> {
    pub before: &'a str,
    pub mark: &'a str,
    pub after: &'a str,
}

const MAX_CONTEXT: usize = 320;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence(s) containing `start..end`, cut at sentence punctuation or a
/// line break and at most ~320 bytes either side. Out-of-range spans are
/// clamped, never panicking.
pub fn sentence_around(text: &str, start: usize, end: usize) -> Snippet<'_> {
    let start = floor_boundary(text, start);
    let end = ceil_boundary(text, end.max(start));
    let lo_limit = floor_boundary(text, start.saturating_sub(MAX_CONTEXT));
    let hi_limit = ceil_boundary(text, end + MAX_CONTEXT);
    let head = &text[lo_limit..start];
    let mut lo = lo_limit;
    for (i, c) in head.char_indices().rev() {
        if c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < head.len()) {
            lo = lo_limit + i + c.len_utf8();
            break;
        }
    }
    let tail = &text[end..hi_limit];
    let mut hi = hi_limit;
    for (i, c) in tail.char_indices() {
        if c == '\n' {
            hi = end + i;
            break;
        }
        if c == '.' || c == '!' || c == '?' {
            hi = end + i + c.len_utf8();
            break;
        }
    }
    Snippet {
        before: text[lo..start].trim_start(),
        mark: &text[start..end],
        after: text[end..hi].trim_end(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_the_sentence() {
        let t = "First one. The minister said 12 died. Next.";
        let s = t.find("12").unwrap();
        let sn = sentence_around(t, s, s + 2);
        assert_eq!(sn.before, "The minister said ");
        assert_eq!(sn.mark, "12");
        assert_eq!(sn.after, " died.");
    }

    proptest! {
        #[test]
        fn never_panics(t in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
            let s = sentence_around(&t, a, b);
            prop_assert!(s.before.len() + s.mark.len() + s.after.len() <= t.len());
        }
    }
}
