//! Prints one JSON array per text: `cargo run --release -p crosscheck-embed
//! --features bert --example embed -- MODEL_DIR "first text" "second text"`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: embed MODEL_DIR TEXT...")?;
    let texts: Vec<String> = args.collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let e = crosscheck_embed::Embedder::load(&dir)?;
    for v in e.encode(&refs)? {
        let cells: Vec<String> = v.iter().map(|x| format!("{x:.6}")).collect();
        println!("[{}]", cells.join(","));
    }
    Ok(())
}
