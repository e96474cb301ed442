//! Exact and near-duplicate detection across a batch (syndicated copies,
//! the same article saved twice). Exact: hash of the normalised body.
//! Near: MinHash over word 5-shingles with LSH banding to find candidates,
//! confirmed by the exact Jaccard of the shingle sets (>= 0.8).
//! Deterministic: documents are compared in input order and a copy points
//! at the earliest original.

use crosscheck_doc::{DocStatus, Document, SegmentKind};
use std::collections::HashMap;

/// Jaccard similarity of shingle sets at or above which two bodies are copies.
pub const NEAR_DUP_JACCARD: f64 = 0.8;
const SHINGLE: usize = 5;
const BANDS: usize = 16;
const ROWS: usize = 4;
const PERMS: usize = BANDS * ROWS;

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut z: u64) -> u64 {
    // SplitMix64 finaliser: a cheap independent-looking hash per permutation.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lowercased alphanumeric words of the body.
fn words(doc: &Document) -> Vec<String> {
    let text = doc.text();
    let mut body = String::new();
    let segs: Vec<_> = doc
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Body)
        .collect();
    if segs.is_empty() {
        body.push_str(text);
    } else {
        for s in segs {
            body.push_str(doc.slice(s.span));
            body.push(' ');
        }
    }
    body.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

struct Sketch {
    exact: u64,
    shingles: Vec<u64>,
    sig: Vec<u64>,
}

fn sketch(doc: &Document) -> Option<Sketch> {
    let w = words(doc);
    if w.is_empty() {
        return None;
    }
    let joined = w.join(" ");
    let exact = fnv1a(joined.as_bytes(), 0);
    let mut shingles: Vec<u64> = if w.len() < SHINGLE {
        vec![exact]
    } else {
        w.windows(SHINGLE)
            .map(|win| fnv1a(win.join(" ").as_bytes(), 1))
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    let sig = (0..PERMS as u64)
        .map(|p| {
            let salt = mix(p.wrapping_add(0x9e37_79b9_7f4a_7c15));
            shingles
                .iter()
                .map(|&s| mix(s ^ salt))
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect();
    Some(Sketch {
        exact,
        shingles,
        sig,
    })
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Sets `duplicate_of` on every analysed document whose body copies an
/// earlier one (exactly or with Jaccard >= [`NEAR_DUP_JACCARD`]), naming the
/// earliest original. Skipped documents are ignored.
pub fn mark_duplicates(docs: &mut [Document]) {
    let sketches: Vec<Option<Sketch>> = docs
        .iter()
        .map(|d| {
            if d.status == DocStatus::Analyzed {
                sketch(d)
            } else {
                None
            }
        })
        .collect();
    let mut exact: HashMap<u64, usize> = HashMap::new();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut original: Vec<Option<usize>> = vec![None; docs.len()];
    for (j, sk) in sketches.iter().enumerate() {
        let Some(sk) = sk else { continue };
        let mut found = exact.get(&sk.exact).copied();
        let keys: Vec<(usize, u64)> = sk
            .sig
            .chunks(ROWS)
            .enumerate()
            .map(|(b, rows)| {
                let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
                (b, fnv1a(&bytes, 2))
            })
            .collect();
        if found.is_none() {
            let mut cands: Vec<usize> = keys
                .iter()
                .filter_map(|k| buckets.get(k))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            found = cands.into_iter().find(|&i| {
                sketches[i]
                    .as_ref()
                    .is_some_and(|o| jaccard(&o.shingles, &sk.shingles) >= NEAR_DUP_JACCARD)
            });
        }
        match found {
            Some(i) => original[j] = Some(original[i].unwrap_or(i)),
            None => {
                exact.insert(sk.exact, j);
                for k in keys {
                    buckets.entry(k).or_default().push(j);
                }
            }
        }
    }
    let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    for (doc, orig) in docs.iter_mut().zip(original) {
        if let Some(i) = orig {
            doc.duplicate_of = ids.get(i).cloned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Dock workers in Port Averne walked out on Tuesday after talks with the ministry collapsed. The union said 4,000 members joined the strike and that the container terminal would stay closed until wages were raised. Police arrested twelve people near the gates on Wednesday morning, officials said.";

    #[test]
    fn exact_and_near_copies() {
        let near = format!("{BASE} Additional reporting by staff.");
        let mut docs = vec![
            Document::new("a", BASE),
            Document::new(
                "b",
                "Something entirely different about a football match and the weather in spring.",
            ),
            Document::new("c", BASE.to_uppercase()),
            Document::new("d", near),
        ];
        mark_duplicates(&mut docs);
        assert_eq!(docs[0].duplicate_of, None);
        assert_eq!(docs[1].duplicate_of, None);
        assert_eq!(docs[2].duplicate_of.as_deref(), Some("a"));
        assert_eq!(docs[3].duplicate_of.as_deref(), Some("a"));
    }

    #[test]
    fn rewritten_story_is_not_a_copy() {
        let other = "The ministry said the strike in Port Averne was illegal and that twelve people were detained on Wednesday. Union leaders disputed that account, saying dozens had been arrested.";
        let mut docs = vec![Document::new("a", BASE), Document::new("b", other)];
        mark_duplicates(&mut docs);
        assert_eq!(docs[1].duplicate_of, None);
    }

    #[test]
    fn skipped_docs_are_ignored() {
        let mut docs = vec![Document::new("a", BASE), Document::new("b", BASE)];
        docs[0].skip("unsupported language: fr");
        mark_duplicates(&mut docs);
        assert_eq!(docs[1].duplicate_of, None);
    }
}
