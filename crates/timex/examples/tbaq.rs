//! Development driver: scores a TimeML directory like `crosscheck eval timex`.
//! `cargo run --release -p crosscheck-timex --example tbaq -- DIR [ERRORS.tsv]`
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: tbaq DIR [ERRORS.tsv]");
        std::process::exit(2);
    };
    let errs = args.next();
    match crosscheck_timex::timeml::evaluate_dir(std::path::Path::new(&dir), errs.is_some()) {
        Ok(rep) => {
            let s = &rep.scores;
            println!(
                "files {} gold {} predicted {}",
                s.files, s.gold, s.predicted
            );
            for (k, v) in rep.to_json_fields() {
                println!("{k:20} {v:.4}");
            }
            println!(
                "{} bytes in {:.4}s = {:.2} MB/s",
                rep.bytes,
                rep.seconds,
                rep.bytes as f64 / rep.seconds / 1e6
            );
            if let Some(p) = errs {
                let _ = std::fs::write(p, rep.errors.join("\n") + "\n");
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
