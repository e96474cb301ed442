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

/// Groups of people a count can be about that are not interchangeable: a
/// toll of police officers is not a toll of everyone ("164 killed,
/// including 16 police officers"). Everything else, and a bare number,
/// counts people in general.
const SUBJECT_CLASSES: &[(&str, &[&str])] = &[
    (
        "security",
        &[
            "police",
            "policemen",
            "policeman",
            "policewomen",
            "officers",
            "officer",
            "soldiers",
            "soldier",
            "troops",
            "servicemen",
            "servicemembers",
            "personnel",
            "guards",
            "peacekeepers",
            "security",
            "forces",
            "army",
            "military",
            "gendarmes",
            "marines",
            "sailors",
            "airmen",
            "conscripts",
            "reservists",
            "paratroopers",
            "firefighters",
        ],
    ),
    (
        "fighters",
        &[
            "militants",
            "rebels",
            "insurgents",
            "fighters",
            "gunmen",
            "attackers",
            "terrorists",
            "bandits",
            "jihadists",
            "mercenaries",
            "separatists",
            "guerrillas",
        ],
    ),
    (
        "children",
        &[
            "children", "child", "kids", "minors", "infants", "babies", "pupils",
        ],
    ),
    (
        "journalists",
        &["journalists", "journalist", "reporters", "reporter"],
    ),
    (
        "foreigners",
        &["foreigners", "tourists", "expatriates", "migrants"],
    ),
];

/// Heads that name a part of a group spelled out after them ("eight
/// members of the security forces").
const PARTITIVE_HEADS: &[&str] = &[
    "members",
    "member",
    "dozens",
    "hundreds",
    "thousands",
    "some",
];

fn class_of_word(w: &str) -> Option<&'static str> {
    let w = w.to_lowercase();
    SUBJECT_CLASSES
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(c, _)| *c)
}

/// Who a quantity counts: its head noun's class, or for a partitive head
/// the class of the "of (the) …" phrase after it in its claim.
fn subject_class(q: &Quantity, claim_text: Option<&str>) -> &'static str {
    let words: Vec<&str> = q
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let head = words.last().copied().unwrap_or("");
    let head_lower = head.to_lowercase();
    // A hyphenated head ("so-called peacekeepers" splits on spaces only).
    let head_last = head_lower.rsplit('-').next().unwrap_or("");
    if let Some(c) = class_of_word(head_last) {
        return c;
    }
    if PARTITIVE_HEADS.contains(&head_last) || head_last.chars().all(|c| c.is_ascii_digit()) {
        let after = claim_text
            .and_then(|t| t.find(q.text.as_str()).map(|i| &t[i + q.text.len()..]))
            .unwrap_or("");
        let mut next = after.split_whitespace();
        if next.next().map(|w| w.eq_ignore_ascii_case("of")) == Some(true) {
            for w in next.take(4) {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if let Some(c) = class_of_word(w) {
                    return c;
                }
            }
        }
    }
    "people"
}

/// Two values agree when their intervals meet (an unknown one agrees).
fn agree(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => overlaps(x, y),
        _ => true,
    }
}

/// Which values clash with another source's: value `a` of source S and
/// value `b` of source T clash when S gives no value agreeing with `b` and
/// T none agreeing with `a`. A source that itself gives an agreeing value
/// is counting something else with its clashing one (a source rarely
/// contradicts itself: "2,500 peacekeepers" and "100,000 troops at another
/// border" are two counts). `sid` maps each value to one of `k` sources;
/// the work is O(values² ) rather than the pairs-times-values of the
/// definition.
fn clashing(ivs: &[Option<(f64, f64)>], sid: &[usize], k: usize) -> Vec<bool> {
    let n = ivs.len();
    // backed[s * n + q]: source s gives a value agreeing with value q.
    let mut backed = vec![false; k * n];
    for (i, &si) in sid.iter().enumerate() {
        for j in 0..n {
            if agree(ivs[i], ivs[j]) {
                backed[si * n + j] = true;
            }
        }
    }
    // open[s * k + t]: source t gives a value that no value of s agrees with.
    let mut open = vec![false; k * k];
    for (j, &tj) in sid.iter().enumerate() {
        for s in 0..k {
            if !backed[s * n + j] {
                open[s * k + tj] = true;
            }
        }
    }
    (0..n)
        .map(|i| {
            let si = sid[i];
            (0..k).any(|t| t != si && !backed[t * n + i] && open[si * k + t])
        })
        .collect()
}

pub(crate) fn discrepancies(brief: &Brief, sources: &HashMap<String, String>) -> Vec<Discrepancy> {
    let published: HashMap<&str, Option<&str>> = brief
        .documents
        .iter()
        .filter(|d| d.status == "analyzed")
        .map(|d| (d.id.as_str(), d.published.as_deref()))
        .collect();
    let claims: HashMap<&str, (&str, Option<&str>, &str)> = brief
        .claims
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                (c.voice.as_str(), c.date.as_deref(), c.text.as_str()),
            )
        })
        .collect();
    // Group by measure, the year the claim is about (a toll from an earlier
    // event is another measure) and who is counted.
    let mut groups: BTreeMap<(String, String, &str), Vec<&Quantity>> = BTreeMap::new();
    for q in &brief.quantities {
        let Some(measure) = &q.measure else { continue };
        if !published.contains_key(q.doc.as_str()) {
            continue;
        }
        let (voice, date, claim_text) = match q.claim.as_deref().and_then(|c| claims.get(c)) {
            Some(&(v, d, t)) => (v, d, Some(t)),
            None => ("author", None, None),
        };
        if voice == "comment" {
            continue;
        }
        let year = date
            .and_then(|d| d.get(..4))
            .filter(|y| y.chars().all(|c| c.is_ascii_digit()));
        let class = subject_class(q, claim_text);
        groups
            .entry((measure.clone(), year.unwrap_or("").to_string(), class))
            .or_default()
            .push(q);
    }
    let mut out = Vec::new();
    for ((measure, _, _), qs) in groups {
        // Each value's source, as a small index.
        let names: Vec<String> = qs
            .iter()
            .map(|q| sources.get(&q.doc).unwrap_or(&q.doc).clone())
            .collect();
        let distinct: BTreeSet<&str> = names.iter().map(String::as_str).collect();
        if distinct.len() < 2 {
            continue;
        }
        let sid: Vec<usize> = names
            .iter()
            .map(|n| distinct.iter().position(|d| *d == n).unwrap_or(0))
            .collect();
        let ivs: Vec<Option<(f64, f64)>> = qs.iter().map(|q| interval(q)).collect();
        let in_conflict = clashing(&ivs, &sid, distinct.len());
        if !in_conflict.iter().any(|&c| c) {
            continue;
        }
        // The clashing values, and the values that agree with one of them.
        let shown: Vec<&Quantity> = qs
            .iter()
            .enumerate()
            .filter(|&(i, _)| {
                in_conflict[i]
                    || (0..qs.len())
                        .any(|j| in_conflict[j] && sid[j] != sid[i] && agree(ivs[i], ivs[j]))
            })
            .map(|(_, q)| *q)
            .collect();
        // One row per distinct value text and report date.
        let mut rows: BTreeMap<(String, String), (DiscrepancyValue, (f64, f64))> = BTreeMap::new();
        for q in &shown {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{claim, doc};
    use crosscheck_brief::Claim;

    fn qty(doc: &str, text: &str, value: f64, measure: &str, claim: Option<&str>) -> Quantity {
        Quantity {
            claim: claim.map(Into::into),
            ..crate::tests::qty(doc, text, value, "exact", measure)
        }
    }

    fn brief(quantities: Vec<Quantity>, claims: Vec<Claim>) -> Brief {
        Brief {
            documents: vec![doc("a", "2024-05-01"), doc("b", "2024-05-02")],
            claims,
            quantities,
            ..Default::default()
        }
    }

    fn run(b: &Brief) -> Vec<Discrepancy> {
        let sources = b
            .documents
            .iter()
            .map(|d| (d.id.clone(), d.id.clone()))
            .collect();
        discrepancies(b, &sources)
    }

    #[test]
    fn different_tolls_of_the_same_people_clash() {
        let b = brief(
            vec![
                qty("a", "164 people", 164.0, "killed", None),
                qty("b", "225", 225.0, "killed", None),
            ],
            vec![],
        );
        let d = run(&b);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].values.len(), 2);
    }

    #[test]
    fn a_toll_of_police_is_not_the_overall_toll() {
        let b = brief(
            vec![
                qty("a", "Eight members", 8.0, "killed", Some("a#1")),
                qty("b", "16 police officers", 16.0, "killed", None),
                qty("b", "several hundred", 300.0, "killed", None),
            ],
            vec![claim(
                "a#1",
                "a",
                "Eight members of the security forces were killed in the riots.",
                "author",
                "asserted",
                &[],
            )],
        );
        let d = run(&b);
        // 8 security vs 16 police clash; the overall toll stands apart.
        assert_eq!(d.len(), 1, "{d:#?}");
        let values: Vec<&str> = d[0].values.iter().map(|v| v.value.as_str()).collect();
        assert!(values.contains(&"Eight members"), "{values:?}");
        assert!(values.contains(&"16 police officers"), "{values:?}");
        assert!(!values.contains(&"several hundred"), "{values:?}");
    }

    #[test]
    fn a_source_backing_the_other_value_is_counting_something_else() {
        // Source a gives 2,500 and 100,000 troops: its 100,000 is another
        // deployment, not a clash with b's 2,400.
        let b = brief(
            vec![
                qty("a", "2,500 peacekeepers", 2500.0, "troops", None),
                qty("a", "100,000 troops", 100000.0, "troops", None),
                Quantity {
                    qualifier: "about".into(),
                    ..qty("b", "about 2,400 troops", 2400.0, "troops", None)
                },
            ],
            vec![],
        );
        assert!(run(&b).is_empty(), "{:#?}", run(&b));
    }

    #[test]
    fn subject_classes_read_heads_and_partitives() {
        let q = qty(
            "a",
            "some 2,500 so-called peacekeepers",
            2500.0,
            "troops",
            None,
        );
        assert_eq!(subject_class(&q, None), "security");
        let q = qty("a", "dozens", 30.0, "killed", None);
        assert_eq!(
            subject_class(&q, Some("dozens of children were killed")),
            "children"
        );
        let q = qty("a", "dozens", 30.0, "killed", None);
        assert_eq!(subject_class(&q, Some("dozens were killed")), "people");
    }
}
