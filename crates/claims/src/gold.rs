//! The annotated gold format (JSONL, one passage per line) and its scorer.
//!
//! A line: `{"id", "text", "segment"?: "body"|"comment", "quotes": [{"content",
//! "speaker", "speaker_alt"?, "direct"}], "claims": [{"text", "modality",
//! "evidence", "voice"?}], "quantities": [{"text", "value", "low", "high",
//! "qualifier", "measure", "unit"}], "loaded": [{"term", "voice"}]}`.
//! `content`, `text` are substrings of the passage (first occurrence). Every
//! quote and quantity of a passage is listed (so precision is meaningful);
//! claims are the annotated subset.

use crate::{ClaimsOutput, Quantity};
use crosscheck_doc::{Document, Segment, SegmentKind, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("line {line}: {msg}")]
    Parse { line: usize, msg: String },
    #[error("case {id}: {what} {text:?} is not in the text")]
    Missing {
        id: String,
        what: &'static str,
        text: String,
    },
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub content: String,
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_alt: Vec<String>,
    pub direct: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub text: String,
    pub modality: String,
    pub evidence: String,
    pub voice: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuantity {
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub measure: Option<String>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldLoaded {
    pub term: String,
    pub voice: String,
}

/// One annotated passage.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCase {
    pub id: String,
    pub text: String,
    pub segment: Option<String>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    #[serde(default)]
    pub quantities: Vec<GoldQuantity>,
    #[serde(default)]
    pub loaded: Vec<GoldLoaded>,
}

impl GoldCase {
    /// The passage as a document (one body or comment segment).
    pub fn document(&self) -> Document {
        let mut d = Document::new(self.id.clone(), self.text.clone());
        let kind = match self.segment.as_deref() {
            Some("comment") => SegmentKind::Comment,
            _ => SegmentKind::Body,
        };
        d.segments.push(Segment {
            kind,
            span: Span::new(0, self.text.len()),
            author: None,
        });
        d
    }

    fn find(&self, what: &'static str, s: &str) -> Result<Span, GoldError> {
        match self.text.find(s) {
            Some(a) => Ok(Span::new(a, a + s.len())),
            None => Err(GoldError::Missing {
                id: self.id.clone(),
                what,
                text: s.to_string(),
            }),
        }
    }

    /// Checks that every annotated string occurs in the text.
    pub fn validate(&self) -> Result<(), GoldError> {
        for q in &self.quotes {
            self.find("quote", &q.content)?;
        }
        for c in &self.claims {
            self.find("claim", &c.text)?;
        }
        for q in &self.quantities {
            self.find("quantity", &q.text)?;
        }
        Ok(())
    }
}

/// Reads a JSONL gold file's contents.
pub fn parse_jsonl(s: &str) -> Result<Vec<GoldCase>, GoldError> {
    let mut out = Vec::new();
    for (k, line) in s.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let c: GoldCase = serde_json::from_str(line).map_err(|e| GoldError::Parse {
            line: k + 1,
            msg: e.to_string(),
        })?;
        c.validate()?;
        out.push(c);
    }
    Ok(out)
}

/// Scores over a gold set. Rates are in [0, 1]; `null` when undefined.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub task: &'static str,
    /// What the stage was given (set by the caller: tokens, ner, full).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    pub n_cases: usize,
    pub n_quotes: usize,
    pub n_pred_quotes: usize,
    /// Gold quotes with the right speaker (a missed quote counts as wrong).
    pub speaker_accuracy: Option<f64>,
    /// Same, over the gold quotes that were found.
    pub speaker_accuracy_found: Option<f64>,
    pub quote_recall: Option<f64>,
    pub quote_precision: Option<f64>,
    pub direct_accuracy: Option<f64>,
    pub n_claims: usize,
    pub modality_accuracy: Option<f64>,
    pub evidence_accuracy: Option<f64>,
    pub voice_accuracy: Option<f64>,
    pub n_quantities: usize,
    pub n_pred_quantities: usize,
    pub quantity_precision: Option<f64>,
    pub quantity_recall: Option<f64>,
    pub quantity_f1: Option<f64>,
    /// Over matched quantities.
    pub value_accuracy: Option<f64>,
    pub qualifier_accuracy: Option<f64>,
    pub measure_accuracy: Option<f64>,
    pub unit_accuracy: Option<f64>,
    pub n_loaded: usize,
    pub loaded_precision: Option<f64>,
    pub loaded_recall: Option<f64>,
    pub loaded_voice_accuracy: Option<f64>,
    /// Human-readable misses, for `--verbose`.
    #[serde(skip)]
    pub errors: Vec<String>,
}

fn rate(a: usize, b: usize) -> Option<f64> {
    if b == 0 {
        None
    } else {
        Some(((a as f64 / b as f64) * 10_000.0).round() / 10_000.0)
    }
}

fn norm_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|x| !x.is_empty())
        .map(|x| x.to_lowercase())
        .collect();
    if w.first().is_some_and(|x| x == "the") {
        w.remove(0);
    }
    w
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// A predicted speaker matches a gold one if equal, if it contains the gold
/// words (at most 8 extra words), or if it is the gold name's last word.
pub fn speaker_match(pred: Option<&str>, gold: Option<&str>, alt: &[String]) -> bool {
    let (p, g) = match (pred, gold) {
        (None, None) => return true,
        (Some(p), Some(g)) => (p, g),
        _ => return false,
    };
    let pw = norm_words(p);
    std::iter::once(g)
        .chain(alt.iter().map(String::as_str))
        .any(|g| {
            let gw = norm_words(g);
            pw == gw
                || (contains_seq(&pw, &gw) && pw.len() <= gw.len() + 8)
                || (pw.len() == 1
                    && gw.last() == pw.first()
                    && gw
                        .first()
                        .is_some_and(|f| f.chars().next().is_some_and(char::is_alphabetic)))
        })
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

fn value_ok(p: &Quantity, g: &GoldQuantity) -> bool {
    if g.value.is_some() {
        close(p.value, g.value)
    } else {
        p.value.is_none()
            && (g.low.is_none() || close(p.low, g.low))
            && (g.high.is_none() || close(p.high, g.high))
    }
}

/// Scores predictions against gold; `results[i]` belongs to `cases[i]`.
pub fn score(cases: &[GoldCase], results: &[ClaimsOutput]) -> Scores {
    let mut s = Scores {
        task: "claims",
        n_cases: cases.len(),
        ..Default::default()
    };
    let (mut q_found, mut q_spk, mut q_direct, mut q_pred_ok) = (0, 0, 0, 0);
    let (mut c_mod, mut c_ev, mut c_voice, mut n_voice) = (0, 0, 0, 0);
    let (mut n_match, mut v_ok, mut qual_ok, mut meas_ok, mut unit_ok) = (0, 0, 0, 0, 0);
    let (mut l_tp, mut l_pred, mut l_voice) = (0, 0, 0);
    for (case, out) in cases.iter().zip(results) {
        let text = &case.text;
        // quotes
        s.n_quotes += case.quotes.len();
        s.n_pred_quotes += out.quotes.len();
        let gold_spans: Vec<Span> = case
            .quotes
            .iter()
            .filter_map(|q| case.find("quote", &q.content).ok())
            .collect();
        for p in &out.quotes {
            if gold_spans.iter().any(|g| g.overlaps(&p.content)) {
                q_pred_ok += 1;
            } else {
                s.errors.push(format!(
                    "{}: extra quote {:?}",
                    case.id,
                    text.get(p.content.start..p.content.end).unwrap_or("")
                ));
            }
        }
        for (gq, gs) in case.quotes.iter().zip(&gold_spans) {
            let best = out
                .quotes
                .iter()
                .filter(|p| p.content.overlaps(gs))
                .max_by_key(|p| p.content.end.min(gs.end) - p.content.start.max(gs.start));
            match best {
                Some(p) => {
                    q_found += 1;
                    let ps = p.speaker.as_ref().map(|x| x.text.as_str());
                    if speaker_match(ps, gq.speaker.as_deref(), &gq.speaker_alt) {
                        q_spk += 1;
                    } else {
                        s.errors.push(format!(
                            "{}: speaker {:?} want {:?}",
                            case.id, ps, gq.speaker
                        ));
                    }
                    if p.direct == gq.direct {
                        q_direct += 1;
                    }
                }
                None => s.errors.push(format!(
                    "{}: missed quote {:?} ({:?})",
                    case.id, gq.content, gq.speaker
                )),
            }
        }
        // claims
        for gc in &case.claims {
            s.n_claims += 1;
            let Ok(gs) = case.find("claim", &gc.text) else {
                continue;
            };
            let best = out
                .claims
                .iter()
                .filter(|c| c.span.overlaps(&gs))
                .max_by_key(|c| c.span.end.min(gs.end) - c.span.start.max(gs.start));
            let Some(c) = best else {
                s.errors
                    .push(format!("{}: no claim over {:?}", case.id, gc.text));
                continue;
            };
            if c.modality.as_str() == gc.modality {
                c_mod += 1;
            } else {
                s.errors.push(format!(
                    "{}: modality {} want {} in {:?}",
                    case.id,
                    c.modality.as_str(),
                    gc.modality,
                    gc.text
                ));
            }
            if c.evidence.as_str() == gc.evidence {
                c_ev += 1;
            } else {
                s.errors.push(format!(
                    "{}: evidence {} want {} in {:?}",
                    case.id,
                    c.evidence.as_str(),
                    gc.evidence,
                    gc.text
                ));
            }
            if let Some(v) = &gc.voice {
                n_voice += 1;
                if c.voice.as_str() == v {
                    c_voice += 1;
                }
            }
        }
        // quantities: greedy one-to-one by overlap
        s.n_quantities += case.quantities.len();
        s.n_pred_quantities += out.quantities.len();
        let mut taken = vec![false; out.quantities.len()];
        for gq in &case.quantities {
            let Ok(gs) = case.find("quantity", &gq.text) else {
                continue;
            };
            let best = out
                .quantities
                .iter()
                .enumerate()
                .filter(|(k, p)| !taken.get(*k).copied().unwrap_or(true) && p.span.overlaps(&gs))
                .max_by_key(|(_, p)| p.span.end.min(gs.end) - p.span.start.max(gs.start));
            let Some((k, p)) = best else {
                s.errors
                    .push(format!("{}: missed quantity {:?}", case.id, gq.text));
                continue;
            };
            if let Some(t) = taken.get_mut(k) {
                *t = true;
            }
            n_match += 1;
            if value_ok(p, gq) {
                v_ok += 1;
            } else {
                s.errors.push(format!(
                    "{}: value {:?}/{:?}/{:?} want {:?}/{:?}/{:?} for {:?}",
                    case.id, p.value, p.low, p.high, gq.value, gq.low, gq.high, gq.text
                ));
            }
            if p.qualifier.as_str() == gq.qualifier {
                qual_ok += 1;
            } else {
                s.errors.push(format!(
                    "{}: qualifier {} want {} for {:?}",
                    case.id,
                    p.qualifier.as_str(),
                    gq.qualifier,
                    gq.text
                ));
            }
            if p.measure == gq.measure {
                meas_ok += 1;
            } else {
                s.errors.push(format!(
                    "{}: measure {:?} want {:?} for {:?}",
                    case.id, p.measure, gq.measure, gq.text
                ));
            }
            if p.unit == gq.unit {
                unit_ok += 1;
            }
        }
        for (k, t) in taken.iter().enumerate() {
            if !t {
                if let Some(p) = out.quantities.get(k) {
                    s.errors.push(format!(
                        "{}: extra quantity {:?}",
                        case.id,
                        text.get(p.span.start..p.span.end).unwrap_or("")
                    ));
                }
            }
        }
        // loaded terms (per passage, by canonical term)
        s.n_loaded += case.loaded.len();
        let mut pred: Vec<(String, &'static str)> = out
            .claims
            .iter()
            .flat_map(|c| {
                c.loaded_terms
                    .iter()
                    .map(|t| (t.term.clone(), t.voice.as_str()))
            })
            .collect();
        pred.sort();
        pred.dedup_by(|a, b| a.0 == b.0);
        l_pred += pred.len();
        for g in &case.loaded {
            if let Some((_, v)) = pred.iter().find(|(t, _)| *t == g.term) {
                l_tp += 1;
                if *v == g.voice {
                    l_voice += 1;
                }
            } else {
                s.errors
                    .push(format!("{}: missed loaded term {:?}", case.id, g.term));
            }
        }
        for (t, _) in &pred {
            if !case.loaded.iter().any(|g| &g.term == t) {
                s.errors
                    .push(format!("{}: extra loaded term {t:?}", case.id));
            }
        }
    }
    s.speaker_accuracy = rate(q_spk, s.n_quotes);
    s.speaker_accuracy_found = rate(q_spk, q_found);
    s.quote_recall = rate(q_found, s.n_quotes);
    s.quote_precision = rate(q_pred_ok, s.n_pred_quotes);
    s.direct_accuracy = rate(q_direct, q_found);
    s.modality_accuracy = rate(c_mod, s.n_claims);
    s.evidence_accuracy = rate(c_ev, s.n_claims);
    s.voice_accuracy = rate(c_voice, n_voice);
    s.quantity_precision = rate(n_match, s.n_pred_quantities);
    s.quantity_recall = rate(n_match, s.n_quantities);
    s.quantity_f1 = match (s.quantity_precision, s.quantity_recall) {
        (Some(p), Some(r)) if p + r > 0.0 => {
            Some(((2.0 * p * r / (p + r)) * 10_000.0).round() / 10_000.0)
        }
        _ => None,
    };
    s.value_accuracy = rate(v_ok, n_match);
    s.qualifier_accuracy = rate(qual_ok, n_match);
    s.measure_accuracy = rate(meas_ok, n_match);
    s.unit_accuracy = rate(unit_ok, n_match);
    s.loaded_precision = rate(l_tp, l_pred);
    s.loaded_recall = rate(l_tp, s.n_loaded);
    s.loaded_voice_accuracy = rate(l_voice, l_tp);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_matching_rules() {
        assert!(speaker_match(
            Some("Political writer Ana Ruiz"),
            Some("Ana Ruiz"),
            &[]
        ));
        assert!(speaker_match(Some("Ruiz"), Some("Ana Ruiz"), &[]));
        assert!(speaker_match(
            Some("the Interior Ministry"),
            Some("Interior Ministry"),
            &[]
        ));
        assert!(!speaker_match(Some("vague"), Some("Ana Ruiz"), &[]));
        assert!(!speaker_match(None, Some("X"), &[]));
        assert!(speaker_match(
            Some("local media"),
            Some("the Ministry"),
            &["local media".into()]
        ));
    }
}
