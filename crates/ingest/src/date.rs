//! The document's own date: the anchor for "on Tuesday" and "last week".
//!
//! Priority: an input override (`--date DOC=…`, JSONL `date`) > page
//! metadata > a date line or dateline near the top of the text. A date
//! without a year ("KYIV, March 3 (Wire) -") is not resolved: no guessing.

use chrono::NaiveDate;
use crosscheck_clean::date::{date_line, dateline_prefix, parse_date_prefix};
use crosscheck_doc::{Segment, SegmentKind};
use regex::Regex;
use std::sync::LazyLock;

/// Lines from the top of the text searched for a date.
const TOP_LINES: usize = 12;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<kind>published|updated|posted|modified|first published|last updated|date)(?:\s+on)?\s*[:\-–—]?\s*")
        .expect("static regex")
});

/// Parses a date given as input (`--date`, JSONL `date`): `YYYY-MM-DD`,
/// an RFC 3339 timestamp, or an unambiguous written date.
pub fn parse_input_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        if s.as_bytes()
            .get(10)
            .is_some_and(|b| matches!(b, b'T' | b' '))
        {
            return Some(d);
        }
    }
    let (parts, _) = date_line(s)?;
    parts.to_date()
}

/// Finds the document date in its text: date lines, datelines with a year,
/// and "Published: …" labels in the first lines, never in reader comments.
/// A "Published" date wins over an "Updated" one.
pub fn date_from_text(text: &str, segments: &[Segment]) -> Option<NaiveDate> {
    // Only the top of the article: before any comment and before the end of
    // the second body block (a stamp further down belongs to something else).
    let first_comment = segments
        .iter()
        .find(|s| s.kind == SegmentKind::Comment)
        .map_or(text.len(), |s| s.span.start);
    let second_body = segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Body)
        .nth(1)
        .map_or(text.len(), |s| s.span.end);
    let limit = first_comment.min(second_body);
    let head = text.get(..limit).unwrap_or(text);
    let mut updated = None;
    for line in head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(TOP_LINES)
    {
        if line.len() > 300 {
            // A paragraph: only an opening dateline can carry the date.
            if let Some((_, Some(p))) = dateline_prefix(line) {
                if let Some(d) = p.to_date() {
                    return Some(d);
                }
            }
            continue;
        }
        let is_update =
            line.to_lowercase().contains("updated") || line.to_lowercase().contains("modified");
        let found = if let Some((p, _)) = date_line(line) {
            p.to_date()
        } else if let Some((_, Some(p))) = dateline_prefix(line) {
            p.to_date()
        } else {
            labelled_date(line)
        };
        if let Some(d) = found {
            if is_update {
                updated = updated.or(Some(d));
            } else {
                return Some(d);
            }
        }
    }
    updated
}

/// "By Jane Roe | Published 3 March 2022, 10:00" → 2022-03-03.
fn labelled_date(line: &str) -> Option<NaiveDate> {
    for m in LABEL.find_iter(line) {
        if let Some((p, _)) = line.get(m.end()..).and_then(parse_date_prefix) {
            if let Some(d) = p.to_date() {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_clean::segment;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn from(text: &str) -> Option<NaiveDate> {
        date_from_text(text, &segment(text))
    }

    #[test]
    fn input_dates() {
        assert_eq!(parse_input_date("2022-01-24"), d(2022, 1, 24));
        assert_eq!(parse_input_date("2022-01-24T10:00:00Z"), d(2022, 1, 24));
        assert_eq!(parse_input_date("24 January 2022"), d(2022, 1, 24));
        assert_eq!(parse_input_date("2022-13-01"), None);
        assert_eq!(parse_input_date("soon"), None);
    }

    #[test]
    fn date_lines_at_top() {
        assert_eq!(
            from("Monday, January 24, 2022\n\nTitle here\n\nBody text."),
            d(2022, 1, 24)
        );
        assert_eq!(from("Title\n\n24 January 2022\n\nBody."), d(2022, 1, 24));
        assert_eq!(from("Title\n2022-01-24\nBody."), d(2022, 1, 24));
        assert_eq!(
            from("Title\nBy Jane Roe | Published: March 3, 2021 10:00 GMT\n\nBody."),
            d(2021, 3, 3)
        );
    }

    #[test]
    fn published_beats_updated() {
        assert_eq!(
            from("Title\nUpdated March 5, 2021\nPublished March 3, 2021\n\nBody."),
            d(2021, 3, 3)
        );
        assert_eq!(from("Title\nUpdated 5 March 2021\n\nBody."), d(2021, 3, 5));
    }

    #[test]
    fn datelines_need_a_year() {
        assert_eq!(
            from("Strike spreads\n\nAVERNE, March 3 (Example Wire) - Dockers walked out."),
            None
        );
        assert_eq!(
            from("Strike spreads\n\nAVERNE, March 3, 2021 (Example Wire) - Dockers walked out."),
            d(2021, 3, 3)
        );
    }

    #[test]
    fn no_date_means_none() {
        assert_eq!(
            from("Title\n\nIn 2020 the port was busy. On March 3 it closed."),
            None
        );
    }

    #[test]
    fn comment_stamps_are_not_document_dates() {
        let t = "Title\n\nBody paragraph long enough to be the body of an article, with details about the strike at the port.\n\nAnonymous said...\n\nGood.\n\n1/24/22 2:25 PM\n";
        assert_eq!(from(t), None);
    }
}
