//! Prints the segments of a text file: `cargo run -p crosscheck-clean --example clean_show FILE`.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        println!("=== {path}");
        for s in crosscheck_clean::segment(&text) {
            let t = s.span.get(&text).unwrap_or("");
            let short: String = t.chars().take(90).collect();
            let author = s.author.map(|a| format!(" [{a}]")).unwrap_or_default();
            println!("{:<11}{author} {:?}", s.kind.as_str(), short);
        }
    }
}
