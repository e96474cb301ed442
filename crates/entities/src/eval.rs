//! Pair evaluation: each JSONL item is a small corpus with two marked
//! mentions and whether they are the same entity; the real resolver runs on it.
//!
//! Item forms:
//! - `{"docs": ["[[Ana Tello|PERSON|A]] spoke.", "[[Tello|PERSON|B]] left."], "same": true}`
//!   — `[[surface|TYPE]]` marks a mention, `[[surface|TYPE|A]]` / `|B]]` the pair.
//! - `{"a": {"name": "Ana Tello", "type": "PERSON"}, "b": {...}, "same": true}` —
//!   each name becomes its own one-sentence document.

use crate::{resolve, DocMentions, EntityType, Mention, Span};
use serde::{Deserialize, Serialize};

/// Errors reading a pairs file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: {msg}")]
    Bad { line: usize, msg: String },
}

#[derive(Debug, Deserialize)]
struct NameItem {
    name: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Debug, Deserialize)]
struct Item {
    #[serde(default)]
    docs: Vec<String>,
    a: Option<NameItem>,
    b: Option<NameItem>,
    same: bool,
}

/// Scores over a pairs file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PairScores {
    pub task: String,
    pub pairs: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub wrong_merges: usize,
    pub missed: usize,
    /// Lines of the wrongly merged and missed pairs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

/// A parsed marked-up document: plain text, mentions, and the A/B spans.
pub struct Marked {
    pub text: String,
    pub mentions: Vec<Mention>,
    pub a: Option<Span>,
    pub b: Option<Span>,
}

/// Parses `[[surface|TYPE]]` / `[[surface|TYPE|A]]` markup.
pub fn parse_marked(src: &str) -> Result<Marked, String> {
    let mut text = String::with_capacity(src.len());
    let mut mentions = Vec::new();
    let (mut a, mut b) = (None, None);
    let mut rest = src;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").ok_or("unclosed [[")?;
        let inner = &after[..close];
        let mut parts = inner.split('|');
        let surface = parts.next().unwrap_or("");
        let kind = parts.next().ok_or("mention without type")?;
        let tag = parts.next();
        let span = Span::new(text.len(), text.len() + surface.len());
        text.push_str(surface);
        // Type "-": a marked span that is not an input mention.
        if kind != "-" {
            let label = EntityType::parse(kind).ok_or_else(|| format!("bad type {kind}"))?;
            mentions.push(Mention {
                span,
                tokens: 0..0,
                label,
                score: 1.0,
            });
        }
        match tag {
            Some("A") => a = Some(span),
            Some("B") => b = Some(span),
            Some(t) => return Err(format!("bad tag {t}")),
            None => {}
        }
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Ok(Marked {
        text,
        mentions,
        a,
        b,
    })
}

/// Evaluates a JSONL pairs file.
pub fn evaluate_pairs(jsonl: &str) -> Result<PairScores, EvalError> {
    let (mut tp, mut fp, mut fn_, mut n) = (0usize, 0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for (ln, line) in jsonl.lines().enumerate() {
        let line_no = ln + 1;
        let l = line.trim();
        if l.is_empty() || l.starts_with("//") {
            continue;
        }
        let bad = |msg: String| EvalError::Bad { line: line_no, msg };
        let item: Item = serde_json::from_str(l).map_err(|e| bad(e.to_string()))?;
        let srcs: Vec<String> = match (&item.a, &item.b) {
            (Some(a), Some(b)) if item.docs.is_empty() => vec![
                format!("[[{}|{}|A]] spoke on Monday.", a.name, a.kind),
                format!("[[{}|{}|B]] spoke on Monday.", b.name, b.kind),
            ],
            _ => item.docs.clone(),
        };
        let marked: Vec<Marked> = srcs
            .iter()
            .map(|s| parse_marked(s))
            .collect::<Result<_, _>>()
            .map_err(bad)?;
        let sents: Vec<Vec<Span>> = marked
            .iter()
            .map(|m| crate::naive_sentences(&m.text))
            .collect();
        let ids: Vec<String> = (0..marked.len()).map(|i| format!("d{i}")).collect();
        let docs: Vec<DocMentions> = marked
            .iter()
            .zip(&sents)
            .zip(&ids)
            .map(|((m, s), id)| DocMentions {
                doc: id,
                text: &m.text,
                mentions: &m.mentions,
                sentences: s,
            })
            .collect();
        let find = |pick: fn(&Marked) -> Option<Span>| {
            marked
                .iter()
                .enumerate()
                .find_map(|(d, m)| pick(m).map(|s| (d, s)))
        };
        let (Some((da, sa)), Some((db, sb))) = (find(|m| m.a), find(|m| m.b)) else {
            return Err(bad("item needs one A and one B mention".into()));
        };
        let res = resolve(&docs);
        let ea = res.entity_at(da, sa);
        let eb = res.entity_at(db, sb);
        let merged = ea.is_some() && ea == eb;
        n += 1;
        match (merged, item.same) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                errors.push(format!("line {line_no}: wrong merge"));
            }
            (false, true) => {
                fn_ += 1;
                errors.push(format!("line {line_no}: missed"));
            }
            (false, false) => {}
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Ok(PairScores {
        task: "entities".into(),
        pairs: n,
        precision,
        recall,
        f1,
        wrong_merges: fp,
        missed: fn_,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_parses() {
        let m = parse_marked("Hi [[Ana Tello|PERSON|A]] and [[Tello|PERSON|B]].").unwrap();
        assert_eq!(m.text, "Hi Ana Tello and Tello.");
        assert_eq!(m.a.and_then(|s| s.get(&m.text)), Some("Ana Tello"));
        assert_eq!(m.b.and_then(|s| s.get(&m.text)), Some("Tello"));
        assert_eq!(m.mentions.len(), 2);
        assert!(parse_marked("[[x|NOPE]]").is_err());
    }
}
