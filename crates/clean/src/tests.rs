use super::*;
use proptest::prelude::*;
use std::path::PathBuf;

fn kinds<'a>(text: &'a str, segs: &[Segment], kind: SegmentKind) -> Vec<&'a str> {
    segs.iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.span.get(text).unwrap())
        .collect()
}

fn check_invariants(text: &str, segs: &[Segment]) {
    let mut prev_end = 0;
    for s in segs {
        assert!(s.span.check(text).is_ok(), "bad span {:?}", s.span);
        assert!(s.span.start >= prev_end, "overlap at {:?}", s.span);
        assert!(!s.span.is_empty());
        let t = s.span.get(text).unwrap();
        assert_eq!(t, t.trim(), "untrimmed segment");
        prev_end = s.span.end;
    }
}

const BLOG: &str = "Saturday, March 6, 2021

Why the harbour strike matters

Posted by Marta Lind

The dock workers of Port Averne have now been out for nine days, and the ministry still refuses to talk. Nobody expected the stoppage to last this long.

Riot police form a line outside the container terminal. Pic: Example Wire

I think the government has misread the mood, and the union knows it.

Share this:

Twitter
Facebook
Email

Like this:

Like Loading...

Marta Lind

12 comments:

Anonymous said...

Great post, but you left out the fuel subsidy.

3/6/21 4:10 PM

Tom Birch said...

The union leader said the same thing on the radio.

It will not end soon.

3/6/21 5:02 PM

I disagree with both of you. said...

Nobody in the capital cares about the port.

3/7/21 9:15 AM

Post a Comment

Newer Post Older Post Home
";

#[test]
fn blog_page_with_comments() {
    let segs = segment(BLOG);
    check_invariants(BLOG, &segs);
    assert_eq!(
        kinds(BLOG, &segs, SegmentKind::Title),
        vec!["Why the harbour strike matters"]
    );
    assert_eq!(
        kinds(BLOG, &segs, SegmentKind::Dateline),
        vec!["Saturday, March 6, 2021"]
    );
    let bylines: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Byline)
        .collect();
    assert_eq!(bylines.len(), 2, "{segs:#?}");
    assert_eq!(bylines[0].author.as_deref(), Some("Marta Lind"));
    assert_eq!(kinds(BLOG, &segs, SegmentKind::Caption).len(), 1);
    let body = kinds(BLOG, &segs, SegmentKind::Body);
    assert_eq!(body.len(), 2, "{body:#?}");
    for b in &body {
        assert!(!b.contains("said..."));
        assert!(!b.contains("Share this"));
        assert!(!b.contains("Pic:"));
    }
    let comments: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Comment)
        .collect();
    assert_eq!(comments.len(), 4, "{comments:#?}");
    assert_eq!(comments[0].author.as_deref(), Some("Anonymous"));
    assert_eq!(comments[1].author.as_deref(), Some("Tom Birch"));
    assert!(comments[1]
        .span
        .get(BLOG)
        .unwrap()
        .ends_with("It will not end soon."));
    assert_eq!(
        comments[2].span.get(BLOG).unwrap(),
        "I disagree with both of you."
    );
    assert_eq!(comments[3].author, None);
    let boiler = kinds(BLOG, &segs, SegmentKind::Boilerplate).join("\n");
    assert!(boiler.contains("Post a Comment"));
    assert!(boiler.contains("Newer Post"));
}

const WORDPRESS: &str = "Port strike: what the ministry is not telling you

By Jane Roe

AVERNE, May 2 (Example Wire) - Dockers at the eastern terminal walked out on Tuesday, according to the union, and the strike spread to two other ports by evening.

Editor's Note: This article was updated to correct the name of the terminal.

The ministry said the stoppage was illegal.

  1. This is exactly what happened in 2015, nobody learns anything from history. The government will blame foreigners again.

    Liked by 4 people

    • I am not so sure, the union has changed its leadership since then.

      Liked by 1 person

  2. Thanks for writing this.

    Reply

Leave a Reply

Fill in your details below or click an icon to log in:

Example Logo

You are commenting using your Example account. ( Log Out /  Change )

Connecting to %s

Notify me of new comments via email.
";

#[test]
fn wordpress_numbered_comments_and_form() {
    let segs = segment(WORDPRESS);
    check_invariants(WORDPRESS, &segs);
    assert_eq!(kinds(WORDPRESS, &segs, SegmentKind::Title).len(), 1);
    let byl: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Byline)
        .collect();
    assert_eq!(byl[0].author.as_deref(), Some("Jane Roe"));
    assert_eq!(
        kinds(WORDPRESS, &segs, SegmentKind::Dateline),
        vec!["AVERNE, May 2 (Example Wire) -"]
    );
    let body = kinds(WORDPRESS, &segs, SegmentKind::Body);
    assert_eq!(body.len(), 2, "{segs:#?}");
    assert!(body[0].starts_with("Dockers at the eastern terminal"));
    let comments = kinds(WORDPRESS, &segs, SegmentKind::Comment);
    assert_eq!(comments.len(), 3, "{segs:#?}");
    assert!(comments[0].starts_with("This is exactly"));
    assert!(comments[1].starts_with("I am not so sure"));
    assert_eq!(comments[2], "Thanks for writing this.");
    for c in &comments {
        assert!(!c.contains("Liked by"));
    }
    let boiler = kinds(WORDPRESS, &segs, SegmentKind::Boilerplate).join("\n");
    assert!(boiler.contains("Editor's Note"));
    assert!(boiler.contains("Connecting to %s"));
    assert!(boiler.contains("Example Logo"));
}

const FORUM: &str = "Dock strike enters second week

The strike at the port of Averne entered its second week on Monday, with no talks scheduled and the container terminal idle. Shipping lines have begun diverting vessels to neighbouring ports.

3 Comments

Ana Petrova | January 5, 2022 at 3:14 pm

Solidarity with the dockers.

Reply

Kai Moen says:

This is the third strike in two years.

Reply

On January 6, 2022, harbourwatch wrote: They will settle by Friday.
";

#[test]
fn forum_style_comment_headers() {
    let segs = segment(FORUM);
    check_invariants(FORUM, &segs);
    let comments: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Comment)
        .collect();
    let authors: Vec<_> = comments.iter().map(|c| c.author.as_deref()).collect();
    assert_eq!(
        authors,
        vec![Some("Ana Petrova"), Some("Kai Moen"), Some("harbourwatch")],
        "{segs:#?}"
    );
    assert_eq!(
        comments[2].span.get(FORUM).unwrap(),
        "They will settle by Friday."
    );
    let body = kinds(FORUM, &segs, SegmentKind::Body);
    assert_eq!(body.len(), 1);
    assert!(!body[0].contains("Comments"));
}

const DISQUS: &str = "Port reopens after strike

Jane Roe
March 9, 2021

The port of Averne reopened on Tuesday after a two-week strike, and the first container ships were unloaded overnight under police guard, the port authority said.

Kai Moen
• 3 hours ago

Finally. My shop has been empty for two weeks.

Reply

Ana Petrova
March 9, 2021 at 10:15 am

Nothing has been solved, they will strike again in the summer.

Reply
";

#[test]
fn name_and_stamp_lines() {
    let segs = segment(DISQUS);
    check_invariants(DISQUS, &segs);
    let byl: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Byline)
        .collect();
    assert_eq!(byl.len(), 1, "{segs:#?}");
    assert_eq!(byl[0].author.as_deref(), Some("Jane Roe"));
    assert_eq!(
        kinds(DISQUS, &segs, SegmentKind::Dateline),
        vec!["March 9, 2021"]
    );
    let comments: Vec<_> = segs
        .iter()
        .filter(|s| s.kind == SegmentKind::Comment)
        .collect();
    let authors: Vec<_> = comments.iter().map(|c| c.author.as_deref()).collect();
    assert_eq!(
        authors,
        vec![Some("Kai Moen"), Some("Ana Petrova")],
        "{segs:#?}"
    );
    assert_eq!(kinds(DISQUS, &segs, SegmentKind::Body).len(), 1);
}

const NEWS: &str = "Skip to main content
Home | World | Business | Opinion
Subscribe
Sign in

World

Ferry workers strike halts island traffic

Updated 14 April 2023, 10:42 BST

Image caption, Passengers wait at the terminal in Portlow

By Hana Ito
Transport correspondent

Ferry services between the mainland and the islands were suspended on Friday as crews walked out over pay, stranding hundreds of passengers.

The operator said 30 sailings had been cancelled.

Related Topics
Strikes
Transport

More on this story
Rail strike called off
14 hours ago

We use cookies on this site to enhance your user experience. By clicking any link on this page you agree.
";

#[test]
fn news_page_furniture() {
    let segs = segment(NEWS);
    check_invariants(NEWS, &segs);
    assert_eq!(
        kinds(NEWS, &segs, SegmentKind::Title),
        vec!["Ferry workers strike halts island traffic"]
    );
    assert_eq!(
        kinds(NEWS, &segs, SegmentKind::Dateline),
        vec!["Updated 14 April 2023, 10:42 BST"]
    );
    assert_eq!(kinds(NEWS, &segs, SegmentKind::Caption).len(), 1);
    assert_eq!(kinds(NEWS, &segs, SegmentKind::Byline).len(), 2);
    let body = kinds(NEWS, &segs, SegmentKind::Body);
    assert_eq!(body.len(), 2, "{body:#?}");
    assert!(body[0].starts_with("Ferry services"));
    assert_eq!(body[1], "The operator said 30 sailings had been cancelled.");
}

#[test]
fn article_without_comments_is_all_body() {
    let t = "Talks resume\n\nNegotiators met on Friday. The union said the offer was too low.\n\nBoth sides will meet again next week.\n";
    let segs = segment(t);
    check_invariants(t, &segs);
    assert_eq!(kinds(t, &segs, SegmentKind::Title), vec!["Talks resume"]);
    assert_eq!(kinds(t, &segs, SegmentKind::Body).len(), 2);
    assert!(segs.iter().all(|s| s.kind != SegmentKind::Comment));
}

#[test]
fn comment_counter_at_top_does_not_swallow_body() {
    let t = "Strike ends\n\n4 Comments\n\nThe strike ended after talks overnight. Workers will return on Monday.\n";
    let segs = segment(t);
    assert_eq!(kinds(t, &segs, SegmentKind::Body).len(), 1);
    assert!(segs.iter().all(|s| s.kind != SegmentKind::Comment));
}

#[test]
fn empty_and_odd_inputs() {
    assert!(segment("").is_empty());
    assert!(segment("\n\n  \r\n").is_empty());
    let t = "é\u{a0}\r\nsaid...\n";
    check_invariants(t, &segment(t));
}

proptest! {
    #[test]
    fn segments_are_valid(s in "(\\PC{0,30}\n{0,2}){0,12}") {
        let segs = segment(&s);
        let mut prev = 0;
        for seg in &segs {
            prop_assert!(seg.span.check(&s).is_ok());
            prop_assert!(seg.span.start >= prev);
            let t = seg.span.get(&s).unwrap();
            prop_assert_eq!(t, t.trim());
            prev = seg.span.end;
        }
    }

    #[test]
    fn page_like_lines_are_valid(lines in proptest::collection::vec(prop_oneof![
        Just("Anonymous said...".to_string()),
        Just("Leave a Reply".to_string()),
        Just("  1. A comment here that goes on.".to_string()),
        Just("    Liked by 2 people".to_string()),
        Just("1/2/22 3:04 PM".to_string()),
        Just("".to_string()),
        Just("Body text that is long enough to count as an article paragraph, really it is.".to_string()),
        "\\PC{0,40}",
    ], 0..30)) {
        let s = lines.join("\n");
        let segs = segment(&s);
        let mut prev = 0;
        for seg in &segs {
            prop_assert!(seg.span.check(&s).is_ok());
            prop_assert!(seg.span.start >= prev);
            prev = seg.span.end;
        }
    }
}

fn seed(name: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/seeds")
        .join(name);
    std::fs::read_to_string(p).ok()
}

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|n| seed(&n).map(|t| (n, t)))
        .collect()
}

#[test]
fn seeds_keep_boilerplate_and_comments_out_of_body() {
    let all = seeds();
    if all.is_empty() {
        eprintln!("seeds absent: skipped");
        return;
    }
    for (name, text) in &all {
        let segs = segment(text);
        check_invariants(text, &segs);
        assert_eq!(
            kinds(text, &segs, SegmentKind::Title).len(),
            1,
            "{name}: one title"
        );
        let body = kinds(text, &segs, SegmentKind::Body);
        assert!(!body.is_empty(), "{name}");
        let body_len: usize = body.iter().map(|b| b.len()).sum();
        assert!(body_len * 2 > text.len() / 3, "{name}: body too small");
        for b in &body {
            let l = b.to_lowercase();
            for bad in [
                "said...",
                "leave a reply",
                "your email address will not",
                "liked by",
                "you are commenting using",
                "editor’s note",
            ] {
                assert!(!l.contains(bad), "{name}: body contains {bad:?}: {b}");
            }
            assert!(!b.ends_with("Pic: AP"), "{name}: caption in body");
        }
    }
}

#[test]
fn seed_comment_sections_are_found() {
    let all = seeds();
    if all.is_empty() {
        return;
    }
    for (name, text) in &all {
        let segs = segment(text);
        let comments: Vec<_> = segs
            .iter()
            .filter(|s| s.kind == SegmentKind::Comment)
            .collect();
        let has_thread = text.contains("said...") || text.contains("Liked by");
        if has_thread {
            assert!(comments.len() >= 3, "{name}: {} comments", comments.len());
            // Comments come after all body.
            let last_body = segs
                .iter()
                .filter(|s| s.kind == SegmentKind::Body)
                .map(|s| s.span.end)
                .max()
                .unwrap();
            assert!(comments.iter().all(|c| c.span.start > last_body), "{name}");
        } else {
            assert!(comments.is_empty(), "{name}: unexpected comments");
        }
        if text.contains("Anonymous said...") {
            let named = comments
                .iter()
                .filter(|c| c.author.as_deref() == Some("Anonymous"))
                .count();
            assert!(named >= 5, "{name}: authors not captured ({named})");
            // Headers whose name was lost leave author-less comments.
            assert!(comments.iter().any(|c| c.author.is_none()));
        }
    }
}
