use super::*;
use crosscheck_brief::{Claim, DocumentOut, Quantity};
use std::sync::Arc;

pub(crate) fn doc(id: &str, date: &str) -> DocumentOut {
    DocumentOut {
        id: id.into(),
        published: Some(date.into()),
        date_source: "input".into(),
        status: "analyzed".into(),
        ..Default::default()
    }
}

pub(crate) fn claim(
    id: &str,
    doc: &str,
    text: &str,
    voice: &str,
    modality: &str,
    entities: &[&str],
) -> Claim {
    Claim {
        id: id.into(),
        doc: doc.into(),
        start: 0,
        end: text.len(),
        text: text.into(),
        voice: voice.into(),
        speaker: None,
        modality: modality.into(),
        evidence: "unstated".into(),
        entities: entities.iter().map(|e| e.to_string()).collect(),
        date: None,
        loaded_terms: vec![],
    }
}

pub(crate) fn qty(doc: &str, text: &str, value: f64, qualifier: &str, measure: &str) -> Quantity {
    Quantity {
        doc: doc.into(),
        start: 0,
        end: text.len(),
        text: text.into(),
        value: Some(value),
        low: None,
        high: None,
        qualifier: qualifier.into(),
        measure: Some(measure.into()),
        unit: None,
        claim: None,
    }
}

fn story() -> Brief {
    Brief {
        documents: vec![
            doc("a", "2024-03-06"),
            doc("b", "2024-03-07"),
            doc("c", "2024-03-09"),
            doc("d", "2024-03-09"),
        ],
        claims: vec![
            claim(
                "a#c0",
                "a",
                "The protests began after fuel prices doubled in Vell on 1 March.",
                "author",
                "asserted",
                &["e1"],
            ),
            claim(
                "b#c0",
                "b",
                "Protests broke out when fuel prices in Vell doubled overnight.",
                "author",
                "asserted",
                &["e1"],
            ),
            claim(
                "c#c0",
                "c",
                "Fuel prices doubled in Vell, sparking the protests.",
                "author",
                "hedged",
                &["e1"],
            ),
            claim(
                "a#c1",
                "a",
                "Foreign agents organised the unrest in Vell, the interior minister claimed.",
                "quoted",
                "reported",
                &["e1", "e2"],
            ),
            claim(
                "b#c1",
                "b",
                "There is no evidence that foreign agents organised the unrest in Vell.",
                "author",
                "denied",
                &["e1", "e2"],
            ),
            claim(
                "c#c1",
                "c",
                "Foreign agents organised the unrest in Vell with hidden money.",
                "author",
                "asserted",
                &["e1", "e2"],
            ),
            claim(
                "c#c2",
                "c",
                "The harbour master Ilya Brask secretly fled to Ostrava in February.",
                "author",
                "asserted",
                &["e3"],
            ),
            // d copies c: it must count once.
            claim(
                "d#c0",
                "d",
                "Fuel prices doubled in Vell, sparking the protests.",
                "author",
                "asserted",
                &["e1"],
            ),
        ],
        quantities: vec![
            qty("a", "12 people were killed", 12.0, "exact", "killed"),
            qty("b", "at least 30 dead", 30.0, "at-least", "killed"),
            qty("a", "3,000 detained", 3000.0, "exact", "detained"),
            qty("b", "5,800 detained", 5800.0, "exact", "detained"),
            qty(
                "c",
                "about 10,000 people detained",
                10000.0,
                "about",
                "detained",
            ),
        ],
        ..Default::default()
    }
}

fn find<'a>(cc: &'a CrossCheck, claim: &str) -> &'a Proposition {
    cc.propositions
        .iter()
        .find(|p| p.claims.iter().any(|c| c == claim))
        .unwrap_or_else(|| panic!("no proposition holds {claim}: {:#?}", cc.propositions))
}

#[test]
fn agreed_trigger_is_consensus() {
    let cc = cross_check(&story(), &CompareOptions::default());
    let p = find(&cc, "a#c0");
    assert_eq!(p.status, "consensus", "{p:#?}");
    for c in ["b#c0", "c#c0"] {
        assert!(p.claims.iter().any(|x| x == c), "{c} not grouped: {p:#?}");
    }
    let c_stance = p.stances.iter().find(|s| s.doc == "c").unwrap();
    assert_eq!(c_stance.stance, "supports");
    assert!(c_stance.hedged);
}

#[test]
fn foreign_instigation_is_contested_with_sides() {
    let cc = cross_check(&story(), &CompareOptions::default());
    let p = find(&cc, "b#c1");
    assert_eq!(p.status, "contested", "{p:#?}");
    let side = |d: &str| {
        p.stances
            .iter()
            .find(|s| s.doc == d)
            .map(|s| s.stance.as_str())
    };
    assert_eq!(side("b"), Some("disputes"));
    assert_eq!(side("c"), Some("supports"));
    assert_eq!(side("a"), Some("reports"));
}

#[test]
fn lone_claim_is_single_source_and_exclusive() {
    let cc = cross_check(&story(), &CompareOptions::default());
    let p = find(&cc, "c#c2");
    assert_eq!(p.status, "single-source");
    let prof = cc.sources.iter().find(|s| s.doc == "c").unwrap();
    assert!(prof.exclusive_claims.iter().any(|c| c == "c#c2"));
    let prof_a = cc.sources.iter().find(|s| s.doc == "a").unwrap();
    assert!((prof_a.attributed_share - 0.5).abs() < 1e-9);
}

#[test]
fn duplicates_count_once() {
    let mut b = story();
    b.documents[3].duplicate_of = Some("c".into());
    // Only c and its copy d say this: one independent source.
    b.claims.push(claim(
        "d#c9",
        "d",
        "The harbour master Ilya Brask secretly fled to Ostrava in February.",
        "author",
        "asserted",
        &["e3"],
    ));
    let cc = cross_check(&b, &CompareOptions::default());
    let p = find(&cc, "c#c2");
    assert_eq!(p.status, "single-source", "{p:#?}");
}

#[test]
fn tolls_that_differ_are_discrepancies_and_growth_is_a_series() {
    let cc = cross_check(&story(), &CompareOptions::default());
    let killed = cc
        .discrepancies
        .iter()
        .find(|d| d.measure == "killed")
        .expect("killed");
    assert_eq!(killed.values.len(), 2);
    assert_eq!(killed.values[0].reported.as_deref(), Some("2024-03-06"));
    let detained = cc
        .discrepancies
        .iter()
        .find(|d| d.measure == "detained")
        .expect("detained");
    assert_eq!(detained.trend.as_deref(), Some("rising"));
    let order: Vec<&str> = detained
        .values
        .iter()
        .filter_map(|v| v.reported.as_deref())
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn overlapping_vague_values_agree() {
    let mut b = story();
    b.quantities = vec![
        Quantity {
            value: None,
            low: Some(24.0),
            high: Some(99.0),
            qualifier: "vague".into(),
            ..qty("a", "dozens killed", 0.0, "vague", "killed")
        },
        qty("b", "at least 30 dead", 30.0, "at-least", "killed"),
    ];
    let cc = cross_check(&b, &CompareOptions::default());
    assert!(cc.discrepancies.is_empty(), "{:#?}", cc.discrepancies);
}

#[test]
fn scales_to_ten_thousand_claims() {
    let mut b = Brief::default();
    let words = [
        "port", "strike", "fuel", "price", "ferry", "union", "ministry", "police", "harbour",
        "curfew", "tariff", "convoy",
    ];
    for d in 0..100 {
        b.documents.push(doc(&format!("d{d}"), "2024-01-01"));
    }
    // Every ten consecutive claims (ten different documents) share two rare
    // terms, so candidate search and clustering do real work.
    for i in 0..10_000usize {
        let text = format!(
            "{} {} {} site{} crew{}",
            words[i % 12],
            words[(i / 12) % 12],
            words[(i * 7) % 12],
            i / 10,
            i / 10
        );
        b.claims.push(claim(
            &format!("d{}#c{i}", i % 100),
            &format!("d{}", i % 100),
            &text,
            "author",
            "asserted",
            &[],
        ));
    }
    let t = std::time::Instant::now();
    let cc = cross_check(&b, &CompareOptions::default());
    assert!(t.elapsed().as_secs() < 30);
    let agreed = cc
        .propositions
        .iter()
        .filter(|p| p.status == "consensus")
        .count();
    assert!(agreed >= 500, "{agreed} consensus propositions");
    let ids: std::collections::HashSet<&str> = b.claims.iter().map(|c| c.id.as_str()).collect();
    for p in &cc.propositions {
        for c in &p.claims {
            assert!(ids.contains(c.as_str()));
        }
    }
}

/// The 100k-claim scale check; run with `cargo test --release -p
/// crosscheck-compare -- --ignored` (about a second in release).
#[test]
#[ignore]
fn scales_to_a_hundred_thousand_claims() {
    let mut b = Brief::default();
    let words = [
        "port", "strike", "fuel", "price", "ferry", "union", "ministry", "police", "harbour",
        "curfew", "tariff", "convoy", "arrests", "troops", "airport", "governor",
    ];
    for d in 0..1000 {
        b.documents.push(doc(&format!("d{d}"), "2024-01-01"));
    }
    for i in 0..100_000usize {
        let text = format!(
            "{} {} {} site{} crew{}",
            words[i % 16],
            words[(i / 16) % 16],
            words[(i * 7) % 16],
            i / 10,
            i / 10
        );
        b.claims.push(claim(
            &format!("d{}#c{i}", i % 1000),
            &format!("d{}", i % 1000),
            &text,
            "author",
            "asserted",
            &[],
        ));
    }
    let t = std::time::Instant::now();
    let cc = cross_check(&b, &CompareOptions::default());
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "100k claims: {secs:.2}s, {} propositions",
        cc.propositions.len()
    );
    assert!(secs < 60.0);
    assert!(
        cc.propositions
            .iter()
            .filter(|p| p.status == "consensus")
            .count()
            >= 5000
    );
}

#[test]
fn conflicting_numbers_in_one_proposition_are_contested() {
    let mut b = story();
    b.claims.push(claim(
        "a#c5",
        "a",
        "Police said 12 people were killed in the clashes at the Vell docks.",
        "quoted",
        "reported",
        &["e1"],
    ));
    b.claims.push(claim(
        "b#c5",
        "b",
        "At least 30 people were killed in the clashes at the Vell docks, the union said.",
        "quoted",
        "reported",
        &["e1"],
    ));
    b.quantities.push(Quantity {
        claim: Some("a#c5".into()),
        ..qty("a", "12 people", 12.0, "exact", "killed")
    });
    b.quantities.push(Quantity {
        claim: Some("b#c5".into()),
        ..qty("b", "At least 30 people", 30.0, "at-least", "killed")
    });
    let cc = cross_check(&b, &CompareOptions::default());
    let p = find(&cc, "a#c5");
    assert!(p.claims.iter().any(|c| c == "b#c5"), "{p:#?}");
    assert_eq!(p.status, "contested", "{p:#?}");
}

/// A tiny deterministic encoder: words of one synonym set share a
/// dimension, other content words hash to their own.
struct BagOfSynonyms;

impl SentenceEncoder for BagOfSynonyms {
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        const SETS: &[&[&str]] = &[
            &["ferry", "boat", "vessel"],
            &["company", "operator", "firm"],
            &["bankrupt", "insolvent", "bust"],
        ];
        const SKIP: &[&str] = &["the", "a", "is", "was", "went", "has", "on"];
        Ok(texts
            .iter()
            .map(|t| {
                let mut v = vec![0f32; 64];
                for w in t
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    let w = w.to_lowercase();
                    if SKIP.contains(&w.as_str()) {
                        continue;
                    }
                    let dim = SETS
                        .iter()
                        .position(|s| s.contains(&w.as_str()))
                        .unwrap_or_else(|| {
                            let h = w
                                .bytes()
                                .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
                            SETS.len() + (h as usize % (64 - SETS.len()))
                        });
                    v[dim] += 1.0;
                }
                v
            })
            .collect())
    }
}

struct Broken;

impl SentenceEncoder for Broken {
    fn encode(&self, _: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        Err("no model".into())
    }
}

fn paraphrases() -> Brief {
    Brief {
        documents: vec![
            doc("a", "2024-03-06"),
            doc("b", "2024-03-07"),
            doc("c", "2024-03-07"),
        ],
        claims: vec![
            claim(
                "a#c0",
                "a",
                "The ferry company went bankrupt.",
                "author",
                "asserted",
                &[],
            ),
            claim(
                "b#c0",
                "b",
                "The boat operator is insolvent.",
                "author",
                "asserted",
                &[],
            ),
            claim(
                "c#c0",
                "c",
                "The harbour reopened on Monday.",
                "author",
                "asserted",
                &[],
            ),
        ],
        ..Default::default()
    }
}

#[test]
fn encoder_groups_paraphrases_without_shared_terms() {
    let b = paraphrases();
    let lexical = cross_check(&b, &CompareOptions::default());
    assert!(
        lexical.propositions.iter().all(|p| p.claims.len() == 1),
        "{:#?}",
        lexical.propositions
    );
    let opts = CompareOptions {
        encoder: Some(Arc::new(BagOfSynonyms)),
        ..Default::default()
    };
    let cc = cross_check(&b, &opts);
    let p = find(&cc, "a#c0");
    assert!(p.claims.iter().any(|c| c == "b#c0"), "{p:#?}");
    assert_eq!(p.status, "consensus");
    assert!(!p.claims.iter().any(|c| c == "c#c0"), "{p:#?}");
}

#[test]
fn failing_encoder_changes_nothing() {
    let b = story();
    let plain = cross_check(&b, &CompareOptions::default());
    let opts = CompareOptions {
        encoder: Some(Arc::new(Broken)),
        ..Default::default()
    };
    let with = cross_check(&b, &opts);
    assert_eq!(plain.propositions, with.propositions);
}

#[test]
fn shared_noun_phrase_alone_does_not_merge() {
    // Same entity and noun phrase, different predicates; the negation is on
    // a predicate the other claim does not have.
    let b = Brief {
        documents: vec![doc("a", "2024-03-06"), doc("b", "2024-03-07")],
        claims: vec![
            claim(
                "a#c0",
                "a",
                "Norland gained independence from the Old Federation following its collapse.",
                "author",
                "asserted",
                &["e1"],
            ),
            claim(
                "b#c0",
                "b",
                "In the years that followed the collapse of the Old Federation, Norland did not witness any unrest.",
                "author",
                "asserted",
                &["e1"],
            ),
            claim(
                "a#c1",
                "a",
                "If the governor cannot deploy enough police to stabilise the city, the army will.",
                "author",
                "asserted",
                &["e2"],
            ),
            claim(
                "b#c1",
                "b",
                "The governor asked the army for help, which sent troops to stabilise the city.",
                "author",
                "asserted",
                &["e2"],
            ),
        ],
        ..Default::default()
    };
    let cc = cross_check(&b, &CompareOptions::default());
    for p in &cc.propositions {
        assert_eq!(p.status, "single-source", "{p:#?}");
    }
}

#[test]
fn no_evidence_disputes_and_missing_evidence_reports() {
    let mut b = Brief {
        documents: vec![doc("a", "2024-03-06"), doc("b", "2024-03-07"), doc("c", "2024-03-07")],
        claims: vec![
            claim(
                "a#c0",
                "a",
                "The minister claimed the ferry strike was organised by foreign agents, without providing evidence.",
                "quoted",
                "reported",
                &["e1"],
            ),
            claim(
                "b#c0",
                "b",
                "There is no evidence that foreign agents organised the ferry strike.",
                "author",
                "denied",
                &[],
            ),
            claim(
                "c#c0",
                "c",
                "Foreign agents organised the ferry strike.",
                "author",
                "asserted",
                &[],
            ),
        ],
        ..Default::default()
    };
    b.claims[0].evidence = "noted-missing".into();
    let cc = cross_check(&b, &CompareOptions::default());
    let p = find(&cc, "b#c0");
    assert_eq!(p.claims.len(), 3, "{p:#?}");
    assert_eq!(p.status, "contested");
    let side = |d: &str| p.stances.iter().find(|s| s.doc == d).unwrap();
    assert_eq!(side("a").stance, "reports");
    assert_eq!(side("a").evidence.as_deref(), Some("noted-missing"));
    assert_eq!(side("b").stance, "disputes");
    assert_eq!(side("c").stance, "supports");
}

#[test]
fn gold_set_scores_hold() {
    // Floors a little under the scores recorded in testdata/README.md.
    let text = include_str!("../testdata/compare_gold.jsonl");
    let stories = gold::parse_jsonl(text).unwrap();
    let s = gold::evaluate(&stories, &CompareOptions::default()).unwrap();
    assert!(s.claims >= 60 && s.gold_propositions >= 15, "{s:?}");
    assert!(s.pairwise.precision >= 0.9, "{:?}", s.pairwise);
    assert!(s.pairwise.recall >= 0.9, "{:?}", s.pairwise);
    assert!(s.status_precision >= 0.99, "{s:?}");
    assert!(s.stance_accuracy >= 0.85, "{s:?}");
}

#[test]
fn gold_story_becomes_a_brief_with_valid_spans() {
    let text = include_str!("../testdata/compare_gold.jsonl");
    for story in gold::parse_jsonl(text).unwrap() {
        let b = gold::to_brief(&story).unwrap();
        for c in &b.claims {
            let d = b.documents.iter().find(|d| d.id == c.doc).unwrap();
            let t = d.text.as_deref().unwrap();
            assert_eq!(&t[c.start..c.end], c.text);
        }
        for q in &b.quantities {
            let d = b.documents.iter().find(|d| d.id == q.doc).unwrap();
            assert_eq!(&d.text.as_deref().unwrap()[q.start..q.end], q.text);
        }
    }
    assert!(gold::parse_jsonl("{not json").is_err());
}

#[test]
fn the_same_event_dated_differently_is_a_date_discrepancy() {
    let mut a = claim(
        "a#c0",
        "a",
        "The Orlen dam burst on 3 March, flooding the lower town.",
        "author",
        "asserted",
        &["e1"],
    );
    a.date = Some("2021-03-03".into());
    let mut b = claim(
        "b#c0",
        "b",
        "The Orlen dam burst on 5 March and flooded the lower town.",
        "author",
        "asserted",
        &["e1"],
    );
    b.date = Some("2021-03-05".into());
    let mut c = claim(
        "c#c0",
        "c",
        "The Orlen dam burst in March, flooding the lower town.",
        "author",
        "asserted",
        &["e1"],
    );
    c.date = Some("2021-03".into());
    let brief = Brief {
        documents: vec![
            doc("a", "2021-03-06"),
            doc("b", "2021-03-07"),
            doc("c", "2021-03-08"),
        ],
        claims: vec![a, b.clone(), c.clone()],
        ..Default::default()
    };
    let cc = cross_check(&brief, &CompareOptions::default());
    let dates: Vec<&Discrepancy> = cc
        .discrepancies
        .iter()
        .filter(|d| d.kind == "date")
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", cc.discrepancies);
    let values: Vec<&str> = dates[0].values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["2021-03", "2021-03-03", "2021-03-05"]);
    assert_eq!(dates[0].values[1].reported.as_deref(), Some("2021-03-06"));
    // A month and a day inside it agree: no discrepancy without the clash.
    let brief = Brief {
        documents: vec![doc("b", "2021-03-07"), doc("c", "2021-03-08")],
        claims: vec![b, c],
        ..Default::default()
    };
    let cc = cross_check(&brief, &CompareOptions::default());
    assert!(cc.discrepancies.iter().all(|d| d.kind != "date"));
}
