//! FNC-1 scoring: the official weighted score, accuracy, per-class F1 and
//! the confusion matrix.

use crate::StanceLabel;
use serde::Serialize;

/// Confusion matrix over the four labels: `counts[gold][predicted]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Confusion {
    pub counts: [[u64; 4]; 4],
}

/// Summary scores of a confusion matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    pub pairs: u64,
    /// Official FNC-1 weighted score divided by its maximum (0–1).
    pub fnc_score: f64,
    pub accuracy: f64,
    /// F1 per label, in label order (agree, disagree, discuss, unrelated).
    pub per_class_f1: [f64; 4],
    pub macro_f1: f64,
    /// Relatedness accuracy (related vs unrelated).
    pub related_accuracy: f64,
}

impl Confusion {
    pub fn add(&mut self, gold: StanceLabel, pred: StanceLabel) {
        if let Some(row) = self.counts.get_mut(gold as usize) {
            if let Some(c) = row.get_mut(pred as usize) {
                *c += 1;
            }
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().sum()
    }

    /// The FNC-1 score as (earned, maximum).
    pub fn fnc_raw(&self) -> (f64, f64) {
        let u = StanceLabel::Unrelated as usize;
        let (mut got, mut max) = (0.0, 0.0);
        for (g, row) in self.counts.iter().enumerate() {
            for (p, &c) in row.iter().enumerate() {
                let c = c as f64;
                max += if g == u { 0.25 * c } else { c };
                if (g == u) == (p == u) {
                    got += 0.25 * c;
                }
                if g != u && g == p {
                    got += 0.75 * c;
                }
            }
        }
        (got, max)
    }

    pub fn scores(&self) -> Scores {
        let total = self.total();
        let (got, max) = self.fnc_raw();
        let correct: u64 = (0..4).map(|i| self.counts[i][i]).sum();
        let mut f1 = [0f64; 4];
        for (i, slot) in f1.iter_mut().enumerate() {
            let tp = self.counts[i][i] as f64;
            let gold: u64 = self.counts[i].iter().sum();
            let pred: u64 = self.counts.iter().map(|r| r[i]).sum();
            let denom = gold as f64 + pred as f64;
            *slot = if denom > 0.0 { 2.0 * tp / denom } else { 0.0 };
        }
        let u = StanceLabel::Unrelated as usize;
        let rel_ok: u64 = self
            .counts
            .iter()
            .enumerate()
            .flat_map(|(g, row)| {
                row.iter()
                    .enumerate()
                    .map(move |(p, &c)| ((g == u) == (p == u), c))
            })
            .filter(|(ok, _)| *ok)
            .map(|(_, c)| c)
            .sum();
        let div = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        Scores {
            pairs: total,
            fnc_score: div(got, max),
            accuracy: div(correct as f64, total as f64),
            per_class_f1: f1,
            macro_f1: f1.iter().sum::<f64>() / 4.0,
            related_accuracy: div(rel_ok as f64, total as f64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StanceLabel::*;

    #[test]
    fn fnc_score_weights() {
        let mut c = Confusion::default();
        c.add(Agree, Agree); // 1.0 of 1.0
        c.add(Disagree, Discuss); // 0.25 of 1.0
        c.add(Discuss, Unrelated); // 0 of 1.0
        c.add(Unrelated, Unrelated); // 0.25 of 0.25
        c.add(Unrelated, Agree); // 0 of 0.25
        let (got, max) = c.fnc_raw();
        assert!((got - 1.5).abs() < 1e-12);
        assert!((max - 3.5).abs() < 1e-12);
        let s = c.scores();
        assert!((s.fnc_score - 1.5 / 3.5).abs() < 1e-12);
        assert!((s.accuracy - 0.4).abs() < 1e-12);
        assert_eq!(s.pairs, 5);
        // agree: tp 1, gold 1, pred 2 -> 2/3.
        assert!((s.per_class_f1[0] - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.per_class_f1[2], 0.0);
        assert!((s.related_accuracy - 0.6).abs() < 1e-12);
    }

    #[test]
    fn perfect_and_empty() {
        let mut c = Confusion::default();
        for l in StanceLabel::ALL {
            c.add(l, l);
        }
        let s = c.scores();
        assert_eq!(s.fnc_score, 1.0);
        assert_eq!(s.macro_f1, 1.0);
        let e = Confusion::default().scores();
        assert_eq!(e.fnc_score, 0.0);
        assert_eq!(e.pairs, 0);
    }
}
