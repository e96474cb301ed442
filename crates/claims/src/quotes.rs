//! Direct quotes (quotation marks) and reported speech, with speakers.

use crate::ctx::{Ctx, QMark};
use crate::lexicon::{self, Cue, CueClass, Pron};
use crate::{Quote, Speaker};

/// A quote before its speaker is resolved.
struct Raw {
    span_toks: (usize, usize),
    content: (usize, usize),
    speaker: Option<(usize, usize)>,
    /// Speaker text is a whole line after the quote (epigraph).
    cue: Option<(&'static str, usize, usize)>,
    direct: bool,
    /// Take the speaker of the previous direct quote.
    inherit: bool,
}

/// An attribution found next to a quote.
#[derive(Clone, Copy)]
struct Attr {
    speaker: Option<(usize, usize)>,
    cue: Option<(&'static str, usize, usize)>,
    /// First / one-past-last token of the attribution.
    from: usize,
    to: usize,
}

/// Finds direct and indirect quotes, in text order, speakers resolved.
pub(crate) fn find_quotes(cx: &Ctx) -> Vec<Quote> {
    let n = cx.len();
    let mut used = vec![false; n];
    let mut raws: Vec<Raw> = Vec::new();
    let mut quoted_sents = vec![false; cx.sents.len()];
    let mut last_direct: Option<usize> = None;
    for (o, c, closed) in quote_pairs(cx) {
        let (ca, mut cb) = (o + 1, c);
        if cb > ca && cx.txt(cb - 1) == "," {
            cb -= 1;
        }
        if cb <= ca {
            continue;
        }
        if !cx.sent_of.get(o).is_some_and(|&s| cx.sent_is_content(s)) {
            continue;
        }
        let words = (ca..cb).filter(|&i| cx.is_word(i)).count();
        let end_guess = if closed { c + 1 } else { c };
        // a full sentence in quotation marks is speech even when short
        let long = words >= 6 || (words >= 3 && embedded_words(cx, o, end_guess) == 0);
        let end_tok = if closed { c + 1 } else { c };
        // "“Accordingly – X continues – the plan …”": the attribution is not
        // part of the quoted words
        let interj = interjected_attr(cx, ca, cb);
        let mut left_part: Option<(usize, usize)> = None;
        if let Some((d1, _, _)) = &interj {
            let left_words = (ca..*d1).filter(|&i| cx.is_word(i)).count();
            if left_words >= 3 {
                left_part = Some((ca, *d1));
            }
        }
        let attr = if closed {
            after_attr(cx, c, ca, cb, long)
        } else {
            None
        }
        .or_else(|| {
            // a quoted exclamation or question is a whole utterance however short
            let sentential = words >= 2 && matches!(cx.txt(cb - 1), "!" | "?");
            before_attr(cx, o, long || sentential)
        })
        .or_else(|| interj.as_ref().map(|(_, _, a)| *a))
        .or_else(|| dash_line_before(cx, o));
        let ca_main = match &interj {
            Some((_, d2, _)) => (d2 + 1..cb).find(|&i| cx.is_word(i)).unwrap_or(ca),
            None => ca,
        };
        if let (Some((la, lb)), Some(a)) = (left_part, &attr) {
            let mut lb = lb;
            while lb > la && !cx.is_word(lb - 1) {
                lb -= 1;
            }
            raws.push(Raw {
                span_toks: (o, lb),
                content: (la, lb),
                speaker: a.speaker,
                cue: a.cue,
                direct: true,
                inherit: false,
            });
        }
        let mut raw = Raw {
            span_toks: (o, end_tok),
            content: (ca_main, cb),
            speaker: None,
            cue: None,
            direct: true,
            inherit: false,
        };
        if let Some(a) = attr {
            raw.speaker = a.speaker;
            raw.cue = a.cue;
            raw.span_toks = (a.from.min(o), a.to.max(end_tok));
        } else if let Some(a) =
            short_attr(cx, o).filter(|a| !long || a.cue.is_some_and(|c| c.0 == "liken"))
        {
            // “…” named as someone's words inside another sentence: the
            // sentence keeps its own reported speech
            raw.speaker = a.speaker;
            raw.cue = a.cue;
            raw.span_toks = (a.from.min(o), a.to.max(end_tok));
            for u in used.get_mut(o..end_tok).into_iter().flatten() {
                *u = true;
            }
            last_direct = Some(raws.len());
            raws.push(raw);
            continue;
        } else if continues_attributed(cx, &raws, last_direct, o) {
            // “…,” said X, “…”: the second half of a split quote
            raw.inherit = true;
        } else if !long {
            continue; // a scare quote or a cited term, not speech
        } else if embedded_words(cx, o, end_tok) >= 3 {
            continue; // a phrase quoted inside the author's (or a reported) sentence
        } else if let Some(line) = epigraph_line(cx, end_tok) {
            raw.speaker = Some(line);
            raw.span_toks = (o, line.1);
        } else if let Some(p) = last_direct.and_then(|i| raws.get(i)) {
            // only the rest of the attribution's sentence lies between them
            let att_sent = p
                .span_toks
                .1
                .checked_sub(1)
                .and_then(|i| cx.sent_of.get(i).copied());
            let gap_ok = (p.span_toks.1..o)
                .all(|i| !cx.is_word(i) || cx.sent_of.get(i).copied() == att_sent);
            if gap_ok && (p.speaker.is_some() || p.inherit) {
                raw.inherit = true;
            }
        }
        for u in used
            .get_mut(raw.span_toks.0..raw.span_toks.1)
            .into_iter()
            .flatten()
        {
            *u = true;
        }
        for i in ca..cb {
            if let Some(&si) = cx.sent_of.get(i) {
                if let Some(q) = quoted_sents.get_mut(si) {
                    *q = true;
                }
            }
        }
        let tail = participle_tail(cx, raw.span_toks.1);
        last_direct = Some(raws.len());
        if raw.speaker.is_some() {
            if let Some(t) = tail {
                // “…,” said X, adding that …: reported speech of the same speaker
                for u in used
                    .get_mut(t.span_toks.0..t.span_toks.1)
                    .into_iter()
                    .flatten()
                {
                    *u = true;
                }
                raws.push(raw);
                raws.push(t);
                continue;
            }
        }
        raws.push(raw);
    }
    for t in transcript_turns(cx, &used) {
        for i in t.span_toks.0..t.span_toks.1 {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            if let Some(q) = cx.sent_of.get(i).and_then(|&si| quoted_sents.get_mut(si)) {
                *q = true;
            }
        }
        raws.push(t);
    }
    for si in 0..cx.sents.len() {
        if quoted_sents.get(si).copied().unwrap_or(true) || !cx.sent_is_content(si) {
            continue;
        }
        raws.extend(indirect(cx, si, &used));
    }
    raws.sort_by_key(|r| r.span_toks.0);
    let mut out = resolve(cx, raws);
    borrow_repeated_speakers(cx, &mut out);
    out
}

/// A headline or pull quote without attribution that repeats words of an
/// attributed direct quote (most of its words, in the same document) takes
/// that quote's speaker.
fn borrow_repeated_speakers(cx: &Ctx, quotes: &mut [Quote]) {
    let words = |sp: crosscheck_doc::Span| -> Vec<String> {
        cx.slice(sp)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for k in 0..quotes.len() {
        let Some(q) = quotes.get(k) else { continue };
        if q.speaker.is_some() || !q.direct {
            continue;
        }
        let mine = words(q.content);
        if mine.len() < 3 {
            continue;
        }
        let donor = quotes.iter().enumerate().find_map(|(j, o)| {
            let sp = o.speaker.as_ref()?;
            if j == k || !o.direct {
                return None;
            }
            let theirs = words(o.content);
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            (shared * 5 >= mine.len() * 4).then(|| sp.clone())
        });
        if let (Some(d), Some(q)) = (donor, quotes.get_mut(k)) {
            q.speaker = Some(d);
        }
    }
}

/// Transcript turns: a paragraph opening with `NAME:` (all capitals, or a
/// label used for two or more turns, or one of two or more labels) is that
/// speaker's verbatim words; `A:` turns belong to the interviewee (the
/// nearest person named before the first `Q:`/`A:`), `Q:` turns are the
/// outlet's own questions and are left to the author.
fn transcript_turns(cx: &Ctx, used: &[bool]) -> Vec<Raw> {
    let n = cx.len();
    // (label start, colon, paragraph end)
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let para_start = i == 0 || cx.nl_before.get(i).copied().unwrap_or(0) > 0;
        if !para_start {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && cx.nl_before.get(end).copied().unwrap_or(0) == 0 {
            end += 1;
        }
        if let Some(c) = (i + 1..(i + 5).min(end)).find(|&c| cx.txt(c) == ":") {
            let label_ok = (i..c).all(|k| cx.is_cap(k) && cx.is_alpha(k) || cx.txt(k) == ".");
            let content_words = (c + 1..end).filter(|&k| cx.is_word(k)).count();
            let starts_quote = cx.qmark(c + 1).is_some() || cx.txt(c + 1) == "'";
            if label_ok
                && content_words >= 1
                && !starts_quote
                && (c == i + 1 && matches!(cx.low(i), "q" | "a")
                    || !is_section_label(cx.low(i)) && !lexicon::is_det(cx.low(i)))
                && (c + 1..end).all(|k| !used.get(k).copied().unwrap_or(true))
                && (i..c).all(|k| lexicon::cue(cx.low(k)).is_none())
            {
                cands.push((i, c, end));
            }
        }
        i = end;
    }
    let label = |&(a, c, _): &(usize, usize, usize)| -> String {
        (a..c).map(|k| cx.low(k)).collect::<Vec<_>>().join(" ")
    };
    let is_qa = |l: &str| matches!(l, "q" | "a" | "q." | "a.");
    let labels: Vec<String> = cands.iter().map(label).collect();
    let mut distinct: Vec<&String> = labels.iter().filter(|l| !is_qa(l)).collect();
    distinct.sort();
    distinct.dedup();
    let has_qa =
        labels.iter().any(|l| l.starts_with('q')) && labels.iter().any(|l| l.starts_with('a'));
    let interviewee = cands
        .iter()
        .zip(&labels)
        .find(|(_, l)| is_qa(l))
        .and_then(|(&(a, _, _), _)| interviewee_before(cx, a));
    let mut out = Vec::new();
    for (&(a, c, end), l) in cands.iter().zip(&labels) {
        let all_caps = (a..c).all(|k| {
            cx.txt(k)
                .chars()
                .all(|ch| !ch.is_alphabetic() || ch.is_uppercase())
        }) && (a..c)
            .any(|k| cx.txt(k).chars().filter(|ch| ch.is_alphabetic()).count() >= 2);
        let repeated = labels.iter().filter(|x| *x == l).count() >= 2;
        let speaker = if is_qa(l) {
            if !has_qa || l.starts_with('q') {
                continue;
            }
            match interviewee {
                Some(sp) => Some(sp),
                None => continue,
            }
        } else if all_caps || repeated || distinct.len() >= 2 {
            Some((a, c))
        } else {
            continue;
        };
        let mut b = end;
        while b > c + 1 && !cx.is_word(b - 1) && !matches!(cx.txt(b - 1), "." | "?" | "!") {
            b -= 1;
        }
        out.push(Raw {
            span_toks: (a, end),
            content: (c + 1, b),
            speaker,
            cue: None,
            direct: true,
            inherit: false,
        });
    }
    out
}

/// The interviewee of a `Q:`/`A:` transcript: the last person mention (or
/// name-like run) before the first turn.
fn interviewee_before(cx: &Ctx, at: usize) -> Option<(usize, usize)> {
    let at_start = cx.spans.get(at)?.start;
    let ent = cx
        .entities
        .iter()
        .filter(|e| is_person_label(e.label) && e.span.end <= at_start)
        .max_by_key(|e| e.span.start);
    if let Some(e) = ent {
        let a = cx.spans.partition_point(|t| t.end <= e.span.start);
        let b = cx.spans.partition_point(|t| t.start < e.span.end);
        if b > a {
            return Some((a, b));
        }
    }
    // without mentions: the first name-like run of the introduction
    let mut k = 0;
    while k < at {
        if is_name_word(cx, k) && is_name_word(cx, k + 1) {
            let mut b = k + 1;
            while b < at && is_name_word(cx, b) {
                b += 1;
            }
            return Some((k, b));
        }
        k += 1;
    }
    None
}

/// `, adding (that) CLAUSE` right after an attribution ending at `t`, up to
/// the end of the sentence, as an indirect quote inheriting the speaker.
fn participle_tail(cx: &Ctx, t0: usize) -> Option<Raw> {
    let sep = |i: usize| cx.txt(i) == "," || (is_dash(cx.txt(i)) && i > 0 && cx.is_word(i - 1));
    // "told journalists – adding that …": a short addressee may come first
    let t0 = (t0..t0 + 3)
        .take_while(|&i| sep(i) || (cx.is_word(i) && lexicon::cue(cx.low(i)).is_none()))
        .find(|&i| sep(i))?;
    // skip an appositive: "said X, a spokeswoman for Y, adding …"
    let sr = cx.sent_range_of(t0);
    let t = (t0..sr.end.min(t0 + 16))
        .take_while(|&i| cx.qmark(i).is_none() && !is_sentence_end(cx, i))
        .filter(|&i| sep(i))
        .find(|&i| participle_at(cx, i + 1).is_some() || cue_at(cx, i + 1).is_some())?;
    let (cue, ce) = participle_at(cx, t + 1).or_else(|| cue_at(cx, t + 1))?;
    if cue.class != CueClass::Participle || matches!(cue.lemma, "deny" | "accuse") {
        return None;
    }
    let mut a = ce + 1;
    if cx.low(a) == "that" {
        a += 1;
    }
    let mut b = sr.end;
    while b > a && !cx.is_word(b - 1) {
        b -= 1;
    }
    if b < a + 3 || (a..b).any(|i| cx.qmark(i).is_some()) {
        return None;
    }
    Some(Raw {
        span_toks: (t + 1, sr.end),
        content: (a, b),
        speaker: None,
        cue: Some((cue.lemma, t + 1, ce + 1)),
        direct: false,
        inherit: true,
    })
}

/// A participle cue after a comma (", warning that …"), whatever the tagger
/// made of the -ing form.
fn participle_at(cx: &Ctx, i: usize) -> Option<(Cue, usize)> {
    if i == 0 || !(cx.txt(i - 1) == "," || is_dash(cx.txt(i - 1))) {
        return None;
    }
    lexicon::cue(cx.low(i))
        .filter(|c| c.class == CueClass::Participle)
        .map(|c| (c, i))
}

/// True when the quote opening at `o` directly follows (after a comma) the
/// attribution that closed the previous direct quote in the same sentence.
fn continues_attributed(cx: &Ctx, raws: &[Raw], last: Option<usize>, o: usize) -> bool {
    let Some(p) = last.and_then(|i| raws.get(i)) else {
        return false;
    };
    if p.speaker.is_none() || p.span_toks.1 >= o {
        return false;
    }
    let same_sent = cx.sent_of.get(p.span_toks.1.saturating_sub(1)) == cx.sent_of.get(o);
    let gap: Vec<usize> = (p.span_toks.1..o).collect();
    same_sent
        && !gap.is_empty()
        && gap.iter().all(|&i| !cx.is_word(i))
        && gap.iter().any(|&i| matches!(cx.txt(i), "," | ";"))
}

/// Words of the sentence of token `o` outside the quote `o..end`.
fn embedded_words(cx: &Ctx, o: usize, end: usize) -> usize {
    let sr = cx.sent_range_of(o);
    (sr.start..o)
        .chain(end..sr.end)
        .filter(|&i| cx.is_word(i))
        .count()
}

/// Pairs of quotation marks as (open token, close token or end, closed?).
/// A quote left open at a line break continues if the next line opens with a
/// quotation mark (news convention for multi-paragraph quotes); otherwise it
/// ends at the line break.
fn quote_pairs(cx: &Ctx) -> Vec<(usize, usize, bool)> {
    let n = cx.len();
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None; // (token, single?)
    for i in 0..n {
        let q = cx.qmark(i);
        if let Some((o, single)) = open {
            if cx.nl_before.get(i).copied().unwrap_or(0) > 0 {
                let opens = matches!(q, Some(QMark::OpenDouble) | Some(QMark::Straight));
                if !single && opens {
                    continue; // continuation paragraph
                }
                out.push((o, i, false));
                open = None;
            } else if i - o > 600 {
                open = None;
            }
        }
        let q = match q.or_else(|| straight_single(cx, i, open.is_some_and(|(_, s)| s))) {
            Some(q) => q,
            None => continue,
        };
        match (q, open) {
            (QMark::OpenDouble, None) => open = Some((i, false)),
            (QMark::OpenDouble, Some((o, true))) => {
                let _ = o;
                open = Some((i, false));
            }
            (QMark::CloseDouble, Some((o, false))) | (QMark::Straight, Some((o, false))) => {
                out.push((o, i, true));
                open = None;
            }
            (QMark::Straight, None) => {
                let starts = i == 0
                    || cx.space_before.get(i).copied().unwrap_or(true)
                    || matches!(cx.txt(i - 1), "(" | "[" | "—" | "–" | "-" | ":");
                if starts && cx.is_word(i + 1) {
                    open = Some((i, false));
                }
            }
            (QMark::OpenSingle, None) if cx.is_word(i + 1) => open = Some((i, true)),
            (QMark::CloseSingle, Some((o, true))) => {
                out.push((o, i, true));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        out.push((o, n, false));
    }
    out
}

/// A straight apostrophe used as a single quotation mark: opening when it
/// follows a space or line start and a word follows at once; closing (only
/// while a single quote is open) when it follows a word and a space, a
/// punctuation mark or the end comes next. Possessives ("workers' union")
/// close nothing because no single quote is open.
fn straight_single(cx: &Ctx, i: usize, single_open: bool) -> Option<QMark> {
    if cx.txt(i) != "'" {
        return None;
    }
    let sb = i == 0 || cx.space_before.get(i).copied().unwrap_or(true);
    let next_word = cx.is_word(i + 1) && !cx.space_before.get(i + 1).copied().unwrap_or(true);
    if single_open {
        let after_ok = i + 1 >= cx.len()
            || cx.space_before.get(i + 1).copied().unwrap_or(true)
            || !cx.is_word(i + 1);
        if !sb && i > 0 && after_ok {
            return Some(QMark::CloseSingle);
        }
        return None;
    }
    let opener = sb || matches!(cx.txt(i.wrapping_sub(1)), ":" | "(" | "—" | "–");
    if opener && next_word {
        return Some(QMark::OpenSingle);
    }
    None
}

/// The cue at token `i`: (cue, last token of the cue).
fn cue_at(cx: &Ctx, i: usize) -> Option<(Cue, usize)> {
    let w = cx.low(i);
    let c = lexicon::cue(w)?;
    // "Omar Said": a capitalised cue inside a sentence is a name
    if cx.is_cap(i) && i > cx.sent_range_of(i).start && cx.qmark(i - 1).is_none() {
        return None;
    }
    if let Some(p) = cx.upos(i) {
        // taggers often read "X points out" / "X claims" as nouns: the
        // homograph rule below decides those
        if matches!(p, "NOUN" | "PROPN" | "ADJ")
            && !matches!(w, "said" | "says" | "told")
            && !is_homograph(w)
        {
            return None;
        }
    }
    match w {
        "ruled" | "points" | "pointed" => {
            if cx.low(i + 1) == "out" && !(w == "points" && i > 0 && noun_before(cx, i - 1)) {
                let class = if w == "ruled" {
                    CueClass::Denial
                } else {
                    CueClass::NeedsThat
                };
                Some((
                    Cue {
                        lemma: c.lemma,
                        class,
                    },
                    i + 1,
                ))
            } else {
                None
            }
        }
        // ", saying he could …": a participle attribution; other uses
        // ("quoted as saying", "without saying") are not cues here
        "saying" if i > 0 && cx.txt(i - 1) == "," => Some((
            Cue {
                lemma: "say",
                class: CueClass::Participle,
            },
            i,
        )),
        "saying" => None,
        "notes" | "claims" | "reports" | "states" | "estimates" | "stresses" | "claim" => {
            if i > 0 && noun_before(cx, i - 1) {
                None
            } else {
                // a clear subject before it: a verb, which may take a bare
                // clause; after "five Central Asian" it stays a noun unless
                // "that" follows
                let mut j = i - 1;
                while j > 0 && cx.is_cap(j) && cx.is_alpha(j) {
                    j -= 1;
                }
                let quantified = j + 1 < i
                    && (cx.is_digit(j)
                        || lexicon::number_word(cx.low(j)).is_some()
                        || lexicon::is_det(cx.low(j)));
                Some((
                    Cue {
                        lemma: c.lemma,
                        class: if quantified {
                            CueClass::NeedsThat
                        } else {
                            CueClass::Speech
                        },
                    },
                    i,
                ))
            }
        }
        _ => Some((c, i)),
    }
}

/// True if the word before a noun/verb homograph makes it a noun ("the
/// notes", "vague reports"): without tags, only a name, a pronoun or a
/// speaker noun ("the ministry claims") lets it be a verb.
fn noun_before(cx: &Ctx, p: usize) -> bool {
    let w = cx.low(p);
    let initial = p == cx.sent_range_of(p).start;
    let adj_like = ["ed", "al", "ic", "ous", "ive", "ful", "ial", "ary"]
        .iter()
        .any(|s| w.ends_with(s));
    if cx.is_cap(p) && cx.is_alpha(p) && !lexicon::is_det(w) && !(initial && adj_like) {
        return false;
    }
    if matches!(
        lexicon::speaker_pronoun(w),
        Some(Pron::Masc) | Some(Pron::Fem) | Some(Pron::Neuter)
    ) && !matches!(w, "his" | "her" | "its")
    {
        return false;
    }
    !lexicon::speaker_noun(w)
}

/// The subject at the start of the sentence (for participle cues): a pronoun
/// or a capitalised name run after any leading conjunction.
fn sentence_subject(cx: &Ctx, s: usize, k: usize) -> Option<(usize, usize)> {
    let mut a = s;
    while a < k
        && (!cx.is_word(a) || matches!(cx.low(a), "and" | "but" | "so" | "yet" | "then" | "also"))
    {
        a += 1;
    }
    if a >= k {
        return None;
    }
    if lexicon::speaker_pronoun(cx.low(a)).is_some() {
        return Some((a, a + 1));
    }
    let mut b = a;
    while b < k && cx.is_cap(b) && cx.is_alpha(b) {
        b += 1;
    }
    if b > a {
        Some((a, b))
    } else {
        None
    }
}

fn is_sentence_end(cx: &Ctx, i: usize) -> bool {
    matches!(cx.txt(i), "." | "!" | "?" | "…") || i >= cx.len()
}

fn is_dash(s: &str) -> bool {
    matches!(s, "–" | "—" | "-" | "--")
}

/// Attribution after a closing quote: `“…,” said X` / `“…,” X said`.
fn after_attr(cx: &Ctx, c: usize, ca: usize, cb: usize, long: bool) -> Option<Attr> {
    let n = cx.len();
    let mut k = c + 1;
    if cx.nl_before.get(k).copied().unwrap_or(0) > 0
        || cx.quote_split.get(k).copied().unwrap_or(false)
    {
        return None;
    }
    let comma_inside =
        matches!(cx.txt(cb), ",") || matches!(cx.txt(cb.saturating_sub(1)), "?" | "!" | ",");
    if matches!(cx.txt(k), ",") || is_dash(cx.txt(k)) {
        k += 1;
    } else if !comma_inside && !long {
        return None;
    }
    let _ = ca;
    let hi = (k + 14).min(n);
    // "“…,” as she put it"
    if cx.low(k) == "as" {
        if let Some(m) =
            (k + 2..hi.min(k + 10)).find(|&m| cx.low(m) == "put" && cx.low(m + 1) == "it")
        {
            let (a, b) = subject_np(cx, m, k + 1)?;
            return Some(Attr {
                speaker: Some((a, b)),
                cue: Some(("put it", m, m + 2)),
                from: c,
                to: m + 2,
            });
        }
    }
    // "said X"
    if let Some((cue, ce)) = cue_at(cx, k) {
        let (a, b) = forward_np(cx, ce + 1, hi);
        if b > a {
            return Some(Attr {
                speaker: Some((a, b)),
                cue: Some((cue.lemma, k, ce + 1)),
                from: c,
                to: b,
            });
        }
        return None;
    }
    if let Some(mut at) = according_attr(cx, k, hi) {
        at.from = c;
        return at.speaker.is_some().then_some(at);
    }
    // "X said"
    let mut m = k;
    while m < hi {
        if cx.nl_before.get(m).copied().unwrap_or(0) > 0
            || cx.qmark(m).is_some()
            || is_sentence_end(cx, m)
        {
            return None;
        }
        if let Some((cue, ce)) = cue_at(cx, m) {
            if m == k {
                return None;
            }
            if passive_before(cx, m, k) {
                return None;
            }
            let (a, b) = subject_np(cx, m, k)?;
            // the subject must start the attribution; "the finance minister,
            // Jane Doe, told …" keeps the name after its description
            let described = a > k + 1 && cx.txt(a - 1) == "," && walk_np(cx, a - 1, k) == k;
            if !described && (k..a).any(|i| cx.is_word(i) && !lexicon::is_pre_cue_filler(cx.low(i)))
            {
                return None;
            }
            let _ = cue;
            return Some(Attr {
                speaker: Some((a, b)),
                cue: Some((cue.lemma, m, ce + 1)),
                from: c,
                to: ce + 1,
            });
        }
        let w = cx.low(m);
        if w == "," && matches!(cx.low(m + 1), "who" | "which" | "whose") {
            // "one resident, who asked not to be named, told …"
            if let Some(c2) = (m + 2..hi).find(|&j| cx.txt(j) == ",") {
                m = c2 + 1;
                continue;
            }
        }
        if cx.is_word(m) && lexicon::np_stop(w) && !matches!(w, "also" | "has" | "had" | "have") {
            return None;
        }
        m += 1;
    }
    None
}

/// `– NP cue –` (or `– cue NP –`) between the dashes `d1` and `d2`: an
/// attribution set off inside or before a quote ("– Smith continues –").
fn dash_attr(cx: &Ctx, d1: usize, d2: usize) -> Option<Attr> {
    if d2 < d1 + 3 || d2 > d1 + 12 || (d1 + 1..d2).any(|i| cx.qmark(i).is_some()) {
        return None;
    }
    // "– NP continues –"
    let m = d2 - 1;
    if let Some((cue, ce)) = cue_at(cx, m).filter(|&(_, ce)| ce == m) {
        let (a, b) = subject_np(cx, m, d1 + 1)?;
        let lead = (d1 + 1..a).all(|i| !cx.is_word(i) || lexicon::is_pre_cue_filler(cx.low(i)));
        return lead.then_some(Attr {
            speaker: Some((a, b)),
            cue: Some((cue.lemma, m, ce + 1)),
            from: d1,
            to: d2 + 1,
        });
    }
    // "– continues NP –"
    let (cue, ce) = cue_at(cx, d1 + 1)?;
    let (a, b) = forward_np(cx, ce + 1, d2);
    (b == d2 && b > a).then_some(Attr {
        speaker: Some((a, b)),
        cue: Some((cue.lemma, d1 + 1, ce + 1)),
        from: d1,
        to: d2 + 1,
    })
}

/// An attribution between dashes inside the quoted words `ca..cb`
/// ("“Accordingly – Smith continues – the plan …”"): the dashes, the
/// attribution and the quoted words before and after it.
fn interjected_attr(cx: &Ctx, ca: usize, cb: usize) -> Option<(usize, usize, Attr)> {
    let d1 = (ca + 1..cb).find(|&i| is_dash(cx.txt(i)))?;
    let d2 = (d1 + 3..cb.min(d1 + 13)).find(|&i| is_dash(cx.txt(i)))?;
    if d2 + 1 >= cb {
        return None;
    }
    dash_attr(cx, d1, d2).map(|a| (d1, d2, a))
}

/// A line of its own such as "– Smith continues –" right before the quote
/// opening at `o`.
fn dash_line_before(cx: &Ctx, o: usize) -> Option<Attr> {
    let d2 = o.checked_sub(1)?;
    if !is_dash(cx.txt(d2)) {
        return None;
    }
    let d1 = (d2.saturating_sub(12)..d2.saturating_sub(2))
        .rev()
        .find(|&i| is_dash(cx.txt(i)))?;
    if cx.sent_range_of(d1).start != d1 {
        return None;
    }
    dash_attr(cx, d1, d2)
}

/// `according to NP` at `m` (NP ending before `hi`): an attribution from
/// `m` to the end of the NP, or one without a speaker when no NP follows.
/// `None` when `m` does not open "according to".
fn according_attr(cx: &Ctx, m: usize, hi: usize) -> Option<Attr> {
    if cx.low(m) != "according" || cx.low(m + 1) != "to" {
        return None;
    }
    let (a, b) = forward_np(cx, m + 2, hi);
    Some(Attr {
        speaker: (b > a).then_some((a, b)),
        cue: Some(("according to", m, m + 2)),
        from: m,
        to: b,
    })
}

/// Attribution before an opening quote: `X said: “…”`.
fn before_attr(cx: &Ctx, o: usize, long: bool) -> Option<Attr> {
    let sr = cx.sent_range_of(o);
    let lo = sr.start;
    if o == 0 || o <= lo {
        return None;
    }
    if let Some(a) = label_speaker(cx, lo, o - 1) {
        return Some(a);
    }
    let mut j = o; // exclusive end of the region before the quote
    let adj = matches!(cx.txt(j - 1), ":" | ",");
    if adj {
        j -= 1;
    }
    if !long && !adj {
        return None;
    }
    let mut m = j;
    let mut steps = 0;
    let mut saw_that = false;
    while m > lo && steps < 9 {
        m -= 1;
        steps += 1;
        if let Some((cue, ce)) = cue_at(cx, m) {
            if ce >= j {
                // cue immediately before the quote
            }
            if cue.class == CueClass::NeedsThat && !(adj || saw_that) {
                return None;
            }
            if passive_before(cx, m, lo) {
                return quoted_as_saying(cx, m, lo, o);
            }
            let (a, b) = subject_np(cx, m, lo)?;
            return Some(Attr {
                speaker: Some((a, b)),
                cue: Some((cue.lemma, m, ce + 1)),
                from: a,
                to: o,
            });
        }
        if cx.low(m) == "saying"
            && cx.low(m.wrapping_sub(1)) == "as"
            && cx.low(m.wrapping_sub(2)) == "quoted"
        {
            return quoted_as_saying(cx, m, lo, o);
        }
        // "As one worker put it (to me), “…”"
        if cx.low(m) == "it" && m > lo + 1 && cx.low(m - 1) == "put" {
            let (a, b) = subject_np(cx, m - 1, lo)?;
            if a > lo && cx.low(a - 1) == "as" {
                return Some(Attr {
                    speaker: Some((a, b)),
                    cue: Some(("put it", m - 1, m + 1)),
                    from: a - 1,
                    to: o,
                });
            }
            return None;
        }
        if let Some(mut at) = according_attr(cx, m, j).filter(|_| adj) {
            // "X, according to a statement from its lawyers, “…”"
            at.to = o;
            return at.speaker.is_some().then_some(at);
        }
        let w = cx.low(m);
        if w == "that" {
            saw_that = true;
            continue;
        }
        if cx.qmark(m).is_some() || is_sentence_end(cx, m) {
            return None;
        }
        if cx.is_word(m)
            && matches!(
                w,
                "is" | "was"
                    | "are"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "can"
                    | "must"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "and"
                    | "but"
                    | "because"
                    | "which"
                    | "who"
                    | "while"
                    | "whether"
                    | "if"
                    | "be"
                    | "been"
                    | "there"
                    | "it"
                    | "this"
            )
        {
            return None;
        }
    }
    None
}

/// A headline or transcript label: `MINISTER: “…”`, `Jane Doe: 'We …'`. The
/// label opens the sentence, is one to five capitalised words with no cue
/// verb and ends with the colon at `colon`.
fn label_speaker(cx: &Ctx, lo: usize, colon: usize) -> Option<Attr> {
    if cx.txt(colon) != ":" || colon <= lo || colon - lo > 5 {
        return None;
    }
    let ok = (lo..colon).all(|i| {
        (cx.is_cap(i) && cx.is_alpha(i) && lexicon::cue(cx.low(i)).is_none())
            || matches!(cx.txt(i), "." | "-" | "'s" | "’s")
    });
    let first = cx.low(lo);
    if !ok || !cx.is_alpha(lo) || is_section_label(first) || lexicon::is_det(first) {
        return None;
    }
    Some(Attr {
        speaker: Some((lo, colon)),
        cue: None,
        from: lo,
        to: colon + 1,
    })
}

/// Labels before a colon that name a section, not a speaker.
fn is_section_label(w: &str) -> bool {
    matches!(
        w,
        "note"
            | "update"
            | "updated"
            | "editor"
            | "editors"
            | "photo"
            | "source"
            | "sources"
            | "related"
            | "read"
            | "watch"
            | "warning"
            | "breaking"
            | "exclusive"
            | "opinion"
            | "analysis"
            | "correction"
            | "disclaimer"
            | "tags"
            | "topics"
            | "video"
            | "live"
            | "explainer"
            | "factbox"
            | "timeline"
            | "q"
            | "question"
            | "answer"
    )
}

/// A short quote right after a naming verb ("a figure the commission
/// called “pure invention”") or, in a headline, right after a speech verb
/// ("Mayor vows ‘no more delays’"): the verb's subject said those words.
fn short_attr(cx: &Ctx, o: usize) -> Option<Attr> {
    let lo = cx.sent_range_of(o).start;
    if o < lo + 2 {
        return None;
    }
    let mut v = o - 1;
    let naming_verb = |w: &str| {
        matches!(
            w,
            "called" | "calls" | "branded" | "brands" | "dubbed" | "dubs"
        )
    };
    // "likens X to “…”" (but "called the figure “a fantasy”" stays a
    // characterisation, not a quote)
    if cx.low(v) == "to" {
        if let Some(x) = (lo.max(o.saturating_sub(8))..v)
            .rev()
            .find(|&x| matches!(cx.low(x), "likens" | "likened" | "compares" | "compared"))
        {
            let obj_ok = x + 1 < v
                && (x + 1..v).all(|i| {
                    cx.is_word(i) && cx.qmark(i).is_none() && lexicon::cue(cx.low(i)).is_none()
                });
            if obj_ok {
                v = x;
                let (a, b) = subject_np(cx, v, lo)?;
                if passive_before(cx, v, lo) {
                    return None;
                }
                return Some(Attr {
                    speaker: Some((a, b)),
                    cue: Some(("liken", v, v + 1)),
                    from: a,
                    to: o,
                });
            }
        }
    }
    let w = cx.low(v);
    let naming = naming_verb(w)
        || (w == "as"
            && matches!(
                cx.low(v - 1),
                "described" | "describes" | "denounced" | "denounces" | "condemned" | "condemns"
            ));
    let verb = if w == "as" { v - 1 } else { v };
    if naming {
        if passive_before(cx, verb, lo) {
            return None;
        }
        let (a, b) = subject_np(cx, verb, lo)?;
        return Some(Attr {
            speaker: Some((a, b)),
            cue: Some(("call", verb, v + 1)),
            from: a,
            to: o,
        });
    }
    let r = cx.sent_range_of(o);
    let last = (r.start..r.end).rev().find(|&i| cx.qmark(i).is_none())?;
    let headline = !matches!(cx.txt(last), "." | "!" | "?" | "…")
        && (r.start..r.end).filter(|&i| cx.is_word(i)).count() <= 16;
    let (cue, _) = cue_at(cx, v).or_else(|| lexicon::headline_cue(w).map(|c| (c, v)))?;
    if !headline || !matches!(cue.class, CueClass::Speech | CueClass::NeedsThat) {
        return None;
    }
    let (a, b) = subject_np(cx, v, lo)?;
    Some(Attr {
        speaker: Some((a, b)),
        cue: Some((cue.lemma, v, v + 1)),
        from: a,
        to: o,
    })
}

/// "X was quoted as saying …": the subject precedes "was".
fn quoted_as_saying(cx: &Ctx, m: usize, lo: usize, o: usize) -> Option<Attr> {
    if !(cx.low(m) == "saying"
        && cx.low(m.checked_sub(1)?) == "as"
        && cx.low(m.checked_sub(2)?) == "quoted")
    {
        return None;
    }
    let be = m.checked_sub(3)?;
    if !lexicon::is_be(cx.low(be)) {
        return None;
    }
    let (a, b) = subject_np(cx, be, lo)?;
    Some(Attr {
        speaker: Some((a, b)),
        cue: Some(("quoted as saying", m - 2, m + 1)),
        from: a,
        to: o,
    })
}

/// True if a form of "be" precedes the cue (skipping fillers): passive.
fn passive_before(cx: &Ctx, m: usize, lo: usize) -> bool {
    let mut i = m;
    while i > lo {
        i -= 1;
        let w = cx.low(i);
        if lexicon::is_be(w) || matches!(w, "get" | "gets" | "got" | "getting" | "gotten") {
            return true;
        }
        if !lexicon::is_pre_cue_filler(w) && !is_ly_adverb(cx, i) {
            return false;
        }
    }
    false
}

fn is_ly_adverb(cx: &Ctx, i: usize) -> bool {
    let w = cx.low(i);
    if let Some(p) = cx.upos(i) {
        return p == "ADV" && w != "not";
    }
    w.len() > 4
        && w.ends_with("ly")
        && !cx.is_cap(i)
        && !matches!(
            w,
            "italy" | "family" | "ally" | "supply" | "assembly" | "rally"
        )
}

/// A speaker line under a quote (epigraph / pull quote): short, no full stop.
fn epigraph_line(cx: &Ctx, from: usize) -> Option<(usize, usize)> {
    let n = cx.len();
    if from >= n || cx.nl_before.get(from).copied().unwrap_or(0) == 0 {
        return None;
    }
    let mut a = from;
    while a < n && is_dash(cx.txt(a)) {
        a += 1;
    }
    let mut b = a;
    while b < n && (b == a || cx.nl_before.get(b).copied().unwrap_or(0) == 0) {
        if matches!(cx.txt(b), "." | "!" | "?" | ":")
            && !(cx.txt(b) == "." && b > a && cx.txt(b - 1).len() == 1)
        {
            return None;
        }
        b += 1;
        if b - a > 10 {
            return None;
        }
    }
    let caps = (a..b).filter(|&i| cx.is_cap(i)).count();
    if b > a && caps >= 2 {
        Some((a, b))
    } else {
        None
    }
}

/// Walks back from `end` (exclusive) over a noun phrase; stops at `lo`.
fn walk_np(cx: &Ctx, end: usize, lo: usize) -> usize {
    let mut j = end;
    let mut count = 0;
    while j > lo && count < 14 {
        let t = j - 1;
        let w = cx.low(t);
        if cx.qmark(t).is_some() || cx.is_boundary_punct(t) {
            break;
        }
        // "the council's own report": the possessor belongs to the phrase
        if matches!(w, "'s" | "’s") && t > lo && t + 1 < end && cx.is_alpha(t - 1) {
            j = t;
            count += 1;
            continue;
        }
        if let Some(p) = cx.upos(t) {
            let and_between = w == "and" && cx.is_cap(t + 1) && t > lo && cx.is_cap(t - 1);
            // a participle modifying the noun ("unconfirmed reports") stays
            let amod = p == "VERB" && cx.head(t).is_some_and(|(h, d)| d == "amod" && h > t);
            if (matches!(p, "VERB" | "AUX" | "SCONJ" | "ADV" | "PART" | "INTJ") && !amod)
                || (p == "CCONJ" && !and_between)
                || (p == "PRON" && t + 1 != end && !lexicon::is_det(w))
            {
                break;
            }
        }
        if cx.is_digit(t) && !cx.is_alpha(t) {
            break;
        }
        if lexicon::speaker_pronoun(w).is_some() && !lexicon::is_det(w) {
            if t + 1 == end {
                j = t;
            }
            break;
        }
        if lexicon::np_stop(w) {
            // "Institute of History and Politics at X": "and" inside a name
            let and_between = w == "and"
                && cx.is_cap(t + 1)
                && t > lo
                && cx.is_cap(t - 1)
                && (t + 1..end).all(|x| {
                    cx.is_cap(x) || lexicon::np_link(cx.low(x)) || lexicon::is_det(cx.low(x))
                })
                && (t + 1..end).any(|x| lexicon::np_link(cx.low(x)));
            if !and_between {
                break;
            }
        }
        if !cx.is_cap(t) && lexicon::cue(w).is_some() && cx.upos(t).is_none() && !is_homograph(w) {
            break;
        }
        j = t;
        count += 1;
        if lexicon::is_det(w) {
            if t > lo && lexicon::np_link(cx.low(t - 1)) {
                continue;
            }
            break;
        }
    }
    while j < end && (lexicon::np_link(cx.low(j)) || !cx.is_word(j)) {
        j += 1;
    }
    j
}

fn is_homograph(w: &str) -> bool {
    matches!(
        w,
        "notes" | "claims" | "claim" | "reports" | "states" | "estimates" | "stresses" | "points"
    )
}

fn strict_name(cx: &Ctx, a: usize, b: usize) -> bool {
    b > a && b - a <= 5 && (a..b).all(|i| cx.is_cap(i) || matches!(cx.txt(i), "." | "-"))
}

/// The subject noun phrase of the cue at `k`, not reaching before `lo`.
fn subject_np(cx: &Ctx, k: usize, lo: usize) -> Option<(usize, usize)> {
    let r = heuristic_subject(cx, k, lo);
    if r.is_none() && cx.parse.is_some() {
        // the parse helps where the word rules find nothing
        return parse_subject(cx, k, lo).or_else(|| coordinated_subject(cx, k, lo));
    }
    r.or_else(|| coordinated_subject(cx, k, lo))
}

/// "Lawyers dismissed the charges and said …": the subject of the first
/// verb of the coordination (needs tags or a parse).
fn coordinated_subject(cx: &Ctx, k: usize, lo: usize) -> Option<(usize, usize)> {
    if k == 0 || cx.low(k - 1) != "and" {
        return None;
    }
    if let Some((h, "conj")) = cx.head(k) {
        if h < k && h >= lo {
            return parse_subject(cx, h, lo).or_else(|| heuristic_subject(cx, h, lo));
        }
    }
    let v = if cx.pos.is_some() {
        (lo..k - 1).find(|&j| matches!(cx.upos(j), Some("VERB")))?
    } else {
        // without tags: the first lower-case past-tense word not after an
        // auxiliary ("Police arrested two men and said …")
        (lo + 1..k - 1).find(|&j| {
            let w = cx.low(j);
            cx.is_alpha(j)
                && !cx.is_cap(j)
                && (w.ends_with("ed") || lexicon::cue(w).is_some())
                && !lexicon::is_be(cx.low(j - 1))
                && !matches!(
                    cx.low(j - 1),
                    "has" | "have" | "had" | "who" | "which" | "that"
                )
        })?
    };
    heuristic_subject(cx, v, lo)
}

fn heuristic_subject(cx: &Ctx, k: usize, lo: usize) -> Option<(usize, usize)> {
    let mut i = k;
    while i > lo {
        let w = cx.low(i - 1);
        if lexicon::is_pre_cue_filler(w)
            || is_ly_adverb(cx, i - 1)
            || matches!(w, "more" | "most" | "very" | "so" | "now")
        {
            i -= 1;
        } else {
            break;
        }
    }
    // "her spokesman, who had said …": the relative pronoun's antecedent
    if i >= lo + 2 && cx.low(i - 1) == "who" && cx.txt(i - 2) == "," {
        let a = walk_np(cx, i - 2, lo);
        return if a < i - 2 { Some((a, i - 2)) } else { None };
    }
    // "a nurse at X, who did not want to be named because …, said"
    if i > lo && cx.txt(i - 1) == "," {
        let rel = (lo.max(i.saturating_sub(32))..i - 1)
            .rev()
            .find(|&j| cx.txt(j) == "," && matches!(cx.low(j + 1), "who" | "which"));
        if let Some(r) = rel {
            let clean = (r + 1..i - 1).all(|j| cx.qmark(j).is_none() && !is_sentence_end(cx, j));
            let a0 = walk_np(cx, r, lo);
            if clean && a0 < r && (lo..a0).all(|j| !cx.is_word(j)) {
                return Some((a0, r));
            }
        }
    }
    if i > lo && matches!(cx.txt(i - 1), ",")
        || (i > lo
            && is_dash(cx.txt(i - 1))
            && cx.space_before.get(i - 1).copied().unwrap_or(false))
    {
        // appositive: "X, a spokesman for Y, said" / "a spokesman, X, said"
        let e1 = i - 1;
        let p = (lo.max(e1.saturating_sub(16))..e1)
            .rev()
            .find(|&j| cx.txt(j) == "," || is_dash(cx.txt(j)));
        let Some(p) = p else {
            // the phrase before the comma must open the sentence to be a subject
            let a1 = walk_np(cx, e1, lo);
            if a1 < e1 && (lo..a1).all(|j| !cx.is_word(j)) {
                return Some((a1, e1));
            }
            return None;
        };
        let (a1, b1) = (p + 1, e1);
        if strict_name(cx, a1, b1) {
            return Some((a1, b1));
        }
        if matches!(cx.low(a1), "citing" | "quoting") && b1 > a1 + 1 {
            return Some((a1 + 1, b1)); // "X, citing Y, said": the original source
        }
        let a0 = walk_np(cx, p, lo);
        if a0 < p {
            return Some((a0, p));
        }
        return None;
    }
    let a = walk_np(cx, i, lo);
    // "an official who spoke on condition of anonymity said": the antecedent
    let who = (lo.max(i.saturating_sub(10))..i)
        .rev()
        .take_while(|&j| !matches!(cx.txt(j), "," | ";" | ":") && cx.qmark(j).is_none())
        .find(|&j| cx.low(j) == "who");
    if let Some(w) = who.filter(|&w| w > lo && w < a.max(i) && cx.is_word(w - 1)) {
        let a0 = walk_np(cx, w, lo);
        if a0 < w {
            return Some((a0, w));
        }
    }
    // "Those rising up argued": a lone particle is no subject
    let particle = i == a + 1
        && (matches!(cx.upos(a), Some("ADP" | "PART" | "ADV"))
            || matches!(
                cx.low(a),
                "up" | "down" | "out" | "off" | "in" | "on" | "away"
            ));
    if a < i && !particle {
        Some((a, i))
    } else {
        None
    }
}

/// Subject from the dependency parse: the nsubj child's subtree.
fn parse_subject(cx: &Ctx, k: usize, lo: usize) -> Option<(usize, usize)> {
    let sr = cx.sent_range_of(k);
    let subj = sr.clone().find(|&i| {
        cx.head(i)
            .is_some_and(|(h, rel)| h == k && (rel.starts_with("nsubj")))
    })?;
    if subj < lo || subj >= k {
        return None;
    }
    let mut a = subj;
    let mut b = subj + 1;
    for i in sr.start.max(lo)..k {
        let mut h = i;
        let mut steps = 0;
        while h != subj && steps < 40 {
            match cx.head(h) {
                Some((p, _)) if p != h => h = p,
                _ => break,
            }
            steps += 1;
        }
        if h == subj {
            a = a.min(i);
            b = b.max(i + 1);
        }
    }
    while b > a && !cx.is_word(b - 1) {
        b -= 1;
    }
    // An appositive name inside the subject is the best speaker text.
    Some((a, b))
}

/// A noun phrase forward from `k` (speaker after a cue), up to `hi`.
fn forward_np(cx: &Ctx, k: usize, hi: usize) -> (usize, usize) {
    let mut b = k;
    let hi = hi.min(cx.len());
    while b < hi && b - k < 16 {
        let w = cx.low(b);
        if cx.qmark(b).is_some() || cx.is_boundary_punct(b) || is_sentence_end(cx, b) {
            break;
        }
        if b > k && cx.nl_before.get(b).copied().unwrap_or(0) > 0 {
            break;
        }
        if cx.in_date(b) {
            break;
        }
        let w1 = cx.low(b + 1);
        let w2 = cx.low(b + 2);
        if matches!(
            w,
            "on" | "in" | "at" | "during" | "last" | "earlier" | "late" | "this"
        ) && (lexicon::month(w1)
            || is_weekday(w1)
            || cx.is_digit(b + 1)
            || matches!(
                w1,
                "week" | "month" | "year" | "morning" | "evening" | "night" | "monday"
            )
            || is_medium(w1)
            || (lexicon::is_det(w1) && is_medium(w2)))
        {
            break;
        }
        if b == k && matches!(w, "that" | "to") {
            break;
        }
        b += 1;
    }
    (k, b)
}

/// Skips a time or medium phrase after a cue ("on Sunday", "in a
/// statement", "by phone"); returns the index after it (or `i`).
fn skip_pp(cx: &Ctx, i: usize, ce: usize) -> usize {
    let w = cx.low(i);
    // "said early on Monday", "said late last night"
    if matches!(w, "early" | "late" | "later")
        && matches!(cx.low(i + 1), "on" | "in" | "last" | "this")
    {
        let j = skip_pp(cx, i + 1, ce);
        if j > i + 1 {
            return j;
        }
    }
    if !matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "late"
            | "earlier"
            | "last"
            | "this"
            | "by"
            | "via"
            | "over"
    ) {
        return i;
    }
    let w1 = cx.low(i + 1);
    let ok = lexicon::month(w1)
        || is_weekday(w1)
        || matches!(
            w1,
            "week"
                | "month"
                | "year"
                | "morning"
                | "evening"
                | "night"
                | "phone"
                | "telephone"
                | "email"
                | "e-mail"
        )
        || is_medium(w1)
        || (matches!(w1, "a" | "an" | "the" | "his" | "her" | "their" | "its")
            && is_medium(cx.low(i + 2)))
        || (w1 == "the" && cx.is_cap(i + 2))
        || cx.in_date(i + 1);
    if !ok {
        return i;
    }
    let mut j = i + 1;
    while j < ce && j < i + 8 && cx.is_word(j) && !matches!(cx.low(j), "that" | "and" | "but") {
        j += 1;
    }
    j
}

fn is_medium(x: &str) -> bool {
    matches!(
        x,
        "statement"
            | "interview"
            | "tweet"
            | "post"
            | "letter"
            | "speech"
            | "remarks"
            | "press"
            | "television"
            | "tv"
            | "twitter"
            | "facebook"
            | "telegram"
            | "message"
            | "video"
            | "briefing"
            | "broadcast"
            | "conference"
            | "blog"
            | "column"
            | "op-ed"
            | "report"
            | "radio"
            | "phone"
            | "x"
            | "instagram"
            | "newspaper"
            | "communique"
            | "decree"
    )
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// First reported-speech construction in sentence `si`.
fn indirect(cx: &Ctx, si: usize, used: &[bool]) -> Vec<Raw> {
    let r = cx.sent_range(si);
    let mut out = Vec::new();
    let mut s = r.start;
    // "He denied that …, and she said that …": one construction per clause
    while s < r.end && out.len() < 4 {
        let Some(mut raw) = indirect_in(cx, s, r.end, used) else {
            break;
        };
        let (c0, c1) = raw.content;
        let split = (c0 + 2..c1).find(|&m| {
            matches!(cx.txt(m), "," | ";")
                && matches!(cx.low(m + 1), "and" | "but" | "while" | "whereas")
                && second_attribution(cx, m + 2, c1)
        });
        match split {
            Some(m) => {
                let mut b = m;
                while b > c0 && !cx.is_word(b - 1) {
                    b -= 1;
                }
                raw.content = (c0, b);
                raw.span_toks.1 = raw.span_toks.1.min(m);
                out.push(raw);
                s = m + 2;
            }
            None => {
                // "X rejected claims that …, saying …": the participle clause
                // is a second quote of the same speaker
                let inner = (c0 + 3..c1).find(|&m| {
                    cx.txt(m) == ","
                        && participle_at(cx, m + 1)
                            .or_else(|| cue_at(cx, m + 1))
                            .is_some_and(|(c, _)| {
                                c.class == CueClass::Participle
                                    && !matches!(c.lemma, "deny" | "accuse")
                            })
                });
                if let Some(m) = inner {
                    if let Some(t) = participle_tail(cx, m) {
                        let mut b = m;
                        while b > c0 && !cx.is_word(b - 1) {
                            b -= 1;
                        }
                        raw.content = (c0, b);
                        raw.span_toks.1 = raw.span_toks.1.min(m);
                        let speaker = raw.speaker;
                        out.push(raw);
                        out.push(Raw {
                            speaker,
                            inherit: false,
                            ..t
                        });
                        break;
                    }
                }
                // "…, the operator said, warning that …": same speaker
                let tail = participle_tail(cx, raw.span_toks.1).map(|t| Raw {
                    speaker: raw.speaker,
                    inherit: false,
                    ..t
                });
                out.push(raw);
                out.extend(tail);
                break;
            }
        }
    }
    out
}

/// True if `s..e` is a short noun phrase with no verb ("The attack" before
/// a parenthetical attribution).
fn bare_subject(cx: &Ctx, s: usize, e: usize) -> bool {
    let words = (s..e).filter(|&i| cx.is_word(i)).count();
    (1..=6).contains(&words)
        && (s..e).all(|i| {
            let w = cx.low(i);
            !matches!(cx.upos(i), Some("VERB" | "AUX"))
                && !lexicon::is_be(w)
                && !matches!(
                    w,
                    "has" | "have" | "had" | "will" | "would" | "said" | "says"
                )
                && cx.qmark(i).is_none()
        })
}

/// True if a subject and a speech cue open the clause at `a` ("she said
/// afterwards that", "the minister insisted").
fn second_attribution(cx: &Ctx, a: usize, e: usize) -> bool {
    (a + 1..(a + 6).min(e)).any(|k| {
        let subj_ok = if k == a + 1 {
            lexicon::speaker_pronoun(cx.low(a)).is_some() || cx.is_cap(a)
        } else {
            (a..k).all(|i| cx.is_word(i) && (cx.is_cap(i) || lexicon::is_det(cx.low(i)) || i > a))
                && (lexicon::is_det(cx.low(a)) || cx.is_cap(a))
        };
        subj_ok
            && cue_at(cx, k).is_some_and(|(c, _)| {
                matches!(
                    c.class,
                    CueClass::Speech | CueClass::NeedsThat | CueClass::Denial
                )
            })
    })
}

/// "CLAUSE, people familiar with the plan told the agency." /
/// "CLAUSE, the inquiry's chairman, retired judge A B, told a hearing on
/// Monday.": the attribution closes the sentence and its subject is a chain
/// of comma-separated noun phrases after the reported clause.
fn trailing_attribution(
    cx: &Ctx,
    s: usize,
    e: usize,
    ce: usize,
    k: usize,
    next: usize,
    cue: Cue,
) -> Option<Raw> {
    if (cue.class == CueClass::NeedsThat && cx.low(next) == "that") || is_homograph(cx.low(k)) {
        return None; // "… to the US and Central Asian states." is no attribution
    }
    // "CLAUSE, whatever the ministry says." concedes, it does not attribute:
    // the clause is the writer's own.
    let concessive = (s..k).rev().take_while(|&i| cx.txt(i) != ",").any(|i| {
        matches!(
            cx.low(i),
            "whatever" | "whoever" | "however" | "regardless" | "matter"
        )
    });
    if concessive {
        return None;
    }
    // after the cue: an addressee and time / medium phrases, then the end
    let mut j = next;
    if cue.lemma == "tell" {
        if lexicon::is_det(cx.low(j)) {
            j += 1;
        }
        let j0 = j;
        while j < ce
            && j < j0 + 4
            && cx.is_word(j)
            && !matches!(
                cx.low(j),
                "on" | "in" | "at" | "during" | "last" | "earlier" | "that" | "this"
            )
        {
            j += 1;
        }
    }
    j = pp_end(cx, j, ce);
    if j < ce {
        return None;
    }
    // walk back over ", NP" segments
    let np_like = |a: usize, b: usize| -> bool {
        if b <= a || b - a > 10 {
            return false;
        }
        let first_ok = match cx.upos(a) {
            Some(p) => {
                matches!(p, "DET" | "NOUN" | "PROPN" | "ADJ" | "NUM" | "PRON")
                    || (p == "VERB" && matches!(cx.upos(a + 1), Some("NOUN" | "PROPN")))
            }
            None => {
                let w = cx.low(a);
                cx.is_alpha(a)
                    && !lexicon::np_stop(w)
                    && !lexicon::np_link(w)
                    && !w.ends_with("ing")
                    && !w.ends_with("ly")
                    && !matches!(
                        w,
                        "up" | "down"
                            | "from"
                            | "with"
                            | "without"
                            | "above"
                            | "below"
                            | "after"
                            | "before"
                            | "well"
                            | "about"
                            | "over"
                            | "under"
                            | "into"
                            | "to"
                            | "by"
                            | "for"
                            | "on"
                            | "in"
                            | "at"
                            | "not"
                            | "even"
                            | "just"
                            | "only"
                            | "still"
                            | "mostly"
                    )
            }
        };
        first_ok
            && (a..b).all(|i| {
                let w = cx.low(i);
                cx.qmark(i).is_none()
                    && (!lexicon::is_be(w) || matches!(w, "'s" | "’s"))
                    && !matches!(
                        w,
                        "had" | "has" | "have" | "will" | "would" | "could" | "can" | "that"
                    )
                    && match cx.upos(i) {
                        Some("AUX") | Some("SCONJ") => false,
                        Some("VERB") => {
                            matches!(cx.upos(i + 1), Some("NOUN" | "PROPN" | "ADJ"))
                                && !w.ends_with("ing")
                        }
                        _ => true,
                    }
            })
    };
    let mut end = k;
    while end > s && lexicon::is_pre_cue_filler(cx.low(end - 1)) {
        end -= 1;
    }
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut b = end;
    if b > s && cx.txt(b - 1) == "," {
        b -= 1;
    }
    for _ in 0..3 {
        let Some(c) = (s..b).rev().find(|&i| cx.txt(i) == ",") else {
            break;
        };
        if !np_like(c + 1, b) {
            break;
        }
        segs.push((c + 1, b));
        b = c;
    }
    let &(first_a, _) = segs.last()?;
    let comma = first_a - 1;
    let words = (s..comma).filter(|&i| cx.is_word(i)).count();
    if words < 4 {
        return None;
    }
    // the clause before must have a verb of its own
    if cx.pos.is_some() && !(s..comma).any(|i| matches!(cx.upos(i), Some("VERB" | "AUX"))) {
        return None;
    }
    // prefer a name at the end of a segment ("retired judge A B")
    let mut spk = (first_a, segs.first().map_or(first_a, |x| x.1));
    if segs.len() > 1 {
        spk = *segs.last()?;
    }
    for &(a, b) in &segs {
        let mut x = b;
        while x > a && cx.is_cap(x - 1) && cx.is_alpha(x - 1) {
            x -= 1;
        }
        if b - x >= 2 {
            spk = (x, b);
            break;
        }
    }
    let mut c1 = comma;
    while c1 > s && !cx.is_word(c1 - 1) {
        c1 -= 1;
    }
    Some(Raw {
        span_toks: (s, e),
        content: (s, c1),
        speaker: Some(spk),
        cue: Some((cue.lemma, k, next)),
        direct: false,
        inherit: false,
    })
}

/// First reported-speech construction in tokens `s..e` of one sentence.
fn indirect_in(cx: &Ctx, s: usize, e: usize, used: &[bool]) -> Option<Raw> {
    // content end: drop final punctuation
    let mut ce = e;
    while ce > s && !cx.is_word(ce - 1) {
        ce -= 1;
    }
    let only_conj_before = |k: usize| {
        (s..k).all(|i| {
            !cx.is_word(i)
                || matches!(
                    cx.low(i),
                    "but" | "and" | "so" | "however" | "yet" | "also" | "thus"
                )
        })
    };
    for k in s..e {
        if used.get(k).copied().unwrap_or(false) {
            continue;
        }
        let w = cx.low(k);
        if w == "according" && cx.low(k + 1) == "to" {
            let (a, b) = forward_np(cx, k + 2, e);
            if b <= a || (a..b).any(|i| lexicon::evidence_noun(cx.low(i))) {
                continue;
            }
            let mut spk = (a, b);
            if matches!(cx.low(a), "his" | "her" | "their")
                && matches!(cx.low(a + 1), "opinion" | "view" | "words" | "assessment")
            {
                spk = (a, a + 1); // "according to his opinion"
            }
            let mut after = b;
            if cx.txt(b) == "," && matches!(cx.low(b + 1), "quoting" | "citing") {
                let (a2, b2) = forward_np(cx, b + 2, e);
                if b2 > a2 {
                    spk = (a2, b2);
                    after = b2;
                }
            }
            let content = if only_conj_before(k) {
                let mut c0 = after;
                while c0 < ce && !cx.is_word(c0) {
                    c0 += 1;
                }
                (c0, ce)
            } else if k > s
                && after < ce
                && (is_dash(cx.txt(k - 1))
                    || cx.txt(k - 1) == "("
                    || (cx.txt(k - 1) == "," && cx.txt(after) == "," && bare_subject(cx, s, k - 1)))
            {
                // "The attack, according to X, had been planned …": the
                // subject and the predicate around the parenthesis
                (s, ce)
            } else {
                let mut c1 = k;
                while c1 > s && !cx.is_word(c1 - 1) {
                    c1 -= 1;
                }
                (s, c1)
            };
            if content.1 <= content.0 + 1 {
                continue;
            }
            return Some(Raw {
                span_toks: (s, e),
                content,
                speaker: Some(spk),
                cue: Some(("according to", k, k + 2)),
                direct: false,
                inherit: false,
            });
        }
        if w == "in"
            && matches!(cx.low(k + 1), "his" | "her" | "their")
            && matches!(cx.low(k + 2), "opinion" | "view" | "words" | "assessment")
            && cx.txt(k + 3) == ","
        {
            let c0 = k + 4;
            if ce > c0 + 2 {
                return Some(Raw {
                    span_toks: (s, e),
                    content: (c0, ce),
                    speaker: Some((k + 1, k + 2)),
                    cue: Some(("in the opinion of", k, k + 3)),
                    direct: false,
                    inherit: false,
                });
            }
        }
        if w == "in"
            && only_conj_before(k)
            && cx.low(k + 1) == "the"
            && matches!(cx.low(k + 2), "opinion" | "view" | "words" | "assessment")
            && cx.low(k + 3) == "of"
        {
            // "In the opinion of the analyst A B, CLAUSE"; an appositive
            // name after the description is the speaker
            let (a, mut b) = forward_np(cx, k + 4, e);
            let mut spk = (a, b);
            if cx.txt(b) == "," {
                let (a2, b2) = forward_np(cx, b + 1, e);
                if b2 > a2 && cx.txt(b2) == "," && (a2..b2).all(|i| cx.is_cap(i) || !cx.is_word(i))
                {
                    spk = (a2, b2);
                    b = b2;
                }
            }
            let c0 = b + 1;
            if b > a && cx.txt(b) == "," && ce > c0 + 2 {
                return Some(Raw {
                    span_toks: (s, e),
                    content: (c0, ce),
                    speaker: Some(spk),
                    cue: Some(("in the opinion of", k, k + 4)),
                    direct: false,
                    inherit: false,
                });
            }
        }
        if w == "saying" && k >= s + 3 && cx.low(k - 1) == "as" && cx.low(k - 2) == "quoted" {
            // "X was quoted as saying (that) …"
            if let Some(attr) = quoted_as_saying(cx, k, s, k + 1) {
                let mut c0 = k + 1;
                if cx.low(c0) == "that" {
                    c0 += 1;
                }
                if ce > c0 + 2 {
                    return Some(Raw {
                        span_toks: (attr.from, e),
                        content: (c0, ce),
                        speaker: attr.speaker,
                        cue: attr.cue,
                        direct: false,
                        inherit: false,
                    });
                }
            }
        }
        let Some((cue, cend)) = cue_at(cx, k) else {
            continue;
        };
        if passive_before(cx, k, s) {
            continue;
        }
        let next = cend + 1;
        if cue.class != CueClass::Participle {
            if let Some(r) = trailing_attribution(cx, s, e, ce, k, next, cue) {
                return Some(r);
            }
        }
        let subj = if cue.class == CueClass::Participle {
            if k == s || cx.txt(k - 1) != "," {
                continue;
            }
            sentence_subject(cx, s, k)
        } else {
            subject_np(cx, k, s)
        };
        match subj {
            None => {
                // "…, said X." inverted attribution
                if k > s && cx.txt(k - 1) == "," && cue.class != CueClass::NeedsThat {
                    let (a, b) = forward_np(cx, next, e);
                    let clause = (a..b).any(|i| {
                        let w = cx.low(i);
                        lexicon::is_be(w)
                            || matches!(
                                w,
                                "had" | "has" | "have" | "will" | "would" | "could" | "can"
                            )
                    });
                    if b > a && !clause && (b >= ce || matches!(cx.txt(b), "," | ".")) {
                        let mut c1 = k - 1;
                        while c1 > s && !cx.is_word(c1 - 1) {
                            c1 -= 1;
                        }
                        if c1 > s + 2 {
                            return Some(Raw {
                                span_toks: (s, e),
                                content: (s, c1),
                                speaker: Some((a, b)),
                                cue: Some((cue.lemma, k, next)),
                                direct: false,
                                inherit: false,
                            });
                        }
                    }
                }
                continue;
            }
            Some((a, b)) => {
                // "It added that …": an organisation named before speaks on
                // "It said the figure showed …" opening a sentence: the
                // organisation of an earlier sentence speaks on
                let it_that = b == a + 1
                    && cx.low(a) == "it"
                    && (cx.low(next) == "that"
                        || (cue.class == CueClass::Speech
                            && only_conj_before(a)
                            && !matches!(cx.low(next), "to" | "in" | "on" | "so")));
                if matches!(
                    lexicon::speaker_pronoun(cx.low(a)),
                    Some(Pron::First) | Some(Pron::Neuter)
                ) && b == a + 1
                    && !it_that
                {
                    continue;
                }
                if matches!(cx.low(a), "there" | "this" | "that" | "what" | "which")
                    || (cx.low(a) == "it" && !it_that)
                {
                    continue;
                }
                let pre = a > s && (cx.txt(a - 1) == "," || is_dash(cx.txt(a - 1)));
                let mut after = skip_pp(cx, next, ce);
                if cue.lemma == "tell" {
                    // "…, sources told the Associated Press."
                    let mut j = after;
                    if lexicon::is_det(cx.low(j)) {
                        j += 1;
                    }
                    while j < ce && j < after + 5 && (cx.is_cap(j) || j == next) && cx.is_word(j) {
                        j += 1;
                    }
                    after = skip_pp(cx, j, ce);
                }
                // "…, X said on January 7, that …" is a plain attribution
                let that_next = cx.txt(after) == "," && cx.low(after + 1) == "that";
                let post_end = !that_next
                    && (after >= ce
                        || matches!(cx.txt(after), "," | "." | ";")
                        || is_dash(cx.txt(after)));
                let homograph = is_homograph(cx.low(k));
                let pron_subj = b == a + 1 && lexicon::speaker_pronoun(cx.low(a)).is_some();
                if pre && post_end && (a > s + 2 || after < ce) && (!homograph || pron_subj) {
                    // "…, he says." / "– X continues –"; "…, X said, warning
                    // that …" ends the first content at the attribution
                    let tail = after < ce
                        && cx.txt(after) == ","
                        && participle_at(cx, after + 1).is_some();
                    let content = if after >= ce || tail {
                        (s, a - 1)
                    } else {
                        (s, ce)
                    };
                    let e = if tail { after } else { e };
                    let mut c1 = content.1;
                    while c1 > content.0 && !cx.is_word(c1 - 1) {
                        c1 -= 1;
                    }
                    return Some(Raw {
                        span_toks: (s, e),
                        content: (content.0, c1),
                        speaker: Some((a, b)),
                        cue: Some((cue.lemma, k, next)),
                        direct: false,
                        inherit: false,
                    });
                }
                if cue.class == CueClass::Parenthetical && cx.low(next) != "that" {
                    continue;
                }
                let Some(c0) = content_start(cx, cue, k, next, ce) else {
                    continue;
                };
                if (c0..ce).filter(|&i| cx.is_word(i)).count() < 3 {
                    continue;
                }
                return Some(Raw {
                    span_toks: (a, e),
                    content: (c0, ce),
                    speaker: Some((a, b)),
                    cue: Some((cue.lemma, k, next)),
                    direct: false,
                    inherit: false,
                });
            }
        }
    }
    None
}

/// Where the reported content starts after a cue, or `None` when the cue has
/// no clausal complement.
fn content_start(cx: &Ctx, cue: Cue, k: usize, next: usize, ce: usize) -> Option<usize> {
    let mut i = next;
    // "said on Monday that", "told reporters that", "said in a statement that"
    let mut j = i;
    let mut found_that = None;
    while j < ce && j < next + 9 {
        let w = cx.low(j);
        if w == "that" {
            found_that = Some(j + 1);
            break;
        }
        if matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "not"
        ) || cx.qmark(j).is_some()
        {
            break;
        }
        j += 1;
    }
    if let Some(t) = found_that {
        return Some(t);
    }
    if matches!(cx.txt(i), ":") {
        return Some(i + 1);
    }
    if cue.class == CueClass::NeedsThat
        && !matches!(
            cue.lemma,
            "point out" | "rule out" | "promise" | "estimate" | "expect" | "consider" | "post"
        )
        && finite_clause_at(cx, i, ce)
    {
        // "X believes the bank will …": a bare finite clause
        return Some(i);
    }
    if matches!(
        cue.class,
        CueClass::NeedsThat | CueClass::Parenthetical | CueClass::Denial
    ) {
        return None; // "dismissed the allegations" has no reported clause
    }
    if cue.lemma == "urge" {
        return None; // "urged residents to stay indoors" is a call, not a claim
    }
    if negated_cue(cx, k)
        && matches!(
            cx.low(i),
            "how" | "whether" | "why" | "when" | "where" | "if" | "what" | "who"
        )
    {
        return None; // "did not say how the gap would be closed"
    }
    if cue.lemma == "tell" || cue.lemma == "accuse" || cue.lemma == "blame" {
        // skip the addressee: "told reporters …", "accused Moscow of …"
        if lexicon::is_det(cx.low(i)) {
            i += 1;
        }
        while i < ce && (cx.is_cap(i) || i == next) && i < next + 4 {
            i += 1;
        }
        if matches!(cx.low(i), "of" | "for" | "to") {
            i += 1;
        }
        return Some(i);
    }
    if matches!(cx.txt(i), ",") {
        i += 1;
    }
    let _ = k;
    // "said the same thing", "said nothing": an object, not a clause
    let obj = matches!(
        cx.low(i),
        "nothing" | "something" | "anything" | "little" | "much" | "goodbye" | "sorry" | "thanks"
    ) || (cx.low(i) == "the" && matches!(cx.low(i + 1), "same" | "opposite"));
    // "reported a net loss", "said a prayer": an object, not a clause
    let indef = matches!(cx.low(i), "a" | "an");
    if (obj || indef) && !finite_clause_at(cx, i, ce) {
        return None;
    }
    if skip_pp(cx, i, ce) > i && cue.lemma != "report" {
        // "said on Sunday the strike would …": a clause after a short time or
        // medium phrase; otherwise "said on Tuesday" has no reported clause
        let j = pp_end(cx, i, ce);
        if j > i && j < ce && finite_clause_at(cx, j, ce) {
            return Some(j);
        }
        return None;
    }
    Some(i)
}

/// "did not say", "would not say", "never said": a negated cue.
fn negated_cue(cx: &Ctx, k: usize) -> bool {
    let lo = cx.sent_range_of(k).start;
    (k.saturating_sub(3).max(lo)..k).any(|i| matches!(cx.low(i), "not" | "n't" | "never"))
}

/// End of a short time or medium phrase at `i` ("on Sunday", "on 4 March",
/// "in a statement", "in an emailed statement on Friday"), or `i`.
fn pp_end(cx: &Ctx, i: usize, ce: usize) -> usize {
    let mut j = i;
    for _ in 0..3 {
        let w = cx.low(j);
        if !matches!(
            w,
            "on" | "in" | "at" | "during" | "late" | "earlier" | "last" | "this" | "by" | "via"
        ) {
            break;
        }
        let mut k = j + 1;
        let timeish = |x: usize| {
            let t = cx.low(x);
            lexicon::month(t)
                || is_weekday(t)
                || cx.in_date(x)
                || (cx.is_digit(x) && !cx.is_alpha(x))
                || matches!(
                    t,
                    "week" | "month" | "year" | "morning" | "evening" | "night" | "afternoon"
                )
        };
        if timeish(k) {
            while k < ce && timeish(k) {
                k += 1;
            }
        } else {
            if lexicon::is_det(cx.low(k)) {
                k += 1;
            }
            let mut m = k;
            while m < ce && m < k + 3 && cx.is_alpha(m) && !is_medium(cx.low(m)) {
                m += 1;
            }
            if !is_medium(cx.low(m)) || m >= ce {
                break;
            }
            k = m + 1;
        }
        j = k.min(ce);
    }
    j
}

/// True if a clause starts at `j`: a subject-like word, then a finite verb
/// or auxiliary within a few words and before any comma.
fn finite_clause_at(cx: &Ctx, j: usize, ce: usize) -> bool {
    let w = cx.low(j);
    if !cx.is_word(j)
        || matches!(
            w,
            "to" | "that"
                | "and"
                | "but"
                | "of"
                | "for"
                | "what"
                | "who"
                | "whom"
                | "whether"
                | "how"
                | "why"
                | "when"
                | "where"
                | "which"
                | "if"
        )
    {
        return false;
    }
    for k in j + 1..(j + 8).min(ce) {
        let t = cx.low(k);
        if !cx.is_word(k) {
            return false;
        }
        if let Some(p) = cx.upos(k) {
            if p == "AUX" {
                return true;
            }
            if p == "VERB" && k > j {
                let prev = cx.upos(k - 1).unwrap_or("");
                // a finite verb after its subject, not a participle modifier
                return matches!(prev, "NOUN" | "PROPN" | "PRON") && !t.ends_with("ing");
            }
            continue;
        }
        if matches!(
            t,
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "has"
                | "have"
                | "had"
        ) {
            return true;
        }
    }
    false
}

/// Turns raw quotes into [`Quote`]s, resolving pronouns and inherited speakers.
fn resolve(cx: &Ctx, raws: Vec<Raw>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(raws.len());
    // (position, speaker, plural?) of named speakers so far
    let mut named: Vec<(usize, Speaker, bool)> = Vec::new();
    let mut last_direct_speaker: Option<Speaker> = None;
    // (name's last word, gender) learnt from earlier pronoun resolutions
    let mut genders: Vec<(String, Pron)> = Vec::new();
    let direct_contents: Vec<(usize, usize)> = raws
        .iter()
        .filter(|r| r.direct)
        .map(|r| {
            (
                cx.span_of(r.content.0, r.content.0 + 1).start,
                cx.span_of(r.content.0, r.content.1).end,
            )
        })
        .collect();
    for r in raws {
        let span = cx.span_of(r.span_toks.0, r.span_toks.1);
        let content = cx.span_of(r.content.0, r.content.1);
        let mut speaker = None;
        if r.inherit {
            speaker = last_direct_speaker.clone();
        } else if let Some((a, b)) = r.speaker {
            // "a nurse, who did not want to be named, …": drop the relative clause
            let b = (a + 1..b)
                .find(|&m| cx.txt(m) == "," && matches!(cx.low(m + 1), "who" | "which" | "whose"))
                .unwrap_or(b);
            let sp = cx.span_of(a, b);
            let text = cx.slice(sp);
            let lw = text.to_ascii_lowercase();
            let pron = if b == a + 1 {
                lexicon::speaker_pronoun(cx.low(a))
            } else {
                None
            };
            let anaphor = lw.starts_with("the same ")
                || matches!(
                    lw.as_str(),
                    "the expert" | "the analyst" | "the official" | "the source"
                );
            if let Some(p) = pron {
                speaker = conjunct_subject(cx, a, p, &genders)
                    .or_else(|| resolve_pronoun(cx, p, sp, &named, &direct_contents, &genders));
                if let (Some(s), Pron::Masc | Pron::Fem) = (&speaker, p) {
                    if let Some(k) = s.text.split_whitespace().last() {
                        genders.push((k.to_lowercase(), p));
                    }
                }
                // a resolved pronoun continues the chain of named speakers
                if let Some(s) = &speaker {
                    named.push((sp.start, s.clone(), p == Pron::Plural));
                }
                if speaker.is_none() {
                    speaker = Some(Speaker {
                        text: text.to_string(),
                        span: Some(sp),
                        entity: None,
                        pronoun: Some(sp),
                    });
                }
            } else if anaphor {
                speaker = named.last().map(|(_, s, _)| Speaker {
                    pronoun: Some(sp),
                    ..s.clone()
                });
                if speaker.is_none() {
                    speaker = Some(plain_speaker(cx, sp));
                }
            } else {
                let s = plain_speaker(cx, sp);
                let plural = is_plural_np(text);
                named.push((sp.start, s.clone(), plural));
                speaker = Some(s);
            }
        }
        if r.direct {
            last_direct_speaker = speaker.clone();
        }
        out.push(Quote {
            span,
            content,
            speaker,
            cue: r.cue.map(|c| c.0.to_string()),
            cue_span: r.cue.map(|c| cx.span_of(c.1, c.2)),
            direct: r.direct,
        });
    }
    out
}

fn is_plural_np(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    if last.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false; // a name ("Jones") or an organisation
    }
    (last.ends_with('s') && !last.ends_with("ss")) || matches!(last, "media" | "police" | "people")
}

fn plain_speaker(cx: &Ctx, sp: crosscheck_doc::Span) -> Speaker {
    let entity = cx.entity_over(sp).and_then(|e| e.id.clone());
    Speaker {
        text: cx.slice(sp).to_string(),
        span: Some(sp),
        entity,
        pronoun: None,
    }
}

fn is_person_label(l: &str) -> bool {
    matches!(l, "PERSON" | "PER")
}

/// The nearest preceding compatible antecedent for a pronoun speaker: a
/// PERSON mention (outside quotation marks) or an earlier named speaker.
fn resolve_pronoun(
    cx: &Ctx,
    p: Pron,
    at: crosscheck_doc::Span,
    named: &[(usize, Speaker, bool)],
    direct: &[(usize, usize)],
    genders: &[(String, Pron)],
) -> Option<Speaker> {
    let mut best: Option<(usize, Speaker)> = None;
    let want_plural = p == Pron::Plural;
    let clash = |sp: Option<crosscheck_doc::Span>, text: &str| -> bool {
        if !matches!(p, Pron::Masc | Pron::Fem) {
            return false;
        }
        let g = mention_gender(cx, sp, text, genders);
        g.is_some_and(|g| g != p)
    };
    let person = |sp: Option<crosscheck_doc::Span>, text: &str| {
        !org_described(text)
            && (sp
                .and_then(|sp| cx.entity_over(sp))
                .is_some_and(|e| is_person_label(e.label))
                || mention_gender(cx, sp, text, genders).is_some())
    };
    for (pos, s, plural) in named.iter().rev() {
        if p == Pron::Neuter && person(s.span, &s.text) {
            continue;
        }
        if *pos < at.start && *plural == want_plural && !clash(s.span, &s.text) {
            best = Some((*pos, s.clone()));
            break;
        }
    }
    let at_tok = cx.spans.partition_point(|t| t.start < at.start);
    let at_sent = cx.sent_of.get(at_tok).copied().unwrap_or(0);
    let sent_at = |pos: usize| {
        let t = cx.spans.partition_point(|x| x.start < pos);
        cx.sent_of.get(t).copied().unwrap_or(usize::MAX)
    };
    // a speaker of the last few sentences keeps the pronoun unless a newer
    // person is the subject of a sentence ("… led to the resignation of X.
    // According to him …" still means the speaker)
    let chain = best
        .as_ref()
        .is_some_and(|(bp, _)| sent_at(*bp) != usize::MAX && sent_at(*bp) + 3 >= at_sent);
    if !want_plural && p != Pron::Neuter {
        for e in cx.entities.iter().filter(|e| is_person_label(e.label)) {
            if e.span.end > at.start {
                continue;
            }
            if clash(Some(e.span), cx.slice(e.span)) {
                continue;
            }
            if chain && !is_sentence_subject(cx, e.span) {
                continue;
            }
            if direct
                .iter()
                .any(|&(a, b)| a <= e.span.start && e.span.end <= b)
            {
                continue;
            }
            if best.as_ref().is_none_or(|(bp, _)| e.span.start > *bp) {
                best = Some((
                    e.span.start,
                    Speaker {
                        text: cx.slice(e.span).to_string(),
                        span: Some(e.span),
                        entity: e.id.clone(),
                        pronoun: None,
                    },
                ));
            }
        }
    }
    if cx.entities.is_empty() && !want_plural && p != Pron::Neuter {
        // No mentions given: a recent named speaker, else the nearest
        // capitalised name-like run before the pronoun.
        let recent = best.as_ref().is_some_and(|(bp, _)| {
            let bt = cx.spans.partition_point(|t| t.start < *bp);
            cx.sent_of
                .get(bt)
                .is_some_and(|&bs| bs != usize::MAX && bs + 4 >= at_sent)
        });
        if !recent {
            let ok = |a: usize, b: usize| {
                let sp = cx.span_of(a, b);
                !clash(Some(sp), cx.slice(sp))
            };
            // a name opening one of the last two sentences is the likelier
            // antecedent than the nearest capitalised run
            let subj = (at_sent.saturating_sub(2)..at_sent).rev().find_map(|si| {
                let r = cx.sent_range(si);
                let (x, y) = leading_np(cx, r.start, r.end)?;
                let mut z = y;
                while z > x && cx.is_cap(z - 1) && cx.is_alpha(z - 1) {
                    z -= 1;
                }
                (y >= z + 2 && ok(x, y)).then_some((x, y))
            });
            if let Some((a, b)) = subj.or_else(|| name_run_before(cx, at_tok, direct, ok)) {
                let sp = cx.span_of(a, b);
                best = Some((sp.start, plain_speaker(cx, sp)));
            }
        }
    }
    if best.is_none() && matches!(p, Pron::Neuter | Pron::Plural) {
        if let Some((a, b)) = subject_antecedent(cx, at_tok, want_plural) {
            let sp = cx.span_of(a, b);
            if want_plural || !person(Some(sp), cx.slice(sp)) {
                best = Some((sp.start, plain_speaker(cx, sp)));
            }
        }
    }
    best.map(|(_, s)| Speaker {
        pronoun: Some(at),
        ..s
    })
}

/// "My cousin drives for the company and she says …": a pronoun opening
/// the second conjunct refers to the subject of the first when that is a
/// plain noun phrase of the same number and no clashing gender.
fn conjunct_subject(cx: &Ctx, a: usize, p: Pron, genders: &[(String, Pron)]) -> Option<Speaker> {
    if !matches!(p, Pron::Masc | Pron::Fem | Pron::Plural) {
        return None;
    }
    let mut c = a.checked_sub(1)?;
    if !matches!(cx.low(c), "and" | "but") {
        return None;
    }
    if c > 0 && cx.txt(c - 1) == "," {
        c -= 1;
    }
    let r = cx.sent_range_of(a);
    let (x, y) = leading_np(cx, r.start, c)?;
    if y >= c
        || lexicon::speaker_pronoun(cx.low(x)).is_some_and(|q| !matches!(q, Pron::First))
            && y == x + 1
    {
        return None;
    }
    // the first conjunct needs a verb right after its subject
    let verb_next = match cx.upos(y) {
        Some(t) => matches!(t, "VERB" | "AUX"),
        None => !cx.is_cap(y) && cx.is_alpha(y),
    };
    if !verb_next
        || (x..y).any(|i| {
            lexicon::speaker_pronoun(cx.low(i)) == Some(Pron::First)
                && cx.low(i) != "my"
                && cx.low(i) != "our"
        })
    {
        return None;
    }
    let sp = cx.span_of(x, y);
    let text = cx.slice(sp);
    if is_plural_np(text) != (p == Pron::Plural) {
        return None;
    }
    if matches!(p, Pron::Masc | Pron::Fem)
        && mention_gender(cx, Some(sp), text, genders).is_some_and(|g| g != p)
    {
        return None;
    }
    Some(Speaker {
        pronoun: Some(cx.span_of(a, a + 1)),
        ..plain_speaker(cx, sp)
    })
}

/// The noun phrase opening tokens `s..e` (up to its verb or a comma).
fn leading_np(cx: &Ctx, s: usize, e: usize) -> Option<(usize, usize)> {
    let mut a = s;
    while a < e && (!cx.is_word(a) || matches!(cx.low(a), "but" | "and" | "so" | "yet")) {
        a += 1;
    }
    let mut b = a;
    while b < e && b < a + 8 {
        let w = cx.low(b);
        let verbish = match cx.upos(b) {
            Some(p) => matches!(p, "VERB" | "AUX"),
            None => {
                // without tags: a lowercase word followed by a preposition
                // or determiner is taken for the verb ("drives for the")
                let lower_verb = b > a + 1
                    && !cx.is_cap(b)
                    && (w.ends_with("ed")
                        || (matches!(
                            cx.low(b + 1),
                            "for"
                                | "to"
                                | "in"
                                | "on"
                                | "at"
                                | "the"
                                | "a"
                                | "an"
                                | "its"
                                | "his"
                                | "her"
                                | "their"
                                | "that"
                        ) && !lexicon::np_link(w)));
                lexicon::cue(w).is_some()
                    || lexicon::is_be(w)
                    || lexicon::is_pre_cue_filler(w)
                    || lower_verb
            }
        };
        if verbish || cx.is_boundary_punct(b) || cx.qmark(b).is_some() || !cx.is_word(b) {
            break;
        }
        b += 1;
    }
    (b > a).then_some((a, b))
}

/// "the state railway company Transnor", "the central bank": an
/// organisation noun heads the phrase or comes right before its name.
fn org_described(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let Some(k) = ws
        .iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_lowercase))
    else {
        return false;
    };
    ws.get(k).is_some_and(|w| org_head(w))
        && ws
            .get(k + 1..)
            .into_iter()
            .flatten()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with("'s"))
}

/// Heads of organisation phrases ("the central bank", "two rights groups").
fn org_head(w: &str) -> bool {
    let sing = w.strip_suffix("ies").map_or_else(
        || w.strip_suffix('s').unwrap_or(w).to_string(),
        |x| format!("{x}y"),
    );
    matches!(w, "media" | "police" | "authorities")
        || matches!(
            sing.as_str(),
            "ministry"
                | "government"
                | "agency"
                | "office"
                | "report"
                | "study"
                | "newspaper"
                | "outlet"
                | "army"
                | "military"
                | "committee"
                | "council"
                | "court"
                | "embassy"
                | "company"
                | "group"
                | "party"
                | "bank"
                | "firm"
                | "corporation"
                | "operator"
                | "regulator"
                | "union"
                | "association"
                | "federation"
                | "authority"
                | "board"
                | "commission"
                | "institute"
                | "organisation"
                | "organization"
                | "charity"
                | "airline"
                | "carrier"
                | "network"
                | "fund"
                | "trust"
                | "foundation"
                | "alliance"
                | "coalition"
                | "centre"
                | "center"
                | "department"
                | "manufacturer"
                | "producer"
                | "insurer"
                | "lender"
                | "watchdog"
                | "movement"
                | "campaign"
                | "team"
                | "club"
                | "school"
                | "university"
                | "hospital"
                | "railway"
                | "parliament"
                | "assembly"
                | "cabinet"
                | "administration"
                | "secretariat"
                | "mission"
                | "service"
        )
}

/// For "It said …" / "They said …" with no earlier speaker: the subject of
/// one of the two previous sentences when it names an organisation (an
/// organisation entity, or a phrase headed by an organisation noun), plural
/// for "they".
fn subject_antecedent(cx: &Ctx, at_tok: usize, plural: bool) -> Option<(usize, usize)> {
    let at_sent = *cx.sent_of.get(at_tok)?;
    for si in (at_sent.saturating_sub(2)..at_sent).rev() {
        let r = cx.sent_range(si);
        let Some((a, b)) = leading_np(cx, r.start, r.end) else {
            continue;
        };
        if lexicon::speaker_pronoun(cx.low(a)).is_some() {
            continue;
        }
        let sp = cx.span_of(a, b);
        let text = cx.slice(sp);
        let org_entity = cx
            .entity_over(sp)
            .is_some_and(|e| matches!(e.label, "ORG" | "GPE"));
        let head = cx.low(b - 1);
        let ok = if plural {
            // people and organisations, not documents ("those reports")
            is_plural_np(text) && org_head(head) && !matches!(head, "reports" | "studies")
        } else {
            // an acronym head ("the IMF") names an organisation too
            let acronym = (2..=6).contains(&cx.txt(b - 1).len())
                && cx.txt(b - 1).chars().all(|c| c.is_ascii_uppercase());
            !is_plural_np(text) && (org_described(text) || org_entity || acronym)
        };
        if ok {
            return Some((a, b));
        }
    }
    None
}

/// True if the mention opens its sentence (after conjunctions, titles or a
/// short description and comma: "Prosecutor A B", "The prosecutor, A B,").
fn is_sentence_subject(cx: &Ctx, sp: crosscheck_doc::Span) -> bool {
    let a = cx.spans.partition_point(|t| t.end <= sp.start);
    let s = cx.sent_range_of(a).start;
    let before: Vec<usize> = (s..a).filter(|&i| cx.is_word(i)).collect();
    if before.len() <= 3
        && before.iter().all(|&i| {
            cx.is_cap(i)
                || matches!(
                    cx.low(i),
                    "but" | "and" | "then" | "later" | "meanwhile" | "so"
                )
        })
    {
        return true;
    }
    a > s && cx.txt(a - 1) == "," && before.len() <= 5
}

/// Gender of a person mention from a title or role noun next to it ("Ms
/// Ferreira", "Hana Quist, a spokeswoman") or from an earlier resolved
/// pronoun that referred to the same name.
fn mention_gender(
    cx: &Ctx,
    sp: Option<crosscheck_doc::Span>,
    text: &str,
    genders: &[(String, Pron)],
) -> Option<Pron> {
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '.') {
        if let Some(g) = lexicon::gender_word(&w.to_lowercase()) {
            if !matches!(w.to_lowercase().as_str(), "his" | "her" | "he" | "she") {
                return Some(g);
            }
        }
    }
    // a common given name opening a full name ("Maria Costa", "Governor
    // Elena Marchetti")
    let ws: Vec<&str> = text.split_whitespace().collect();
    for pair in ws.windows(2) {
        if let [first, next] = pair {
            if first.chars().next().is_some_and(char::is_uppercase)
                && next.chars().next().is_some_and(char::is_uppercase)
            {
                if let Some(g) = lexicon::given_name_gender(&first.to_lowercase()) {
                    return Some(g);
                }
            }
        }
    }
    if let Some(sp) = sp {
        let a = cx.spans.partition_point(|t| t.end <= sp.start);
        let b = cx.spans.partition_point(|t| t.start < sp.end);
        // a title just before; a role noun in an appositive just after
        for k in a.saturating_sub(2)..a {
            let w = cx.low(k);
            if !matches!(w, "his" | "her" | "he" | "she" | "himself" | "herself") {
                if let Some(g) = lexicon::gender_word(w) {
                    return Some(g);
                }
            }
        }
        if cx.txt(b) == "," {
            for k in b + 1..(b + 6).min(cx.len()) {
                let w = cx.low(k);
                if matches!(cx.txt(k), "," | "." | ";") {
                    break;
                }
                if !matches!(w, "his" | "her" | "he" | "she" | "himself" | "herself") {
                    if let Some(g) = lexicon::gender_word(w) {
                        return Some(g);
                    }
                }
            }
        }
    }
    // a surname alone: its first full mention with a given name ("Maria
    // Costa … Costa said")
    if !text.contains(' ') && text.chars().next().is_some_and(char::is_uppercase) {
        if let Ok(k) = cx.surname_gender.binary_search_by(|(s, _)| (*s).cmp(text)) {
            return cx.surname_gender.get(k).map(|(_, g)| *g);
        }
    }
    let last = text.split_whitespace().last()?.to_lowercase();
    genders
        .iter()
        .rev()
        .find(|(k, _)| *k == last)
        .map(|(_, g)| *g)
}

/// The nearest capitalised run before token `end` that looks like a name:
/// two or more capitalised words, or one not opening its sentence.
fn name_run_before(
    cx: &Ctx,
    end: usize,
    direct: &[(usize, usize)],
    ok: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let lo = end.saturating_sub(300);
    let mut j = end;
    while j > lo {
        j -= 1;
        if !is_name_word(cx, j) {
            continue;
        }
        let b = j + 1;
        let mut a = j;
        while a > lo && is_name_word(cx, a - 1) {
            a -= 1;
        }
        let sent_start = cx.sent_range_of(a).start;
        let mut a2 = a;
        if a2 == sent_start && b - a2 >= 2 && lexicon::np_stop(cx.low(a2)) {
            a2 += 1;
        }
        let inside = cx
            .spans
            .get(a2)
            .is_some_and(|t| direct.iter().any(|&(x, y)| x <= t.start && t.end <= y));
        if !inside && (b - a2 >= 2 || a2 != sent_start) && ok(a2, b) {
            return Some((a2, b));
        }
        j = a;
    }
    None
}

fn is_name_word(cx: &Ctx, i: usize) -> bool {
    let w = cx.low(i);
    cx.is_cap(i)
        && cx.is_alpha(i)
        && !lexicon::month(w)
        && !is_weekday(w)
        && !lexicon::is_det(w)
        && lexicon::speaker_pronoun(w).is_none()
        && !matches!(
            w,
            "i" | "according"
                | "in"
                | "on"
                | "at"
                | "for"
                | "but"
                | "and"
                | "so"
                | "if"
                | "as"
                | "when"
                | "while"
                | "after"
                | "before"
                | "yes"
                | "no"
        )
}
