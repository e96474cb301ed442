use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes: passes them through.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Builds [`IdentityHasher`]s, for maps keyed by hashes.
pub type IdentityBuild = BuildHasherDefault<IdentityHasher>;

pub(crate) type KeyMap = HashMap<u64, u32, IdentityBuild>;

/// Multi-class averaged perceptron trainer. Each feature key owns a row of
/// `n_classes` weights; averages are kept lazily (Collins 2002 / Honnibal's
/// "timestamp" trick) so an update costs O(features), not O(model).
pub struct Perceptron {
    n_classes: usize,
    rows: KeyMap,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Perceptron {
    pub fn new(n_classes: usize) -> Self {
        Perceptron {
            n_classes,
            rows: KeyMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            step: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of distinct features seen.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Current (not averaged) scores.
    pub fn scores(&self, keys: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for k in keys {
            if let Some(&r) = self.rows.get(k) {
                let row = &self.weights[r as usize * self.n_classes..][..self.n_classes];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += *w;
                }
            }
        }
    }

    /// Best class under the current weights; ties go to the lowest class.
    pub fn predict(&self, keys: &[u64]) -> usize {
        let mut s = vec![0.0; self.n_classes];
        self.scores(keys, &mut s);
        argmax(&s)
    }

    /// Counts one training example. Call once per decision, before `update`.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from `guess` to `truth` for every key (no-op if equal).
    pub fn update(&mut self, keys: &[u64], truth: usize, guess: usize) {
        self.update_by(keys, truth, guess, 1.0);
    }

    /// Like `update` with a step size (cost-sensitive updates).
    pub fn update_by(&mut self, keys: &[u64], truth: usize, guess: usize, amount: f32) {
        if truth == guess {
            return;
        }
        for &k in keys {
            let r = self.row(k);
            self.bump(r, truth, amount);
            self.bump(r, guess, -amount);
        }
    }

    fn row(&mut self, key: u64) -> usize {
        let next = self.rows.len() as u32;
        let r = *self.rows.entry(key).or_insert(next);
        if r == next {
            let n = self.weights.len() + self.n_classes;
            self.weights.resize(n, 0.0);
            self.totals.resize(n, 0.0);
            self.stamps.resize(n, 0);
        }
        r as usize
    }

    fn bump(&mut self, row: usize, class: usize, amount: f32) {
        let i = row * self.n_classes + class;
        let elapsed = self.step - self.stamps[i];
        self.totals[i] += elapsed as f64 * self.weights[i] as f64;
        self.stamps[i] = self.step;
        self.weights[i] += amount;
    }

    /// Averages the weights and drops rows whose largest weight is below
    /// `prune` in magnitude (0.0 keeps everything).
    pub fn finish(self, prune: f32) -> Model {
        let n = self.n_classes;
        let step = self.step.max(1) as f64;
        let mut entries: Vec<(u64, u32)> = self.rows.into_iter().collect();
        entries.sort_unstable();
        let mut keys = Vec::with_capacity(entries.len());
        let mut weights = Vec::with_capacity(entries.len() * n);
        let mut row = vec![0f32; n];
        for (key, r) in entries {
            let base = r as usize * n;
            for (c, slot) in row.iter_mut().enumerate() {
                let i = base + c;
                let total =
                    self.totals[i] + (self.step - self.stamps[i]) as f64 * self.weights[i] as f64;
                *slot = (total / step) as f32;
            }
            if row.iter().any(|w| w.abs() >= prune && *w != 0.0) {
                keys.push(key);
                weights.extend_from_slice(&row);
            }
        }
        Model::from_parts(n, keys, weights)
    }
}

/// Averaged weights for prediction: a row of `n_classes` weights per key.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    pub(crate) keys: Vec<u64>,
    index: KeyMap,
    pub(crate) weights: Vec<f32>,
}

impl Model {
    pub(crate) fn from_parts(n_classes: usize, keys: Vec<u64>, weights: Vec<f32>) -> Model {
        let mut index = KeyMap::default();
        index.reserve(keys.len());
        for (i, k) in keys.iter().enumerate() {
            index.insert(*k, i as u32);
        }
        Model {
            n_classes,
            keys,
            index,
            weights,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Builds a model from explicit rows (`weights.len() == keys.len() * n_classes`),
    /// so learners other than the perceptron can use the model file format.
    /// Returns `None` when the sizes disagree.
    pub fn from_rows(n_classes: usize, keys: Vec<u64>, weights: Vec<f32>) -> Option<Model> {
        if keys.len().checked_mul(n_classes)? != weights.len() {
            return None;
        }
        Some(Model::from_parts(n_classes, keys, weights))
    }

    /// The weight row of `key`, if the model has one.
    pub fn row(&self, key: u64) -> Option<&[f32]> {
        let r = *self.index.get(&key)? as usize;
        self.weights
            .get(r * self.n_classes..(r + 1) * self.n_classes)
    }

    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Adds the weights of `keys` into `out` (which is zeroed first).
    pub fn scores(&self, keys: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for k in keys {
            if let Some(&r) = self.index.get(k) {
                let row = &self.weights[r as usize * self.n_classes..][..self.n_classes];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += *w;
                }
            }
        }
    }

    pub fn predict(&self, keys: &[u64]) -> usize {
        let mut s = vec![0.0; self.n_classes];
        self.scores(keys, &mut s);
        argmax(&s)
    }
}

/// Index of the largest score; the first one wins ties.
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FeatureSet, Rng};

    /// Learns "class = which of three words is present" with noise words.
    #[test]
    fn learns_a_separable_problem() {
        let words = ["alpha", "beta", "gamma"];
        let noise = ["x", "y", "z", "w"];
        let mut rng = Rng::new(7);
        let mut p = Perceptron::new(3);
        let mut f = FeatureSet::new();
        for _ in 0..2000 {
            let c = rng.below(3);
            f.clear();
            f.add(0, words[c]);
            f.add(1, noise[rng.below(4)]);
            p.tick();
            let g = p.predict(f.keys());
            p.update(f.keys(), c, g);
        }
        let m = p.finish(0.0);
        for (c, w) in words.iter().enumerate() {
            f.clear();
            f.add(0, w);
            f.add(1, "x");
            assert_eq!(m.predict(f.keys()), c);
        }
    }

    #[test]
    fn pruning_drops_weak_rows() {
        let mut p = Perceptron::new(2);
        p.tick();
        p.update(&[1, 2], 0, 1);
        for _ in 0..100 {
            p.tick();
        }
        let all = p.finish(0.0);
        assert_eq!(all.n_features(), 2);
        let mut p = Perceptron::new(2);
        p.tick();
        p.update(&[1], 0, 1);
        let pruned = p.finish(10.0);
        assert_eq!(pruned.n_features(), 0);
    }
}
