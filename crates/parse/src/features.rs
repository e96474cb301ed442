//! Feature templates for transitions and labels. Every template is always
//! emitted (absent positions hash as NONE), so template ids depend only on
//! code order; changing anything here means bumping `FEATURE_VERSION`.

use crate::system::{State, NONE, NO_LABEL};
use crosscheck_learn::{hash_str, mix, FeatureSet};

const K_NONE: u64 = 0x6a09_e667_f3bc_c908;
const K_ROOT: u64 = 0xbb67_ae85_84ca_a73b;

/// Hash of a word after lowercasing and mapping digits to 0, so "1999" and
/// "2003" share weights.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut push = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for c in w.chars() {
        if c.is_ascii_digit() {
            push('0');
        } else if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    mix(h)
}

/// Hash of the last three characters of a word (lowercased, digits as 0):
/// morphology that does not depend on the tagger.
fn suffix_hash(w: &str) -> u64 {
    let start = w.char_indices().rev().nth(2).map(|(i, _)| i).unwrap_or(0);
    word_hash(w.get(start..).unwrap_or(w)) ^ 0x5bd1_e995
}

/// Per-token hashes of one sentence; index 0 is the artificial root.
pub struct Sentence {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    x: Vec<u64>,
    /// Prefix counts of punctuation and of verbs (index t: tokens before t).
    pc: Vec<u16>,
    vc: Vec<u16>,
}

impl Sentence {
    /// Hashes one sentence's words and tags.
    pub fn new(words: &[&str], upos: &[&str], xpos: &[&str]) -> Sentence {
        let n = words.len();
        let mut w = Vec::with_capacity(n + 1);
        let mut p = Vec::with_capacity(n + 1);
        let mut u = Vec::with_capacity(n + 1);
        let mut x = Vec::with_capacity(n + 1);
        w.push(K_ROOT);
        p.push(K_ROOT);
        u.push(K_ROOT);
        x.push(K_ROOT);
        let mut pc = Vec::with_capacity(n + 2);
        let mut vc = Vec::with_capacity(n + 2);
        pc.push(0u16);
        pc.push(0u16);
        vc.push(0u16);
        vc.push(0u16);
        for (i, word) in words.iter().enumerate() {
            let tag = upos.get(i).copied().unwrap_or("_");
            let (lp, lv) = (
                pc.last().copied().unwrap_or(0),
                vc.last().copied().unwrap_or(0),
            );
            pc.push(lp.saturating_add((tag == "PUNCT") as u16));
            vc.push(lv.saturating_add(matches!(tag, "VERB" | "AUX") as u16));
            w.push(word_hash(word));
            x.push(suffix_hash(word));
            p.push(hash_str(xpos.get(i).copied().unwrap_or("_")));
            u.push(hash_str(upos.get(i).copied().unwrap_or("_")));
        }
        Sentence { w, p, u, x, pc, vc }
    }

    #[inline]
    fn w(&self, t: u32) -> u64 {
        self.w.get(t as usize).copied().unwrap_or(K_NONE)
    }
    #[inline]
    fn p(&self, t: u32) -> u64 {
        self.p.get(t as usize).copied().unwrap_or(K_NONE)
    }
    #[inline]
    fn u(&self, t: u32) -> u64 {
        self.u.get(t as usize).copied().unwrap_or(K_NONE)
    }
    /// Punctuation and verbs strictly between tokens `a` and `b`, capped.
    fn between(&self, a: u32, b: u32) -> (u64, u64) {
        if a == NONE || b == NONE {
            return (3000, 3000);
        }
        let (lo, hi) = (a.min(b) as usize + 1, a.max(b) as usize);
        let c = |v: &[u16]| {
            let x = v.get(hi).copied().unwrap_or(0);
            let y = v.get(lo).copied().unwrap_or(0);
            x.saturating_sub(y).min(3) as u64 + 3001
        };
        (c(&self.pc), c(&self.vc))
    }
    #[inline]
    fn x(&self, t: u32) -> u64 {
        self.x.get(t as usize).copied().unwrap_or(K_NONE)
    }
}

/// Emits conjunction features with consecutive template ids.
struct Fx<'a> {
    fs: &'a mut FeatureSet,
    t: u64,
}

impl Fx<'_> {
    #[inline]
    fn add(&mut self, parts: &[u64]) {
        let mut h = self.t.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for p in parts {
            h = mix(h ^ p);
        }
        self.fs.add_key(h);
        self.t += 1;
    }
}

#[inline]
fn at(v: &[u32], t: u32) -> u32 {
    v.get(t as usize).copied().unwrap_or(NONE)
}

#[inline]
fn lab(st: &State, t: u32) -> u64 {
    st.label.get(t as usize).copied().unwrap_or(NO_LABEL) as u64 + 1000
}

#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=5 => d as u64,
        6..=7 => 6,
        8..=10 => 7,
        _ => 8,
    }
}

#[inline]
fn small(v: &[u8], t: u32) -> u64 {
    v.get(t as usize).copied().unwrap_or(0).min(6) as u64 + 2000
}

#[inline]
fn set(v: &[u64], t: u32) -> u64 {
    v.get(t as usize).copied().unwrap_or(0)
}

/// Features of the configuration for choosing the next transition.
pub fn transition(s: &Sentence, st: &State, fs: &mut FeatureSet, version: u32) {
    let mut f = Fx { fs, t: 0 };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0p, s1w, s1p, s2w, s2p) = (s.w(s0), s.p(s0), s.w(s1), s.p(s1), s.w(s2), s.p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (s.w(b0), s.p(b0), s.w(b1), s.p(b1), s.w(b2), s.p(b2));
    // Children of the stack top, second item and buffer front.
    let (s0l1, s0l2, s0r1, s0r2) = (
        at(&st.l1, s0),
        at(&st.l2, s0),
        at(&st.r1, s0),
        at(&st.r2, s0),
    );
    let (s1l1, s1l2, s1r1, s1r2) = (
        at(&st.l1, s1),
        at(&st.l2, s1),
        at(&st.r1, s1),
        at(&st.r2, s1),
    );
    let (b0l1, b0l2) = (at(&st.l1, b0), at(&st.l2, b0));

    // Unigrams.
    for (w, p) in [
        (s0w, s0p),
        (s1w, s1p),
        (s2w, s2p),
        (b0w, b0p),
        (b1w, b1p),
        (b2w, b2p),
    ] {
        f.add(&[w, p]);
        f.add(&[w]);
        f.add(&[p]);
    }
    f.add(&[s.u(s0)]);
    f.add(&[s.u(s1)]);
    f.add(&[s.u(b0)]);
    // Pairs.
    for (aw, ap, bw, bp) in [(s0w, s0p, b0w, b0p), (s1w, s1p, s0w, s0p)] {
        f.add(&[aw, ap, bw, bp]);
        f.add(&[aw, ap, bw]);
        f.add(&[aw, bw, bp]);
        f.add(&[aw, ap, bp]);
        f.add(&[ap, bw, bp]);
        f.add(&[aw, bw]);
        f.add(&[ap, bp]);
    }
    f.add(&[s1p, b0p]);
    f.add(&[s1w, b0w]);
    f.add(&[b0p, b1p]);
    f.add(&[b0w, b1w]);
    // Triples.
    f.add(&[b0p, b1p, b2p]);
    f.add(&[s0p, b0p, b1p]);
    f.add(&[s1p, s0p, b0p]);
    f.add(&[s2p, s1p, s0p]);
    f.add(&[s1p, s0p, b1p]);
    f.add(&[s0p, s.p(s0l1), b0p]);
    f.add(&[s0p, s.p(s0r1), b0p]);
    f.add(&[s0p, b0p, s.p(b0l1)]);
    f.add(&[s1p, s.p(s1r1), s0p]);
    f.add(&[s1p, s.p(s1l1), s0p]);
    f.add(&[s1p, s0p, s.p(s0l1)]);
    f.add(&[s1p, s0p, s.p(s0r1)]);
    // Distances.
    let d = dist(s0, b0);
    f.add(&[s0w, d]);
    f.add(&[s0p, d]);
    f.add(&[b0w, d]);
    f.add(&[b0p, d]);
    f.add(&[s0w, b0w, d]);
    f.add(&[s0p, b0p, d]);
    let d = dist(s1, s0);
    f.add(&[s1p, d]);
    f.add(&[s0p, d]);
    f.add(&[s1w, s0w, d]);
    f.add(&[s1p, s0p, d]);
    // Valency.
    let (s0vl, s0vr, s1vl, s1vr, b0vl) = (
        small(&st.nl, s0),
        small(&st.nr, s0),
        small(&st.nl, s1),
        small(&st.nr, s1),
        small(&st.nl, b0),
    );
    f.add(&[s0w, s0vl]);
    f.add(&[s0p, s0vl]);
    f.add(&[s0w, s0vr]);
    f.add(&[s0p, s0vr]);
    f.add(&[s1p, s1vl]);
    f.add(&[s1p, s1vr]);
    f.add(&[s1w, s1vr]);
    f.add(&[b0w, b0vl]);
    f.add(&[b0p, b0vl]);
    // Children.
    for c in [s0l1, s0r1, s0l2, s0r2, s1l1, s1r1, b0l1, b0l2] {
        f.add(&[s.w(c)]);
        f.add(&[s.p(c)]);
        f.add(&[lab(st, c)]);
    }
    f.add(&[s.p(s1r2)]);
    f.add(&[lab(st, s1r2)]);
    f.add(&[s0p, s.p(s0l1), s.p(s0l2)]);
    f.add(&[s0p, s.p(s0r1), s.p(s0r2)]);
    f.add(&[s1p, s.p(s1r1), s.p(s1r2)]);
    f.add(&[s1p, s.p(s1l1), s.p(s1l2)]);
    f.add(&[b0p, s.p(b0l1), s.p(b0l2)]);
    f.add(&[s0p, lab(st, s0l1), lab(st, s0r1)]);
    f.add(&[s1p, lab(st, s1l1), lab(st, s1r1)]);
    // Label sets.
    let (s0sl, s0sr, s1sl, s1sr, b0sl) = (
        set(&st.lset, s0),
        set(&st.rset, s0),
        set(&st.lset, s1),
        set(&st.rset, s1),
        set(&st.lset, b0),
    );
    f.add(&[s0w, s0sl]);
    f.add(&[s0p, s0sl]);
    f.add(&[s0w, s0sr]);
    f.add(&[s0p, s0sr]);
    f.add(&[s1p, s1sl]);
    f.add(&[s1p, s1sr]);
    f.add(&[b0w, b0sl]);
    f.add(&[b0p, b0sl]);
    f.add(&[s1p, s1sl, s0p, s0sl]);
    if version < 2 {
        return;
    }
    // More context (feature version 2).
    let b3 = st.buf(3);
    f.add(&[s.p(b3)]);
    f.add(&[b0p, b1p, b2p, s.p(b3)]);
    f.add(&[s0w, b0p, b1p]);
    f.add(&[s0p, b0w, b1p]);
    f.add(&[s1w, s0p, b0p]);
    f.add(&[s1p, s0w, b0p]);
    f.add(&[s0p, lab(st, s0l1), b0p]);
    f.add(&[s0p, lab(st, s0r1), b0p]);
    f.add(&[s1p, lab(st, s1r1), s0p]);
    f.add(&[s0w, s.u(s0), b0w, s.u(b0)]);
    f.add(&[s2p, s.p(at(&st.r1, s2)), s1p]);
    f.add(&[s0p, s0vl, s0vr, b0p]);
    if version < 3 {
        return;
    }
    // Feature version 3: evidence that survives tagging errors.
    let (s0u, s1u, b0u, b1u) = (s.u(s0), s.u(s1), s.u(b0), s.u(b1));
    let (s0x, s1x, b0x, b1x) = (s.x(s0), s.x(s1), s.x(b0), s.x(b1));
    f.add(&[s0x]);
    f.add(&[b0x]);
    f.add(&[s1x]);
    f.add(&[b1x]);
    f.add(&[s0x, b0x]);
    f.add(&[s1x, s0x]);
    f.add(&[s0x, b0u]);
    f.add(&[s0u, b0x]);
    f.add(&[s1x, s0u]);
    f.add(&[s1u, s0x]);
    f.add(&[s0u, b0u]);
    f.add(&[s1u, s0u]);
    f.add(&[s1u, b0u]);
    f.add(&[s0u, b0u, b1u]);
    f.add(&[s1u, s0u, b0u]);
    f.add(&[s0w, b0u]);
    f.add(&[s0u, b0w]);
    f.add(&[s1w, s0u]);
    f.add(&[s1u, s0w]);
    f.add(&[s0u, s.u(s0l1), b0u]);
    f.add(&[s0u, s.u(s0r1), b0u]);
    f.add(&[s1u, s.u(s1r1), s0u]);
    // Punctuation and verbs between the two items of each candidate arc.
    let (p01, v01) = s.between(s0, b0);
    let (p10, v10) = s.between(s1, s0);
    f.add(&[s0p, b0p, p01, v01]);
    f.add(&[s0u, b0u, p01]);
    f.add(&[s0u, b0u, v01]);
    f.add(&[s1p, s0p, p10, v10]);
    f.add(&[s1u, s0u, p10]);
    f.add(&[s1u, s0u, v10]);
    f.add(&[s0w, p01, v01]);
    f.add(&[s1w, p10, v10]);
}

/// Features for labelling the arc `h -> d` about to be added (d's own
/// children are complete at this point in the arc-hybrid system).
pub fn label(s: &Sentence, st: &State, h: usize, d: usize, fs: &mut FeatureSet) {
    let mut f = Fx { fs, t: 0 };
    let (h, d) = (h as u32, d as u32);
    let (hw, hp, hu, dw, dp, du) = (s.w(h), s.p(h), s.u(h), s.w(d), s.p(d), s.u(d));
    let dir = if d < h { 1 } else { 2 };
    let dd = dist(h, d);
    let (dl1, dr1) = (at(&st.l1, d), at(&st.r1, d));
    let (dsl, dsr) = (set(&st.lset, d), set(&st.rset, d));
    let prev = |t: u32| if t >= 1 { t - 1 } else { NONE };
    f.add(&[dw]);
    f.add(&[dp]);
    f.add(&[du]);
    f.add(&[hw]);
    f.add(&[hp]);
    f.add(&[hu]);
    f.add(&[dir, dd]);
    f.add(&[dir, dp, hp]);
    f.add(&[dd, dp, hp]);
    f.add(&[dir, du, hu]);
    f.add(&[dir, dw, hp]);
    f.add(&[dir, dp, hw]);
    f.add(&[dir, dw, hw]);
    f.add(&[dw, dp]);
    f.add(&[hw, hp, dir]);
    // The dependent's own children.
    f.add(&[dp, dsl, dsr]);
    f.add(&[du, dsl, dsr, dir]);
    f.add(&[dp, lab(st, dl1), lab(st, dr1)]);
    f.add(&[s.w(dl1)]);
    f.add(&[dp, s.w(dl1)]);
    f.add(&[du, s.w(dl1), dir]);
    f.add(&[s.w(dl1), hp, dp]);
    f.add(&[s.p(dl1), s.p(dr1), dp]);
    f.add(&[dp, small(&st.nl, d), small(&st.nr, d)]);
    // What the head already has.
    f.add(&[hp, set(&st.lset, h), dir]);
    f.add(&[hp, set(&st.rset, h), dir, dp]);
    f.add(&[hu, set(&st.lset, h), set(&st.rset, h), du, dir]);
    // Surface context.
    f.add(&[dp, s.p(prev(d)), s.p(d + 1)]);
    f.add(&[dw, s.p(d + 1)]);
    f.add(&[hp, s.p(prev(h)), s.p(h + 1)]);
    f.add(&[dp, (d == 1) as u64, dir]);
    f.add(&[hw, dw, dp]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_normalise_case_and_digits() {
        assert_eq!(word_hash("The"), word_hash("the"));
        assert_eq!(word_hash("1999"), word_hash("2003"));
        assert_ne!(word_hash("the"), word_hash("tha"));
        assert_eq!(word_hash("ÉTÉ"), word_hash("été"));
    }

    #[test]
    fn feature_count_is_fixed() {
        let s = Sentence::new(&["a", "b"], &["DET", "NOUN"], &["DT", "NN"]);
        let mut last = 0;
        for v in 1..=crate::FEATURE_VERSION {
            let st = State::new(2);
            let mut fs = FeatureSet::new();
            transition(&s, &st, &mut fs, v);
            let n = fs.len();
            assert!(n > last, "version {v} adds templates");
            last = n;
            let mut st2 = st.clone();
            st2.apply(crate::system::SHIFT, 0);
            fs.clear();
            transition(&s, &st2, &mut fs, v);
            assert_eq!(fs.len(), n);
        }
    }

    #[test]
    fn suffixes_and_in_between_counts() {
        assert_eq!(suffix_hash("Running"), suffix_hash("jogging"));
        assert_ne!(suffix_hash("running"), suffix_hash("runner"));
        assert_eq!(suffix_hash("é"), suffix_hash("É"));
        let s = Sentence::new(
            &["He", "said", ",", "we", "left", "."],
            &["PRON", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
            &["PRP", "VBD", ",", "PRP", "VBD", "."],
        );
        // Tokens are 1-based: between "said" (2) and "left" (5) lie "," and "we".
        assert_eq!(s.between(2, 5), (3002, 3001));
        assert_eq!(s.between(5, 2), (3002, 3001));
        assert_eq!(s.between(1, 2), (3001, 3001));
        assert_eq!(s.between(0, 6), (3002, 3003));
        assert_eq!(s.between(NONE, 2), (3000, 3000));
    }
}
