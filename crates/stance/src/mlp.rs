//! A one-hidden-layer perceptron (MLP) over sparse hashed features plus a
//! few dense ones, trained with Adagrad and dropout, single-threaded and
//! seeded so a run reproduces bit for bit.

use crate::features::{PairFeatures, N_DENSE};
use crosscheck_learn::{Model, Rng};
use std::collections::HashMap;

/// Number of output classes (agree, disagree, discuss, unrelated).
pub const N_OUT: usize = 4;

/// Run-time network.
#[derive(Debug, Clone)]
pub struct Mlp {
    pub hidden: usize,
    /// Sparse input rows (`hidden` wide), keyed by feature hash.
    pub emb: Model,
    /// Dense input weights, `N_DENSE × hidden`, then the hidden bias.
    pub dense_w: Vec<f32>,
    pub b1: Vec<f32>,
    /// Output weights, `hidden × N_OUT`, then the output bias.
    pub w2: Vec<f32>,
    pub b2: Vec<f32>,
    /// Standardisation of the dense features.
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
}

fn forward_out(h: &[f32], w2: &[f32], b2: &[f32]) -> [f32; N_OUT] {
    let mut out = [0f32; N_OUT];
    for (o, b) in out.iter_mut().zip(b2) {
        *o = *b;
    }
    for (hv, row) in h.iter().zip(w2.chunks_exact(N_OUT)) {
        if *hv != 0.0 {
            for (o, w) in out.iter_mut().zip(row) {
                *o += hv * w;
            }
        }
    }
    out
}

/// Averaged class probabilities of an ensemble.
pub fn ensemble_probs(mlps: &[Mlp], f: &PairFeatures) -> [f32; N_OUT] {
    let mut avg = [0f32; N_OUT];
    for m in mlps {
        let mut s = m.logits(f);
        softmax(&mut s);
        for (a, p) in avg.iter_mut().zip(s) {
            *a += p;
        }
    }
    let k = mlps.len().max(1) as f32;
    avg.iter_mut().for_each(|a| *a /= k);
    avg
}

/// Softmax in place.
pub fn softmax(x: &mut [f32]) {
    let m = x.iter().fold(f32::NEG_INFINITY, |a, b| a.max(*b));
    let mut s = 0.0;
    for v in x.iter_mut() {
        *v = (*v - m).exp();
        s += *v;
    }
    if s > 0.0 && s.is_finite() {
        x.iter_mut().for_each(|v| *v /= s);
    }
}

impl Mlp {
    /// Class logits for one pair.
    pub fn logits(&self, f: &PairFeatures) -> [f32; N_OUT] {
        let mut h = self.b1.clone();
        for &(k, v) in &f.sparse {
            if let Some(row) = self.emb.row(k) {
                for (x, w) in h.iter_mut().zip(row) {
                    *x += v * w;
                }
            }
        }
        for (i, x) in f.dense.iter().enumerate() {
            let z = (x - self.mean.get(i).copied().unwrap_or(0.0))
                * self.scale.get(i).copied().unwrap_or(1.0);
            if z != 0.0 {
                if let Some(row) = self.dense_w.get(i * self.hidden..(i + 1) * self.hidden) {
                    for (x, w) in h.iter_mut().zip(row) {
                        *x += z * w;
                    }
                }
            }
        }
        h.iter_mut().for_each(|x| *x = x.max(0.0));
        forward_out(&h, &self.w2, &self.b2)
    }

    /// The three weight tables stored in the model file.
    pub fn tables(&self) -> Option<[Model; 3]> {
        let mut dk: Vec<u64> = (0..=N_DENSE as u64).collect();
        let mut dw = self.dense_w.clone();
        dw.extend_from_slice(&self.b1);
        let dense = Model::from_rows(self.hidden, std::mem::take(&mut dk), dw)?;
        let ok: Vec<u64> = (0..=self.hidden as u64).collect();
        let mut ow = self.w2.clone();
        ow.extend_from_slice(&self.b2);
        let out = Model::from_rows(N_OUT, ok, ow)?;
        Some([self.emb.clone(), dense, out])
    }

    /// Rebuilds the network from its tables and standardisation.
    pub fn from_tables(
        emb: Model,
        dense: &Model,
        out: &Model,
        mean: Vec<f32>,
        scale: Vec<f32>,
    ) -> Option<Mlp> {
        let hidden = emb.n_classes();
        if dense.n_classes() != hidden || out.n_classes() != N_OUT || hidden == 0 {
            return None;
        }
        let mut dense_w = Vec::with_capacity(N_DENSE * hidden);
        for i in 0..N_DENSE as u64 {
            dense_w.extend_from_slice(dense.row(i).unwrap_or(&vec![0.0; hidden]));
        }
        let b1 = dense
            .row(N_DENSE as u64)
            .map_or(vec![0.0; hidden], |r| r.to_vec());
        let mut w2 = Vec::with_capacity(hidden * N_OUT);
        for i in 0..hidden as u64 {
            w2.extend_from_slice(out.row(i).unwrap_or(&[0.0; N_OUT]));
        }
        let b2 = out
            .row(hidden as u64)
            .map_or(vec![0.0; N_OUT], |r| r.to_vec());
        if mean.len() != N_DENSE || scale.len() != N_DENSE {
            return None;
        }
        Some(Mlp {
            hidden,
            emb,
            dense_w,
            b1,
            w2,
            b2,
            mean,
            scale,
        })
    }
}

/// Training settings.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MlpConfig {
    pub hidden: usize,
    pub epochs: usize,
    pub lr: f32,
    pub l2: f32,
    pub dropout: f32,
    /// Keep sparse features seen in at least this many training pairs.
    pub min_count: u32,
    /// Networks trained with different seeds whose probabilities are averaged.
    #[serde(default = "one")]
    pub ensemble: usize,
}

fn one() -> usize {
    1
}

impl Default for MlpConfig {
    fn default() -> Self {
        MlpConfig {
            hidden: 64,
            epochs: 8,
            lr: 0.05,
            l2: 1e-6,
            dropout: 0.3,
            min_count: 8,
            ensemble: 3,
        }
    }
}

struct Example {
    sparse: Vec<(u32, f32)>,
    dense: [f32; N_DENSE],
    label: usize,
}

/// Adagrad trainer for [`Mlp`].
pub struct Trainer {
    cfg: MlpConfig,
    keys: Vec<u64>,
    emb: Vec<f32>,
    emb_g: Vec<f32>,
    dw: Vec<f32>,
    dw_g: Vec<f32>,
    b1: Vec<f32>,
    b1_g: Vec<f32>,
    w2: Vec<f32>,
    w2_g: Vec<f32>,
    b2: Vec<f32>,
    b2_g: Vec<f32>,
    mean: Vec<f32>,
    scale: Vec<f32>,
    data: Vec<Example>,
    rng: Rng,
}

fn uniform(rng: &mut Rng, n: usize, a: f32) -> Vec<f32> {
    (0..n)
        .map(|_| ((rng.next_f64() * 2.0 - 1.0) as f32) * a)
        .collect()
}

impl Trainer {
    /// Prepares vocabulary, standardisation and initial weights.
    pub fn new(cfg: MlpConfig, feats: &[PairFeatures], labels: &[usize], seed: u64) -> Trainer {
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for f in feats {
            for &(k, _) in &f.sparse {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
        let mut keys: Vec<u64> = counts
            .into_iter()
            .filter(|&(_, c)| c >= cfg.min_count)
            .map(|(k, _)| k)
            .collect();
        keys.sort_unstable();
        let index: HashMap<u64, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let n = feats.len().max(1) as f64;
        let mut mean = vec![0f32; N_DENSE];
        let mut scale = vec![1f32; N_DENSE];
        for d in 0..N_DENSE {
            let m = feats.iter().map(|f| f.dense[d] as f64).sum::<f64>() / n;
            let v = feats
                .iter()
                .map(|f| (f.dense[d] as f64 - m).powi(2))
                .sum::<f64>()
                / n;
            mean[d] = m as f32;
            scale[d] = if v > 1e-12 {
                (1.0 / v.sqrt()) as f32
            } else {
                0.0
            };
        }
        let data = feats
            .iter()
            .zip(labels)
            .map(|(f, &label)| {
                let mut sparse: Vec<(u32, f32)> = f
                    .sparse
                    .iter()
                    .filter_map(|(k, v)| index.get(k).map(|&r| (r, *v)))
                    .collect();
                sparse.sort_by_key(|p| p.0);
                Example {
                    sparse,
                    dense: f.dense,
                    label,
                }
            })
            .collect();
        let h = cfg.hidden;
        let mut rng = Rng::new(seed);
        let emb = uniform(&mut rng, keys.len() * h, 0.05);
        let dw = uniform(&mut rng, N_DENSE * h, (6.0 / (N_DENSE + h) as f32).sqrt());
        let w2 = uniform(&mut rng, h * N_OUT, (6.0 / (h + N_OUT) as f32).sqrt());
        let g0 = 0.1f32;
        Trainer {
            emb_g: vec![g0; emb.len()],
            dw_g: vec![g0; dw.len()],
            b1: vec![0.0; h],
            b1_g: vec![g0; h],
            w2_g: vec![g0; w2.len()],
            b2: vec![0.0; N_OUT],
            b2_g: vec![g0; N_OUT],
            keys,
            emb,
            dw,
            w2,
            mean,
            scale,
            data,
            rng,
            cfg,
        }
    }

    /// Number of sparse features kept.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Runs one epoch over the examples in a seeded random order; returns the mean loss.
    // Index loops walk several parallel weight/gradient arrays at once.
    #[allow(clippy::needless_range_loop)]
    pub fn epoch(&mut self) -> f32 {
        let h = self.cfg.hidden;
        let mut order: Vec<usize> = (0..self.data.len()).collect();
        self.rng.shuffle(&mut order);
        let (lr, l2, p) = (self.cfg.lr, self.cfg.l2, self.cfg.dropout);
        let keep = 1.0 - p;
        let mut z = vec![0f32; h];
        let mut hid = vec![0f32; h];
        let mut mask = vec![0f32; h];
        let mut dh = vec![0f32; h];
        let mut xd = [0f32; N_DENSE];
        let mut loss = 0.0f64;
        for &ix in &order {
            let Some(ex) = self.data.get(ix) else {
                continue;
            };
            z.copy_from_slice(&self.b1);
            for &(r, v) in &ex.sparse {
                let row = &self.emb[r as usize * h..][..h];
                for (a, w) in z.iter_mut().zip(row) {
                    *a += v * w;
                }
            }
            for d in 0..N_DENSE {
                xd[d] = (ex.dense[d] - self.mean[d]) * self.scale[d];
                if xd[d] != 0.0 {
                    let row = &self.dw[d * h..][..h];
                    for (a, w) in z.iter_mut().zip(row) {
                        *a += xd[d] * w;
                    }
                }
            }
            for j in 0..h {
                mask[j] = if self.rng.next_f64() < p as f64 {
                    0.0
                } else {
                    1.0 / keep
                };
                hid[j] = z[j].max(0.0) * mask[j];
            }
            let mut out = forward_out(&hid, &self.w2, &self.b2);
            softmax(&mut out);
            loss -= (out[ex.label].max(1e-9) as f64).ln();
            // Gradient of cross-entropy with respect to the logits.
            let mut go = out;
            go[ex.label] -= 1.0;
            dh.iter_mut().for_each(|x| *x = 0.0);
            for j in 0..h {
                let row = &mut self.w2[j * N_OUT..][..N_OUT];
                let grow = &mut self.w2_g[j * N_OUT..][..N_OUT];
                for c in 0..N_OUT {
                    dh[j] += go[c] * row[c];
                    let g = go[c] * hid[j] + l2 * row[c];
                    grow[c] += g * g;
                    row[c] -= lr * g / grow[c].sqrt();
                }
            }
            for c in 0..N_OUT {
                let g = go[c];
                self.b2_g[c] += g * g;
                self.b2[c] -= lr * g / self.b2_g[c].sqrt();
            }
            for j in 0..h {
                dh[j] = if z[j] > 0.0 { dh[j] * mask[j] } else { 0.0 };
            }
            for j in 0..h {
                let g = dh[j];
                self.b1_g[j] += g * g;
                self.b1[j] -= lr * g / self.b1_g[j].sqrt();
            }
            for (d, &x) in xd.iter().enumerate() {
                if x == 0.0 {
                    continue;
                }
                let row = &mut self.dw[d * h..][..h];
                let grow = &mut self.dw_g[d * h..][..h];
                for j in 0..h {
                    let g = dh[j] * x + l2 * row[j];
                    grow[j] += g * g;
                    row[j] -= lr * g / grow[j].sqrt();
                }
            }
            for &(r, v) in &ex.sparse {
                let row = &mut self.emb[r as usize * h..][..h];
                let grow = &mut self.emb_g[r as usize * h..][..h];
                for j in 0..h {
                    let g = dh[j] * v + l2 * row[j];
                    grow[j] += g * g;
                    row[j] -= lr * g / grow[j].sqrt();
                }
            }
        }
        (loss / self.data.len().max(1) as f64) as f32
    }

    /// The current network for prediction (unquantised).
    pub fn to_mlp(&self) -> Option<Mlp> {
        let emb = Model::from_rows(self.cfg.hidden, self.keys.clone(), self.emb.clone())?;
        Some(Mlp {
            hidden: self.cfg.hidden,
            emb,
            dense_w: self.dw.clone(),
            b1: self.b1.clone(),
            w2: self.w2.clone(),
            b2: self.b2.clone(),
            mean: self.mean.clone(),
            scale: self.scale.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(word: u64, label: usize) -> PairFeatures {
        let mut dense = [0f32; N_DENSE];
        dense[0] = label as f32 * 0.1;
        PairFeatures {
            sparse: vec![(word, 1.0), (99, 0.5)],
            dense,
        }
    }

    #[test]
    fn learns_and_round_trips_through_tables() {
        let feats: Vec<PairFeatures> = (0..400).map(|i| example(i % 4, (i % 4) as usize)).collect();
        let labels: Vec<usize> = (0..400).map(|i| i % 4).collect();
        let cfg = MlpConfig {
            hidden: 8,
            epochs: 10,
            min_count: 1,
            ..MlpConfig::default()
        };
        let mut t = Trainer::new(cfg, &feats, &labels, 3);
        let first = t.epoch();
        for _ in 0..9 {
            t.epoch();
        }
        let last = t.epoch();
        assert!(last < first, "{last} !< {first}");
        let m = t.to_mlp().unwrap();
        for c in 0..4u64 {
            let p = ensemble_probs(std::slice::from_ref(&m), &example(c, c as usize));
            assert_eq!(crosscheck_learn::argmax(&p), c as usize, "{p:?}");
        }
        let [emb, dense, out] = m.tables().unwrap();
        let back = Mlp::from_tables(emb, &dense, &out, m.mean.clone(), m.scale.clone()).unwrap();
        let f = example(2, 2);
        assert_eq!(m.logits(&f), back.logits(&f));
    }

    #[test]
    fn softmax_is_a_distribution() {
        let mut x = [1000.0, 0.0, -5.0, f32::MIN];
        softmax(&mut x);
        assert!((x.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert!(x[0] > 0.99);
    }
}
