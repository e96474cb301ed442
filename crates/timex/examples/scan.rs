//! Prints the temporal expressions of text files (TSV: file, start, end, type, value, anchor, text).
//! `cargo run --release -p crosscheck-timex --example scan -- 2022-01-10 FILE...`
fn main() {
    let mut args = std::env::args().skip(1);
    let doc = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    for f in args {
        let Ok(text) = std::fs::read_to_string(&f) else {
            eprintln!("cannot read {f}");
            continue;
        };
        for t in crosscheck_timex::recognize(&text, &[], doc) {
            println!(
                "{f}\t{}\t{}\t{}\t{}\t{}\t{}",
                t.span.start,
                t.span.end,
                t.kind.as_str(),
                t.value.as_deref().unwrap_or("-"),
                t.anchor.as_str(),
                t.span.get(&text).unwrap_or("").replace('\n', " ")
            );
        }
    }
}
