//! Numbers about the same measure that do not match across sources.

use crate::terms::one_line;
use crosscheck_brief::{Brief, Discrepancy, DiscrepancyValue, Quantity, SpanRef};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The interval of values a quantity allows, from its qualifier.
pub(crate) fn interval(q: &Quantity) -> Option<(f64, f64)> {
    let v = q.value;
    let r = match (q.qualifier.as_str(), v) {
        ("exact", Some(v)) => (v, v),
        ("about", Some(v)) => (v * 0.85, v * 1.15),
        ("at-least", Some(v)) | ("over", Some(v)) => (v, f64::INFINITY),
        ("under", Some(v)) => (0.0, v),
        ("nearly", Some(v)) => (v * 0.85, v),
        (_, Some(v)) => (v, v),
        (_, None) => (q.low?, q.high.unwrap_or(f64::INFINITY)),
    };
    Some(r)
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

pub(crate) fn discrepancies(brief: &Brief, sources: &HashMap<String, String>) -> Vec<Discrepancy> {
    let published: HashMap<&str, Option<&str>> = brief
        .documents
        .iter()
        .filter(|d| d.status == "analyzed")
        .map(|d| (d.id.as_str(), d.published.as_deref()))
        .collect();
    let claims: HashMap<&str, (&str, Option<&str>)> = brief
        .claims
        .iter()
        .map(|c| (c.id.as_str(), (c.voice.as_str(), c.date.as_deref())))
        .collect();
    // Group by measure and the year the claim is about (a toll from an
    // earlier event is another measure).
    let mut groups: BTreeMap<(String, String), Vec<&Quantity>> = BTreeMap::new();
    for q in &brief.quantities {
        let Some(measure) = &q.measure else { continue };
        if !published.contains_key(q.doc.as_str()) {
            continue;
        }
        let (voice, date) = q
            .claim
            .as_deref()
            .and_then(|c| claims.get(c).copied())
            .unwrap_or(("author", None));
        if voice == "comment" {
            continue;
        }
        let year = date
            .and_then(|d| d.get(..4))
            .filter(|y| y.chars().all(|c| c.is_ascii_digit()));
        groups
            .entry((measure.clone(), year.unwrap_or("").to_string()))
            .or_default()
            .push(q);
    }
    let mut out = Vec::new();
    for ((measure, _), qs) in groups {
        let src = |q: &Quantity| {
            sources
                .get(&q.doc)
                .cloned()
                .unwrap_or_else(|| q.doc.clone())
        };
        let distinct: BTreeSet<String> = qs.iter().map(|q| src(q)).collect();
        if distinct.len() < 2 {
            continue;
        }
        let conflict = qs.iter().enumerate().any(|(i, a)| {
            qs.iter().skip(i + 1).any(|b| {
                src(a) != src(b)
                    && match (interval(a), interval(b)) {
                        (Some(x), Some(y)) => !overlaps(x, y),
                        _ => false,
                    }
            })
        });
        if !conflict {
            continue;
        }
        // One row per distinct value text and report date.
        let mut rows: BTreeMap<(String, String), (DiscrepancyValue, (f64, f64))> = BTreeMap::new();
        for q in &qs {
            let reported = published
                .get(q.doc.as_str())
                .copied()
                .flatten()
                .map(str::to_string);
            let text = one_line(&q.text, usize::MAX);
            let key = (
                reported.clone().unwrap_or_else(|| "~".into()),
                text.to_lowercase(),
            );
            let range = interval(q).unwrap_or((0.0, f64::INFINITY));
            let entry = rows.entry(key).or_insert_with(|| {
                (
                    DiscrepancyValue {
                        value: text.clone(),
                        docs: vec![],
                        reported: reported.clone(),
                        mentions: vec![],
                    },
                    range,
                )
            });
            if !entry.0.docs.contains(&q.doc) {
                entry.0.docs.push(q.doc.clone());
            }
            entry.0.mentions.push(SpanRef {
                doc: q.doc.clone(),
                start: q.start,
                end: q.end,
            });
        }
        let rows: Vec<(DiscrepancyValue, (f64, f64))> = rows.into_values().collect();
        let trend = rising(&rows);
        out.push(Discrepancy {
            kind: "quantity".into(),
            measure,
            values: rows.into_iter().map(|(v, _)| v).collect(),
            trend,
        });
    }
    out
}

/// "rising" when values grow with report dates: several dates, no later
/// report below an earlier one, and at least one clearly above.
fn rising(rows: &[(DiscrepancyValue, (f64, f64))]) -> Option<String> {
    // Per report date, the tightest common interval of its values.
    let mut by_date: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (v, r) in rows {
        let d = v.reported.as_deref()?;
        let e = by_date.entry(d).or_insert(*r);
        *e = (e.0.max(r.0), e.1.min(r.1).max(e.0.max(r.0)));
    }
    if by_date.len() < 2 {
        return None;
    }
    let vals: Vec<(f64, f64)> = by_date.values().copied().collect();
    let never_falls = vals.windows(2).all(|w| w[1].1 >= w[0].0);
    let grows = vals.windows(2).any(|w| w[1].0 > w[0].1);
    (never_falls && grows).then(|| "rising".to_string())
}
