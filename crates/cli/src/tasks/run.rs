//! Shared steps of `brief` and `add`: read inputs, analyse in parallel.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use crosscheck_doc::Document;
use crosscheck_ingest::IngestOptions;
use crosscheck_pipeline::{analyze_document, Findings, Models};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// Options every command that reads documents takes.
#[derive(clap::Args, Clone)]
pub struct ReadArgs {
    /// Document date override, DOC=YYYY-MM-DD (repeatable).
    #[arg(long = "date", value_name = "DOC=YYYY-MM-DD")]
    pub dates: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Largest input file read, in bytes; larger ones are skipped with a message.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    pub max_bytes: u64,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_dates(raw: &[String]) -> Result<HashMap<String, NaiveDate>> {
    let mut out = HashMap::new();
    for r in raw {
        let (doc, date) = r
            .rsplit_once('=')
            .with_context(|| format!("--date {r:?}: expected DOC=YYYY-MM-DD"))?;
        let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .with_context(|| format!("--date {r:?}: {date:?} is not a YYYY-MM-DD date"))?;
        out.insert(doc.trim().to_string(), d);
    }
    Ok(out)
}

pub struct Runner {
    pool: rayon::ThreadPool,
    quiet: bool,
    opts: IngestOptions,
}

fn bar(quiet: bool, len: usize, what: &str) -> ProgressBar {
    if quiet || len < 2 {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(len as u64);
    b.set_style(
        ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    b.set_message(what.to_string());
    b
}

impl Runner {
    pub fn new(args: &ReadArgs) -> Result<Runner> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs.unwrap_or(0))
            .build()
            .context("cannot start worker threads")?;
        Ok(Runner {
            pool,
            quiet: args.quiet,
            opts: IngestOptions {
                dates: parse_dates(&args.dates)?,
                max_bytes: args.max_bytes,
                ..Default::default()
            },
        })
    }

    /// Reads every input; problems are reported on stderr, one line each,
    /// and the rest goes on.
    pub fn read(&self, inputs: &[PathBuf]) -> Vec<Document> {
        let (sources, errors) = crosscheck_ingest::collect_inputs(inputs);
        for e in &errors {
            eprintln!("crosscheck: {e}");
        }
        let b = bar(self.quiet, sources.len(), "files read");
        let read: Vec<_> = self.pool.install(|| {
            sources
                .par_iter()
                .map(|s| {
                    let r = crosscheck_ingest::read_input(s, &self.opts);
                    b.inc(1);
                    r
                })
                .collect()
        });
        b.finish_and_clear();
        let mut docs = Vec::new();
        for r in read.into_iter().flatten() {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => eprintln!("crosscheck: {e}"),
            }
        }
        crosscheck_ingest::unique_ids(&mut docs);
        crosscheck_ingest::mark_duplicates(&mut docs);
        for d in &docs {
            for w in &d.warnings {
                eprintln!("crosscheck: {}: {w}", d.id);
            }
            if let Some(r) = &d.skip_reason {
                eprintln!("crosscheck: {}: skipped: {r}", d.id);
            }
        }
        docs
    }

    /// Runs the per-document stages on all cores.
    pub fn analyze(&self, docs: Vec<Document>) -> Result<Vec<Findings>> {
        let models = Models::builtin().context("loading the shipped models")?;
        let b = bar(self.quiet, docs.len(), "documents analysed");
        let out = self.pool.install(|| {
            docs.into_par_iter()
                .map(|d| {
                    let f = analyze_document(d, models);
                    b.inc(1);
                    f
                })
                .collect()
        });
        b.finish_and_clear();
        Ok(out)
    }
}

/// Environment variable naming a default `--embeddings` directory.
pub const EMBEDDINGS_ENV: &str = "CROSSCHECK_EMBEDDINGS";

/// Loads the sentence encoder from `--embeddings DIR`, else from
/// `$CROSSCHECK_EMBEDDINGS`; `None` when neither is set. The flag on a build
/// without embeddings is an error; the variable alone only warns.
pub fn load_embeddings(
    flag: Option<&std::path::Path>,
    quiet: bool,
) -> Result<Option<std::sync::Arc<crosscheck_embed::Embedder>>> {
    let from_env = std::env::var_os(EMBEDDINGS_ENV).filter(|v| !v.is_empty());
    let (dir, source) = match (flag, &from_env) {
        (Some(d), _) => (d.to_path_buf(), "--embeddings"),
        (None, Some(v)) => (PathBuf::from(v), EMBEDDINGS_ENV),
        (None, None) => return Ok(None),
    };
    if !crosscheck_embed::AVAILABLE {
        let msg = "this build has no embeddings support; rebuild with \
                   `cargo build --release --features embeddings`";
        if flag.is_some() {
            anyhow::bail!("--embeddings: {msg}");
        }
        if !quiet {
            eprintln!("crosscheck: {EMBEDDINGS_ENV} ignored: {msg}");
        }
        return Ok(None);
    }
    let e = crosscheck_embed::Embedder::load(&dir).context(source)?;
    if !quiet {
        eprintln!(
            "crosscheck: embeddings: {} ({}-dim, up to {} tokens) loaded in {:.2}s",
            e.model_dir().display(),
            e.dim(),
            e.max_length(),
            e.load_seconds()
        );
    }
    Ok(Some(std::sync::Arc::new(e)))
}

/// One stderr line on the encoder's work (unless quiet).
pub fn report_embeddings(e: Option<&crosscheck_embed::Embedder>, quiet: bool) {
    if let (Some(e), false) = (e, quiet) {
        let s = e.stats();
        eprintln!(
            "crosscheck: embeddings: {} sentences in {} batches, {:.2}s ({:.0} sentences/s)",
            s.texts,
            s.batches,
            s.seconds,
            s.texts_per_second()
        );
    }
}
