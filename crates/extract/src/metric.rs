//! The article-extraction benchmark metric (Zyte/Scrapinghub `evaluate.py`):
//! `\w+` tokens, multisets of word 4-gram shingles, per-page TP/FP/FN normalised
//! by their sum, precision and recall averaged over pages, F1 of the averages.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::ExtractError;

/// Shingle size of the benchmark.
pub const NGRAM: usize = 4;

fn token_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    // Python's `\w` is letters, numbers and `_` (no combining marks, unlike Rust's `\w`).
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").ok())
        .as_ref()
}

/// Tokens as the benchmark sees them (runs of word characters, case kept).
pub fn tokenize(text: &str) -> Vec<&str> {
    match token_re() {
        Some(re) => re.find_iter(text).map(|m| m.as_str()).collect(),
        None => Vec::new(),
    }
}

fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
    let mut out: HashMap<&[&str], usize> = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < NGRAM {
        out.insert(tokens, 1);
        return out;
    }
    for w in tokens.windows(NGRAM) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// Normalised (tp, fp, fn) of one page: each divided by their sum (all 0 when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PageCounts {
    /// Matched shingles.
    pub tp: f64,
    /// Predicted shingles not in the gold text.
    pub fp: f64,
    /// Gold shingles not predicted.
    pub fn_: f64,
}

impl PageCounts {
    /// Compares one page's gold and predicted text.
    pub fn compare(gold: &str, pred: &str) -> Self {
        let gt = tokenize(gold);
        let pt = tokenize(pred);
        let g = shingles(&gt);
        let p = shingles(&pt);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (k, &gc) in &g {
            let pc = p.get(k).copied().unwrap_or(0);
            tp += gc.min(pc);
            fn_ += gc.saturating_sub(pc);
        }
        for (k, &pc) in &p {
            let gc = g.get(k).copied().unwrap_or(0);
            fp += pc.saturating_sub(gc);
        }
        let s = (tp + fp + fn_) as f64;
        if s > 0.0 {
            Self {
                tp: tp as f64 / s,
                fp: fp as f64 / s,
                fn_: fn_ as f64 / s,
            }
        } else {
            Self::default()
        }
    }

    /// Page precision (1 when nothing was missed or added).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Page recall (1 when nothing was missed or added).
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Scores over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Number of pages.
    pub documents: usize,
    /// Mean page precision over pages with any predicted shingle (as `evaluate.py`).
    pub precision: f64,
    /// Mean page recall over pages with any gold shingle.
    pub recall: f64,
    /// Harmonic mean of the averaged precision and recall.
    pub f1: f64,
    /// Share of pages whose predicted token sequence equals the gold one.
    pub accuracy: f64,
}

/// Scores (gold, predicted) text pairs exactly as the benchmark's `evaluate.py`.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Scores {
    let (mut n, mut exact) = (0usize, 0usize);
    let (mut psum, mut pn, mut rsum, mut rn) = (0.0, 0usize, 0.0, 0usize);
    for (gold, pred) in pairs {
        n += 1;
        if tokenize(gold) == tokenize(pred) {
            exact += 1;
        }
        let c = PageCounts::compare(gold, pred);
        // evaluate.py averages precision only where tp+fp > 0 and recall where tp+fn > 0.
        if c.tp + c.fp > 0.0 {
            psum += c.precision();
            pn += 1;
        }
        if c.tp + c.fn_ > 0.0 {
            rsum += c.recall();
            rn += 1;
        }
    }
    let precision = if pn > 0 { psum / pn as f64 } else { 0.0 };
    let recall = if rn > 0 { rsum / rn as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = if n > 0 { exact as f64 / n as f64 } else { 0.0 };
    Scores {
        documents: n,
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// One benchmark page: id, page URL, gold body, HTML.
#[derive(Debug, Clone)]
pub struct BenchPage {
    /// Page id (file stem).
    pub id: String,
    /// Page URL from the ground truth.
    pub url: Option<String>,
    /// Gold article body.
    pub gold: String,
    /// Page HTML.
    pub html: String,
}

/// Loads a benchmark directory (`ground-truth.json` + `html/<id>.html.gz`), sorted by id.
pub fn load_bench_dir(dir: &Path) -> Result<Vec<BenchPage>, ExtractError> {
    let gt_path = dir.join("ground-truth.json");
    let raw = std::fs::read_to_string(&gt_path)
        .map_err(|e| ExtractError::Io(format!("{}: {e}", gt_path.display())))?;
    let gt: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&raw)
        .map_err(|e| ExtractError::Bench(format!("{}: {e}", gt_path.display())))?;
    let mut pages = Vec::with_capacity(gt.len());
    for (id, v) in gt {
        let gold = v
            .get("articleBody")
            .and_then(|x| x.as_str())
            .unwrap_or("")
            .to_string();
        let url = v.get("url").and_then(|x| x.as_str()).map(str::to_string);
        let html_dir = dir.join("html");
        let gz = html_dir.join(format!("{id}.html.gz"));
        let plain = html_dir.join(format!("{id}.html"));
        let bytes = if gz.exists() {
            let f = std::fs::File::open(&gz)
                .map_err(|e| ExtractError::Io(format!("{}: {e}", gz.display())))?;
            let mut buf = Vec::new();
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut buf)
                .map_err(|e| ExtractError::Io(format!("{}: {e}", gz.display())))?;
            buf
        } else {
            std::fs::read(&plain)
                .map_err(|e| ExtractError::Io(format!("{}: {e}", plain.display())))?
        };
        let html = String::from_utf8_lossy(&bytes).into_owned();
        pages.push(BenchPage {
            id,
            url,
            gold,
            html,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Extracts the body of every page (the page URL is not passed: the benchmark gives only HTML).
pub fn predict(pages: &[BenchPage]) -> Vec<String> {
    pages
        .iter()
        .map(|p| {
            crate::extract(&p.html)
                .map(|e| e.body().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// Extracts every page of a benchmark directory and scores the bodies.
pub fn eval_dir(dir: &Path) -> Result<Scores, ExtractError> {
    let pages = load_bench_dir(dir)?;
    let preds = predict(&pages);
    Ok(score(
        pages
            .iter()
            .zip(&preds)
            .map(|(p, t)| (p.gold.as_str(), t.as_str())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_matches_python_word_runs() {
        assert_eq!(
            tokenize("Hello, world_1! 2,500 élan"),
            vec!["Hello", "world_1", "2", "500", "élan"]
        );
        assert_eq!(tokenize("한국어 텍스트"), vec!["한국어", "텍스트"]);
        assert!(tokenize(" .,;! ").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let s = score([("a b c d e f", "a b c d e f")]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let gold = "one two three four five";
        let pred = "one two three four five six seven";
        let c = PageCounts::compare(gold, pred);
        // gold shingles: 2; pred: 4; tp 2, fp 2, fn 0 -> normalised by 4
        assert!((c.tp - 0.5).abs() < 1e-12 && (c.fp - 0.5).abs() < 1e-12 && c.fn_ == 0.0);
        assert!((c.precision() - 0.5).abs() < 1e-12);
        assert_eq!(c.recall(), 1.0);
    }

    #[test]
    fn short_texts_use_one_shingle() {
        let c = PageCounts::compare("a b", "a b");
        assert_eq!(c.precision(), 1.0);
        let c = PageCounts::compare("a b", "a c");
        assert_eq!(c.precision(), 0.0);
        assert_eq!(c.recall(), 0.0);
    }

    #[test]
    fn empty_prediction_is_left_out_of_precision() {
        // as evaluate.py: a page with tp+fp == 0 does not enter the precision mean
        let s = score([("a b c d e", "a b c d e"), ("w x y z q", "")]);
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - 0.5).abs() < 1e-12);
        assert!((s.f1 - 2.0 * 0.5 / 1.5).abs() < 1e-12);
        assert!((s.accuracy - 0.5).abs() < 1e-12);
    }

    #[test]
    fn shingle_counts_are_multisets() {
        // repeated text: the duplicate shingles are false positives
        let c = PageCounts::compare("a b c d", "a b c d a b c d");
        assert!(c.precision() < 0.5 && c.recall() == 1.0);
    }
}
