//! `morgue extract`.

use std::process::ExitCode;

/// TODO
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
