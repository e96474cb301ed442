//! Hand-written matchers over the token stream. Each matcher looks at the tokens
//! from index `i` and returns the expression it recognises there (token range,
//! type, meaning); the longest match wins.

use crate::lex::{self, Tk, Tok, Unit};
use crate::sem::{Dir, Sem};
use crate::TimexType;

/// Matching context: the text, its ASCII-lowercased copy, the tokens of one region.
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    pub low: &'a str,
    pub t: &'a [Tok],
}

/// A recognised expression: tokens `s..e`.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub s: usize,
    pub e: usize,
    pub kind: TimexType,
    pub sem: Sem,
}

fn cand(s: usize, e: usize, kind: TimexType, sem: Sem) -> Option<Cand> {
    Some(Cand { s, e, kind, sem })
}

/// A number as read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    Exact(u32),
    /// A whole number and a half ("2 1/2").
    AndHalf(u32),
    Vague,
}

impl<'a> Cx<'a> {
    /// Lowercase text of token `j` ("" past the end).
    pub(crate) fn w(&self, j: usize) -> &'a str {
        self.t
            .get(j)
            .and_then(|t| self.low.get(t.s..t.e))
            .unwrap_or("")
    }

    fn kind(&self, j: usize) -> Option<Tk> {
        self.t.get(j).map(|t| t.k)
    }

    fn is_word(&self, j: usize) -> bool {
        self.kind(j) == Some(Tk::Word)
    }

    /// Token `j` starts with an uppercase letter.
    fn cap(&self, j: usize) -> bool {
        self.t
            .get(j)
            .and_then(|t| self.text.as_bytes().get(t.s))
            .is_some_and(|b| b.is_ascii_uppercase())
    }

    /// Token `j` is written in capitals throughout (headline style).
    fn all_caps(&self, j: usize) -> bool {
        self.t
            .get(j)
            .and_then(|t| self.text.get(t.s..t.e))
            .is_some_and(|s| s.len() > 1 && s.bytes().all(|b| b.is_ascii_uppercase()))
    }

    /// Token `j` touches token `j-1` (no space between).
    fn glued(&self, j: usize) -> bool {
        j > 0
            && match (self.t.get(j), self.t.get(j - 1)) {
                (Some(a), Some(b)) => a.s == b.e,
                _ => false,
            }
    }

    fn num(&self, j: usize) -> Option<u32> {
        let t = self.t.get(j)?;
        if t.k != Tk::Num || t.e - t.s > 9 {
            return None;
        }
        self.low.get(t.s..t.e)?.parse().ok()
    }

    fn ndigits(&self, j: usize) -> usize {
        match self.t.get(j) {
            Some(t) if t.k == Tk::Num => t.e - t.s,
            _ => 0,
        }
    }

    fn is(&self, j: usize, w: &str) -> bool {
        self.w(j) == w
    }

    fn is_apos(&self, j: usize) -> bool {
        matches!(self.w(j), "'" | "\u{2019}" | "`")
    }

    fn is_dash(&self, j: usize) -> bool {
        matches!(self.w(j), "-" | "\u{2013}" | "\u{2014}")
    }

    /// A month name at `j` usable as a date: capitalised (or in capitals).
    fn month_at(&self, j: usize) -> Option<(u32, bool)> {
        let (m, abbr) = lex::month(self.w(j))?;
        if !(self.cap(j) || self.all_caps(j)) {
            return None;
        }
        Some((m, abbr))
    }

    /// After a month token: skips an abbreviation dot.
    fn after_month(&self, j: usize, abbr: bool) -> usize {
        if abbr && self.is(j + 1, ".") && self.glued(j + 1) {
            j + 2
        } else {
            j + 1
        }
    }

    /// A 4-digit year at `j`.
    fn year4(&self, j: usize) -> Option<i32> {
        if self.ndigits(j) != 4 {
            return None;
        }
        let y = self.num(j)?;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // 2022-01 etc. belong to other patterns; "1990s" is a decade
        if self.glued(j + 1) && (self.is_word(j + 1) || self.kind(j + 1) == Some(Tk::Num)) {
            return None;
        }
        // "1998-02-30" (an impossible ISO date) is not the year 1998
        if self.glued(j + 1)
            && matches!(self.w(j + 1), "-" | "/" | ".")
            && self.glued(j + 2)
            && (1..=2).contains(&self.ndigits(j + 2))
        {
            return None;
        }
        Some(y as i32)
    }

    /// A year at `j`, digits ("1996") or spoken ("nineteen ninety-six"); returns (year, next).
    fn year_any(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(j) {
            return Some((y, j + 1));
        }
        let century = match self.w(j) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            _ => return None,
        };
        match self.number(j + 1)? {
            (N::Exact(v), k)
                if (10..100).contains(&v) && lex::num_word(self.w(j + 1)).is_some() =>
            {
                Some((century + v as i32, k))
            }
            _ => None,
        }
    }

    /// A day-of-month at `j` with optional ordinal suffix; returns (day, next index).
    fn day(&self, j: usize) -> Option<(u32, usize)> {
        if self.ndigits(j) == 0 || self.ndigits(j) > 2 {
            return None;
        }
        let d = self.num(j)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut k = j + 1;
        if self.glued(k) && matches!(self.w(k), "st" | "nd" | "rd" | "th") {
            k += 1;
        } else if self.glued(k) && (self.is_word(k) || self.kind(k) == Some(Tk::Num)) {
            return None;
        }
        // times and decimals are not days
        if self.glued(k)
            && matches!(self.w(k), ":" | "." | "," | "/")
            && self.kind(k + 1) == Some(Tk::Num)
            && self.glued(k + 1)
        {
            return None;
        }
        if self.is(k, "%") {
            return None;
        }
        Some((d, k))
    }

    /// Cardinal number (digits, words, vague quantifiers); returns value and next index.
    fn number(&self, j: usize) -> Option<(N, usize)> {
        let w = self.w(j);
        if self.kind(j) == Some(Tk::Num) {
            let v = self.num(j)?;
            let mut k = j + 1;
            // 1,000
            while self.is(k, ",") && self.glued(k) && self.ndigits(k + 1) == 3 && self.glued(k + 1)
            {
                k += 2;
            }
            if k != j + 1 {
                // rebuild the full value of "1,000"
                let digits: String = (j..k)
                    .filter(|&x| self.kind(x) == Some(Tk::Num))
                    .map(|x| self.w(x))
                    .collect();
                return Some((N::Exact(digits.parse().unwrap_or(v)), k));
            }
            // decimals are rare in durations; do not read "1.5" as 5
            if self.is(k, ".")
                && self.glued(k)
                && self.kind(k + 1) == Some(Tk::Num)
                && self.glued(k + 1)
            {
                return None;
            }
            // "2 1/2 years"
            if self.num(k) == Some(1)
                && self.is(k + 1, "/")
                && self.glued(k + 1)
                && self.num(k + 2) == Some(2)
                && self.glued(k + 2)
            {
                return Some((N::AndHalf(v), k + 3));
            }
            return Some((N::Exact(v), k));
        }
        match w {
            "a" | "an" => {
                // "a hundred years", "a thousand years"
                return Some(match self.w(j + 1) {
                    "hundred" => (N::Exact(100), j + 2),
                    "thousand" => (N::Exact(1000), j + 2),
                    _ => (N::Exact(1), j + 1),
                });
            }
            "several" | "few" | "many" | "numerous" | "countless" => {
                return Some((N::Vague, j + 1))
            }
            "dozens" | "hundreds" | "thousands" if self.is(j + 1, "of") => {
                return Some((N::Vague, j + 2))
            }
            "couple" if self.is(j + 1, "of") => return Some((N::Exact(2), j + 2)),
            _ => {}
        }
        let v = lex::num_word(w)?;
        if v >= 20 && v % 10 == 0 && v < 100 {
            // twenty-four / twenty four
            let mut k = j + 1;
            if self.is_dash(k) && self.glued(k) {
                k += 1;
            }
            if let Some(u) = lex::num_word(self.w(k)).filter(|u| (1..10).contains(u)) {
                return Some((N::Exact(v + u), k + 1));
            }
        }
        // "two thousand years", "five hundred days"
        if v < 100 {
            match self.w(j + 1) {
                "hundred" => return Some((N::Exact(v * 100), j + 2)),
                "thousand" => return Some((N::Exact(v * 1000), j + 2)),
                _ => {}
            }
        }
        Some((N::Exact(v), j + 1))
    }
}

fn dur_value(n: N, u: Unit) -> String {
    let t = if u.is_clock() { "T" } else { "" };
    // TimeBank writes decades in years ("two decades" -> P20Y, "decades" -> PXY).
    if u == Unit::Decade {
        return match n {
            N::Exact(v) => format!("P{}Y", v.saturating_mul(10)),
            N::AndHalf(v) => format!("P{}Y", v.saturating_mul(10).saturating_add(5)),
            N::Vague => "PXY".to_string(),
        };
    }
    match n {
        N::Exact(v) => format!("P{t}{v}{}", u.code()),
        N::AndHalf(v) => match u {
            Unit::Year => format!("P{v}Y6M"),
            Unit::Day => format!("P{v}DT12H"),
            Unit::Hour => format!("PT{v}H30M"),
            Unit::Minute => format!("PT{v}M30S"),
            _ => format!("P{t}{v}.5{}", u.code()),
        },
        N::Vague => format!("P{t}X{}", u.code()),
    }
}

/// Words before a bare year that make it a date.
fn year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "till"
            | "from"
            | "during"
            | "before"
            | "after"
            | "through"
            | "to"
            | "between"
            | "and"
            | "fiscal"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "circa"
            | "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "end"
            | "beginning"
            | "start"
            | "than"
            | "for"
            | "-"
            | "("
            | "or"
            | "as"
            | "ending"
            | "throughout"
            | "within"
    )
}

const PREP_FOR_BARE_MONTH: &[&str] = &[
    "in",
    "of",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "to",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "and",
    "or",
    "between",
    "throughout",
    "end",
    "beginning",
    "start",
    "middle",
    "for",
    "-",
];

/// Parses a year phrase after a month: "2022", ", 2022", "of 2022", "last year", "this year".
enum YearPart {
    Abs(i32),
    Rel(i32),
}

fn year_part(cx: &Cx, j: usize) -> Option<(YearPart, usize)> {
    let mut k = j;
    if cx.is(k, ",") || cx.is(k, "of") {
        k += 1;
    }
    if let Some((y, e)) = cx.year_any(k) {
        return Some((YearPart::Abs(y), e));
    }
    if cx.is(k + 1, "year") {
        let off = match cx.w(k) {
            "last" | "past" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        return Some((YearPart::Rel(off), k + 2));
    }
    None
}

/// Dates with a month name: "7 January 2022", "Jan. 7", "January 7th, 2022",
/// "August 2021", "December", "March last year", optionally after a weekday.
fn m_date(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let mut wd_prefix = false;
    if lex::weekday(cx.w(j)).is_some() && cx.cap(j) {
        j += 1;
        if cx.is(j, ",") {
            j += 1;
        }
        wd_prefix = true;
    }
    let mut dir = Dir::Infer;
    if !wd_prefix {
        match cx.w(j) {
            "last" => dir = Dir::Last,
            "next" => dir = Dir::Next,
            "this" => dir = Dir::This,
            _ => {}
        }
        if dir != Dir::Infer {
            j += 1;
        }
    }
    // month first
    if let Some((m, abbr)) = cx.month_at(j) {
        let k = cx.after_month(j, abbr);
        if dir == Dir::Infer {
            if let Some((d, k2)) = cx.day(k) {
                // "May 5" with a following year
                if let Some((YearPart::Abs(y), k3)) = year_part(cx, k2) {
                    if !cx.is(k2, "of") {
                        return cand(i, k3, TimexType::Date, Sem::Ymd(y, m, d));
                    }
                }
                return cand(
                    i,
                    k2,
                    TimexType::Date,
                    Sem::Md {
                        m,
                        d: Some(d),
                        yoff: None,
                        dir,
                    },
                );
            }
        }
        if wd_prefix {
            return None;
        }
        if let Some((yp, k2)) = year_part(cx, k) {
            return match yp {
                YearPart::Abs(y) if dir == Dir::Infer => {
                    cand(i, k2, TimexType::Date, Sem::Ym(y, m))
                }
                YearPart::Rel(off) if dir == Dir::Infer => cand(
                    i,
                    k2,
                    TimexType::Date,
                    Sem::Md {
                        m,
                        d: None,
                        yoff: Some(off),
                        dir,
                    },
                ),
                _ => None,
            };
        }
        if abbr {
            return None;
        }
        // a bare month name
        let prev = if i > 0 { cx.w(i - 1) } else { "" };
        // "the October attack": a month as a modifier after "the" (not "the March")
        let the_adj = prev == "the" && !matches!(m, 3 | 5) && cx.is_word(k) && !cx.cap(k);
        let prep = PREP_FOR_BARE_MONTH.contains(&prev) || dir != Dir::Infer || the_adj;
        if m == 5 && !prep {
            return None;
        }
        // "April Ryan", "June Carter": a capitalised word after is a name
        if cx.is_word(k) && cx.cap(k) && !cx.all_caps(j) && !prep {
            return None;
        }
        if !prep {
            // sentence-initial month or month used as a name ("March on Washington")
            let next = cx.w(k);
            let ok_next = matches!(
                next,
                "," | "."
                    | ";"
                    | ":"
                    | ")"
                    | ""
                    | "and"
                    | "or"
                    | "to"
                    | "when"
                    | "through"
                    | "was"
                    | "is"
                    | "will"
                    | "saw"
                    | "has"
                    | "had"
            ) || next == "-";
            if !ok_next {
                return None;
            }
        }
        if m == 5
            && cx.is_word(k)
            && matches!(
                cx.w(k),
                "be" | "have" | "not" | "also" | "well" | "never" | "still" | "soon"
            )
        {
            return None;
        }
        return cand(
            i,
            k,
            TimexType::Date,
            Sem::Md {
                m,
                d: None,
                yoff: None,
                dir,
            },
        );
    }
    if dir != Dir::Infer {
        return None;
    }
    // day first: "7 January 2022", "7th of January", and range starts "4 and 6 January"
    let (d, k) = cx.day(j)?;
    let mut mk = k;
    let mut first_only = false;
    if matches!(cx.w(k), "and" | "to" | "-" | "\u{2013}" | "or") {
        if let Some((_, k2)) = cx.day(k + 1) {
            let m2 = if cx.is(k2, "of") { k2 + 1 } else { k2 };
            if cx.month_at(m2).is_some() {
                // the first day takes the month (and year) of the second
                mk = m2;
                first_only = true;
            }
        }
    }
    if !first_only && cx.is(mk, "of") {
        mk += 1;
    }
    let (m, abbr) = cx.month_at(mk)?;
    let after = cx.after_month(mk, abbr);
    let (year, yend) = match year_part(cx, after) {
        Some((YearPart::Abs(y), k3)) if !cx.is(after, "of") => (Some(y), k3),
        _ => (None, after),
    };
    let end = if first_only { k } else { yend };
    match year {
        Some(y) => cand(i, end, TimexType::Date, Sem::Ymd(y, m, d)),
        None => cand(
            i,
            end,
            TimexType::Date,
            Sem::Md {
                m,
                d: Some(d),
                yoff: None,
                dir: Dir::Infer,
            },
        ),
    }
}

/// Numeric dates: 2022-01-07 (optionally with a time), 2022-W02, 7/1/2022, 13.01.2022.
fn m_numeric(cx: &Cx, i: usize) -> Option<Cand> {
    let n1 = cx.ndigits(i);
    if n1 == 4 {
        let y = cx.num(i)? as i32;
        if cx.is_dash(i + 1) && cx.glued(i + 1) && cx.glued(i + 2) {
            // ISO week
            if cx.w(i + 2) == "w" && cx.ndigits(i + 3) == 2 && cx.glued(i + 3) {
                let w = cx.num(i + 3)?;
                if (1..=53).contains(&w) {
                    return cand(i, i + 4, TimexType::Date, Sem::Week(y, w));
                }
            }
            if cx.ndigits(i + 2) == 2
                && cx.is_dash(i + 3)
                && cx.glued(i + 3)
                && cx.ndigits(i + 4) == 2
                && cx.glued(i + 4)
            {
                let (m, d) = (cx.num(i + 2)?, cx.num(i + 4)?);
                chrono::NaiveDate::from_ymd_opt(y, m, d)?;
                // optional THH:MM
                let k = i + 5;
                if cx.glued(k)
                    && cx.w(k).starts_with('t')
                    && cx.w(k).len() == 1
                    && cx.ndigits(k + 1) == 2
                    && cx.is(k + 2, ":")
                    && cx.ndigits(k + 3) == 2
                {
                    let (h, mi) = (cx.num(k + 1)?, cx.num(k + 3)?);
                    if h < 24 && mi < 60 {
                        return cand(
                            i,
                            k + 4,
                            TimexType::Time,
                            Sem::Clock(Some(Box::new(Sem::Ymd(y, m, d))), h, mi),
                        );
                    }
                }
                return cand(i, i + 5, TimexType::Date, Sem::Ymd(y, m, d));
            }
            // ISO year-month "2021-08"
            if cx.ndigits(i + 2) == 2 && !(cx.is_dash(i + 3) && cx.glued(i + 3)) {
                let m = cx.num(i + 2)?;
                if (1..=12).contains(&m) {
                    return cand(i, i + 3, TimexType::Date, Sem::Ym(y, m));
                }
            }
        }
        return None;
    }
    if !(1..=2).contains(&n1) {
        return None;
    }
    let sep = cx.w(i + 1);
    if !matches!(sep, "/" | ".")
        || !cx.glued(i + 1)
        || !cx.glued(i + 2)
        || cx.w(i + 3) != sep
        || !cx.glued(i + 3)
        || !cx.glued(i + 4)
    {
        return None;
    }
    let (a, b) = (cx.num(i)?, cx.num(i + 2)?);
    if !(1..=2).contains(&cx.ndigits(i + 2)) {
        return None;
    }
    let ny = cx.ndigits(i + 4);
    let y = cx.num(i + 4)? as i32;
    let y = match ny {
        4 => y,
        2 => {
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return None,
    };
    // more digits glued after: not a date (version numbers, IPs)
    if cx.glued(i + 5) && matches!(cx.w(i + 5), "." | "/") && cx.kind(i + 6) == Some(Tk::Num) {
        return None;
    }
    // dotted dates are day-first; slashed ones are month-first unless that is impossible
    let (m, d) = if sep == "." || a > 12 { (b, a) } else { (a, b) };
    chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    cand(i, i + 5, TimexType::Date, Sem::Ymd(y, m, d))
}

/// Years, decades and centuries: "2019", "fiscal 1989", "the 1990s", "'80s", "the 20th century".
fn m_year(cx: &Cx, i: usize, forced: bool) -> Option<Cand> {
    let mut j = i;
    let mut ctx = forced;
    if cx.is(j, "fiscal") {
        j += 1;
        if cx.is(j, "year") {
            j += 1;
        }
        ctx = true;
    }
    // decades, with their article: "the 1990s"
    if cx.is(j, "the") && !ctx && (cx.ndigits(j + 1) == 4 || cx.is_apos(j + 1)) {
        if let Some(c) = m_year(cx, j + 1, false) {
            if matches!(c.sem, Sem::Decade(_)) {
                return cand(i, c.e, c.kind, c.sem);
            }
        }
    }
    if cx.ndigits(j) == 4 && cx.glued(j + 1) && cx.is(j + 1, "s") {
        let y = cx.num(j)?;
        if (1000..=2190).contains(&y) && y % 10 == 0 {
            return cand(i, j + 2, TimexType::Date, Sem::Decade(y as i32 / 10));
        }
    }
    if cx.is_apos(j)
        && cx.ndigits(j + 1) == 2
        && cx.glued(j + 1)
        && cx.is(j + 2, "s")
        && cx.glued(j + 2)
    {
        let y = cx.num(j + 1)?;
        if y % 10 == 0 {
            return cand(i, j + 3, TimexType::Date, Sem::Decade(190 + y as i32 / 10));
        }
    }
    // "the nineties"
    if cx.is(j, "the") {
        let dec = match cx.w(j + 1) {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => 0,
        };
        if dec > 0 {
            return cand(i, j + 2, TimexType::Date, Sem::Decade(190 + dec));
        }
    }
    // centuries: "the 20th century", "the nineteenth century"
    let ordinal_first = cx.ndigits(j) <= 2
        && cx.ndigits(j) > 0
        && cx.glued(j + 1)
        && matches!(cx.w(j + 1), "st" | "nd" | "rd" | "th");
    if cx.is(j, "the") || ordinal_first {
        // o: index of the ordinal
        let o = if ordinal_first { j } else { j + 1 };
        let (c, k) = if let Some(c) = cx.num(o).filter(|_| cx.ndigits(o) <= 2) {
            if cx.glued(o + 1) && matches!(cx.w(o + 1), "st" | "nd" | "rd" | "th") {
                (c, o + 2)
            } else {
                return None;
            }
        } else {
            let c = match cx.w(o) {
                "nineteenth" => 19,
                "twentieth" => 20,
                "eighteenth" => 18,
                "seventeenth" => 17,
                "sixteenth" => 16,
                _ => lex::ordinal_word(cx.w(o)).unwrap_or(0),
            };
            if c == 0 {
                return None;
            }
            (c, o + 1)
        };
        let mut k = k;
        if cx.is_dash(k) && cx.glued(k) {
            k += 1;
        }
        if cx.is(k, "century") && (1..=22).contains(&c) {
            return cand(i, k + 1, TimexType::Date, Sem::Century(c as i32 - 1));
        }
        return None;
    }
    // spoken years ("nineteen ninety-six") need no context
    if !cx.is_word(j) || cx.ndigits(j) == 4 {
    } else if let Some((y, e)) = cx.year_any(j) {
        return cand(i, e, TimexType::Date, Sem::Y(y));
    }
    let y = cx.year4(j)?;
    if !ctx {
        let prev = if j > 0 { cx.w(j - 1) } else { "" };
        if prev == "$" || cx.ndigits(j.wrapping_sub(1)) > 0 {
            return None;
        }
        let next = cx.w(j + 1);
        if matches!(next, "%" | "/") {
            return None;
        }
        let next_ok = matches!(
            next,
            "." | ","
                | ";"
                | ":"
                | ")"
                | ""
                | "and"
                | "to"
                | "when"
                | "as"
                | "-"
                | "\u{2013}"
                | "?"
                | "!"
                | "or"
                | "through"
                | "until"
                | "because"
        ) || cx.is_apos(j + 1)
            || (cx.is_word(j + 1) && cx.cap(j + 1));
        // "the 1998 bombing": a determiner before a modern year
        let det = matches!(
            prev,
            "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "that"
                | "this"
                | "our"
                | "a"
                | "s"
                | "due"
                | "both"
                | "is"
                | "was"
                | "mid"
        ) && (1900..=2099).contains(&y);
        // "in 1990", "since 2014"; after a weak cue ("and", "of"), a number before a
        // lowercase noun is a count ("and 2000 troops")
        let weak = matches!(
            prev,
            "of" | "to" | "between" | "and" | "or" | "for" | "as" | "-" | "(" | "than"
        );
        let count_like = cx.is_word(j + 1) && !cx.cap(j + 1) && !next_ok;
        if !((year_context(prev) && !(weak && count_like)) || det || next_ok) {
            return None;
        }
        if prev == "-" && !(j >= 2 && cx.is(j - 2, "mid")) && cx.ndigits(j.wrapping_sub(2)) > 0 {
            return None;
        }
    }
    cand(i, j + 1, TimexType::Date, Sem::Y(y))
}

/// Weekdays: "Tuesday", "last Friday", "Friday morning", "Monday, Jan. 7" handled by m_date.
fn m_weekday(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let dir = match cx.w(j) {
        "last" => Dir::Last,
        "next" | "coming" => Dir::Next,
        "this" => {
            if cx.is(j + 1, "past") {
                j += 1;
                Dir::Last
            } else if cx.is(j + 1, "coming") {
                j += 1;
                Dir::Next
            } else {
                Dir::This
            }
        }
        _ => Dir::Infer,
    };
    if dir != Dir::Infer {
        j += 1;
    }
    let wd = lex::weekday(cx.w(j))?;
    if !(cx.cap(j) || cx.all_caps(j)) {
        return None;
    }
    let mut k = j + 1;
    let sem = Sem::Wd { wd, dir };
    if let Some(pod) = lex::part_of_day(cx.w(k)) {
        // TempEval annotates "Friday night" as a DATE (with the part-of-day suffix)
        return cand(i, k + 1, TimexType::Date, Sem::Pod(Box::new(sem), pod));
    }
    // "Friday's": the possessive stays outside the extent
    if cx.is_apos(k) && cx.is(k + 1, "s") && cx.glued(k) {
        k = j + 1;
    }
    cand(i, k, TimexType::Date, sem)
}

fn pod_sem(base: Sem, w: &str) -> Option<(Sem, TimexType)> {
    lex::part_of_day(w).map(|p| (Sem::Pod(Box::new(base), p), TimexType::Time))
}

/// Relative and deictic expressions.
fn m_rel(cx: &Cx, i: usize) -> Option<Cand> {
    let w = cx.w(i);
    let day = |n: i64| -> Option<Cand> {
        if let Some((sem, k)) = pod_sem(Sem::DayOff(n), cx.w(i + 1)) {
            return cand(i, i + 2, k, sem);
        }
        cand(i, i + 1, TimexType::Date, Sem::DayOff(n))
    };
    match w {
        "today" => return day(0),
        "yesterday" => return day(-1),
        "tomorrow" => return day(1),
        "tonight" => {
            return cand(
                i,
                i + 1,
                TimexType::Time,
                Sem::Pod(Box::new(Sem::DayOff(0)), "NI"),
            )
        }
        "now" => return cand(i, i + 1, TimexType::Date, Sem::Ref("PRESENT_REF")),
        "currently" | "nowadays" => {
            return cand(i, i + 1, TimexType::Date, Sem::Ref("PRESENT_REF"))
        }
        "current"
            if cx.is_word(i + 1)
                && !cx.cap(i + 1)
                && !matches!(cx.w(i + 1), "account" | "accounts" | "affairs") =>
        {
            return cand(i, i + 1, TimexType::Date, Sem::Ref("PRESENT_REF"))
        }
        "recently" | "lately" => return cand(i, i + 1, TimexType::Date, Sem::Ref("PAST_REF")),
        "these" if cx.is(i + 1, "days") => {
            return cand(i, i + 2, TimexType::Date, Sem::Ref("PRESENT_REF"))
        }
        "recent" => {
            let (u, pl) = lex::unit(cx.w(i + 1))?;
            if !pl {
                return None;
            }
            return match u {
                Unit::Year | Unit::Decade => cand(i, i + 2, TimexType::Date, Sem::Ref("PAST_REF")),
                _ => cand(
                    i,
                    i + 2,
                    TimexType::Duration,
                    Sem::Lit(dur_value(N::Vague, u)),
                ),
            };
        }
        "coming" if i == 0 || !cx.is(i - 1, "the") => {
            let (u, pl) = lex::unit(cx.w(i + 1))?;
            if !pl || u.is_clock() {
                return None;
            }
            return cand(i, i + 2, TimexType::Date, Sem::Ref("FUTURE_REF"));
        }
        _ => {}
    }
    // "the day before yesterday", "the day after tomorrow"
    if w == "the" && cx.is(i + 1, "day") {
        if cx.is(i + 2, "before") && cx.is(i + 3, "yesterday") {
            return cand(i, i + 4, TimexType::Date, Sem::DayOff(-2));
        }
        if cx.is(i + 2, "after") && cx.is(i + 3, "tomorrow") {
            return cand(i, i + 4, TimexType::Date, Sem::DayOff(2));
        }
    }
    if w == "the" {
        match cx.w(i + 1) {
            "past" if !cx.is_word(i + 2) || lex::unit(cx.w(i + 2)).is_none() => {
                // "the past three summers": a count follows, not PAST_REF
                if cx.number(i + 2).is_some() && !cx.is(i + 2, "a") && !cx.is(i + 2, "an") {
                    return None;
                }
                return cand(i, i + 2, TimexType::Date, Sem::Ref("PAST_REF"));
            }
            "future" => return cand(i, i + 2, TimexType::Date, Sem::Ref("FUTURE_REF")),
            "near" | "short" if cx.is(i + 2, "term") => {
                return cand(i, i + 3, TimexType::Date, Sem::Ref("FUTURE_REF"))
            }
            "near" | "foreseeable" | "distant" if cx.is(i + 2, "future") => {
                return cand(i, i + 3, TimexType::Date, Sem::Ref("FUTURE_REF"))
            }
            "weekend" => return cand(i, i + 2, TimexType::Date, Sem::Weekend(Dir::Infer)),
            "quarter" => return cand(i, i + 2, TimexType::Date, Sem::LastQuarter),
            "full" if cx.is(i + 2, "year") => {
                return cand(
                    i,
                    i + 3,
                    TimexType::Date,
                    Sem::UnitOff {
                        unit: Unit::Year,
                        n: 0,
                    },
                )
            }
            "year"
                if cx.year_any(i + 2).is_none()
                    && !cx.is(i + 2, "before")
                    && !cx.is(i + 2, "after")
                    && !cx.is_dash(i + 2) =>
            {
                return cand(i, i + 2, TimexType::Duration, Sem::Lit("P1Y".into()))
            }
            "latest" | "current" | "most" => {
                let mut k = i + 2;
                if cx.is(i + 1, "most") {
                    if !cx.is(k, "recent") {
                        return None;
                    }
                    k += 1;
                }
                if cx.is(k, "fiscal") {
                    k += 1;
                }
                return match cx.w(k) {
                    "quarter" if cx.is(i + 1, "current") => cand(
                        i,
                        k + 1,
                        TimexType::Date,
                        Sem::UnitOff {
                            unit: Unit::Quarter,
                            n: 0,
                        },
                    ),
                    "quarter" | "period" => cand(i, k + 1, TimexType::Date, Sem::LatestQuarter),
                    "year" if cx.is(i + 1, "current") => cand(
                        i,
                        k + 1,
                        TimexType::Date,
                        Sem::UnitOff {
                            unit: Unit::Year,
                            n: 0,
                        },
                    ),
                    "month" if cx.is(i + 1, "current") => cand(
                        i,
                        k + 1,
                        TimexType::Date,
                        Sem::UnitOff {
                            unit: Unit::Month,
                            n: 0,
                        },
                    ),
                    "week" if cx.is(i + 1, "current") => cand(
                        i,
                        k + 1,
                        TimexType::Date,
                        Sem::UnitOff {
                            unit: Unit::Week,
                            n: 0,
                        },
                    ),
                    _ => None,
                };
            }
            "year" | "same" | "following" | "next" | "previous" | "preceding" | "prior" => {}
            _ => {}
        }
    }
    // "the year-ago quarter", "the year-earlier period", "year-earlier"
    {
        let mut k = i;
        if cx.is(k, "the") {
            k += 1;
        }
        if cx.is(k, "year")
            && cx.is_dash(k + 1)
            && cx.glued(k + 1)
            && matches!(cx.w(k + 2), "ago" | "earlier")
            && cx.glued(k + 2)
        {
            let mut e = k + 3;
            if matches!(cx.w(e), "quarter" | "period") {
                e += 1;
            } else if k != i {
                return None;
            }
            return cand(
                i,
                e,
                TimexType::Date,
                Sem::Anaph {
                    unit: Unit::Year,
                    n: -1,
                },
            );
        }
    }
    // this / last / next / past / coming + unit; "this past week"; "earlier this month"
    let mut j = i;
    let mut anaph_ok = false;
    if matches!(w, "earlier" | "later") {
        j += 1;
        anaph_ok = true;
    }
    let mut the = false;
    if cx.is(j, "the") {
        the = true;
        j += 1;
    }
    let rel = cx.w(j);
    let off = match rel {
        "this" if !the => {
            if cx.is(j + 1, "past") {
                j += 1;
                -1
            } else if cx.is(j + 1, "coming") {
                j += 1;
                1
            } else {
                0
            }
        }
        "last" | "past" | "previous" | "preceding" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        "that" | "same" if rel != "same" || the => 99,
        _ => return None,
    };
    if the && off == 0 {
        return None;
    }
    if rel == "that" && cx.is(j + 1, "same") {
        j += 1;
    }
    let uw = cx.w(j + 1);
    let k = j + 2;
    if uw == "weekend" {
        let dir = match off {
            0 => Dir::This,
            -1 => Dir::Last,
            1 => Dir::Next,
            _ => return None,
        };
        return cand(i, k, TimexType::Date, Sem::Weekend(dir));
    }
    // "last night", "the next morning", "that evening"
    if let Some(p) = lex::part_of_day(uw) {
        let base = match (rel, the) {
            ("last", false) if uw == "night" => Sem::DayOff(-1),
            ("this", false) => Sem::DayOff(0),
            ("next" | "following", true) => Sem::Anaph {
                unit: Unit::Day,
                n: 1,
            },
            ("that" | "same", _) => Sem::Anaph {
                unit: Unit::Day,
                n: 0,
            },
            _ => return None,
        };
        return cand(i, k, TimexType::Time, Sem::Pod(Box::new(base), p));
    }
    let (unit, plural) = lex::unit(uw)?;
    if plural || unit.is_clock() {
        return None;
    }
    // "This Week" (a programme title)
    if cx.cap(j + 1) && !cx.all_caps(j + 1) {
        return None;
    }
    // "the past year" is a duration (TimeML); "last year" a date
    if the && matches!(rel, "past" | "last" | "coming") {
        return cand(
            i,
            k,
            TimexType::Duration,
            Sem::Lit(dur_value(N::Exact(1), unit)),
        );
    }
    let rel_to_last =
        the && matches!(
            rel,
            "following" | "next" | "previous" | "preceding" | "prior" | "same"
        ) || matches!(rel, "that")
            || (anaph_ok && rel == "that");
    let sem = if off == 99 || rel_to_last {
        let n = if off == 99 { 0 } else { off };
        Sem::Anaph { unit, n }
    } else {
        if rel == "following" || rel == "preceding" || rel == "prior" {
            return None;
        }
        if unit == Unit::Century && off == 0 {
            return cand(i, k, TimexType::Date, Sem::UnitOff { unit, n: 0 });
        }
        Sem::UnitOff { unit, n: off }
    };
    // "this past week": the week just finished
    cand(i, k, TimexType::Date, sem)
}

fn dur_modifier(cx: &Cx, j: usize) -> Option<usize> {
    let two = |a: &str, b: &[&str]| cx.is(j, a) && b.contains(&cx.w(j + 1));
    if two("at", &["least", "most"])
        || two("more", &["than"])
        || two("less", &["than"])
        || two("fewer", &["than"])
        || two("up", &["to"])
        || two("as", &["many", "much", "long"])
        || two("no", &["more", "less"])
    {
        if cx.is(j, "as") || cx.is(j, "no") {
            if cx.is(j + 2, "as") || cx.is(j + 2, "than") {
                return Some(j + 3);
            }
            return None;
        }
        return Some(j + 2);
    }
    match cx.w(j) {
        "another" | "the" | "nearly" | "almost" => Some(j + 1),
        _ => None,
    }
}

/// Durations ("for 180 days", "three decades", "two-year", "the past two months")
/// and unit offsets ("a few months ago", "N days later", "two days earlier").
fn m_dur(cx: &Cx, i: usize) -> Option<Cand> {
    // inside a fraction ("2 1/2 years"): not a count of its own
    if i > 0 && cx.is(i - 1, "/") && cx.glued(i) {
        return None;
    }
    let mut j = i;
    let mut anchored = false; // "the past/next/first N units"
    for _ in 0..3 {
        if let Some(k) = dur_modifier(cx, j) {
            j = k;
        } else if matches!(
            cx.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "final"
                | "following"
                | "preceding"
                | "latest"
                | "initial"
                | "ensuing"
        ) && (j > i || (cx.number(j + 1).is_some() && !matches!(cx.w(j + 1), "a" | "an")))
        {
            anchored = true;
            j += 1;
        } else {
            break;
        }
    }
    let (n, mut k) = match cx.number(j) {
        Some(x) => x,
        // "the coming days": plural without a number is vague
        None if anchored => match lex::unit(cx.w(j)) {
            Some((_, true)) => (N::Vague, j),
            _ => (N::Exact(1), j),
        },
        None => return None,
    };
    // "a few", "a couple of", "a dozen"
    if cx.is(j, "a") || cx.is(j, "an") {
        match cx.w(k) {
            "few" => return finish_dur(cx, i, N::Vague, k + 1, anchored, false),
            "couple" if cx.is(k + 1, "of") => {
                return finish_dur(cx, i, N::Exact(2), k + 2, anchored, false)
            }
            "dozen" => return finish_dur(cx, i, N::Exact(12), k + 1, anchored, false),
            "half" => return None,
            _ => {}
        }
    }
    if matches!(
        cx.w(k),
        "more" | "additional" | "full" | "straight" | "consecutive" | "long" | "whole"
    ) {
        k += 1;
    }
    let hyph = cx.is_dash(k) && cx.glued(k);
    if hyph {
        // "the last-minute effort": no number, an adjective
        if k == j {
            return None;
        }
        k += 1;
    }
    finish_dur(cx, i, n, k, anchored, hyph)
}

fn finish_dur(cx: &Cx, i: usize, n: N, k: usize, anchored: bool, hyph: bool) -> Option<Cand> {
    let (unit, plural) = lex::unit(cx.w(k))?;
    if !cx.is_word(k) {
        return None;
    }
    // "last-minute", "a second time", "60 Minutes" (a title)
    if (cx.is_dash(k.saturating_sub(1)) && cx.glued(k) && anchored && !hyph)
        || (unit == Unit::Second && !plural && n == N::Exact(1))
        || (cx.cap(k) && !cx.all_caps(k) && k > 0 && cx.kind(k - 1) == Some(Tk::Num))
    {
        return None;
    }
    if let N::Exact(v) = n {
        // "one years" is not a thing; "1 second" after a digit is fine
        if v == 1 && plural && !anchored {
            return None;
        }
        if v == 0 {
            return None;
        }
    }
    let mut e = k + 1;
    let value = dur_value(n, unit);
    // ages ("6-year-old", "52 years old") are not temporal expressions;
    // "a year-earlier loss" is a point ("year-earlier"), not a duration
    if (cx.is_dash(e) && cx.glued(e) && matches!(cx.w(e + 1), "old" | "ago" | "earlier"))
        || cx.is(e, "old")
    {
        return None;
    }
    // "three-quarters", "a quarter of": fractions, not periods
    if unit == Unit::Quarter && (hyph || !plural) {
        return None;
    }
    // "the two-week halt": the article is not part of the expression
    let i = if cx.is(i, "the") && !anchored && (hyph || (cx.is_dash(e) && cx.glued(e))) {
        i + 1
    } else {
        i
    };
    // adjectival "-long"
    if cx.is_dash(e) && cx.glued(e) && cx.is(e + 1, "long") {
        return cand(i, e + 2, TimexType::Duration, Sem::Lit(value));
    }
    if hyph {
        return cand(i, e, TimexType::Duration, Sem::Lit(value));
    }
    if !anchored {
        let steps = match n {
            N::Exact(v) => Some(i64::from(v)),
            // "2 1/2 years ago": only the vague reference is safe
            N::AndHalf(_) | N::Vague => None,
        };
        match cx.w(e) {
            "ago" => {
                return match steps {
                    Some(s) => cand(i, e + 1, TimexType::Date, Sem::Ago { unit, n: -s }),
                    None => cand(i, e + 1, TimexType::Date, Sem::Ref("PAST_REF")),
                }
            }
            "earlier" | "later" | "before" | "after"
                if !cx.is_word(e + 1)
                    || matches!(
                        cx.w(e + 1),
                        "and"
                            | "but"
                            | "when"
                            | "that"
                            | "in"
                            | "on"
                            | "the"
                            | "he"
                            | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                    )
                    || cx.w(e) == "earlier"
                    || cx.w(e) == "later" =>
            {
                if matches!(cx.w(e), "before" | "after") && cx.is_word(e + 1) {
                    // "two days after the attack": a duration relative to an event
                    return cand(i, e, TimexType::Duration, Sem::Lit(value));
                }
                let sign = if matches!(cx.w(e), "earlier" | "before") {
                    -1
                } else {
                    1
                };
                return match steps {
                    Some(s) => cand(i, e + 1, TimexType::Date, Sem::Anaph { unit, n: sign * s }),
                    None => cand(
                        i,
                        e + 1,
                        TimexType::Date,
                        Sem::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
                    ),
                };
            }
            "from" if cx.is(e + 1, "now") => {
                return match steps {
                    Some(s) => cand(i, e + 2, TimexType::Date, Sem::UnitOff { unit, n: s }),
                    None => cand(i, e + 2, TimexType::Date, Sem::Ref("FUTURE_REF")),
                }
            }
            _ => {}
        }
    }
    if !plural && matches!(n, N::Exact(1)) && cx.is(i, "a") {
        // "$5 a year", "twice a week": a set
        let prev = if i > 0 { cx.w(i - 1) } else { "" };
        if i > 0
            && (cx.ndigits(i - 1) > 0
                || matches!(
                    prev,
                    "twice"
                        | "once"
                        | "times"
                        | "dollars"
                        | "cents"
                        | "percent"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "hundred"
                ))
        {
            return cand(i, e, TimexType::Set, Sem::Lit(dur_value(N::Exact(1), unit)));
        }
    }
    e = e.max(k + 1);
    cand(i, e, TimexType::Duration, Sem::Lit(value))
}

/// Bare plural units with a duration cue: "for years", "over months".
fn m_bare_units(cx: &Cx, i: usize) -> Option<Cand> {
    let (unit, plural) = lex::unit(cx.w(i))?;
    // "decades-long", "day-long"
    if cx.is_dash(i + 1) && cx.glued(i + 1) && cx.is(i + 2, "long") && cx.glued(i + 2) {
        let n = if plural { N::Vague } else { N::Exact(1) };
        if i > 0 && cx.is_dash(i - 1) && cx.glued(i) {
            return None;
        }
        return cand(i, i + 3, TimexType::Duration, Sem::Lit(dur_value(n, unit)));
    }
    if !plural || i == 0 || unit == Unit::Quarter {
        return None;
    }
    if !matches!(
        cx.w(i - 1),
        "for" | "over" | "within" | "in" | "took" | "lasted" | "spent" | "last" | "lasting"
    ) {
        return None;
    }
    if cx.is(i + 1, "of") || cx.is(i + 1, "ago") {
        return None;
    }
    cand(
        i,
        i + 1,
        TimexType::Duration,
        Sem::Lit(dur_value(N::Vague, unit)),
    )
}

/// Quarters and halves: "the third quarter", "third-quarter", "Q3 2021",
/// "the first half of 2022", "the fiscal first quarter".
fn m_quarter(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.is(j, "the") {
        j += 1;
    }
    let mut year: Option<YearPart> = None;
    if let Some(y) = cx.year4(j) {
        year = Some(YearPart::Abs(y));
        j += 1;
    } else if matches!(cx.w(j), "this" | "last" | "next")
        && cx.is(j + 1, "year")
        && cx.is_apos(j + 2)
        && cx.is(j + 3, "s")
    {
        let off = match cx.w(j) {
            "this" => 0,
            "last" => -1,
            _ => 1,
        };
        year = Some(YearPart::Rel(off));
        j += 4;
    }
    if cx.is(j, "fiscal") {
        j += 1;
    }
    // Q3
    if cx.w(j) == "q" && cx.glued(j + 1) && cx.ndigits(j + 1) == 1 {
        let q = cx.num(j + 1)?;
        if !(1..=4).contains(&q) || !cx.cap(j) {
            return None;
        }
        let mut e = j + 2;
        if year.is_none() {
            if let Some(y) = cx.year4(e) {
                year = Some(YearPart::Abs(y));
                e += 1;
            }
        }
        return quarter_cand(i, e, q, false, year);
    }
    let ord = match cx.w(j) {
        "final" | "last" if cx.is(j + 1, "quarter") && year.is_some() => 4,
        w => lex::ordinal_word(w).or_else(|| {
            let d = cx.num(j).filter(|_| cx.ndigits(j) == 1)?;
            matches!(cx.w(j + 1), "st" | "nd" | "rd" | "th").then_some(d)
        })?,
    };
    let mut k = if cx.kind(j) == Some(Tk::Num) {
        j + 2
    } else {
        j + 1
    };
    if cx.is_dash(k) && cx.glued(k) {
        k += 1;
    }
    let half = match cx.w(k) {
        "quarter" => false,
        "half" => true,
        _ => return None,
    };
    // "the third-quarter results": an adjective; the article stays out
    let i = if cx.is(i, "the") && cx.is_dash(k.saturating_sub(1)) && cx.glued(k) {
        i + 1
    } else {
        i
    };
    if (half && ord > 2) || ord > 4 || ord == 0 {
        return None;
    }
    let mut e = k + 1;
    if year.is_none() {
        if cx.is(e, "of") || cx.is(e, ",") {
            if let Some((yp, e2)) = year_part(cx, e) {
                year = Some(yp);
                e = e2;
            } else if cx.is(e + 1, "fiscal") {
                if let Some(y) = cx.year4(e + 2) {
                    year = Some(YearPart::Abs(y));
                    e += 3;
                }
            }
        } else if let Some(y) = cx.year4(e) {
            year = Some(YearPart::Abs(y));
            e += 1;
        }
    }
    // "the first half" needs "the" or a year to be a date
    if half && year.is_none() && !cx.is(i, "the") {
        return None;
    }
    // "first-quarter" without "the" before a non-financial noun is still a quarter
    quarter_cand(i, e, ord, half, year)
}

fn quarter_cand(i: usize, e: usize, q: u32, half: bool, year: Option<YearPart>) -> Option<Cand> {
    let sem = match (year, half) {
        (Some(YearPart::Abs(y)), false) => Sem::Quarter(y, q),
        (Some(YearPart::Abs(y)), true) => Sem::Half(y, q),
        (Some(YearPart::Rel(o)), false) => Sem::QuarterOrd { q, yoff: Some(o) },
        (Some(YearPart::Rel(o)), true) => Sem::HalfOrd {
            h: q,
            yoff: Some(o),
        },
        (None, false) => Sem::QuarterOrd { q, yoff: None },
        (None, true) => Sem::HalfOrd { h: q, yoff: None },
    };
    cand(i, e, TimexType::Date, sem)
}

/// Seasons: "last fall", "this summer", "the spring of 2021", "winter 2020".
fn m_season(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let (dir, the) = match cx.w(j) {
        "last" | "past" => (Dir::Last, false),
        "next" | "coming" => (Dir::Next, false),
        "this" => (Dir::This, false),
        "the" => (Dir::Infer, true),
        _ => (Dir::Infer, false),
    };
    if dir != Dir::Infer || the {
        j += 1;
    }
    let s = lex::season(cx.w(j))?;
    let mut e = j + 1;
    if let Some((yp, e2)) = year_part(cx, e) {
        if dir == Dir::Infer {
            e = e2;
            return match yp {
                YearPart::Abs(y) => cand(i, e, TimexType::Date, Sem::Season(y, s)),
                YearPart::Rel(o) => cand(
                    i,
                    e,
                    TimexType::Date,
                    Sem::SeasonRel {
                        s,
                        yoff: Some(o),
                        dir,
                    },
                ),
            };
        }
    }
    if dir == Dir::Infer {
        // bare season: only after a temporal preposition ("in the summer", "during winter")
        let p = i.checked_sub(1);
        let prev = p.map(|p| cx.w(p)).unwrap_or("");
        if !matches!(
            prev,
            "in" | "during"
                | "since"
                | "by"
                | "until"
                | "through"
                | "over"
                | "throughout"
                | "this"
                | "early"
                | "late"
        ) {
            return None;
        }
        if s == "FA" && the {
            // "the fall of the regime"
            return None;
        }
        if cx.is(e, "of") {
            return None;
        }
    }
    cand(i, e, TimexType::Date, Sem::SeasonRel { s, yoff: None, dir })
}

/// Fixed-date holidays: Christmas (Eve/Day), New Year's Day/Eve, Halloween, Valentine's Day.
fn m_holiday(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.cap(i) {
        return None;
    }
    let (m, d, mut e) = match cx.w(i) {
        "christmas" | "xmas" => match cx.w(i + 1) {
            "eve" if cx.cap(i + 1) => (12, 24, i + 2),
            "day" if cx.cap(i + 1) => (12, 25, i + 2),
            _ => (12, 25, i + 1),
        },
        "new" if cx.is(i + 1, "year") && cx.cap(i + 1) => {
            let mut k = i + 2;
            // "New Year's" / "New Years'"
            if (cx.is_apos(k) && cx.is(k + 1, "s")) || (cx.is(k, "s") && cx.is_apos(k + 1)) {
                k += 2;
            }
            match cx.w(k) {
                "eve" if cx.cap(k) => (12, 31, k + 1),
                "day" if cx.cap(k) => (1, 1, k + 1),
                _ => return None,
            }
        }
        // movable US holidays: the nth weekday of a month
        "thanksgiving" | "labor" | "memorial" => {
            let (m, wd, n) = match cx.w(i) {
                "thanksgiving" => (11, 4, 4),
                "labor" => (9, 1, 1),
                _ => (5, 1, 5),
            };
            let mut e = i + 1;
            if cx.is(e, "day") && cx.cap(e) {
                e += 1;
            } else if cx.w(i) != "thanksgiving" {
                return None;
            }
            let y = match year_part(cx, e) {
                Some((YearPart::Abs(y), e2)) => {
                    e = e2;
                    Some(y)
                }
                _ => None,
            };
            return cand(i, e, TimexType::Date, Sem::NthWd { y, m, wd, n });
        }
        "halloween" => (10, 31, i + 1),
        "valentine" if cx.is_apos(i + 1) && cx.is(i + 2, "s") && cx.is(i + 3, "day") => {
            (2, 14, i + 4)
        }
        _ => return None,
    };
    // Christmas tree / Christmas Island are not dates
    if cx.is_word(e) && cx.cap(e) && !cx.all_caps(e) && m == 12 && d == 25 && e == i + 1 {
        return None;
    }
    if let Some((YearPart::Abs(y), e2)) = year_part(cx, e) {
        e = e2;
        return cand(i, e, TimexType::Date, Sem::Ymd(y, m, d));
    }
    cand(
        i,
        e,
        TimexType::Date,
        Sem::Md {
            m,
            d: Some(d),
            yoff: None,
            dir: Dir::Infer,
        },
    )
}

/// ISO-like week numbers: "week 2 of 2022", "week 2, 2022", "week 2".
fn m_week(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.is(i, "week") {
        return None;
    }
    let w = cx.num(i + 1).filter(|_| cx.ndigits(i + 1) <= 2)?;
    if !(1..=53).contains(&w) || cx.glued(i + 2) && cx.is_word(i + 2) {
        return None;
    }
    if let Some((YearPart::Abs(y), e)) = year_part(cx, i + 2) {
        return cand(i, e, TimexType::Date, Sem::Week(y, w));
    }
    cand(i, i + 2, TimexType::Date, Sem::WeekNo(w))
}

/// Sets: "every Monday", "each year", "daily", "every two weeks", "on Mondays".
fn m_set(cx: &Cx, i: usize) -> Option<Cand> {
    let w = cx.w(i);
    let lit = |e: usize, v: &str| cand(i, e, TimexType::Set, Sem::Lit(v.to_string()));
    match w {
        "daily" | "nightly" => return lit(i + 1, "P1D"),
        "weekly" => return lit(i + 1, "P1W"),
        "monthly" => return lit(i + 1, "P1M"),
        "annually" | "yearly" => return lit(i + 1, "P1Y"),
        "hourly" => return lit(i + 1, "PT1H"),
        "every" | "each" | "per" => {}
        _ => {
            // plural weekdays: "on Mondays"
            if i > 0 && cx.is(i - 1, "on") && cx.cap(i) {
                if let Some(wd) = w.strip_suffix('s').and_then(lex::weekday) {
                    return lit(i + 1, &format!("XXXX-WXX-{wd}"));
                }
            }
            return None;
        }
    }
    let mut j = i + 1;
    if matches!(cx.w(j), "other" | "single") {
        let other = cx.is(j, "other");
        j += 1;
        if let Some((u, false)) = lex::unit(cx.w(j)) {
            return lit(j + 1, &dur_value(N::Exact(if other { 2 } else { 1 }), u));
        }
        return None;
    }
    if let Some(wd) = lex::weekday(cx.w(j)) {
        if w == "per" {
            return None;
        }
        let mut e = j + 1;
        if let Some(p) = lex::part_of_day(cx.w(e)) {
            e += 1;
            return lit(e, &format!("XXXX-WXX-{wd}T{p}"));
        }
        return lit(e, &format!("XXXX-WXX-{wd}"));
    }
    if let Some(p) = lex::part_of_day(cx.w(j)) {
        return lit(j + 1, &format!("XXXX-XX-XXT{p}"));
    }
    if let Some((u, false)) = lex::unit(cx.w(j)) {
        return lit(j + 1, &dur_value(N::Exact(1), u));
    }
    if w == "every" {
        if let Some((N::Exact(n), k)) = cx.number(j) {
            if let Some((u, true)) = lex::unit(cx.w(k)) {
                return lit(k + 1, &dur_value(N::Exact(n), u));
            }
        }
    }
    None
}

/// Clock times: "3:15 pm", "10 p.m.", "noon", "midnight", "15:30 GMT", "4 in the morning".
fn m_time(cx: &Cx, i: usize) -> Option<Cand> {
    let w = cx.w(i);
    let (mut h, mut mi, mut k);
    match w {
        "noon" | "midday" => {
            (h, mi, k) = (12, 0, i + 1);
            return attach_day(cx, i, k, h, mi);
        }
        "midnight" => {
            (h, mi, k) = (24, 0, i + 1);
            return attach_day(cx, i, k, h, mi);
        }
        _ => {}
    }
    if cx.kind(i) != Some(Tk::Num) || cx.ndigits(i) > 2 {
        return None;
    }
    h = cx.num(i)?;
    mi = 0;
    k = i + 1;
    let mut has_minutes = false;
    if matches!(cx.w(k), ":" | ".") && cx.glued(k) && cx.ndigits(k + 1) == 2 && cx.glued(k + 1) {
        mi = cx.num(k + 1)?;
        k += 2;
        has_minutes = true;
    }
    if h > 24 || mi > 59 {
        return None;
    }
    // am / pm in its forms: am, a.m., a.m, AM
    let ampm = {
        let a = cx.w(k);
        if (a == "am" || a == "pm") && !(cx.is_word(k + 1) && cx.glued(k + 1)) {
            k += 1;
            Some(a == "pm")
        } else if (a == "a" || a == "p")
            && cx.is(k + 1, ".")
            && cx.glued(k + 1)
            && cx.is(k + 2, "m")
            && cx.glued(k + 2)
        {
            k += 3;
            if cx.is(k, ".") && cx.glued(k) {
                // keep the final dot only if a lowercase word follows (not a sentence end)
                let next = cx.w(k + 1);
                if (cx.is_word(k + 1) && !cx.cap(k + 1))
                    || timezone(next)
                    || lex::weekday(next).is_some()
                {
                    k += 1;
                }
            }
            Some(a == "p")
        } else {
            None
        }
    };
    let mut tz = false;
    match ampm {
        Some(pm) => {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        }
        None => {
            if cx.is(k, "o") && cx.is_apos(k + 1) && cx.is(k + 2, "clock") {
                k += 3;
                if h > 12 {
                    return None;
                }
            } else if cx.is(k, "in")
                && cx.is(k + 1, "the")
                && lex::part_of_day(cx.w(k + 2)).is_some()
                && h <= 12
            {
                let pm = matches!(cx.w(k + 2), "afternoon" | "evening")
                    || (cx.is(k + 2, "night") && h >= 6);
                if pm && h < 12 {
                    h += 12;
                }
                k += 3;
            } else if has_minutes
                && cx.is(i + 1, ":")
                && h < 24
                && (timezone(cx.w(k))
                    || (i > 0
                        && matches!(
                            cx.w(i - 1),
                            "at" | "by"
                                | "until"
                                | "from"
                                | "around"
                                | "before"
                                | "after"
                                | "since"
                        )))
            {
                // 24-hour clock with a cue
            } else {
                return None;
            }
        }
    }
    if timezone(cx.w(k)) && (cx.all_caps(k) || cx.cap(k)) {
        k += 1;
        tz = true;
    }
    let _ = tz;
    // "until 5 p.m. EST Nov. 9": the date after the time gives its day (not its extent)
    let d = if cx.is(k, ",") { k + 1 } else { k };
    if let Some(c) = m_date(cx, d) {
        if matches!(c.sem, Sem::Ymd(..) | Sem::Md { d: Some(_), .. }) {
            return cand(
                i,
                k,
                TimexType::Time,
                Sem::Clock(Some(Box::new(c.sem)), h, mi),
            );
        }
    }
    attach_day(cx, i, k, h, mi)
}

fn timezone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "msk"
            | "ist"
            | "jst"
            | "aest"
            | "eet"
            | "eest"
    )
}

/// "9 a.m. Tuesday", "noon today": a day right after the time belongs to it.
fn attach_day(cx: &Cx, i: usize, k: usize, h: u32, mi: u32) -> Option<Cand> {
    let mut j = k;
    if cx.is(j, "on") {
        j += 1;
    }
    let day = match cx.w(j) {
        "today" => Some((Sem::DayOff(0), j + 1)),
        "yesterday" => Some((Sem::DayOff(-1), j + 1)),
        "tomorrow" => Some((Sem::DayOff(1), j + 1)),
        w => lex::weekday(w).filter(|_| cx.cap(j)).map(|wd| {
            (
                Sem::Wd {
                    wd,
                    dir: Dir::Infer,
                },
                j + 1,
            )
        }),
    };
    match day {
        Some((sem, e)) => cand(
            i,
            e,
            TimexType::Time,
            Sem::Clock(Some(Box::new(sem)), h, mi),
        ),
        None => cand(i, k, TimexType::Time, Sem::Clock(None, h, mi)),
    }
}

/// Prefix modifiers that keep the value: "early January", "mid-2021", "late Wednesday
/// evening", "the end of 1990", "the beginning of next year".
fn m_modified(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    match cx.w(j) {
        "early" | "late" | "mid" | "post" | "pre" => {
            if matches!(cx.w(j), "post" | "pre") && !(cx.is_dash(j + 1) && cx.glued(j + 1)) {
                return None;
            }
            j += 1;
            if cx.is_dash(j) && cx.glued(j) {
                j += 1;
            }
        }
        "the"
            if matches!(
                cx.w(j + 1),
                "end" | "beginning" | "start" | "middle" | "turn"
            ) && cx.is(j + 2, "of") =>
        {
            j += 3
        }
        "the" if matches!(cx.w(j + 1), "early" | "late" | "mid") => {
            j += 2;
            if cx.is_dash(j) && cx.glued(j) {
                j += 1;
            }
        }
        "end" | "beginning" | "start" | "middle"
            if cx.is(j + 1, "of")
                && i > 0
                && matches!(
                    cx.w(i - 1),
                    "by" | "at" | "until" | "till" | "since" | "from"
                ) =>
        {
            j += 2
        }
        _ => return None,
    }
    // "the end of the year"
    if cx.is(j, "the") {
        if let Some((u, false)) = lex::unit(cx.w(j + 1)) {
            if matches!(
                u,
                Unit::Year
                    | Unit::Month
                    | Unit::Week
                    | Unit::Decade
                    | Unit::Century
                    | Unit::Quarter
            ) && cx.w(i) == "the"
            {
                return cand(i, j + 2, TimexType::Date, Sem::UnitOff { unit: u, n: 0 });
            }
        }
    }
    let core = [
        m_date(cx, j),
        m_year(cx, j, true),
        m_weekday(cx, j),
        m_rel(cx, j),
        m_season(cx, j),
        m_quarter(cx, j),
        m_modified(cx, j),
    ]
    .into_iter()
    .flatten()
    .filter(|c| {
        c.kind != TimexType::Duration && c.kind != TimexType::Set && !matches!(c.sem, Sem::Ref(_))
    })
    .max_by_key(|c| c.e)?;
    // "late Wednesday evening": part of day keeps its type
    Some(Cand { s: i, ..core })
}

/// The longest expression starting at token `i`, if any.
pub(crate) fn best_at(cx: &Cx, i: usize) -> Option<Cand> {
    let t = cx.t.get(i)?;
    let mut best: Option<Cand> = None;
    let mut consider = |c: Option<Cand>| {
        if let Some(c) = c {
            if c.e > c.s && best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
    };
    match t.k {
        Tk::Num => {
            consider(m_numeric(cx, i));
            consider(m_time(cx, i));
            consider(m_date(cx, i));
            consider(m_year(cx, i, false));
            consider(m_dur(cx, i));
            consider(m_quarter(cx, i));
        }
        Tk::Word => {
            consider(m_date(cx, i));
            consider(m_weekday(cx, i));
            consider(m_rel(cx, i));
            consider(m_dur(cx, i));
            consider(m_bare_units(cx, i));
            consider(m_quarter(cx, i));
            consider(m_season(cx, i));
            consider(m_holiday(cx, i));
            consider(m_week(cx, i));
            consider(m_set(cx, i));
            consider(m_time(cx, i));
            consider(m_year(cx, i, false));
            consider(m_modified(cx, i));
        }
        Tk::Punct => {
            if cx.is_apos(i) {
                consider(m_year(cx, i, false));
            }
        }
    }
    best
}

/// A range tail after a day date: "January 4-6", "4 to 6 January" (second day).
pub(crate) fn range_tail(cx: &Cx, e: usize) -> Option<Cand> {
    if !matches!(cx.w(e), "-" | "\u{2013}" | "to" | "and" | "through" | "or") {
        return None;
    }
    let (d, k) = cx.day(e + 1)?;
    // "January 4 and 6 more people" etc.: the next word must not continue a count
    if cx.is_word(k) && !matches!(cx.w(k), "and" | "in" | "at" | "when" | "the" | "of" | "to") {
        return None;
    }
    if cx.month_at(k).is_some() || cx.is(k, ":") {
        return None;
    }
    let mut end = k;
    if let Some((YearPart::Abs(_), e2)) = year_part(cx, k) {
        if cx.is(k, ",") {
            end = e2;
        }
    }
    cand(e + 1, end, TimexType::Date, Sem::SameMonthDay(d))
}
