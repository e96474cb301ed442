//! A gold set for the cross-check and its scores.
//!
//! One story per JSONL line: documents (id, outlet, date, optional
//! `duplicate_of`) with their claims (text, voice, speaker, modality,
//! evidence, entity names, optional quantities and date), each claim tagged
//! with its gold proposition (`prop`, or null for a claim that no other
//! source states); then the gold propositions with their status and the
//! stance of each source (`"doc"` for the article, `"doc/comments"` for its
//! reader comments). A story becomes a [`Brief`] (one synthetic text per
//! document, claims as spans into it) and goes through [`cross_check`], the
//! same path as the product.

use crate::{cross_check, CompareOptions, CrossCheck};
use crosscheck_brief::{
    Brief, Claim, DocumentOut, Entity, Mention, Proposition, Quantity, SegmentOut, Speaker,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("line {line}: {source}")]
    Json {
        line: usize,
        source: serde_json::Error,
    },
    #[error("story {story}: {msg}")]
    Invalid { story: String, msg: String },
}

/// One story of the gold set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldStory {
    pub story: String,
    pub documents: Vec<GoldDocument>,
    #[serde(default)]
    pub propositions: Vec<GoldProposition>,
}

/// A document of a gold story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDocument {
    pub id: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub duplicate_of: Option<String>,
    pub claims: Vec<GoldClaim>,
}

/// A claim with its gold proposition.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldClaim {
    pub id: String,
    pub text: String,
    #[serde(default = "author")]
    pub voice: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default = "asserted")]
    pub modality: String,
    #[serde(default = "unstated")]
    pub evidence: String,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub prop: Option<String>,
    #[serde(default)]
    pub quantities: Vec<GoldQuantity>,
}

/// A number stated by a claim (its text must occur in the claim's text).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldQuantity {
    pub text: String,
    pub value: f64,
    #[serde(default = "exact")]
    pub qualifier: String,
    pub measure: String,
}

/// A proposition stated by two or more sources.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldProposition {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub stances: BTreeMap<String, String>,
    /// `"number"` or `"date"` when its sources give clashing values that
    /// should be listed as a discrepancy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discrepancy: Option<String>,
}

fn author() -> String {
    "author".into()
}
fn asserted() -> String {
    "asserted".into()
}
fn unstated() -> String {
    "unstated".into()
}
fn exact() -> String {
    "exact".into()
}

/// Reads a gold JSONL file's text (blank lines and `#` lines skipped).
pub fn parse_jsonl(text: &str) -> Result<Vec<GoldStory>, GoldError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let s: GoldStory = serde_json::from_str(line).map_err(|source| GoldError::Json {
            line: i + 1,
            source,
        })?;
        out.push(s);
    }
    Ok(out)
}

fn entity_id(name: &str) -> String {
    format!("E:{}", name.to_lowercase())
}

/// The story as the pipeline would hand it to the cross-check.
pub fn to_brief(story: &GoldStory) -> Result<Brief, GoldError> {
    let bad = |msg: String| GoldError::Invalid {
        story: story.story.clone(),
        msg,
    };
    let mut b = Brief::default();
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    for d in &story.documents {
        let mut text = String::new();
        let mut segments = Vec::new();
        for c in &d.claims {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&c.text);
            let end = text.len();
            segments.push(SegmentOut {
                kind: if c.voice == "comment" {
                    "comment"
                } else {
                    "body"
                }
                .into(),
                start,
                end,
                author: c.speaker.clone().filter(|_| c.voice == "comment"),
            });
            let mut ids = Vec::new();
            for name in &c.entities {
                let id = entity_id(name);
                let e = entities.entry(id.clone()).or_insert_with(|| Entity {
                    id: id.clone(),
                    name: name.clone(),
                    kind: "OTHER".into(),
                    aliases: vec![],
                    mentions: vec![],
                    possible_same_as: vec![],
                    mentions_per_doc: BTreeMap::new(),
                    refers_to: None,
                    related: vec![],
                });
                if let Some(k) = c.text.find(name.as_str()) {
                    e.mentions.push(Mention {
                        doc: d.id.clone(),
                        start: start + k,
                        end: start + k + name.len(),
                        text: name.clone(),
                    });
                }
                ids.push(id);
            }
            for q in &c.quantities {
                let k = c
                    .text
                    .find(q.text.as_str())
                    .ok_or_else(|| bad(format!("{}: quantity {:?} not in text", c.id, q.text)))?;
                b.quantities.push(Quantity {
                    doc: d.id.clone(),
                    start: start + k,
                    end: start + k + q.text.len(),
                    text: q.text.clone(),
                    value: Some(q.value),
                    low: None,
                    high: None,
                    qualifier: q.qualifier.clone(),
                    measure: Some(q.measure.clone()),
                    unit: None,
                    claim: Some(c.id.clone()),
                });
            }
            b.claims.push(Claim {
                id: c.id.clone(),
                doc: d.id.clone(),
                start,
                end,
                text: c.text.clone(),
                voice: c.voice.clone(),
                speaker: c.speaker.as_ref().map(|s| Speaker {
                    text: s.clone(),
                    entity: None,
                }),
                modality: c.modality.clone(),
                evidence: c.evidence.clone(),
                entities: ids,
                date: c.date.clone(),
                loaded_terms: vec![],
            });
        }
        b.documents.push(DocumentOut {
            id: d.id.clone(),
            outlet: d.outlet.clone(),
            published: d.date.clone(),
            date_source: if d.date.is_some() { "input" } else { "none" }.into(),
            language: Some("en".into()),
            status: "analyzed".into(),
            duplicate_of: d.duplicate_of.clone(),
            segments,
            text: Some(text),
            ..Default::default()
        });
    }
    b.entities = entities.into_values().collect();
    Ok(b)
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(tp: f64, pred: f64, gold: f64) -> Prf {
        let p = if pred > 0.0 { tp / pred } else { 1.0 };
        let r = if gold > 0.0 { tp / gold } else { 1.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: p,
            recall: r,
            f1: f,
        }
    }
}

/// Scores of the cross-check against a gold set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GoldScores {
    pub stories: usize,
    pub claims: usize,
    pub gold_propositions: usize,
    /// Same-proposition links between claims of different documents.
    pub pairwise: Prf,
    pub pairwise_counts: (usize, usize, usize),
    /// B-cubed over all claims (a claim's cluster: its first proposition).
    pub bcubed: Prf,
    /// Per (source, gold proposition): the predicted stance of that source in
    /// the predicted proposition holding most of the gold one's claims.
    pub stance_accuracy: f64,
    pub stance_counts: (usize, usize),
    /// Per gold proposition (multi-source ones and the single-source claims).
    pub status_accuracy: f64,
    pub status_counts: (usize, usize),
    /// Predicted consensus/contested propositions whose status matches the
    /// gold proposition most of their claims belong to (false agreement or
    /// false contest lowers it).
    pub status_precision: f64,
    pub status_precision_counts: (usize, usize),
    /// Gold propositions marked with a number or date clash whose clash
    /// shows up as a discrepancy over their claims.
    pub discrepancy_recall: f64,
    pub discrepancy_counts: (usize, usize),
    /// Misses and false links, for reading.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs [`cross_check`] on every story and scores it.
pub fn evaluate(stories: &[GoldStory], opts: &CompareOptions) -> Result<GoldScores, GoldError> {
    let mut s = GoldScores {
        stories: stories.len(),
        ..Default::default()
    };
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let (mut bp, mut br) = (0f64, 0f64);
    let (mut st_ok, mut st_n) = (0usize, 0usize);
    let (mut ss_ok, mut ss_n) = (0usize, 0usize);
    let (mut sp_ok, mut sp_n) = (0usize, 0usize);
    let (mut dk_ok, mut dk_n) = (0usize, 0usize);
    for story in stories {
        let brief = to_brief(story)?;
        let cc = cross_check(&brief, opts);
        score_story(
            story,
            &brief,
            &cc,
            &mut s.errors,
            &mut Counters {
                tp: &mut tp,
                np: &mut np,
                ng: &mut ng,
                bp: &mut bp,
                br: &mut br,
                st: (&mut st_ok, &mut st_n),
                ss: (&mut ss_ok, &mut ss_n),
                sp: (&mut sp_ok, &mut sp_n),
                dk: (&mut dk_ok, &mut dk_n),
            },
        );
        s.claims += brief.claims.len();
        s.gold_propositions += story.propositions.len();
    }
    s.pairwise = Prf::new(tp as f64, np as f64, ng as f64);
    s.pairwise_counts = (tp, np, ng);
    let n = s.claims.max(1) as f64;
    let (p, r) = (bp / n, br / n);
    s.bcubed = Prf {
        precision: p,
        recall: r,
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    };
    s.stance_accuracy = ratio(st_ok, st_n);
    s.stance_counts = (st_ok, st_n);
    s.status_accuracy = ratio(ss_ok, ss_n);
    s.status_counts = (ss_ok, ss_n);
    s.status_precision = ratio(sp_ok, sp_n);
    s.status_precision_counts = (sp_ok, sp_n);
    s.discrepancy_recall = ratio(dk_ok, dk_n);
    s.discrepancy_counts = (dk_ok, dk_n);
    Ok(s)
}

struct Counters<'a> {
    tp: &'a mut usize,
    np: &'a mut usize,
    ng: &'a mut usize,
    bp: &'a mut f64,
    br: &'a mut f64,
    st: (&'a mut usize, &'a mut usize),
    ss: (&'a mut usize, &'a mut usize),
    sp: (&'a mut usize, &'a mut usize),
    dk: (&'a mut usize, &'a mut usize),
}

fn score_story(
    story: &GoldStory,
    brief: &Brief,
    cc: &CrossCheck,
    errors: &mut Vec<String>,
    k: &mut Counters,
) {
    let tag = &story.story;
    // Gold cluster of each claim: its proposition, or itself.
    let gold: BTreeMap<&str, String> = story
        .documents
        .iter()
        .flat_map(|d| d.claims.iter())
        .map(|c| {
            (
                c.id.as_str(),
                c.prop.clone().unwrap_or_else(|| format!("#{}", c.id)),
            )
        })
        .collect();
    let text_of: HashMap<&str, &str> = brief
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.text.as_str()))
        .collect();
    let doc_of: HashMap<&str, &str> = brief
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.doc.as_str()))
        .collect();
    // Predicted propositions of each claim.
    let mut pred: HashMap<&str, Vec<usize>> = HashMap::new();
    for (pi, p) in cc.propositions.iter().enumerate() {
        for c in &p.claims {
            pred.entry(c.as_str()).or_default().push(pi);
        }
    }
    let ids: Vec<&str> = gold.keys().copied().collect();
    let short = |c: &str| -> String { text_of.get(c).unwrap_or(&"").chars().take(70).collect() };
    for (i, a) in ids.iter().enumerate() {
        for b in ids.iter().skip(i + 1) {
            if doc_of.get(a) == doc_of.get(b) {
                continue;
            }
            let g = gold.get(a) == gold.get(b);
            let p = match (pred.get(a), pred.get(b)) {
                (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
                _ => false,
            };
            *k.tp += usize::from(g && p);
            *k.np += usize::from(p);
            *k.ng += usize::from(g);
            if g != p {
                errors.push(format!(
                    "{tag}: {} link {a} ~ {b}: {:?} ~ {:?}",
                    if p { "false" } else { "missed" },
                    short(a),
                    short(b)
                ));
            }
        }
    }
    // B-cubed with each claim in its first predicted proposition.
    let cluster = |c: &str| -> String {
        pred.get(c)
            .and_then(|v| v.first())
            .map(|i| format!("p{i}"))
            .unwrap_or_else(|| format!("#{c}"))
    };
    for a in &ids {
        let (ga, pa) = (&gold[a], cluster(a));
        let same_p: Vec<&&str> = ids.iter().filter(|b| cluster(b) == pa).collect();
        let same_g: Vec<&&str> = ids.iter().filter(|b| &gold[**b] == ga).collect();
        let both = same_p.iter().filter(|b| &gold[***b] == ga).count() as f64;
        *k.bp += both / same_p.len().max(1) as f64;
        *k.br += both / same_g.len().max(1) as f64;
    }
    // The predicted proposition holding most of a gold proposition's claims.
    let matched = |gid: &str| -> Option<&Proposition> {
        let members: BTreeSet<&str> = gold
            .iter()
            .filter(|(_, g)| g.as_str() == gid)
            .map(|(c, _)| *c)
            .collect();
        cc.propositions
            .iter()
            .map(|p| {
                (
                    p.claims
                        .iter()
                        .filter(|c| members.contains(c.as_str()))
                        .count(),
                    p,
                )
            })
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, p)| (*n, std::cmp::Reverse(p.claims.len())))
            .map(|(_, p)| p)
    };
    let gold_status: HashMap<&str, &str> = story
        .propositions
        .iter()
        .map(|p| (p.id.as_str(), p.status.as_str()))
        .collect();
    for gp in &story.propositions {
        let m = matched(&gp.id);
        let status = m.map(|p| p.status.as_str()).unwrap_or("single-source");
        *k.ss.1 += 1;
        if status == gp.status {
            *k.ss.0 += 1;
        } else {
            errors.push(format!(
                "{tag}: status of {}: {} (gold {})",
                gp.id, status, gp.status
            ));
        }
        for (src, want) in &gp.stances {
            let (doc, comment) = match src.strip_suffix("/comments") {
                Some(d) => (d, true),
                None => (src.as_str(), false),
            };
            let got = m
                .and_then(|p| {
                    p.stances
                        .iter()
                        .find(|s| s.doc == doc && s.comment == comment)
                })
                .map(|s| s.stance.as_str())
                .unwrap_or("none");
            *k.st.1 += 1;
            if got == want {
                *k.st.0 += 1;
            } else {
                errors.push(format!(
                    "{tag}: stance of {src} on {}: {got} (gold {want})",
                    gp.id
                ));
            }
        }
    }
    // Claims of no shared proposition: single-source or not listed at all.
    for (c, g) in &gold {
        if g.starts_with('#') {
            *k.ss.1 += 1;
            let st = pred
                .get(c)
                .and_then(|v| v.first())
                .map(|i| cc.propositions[*i].status.as_str())
                .unwrap_or("single-source");
            if st == "single-source" {
                *k.ss.0 += 1;
            } else {
                errors.push(format!("{tag}: status of lone {c}: {st}: {:?}", short(c)));
            }
        }
    }
    // Clashing numbers and dates: a discrepancy of the kind with two values
    // from claims of the proposition.
    let claim_at = |doc: &str, at: usize| {
        brief
            .claims
            .iter()
            .find(|c| c.doc == doc && c.start <= at && at < c.end.max(c.start + 1))
            .map(|c| c.id.as_str())
    };
    for gp in &story.propositions {
        let kind = match gp.discrepancy.as_deref() {
            Some("number") => "quantity",
            Some("date") => "date",
            _ => continue,
        };
        let found = cc.discrepancies.iter().filter(|d| d.kind == kind).any(|d| {
            d.values
                .iter()
                .filter(|v| {
                    v.mentions.iter().any(|m| {
                        claim_at(&m.doc, m.start)
                            .and_then(|c| gold.get(c))
                            .is_some_and(|g| *g == gp.id)
                    })
                })
                .count()
                >= 2
        });
        *k.dk.1 += 1;
        if found {
            *k.dk.0 += 1;
        } else {
            errors.push(format!("{tag}: no {kind} discrepancy for {}", gp.id));
        }
    }
    // Each predicted agreement or contest checked against the gold.
    for p in cc
        .propositions
        .iter()
        .filter(|p| p.status != "single-source")
    {
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &p.claims {
            if let Some(g) = gold.get(c.as_str()) {
                *votes.entry(g.as_str()).or_insert(0) += 1;
            }
        }
        let best = votes
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
            .map(|(g, _)| *g);
        let want = best
            .and_then(|g| gold_status.get(g).copied())
            .unwrap_or("single-source");
        *k.sp.1 += 1;
        if want == p.status {
            *k.sp.0 += 1;
        } else {
            errors.push(format!(
                "{tag}: predicted {} for {:?} (gold {want})",
                p.status,
                p.summary.chars().take(70).collect::<String>()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(text: &str) -> GoldScores {
        evaluate(&parse_jsonl(text).unwrap(), &CompareOptions::default()).unwrap()
    }

    #[test]
    fn blind_sets_keep_their_precision() {
        // Floors a little under the scores in testdata/README.md: a false
        // agreement or contest must not come back.
        let s = scores(include_str!("../testdata/compare_blind.jsonl"));
        assert!(s.pairwise.precision >= 0.95, "{:?}", s.pairwise);
        assert!(s.pairwise.recall >= 0.68, "{:?}", s.pairwise);
        assert!(s.status_precision >= 0.87, "{s:?}");
        let s = scores(include_str!("../testdata/compare_blind2.jsonl"));
        assert!(s.pairwise.precision >= 0.95, "{:?}", s.pairwise);
        assert!(s.pairwise.recall >= 0.72, "{:?}", s.pairwise);
        assert!(s.status_precision >= 0.99, "{s:?}");
        assert_eq!(s.discrepancy_counts, (2, 2), "{s:?}");
        let s = scores(include_str!("../testdata/compare_blind3.jsonl"));
        assert!(s.pairwise.precision >= 0.95, "{:?}", s.pairwise);
        assert!(s.pairwise.recall >= 0.75, "{:?}", s.pairwise);
        assert!(s.status_precision >= 0.99, "{s:?}");
        assert_eq!(s.discrepancy_counts, (2, 2), "{s:?}");
        // Scored once after round 4 (its honest estimate); floors under it.
        let s = scores(include_str!("../testdata/compare_blind4.jsonl"));
        assert!(s.pairwise.precision >= 0.75, "{:?}", s.pairwise);
        assert!(s.pairwise.recall >= 0.5, "{:?}", s.pairwise);
        assert!(s.status_precision >= 0.75, "{s:?}");
        assert_eq!(s.discrepancy_counts, (1, 1), "{s:?}");
    }

    #[test]
    fn a_missing_discrepancy_is_counted() {
        let text = r#"{"story": "s", "documents": [
            {"id": "a", "date": "2025-01-02", "claims": [{"id": "a1", "text": "The museum reopened on 3 January after the flood.", "date": "2025-01-03", "prop": "p"}]},
            {"id": "b", "date": "2025-01-05", "claims": [{"id": "b1", "text": "The museum reopened on 4 January after the flood.", "date": "2025-01-04", "prop": "p"}]}],
            "propositions": [{"id": "p", "status": "consensus", "stances": {"a": "supports", "b": "supports"}, "discrepancy": "date"}]}"#
            .replace('\n', " ");
        let s = scores(&text);
        assert_eq!(s.discrepancy_counts, (1, 1), "{s:?}");
        let s = scores(&text.replace("2025-01-04", "2025-01-03"));
        assert_eq!(s.discrepancy_counts, (0, 1), "{s:?}");
    }
}
