//! `morgue stats`.

use std::path::Path;
use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct StatsArgs {}

pub fn run(index: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
