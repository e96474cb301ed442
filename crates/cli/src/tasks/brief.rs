//! `crosscheck brief`: read inputs (or a store), analyse, cross-check, render.

use super::run::{ReadArgs, Runner};
use anyhow::{bail, Context, Result};
use crosscheck_pipeline::{assemble, AssembleOptions, Findings};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (recursed); `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    /// Use the documents in this store (plus any INPUT given, not stored).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Output format: json, md or html.
    #[arg(long, default_value = "json", value_parser = ["json", "md", "html"])]
    pub format: String,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Add each document's analysed text to the JSON.
    #[arg(long)]
    pub include_text: bool,
    /// Sentence-embeddings model directory (BERT-style safetensors, e.g.
    /// all-MiniLM-L6-v2); default $CROSSCHECK_EMBEDDINGS. Needs a build with
    /// `--features embeddings`.
    #[arg(long, value_name = "DIR")]
    pub embeddings: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

pub fn run(args: Args) -> Result<()> {
    if args.inputs.is_empty() && args.db.is_none() {
        bail!("no inputs: give files, directories, - for standard input, or --db STORE");
    }
    let runner = Runner::new(&args.read)?;
    let embedder = super::run::load_embeddings(args.embeddings.as_deref(), args.read.quiet)?;
    let mut findings: Vec<Findings> = Vec::new();
    if let Some(db) = &args.db {
        findings.extend(super::add::load_store(db, &runner)?);
    }
    if !args.inputs.is_empty() {
        let docs = runner.read(&args.inputs);
        findings.extend(runner.analyze(docs)?);
    }
    let analysed = findings
        .iter()
        .filter(|f| f.doc.status == crosscheck_doc::DocStatus::Analyzed)
        .count();
    let include_text = args.include_text || args.format == "html";
    let brief = assemble(
        &findings,
        &AssembleOptions {
            include_text,
            compare: crosscheck_compare::CompareOptions {
                encoder: embedder
                    .clone()
                    .map(|e| e as std::sync::Arc<dyn crosscheck_compare::SentenceEncoder>),
                ..Default::default()
            },
        },
    );
    super::run::report_embeddings(embedder.as_deref(), args.read.quiet);
    let rendered = match args.format.as_str() {
        "md" => crosscheck_report::render_markdown(&brief),
        "html" => crosscheck_report::render_html(&brief),
        _ => serde_json::to_string_pretty(&brief)? + "\n",
    };
    match &args.output {
        Some(p) => {
            std::fs::write(p, rendered).with_context(|| format!("writing {}", p.display()))?
        }
        None => std::io::stdout().lock().write_all(rendered.as_bytes())?,
    }
    if analysed == 0 {
        bail!("no document could be analysed");
    }
    Ok(())
}
