//! The command line: clap definitions (one struct per subcommand, one file each) and the mapping
//! from a run's outcome to an exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod add;
mod extract;
mod import;
mod progress;
mod rebuild;
mod search;
mod show;
mod stats;
mod verify;

/// morgue: a full-text search engine for news archives.
#[derive(Debug, Parser)]
#[command(name = "morgue", version, about, max_term_width = 100)]
pub struct Cli {
    /// The archive directory: WARC files and the search index.
    #[arg(long, global = true, env = "MORGUE_INDEX", default_value = "./index")]
    pub index: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::AddArgs),
    Search(search::SearchArgs),
    Show(show::ShowArgs),
    Rebuild(rebuild::RebuildArgs),
    Import(import::ImportArgs),
    Extract(extract::ExtractArgs),
    Stats(stats::StatsArgs),
    Verify(verify::VerifyArgs),
}

/// The archive of `store`, after cutting off a record torn by a crash (reported on stderr).
/// Every writer starts with this, under the writer lock.
fn repaired_archive(store: &crate::store::Store) -> anyhow::Result<crate::archive::Archive> {
    let archive = store.archive()?;
    for note in archive.repair()? {
        eprintln!(
            "morgue: repaired {}: cut {} bytes after offset {} ({})",
            note.file.display(),
            note.bytes,
            note.offset,
            note.reason
        );
    }
    Ok(archive)
}

/// Extraction threads run 5 steps of niceness below the rest of the process: extraction is bulk
/// work, while the fetcher must answer each response at once (politeness-limited throughput is
/// lost in every idle moment of a host's slots) and searches run by other processes during an
/// `add`, `import` or `rebuild` should stay instant. Niceness only weighs threads that compete for
/// a core, so an idle machine still gives extraction all of its cores.
fn lower_extraction_priority() {
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| {
            // on Linux, PRIO_PROCESS of "self" is the calling thread
            if let Ok(nice) = rustix::process::getpriority_process(None) {
                let _ = rustix::process::setpriority_process(None, (nice + 5).min(19));
            }
        })
        .build_global();
}

/// Parses the command line and runs it.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Command::Add(_) | Command::Import(_) | Command::Rebuild(_)
    ) {
        lower_extraction_priority();
    }
    match cli.command {
        Command::Add(args) => add::run(&cli.index, args),
        Command::Search(args) => search::run(&cli.index, args),
        Command::Show(args) => show::run(&cli.index, args),
        Command::Rebuild(args) => rebuild::run(&cli.index, args),
        Command::Import(args) => import::run(&cli.index, args),
        Command::Extract(args) => extract::run(args),
        Command::Stats(args) => stats::run(&cli.index, args),
        Command::Verify(args) => verify::run(&cli.index, args),
    }
}
