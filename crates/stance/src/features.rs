//! Headline/body features: dense similarity and cue statistics, plus hashed
//! sparse features (headline n-grams, body words, cue words in context).

use crate::text::{tokenize, Tokens, CUE_HEDGE, CUE_NEGATION, CUE_REFUTE, CUE_SUPPORT};
use crosscheck_learn::{hash_bytes, Model};

/// Number of dense features produced by [`pair_features`].
pub const N_DENSE: usize = 30;

/// Sparse feature templates.
const T_HEAD: u8 = 1;
const T_HEAD_BI: u8 = 2;
const T_BODY: u8 = 3;
const T_HEAD_CUE: u8 = 4;
const T_TOP_CUE: u8 = 5;
const T_NEAR_CUE: u8 = 6;
const T_BODY_CUE: u8 = 7;
const T_BIN: u8 = 8;
const T_LEAD: u8 = 9;
const T_CUE_PAIR: u8 = 10;

/// Sentences at the start of a body that make up its lead.
const LEAD_SENTENCES: usize = 3;
/// Words either side of a headline-term match searched for cue words.
const NEAR_WINDOW: usize = 8;

fn fkey(template: u8, a: u64) -> u64 {
    let mut b = [0u8; 9];
    b[0] = template;
    b[1..].copy_from_slice(&a.to_le_bytes());
    hash_bytes(&b)
}

/// Inverse document frequencies of word stems, from training bodies.
#[derive(Debug, Clone)]
pub struct Idf {
    table: Model,
    /// Idf of an unseen stem.
    pub unseen: f32,
    /// Average body length in words (for BM25).
    pub avg_len: f32,
}

impl Idf {
    pub fn new(table: Model, unseen: f32, avg_len: f32) -> Self {
        Idf {
            table,
            unseen,
            avg_len,
        }
    }

    pub fn table(&self) -> &Model {
        &self.table
    }

    pub fn get(&self, stem: u64) -> f32 {
        match self.table.row(stem) {
            Some([v]) => *v,
            _ => self.unseen,
        }
    }
}

/// A sparse vector sorted by key.
type SVec = Vec<(u64, f32)>;

fn tfidf(tokens: &Tokens, range: (usize, usize), idf: &Idf) -> SVec {
    let mut v: SVec = tokens
        .words
        .get(range.0..range.1)
        .unwrap_or(&[])
        .iter()
        .filter(|w| !w.stop)
        .map(|w| (w.stem, 1.0))
        .collect();
    v.sort_unstable_by_key(|p| p.0);
    let mut out: SVec = Vec::with_capacity(v.len());
    for (k, c) in v {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += c,
            _ => out.push((k, c)),
        }
    }
    let mut norm = 0.0f32;
    for p in out.iter_mut() {
        p.1 = (1.0 + p.1.ln()) * idf.get(p.0);
        norm += p.1 * p.1;
    }
    if norm > 0.0 {
        let inv = 1.0 / norm.sqrt();
        out.iter_mut().for_each(|p| p.1 *= inv);
    }
    out
}

fn dot(a: &SVec, b: &SVec) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        let (ka, kb) = (a[i].0, b[j].0);
        if ka == kb {
            s += a[i].1 * b[j].1;
            i += 1;
            j += 1;
        } else if ka < kb {
            i += 1;
        } else {
            j += 1;
        }
    }
    s
}

fn contains(sorted: &[u64], k: u64) -> bool {
    sorted.binary_search(&k).is_ok()
}

fn sorted_unique(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

fn bigrams(tokens: &Tokens) -> Vec<u64> {
    let content: Vec<u64> = tokens
        .words
        .iter()
        .filter(|w| !w.stop)
        .map(|w| w.stem)
        .collect();
    sorted_unique(
        content
            .windows(2)
            .map(|p| p[0].rotate_left(17) ^ p[1])
            .collect(),
    )
}

/// Analysis of a body, reusable across many headlines.
#[derive(Debug, Clone)]
pub struct BodyAnalysis {
    tokens: Tokens,
    vec: SVec,
    lead: SVec,
    sentences: Vec<SVec>,
    stems: Vec<u64>,
    lead_stems: Vec<u64>,
    bigrams: Vec<u64>,
    /// Stem -> term frequency (sorted by stem) for BM25.
    tf: Vec<(u64, u32)>,
    /// Body word features, weighted by normalised term frequency.
    word_feats: Vec<(u64, f32)>,
    cue_counts: [f32; 4],
    cue_feats: Vec<u64>,
}

impl BodyAnalysis {
    pub fn new(text: &str, idf: &Idf) -> Self {
        let tokens = tokenize(text);
        let n = tokens.words.len();
        let vec = tfidf(&tokens, (0, n), idf);
        let lead_end = tokens
            .sentences
            .get(LEAD_SENTENCES.min(tokens.sentences.len()).saturating_sub(1))
            .map_or(0, |s| s.1);
        let lead = tfidf(&tokens, (0, lead_end), idf);
        let sentences = tokens
            .sentences
            .iter()
            .map(|&r| tfidf(&tokens, r, idf))
            .collect();
        let content: Vec<u64> = tokens
            .words
            .iter()
            .filter(|w| !w.stop)
            .map(|w| w.stem)
            .collect();
        let mut all = content.clone();
        all.sort_unstable();
        let mut tf: Vec<(u64, u32)> = Vec::new();
        for k in all {
            match tf.last_mut() {
                Some(last) if last.0 == k => last.1 += 1,
                _ => tf.push((k, 1)),
            }
        }
        let stems: Vec<u64> = tf.iter().map(|p| p.0).collect();
        let lead_stems = sorted_unique(
            tokens
                .words
                .get(..lead_end)
                .unwrap_or(&[])
                .iter()
                .filter(|w| !w.stop)
                .map(|w| w.stem)
                .collect(),
        );
        let bigrams = bigrams(&tokens);
        let norm = tf
            .iter()
            .map(|p| (p.1 as f32) * (p.1 as f32))
            .sum::<f32>()
            .sqrt()
            .max(1.0);
        let word_feats = tf
            .iter()
            .map(|&(k, c)| (fkey(T_BODY, k), c as f32 / norm))
            .collect();
        let mut cue_counts = [0f32; 4];
        let mut cue_feats = Vec::new();
        for &(i, surface) in &tokens.cue_words {
            let flags = tokens.words.get(i).map_or(0, |w| w.cue);
            for (b, slot) in cue_counts.iter_mut().enumerate() {
                if flags & (1 << b) != 0 {
                    *slot += 1.0;
                }
            }
            cue_feats.push(fkey(T_BODY_CUE, surface));
        }
        let cue_feats = sorted_unique(cue_feats);
        BodyAnalysis {
            tokens,
            vec,
            lead,
            sentences,
            stems,
            lead_stems,
            bigrams,
            tf,
            word_feats,
            cue_counts,
            cue_feats,
        }
    }

    /// Number of words in the body.
    pub fn len(&self) -> usize {
        self.tokens.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.words.is_empty()
    }
}

/// Features of one headline/body pair.
#[derive(Debug, Clone, Default)]
pub struct PairFeatures {
    pub sparse: Vec<(u64, f32)>,
    pub dense: [f32; N_DENSE],
}

fn bin(x: f32, edges: &[f32]) -> u64 {
    edges.iter().take_while(|&&e| x >= e).count() as u64
}

fn cue_index(flags: u8) -> impl Iterator<Item = usize> {
    [CUE_REFUTE, CUE_HEDGE, CUE_SUPPORT, CUE_NEGATION]
        .into_iter()
        .enumerate()
        .filter(move |(_, f)| flags & f != 0)
        .map(|(i, _)| i)
}

/// Computes the features of `headline` against an analysed body.
pub fn pair_features(headline: &str, body: &BodyAnalysis, idf: &Idf) -> PairFeatures {
    let h = tokenize(headline);
    let hn = h.words.len();
    let hvec = tfidf(&h, (0, hn), idf);
    let hstems = sorted_unique(h.words.iter().filter(|w| !w.stop).map(|w| w.stem).collect());
    let hbi = bigrams(&h);

    let cos_body = dot(&hvec, &body.vec);
    let cos_lead = dot(&hvec, &body.lead);
    let mut sims: Vec<(f32, usize)> = body
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (dot(&hvec, s), i))
        .collect();
    sims.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let max_sent = sims.first().map_or(0.0, |p| p.0);
    let top3 = sims.iter().take(3).map(|p| p.0).sum::<f32>() / 3.0;
    let n_sim = sims.iter().filter(|p| p.0 > 0.2).count() as f32 / sims.len().max(1) as f32;

    let nh = hstems.len().max(1) as f32;
    let in_body = hstems.iter().filter(|&&k| contains(&body.stems, k)).count() as f32;
    let idf_total: f32 = hstems.iter().map(|&k| idf.get(k)).sum::<f32>().max(1e-3);
    let idf_in: f32 = hstems
        .iter()
        .filter(|&&k| contains(&body.stems, k))
        .map(|&k| idf.get(k))
        .sum();
    let bi_frac = if hbi.is_empty() {
        0.0
    } else {
        hbi.iter().filter(|&&k| contains(&body.bigrams, k)).count() as f32 / hbi.len() as f32
    };
    let in_lead = hstems
        .iter()
        .filter(|&&k| contains(&body.lead_stems, k))
        .count() as f32;

    // BM25 of the body for the headline as a query, normalised by the best possible.
    let (k1, b) = (1.2f32, 0.75f32);
    let dl = body.len() as f32;
    let norm_len = k1 * (1.0 - b + b * dl / idf.avg_len.max(1.0));
    let mut bm25 = 0.0;
    for &k in &hstems {
        if let Ok(i) = body.tf.binary_search_by_key(&k, |p| p.0) {
            let tf = body.tf.get(i).map_or(0.0, |p| p.1 as f32);
            bm25 += idf.get(k) * tf * (k1 + 1.0) / (tf + norm_len);
        }
    }
    let bm25 = bm25 / idf_total;

    // Cue words near headline-term matches, and in the most similar sentences.
    let mut sparse: Vec<(u64, f32)> = Vec::with_capacity(body.word_feats.len() + 64);
    let mut near = [0f32; 4];
    let bw = &body.tokens.words;
    let matches: Vec<usize> = bw
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.stop && contains(&hstems, w.stem))
        .map(|(i, _)| i)
        .collect();
    let mut near_feats = Vec::new();
    for &(i, surface) in &body.tokens.cue_words {
        let close = match matches.binary_search(&i) {
            Ok(_) => true,
            Err(p) => {
                let before = p
                    .checked_sub(1)
                    .and_then(|q| matches.get(q))
                    .is_some_and(|&m| i - m <= NEAR_WINDOW);
                let after = matches.get(p).is_some_and(|&m| m - i <= NEAR_WINDOW);
                before || after
            }
        };
        if close {
            let flags = bw.get(i).map_or(0, |w| w.cue);
            for c in cue_index(flags) {
                near[c] += 1.0;
            }
            near_feats.push(fkey(T_NEAR_CUE, surface));
        }
    }
    let mut top = [0f32; 4];
    let mut top_feats = Vec::new();
    let mut top_stems = Vec::new();
    for &(s, si) in sims.iter().take(2) {
        if s <= 0.0 {
            break;
        }
        if let Some(&(a, z)) = body.tokens.sentences.get(si) {
            for &(i, surface) in &body.tokens.cue_words {
                if i >= a && i < z {
                    let flags = bw.get(i).map_or(0, |w| w.cue);
                    for c in cue_index(flags) {
                        top[c] += 1.0;
                    }
                    top_feats.push(fkey(T_TOP_CUE, surface));
                }
            }
            if top_stems.is_empty() {
                top_stems =
                    sorted_unique(bw.get(a..z).unwrap_or(&[]).iter().map(|w| w.stem).collect());
            }
        }
    }
    let in_top = hstems.iter().filter(|&&k| contains(&top_stems, k)).count() as f32;
    let mut head_cue = [0f32; 4];
    let mut head_flags = 0u8;
    for &(i, surface) in &h.cue_words {
        let flags = h.words.get(i).map_or(0, |w| w.cue);
        head_flags |= flags;
        for c in cue_index(flags) {
            head_cue[c] += 1.0;
        }
        sparse.push((fkey(T_HEAD_CUE, surface), 1.0));
    }

    let l = |x: f32| (1.0 + x).ln();
    let bl = (body.len() as f32).max(1.0);
    let dense = [
        cos_body,
        cos_lead,
        max_sent,
        top3,
        n_sim,
        in_body / nh,
        idf_in / idf_total,
        bi_frac,
        in_lead / nh,
        in_top / nh,
        bm25,
        l(body.len() as f32),
        l(hn as f32),
        l(body.cue_counts[0]),
        l(body.cue_counts[1]),
        l(body.cue_counts[2]),
        l(body.cue_counts[3]),
        100.0 * body.cue_counts[0] / bl,
        100.0 * body.cue_counts[1] / bl,
        l(near[0]),
        l(near[1]),
        l(near[2]),
        l(near[3]),
        l(top[0]),
        l(top[1]),
        l(top[2]),
        l(top[3]),
        head_cue[0] + head_cue[3],
        if h.has_question { 1.0 } else { 0.0 },
        l(body.tokens.n_quotes as f32 * 100.0 / bl),
    ];

    // Sparse features.
    let inv = 1.0 / (hn.max(1) as f32).sqrt();
    for w in &h.words {
        sparse.push((fkey(T_HEAD, w.stem), inv));
    }
    for p in h.words.windows(2) {
        sparse.push((
            fkey(T_HEAD_BI, p[0].surface.rotate_left(9) ^ p[1].surface),
            inv,
        ));
    }
    sparse.extend_from_slice(&body.word_feats);
    for k in sorted_unique(near_feats) {
        sparse.push((k, 1.0));
    }
    for k in sorted_unique(top_feats) {
        sparse.push((k, 1.0));
    }
    for &k in &body.cue_feats {
        sparse.push((k, 0.5));
    }
    // Which lead words the headline shares (topic-independent signal of agreement).
    for &k in &body.lead_stems {
        if contains(&hstems, k) {
            sparse.push((fkey(T_LEAD, 0), 0.2));
        }
    }
    // Headline cue class × body cue class near matches.
    for hc in cue_index(head_flags) {
        for (c, v) in near.iter().enumerate() {
            if *v > 0.0 {
                sparse.push((fkey(T_CUE_PAIR, (hc * 8 + c) as u64), 1.0));
            }
        }
    }
    // Binned similarities so the model sees thresholds directly.
    let edges = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8];
    for (i, x) in [
        cos_body,
        cos_lead,
        max_sent,
        in_body / nh,
        idf_in / idf_total,
        bi_frac,
    ]
    .iter()
    .enumerate()
    {
        sparse.push((fkey(T_BIN, (i as u64) << 8 | bin(*x, &edges)), 1.0));
    }
    PairFeatures { sparse, dense }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idf() -> Idf {
        Idf::new(Model::from_rows(1, vec![], vec![]).unwrap(), 2.0, 300.0)
    }

    #[test]
    fn related_pair_scores_higher_than_unrelated() {
        let idf = idf();
        let body = BodyAnalysis::new(
            "The mayor of Springfield opened a new bridge on Monday. Crowds cheered. The bridge cost millions.",
            &idf,
        );
        let rel = pair_features("Springfield mayor opens bridge", &body, &idf);
        let unrel = pair_features("Pop star announces world tour", &body, &idf);
        assert!(rel.dense[0] > 0.3, "{}", rel.dense[0]);
        assert!(unrel.dense[0] < 0.05);
        assert!(rel.dense[5] > unrel.dense[5]);
        assert!(rel.dense.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn empty_inputs_are_finite() {
        let idf = idf();
        let body = BodyAnalysis::new("", &idf);
        let f = pair_features("", &body, &idf);
        assert!(f.dense.iter().all(|x| x.is_finite()));
    }
}
