//! A general gazetteer: countries, capitals and large cities, states,
//! regions, demonyms, religious and political groups, organisation acronyms,
//! event names, titles and given names. Used as tagger features, to split
//! places into GPE and LOC, and to type demonyms as NORP.

pub mod lists;

use crate::EntityType;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Flag bits of a gazetteer phrase.
pub mod flag {
    pub const GPE: u16 = 1;
    pub const LOC: u16 = 2;
    pub const NORP: u16 = 4;
    pub const ORG: u16 = 8;
    pub const EVENT: u16 = 16;
    pub const COUNTRY: u16 = 32;
    pub const DEMONYM: u16 = 64;
    /// The flags that are phrase types, in feature order.
    pub const TYPES: [(u16, &str); 7] = [
        (GPE, "gpe"),
        (LOC, "loc"),
        (NORP, "norp"),
        (ORG, "org"),
        (EVENT, "event"),
        (COUNTRY, "country"),
        (DEMONYM, "demonym"),
    ];
}

/// A gazetteer phrase found over words `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub flags: u16,
    /// The words match a listed spelling with its capitalisation.
    pub exact: bool,
}

/// The compiled gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    phrases: HashMap<String, u16>,
    exact: HashSet<String>,
    prefixes: HashSet<String>,
    max_len: usize,
    demonym_country: HashMap<String, String>,
    loc_heads: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    given: HashSet<&'static str>,
}

/// The shared gazetteer (built on first use).
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

/// Splits a listed phrase into tokens the way tokenizers usually do.
fn phrase_tokens(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in p.split_whitespace() {
        if let Some(stem) = w.strip_suffix(',') {
            out.push(stem);
            out.push(",");
        } else if let Some(i) = w.find("'s").filter(|&i| i > 0 && i + 2 == w.len()) {
            out.push(&w[..i]);
            out.push(&w[i..]);
        } else {
            out.push(w);
        }
    }
    out
}

/// Appends a token to a phrase key: hyphens and clitics join without spaces,
/// so "Guinea - Bissau" and "Guinea-Bissau" meet.
fn push_key(key: &mut String, tok: &str, lower: bool) {
    let glue = key.is_empty() || tok == "-" || key.ends_with('-') || tok.starts_with('\'');
    if !glue {
        key.push(' ');
    }
    if lower {
        for c in tok.chars() {
            key.extend(c.to_lowercase());
        }
    } else {
        key.push_str(tok);
    }
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .flat_map(|l| l.split('|'))
        .map(str::trim)
        .filter(|x| !x.is_empty())
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            phrases: HashMap::new(),
            exact: HashSet::new(),
            prefixes: HashSet::new(),
            max_len: 1,
            demonym_country: HashMap::new(),
            loc_heads: lines(lists::LOC_HEADS).collect(),
            org_heads: lines(lists::ORG_HEADS).collect(),
            titles: lines(lists::TITLES).collect(),
            given: lines(lists::GIVEN_NAMES).collect(),
        };
        for line in lists::COUNTRIES.lines() {
            let Some((names, dems)) = line.split_once('=') else {
                continue;
            };
            let names: Vec<&str> = names
                .split('|')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .collect();
            let Some(canon) = names.first() else { continue };
            for n in &names {
                g.add(n, flag::GPE | flag::COUNTRY);
            }
            for d in dems.split('|').map(str::trim).filter(|x| !x.is_empty()) {
                g.add(d, flag::NORP | flag::DEMONYM);
                g.demonym_country
                    .entry(d.to_lowercase())
                    .or_insert_with(|| canon.to_string());
            }
        }
        for (list, f) in [
            (lists::CITIES, flag::GPE),
            (lists::STATES, flag::GPE),
            (lists::PLACES, flag::LOC),
            (lists::ORGS, flag::ORG),
            (lists::GROUPS, flag::NORP),
            (lists::EVENTS, flag::EVENT),
        ] {
            for p in lines(list) {
                g.add(p, f);
            }
        }
        g
    }

    fn add(&mut self, phrase: &str, f: u16) {
        let toks = phrase_tokens(phrase);
        let (mut low, mut cased) = (String::new(), String::new());
        for (i, t) in toks.iter().enumerate() {
            push_key(&mut low, t, true);
            push_key(&mut cased, t, false);
            if i + 1 < toks.len() {
                self.prefixes.insert(low.clone());
            }
        }
        // Hyphenated words may come split ("Guinea - Bissau"): their pieces
        // are prefixes too.
        for (i, c) in low.char_indices() {
            if c == '-' {
                self.prefixes.insert(low[..i].trim_end().to_string());
                self.prefixes.insert(low[..=i].to_string());
            }
        }
        *self.phrases.entry(low).or_insert(0) |= f;
        self.exact.insert(cased);
        self.max_len = self.max_len.max(toks.len());
    }

    /// Flags of a phrase given as words (case-insensitive); 0 if unlisted.
    pub fn lookup(&self, words: &[&str]) -> u16 {
        let mut key = String::new();
        for w in words {
            push_key(&mut key, w, true);
        }
        self.phrases.get(&key).copied().unwrap_or(0)
    }

    /// True if the words spell a listed phrase with its listed capitalisation.
    pub fn is_exact(&self, words: &[&str]) -> bool {
        let mut key = String::new();
        for w in words {
            push_key(&mut key, w, false);
        }
        self.exact.contains(&key)
    }

    /// Every listed phrase in `words` (all lengths, all starts).
    pub fn matches(&self, words: &[&str]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut key = String::new();
        for start in 0..words.len() {
            key.clear();
            for (end, w) in words.iter().enumerate().skip(start).take(self.max_len) {
                push_key(&mut key, w, true);
                if let Some(&f) = self.phrases.get(&key) {
                    let span = words.get(start..=end).unwrap_or(&[]);
                    out.push(GazMatch {
                        start,
                        end: end + 1,
                        flags: f,
                        exact: self.is_exact(span),
                    });
                }
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
        }
        out
    }

    /// The country a demonym refers to ("Kazakhstani" -> "Kazakhstan").
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        self.demonym_country
            .get(&word.to_lowercase())
            .map(String::as_str)
    }

    /// A word that is a listed demonym or group name, capitalised as listed.
    pub fn is_norp_word(&self, word: &str) -> bool {
        self.lookup(&[word]) & flag::NORP != 0 && self.is_exact(&[word])
    }

    pub fn is_given_name(&self, lower: &str) -> bool {
        self.given.contains(lower)
    }

    /// A title or honorific ("president", "dr."), also with "ex-" ("ex-president").
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
            || lower
                .strip_prefix("ex-")
                .is_some_and(|w| self.titles.contains(w))
    }

    /// A title that only ever precedes a person's name.
    pub fn is_person_title(&self, lower: &str) -> bool {
        self.is_title(lower)
            && !matches!(
                lower,
                "foreign"
                    | "defence"
                    | "defense"
                    | "former"
                    | "late"
                    | "deputy"
                    | "prime"
                    | "leader"
                    | "general"
                    | "major"
            )
    }

    pub fn is_loc_head(&self, lower: &str) -> bool {
        self.loc_heads.contains(lower)
    }

    pub fn is_org_head(&self, lower: &str) -> bool {
        self.org_heads.contains(lower)
    }

    /// Splits a place name into GPE (countries, cities, states) or LOC
    /// (continents, regions, water, mountains, facilities). Unknown names
    /// default to GPE, by far the commoner kind in news.
    pub fn place_type(&self, words: &[&str]) -> EntityType {
        let f = self.lookup(words);
        if f & flag::GPE != 0 {
            return EntityType::Gpe;
        }
        if f & flag::LOC != 0 {
            return EntityType::Loc;
        }
        let lower = |w: &&str| w.to_lowercase();
        let first = words.first().map(lower).unwrap_or_default();
        let last = words.last().map(lower).unwrap_or_default();
        if words.len() > 1
            && (self.is_loc_head(&last)
                || matches!(
                    first.as_str(),
                    "mount" | "mt." | "lake" | "gulf" | "cape" | "sea"
                ))
        {
            return EntityType::Loc;
        }
        // "Northern X" / "East X" around a listed region or continent.
        if words.len() > 1 {
            if let Some(rest) = words.get(1..) {
                let rf = self.lookup(rest);
                let directional = matches!(
                    first.as_str(),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "central"
                );
                if directional && rf & flag::LOC != 0 {
                    return EntityType::Loc;
                }
            }
        }
        EntityType::Gpe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multiword_and_hyphenated_phrases() {
        let g = gazetteer();
        let w = [
            "the", "Guinea", "-", "Bissau", "and", "North", "Korea", "talks",
        ];
        let m = g.matches(&w);
        assert!(m
            .iter()
            .any(|m| m.start == 1 && m.end == 4 && m.flags & flag::GPE != 0));
        assert!(m.iter().any(|m| m.start == 5 && m.end == 7 && m.exact));
    }

    #[test]
    fn exactness_tracks_case() {
        let g = gazetteer();
        assert!(g.is_exact(&["WHO"]));
        assert!(!g.is_exact(&["who"]));
        assert_ne!(g.lookup(&["who"]) & flag::ORG, 0);
    }

    #[test]
    fn demonyms_map_to_countries() {
        let g = gazetteer();
        assert_eq!(g.demonym_country("Kazakhstani"), Some("Kazakhstan"));
        assert_eq!(g.demonym_country("Britons"), Some("United Kingdom"));
        assert!(g.is_norp_word("Kazakh"));
        assert!(!g.is_norp_word("kazakh"));
    }

    #[test]
    fn places_split_into_gpe_and_loc() {
        let g = gazetteer();
        assert_eq!(g.place_type(&["France"]), EntityType::Gpe);
        assert_eq!(g.place_type(&["Central", "Asia"]), EntityType::Loc);
        assert_eq!(g.place_type(&["Hudson", "River"]), EntityType::Loc);
        assert_eq!(g.place_type(&["Springfield"]), EntityType::Gpe);
        assert_eq!(g.place_type(&["Western", "Siberia"]), EntityType::Loc);
    }
}
