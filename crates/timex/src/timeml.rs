//! TimeML (TempEval-3) reading and TIMEX3 scoring.
//!
//! [`parse`] extracts the raw text inside `<TEXT>` with the byte spans of the gold
//! TIMEX3 annotations in it, and the document creation time from `<DCT>`.
//! [`Scores`] accumulates TempEval-3 measures: strict (exact extent) and relaxed
//! (any overlap) precision/recall/F1, type and value accuracy over relaxed
//! matches, and value F1 = relaxed F1 x value accuracy.

use crate::{Span, Timex};
use chrono::NaiveDate;

/// Errors reading a TimeML document.
#[derive(Debug, thiserror::Error)]
pub enum TimeMlError {
    #[error("no <TEXT> element")]
    NoText,
    #[error("unterminated tag at byte {0}")]
    Unterminated(usize),
    #[error("unbalanced </TIMEX3> at byte {0}")]
    Unbalanced(usize),
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// One gold TIMEX3 in the raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    /// "DATE", "TIME", "DURATION" or "SET".
    pub kind: String,
    pub value: String,
    pub tid: String,
}

/// A parsed TimeML document.
#[derive(Debug, Clone)]
pub struct TimeMlDoc {
    /// Text content of `<TEXT>` with tags removed and entities decoded.
    pub text: String,
    /// Document creation time (from `<DCT>`'s TIMEX3 value), if it parses as a date.
    pub dct: Option<NaiveDate>,
    /// Gold expressions inside `<TEXT>` (the DCT is metadata and not included).
    pub timexes: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let pos = rest.find(name)?;
        let before_ok = pos == 0 || rest[..pos].ends_with(|c: char| c.is_whitespace());
        let after = &rest[pos + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let v = after_trim[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let body = &v[1..];
                let end = body.find(q)?;
                return Some(decode(&body[..end]));
            }
            return None;
        }
        rest = after;
    }
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let n = if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = ent.strip_prefix('#') {
                    d.parse().ok()
                } else {
                    None
                };
                n.and_then(char::from_u32)
            }
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn parse_dct(xml: &str) -> Option<NaiveDate> {
    let s = xml.find("<DCT>")?;
    let e = xml[s..].find("</DCT>")? + s;
    let inner = &xml[s..e];
    let t = inner.find("<TIMEX3")?;
    let tag_end = inner[t..].find('>')? + t;
    let v = attr(&inner[t..tag_end], "value")?;
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// Parses one TimeML document.
pub fn parse(xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    let dct = parse_dct(xml);
    let open = xml.find("<TEXT>").ok_or(TimeMlError::NoText)?;
    let body_start = open + "<TEXT>".len();
    let close = xml[body_start..]
        .find("</TEXT>")
        .map(|p| p + body_start)
        .ok_or(TimeMlError::NoText)?;
    let body = &xml[body_start..close];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open_tx: Option<(usize, String, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        match rest.find('<') {
            Some(0) => {
                let end = rest
                    .find('>')
                    .ok_or(TimeMlError::Unterminated(body_start + i))?;
                let tag = &rest[1..end];
                if let Some(attrs) = tag.strip_prefix("TIMEX3") {
                    if !attrs.trim_end().ends_with('/') {
                        open_tx = Some((
                            text.len(),
                            attr(attrs, "type").unwrap_or_default(),
                            attr(attrs, "value").unwrap_or_default(),
                            attr(attrs, "tid").unwrap_or_default(),
                        ));
                    }
                } else if tag.starts_with("/TIMEX3") {
                    let (s, kind, value, tid) = open_tx
                        .take()
                        .ok_or(TimeMlError::Unbalanced(body_start + i))?;
                    if text.len() > s {
                        timexes.push(GoldTimex {
                            span: Span::new(s, text.len()),
                            kind,
                            value,
                            tid,
                        });
                    }
                }
                i += end + 1;
            }
            Some(p) => {
                text.push_str(&decode(&rest[..p]));
                i += p;
            }
            None => {
                text.push_str(&decode(rest));
                i = body.len();
            }
        }
    }
    Ok(TimeMlDoc { text, dct, timexes })
}

/// Running TempEval-3 counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub files: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict: usize,
    /// Relaxed (overlap) matches, one-to-one.
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

/// One relaxed match or miss, for error analysis.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Gold index, predicted index.
    Match(usize, usize),
    MissedGold(usize),
    Spurious(usize),
}

fn prf(m: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = if p == 0 { 0.0 } else { m as f64 / p as f64 };
    let rc = if g == 0 { 0.0 } else { m as f64 / g as f64 };
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

impl Scores {
    /// Scores one document's predictions against its gold; returns the alignment.
    pub fn add(&mut self, gold: &[GoldTimex], pred: &[Timex]) -> Vec<Outcome> {
        self.files += 1;
        self.gold += gold.len();
        self.predicted += pred.len();
        let mut gold_used = vec![false; gold.len()];
        let mut pred_used = vec![false; pred.len()];
        let mut out = Vec::new();
        // exact matches first, then any overlap
        for pass in 0..2 {
            for (pi, p) in pred.iter().enumerate() {
                if pred_used[pi] {
                    continue;
                }
                let hit = gold.iter().enumerate().find(|(gi, g)| {
                    !gold_used[*gi]
                        && if pass == 0 {
                            g.span == p.span
                        } else {
                            g.span.overlaps(&p.span)
                        }
                });
                if let Some((gi, g)) = hit {
                    gold_used[gi] = true;
                    pred_used[pi] = true;
                    if pass == 0 {
                        self.strict += 1;
                    }
                    self.relaxed += 1;
                    if g.kind == p.kind.as_str() {
                        self.type_ok += 1;
                    }
                    if p.value.as_deref() == Some(g.value.as_str()) {
                        self.value_ok += 1;
                    }
                    out.push(Outcome::Match(gi, pi));
                }
            }
        }
        out.extend(
            gold_used
                .iter()
                .enumerate()
                .filter(|(_, u)| !**u)
                .map(|(i, _)| Outcome::MissedGold(i)),
        );
        out.extend(
            pred_used
                .iter()
                .enumerate()
                .filter(|(_, u)| !**u)
                .map(|(i, _)| Outcome::Spurious(i)),
        );
        out
    }

    /// Strict precision, recall, F1.
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.predicted, self.gold)
    }

    /// Relaxed precision, recall, F1.
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.predicted, self.gold)
    }

    /// Type accuracy over relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.type_ok as f64 / self.relaxed as f64
        }
    }

    /// Value accuracy over relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.value_ok as f64 / self.relaxed as f64
        }
    }

    /// Relaxed F1 x value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.relaxed_prf().2 * self.value_accuracy()
    }
}

/// Result of scoring a directory.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub scores: Scores,
    /// Bytes of raw text recognised and seconds spent in [`crate::recognize`].
    pub bytes: usize,
    pub seconds: f64,
    /// Files that could not be parsed, with the reason.
    pub skipped: Vec<String>,
    /// One TSV line per miss, spurious hit or mismatched match (if asked for).
    pub errors: Vec<String>,
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), TimeMlError> {
    let io = |e| TimeMlError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut lo = s.saturating_sub(50);
    let mut hi = (e + 50).min(text.len());
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    format!(
        "{}[{}]{}",
        text.get(lo..s).unwrap_or(""),
        text.get(s..e).unwrap_or(""),
        text.get(e..hi).unwrap_or("")
    )
    .replace(['\n', '\t'], " ")
}

/// Scores every `*.tml` under `dir` (recursively, in sorted order): recognises
/// the raw text of each with its DCT as document date.
pub fn evaluate_dir(dir: &std::path::Path, keep_errors: bool) -> Result<EvalReport, TimeMlError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    let mut rep = EvalReport::default();
    for f in &files {
        let xml = std::fs::read_to_string(f).map_err(|e| TimeMlError::Io {
            path: f.display().to_string(),
            source: e,
        })?;
        let doc = match parse(&xml) {
            Ok(d) => d,
            Err(e) => {
                rep.skipped.push(format!("{}: {e}", f.display()));
                continue;
            }
        };
        let t0 = std::time::Instant::now();
        let pred = crate::recognize(&doc.text, &[], doc.dct);
        rep.seconds += t0.elapsed().as_secs_f64();
        rep.bytes += doc.text.len();
        let outcome = rep.scores.add(&doc.timexes, &pred);
        if !keep_errors {
            continue;
        }
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
        for o in outcome {
            let line = match o {
                Outcome::Match(g, p) => {
                    let (Some(g), Some(p)) = (doc.timexes.get(g), pred.get(p)) else {
                        continue;
                    };
                    let pv = p.value.clone().unwrap_or_default();
                    if pv == g.value && g.span == p.span && g.kind == p.kind.as_str() {
                        continue;
                    }
                    let tag = if pv != g.value {
                        "VALUE"
                    } else if g.span != p.span {
                        "EXTENT"
                    } else {
                        "TYPE"
                    };
                    format!(
                        "{name}\t{dct}\t{tag}\t{}|{}\t{}|{}\t{}\t{}",
                        g.kind,
                        p.kind.as_str(),
                        g.value,
                        pv,
                        context(&doc.text, g.span.start, g.span.end),
                        context(&doc.text, p.span.start, p.span.end)
                    )
                }
                Outcome::MissedGold(g) => {
                    let Some(g) = doc.timexes.get(g) else {
                        continue;
                    };
                    format!(
                        "{name}\t{dct}\tMISS\t{}\t{}\t{}",
                        g.kind,
                        g.value,
                        context(&doc.text, g.span.start, g.span.end)
                    )
                }
                Outcome::Spurious(p) => {
                    let Some(p) = pred.get(p) else { continue };
                    format!(
                        "{name}\t{dct}\tSPUR\t{}\t{}\t{}",
                        p.kind.as_str(),
                        p.value.clone().unwrap_or_default(),
                        context(&doc.text, p.span.start, p.span.end)
                    )
                }
            };
            rep.errors.push(line);
        }
    }
    Ok(rep)
}

impl EvalReport {
    /// The JSON line `crosscheck eval timex` prints (numbers rounded to 4 places).
    pub fn to_json_fields(&self) -> Vec<(&'static str, f64)> {
        let s = &self.scores;
        let (sp, sr, sf) = s.strict_prf();
        let (rp, rr, rf) = s.relaxed_prf();
        let r4 = |x: f64| (x * 10000.0).round() / 10000.0;
        vec![
            ("strict_precision", r4(sp)),
            ("strict_recall", r4(sr)),
            ("strict_f1", r4(sf)),
            ("relaxed_precision", r4(rp)),
            ("relaxed_recall", r4(rr)),
            ("relaxed_f1", r4(rf)),
            ("type_accuracy", r4(s.type_accuracy())),
            ("value_accuracy", r4(s.value_accuracy())),
            ("value_f1", r4(s.value_f1())),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Anchor, TimexType};

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
It was a bad <TIMEX3 tid="t1" type="DURATION" value="P1W">week</TIMEX3> &amp; <EVENT eid="e1">worse</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-01-07">yesterday</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_text_spans_and_dct() {
        let d = parse(DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(d.timexes[0].span.get(&d.text), Some("week"));
        assert_eq!(d.timexes[1].span.get(&d.text), Some("yesterday"));
        assert_eq!(d.timexes[1].value, "1998-01-07");
        assert!(d.text.contains("week & worse"));
        assert!(!d.text.contains('<'));
    }

    #[test]
    fn rejects_missing_text() {
        assert!(matches!(
            parse("<TimeML></TimeML>"),
            Err(TimeMlError::NoText)
        ));
        assert!(parse("<TEXT>a </TIMEX3> b</TEXT>").is_err());
        assert!(parse("<TEXT>a <TIMEX3 b</TEXT>").is_err());
    }

    fn tx(s: usize, e: usize, k: TimexType, v: &str) -> Timex {
        Timex {
            span: Span::new(s, e),
            kind: k,
            value: Some(v.into()),
            anchor: Anchor::Absolute,
            precision: None,
        }
    }

    #[test]
    fn scores_strict_relaxed_and_values() {
        let gold = vec![
            GoldTimex {
                span: Span::new(0, 10),
                kind: "DATE".into(),
                value: "1998-01-07".into(),
                tid: "t1".into(),
            },
            GoldTimex {
                span: Span::new(20, 25),
                kind: "DURATION".into(),
                value: "P1W".into(),
                tid: "t2".into(),
            },
            GoldTimex {
                span: Span::new(40, 45),
                kind: "DATE".into(),
                value: "1998".into(),
                tid: "t3".into(),
            },
        ];
        let pred = vec![
            tx(0, 10, TimexType::Date, "1998-01-07"), // strict, right value
            tx(18, 25, TimexType::Date, "P1W"),       // relaxed, wrong type
            tx(60, 65, TimexType::Date, "1999"),      // spurious
        ];
        let mut s = Scores::default();
        let out = s.add(&gold, &pred);
        assert_eq!((s.gold, s.predicted, s.strict, s.relaxed), (3, 3, 1, 2));
        assert_eq!((s.type_ok, s.value_ok), (1, 2));
        let (p, r, f) = s.relaxed_prf();
        assert!(
            (p - 2.0 / 3.0).abs() < 1e-9
                && (r - 2.0 / 3.0).abs() < 1e-9
                && (f - 2.0 / 3.0).abs() < 1e-9
        );
        assert!((s.value_f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.strict_prf().2 - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            out.iter()
                .filter(|o| matches!(o, Outcome::Spurious(_)))
                .count(),
            1
        );
        assert_eq!(
            out.iter()
                .filter(|o| matches!(o, Outcome::MissedGold(_)))
                .count(),
            1
        );
    }
}
