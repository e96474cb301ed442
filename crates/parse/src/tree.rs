//! The output of the parser and the tree queries later stages use.

use crate::Deprel;
use crosscheck_doc::{Span, Token};
use std::ops::Range;

/// A labelled dependency tree over one sentence's tokens (0-based indices).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    /// Head of each token; `None` for the root.
    pub heads: Vec<Option<usize>>,
    /// Relation of each token to its head (`root` for the root).
    pub deprels: Vec<Deprel>,
}

/// Relations whose dependent heads a clause of its own (plus `root`).
const CLAUSE_RELS: &[&str] = &["root", "ccomp", "parataxis", "advcl"];

impl Parse {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The (first) token with no head.
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(|h| h.is_none())
    }

    /// Head of token `i` (`None` for the root or an index out of range).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads.get(i).copied().flatten()
    }

    /// Relation of token `i` to its head.
    pub fn deprel(&self, i: usize) -> Option<Deprel> {
        self.deprels.get(i).copied()
    }

    /// Dependents of `i`, left to right.
    pub fn children(&self, i: usize) -> Vec<usize> {
        self.heads
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == Some(i))
            .map(|(c, _)| c)
            .collect()
    }

    /// Dependents of `i` whose relation matches `rel` in the sense of
    /// [`Deprel::is`]: "nsubj" also finds "nsubj:pass", "obl:tmod" only itself.
    pub fn children_with(&self, i: usize, rel: &str) -> Vec<usize> {
        self.children(i)
            .into_iter()
            .filter(|&c| self.deprels.get(c).is_some_and(|d| d.is(rel)))
            .collect()
    }

    /// True if `anc` is `i` or one of its ancestors.
    pub fn dominates(&self, anc: usize, i: usize) -> bool {
        self.path_to_root(i).contains(&anc)
    }

    /// The token range `min..max+1` covered by `i` and its descendants
    /// (for a non-projective subtree it may include tokens outside it).
    /// Empty range at `i` if `i` is out of range.
    pub fn subtree(&self, i: usize) -> Range<usize> {
        if i >= self.len() {
            return i..i;
        }
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); self.len()];
        for (c, h) in self.heads.iter().enumerate() {
            if let Some(h) = h {
                if let Some(k) = kids.get_mut(*h) {
                    k.push(c);
                }
            }
        }
        let mut seen = vec![false; self.len()];
        let (mut lo, mut hi) = (i, i);
        let mut todo = vec![i];
        while let Some(t) = todo.pop() {
            if std::mem::replace(&mut seen[t], true) {
                continue;
            }
            lo = lo.min(t);
            hi = hi.max(t);
            todo.extend_from_slice(&kids[t]);
        }
        lo..hi + 1
    }

    /// Byte span of [`Parse::subtree`] given the sentence's tokens (the same
    /// tokens, in order, that were parsed). `None` if `tokens` is too short.
    pub fn subtree_span(&self, i: usize, tokens: &[Token]) -> Option<Span> {
        let r = self.subtree(i);
        if r.is_empty() {
            return None;
        }
        let first = tokens.get(r.start)?;
        let last = tokens.get(r.end - 1)?;
        Some(Span::new(first.span.start, last.span.end))
    }

    /// Tokens heading a clause: the root; dependents attached as `ccomp`,
    /// `parataxis` or `advcl` (with subtypes); and `conj` dependents of a
    /// clause head that have a subject of their own ("X stormed it, Y said"
    /// is often parsed that way). Left to right. The head of a copular
    /// clause is its predicate, so not every clause head is a verb.
    pub fn clause_heads(&self) -> Vec<usize> {
        let n = self.len();
        let mut is = vec![false; n];
        for (i, flag) in is.iter_mut().enumerate() {
            *flag = self.heads.get(i).is_some_and(|h| h.is_none())
                || self
                    .deprels
                    .get(i)
                    .is_some_and(|d| CLAUSE_RELS.iter().any(|r| d.is(r)));
        }
        // Conjuncts inherit clause status along chains, so iterate to a fixed point.
        let has_subject = |i: usize| {
            ["nsubj", "csubj", "expl"]
                .iter()
                .any(|r| !self.children_with(i, r).is_empty())
        };
        loop {
            let mut changed = false;
            for i in 0..n {
                if is[i] || !self.deprels.get(i).is_some_and(|d| d.is("conj")) {
                    continue;
                }
                if self.head(i).is_some_and(|h| is.get(h) == Some(&true)) && has_subject(i) {
                    is[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        (0..n).filter(|&i| is[i]).collect()
    }

    /// `i`, its head, its head's head … up to the root. Stops (without
    /// repeating) if the heads contain a cycle or point out of range.
    pub fn path_to_root(&self, i: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut cur = Some(i);
        while let Some(c) = cur {
            if c >= self.len() || path.len() > self.len() || path.contains(&c) {
                break;
            }
            path.push(c);
            cur = self.head(c);
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Deprel {
        Deprel::parse(s).unwrap()
    }

    /// "Officials said that troops left ." (0-based)
    fn sample() -> Parse {
        Parse {
            heads: vec![Some(1), None, Some(4), Some(4), Some(1), Some(1)],
            deprels: vec![
                d("nsubj"),
                d("root"),
                d("mark"),
                d("nsubj"),
                d("ccomp"),
                d("punct"),
            ],
        }
    }

    #[test]
    fn queries() {
        let p = sample();
        assert_eq!(p.root(), Some(1));
        assert_eq!(p.head(4), Some(1));
        assert_eq!(p.head(1), None);
        assert_eq!(p.head(99), None);
        assert_eq!(p.children(1), vec![0, 4, 5]);
        assert_eq!(p.children_with(1, "nsubj"), vec![0]);
        assert_eq!(p.children_with(4, "mark"), vec![2]);
        assert_eq!(p.subtree(4), 2..5);
        assert_eq!(p.subtree(1), 0..6);
        assert_eq!(p.subtree(0), 0..1);
        assert_eq!(p.subtree(17), 17..17);
        assert_eq!(p.clause_heads(), vec![1, 4]);
        // "Troops left , officials said ." with `said` as conj: a clause with its own subject.
        let q = Parse {
            heads: vec![Some(1), None, Some(1), Some(4), Some(1), Some(1)],
            deprels: vec![
                d("nsubj"),
                d("root"),
                d("punct"),
                d("nsubj"),
                d("conj"),
                d("punct"),
            ],
        };
        assert_eq!(q.clause_heads(), vec![1, 4]);
        // Without its own subject a conjunct is just a coordinated predicate.
        let mut r = q.clone();
        r.deprels[3] = d("obj");
        assert_eq!(r.clause_heads(), vec![1]);
        assert_eq!(p.path_to_root(3), vec![3, 4, 1]);
        assert!(p.dominates(4, 2));
        assert!(!p.dominates(0, 2));
    }

    #[test]
    fn subtree_span_uses_token_offsets() {
        let text = "Officials said that troops left .";
        let mut tokens = Vec::new();
        let mut pos = 0;
        for w in text.split(' ') {
            tokens.push(Token {
                span: Span::new(pos, pos + w.len()),
                space_before: pos > 0,
            });
            pos += w.len() + 1;
        }
        let p = sample();
        let s = p.subtree_span(4, &tokens).unwrap();
        assert_eq!(&text[s.start..s.end], "that troops left");
        assert_eq!(p.subtree_span(4, &tokens[..2]), None);
    }

    #[test]
    fn cycles_do_not_hang() {
        let p = Parse {
            heads: vec![Some(1), Some(0), Some(7)],
            deprels: vec![d("dep"); 3],
        };
        assert_eq!(p.path_to_root(0), vec![0, 1]);
        assert_eq!(p.path_to_root(2), vec![2]);
        assert_eq!(p.root(), None);
        assert_eq!(p.subtree(0), 0..2);
    }
}
