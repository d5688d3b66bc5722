//! `morgue rebuild`: re-extract and re-index every archived capture, with no network, into a new
//! index generation that replaces the live one atomically at the end.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

use crate::archive::{self, RecordKind};
use crate::cli::progress::Progress;
use crate::index::Index;
use crate::pipeline::{self, Page};
use crate::store::Store;

/// Rebuild the index from the archive alone.
///
/// The new index is built beside the live one, which keeps serving searches until the new one
/// replaces it; an interrupted rebuild leaves the old index in place. Exit status: 0 when every
/// record was read, 1 when some records were damaged (the rest is indexed), 2 on an error.
#[derive(Debug, clap::Args)]
pub struct RebuildArgs {
    /// Print a JSON summary on stdout.
    #[arg(long)]
    pub json: bool,

    /// Wait for another writer to finish instead of failing.
    #[arg(long)]
    pub wait: bool,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    captures: u64,
    articles: u64,
    skipped: BTreeMap<String, u64>,
    errors: Vec<String>,
    seconds: f64,
}

const CHUNK: usize = 256;

/// Articles between commits of the new generation (invisible to searches until it is published):
/// an index writer holds every uncommitted delete and duplicate-detection entry in memory, so
/// without them memory would grow with the archive.
const COMMIT_EVERY: u64 = 10_000;

pub fn run(index: &Path, args: RebuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let store = Store::new(index);
    let _lock = store.lock(args.wait)?;
    let archive = super::repaired_archive(&store)?;
    let generation = store.new_generation()?;
    let new_index = Index::open_or_create(&generation)?;
    let mut writer = new_index.writer()?;

    let mut summary = Summary::default();
    let mut chunk: Vec<Page> = Vec::with_capacity(CHUNK);
    let mut indexed = 0;
    let files = archive.files()?;
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .collect();
    let mut progress = Progress::new(Some(sizes.iter().sum()));
    let mut bytes_before = 0;
    for (file, size) in files.iter().zip(&sizes) {
        let records = match archive::read(file) {
            Ok(records) => records,
            Err(e) => {
                summary.errors.push(e.to_string());
                continue;
            }
        };
        for record in records {
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    summary.errors.push(e.to_string());
                    continue;
                }
            };
            summary.captures += 1;
            if !matches!(record.kind, RecordKind::Response) {
                continue;
            }
            let offset = record.location.offset;
            chunk.push((record.capture, Some(record.location)));
            if chunk.len() == CHUNK {
                indexed += pipeline::index_pages(&mut writer, &mut chunk, &mut summary.skipped)?;
                progress.update(summary.captures, "captures", bytes_before + offset, "");
                if indexed >= COMMIT_EVERY {
                    writer.commit()?;
                    indexed = 0;
                }
            }
        }
        bytes_before += size;
    }
    pipeline::index_pages(&mut writer, &mut chunk, &mut summary.skipped)?;
    progress.clear();
    writer.optimize()?;
    drop(writer);
    summary.articles = new_index.stats()?.articles;
    store.publish(&generation)?;

    let mut state = store.state()?;
    state.captures = summary.captures;
    state.last_rebuild = Some(chrono::Utc::now());
    store.save_state(&state)?;

    summary.seconds = started.elapsed().as_secs_f64();
    for error in &summary.errors {
        eprintln!("morgue: {error}");
    }
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        println!(
            "rebuilt {}: {} captures read, {} articles indexed, {} skipped, {} damaged records in {:.1} s",
            index.display(),
            summary.captures,
            summary.articles,
            summary.skipped.values().sum::<u64>(),
            summary.errors.len(),
            summary.seconds
        );
    }
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
