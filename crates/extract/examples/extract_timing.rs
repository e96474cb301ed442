//! Rough per-stage timing over a benchmark directory (tuning aid).
use std::time::Instant;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).ok_or("usage: timing DIR")?);
    let pages = crosscheck_extract::metric::load_bench_dir(&dir)?;
    let mb = pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    for p in &pages {
        let _ =
            crosscheck_extract::guard::limit_depth(&p.html, crosscheck_extract::guard::MAX_DEPTH);
    }
    eprintln!("guard {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    for p in &pages {
        let _ = rs_trafilatura::extract(&p.html);
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!("rs-trafilatura alone {s:.3}s {:.2} MB/s", mb / s);
    for (name, opts) in [
        ("full", crosscheck_extract::ExtractOptions::default()),
        (
            "no_comments",
            crosscheck_extract::ExtractOptions {
                no_comments: true,
                ..Default::default()
            },
        ),
    ] {
        let t = Instant::now();
        for p in &pages {
            let _ = crosscheck_extract::extract_with(&p.html, &opts);
        }
        let s = t.elapsed().as_secs_f64();
        eprintln!("{name} {s:.3}s {:.2} MB/s", mb / s);
    }
    Ok(())
}
