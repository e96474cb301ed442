use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// Thursday 13 January 2022.
fn thu() -> Option<NaiveDate> {
    d(2022, 1, 13)
}

fn all(text: &str, doc: Option<NaiveDate>) -> Vec<Timex> {
    recognize(text, &[], doc)
}

/// (text of expression, value) pairs.
fn run(text: &str, doc: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
    all(text, doc)
        .into_iter()
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.value))
        .collect()
}

/// The single expression in `text`: (extent, value).
fn one(text: &str, doc: Option<NaiveDate>) -> (String, String) {
    let r = run(text, doc);
    assert_eq!(r.len(), 1, "{text:?} -> {r:?}");
    let (s, v) = r.into_iter().next().unwrap();
    (s, v.unwrap_or_else(|| "<none>".into()))
}

fn check(text: &str, doc: Option<NaiveDate>, extent: &str, value: &str) {
    assert_eq!(
        one(text, doc),
        (extent.to_string(), value.to_string()),
        "in {text:?}"
    );
}

fn full(text: &str, doc: Option<NaiveDate>) -> Timex {
    let r = all(text, doc);
    assert_eq!(r.len(), 1, "{text:?} -> {r:?}");
    r.into_iter().next().unwrap()
}

#[test]
fn brief_examples() {
    check(
        "He said it happened on Tuesday.",
        thu(),
        "Tuesday",
        "2022-01-11",
    );
    check(
        "Talks are set for week 2 of 2022.",
        thu(),
        "week 2 of 2022",
        "2022-W02",
    );
    check(
        "It began in March last year.",
        thu(),
        "March last year",
        "2021-03",
    );
    let t = full("It happened yesterday.", None);
    assert_eq!(t.value, None);
    assert_eq!(t.anchor, Anchor::Unresolved);
}

#[test]
fn absolute_dates() {
    for (text, ext) in [
        ("It began on 7 January 2022.", "7 January 2022"),
        ("It began on January 7, 2022.", "January 7, 2022"),
        ("It began on January 7th, 2022.", "January 7th, 2022"),
        ("It began on 7th of January 2022.", "7th of January 2022"),
        ("It began on 2022-01-07.", "2022-01-07"),
        (
            "It began on Friday, January 7, 2022.",
            "Friday, January 7, 2022",
        ),
        ("It began on 13/1/2022.", ""),
    ] {
        if ext.is_empty() {
            continue;
        }
        let t = full(text, thu());
        assert_eq!(&text[t.span.start..t.span.end], ext);
        assert_eq!(t.value.as_deref(), Some("2022-01-07"), "{text}");
        assert_eq!(t.anchor, Anchor::Absolute);
        assert_eq!(t.precision, Some(Precision::Day));
        assert_eq!(t.kind, TimexType::Date);
    }
    check(
        "Filed 13/1/2022 in court.",
        thu(),
        "13/1/2022",
        "2022-01-13",
    );
    check(
        "Filed 1/13/2022 in court.",
        thu(),
        "1/13/2022",
        "2022-01-13",
    );
    // ambiguous slashes read US style (documented)
    check("Filed 7/1/2022 in court.", thu(), "7/1/2022", "2022-07-01");
    check(
        "Filed 13.01.2022 in court.",
        thu(),
        "13.01.2022",
        "2022-01-13",
    );
    check(
        "The record of 1998-02-30 is void, see 2022-W02.",
        thu(),
        "2022-W02",
        "2022-W02",
    );
    check("Prices rose in 2021-08.", thu(), "2021-08", "2021-08");
}

#[test]
fn dates_without_year_use_document_date() {
    let t = full("Officials said on Jan. 7 that order was restored.", thu());
    assert_eq!(t.value.as_deref(), Some("2022-01-07"));
    assert_eq!(t.anchor, Anchor::Document);
    check("They met on January 10.", thu(), "January 10", "2022-01-10");
    // a month after the document date in a past-tense clause belongs to last year
    check(
        "The deal was signed in December.",
        thu(),
        "December",
        "2021-12",
    );
    check(
        "Elections will be held on May 5.",
        thu(),
        "May 5",
        "2022-05-05",
    );
    check("It happened last March.", thu(), "last March", "2021-03");
    check("It will happen next March.", thu(), "next March", "2022-03");
    let t = full("They met on January 10.", None);
    assert_eq!((t.value, t.anchor), (None, Anchor::Unresolved));
}

#[test]
fn partial_dates() {
    check(
        "Prices rose in August 2021.",
        thu(),
        "August 2021",
        "2021-08",
    );
    check("It was built in 2019.", thu(), "2019", "2019");
    check("Born in the 1990s, he left.", thu(), "the 1990s", "199");
    check("Growth slowed by mid-2021.", thu(), "mid-2021", "2021");
    check(
        "Protests began in early January.",
        thu(),
        "early January",
        "2022-01",
    );
    check(
        "It dates from the 20th century.",
        thu(),
        "the 20th century",
        "19",
    );
    check("Profit rose in Q3 2021.", thu(), "Q3 2021", "2021-Q3");
    check(
        "Profit rose in the third quarter of 2021.",
        thu(),
        "the third quarter of 2021",
        "2021-Q3",
    );
    check(
        "Sales fell in the first half of 2021.",
        thu(),
        "the first half of 2021",
        "2021-H1",
    );
    check(
        "It happened in nineteen ninety-six.",
        thu(),
        "nineteen ninety-six",
        "1996",
    );
    check(
        "Sales fell in December, 2019.",
        thu(),
        "December, 2019",
        "2019-12",
    );
    check(
        "The post-1959 politics changed.",
        thu(),
        "post-1959",
        "1959",
    );
    check(
        "Police described the October attack.",
        thu(),
        "October",
        "2021-10",
    );
    check(
        "They partied on New Year's Eve.",
        thu(),
        "New Year's Eve",
        "2021-12-31",
    );
    let t = full("It was built in 2019.", thu());
    assert_eq!(
        (t.anchor, t.precision),
        (Anchor::Absolute, Some(Precision::Year))
    );
}

#[test]
fn weekdays_follow_tense() {
    // past tense: the most recent one
    check(
        "Police arrested him on Tuesday.",
        thu(),
        "Tuesday",
        "2022-01-11",
    );
    check(
        "The minister will visit on Friday.",
        thu(),
        "Friday",
        "2022-01-14",
    );
    check(
        "They met last Wednesday.",
        thu(),
        "last Wednesday",
        "2022-01-12",
    );
    check(
        "They meet next Wednesday.",
        thu(),
        "next Wednesday",
        "2022-01-19",
    );
    // the document's own weekday in a past clause is the document date
    check("Troops arrived Thursday.", thu(), "Thursday", "2022-01-13");
    let t = full("Shots were heard late Wednesday evening.", thu());
    assert_eq!(
        t.span.get("Shots were heard late Wednesday evening."),
        Some("late Wednesday evening")
    );
    assert_eq!(t.value.as_deref(), Some("2022-01-12TEV"));
    assert_eq!(t.kind, TimexType::Date);
    check(
        "She will speak on Friday morning.",
        thu(),
        "Friday morning",
        "2022-01-14TMO",
    );
    check("He spoke tonight.", thu(), "tonight", "2022-01-13TNI");
    check(
        "He spoke this morning.",
        thu(),
        "this morning",
        "2022-01-13TMO",
    );
    check(
        "He spoke Tuesday's session.",
        thu(),
        "Tuesday",
        "2022-01-11",
    );
}

#[test]
fn times() {
    check(
        "The curfew starts at 3:15 pm.",
        thu(),
        "3:15 pm",
        "2022-01-13T15:15",
    );
    check(
        "The curfew starts at 10 p.m. sharp.",
        thu(),
        "10 p.m.",
        "2022-01-13T22:00",
    );
    check("They met at noon.", thu(), "noon", "2022-01-13T12:00");
    check(
        "They met at 15:30 GMT.",
        thu(),
        "15:30 GMT",
        "2022-01-13T15:30",
    );
    // a time right after a named day belongs to that day
    let r = run("Police arrived on Tuesday at 6 a.m. sharp.", thu());
    assert_eq!(
        r[1],
        ("6 a.m.".to_string(), Some("2022-01-11T06:00".to_string()))
    );
    // a date right after the time gives its day
    let r = run(
        "The offer runs until 5 p.m. EST Nov. 9, the firm said.",
        thu(),
    );
    assert_eq!(
        r[0],
        (
            "5 p.m. EST".to_string(),
            Some("2021-11-09T17:00".to_string())
        )
    );
    let t = full("They met at noon.", None);
    assert_eq!(t.value, None);
}

#[test]
fn relative_expressions() {
    let doc = thu();
    check("It happened today.", doc, "today", "2022-01-13");
    check("It happened yesterday.", doc, "yesterday", "2022-01-12");
    check("It happens tomorrow.", doc, "tomorrow", "2022-01-14");
    check("It happened last week.", doc, "last week", "2022-W01");
    check("It happens next month.", doc, "next month", "2022-02");
    check(
        "Protests this past week spread.",
        doc,
        "this past week",
        "2022-W01",
    );
    check(
        "They gathered over the weekend.",
        doc,
        "the weekend",
        "2022-W01-WE",
    );
    check(
        "It began a few months ago.",
        doc,
        "a few months ago",
        "PAST_REF",
    );
    check(
        "It began earlier this month.",
        doc,
        "earlier this month",
        "2022-01",
    );
    check("Inflation rose this year.", doc, "this year", "2022");
    check("Inflation rose last year.", doc, "last year", "2021");
    check("It was quiet in recent days.", doc, "recent days", "PXD");
    check("Prices are now high.", doc, "now", "PRESENT_REF");
    check("He is currently abroad.", doc, "currently", "PRESENT_REF");
    check("He recently left.", doc, "recently", "PAST_REF");
    check(
        "It happened three weeks ago.",
        doc,
        "three weeks ago",
        "2021-W51",
    );
    let t = full("Prices are now high.", None);
    assert_eq!(
        (t.value.as_deref(), t.anchor),
        (Some("PRESENT_REF"), Anchor::Unresolved)
    );
    let t = full("It happened last week.", None);
    assert_eq!((t.value, t.anchor), (None, Anchor::Unresolved));
}

#[test]
fn anaphoric_expressions_lean_on_the_last_date() {
    let text = "Protests began on 4 January 2022. Two days later, troops arrived. \
                The following day the airport reopened.";
    let r = run(text, thu());
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[1], ("Two days later".into(), Some("2022-01-06".into())));
    assert_eq!(
        r[2],
        ("The following day".into(), Some("2022-01-07".into()))
    );
    let r = run(
        "The vote was held on 10 March 2020, two days earlier than planned.",
        None,
    );
    assert_eq!(r[1], ("two days earlier".into(), Some("2020-03-08".into())));
    // nothing to lean on: unresolved, never guessed
    let t = full("Two days later, troops arrived.", thu());
    assert_eq!((t.value, t.anchor), (None, Anchor::Unresolved));
    check("The year 1999 ended.", None, "1999", "1999");
}

#[test]
fn holidays_and_weeks() {
    check(
        "Shops closed on New Year's Day.",
        thu(),
        "New Year's Day",
        "2022-01-01",
    );
    check(
        "They met on Christmas Eve.",
        thu(),
        "Christmas Eve",
        "2021-12-24",
    );
    check(
        "They met on Christmas Day 2020.",
        thu(),
        "Christmas Day 2020",
        "2020-12-25",
    );
    check("The team met in week 2.", thu(), "week 2", "2022-W02");
    // movable holidays: the nth weekday of the month, in the year inferred
    check(
        "The boat was found on Thanksgiving Day.",
        thu(),
        "Thanksgiving Day",
        "2021-11-25",
    );
    check(
        "Parades were held on Labor Day 2020.",
        thu(),
        "Labor Day 2020",
        "2020-09-07",
    );
    check(
        "Flags flew on Memorial Day 2021.",
        thu(),
        "Memorial Day 2021",
        "2021-05-31",
    );
    assert!(run("He joined the Labor party.", thu()).is_empty());
}

#[test]
fn month_without_cue_leans_past() {
    // June 2022 is nearer to the document date, but with no cue news reports the past
    check("The figure for June: 5%", thu(), "June", "2021-06");
    // a month just ahead stays ahead
    check("The figure for February: 5%", thu(), "February", "2022-02");
}

#[test]
fn bare_clock_time_follows_day_in_focus() {
    let r = run("He spoke on Tuesday. At 3 p.m. the talks ended.", thu());
    assert_eq!(
        r.last().and_then(|x| x.1.clone()).as_deref(),
        Some("2022-01-11T15:00")
    );
    check(
        "He arrived at 3 p.m. sharp.",
        thu(),
        "3 p.m.",
        "2022-01-13T15:00",
    );
}

#[test]
fn year_earlier_comparisons() {
    // "a year-earlier loss" is a point, never the duration "a year"
    let r = run("It compared with a year-earlier loss of $5.", thu());
    assert_eq!(
        r,
        vec![("year-earlier".to_string(), Some("2021".to_string()))]
    );
    // a year already one back is the comparison itself, not a further year back
    let r = run(
        "It lost $5 in the 2021 period. The year-ago results were restated.",
        thu(),
    );
    assert_eq!(r.last().and_then(|x| x.1.clone()).as_deref(), Some("2021"));
    // an older year still anchors a narrative "a year earlier"
    let r = run("He moved in 2015. A year earlier he had married.", thu());
    assert_eq!(r.last().and_then(|x| x.1.clone()).as_deref(), Some("2014"));
}

#[test]
fn ranges_emit_parts() {
    let r = run("Flights stopped between 4 and 6 January.", thu());
    assert_eq!(
        r,
        vec![
            ("4".into(), Some("2022-01-04".into())),
            ("6 January".into(), Some("2022-01-06".into()))
        ]
    );
    let r = run("Flights stopped January 4-6.", thu());
    assert_eq!(
        r,
        vec![
            ("January 4".into(), Some("2022-01-04".into())),
            ("6".into(), Some("2022-01-06".into()))
        ]
    );
    let r = run("He ruled from 2007 to 2012.", thu());
    assert_eq!(
        r,
        vec![
            ("2007".into(), Some("2007".into())),
            ("2012".into(), Some("2012".into()))
        ]
    );
}

#[test]
fn durations() {
    let t = full("A state of emergency for 180 days was declared.", thu());
    assert_eq!(
        (t.kind, t.value.as_deref(), t.anchor),
        (TimexType::Duration, Some("P180D"), Anchor::Absolute)
    );
    assert_eq!(t.precision, None);
    check(
        "He ruled for three decades.",
        thu(),
        "three decades",
        "P30Y",
    );
    check("It took decades.", thu(), "decades", "PXY");
    check("He ruled for 30 years.", thu(), "30 years", "P30Y");
    check("It lasted two weeks.", thu(), "two weeks", "P2W");
    check("It lasted several days.", thu(), "several days", "PXD");
    check("It lasted a five-hour meeting.", thu(), "five-hour", "PT5H");
    check(
        "Prices rose over the past two months.",
        thu(),
        "the past two months",
        "P2M",
    );
    check(
        "It lasted at least 72 hours.",
        thu(),
        "at least 72 hours",
        "PT72H",
    );
    check(
        "It lasted twenty-four hours.",
        thu(),
        "twenty-four hours",
        "PT24H",
    );
    check("He waited for years.", thu(), "years", "PXY");
    check(
        "They lived there for 2 1/2 years.",
        thu(),
        "2 1/2 years",
        "P2Y6M",
    );
}

#[test]
fn sets() {
    let t = full("They protest every Monday.", thu());
    assert_eq!(
        (t.kind, t.value.as_deref()),
        (TimexType::Set, Some("XXXX-WXX-1"))
    );
    check("The paper appears daily.", thu(), "daily", "P1D");
    check("It is held each year.", thu(), "each year", "P1Y");
    check("It costs $5 a month.", thu(), "a month", "P1M");
    check(
        "They meet every two weeks.",
        thu(),
        "every two weeks",
        "P2W",
    );
}

#[test]
fn false_positives() {
    for text in [
        "You may go now if you may.",
        "It is the 75th anniversary of the republic.",
        "We went there and we did well.",
        "They march to the square. Protesters march again.",
        "It was the second time he tried; wait a second.",
        "Some 1500 people and 2000 troops were there.",
        "A 6-year-old boy and his 52-year-old father.",
        "May God help us.",
        "The Christmas Island territory.",
        "It rose 12.5 percent to 3,000 units.",
        "Call 555-1234 or see page 12.",
        "three-quarters of the votes",
    ] {
        let r = run(text, thu());
        let bad: Vec<_> = r
            .iter()
            .filter(|(s, _)| !matches!(s.as_str(), "now"))
            .collect();
        assert!(bad.is_empty(), "{text:?} -> {bad:?}");
    }
    // May the month, not the modal
    check("Elections are due in May.", thu(), "May", "2022-05");
    check("It was founded in May 2021.", thu(), "May 2021", "2021-05");
}

#[test]
fn regions_limit_the_search() {
    let text = "Yesterday it rained. On Tuesday it snowed.";
    let r = recognize(text, &[Span::new(21, text.len())], thu());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].span.get(text), Some("Tuesday"));
    // a bad region is skipped, not a panic
    assert!(recognize(text, &[Span::new(5, 500)], thu()).is_empty());
}

#[test]
fn names_and_strings() {
    assert_eq!(TimexType::Duration.as_str(), "DURATION");
    assert_eq!(TimexType::Set.as_str(), "SET");
    assert_eq!(Anchor::Document.as_str(), "document");
    assert_eq!(Anchor::Unresolved.as_str(), "unresolved");
    assert_eq!(Precision::Week.as_str(), "week");
}

/// Seeds: no modal "may" as a date; "week N of YYYY" phrases are found.
#[test]
fn seed_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("seeds absent, skipped");
        return;
    };
    let doc = d(2022, 1, 10);
    let mut files = 0;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        files += 1;
        let r = recognize(&text, &[], doc);
        for t in &r {
            let s = t.span.get(&text).expect("span on char boundaries");
            assert!(
                !s.eq_ignore_ascii_case("may"),
                "modal may in {}",
                p.display()
            );
        }
        // every "week N of YYYY" in the text is recognised with its ISO week
        let low = text.to_ascii_lowercase();
        let mut from = 0;
        while let Some(pos) = low[from..].find("week ") {
            let at = from + pos;
            from = at + 5;
            let rest = &low[at + 5..];
            let num: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if num.is_empty() || !rest[num.len()..].starts_with(" of 20") {
                continue;
            }
            let year = &rest[num.len() + 4..num.len() + 8];
            let want = format!("{year}-W{:02}", num.parse::<u32>().unwrap());
            assert!(
                r.iter()
                    .any(|t| t.span.start == at && t.value.as_deref() == Some(want.as_str())),
                "missed week phrase at {at} in {}",
                p.display()
            );
        }
    }
    eprintln!("{files} seed files checked");
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(s in "\\PC{0,200}", a in 0usize..220, b in 0usize..220) {
        let (a, b) = (a.min(b), a.max(b));
        let region = Span::new(a, b);
        let r = recognize(&s, &[region], thu());
        for t in &r {
            prop_assert!(t.span.check(&s).is_ok());
            prop_assert!(region.contains(&t.span));
            prop_assert!(!t.span.is_empty());
        }
        let _ = recognize(&s, &[], None);
    }

    #[test]
    fn date_like_noise_never_panics(
        words in proptest::collection::vec(
            prop_oneof![
                Just("May"), Just("the"), Just("1990s"), Just("-"), Just("'"), Just("s"), Just("week"),
                Just("2"), Just("of"), Just("2022"), Just("last"), Just("next"), Just("Tuesday"),
                Just("31"), Just("/"), Just("."), Just(":"), Just("p.m."), Just("a"), Just("year"),
                Just("ago"), Just("later"), Just("é"), Just("Q"), Just("3"), Just("early"), Just("every"),
                Just("999999999"), Just("days"), Just("decades"), Just("centuries"), Just("earlier"),
                Just("a.m."), Just("12"), Just("fiscal"), Just("quarter"), Just("third"), Just(","),
            ],
            0..30,
        ),
        glue in proptest::collection::vec(any::<bool>(), 30),
        doc in proptest::option::of(0i64..40000),
    ) {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && !glue[i] {
                s.push(' ');
            }
            s.push_str(w);
        }
        let doc = doc.and_then(|n| NaiveDate::from_ymd_opt(1900, 1, 1)?.checked_add_signed(chrono::Duration::days(n)));
        for t in recognize(&s, &[], doc) {
            prop_assert!(t.span.check(&s).is_ok());
        }
    }
}
