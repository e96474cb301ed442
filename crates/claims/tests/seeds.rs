//! Runs the stage over the seed pages (skipped when they are absent) and
//! over the gold file, checking things a reader would expect to be found.

use crosscheck_claims::gold::{parse_jsonl, score};
use crosscheck_claims::{analyze, ClaimInput, ClaimsOutput, Evidence, Modality};
use crosscheck_doc::Document;
use std::path::PathBuf;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds")
}

fn load_seeds() -> Vec<(Document, ClaimsOutput)> {
    let Ok(rd) = std::fs::read_dir(seeds_dir()) else {
        return vec![];
    };
    let mut paths: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let doc = Document::new(p.file_name()?.to_string_lossy().to_string(), text);
            let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
            let out = analyze(&ClaimInput::new(&doc, &t, &s));
            Some((doc, out))
        })
        .collect()
}

#[test]
fn seeds_contain_expected_footing_and_numbers() {
    let all = load_seeds();
    if all.is_empty() {
        eprintln!("seeds absent: skipped");
        return;
    }
    let claim_with = |pred: &dyn Fn(&Document, &crosscheck_claims::Claim) -> bool| {
        all.iter().any(|(d, o)| o.claims.iter().any(|c| pred(d, c)))
    };
    // "nobody has provided any evidence" -> evidence noted missing
    assert!(claim_with(&|d, c| c.evidence == Evidence::NotedMissing
        && d.slice(c.span).contains("provided any evidence")));
    // hedges like "seems"
    assert!(claim_with(
        &|d, c| c.modality == Modality::Hedged && d.slice(c.span).contains("seem")
    ));
    // a public denial
    assert!(claim_with(
        &|d, c| c.modality == Modality::Denied && d.slice(c.span).contains("power struggle")
    ));
    // "it's unclear whether" -> questioned
    assert!(claim_with(
        &|d, c| c.modality == Modality::Questioned && d.slice(c.span).contains("unclear whether")
    ));
    let qty = |text: &str| {
        all.iter()
            .flat_map(|(d, o)| o.quantities.iter().map(move |q| (d, q)))
            .find(|(d, q)| d.slice(q.span).contains(text))
            .map(|(_, q)| q.clone())
    };
    let q = qty("several thousand people").expect("several thousand people");
    assert_eq!(
        (q.low, q.high, q.measure.as_deref()),
        (Some(3000.0), Some(9000.0), Some("detained"))
    );
    let q = qty("2,500").expect("some 2,500 peacekeepers");
    assert_eq!(
        (q.value, q.qualifier.as_str(), q.measure.as_deref()),
        (Some(2500.0), "about", Some("troops"))
    );
    let q = qty("10000 people").expect("about 10000 people");
    assert_eq!(
        (q.value, q.qualifier.as_str(), q.measure.as_deref()),
        (Some(10000.0), "about", Some("detained"))
    );
    let q = qty("a couple of thousand troops").expect("a couple of thousand troops");
    assert_eq!(q.value, Some(2000.0));
    // years and dates are not quantities
    assert!(qty("2002").is_none() && qty("January 7").is_none() && qty("2022").is_none());
    // the anonymous expert is found as a description speaker
    let expert = all
        .iter()
        .flat_map(|(d, o)| o.quotes.iter().map(move |q| (d, q)))
        .any(|(_, q)| {
            q.speaker.as_ref().is_some_and(|s| {
                s.text
                    .starts_with("one expert on the region who asked to remain anonymous")
            })
        });
    assert!(expert);
    // loaded terms with voices
    let loaded: Vec<String> = all
        .iter()
        .flat_map(|(_, o)| {
            o.claims
                .iter()
                .flat_map(|c| c.loaded_terms.iter().map(|t| t.term.clone()))
        })
        .collect();
    for t in ["colour revolution", "terrorists", "coup"] {
        assert!(loaded.iter().any(|x| x == t), "{t}");
    }
}

#[test]
fn gold_file_scores_stay_high() {
    for (name, min_cases, min_modality) in [
        ("claims_gold.jsonl", 80, 0.9),
        ("claims_heldout.jsonl", 20, 0.9),
        ("claims_blind.jsonl", 16, 0.9),
        ("claims_blind2.jsonl", 26, 0.9),
        ("claims_blind3.jsonl", 48, 0.9),
        // round 4 was scored once after the round-3 fixes; modality not tuned on it
        ("claims_blind4.jsonl", 19, 0.75),
        ("claims_blind5.jsonl", 46, 0.9),
        ("claims_blind6.jsonl", 18, 0.9),
        // round 7: translated wire copy, comment threads, dash attributions
        ("claims_blind7.jsonl", 35, 0.9),
        ("claims_blind8.jsonl", 16, 0.9),
    ] {
        gold_scores(name, min_cases, min_modality);
    }
}

fn gold_scores(name: &str, min_cases: usize, min_modality: f64) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name);
    let raw = std::fs::read_to_string(path).expect("gold file");
    let cases = parse_jsonl(&raw).expect("valid gold");
    assert!(cases.len() >= min_cases);
    let results: Vec<ClaimsOutput> = cases
        .iter()
        .map(|c| {
            let doc = c.document();
            let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
            analyze(&ClaimInput::new(&doc, &t, &s))
        })
        .collect();
    let s = score(&cases, &results);
    // guards against regressions (tokens only; the gold was also used for tuning)
    assert!(s.speaker_accuracy.unwrap_or(0.0) >= 0.9, "{s:?}");
    assert!(s.modality_accuracy.unwrap_or(0.0) >= min_modality, "{s:?}");
    assert!(s.quantity_f1.unwrap_or(0.0) >= 0.9, "{s:?}");
}
