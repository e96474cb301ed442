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
        if words < 4 && !(question && words >= 2) && !(words == 3 && short_clause(cx, r.clone())) {
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
            // "Lawyers dismissed the charges as baseless and said …": the
            // first verb phrase is the author's report of a separate act
            let coord_end = q.cue_span.and_then(|cs| {
                let k = r
                    .clone()
                    .find(|&i| cx.spans.get(i).is_some_and(|t| t.start == cs.start))?;
                (k > r.start + 3 && cx.low(k - 1) == "and" && q.content.start >= cs.end)
                    .then(|| cx.spans.get(k - 1).map(|t| t.start))
                    .flatten()
            });
            let pre_end = coord_end.unwrap_or(q.span.start);
            if (pre_end > sspan.start && q.content.start >= q.span.start) || coord_end.is_some() {
                let pre: Vec<usize> = r
                    .clone()
                    .filter(|&i| cx.spans.get(i).is_some_and(|t| t.end <= pre_end))
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
        // one claim per quote in the sentence ("…, officials said, but they
        // warned that …" holds two), or the sentence itself
        let mut parts: Vec<(Span, Voice, Option<Speaker>, Option<usize>)> = Vec::new();
        if let Some((bi, _)) = best {
            let mut qis: Vec<usize> = vec![bi];
            for (qi, q) in quotes.iter().enumerate() {
                if qi == bi || !q.content.overlaps(&sspan) {
                    continue;
                }
                let inside = Span::new(
                    q.content.start.max(sspan.start),
                    q.content.end.min(sspan.end),
                );
                let words = r
                    .clone()
                    .filter(|&i| {
                        cx.is_word(i) && cx.spans.get(i).is_some_and(|t| inside.contains(t))
                    })
                    .count();
                let clash = qis
                    .iter()
                    .filter_map(|&k| quotes.get(k))
                    .any(|o| o.content.overlaps(&inside));
                if words >= 3 && !clash {
                    qis.push(qi);
                }
            }
            qis.sort_by_key(|&k| quotes.get(k).map_or(0, |q| q.content.start));
            for qi in qis {
                if let Some(q) = quotes.get(qi) {
                    let sp = Span::new(
                        q.content.start.max(sspan.start),
                        q.content.end.min(sspan.end),
                    )
                    .trim(cx.text);
                    let sp = trim_quote_marks(cx.text, sp);
                    parts.push((sp, Voice::Quoted, q.speaker.clone(), Some(qi)));
                }
            }
        } else {
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
            parts.push((sspan, base_voice, speaker, None));
        }
        for (pi, (span, voice, speaker, quote)) in parts.into_iter().enumerate() {
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
            // the sentence's loaded terms go with its first claim only
            let loaded_terms = if pi == 0 {
                loaded(cx, r.clone(), base_voice, quotes)
            } else {
                Vec::new()
            };
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
        // "600 officers had been dismissed": removed from a post, not a denial
        let fired = w == "dismissed" && i > 0 && lexicon::is_be(cx.low(i - 1));
        if lexicon::denial(w)
            && !fired
            && (w != "lie" || matches!(cx.low(i.wrapping_sub(1)), "a" | "the"))
        {
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
        if seq(cx, i, &["no", "truth"])
            || seq(cx, i, &["not", "true"])
            || seq(cx, i, &["no", "evidence", "that"])
            || seq(cx, i, &["nothing", "to", "this"])
        {
            return (Modality::Denied, Some(cx.span_of(i, i + 2)));
        }
        if question.is_none() {
            // "of unknown origin", "an uncertain future": attributive, no question
            let attributive = i > 0 && matches!(cx.low(i - 1), "of" | "a" | "an" | "the");
            let q = (w == "whether" && i > a && cx.txt(i - 1) != ",")
                || (lexicon::question_word(w) && w != "whether" && !attributive)
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
                        || (w == "expected" && expect_to(cx, i, sent.end))
                } else if w == "could" {
                    !could_is_ability(cx, i, sent.clone())
                } else if w == "may" {
                    raw == "may" || (i == a && cx.low(i + 1) != "day")
                } else {
                    true
                }
            } else {
                seq(cx, i, &["it", "looks"])
                    || (i > 0
                        && lexicon::is_be(cx.low(i - 1))
                        && (seq(cx, i, &["said", "to", "be"])
                            || seq(cx, i, &["said", "to", "have"])))
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
            // "we don't comment on speculation": the noun is a topic here
            let topic = matches!(w, "speculation" | "rumours" | "rumors")
                && (i.saturating_sub(3).max(sent.start)..i).any(|k| cx.low(k) == "comment");
            if h && !topic {
                hedge = Some(sp);
            }
        }
    }
    // "Ministers say X; nobody in the trade believes it": disbelief after
    // the reported clause
    for i in a.max(sent.start + 1)..sent.end {
        if matches!(cx.low(i), "nobody" | "no" | "few")
            && (cx.low(i) != "no" || cx.low(i + 1) == "one")
            && matches!(cx.low(i - 1), ";" | "," | "but" | "and" | "yet")
            && (i + 1..(i + 7).min(sent.end)).any(|k| {
                matches!(cx.low(k), "believes" | "believe" | "buys" | "accepts")
                    && matches!(cx.low(k + 1), "it" | "this" | "that" | "them" | "a")
            })
        {
            return (Modality::Denied, cx.spans.get(i).copied());
        }
    }
    // "They have not." / "It did not.": an elliptical rebuttal
    if b >= a + 3 {
        let last = (a..b).rev().find(|&i| cx.is_word(i));
        if let Some(l) = last {
            let words = (a..b).filter(|&i| cx.is_word(i)).count();
            if words <= 4
                && matches!(cx.low(l), "not" | "n't" | "never")
                && lexicon::speaker_pronoun(cx.low(a)).is_some()
            {
                return (Modality::Denied, cx.spans.get(l).copied());
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

/// A three-word sentence worth a claim: it has a finite verb, an auxiliary
/// or a denial ("Ashby denies fraud.", "They have not.").
fn short_clause(cx: &Ctx, r: std::ops::Range<usize>) -> bool {
    r.clone().any(|i| {
        let w = cx.low(i);
        matches!(cx.upos(i), Some("VERB" | "AUX"))
            || lexicon::denial(w)
            || lexicon::is_be(w)
            || matches!(
                w,
                "not" | "n't" | "never" | "has" | "have" | "had" | "did" | "does"
            )
    }) && r
        .clone()
        .rev()
        .find(|&i| !cx.is_word(i))
        .is_some_and(|i| cx.txt(i) == ".")
}

/// "he expected the airline to return to profit": "expected" with a
/// to-infinitive close after it is a prediction, not "as expected".
fn expect_to(cx: &Ctx, i: usize, end: usize) -> bool {
    i > 0
        && !matches!(cx.low(i - 1), "as" | "than" | "had" | "was" | "were")
        && (i + 1..(i + 6).min(end)).any(|k| cx.low(k) == "to" && cx.is_word(k + 1))
}

/// "could" of ability or of the past, not of possibility: "I could see it
/// coming", "could not stop it", "could only reach the town by boat", "as a
/// child I could swim". "could not be verified / ruled out" stays a hedge.
fn could_is_ability(cx: &Ctx, i: usize, sent: std::ops::Range<usize>) -> bool {
    let next = cx.low(i + 1);
    if matches!(next, "not" | "n't" | "never" | "no") {
        let k = if cx.low(i + 2) == "longer" {
            i + 3
        } else {
            i + 2
        };
        let v = cx.low(k);
        let v2 = cx.low(k + 1);
        let epistemic = matches!(v, "rule" | "exclude" | "confirm" | "verify" | "say")
            || (v == "be"
                && (matches!(
                    v2,
                    "ruled" | "excluded" | "confirmed" | "verified" | "independently"
                ) || v2.ends_with("ly")));
        return !epistemic;
    }
    if matches!(
        next,
        "only" | "barely" | "hardly" | "scarcely" | "easily" | "always"
    ) {
        return true;
    }
    let prev = if i > sent.start { cx.low(i - 1) } else { "" };
    if matches!(prev, "i" | "we" | "you")
        && matches!(
            next,
            "see" | "hear" | "feel" | "smell" | "taste" | "sense" | "tell" | "remember"
        )
    {
        return true;
    }
    // a past-time frame in the sentence: "as a child", "when I was young"
    sent.clone().any(|k| {
        (cx.low(k) == "as"
            && cx.low(k + 1) == "a"
            && matches!(
                cx.low(k + 2),
                "child" | "boy" | "girl" | "student" | "teenager" | "youngster"
            ))
            || (cx.low(k) == "when"
                && matches!(cx.low(k + 1), "i" | "we" | "he" | "she" | "they")
                && matches!(cx.low(k + 2), "was" | "were"))
            || seq(cx, k, &["in", "those", "days"])
            || seq(cx, k, &["back", "then"])
    })
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
        // "without providing any figures", "without citing data"
        if w == "without" {
            if let Some(j) = (i + 1..(i + 5).min(e)).find(|&j| {
                let x = cx.low(j);
                lexicon::evidence_noun(x) || lexicon::proof_noun(x)
            }) {
                return (Evidence::NotedMissing, Some(cx.span_of(i, j + 1)));
            }
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
            } else if w == "quoting" || (w == "citing" && !cites_reason(cx, i + 1, e)) {
                cited = cx.spans.get(i).copied();
            } else if matches!(w, "have" | "has" | "had")
                && (i + 1..(i + 3).min(e)).any(|j| {
                    lexicon::evidence_noun(cx.low(j)) && !matches!(cx.low(j), "count" | "record")
                })
                && !(i.saturating_sub(2).max(s)..i + 3).any(|j| lexicon::negator(cx.low(j)))
            {
                // "we have data from 200,000 children"
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
            } else if lexicon::evidence_noun(w)
                && !matches!(w, "evidence" | "count" | "record")
                && (s..i).filter(|&j| cx.is_word(j)).count() <= 2
                && (i + 1..(i + 14).min(e)).any(|j| {
                    matches!(
                        cx.low(j),
                        "found" | "finds" | "shows" | "showed" | "revealed" | "concluded"
                    )
                })
            {
                // "A study of 12,000 adults, published in …, found that …"
                cited = cx.spans.get(i).copied();
            }
        }
    }
    match cited {
        Some(c) => (Evidence::Cited, Some(c)),
        None => (Evidence::Unstated, None),
    }
}

/// "citing weaker demand", "citing health reasons": a cause, not a source.
fn cites_reason(cx: &Ctx, from: usize, e: usize) -> bool {
    (from..(from + 4).min(e))
        .take_while(|&j| cx.is_word(j))
        .any(|j| {
            matches!(
                cx.low(j),
                "demand"
                    | "reason"
                    | "reasons"
                    | "concern"
                    | "concerns"
                    | "fears"
                    | "costs"
                    | "pressure"
                    | "pressures"
                    | "uncertainty"
                    | "difficulties"
                    | "problems"
                    | "weather"
                    | "shortages"
                    | "delays"
                    | "lack"
                    | "commitments"
                    | "illness"
                    | "conditions"
            )
        })
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
