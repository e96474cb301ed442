//! Each source's stance toward each proposition, and the status.

use crate::group::{Groups, Prepared};
use crate::terms::one_line;
use crosscheck_brief::{Brief, Claim, Proposition, Stance};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A claim's own stance toward the proposition; `flipped` when its polarity
/// over what it shares with the representative differs from the
/// representative's.
fn claim_stance(c: &Claim, flipped: bool) -> &'static str {
    if flipped {
        return "disputes";
    }
    if c.voice == "quoted" || c.modality == "reported" || c.modality == "questioned" {
        return "reports";
    }
    "supports"
}

/// Is a claim worth listing on its own (single-source)? Checkable claims
/// name someone or something, or carry a number or a date.
fn checkable(c: &Claim, has_quantity: bool) -> bool {
    c.voice != "comment" && (!c.entities.is_empty() || has_quantity || c.date.is_some())
}

/// A measure and the interval of values a claim gives for it.
type Stated = (String, (f64, f64));

/// Two claims' numbers for the same measure that cannot both be true. A
/// claim's first number for a measure is its own ("30 died, not twelve as
/// the ministry says" states 30).
///
/// Counts of a measure that rises with later reports (a series, see
/// `numbers`) do not contradict: an earlier, lower toll is not disputed by
/// a later, higher one. `a` and `b` carry their report dates.
fn numbers_conflict(
    a: (&[Stated], Option<&str>),
    b: (&[Stated], Option<&str>),
    rising: &BTreeSet<&str>,
) -> bool {
    let ((a, a_date), (b, b_date)) = (a, b);
    let grew = |m: &str, r: (f64, f64), t: (f64, f64)| {
        rising.contains(m)
            && match (a_date, b_date) {
                (Some(x), Some(y)) => (x < y && r.1 < t.0) || (y < x && t.1 < r.0),
                _ => false,
            }
    };
    a.iter().enumerate().any(|(i, (m, r))| {
        let first_in_a = a.iter().position(|(x, _)| x == m) == Some(i);
        let theirs = b.iter().find(|(x, _)| x == m).map(|(_, t)| *t);
        let apart = |t: (f64, f64)| r.1 < t.0 || t.1 < r.0;
        first_in_a && theirs.is_some_and(|t| apart(t) && !grew(m, *r, t))
    })
}

pub(crate) fn propositions(
    brief: &Brief,
    g: &Groups,
    sources: &HashMap<String, String>,
    rising: &BTreeSet<&str>,
) -> Vec<Proposition> {
    let reported: HashMap<&str, &str> = brief
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.published.as_deref()?)))
        .collect();
    let with_quantity: BTreeSet<&str> = brief
        .quantities
        .iter()
        .filter_map(|q| q.claim.as_deref())
        .collect();
    // Numbers each claim states, by measure.
    let mut numbers: HashMap<&str, Vec<Stated>> = HashMap::new();
    for q in &brief.quantities {
        if let (Some(c), Some(m), Some(r)) =
            (q.claim.as_deref(), &q.measure, crate::numbers::interval(q))
        {
            numbers.entry(c).or_default().push((m.clone(), r));
        }
    }
    let no_numbers: Vec<Stated> = Vec::new();
    let mut out: Vec<(u8, usize, usize, Proposition)> = Vec::new();
    // Groups spanning more sources first, so a claim already in a shared
    // proposition does not come back as its own single-source one.
    let mut order: Vec<&Vec<usize>> = g.groups.iter().collect();
    let span = |grp: &Vec<usize>| {
        grp.iter()
            .map(|&i| g.prepared[i].source.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    };
    order.sort_by_key(|grp| std::cmp::Reverse(span(grp)));
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    for group in order {
        let members: Vec<(&Claim, &Prepared)> = group
            .iter()
            .map(|&i| (&brief.claims[g.prepared[i].claim], &g.prepared[i]))
            .collect();
        let clause_of = |c: &Claim| {
            group
                .iter()
                .map(|&i| &g.prepared[i])
                .find(|p| brief.claims[p.claim].id == c.id)
                .and_then(|p| c.text.get(p.clause.0..p.clause.1))
                .unwrap_or(c.text.as_str())
                .to_string()
        };
        let article: Vec<&(&Claim, &Prepared)> = members
            .iter()
            .filter(|(c, _)| c.voice != "comment")
            .collect();
        if article.is_empty() {
            continue; // comments alone do not make a proposition
        }
        // Representative: the first plain assertion in an article, else the first article claim.
        let own_neg = |c: &Claim, p: &Prepared| p.negated_against(p, &c.modality);
        let rep = article
            .iter()
            .find(|(c, p)| !own_neg(c, p) && c.modality == "asserted")
            .or_else(|| article.iter().find(|(c, p)| !own_neg(c, p)))
            .or_else(|| article.first())
            .map(|x| **x);
        let Some((rep_claim, rep_prep)) = rep else {
            continue;
        };
        let independent: BTreeSet<&str> = article
            .iter()
            .map(|(c, _)| {
                sources
                    .get(&c.doc)
                    .map(|s| s.as_str())
                    .unwrap_or(c.doc.as_str())
            })
            .collect();
        if independent.len() < 2 {
            if members.iter().all(|(c, _)| placed.contains(c.id.as_str())) {
                continue;
            }
            let any_checkable = article
                .iter()
                .any(|(c, _)| checkable(c, with_quantity.contains(c.id.as_str())));
            if !any_checkable {
                continue;
            }
        }
        // Per document (and separately for its comments): the stances of its claims.
        // A source whose numbers contradict the representative's disputes it.
        let rep_numbers = numbers.get(rep_claim.id.as_str()).unwrap_or(&no_numbers);
        let mut per: BTreeMap<(String, bool), Vec<(&'static str, &Claim)>> = BTreeMap::new();
        for (c, p) in &members {
            let own = numbers.get(c.id.as_str()).unwrap_or(&no_numbers);
            let flipped = !std::ptr::eq(*p, rep_prep)
                && p.negated_against(rep_prep, &c.modality)
                    != rep_prep.negated_against(p, &rep_claim.modality);
            let stance = if c.doc != rep_claim.doc
                && numbers_conflict(
                    (own, reported.get(c.doc.as_str()).copied()),
                    (rep_numbers, reported.get(rep_claim.doc.as_str()).copied()),
                    rising,
                ) {
                "disputes"
            } else {
                claim_stance(c, flipped)
            };
            per.entry((c.doc.clone(), c.voice == "comment"))
                .or_default()
                .push((stance, c));
        }
        let mut stances = Vec::new();
        let (mut sup, mut dis, mut rep_docs) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for ((doc, comment), list) in &per {
            let s_count = list.iter().filter(|(s, _)| *s == "supports").count();
            let d_count = list.iter().filter(|(s, _)| *s == "disputes").count();
            let stance = if d_count > s_count {
                "disputes"
            } else if s_count > 0 {
                "supports"
            } else {
                "reports"
            };
            let hedged = list.iter().any(|(_, c)| c.modality == "hedged");
            let evidence = list
                .iter()
                .map(|(_, c)| c.evidence.as_str())
                .find(|e| *e != "unstated")
                .map(str::to_string);
            if !comment {
                let src = sources.get(doc).cloned().unwrap_or_else(|| doc.clone());
                match stance {
                    "supports" => sup.insert(src),
                    "disputes" => dis.insert(src),
                    _ => rep_docs.insert(src),
                };
            }
            stances.push(Stance {
                doc: doc.clone(),
                stance: stance.to_string(),
                comment: *comment,
                hedged,
                evidence,
            });
        }
        let agreeing: BTreeSet<&String> = sup.iter().chain(rep_docs.iter()).collect();
        let (status, rank) = if !dis.is_empty() && !agreeing.is_empty() {
            ("contested", 1)
        } else if sup.len() >= 2 && dis.is_empty() {
            // Agreement needs two sources that say it themselves: outlets
            // relaying one official's claim are one source.
            ("consensus", 0)
        } else {
            ("single-source", 2)
        };
        for (c, _) in &members {
            placed.insert(c.id.as_str());
        }
        let first = group.first().copied().unwrap_or(0);
        out.push((
            rank,
            usize::MAX - independent.len(),
            first,
            Proposition {
                id: String::new(),
                summary: one_line(&clause_of(rep_claim), 200),
                claims: {
                    let mut ids: Vec<String> = Vec::new();
                    for (c, _) in &members {
                        if !ids.contains(&c.id) {
                            ids.push(c.id.clone());
                        }
                    }
                    ids
                },
                stances,
                status: status.to_string(),
            },
        ));
    }
    out.sort_by_key(|x| (x.0, x.1, x.2));
    out.into_iter()
        .enumerate()
        .map(|(i, (_, _, _, mut p))| {
            p.id = format!("p{}", i + 1);
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::tests::{claim, doc, qty};
    use crate::{cross_check, CompareOptions};
    use crosscheck_brief::{Brief, Quantity};

    fn detained(ids_values_dates: &[(&str, f64, &str)]) -> Brief {
        let mut b = Brief::default();
        for &(id, value, date) in ids_values_dates {
            b.documents.push(doc(id, date));
            let cid = format!("{id}#c0");
            let text =
                format!("Police have detained {value} people in Vell since the strike began.");
            b.claims
                .push(claim(&cid, id, &text, "author", "asserted", &["e1"]));
            b.quantities.push(Quantity {
                claim: Some(cid),
                ..qty(id, &format!("{value} people"), value, "exact", "detained")
            });
        }
        b
    }

    fn stances(b: &Brief) -> Vec<String> {
        let cc = cross_check(b, &CompareOptions::default());
        let p = cc
            .propositions
            .iter()
            .find(|p| p.claims.len() == b.claims.len())
            .unwrap_or_else(|| panic!("not grouped: {:#?}", cc.propositions));
        p.stances.iter().map(|s| s.stance.clone()).collect()
    }

    #[test]
    fn a_toll_growing_over_several_reports_is_not_disputed() {
        let b = detained(&[
            ("a", 40.0, "2024-03-06"),
            ("b", 300.0, "2024-03-08"),
            ("c", 412.0, "2024-03-09"),
        ]);
        assert!(
            stances(&b).iter().all(|s| s != "disputes"),
            "{:?}",
            stances(&b)
        );
    }

    #[test]
    fn a_toll_that_falls_back_is_disputed() {
        let b = detained(&[
            ("a", 400.0, "2024-03-06"),
            ("b", 40.0, "2024-03-08"),
            ("c", 412.0, "2024-03-09"),
        ]);
        assert!(
            stances(&b).iter().any(|s| s == "disputes"),
            "{:?}",
            stances(&b)
        );
    }
}
