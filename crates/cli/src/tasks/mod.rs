//! One module per subcommand area, so each stage's commands live apart.

pub mod brief;

use anyhow::Result;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalTask {}

#[derive(Subcommand)]
pub enum TrainTask {}

pub fn run_eval(task: EvalTask) -> Result<()> {
    match task {}
}

pub fn run_train(task: TrainTask) -> Result<()> {
    match task {}
}
