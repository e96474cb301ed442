//! Universal Dependencies relation labels as a small `Copy` type.

/// Every label the parser can output: UD v2 universal relations plus the
/// subtypes used by the English treebanks. Order is part of no file format
/// (models store label names), so it may grow.
const NAMES: &[&str] = &[
    "root",
    "punct",
    "case",
    "nsubj",
    "det",
    "advmod",
    "obj",
    "amod",
    "obl",
    "conj",
    "compound",
    "mark",
    "nmod",
    "cc",
    "aux",
    "cop",
    "advcl",
    "nmod:poss",
    "xcomp",
    "ccomp",
    "acl:relcl",
    "flat",
    "parataxis",
    "nummod",
    "appos",
    "acl",
    "aux:pass",
    "nsubj:pass",
    "obl:unmarked",
    "nmod:unmarked",
    "discourse",
    "compound:prt",
    "iobj",
    "list",
    "expl",
    "fixed",
    "nmod:desc",
    "obl:agent",
    "csubj",
    "nsubj:outer",
    "det:predet",
    "vocative",
    "goeswith",
    "advcl:relcl",
    "cc:preconj",
    "reparandum",
    "orphan",
    "csubj:pass",
    "dislocated",
    "dep",
    "csubj:outer",
    "obl:tmod",
    "obl:npmod",
    "nmod:tmod",
    "nmod:npmod",
    "flat:foreign",
    "flat:name",
    "clf",
    "compound:lvc",
    "compound:svc",
    "det:poss",
    "expl:pv",
    "obl:arg",
];

/// A dependency relation such as `nsubj` or `obl:tmod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Deprel(u8);

impl Deprel {
    /// The `root` relation.
    pub const ROOT: Deprel = Deprel(0);
    /// The `punct` relation.
    pub const PUNCT: Deprel = Deprel(1);
    /// The catch-all `dep` relation (also used for labels a model does not know).
    pub const DEP: Deprel = Deprel(49);

    /// Looks a label up by its full name ("nsubj:pass"); `None` if unknown.
    pub fn parse(name: &str) -> Option<Deprel> {
        NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Deprel(i as u8))
    }

    /// The full label, e.g. "obl:tmod".
    pub fn as_str(&self) -> &'static str {
        NAMES.get(self.0 as usize).copied().unwrap_or("dep")
    }

    /// The universal part before any `:subtype`, e.g. "obl" for "obl:tmod".
    pub fn main(&self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// True if this label is `rel`, or `rel` has no subtype and this label's
    /// universal part is `rel` ("nsubj" matches "nsubj:pass"; "nsubj:pass"
    /// matches only itself).
    pub fn is(&self, rel: &str) -> bool {
        let s = self.as_str();
        s == rel || (!rel.contains(':') && self.main() == rel)
    }

    /// Every known label, in a fixed order.
    pub fn all() -> impl Iterator<Item = Deprel> {
        (0..NAMES.len()).map(|i| Deprel(i as u8))
    }
}

impl std::fmt::Display for Deprel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_constants_match() {
        for d in Deprel::all() {
            assert_eq!(Deprel::parse(d.as_str()), Some(d));
        }
        assert_eq!(Deprel::ROOT.as_str(), "root");
        assert_eq!(Deprel::PUNCT.as_str(), "punct");
        assert_eq!(Deprel::DEP.as_str(), "dep");
        assert!(NAMES.len() < 255);
    }

    #[test]
    fn subtype_matching() {
        let d = Deprel::parse("nsubj:pass").unwrap();
        assert!(d.is("nsubj"));
        assert!(d.is("nsubj:pass"));
        assert!(!d.is("nsubj:outer"));
        assert!(!Deprel::parse("nsubj").unwrap().is("nsubj:pass"));
        assert_eq!(Deprel::parse("obl:tmod").unwrap().main(), "obl");
        assert_eq!(Deprel::parse("no-such"), None);
    }
}
