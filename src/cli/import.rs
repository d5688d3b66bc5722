//! `morgue import`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct ImportArgs {}

pub fn run(index: &Path, args: ImportArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
