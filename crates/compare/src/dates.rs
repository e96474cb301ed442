//! The same proposition dated differently by different sources.

use crate::terms::one_line;
use crosscheck_brief::{Brief, Claim, Discrepancy, DiscrepancyValue, Proposition, SpanRef};
use std::collections::{BTreeMap, HashMap};

/// A calendar value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a time of day
/// dropped); other TIMEX values (durations, weeks, `PRESENT_REF`, partly
/// unknown `XXXX-…`) are not compared.
fn calendar(v: &str) -> Option<&str> {
    let v = match v.split_once('T') {
        Some((day, _)) if day.len() == 10 => day,
        _ => v,
    };
    let ok = match v.len() {
        4 | 7 | 10 => v.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        }),
        _ => false,
    };
    ok.then_some(v)
}

/// Two values agree when one refines the other ("2021-03" and "2021-03-05").
fn compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Date discrepancies: a proposition whose claims from independent sources
/// carry calendar dates that cannot both be right. Comments and questions
/// don't count; a month and a day inside it agree.
pub(crate) fn date_discrepancies(
    brief: &Brief,
    propositions: &[Proposition],
    sources: &HashMap<String, String>,
) -> Vec<Discrepancy> {
    let claims: HashMap<&str, &Claim> = brief.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let published: HashMap<&str, Option<&str>> = brief
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.published.as_deref()))
        .collect();
    let source = |doc: &str| sources.get(doc).map_or(doc, String::as_str).to_string();
    let mut out = Vec::new();
    for p in propositions {
        let dated: Vec<(&str, &Claim)> = p
            .claims
            .iter()
            .filter_map(|id| claims.get(id.as_str()).copied())
            .filter(|c| c.voice != "comment" && c.modality != "questioned")
            .filter_map(|c| Some((calendar(c.date.as_deref()?)?, c)))
            .collect();
        let conflict = dated.iter().enumerate().any(|(i, (da, a))| {
            dated
                .iter()
                .skip(i + 1)
                .any(|(db, b)| source(&a.doc) != source(&b.doc) && !compatible(da, db))
        });
        if !conflict {
            continue;
        }
        let mut rows: BTreeMap<&str, DiscrepancyValue> = BTreeMap::new();
        for (d, c) in &dated {
            let row = rows.entry(d).or_insert_with(|| DiscrepancyValue {
                value: d.to_string(),
                docs: vec![],
                reported: None,
                mentions: vec![],
            });
            if !row.docs.contains(&c.doc) {
                row.docs.push(c.doc.clone());
            }
            // The earliest report date among the documents giving this value.
            let rep = published.get(c.doc.as_str()).copied().flatten();
            if let Some(r) = rep {
                if row.reported.as_deref().is_none_or(|x| r < x) {
                    row.reported = Some(r.to_string());
                }
            }
            row.mentions.push(SpanRef {
                doc: c.doc.clone(),
                start: c.start,
                end: c.end,
            });
        }
        out.push(Discrepancy {
            kind: "date".into(),
            measure: one_line(&p.summary, 120),
            values: rows.into_values().collect(),
            trend: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values_only() {
        assert_eq!(calendar("2021-03-05"), Some("2021-03-05"));
        assert_eq!(calendar("2021-03"), Some("2021-03"));
        assert_eq!(calendar("2021"), Some("2021"));
        assert_eq!(calendar("2021-03-05TNI"), Some("2021-03-05"));
        for v in [
            "XXXX-03-05",
            "P1D",
            "PRESENT_REF",
            "2021-W10",
            "2021-03T10:00",
            "",
        ] {
            assert_eq!(calendar(v), None, "{v}");
        }
    }

    #[test]
    fn refinements_agree() {
        assert!(compatible("2021-03", "2021-03-05"));
        assert!(compatible("2021-03-05", "2021-03-05"));
        assert!(!compatible("2021-03-04", "2021-03-05"));
        assert!(!compatible("2021-02", "2021-03-05"));
    }
}
