//! How often a word is capitalised when it is not sentence-initial, counted
//! over unlabelled text at training time and stored in the model. "Usually
//! capitalised" marks proper names even where capitalisation says nothing
//! (sentence starts, ALL-CAPS headlines, lowercase comments).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Capitalisation class of a known word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CapClass {
    /// Capitalised ≥ 90% of the time mid-sentence.
    Name,
    /// 50–90%.
    Mostly,
    /// 10–50%.
    Sometimes,
    /// Almost always lowercase.
    Common,
}

impl CapClass {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CapClass::Name => "N",
            CapClass::Mostly => "n",
            CapClass::Sometimes => "s",
            CapClass::Common => "c",
        }
    }
}

/// Lowercased word -> capitalisation class.
#[derive(Debug, Clone, Default)]
pub struct CapLexicon {
    map: HashMap<String, CapClass>,
}

/// Serialised form: one space-separated word list per class.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CapLexiconData {
    pub name: String,
    pub mostly: String,
    pub sometimes: String,
    pub common: String,
}

const MIN_COUNT: u32 = 3;

impl CapLexicon {
    /// Counts words in running texts (sentence starts are skipped).
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> CapLexicon {
        let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for text in texts {
            let mut initial = true;
            for raw in text.split_whitespace() {
                let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
                let starts_sentence = initial;
                initial = raw.ends_with(['.', '!', '?', ':'])
                    || raw.ends_with(".\"")
                    || raw.ends_with('”');
                if w.is_empty()
                    || starts_sentence
                    || !w
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                {
                    continue;
                }
                let Some(first) = w.chars().next() else {
                    continue;
                };
                if w.chars().filter(|c| c.is_uppercase()).count() > 1
                    && !w.chars().any(char::is_lowercase)
                {
                    continue; // ALL CAPS says nothing about the word
                }
                let e = counts.entry(w.to_lowercase()).or_default();
                if first.is_uppercase() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
        let mut map = HashMap::new();
        for (w, (cap, low)) in counts {
            let n = cap + low;
            if n < MIN_COUNT {
                continue;
            }
            let share = cap as f64 / n as f64;
            let class = if share >= 0.9 {
                CapClass::Name
            } else if share >= 0.5 {
                CapClass::Mostly
            } else if share >= 0.1 {
                CapClass::Sometimes
            } else {
                CapClass::Common
            };
            map.insert(w, class);
        }
        CapLexicon { map }
    }

    pub(crate) fn class(&self, lower: &str) -> Option<CapClass> {
        self.map.get(lower).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Sorted word lists, for the model header.
    pub fn to_data(&self) -> CapLexiconData {
        let mut lists: [Vec<&str>; 4] = Default::default();
        for (w, c) in &self.map {
            let k = match c {
                CapClass::Name => 0,
                CapClass::Mostly => 1,
                CapClass::Sometimes => 2,
                CapClass::Common => 3,
            };
            lists[k].push(w);
        }
        for l in lists.iter_mut() {
            l.sort_unstable();
        }
        let [a, b, c, d] = lists;
        CapLexiconData {
            name: a.join(" "),
            mostly: b.join(" "),
            sometimes: c.join(" "),
            common: d.join(" "),
        }
    }

    pub fn from_data(d: &CapLexiconData) -> CapLexicon {
        let mut map = HashMap::new();
        for (s, c) in [
            (&d.name, CapClass::Name),
            (&d.mostly, CapClass::Mostly),
            (&d.sometimes, CapClass::Sometimes),
            (&d.common, CapClass::Common),
        ] {
            for w in s.split(' ').filter(|w| !w.is_empty()) {
                map.insert(w.to_string(), c);
            }
        }
        CapLexicon { map }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_mid_sentence_capitals() {
        let text = "We met Zorvan today. Then Zorvan left and the dog ran. \
                    Later Zorvan and the dog came. A dog saw Zorvan. The End.";
        let lex = CapLexicon::build([text]);
        assert_eq!(lex.class("zorvan"), Some(CapClass::Name));
        assert_eq!(lex.class("dog"), Some(CapClass::Common));
        let back = CapLexicon::from_data(&lex.to_data());
        assert_eq!(back.class("zorvan"), Some(CapClass::Name));
        assert_eq!(back.len(), lex.len());
    }
}
