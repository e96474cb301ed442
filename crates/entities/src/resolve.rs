//! The resolver: per-document linking, then cross-document merging by keys,
//! then possible-same pairs, related links and metonymy.

use crate::gazetteer;
use crate::names::{self, acronym_letters, fold, is_acronym, translit_key};
use crate::{DocMentions, EntityType, Resolution, ResolvedEntity, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An internal mention.
#[derive(Debug, Clone)]
struct Mn {
    doc: usize,
    span: Span,
    kind: EntityType,
    /// Display form: article, possessive and (persons) titles stripped.
    bare: String,
    /// Type-specific key (transliteration-aware).
    key: String,
    /// Folded core (article/possessive stripped, titles kept), for epithet matching.
    core: String,
    /// Persons: first and last name keys (first empty for one-word names).
    first: String,
    last: String,
    /// Acronym letters when the bare form is an acronym.
    acronym: Option<String>,
    /// A bare surname kept from a same-surname full name in its own sentence
    /// ("Hunter Biden, the son of President Biden"): likely another person.
    blocked: bool,
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    /// Unions keeping the smaller root (deterministic).
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Types that can be one thing when the tagger disagrees within a document.
fn type_class(t: EntityType) -> u8 {
    match t {
        EntityType::Person | EntityType::Org | EntityType::Other | EntityType::Event => 0,
        EntityType::Gpe | EntityType::Loc => 1,
        EntityType::Norp => 2,
    }
}

/// Types merged across documents when keys agree.
fn merge_class(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Gpe | EntityType::Loc => 2,
        EntityType::Norp => 3,
        EntityType::Event => 4,
        EntityType::Other => 5,
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Key of a place/organisation/other name.
fn thing_key(bare: &str, kind: EntityType) -> String {
    let ok = names::org_key(bare);
    let ok = match kind {
        EntityType::Gpe | EntityType::Loc => gazetteer::place_canonical(&ok)
            .map(str::to_string)
            .unwrap_or(ok),
        EntityType::Norp => {
            let mut s = ok;
            for a in gazetteer::DEMONYM_AFFIXES {
                let a = a.trim_start_matches('-');
                if let Some(st) = s.strip_suffix(a) {
                    s = st.trim_end().to_string();
                }
            }
            for p in ["pro ", "anti "] {
                if let Some(st) = s.strip_prefix(p) {
                    s = st.to_string();
                }
            }
            // Singular and plural demonyms are one group (Freedonian/Freedonians).
            if s.len() > 4 && !s.contains(' ') && s.ends_with('s') && !s.ends_with("ss") {
                s.pop();
            }
            s
        }
        _ => ok,
    };
    ok.split(' ')
        .filter(|w| !w.is_empty())
        .map(translit_key)
        .collect::<Vec<_>>()
        .join(" ")
}

const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Builds an internal mention; `None` if the span is unusable.
fn make(doc: usize, text: &str, span: Span, kind: EntityType) -> Option<Mn> {
    span.check(text).ok()?;
    let raw = span.get(text)?;
    let (a, b) = names::core_bounds(raw);
    let span = Span::new(span.start + a, span.start + b);
    let core = span.get(text)?;
    if !core.chars().any(char::is_alphabetic) {
        return None;
    }
    let bare = if kind == EntityType::Person {
        let off = names::strip_titles(core);
        core.get(off..).unwrap_or(core)
    } else {
        core
    };
    let bare = bare.trim();
    if !bare.chars().any(char::is_alphabetic) {
        return None;
    }
    let lower_acr = kind == EntityType::Org
        && (2..=5).contains(&bare.len())
        && bare.bytes().all(|b| b.is_ascii_lowercase());
    let acronym = (is_acronym(bare) || lower_acr).then(|| acronym_letters(bare));
    let (key, first, last) = if kind == EntityType::Person && acronym.is_none() {
        let f = fold(bare);
        let mut ws: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        while ws.len() > 1 && ws.last().is_some_and(|w| NAME_SUFFIXES.contains(w)) {
            ws.pop();
        }
        let keys: Vec<String> = ws.iter().map(|w| translit_key(w)).collect();
        let last = keys.last().cloned().unwrap_or_default();
        let first = if keys.len() > 1 {
            keys.first().cloned().unwrap_or_default()
        } else {
            String::new()
        };
        let key = if first.is_empty() {
            last.clone()
        } else {
            format!("{first} {last}")
        };
        (key, first, last)
    } else {
        let key = match &acronym {
            Some(l) if kind != EntityType::Gpe && kind != EntityType::Loc => format!("#{l}"),
            _ => thing_key(bare, kind),
        };
        (key, String::new(), String::new())
    };
    if key.is_empty() {
        return None;
    }
    Some(Mn {
        doc,
        span,
        kind,
        core: names::org_key(core),
        bare: bare.to_string(),
        key,
        first,
        last,
        acronym,
        blocked: false,
    })
}

/// Sorted occupied spans of one document, for overlap checks.
fn overlaps_any(sorted: &[Span], s: Span) -> bool {
    let i = sorted.partition_point(|x| x.end <= s.start);
    sorted.get(i).is_some_and(|x| x.start < s.end)
}

/// Next word after byte `pos`, skipping spaces: (word, end).
fn next_word(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let t = rest.trim_start_matches([' ', '\t']);
    let start = pos + (rest.len() - t.len());
    let len = t
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(t.len());
    if len == 0 {
        return None;
    }
    Some((t.get(..len)?, start + len))
}

struct Links {
    /// Pairs of mention indices to union within a document.
    pairs: Vec<(usize, usize)>,
    /// Epithet aliases: (mention index of the epithet, folded epithet).
    epithets: Vec<(usize, String)>,
}

pub(crate) fn run(docs: &[DocMentions]) -> Resolution {
    let mut ms: Vec<Mn> = Vec::new();
    let mut links = Links {
        pairs: Vec::new(),
        epithets: Vec::new(),
    };
    let mut doc_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(docs.len());
    // Acronym letters -> expansion keys explicitly linked anywhere.
    let mut acr_expansions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        let start = ms.len();
        collect_doc(di, d, &mut ms, &mut links, &mut acr_expansions);
        doc_ranges.push(start..ms.len());
    }
    // Globally known acronyms: tag their untagged occurrences everywhere.
    if !acr_expansions.is_empty() {
        for (di, d) in docs.iter().enumerate() {
            let Some(range) = doc_ranges.get(di).cloned() else {
                continue;
            };
            let mut occupied: Vec<Span> = ms[range.clone()].iter().map(|m| m.span).collect();
            occupied.sort();
            let mut added = Vec::new();
            // One pass over the words (not one text scan per acronym).
            let b = d.text.as_bytes();
            let mut p = 0;
            while p < b.len() {
                if !b.get(p).is_some_and(|&x| is_word_byte(x)) {
                    p += 1;
                    continue;
                }
                let ws = p;
                while b.get(p).is_some_and(|&x| is_word_byte(x)) {
                    p += 1;
                }
                let s = Span::new(ws, p);
                let Some(w) = s.get(d.text) else { continue };
                if w.len() >= 3 && acr_expansions.contains_key(w) && !overlaps_any(&occupied, s) {
                    if let Some(m) = make(di, d.text, s, EntityType::Org) {
                        added.push(m);
                    }
                }
            }
            if !added.is_empty() {
                // Keep each document's mentions contiguous: splice in.
                let at = range.end;
                let n = added.len();
                ms.splice(at..at, added);
                shift_after(&mut doc_ranges, &mut links, di, at, n);
            }
        }
    }
    let n = ms.len();
    let mut dsu = Dsu((0..n).collect());
    for &(a, b) in &links.pairs {
        if a < n && b < n {
            dsu.union(a, b);
        }
    }
    for (di, r) in doc_ranges.iter().enumerate() {
        let Some(d) = docs.get(di) else { continue };
        let naive;
        let sents = if d.sentences.is_empty() {
            naive = crate::naive_sentences(d.text);
            &naive[..]
        } else {
            d.sentences
        };
        within_doc(sents, r.clone(), &mut ms, &mut dsu);
    }
    across_docs(&ms, &mut dsu, &links);
    build(docs, &ms, &mut dsu)
}

/// Keeps ranges and link indices valid after inserting `n` mentions at `at` (in doc `di`).
fn shift_after(
    ranges: &mut [std::ops::Range<usize>],
    links: &mut Links,
    di: usize,
    at: usize,
    n: usize,
) {
    for (j, r) in ranges.iter_mut().enumerate() {
        if j == di {
            r.end += n;
        } else if j > di {
            r.start += n;
            r.end += n;
        }
    }
    for (a, b) in links.pairs.iter_mut() {
        if *a >= at {
            *a += n;
        }
        if *b >= at {
            *b += n;
        }
    }
    for (a, _) in links.epithets.iter_mut() {
        if *a >= at {
            *a += n;
        }
    }
}

/// Collects one document's mentions, adds pattern-found ones (acronyms in
/// parentheses, case variants, epithets) and records their links.
fn collect_doc(
    di: usize,
    d: &DocMentions,
    ms: &mut Vec<Mn>,
    links: &mut Links,
    acr_exp: &mut BTreeMap<String, BTreeSet<String>>,
) {
    let text = d.text;
    let base = ms.len();
    let mut local: Vec<Mn> = d
        .mentions
        .iter()
        .filter_map(|m| make(di, text, m.span, m.label))
        .collect();
    local.sort_by_key(|m| m.span);
    local.dedup_by(|a, b| a.span.overlaps(&b.span));
    extend_to_acronyms(di, text, &mut local);
    local.dedup_by(|a, b| a.span.overlaps(&b.span));
    harmonise_types(&mut local);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut extra: Vec<Mn> = Vec::new();
    let bytes = text.as_bytes();
    // Acronyms: "Expansion (ACR)", "Expansion, or ACR", "ACR (Expansion)".
    for (i, m) in local.iter().enumerate() {
        if m.kind == EntityType::Person {
            continue;
        }
        let after = m.span.end;
        let rest = text.get(after..).unwrap_or("");
        let (acr_start, acr_text, need_close, ors) =
            if let Some(r) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix("(")) {
                let off = rest.len() - r.len();
                let len = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '&' || c == '-'))
                    .unwrap_or(r.len());
                (after + off, r.get(..len).unwrap_or(""), true, false)
            } else if let Some(r) = rest
                .strip_prefix(", or ")
                .or_else(|| rest.strip_prefix(", also known as "))
                .or_else(|| rest.strip_prefix(", known as "))
            {
                let off = rest.len() - r.len();
                let len = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '&'))
                    .unwrap_or(r.len());
                (after + off, r.get(..len).unwrap_or(""), false, true)
            } else {
                continue;
            };
        let acr_text = acr_text.trim_end_matches('.');
        if acr_text.is_empty() || !is_acronym(acr_text) || m.acronym.is_some() {
            // "ACR (Expansion)": the parenthesised mention is the expansion.
            if m.acronym.is_some() && need_close {
                if let Some(j) = local.iter().position(|x| x.span.start == acr_start) {
                    if let (Some(a), Some(x)) = (&m.acronym, local.get(j)) {
                        if x.acronym.is_none() && names::acronym_matches(a, &x.bare) {
                            pairs.push((i, j));
                            acr_exp.entry(a.clone()).or_default().insert(x.key.clone());
                        }
                    }
                }
            }
            continue;
        }
        let end = acr_start + acr_text.len();
        if need_close && bytes.get(end) != Some(&b')') {
            continue;
        }
        let letters = acronym_letters(acr_text);
        let first_ok = names::initials(&m.bare).chars().next() == letters.chars().next();
        if !(names::acronym_matches(acr_text, &m.bare) || (first_ok && (need_close || ors))) {
            continue;
        }
        let s = Span::new(acr_start, end);
        acr_exp.entry(letters).or_default().insert(m.key.clone());
        if let Some(j) = local.iter().position(|x| x.span.overlaps(&s)) {
            pairs.push((i, j));
        } else if let Some(mut x) = make(di, text, s, m.kind) {
            x.kind = m.kind;
            extra.push(x);
            pairs.push((i, local.len() + extra.len() - 1));
        }
    }
    // Case variants of known names ("putin", "PUTIN" in comments): index the
    // names by their first word, then scan the text's words once.
    let mut occupied: Vec<Span> = local.iter().chain(extra.iter()).map(|m| m.span).collect();
    occupied.sort();
    let lower = text.to_ascii_lowercase();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut by_first: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for (i, m) in local.iter().enumerate() {
        if m.acronym.is_some()
            || !matches!(
                m.kind,
                EntityType::Person | EntityType::Org | EntityType::Gpe
            )
        {
            continue;
        }
        let multi = m.bare.contains(' ');
        if m.bare.len() < 4 || (!multi && m.bare.len() < 5) || !m.bare.is_ascii() {
            continue;
        }
        let mut forms = vec![m.bare.to_ascii_lowercase()];
        if m.kind == EntityType::Person && multi {
            if let Some(sur) = m.bare.split_whitespace().last().filter(|w| w.len() >= 5) {
                forms.push(sur.to_ascii_lowercase());
            }
        }
        for nl in forms {
            if !seen.insert(nl.clone()) {
                continue;
            }
            let first = nl.split(' ').next().unwrap_or("").to_string();
            by_first.entry(first).or_default().push((nl, i));
        }
    }
    let mut variants: Vec<Mn> = Vec::new();
    let mut variant_of: Vec<usize> = Vec::new();
    let lb = lower.as_bytes();
    let mut p = 0;
    while !by_first.is_empty() && p < lb.len() {
        if !lb.get(p).is_some_and(|&b| is_word_byte(b)) {
            p += 1;
            continue;
        }
        let ws = p;
        while lb.get(p).is_some_and(|&b| is_word_byte(b)) {
            p += 1;
        }
        let Some(word) = text.get(ws..p) else {
            continue;
        };
        let up = word.bytes().any(|b| b.is_ascii_uppercase());
        let lo = word.bytes().any(|b| b.is_ascii_lowercase());
        if up && lo {
            continue;
        }
        let Some(cands) = lower.get(ws..p).and_then(|w| by_first.get(w)) else {
            continue;
        };
        for (form, i) in cands {
            let end = ws + form.len();
            if lower.get(ws..end) != Some(form.as_str())
                || lb.get(end).is_some_and(|&b| is_word_byte(b))
            {
                continue;
            }
            let s = Span::new(ws, end);
            let Some(surface) = s.get(text) else { continue };
            let Some(m) = local.get(*i) else { continue };
            let all_upper = !surface.chars().any(|c| c.is_lowercase());
            let all_lower = !surface.chars().any(|c| c.is_uppercase());
            let multi = form.contains(' ');
            let ok = (all_upper && surface.len() >= 4)
                || (all_lower && (multi || m.kind == EntityType::Person));
            if ok && !overlaps_any(&occupied, s) {
                if let Some(x) = make(di, text, s, m.kind) {
                    let at = occupied.partition_point(|o| *o < s);
                    occupied.insert(at, s);
                    variants.push(x);
                    variant_of.push(*i);
                    break;
                }
            }
        }
    }
    for (x, i) in variants.into_iter().zip(variant_of) {
        extra.push(x);
        pairs.push((i, local.len() + extra.len() - 1));
    }
    // Epithets introduced by apposition: "…, known as 'the Father of X'".
    let regions: Vec<Span> = if d.sentences.is_empty() {
        crate::naive_sentences(text)
    } else {
        d.sentences.to_vec()
    };
    let mut epithets: Vec<(usize, String)> = Vec::new();
    for r in regions {
        let Some(sent) = r.get(text) else { continue };
        let sl = sent.to_ascii_lowercase();
        for cue in gazetteer::EPITHET_CUES {
            for (ci, _) in sl.match_indices(cue) {
                let after = ci + cue.len();
                let Some(rest) = sent.get(after..) else {
                    continue;
                };
                let t = rest.trim_start();
                let Some(q) = t.chars().next() else { continue };
                let close = match q {
                    '\'' => '\'',
                    '"' => '"',
                    '‘' => '’',
                    '“' => '”',
                    '«' => '»',
                    _ => continue,
                };
                let open_at = r.start + after + (rest.len() - t.len());
                let inner_start = open_at + q.len_utf8();
                let Some(inner) = text.get(inner_start..r.end) else {
                    continue;
                };
                let Some(len) = inner.find(close) else {
                    continue;
                };
                if len == 0 || len > 80 {
                    continue;
                }
                let es = Span::new(inner_start, inner_start + len);
                // The person: nearest preceding PERSON in the sentence, else following.
                let cue_at = r.start + ci;
                let all = local.iter().enumerate();
                let before = all
                    .clone()
                    .filter(|(_, m)| {
                        m.kind == EntityType::Person
                            && m.span.start >= r.start
                            && m.span.end <= cue_at
                    })
                    .max_by_key(|(_, m)| m.span.end);
                let person = before.or_else(|| {
                    all.filter(|(_, m)| {
                        m.kind == EntityType::Person
                            && m.span.start >= es.end
                            && m.span.end <= r.end
                    })
                    .min_by_key(|(_, m)| m.span.start)
                });
                let Some((pi, _)) = person else { continue };
                let Some(surface) = es.get(text) else {
                    continue;
                };
                let folded = names::org_key(surface);
                if folded.split(' ').count() < 2 {
                    continue;
                }
                if let Some(j) = local.iter().position(|x| x.span.overlaps(&es)) {
                    if let Some(x) = local.get_mut(j) {
                        x.kind = EntityType::Person;
                        x.key = format!("~{folded}");
                        x.first.clear();
                        x.last.clear();
                    }
                    pairs.push((pi, j));
                    epithets.push((j, folded));
                } else if let Some(mut x) = make(di, text, es, EntityType::Person) {
                    x.key = format!("~{folded}");
                    x.first.clear();
                    x.last.clear();
                    x.bare = surface.to_string();
                    extra.push(x);
                    let j = local.len() + extra.len() - 1;
                    pairs.push((pi, j));
                    epithets.push((j, folded));
                }
            }
        }
    }
    for (ej, f) in &epithets {
        for (k, m) in local.iter().enumerate() {
            if k != *ej && m.core == *f {
                pairs.push((*ej, k));
            }
        }
    }
    ms.extend(local);
    ms.extend(extra);
    links
        .pairs
        .extend(pairs.into_iter().map(|(a, b)| (base + a, base + b)));
    links
        .epithets
        .extend(epithets.into_iter().map(|(a, f)| (base + a, f)));
}

/// The acronym right after a span ("… (ACR)", "…, or ACR") or right before
/// an opening parenthesis that starts at the span ("ACR (…").
fn adjacent_acronym(text: &str, start: usize, end: usize) -> Option<String> {
    let rest = text.get(end..)?;
    let after = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix("("))
        .or_else(|| rest.strip_prefix(", or "));
    if let Some(r) = after {
        let len = r
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '&'))
            .unwrap_or(r.len());
        let w = r.get(..len)?.trim_end_matches('.');
        if is_acronym(w) {
            return Some(acronym_letters(w));
        }
    }
    let before = text.get(..start)?;
    let b = before.strip_suffix('(')?.trim_end();
    let w = b.rsplit(|c: char| c.is_whitespace()).next()?;
    is_acronym(w).then(|| acronym_letters(w))
}

/// NER often drops the first word of a long organisation name ("[Security
/// Treaty Organisation] (STO)" missing its first word): extend a mention over
/// up to three preceding capitalised words when that makes its initials match
/// an adjacent acronym.
fn extend_to_acronyms(di: usize, text: &str, local: &mut [Mn]) {
    for m in local.iter_mut() {
        if m.kind == EntityType::Person || m.acronym.is_some() {
            continue;
        }
        let end = m.span.end;
        let mut start = m.span.start;
        for k in 0..=3 {
            if k > 0 {
                let Some(before) = text.get(..start) else {
                    break;
                };
                let Some(b) = before.strip_suffix(' ') else {
                    break;
                };
                let wstart = b.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
                let Some(w) = b.get(wstart..) else { break };
                if w.is_empty()
                    || !w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "The" | "A" | "An")
                {
                    break;
                }
                start = wstart;
            }
            let Some(ext) = text.get(start..end) else {
                break;
            };
            let Some(acr) = adjacent_acronym(text, start, end) else {
                continue;
            };
            if names::initials(ext) == acr {
                if k > 0 {
                    if let Some(x) = make(di, text, Span::new(start, end), m.kind) {
                        *m = x;
                    }
                }
                break;
            }
        }
    }
}

/// Within a document, the same string tagged with compatible but different
/// types takes the majority type (ties keep the tag).
fn harmonise_types(local: &mut [Mn]) {
    let mut counts: HashMap<(String, u8), [u32; 7]> = HashMap::new();
    for m in local.iter() {
        let c = counts
            .entry((fold(&m.bare), type_class(m.kind)))
            .or_insert([0; 7]);
        if let Some(x) = c.get_mut(m.kind as usize) {
            *x += 1;
        }
    }
    for m in local.iter_mut() {
        let Some(c) = counts.get(&(fold(&m.bare), type_class(m.kind))) else {
            continue;
        };
        let mine = c.get(m.kind as usize).copied().unwrap_or(0);
        let best = EntityType::ALL.iter().copied().max_by_key(|t| {
            (
                c.get(*t as usize).copied().unwrap_or(0),
                std::cmp::Reverse(*t as usize),
            )
        });
        if let Some(b) = best {
            if c.get(b as usize).copied().unwrap_or(0) > mine {
                retype(m, b);
            }
        }
    }
}

fn retype(m: &mut Mn, t: EntityType) {
    if m.kind == t {
        return;
    }
    let text = m.bare.clone();
    let wrap = Span::new(0, text.len());
    if let Some(x) = make(m.doc, &text, wrap, t) {
        m.kind = t;
        m.key = x.key;
        m.first = x.first;
        m.last = x.last;
        m.acronym = x.acronym;
        m.bare = x.bare;
    }
}

/// Links within one document: same key; surnames and initials to full names;
/// acronyms to expansions by initials.
fn within_doc(sents: &[Span], r: std::ops::Range<usize>, ms: &mut [Mn], dsu: &mut Dsu) {
    let sent_of = |s: Span| sents.partition_point(|x| x.end <= s.start);
    let mut by_key: HashMap<(u8, &str), usize> = HashMap::new();
    // Full person names by surname key: (mention index) in text order.
    let mut full_by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut full_by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    let idx: Vec<usize> = r.collect();
    for &i in &idx {
        let Some(m) = ms.get(i) else { continue };
        let k = (merge_class(m.kind), m.key.as_str());
        match by_key.get(&k) {
            Some(&j) => dsu.union(i, j),
            None => {
                by_key.insert(k, i);
            }
        }
        if m.kind == EntityType::Person && !m.first.is_empty() && m.first.len() > 1 {
            full_by_last.entry(m.last.as_str()).or_default().push(i);
            full_by_first.entry(m.first.as_str()).or_default().push(i);
        }
    }
    let mut unions = Vec::new();
    let mut blocked = Vec::new();
    for &i in &idx {
        let Some(m) = ms.get(i) else { continue };
        if m.kind != EntityType::Person || m.key.starts_with('~') {
            continue;
        }
        let initial = (m.first.len() == 1).then(|| m.first.clone());
        if !(m.first.is_empty() || initial.is_some()) {
            continue;
        }
        let Some(cands) = full_by_last.get(m.last.as_str()) else {
            // Family name written first ("Xi Jinping" … "Xi"), or a first
            // name: attach only to a single full name in the document.
            if initial.is_none() {
                if let Some(fs) = full_by_first.get(m.last.as_str()) {
                    let keys: BTreeSet<&str> = fs
                        .iter()
                        .filter_map(|&c| ms.get(c).map(|x| x.key.as_str()))
                        .collect();
                    if keys.len() == 1 {
                        if let Some(&c) = fs.first() {
                            unions.push((i, c));
                        }
                    }
                }
            }
            continue;
        };
        let cands: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| match &initial {
                Some(ini) => ms.get(c).is_some_and(|x| x.first.starts_with(ini.as_str())),
                None => true,
            })
            .collect();
        let distinct: BTreeSet<&str> = cands
            .iter()
            .filter_map(|&c| ms.get(c).map(|x| x.first.as_str()))
            .collect();
        let here = sent_of(m.span);
        let same_sentence = !sents.is_empty()
            && cands.iter().any(|&c| {
                ms.get(c)
                    .is_some_and(|x| x.span.end <= m.span.start && sent_of(x.span) == here)
            });
        if same_sentence {
            blocked.push(i);
            continue;
        }
        let pick = cands
            .iter()
            .copied()
            .filter(|&c| ms.get(c).is_some_and(|x| x.span.end <= m.span.start))
            .max_by_key(|&c| ms.get(c).map(|x| x.span.start))
            .or_else(|| {
                (distinct.len() == 1)
                    .then(|| cands.first().copied())
                    .flatten()
            });
        if let Some(c) = pick {
            unions.push((i, c));
        }
    }
    drop(full_by_last);
    drop(full_by_first);
    drop(by_key);
    for i in blocked {
        if let Some(m) = ms.get_mut(i) {
            m.blocked = true;
        }
    }
    // Acronyms matching the initials of exactly one expansion in the document.
    let mut exp_by_initials: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for &i in &idx {
        let Some(m) = ms.get(i) else { continue };
        if m.acronym.is_none() && m.kind != EntityType::Person && m.bare.contains(' ') {
            let ini = names::initials(&m.bare);
            if ini.len() >= 2 {
                exp_by_initials.entry(ini).or_default().insert(dsu.find(i));
            }
        }
    }
    for &i in &idx {
        let Some(m) = ms.get(i) else { continue };
        if let Some(a) = &m.acronym {
            if let Some(roots) = exp_by_initials.get(a) {
                if roots.len() == 1 {
                    if let Some(&r) = roots.iter().next() {
                        unions.push((i, r));
                    }
                }
            }
        }
    }
    for (a, b) in unions {
        dsu.union(a, b);
    }
}

/// Majority type of a cluster's mentions (ties: lowest enum order).
fn majority(ms: &[Mn], members: &[usize]) -> EntityType {
    let mut c = [0u32; 7];
    for &i in members {
        if let Some(m) = ms.get(i) {
            if let Some(x) = c.get_mut(m.kind as usize) {
                *x += 1;
            }
        }
    }
    EntityType::ALL
        .iter()
        .copied()
        .max_by_key(|t| {
            (
                c.get(*t as usize).copied().unwrap_or(0),
                std::cmp::Reverse(*t as usize),
            )
        })
        .unwrap_or(EntityType::Other)
}

fn clusters(ms: &[Mn], dsu: &mut Dsu) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..ms.len() {
        out.entry(dsu.find(i)).or_default().push(i);
    }
    out
}

/// Cross-document merging by keys.
fn across_docs(ms: &[Mn], dsu: &mut Dsu, links: &Links) {
    // 1. Equal keys within a merge class (full person names, places, orgs).
    let mut by_key: HashMap<(u8, &str), usize> = HashMap::new();
    for (i, m) in ms.iter().enumerate() {
        let person_partial =
            m.kind == EntityType::Person && (m.first.is_empty() || m.first.len() == 1);
        if person_partial || m.key.starts_with('#') {
            continue;
        }
        let k = (merge_class(m.kind), m.key.as_str());
        match by_key.get(&k) {
            Some(&j) => dsu.union(i, j),
            None => {
                by_key.insert(k, i);
            }
        }
    }
    // Epithets shared across documents.
    let mut by_epithet: HashMap<&str, usize> = HashMap::new();
    for (i, f) in &links.epithets {
        match by_epithet.get(f.as_str()) {
            Some(&j) => dsu.union(*i, j),
            None => {
                by_epithet.insert(f.as_str(), *i);
            }
        }
    }
    // Mentions elsewhere that spell out a known epithet.
    if !by_epithet.is_empty() {
        for (i, m) in ms.iter().enumerate() {
            if let Some(&j) = by_epithet.get(m.core.as_str()) {
                dsu.union(i, j);
            }
        }
    }
    // 2. Acronym-only clusters -> the single expansion cluster with that acronym.
    let cl = clusters(ms, dsu);
    let mut acr_to_exp: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut initials_to_exp: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut acr_only: Vec<(usize, &str)> = Vec::new();
    for (&root, members) in &cl {
        let has_exp = members
            .iter()
            .any(|&i| ms.get(i).is_some_and(|m| m.acronym.is_none()));
        let kind = majority(ms, members);
        if kind == EntityType::Person {
            continue;
        }
        if has_exp {
            for &i in members {
                if let Some(m) = ms.get(i) {
                    if let Some(a) = &m.acronym {
                        acr_to_exp.entry(a.as_str()).or_default().insert(root);
                    } else if m.bare.contains(' ') {
                        let ini = names::initials(&m.bare);
                        if ini.len() >= 2 {
                            initials_to_exp.entry(ini).or_default().insert(root);
                        }
                    }
                }
            }
        } else if let Some(a) = members
            .first()
            .and_then(|&i| ms.get(i))
            .and_then(|m| m.acronym.as_deref())
        {
            acr_only.push((root, a));
        }
    }
    // Acronym-only clusters with the same letters are one thing (same type class).
    let mut acr_groups: HashMap<(&str, u8), usize> = HashMap::new();
    for &(root, a) in &acr_only {
        let kind = cl
            .get(&root)
            .map(|m| majority(ms, m))
            .unwrap_or(EntityType::Other);
        match acr_groups.get(&(a, merge_class(kind))) {
            Some(&r) => dsu.union(root, r),
            None => {
                acr_groups.insert((a, merge_class(kind)), root);
            }
        }
        let target = match acr_to_exp.get(a) {
            Some(s) if s.len() == 1 => s.iter().next().copied(),
            Some(_) => None,
            None => initials_to_exp
                .get(a)
                .filter(|s| s.len() == 1)
                .and_then(|s| s.iter().next().copied()),
        };
        if let Some(t) = target {
            dsu.union(root, t);
        }
    }
    // 3. Surname-only person clusters -> the single full-name person with that surname.
    let cl = clusters(ms, dsu);
    let mut full_by_last: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut partial: Vec<(usize, &str, &str)> = Vec::new();
    let blocked_lasts: BTreeSet<&str> = ms
        .iter()
        .filter(|m| m.blocked)
        .map(|m| m.last.as_str())
        .collect();
    for (&root, members) in &cl {
        if majority(ms, members) != EntityType::Person {
            continue;
        }
        let full: Vec<&Mn> = members
            .iter()
            .filter_map(|&i| ms.get(i))
            .filter(|m| m.kind == EntityType::Person && m.first.len() > 1)
            .collect();
        if full.is_empty() {
            if let Some(m) = members
                .iter()
                .filter_map(|&i| ms.get(i))
                .find(|m| m.kind == EntityType::Person && !m.last.is_empty())
            {
                partial.push((root, m.last.as_str(), m.first.as_str()));
            }
        } else {
            for m in full {
                full_by_last
                    .entry(m.last.as_str())
                    .or_default()
                    .insert(root);
            }
        }
    }
    let mut partial_groups: HashMap<&str, usize> = HashMap::new();
    for (root, last, initial) in partial {
        let cands: Vec<usize> = full_by_last
            .get(last)
            .map(|s| {
                s.iter()
                    .copied()
                    .filter(|r| {
                        initial.is_empty()
                            || cl.get(r).is_some_and(|mm| {
                                mm.iter()
                                    .filter_map(|&i| ms.get(i))
                                    .any(|m| m.first.len() > 1 && m.first.starts_with(initial))
                            })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if blocked_lasts.contains(last) {
            // Another person with this surname is attested: keep bare surnames together, apart.
            match partial_groups.get(last) {
                Some(&r) => dsu.union(root, r),
                None => {
                    partial_groups.insert(last, root);
                }
            }
            continue;
        }
        match cands.as_slice() {
            [one] => dsu.union(root, *one),
            [] if !full_by_last.contains_key(last) => match partial_groups.get(last) {
                Some(&r) => dsu.union(root, r),
                None => {
                    partial_groups.insert(last, root);
                }
            },
            _ => {}
        }
    }
}

/// Builds the output entities: canonical names, aliases, ids, possible-same
/// pairs, related links and metonymy.
fn build(docs: &[DocMentions], ms: &[Mn], dsu: &mut Dsu) -> Resolution {
    let cl = clusters(ms, dsu);
    let mut groups: Vec<Vec<usize>> = cl.into_values().collect();
    for g in groups.iter_mut() {
        g.sort_by_key(|&i| ms.get(i).map(|m| (m.doc, m.span)));
    }
    groups.sort_by_key(|g| g.first().and_then(|&i| ms.get(i)).map(|m| (m.doc, m.span)));
    let mut entities: Vec<ResolvedEntity> = Vec::with_capacity(groups.len());
    let mut index: Vec<Vec<(Span, usize)>> = vec![Vec::new(); docs.len()];
    let mut keys: Vec<EntityKeys> = Vec::with_capacity(groups.len());
    for (ei, g) in groups.iter().enumerate() {
        let kind = majority(ms, g);
        let (name, aliases) = names_of(ms, g, kind);
        let mut mentions: Vec<(usize, Span)> = g
            .iter()
            .filter_map(|&i| ms.get(i))
            .map(|m| (m.doc, m.span))
            .collect();
        mentions.sort();
        mentions.dedup();
        for &(d, s) in &mentions {
            if let Some(v) = index.get_mut(d) {
                v.push((s, ei));
            }
        }
        keys.push(entity_keys(ms, g, kind, &name));
        entities.push(ResolvedEntity {
            id: format!("e{}", ei + 1),
            name,
            kind,
            aliases,
            mentions,
            possible_same_as: Vec::new(),
            refers_to: None,
            related: Vec::new(),
        });
    }
    for v in index.iter_mut() {
        v.sort();
    }
    possible_same(&mut entities, &keys);
    related_and_metonymy(docs, &mut entities, &keys);
    Resolution { entities, index }
}

/// Canonical name and aliases of a cluster.
fn names_of(ms: &[Mn], g: &[usize], kind: EntityType) -> (String, Vec<String>) {
    let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in g {
        if let Some(m) = ms.get(i) {
            *freq.entry(m.bare.as_str()).or_insert(0) += 1;
        }
    }
    let score = |s: &str, f: usize| {
        let well = !names::is_ill_cased(s) || (is_acronym(s) && kind != EntityType::Person);
        let not_acr = !is_acronym(s);
        let not_epithet = g
            .iter()
            .filter_map(|&i| ms.get(i))
            .any(|m| m.bare == s && !m.key.starts_with('~'));
        let words = s.split_whitespace().count().min(4);
        let person_words = if kind == EntityType::Person { words } else { 0 };
        (well, not_epithet, not_acr, person_words, f, words)
    };
    let name = freq
        .iter()
        .max_by(|a, b| {
            score(a.0, *a.1)
                .cmp(&score(b.0, *b.1))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(s, _)| s.to_string())
        .unwrap_or_default();
    let mut aliases: Vec<(&str, usize)> = freq
        .iter()
        .filter(|(s, _)| **s != name)
        .map(|(s, f)| (*s, *f))
        .collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut seen: BTreeSet<String> = BTreeSet::new();
    seen.insert(name.to_lowercase());
    let mut out = Vec::new();
    // Well-formed variants first so pure case variants of them are dropped.
    aliases.sort_by_key(|(s, _)| names::is_ill_cased(s));
    for (s, _) in aliases {
        if seen.insert(s.to_lowercase()) {
            out.push(s.to_string());
        }
    }
    (name, out)
}

struct EntityKeys {
    kind: EntityType,
    /// Person: first-name keys (full names only) and surname keys.
    firsts: BTreeSet<String>,
    lasts: BTreeSet<String>,
    /// Non-person: name key of the canonical name.
    key: String,
    /// Folded canonical name.
    folded: String,
}

fn entity_keys(ms: &[Mn], g: &[usize], kind: EntityType, name: &str) -> EntityKeys {
    let mut firsts = BTreeSet::new();
    let mut lasts = BTreeSet::new();
    for m in g.iter().filter_map(|&i| ms.get(i)) {
        if m.kind == EntityType::Person && !m.last.is_empty() {
            lasts.insert(m.last.clone());
            if m.first.len() > 1 {
                firsts.insert(m.first.clone());
            }
        }
    }
    EntityKeys {
        kind,
        firsts,
        lasts,
        key: thing_key(name, kind),
        folded: names::org_key(name),
    }
}

/// Deletion neighbourhood (the key and each one-letter deletion) for blocking.
fn deletions(k: &str) -> Vec<String> {
    let chars: Vec<char> = k.chars().collect();
    let mut out = vec![k.to_string()];
    if chars.len() > 24 {
        return out;
    }
    for i in 0..chars.len() {
        let s: String = chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| *c)
            .collect();
        out.push(s);
    }
    out
}

fn possible_same(entities: &mut [ResolvedEntity], keys: &[EntityKeys]) {
    let mut found: BTreeMap<(usize, usize), (f64, String)> = BTreeMap::new();
    // Persons: block by surname deletion neighbourhoods.
    let mut blocks: HashMap<(u8, String), Vec<usize>> = HashMap::new();
    for (ei, k) in keys.iter().enumerate() {
        if k.kind == EntityType::Person {
            for l in &k.lasts {
                if l.len() >= 3 {
                    for d in deletions(l) {
                        blocks.entry((0, d)).or_default().push(ei);
                    }
                }
            }
        } else if k.key.len() >= 5 {
            for d in deletions(&k.key) {
                blocks
                    .entry((1 + merge_class(k.kind), d))
                    .or_default()
                    .push(ei);
            }
        }
    }
    let mut block_list: Vec<(&(u8, String), &Vec<usize>)> = blocks.iter().collect();
    block_list.sort();
    for (_, members) in block_list {
        let mut members = members.clone();
        members.sort_unstable();
        members.dedup();
        if members.len() < 2 || members.len() > 40 {
            continue;
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                if found.contains_key(&(a, b)) {
                    continue;
                }
                let (Some(ka), Some(kb)) = (keys.get(a), keys.get(b)) else {
                    continue;
                };
                if let Some(p) = judge(ka, kb, entities.get(a), entities.get(b)) {
                    found.insert((a, b), p);
                }
            }
        }
    }
    for ((a, b), (score, reason)) in found {
        if let Some(e) = entities.get_mut(a) {
            e.possible_same_as.push((b, score, reason.clone()));
        }
        if let Some(e) = entities.get_mut(b) {
            e.possible_same_as.push((a, score, reason));
        }
    }
}

/// Decides whether two unmerged entities may be the same.
fn judge(
    a: &EntityKeys,
    b: &EntityKeys,
    ea: Option<&ResolvedEntity>,
    eb: Option<&ResolvedEntity>,
) -> Option<(f64, String)> {
    let (ea, eb) = (ea?, eb?);
    if a.kind != b.kind {
        return None;
    }
    let surname = |e: &ResolvedEntity| e.name.split_whitespace().last().unwrap_or("").to_string();
    if a.kind == EntityType::Person {
        let same_last = a.lasts.intersection(&b.lasts).next().is_some();
        let firsts_compatible = a.firsts.is_empty()
            || b.firsts.is_empty()
            || a.firsts.intersection(&b.firsts).next().is_some();
        if same_last {
            if a.firsts.is_empty() || b.firsts.is_empty() {
                return Some((
                    0.5,
                    format!(
                        "same surname, first name unknown ({} / {})",
                        ea.name, eb.name
                    ),
                ));
            }
            if !firsts_compatible {
                return Some((
                    0.3,
                    format!(
                        "same surname, different first names ({} / {})",
                        ea.name, eb.name
                    ),
                ));
            }
            return Some((
                0.6,
                format!("same name, not merged ({} / {})", ea.name, eb.name),
            ));
        }
        if !firsts_compatible {
            return None;
        }
        let close = a.lasts.iter().any(|x| {
            b.lasts
                .iter()
                .any(|y| x.len() >= 5 && names::edit_distance(x, y, 1) == 1)
        });
        if close {
            let score = if a.firsts.is_empty() || b.firsts.is_empty() {
                0.5
            } else {
                0.7
            };
            return Some((
                score,
                format!(
                    "one-letter difference in surname ({}/{})",
                    surname(ea),
                    surname(eb)
                ),
            ));
        }
        return None;
    }
    if a.key == b.key {
        return Some((
            0.6,
            format!("same name, not merged ({} / {})", ea.name, eb.name),
        ));
    }
    if a.folded.len() >= 5 && names::edit_distance(&a.key, &b.key, 1) == 1 {
        return Some((
            0.5,
            format!("one-letter spelling difference ({}/{})", ea.name, eb.name),
        ));
    }
    None
}

/// NORP -> GPE related links and capital/seat metonymy.
fn related_and_metonymy(
    docs: &[DocMentions],
    entities: &mut [ResolvedEntity],
    keys: &[EntityKeys],
) {
    let mut gpe_by_folded: BTreeMap<String, usize> = BTreeMap::new();
    for (ei, k) in keys.iter().enumerate() {
        if k.kind == EntityType::Gpe {
            let f = gazetteer::place_canonical(&k.folded)
                .map(str::to_string)
                .unwrap_or_else(|| k.folded.clone());
            gpe_by_folded.entry(f).or_insert(ei);
        }
    }
    // Also reachable through aliases (e.g. "U.S." canonical with "United States" alias).
    for (ei, e) in entities.iter().enumerate() {
        if e.kind == EntityType::Gpe {
            for a in &e.aliases {
                let f = names::org_key(a);
                let f = gazetteer::place_canonical(&f)
                    .map(str::to_string)
                    .unwrap_or(f);
                gpe_by_folded.entry(f).or_insert(ei);
            }
        }
    }
    for (ei, k) in keys.iter().enumerate() {
        if k.kind != EntityType::Norp {
            continue;
        }
        let mut d = k.folded.clone();
        for a in gazetteer::DEMONYM_AFFIXES {
            if let Some(s) = d.strip_suffix(a.trim_start_matches('-')) {
                d = s.trim_end().to_string();
            }
        }
        for p in ["pro ", "anti "] {
            if let Some(s) = d.strip_prefix(p) {
                d = s.to_string();
            }
        }
        let target = gazetteer::country_of_demonym(&d)
            .and_then(|c| gpe_by_folded.get(c).copied())
            .or_else(|| demonym_heuristic(&d, &gpe_by_folded));
        if let (Some(t), Some(e)) = (target, entities.get_mut(ei)) {
            if t != ei {
                e.related.push(t);
            }
        }
    }
    // Metonymy: a seat of government used as an agent.
    for (ei, k) in keys.iter().enumerate() {
        let Some(country) = gazetteer::seat_country(&k.folded) else {
            continue;
        };
        let Some(&target) = gpe_by_folded.get(country) else {
            continue;
        };
        if target == ei {
            continue;
        }
        let agentive = entities.get(ei).is_some_and(|e| {
            e.mentions
                .iter()
                .any(|&(d, s)| docs.get(d).is_some_and(|doc| is_agent(doc.text, s)))
        });
        if agentive {
            if let Some(e) = entities.get_mut(ei) {
                e.refers_to = Some(target);
            }
        }
    }
}

/// "Kazakhstani" -> a corpus place whose folded name starts with the stem.
fn demonym_heuristic(d: &str, places: &BTreeMap<String, usize>) -> Option<usize> {
    if d.contains(' ') {
        return None;
    }
    for suf in [
        "ians", "ian", "ans", "an", "ese", "ish", "is", "i", "s", "n", "",
    ] {
        let Some(stem) = d.strip_suffix(suf) else {
            continue;
        };
        if stem.len() < 4 {
            continue;
        }
        let hits: Vec<usize> = places
            .range(stem.to_string()..)
            .take_while(|(p, _)| p.starts_with(stem))
            .filter(|(p, _)| !p.contains(' ') && p.len() <= stem.len() + 5)
            .map(|(_, &e)| e)
            .collect();
        if hits.len() == 1 {
            return hits.first().copied();
        }
    }
    None
}

/// True if the mention at `s` is followed by an agent verb ("Moscow said",
/// "Beijing has warned").
fn is_agent(text: &str, s: Span) -> bool {
    let mut pos = s.end;
    for _ in 0..3 {
        let Some((w, end)) = next_word(text, pos) else {
            return false;
        };
        let wl = w.to_ascii_lowercase();
        if gazetteer::AGENT_VERBS.contains(&wl.as_str()) {
            return true;
        }
        if !gazetteer::AGENT_AUX.contains(&wl.as_str()) {
            return false;
        }
        pos = end;
    }
    false
}
