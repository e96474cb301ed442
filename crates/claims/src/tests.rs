//! Unit tests per construct, on fictional text.

use crate::*;
use crosscheck_doc::{Document, Segment, SegmentKind, Span};

fn run(text: &str) -> (Document, ClaimsOutput) {
    let doc = Document::new("t", text);
    let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
    let out = analyze(&ClaimInput::new(&doc, &t, &s));
    (doc, out)
}

fn speakers(doc: &Document, out: &ClaimsOutput) -> Vec<(String, String)> {
    out.quotes
        .iter()
        .map(|q| {
            (
                q.speaker
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
                doc.slice(q.content).to_string(),
            )
        })
        .collect()
}

fn only_speaker(text: &str) -> String {
    let (doc, out) = run(text);
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{text}: {s:?}");
    s[0].0.clone()
}

fn qty(text: &str) -> Vec<Quantity> {
    run(text).1.quantities
}

fn modality(text: &str) -> Modality {
    let (_, out) = run(text);
    out.claims
        .first()
        .map(|c| c.modality)
        .unwrap_or(Modality::Asserted)
}

#[test]
fn direct_quote_then_said_x() {
    let (doc, out) = run("“The situation is calm now,” said Colonel Ann Berg on Monday.");
    let s = speakers(&doc, &out);
    assert_eq!(
        s,
        vec![(
            "Colonel Ann Berg".to_string(),
            "The situation is calm now".to_string()
        )]
    );
    assert!(out.quotes[0].direct);
    assert_eq!(out.quotes[0].cue.as_deref(), Some("say"));
}

#[test]
fn direct_quote_then_x_said_with_straight_quotes() {
    assert_eq!(
        only_speaker("\"We will rebuild every school,\" the mayor said."),
        "the mayor"
    );
}

#[test]
fn speaker_before_colon() {
    assert_eq!(
        only_speaker("The opposition leader told reporters: \"This election was stolen from us.\""),
        "The opposition leader"
    );
}

#[test]
fn description_speaker_with_relative_clause() {
    let s = only_speaker("“It is a power struggle inside the elite,” said one expert on the region who asked to remain anonymous.");
    assert_eq!(s, "one expert on the region who asked to remain anonymous");
}

#[test]
fn split_quote_inherits_speaker() {
    let (doc, out) = run("“We have lost everything,” said Mira, a farmer. “The house, the barn, the animals are all gone.”");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Mira");
}

#[test]
fn multi_paragraph_quote_continues() {
    let text = "“The first part of the statement is long enough,\n\n“and the second paragraph continues it,” the minister said.";
    let (doc, out) = run(text);
    assert_eq!(out.quotes.len(), 1, "{:?}", speakers(&doc, &out));
    assert!(doc
        .slice(out.quotes[0].content)
        .contains("second paragraph"));
    assert_eq!(
        out.quotes[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("the minister")
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    let (_, out) = run("Troops were ordered to fire on ‘terrorists’ in the city centre.");
    assert!(out.quotes.is_empty());
    let lt = &out.claims[0].loaded_terms;
    assert_eq!(lt.len(), 1);
    assert_eq!(lt[0].term, "terrorists");
    assert_eq!(lt[0].voice, Voice::Quoted);
}

#[test]
fn indirect_said_that_and_told() {
    assert_eq!(
        only_speaker("The Interior Ministry said that 40 officers had been injured."),
        "The Interior Ministry"
    );
    let (doc, out) = run("Witnesses told the BBC that soldiers had fired into the crowd.");
    let s = speakers(&doc, &out);
    assert_eq!(s[0].0, "Witnesses");
    assert_eq!(s[0].1, "soldiers had fired into the crowd");
    assert!(!out.quotes[0].direct);
}

#[test]
fn post_attribution_and_parenthetical() {
    assert_eq!(
        only_speaker("The curfew will be lifted next week, officials said on Sunday."),
        "officials"
    );
    assert_eq!(
        only_speaker("Moscow – the analyst continues – will not let the region go."),
        "the analyst"
    );
}

#[test]
fn according_to_front_back_and_quoting() {
    assert_eq!(
        only_speaker("According to the health ministry, 23 people have died."),
        "the health ministry"
    );
    assert_eq!(
        only_speaker("Eight people died in the fire, according to local officials."),
        "local officials"
    );
    assert_eq!(
        only_speaker("Ten people died, according to local media, quoting the Interior Ministry."),
        "the Interior Ministry"
    );
    let (_, out) = run("According to satellite images, the bridge was destroyed.");
    assert!(out.quotes.is_empty());
    assert_eq!(out.claims[0].evidence, Evidence::Cited);
}

#[test]
fn appositives_pick_the_name() {
    assert_eq!(
        only_speaker(
            "Anna Kovacs, a spokeswoman for the ministry, said that the talks had failed."
        ),
        "Anna Kovacs"
    );
    assert_eq!(
        only_speaker("The chief prosecutor, Omar Said, claimed that the plot was foreign-funded."),
        "Omar Said"
    );
}

#[test]
fn quoted_as_saying() {
    assert_eq!(
        only_speaker(
            "The general was quoted as saying: “Order has been restored in every district.”"
        ),
        "The general"
    );
}

#[test]
fn pronoun_resolves_to_person_mention() {
    let text =
        "Colonel Yuri Danko spoke at the base. He warned that further violence could follow.";
    let doc = Document::new("t", text);
    let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
    let a = text.find("Yuri Danko").unwrap_or(0);
    let ents = [EntityRef {
        span: Span::new(a, a + "Yuri Danko".len()),
        label: "PERSON",
        id: Some("E1".into()),
    }];
    let mut input = ClaimInput::new(&doc, &t, &s);
    input.entities = &ents;
    let out = analyze(&input);
    let sp = out.quotes[0].speaker.as_ref().expect("speaker");
    assert_eq!(sp.text, "Yuri Danko");
    assert_eq!(sp.entity.as_deref(), Some("E1"));
    assert!(sp.pronoun.is_some());
    // without mentions the name-like run is used
    let (_, out2) = run(text);
    assert_eq!(
        out2.quotes[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Colonel Yuri Danko")
    );
}

#[test]
fn pronoun_prefers_recent_named_speaker() {
    let text = "Analyst Maria Lind says that Moscow is watching closely. The Kremlin has troops nearby in Belarus. She added that a deal is unlikely.";
    let (doc, out) = run(text);
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Analyst Maria Lind");
}

#[test]
fn modality_lexicons() {
    assert_eq!(
        modality("Their days in office seem to be numbered."),
        Modality::Hedged
    );
    assert_eq!(
        modality("The minister reportedly resigned on Friday."),
        Modality::Hedged
    );
    assert_eq!(
        modality("It is unclear whether the army still supports him."),
        Modality::Questioned
    );
    assert_eq!(
        modality("Was the uprising planned in advance?"),
        Modality::Questioned
    );
    assert_eq!(
        modality("The company denied that it had paid any bribes."),
        Modality::Denied
    );
    assert_eq!(
        modality("The report is false and was written to mislead."),
        Modality::Denied
    );
    assert_eq!(
        modality("The new law will take effect in July."),
        Modality::Asserted
    );
    assert_eq!(
        modality("Analysts expect the bank to raise rates again."),
        Modality::Hedged
    );
    assert_eq!(
        modality("Police arrested the leaders of the march."),
        Modality::Asserted
    );
    assert_eq!(
        modality("Officials said the border would reopen."),
        Modality::Reported
    );
    assert_eq!(
        modality("He does not believe that the vote was fair."),
        Modality::Denied
    );
}

#[test]
fn evidence_missing_and_cited() {
    let (_, out) = run("The government blamed foreign agents without providing evidence.");
    assert_eq!(out.claims[0].evidence, Evidence::NotedMissing);
    let (_, out) = run("Officials offered no evidence for the claim.");
    assert_eq!(out.claims[0].evidence, Evidence::NotedMissing);
    let (_, out) = run("Citing leaked documents, the paper said the deal was signed in May.");
    assert_eq!(out.claims[0].evidence, Evidence::Cited);
    let (_, out) = run("There is clear evidence that the plan failed.");
    assert_eq!(out.claims[0].evidence, Evidence::Unstated);
}

#[test]
fn comment_segments_give_comment_voice() {
    let text = "I think the whole thing was staged by the regime.";
    let mut doc = Document::new("t", text);
    doc.segments.push(Segment {
        kind: SegmentKind::Comment,
        span: Span::new(0, text.len()),
        author: Some("reader1".into()),
    });
    let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
    let out = analyze(&ClaimInput::new(&doc, &t, &s));
    assert_eq!(out.claims[0].voice, Voice::Comment);
    assert_eq!(out.claims[0].modality, Modality::Hedged);
    assert_eq!(
        out.claims[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("reader1")
    );
    assert_eq!(out.claims[0].loaded_terms[0].voice, Voice::Comment);
}

#[test]
fn boilerplate_is_not_analysed() {
    let text = "Share this story. 23 people were killed.";
    let mut doc = Document::new("t", text);
    doc.segments.push(Segment {
        kind: SegmentKind::Boilerplate,
        span: Span::new(0, 17),
        author: None,
    });
    doc.segments.push(Segment {
        kind: SegmentKind::Body,
        span: Span::new(18, text.len()),
        author: None,
    });
    let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
    let out = analyze(&ClaimInput::new(&doc, &t, &s));
    assert_eq!(out.claims.len(), 1);
    assert_eq!(out.quantities.len(), 1);
}

fn one(text: &str) -> Quantity {
    let q = qty(text);
    assert_eq!(q.len(), 1, "{text}: {q:?}");
    q[0].clone()
}

#[test]
fn numbers_in_digits_and_words() {
    let q = one("Officials said 5,969 people had been detained.");
    assert_eq!(
        (q.value, q.measure.as_deref(), q.counted.as_deref()),
        (Some(5969.0), Some("detained"), Some("people"))
    );
    assert_eq!(
        one("About 10 thousand people marched.").value,
        Some(10_000.0)
    );
    assert_eq!(
        one("Nearly 2.5 million people live there.").value,
        Some(2_500_000.0)
    );
    assert_eq!(
        one("Eight policemen were killed in the clashes.")
            .measure
            .as_deref(),
        Some("killed")
    );
    let q = one("They sent a couple of thousand troops to the city.");
    assert_eq!(
        (q.value, q.qualifier, q.measure.as_deref()),
        (Some(2000.0), Qualifier::About, Some("troops"))
    );
    let q = one("With several hundred dead, the uprising ended.");
    assert_eq!(
        (q.value, q.low, q.high, q.qualifier),
        (None, Some(300.0), Some(900.0), Qualifier::Vague)
    );
    assert_eq!(
        one("Dozens of people were wounded.").measure.as_deref(),
        Some("injured")
    );
    assert_eq!(
        one("Tens of thousands of people took part.").low,
        Some(20_000.0)
    );
}

#[test]
fn units_and_currencies() {
    let q = one("The country produces 40 per cent of the world's uranium.");
    assert_eq!((q.value, q.unit.as_deref()), (Some(40.0), Some("%")));
    assert_eq!(
        one("Turnout was 40% in the capital.").unit.as_deref(),
        Some("%")
    );
    let q = one("The fund lost $3 billion last year.");
    assert_eq!((q.value, q.unit.as_deref()), (Some(3e9), Some("USD")));
    let q = one("Gas now costs 1.2 tenge per litre more.");
    assert_eq!(
        (q.value, q.unit.as_deref(), q.measure.as_deref()),
        (Some(1.2), Some("KZT/l"), Some("price"))
    );
}

#[test]
fn qualifiers_and_ranges() {
    let cases = [
        ("Some 2,500 peacekeepers arrived.", Qualifier::About),
        ("At least 40 people died.", Qualifier::AtLeast),
        ("More than 400 were injured.", Qualifier::Over),
        ("Fewer than 30 people came.", Qualifier::Under),
        ("Up to 300 people may have died.", Qualifier::Under),
        ("Almost 8,000 people were held.", Qualifier::Nearly),
        ("Roughly 70 protesters gathered.", Qualifier::About),
    ];
    for (t, want) in cases {
        assert_eq!(one(t).qualifier, want, "{t}");
    }
    let q = one("Between 100 and 200 protesters gathered.");
    assert_eq!((q.value, q.low, q.high), (None, Some(100.0), Some(200.0)));
    let q = one("Police said 100-200 people were detained.");
    assert_eq!(
        (q.low, q.high, q.measure.as_deref()),
        (Some(100.0), Some(200.0), Some("detained"))
    );
}

#[test]
fn not_quantities() {
    for t in [
        "In 2014 the protests spread to the south.",
        "The vote was held on January 7 in the capital.",
        "Talks resume on 14 March in Geneva.",
        "The meeting started at 10:30 in the morning.",
        "It was the 75th anniversary of the victory.",
        "The talks took place in week 2 of the year.",
        "He ran Windows 10 on an old laptop.",
        "The war lasted eight years and ruined the economy.",
        "One expert on the region disagreed with the view.",
        "Visit www.example.com/page2 for details about it.",
    ] {
        assert!(qty(t).is_empty(), "{t}: {:?}", qty(t));
    }
    let text = "Reasons:\n1. The army was divided.\n2. The police stayed home.";
    assert!(qty(text).is_empty(), "{:?}", qty(text));
}

#[test]
fn quantities_link_to_claims_in_brief() {
    let (doc, out) =
        run("Police detained at least 150 people, the ministry said. The city was calm.");
    let (quotes, claims, qs) = to_brief(&doc, &out);
    assert_eq!(quotes.len(), 1);
    assert_eq!(claims.len(), 2);
    assert_eq!(qs[0].claim.as_deref(), Some(claims[0].id.as_str()));
    assert_eq!(qs[0].qualifier, "at-least");
    assert_eq!(claims[0].voice, "quoted");
    assert_eq!(claims[0].modality, "reported");
    assert_eq!(claims[1].voice, "author");
}

#[test]
fn loaded_terms_are_canonical() {
    let (_, out) =
        run("Officials called it a color revolution organised by foreign-backed militants.");
    let terms: Vec<&str> = out.claims[0]
        .loaded_terms
        .iter()
        .map(|t| t.term.as_str())
        .collect();
    assert_eq!(
        terms,
        vec!["colour revolution", "foreign-backed", "militants"]
    );
}

#[test]
fn tolerates_bad_input_spans() {
    let doc = Document::new("t", "héllo world said the man.");
    let toks = [
        crosscheck_doc::Token {
            span: Span::new(1, 2),
            space_before: true,
        },
        crosscheck_doc::Token {
            span: Span::new(50, 60),
            space_before: true,
        },
    ];
    let sents = [crosscheck_doc::Sentence {
        span: Span::new(0, 99),
        tokens: 0..9,
    }];
    let out = analyze(&ClaimInput::new(&doc, &toks, &sents));
    for c in &out.claims {
        assert!(c.span.check(doc.text()).is_ok());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check_all(doc: &Document, out: &ClaimsOutput) -> Result<(), TestCaseError> {
        let t = doc.text();
        let mut spans = vec![];
        for q in &out.quotes {
            spans.extend([
                Some(q.span),
                Some(q.content),
                q.cue_span,
                q.speaker.as_ref().and_then(|s| s.span),
            ]);
        }
        for c in &out.claims {
            spans.extend([Some(c.span), c.modality_cue, c.evidence_cue]);
            spans.extend(c.loaded_terms.iter().map(|l| Some(l.span)));
        }
        for q in &out.quantities {
            spans.extend([Some(q.span), Some(q.number_span)]);
            prop_assert!(q.claim.is_none_or(|i| i < out.claims.len()));
        }
        for s in spans.into_iter().flatten() {
            prop_assert!(s.check(t).is_ok(), "bad span {:?} in {:?}", s, t);
        }
        Ok(())
    }

    const WORDS: &[&str] = &[
        "said",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "according",
        "to",
        "the",
        "ministry",
        ",",
        ".",
        "?",
        "he",
        "She",
        "5,969",
        "several",
        "thousand",
        "people",
        "about",
        "between",
        "and",
        "40%",
        "$3",
        "billion",
        "é",
        "—",
        "\n\n",
        "Mr",
        "Ann",
        "Berg",
        "told",
        "that",
        "denied",
        "may",
        "whether",
        "terrorists",
        "per",
        "cent",
        "killed",
        "2022",
        "January",
        "1.",
        "dozens",
        "of",
        "a",
        "couple",
        "ünïcode",
        "🙂",
        "–",
        "quoting",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn spans_are_valid_on_word_soup(idx in proptest::collection::vec(0usize..WORDS.len(), 0..60)) {
            let text: String = idx.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let doc = Document::new("p", text);
            let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
            let out = analyze(&ClaimInput::new(&doc, &t, &s));
            check_all(&doc, &out)?;
            let (t2, s2) = fallback_tokenize(doc.text());
            let out2 = analyze(&ClaimInput::new(&doc, &t2, &s2));
            check_all(&doc, &out2)?;
        }

        #[test]
        fn spans_are_valid_on_any_text(text in "\\PC{0,200}") {
            let doc = Document::new("p", text);
            let (t, s) = fallback_tokenize(doc.text());
            let out = analyze(&ClaimInput::new(&doc, &t, &s));
            check_all(&doc, &out)?;
        }
    }
}

#[test]
fn relative_pronoun_and_post_told() {
    let (doc, out) = run("The minister contradicted her spokesman, who had said on Monday that the border would stay closed.");
    let s = speakers(&doc, &out);
    assert_eq!(s[0].0, "her spokesman");
    // the author's own main clause is kept as a claim of its own
    assert!(out
        .claims
        .iter()
        .any(|c| c.voice == Voice::Author
            && doc.slice(c.span).starts_with("The minister contradicted")));
    assert_eq!(
        only_speaker(
            "Two soldiers were wounded in the attack, military sources told the Associated Press."
        ),
        "military sources"
    );
}

#[test]
fn homographs_and_object_denials_are_not_speech() {
    for t in [
        "Trade links the five Central Asian states with the coast.",
        "The ruling party dismissed the allegations as politically motivated.",
        "The analytical notes that follow were written in May.",
    ] {
        let (doc, out) = run(t);
        assert!(out.quotes.is_empty(), "{t}: {:?}", speakers(&doc, &out));
    }
    assert_eq!(
        only_speaker("The opposition claims up to 300 people died in the crackdown."),
        "The opposition"
    );
}

#[test]
fn quote_split_by_inverted_attribution() {
    let (doc, out) =
        run("“The dam is safe,” said an engineer, “but the spillway needs repairs before winter.”");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "an engineer");
    assert!(s[1].1.starts_with("but the spillway"), "{s:?}");
}

#[test]
fn restrictive_who_clause_gives_antecedent() {
    let s = only_speaker(
        "An aide who declined to be named said the visit had been cancelled at short notice.",
    );
    assert_eq!(s, "An aide");
}

#[test]
fn short_exclamation_after_cue_is_speech() {
    let s = only_speaker("Students shouted “Shame on you!” as the rector left the hall.");
    assert_eq!(s, "Students");
    // a short cited phrase without final punctuation stays a scare quote
    let (_, out) = run("Students shouted “slogans” as the rector left the hall.");
    assert!(out.quotes.is_empty());
}

#[test]
fn participle_after_attribution_reports_same_speaker() {
    let (doc, out) = run("“The road is open,” said Ivo Marsh, a council official, adding that repairs would take another month.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Ivo Marsh");
    assert_eq!(s[1].1, "repairs would take another month");
}

#[test]
fn age_after_name_is_not_a_quantity() {
    assert!(qty("Ada Lindqvist, 52, a teacher, was among the marchers.").is_empty());
    let q = qty("The economy grew by 3% last year.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].measure.as_deref(), Some("increase"));
}

#[test]
fn up_to_percentage_with_prices_is_a_change() {
    let q = qty("Bread prices have risen by up to 30% since spring.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].measure.as_deref(), Some("increase"));
}

fn with_persons(text: &str, names: &[&str]) -> (Document, ClaimsOutput) {
    let doc = Document::new("t", text);
    let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
    let ents: Vec<EntityRef> = names
        .iter()
        .filter_map(|n| text.find(n).map(|a| (a, n.len())))
        .map(|(a, l)| EntityRef {
            span: Span::new(a, a + l),
            label: "PERSON",
            id: None,
        })
        .collect();
    let mut input = ClaimInput::new(&doc, &t, &s);
    input.entities = &ents;
    let out = analyze(&input);
    (doc, out)
}

#[test]
fn transcript_turns_take_their_labels() {
    let (doc, out) = run("HOST: Will the plant close?\n\nDANA VOSS: Not while I am mayor.");
    let s = speakers(&doc, &out);
    assert_eq!(
        s,
        vec![
            ("HOST".to_string(), "Will the plant close?".to_string()),
            ("DANA VOSS".to_string(), "Not while I am mayor.".to_string())
        ]
    );
    // Q/A: answers belong to the interviewee, questions to the outlet
    let (doc, out) = with_persons(
        "Lena Ortiz runs the port. She spoke to us.\n\nQ: Why now?\n\nA: Because the money ran out.",
        &["Lena Ortiz"],
    );
    let s = speakers(&doc, &out);
    assert_eq!(
        s,
        vec![(
            "Lena Ortiz".to_string(),
            "Because the money ran out.".to_string()
        )]
    );
    // a section label is not a speaker
    let (_, out) = run("Note: The figures were revised on Monday after a recount.");
    assert!(out.quotes.is_empty(), "{:?}", out.quotes);
}

#[test]
fn headlines_with_single_quotes() {
    let (doc, out) = run("UNION CHIEF: 'WE WILL NOT BACK DOWN'\n\nThe strike continued on Monday.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "UNION CHIEF");
    assert_eq!(s[0].1, "WE WILL NOT BACK DOWN");
    assert_eq!(
        only_speaker("Mayor vows ‘no more delays’ on harbour bridge"),
        "Mayor"
    );
    // a possessive apostrophe opens nothing
    let (_, out) = run("The dockworkers' union met on Monday and the workers' council agreed.");
    assert!(out.quotes.is_empty(), "{:?}", out.quotes);
}

#[test]
fn pronouns_agree_in_gender_and_chain() {
    let text = "Prosecutor Helen Marsh questioned the treasurer, Daniel Okoro, on Thursday. He denied that he had moved any money, and she said afterwards that the inquiry would continue.";
    let (doc, out) = with_persons(text, &["Helen Marsh", "Daniel Okoro"]);
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].0, "Daniel Okoro");
    assert_eq!(s[1].0, "Helen Marsh");
    assert_eq!(s[1].1, "the inquiry would continue");
    // the speaker chain wins over a person named inside a sentence
    let text = "Analyst Ivo Brandt says that the vote was fair. He recalls the crisis that led to the fall of Omar Reyes. According to him, the army stayed neutral.";
    let (doc, out) = with_persons(text, &["Ivo Brandt", "Omar Reyes"]);
    let s = speakers(&doc, &out);
    assert_eq!(s.last().map(|x| x.0.as_str()), Some("Ivo Brandt"), "{s:?}");
    // "It added that": an organisation named before
    let (doc, out) = run("The airline said that all flights were cancelled. It added that passengers would get refunds.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "The airline");
}

#[test]
fn trailing_and_bare_clause_attributions() {
    assert_eq!(
        only_speaker("The bank will cut about 1,500 jobs next year, people familiar with the plan told the agency."),
        "people familiar with the plan"
    );
    assert_eq!(
        only_speaker("The operator ignored every warning about the engines, the inquiry's chairman, retired judge Mia Cole, told a hearing on Monday."),
        "Mia Cole"
    );
    assert_eq!(
        only_speaker("Economist Tariq Bello believes the central bank will raise rates again."),
        "Economist Tariq Bello"
    );
    assert_eq!(
        only_speaker(
            "The union's leader, Carl Mbeki, said on Sunday the strike would be extended."
        ),
        "Carl Mbeki"
    );
    assert_eq!(
        only_speaker("A nurse at the hospital, who did not want to be named because she was not authorised to speak to the press, said at least 19 of the wounded were children."),
        "A nurse at the hospital"
    );
    // embedded questions and objects are not reported clauses
    let (_, out) = run("Nobody has ever explained what the trucks carry.");
    assert!(out.quotes.is_empty(), "{:?}", out.quotes);
    let (_, out) = run("They said the same thing about the old bridge last year.");
    assert!(out.quotes.is_empty(), "{:?}", out.quotes);
}

#[test]
fn a_number_outside_a_quote_is_not_the_speakers() {
    let (_, out) = run(
        "The official death toll stands at 12, but the union says at least 30 people were killed.",
    );
    let quoted = |v: f64| {
        let q = out.quantities.iter().find(|q| q.value == Some(v));
        let q = q.unwrap_or_else(|| panic!("no {v}: {:?}", out.quantities));
        q.claim
            .and_then(|c| out.claims.get(c))
            .is_some_and(|c| c.quote.is_some())
    };
    assert!(quoted(30.0), "{:?}", out.quantities);
    assert!(!quoted(12.0), "{:?}", out.quantities);
}

#[test]
fn a_concession_is_not_an_attribution() {
    for text in [
        "Dozens of miners died in the collapse, not six, whatever the company says.",
        "The dam was never inspected, no matter what the ministry claims.",
    ] {
        let (_, out) = run(text);
        assert!(out.quotes.is_empty(), "{text}: {:?}", out.quotes);
    }
    // A plain trailing attribution still is one.
    assert_eq!(
        only_speaker("Dozens of miners died in the collapse, the company says."),
        "the company"
    );
}

#[test]
fn naming_verbs_quote_and_deny() {
    let (doc, out) = run("The opposition claimed that 1,400 ballots had been destroyed, a figure the electoral commission called “pure invention”.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].0, "The opposition");
    assert_eq!(
        s[1],
        (
            "the electoral commission".to_string(),
            "pure invention".to_string()
        )
    );
    assert_eq!(
        out.claims.first().map(|c| c.modality),
        Some(Modality::Denied)
    );
}

#[test]
fn list_numbers_seasons_and_year_ranges_are_not_quantities() {
    let q = qty("The report makes three recommendations: 1. close the reactor; 2. hire 120 inspectors; 3. publish the data.");
    let vals: Vec<Option<f64>> = q.iter().map(|q| q.value).collect();
    assert_eq!(vals, vec![Some(3.0), Some(120.0)], "{q:?}");
    assert!(qty("We warned them three winters ago.").is_empty());
    assert!(qty("He took bribes between 2016 and 2019.").is_empty());
}

#[test]
fn paragraph_breaks_split_sentences_but_keep_caller_index() {
    let text = "PORT STRIKE ENTERS THIRD WEEK\n\nThe stoppage has left 230 ships waiting offshore, the harbour authority said.";
    let (doc, out) = run(text);
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "the harbour authority");
    let (_, sents) = crosscheck_tokenize::tokenize_document(&doc);
    assert!(out.claims.iter().all(|c| c.sentence < sents.len()));
}

#[test]
fn pull_quote_borrows_the_speaker_of_its_repeat() {
    let text = "‘The port will not reopen this year’\n\nBy staff\n\n“The port will not reopen this year, whatever the ministry says,” said harbour master Ines Dahl.";
    let (doc, out) = run(text);
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].0, "harbour master Ines Dahl");
    assert_eq!(s[1].0, "harbour master Ines Dahl");
}

fn modality_of(text: &str, claim: &str) -> Modality {
    let (doc, out) = run(text);
    out.claims
        .iter()
        .find(|c| doc.slice(c.span).contains(claim))
        .map(|c| c.modality)
        .unwrap_or_else(|| panic!("no claim with {claim:?} in {text:?}"))
}

#[test]
fn could_of_ability_is_not_a_hedge() {
    assert_eq!(
        modality_of(
            "Engineers said the bridge could be reopened by Friday.",
            "bridge could"
        ),
        Modality::Hedged
    );
    assert_eq!(
        modality("During the floods, residents could only reach the town by boat."),
        Modality::Asserted
    );
    assert_eq!(
        modality("“As a child I could swim across the lake,” said the mayor."),
        Modality::Reported
    );
    assert_eq!(
        modality("The claim could not be independently verified by reporters."),
        Modality::Hedged
    );
}

#[test]
fn prediction_and_said_to_be_hedge() {
    assert_eq!(
        modality_of(
            "Chief executive Lars Berg said he expected the airline to return to profit.",
            "airline"
        ),
        Modality::Hedged
    );
    assert_eq!(
        modality("The two leaders are said to be close to an agreement."),
        Modality::Hedged
    );
    assert_eq!(
        modality("Prices rose sharply last year, as expected by traders."),
        Modality::Asserted
    );
}

#[test]
fn short_denials_and_no_truth() {
    let (doc, out) = run("Prosecutors say he stole the money. Smith denies fraud. They have not.");
    let get = |s: &str| {
        out.claims
            .iter()
            .find(|c| doc.slice(c.span).contains(s))
            .map(|c| c.modality)
    };
    assert_eq!(get("denies fraud"), Some(Modality::Denied));
    assert_eq!(get("They have not"), Some(Modality::Denied));
    assert_eq!(
        modality("“There is no truth in that at all,” the club president said."),
        Modality::Denied
    );
}

#[test]
fn two_quotes_in_one_sentence_give_two_claims() {
    let (doc, out) = run(
        "The vaccine works well, health officials said, but they warned that protection might wane within months.",
    );
    let texts: Vec<&str> = out.claims.iter().map(|c| doc.slice(c.span)).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(out.claims[1].modality, Modality::Hedged);
    assert!(out.claims[0].span.start < out.claims[1].span.start);
}

#[test]
fn participle_inside_denial_is_its_own_quote() {
    let (doc, out) = run(
        "The association rejected claims that its members had overfished the bay, saying catches had fallen by 35% since 2019.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].1, "its members had overfished the bay");
    assert!(s[1].1.starts_with("catches had fallen"));
    let mods: Vec<Modality> = out.claims.iter().map(|c| c.modality).collect();
    assert_eq!(mods, vec![Modality::Denied, Modality::Reported]);
    assert_eq!(out.quantities[0].measure.as_deref(), Some("decrease"));
}

#[test]
fn non_speech_objects_and_negated_wh_are_not_quotes() {
    for t in [
        "Veldt Airways reported a net loss of 310 million euros for the first half.",
        "The minister did not say how the gap would be closed.",
        "Detective Inspector Sara Quinn urged anyone with information to come forward.",
    ] {
        let (doc, out) = run(t);
        assert!(out.quotes.is_empty(), "{t}: {:?}", speakers(&doc, &out));
    }
}

#[test]
fn parenthetical_according_to_keeps_subject_and_predicate() {
    let (doc, out) =
        run("The attack, according to a senior police officer, had been planned for months.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, "a senior police officer");
    assert!(s[0].1.contains("had been planned"), "{s:?}");
}

#[test]
fn closing_quote_after_full_stop_ends_the_sentence() {
    let (doc, out) = run(
        "“We will not raise taxes,” the finance minister, Leila Hosseini, told parliament, “and we will not cut pensions.” Hosseini said the deficit would fall.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 3, "{s:?}");
    assert_eq!(s[0].0, "Leila Hosseini");
    assert!(s[2].1.starts_with("the deficit would fall"));
    // a bare post-quote attribution still attaches
    assert_eq!(only_speaker("“It is over.” Smith said."), "Smith");
}

#[test]
fn given_names_decide_pronoun_gender() {
    let (doc, out) = run(
        "Maria Costa met the chief executive, Paul Varga, on Tuesday. Costa said staff were exhausted. He said the hospital had hired 140 nurses.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Paul Varga");
}

#[test]
fn quantity_conventions_round5() {
    let q =
        qty("The central bank may act, although two of the nine policymakers may vote for a cut.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].value, Some(2.0));
    assert!(qty("The two leaders met in Brussels on Monday.").is_empty());
    let q = qty("The company will cut about 1,500 jobs, two people familiar with the plan said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].measure, None);
    let q = qty("Unemployment rose to 18 per cent last quarter.");
    assert_eq!(q[0].measure, None);
    let q = qty("The drug could cut the risk of a second stroke by up to 30 per cent.");
    assert_eq!(q[0].measure.as_deref(), Some("decrease"));
    let q = qty("The families of the nine workers who died are still waiting.");
    assert_eq!(q[0].measure.as_deref(), Some("killed"));
}

#[test]
fn citing_a_reason_is_not_evidence() {
    let (_, out) =
        run("Shares fell 12% after the carmaker cut its forecast, citing weaker demand in Asia.");
    assert_eq!(out.claims[0].evidence, Evidence::Unstated);
    let (_, out) = run(
        "The ministry overpaid by millions, the newspaper reported, citing documents it had seen.",
    );
    assert_eq!(out.claims[0].evidence, Evidence::Cited);
    let (_, out) =
        run("A: Yes. We have data from more than 200,000 children and the side effects are mild.");
    assert!(out.claims.iter().any(|c| c.evidence == Evidence::Cited));
}

#[test]
fn bare_second_count_takes_the_first_counts_measure() {
    let q = qty("More than 800 people were detained, the group said, while the authorities put the figure at fewer than 300.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].measure.as_deref(), Some("detained"));
    // a level after a change is not inherited
    let q = qty("Fuel costs rose by 15% in a week, to 120.");
    assert!(q.iter().all(|x| x.measure.as_deref() != Some("detained")));
}

#[test]
fn dash_attribution_inside_quote_is_not_content() {
    let (doc, out) = run(
        "The envoy, Omar Lind, spoke on Monday. “Accordingly – Lind continues – the talks will resume in June.”",
    );
    let s = speakers(&doc, &out);
    assert_eq!(
        s,
        vec![(
            "Lind".to_string(),
            "the talks will resume in June.".to_string()
        )]
    );
    // a long first half is a quote of its own
    let (doc, out) =
        run("“We have waited long enough – Lind continues – and the talks must resume.”");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().all(|(sp, _)| sp == "Lind"), "{s:?}");
    assert_eq!(s[0].1, "We have waited long enough");
}

#[test]
fn dash_line_before_quote_names_the_speaker() {
    let (doc, out) = run(
        "“We counted 40 violations,” said Colonel Ivo Brandt.\n\n– Brandt continues –\n\n“Most came from the east. We informed the observers.”",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Brandt");
}

#[test]
fn as_x_put_it() {
    assert_eq!(
        only_speaker("As one farmer put it to me, “They took the water and left us the dust.”"),
        "one farmer"
    );
    assert_eq!(
        only_speaker("Lena Ortiz has led the union for years. “The mills grew rich and we grew poor,” as she put it in an interview."),
        "Lena Ortiz"
    );
}

#[test]
fn in_the_opinion_of_and_likens() {
    assert_eq!(
        only_speaker(
            "In the opinion of the historian Pavel Rusk, the treaty was signed too late to matter."
        ),
        "the historian Pavel Rusk"
    );
    assert_eq!(
        only_speaker(
            "In the words of the chief engineer, Ada Vosk, the bridge can carry twice the load."
        ),
        "Ada Vosk"
    );
    let (doc, out) = run("Rusk likens the campaign to “a candle that burns out in a minute”.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "Rusk");
}

#[test]
fn it_and_they_take_an_organisation_antecedent() {
    let (doc, out) = run(
        "The central bank raised its key rate on Friday. Governor Elena Marchetti said the move was needed. It warned that further increases could follow.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "The central bank");
    let (doc, out) = run(
        "The state railway company Velo said ticket sales had risen. It said passengers were returning after the strikes.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s[1].0.ends_with("Velo"), "{s:?}");
    let (doc, out) = run(
        "Two rights groups published a joint report on Thursday. They said at least 58 migrants had died since January.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "Two rights groups");
    // no organisation before: "They" stays as written
    assert_eq!(only_speaker("They say the dam is safe."), "They");
}

#[test]
fn pronoun_in_second_conjunct_is_the_first_subject() {
    let (doc, out) = run(
        "Marta Kos wrote to us.\n\nMy cousin drives for the company and she says only 12 have been ordered.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "My cousin");
}

#[test]
fn possessive_subject_and_base_form_cues() {
    assert_eq!(
        only_speaker("The council's own report says 312 bridges need urgent repair."),
        "The council's own report"
    );
    assert_eq!(
        only_speaker("Observers note that turnout was just under 31 percent."),
        "Observers"
    );
    let (doc, out) = run("Many of them accuse the company of hiding the true scale of the leak.");
    assert_eq!(speakers(&doc, &out).len(), 1);
}

#[test]
fn passive_dismissed_is_not_a_denial() {
    assert_eq!(
        modality("A source said around 600 officers had been dismissed since the spring."),
        Modality::Reported
    );
    assert_eq!(
        modality("The ministry dismissed the report as a fabrication."),
        Modality::Denied
    );
}

#[test]
fn round7_quantities() {
    let q = qty("Flooding has forced half a million people from their homes.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].value, Some(500_000.0));
    assert_eq!(q[0].measure.as_deref(), Some("displaced"));
    let q = qty("He said inflation would fall below 6 percent by the end of the year.");
    assert_eq!(q[0].measure, None);
    assert_eq!(q[0].qualifier, Qualifier::Under);
    let q = qty("The plan is to raise the minimum wage by 10 percent.");
    assert_eq!(q[0].measure.as_deref(), Some("increase"));
    let q = qty("The levy would raise £2.4 billion over five years.");
    assert_eq!(q[0].measure, None);
    let q = qty("The damage could exceed $1.2bn.");
    assert_eq!(q[0].qualifier, Qualifier::Over);
    assert_eq!(q[0].low, Some(1.2e9));
}

#[test]
fn dash_participle_after_addressee_and_change_noun() {
    let (doc, out) = run(
        "“We will not sign anything,” the envoy, Ruslan Orr, told journalists – adding that the next round could take place in May.",
    );
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Ruslan Orr");
    assert_eq!(s[1].1, "the next round could take place in May");
    let q = qty("The carrier reported a 7 percent drop in passengers.");
    assert_eq!(q[0].measure.as_deref(), Some("decrease"));
    let (doc, out) = run("The IMF welcomed the plan. It said the target was realistic.");
    let s = speakers(&doc, &out);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "The IMF");
}
