//! Grouping claims into propositions.
//!
//! Two clauses from different sources are linked when they are similar
//! (TF-IDF cosine, or weighted overlap for a short clause inside a long one)
//! *and* share a predicate: the same verb or event word, its nominalisation
//! or a synonym, or the same quantity measure. A shared noun phrase alone
//! ("the collapse of the union", "the electoral commission") links only at a
//! much higher similarity. Conditional clauses ("if X, then Y") assert
//! neither side and link to nothing. A denial links to what it denies only
//! when it restates it ("did not dismiss any guards" does not dispute
//! "dismissed the director"). Reports published within days of each other
//! about the same participants (not places), with predicates of one coarse
//! class ("recalling" / "withdrawn"), link at a lower similarity; a clause
//! dated years before the other report is background, not the event.

use crate::lexicon::coarse_class;
use crate::terms::{clause_items, negated_over, Item};
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
    /// Term ids that look like predicates here (sorted).
    pub preds: Vec<u32>,
    /// The clause's sequence, for negation scope.
    pub items: Vec<Item<u32>>,
    /// The clause holds a negation cue.
    pub has_cue: bool,
    pub conditional: bool,
    pub entities: BTreeSet<String>,
    /// Lowercased name tokens of each entity the claim names (aliases
    /// like "Velora" / "Velora Pharma" meet by token containment).
    pub participants: Vec<Vec<String>>,
    /// Coarse event classes of the predicates (sorted).
    pub coarse: Vec<usize>,
    /// The claim's own calendar date, and its document's publication date.
    pub date: Option<String>,
    pub published: Option<String>,
}

impl Prepared {
    fn has_term(&self, t: u32) -> bool {
        self.raw.binary_search_by_key(&t, |x| x.0).is_ok()
    }

    /// Is this clause negated over the terms it shares with `other` (over
    /// all its own terms when `other` is itself)? Claims marked denied
    /// without any cue in the clause count as negated.
    pub fn negated_against(&self, other: &Prepared, modality: &str) -> bool {
        if !self.has_cue {
            return modality == "denied" && !self.conditional;
        }
        let shares = self.raw.iter().any(|(t, _)| other.has_term(*t));
        if !shares {
            return true;
        }
        negated_over(&self.items, |t| other.has_term(*t))
    }
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

/// Do two sorted predicate lists share an id, or does one's predicate occur
/// among the other's terms (a nominalisation tagged as a noun there)?
fn share_predicate(p: &Prepared, q: &Prepared) -> bool {
    p.preds.iter().any(|t| q.has_term(*t)) || q.preds.iter().any(|t| p.has_term(*t))
}

/// Share of the terms a negated clause's cues scope over (from each cue to
/// the next break or second predicate) that the other clause also has; 1
/// for an evaluative cue.
fn coverage(p: &Prepared, q: &Prepared) -> f64 {
    let mut scoped: Vec<u32> = Vec::new();
    // Inside a cue's scope; predicates met there (the second one starts
    // another statement: "no impurity was found in tablets sold in shops").
    let mut on = false;
    let mut preds = 0;
    for it in &p.items {
        match it {
            // "False claims of X" refers to a claim made elsewhere, not
            // restated here.
            Item::Cue { evaluative: true } => return 1.0,
            Item::Cue { .. } => {
                on = true;
                preds = 0;
            }
            Item::Break => on = false,
            Item::Term { term, pred } if on => {
                if *pred {
                    preds += 1;
                    if preds > 1 {
                        on = false;
                        continue;
                    }
                }
                scoped.push(*term);
            }
            Item::Term { .. } => {}
        }
    }
    scoped.sort_unstable();
    scoped.dedup();
    if scoped.is_empty() {
        return 1.0;
    }
    let shared = scoped.iter().filter(|t| q.has_term(**t)).count();
    shared as f64 / scoped.len() as f64
}

/// Share of what a negation scopes over that must be in the clause it
/// contradicts: a denial restates what it denies ("nobody was killed in
/// the clashes" / "two were killed in the clashes"); one that only shares
/// the verb denies something else ("did not dismiss any guards" /
/// "dismissed the director").
const DENIAL_COVERAGE: f64 = 0.7;

/// Can two clauses of opposite polarity over what they share be the same
/// proposition (one disputing the other)? Same polarity always can.
fn polarity_ok(brief: &Brief, p: &Prepared, q: &Prepared) -> bool {
    let modality = |x: &Prepared| {
        brief
            .claims
            .get(x.claim)
            .map_or("", |c| c.modality.as_str())
    };
    let (np, nq) = (
        p.negated_against(q, modality(p)),
        q.negated_against(p, modality(q)),
    );
    match (np, nq) {
        (true, false) => coverage(p, q) >= DENIAL_COVERAGE,
        (false, true) => coverage(q, p) >= DENIAL_COVERAGE,
        _ => true,
    }
}

/// Similarity at which two clauses stating the same value of the same
/// measure link.
const SAME_VALUE_THRESHOLD: f64 = 0.2;

/// Similarity at which two clauses about the same participants (two shared
/// entities, or one and the same value or date), reported at about the same
/// time, link when their predicates are of one coarse class.
const PARTICIPANTS_THRESHOLD: f64 = 0.1;

/// The same with one shared entity only.
const ONE_PARTICIPANT_THRESHOLD: f64 = 0.28;

/// Days between publications within which two reports can describe one
/// event by its participants.
const NEAR_DAYS: i64 = 7;

/// Year, month and day of a calendar value (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, a time of day ignored); month and day 0 when absent.
fn ymd(v: &str) -> Option<(i64, i64, i64)> {
    let day = v.split('T').next().unwrap_or(v);
    let mut it = day.split('-');
    let num = |x: Option<&str>, len: usize| -> Option<Option<i64>> {
        match x {
            None => Some(None),
            Some(t) if t.len() == len && t.bytes().all(|b| b.is_ascii_digit()) => {
                t.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let y = num(it.next(), 4)??;
    let m = num(it.next(), 2)?.unwrap_or(0);
    let d = num(it.next(), 2)?.unwrap_or(0);
    if it.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

/// Approximate day number (for distances of days, not calendars).
fn day_number(v: &str) -> Option<i64> {
    let (y, m, d) = ymd(v)?;
    Some(y * 372 + m.max(1) * 31 + d.max(1))
}

/// Is one clause dated years away from when the other was reported? A
/// claim dated in 2019 in a 2025 report ("has bought three chains since
/// 2019", "no escape since 1998") is background, not the undated event
/// the other report covers. Two dated claims are left to the date
/// discrepancy check.
fn years_apart(p: &Prepared, q: &Prepared) -> bool {
    let far = |dated: &Prepared, other: &Prepared| {
        let (Some(d), Some(pubd)) = (dated.date.as_deref(), other.published.as_deref()) else {
            return false;
        };
        match (ymd(d), ymd(pubd)) {
            (Some((y, _, _)), Some((py, _, _))) => (y - py).abs() >= 2,
            _ => false,
        }
    };
    match (p.date.is_some(), q.date.is_some()) {
        (true, false) => far(p, q),
        (false, true) => far(q, p),
        _ => false,
    }
}

/// Were the two reports published within [`NEAR_DAYS`] of each other?
/// Unknown dates are not near: without the timing, shared participants do
/// not tell one event from another (an ouster now, a resignation years ago).
fn reported_near(p: &Prepared, q: &Prepared) -> bool {
    match (
        p.published.as_deref().and_then(day_number),
        q.published.as_deref().and_then(day_number),
    ) {
        (Some(a), Some(b)) => (a - b).abs() <= NEAR_DAYS,
        _ => false,
    }
}

/// One name's tokens all among the other's ("Velora" / "Velora Pharma").
fn same_participant(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|t| long.contains(t))
}

/// Entities the two clauses share, one-to-one.
fn shared_participants(p: &Prepared, q: &Prepared) -> usize {
    let mut used = vec![false; q.participants.len()];
    let mut n = 0;
    for a in &p.participants {
        if let Some(k) = q
            .participants
            .iter()
            .enumerate()
            .position(|(k, b)| !used[k] && same_participant(a, b))
        {
            used[k] = true;
            n += 1;
        }
    }
    n
}

/// Do the clauses have predicates of one coarse class?
fn coarse_match(p: &Prepared, q: &Prepared) -> bool {
    p.coarse.iter().any(|c| q.coarse.binary_search(c).is_ok())
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

/// Unit-length sentence vectors of the clauses, when an encoder is set and
/// answers with one vector of one dimension per text.
fn embeddings(
    brief: &Brief,
    prepared: &[Prepared],
    opts: &CompareOptions,
) -> Option<Vec<Vec<f32>>> {
    let enc = opts.encoder.as_ref()?;
    if prepared.is_empty() {
        return None;
    }
    let texts: Vec<&str> = prepared
        .iter()
        .map(|p| {
            let t = &brief.claims[p.claim].text;
            t.get(p.clause.0..p.clause.1).unwrap_or(t.as_str())
        })
        .collect();
    let mut vs = enc.encode(&texts).ok()?;
    let dim = vs.first()?.len();
    if vs.len() != texts.len() || dim == 0 || vs.iter().any(|v| v.len() != dim) {
        return None;
    }
    for v in &mut vs {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if !n.is_finite() || n <= 1e-12 {
            v.iter_mut().for_each(|x| *x = 0.0);
        } else {
            v.iter_mut().for_each(|x| *x /= n);
        }
    }
    Some(vs)
}

fn dot(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x * y) as f64).sum()
}

/// Candidate pairs from random-hyperplane LSH over the embeddings: a few
/// tables of short signatures; oversized buckets are skipped, so the work
/// stays near-linear.
fn lsh_pairs(vs: &[Vec<f32>]) -> Vec<(usize, usize)> {
    const TABLES: usize = 6;
    const BITS: usize = 10;
    const MAX_BUCKET: usize = 64;
    let dim = vs.first().map(|v| v.len()).unwrap_or(0);
    // Deterministic hyperplanes (SplitMix64).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    let planes: Vec<Vec<f32>> = (0..TABLES * BITS)
        .map(|_| (0..dim).map(|_| next() as f32).collect())
        .collect();
    let mut pairs = Vec::new();
    for t in 0..TABLES {
        let mut buckets: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, v) in vs.iter().enumerate() {
            if v.iter().all(|x| *x == 0.0) {
                continue;
            }
            let mut sig = 0u32;
            for b in 0..BITS {
                if dot(&planes[t * BITS + b], v) >= 0.0 {
                    sig |= 1 << b;
                }
            }
            buckets.entry(sig).or_default().push(i);
        }
        for list in buckets.values() {
            if list.len() > MAX_BUCKET {
                continue;
            }
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
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
    // Quantity measures and values by claim: a shared measure is a shared
    // predicate ("61 percent of the vote" / "61% of the ballots").
    let mut numbers: HashMap<&str, Vec<(usize, String, String)>> = HashMap::new();
    for q in &brief.quantities {
        if let (Some(c), Some(m)) = (q.claim.as_deref(), q.measure.as_deref()) {
            let value = q.value.map(|v| format!("#v:{m}:{v}")).unwrap_or_default();
            numbers
                .entry(c)
                .or_default()
                .push((q.start, format!("#m:{m}"), value));
        }
    }
    // Term ids and document frequencies.
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut intern = |t: String, df: &mut Vec<u32>| {
        let next = vocab.len() as u32;
        let id = *vocab.entry(t).or_insert(next);
        if id as usize >= df.len() {
            df.resize(id as usize + 1, 0);
        }
        id
    };
    struct Raw {
        claim: usize,
        clause: (usize, usize),
        items: Vec<Item<u32>>,
        conditional: bool,
    }
    let mut raw: Vec<Raw> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    for (ci, c) in brief.claims.iter().enumerate() {
        if !analysed.contains(c.doc.as_str()) {
            continue;
        }
        let clauses = clause_items(&c.text);
        let n_clauses = clauses.len();
        for (k, cl) in clauses.into_iter().enumerate() {
            let mut items: Vec<Item<u32>> = cl
                .items
                .into_iter()
                .map(|it| match it {
                    Item::Term { term, pred } => Item::Term {
                        term: intern(term, &mut df),
                        pred,
                    },
                    Item::Cue { evaluative } => Item::Cue { evaluative },
                    Item::Break => Item::Break,
                })
                .collect();
            // The claim's numbers go to the clause that holds them.
            if let Some(qs) = numbers.get(c.id.as_str()) {
                for (start, m, v) in qs {
                    let off = start.saturating_sub(c.start);
                    let here = (off >= cl.range.0 && off < cl.range.1)
                        || (k == 0 && (off >= c.text.len() || n_clauses == 1));
                    if !here {
                        continue;
                    }
                    items.push(Item::Break);
                    items.push(Item::Term {
                        term: intern(m.clone(), &mut df),
                        pred: true,
                    });
                    if !v.is_empty() {
                        items.push(Item::Term {
                            term: intern(v.clone(), &mut df),
                            pred: false,
                        });
                    }
                }
            }
            let uniq: BTreeSet<u32> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Term { term, .. } => Some(*term),
                    _ => None,
                })
                .collect();
            for &t in &uniq {
                df[t as usize] += 1;
            }
            raw.push(Raw {
                claim: ci,
                clause: cl.range,
                items,
                conditional: cl.conditional,
            });
        }
    }
    let n = raw.len().max(1) as f64;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f64 + 1.0)).ln() as f32 + 1.0)
        .collect();
    let mut names: Vec<&str> = vec![""; vocab.len()];
    for (k, &id) in &vocab {
        if let Some(slot) = names.get_mut(id as usize) {
            *slot = k.as_str();
        }
    }
    // Places and demonyms set the scene of a whole story (the country, "the
    // Russians"): only people, organisations and things are participants.
    let entity_names: HashMap<&str, Option<&str>> = brief
        .entities
        .iter()
        .map(|e| {
            let place = matches!(e.kind.as_str(), "GPE" | "LOC" | "NORP" | "FAC");
            (e.id.as_str(), (!place).then_some(e.name.as_str()))
        })
        .collect();
    let published: HashMap<&str, &str> = brief
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.published.as_deref()?)))
        .collect();
    let mut prepared = Vec::with_capacity(raw.len());
    for r in raw {
        let mut ids: Vec<u32> = Vec::new();
        let mut preds: Vec<u32> = Vec::new();
        let mut has_cue = false;
        for it in &r.items {
            match it {
                Item::Term { term, pred, .. } => {
                    ids.push(*term);
                    if *pred {
                        preds.push(*term);
                    }
                }
                Item::Cue { .. } => has_cue = true,
                Item::Break => {}
            }
        }
        ids.sort_unstable();
        preds.sort_unstable();
        preds.dedup();
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
        let c = &brief.claims[r.claim];
        let participants = c
            .entities
            .iter()
            .filter_map(|id| {
                let name = entity_names
                    .get(id.as_str())
                    .copied()
                    .unwrap_or(Some(id.as_str()))?;
                Some(
                    name.split(|ch: char| !ch.is_alphanumeric())
                        .filter(|t| !t.is_empty())
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|t| !t.is_empty())
            .collect();
        let mut coarse: Vec<usize> = preds
            .iter()
            .filter_map(|t| names.get(*t as usize).and_then(|n| coarse_class(n)))
            .collect();
        coarse.sort_unstable();
        coarse.dedup();
        prepared.push(Prepared {
            claim: r.claim,
            clause: r.clause,
            source: sources
                .get(&c.doc)
                .cloned()
                .unwrap_or_else(|| c.doc.clone()),
            vector: v,
            raw: raw_weights,
            preds,
            items: r.items,
            has_cue,
            conditional: r.conditional,
            entities: c.entities.iter().cloned().collect(),
            participants,
            coarse,
            date: c.date.clone(),
            published: published.get(c.doc.as_str()).map(|d| d.to_string()),
        });
    }
    let value_terms: BTreeSet<u32> = vocab
        .iter()
        .filter(|(k, _)| k.starts_with("#v:"))
        .map(|(_, &id)| id)
        .collect();
    let measure_terms: BTreeSet<u32> = vocab
        .iter()
        .filter(|(k, _)| k.starts_with("#m:"))
        .map(|(_, &id)| id)
        .collect();
    let emb = embeddings(brief, &prepared, opts);
    // Inverted index over terms rare enough to be informative: blocking
    // keeps candidate search far below all-pairs.
    let cap = ((n * 0.05) as u32).max(300);
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for (pi, p) in prepared.iter().enumerate() {
        if p.conditional {
            continue;
        }
        for &(t, _) in &p.vector {
            if df.get(t as usize).copied().unwrap_or(0) <= cap {
                index.entry(t).or_default().push(pi);
            }
        }
    }
    let linkable = |p: &Prepared, q: &Prepared| {
        q.source != p.source && q.claim != p.claim && !p.conditional && !q.conditional
    };
    // Candidates: clauses sharing two or more indexed terms, plus (with an
    // encoder) neighbours by LSH.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut seen: HashMap<usize, u32> = HashMap::new();
    for (pi, p) in prepared.iter().enumerate() {
        if p.conditional {
            continue;
        }
        seen.clear();
        for &(t, _) in &p.vector {
            if let Some(list) = index.get(&t) {
                for &pj in list {
                    if pj > pi && linkable(p, &prepared[pj]) {
                        *seen.entry(pj).or_insert(0) += 1;
                    }
                }
            }
        }
        candidates.extend(
            seen.iter()
                .filter(|(_, &shared)| shared >= 2)
                .map(|(&pj, _)| (pi, pj)),
        );
    }
    if let Some(vs) = &emb {
        candidates.extend(
            lsh_pairs(vs)
                .into_iter()
                .filter(|&(a, b)| linkable(&prepared[a], &prepared[b])),
        );
        candidates.sort_unstable();
        candidates.dedup();
    }
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    for (pi, pj) in candidates {
        let (p, q) = (&prepared[pi], &prepared[pj]);
        let (ov, n_shared) = overlap(&p.raw, &q.raw);
        let mut lex = cosine(&p.vector, &q.vector);
        if n_shared >= 3 {
            lex = lex.max(0.75 * ov);
        }
        let e = emb.as_ref().map(|vs| dot(&vs[pi], &vs[pj]));
        // Embeddings add to the lexical score only where they are confident
        // (same-story sentences are all fairly close in embedding space), and
        // a near-paraphrase links on its own.
        let sim = match e {
            Some(e) if e >= opts.embedding_same => lex.max(e),
            Some(e) => lex + opts.embedding_weight * (e - opts.embedding_floor).max(0.0),
            None => lex,
        };
        let mut threshold = if p.entities.intersection(&q.entities).next().is_some() {
            opts.same_threshold_with_entity
        } else {
            opts.same_threshold
        };
        // The same count of the same measure ("1,500 residents were told to
        // leave" / "about 1,500 people were evacuated") is strong evidence
        // on its own.
        if p.raw
            .iter()
            .any(|(t, _)| value_terms.contains(t) && q.has_term(*t))
        {
            threshold = threshold.min(SAME_VALUE_THRESHOLD);
        }
        if years_apart(p, q) {
            continue;
        }
        let same_value = p
            .raw
            .iter()
            .any(|(t, _)| value_terms.contains(t) && q.has_term(*t));
        let mut anchored = share_predicate(p, q)
            || lex >= opts.same_threshold_without_predicate
            || e.is_some_and(|e| e >= opts.embedding_same);
        // The same participants at about the same time, doing one kind of
        // thing: a lower bar for differently worded reports of one event.
        // Numbers of different measures on both sides ("bought it for 1.2
        // billion" / "400 jobs will go") put the focus on different facts.
        let valued = |x: &Prepared| x.raw.iter().any(|(t, _)| value_terms.contains(t));
        let other_numbers = valued(p)
            && valued(q)
            && !same_value
            && !p
                .raw
                .iter()
                .any(|(t, _)| measure_terms.contains(t) && q.has_term(*t));
        let kin = share_predicate(p, q) || coarse_match(p, q);
        if kin && !other_numbers && reported_near(p, q) {
            let shared = shared_participants(p, q);
            let same_date = matches!((&p.date, &q.date), (Some(a), Some(b)) if ymd(a).is_some() && ymd(b).is_some() && (a.starts_with(b.as_str()) || b.starts_with(a.as_str())));
            if shared >= 2 || (shared == 1 && (same_value || same_date)) {
                threshold = threshold.min(PARTICIPANTS_THRESHOLD);
                anchored = true;
            } else if shared == 1 {
                threshold = threshold.min(ONE_PARTICIPANT_THRESHOLD);
                anchored = true;
            }
        }
        if sim >= threshold && anchored && polarity_ok(brief, p, q) {
            edges.push((sim, pi, pj));
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

#[cfg(test)]
mod tests {
    use crate::tests::{claim, doc, qty};
    use crate::{cross_check, CompareOptions};
    use crosscheck_brief::Brief;

    fn status_of(texts: [&str; 2]) -> (usize, String) {
        let b = Brief {
            documents: vec![doc("a", "2024-03-06"), doc("b", "2024-03-07")],
            claims: vec![
                claim("a#c0", "a", texts[0], "author", "asserted", &["e1"]),
                claim("b#c0", "b", texts[1], "author", "asserted", &["e1"]),
            ],
            ..Default::default()
        };
        let cc = cross_check(&b, &CompareOptions::default());
        let p = cc
            .propositions
            .iter()
            .find(|p| p.claims.iter().any(|c| c == "a#c0"))
            .expect("a proposition for a#c0");
        (p.claims.len(), p.status.clone())
    }

    #[test]
    fn a_denial_must_restate_what_it_denies() {
        // Same verb, another object: not a dispute.
        let (n, _) = status_of([
            "The justice ministry dismissed the prison director, Hana Ruud.",
            "The justice ministry did not dismiss any guards.",
        ]);
        assert_eq!(n, 1);
        // The denial restates the claim: contested.
        let (n, status) = status_of([
            "Tests found a dangerous impurity in the tablets.",
            "No impurity has been found in the tablets sold in pharmacies.",
        ]);
        assert_eq!((n, status.as_str()), (2, "contested"));
    }

    /// Size of the proposition holding `a#c0`, for two one-claim documents.
    fn linked(published: [Option<&str>; 2], claims: [(&str, &[&str], Option<&str>); 2]) -> usize {
        let mut b = Brief::default();
        for (k, id) in ["a", "b"].iter().enumerate() {
            let mut d = doc(id, "2024-01-01");
            d.published = published[k].map(str::to_string);
            b.documents.push(d);
            let (text, entities, date) = claims[k];
            let mut c = claim(
                &format!("{id}#c0"),
                id,
                text,
                "author",
                "asserted",
                entities,
            );
            c.date = date.map(str::to_string);
            b.claims.push(c);
        }
        let cc = cross_check(&b, &CompareOptions::default());
        cc.propositions
            .iter()
            .find(|p| p.claims.iter().any(|c| c == "a#c0"))
            .map_or(0, |p| p.claims.len())
    }

    const RECALL: &str = "Orvik Labs is recalling all batches of its allergy drug Lumeral.";
    const PULL: &str = "Orvik is voluntarily pulling Lumeral from the market as a precaution.";

    #[test]
    fn same_participants_at_the_same_time_link_loosely_worded_events() {
        let days = [Some("2024-05-12"), Some("2024-05-13")];
        let (orvik, lumeral): (&[&str], &[&str]) =
            (&["E:orvik labs", "E:lumeral"], &["E:orvik", "E:lumeral"]);
        assert_eq!(
            linked(days, [(RECALL, orvik, None), (PULL, lumeral, None)]),
            2
        );
        // Without the timing, or a month apart, or with one participant
        // only, the wording alone is too far apart.
        assert_eq!(
            linked([None, None], [(RECALL, orvik, None), (PULL, lumeral, None)]),
            1
        );
        assert_eq!(
            linked(
                [Some("2024-05-12"), Some("2024-06-20")],
                [(RECALL, orvik, None), (PULL, lumeral, None)]
            ),
            1
        );
        assert_eq!(
            linked(
                days,
                [(RECALL, &["E:lumeral"], None), (PULL, lumeral, None)]
            ),
            1
        );
        // Predicates of different kinds about the same participants.
        let licence = "Orvik Labs lost its licence to make Lumeral.";
        assert_eq!(
            linked(days, [(licence, orvik, None), (PULL, lumeral, None)]),
            1
        );
    }

    #[test]
    fn numbers_of_other_measures_keep_the_participant_rule_off() {
        let mut b = Brief {
            documents: vec![doc("a", "2025-04-03"), doc("b", "2025-04-03")],
            claims: vec![
                claim(
                    "a#c0",
                    "a",
                    "Tamsin raised tariffs on Ostrian steel to 25 percent.",
                    "author",
                    "asserted",
                    &["E:tamsin"],
                ),
                claim(
                    "b#c0",
                    "b",
                    "Tamsin's steel output rose 4 percent last year.",
                    "author",
                    "asserted",
                    &["E:tamsin"],
                ),
            ],
            ..Default::default()
        };
        for (d, text, v, m) in [
            ("a", "25 percent", 25.0, "tariff"),
            ("b", "4 percent", 4.0, "increase"),
        ] {
            let mut q = qty(d, text, v, "exact", m);
            q.claim = Some(format!("{d}#c0"));
            b.quantities.push(q);
        }
        let cc = cross_check(&b, &CompareOptions::default());
        assert!(
            cc.propositions.iter().all(|p| p.claims.len() == 1),
            "{:?}",
            cc.propositions
        );
    }

    #[test]
    fn background_dated_years_before_the_report_is_another_event() {
        let days = [Some("2025-01-09"), Some("2025-01-09")];
        let jail: &[&str] = &["E:kestrel prison"];
        let escaped = "Three inmates escaped from Kestrel Prison on Sunday night.";
        let since = "Kestrel Prison has not had an escape since 1998.";
        assert_eq!(
            linked(days, [(escaped, jail, None), (since, jail, Some("1998"))]),
            1
        );
        // The same sentence dated this year does dispute the escape.
        assert_eq!(
            linked(
                days,
                [
                    (escaped, jail, None),
                    (
                        "Nobody escaped from Kestrel Prison on Sunday.",
                        jail,
                        Some("2025-01-05")
                    )
                ]
            ),
            2
        );
    }

    #[test]
    fn paraphrased_events_link() {
        let (n, status) = status_of([
            "Trade talks between Arden and Vell collapsed on Thursday.",
            "The trade negotiations between Arden and Vell broke down on Thursday.",
        ]);
        assert_eq!((n, status.as_str()), (2, "consensus"));
    }
}
