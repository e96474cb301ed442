//! Prints one sentence per line (tokens separated by spaces) for a text file:
//! `cargo run --release -p crosscheck-tokenize --example split_file -- FILE`
fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path)?;
    let toks = crosscheck_tokenize::tokenize(&text, crosscheck_doc::Span::new(0, text.len()));
    for s in crosscheck_tokenize::sentences(&text, &toks) {
        let words: Vec<&str> = toks[s.tokens.clone()]
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        println!("{}", words.join(" "));
    }
    Ok(())
}
