//! Prints what ingest makes of some inputs:
//! `cargo run -p crosscheck-ingest --example ingest_dir -- PATH...`.
use crosscheck_ingest::{ingest, IngestOptions};
use std::path::PathBuf;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let batch = ingest(&paths, &IngestOptions::default());
    for e in &batch.errors {
        println!("ERROR {e}");
    }
    for d in &batch.docs {
        println!(
            "=== {} status={:?} skip={:?} lang={:?} date={:?} ({:?}) title={:?} author={:?} outlet={:?} dup={:?} warnings={:?}",
            d.id,
            d.status,
            d.skip_reason,
            d.meta.language,
            d.meta.published,
            d.meta.date_source,
            d.meta.title,
            d.meta.author,
            d.meta.outlet,
            d.duplicate_of,
            d.warnings
        );
        for s in &d.segments {
            let t: String = d.slice(s.span).chars().take(80).collect();
            let a = s
                .author
                .as_ref()
                .map(|a| format!(" [{a}]"))
                .unwrap_or_default();
            println!("  {:<11}{a} {:?}", s.kind.as_str(), t);
        }
    }
}
