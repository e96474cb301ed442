//! A read-only view over the input: token text, lowercase forms, flags and
//! sentence / segment membership, all computed once per document.

use crate::lexicon;
use crate::{ClaimInput, DateRef, EntityRef};
use crosscheck_doc::{SegmentKind, Span};
use std::ops::Range;

/// Kinds of quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QMark {
    /// “ „ «
    OpenDouble,
    /// ” »
    CloseDouble,
    /// "
    Straight,
    /// ‘ ‚ ‹
    OpenSingle,
    /// ’ ›
    CloseSingle,
}

pub(crate) const F_WORD: u8 = 1;
pub(crate) const F_CAP: u8 = 2;
pub(crate) const F_DIGIT: u8 = 4;
pub(crate) const F_ALPHA: u8 = 8;

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    lower: String,
    pub spans: Vec<Span>,
    flags: Vec<u8>,
    pub qmarks: Vec<Option<QMark>>,
    /// Newlines between the previous token and this one.
    pub nl_before: Vec<u8>,
    /// Whitespace before the token.
    pub space_before: Vec<bool>,
    pub sents: Vec<(Span, Range<usize>)>,
    /// Per sentence: the index of the caller's sentence it comes from.
    pub orig: Vec<usize>,
    /// Sentence index of each token (usize::MAX when in none).
    pub sent_of: Vec<usize>,
    /// Tokens that open a sentence after a closed quotation (`.” Next`).
    pub quote_split: Vec<bool>,
    /// Surnames written after a common given name ("Maria Costa"), with
    /// that name's gender, sorted by surname.
    pub surname_gender: Vec<(&'a str, lexicon::Pron)>,
    /// Per sentence: the segment kind it starts in.
    pub sent_kind: Vec<SegmentKind>,
    /// Per sentence: the comment author, for comment segments.
    pub sent_author: Vec<Option<String>>,
    pub pos: Option<&'a [&'a str]>,
    pub parse: Option<&'a [Option<(usize, &'a str)>]>,
    pub entities: &'a [EntityRef<'a>],
    pub dates: &'a [DateRef],
}

fn qmark(s: &str) -> Option<QMark> {
    Some(match s {
        "“" | "„" | "«" | "‟" | "``" => QMark::OpenDouble,
        "”" | "»" | "''" => QMark::CloseDouble,
        "\"" => QMark::Straight,
        "‘" | "‚" | "‹" => QMark::OpenSingle,
        "’" | "›" => QMark::CloseSingle,
        _ => return None,
    })
}

/// `… pensions.” Hosseini said the deficit …`: a quotation closing after
/// its own full stop ends the sentence when a capitalised word follows, unless
/// that word opens a bare post-quote attribution (`“…” Smith said.`).
fn closed_quote_ends_sentence(text: &str, spans: &[Span], flags: &[u8], i: usize) -> bool {
    let t = |k: usize| spans.get(k).and_then(|s| s.get(text)).unwrap_or("");
    if i < 2
        || !matches!(qmark(t(i - 1)), Some(QMark::CloseDouble))
        || !matches!(t(i - 2), "." | "!" | "?")
        || flags.get(i).is_none_or(|f| f & F_CAP == 0)
    {
        return false;
    }
    // "Smith said." / "Jane Doe told reporters.": the attribution of the quote
    let cue_then_end = |c: usize| {
        lexicon::cue(&t(c).to_ascii_lowercase()).is_some()
            && (c + 1..c + 4).any(|k| matches!(t(k), "." | "," | ";" | "" | "!" | "?"))
            && !(c + 1..c + 4).any(|k| lexicon::is_be(&t(k).to_ascii_lowercase()))
    };
    !(cue_then_end(i + 1) || cue_then_end(i + 2))
}

impl<'a> Ctx<'a> {
    pub fn new(input: &ClaimInput<'a>) -> Self {
        let text = input.doc.text();
        let lower = text.to_ascii_lowercase();
        let n = input.tokens.len();
        let mut spans = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        let mut qmarks = Vec::with_capacity(n);
        let mut nl_before = Vec::with_capacity(n);
        let mut space_before = Vec::with_capacity(n);
        let mut prev_end = 0usize;
        for t in input.tokens {
            let ok = t.span.check(text).is_ok();
            let span = if ok {
                t.span
            } else {
                Span::new(prev_end.min(text.len()), prev_end.min(text.len()))
            };
            let s = span.get(text).unwrap_or("");
            let mut f = 0u8;
            let mut chars = s.chars();
            if let Some(c) = chars.next() {
                if c.is_uppercase() {
                    f |= F_CAP;
                }
                if c.is_ascii_digit() {
                    f |= F_DIGIT;
                }
            }
            if s.chars().any(|c| c.is_alphanumeric()) {
                f |= F_WORD;
            }
            if s.chars().any(|c| c.is_alphabetic()) {
                f |= F_ALPHA;
            }
            let gap = if span.start >= prev_end {
                text.get(prev_end..span.start).unwrap_or("")
            } else {
                ""
            };
            let nl = gap.bytes().filter(|&b| b == b'\n').count().min(255) as u8;
            nl_before.push(nl);
            space_before.push(t.space_before || !gap.is_empty());
            qmarks.push(qmark(s));
            flags.push(f);
            spans.push(span);
            if span.end > prev_end {
                prev_end = span.end;
            }
        }
        let mut sents: Vec<(Span, Range<usize>)> = input
            .sentences
            .iter()
            .map(|s| {
                let a = s.tokens.start.min(n);
                let b = s.tokens.end.min(n).max(a);
                (s.span, a..b)
            })
            .collect();
        let mut orig: Vec<usize> = (0..sents.len()).collect();
        // Keep sentence order stable even if the caller's is not.
        let sorted = sents.windows(2).all(|w| w[0].1.start <= w[1].1.start);
        if !sorted {
            orig.sort_by_key(|&k| sents.get(k).map_or(0, |s| s.1.start));
            sents.sort_by_key(|s| s.1.start);
        }
        // A blank line always ends a sentence (headlines, transcript turns,
        // paragraphs the splitter joined); `orig` keeps the caller's index.
        let mut split: Vec<(Span, Range<usize>)> = Vec::with_capacity(sents.len());
        let mut split_orig = Vec::with_capacity(sents.len());
        let mut surname_gender: Vec<(&'a str, lexicon::Pron)> = Vec::new();
        for j in 1..n {
            let (Some(&f0), Some(&f1)) = (flags.get(j - 1), flags.get(j)) else {
                continue;
            };
            if f0 & F_CAP == 0 || f1 & F_CAP == 0 {
                continue;
            }
            let (Some(a), Some(b)) = (spans.get(j - 1), spans.get(j)) else {
                continue;
            };
            let (Some(first), Some(last)) = (a.get(text), b.get(text)) else {
                continue;
            };
            if first.len() > 12 {
                continue;
            }
            if let Some(g) = lexicon::given_name_gender(&first.to_ascii_lowercase()) {
                surname_gender.push((last, g));
            }
        }
        // the first mention decides
        surname_gender.sort_by(|x, y| x.0.cmp(y.0));
        surname_gender.dedup_by(|x, y| x.0 == y.0);
        let quote_split: Vec<bool> = (0..n)
            .map(|i| closed_quote_ends_sentence(text, &spans, &flags, i))
            .collect();
        for ((sp, r), o) in sents.into_iter().zip(orig) {
            let mut a = r.start;
            for i in r.start + 1..r.end {
                let qs = quote_split.get(i).copied().unwrap_or(false);
                if nl_before.get(i).copied().unwrap_or(0) >= 2 || qs {
                    let st = spans.get(a).map_or(sp.start, |t| t.start);
                    let en = spans.get(i - 1).map_or(st, |t| t.end.max(st));
                    split.push((Span::new(st, en), a..i));
                    split_orig.push(o);
                    a = i;
                }
            }
            if a == r.start {
                split.push((sp, r));
            } else {
                let st = spans.get(a).map_or(sp.start, |t| t.start);
                split.push((Span::new(st, sp.end.max(st)), a..r.end));
            }
            split_orig.push(o);
        }
        let sents = split;
        let orig = split_orig;
        let mut sent_of = vec![usize::MAX; n];
        for (si, (_, r)) in sents.iter().enumerate() {
            for slot in sent_of.get_mut(r.clone()).into_iter().flatten() {
                *slot = si;
            }
        }
        let mut sent_kind = Vec::with_capacity(sents.len());
        let mut sent_author = Vec::with_capacity(sents.len());
        for (sp, r) in &sents {
            let start = spans.get(r.start).map(|s| s.start).unwrap_or(sp.start);
            if input.doc.segments.is_empty() {
                sent_kind.push(SegmentKind::Body);
                sent_author.push(None);
            } else {
                match input.doc.segment_at(start) {
                    Some(seg) => {
                        sent_kind.push(seg.kind);
                        sent_author.push(seg.author.clone());
                    }
                    None => {
                        sent_kind.push(SegmentKind::Boilerplate);
                        sent_author.push(None);
                    }
                }
            }
        }
        let pos = input.pos.filter(|p| p.len() == n);
        let parse = input.parse.filter(|p| p.len() == n);
        Ctx {
            text,
            lower,
            spans,
            flags,
            qmarks,
            nl_before,
            space_before,
            sents,
            orig,
            sent_of,
            quote_split,
            surname_gender,
            sent_kind,
            sent_author,
            pos,
            parse,
            entities: input.entities,
            dates: input.dates,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Lowercased token text ("" out of range).
    pub fn low(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|s| self.lower.get(s.start..s.end))
            .unwrap_or("")
    }

    /// Token text as written ("" out of range).
    pub fn txt(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|s| self.text.get(s.start..s.end))
            .unwrap_or("")
    }

    fn flag(&self, i: usize, f: u8) -> bool {
        self.flags.get(i).is_some_and(|x| x & f != 0)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.flag(i, F_WORD)
    }

    pub fn is_alpha(&self, i: usize) -> bool {
        self.flag(i, F_ALPHA)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.flag(i, F_CAP)
    }

    pub fn is_digit(&self, i: usize) -> bool {
        self.flag(i, F_DIGIT)
    }

    pub fn qmark(&self, i: usize) -> Option<QMark> {
        self.qmarks.get(i).copied().flatten()
    }

    pub fn upos(&self, i: usize) -> Option<&'a str> {
        self.pos.and_then(|p| p.get(i).copied())
    }

    pub fn head(&self, i: usize) -> Option<(usize, &'a str)> {
        self.parse.and_then(|p| p.get(i).copied().flatten())
    }

    /// Span from the start of token `a` to the end of token `b - 1`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        match (
            self.spans.get(a),
            b.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) {
            (Some(x), Some(y)) if y.end >= x.start => Span::new(x.start, y.end),
            (Some(x), _) => Span::new(x.start, x.start),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }

    pub fn slice(&self, s: Span) -> &str {
        s.get(self.text).unwrap_or("")
    }

    /// The caller's sentence index for sentence `si`.
    pub fn orig_sent(&self, si: usize) -> usize {
        self.orig.get(si).copied().unwrap_or(si)
    }

    /// Token range of sentence `si`.
    pub fn sent_range(&self, si: usize) -> Range<usize> {
        self.sents.get(si).map(|s| s.1.clone()).unwrap_or(0..0)
    }

    /// Token range of the sentence holding token `i` (or `i..i+1`).
    pub fn sent_range_of(&self, i: usize) -> Range<usize> {
        match self.sent_of.get(i) {
            Some(&si) if si != usize::MAX => self.sent_range(si),
            _ => i..(i + 1).min(self.len()),
        }
    }

    /// True if the sentence's text is analysed (body or comment).
    pub fn sent_is_content(&self, si: usize) -> bool {
        self.sent_kind.get(si).is_some_and(|k| k.is_content())
    }

    /// Punctuation that ends a clause for noun-phrase walks.
    pub fn is_boundary_punct(&self, i: usize) -> bool {
        if self.is_word(i) {
            return false;
        }
        let t = self.txt(i);
        !matches!(t, "-" | "&" | "'s" | "’s" | "'" | "." | "/")
    }

    /// Index of the entity mention covering `span` best (largest overlap).
    pub fn entity_over(&self, span: Span) -> Option<&'a EntityRef<'a>> {
        let mut best: Option<(&EntityRef, usize)> = None;
        for e in self.entities {
            if e.span.overlaps(&span) {
                let ov = e.span.end.min(span.end) - e.span.start.max(span.start);
                if best.is_none_or(|(_, b)| ov > b) {
                    best = Some((e, ov));
                }
            }
        }
        best.map(|(e, _)| e)
    }

    /// True if token `i` lies inside a known date mention.
    pub fn in_date(&self, i: usize) -> bool {
        match self.spans.get(i) {
            Some(s) => self.dates.iter().any(|d| d.span.overlaps(s)),
            None => false,
        }
    }
}
