//! Name normalisation: folding, title stripping, transliteration keys,
//! organisation keys, acronym initials and edit distance.

use crate::gazetteer;

/// Folds a character to lowercase ASCII where a plain Latin equivalent exists.
fn fold_char(c: char, out: &mut String) {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(s);
}

/// Lowercase, diacritics folded, apostrophes/hyphens/dots removed inside
/// words, other punctuation turned into spaces, whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut tmp = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\'' | '’' | '‘' | '`' | '.' | '\u{ad}' => {}
            '-' | '‐' | '‑' | '–' | '—' => tmp.push(' '),
            '&' => tmp.push_str(" and "),
            c if c.is_alphanumeric() => fold_char(c, &mut tmp),
            _ => tmp.push(' '),
        }
    }
    tmp.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a surface name (split on whitespace; hyphenated parts kept together).
pub fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Strips leading titles/honorifics ("President", "Mr.", "Gen.", "former
/// Prime Minister") and a leading article from a surface name, returning the
/// byte offset where the bare name starts (relative to `s`).
pub fn strip_titles(s: &str) -> usize {
    let mut off = 0;
    loop {
        let rest = &s[off..];
        let trimmed = rest.trim_start();
        let lead = rest.len() - trimmed.len();
        let word_end = trimmed
            .find(|c: char| c.is_whitespace())
            .unwrap_or(trimmed.len());
        // Only strip when something follows: a bare "President" stays.
        if word_end == trimmed.len() {
            return off + lead;
        }
        let w = &trimmed[..word_end];
        let wl = w.trim_end_matches('.').to_lowercase();
        let next_is_title = trimmed[word_end..]
            .split_whitespace()
            .next()
            .map(|n| n.trim_end_matches('.').to_lowercase())
            .is_some_and(|n| gazetteer::TITLES.contains(&n.as_str()));
        let is_title = gazetteer::TITLES.contains(&wl.as_str())
            || gazetteer::TITLE_MODIFIERS.contains(&wl.as_str())
            || wl == "the"
            // "Freedonian President X", "Finance Minister X": a modifier before a title.
            || (next_is_title && trimmed[word_end..].split_whitespace().nth(1).is_some());
        if !is_title {
            return off + lead;
        }
        off += lead + word_end;
    }
}

/// Leading article and trailing possessive stripped from a mention's text:
/// returns the (start, end) offsets into `s` of the core.
pub fn core_bounds(s: &str) -> (usize, usize) {
    let mut start = 0;
    let mut end = s.len();
    for art in ["the ", "The ", "THE "] {
        if s.starts_with(art) && s.len() > art.len() {
            start = art.len();
            break;
        }
    }
    let mut body = &s[start..end];
    loop {
        let before = body.len();
        for suf in ["'s", "’s", "'S", "’S", "'", "’"] {
            if body.len() > suf.len() + 1 && body.ends_with(suf) {
                body = &body[..body.len() - suf.len()];
                break;
            }
        }
        body = body.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | ')' | '(')
        });
        if body.len() == before {
            break;
        }
    }
    let lead = body.len() - body.trim_start_matches(['"', '“', '(', ' ']).len();
    end = start + body.len();
    start += lead;
    if start > end {
        start = end;
    }
    (start, end)
}

/// Transliteration key of one word: spellings of the same name from
/// different romanisation schemes map to the same key (Medvedev/Medvedyev,
/// Aleksandr/Alexander, Yevgeny/Evgeniy, Gorbachev/Gorbachov, -ov/-off).
pub fn translit_key(word: &str) -> String {
    let f: String = fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
    let mut s = f;
    // Multi-letter substitutions first (order matters).
    for (a, b) in [
        ("shch", "sh"),
        ("tsch", "ch"),
        ("tch", "ch"),
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("ks", "x"),
        ("ph", "f"),
        ("ck", "k"),
        ("tz", "ts"),
        ("w", "v"),
        ("ou", "u"),
        ("q", "k"),
    ] {
        if s.contains(a) {
            s = s.replace(a, b);
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i == 0 {
            None
        } else {
            chars.get(i - 1).copied()
        };
        let next = chars.get(i + 1).copied();
        let c = match c {
            'y' => 'i',
            // j next to a vowel at a word start or between vowels is a glide.
            'j' if next.is_some_and(is_vowel) && prev.is_none_or(is_vowel) => 'i',
            'j' if prev.is_some_and(is_vowel) && next.is_none() => 'i',
            c => c,
        };
        out.push(c);
    }
    // Glide before e: "ie" after a vowel or at the start is just "e" (yev/iev/ev).
    let mut res: Vec<char> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let c = out[i];
        if c == 'i' && out.get(i + 1) == Some(&'e') {
            let at_start = res.is_empty();
            let after_vowel = res.last().is_some_and(|&p| is_vowel(p));
            if at_start || after_vowel {
                i += 1;
                continue;
            }
        }
        res.push(c);
        i += 1;
    }
    // ё after sibilants: Gorbachov/Gorbachev.
    let mut s: String = res.into_iter().collect();
    for (a, b) in [("cho", "che"), ("sho", "she"), ("jo", "je")] {
        if s.contains(a) && !s.starts_with(a) {
            let head = &s[..1];
            let tail = s[1..].replace(a, b);
            s = format!("{head}{tail}");
        }
    }
    // Collapse doubled letters.
    let mut collapsed = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            collapsed.push(c);
        }
        last = Some(c);
    }
    let mut s = collapsed;
    // Endings.
    if let Some(stem) = s.strip_suffix("of") {
        if stem.len() >= 3 {
            s = format!("{stem}ov");
        }
    }
    if let Some(stem) = s.strip_suffix("enka") {
        s = format!("{stem}enko");
    }
    // Consonant + "er" at the end: Alexander/Aleksandr, Peter/Petr.
    if s.len() >= 4 && s.ends_with("er") {
        let b = s.as_bytes();
        if let Some(&p) = b.get(b.len() - 3) {
            if matches!(p, b'b' | b'd' | b'g' | b'k' | b'p' | b't') {
                s = format!("{}r", &s[..s.len() - 2]);
            }
        }
    }
    s
}

/// Transliteration key of a multi-word name (words keyed and joined by a space).
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(translit_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Organisation/place key: folded, leading article dropped, British/American
/// spelling variants unified.
pub fn org_key(name: &str) -> String {
    let f = fold(name);
    let mut ws: Vec<String> = Vec::new();
    for (i, w) in f.split(' ').enumerate() {
        if i == 0 && w == "the" {
            continue;
        }
        ws.push(spelling_variant(w));
    }
    // "Defence Ministry" -> "ministry of defense".
    if ws.len() >= 2 && ws.len() <= 4 {
        if let Some(last) = ws.last() {
            if matches!(last.as_str(), "ministry" | "department") && !ws.iter().any(|w| w == "of") {
                let head = last.clone();
                ws.pop();
                return format!("{head} of {}", ws.join(" "));
            }
        }
    }
    ws.join(" ")
}

fn spelling_variant(w: &str) -> String {
    if let Some((_, b)) = gazetteer::SPELLING.iter().find(|(a, _)| *a == w) {
        return (*b).to_string();
    }
    for (suf, rep) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ising", "izing"),
    ] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.len() >= 3 {
                return format!("{stem}{rep}");
            }
        }
    }
    if let Some(stem) = w.strip_suffix("tre") {
        if stem.len() >= 2 {
            return format!("{stem}ter");
        }
    }
    w.to_string()
}

/// True if `s` looks like an acronym: 2–8 letters, mostly uppercase ("CSTO", "U.S.", "NATO").
pub fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let others_ok = s
        .chars()
        .all(|c| c.is_alphanumeric() || c == '.' || c == '&' || c == '-');
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    others_ok && (2..=8).contains(&letters.len()) && upper >= 2 && upper * 4 >= letters.len() * 3
}

/// Letters of an acronym, uppercased ("U.S." -> "US").
pub fn acronym_letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Initials of the content words of an expansion ("Collective Security
/// Treaty Organisation" -> "CSTO"); hyphenated parts count separately.
pub fn initials(expansion: &str) -> String {
    let f = fold(expansion);
    f.split(' ')
        .filter(|w| !w.is_empty() && !gazetteer::ACRONYM_SKIP.contains(w))
        .filter_map(|w| w.chars().next())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// True if `acr` plausibly abbreviates `expansion`: all content-word
/// initials, or initials with function words included.
pub fn acronym_matches(acr: &str, expansion: &str) -> bool {
    let a = acronym_letters(acr);
    if a.len() < 2 {
        return false;
    }
    if initials(expansion) == a {
        return true;
    }
    let all: String = fold(expansion)
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "the")
        .filter_map(|w| w.chars().next())
        .flat_map(|c| c.to_uppercase())
        .collect();
    all == a
}

/// Levenshtein distance, capped: returns `cap + 1` as soon as it is exceeded.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap + 1)
}

/// True if the surface form is ALL-CAPS or all-lowercase (not a well-formed display name).
pub fn is_ill_cased(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return true;
    }
    let all_lower = letters.iter().all(|c| c.is_lowercase());
    let all_upper = letters.iter().all(|c| c.is_uppercase());
    all_lower || (all_upper && letters.len() > 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translit_variants_share_keys() {
        for (a, b) in [
            ("Tokayev", "Tokaev"),
            ("Zelenskyy", "Zelensky"),
            ("Zelenskiy", "Zelensky"),
            ("Aleksandr", "Alexander"),
            ("Yevgeny", "Evgeniy"),
            ("Gorbachev", "Gorbachov"),
            ("Rachmaninoff", "Rachmaninov"),
            ("Khrushchev", "Hrushchev"),
            ("Dostoyevsky", "Dostoevsky"),
            ("Tchaikovsky", "Chaikovsky"),
            ("Tymoshenko", "Tymoshenka"),
            ("Yuri", "Iouri"),
            ("Massimov", "Masimov"),
            ("Zhanna", "Janna"),
            ("Müller", "Muller"),
        ] {
            assert_eq!(translit_key(a), translit_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn translit_keeps_different_names_apart() {
        for (a, b) in [
            ("Massimov", "Kassimov"),
            ("Ivanov", "Ivanova"),
            ("Peters", "Petrov"),
            ("Joe", "Hunter"),
            ("Putin", "Patan"),
        ] {
            assert_ne!(translit_key(a), translit_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn titles_are_stripped() {
        let s = "President Joe Biden";
        assert_eq!(&s[strip_titles(s)..], "Joe Biden");
        let s = "former Prime Minister Ana Tello";
        assert_eq!(&s[strip_titles(s)..], "Ana Tello");
        let s = "Gen. Ivo Marr";
        assert_eq!(&s[strip_titles(s)..], "Ivo Marr");
        let s = "Freedonian President Ana Tello";
        assert_eq!(&s[strip_titles(s)..], "Ana Tello");
        let s = "Russian President Ivo Marr";
        assert_eq!(&s[strip_titles(s)..], "Ivo Marr");
        let s = "Mr Grey";
        assert_eq!(&s[strip_titles(s)..], "Grey");
        let s = "President";
        assert_eq!(&s[strip_titles(s)..], "President");
        let s = "Paris Hilton";
        assert_eq!(&s[strip_titles(s)..], "Paris Hilton");
    }

    #[test]
    fn core_strips_article_and_possessive() {
        let s = "the Alliance’s";
        let (a, b) = core_bounds(s);
        assert_eq!(&s[a..b], "Alliance");
        let s = "Biden's";
        let (a, b) = core_bounds(s);
        assert_eq!(&s[a..b], "Biden");
    }

    #[test]
    fn acronyms_match_expansions() {
        assert!(acronym_matches("NTO", "Northern Treaty Organisation"));
        assert!(acronym_matches("UN", "United Nations"));
        assert!(acronym_matches("EU", "the European Union"));
        assert!(acronym_matches("BoE", "Bank of England"));
        assert!(!acronym_matches("FSB", "Federal Security Service"));
        assert!(!acronym_matches("UN", "European Union"));
        assert!(is_acronym("U.S."));
        assert!(is_acronym("NATO"));
        assert!(!is_acronym("Nato"));
        assert!(!is_acronym("A"));
    }

    #[test]
    fn org_keys_unify_spelling() {
        assert_eq!(
            org_key("the Northern Treaty Organisation"),
            org_key("Northern Treaty Organization")
        );
        assert_eq!(org_key("Defence Centre"), org_key("Defense Center"));
        assert_ne!(org_key("Defence Council"), org_key("Defense Center"));
        assert_eq!(
            org_key("Defence Ministry"),
            org_key("the Ministry of Defense")
        );
    }

    #[test]
    fn edit_distance_caps() {
        assert_eq!(edit_distance("masimov", "kasimov", 2), 1);
        assert_eq!(edit_distance("abc", "abc", 1), 0);
        assert_eq!(edit_distance("abcdef", "uvwxyz", 1), 2);
    }
}
