//! Token features for the tagger. Every feature is a hashed key; the set for
//! token i depends only on the words (never on predicted tags: transitions
//! are scored separately by the Viterbi decoder).

use crate::gazetteer::{flag, Gazetteer};
use crate::lexicon::CapLexicon;
use crosscheck_learn::FeatureSet;

/// How a whole sentence is cased. Headlines in capitals or title case and
/// all-lowercase comments make capitalisation meaningless, so shape
/// features are conjoined with this mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseMode {
    Mixed,
    Upper,
    Lower,
    Title,
}

impl CaseMode {
    fn as_str(self) -> &'static str {
        match self {
            CaseMode::Mixed => "m",
            CaseMode::Upper => "u",
            CaseMode::Lower => "l",
            CaseMode::Title => "t",
        }
    }
}

pub(crate) fn case_mode(words: &[&str]) -> CaseMode {
    let (mut alpha, mut upper, mut lower, mut title) = (0usize, 0usize, 0usize, 0usize);
    for w in words {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 {
            continue;
        }
        alpha += 1;
        if !w.chars().any(|c| c.is_lowercase()) {
            upper += 1;
        } else if !w.chars().any(|c| c.is_uppercase()) {
            lower += 1;
        } else if w.chars().next().is_some_and(char::is_uppercase) {
            title += 1;
        }
    }
    if alpha < 3 {
        return CaseMode::Mixed;
    }
    if upper * 10 >= alpha * 8 {
        CaseMode::Upper
    } else if lower == alpha {
        CaseMode::Lower
    } else if (title + upper) * 10 >= alpha * 8 && alpha >= 4 {
        CaseMode::Title
    } else {
        CaseMode::Mixed
    }
}

/// Capitalisation class of one word.
fn cap_class(w: &str) -> &'static str {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return "e";
    };
    let has_lower = w.chars().any(char::is_lowercase);
    let has_upper = w.chars().any(char::is_uppercase);
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    if has_digit && !has_lower && !has_upper {
        "d"
    } else if !has_lower && !has_upper {
        "p"
    } else if has_upper && !has_lower {
        if w.chars().count() == 1 {
            "U1"
        } else {
            "U"
        }
    } else if first.is_uppercase() {
        if w.chars().skip(1).any(char::is_uppercase) {
            "Xm"
        } else {
            "X"
        }
    } else if has_upper {
        "xm"
    } else {
        "x"
    }
}

/// Word shape: letters to X/x, digits to d, runs longer than 2 collapsed.
fn shape(w: &str, short: bool) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if (short && run == 1) || (!short && run <= 3) {
            out.push(s);
        }
        if out.len() > 12 {
            break;
        }
    }
    out
}

/// Per-word strings computed once per sentence.
pub(crate) struct WordInfo {
    lower: String,
    shape: String,
    short: String,
    cap: &'static str,
    /// Gazetteer features of this word: (type name, position, exact).
    gaz: Vec<(&'static str, &'static str, bool)>,
    given: bool,
    title: bool,
    loc_head: bool,
    org_head: bool,
    /// Capitalisation class from the lexicon ("?" if unknown).
    capc: &'static str,
}

pub(crate) fn word_infos(words: &[&str], gaz: &Gazetteer, lex: &CapLexicon) -> Vec<WordInfo> {
    let mut infos: Vec<WordInfo> = words
        .iter()
        .map(|w| {
            let lower = w.to_lowercase();
            WordInfo {
                shape: shape(w, false),
                short: shape(w, true),
                cap: cap_class(w),
                gaz: Vec::new(),
                given: gaz.is_given_name(&lower),
                title: gaz.is_title(&lower),
                loc_head: gaz.is_loc_head(&lower),
                org_head: gaz.is_org_head(&lower),
                capc: lex.class(&lower).map_or("?", |c| c.as_str()),
                lower,
            }
        })
        .collect();
    for m in gaz.matches(words) {
        for i in m.start..m.end {
            let pos = if m.end - m.start == 1 {
                "U"
            } else if i == m.start {
                "B"
            } else if i + 1 == m.end {
                "L"
            } else {
                "I"
            };
            if let Some(info) = infos.get_mut(i) {
                for (bit, name) in flag::TYPES {
                    if m.flags & bit != 0 {
                        info.gaz.push((name, pos, m.exact));
                    }
                }
            }
        }
    }
    infos
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    s.get(..end)
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    s.get(start..)
}

/// Features of every word: `keys[offsets[i]..offsets[i + 1]]` belong to word i.
pub(crate) fn sentence_features(
    words: &[&str],
    gaz: &Gazetteer,
    lex: &CapLexicon,
    drop: Option<&[bool]>,
    clusters: Option<&crosscheck_clusters::Clusters>,
    keys: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    keys.clear();
    offsets.clear();
    let infos = word_infos(words, gaz, lex);
    let paths: Vec<Option<crosscheck_clusters::ClusterPath>> = words
        .iter()
        .map(|w| clusters.and_then(|c| c.path(w)))
        .collect();
    let path_at = |i: isize| -> Option<crosscheck_clusters::ClusterPath> {
        if i < 0 {
            None
        } else {
            paths.get(i as usize).copied().flatten()
        }
    };
    // Cluster keys are hashes already: mix in the template id.
    let ck = |t: u64, k: u64| {
        crosscheck_learn::hash_bytes(&(k ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15)).to_le_bytes())
    };
    let mode = case_mode(words).as_str();
    let mut f = FeatureSet::new();
    let n = words.len();
    let get = |i: isize| -> Option<&WordInfo> {
        if i < 0 {
            None
        } else {
            infos.get(i as usize)
        }
    };
    let lw = |i: isize| -> &str {
        match get(i) {
            Some(w) => &w.lower,
            None if i < 0 => "<s>",
            None => "</s>",
        }
    };
    for (i, (w, info)) in words.iter().zip(&infos).enumerate() {
        f.clear();
        let ii = i as isize;
        // Training may hide a word's identity so context and shape learn to
        // carry unseen names.
        let hide = drop.and_then(|d| d.get(i)).copied().unwrap_or(false);
        f.add(1, "");
        if !hide {
            f.add(2, w);
            f.add(3, &info.lower);
        }
        f.add(4, &info.shape);
        f.add_parts(5, &[&info.short, mode]);
        for k in 1..=4 {
            if let Some(p) = prefix(&info.lower, k) {
                f.add(5 + k as u8, p);
            }
            if let Some(s) = suffix(&info.lower, k) {
                f.add(9 + k as u8, s);
            }
        }
        f.add(14, lw(ii - 1));
        f.add(15, lw(ii + 1));
        f.add(16, lw(ii - 2));
        f.add(17, lw(ii + 2));
        f.add(18, get(ii - 1).map_or("<s>", |x| &x.short));
        f.add(19, get(ii + 1).map_or("</s>", |x| &x.short));
        if !hide {
            f.add_parts(20, &[lw(ii - 1), &info.lower]);
            f.add_parts(21, &[&info.lower, lw(ii + 1)]);
        }
        let initial = if i == 0 { "1" } else { "0" };
        f.add_parts(22, &[info.cap, mode]);
        f.add_parts(23, &[info.cap, mode, initial]);
        if i == 0 && !hide {
            f.add(24, &info.lower);
        }
        let pc = get(ii - 1).map_or("<s>", |x| x.cap);
        let nc = get(ii + 1).map_or("</s>", |x| x.cap);
        f.add_parts(25, &[pc, info.cap, nc, mode]);
        for (name, pos, exact) in &info.gaz {
            let e = if *exact { "e" } else { "i" };
            f.add_parts(26, &[name, pos, e]);
            f.add_parts(27, &[name, pos, e, info.cap, mode]);
        }
        for (d, tpl) in [(-1isize, 28u8), (1, 29)] {
            if let Some(o) = get(ii + d) {
                for (name, pos, exact) in &o.gaz {
                    f.add_parts(tpl, &[name, pos, if *exact { "e" } else { "i" }]);
                }
            }
        }
        if info.given {
            f.add_parts(30, &[info.cap, mode]);
        }
        if get(ii - 1).is_some_and(|x| x.given) {
            f.add_parts(31, &[info.cap, mode]);
        }
        if get(ii - 1).is_some_and(|x| x.title) {
            f.add_parts(32, &[lw(ii - 1), info.cap]);
            f.add(33, info.cap);
        }
        if info.title {
            f.add(34, info.cap);
        }
        for (d, ds) in [(1isize, "1"), (2, "2")] {
            if let Some(o) = get(ii + d) {
                if o.org_head {
                    f.add_parts(35, &[ds, info.cap, &o.lower]);
                }
                if o.loc_head {
                    f.add_parts(36, &[ds, info.cap]);
                }
            }
        }
        if info.org_head {
            f.add_parts(37, &[info.cap, pc]);
        }
        if w.contains('-') {
            f.add(38, info.cap);
        }
        if w.contains('.') && w.len() > 1 {
            f.add(39, info.cap);
        }
        if i + 1 == n {
            f.add(40, info.cap);
        }
        f.add_parts(41, &[info.capc, info.cap, mode]);
        f.add_parts(42, &[info.capc, initial]);
        f.add_parts(43, &[get(ii - 1).map_or("<s>", |x| x.capc), info.capc]);
        f.add_parts(44, &[info.capc, get(ii + 1).map_or("</s>", |x| x.capc)]);
        if let Some(p) = path_at(ii).filter(|_| !hide) {
            for lvl in 1..4 {
                f.add_key(ck(50 + lvl as u64, p.key(lvl)));
            }
            f.add_key(ck(54, p.key(2) ^ crosscheck_learn::hash_str(info.cap)));
        }
        if let Some(p) = path_at(ii - 1) {
            f.add_key(ck(55, p.key(2)));
        }
        if let Some(p) = path_at(ii + 1) {
            f.add_key(ck(56, p.key(2)));
        }
        offsets.push(keys.len());
        keys.extend_from_slice(f.keys());
    }
    offsets.push(keys.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;

    #[test]
    fn case_modes() {
        assert_eq!(
            case_mode(&["RUSSIA", "SENDS", "TROOPS", "TO", "BORDER"]),
            CaseMode::Upper
        );
        assert_eq!(
            case_mode(&["russia", "sends", "troops", "again"]),
            CaseMode::Lower
        );
        assert_eq!(
            case_mode(&["Russia", "sends", "troops", "to", "the", "border"]),
            CaseMode::Mixed
        );
        assert_eq!(
            case_mode(&["Russia", "Sends", "Troops", "To", "Border"]),
            CaseMode::Title
        );
    }

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("McDonald's", true), "XxXx'x");
        assert_eq!(shape("2022", false), "ddd");
        assert_eq!(suffix("état", 2), Some("at"));
        assert_eq!(prefix("é", 2), None);
    }

    #[test]
    fn clustered_words_get_cluster_features() {
        let c = crosscheck_clusters::Clusters::builtin().unwrap();
        let w = ["They", "met", "on", "Tuesday", "zzqxv", "."];
        assert!(c.path("Tuesday").is_some() && c.path("zzqxv").is_none());
        let (mut k0, mut o0, mut k1, mut o1) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let lex = CapLexicon::default();
        sentence_features(&w, gazetteer(), &lex, None, None, &mut k0, &mut o0);
        sentence_features(&w, gazetteer(), &lex, None, Some(c), &mut k1, &mut o1);
        let n = |o: &[usize], i: usize| o[i + 1] - o[i];
        // "Tuesday": three levels and a cap conjunction, plus "on" (its
        // next word has no cluster).
        assert_eq!(n(&o1, 3), n(&o0, 3) + 5);
        // The unclustered word only gets its neighbours' ("Tuesday", ".").
        assert!(c.path(".").is_some());
        assert_eq!(n(&o1, 4), n(&o0, 4) + 2);
    }

    #[test]
    fn every_word_gets_features() {
        let mut keys = Vec::new();
        let mut offs = Vec::new();
        let w = ["The", "UN", "met", "in", "New", "York", "."];
        sentence_features(
            &w,
            gazetteer(),
            &CapLexicon::default(),
            None,
            None,
            &mut keys,
            &mut offs,
        );
        assert_eq!(offs.len(), w.len() + 1);
        assert!(offs.windows(2).all(|p| p[1] > p[0] + 10));
    }
}
