//! Grouping claims into propositions.

use crate::terms::clause_terms;
use crate::CompareOptions;
use crosscheck_brief::Brief;
use std::collections::{BTreeSet, HashMap};

/// One clause of a claim, prepared for comparison.
pub(crate) struct Prepared {
    /// Index into `brief.claims`.
    pub claim: usize,
    /// Byte range of the clause within the claim's text.
    pub clause: (usize, usize),
    /// Independent source (duplicates mapped to their original).
    pub source: String,
    pub vector: Vec<(u32, f32)>,
    /// Unnormalised TF-IDF weights (for overlap).
    pub raw: Vec<(u32, f32)>,
    pub negated: bool,
    pub entities: BTreeSet<String>,
}

pub(crate) struct Groups {
    pub prepared: Vec<Prepared>,
    /// Each group: indices into `prepared`.
    pub groups: Vec<Vec<usize>>,
}

/// Weighted overlap relative to the smaller side, with the number of shared
/// terms: lets a short clause match the matching part of a longer one.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f64, usize) {
    let (mut i, mut j, mut shared, mut n) = (0, 0, 0f64, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += (a[i].1 as f64).min(b[j].1 as f64);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let sa: f64 = a.iter().map(|x| x.1 as f64).sum();
    let sb: f64 = b.iter().map(|x| x.1 as f64).sum();
    (shared / sa.min(sb).max(1e-9), n)
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 as f64 * b[j].1 as f64;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the smaller index as root: deterministic groups.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Clusters the claims of analysed documents.
pub(crate) fn group_claims(
    brief: &Brief,
    opts: &CompareOptions,
    sources: &HashMap<String, String>,
) -> Groups {
    let analysed: BTreeSet<&str> = brief
        .documents
        .iter()
        .filter(|d| d.status == "analyzed")
        .map(|d| d.id.as_str())
        .collect();
    // Term ids and document frequencies.
    let mut vocab: HashMap<String, u32> = HashMap::new();
    // (claim index, clause range, term ids, negated)
    type Raw = (usize, (usize, usize), Vec<u32>, bool);
    let mut raw: Vec<Raw> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    for (ci, c) in brief.claims.iter().enumerate() {
        if !analysed.contains(c.doc.as_str()) {
            continue;
        }
        for (clause, ts, negated) in clause_terms(&c.text) {
            let mut ids: Vec<u32> = ts
                .into_iter()
                .map(|t| {
                    let next = vocab.len() as u32;
                    *vocab.entry(t).or_insert(next)
                })
                .collect();
            let uniq: BTreeSet<u32> = ids.iter().copied().collect();
            for &t in &uniq {
                if t as usize >= df.len() {
                    df.resize(t as usize + 1, 0);
                }
                df[t as usize] += 1;
            }
            ids.sort_unstable();
            // Negation is per clause: "prices rose, but no one protested"
            // does not deny the rise.
            raw.push((ci, clause, ids, negated));
        }
    }
    let n = raw.len().max(1) as f64;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f64 + 1.0)).ln() as f32 + 1.0)
        .collect();
    let mut prepared = Vec::with_capacity(raw.len());
    for (ci, clause, ids, negated) in raw {
        let mut v: Vec<(u32, f32)> = Vec::new();
        for t in ids {
            let w = idf.get(t as usize).copied().unwrap_or(1.0);
            match v.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => v.push((t, w)),
            }
        }
        let raw_weights = v.clone();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
        v.iter_mut().for_each(|(_, w)| *w /= norm);
        let c = &brief.claims[ci];
        prepared.push(Prepared {
            claim: ci,
            clause,
            source: sources
                .get(&c.doc)
                .cloned()
                .unwrap_or_else(|| c.doc.clone()),
            vector: v,
            raw: raw_weights,
            negated,
            entities: c.entities.iter().cloned().collect(),
        });
    }
    // Inverted index over terms rare enough to be informative: blocking
    // keeps candidate search far below all-pairs.
    let cap = ((n * 0.05) as u32).max(30);
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for (pi, p) in prepared.iter().enumerate() {
        for &(t, _) in &p.vector {
            if df.get(t as usize).copied().unwrap_or(0) <= cap {
                index.entry(t).or_default().push(pi);
            }
        }
    }
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen: HashMap<usize, u32> = HashMap::new();
    for (pi, p) in prepared.iter().enumerate() {
        seen.clear();
        for &(t, _) in &p.vector {
            if let Some(list) = index.get(&t) {
                for &pj in list {
                    if pj > pi && prepared[pj].source != p.source && prepared[pj].claim != p.claim {
                        *seen.entry(pj).or_insert(0) += 1;
                    }
                }
            }
        }
        for (&pj, &shared) in &seen {
            if shared < 2 {
                continue;
            }
            let q = &prepared[pj];
            let (ov, n_shared) = overlap(&p.raw, &q.raw);
            let mut sim = cosine(&p.vector, &q.vector);
            if n_shared >= 3 {
                sim = sim.max(0.75 * ov);
            }
            let threshold = if p.entities.intersection(&q.entities).next().is_some() {
                opts.same_threshold_with_entity
            } else {
                opts.same_threshold
            };
            if sim >= threshold {
                edges.push((sim, pi, pj));
            }
        }
    }
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut uf = UnionFind((0..prepared.len()).collect());
    for (_, a, b) in edges {
        uf.union(a, b);
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..prepared.len() {
        let r = uf.find(i);
        by_root.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
    groups.iter_mut().for_each(|g| g.sort_unstable());
    groups.sort_by_key(|g| g[0]);
    Groups { prepared, groups }
}
