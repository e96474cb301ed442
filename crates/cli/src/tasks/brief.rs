use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (recursed); `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "json")]
    pub format: String,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Document date override, DOC=YYYY-MM-DD (repeatable).
    #[arg(long = "date")]
    pub dates: Vec<String>,
    /// Add each document's analysed text to the JSON.
    #[arg(long)]
    pub include_text: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: Args) -> Result<()> {
    let brief = crosscheck_brief::Brief::default();
    let json = serde_json::to_string_pretty(&brief)?;
    match args.output {
        Some(p) => std::fs::write(p, json)?,
        None => println!("{json}"),
    }
    Ok(())
}
