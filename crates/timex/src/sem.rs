//! What a matched expression means, before it is anchored, and how it is anchored.

use crate::lex::Unit;
use crate::{Anchor, Precision};
use chrono::{Datelike, Duration, NaiveDate};

/// Direction cue for an expression whose year or week is not stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Decided by the tense of the clause.
    Infer,
    /// "last …": strictly before the reference.
    Last,
    /// "next …": strictly after.
    Next,
    /// "this …": the current period.
    This,
}

/// Tense read from the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// The meaning of a matched expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A value that needs no anchor (durations, sets).
    Lit(String),
    /// PRESENT_REF / PAST_REF / FUTURE_REF.
    Ref(&'static str),
    Ymd(i32, u32, u32),
    Ym(i32, u32),
    Y(i32),
    /// First three digits of the years (1990s -> 199).
    Decade(i32),
    /// First two digits (20th century -> 19).
    Century(i32),
    Quarter(i32, u32),
    /// The `n`th weekday `wd` (1 = Monday) of month `m`, year `y` or inferred
    /// ("Thanksgiving" = 4th Thursday of November); `n` = 5 is the last one.
    NthWd {
        y: Option<i32>,
        m: u32,
        wd: u32,
        n: u32,
    },
    Half(i32, u32),
    Season(i32, &'static str),
    Week(i32, u32),
    /// "week 2" without a year.
    WeekNo(u32),
    /// Month (and day) without a year: `yoff` is a stated year offset ("last year").
    Md {
        m: u32,
        d: Option<u32>,
        yoff: Option<i32>,
        dir: Dir,
    },
    Wd {
        wd: u32,
        dir: Dir,
    },
    /// today / yesterday / tomorrow.
    DayOff(i64),
    /// this / last / next UNIT, N UNITs ago: relative to the document date.
    UnitOff {
        unit: Unit,
        n: i64,
    },
    /// "a year ago", "N days ago": like `UnitOff`, but a year inherits the quarter
    /// just mentioned ("the third quarter … a year ago" -> that quarter a year back).
    Ago {
        unit: Unit,
        n: i64,
    },
    /// "N days later", "the following day": relative to the last date mentioned.
    Anaph {
        unit: Unit,
        n: i64,
    },
    Weekend(Dir),
    QuarterOrd {
        q: u32,
        yoff: Option<i32>,
    },
    HalfOrd {
        h: u32,
        yoff: Option<i32>,
    },
    SeasonRel {
        s: &'static str,
        yoff: Option<i32>,
        dir: Dir,
    },
    /// "the quarter": the quarter last mentioned, else the last one completed.
    LastQuarter,
    /// "the latest quarter": the last quarter completed before the document date.
    LatestQuarter,
    /// Second day of a range ("4 and 6 January" / "January 4-6"): same month as the last date.
    SameMonthDay(u32),
    /// A day plus part of day ("Friday morning").
    Pod(Box<Sem>, &'static str),
    /// A clock time, on a day (or the document date).
    Clock(Option<Box<Sem>>, u32, u32),
}

/// Resolution state carried through one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    pub doc: Option<NaiveDate>,
    /// Last resolved point and its precision (for "the following day").
    pub last: Option<(NaiveDate, Precision)>,
    pub last_q: Option<(i32, u32)>,
    pub last_prec: Option<Precision>,
}

/// Result of anchoring.
pub(crate) struct Resolved {
    pub value: Option<String>,
    pub anchor: Anchor,
    pub precision: Option<Precision>,
}

fn fmt_y(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y}")
    }
}

fn fmt_ymd(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", fmt_y(d.year()), d.month(), d.day())
}

fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", fmt_y(w.year()), w.week())
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let ny = total.div_euclid(12);
    let nm = total.rem_euclid(12) + 1;
    (ny as i32, nm as u32)
}

fn quarter_of(m: u32) -> u32 {
    (m.saturating_sub(1)) / 3 + 1
}

fn add_quarters(y: i32, q: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 4 + i64::from(q) - 1 + n;
    (total.div_euclid(4) as i32, (total.rem_euclid(4) + 1) as u32)
}

fn ok(value: String, anchor: Anchor, p: Option<Precision>) -> Resolved {
    Resolved {
        value: Some(value),
        anchor,
        precision: p,
    }
}

fn unresolved(p: Option<Precision>) -> Resolved {
    Resolved {
        value: None,
        anchor: Anchor::Unresolved,
        precision: p,
    }
}

fn unit_prec(u: Unit) -> Option<Precision> {
    Some(match u {
        Unit::Second | Unit::Minute | Unit::Hour => Precision::Time,
        Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Quarter => Precision::Quarter,
        Unit::Year => Precision::Year,
        Unit::Decade => Precision::Decade,
        Unit::Century => Precision::Century,
    })
}

/// Shifts `base` by `n` units and formats at that unit's precision.
fn shift(base: NaiveDate, unit: Unit, n: i64, st: &State, inherit_q: bool) -> Option<String> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => fmt_ymd(base),
        Unit::Day => fmt_ymd(base.checked_add_signed(Duration::try_days(n)?)?),
        Unit::Week => fmt_week(base.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?)?),
        Unit::Month => {
            let (y, m) = add_months(base.year(), base.month(), n);
            format!("{}-{:02}", fmt_y(y), m)
        }
        Unit::Quarter => {
            let (y, q) = add_quarters(base.year(), quarter_of(base.month()), n);
            format!("{}-Q{q}", fmt_y(y))
        }
        Unit::Year => {
            // granularity inherited from a quarter just mentioned ("a year earlier")
            if inherit_q && n.abs() == 1 && st.last_prec == Some(Precision::Quarter) {
                if let Some((y, q)) = st.last_q {
                    return Some(format!("{}-Q{q}", fmt_y(y + n as i32)));
                }
            }
            fmt_y(base.year().checked_add(i32::try_from(n).ok()?)?)
        }
        Unit::Decade => {
            let dec = base.year().div_euclid(10) + i32::try_from(n).ok()?;
            format!("{dec:03}")
        }
        Unit::Century => {
            let c = base.year().div_euclid(100) + i32::try_from(n).ok()?;
            format!("{c:02}")
        }
    })
}

/// Day-precision date of a day expression, if it resolves to one.
fn day_of(sem: &Sem, st: &State, tense: Tense) -> Option<NaiveDate> {
    let r = resolve(sem, st, tense);
    let v = r.value?;
    if r.precision != Some(Precision::Day) {
        return None;
    }
    NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()
}

fn weekday_date(doc: NaiveDate, wd: u32, dir: Dir, tense: Tense) -> NaiveDate {
    let dw = doc.weekday().number_from_monday() as i64;
    let wd = i64::from(wd);
    let back = (dw - wd).rem_euclid(7);
    let fwd = (wd - dw).rem_euclid(7);
    let off = match dir {
        Dir::Last => -(if back == 0 { 7 } else { back }),
        Dir::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::This => wd - dw,
        Dir::Infer => match tense {
            Tense::Future => fwd,
            Tense::Past => -back,
            // no cue: news reports the past, but "Tuesday" said on a Monday is tomorrow
            Tense::Unknown => {
                if fwd == 1 {
                    fwd
                } else {
                    -back
                }
            }
        },
    };
    doc.checked_add_signed(Duration::days(off)).unwrap_or(doc)
}

/// Year of a month/day stated without a year.
fn infer_year(doc: NaiveDate, m: u32, d: Option<u32>, dir: Dir, tense: Tense) -> i32 {
    let y = doc.year();
    let after = (m, d.unwrap_or(0)) > (doc.month(), if d.is_some() { doc.day() } else { 0 });
    let before = (m, d.unwrap_or(99)) < (doc.month(), if d.is_some() { doc.day() } else { 99 });
    match dir {
        Dir::Last => {
            if m < doc.month() {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if m > doc.month() {
                y
            } else {
                y + 1
            }
        }
        Dir::This => y,
        Dir::Infer => {
            // the nearest occurrence, with the clause's tense as a bias of ~3 months
            let _ = (after, before);
            let day = d.unwrap_or(15);
            let mut best = (i64::MAX, y);
            for cy in [y - 1, y, y + 1] {
                let Some(c) = NaiveDate::from_ymd_opt(cy, m, day.min(28)) else {
                    continue;
                };
                let dist = (c - doc).num_days();
                let mut cost = dist.abs();
                // against the tense: a near date (a deadline, a record date) is still
                // plausible; a far one is not
                if (tense == Tense::Past && dist > 0) || (tense == Tense::Future && dist < 0) {
                    cost += if dist.abs() > 45 { 1000 } else { 60 };
                }
                // news mostly reports the past: with no cue, lean back a few months
                if tense == Tense::Unknown && dist > 0 {
                    cost += PAST_LEAN_DAYS;
                }
                if cost < best.0 {
                    best = (cost, cy);
                }
            }
            best.1
        }
    }
}

/// With no tense cue, a future month/date costs this many extra days.
const PAST_LEAN_DAYS: i64 = 100;

/// Anchors a meaning against the document date and the state.
pub(crate) fn resolve(sem: &Sem, st: &State, tense: Tense) -> Resolved {
    use Precision as P;
    match sem {
        Sem::Lit(v) => ok(v.clone(), Anchor::Absolute, None),
        Sem::Ref(r) => Resolved {
            value: Some((*r).to_string()),
            anchor: if st.doc.is_some() {
                Anchor::Document
            } else {
                Anchor::Unresolved
            },
            precision: None,
        },
        Sem::Ymd(y, m, d) => match NaiveDate::from_ymd_opt(*y, *m, *d) {
            Some(x) => ok(fmt_ymd(x), Anchor::Absolute, Some(P::Day)),
            None => unresolved(Some(P::Day)),
        },
        Sem::Ym(y, m) => ok(
            format!("{}-{m:02}", fmt_y(*y)),
            Anchor::Absolute,
            Some(P::Month),
        ),
        Sem::Y(y) => ok(fmt_y(*y), Anchor::Absolute, Some(P::Year)),
        Sem::Decade(d) => ok(format!("{d:03}"), Anchor::Absolute, Some(P::Decade)),
        Sem::Century(c) => ok(format!("{c:02}"), Anchor::Absolute, Some(P::Century)),
        Sem::Quarter(y, q) => ok(
            format!("{}-Q{q}", fmt_y(*y)),
            Anchor::Absolute,
            Some(P::Quarter),
        ),
        Sem::Half(y, h) => ok(
            format!("{}-H{h}", fmt_y(*y)),
            Anchor::Absolute,
            Some(P::Half),
        ),
        Sem::Season(y, s) => ok(
            format!("{}-{s}", fmt_y(*y)),
            Anchor::Absolute,
            Some(P::Season),
        ),
        Sem::Week(y, w) => ok(
            format!("{}-W{w:02}", fmt_y(*y)),
            Anchor::Absolute,
            Some(P::Week),
        ),
        Sem::WeekNo(w) => match st.doc {
            Some(doc) => ok(
                format!("{}-W{w:02}", fmt_y(doc.year())),
                Anchor::Document,
                Some(P::Week),
            ),
            None => unresolved(Some(P::Week)),
        },
        Sem::Md { m, d, yoff, dir } => {
            let p = if d.is_some() { P::Day } else { P::Month };
            let Some(doc) = st.doc else {
                return unresolved(Some(p));
            };
            let y = match yoff {
                Some(k) => doc.year() + k,
                None => infer_year(doc, *m, *d, *dir, tense),
            };
            match d {
                Some(d) => match NaiveDate::from_ymd_opt(y, *m, *d) {
                    Some(x) => ok(fmt_ymd(x), Anchor::Document, Some(p)),
                    None => unresolved(Some(p)),
                },
                None => ok(format!("{}-{m:02}", fmt_y(y)), Anchor::Document, Some(p)),
            }
        }
        Sem::NthWd { y, m, wd, n } => {
            let (y, anchor) = match (y, st.doc) {
                (Some(y), _) => (*y, Anchor::Absolute),
                (None, Some(doc)) => (
                    infer_year(doc, *m, Some(15), Dir::Infer, tense),
                    Anchor::Document,
                ),
                (None, None) => return unresolved(Some(P::Day)),
            };
            let wd = chrono::Weekday::try_from(u8::try_from(wd.saturating_sub(1)).unwrap_or(0))
                .unwrap_or(chrono::Weekday::Mon);
            let nth =
                |k: u32| NaiveDate::from_weekday_of_month_opt(y, *m, wd, u8::try_from(k).ok()?);
            // n = 5 means "the last one" (Memorial Day)
            let day = nth(*n).or_else(|| if *n == 5 { nth(4) } else { None });
            match day {
                Some(x) => ok(fmt_ymd(x), anchor, Some(P::Day)),
                None => unresolved(Some(P::Day)),
            }
        }
        Sem::Wd { wd, dir } => match st.doc {
            Some(doc) => ok(
                fmt_ymd(weekday_date(doc, *wd, *dir, tense)),
                Anchor::Document,
                Some(P::Day),
            ),
            None => unresolved(Some(P::Day)),
        },
        Sem::DayOff(n) => match st
            .doc
            .and_then(|d| d.checked_add_signed(Duration::try_days(*n)?))
        {
            Some(x) => ok(fmt_ymd(x), Anchor::Document, Some(P::Day)),
            None => unresolved(Some(P::Day)),
        },
        Sem::UnitOff { unit, n } | Sem::Ago { unit, n } => {
            let p = unit_prec(*unit);
            let inherit = matches!(sem, Sem::Ago { .. });
            match st.doc.and_then(|d| shift(d, *unit, *n, st, inherit)) {
                Some(v) => {
                    let p = if v.contains('Q') { Some(P::Quarter) } else { p };
                    ok(v, Anchor::Document, p)
                }
                None => unresolved(p),
            }
        }
        Sem::Anaph { unit, n } => {
            let p = unit_prec(*unit);
            // years and quarters with nothing mentioned before lean on the document date
            // ("a year earlier" in a report); finer units stay unresolved
            let coarse = matches!(
                unit,
                Unit::Year | Unit::Quarter | Unit::Decade | Unit::Century
            );
            let Some((base, bp)) = st.last.or_else(|| {
                if coarse {
                    st.doc.map(|d| (d, P::Day))
                } else {
                    None
                }
            }) else {
                return unresolved(p);
            };
            // a coarser reference cannot anchor a finer unit
            let fine_enough = match unit {
                Unit::Day | Unit::Second | Unit::Minute | Unit::Hour => bp == P::Day,
                Unit::Week => matches!(bp, P::Day | P::Week),
                Unit::Month => matches!(bp, P::Day | P::Week | P::Month),
                _ => true,
            };
            if !fine_enough {
                return unresolved(p);
            }
            // "the 1988 period … the year-earlier results": a year mentioned that is
            // already the document year shifted is the comparison itself, so the
            // document date anchors it (TempEval anchors these to the DCT)
            let base = match (unit, st.doc) {
                (Unit::Year, Some(d))
                    if *n < 0
                        && bp == P::Year
                        && i64::from(base.year()) == i64::from(d.year()) + *n =>
                {
                    d
                }
                _ => base,
            };
            match shift(base, *unit, *n, st, true) {
                Some(v) => {
                    let p = if v.contains('Q') { Some(P::Quarter) } else { p };
                    ok(v, Anchor::Document, p)
                }
                None => unresolved(p),
            }
        }
        Sem::Weekend(dir) => {
            let Some(doc) = st.doc else {
                return unresolved(Some(P::Week));
            };
            let dir = match (dir, tense) {
                (Dir::Infer, Tense::Future) => Dir::Next,
                (Dir::Infer, _) => Dir::Last,
                (d, _) => *d,
            };
            let sat = match dir {
                Dir::Next => weekday_date(doc, 6, Dir::Infer, Tense::Future),
                Dir::This => weekday_date(doc, 6, Dir::This, tense),
                _ => {
                    // the weekend just past (or the current one if today is in it)
                    let dw = doc.weekday().number_from_monday();
                    if dw >= 6 {
                        weekday_date(doc, 6, Dir::This, tense)
                    } else {
                        weekday_date(doc, 6, Dir::Last, tense)
                    }
                }
            };
            ok(
                format!("{}-WE", fmt_week(sat)),
                Anchor::Document,
                Some(P::Week),
            )
        }
        Sem::QuarterOrd { q, yoff } => {
            let Some(doc) = st.doc else {
                return unresolved(Some(P::Quarter));
            };
            let dq = quarter_of(doc.month());
            let y = match yoff {
                Some(k) => doc.year() + k,
                None => {
                    if *q > dq && tense == Tense::Past {
                        doc.year() - 1
                    } else {
                        doc.year()
                    }
                }
            };
            ok(
                format!("{}-Q{q}", fmt_y(y)),
                Anchor::Document,
                Some(P::Quarter),
            )
        }
        Sem::HalfOrd { h, yoff } => match st.doc {
            Some(doc) => ok(
                format!("{}-H{h}", fmt_y(doc.year() + yoff.unwrap_or(0))),
                Anchor::Document,
                Some(P::Half),
            ),
            None => unresolved(Some(P::Half)),
        },
        Sem::SeasonRel { s, yoff, dir } => {
            let Some(doc) = st.doc else {
                return unresolved(Some(P::Season));
            };
            let start_month = match *s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = match (yoff, dir) {
                (Some(k), _) => doc.year() + k,
                (None, Dir::Last) => {
                    if start_month < doc.month() && *s != "WI" {
                        doc.year()
                    } else {
                        doc.year() - 1
                    }
                }
                (None, Dir::Next) => {
                    if start_month > doc.month() {
                        doc.year()
                    } else {
                        doc.year() + 1
                    }
                }
                _ => doc.year(),
            };
            ok(
                format!("{}-{s}", fmt_y(y)),
                Anchor::Document,
                Some(P::Season),
            )
        }
        Sem::LastQuarter | Sem::LatestQuarter => {
            if let (Some((y, q)), Sem::LastQuarter) = (st.last_q, sem) {
                return ok(
                    format!("{}-Q{q}", fmt_y(y)),
                    Anchor::Document,
                    Some(P::Quarter),
                );
            }
            match st.doc {
                Some(doc) => {
                    let (y, q) = add_quarters(doc.year(), quarter_of(doc.month()), -1);
                    ok(
                        format!("{}-Q{q}", fmt_y(y)),
                        Anchor::Document,
                        Some(P::Quarter),
                    )
                }
                None => unresolved(Some(P::Quarter)),
            }
        }
        Sem::SameMonthDay(d) => match st.last {
            Some((base, P::Day)) => match NaiveDate::from_ymd_opt(base.year(), base.month(), *d) {
                Some(x) => ok(fmt_ymd(x), Anchor::Document, Some(P::Day)),
                None => unresolved(Some(P::Day)),
            },
            _ => unresolved(Some(P::Day)),
        },
        Sem::Pod(base, pod) => match day_of(base, st, tense) {
            Some(d) => ok(
                format!("{}T{pod}", fmt_ymd(d)),
                if matches!(**base, Sem::Ymd(..)) {
                    Anchor::Absolute
                } else {
                    Anchor::Document
                },
                Some(P::PartOfDay),
            ),
            None => unresolved(Some(P::PartOfDay)),
        },
        Sem::Clock(base, h, m) => {
            let day = match base {
                Some(b) => day_of(b, st, tense),
                // a bare clock time is on the day in focus: the last day mentioned
                None => match st.last {
                    Some((d, P::Day)) if st.doc.is_some() => Some(d),
                    _ => st.doc,
                },
            };
            match day {
                Some(d) => ok(
                    format!("{}T{h:02}:{m:02}", fmt_ymd(d)),
                    match base.as_deref() {
                        Some(Sem::Ymd(..)) => Anchor::Absolute,
                        _ => Anchor::Document,
                    },
                    Some(P::Time),
                ),
                None => unresolved(Some(P::Time)),
            }
        }
    }
}

/// Updates the state after an expression resolved to `value`.
pub(crate) fn remember(st: &mut State, value: &str, p: Option<Precision>) {
    let Some(p) = p else { return };
    st.last_prec = Some(p);
    let date = match p {
        Precision::Day | Precision::PartOfDay | Precision::Time => value
            .get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .map(|d| (d, Precision::Day)),
        Precision::Week => value.get(..8).and_then(|s| {
            let (y, w) = s.split_once("-W")?;
            let d =
                NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
            Some((d, Precision::Week))
        }),
        Precision::Month => value.get(..7).and_then(|s| {
            let d = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok()?;
            Some((d, Precision::Month))
        }),
        Precision::Quarter => {
            if let Some((y, q)) = value.split_once("-Q") {
                if let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u32>()) {
                    st.last_q = Some((y, q));
                    if let Some(d) = NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1) {
                        st.last = Some((d, Precision::Quarter));
                    }
                    return;
                }
            }
            None
        }
        Precision::Year => value
            .get(..4)
            .and_then(|s| s.parse::<i32>().ok())
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .map(|d| (d, Precision::Year)),
        _ => None,
    };
    if let Some(d) = date {
        st.last = Some(d);
    }
}
