//! Rough per-stage timing over the seeds (dev aid).
use std::time::Instant;
fn main() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let n = 100;
    for x in &texts {
        crosscheck_clean::segment(x);
    }
    let t = Instant::now();
    for _ in 0..n {
        for x in &texts {
            std::hint::black_box(crosscheck_clean::segment(x));
        }
    }
    println!("segment {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        for x in &texts {
            std::hint::black_box(crosscheck_ingest::lang::identify(x));
        }
    }
    println!("lang {:?}", t.elapsed() / n);
    let segs: Vec<_> = texts.iter().map(|x| crosscheck_clean::segment(x)).collect();
    let t = Instant::now();
    for _ in 0..n {
        for (x, s) in texts.iter().zip(&segs) {
            std::hint::black_box(crosscheck_ingest::date::date_from_text(x, s));
        }
    }
    println!("date {:?}", t.elapsed() / n);
    let opts = crosscheck_ingest::IngestOptions::default();
    let t = Instant::now();
    for _ in 0..n {
        for x in &texts {
            std::hint::black_box(crosscheck_ingest::read_bytes(
                "a",
                x.as_bytes(),
                Some(crosscheck_ingest::Format::Text),
                &opts,
            ));
        }
    }
    println!("read_bytes {:?}", t.elapsed() / n);
}
