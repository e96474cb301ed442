//! `crosscheck add` and `crosscheck list`: the embedded store.

use super::run::{ReadArgs, Runner};
use anyhow::{Context, Result};
use crosscheck_pipeline::Findings;
use crosscheck_store::{content_hash, Store};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct AddArgs {
    /// Files or directories (recursed); `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The store (created if missing).
    #[arg(long, default_value = "crosscheck.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(clap::Args)]
pub struct ListArgs {
    /// The store.
    #[arg(long, default_value = "crosscheck.db")]
    pub db: PathBuf,
    /// Print JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn open(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("opening store {}", db.display()))
}

/// Findings of every stored document, re-analysing those made by an older
/// version of the per-document stages.
pub fn load_store(db: &Path, runner: &Runner) -> Result<Vec<Findings>> {
    let mut store = open(db)?;
    let stale = store.stale()?;
    if !stale.is_empty() {
        let mut docs = Vec::new();
        for id in &stale {
            if let Some(f) = store.get(id)? {
                docs.push(f.doc);
            }
        }
        for f in runner.analyze(docs)? {
            store.update_findings(&f)?;
        }
    }
    Ok(store.load_all()?)
}

pub fn add(args: AddArgs) -> Result<()> {
    let runner = Runner::new(&args.read)?;
    let mut store = open(&args.db)?;
    let docs = runner.read(&args.inputs);
    let total = docs.len();
    // Only new texts run the per-document stages.
    let mut fresh = Vec::new();
    let mut known = 0;
    for d in docs {
        if store.contains_hash(&content_hash(&d))? {
            known += 1;
        } else {
            fresh.push(d);
        }
    }
    let findings = runner.analyze(fresh)?;
    let report = store.add(&findings)?;
    eprintln!(
        "crosscheck: {} documents read, {} added, {} already stored; {} in {}",
        total,
        report.added.len(),
        known + report.already_stored.len(),
        store.count()?,
        args.db.display()
    );
    Ok(())
}

pub fn list(args: ListArgs) -> Result<()> {
    let store = open(&args.db)?;
    for d in store.list()? {
        if args.json {
            println!(
                "{}",
                serde_json::json!({"id": d.id, "title": d.title, "published": d.published, "status": d.status, "added_at": d.added_at, "hash": d.hash})
            );
        } else {
            println!(
                "{}\t{}\t{}\t{}",
                d.id,
                d.published.as_deref().unwrap_or("-"),
                d.status,
                d.title.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}
