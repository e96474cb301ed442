//! Scores a benchmark directory and optionally writes predictions:
//! `cargo run --release -p crosscheck-extract --example eval_dir -- DIR [PRED.json]`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(args.get(1).ok_or("usage: eval_dir DIR [PRED.json]")?);
    let pages = crosscheck_extract::metric::load_bench_dir(&dir)?;
    let t = std::time::Instant::now();
    let preds = crosscheck_extract::metric::predict(&pages);
    let secs = t.elapsed().as_secs_f64();
    let mb = pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6;
    let s = crosscheck_extract::score(
        pages
            .iter()
            .zip(&preds)
            .map(|(p, t)| (p.gold.as_str(), t.as_str())),
    );
    if let Some(out) = args.get(2) {
        let map: serde_json::Map<String, serde_json::Value> = pages
            .iter()
            .zip(&preds)
            .map(|(p, t)| (p.id.clone(), serde_json::json!({ "articleBody": t })))
            .collect();
        std::fs::write(out, serde_json::to_string(&map)?)?;
    }
    println!("{}", serde_json::to_string(&s)?);
    eprintln!("{mb:.1} MB in {secs:.2}s = {:.2} MB/s", mb / secs);
    Ok(())
}
