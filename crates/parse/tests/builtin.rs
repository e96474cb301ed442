//! Tests against the shipped model and the shipped tagger.
use crosscheck_parse::{Parse, Parser};
use proptest::prelude::*;

/// Hand tags for the test sentences, used when the shipped tagger is not
/// available (so these tests exercise the parser either way).
fn hand_tag(w: &str) -> (&'static str, &'static str) {
    match w {
        "The" | "the" => ("DET", "DT"),
        "minister" | "building" | "spokesman" | "police" | "people" => ("NOUN", "NN"),
        "protesters" | "reporters" | "talks" => ("NOUN", "NNS"),
        "said" | "stormed" | "told" | "failed" => ("VERB", "VBD"),
        "detained" => ("VERB", "VBN"),
        "had" | "were" => ("AUX", "VBD"),
        "that" => ("SCONJ", "IN"),
        "According" => ("VERB", "VBG"),
        "to" => ("ADP", "IN"),
        "twenty" => ("NUM", "CD"),
        "," => ("PUNCT", ","),
        "." => ("PUNCT", "."),
        _ => ("X", "FW"),
    }
}

fn parse(text: &str) -> (Vec<&str>, Parse) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (upos, xpos): (Vec<&str>, Vec<&str>) = match crosscheck_pos::Tagger::builtin() {
        Ok(t) => t
            .tag(&words)
            .iter()
            .map(|t| (t.upos.as_str(), t.xpos.as_str()))
            .unzip(),
        Err(_) => words.iter().map(|w| hand_tag(w)).unzip(),
    };
    let p = Parser::builtin()
        .expect("parser")
        .parse(&words, &upos, &xpos);
    (words, p)
}

fn idx(words: &[&str], w: &str) -> usize {
    words.iter().position(|x| *x == w).unwrap()
}

fn assert_tree(p: &Parse, n: usize) {
    assert_eq!(p.heads.len(), n);
    assert_eq!(p.deprels.len(), n);
    if n == 0 {
        return;
    }
    assert_eq!(p.heads.iter().filter(|h| h.is_none()).count(), 1, "{p:?}");
    for i in 0..n {
        let path = p.path_to_root(i);
        assert_eq!(
            path.last().copied(),
            p.root(),
            "token {i} does not reach the root: {p:?}"
        );
        assert_eq!(p.deprel(i).unwrap().as_str() == "root", p.head(i).is_none());
    }
}

#[test]
fn said_that_clause() {
    let (w, p) = parse("The minister said that protesters had stormed the building .");
    assert_tree(&p, w.len());
    let said = idx(&w, "said");
    let stormed = idx(&w, "stormed");
    assert_eq!(p.root(), Some(said));
    assert_eq!(p.children_with(said, "nsubj"), vec![idx(&w, "minister")]);
    assert_eq!(p.children_with(said, "ccomp"), vec![stormed]);
    assert_eq!(p.subtree(stormed), idx(&w, "that")..idx(&w, "building") + 1);
    assert_eq!(p.clause_heads(), vec![said, stormed]);
}

#[test]
fn fronted_content_then_speaker() {
    let (w, p) = parse("Protesters stormed the building , the minister said .");
    assert_tree(&p, w.len());
    let said = idx(&w, "said");
    let stormed = idx(&w, "stormed");
    assert_eq!(p.children_with(said, "nsubj"), vec![idx(&w, "minister")]);
    let heads = p.clause_heads();
    assert!(
        heads.contains(&said) && heads.contains(&stormed),
        "{heads:?}"
    );
    // One clause is attached to the other.
    assert!(p.head(said) == Some(stormed) || p.head(stormed) == Some(said));
}

#[test]
fn according_to() {
    let (w, p) = parse("According to the police , twenty people were detained .");
    assert_tree(&p, w.len());
    let police = idx(&w, "police");
    let detained = idx(&w, "detained");
    assert_eq!(p.root(), Some(detained));
    assert_eq!(p.head(police), Some(detained));
    assert!(p.dominates(police, idx(&w, "According")));
    // Starts at "According"; may or may not take the following comma.
    assert_eq!(p.subtree(police).start, 0);
    assert!(p.subtree(police).end <= police + 2);
    assert!(p.path_to_root(idx(&w, "to")).ends_with(&[police, detained]));
}

#[test]
fn told_reporters() {
    let (w, p) = parse("The spokesman told reporters that the talks had failed .");
    assert_tree(&p, w.len());
    let told = idx(&w, "told");
    assert_eq!(p.root(), Some(told));
    assert_eq!(p.children_with(told, "nsubj"), vec![idx(&w, "spokesman")]);
    assert_eq!(p.head(idx(&w, "reporters")), Some(told));
    assert_eq!(p.children_with(told, "ccomp"), vec![idx(&w, "failed")]);
}

#[test]
fn model_header_and_garbage() {
    let p = Parser::builtin().unwrap();
    assert_eq!(p.header().kind, "parse");
    assert!(p.header().scores.get("dev_gold_tags").is_some());
    assert!(p.labels().len() > 30);
    assert!(Parser::from_bytes(b"not a model").is_err());
    assert!(Parser::from_bytes(b"").is_err());
}

#[test]
fn empty_and_mismatched_inputs() {
    let p = Parser::builtin().unwrap();
    assert!(p.parse(&[], &[], &[]).is_empty());
    let out = p.parse(&["Hello", "world", "!"], &["INTJ"], &[]);
    assert_tree(&out, 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn always_a_single_rooted_tree(words in prop::collection::vec("[a-zA-Z0-9.,'é-]{1,8}", 0..40),
                                   tags in prop::collection::vec(prop::sample::select(vec!["NOUN", "VERB", "DET", "PUNCT", "ADP", "??"]), 0..40)) {
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        let t: Vec<&str> = tags.clone();
        let out = Parser::builtin().unwrap().parse(&w, &t, &t);
        assert_tree(&out, w.len());
    }
}
