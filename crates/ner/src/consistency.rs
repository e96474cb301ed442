//! Document-level consistency: one name, one type. A name's mentions vote
//! (weighted by confidence) on its type; a confidently typed full personal
//! name also types its bare surname; and unlabelled repeats of a confident
//! name (same spelling and capitalisation) are added.

use crate::{EntityType, WordMention};
use std::collections::BTreeMap;

/// Mentions below this confidence are not trusted to type other mentions.
const CONFIDENT: f32 = 0.75;

fn surface(words: &[&str], m: &WordMention) -> Option<String> {
    words.get(m.words.clone()).map(|w| w.join(" "))
}

/// One edit apart (insertion, deletion or substitution), same first letter,
/// both at least five letters: a transliteration variant ("Zelensky" /
/// "Zelenskyy" style), not a different word.
fn variant(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() < 5
        || b.len() < 5
        || a.first() != b.first()
        || a == b
        || a.len().abs_diff(b.len()) > 1
    {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let pre = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[pre + 1..] == long[pre + 1..]
    } else {
        short[pre..] == long[pre + 1..]
    }
}

fn is_name_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && w.chars().any(char::is_lowercase)
}

/// Makes the mention types of one document consistent (in place).
pub fn harmonise(sentences: &[Vec<&str>], found: &mut [Vec<WordMention>]) {
    // Votes per exact surface.
    let mut votes: BTreeMap<String, BTreeMap<EntityType, f32>> = BTreeMap::new();
    // Surnames of confident multi-word person names.
    let mut surnames: BTreeMap<String, f32> = BTreeMap::new();
    // Words of confident person names (for spelling variants).
    let mut person_words: BTreeMap<String, f32> = BTreeMap::new();
    for (words, ms) in sentences.iter().zip(found.iter()) {
        for m in ms {
            let Some(s) = surface(words, m) else { continue };
            *votes.entry(s).or_default().entry(m.label).or_default() += m.score;
            if m.label == EntityType::Person && m.score >= CONFIDENT {
                if let Some(last) = words.get(m.words.end - 1).filter(|w| is_name_word(w)) {
                    let e = person_words.entry(last.to_string()).or_default();
                    *e = e.max(m.score);
                }
            }
            if m.label == EntityType::Person && m.words.len() >= 2 && m.score >= CONFIDENT {
                if let Some(last) = words.get(m.words.end - 1).filter(|w| is_name_word(w)) {
                    let e = surnames.entry(last.to_string()).or_default();
                    *e = e.max(m.score);
                }
            }
        }
    }
    let variant_of_person = |w: &str| -> Option<f32> {
        if person_words.contains_key(w) {
            return None;
        }
        person_words
            .iter()
            .find(|(p, _)| variant(p, w))
            .map(|(_, &sc)| sc)
    };
    let winner = |s: &str| -> Option<(EntityType, f32)> {
        let v = votes.get(s)?;
        let total: f32 = v.values().sum();
        let (t, w) = v
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
        Some((*t, w / total.max(1e-6)))
    };
    for (words, ms) in sentences.iter().zip(found.iter_mut()) {
        // Retype.
        for m in ms.iter_mut() {
            let Some(s) = surface(words, m) else { continue };
            if m.words.len() == 1
                && m.label != EntityType::Person
                && m.label != EntityType::Norp
                && (surnames.contains_key(&s) || variant_of_person(&s).is_some())
            {
                m.label = EntityType::Person;
                continue;
            }
            if let Some((t, share)) = winner(&s) {
                if t != m.label
                    && share > 0.5
                    && m.label != EntityType::Norp
                    && t != EntityType::Norp
                {
                    m.label = t;
                }
            }
        }
        // Add missed repeats of a confident single-word name or surname.
        let mut covered = vec![false; words.len()];
        for m in ms.iter() {
            for i in m.words.clone() {
                if let Some(c) = covered.get_mut(i) {
                    *c = true;
                }
            }
        }
        let mut added = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if covered.get(i).copied().unwrap_or(true) || !is_name_word(w) {
                continue;
            }
            // Only when the neighbours are not capitalised (else it is part of
            // a longer name the tagger chose not to label).
            let nb = |j: Option<usize>| {
                j.and_then(|j| words.get(j))
                    .is_some_and(|x| is_name_word(x))
            };
            if nb(i.checked_sub(1)) || nb(Some(i + 1)) {
                continue;
            }
            let label = if let Some(sc) = surnames.get(*w).copied().or_else(|| variant_of_person(w))
            {
                Some((EntityType::Person, sc * 0.9))
            } else {
                votes.get(*w).and_then(|v| {
                    let (t, &score) = v.iter().max_by(|a, b| a.1.total_cmp(b.1))?;
                    (score >= CONFIDENT * 1.5 && *t != EntityType::Norp).then_some((*t, 0.6))
                })
            };
            if let Some((label, score)) = label {
                added.push(WordMention {
                    words: i..i + 1,
                    label,
                    score,
                });
            }
        }
        if !added.is_empty() {
            ms.extend(added);
            ms.sort_by_key(|m| m.words.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wm(a: usize, b: usize, label: EntityType, score: f32) -> WordMention {
        WordMention {
            words: a..b,
            label,
            score,
        }
    }

    #[test]
    fn surname_follows_full_name() {
        let s1 = vec!["President", "Ana", "Brightwater", "spoke", "."];
        let s2 = vec!["Brightwater", "said", "no", "."];
        let s3 = vec!["Later", ",", "Brightwater", "left", "."];
        let sents = vec![s1, s2, s3];
        let mut found = vec![
            vec![wm(1, 3, EntityType::Person, 0.95)],
            vec![wm(0, 1, EntityType::Gpe, 0.6)],
            vec![],
        ];
        harmonise(&sents, &mut found);
        assert_eq!(found[1][0].label, EntityType::Person);
        assert_eq!(found[2].len(), 1);
        assert_eq!(found[2][0].words, 2..3);
        assert_eq!(found[2][0].label, EntityType::Person);
    }

    #[test]
    fn spelling_variants_follow_a_person() {
        assert!(variant("Brightwater", "Brightwatter"));
        assert!(variant("Olafsen", "Olafson"));
        assert!(!variant("Olafsen", "Olafsen"));
        assert!(!variant("Paris", "Boris"));
        let sents = vec![vec!["Mr", "Olafsen", "spoke"], vec!["Olafson", "agreed"]];
        let mut found = vec![
            vec![wm(1, 2, EntityType::Person, 0.9)],
            vec![wm(0, 1, EntityType::Gpe, 0.5)],
        ];
        harmonise(&sents, &mut found);
        assert_eq!(found[1][0].label, EntityType::Person);
    }

    #[test]
    fn majority_type_wins() {
        let sents = vec![
            vec!["Zorvia", "x"],
            vec!["Zorvia", "y"],
            vec!["Zorvia", "z"],
        ];
        let mut found = vec![
            vec![wm(0, 1, EntityType::Gpe, 0.9)],
            vec![wm(0, 1, EntityType::Gpe, 0.9)],
            vec![wm(0, 1, EntityType::Org, 0.6)],
        ];
        harmonise(&sents, &mut found);
        assert!(found.iter().all(|m| m[0].label == EntityType::Gpe));
    }
}
