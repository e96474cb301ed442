//! Claims: one per analysed sentence (or the quoted part of it), with voice,
//! speaker, modality, evidence, entities, date and loaded terms.

use crate::ctx::Ctx;
use crate::lexicon;
use crate::{Claim, Evidence, LoadedTerm, Modality, Quote, Speaker, Voice};
use crosscheck_doc::{SegmentKind, Span};
use std::collections::HashMap;
use std::sync::OnceLock;

pub(crate) fn build_claims(cx: &Ctx, quotes: &[Quote]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for si in 0..cx.sents.len() {
        if !cx.sent_is_content(si) {
            continue;
        }
        let r = cx.sent_range(si);
        let words = r.clone().filter(|&i| cx.is_word(i)).count();
        let question = r.clone().any(|i| cx.txt(i) == "?");
        if words < 4 && !(question && words >= 2) {
            continue;
        }
        let sspan = cx.span_of(r.start, r.end).trim(cx.text);
        // the quote whose content covers most of the sentence
        let mut best: Option<(usize, usize)> = None;
        for (qi, q) in quotes.iter().enumerate() {
            if q.content.overlaps(&sspan) {
                let ov = q.content.end.min(sspan.end) - q.content.start.max(sspan.start);
                if best.is_none_or(|(_, b)| ov > b) {
                    best = Some((qi, ov));
                }
            }
        }
        let base_voice = match cx.sent_kind.get(si) {
            Some(SegmentKind::Comment) => Voice::Comment,
            _ => Voice::Author,
        };
        // the author's own main clause before a quote's attribution
        // ("The minister appeared to contradict her spokesman, who said …")
        if let Some(q) = best.and_then(|(qi, _)| quotes.get(qi)) {
            if q.span.start > sspan.start && q.content.start >= q.span.start {
                let pre: Vec<usize> = r
                    .clone()
                    .filter(|&i| cx.spans.get(i).is_some_and(|t| t.end <= q.span.start))
                    .collect();
                let words = pre.iter().filter(|&&i| cx.is_word(i)).count();
                // "In a statement on Monday, the ministry said …" is no clause
                let clause = words >= 3 && pre.last().is_some_and(|&l| cx.is_word(l));
                if let (true, Some(&a), Some(&last)) = (clause, pre.first(), pre.last()) {
                    let mut b = last + 1;
                    while b > a && !cx.is_word(b - 1) {
                        b -= 1;
                    }
                    let span = cx.span_of(a, b);
                    let (modality, modality_cue) = modality(cx, a, b, a..b, None);
                    let (evidence, evidence_cue) = evidence(cx, a..b);
                    claims.push(Claim {
                        id: format!("c{}", claims.len()),
                        span,
                        sentence: cx.orig_sent(si),
                        voice: base_voice,
                        speaker: None,
                        quote: None,
                        modality,
                        modality_cue,
                        evidence,
                        evidence_cue,
                        entities: entity_ids(cx, span),
                        date: None,
                        loaded_terms: loaded(cx, a..b, base_voice, quotes),
                    });
                }
            }
        }
        let (span, voice, speaker, quote) =
            match best.and_then(|(qi, _)| quotes.get(qi).map(|q| (qi, q))) {
                Some((qi, q)) => {
                    let sp = Span::new(
                        q.content.start.max(sspan.start),
                        q.content.end.min(sspan.end),
                    )
                    .trim(cx.text);
                    let sp = trim_quote_marks(cx.text, sp);
                    (sp, Voice::Quoted, q.speaker.clone(), Some(qi))
                }
                None => {
                    let speaker = if base_voice == Voice::Comment {
                        cx.sent_author.get(si).cloned().flatten().map(|a| Speaker {
                            text: a,
                            span: None,
                            entity: None,
                            pronoun: None,
                        })
                    } else {
                        None
                    };
                    (sspan, base_voice, speaker, None)
                }
            };
        if span.is_empty() {
            continue;
        }
        // token range of the claim
        let a = r
            .clone()
            .find(|&i| cx.spans.get(i).is_some_and(|s| s.end > span.start))
            .unwrap_or(r.start);
        let b = r
            .clone()
            .rev()
            .find(|&i| cx.spans.get(i).is_some_and(|s| s.start < span.end))
            .map_or(a, |i| i + 1);
        let q = quote.and_then(|qi| quotes.get(qi));
        let (modality, modality_cue) = modality(cx, a, b, r.clone(), q);
        let (evidence, evidence_cue) = evidence(cx, r.clone());
        let loaded_terms = loaded(cx, r.clone(), base_voice, quotes);
        let entities = entity_ids(cx, span);
        let date = cx
            .dates
            .iter()
            .find(|d| d.value.is_some() && d.span.overlaps(&sspan))
            .and_then(|d| d.value.clone());
        claims.push(Claim {
            id: format!("c{}", claims.len()),
            span,
            sentence: cx.orig_sent(si),
            voice,
            speaker,
            quote,
            modality,
            modality_cue,
            evidence,
            evidence_cue,
            entities,
            date,
            loaded_terms,
        });
    }
    claims
}

fn entity_ids(cx: &Ctx, span: Span) -> Vec<String> {
    let mut entities: Vec<String> = Vec::new();
    for e in cx.entities {
        if e.span.overlaps(&span) {
            if let Some(id) = &e.id {
                if !entities.contains(id) {
                    entities.push(id.clone());
                }
            }
        }
    }
    entities
}

fn trim_quote_marks(text: &str, sp: Span) -> Span {
    let Some(s) = sp.get(text) else { return sp };
    let marks: &[char] = &['"', '“', '”', '‘', '’', '«', '»', '„'];
    let t1 = s.trim_start_matches(marks);
    let t2 = t1.trim_end_matches(marks);
    let start = sp.start + (s.len() - t1.len());
    let end = start + t2.len();
    Span::new(start, end).trim(text)
}

fn seq(cx: &Ctx, i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| cx.low(i + k) == *w)
}

/// Decides modality from the claim tokens `a..b`, the sentence and its quote.
fn modality(
    cx: &Ctx,
    a: usize,
    b: usize,
    sent: std::ops::Range<usize>,
    q: Option<&Quote>,
) -> (Modality, Option<Span>) {
    // Denial by the cue: "X denied that …", "X does not believe that …"
    if let Some(q) = q {
        if let (Some(cue), Some(cs)) = (q.cue.as_deref(), q.cue_span) {
            if matches!(cue, "deny" | "reject" | "dismiss" | "refute" | "rule out") {
                return (Modality::Denied, Some(cs));
            }

            let before: Vec<usize> = sent
                .clone()
                .filter(|&i| {
                    cx.spans
                        .get(i)
                        .is_some_and(|s| s.end <= cs.start && s.start >= q.span.start)
                })
                .collect();
            if before
                .iter()
                .rev()
                .take(3)
                .any(|&i| matches!(cx.low(i), "not" | "n't" | "never"))
            {
                return (Modality::Denied, Some(cs));
            }
        }
    }
    let mut hedge: Option<Span> = None;
    let mut question: Option<Span> = None;
    // "unconfirmed reports said …": the hedge sits on the source
    if let Some(sp) =
        q.and_then(|q| q.speaker.as_ref())
            .and_then(|s| if s.pronoun.is_none() { s.span } else { None })
    {
        for i in sent.clone() {
            if cx.spans.get(i).is_some_and(|t| sp.contains(t))
                && matches!(
                    cx.low(i),
                    "unconfirmed" | "unverified" | "rumours" | "rumors" | "alleged"
                )
            {
                hedge = cx.spans.get(i).copied();
            }
        }
    }
    for i in a..b {
        let w = cx.low(i);
        let sp = cx.spans.get(i).copied().unwrap_or_default();
        if lexicon::denial(w) && (w != "lie" || matches!(cx.low(i.wrapping_sub(1)), "a" | "the")) {
            return (Modality::Denied, Some(sp));
        }
        if lexicon::denial_adj(w)
            && i > 0
            && (lexicon::is_be(cx.low(i - 1))
                || matches!(
                    cx.low(i - 1),
                    "as" | "completely" | "totally" | "entirely" | "simply" | "patently"
                ))
        {
            return (Modality::Denied, Some(sp));
        }
        if matches!(w, "called" | "calls" | "branded" | "dubbed" | "described")
            && (i + 1..(i + 5).min(cx.len())).any(|k| {
                let x = cx.low(k);
                lexicon::denial_adj(x)
                    || matches!(
                        x,
                        "lie" | "nonsense" | "invention" | "fiction" | "fantasy" | "slander"
                    )
            })
        {
            // "a figure the commission called “pure invention”"
            return (Modality::Denied, Some(sp));
        }
        if lexicon::proof_noun(w) && i > 0 && cx.low(i - 1) == "no" {
            return (Modality::Denied, Some(cx.span_of(i - 1, i + 1)));
        }
        if seq(cx, i, &["not", "true"])
            || seq(cx, i, &["no", "evidence", "that"])
            || seq(cx, i, &["nothing", "to", "this"])
        {
            return (Modality::Denied, Some(cx.span_of(i, i + 2)));
        }
        if question.is_none() {
            let q = (w == "whether" && i > a && cx.txt(i - 1) != ",")
                || (lexicon::question_word(w) && w != "whether")
                || seq(cx, i, &["not", "clear"])
                || seq(cx, i, &["not", "known"])
                || seq(cx, i, &["not", "yet", "known"])
                || seq(cx, i, &["not", "yet", "clear"])
                || seq(cx, i, &["questions", "remain"])
                || seq(cx, i, &["remains", "to", "be", "seen"])
                || seq(cx, i, &["open", "question"])
                || seq(cx, i, &["what", "really"]);
            if q {
                question = Some(sp);
            }
        }
        if hedge.is_none() {
            let raw = cx.txt(i);
            let h = if lexicon::hedge(w) {
                if lexicon::hedge_needs_passive(w) {
                    i > 0 && (lexicon::is_be(cx.low(i - 1)) || matches!(cx.low(i - 1), "i" | "we"))
                } else if w == "may" {
                    raw == "may" || (i == a && cx.low(i + 1) != "day")
                } else {
                    true
                }
            } else {
                seq(cx, i, &["it", "looks"])
                    || seq(cx, i, &["looks", "like"])
                    || seq(cx, i, &["i", "think"])
                    || seq(cx, i, &["i", "believe"])
                    || seq(cx, i, &["we", "believe"])
                    || seq(cx, i, &["i", "suspect"])
                    || seq(cx, i, &["i", "tend"])
                    || seq(cx, i, &["not", "sure"])
                    || seq(cx, i, &["no", "one", "knows"])
                    || (w == "reports" && reports_is_noun(cx, i, a))
            };
            if h {
                hedge = Some(sp);
            }
        }
    }
    // a closing "?" anywhere in the sentence
    if question.is_none() {
        if let Some(i) = sent
            .clone()
            .rev()
            .find(|&i| cx.is_word(i) || cx.txt(i) == "?")
        {
            if cx.txt(i) == "?" {
                question = cx.spans.get(i).copied();
            }
        }
    }
    if let Some(s) = question {
        return (Modality::Questioned, Some(s));
    }
    if let Some(s) = hedge {
        return (Modality::Hedged, Some(s));
    }
    if let Some(q) = q {
        if matches!(q.cue.as_deref(), Some("suspect" | "speculate" | "fear")) {
            return (Modality::Hedged, q.cue_span);
        }
    }
    if let Some(q) = q {
        return (Modality::Reported, q.cue_span);
    }
    (Modality::Asserted, None)
}

/// "Reports are of …", "there have been vague reports that …": a noun.
fn reports_is_noun(cx: &Ctx, i: usize, a: usize) -> bool {
    if cx.upos(i).is_some() {
        return cx.upos(i) == Some("NOUN");
    }
    if i == a {
        return true;
    }
    let p = cx.low(i - 1);
    !cx.is_cap(i - 1)
        && !matches!(p, "he" | "she" | "it" | "who" | "which" | "that")
        && cx.is_word(i - 1)
}

/// Evidence status from the whole sentence.
fn evidence(cx: &Ctx, sent: std::ops::Range<usize>) -> (Evidence, Option<Span>) {
    let (s, e) = (sent.start, sent.end);
    let mut cited: Option<Span> = None;
    for i in s..e {
        let w = cx.low(i);
        if matches!(
            w,
            "unsubstantiated" | "unproven" | "unsupported" | "evidence-free"
        ) {
            return (Evidence::NotedMissing, cx.spans.get(i).copied());
        }
        if lexicon::proof_noun(w) && cx.qmark(i.wrapping_sub(1)).is_none() {
            let lo = i.saturating_sub(5).max(s);
            let before = (lo..i).any(|j| lexicon::negator(cx.low(j)));
            let after =
                (i + 1..(i + 9).min(e)).any(|j| matches!(cx.low(j), "not" | "n't" | "never"));
            if before || after {
                return (
                    Evidence::NotedMissing,
                    Some(cx.span_of(lo.max(i.saturating_sub(3)), i + 1)),
                );
            }
        }
        if cited.is_none() {
            if w == "according"
                && cx.low(i + 1) == "to"
                && (i + 2..(i + 6).min(e)).any(|j| lexicon::evidence_noun(cx.low(j)))
            {
                cited = Some(cx.span_of(i, i + 2));
            } else if matches!(w, "citing" | "quoting") {
                cited = cx.spans.get(i).copied();
            } else if lexicon::evidence_noun(w)
                && w != "evidence"
                && matches!(
                    cx.low(i + 1),
                    "show"
                        | "shows"
                        | "showed"
                        | "shown"
                        | "reveal"
                        | "reveals"
                        | "revealed"
                        | "confirm"
                        | "confirmed"
                        | "indicate"
                        | "indicated"
                )
            {
                cited = Some(cx.span_of(i, i + 2));
            }
        }
    }
    match cited {
        Some(c) => (Evidence::Cited, Some(c)),
        None => (Evidence::Unstated, None),
    }
}

fn loaded_index() -> &'static HashMap<&'static str, Vec<usize>> {
    static IDX: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (k, (words, _)) in lexicon::LOADED.iter().enumerate() {
            if let Some(first) = words.first() {
                m.entry(first).or_default().push(k);
            }
        }
        m
    })
}

/// Loaded terms in the sentence, each with the voice that uses it.
fn loaded(
    cx: &Ctx,
    sent: std::ops::Range<usize>,
    base: Voice,
    quotes: &[Quote],
) -> Vec<LoadedTerm> {
    let idx = loaded_index();
    let mut out = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        let mut matched = 0;
        if let Some(cands) = idx.get(cx.low(i)) {
            for &k in cands {
                let Some((words, canon)) = lexicon::LOADED.get(k) else {
                    continue;
                };
                if i + words.len() <= sent.end && seq(cx, i, words) {
                    let sp = cx.span_of(i, i + words.len());
                    let in_quote = quotes.iter().any(|q| q.content.contains(&sp));
                    let scare = cx.qmark(i.wrapping_sub(1)).is_some()
                        && cx.qmark(i + words.len()).is_some();
                    let voice = if in_quote || scare {
                        Voice::Quoted
                    } else {
                        base
                    };
                    out.push(LoadedTerm {
                        term: canon.to_string(),
                        span: sp,
                        voice,
                    });
                    matched = words.len();
                    break;
                }
            }
        }
        i += matched.max(1);
    }
    out
}
