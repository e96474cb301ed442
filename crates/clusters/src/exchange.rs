//! The exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
//! move one item at a time to the class that most increases the likelihood
//! of a class bigram model,
//! `Σ N(c,d) log N(c,d) − Σ NL(c) log NL(c) − Σ NR(d) log NR(d)`,
//! where `N(c,d)` counts class bigrams and `NL`/`NR` are its row/column sums.
//! Deterministic: items are visited in a fixed order and ties keep the
//! current class, then the lowest class id.

use crosscheck_learn::Rng;

/// Items (word types, or classes of a finer level) with bigram counts.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Items in visiting order (most frequent first).
    pub n: usize,
    /// (next item, count) lists per item, CSR: `succ[succ_start[i]..succ_start[i+1]]`.
    succ_start: Vec<usize>,
    succ: Vec<(u32, u64)>,
    pred_start: Vec<usize>,
    pred: Vec<(u32, u64)>,
    /// Occurrences as the left / right item of a bigram.
    left: Vec<u64>,
    right: Vec<u64>,
}

impl Graph {
    /// Builds the graph from (left, right, count) triples over items
    /// `0..n`; triples naming items past `n` are ignored, repeats add up.
    pub fn from_bigrams(n: usize, mut pairs: Vec<(u32, u32, u64)>) -> Graph {
        pairs.retain(|p| (p.0 as usize) < n && (p.1 as usize) < n && p.2 > 0);
        pairs.sort_unstable();
        let mut merged: Vec<(u32, u32, u64)> = Vec::with_capacity(pairs.len());
        for (a, b, c) in pairs {
            match merged.last_mut() {
                Some(l) if l.0 == a && l.1 == b => l.2 += c,
                _ => merged.push((a, b, c)),
            }
        }
        let mut g = Graph {
            n,
            left: vec![0; n],
            right: vec![0; n],
            ..Graph::default()
        };
        g.succ_start = csr_starts(n, merged.iter().map(|p| p.0));
        g.succ = merged.iter().map(|p| (p.1, p.2)).collect();
        let mut by_right: Vec<(u32, u32, u64)> = merged.iter().map(|p| (p.1, p.0, p.2)).collect();
        by_right.sort_unstable();
        g.pred_start = csr_starts(n, by_right.iter().map(|p| p.0));
        g.pred = by_right.iter().map(|p| (p.1, p.2)).collect();
        for &(a, b, c) in &merged {
            if let Some(l) = g.left.get_mut(a as usize) {
                *l += c;
            }
            if let Some(r) = g.right.get_mut(b as usize) {
                *r += c;
            }
        }
        g
    }

    fn succ_of(&self, i: usize) -> &[(u32, u64)] {
        slice_of(&self.succ_start, &self.succ, i)
    }

    fn pred_of(&self, i: usize) -> &[(u32, u64)] {
        slice_of(&self.pred_start, &self.pred, i)
    }

    /// Occurrences of item `i` (as a left or right item, whichever is larger).
    pub fn count(&self, i: usize) -> u64 {
        self.left
            .get(i)
            .copied()
            .unwrap_or(0)
            .max(self.right.get(i).copied().unwrap_or(0))
    }

    /// Class bigram counts (`k × k`, row-major) of an assignment to `k` classes.
    pub fn class_bigrams(&self, assign: &[u16], k: usize) -> Vec<u64> {
        let mut m = vec![0u64; k * k];
        for i in 0..self.n {
            let Some(&a) = assign.get(i) else { continue };
            for &(j, c) in self.succ_of(i) {
                if let Some(&b) = assign.get(j as usize) {
                    if let Some(x) = m.get_mut(a as usize * k + b as usize) {
                        *x += c;
                    }
                }
            }
        }
        m
    }
}

fn csr_starts(n: usize, keys: impl Iterator<Item = u32>) -> Vec<usize> {
    let mut starts = vec![0usize; n + 1];
    for k in keys {
        if let Some(s) = starts.get_mut(k as usize + 1) {
            *s += 1;
        }
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    starts
}

fn slice_of<'a>(starts: &[usize], items: &'a [(u32, u64)], i: usize) -> &'a [(u32, u64)] {
    match (starts.get(i), starts.get(i + 1)) {
        (Some(&a), Some(&b)) => items.get(a..b).unwrap_or(&[]),
        _ => &[],
    }
}

/// `x ln x` with a table for small counts.
struct XLogX {
    tab: Vec<f64>,
}

impl XLogX {
    fn new(size: usize) -> XLogX {
        let tab = (0..size)
            .map(|x| {
                let x = x as f64;
                if x > 0.0 {
                    x * x.ln()
                } else {
                    0.0
                }
            })
            .collect();
        XLogX { tab }
    }
    #[inline]
    fn f(&self, x: u64) -> f64 {
        match self.tab.get(x as usize) {
            Some(v) => *v,
            None => {
                let x = x as f64;
                x * x.ln()
            }
        }
    }
}

/// Clusters the items of `g` into `k` classes. `fixed[i] = Some(c)` pins
/// item `i` to class `k + c` (e.g. sentence boundaries, the rare-word
/// token); those extra classes are never candidates for other items. Items
/// are visited from first to last; the `k` first movable items start in
/// classes of their own, the rest in seeded random classes. Stops after
/// `max_iters` passes or when a pass moves fewer than 0.1% of the items.
/// Returns each item's class (pinned items: `k + c`).
pub fn exchange(
    g: &Graph,
    k: usize,
    fixed: &[Option<u16>],
    seed: u64,
    max_iters: usize,
    label: &str,
) -> Vec<u16> {
    let n_fixed = fixed
        .iter()
        .flatten()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let kk = k + n_fixed;
    let mut rng = Rng::new(seed);
    let mut assign = vec![0u16; g.n];
    let mut rank = 0usize;
    for (i, a) in assign.iter_mut().enumerate() {
        match fixed.get(i).copied().flatten() {
            Some(c) => *a = (k + c as usize) as u16,
            None => {
                *a = if rank < k {
                    rank as u16
                } else {
                    rng.below(k.max(1)) as u16
                };
                rank += 1;
            }
        }
    }
    let mut m = g.class_bigrams(&assign, kk);
    // Transposed copy so the predecessor sums read rows too.
    let mut mt = vec![0u64; kk * kk];
    for a in 0..kk {
        for b in 0..kk {
            mt[b * kk + a] = m[a * kk + b];
        }
    }
    let mut nl = vec![0u64; kk];
    let mut nr = vec![0u64; kk];
    for ((&c, &l), &r) in assign.iter().zip(&g.left).zip(&g.right) {
        nl[c as usize] += l;
        nr[c as usize] += r;
    }
    let xl = XLogX::new(1 << 20);
    let mut sd = vec![0u64; kk];
    let mut pd = vec![0u64; kk];
    let mut sl: Vec<(usize, u64)> = Vec::new();
    let mut pl: Vec<(usize, u64)> = Vec::new();
    for iter in 0..max_iters {
        let mut moved = 0usize;
        let mut movable = 0usize;
        for w in 0..g.n {
            if fixed.get(w).copied().flatten().is_some() {
                continue;
            }
            movable += 1;
            let a = assign[w] as usize;
            // Class-aggregated neighbours, without the self bigram.
            let selfc = by_class(g.succ_of(w), w, &assign, &mut sd, &mut sl);
            by_class(g.pred_of(w), w, &assign, &mut pd, &mut pl);
            let (lw, rw) = (g.left[w], g.right[w]);
            // Take w out of its class.
            for &(d, c) in &sl {
                m[a * kk + d] -= c;
                mt[d * kk + a] -= c;
            }
            for &(d, c) in &pl {
                m[d * kk + a] -= c;
                mt[a * kk + d] -= c;
            }
            m[a * kk + a] -= selfc;
            mt[a * kk + a] -= selfc;
            nl[a] -= lw;
            nr[a] -= rw;
            // Gain of putting it into each class.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            let gain_of = |b: usize| -> f64 {
                let row = &m[b * kk..(b + 1) * kk];
                let rowt = &mt[b * kk..(b + 1) * kk];
                let mut gsum = 0.0;
                for &(d, c) in &sl {
                    let x = row[d];
                    gsum += xl.f(x + c) - xl.f(x);
                }
                for &(d, c) in &pl {
                    let x = rowt[d];
                    gsum += xl.f(x + c) - xl.f(x);
                }
                // The (b, b) cell was counted separately by both loops.
                let (s, p) = (sd[b], pd[b]);
                let x = row[b];
                if s > 0 {
                    gsum -= xl.f(x + s) - xl.f(x);
                }
                if p > 0 {
                    gsum -= xl.f(x + p) - xl.f(x);
                }
                gsum += xl.f(x + s + p + selfc) - xl.f(x);
                gsum -= xl.f(nl[b] + lw) - xl.f(nl[b]);
                gsum -= xl.f(nr[b] + rw) - xl.f(nr[b]);
                gsum
            };
            let stay = gain_of(a);
            for b in 0..k {
                let gb = gain_of(b);
                if gb > best_gain {
                    best_gain = gb;
                    best = b;
                }
            }
            if best_gain <= stay + 1e-9 {
                best = a;
            }
            let b = best;
            for &(d, c) in &sl {
                m[b * kk + d] += c;
                mt[d * kk + b] += c;
            }
            for &(d, c) in &pl {
                m[d * kk + b] += c;
                mt[b * kk + d] += c;
            }
            m[b * kk + b] += selfc;
            mt[b * kk + b] += selfc;
            nl[b] += lw;
            nr[b] += rw;
            if b != a {
                moved += 1;
                assign[w] = b as u16;
            }
            for &(d, _) in &sl {
                sd[d] = 0;
            }
            for &(d, _) in &pl {
                pd[d] = 0;
            }
        }
        let ll = log_likelihood(&m, &nl, &nr, &xl);
        eprintln!(
            "  {label}: pass {} moved {moved}/{movable}, objective {ll:.1}",
            iter + 1
        );
        if moved * 1000 < movable {
            break;
        }
    }
    assign
}

fn log_likelihood(m: &[u64], nl: &[u64], nr: &[u64], xl: &XLogX) -> f64 {
    let a: f64 = m.iter().map(|&x| xl.f(x)).sum();
    let b: f64 = nl.iter().map(|&x| xl.f(x)).sum();
    let c: f64 = nr.iter().map(|&x| xl.f(x)).sum();
    a - b - c
}

/// Sums `w`'s neighbour counts by the neighbours' classes into `dense`
/// (zero outside the classes listed) and lists `(class, sum)` in `list`
/// in first-seen order; returns the self-bigram count, which is left out.
fn by_class(
    neighbours: &[(u32, u64)],
    w: usize,
    assign: &[u16],
    dense: &mut [u64],
    list: &mut Vec<(usize, u64)>,
) -> u64 {
    let mut selfc = 0u64;
    list.clear();
    for &(v, c) in neighbours {
        if v as usize == w {
            selfc += c;
            continue;
        }
        let d = assign[v as usize] as usize;
        if dense[d] == 0 {
            list.push((d, 0));
        }
        dense[d] += c;
    }
    for e in list.iter_mut() {
        e.1 = dense[e.0];
    }
    selfc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items 0..8: determiners {0,1}, nouns {2,3,4}, verbs {5,6,7}; 8 = boundary.
    #[test]
    fn items_in_the_same_contexts_share_a_class() {
        let dets = [0u32, 1];
        let nouns = [2u32, 3, 4];
        let verbs = [5u32, 6, 7];
        let mut pairs = Vec::new();
        for &d in &dets {
            for &n in &nouns {
                for &v in &verbs {
                    // "<s> det noun verb <s>"
                    pairs.push((8, d, 1));
                    pairs.push((d, n, 1));
                    pairs.push((n, v, 1));
                    pairs.push((v, 8, 1));
                }
            }
        }
        let g = Graph::from_bigrams(9, pairs);
        let mut fixed = vec![None; 9];
        fixed[8] = Some(0);
        let a = exchange(&g, 3, &fixed, 1, 20, "test");
        assert_eq!(a[8], 3, "pinned");
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_eq!(a[3], a[4]);
        assert_eq!(a[5], a[6]);
        assert_eq!(a[6], a[7]);
        assert_ne!(a[0], a[2]);
        assert_ne!(a[2], a[5]);
        assert_ne!(a[0], a[5]);
    }

    #[test]
    fn graph_counts_and_class_bigrams() {
        let g = Graph::from_bigrams(3, vec![(0, 1, 2), (0, 1, 1), (1, 2, 4), (5, 1, 9)]);
        assert_eq!(g.count(1), 4);
        assert_eq!(g.count(0), 3);
        let m = g.class_bigrams(&[0, 1, 1], 2);
        assert_eq!(m, vec![0, 3, 0, 4]);
    }
}
