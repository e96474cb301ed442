//! The merged timeline: sentences with a resolved date become events;
//! events on the same date with similar content merge across sources.

use crate::analyze::Findings;
use crosscheck_brief::{SpanRef, TimelineEvent};
use crosscheck_doc::{DocStatus, SegmentKind, Span};
use std::collections::{BTreeMap, BTreeSet};

const STOPWORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "has", "had", "were", "was", "are",
    "for", "not", "but", "they", "their", "there", "been", "will", "would", "which", "when",
    "what", "said", "says", "after", "before", "about", "into", "than", "then", "them", "also",
    "more", "most", "some", "such", "only", "over", "its", "his", "her", "who", "whom", "our",
    "your", "you", "she", "him", "one", "two", "on", "in", "of", "to", "a", "an",
];

fn content_words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// A short one-line summary of a sentence.
pub(crate) fn summarize(sentence: &str) -> String {
    let one_line: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 180 {
        return one_line;
    }
    let cut: String = one_line.chars().take(177).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 120 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{cut}…")
}

/// Sort key: the first day the value covers, as (year, month, day); weeks
/// sort by their Monday's approximate month.
fn sort_key(value: &str) -> (i32, u32, u32) {
    let mut it = value.split('-');
    let y = it
        .next()
        .and_then(|y| y.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    match it.next() {
        Some(w) if w.starts_with('W') => {
            let week: u32 = w.get(1..).and_then(|n| n.parse().ok()).unwrap_or(1);
            let doy = (week.saturating_sub(1)) * 7 + 1;
            (y, (doy / 31 + 1).min(12), doy % 31 + 1)
        }
        Some(m) => {
            let m = m.parse().unwrap_or(0);
            let d = it
                .next()
                .and_then(|d| d.get(..2))
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            (y, m, d)
        }
        None => (y, 0, 0),
    }
}

struct Candidate {
    date: String,
    precision: String,
    doc: String,
    sentence: Span,
    summary: String,
    words: BTreeSet<String>,
    entities: BTreeSet<String>,
}

/// Builds the timeline. `entity_of(doc_index, span)` gives the resolved
/// entity ids mentioned inside a span.
pub fn build_timeline(
    findings: &[Findings],
    entity_of: &dyn Fn(usize, Span) -> Vec<String>,
) -> Vec<TimelineEvent> {
    let mut cands: Vec<Candidate> = Vec::new();
    for (di, f) in findings.iter().enumerate() {
        if f.doc.status == DocStatus::Skipped || f.doc.duplicate_of.is_some() {
            continue;
        }
        let mut seen: BTreeSet<(usize, String)> = BTreeSet::new();
        for t in &f.time_expressions {
            let (Some(value), Some(precision)) = (&t.value, &t.precision) else {
                continue;
            };
            if t.kind != "DATE"
                || t.anchor == "unresolved"
                || !matches!(precision.as_str(), "day" | "week" | "month")
            {
                continue;
            }
            let in_body = f
                .doc
                .segment_at(t.start)
                .map(|s| s.kind == SegmentKind::Body)
                .unwrap_or(f.doc.segments.is_empty());
            if !in_body {
                continue;
            }
            // Sentences are in text order: the candidate is the last one
            // starting at or before the expression.
            let si = f.sentences.partition_point(|s| s.start <= t.start);
            let Some(si) = si.checked_sub(1) else {
                continue;
            };
            let Some(sent) = f.sentences.get(si).filter(|s| t.end <= s.end) else {
                continue;
            };
            if !seen.insert((si, value.clone())) {
                continue;
            }
            let text = f.doc.slice(*sent);
            cands.push(Candidate {
                date: value.clone(),
                precision: precision.clone(),
                doc: f.doc.id.clone(),
                sentence: *sent,
                summary: summarize(text),
                words: content_words(text),
                entities: entity_of(di, *sent).into_iter().collect(),
            });
        }
    }
    // Merge per date: greedy clustering on content overlap.
    let mut by_date: BTreeMap<(i32, u32, u32, String), Vec<Candidate>> = BTreeMap::new();
    for c in cands {
        let (y, m, d) = sort_key(&c.date);
        by_date
            .entry((y, m, d, c.date.clone()))
            .or_default()
            .push(c);
    }
    let mut events = Vec::new();
    for (_, group) in by_date {
        let mut clusters: Vec<Vec<Candidate>> = Vec::new();
        for c in group {
            let home = clusters.iter_mut().find(|cl| {
                cl.iter().any(|o| {
                    let shared_entities = o.entities.intersection(&c.entities).count();
                    jaccard(&o.words, &c.words) >= 0.25
                        || (shared_entities >= 1 && jaccard(&o.words, &c.words) >= 0.12)
                })
            });
            match home {
                Some(cl) => cl.push(c),
                None => clusters.push(vec![c]),
            }
        }
        for cl in clusters {
            let Some(first) = cl.first() else { continue };
            let mut entities = BTreeSet::new();
            for c in &cl {
                entities.extend(c.entities.iter().cloned());
            }
            events.push(TimelineEvent {
                date: first.date.clone(),
                precision: first.precision.clone(),
                summary: first.summary.clone(),
                mentions: cl
                    .iter()
                    .map(|c| SpanRef {
                        doc: c.doc.clone(),
                        start: c.sentence.start,
                        end: c.sentence.end,
                    })
                    .collect(),
                entities: entities.into_iter().collect(),
            });
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_days_weeks_and_months() {
        assert!(sort_key("2022-01-05") < sort_key("2022-01-11"));
        assert!(sort_key("2022-01") < sort_key("2022-01-01"));
        assert!(sort_key("2022-W02") > sort_key("2022-01-05"));
        assert!(sort_key("2022-W02") < sort_key("2022-02-01"));
    }

    #[test]
    fn summaries_are_one_line_and_short() {
        let long = "word ".repeat(100);
        let s = summarize(&long);
        assert!(s.chars().count() <= 181);
        assert!(!summarize("a\n b").contains('\n'));
    }
}
