//! Splitting one whitespace-free chunk into tokens: prefixes, suffixes,
//! whole-token patterns (URLs, e-mails, handles), infixes and clitics.

use crosscheck_doc::{Span, Token};

/// Abbreviations that keep their final period (lowercased, without the
/// period). General English only.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt",
    "capt", "maj", "cmdr", "adm", "gov", "sen", "rep", "reps", "pres", "rev", "hon", "fr", "mt",
    "ft", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "approx", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "vol", "vols", "pp", "ed", "eds", "al", "cf", "fig", "figs",
    "ave", "blvd", "rd", "hwy", "ca", "univ", "assn", "bros", "govt", "intl", "natl", "ph.d",
    "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "b.c", "a.d", "viz",
    "esp", "incl", "dist", "gov't", "calif", "fla", "ariz", "mich", "minn", "okla", "colo",
];

/// Abbreviations that are almost never sentence-final (titles): the
/// sentence splitter never ends a sentence after them.
pub(crate) const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj",
    "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "fr", "mt", "st", "vs", "vol", "pp",
    "fig", "cf", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "incl", "esp", "viz",
];

fn lower_eq_any(s: &str, list: &[&str]) -> bool {
    s.len() <= 8 && list.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// True if `word` (ending in '.') keeps its period as part of the token.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    if lower_eq_any(stem, ABBREVIATIONS) {
        return true;
    }
    let mut chars = stem.chars();
    // Initials: "J." (a single letter).
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    // Letter-period sequences: "U.S.", "e.g.", "Ph.D."
    if stem.contains('.') {
        return stem.split('.').all(|p| {
            !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
        });
    }
    false
}

/// True if `word` (with final period) is a title-like abbreviation.
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|s| lower_eq_any(s, TITLE_ABBREVIATIONS))
}

fn is_open(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '<'
            | '•'
            | '·'
            | '‣'
            | '◦'
            | '▪'
            | '●'
            | '■'
            | '►'
            | '▶'
            | '→'
            | '¿'
            | '¡'
            | '*'
            | '~'
            | '|'
            | '`'
    )
}

fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '>'
            | ','
            | ';'
            | ':'
            | '%'
            | '*'
            | '|'
            | '`'
            | '‰'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '―' | '‒' | '−' | '⸺' | '⸻')
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₽' | '₹' | '₸' | '₴')
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// Splits `chunk` (at absolute offset `base`) and appends its tokens.
pub(crate) fn split_chunk(chunk: &str, base: usize, out: &mut Vec<Token>) {
    let mut pieces: Vec<(usize, usize)> = Vec::with_capacity(4);
    split_rec(chunk, 0, &mut pieces, 0);
    for (s, e) in pieces {
        if e > s {
            out.push(Token {
                span: Span::new(base + s, base + e),
                space_before: false,
            });
        }
    }
}

/// Length in bytes of a run of '.'s or '…' at the start of `s` (≥ 2 dots or one '…').
fn ellipsis_prefix(s: &str) -> usize {
    if s.starts_with('…') {
        let mut n = 0;
        for c in s.chars() {
            if c == '…' || c == '.' {
                n += c.len_utf8();
            } else {
                break;
            }
        }
        return n;
    }
    let dots = s.bytes().take_while(|b| *b == b'.').count();
    if dots >= 2 {
        let rest = s.get(dots..).unwrap_or("");
        dots + rest
            .chars()
            .take_while(|c| *c == '…')
            .map(char::len_utf8)
            .sum::<usize>()
    } else {
        0
    }
}

/// Length in bytes of a run of dots/'…' at the end of `s` (≥ 2 dots or a '…').
fn ellipsis_suffix(s: &str) -> usize {
    let mut n = 0;
    let mut dots = 0;
    let mut has_ell = false;
    for c in s.chars().rev() {
        if c == '.' {
            dots += 1;
            n += 1;
        } else if c == '…' {
            has_ell = true;
            n += c.len_utf8();
        } else {
            break;
        }
    }
    if has_ell || dots >= 2 {
        n
    } else {
        0
    }
}

/// Whole-token patterns: URLs, e-mail addresses, @handles and #hashtags.
fn is_special(s: &str) -> bool {
    let l = s.as_bytes();
    let lower_starts = |p: &str| {
        l.len() >= p.len()
            && l.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    if lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("www.")
        || lower_starts("ftp://")
    {
        return true;
    }
    if let Some(at) = s.find('@') {
        let (user, dom) = (&s[..at], &s[at + 1..]);
        if at == 0 {
            return dom.len() > 1 && dom.chars().all(|c| c.is_alphanumeric() || c == '_');
        }
        if !user.is_empty() && dom.contains('.') && !dom.starts_with('.') && !dom.ends_with('.') {
            return user
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
                && dom
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        }
    }
    if let Some(rest) = s.strip_prefix('#') {
        return !rest.is_empty() && rest.chars().all(|c| c.is_alphanumeric() || c == '_');
    }
    // Bare domains with a path or a common TLD: "example.com/page".
    if let Some(dot) = s.rfind('.') {
        let host_end = s.find('/').unwrap_or(s.len());
        let host = &s[..host_end];
        if let Some(hd) = host.rfind('.') {
            let tld = &host[hd + 1..];
            let known = [
                "com", "org", "net", "gov", "edu", "io", "info", "ru", "uk", "int",
            ];
            if hd > 0
                && known.iter().any(|k| k.eq_ignore_ascii_case(tld))
                && host[..hd]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
                && host[..hd].chars().any(|c| c.is_ascii_alphabetic())
            {
                return true;
            }
        }
        let _ = dot;
    }
    false
}

/// Recursive splitter; `depth` bounds recursion on pathological input.
fn split_rec(s: &str, off: usize, out: &mut Vec<(usize, usize)>, depth: usize) {
    if s.is_empty() {
        return;
    }
    if depth > 64 {
        out.push((off, off + s.len()));
        return;
    }
    // --- prefixes ---
    let e = ellipsis_prefix(s);
    if e > 0 && e < s.len() {
        out.push((off, off + e));
        return split_rec(&s[e..], off + e, out, depth + 1);
    }
    if s.starts_with("--") {
        let n = s.bytes().take_while(|b| *b == b'-').count();
        out.push((off, off + n));
        return split_rec(&s[n..], off + n, out, depth + 1);
    }
    if let Some(c) = first_char(s) {
        let cl = c.len_utf8();
        let rest = &s[cl..];
        // Runs of one symbol ("*****", "=====", "!!!") are one token.
        if !c.is_alphanumeric()
            && !is_apos(c)
            && !matches!(c, '"' | '(' | ')' | '[' | ']')
            && rest.starts_with(c)
        {
            let n: usize = s.chars().take_while(|x| *x == c).map(char::len_utf8).sum();
            out.push((off, off + n));
            return split_rec(&s[n..], off + n, out, depth + 1);
        }
        let split_first = if rest.is_empty() {
            false
        } else if is_open(c) || is_dash(c) {
            !(c == '#' || c == '@')
        } else if is_apos(c) {
            // Keep "'s", "'90s", "'em"; split an opening quote.
            !is_clitic_like(rest)
        } else if c == '-' {
            !first_char(rest).is_some_and(|d| d.is_ascii_digit())
        } else if is_currency(c) {
            true
        } else {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '”'
                    | '»'
                    | '.'
                    | '/'
                    | '&'
                    | '='
                    | '+'
                    | '^'
            ) && !(c == '.' && first_char(rest).is_some_and(|d| d.is_ascii_digit()))
                && !(c == ':' && is_emoticon(s))
        };
        if split_first {
            out.push((off, off + cl));
            return split_rec(rest, off + cl, out, depth + 1);
        }
    }
    // --- suffixes (collected then emitted in order) ---
    let mut end = s.len();
    let mut suffixes: Vec<(usize, usize)> = Vec::new();
    loop {
        let cur = &s[..end];
        if cur.is_empty() || is_emoticon(cur) {
            break;
        }
        let ell = ellipsis_suffix(cur);
        if ell > 0 && ell < cur.len() {
            suffixes.push((end - ell, end));
            end -= ell;
            continue;
        }
        let Some(c) = last_char(cur) else { break };
        let cl = c.len_utf8();
        if cl >= cur.len() {
            break;
        }
        let stem = &cur[..cur.len() - cl];
        if c == '.' {
            if is_abbreviation(cur) {
                break;
            }
            suffixes.push((end - 1, end));
            end -= 1;
            continue;
        }
        if c == '!' || c == '?' {
            // Runs like "?!" or "!!!" are one token.
            let n: usize = cur
                .chars()
                .rev()
                .take_while(|c| *c == '!' || *c == '?')
                .map(char::len_utf8)
                .sum();
            if n >= cur.len() {
                break;
            }
            suffixes.push((end - n, end));
            end -= n;
            continue;
        }
        if c == '-' && stem.ends_with('-') {
            let n = cur.bytes().rev().take_while(|b| *b == b'-').count();
            if n >= cur.len() {
                break;
            }
            suffixes.push((end - n, end));
            end -= n;
            continue;
        }
        if is_apos(c) {
            // Plural possessive "parents'" or a closing quote: both split.
            suffixes.push((end - cl, end));
            end -= cl;
            continue;
        }
        if is_close(c) || is_dash(c) || (c == '-' && !stem.is_empty()) || is_currency(c) {
            suffixes.push((end - cl, end));
            end -= cl;
            continue;
        }
        break;
    }
    let core = &s[..end];
    if !core.is_empty() {
        if is_special(core) || is_emoticon(core) {
            out.push((off, off + core.len()));
        } else {
            split_core(core, off, out, depth);
        }
    }
    out.extend(suffixes.into_iter().rev().map(|(a, b)| (off + a, off + b)));
}

fn is_emoticon(s: &str) -> bool {
    matches!(
        s,
        ":)" | ":("
            | ":-)"
            | ":-("
            | ";)"
            | ";-)"
            | ":D"
            | ":P"
            | ":p"
            | ":/"
            | "<3"
            | ":-D"
            | ":'("
    )
}

fn is_clitic_like(rest: &str) -> bool {
    let l = rest.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "s" | "re" | "ve" | "ll" | "d" | "m" | "em" | "cause" | "til" | "n" | "t"
    ) || (rest.len() >= 2 && rest.bytes().take_while(u8::is_ascii_digit).count() == 2 && {
        let tail = &rest[2..];
        tail.is_empty() || tail == "s"
    })
}

/// Infixes: dashes, ellipses, commas/quotes between words, missing spaces
/// after periods; then clitics on what is left.
fn split_core(s: &str, off: usize, out: &mut Vec<(usize, usize)>, depth: usize) {
    let b = s.as_bytes();
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let cl = c.len_utf8();
        let next = s[i + cl..].chars().next();
        let at_infix = if i == 0 {
            None
        } else if is_dash(c) || (c == '-' && b.get(i + 1) == Some(&b'-')) {
            let n = if c == '-' {
                s[i..].bytes().take_while(|x| *x == b'-').count()
            } else {
                cl
            };
            Some(n)
        } else if c == '…' || (c == '.' && b.get(i + 1) == Some(&b'.')) {
            let n = ellipsis_prefix(&s[i..]);
            (n > 0).then_some(n)
        } else if matches!(
            c,
            '"' | '“' | '”' | '(' | ')' | '[' | ']' | ';' | '!' | '?' | '•' | '|'
        ) {
            Some(cl)
        } else if c == ',' {
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            (!digits).then_some(cl)
        } else if c == ':' {
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            (!digits).then_some(cl)
        } else if c == '.' {
            // "end.Next": a missing space between sentences.
            let left = &s[..i];
            let lower_run = left.chars().rev().take_while(|c| c.is_lowercase()).count();
            let upper_next = next.is_some_and(char::is_uppercase);
            let lower_after = s[i + cl..].chars().nth(1).is_some_and(char::is_lowercase);
            (lower_run >= 2 && upper_next && lower_after && !left.contains('.')).then_some(cl)
        } else {
            None
        };
        if let Some(n) = at_infix {
            split_rec(&s[..i], off, out, depth + 1);
            out.push((off + i, off + i + n));
            split_rec(&s[i + n..], off + i + n, out, depth + 1);
            return;
        }
        prev = Some(c);
    }
    split_clitics(s, off, out);
}

/// `don't` → `do` `n't`, `it's` → `it` `'s`, `cannot` → `can` `not`,
/// `gonna` → `gon` `na`.
fn split_clitics(s: &str, off: usize, out: &mut Vec<(usize, usize)>) {
    let lower_ends = |suf: &str| {
        s.len() > suf.len()
            && s.is_char_boundary(s.len() - suf.len())
            && s[s.len() - suf.len()..].eq_ignore_ascii_case(suf)
    };
    // n't (straight or curly apostrophe).
    for suf in ["n't", "n’t"] {
        if lower_ends(suf) {
            let cut = s.len() - suf.len();
            out.push((off, off + cut));
            out.push((off + cut, off + s.len()));
            return;
        }
    }
    for suf in [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    ] {
        if lower_ends(suf) {
            let cut = s.len() - suf.len();
            let stem = &s[..cut];
            // Needs a real word before it ("it's", not "'s" alone or "o's").
            if stem.chars().any(char::is_alphanumeric) && !stem.ends_with(['\'', '’']) {
                out.push((off, off + cut));
                out.push((off + cut, off + s.len()));
                return;
            }
        }
    }
    let lower = if s.len() <= 7 {
        s.to_ascii_lowercase()
    } else {
        String::new()
    };
    let cut = match lower.as_str() {
        "cannot" => Some(3),
        "gonna" | "wanna" | "gotta" => Some(3),
        _ => None,
    };
    if let Some(c) = cut {
        out.push((off, off + c));
        out.push((off + c, off + s.len()));
        return;
    }
    out.push((off, off + s.len()));
}
