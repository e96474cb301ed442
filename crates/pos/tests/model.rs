//! Tests of the shipped model (models/pos.ccm).
use crosscheck_pos::{Tagger, Upos, Xpos};
use proptest::prelude::*;

const MODEL: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/pos.ccm"));

fn upos(words: &[&str]) -> Vec<&'static str> {
    Tagger::builtin()
        .unwrap()
        .tag(words)
        .iter()
        .map(|t| t.upos.as_str())
        .collect()
}

#[test]
fn model_is_small_and_loads_fast() {
    assert!(MODEL.len() < 25_000_000, "model is {} bytes", MODEL.len());
    // Best of three: the machine is shared, so one slow run is noise.
    let mut ms = u128::MAX;
    let mut tagger = None;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        tagger = Some(Tagger::from_bytes(MODEL).unwrap());
        ms = ms.min(t.elapsed().as_millis());
    }
    let tagger = tagger.unwrap();
    println!("pos model: {} bytes, loaded in {ms} ms", MODEL.len());
    assert!(ms < 200, "load took {ms} ms");
    assert_eq!(tagger.header().kind, "pos");
}

#[test]
fn tags_plain_sentences() {
    assert_eq!(
        upos(&["They", "did", "n't", "go", "to", "the", "capital", "."]),
        ["PRON", "AUX", "PART", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    );
    assert_eq!(
        upos(&[
            "The",
            "president",
            "of",
            "Freedonia",
            "said",
            "3,000",
            "people",
            "were",
            "detained",
            "."
        ]),
        ["DET", "NOUN", "ADP", "PROPN", "VERB", "NUM", "NOUN", "AUX", "VERB", "PUNCT"]
    );
    let t = Tagger::builtin()
        .unwrap()
        .tag(&["She", "runs", "quickly", "."]);
    assert_eq!(t[1].xpos, Xpos::parse("VBZ").unwrap());
    assert_eq!(t[2].upos, Upos::Adv);
}

#[test]
fn case_variants_still_work() {
    let lower = upos(&["the", "army", "said", "it", "was", "ready", "."]);
    assert_eq!(
        lower,
        ["DET", "NOUN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    );
    let caps = upos(&["TROOPS", "ARRIVE", "IN", "THE", "CITY"]);
    assert_eq!(caps[2], "ADP");
    assert_eq!(caps[3], "DET");
}

#[test]
fn bad_model_bytes_are_an_error() {
    assert!(Tagger::from_bytes(b"garbage").is_err());
    assert!(Tagger::from_bytes(&MODEL[..MODEL.len() / 2]).is_err());
    assert!(Tagger::from_bytes(&[]).is_err());
}

#[test]
fn empty_sentence() {
    assert!(Tagger::builtin().unwrap().tag(&[]).is_empty());
}

proptest! {
    #[test]
    fn any_words_get_one_tag_each(words in proptest::collection::vec("\\PC{0,12}", 0..30)) {
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags = Tagger::builtin().unwrap().tag(&w);
        prop_assert_eq!(tags.len(), w.len());
    }
}

#[test]
fn uses_the_builtin_clusters_and_refuses_others() {
    let t = Tagger::builtin().unwrap();
    let cf = t.header().extra["cluster_features"].as_u64().unwrap_or(0);
    assert_ne!(cf, 0, "the shipped model uses word-cluster features");
    let p = crosscheck_clusters::Payload {
        levels: vec![2],
        words: vec!["x".into()],
        classes: vec![0],
        parents: vec![],
    };
    let other = crosscheck_clusters::Clusters::from_payload(&p, Default::default()).unwrap();
    let e = Tagger::from_bytes_with_clusters(MODEL, Some(std::sync::Arc::new(other)));
    assert!(
        e.is_err(),
        "a model must run with the clusters it was trained with"
    );
}
