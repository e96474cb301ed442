//! Prints what the claims stage finds in a text file (tokens from the
//! fallback tokenizer): `cargo run -p crosscheck-claims --example dump FILE`.
use crosscheck_claims::{analyze, fallback_tokenize, ClaimInput};
use crosscheck_doc::Document;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = Document::new(path, text);
    let (toks, sents) = fallback_tokenize(doc.text());
    let out = analyze(&ClaimInput::new(&doc, &toks, &sents));
    for q in &out.quotes {
        println!(
            "QUOTE [{}] speaker={:?} cue={:?} direct={}\n   {}",
            doc.slice(q.span).len(),
            q.speaker.as_ref().map(|s| s.text.as_str()),
            q.cue,
            q.direct,
            doc.slice(q.content).chars().take(120).collect::<String>()
        );
    }
    for c in &out.claims {
        let t: String = doc.slice(c.span).chars().take(100).collect();
        let terms: Vec<&str> = c.loaded_terms.iter().map(|t| t.term.as_str()).collect();
        println!(
            "CLAIM {} {:?} {:?} {:?} {:?} {}{}",
            c.id,
            c.voice,
            c.modality,
            c.evidence,
            c.modality_cue.map(|s| doc.slice(s)),
            t,
            if terms.is_empty() {
                String::new()
            } else {
                format!(" LOADED={terms:?}")
            }
        );
    }
    for q in &out.quantities {
        println!(
            "QTY {:?} v={:?} lo={:?} hi={:?} {:?} m={:?} u={:?} n={:?}",
            doc.slice(q.span),
            q.value,
            q.low,
            q.high,
            q.qualifier,
            q.measure,
            q.unit,
            q.counted
        );
    }
}
