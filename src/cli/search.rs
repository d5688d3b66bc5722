//! `morgue search`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct SearchArgs {}

pub fn run(index: &Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
