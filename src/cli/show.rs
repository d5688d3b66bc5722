//! `morgue show`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct ShowArgs {}

pub fn run(index: &Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
