//! Snapshot and safety tests of the renderings on a small hand-made brief.

use crosscheck_brief::*;

fn hostile() -> &'static str {
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) \u{202E}evil"
}

fn sample() -> Brief {
    let text = format!(
        "Officials said 12 people died in Port Vell on Tuesday. {}",
        hostile()
    );
    let doc = |id: &str, date: &str| DocumentOut {
        id: id.into(),
        title: Some(format!("Report {id}")),
        outlet: Some("The Example Times".into()),
        published: Some(date.into()),
        date_source: "input".into(),
        language: Some("en".into()),
        status: "analyzed".into(),
        segments: vec![SegmentOut {
            kind: "body".into(),
            start: 0,
            end: text.len(),
            author: None,
        }],
        text: Some(text.clone()),
        ..Default::default()
    };
    let claim = |id: &str, d: &str| Claim {
        id: id.into(),
        doc: d.into(),
        start: 0,
        end: 54,
        text: "Officials said 12 people died in Port Vell on Tuesday.".into(),
        voice: "quoted".into(),
        speaker: Some(Speaker {
            text: "Officials".into(),
            entity: None,
        }),
        modality: "reported".into(),
        evidence: "unstated".into(),
        entities: vec!["e1".into()],
        date: Some("2024-03-05".into()),
        loaded_terms: vec![],
    };
    Brief {
        documents: vec![doc("a.txt", "2024-03-07"), doc("b.txt", "2024-03-09")],
        entities: vec![Entity {
            id: "e1".into(),
            name: "Port Vell".into(),
            kind: "GPE".into(),
            aliases: vec![hostile().into()],
            mentions: vec![Mention {
                doc: "a.txt".into(),
                start: 33,
                end: 42,
                text: "Port Vell".into(),
            }],
            possible_same_as: vec![],
            mentions_per_doc: Default::default(),
            refers_to: None,
            related: vec![],
        }],
        claims: vec![claim("c1", "a.txt"), claim("c2", "b.txt")],
        propositions: vec![Proposition {
            id: "p1".into(),
            summary: hostile().into(),
            claims: vec!["c1".into(), "c2".into()],
            stances: vec![
                Stance {
                    doc: "a.txt".into(),
                    stance: "supports".into(),
                    comment: false,
                    hedged: false,
                    evidence: None,
                },
                Stance {
                    doc: "b.txt".into(),
                    stance: "disputes".into(),
                    comment: false,
                    hedged: true,
                    evidence: Some("noted-missing".into()),
                },
            ],
            status: "contested".into(),
        }],
        discrepancies: vec![Discrepancy {
            kind: "quantity".into(),
            measure: "killed".into(),
            values: vec![
                DiscrepancyValue {
                    value: "12".into(),
                    docs: vec!["a.txt".into()],
                    reported: Some("2024-03-07".into()),
                    mentions: vec![],
                },
                DiscrepancyValue {
                    value: "at least 30".into(),
                    docs: vec!["b.txt".into()],
                    reported: Some("2024-03-09".into()),
                    mentions: vec![],
                },
            ],
            trend: Some("rising".into()),
        }],
        timeline: vec![TimelineEvent {
            date: "2024-03-05".into(),
            precision: "day".into(),
            summary: "12 people died".into(),
            mentions: vec![SpanRef {
                doc: "a.txt".into(),
                start: 45,
                end: 52,
            }],
            entities: vec!["e1".into()],
        }],
        ..Default::default()
    }
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(crosscheck_report::render_markdown(&sample()));
}

#[test]
fn html_renders_hostile_text_inert() {
    let html = crosscheck_report::render_html(&sample());
    // Our one script, no other.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<img"));
    // No tag carries an event-handler attribute.
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("");
        assert!(!inside.contains(" on"), "event handler in <{inside}>");
    }
    assert!(!html.contains('\u{202E}'));
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("Content-Security-Policy"));
    // Sections exist.
    for id in [
        "agreed", "disputed", "single", "matrix", "numbers", "whos-who", "timeline", "quotes",
        "sources",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\"")),
            "missing section {id}"
        );
    }
    // Provenance: the cited span is highlighted in its sentence.
    assert!(html.contains("<mark>Port Vell</mark>"));
}

#[test]
fn html_is_self_contained() {
    let html = crosscheck_report::render_html(&sample());
    for bad in ["http://", "https://", "src=\"//", "@import"] {
        assert!(!html.contains(bad), "external reference {bad}");
    }
}
