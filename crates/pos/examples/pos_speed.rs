//! Tagging throughput of a model file (tagging only, pre-tokenised seed
//! corpus, fixed number of passes): `pos_speed MODEL` (env CLUSTERS=FILE for
//! models trained with other clusters than the built-in ones).
use crosscheck_doc::Span;
use crosscheck_pos::{TagScratch, Tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = std::env::args().nth(1).ok_or("usage: MODEL")?;
    let clusters = match std::env::var("CLUSTERS") {
        Ok(p) if p != "none" => Some(std::sync::Arc::new(
            crosscheck_clusters::Clusters::from_bytes(&std::fs::read(p)?)?,
        )),
        _ => None,
    };
    let mut tagger = Tagger::from_bytes_with_clusters(&std::fs::read(model)?, clusters)?;
    if let Ok(g) = std::env::var("GATE") {
        tagger.set_second_pass_gate(g.parse()?);
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
        text.push_str("\n\n");
    }
    let toks = crosscheck_tokenize::tokenize(&text, Span::new(0, text.len()));
    let sents = crosscheck_tokenize::sentences(&text, &toks);
    let sent_words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| {
            toks[s.tokens.clone()]
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect()
        })
        .collect();
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    // Fixed work (REPS passes), so `time`'s user CPU seconds compare runs
    // on a busy machine; wall-clock words/s are printed too.
    let reps: usize = std::env::var("REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..reps {
        for w in &sent_words {
            tagger.tag_with(w, &mut scratch, &mut out);
            n += out.len();
        }
    }
    println!(
        "{n} words, {:.0} words/s wall (tagging only)",
        n as f64 / t.elapsed().as_secs_f64()
    );
    if std::env::var("FULL").is_ok() {
        // As the criterion bench: tokenize + sentences + tag.
        let t = std::time::Instant::now();
        let mut n = 0usize;
        let mut words: Vec<&str> = Vec::new();
        for _ in 0..reps {
            let toks = crosscheck_tokenize::tokenize(&text, Span::new(0, text.len()));
            for s in crosscheck_tokenize::sentences(&text, &toks) {
                words.clear();
                words.extend(
                    toks.get(s.tokens.clone())
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(|t| text.get(t.span.start..t.span.end)),
                );
                tagger.tag_with(&words, &mut scratch, &mut out);
                n += out.len();
            }
        }
        println!(
            "{n} words, {:.0} words/s wall (tokenize+sentences+tag)",
            n as f64 / t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
