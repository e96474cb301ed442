//! Temporal expressions: recognition and TIMEX3 normalisation, rule-based.
//!
//! [`recognize`] finds dates, times, durations and sets in text regions and
//! normalises them to TIMEX3 values anchored to the document date:
//! "on Tuesday" in a report dated Thursday 2022-01-13 is `2022-01-11`,
//! "week 2 of 2022" is `2022-W02`, "in March last year" is `2021-03`,
//! "for 180 days" is `P180D`, "every Monday" is `XXXX-WXX-1`.
//!
//! Conventions (TimeML / TempEval-3 where it has one):
//! - Extents exclude leading prepositions ("on Friday" -> "Friday") and keep
//!   modifiers ("early January", "the past two months", "at least 72 hours").
//! - A relative expression with no document date (and no earlier date to lean on)
//!   gets `value: None` and [`Anchor::Unresolved`]; the run date is never used.
//!   `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` keep their value (they are not points)
//!   but are `Unresolved` without a document date.
//! - Weekdays, months and quarters without a year follow the tense of the clause
//!   (a verb next to the expression, else weighted cues nearby: "said", "was",
//!   "-ed" -> the most recent one on or before the document date; "will",
//!   "scheduled" -> the coming one). With no cue a weekday is the nearest one (the
//!   past on a tie) and a month the nearest occurrence, leaning ~100 days to the
//!   past (news reports the past); a date more than ~45 days on the wrong side of
//!   the document date for the tense is not chosen.
//! - Parts of day keep the TIMEX3 suffix ("Friday morning" -> `2022-01-14TMO`,
//!   typed DATE as TempEval does); clock times are TIME.
//! - "N days later", "the following day", "that year" lean on the last date
//!   resolved earlier in the same document.
//! - Ranges are emitted as their parts: "between 4 and 6 January" gives "4"
//!   (2022-01-04) and "6 January"; "January 4-6" gives "January 4" and "6".
//! - Slashed numeric dates are read month-first (US style) unless the first
//!   number exceeds 12; dotted dates (13.01.2022) are day-first.
//! - Decades are three digits ("the 1990s" -> `199`), centuries two (`19`);
//!   decade durations are in years as TimeBank writes them ("two decades" ->
//!   `P20Y`, "decades" -> `PXY`).
//! - A bare clock time ("at 10 p.m.") is on the last day mentioned, else the
//!   document date; "the year-ago results" after a year that is already the
//!   document year minus one leans on the document date, not a year further back.
//! - Movable US holidays (Thanksgiving, Labor Day, Memorial Day) resolve to their
//!   nth weekday of the month.
//! - "May" is a month only next to a day or year or after a temporal preposition;
//!   month names must be capitalised (so "march" the verb is skipped).

mod grammar;
mod lex;
mod sem;
pub mod timeml;

use chrono::{Datelike, NaiveDate};
pub use crosscheck_doc::Span;
use crosscheck_doc::{Sentence, Token};
use grammar::{best_at, range_tail, Cx};
use lex::Tk;
use sem::{remember, resolve, State, Tense};

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What the value is anchored to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Resolved against the document date (or a date mentioned earlier in it).
    Document,
    /// The text states the value fully (or it needs no anchor: durations, sets).
    Absolute,
    /// Relative, but the anchor is unknown: no value.
    Unresolved,
}

impl Anchor {
    /// "document", "absolute" or "unresolved".
    pub fn as_str(&self) -> &'static str {
        match self {
            Anchor::Document => "document",
            Anchor::Absolute => "absolute",
            Anchor::Unresolved => "unresolved",
        }
    }
}

/// Granularity of a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Clock time.
    Time,
    /// Morning / afternoon / evening / night of a day.
    PartOfDay,
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

impl Precision {
    /// Lowercase name ("day", "week", …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Time => "time",
            Precision::PartOfDay => "part-of-day",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte span of the expression in the text.
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value ("2022-01-11", "2022-W02", "P180D", "PRESENT_REF", …).
    pub value: Option<String>,
    pub anchor: Anchor,
    /// Granularity of points (None for durations, sets and *_REF).
    pub precision: Option<Precision>,
}

/// Finds and normalises temporal expressions in `regions` of `text` (the whole
/// text if `regions` is empty), anchored to `doc_date`. Regions are read in the
/// order given; expressions never cross a region boundary. Output is in text order
/// of the regions given.
pub fn recognize(text: &str, regions: &[Span], doc_date: Option<NaiveDate>) -> Vec<Timex> {
    let low = text.to_ascii_lowercase();
    let whole = [Span::new(0, text.len())];
    let regions = if regions.is_empty() {
        &whole[..]
    } else {
        regions
    };
    let mut st = State {
        doc: doc_date,
        ..State::default()
    };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for r in regions {
        if r.check(text).is_err() {
            continue;
        }
        toks.clear();
        lex::tokenize(text, r.start, r.end, &mut toks);
        let cx = Cx {
            text,
            low: &low,
            t: &toks,
        };
        scan(&cx, &mut st, &mut out);
    }
    out
}

/// Like [`recognize`], over already tokenized sentences: each sentence is one
/// region (tokens are not needed; the matcher has its own light tokenizer).
pub fn recognize_sentences(
    text: &str,
    _tokens: &[Token],
    sentences: &[Sentence],
    doc_date: Option<NaiveDate>,
) -> Vec<Timex> {
    let regions: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    if regions.is_empty() {
        return Vec::new();
    }
    recognize(text, &regions, doc_date)
}

fn scan(cx: &Cx, st: &mut State, out: &mut Vec<Timex>) {
    let mut i = 0;
    let mut last_day_end: Option<usize> = None;
    while i < cx.t.len() {
        let Some(c) = best_at(cx, i) else {
            i += 1;
            continue;
        };
        let e = c.e.min(cx.t.len());
        if e <= c.s {
            i += 1;
            continue;
        }
        // "on Friday at 5 p.m.": a bare clock time belongs to the day just named
        let mut sem = c.sem;
        if let sem::Sem::Clock(None, h, m) = sem {
            if let (Some(de), Some((d, Precision::Day))) = (last_day_end, st.last) {
                if de <= c.s && c.s - de <= 6 {
                    sem = sem::Sem::Clock(
                        Some(Box::new(sem::Sem::Ymd(d.year(), d.month(), d.day()))),
                        h,
                        m,
                    );
                }
            }
        }
        if emit(cx, st, out, &sem, c.kind, c.s, e) == Some(Precision::Day) {
            last_day_end = Some(e);
        }
        i = e;
        // second half of a day range: "January 4-6"
        if matches!(sem, sem::Sem::Ymd(..) | sem::Sem::Md { d: Some(_), .. }) {
            if let Some(t) = range_tail(cx, e) {
                let te = t.e.min(cx.t.len());
                if te > t.s {
                    let _ = emit(cx, st, out, &t.sem, t.kind, t.s, te);
                    i = te;
                }
            }
        }
    }
}

/// Resolves and records one expression; returns its precision.
fn emit(
    cx: &Cx,
    st: &mut State,
    out: &mut Vec<Timex>,
    s: &sem::Sem,
    kind: TimexType,
    a: usize,
    b: usize,
) -> Option<Precision> {
    let (Some(first), Some(last)) = (cx.t.get(a), cx.t.get(b.checked_sub(1)?)) else {
        return None;
    };
    let tense = tense_around(cx, a, b);
    let r = resolve(s, st, tense);
    if let Some(v) = &r.value {
        // "a year earlier" after "the third quarter" must not move the reference quarter
        let derived_q = matches!(s, sem::Sem::Anaph { .. } | sem::Sem::Ago { .. })
            && r.precision == Some(Precision::Quarter);
        if matches!(kind, TimexType::Date | TimexType::Time) && !derived_q {
            remember(st, v, r.precision);
        }
    }
    let p = r.precision;
    out.push(Timex {
        span: Span::new(first.s, last.e),
        kind,
        value: r.value,
        anchor: r.anchor,
        precision: r.precision,
    });
    p
}

/// Future cues: modals and plans ("will", "scheduled", "as soon as").
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "ll",
    "going",
    "scheduled",
    "expected",
    "expects",
    "plans",
    "planning",
    "due",
    "upcoming",
    "next",
    "tomorrow",
    "slated",
    "intends",
    "hopes",
    "soon",
    "would",
    "payable",
    "effective",
    "be",
];
/// Past cues that fix the time of the event ("was", "ago", irregular past forms).
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "yesterday",
    "earlier",
    "been",
    "came",
    "went",
    "took",
    "began",
    "met",
    "saw",
    "made",
    "gave",
    "left",
    "ran",
    "fell",
    "rose",
    "won",
    "lost",
    "held",
    "sent",
    "spoke",
    "wrote",
    "since",
    "brought",
    "bought",
    "caught",
    "fought",
    "sought",
    "taught",
    "thought",
    "found",
    "kept",
    "led",
    "paid",
    "built",
    "sold",
    "stood",
    "struck",
    "threw",
    "became",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "broke",
    "drew",
    "got",
    "heard",
    "hit",
    "meant",
    "shot",
    "shut",
    "spent",
    "swept",
    "swore",
    "tore",
    "understood",
    "woke",
    "fled",
    "arose",
    "forbade",
    "froze",
    "hid",
    "overthrew",
    "withdrew",
    "undertook",
    "began",
];
/// Reporting verbs: past, but weak (the report is past, the event may not be).
const REPORT_CUES: &[&str] = &["said", "told", "says", "announced", "reported", "added"];

/// Tense of the clause around tokens `a..b`: cues weighted by strength and distance.
fn tense_around(cx: &Cx, a: usize, b: usize) -> Tense {
    const REACH: usize = 14;
    let weight = |j: usize| -> f32 {
        let Some(t) = cx.t.get(j) else { return 0.0 };
        if t.k != Tk::Word {
            return 0.0;
        }
        let w = cx.w(j);
        if FUTURE_CUES.contains(&w) {
            return 3.0;
        }
        if PAST_CUES.contains(&w) {
            return -2.0;
        }
        if REPORT_CUES.contains(&w) {
            return -1.0;
        }
        if w.len() > 4
            && w.ends_with("ed")
            && !matches!(
                w,
                "indeed"
                    | "hundred"
                    | "united"
                    | "need"
                    | "speed"
                    | "based"
                    | "related"
                    | "armed"
                    | "limited"
                    | "proposed"
                    | "alleged"
                    | "red"
                    | "feed"
            )
        {
            return -1.5;
        }
        0.0
    };
    let is_stop = |j: usize| {
        matches!(
            cx.w(j),
            "." | "!" | "?" | ";" | "\u{201c}" | "\u{201d}" | "\""
        )
    };
    // a verb right next to the expression governs it: "said Friday", "Friday announced"
    let left = if a > 0 && cx.w(a - 1) == "on" {
        a.checked_sub(2)
    } else {
        a.checked_sub(1)
    };
    for j in [left, Some(b)].into_iter().flatten() {
        let w = weight(j);
        // "will be held Friday": a participle after "be" says nothing about the past
        let participle = j > 0 && matches!(cx.w(j - 1), "be" | "being");
        if w < 0.0 && !participle {
            return Tense::Past;
        }
        if w > 0.0 {
            return Tense::Future;
        }
    }
    let mut score = 0.0f32;
    let mut seen = false;
    let mut add = |j: usize, dist: usize| {
        let w = weight(j);
        if w != 0.0 {
            seen = true;
            score += w / (1.0 + dist as f32 / 3.0);
        }
    };
    let mut r = b;
    while r < cx.t.len() && r < b + REACH && !is_stop(r) {
        add(r, r - b);
        r += 1;
    }
    let mut l = a;
    while l > 0 && l + REACH > a && !is_stop(l - 1) {
        l -= 1;
        add(l, a - l - 1);
    }
    if !seen {
        Tense::Unknown
    } else if score > 0.0 {
        Tense::Future
    } else {
        Tense::Past
    }
}

#[cfg(test)]
mod tests;
