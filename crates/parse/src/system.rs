//! Arc-hybrid transition system with the artificial root at the bottom of
//! the stack. Tokens are numbered 1..=n; 0 is the root. The root may take
//! a dependent only once the buffer is empty, so every tree has one root.

use crate::{Deprel, Parse};

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
pub const N_TRANS: usize = 3;

pub const NONE: u32 = u32::MAX;
pub const NO_LABEL: u8 = u8::MAX;

/// Parser configuration plus the partial tree built so far.
#[derive(Debug, Clone)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// Next buffer token (n+1 when the buffer is empty).
    pub b: usize,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Leftmost, second-leftmost, rightmost, second-rightmost children.
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Bit sets of the labels of left / right children (label index mod 64).
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        let m = n + 1;
        let mut stack = Vec::with_capacity(m);
        stack.push(0);
        State {
            n,
            stack,
            b: 1,
            head: vec![NONE; m],
            label: vec![NO_LABEL; m],
            l1: vec![NONE; m],
            l2: vec![NONE; m],
            r1: vec![NONE; m],
            r2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }

    /// Stack item `i` from the top (0 = top), or NONE.
    #[inline]
    pub fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// Buffer item `i` from the front, or NONE.
    #[inline]
    pub fn buf(&self, i: usize) -> u32 {
        let t = self.b + i;
        if t <= self.n {
            t as u32
        } else {
            NONE
        }
    }

    pub fn valid(&self, t: usize) -> bool {
        let has_buf = self.b <= self.n;
        match t {
            SHIFT => has_buf,
            LEFT => has_buf && self.stack.len() >= 2,
            RIGHT => self.stack.len() >= 3 || (self.stack.len() == 2 && !has_buf),
            _ => false,
        }
    }

    /// The (head, dependent) arc transition `t` would add.
    pub fn arc(&self, t: usize) -> Option<(usize, usize)> {
        match t {
            LEFT => Some((self.b, self.s(0) as usize)),
            RIGHT => Some((self.s(1) as usize, self.s(0) as usize)),
            _ => None,
        }
    }

    pub fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            LEFT | RIGHT => {
                if let Some((h, d)) = self.arc(t) {
                    self.stack.pop();
                    self.add_arc(h, d, label);
                }
            }
            _ => {}
        }
    }

    fn add_arc(&mut self, h: usize, d: usize, label: u8) {
        if h > self.n || d > self.n {
            return;
        }
        self.head[d] = h as u32;
        self.label[d] = label;
        let bit = 1u64 << (label as u32 % 64);
        let d32 = d as u32;
        if d < h {
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
            if self.l1[h] == NONE || d32 < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = d32;
            } else if self.l2[h] == NONE || d32 < self.l2[h] {
                self.l2[h] = d32;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
            if self.r1[h] == NONE || d32 > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = d32;
            } else if self.r2[h] == NONE || d32 > self.r2[h] {
                self.r2[h] = d32;
            }
        }
    }

    /// Cost (gold arcs made unreachable) of each valid transition, given
    /// gold heads indexed like the state (gold[0] unused). Invalid: MAX.
    pub fn costs(&self, gold: &[usize]) -> [u32; N_TRANS] {
        let mut c = [u32::MAX; N_TRANS];
        let g = |t: usize| gold.get(t).copied().unwrap_or(usize::MAX);
        let s0 = self.s(0) as usize;
        let s1 = self.s(1) as usize;
        let buf = self.b..=self.n;
        if self.valid(SHIFT) {
            let b0 = self.b;
            let mut cost = 0;
            for (i, &s) in self.stack.iter().enumerate() {
                let s = s as usize;
                if s != 0 && g(s) == b0 {
                    cost += 1;
                }
                if g(b0) == s && i + 1 != self.stack.len() {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        let deps_in_buf = if self.stack.len() >= 2 {
            buf.clone().filter(|&t| g(t) == s0).count() as u32
        } else {
            0
        };
        if self.valid(LEFT) {
            let gh = g(s0);
            let lost_head = gh != self.b && (gh == s1 || (gh > self.b && gh <= self.n));
            c[LEFT] = deps_in_buf + lost_head as u32;
        }
        if self.valid(RIGHT) {
            let gh = g(s0);
            let lost_head = gh != s1 && buf.contains(&gh);
            c[RIGHT] = deps_in_buf + lost_head as u32;
        }
        c
    }

    /// Converts the finished state to 0-based heads and labels.
    pub fn into_parse(self, labels: &[Deprel]) -> Parse {
        let n = self.n;
        let mut heads = Vec::with_capacity(n);
        let mut deprels = Vec::with_capacity(n);
        for d in 1..=n {
            let h = self.head[d];
            heads.push(if h == 0 || h == NONE {
                None
            } else {
                Some(h as usize - 1)
            });
            let l = if h == 0 {
                Deprel::ROOT
            } else {
                labels
                    .get(self.label[d] as usize)
                    .copied()
                    .unwrap_or(Deprel::DEP)
            };
            deprels.push(l);
        }
        Parse { heads, deprels }
    }
}

/// Highest-scoring valid transition (SHIFT if none is valid).
pub fn best_valid(st: &State, scores: &[f32; N_TRANS]) -> usize {
    let mut best = usize::MAX;
    for (t, s) in scores.iter().enumerate() {
        if st.valid(t) && (best == usize::MAX || *s > scores[best]) {
            best = t;
        }
    }
    if best == usize::MAX {
        SHIFT
    } else {
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows zero-cost transitions; on a projective tree this must
    /// reproduce the gold heads exactly.
    fn oracle_parse(gold: &[usize]) -> Vec<u32> {
        let n = gold.len() - 1;
        let mut st = State::new(n);
        let mut steps = 0;
        while !st.is_terminal() {
            let c = st.costs(gold);
            let t = (0..N_TRANS)
                .find(|&t| c[t] == 0)
                .expect("a zero-cost transition");
            st.apply(t, 0);
            steps += 1;
            assert!(steps <= 2 * n);
        }
        st.head
    }

    #[test]
    fn oracle_reaches_projective_gold_trees() {
        // gold[0] is a placeholder; heads of tokens 1..=n.
        let trees: &[&[usize]] = &[
            &[0, 2, 0, 2],
            &[0, 0, 1, 2, 3],
            &[0, 4, 4, 4, 0, 4, 7, 5, 4],
            &[0, 2, 0, 5, 5, 2, 2],
            &[0, 0],
        ];
        for gold in trees {
            let heads = oracle_parse(gold);
            for d in 1..gold.len() {
                assert_eq!(heads[d] as usize, gold[d], "tree {gold:?} token {d}");
            }
        }
    }

    #[test]
    fn single_root_even_when_gold_has_two() {
        let gold = [0, 0, 0, 0];
        let mut st = State::new(3);
        while !st.is_terminal() {
            let c = st.costs(&gold);
            let t = (0..N_TRANS)
                .filter(|&t| c[t] != u32::MAX)
                .min_by_key(|&t| c[t])
                .unwrap();
            st.apply(t, 0);
        }
        assert_eq!(st.head[1..].iter().filter(|&&h| h == 0).count(), 1);
    }
}
