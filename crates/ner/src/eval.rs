//! Exact-span entity scoring (conlleval style) with an explicit mapping from
//! the contract types to whatever types the gold data uses.

use crate::data::{bio_spans, LabeledDoc};
use crate::{EntityType, Recognizer};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Gold type names a predicted type may map to, in order of preference.
fn candidates(t: EntityType) -> &'static [&'static str] {
    match t {
        EntityType::Person => &["PER", "PERSON"],
        EntityType::Org => &["ORG"],
        EntityType::Gpe => &["GPE", "LOC"],
        EntityType::Loc => &["LOC"],
        EntityType::Norp => &["NORP", "MISC"],
        EntityType::Event => &["EVENT", "MISC"],
        EntityType::Other => &["OTHER", "MISC"],
    }
}

/// Maps each contract type to a gold type, or `None` (predictions dropped)
/// when the gold data has no matching type.
pub fn type_mapping(gold_types: &BTreeSet<String>) -> BTreeMap<EntityType, Option<String>> {
    EntityType::ALL
        .iter()
        .map(|&t| {
            let m = candidates(t)
                .iter()
                .find(|c| gold_types.contains(**c))
                .map(|c| c.to_string());
            (t, m)
        })
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn json(&self) -> Value {
        let (p, r, f) = self.prf();
        json!({"p": round4(p), "r": round4(r), "f1": round4(f), "tp": self.tp, "fp": self.fp, "fn": self.fn_})
    }
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Scores the recogniser (with its document pass) on gold documents.
/// Returns the `{"task":"ner", …}` JSON report.
pub fn evaluate(rec: &Recognizer, docs: &[LabeledDoc]) -> Value {
    let gold_types: BTreeSet<String> = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| bio_spans(&s.labels))
        .map(|(_, _, t)| t)
        .collect();
    let mapping = type_mapping(&gold_types);
    let mut per: BTreeMap<String, Counts> = gold_types
        .iter()
        .map(|t| (t.clone(), Counts::default()))
        .collect();
    let mut sentences = 0usize;
    let mut tokens = 0usize;
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let found = rec.tag_document(&words);
        for (s, ms) in d.sentences.iter().zip(found) {
            sentences += 1;
            tokens += s.words.len();
            let gold: BTreeSet<(usize, usize, String)> = bio_spans(&s.labels).into_iter().collect();
            let pred: BTreeSet<(usize, usize, String)> = ms
                .iter()
                .filter_map(|m| {
                    let t = mapping.get(&m.label).cloned().flatten()?;
                    Some((m.words.start, m.words.end, t))
                })
                .collect();
            for g in &gold {
                let c = per.entry(g.2.clone()).or_default();
                if pred.contains(g) {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                }
            }
            for p in pred.difference(&gold) {
                per.entry(p.2.clone()).or_default().fp += 1;
            }
        }
    }
    let sum = |keep: &dyn Fn(&str) -> bool| {
        per.iter()
            .filter(|(k, _)| keep(k))
            .fold(Counts::default(), |a, (_, c)| Counts {
                tp: a.tp + c.tp,
                fp: a.fp + c.fp,
                fn_: a.fn_ + c.fn_,
            })
    };
    let all = sum(&|_| true);
    let core = sum(&|k| matches!(k, "PER" | "PERSON" | "ORG" | "LOC" | "GPE"));
    let (p, r, f) = all.prf();
    let mut per_type = Map::new();
    for (k, c) in &per {
        per_type.insert(k.clone(), c.json());
    }
    let mut map_json = Map::new();
    for (t, m) in &mapping {
        map_json.insert(
            t.as_str().to_string(),
            m.clone().map_or(Value::Null, Value::String),
        );
    }
    let (cp, cr, cf) = core.prf();
    json!({
        "task": "ner",
        "precision": round4(p),
        "recall": round4(r),
        "f1": round4(f),
        "per_org_loc": {"p": round4(cp), "r": round4(cr), "f1": round4(cf)},
        "per_type": per_type,
        "mapping": map_json,
        "matching": "exact span and type",
        "documents": docs.len(),
        "sentences": sentences,
        "tokens": tokens,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_follows_gold_types() {
        let g: BTreeSet<String> = ["PER", "ORG", "LOC"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = type_mapping(&g);
        assert_eq!(m[&EntityType::Gpe].as_deref(), Some("LOC"));
        assert_eq!(m[&EntityType::Norp], None);
        let g: BTreeSet<String> = ["PER", "ORG", "LOC", "MISC"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = type_mapping(&g);
        assert_eq!(m[&EntityType::Norp].as_deref(), Some("MISC"));
        assert_eq!(m[&EntityType::Person].as_deref(), Some("PER"));
    }
}
