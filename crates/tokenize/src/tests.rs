use super::*;
use proptest::prelude::*;

fn toks(s: &str) -> Vec<&str> {
    tokenize(s, Span::new(0, s.len()))
        .iter()
        .map(|t| &s[t.span.start..t.span.end])
        .collect()
}

fn sents(s: &str) -> Vec<&str> {
    let t = tokenize(s, Span::new(0, s.len()));
    sentences(s, &t)
        .iter()
        .map(|x| &s[x.span.start..x.span.end])
        .collect()
}

#[test]
fn contractions_and_possessives() {
    assert_eq!(toks("I don't know."), ["I", "do", "n't", "know", "."]);
    assert_eq!(toks("it's Putin's"), ["it", "'s", "Putin", "'s"]);
    assert_eq!(
        toks("We can’t, they’ll"),
        ["We", "ca", "n’t", ",", "they", "’ll"]
    );
    assert_eq!(toks("I cannot"), ["I", "can", "not"]);
    assert_eq!(toks("the parents' house"), ["the", "parents", "'", "house"]);
    assert_eq!(toks("won't I'm"), ["wo", "n't", "I", "'m"]);
}

#[test]
fn hyphens_numbers_abbreviations() {
    assert_eq!(
        toks("Kassym-Jomart visited Nur-Sultan; Russian-led troops."),
        [
            "Kassym-Jomart",
            "visited",
            "Nur-Sultan",
            ";",
            "Russian-led",
            "troops",
            "."
        ]
    );
    assert_eq!(
        toks("5,969 and 2.5, 10,000 (40%)"),
        ["5,969", "and", "2.5", ",", "10,000", "(", "40", "%", ")"]
    );
    assert_eq!(
        toks("The U.S. Gen. Smith on Jan. 5 met Mr. Li."),
        ["The", "U.S.", "Gen.", "Smith", "on", "Jan.", "5", "met", "Mr.", "Li", "."]
    );
    assert_eq!(toks("$5 at 10:30"), ["$", "5", "at", "10:30"]);
}

#[test]
fn urls_emails_handles() {
    assert_eq!(
        toks("See https://example.org/a?b=1. Mail a.b@example.com or @some_one (www.example.com)."),
        [
            "See",
            "https://example.org/a?b=1",
            ".",
            "Mail",
            "a.b@example.com",
            "or",
            "@some_one",
            "(",
            "www.example.com",
            ")",
            "."
        ]
    );
}

#[test]
fn quotes_dashes_bullets_ellipses() {
    assert_eq!(
        toks("“Yes,” he said—no…"),
        ["“", "Yes", ",", "”", "he", "said", "—", "no", "…"]
    );
    assert_eq!(
        toks("\"Wait...\" -- then"),
        ["\"", "Wait", "...", "\"", "--", "then"]
    );
    assert_eq!(toks("• He left – again"), ["•", "He", "left", "–", "again"]);
    assert_eq!(toks("'Hello' she said"), ["'", "Hello", "'", "she", "said"]);
}

#[test]
fn sentence_boundaries() {
    assert_eq!(
        sents("Mr. Smith went to Washington. He left."),
        ["Mr. Smith went to Washington.", "He left."]
    );
    assert_eq!(
        sents("He said \"Stop.\" Then he left."),
        ["He said \"Stop.\"", "Then he left."]
    );
    assert_eq!(
        sents("It grew (by 5%.) Next one!"),
        ["It grew (by 5%.)", "Next one!"]
    );
    assert_eq!(
        sents("J. R. Smith came. Why? Nobody knows..."),
        ["J. R. Smith came.", "Why?", "Nobody knows..."]
    );
    assert_eq!(
        sents("Troops left the U.S. Then they came back."),
        ["Troops left the U.S.", "Then they came back."]
    );
    assert_eq!(
        sents("Breaking News\nThe army moved in.\n\nsecond para"),
        ["Breaking News", "The army moved in.", "second para"]
    );
    assert_eq!(
        sents("fronts:\n  • He hates this\n  • He fears that"),
        ["fronts:", "• He hates this", "• He fears that"]
    );
    assert_eq!(
        sents("  1. The first point. 2. The second"),
        ["1. The first point.", "2. The second"]
    );
    // A wrapped line inside a sentence continues it.
    assert_eq!(
        sents("the troops were\nsent there."),
        ["the troops were\nsent there."]
    );
}

#[test]
fn region_offsets_are_absolute() {
    let t = "XXX Hello world. YYY";
    let toks = tokenize(t, Span::new(4, 16));
    let words: Vec<&str> = toks.iter().map(|x| &t[x.span.start..x.span.end]).collect();
    assert_eq!(words, ["Hello", "world", "."]);
    assert!(toks[0].space_before && !toks[2].space_before);
}

#[test]
fn document_sentences_stay_in_segments() {
    use crosscheck_doc::{Segment, SegmentKind};
    let mut d = Document::new("d", "Title here\nBody one. Body two\nComment text.");
    d.segments = vec![
        Segment {
            kind: SegmentKind::Title,
            span: Span::new(0, 10),
            author: None,
        },
        Segment {
            kind: SegmentKind::Body,
            span: Span::new(11, 29),
            author: None,
        },
        Segment {
            kind: SegmentKind::Comment,
            span: Span::new(29, 43),
            author: Some("a".into()),
        },
    ];
    let (toks, ss) = tokenize_document(&d);
    let text: Vec<&str> = ss.iter().map(|s| d.slice(s.span)).collect();
    assert_eq!(text, ["Body one.", "Body two", "Comment text."]);
    assert_eq!(ss[2].tokens.end, toks.len());
}

fn check_invariants(s: &str, region: Span) -> Result<(), TestCaseError> {
    let toks = tokenize(s, region);
    let r = clamp(s, region);
    let mut prev_end = r.start;
    for t in &toks {
        prop_assert!(t.span.check(s).is_ok());
        prop_assert!(t.span.start >= prev_end && t.span.end > t.span.start);
        prop_assert!(r.contains(&t.span));
        prop_assert!(!s[t.span.start..t.span.end].chars().any(char::is_whitespace));
        prev_end = t.span.end;
    }
    let ss = sentences(s, &toks);
    let mut next_tok = 0;
    let mut prev_end = r.start;
    for x in &ss {
        prop_assert!(x.span.check(s).is_ok());
        prop_assert_eq!(x.tokens.start, next_tok);
        prop_assert!(x.tokens.end > x.tokens.start);
        prop_assert!(x.span.start >= prev_end);
        prop_assert!(r.contains(&x.span));
        next_tok = x.tokens.end;
        prev_end = x.span.end;
    }
    prop_assert_eq!(next_tok, toks.len());
    Ok(())
}

proptest! {
    #[test]
    fn offsets_are_valid(s in "\\PC{0,80}", a in 0usize..90, b in 0usize..90) {
        check_invariants(&s, Span::new(a.min(b), a.max(b)))?;
    }

    #[test]
    fn offsets_are_valid_on_punctuation_soup(s in "[a-zA-Z0-9 .,'’\"“”!?:;()\\-–—…•@#/%$\n]{0,80}") {
        check_invariants(&s, Span::new(0, s.len()))?;
    }
}
