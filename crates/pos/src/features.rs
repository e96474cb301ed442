//! Feature extraction. Each word's string-derived hashes are computed once
//! per sentence; feature keys are then mixes of those hashes, so no string is
//! allocated per token. The mixing constants are part of the model format.

pub(crate) use crosscheck_learn::IdentityBuild;
use crosscheck_learn::{hash_bytes, mix};

/// Normalised-form hash → ambiguity class (UPOS bit set).
pub(crate) type AmbMap = std::collections::HashMap<u64, u32, IdentityBuild>;

/// Hash of the normalised form (lowercase, digits → 0) of `w`.
pub(crate) fn norm_key(w: &str) -> u64 {
    let mut s = Scratch::default();
    analyse(w, &mut s).norm
}

/// Hash of an exact word form (tag dictionary key).
pub(crate) fn word_key(w: &str) -> u64 {
    hash_bytes(w.as_bytes()) ^ 0x5bd1_e995
}

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(a ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(f1(t, a).rotate_left(17) ^ b)
}

#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(t, a, b).rotate_left(23) ^ c)
}

/// Hashes standing for positions outside the sentence and for tags.
const PAD_L1: u64 = 0x1111_2222_3333_4441;
const PAD_L2: u64 = 0x1111_2222_3333_4442;
const PAD_R1: u64 = 0x1111_2222_3333_4443;
const PAD_R2: u64 = 0x1111_2222_3333_4444;

#[inline]
fn tag_h(t: Option<u8>, pad: u64) -> u64 {
    match t {
        Some(t) => 0xabcd_0000 + t as u64,
        None => pad,
    }
}

/// String-derived facts about one word.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordInfo {
    /// Exact form.
    pub exact: u64,
    /// Lowercased, digits mapped to 0.
    pub norm: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    /// Bit flags: 1 initial cap, 2 all caps, 4 has digit, 8 hyphen, 16 no letters, 32 has lower.
    pub flags: u64,
    /// Ambiguity class: the UPOS tags the training data gives this form
    /// (as a bit set); 0 for unseen forms.
    pub amb: u64,
    /// Word-cluster keys, coarsest level first ([`NO_CLUSTER`] if none).
    pub cl: [u64; 4],
}

/// Cluster keys of words without a cluster.
const NO_CLUSTER: [u64; 4] = [
    0x0c1a_0000_0000_0001,
    0x0c1a_0000_0000_0002,
    0x0c1a_0000_0000_0003,
    0x0c1a_0000_0000_0004,
];

/// Which cluster feature groups are on (bit flags, stored in the model).
pub(crate) mod cf {
    /// The word's clusters at every level.
    pub const WORD: u32 = 1;
    /// Clusters of the words at ±1.
    pub const NEAR: u32 = 2;
    /// Clusters of the words at ±2.
    pub const FAR: u32 = 4;
    /// Fine cluster with suffix / shape for words the tag data rarely has.
    pub const RARE: u32 = 8;
    /// Conjunctions with the previous tag and the neighbours' clusters.
    pub const CONJ: u32 = 16;
    /// Clusters in the XPOS features.
    pub const XPOS: u32 = 32;
    /// Clusters with the first pass's right-context tag (second pass).
    pub const PASS2: u32 = 64;
    /// No cluster features for words without a cluster (instead of a
    /// "no cluster" value, whose training-set uses mislead on new words).
    pub const SKIP_NONE: u32 = 128;
    /// The word's cluster with its capitalisation (PROPN vs NOUN, ADJ).
    pub const CASE: u32 = 256;
    /// Fewer templates per group (speed): the word's three finer levels,
    /// the next word's middle level, one conjunction per group.
    pub const LEAN: u32 = 512;
}

/// Word clusters and the feature groups that use them.
#[derive(Clone, Copy, Default)]
pub(crate) struct ClusterCtx<'a> {
    pub clusters: Option<&'a crosscheck_clusters::Clusters>,
    pub flags: u32,
}

impl WordInfo {
    fn pad(p: u64) -> WordInfo {
        WordInfo {
            exact: p,
            norm: p,
            suf: [p; 4],
            pre: [p; 3],
            shape: p,
            flags: p,
            amb: p,
            cl: [p; 4],
        }
    }
}

/// Reusable buffers for extraction.
#[derive(Default)]
pub(crate) struct Scratch {
    infos: Vec<WordInfo>,
    buf: String,
    shape: String,
    chars: Vec<(usize, char)>,
}

/// Computes one word's info into `s.infos`.
fn analyse(w: &str, s: &mut Scratch) -> WordInfo {
    s.buf.clear();
    s.shape.clear();
    let mut flags = 0u64;
    let mut first = true;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut last_shape = '\0';
    let mut run = 0;
    for c in w.chars() {
        let sc;
        if c.is_ascii_digit() {
            flags |= 4;
            s.buf.push('0');
            sc = 'd';
        } else if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                uppers += 1;
                if first {
                    flags |= 1;
                }
                sc = 'X';
            } else {
                flags |= 32;
                sc = 'x';
            }
            for l in c.to_lowercase() {
                s.buf.push(l);
            }
        } else {
            if c == '-' {
                flags |= 8;
            }
            s.buf.push(c);
            sc = if c.is_numeric() { 'd' } else { c };
        }
        if sc == last_shape {
            run += 1;
        } else {
            run = 1;
            last_shape = sc;
        }
        if run <= 3 {
            s.shape.push(sc);
        }
        first = false;
    }
    if letters == 0 {
        flags |= 16;
    } else if uppers == letters && letters > 1 {
        flags |= 2;
    }
    s.chars.clear();
    s.chars.extend(s.buf.char_indices());
    let b = s.buf.as_bytes();
    let n = s.chars.len();
    let mut suf = [0u64; 4];
    let mut pre = [0u64; 3];
    for (k, slot) in suf.iter_mut().enumerate() {
        let start = if n > k {
            s.chars.get(n - k - 1).map(|c| c.0).unwrap_or(0)
        } else {
            0
        };
        *slot = f1(20 + k as u64, hash_bytes(b.get(start..).unwrap_or(b)));
    }
    for (k, slot) in pre.iter_mut().enumerate() {
        let end = s.chars.get(k + 1).map(|c| c.0).unwrap_or(b.len());
        *slot = f1(30 + k as u64, hash_bytes(b.get(..end).unwrap_or(b)));
    }
    WordInfo {
        exact: word_key(w),
        norm: hash_bytes(b),
        suf,
        pre,
        shape: hash_bytes(s.shape.as_bytes()),
        flags,
        amb: 0,
        cl: NO_CLUSTER,
    }
}

/// Per-sentence feature extractor.
pub(crate) struct Extractor<'a> {
    infos: &'a [WordInfo],
    cf: u32,
}

const LPAD1: WordInfo = WordInfo {
    exact: PAD_L1,
    norm: PAD_L1,
    suf: [PAD_L1; 4],
    pre: [PAD_L1; 3],
    shape: PAD_L1,
    flags: PAD_L1,
    amb: PAD_L1,
    cl: [PAD_L1; 4],
};

impl<'a> Extractor<'a> {
    pub fn new(words: &[&str], amb: &AmbMap, cl: ClusterCtx, s: &'a mut Scratch) -> Extractor<'a> {
        let mut infos = std::mem::take(&mut s.infos);
        infos.clear();
        let clusters = if cl.flags != 0 { cl.clusters } else { None };
        for w in words {
            let mut info = analyse(w, s);
            info.amb = amb.get(&info.norm).copied().unwrap_or(0) as u64;
            if let Some(p) = clusters.and_then(|c| c.path_by_key(info.norm)) {
                for (k, slot) in info.cl.iter_mut().enumerate() {
                    *slot = p.key(k);
                }
            }
            infos.push(info);
        }
        s.infos = infos;
        Extractor {
            infos: &s.infos,
            cf: if clusters.is_some() { cl.flags } else { 0 },
        }
    }

    pub fn len(&self) -> usize {
        self.infos.len()
    }

    pub fn info(&self, i: usize) -> WordInfo {
        self.infos.get(i).copied().unwrap_or(LPAD1)
    }

    fn at(&self, i: usize, d: isize) -> WordInfo {
        let j = i as isize + d;
        if j < 0 {
            WordInfo::pad(if j == -1 { PAD_L1 } else { PAD_L2 })
        } else {
            match self.infos.get(j as usize) {
                Some(w) => *w,
                None => WordInfo::pad(if j as usize == self.infos.len() {
                    PAD_R1
                } else {
                    PAD_R2
                }),
            }
        }
    }

    /// Features for the second-pass UPOS decision at `i`: the first-pass
    /// features plus the first pass's tags around `i` (right context too).
    pub fn upos2_features(&self, i: usize, prev: &[u8], first: &[u8], out: &mut Vec<u64>) {
        self.upos_features(i, prev, out);
        let f = |d: isize, pad| {
            let j = i as isize + d;
            tag_h(
                if j < 0 {
                    None
                } else {
                    first.get(j as usize).copied()
                },
                pad,
            )
        };
        let w = self.at(i, 0);
        let n1 = self.at(i, 1);
        let (f0, fp1, fp2, fm1) = (f(0, PAD_R1), f(1, PAD_R1), f(2, PAD_R2), f(-1, PAD_L1));
        let t1 = tag_h(i.checked_sub(1).and_then(|j| prev.get(j).copied()), PAD_L1);
        out.push(f1(60, f0));
        out.push(f1(61, fp1));
        out.push(f2(62, fp1, fp2));
        out.push(f2(63, t1, fp1));
        out.push(f3(64, t1, f0, fp1));
        out.push(f2(65, w.norm, fp1));
        out.push(f2(66, w.suf[2], fp1));
        out.push(f2(67, f0, w.norm));
        out.push(f3(68, fm1, f0, fp1));
        out.push(f2(69, fp1, n1.norm));
        out.push(f2(70, w.shape, fp1));
        let hw = self.cf & cf::SKIP_NONE == 0 || w.cl[0] != NO_CLUSTER[0];
        if self.cf & cf::PASS2 != 0 && hw {
            out.push(f2(215, w.cl[2], fp1));
            if self.cf & cf::LEAN != 0 {
                return;
            }
            out.push(f2(216, fm1, w.cl[2]));
        }
    }

    /// Features for the UPOS decision at `i`; `prev` holds tags of 0..i.
    pub fn upos_features(&self, i: usize, prev: &[u8], out: &mut Vec<u64>) {
        let w = self.at(i, 0);
        let p1 = self.at(i, -1);
        let p2 = self.at(i, -2);
        let n1 = self.at(i, 1);
        let n2 = self.at(i, 2);
        let t1 = tag_h(i.checked_sub(1).and_then(|j| prev.get(j).copied()), PAD_L1);
        let t2 = tag_h(i.checked_sub(2).and_then(|j| prev.get(j).copied()), PAD_L2);
        let first = (i == 0) as u64;
        out.push(f1(0, 0));
        out.push(f1(1, w.norm));
        out.extend_from_slice(&w.suf);
        out.extend_from_slice(&w.pre);
        out.push(f1(2, w.shape));
        out.push(f2(3, w.flags, first));
        out.push(f1(4, p1.norm));
        out.push(f1(5, p2.norm));
        out.push(f1(6, n1.norm));
        out.push(f1(7, n2.norm));
        out.push(f1(8, p1.suf[2]));
        out.push(f1(9, n1.suf[2]));
        out.push(f1(10, t1));
        out.push(f2(11, t2, t1));
        out.push(f2(12, t1, w.norm));
        out.push(f2(13, p1.norm, w.norm));
        out.push(f2(14, w.norm, n1.norm));
        out.push(f1(15, n1.shape));
        out.push(f1(16, p1.shape));
        out.push(f2(17, t1, w.suf[2]));
        out.push(f2(18, first, w.shape));
        out.push(f2(19, p1.norm, n1.norm));
        out.push(f1(20, n1.suf[1]));
        out.push(f3(21, t1, w.norm, n1.norm));
        out.push(f2(22, w.suf[2], n1.norm));
        out.push(f2(23, w.shape, n1.shape));
        out.push(f1(24, w.amb));
        out.push(f1(25, n1.amb));
        out.push(f2(26, n1.amb, n2.amb));
        out.push(f2(27, t1, n1.amb));
        out.push(f2(28, w.amb, n1.amb));
        out.push(f1(29, p1.amb));
        out.push(f3(30, t1, w.amb, n1.amb));
        out.push(f1(31, w.exact));
        out.push(f2(32, p1.flags, w.flags));
        let cf = self.cf;
        if cf == 0 {
            return;
        }
        let skip = cf & cf::SKIP_NONE != 0;
        let has = |x: &WordInfo| !skip || x.cl[0] != NO_CLUSTER[0];
        let (hw, hp1, hn1) = (has(&w), has(&p1), has(&n1));
        if cf & cf::LEAN != 0 {
            if cf & cf::WORD != 0 && hw {
                out.push(f1(201, w.cl[1]));
                out.push(f1(202, w.cl[2]));
                out.push(f1(203, w.cl[3]));
            }
            if cf & cf::NEAR != 0 && hn1 {
                out.push(f1(221, n1.cl[2]));
            }
            if cf & cf::RARE != 0 && w.amb == 0 && hw {
                out.push(f2(210, w.cl[3], w.suf[2]));
            }
            if cf & cf::CONJ != 0 && hw {
                out.push(f2(212, t1, w.cl[2]));
            }
            return;
        }
        if cf & cf::WORD != 0 && hw {
            out.push(f1(200, w.cl[0]));
            out.push(f1(201, w.cl[1]));
            out.push(f1(202, w.cl[2]));
            out.push(f1(203, w.cl[3]));
        }
        if cf & cf::NEAR != 0 {
            if hp1 {
                out.push(f1(204, p1.cl[1]));
                out.push(f1(205, p1.cl[3]));
            }
            if hn1 {
                out.push(f1(206, n1.cl[1]));
                out.push(f1(207, n1.cl[3]));
            }
        }
        if cf & cf::FAR != 0 {
            if has(&p2) {
                out.push(f1(208, p2.cl[1]));
            }
            if has(&n2) {
                out.push(f1(209, n2.cl[1]));
            }
        }
        if cf & cf::RARE != 0 && w.amb == 0 && hw {
            out.push(f2(210, w.cl[3], w.suf[2]));
            out.push(f2(211, w.cl[2], w.shape));
        }
        if cf & cf::CASE != 0 && hw {
            out.push(f3(219, w.cl[2], w.flags & 3, first));
            out.push(f2(220, w.cl[1], w.flags & 3));
        }
        if cf & cf::CONJ != 0 && hw {
            out.push(f2(212, t1, w.cl[2]));
            if hn1 {
                out.push(f2(213, w.cl[2], n1.cl[2]));
            }
            if hp1 {
                out.push(f2(214, p1.cl[2], w.cl[2]));
            }
        }
    }

    /// Features for the XPOS decision at `i` given all UPOS tags and the
    /// XPOS tags of 0..i.
    pub fn xpos_features(&self, i: usize, up: &[u8], xp: &[u8], out: &mut Vec<u64>) {
        let w = self.at(i, 0);
        let p1 = self.at(i, -1);
        let p2 = self.at(i, -2);
        let n1 = self.at(i, 1);
        let u = |d: isize, pad| {
            let j = i as isize + d;
            tag_h(
                if j < 0 {
                    None
                } else {
                    up.get(j as usize).copied()
                },
                pad,
            )
        };
        let u0 = u(0, PAD_R1);
        let um1 = u(-1, PAD_L1);
        let um2 = u(-2, PAD_L2);
        let up1 = u(1, PAD_R1);
        let up2 = u(2, PAD_R2);
        let x1 = tag_h(i.checked_sub(1).and_then(|j| xp.get(j).copied()), PAD_L1);
        let x2 = tag_h(i.checked_sub(2).and_then(|j| xp.get(j).copied()), PAD_L2);
        out.push(f1(100, u0));
        out.push(f2(101, u0, w.norm));
        out.push(f2(102, u0, w.suf[0]));
        out.push(f2(103, u0, w.suf[1]));
        out.push(f2(104, u0, w.suf[2]));
        out.push(f2(105, u0, w.shape));
        out.push(f2(106, u0, w.flags));
        out.push(f2(107, u0, um1));
        out.push(f2(108, u0, up1));
        out.push(f3(109, u0, um1, um2));
        out.push(f3(110, u0, up1, up2));
        out.push(f2(111, u0, x1));
        out.push(f3(112, u0, x1, x2));
        out.push(f2(113, u0, p1.norm));
        out.push(f2(114, u0, p2.norm));
        out.push(f2(115, u0, n1.norm));
        out.push(f3(116, u0, um1, up1));
        out.push(f3(117, u0, x1, w.suf[1]));
        out.push(f1(118, w.norm));
        out.push(f2(119, u0, w.suf[3]));
        out.push(f2(120, u0, n1.amb));
        let hw = self.cf & cf::SKIP_NONE == 0 || w.cl[0] != NO_CLUSTER[0];
        if self.cf & cf::XPOS != 0 && hw {
            out.push(f2(217, u0, w.cl[3]));
            if self.cf & cf::LEAN != 0 {
                return;
            }
            out.push(f2(218, u0, n1.cl[2]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let mut s = Scratch::default();
        let a = analyse("Kassym-Jomart", &mut s);
        assert_eq!(s.shape, "Xxxx-Xxxx");
        assert_eq!(a.flags & 1, 1);
        assert_eq!(a.flags & 8, 8);
        let b = analyse("NATO", &mut s);
        assert_eq!(b.flags & 2, 2);
        let c = analyse("2,500", &mut s);
        assert_eq!(s.buf, "0,000");
        assert_eq!(c.flags & 4, 4);
        // Case-insensitive core form.
        assert_eq!(analyse("The", &mut s).norm, analyse("THE", &mut s).norm);
        assert_ne!(analyse("The", &mut s).exact, analyse("the", &mut s).exact);
        // Non-ASCII does not break suffixes.
        let _ = analyse("naïveté", &mut s);
        let _ = analyse("", &mut s);
    }
}
