//! (being built: the owning stage replaces this file)
use anyhow::{bail, Result};

#[derive(clap::Args)]
pub struct EvalArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub rest: Vec<String>,
}

pub fn eval(_a: EvalArgs) -> Result<()> {
    bail!("not built yet")
}
