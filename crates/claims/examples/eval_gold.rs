//! Scores the gold file with tokens only (no NER/POS):
//! `cargo run -p crosscheck-claims --example eval_gold -- FILE [-v]`.
use crosscheck_claims::gold::{parse_jsonl, score};
use crosscheck_claims::{analyze, ClaimInput};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "crates/claims/testdata/claims_gold.jsonl".into());
    let verbose = std::env::args().any(|a| a == "-v");
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    let cases = match parse_jsonl(&raw) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let results: Vec<_> = cases
        .iter()
        .map(|c| {
            let doc = c.document();
            let (t, s) = crosscheck_tokenize::tokenize_document(&doc);
            analyze(&ClaimInput::new(&doc, &t, &s))
        })
        .collect();
    let s = score(&cases, &results);
    if verbose {
        for e in &s.errors {
            eprintln!("{e}");
        }
    }
    println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
}
