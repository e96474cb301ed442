use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of a {len}-byte text")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries")]
    NotCharBoundary { start: usize, end: usize },
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True if `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Checks that the span can slice `text`.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(SpanError::NotCharBoundary { start, end });
        }
        Ok(())
    }

    /// The text under the span, or `None` if it cannot slice `text`.
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// The span shrunk so it has no leading or trailing whitespace.
    pub fn trim(&self, text: &str) -> Span {
        match self.get(text) {
            Some(s) => {
                let lead = s.len() - s.trim_start().len();
                let trail = s.len() - s.trim_end().len();
                if lead == s.len() {
                    Span::new(self.start, self.start)
                } else {
                    Span::new(self.start + lead, self.end - trail)
                }
            }
            None => *self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_whitespace() {
        let t = "  hello  ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.get(t), Some("hello"));
        assert_eq!(Span::new(0, 2).trim(t), Span::new(0, 0));
    }

    #[test]
    fn rejects_bad_spans() {
        let t = "é";
        assert!(Span::new(0, 1).check(t).is_err());
        assert!(Span::new(0, 3).check(t).is_err());
        assert!(Span::new(1, 0).check(t).is_err());
        assert!(Span::new(0, 2).check(t).is_ok());
    }

    proptest! {
        #[test]
        fn trim_stays_on_boundaries(s in "\\PC{0,40}", a in 0usize..50, b in 0usize..50) {
            let (a, b) = (a.min(b), a.max(b));
            let span = Span::new(a, b);
            if span.check(&s).is_ok() {
                let t = span.trim(&s);
                prop_assert!(t.check(&s).is_ok());
                prop_assert!(span.contains(&t) || t.is_empty());
            }
        }
    }
}
