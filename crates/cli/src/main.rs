//! The `crosscheck` command line: a thin layer over the stage crates.

mod tasks;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-checked briefs from many conflicting reports about one event"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents and write a cross-checked brief.
    Brief(tasks::brief::Args),
    /// Analyse documents and keep them in the embedded store.
    Add(tasks::add::AddArgs),
    /// List the documents in the store.
    List(tasks::add::ListArgs),
    /// Serve the store's brief, search and documents over HTTP (loopback by default).
    Serve(tasks::serve::Args),
    /// Score a component on a benchmark file; prints JSON.
    Eval {
        #[command(subcommand)]
        task: tasks::EvalTask,
    },
    /// Reproduce a shipped model from ../shared/datasets.
    Train {
        #[command(subcommand)]
        task: tasks::TrainTask,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Brief(args) => tasks::brief::run(args),
        Command::Add(args) => tasks::add::add(args),
        Command::List(args) => tasks::add::list(args),
        Command::Serve(args) => tasks::serve::run(args),
        Command::Eval { task } => tasks::run_eval(task),
        Command::Train { task } => tasks::run_train(task),
    }
}
