//! Counts and amounts: number, qualifier, unit, counted noun and measure.
//! Years, dates, times, durations, ordinals, list numbers and numbers inside
//! names are left out.

use crate::ctx::Ctx;
use crate::lexicon;
use crate::{Claim, Qualifier, Quantity, Quote};
use crosscheck_doc::Span;

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy)]
struct Num {
    /// Token range of the number (with its scale words).
    a: usize,
    b: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    vague: bool,
    /// The qualifier implied by the number words ("a couple of" -> about).
    implied: Option<&'static str>,
    currency: Option<&'static str>,
    pct: bool,
    yearlike: bool,
    /// A bare "one" (usually a determiner, not a count).
    bare_one: bool,
    digits: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Digits {
    value: f64,
    high: Option<f64>,
    scale: f64,
    pct: bool,
    currency: Option<&'static str>,
    yearlike: bool,
    plain: bool,
}

fn parse_plain(s: &str) -> Option<(f64, bool)> {
    let first = s.chars().next()?;
    if !first.is_ascii_digit()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    if s.ends_with(',') || s.ends_with('.') {
        return None;
    }
    let commas: Vec<&str> = s.split(',').collect();
    let no_commas = if commas.len() > 1 {
        let ok = commas
            .first()
            .is_some_and(|g| !g.is_empty() && g.len() <= 3 && !g.contains('.'))
            && commas.iter().skip(1).enumerate().all(|(k, g)| {
                let last = k + 2 == commas.len();
                let digits = g.split('.').next().unwrap_or("");
                digits.len() == 3 && (last || !g.contains('.'))
            });
        if !ok {
            return None;
        }
        s.replace(',', "")
    } else {
        s.to_string()
    };
    let dots = no_commas.matches('.').count();
    let normal = if dots > 1 {
        let groups: Vec<&str> = no_commas.split('.').collect();
        if groups.iter().skip(1).all(|g| g.len() == 3)
            && groups.first().is_some_and(|g| g.len() <= 3)
        {
            no_commas.replace('.', "")
        } else {
            return None;
        }
    } else {
        no_commas
    };
    let v: f64 = normal.parse().ok()?;
    let plain = commas.len() == 1 && dots == 0;
    Some((v, plain))
}

fn parse_digits(raw: &str) -> Option<Digits> {
    let mut s = raw;
    let mut d = Digits {
        scale: 1.0,
        ..Default::default()
    };
    for (pre, code) in [
        ("us$", "USD"),
        ("US$", "USD"),
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("₽", "RUB"),
        ("₸", "KZT"),
        ("₴", "UAH"),
        ("₹", "INR"),
    ] {
        if let Some(rest) = s.strip_prefix(pre) {
            s = rest;
            d.currency = Some(code);
            break;
        }
    }
    if let Some(rest) = s.strip_suffix('%') {
        s = rest;
        d.pct = true;
    }
    let lower_suffix = [
        ("bn", 1e9),
        ("mln", 1e6),
        ("mn", 1e6),
        ("m", 1e6),
        ("k", 1e3),
        ("tn", 1e12),
        ("b", 1e9),
    ];
    for (suf, mult) in lower_suffix {
        if let Some(rest) = s.strip_suffix(suf) {
            if rest.chars().last().is_some_and(|c| c.is_ascii_digit()) {
                s = rest;
                d.scale = mult;
                break;
            }
        }
    }
    for dash in ['-', '–'] {
        if let Some((x, y)) = s.split_once(dash) {
            let (lo, _) = parse_plain(x)?;
            let (hi, _) = parse_plain(y)?;
            if hi <= lo {
                return None; // "2021-22", scores, codes
            }
            d.value = lo;
            d.high = Some(hi);
            return Some(d);
        }
    }
    let (v, plain) = parse_plain(s)?;
    d.value = v;
    d.plain = plain;
    d.yearlike = plain
        && s.len() == 4
        && (1000.0..=2100.0).contains(&v)
        && d.currency.is_none()
        && !d.pct
        && d.scale == 1.0;
    Some(d)
}

fn word_value(w: &str) -> Option<f64> {
    if let Some(v) = lexicon::number_word(w) {
        return Some(v);
    }
    // "twenty-five"
    let (x, y) = w.split_once('-')?;
    let (tx, uy) = (lexicon::number_word(x)?, lexicon::number_word(y)?);
    if tx >= 20.0 && tx % 10.0 == 0.0 && (1.0..10.0).contains(&uy) {
        Some(tx + uy)
    } else {
        None
    }
}

/// Reads scale words after position `j` ("thousand", "million"), returning
/// the multiplier and the new end.
fn scales(cx: &Ctx, mut j: usize, e: usize) -> (f64, usize) {
    let mut m = 1.0;
    while j < e {
        match lexicon::scale_word(cx.low(j)) {
            Some(s) => {
                m *= s;
                j += 1;
            }
            None => break,
        }
    }
    (m, j)
}

fn num_at(cx: &Ctx, i: usize, e: usize) -> Option<Num> {
    let w = cx.low(i);
    let mut n = Num {
        a: i,
        b: i + 1,
        value: None,
        low: None,
        high: None,
        vague: false,
        implied: None,
        currency: None,
        pct: false,
        yearlike: false,
        bare_one: false,
        digits: false,
    };
    // currency symbol as its own token
    if let Some(code) = match cx.txt(i) {
        "$" | "US$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₽" => Some("RUB"),
        "₸" => Some("KZT"),
        _ => None,
    } {
        if cx.is_digit(i + 1) && i + 1 < e {
            let mut inner = num_at(cx, i + 1, e)?;
            inner.a = i;
            inner.currency = Some(code);
            inner.yearlike = false;
            return Some(inner);
        }
        return None;
    }
    if cx.is_digit(i) {
        let d = parse_digits(cx.txt(i))?;
        let (m, j) = if d.scale == 1.0 {
            scales(cx, i + 1, e)
        } else {
            (1.0, i + 1)
        };
        let mult = d.scale * m;
        n.b = j;
        n.digits = true;
        n.currency = d.currency;
        n.pct = d.pct;
        n.yearlike = d.yearlike && m == 1.0;
        if let Some(h) = d.high {
            n.low = Some(d.value * mult);
            n.high = Some(h * mult);
        } else {
            n.value = Some(d.value * mult);
        }
        return Some(n);
    }
    // "half a million"
    if w == "half" && matches!(cx.low(i + 1), "a" | "an") {
        let (m, j) = scales(cx, i + 2, e);
        if m > 1.0 {
            n.b = j;
            n.value = Some(0.5 * m);
            return Some(n);
        }
        return None;
    }
    // "a couple of thousand", "a few hundred", "a thousand", "a dozen"
    if matches!(w, "a" | "an") {
        let w1 = cx.low(i + 1);
        if w1 == "couple" && cx.low(i + 2) == "of" {
            let (m, j) = scales(cx, i + 3, e);
            if m > 1.0 {
                n.b = j;
                n.value = Some(2.0 * m);
                n.implied = Some("about");
                return Some(n);
            }
            return None;
        }
        if w1 == "few" {
            let (m, j) = scales(cx, i + 2, e);
            if m > 1.0 {
                n.b = j;
                n.low = Some(2.0 * m);
                n.high = Some(5.0 * m);
                n.vague = true;
                return Some(n);
            }
            return None;
        }
        if w1 == "dozen" {
            n.b = i + 2;
            n.value = Some(12.0);
            return Some(n);
        }
        let (m, j) = scales(cx, i + 1, e);
        if m > 1.0 {
            n.b = j;
            n.value = Some(m);
            return Some(n);
        }
        return None;
    }
    if w == "tens" && cx.low(i + 1) == "of" {
        if let Some((lo, hi)) = lexicon::vague_plural(cx.low(i + 2)) {
            n.b = i + 3;
            n.low = Some(lo * 10.0);
            n.high = Some(hi * 10.0);
            n.vague = true;
            return Some(n);
        }
        return None;
    }
    if let Some((lo, hi)) = lexicon::vague_plural(w) {
        let mut lo = lo;
        let mut hi = hi;
        let mut b = i + 1;
        // "hundreds of thousands"
        if cx.low(i + 1) == "of" {
            if let Some((l2, _)) = lexicon::vague_plural(cx.low(i + 2)) {
                let unit = l2 / 2.0;
                lo *= unit;
                hi *= unit;
                b = i + 3;
            }
        }
        n.b = b;
        n.low = Some(lo);
        n.high = Some(hi);
        n.vague = true;
        return Some(n);
    }
    if let Some((lo, hi)) = lexicon::vague_multiplier(w) {
        let (m, j) = scales(cx, i + 1, e);
        if m > 1.0 {
            n.b = j;
            n.low = Some(lo * m);
            n.high = Some(hi * m);
            n.vague = true;
            return Some(n);
        }
        return None;
    }
    let mut v = word_value(w)?;
    let mut j = i + 1;
    // "twenty five"
    if v >= 20.0 && v % 10.0 == 0.0 && v < 100.0 {
        if let Some(u) = lexicon::number_word(cx.low(j)) {
            if (1.0..10.0).contains(&u) {
                v += u;
                j += 1;
            }
        }
    }
    let (m, mut j2) = scales(cx, j, e);
    v *= m;
    // "two hundred and fifty"
    if m == 100.0 && cx.low(j2) == "and" {
        if let Some(u) = word_value(cx.low(j2 + 1)) {
            if u < 100.0 {
                v += u;
                j2 += 2;
            }
        }
    }
    n.b = j2;
    n.value = Some(v);
    n.bare_one = w == "one" && m == 1.0;
    Some(n)
}

fn qualifier_before(cx: &Ctx, a: usize, s: usize) -> Option<(&'static str, usize)> {
    for (words, q) in lexicon::QUALIFIERS {
        let len = words.len();
        if a < s + len {
            continue;
        }
        let st = a - len;
        if words.iter().enumerate().all(|(k, w)| cx.low(st + k) == *w) {
            return Some((q, st));
        }
    }
    None
}

fn is_event_measure(m: &str) -> bool {
    matches!(
        m,
        "killed" | "detained" | "injured" | "displaced" | "missing"
    )
}

pub(crate) fn find_quantities(cx: &Ctx, claims: &[Claim], quotes: &[Quote]) -> Vec<Quantity> {
    // "two people familiar with the matter said": a count inside an
    // attribution describes the source, not the claim
    let in_speaker = |sp: Span| {
        quotes.iter().any(|q| {
            q.speaker
                .as_ref()
                .and_then(|s| if s.pronoun.is_none() { s.span } else { None })
                .is_some_and(|s| s.contains(&sp))
        })
    };
    let mut out = Vec::new();
    for si in 0..cx.sents.len() {
        if !cx.sent_is_content(si) {
            continue;
        }
        let r = cx.sent_range(si);
        let (s, e) = (r.start, r.end);
        if r.clone().filter(|&i| cx.is_alpha(i)).count() < 2 {
            continue; // counters, scores, tables
        }
        let mut i = s;
        let first_in_sent = out.len();
        while i < e {
            match quantity_at(cx, i, s, e) {
                Some((q, end)) if in_speaker(q.span) => {
                    i = end.max(i + 1);
                }
                Some((q, end)) => {
                    let claim = claims
                        .iter()
                        .position(|c| c.span.contains(&q.number_span))
                        // A number outside a quoted claim is not the quoted
                        // speaker's ("The official toll stands at 12, but the
                        // union says at least 30 were killed").
                        .or_else(|| {
                            let sp = cx.sents.get(si).map(|x| x.0);
                            claims.iter().position(|c| {
                                c.quote.is_none() && sp.is_some_and(|sp| c.span.overlaps(&sp))
                            })
                        })
                        .or_else(|| {
                            claims
                                .iter()
                                .position(|c| c.quote.is_none() && c.sentence == cx.orig_sent(si))
                        });
                    let mut q = q;
                    // "… 50,000, while police estimated it at no more than
                    // 12,000", "300 troops, down from 2,000": a bare number
                    // counts what the sentence's previous count counted
                    if q.measure.is_none() && q.counted.is_none() && q.unit.is_none() {
                        let prev: &[Quantity] = out.get(first_in_sent..).unwrap_or(&[]);
                        q.measure = prev
                            .iter()
                            .rev()
                            .find(|p| p.unit.is_none())
                            .and_then(|p| p.measure.as_deref())
                            .filter(|m| {
                                is_event_measure(m)
                                    || matches!(*m, "troops" | "police" | "protesters")
                            })
                            .map(str::to_string);
                    }
                    out.push(Quantity { claim, ..q });
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

fn quantity_at(cx: &Ctx, i: usize, s: usize, e: usize) -> Option<(Quantity, usize)> {
    let n0 = num_at(cx, i, e)?;
    let mut n = n0;
    let prev = if n.a > s { cx.low(n.a - 1) } else { "" };
    let next = cx.low(n.b);
    // dates, times, labels, names, list numbers
    if cx.in_date(i) || lexicon::month(prev) || lexicon::month(next) {
        return None;
    }
    if n.digits && lexicon::label_before_number(prev) {
        return None;
    }
    if n.digits
        && n.a > s + 1
        && cx.is_cap(n.a - 1)
        && cx.is_alpha(n.a - 1)
        && n.currency.is_none()
        && lexicon::currency(prev).is_none()
        && !lexicon::np_stop(prev)
        && !matches!(
            prev,
            "between" | "from" | "some" | "nearly" | "almost" | "around" | "about" | "over"
        )
    {
        return None; // "Windows 10", "Boeing 737"
    }
    if n.digits
        && n.b == n.a + 1
        && n.a > s + 2
        && cx.txt(n.a - 1) == ","
        && cx.is_cap(n.a - 2)
        && cx.is_alpha(n.a - 2)
        && matches!(cx.txt(n.b), "," | ")")
        && n.value
            .is_some_and(|v| (1.0..=120.0).contains(&v) && v.fract() == 0.0)
    {
        return None; // an age after a name: "Jane Doe, 34, a nurse"
    }
    if n.digits
        && (n.a == s
            || cx.nl_before.get(n.a).copied().unwrap_or(0) > 0
            || matches!(prev, ":" | ";" | "(" | "-" | "–" | "—"))
        && matches!(cx.txt(n.b), "." | ")")
        && n.b == n.a + 1
        && n.value.is_some_and(|v| v < 100.0 && v.fract() == 0.0)
        && cx.is_word(n.b + 1)
    {
        return None; // list numbering: "… three steps: 1. close …; 2. hire …"
    }
    if !n.digits && cx.is_cap(i) && i > s && !matches!(cx.low(i), "a" | "an") {
        return None; // "the Group of Seven"
    }
    if !n.digits && prev == "the" && cx.low(n.a) == "two" && n.b == n.a + 1 {
        return None; // "the two sides": a reference, not a count
    }
    if lexicon::time_unit(next) && n.currency.is_none() && !n.pct {
        return None; // duration or clock time
    }
    if n.digits
        && matches!(next, ":" | ".")
        && cx.is_digit(n.b + 1)
        && !cx.space_before.get(n.b).copied().unwrap_or(true)
    {
        return None;
    }
    // ranges: "100-200", "100 to 200", "between 100 and 200"
    let mut range_low_from = None;
    if n.value.is_some() && !n.vague {
        let between = prev == "between" && next == "and";
        let change = prev == "from"
            && n.a >= s + 2
            && matches!(
                lexicon::measure(cx.low(n.a - 2)),
                Some("increase") | Some("decrease")
            );
        let dash = matches!(cx.txt(n.b), "-" | "–" | "—" | "to") && !change;
        if between || dash {
            if let Some(m) = num_at(cx, n.b + 1, e) {
                if m.value.is_some() && !m.vague {
                    let mut lo = n.value.unwrap_or(0.0);
                    let hi = m.value.unwrap_or(0.0);
                    // "2 to 3 million": scale of the second applies to both
                    if n.b == n.a + 1 && m.b > m.a + 1 && lo < hi {
                        let (mult, _) = scales(cx, m.a + 1, m.b);
                        if mult > 1.0 && lo * mult <= hi {
                            lo *= mult;
                        }
                    }
                    if hi > lo {
                        n.low = Some(lo);
                        n.high = Some(hi);
                        n.value = None;
                        n.b = m.b;
                        n.currency = n.currency.or(m.currency);
                        n.pct = n.pct || m.pct;
                        // "between 2016 and 2019" stays a span of years
                        n.yearlike = n.yearlike && m.yearlike;
                        if between {
                            range_low_from = Some(n.a - 1);
                        }
                    }
                }
            }
        }
    }
    // unit / currency after the number
    let mut b = n.b;
    let mut unit: Option<String> = n.currency.map(str::to_string);
    if n.pct {
        unit = Some("%".into());
    }
    if unit.is_none() {
        let w = cx.low(b);
        if w == "per" && matches!(cx.low(b + 1), "cent" | "centum") {
            unit = Some("%".into());
            b += 2;
        } else if w == "us" && cx.low(b + 1) == "dollars" {
            unit = Some("USD".into());
            b += 2;
        } else if let Some(c) = lexicon::currency(w).filter(|_| !cx.is_cap(b) || w.len() == 3) {
            unit = Some(c.into());
            b += 1;
        } else if let Some(u) = lexicon::unit(w) {
            unit = Some(u.into());
            b += 1;
        }
    }
    if unit.is_some() && cx.low(b) == "per" && b + 1 < e && cx.is_alpha(b + 1) {
        let w = cx.low(b + 1);
        if w != "cent" {
            let u = lexicon::unit(w)
                .map(str::to_string)
                .unwrap_or_else(|| w.to_string());
            unit = unit.map(|x| format!("{x}/{u}"));
            b += 2;
        }
    }
    // counted head noun
    let mut head: Option<usize> = None;
    // "two of the nine policymakers": one count, of a named whole
    let mut whole_end = b;
    if cx.low(b) == "of"
        && matches!(
            cx.low(b + 1),
            "the" | "its" | "their" | "these" | "those" | "our" | "his" | "her"
        )
    {
        if let Some(m) = num_at(cx, b + 2, e).filter(|m| m.value.is_some() && !m.vague) {
            whole_end = m.b;
        }
    }
    if unit.as_deref() != Some("%") {
        let mut j = b;
        if whole_end > b {
            j = whole_end;
        }
        if cx.low(j) == "of" && (n.vague || n.b > n.a + 1) {
            j += 1;
            if cx.low(j) == "the" || cx.low(j) == "them" {
                j += usize::from(cx.low(j) == "the");
            }
        }
        let stop = (j + 4).min(e);
        while j < stop {
            let w = cx.low(j);
            if !cx.is_word(j) {
                if cx.txt(j) == "-" && cx.is_word(j + 1) {
                    j += 1;
                    continue;
                }
                break;
            }
            if lexicon::np_stop(w) || lexicon::is_be(w) || lexicon::np_link(w) || cx.is_digit(j) {
                break;
            }
            if let Some(p) = cx.upos(j) {
                match p {
                    "NOUN" | "PROPN" => {
                        head = Some(j);
                        if !matches!(cx.upos(j + 1), Some("NOUN")) {
                            break;
                        }
                    }
                    "ADJ" | "VERB" if head.is_none() => {}
                    _ => break,
                }
            } else if lexicon::counted_noun(w)
                || (lexicon::measure(w).is_some() && lexicon::measure_predicate(w).is_none())
            {
                head = Some(j);
                break;
            } else if w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("ous")
                && cx.is_alpha(j)
            {
                head = Some(j);
            } else if head.is_some()
                || lexicon::measure_predicate(w).is_some()
                || lexicon::cue(w).is_some()
            {
                break;
            }
            j += 1;
        }
    }
    let end_tok = head.map_or(b, |h| h + 1).max(b).max(whole_end);
    let counted = head.map(|h| cx.low(h).to_string());
    // exclusions that need the head noun
    if n.yearlike && head.is_none_or_not_counted(cx) {
        return None;
    }
    if n.bare_one && !head.is_some_and(|h| lexicon::counted_noun(cx.low(h))) {
        return None;
    }
    // qualifier
    let (mut qual, qstart) = match range_low_from {
        Some(st) => (None, st),
        None => match qualifier_before(cx, n.a, s) {
            Some((q, st)) => (Some(q), st),
            None => (None, n.a),
        },
    };
    if qual.is_none() {
        qual = n.implied;
    }
    let qualifier = if n.vague && qual.is_none() {
        crate::Qualifier::Vague
    } else {
        Qualifier::parse(qual.unwrap_or("exact"))
    };
    let (mut low, mut high) = (n.low, n.high);
    if let Some(v) = n.value {
        match qualifier {
            Qualifier::AtLeast | Qualifier::Over => low = Some(v),
            Qualifier::Under | Qualifier::Nearly => high = Some(v),
            _ => {}
        }
    }
    // measure
    let head_m = head.and_then(|h| lexicon::measure(cx.low(h)));
    let mut fwd_m = None;
    let from = end_tok;
    let mut j = from;
    while j < e && j < from + 10 {
        let w = cx.low(j);
        if matches!(
            w,
            "," | ";"
                | ":"
                | "which"
                | "who"
                | "while"
                | "but"
                | "because"
                | "although"
                | "whereas"
        ) || num_at(cx, j, e).is_some_and(|m| !m.bare_one)
        {
            break;
        }
        if let Some(m) = lexicon::measure_predicate(w) {
            fwd_m = Some(m);
            break;
        }
        // "forced 500,000 people from their homes"
        if w == "from"
            && matches!(cx.low(j + 1), "their" | "his" | "her")
            && matches!(cx.low(j + 2), "homes" | "home")
        {
            fwd_m = Some("displaced");
            break;
        }
        j += 1;
    }
    if fwd_m.is_none() && matches!(cx.low(j), "who" | "that") {
        // "the nine workers who died", "people who were arrested"
        let mut v = j + 1;
        while v < e && v < j + 3 && (lexicon::is_be(cx.low(v)) || cx.low(v) == "been") {
            v += 1;
        }
        fwd_m = lexicon::measure_predicate(cx.low(v)).filter(|m| is_event_measure(m));
    }
    let mut back_m = None;
    let mut k = qstart;
    let prev_q0 = if qstart > s { cx.low(qstart - 1) } else { "" };
    let reach = if prev_q0 == "by" { 10 } else { 5 };
    while k > s && k + reach > qstart {
        // the longer reach of "by" stays inside the clause
        if k + 5 <= qstart && matches!(cx.txt(k - 1), "," | ";" | ":") {
            break;
        }
        k -= 1;
        // nouns before a count are usually its source ("police estimated it
        // at …"), not what it counts
        let m = lexicon::measure(cx.low(k))
            .filter(|m| !matches!(*m, "police" | "troops") || cx.low(k).ends_with("ed"));
        if let Some(m) = m {
            if back_m.is_none() || is_event_measure(m) {
                back_m = Some(m);
            }
            if is_event_measure(m) {
                break;
            }
        }
    }
    let mut measure = match (fwd_m, head_m) {
        (Some(f), _) if is_event_measure(f) => Some(f),
        (_, Some(h)) => Some(h),
        (Some(f), None) => Some(f),
        (None, None) => back_m,
    };
    // a change is measured "by" an amount ("fell by 12%", "fell 12%"); "rose
    // to 18%" is a level and "cut 900 jobs" counts jobs
    let change = matches!(measure, Some("increase" | "decrease"));
    let from_noun = head_m.is_some_and(|h| h == measure.unwrap_or(""));
    if change && !from_noun {
        // "fell below 6 percent" is a level too
        let bare_amount = (unit.as_deref() == Some("%") || n.currency.is_some())
            && !matches!(prev_q0, "to" | "from" | "at" | "of")
            && !matches!(cx.low(qstart), "below" | "above")
            // "would raise £2.4 billion" collects money; "raise X by 10%" changes
            && !(s.max(qstart.saturating_sub(2))..qstart)
                .any(|j| matches!(cx.low(j), "raise" | "raises"));
        if prev_q0 != "by" && !bare_amount {
            measure = None;
        }
    }
    // "a 7 percent drop", "a 5% rise": the change noun right after the amount
    if measure.is_none() && (unit.as_deref() == Some("%") || n.currency.is_some()) {
        let after = (n.b..n.b + 3)
            .find(|&j| cx.is_word(j) && !matches!(cx.low(j), "percent" | "per" | "cent"));
        if let Some(m) = after
            .and_then(|j| lexicon::measure(cx.low(j)))
            .filter(|m| matches!(*m, "increase" | "decrease"))
        {
            measure = Some(m);
        }
    }
    // a level reached ("rose to 120 per litre", "doubled to $3") is a price
    let per_unit = unit.as_deref().is_some_and(|u| u.contains('/'));
    // the word before the whole quantity: "up to 40%" is not a level "to"
    let prev_q = if qstart > s { cx.low(qstart - 1) } else { "" };
    let level = matches!(prev_q, "to" | "from" | "at")
        && (s..n.a).any(|j| {
            matches!(
                cx.low(j),
                "price" | "prices" | "cost" | "costs" | "fare" | "fares"
            )
        });
    if per_unit && measure.is_none_or_change() || (level && measure.is_none_or_change()) {
        measure = Some("price");
    }
    let q = Quantity {
        span: cx.span_of(qstart, end_tok),
        number_span: cx.span_of(n.a, n.b),
        value: n.value,
        low,
        high,
        qualifier,
        measure: measure.map(str::to_string),
        unit,
        counted,
        claim: None,
    };
    Some((q, end_tok))
}

trait MeasureExt {
    fn is_none_or_change(&self) -> bool;
}

impl MeasureExt for Option<&str> {
    fn is_none_or_change(&self) -> bool {
        matches!(
            self,
            None | Some("increase") | Some("decrease") | Some("price")
        )
    }
}

trait HeadExt {
    fn is_none_or_not_counted(&self, cx: &Ctx) -> bool;
}

impl HeadExt for Option<usize> {
    /// True unless the head is a counted noun ("2000 people" is a count, "2019 peak" a year).
    fn is_none_or_not_counted(&self, cx: &Ctx) -> bool {
        match self {
            Some(h) => !lexicon::counted_noun(cx.low(*h)),
            None => true,
        }
    }
}
