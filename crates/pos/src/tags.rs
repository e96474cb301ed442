//! The tag sets: the 17 UD UPOS tags and the Penn Treebank XPOS tags used by
//! UD English treebanks.

/// Universal POS tag (UD v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// All tags in class-index order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD name, e.g. "PROPN".
    pub fn as_str(&self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a UD name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }

    /// Class index (position in [`Upos::ALL`]).
    pub fn index(&self) -> usize {
        *self as usize
    }

    /// The tag with class index `i`, if any.
    pub fn from_index(i: usize) -> Option<Upos> {
        Upos::ALL.get(i).copied()
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Penn Treebank tags as used in UD English (EWT, GUM). Index order is the
/// class order of the XPOS model: never reorder, only append.
pub const XPOS_TAGS: [&str; 52] = [
    "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD", "VBP", "VBZ",
    "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "''", "WP",
    "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR", "ADD", "GW", "$", "SYM",
    "PDT", "LS", "FW", "RBS", "AFX", "WP$", "XX", "-LSB-", "-RSB-",
];

/// A Penn Treebank tag: a small copyable index into [`XPOS_TAGS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Xpos(u8);

impl Xpos {
    /// "XX" (unknown), the fallback tag.
    pub const XX: Xpos = Xpos(49);

    /// Number of XPOS classes.
    pub const COUNT: usize = XPOS_TAGS.len();

    /// The PTB name, e.g. "NNP".
    pub fn as_str(&self) -> &'static str {
        XPOS_TAGS.get(self.0 as usize).copied().unwrap_or("XX")
    }

    /// Parses a PTB name; `None` if it is not in the table.
    pub fn parse(s: &str) -> Option<Xpos> {
        XPOS_TAGS
            .iter()
            .position(|t| *t == s)
            .map(|i| Xpos(i as u8))
    }

    /// Class index (position in [`XPOS_TAGS`]).
    pub fn index(&self) -> usize {
        self.0 as usize
    }

    /// The tag with class index `i`, if any.
    pub fn from_index(i: usize) -> Option<Xpos> {
        (i < XPOS_TAGS.len()).then_some(Xpos(i as u8))
    }

    /// The most common UPOS for this XPOS (a fallback, not a rule).
    pub fn default_upos(&self) -> Upos {
        match self.as_str() {
            "NN" | "NNS" | "GW" | "AFX" => Upos::Noun,
            "NNP" | "NNPS" => Upos::Propn,
            "IN" => Upos::Adp,
            "DT" | "PDT" | "WDT" | "PRP$" | "WP$" => Upos::Det,
            "PRP" | "WP" | "EX" => Upos::Pron,
            "JJ" | "JJR" | "JJS" => Upos::Adj,
            "RB" | "RBR" | "RBS" | "WRB" => Upos::Adv,
            "VB" | "VBD" | "VBP" | "VBZ" | "VBN" | "VBG" => Upos::Verb,
            "MD" => Upos::Aux,
            "CC" => Upos::Cconj,
            "CD" | "LS" => Upos::Num,
            "TO" | "POS" | "RP" => Upos::Part,
            "UH" => Upos::Intj,
            "$" | "SYM" => Upos::Sym,
            "ADD" | "FW" | "XX" => Upos::X,
            _ => Upos::Punct,
        }
    }
}

impl std::fmt::Display for Xpos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
            assert_eq!(Upos::from_index(u.index()), Some(u));
        }
        for (i, t) in XPOS_TAGS.iter().enumerate() {
            let x = Xpos::parse(t).unwrap();
            assert_eq!(x.index(), i);
            assert_eq!(x.as_str(), *t);
        }
        assert_eq!(Upos::parse("NOPE"), None);
        assert_eq!(Xpos::parse("NOPE"), None);
    }
}
