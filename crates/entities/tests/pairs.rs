//! The labelled pairs set: zero wrong merges, >= 90% of true pairs merged.

#[test]
fn labelled_pairs_meet_targets() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/pairs.jsonl"))
        .unwrap();
    let s = crosscheck_entities::eval::evaluate_pairs(&src).unwrap();
    eprintln!("{s:?}");
    assert!(s.pairs >= 60, "{}", s.pairs);
    assert_eq!(s.wrong_merges, 0, "{:?}", s.errors);
    assert!(s.recall >= 0.9, "recall {} {:?}", s.recall, s.errors);
}
