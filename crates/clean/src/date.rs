//! A small grammar for the date lines and datelines that open articles and
//! stamp reader comments. It only recognises; resolving a document date
//! (which source wins, what to do without a year) is the caller's job.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// A calendar date as written: the year may be missing ("March 3").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    /// Four-digit year, if written.
    pub year: Option<i32>,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl DateParts {
    /// The full date, if the year is known and the day exists.
    pub fn to_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|dated?)(?:\s+on)?\s*[:\-–—]?\s*|on\s+)",
    )
    .expect("static regex")
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+")
        .expect("static regex")
});
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{MONTH}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"
    ))
    .expect("static regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
    ))
    .expect("static regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
        .expect("static regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})\b")
        .expect("static regex")
});
/// What may follow a date on a date line: a time, a zone, a reading time.
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,|·•–—-]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|(?:at\s+)?\d{1,2}\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,5}|[+-]\d{2}:?\d{2}|\(?utc[+-]?\d*\)?|gmt[+-]?\d*))?(?:[\s,|·•–—-]*\d+\s+min(?:ute)?s?\s+read)?[\s.]*$",
    )
    .expect("static regex")
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b").expect("static regex"));

fn month_num(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn valid(parts: DateParts) -> Option<DateParts> {
    // Check the day exists (a leap year stands in when the year is unknown).
    NaiveDate::from_ymd_opt(parts.year.unwrap_or(2000), parts.month, parts.day)?;
    Some(parts)
}

/// Parses a date at the very start of `s` (after an optional weekday).
/// Returns the parts and the number of bytes consumed.
pub fn parse_date_prefix(s: &str) -> Option<(DateParts, usize)> {
    let skip = WEEKDAY.find(s).map_or(0, |m| m.end());
    let rest = s.get(skip..)?;
    if let Some(c) = ISO.captures(rest) {
        let parts = DateParts {
            year: c.name("y")?.as_str().parse().ok(),
            month: c.name("m")?.as_str().parse().ok()?,
            day: c.name("d")?.as_str().parse().ok()?,
        };
        return Some((valid(parts)?, skip + c.get(0)?.end()));
    }
    for re in [&*MDY, &*DMY] {
        if let Some(c) = re.captures(rest) {
            let parts = DateParts {
                year: match c.name("y") {
                    Some(y) => Some(y.as_str().parse().ok()?),
                    None => None,
                },
                month: month_num(c.name("mon")?.as_str())?,
                day: c.name("d")?.as_str().parse().ok()?,
            };
            return Some((valid(parts)?, skip + c.get(0)?.end()));
        }
    }
    if let Some(c) = NUMERIC.captures(rest) {
        let a: u32 = c.name("a")?.as_str().parse().ok()?;
        let b: u32 = c.name("b")?.as_str().parse().ok()?;
        let ys = c.name("y")?.as_str();
        let mut year: i32 = ys.parse().ok()?;
        if ys.len() == 2 {
            year += if year < 70 { 2000 } else { 1900 };
        }
        // Day-month order is unknowable when both fit: refuse to guess.
        let (month, day) = if a > 12 && b <= 12 {
            (b, a)
        } else if (b > 12 && a <= 12) || a == b {
            (a, b)
        } else {
            return None;
        };
        let parts = DateParts {
            year: Some(year),
            month,
            day,
        };
        return Some((valid(parts)?, skip + c.get(0)?.end()));
    }
    None
}

/// A line that is only a date (with optional "Published:"/"Updated"
/// prefix, weekday, time and zone). Returns the date and whether a time
/// of day was written.
pub fn date_line(line: &str) -> Option<(DateParts, bool)> {
    let line = line.trim();
    if line.len() > 120 || line.is_empty() {
        return None;
    }
    let skip = PREFIX.find(line).map_or(0, |m| m.end());
    let rest = line.get(skip..)?;
    let (parts, used) = parse_date_prefix(rest)?;
    let tail = rest.get(used..)?;
    if !TRAILER.is_match(tail) {
        return None;
    }
    Some((parts, TIME.is_match(tail)))
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, Region][, Month Day][ (Agency)] - text
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{L}'.]*(?:[ -]\p{Lu}[\p{L}'.]*){0,2}(?:,\s*\p{Lu}[\p{L}'.]*(?:\s\p{Lu}[\p{L}'.]*){0,2})?)(?:,\s*(?P<date>[\p{L}]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{L}+(?:\s+\d{4})?))?\s*(?:\((?P<agency>\p{Lu}[\p{L}&.\- ]{0,30})\))?\s*(?:-|–|—|--)\s+",
    )
    .expect("static regex")
});

/// A news dateline at the start of a paragraph ("PORTSMOUTH, May 2 (Wire) - ",
/// "Lisbon - "). Returns the byte length of the dateline (dash included)
/// and the date, if one is written.
pub fn dateline_prefix(para: &str) -> Option<(usize, Option<DateParts>)> {
    let c = DATELINE.captures(para)?;
    let whole = c.get(0)?;
    let place = c.name("place")?.as_str();
    let words = place.split_whitespace().count();
    if words > 4 || whole.end() >= para.len() {
        return None;
    }
    // "In - " or "He —" are not places: require an all-caps place, a date,
    // an agency, or a tight "Place- " form.
    let all_caps = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    let tight = para
        .get(place.len()..)
        .is_some_and(|r| r.starts_with('-') || r.starts_with('—') || r.starts_with('–'));
    let date = match c.name("date") {
        Some(d) => {
            let (p, used) = parse_date_prefix(d.as_str())?;
            if used != d.as_str().len() {
                return None;
            }
            Some(p)
        }
        None => None,
    };
    if !(all_caps || date.is_some() || c.name("agency").is_some() || tight) {
        return None;
    }
    Some((whole.as_str().trim_end().len(), date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_stays_on_boundaries(s in "\\PC{0,60}") {
            if let Some((_, used)) = parse_date_prefix(&s) {
                prop_assert!(s.is_char_boundary(used));
            }
            let _ = date_line(&s);
            if let Some((n, _)) = dateline_prefix(&s) {
                prop_assert!(s.is_char_boundary(n) && n <= s.len());
            }
        }

        #[test]
        fn written_dates_round_trip(y in 1990i32..2050, m in 1u32..=12, d in 1u32..=28) {
            const NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"];
            let want = DateParts { year: Some(y), month: m, day: d };
            let name = NAMES[(m - 1) as usize];
            prop_assert_eq!(date_line(&format!("{name} {d}, {y}")).map(|x| x.0), Some(want));
            prop_assert_eq!(date_line(&format!("{d} {name} {y}")).map(|x| x.0), Some(want));
            prop_assert_eq!(date_line(&format!("{y}-{m:02}-{d:02}")).map(|x| x.0), Some(want));
        }
    }

    fn d(y: i32, m: u32, day: u32) -> DateParts {
        DateParts {
            year: Some(y),
            month: m,
            day,
        }
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("Monday, January 24, 2022"),
            Some((d(2022, 1, 24), false))
        );
        assert_eq!(date_line("January 24, 2022"), Some((d(2022, 1, 24), false)));
        assert_eq!(date_line("24 January 2022"), Some((d(2022, 1, 24), false)));
        assert_eq!(date_line("2022-01-24"), Some((d(2022, 1, 24), false)));
        assert_eq!(
            date_line("Published: 3 March 2023 10:42 GMT"),
            Some((d(2023, 3, 3), true))
        );
        assert_eq!(
            date_line("Updated Jan. 5, 2021 at 3:14 pm EST"),
            Some((d(2021, 1, 5), true))
        );
        assert_eq!(date_line("1/24/22 2:25 PM"), Some((d(2022, 1, 24), true)));
        assert_eq!(date_line("24.01.2022"), Some((d(2022, 1, 24), false)));
    }

    #[test]
    fn rejects_non_dates_and_ambiguity() {
        assert_eq!(
            date_line("January 2022 was cold and people stayed in"),
            None
        );
        assert_eq!(date_line("3/4/2022"), None, "day/month order unknown");
        assert_eq!(date_line("February 30, 2022"), None);
        assert_eq!(date_line("Crisis, January 2022"), None);
        assert_eq!(date_line("May the force be with you"), None);
    }

    #[test]
    fn yearless_dates_have_no_full_date() {
        let (p, _) = date_line("March 3").unwrap();
        assert_eq!(p.year, None);
        assert_eq!(p.to_date(), None);
    }

    #[test]
    fn datelines() {
        let t = "KESTREL BAY, March 3 (Wire) - Dock workers marched.";
        let (n, date) = dateline_prefix(t).unwrap();
        assert_eq!(&t[..n], "KESTREL BAY, March 3 (Wire) -");
        assert_eq!(date.unwrap().year, None);
        let t = "Porto- Like a wave, the strike spread.";
        assert_eq!(dateline_prefix(t).map(|x| x.0), Some(6));
        let t = "LISBON, 4 May 2021 — The port reopened.";
        let (_, date) = dateline_prefix(t).unwrap();
        assert_eq!(date, Some(d(2021, 5, 4)));
        assert_eq!(dateline_prefix("In the end - nothing changed."), None);
        assert_eq!(dateline_prefix("The strike spread quickly."), None);
    }
}
