//! `morgue rebuild`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct RebuildArgs {}

pub fn run(index: &Path, args: RebuildArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
