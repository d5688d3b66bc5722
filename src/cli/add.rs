//! `morgue add`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct AddArgs {}

pub fn run(index: &Path, args: AddArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
