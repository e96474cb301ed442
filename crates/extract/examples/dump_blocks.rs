//! Dumps unfiltered body blocks of every benchmark page as JSON lines (tuning aid).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).ok_or("usage: dump_blocks DIR")?);
    for p in crosscheck_extract::metric::load_bench_dir(&dir)? {
        for (i, (text, links, tag, list, cap)) in crosscheck_extract::debug_blocks(&p.html)
            .into_iter()
            .enumerate()
        {
            println!(
                "{}",
                serde_json::json!({"id": p.id, "i": i, "text": text, "links": links, "tag": tag, "list": list, "cap": cap})
            );
        }
    }
    Ok(())
}
