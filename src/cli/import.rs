//! `morgue import`: bring the HTML responses of existing WARC files (wget's, Common Crawl's,
//! warcio's, Webrecorder's) into the archive and the index.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

use crate::archive::{self, RecordKind};
use crate::capture::Capture;
use crate::cli::progress::Progress;
use crate::pipeline::{self, Activity, Batcher, Page};
use crate::store::Store;

/// Import WARC files: copy their HTML responses into the archive and index them.
///
/// Non-HTML and non-200 records are skipped and counted. A `revisit` record whose original (same
/// payload digest) was imported in the same run is resolved: the original's payload is archived
/// again as a response for the revisit's URL and date, so `rebuild` needs nothing else. A damaged record is reported with its
/// offset and the rest of the file is still imported. Exit status: 0 when every file was read to
/// its end without damage, 1 when a record or file could not be read, 2 on an error that stopped
/// the run.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// WARC files (`.warc`, `.warc.gz`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print one JSON summary object per file on stdout.
    #[arg(long)]
    pub json: bool,

    /// Wait for another writer to finish instead of failing.
    #[arg(long)]
    pub wait: bool,
}

/// What importing one file came to.
#[derive(Debug, Default, Serialize)]
struct FileReport {
    file: String,
    records: u64,
    indexed: u64,
    skipped: BTreeMap<String, u64>,
    errors: Vec<String>,
}

/// Captures extracted together (in parallel) before they are indexed in order.
const CHUNK: usize = 256;

pub fn run(index: &Path, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let _lock = store.lock(args.wait)?;
    let archive = super::repaired_archive(&store)?.writer()?;
    let writer = store.open_or_create_index()?.writer()?;
    // Large batches: an index commit costs a flush and may merge segments, and nobody waits on
    // per-record reports here.
    let mut batch: Batcher<()> = Batcher::new(store, archive, writer, Activity::Import)?
        .every(10_000, std::time::Duration::from_secs(60));

    let started = Instant::now();
    let mut damaged = false;
    let mut total = FileReport::default();
    let mut originals = Originals::new();
    let sizes: Vec<u64> = (args.files.iter())
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .collect();
    let mut progress = Progress::new(Some(sizes.iter().sum()));
    let mut bytes_before = 0;
    for (file, size) in args.files.iter().zip(&sizes) {
        let mut reading = Reading {
            originals: &mut originals,
            progress: &mut progress,
            bytes_before,
        };
        let report = import_file(&mut batch, &mut reading, file)?;
        bytes_before += size;
        progress.clear();
        batch.commit()?;
        damaged |= !report.errors.is_empty();
        for error in &report.errors {
            eprintln!("morgue: {error}");
        }
        if args.json {
            println!("{}", serde_json::to_string(&report)?);
        } else {
            println!(
                "{}: {} records, {} indexed, {} skipped{}",
                report.file,
                report.records,
                report.indexed,
                report.skipped.values().sum::<u64>(),
                describe(&report.skipped)
            );
        }
        total.records += report.records;
        total.indexed += report.indexed;
    }
    // Few segments keep searches fast after a large import (everything is committed already).
    batch.index.optimize()?;
    eprintln!(
        "{} file{}: {} records, {} indexed in {:.1} s",
        args.files.len(),
        if args.files.len() == 1 { "" } else { "s" },
        total.records,
        total.indexed,
        started.elapsed().as_secs_f64()
    );
    Ok(if damaged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn describe(skipped: &BTreeMap<String, u64>) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
    format!(" ({})", parts.join(", "))
}

/// Where the HTML payloads imported in this run are, by payload digest, to resolve revisits.
struct Originals(HashMap<String, (PathBuf, archive::RecordLocation)>);

impl Originals {
    fn new() -> Originals {
        Originals(HashMap::new())
    }

    fn remember(&mut self, path: &Path, record: &archive::ArchivedCapture) {
        if let Some(digest) = &record.payload_digest {
            self.0
                .entry(digest.to_ascii_lowercase())
                .or_insert_with(|| (path.to_path_buf(), record.location.clone()));
        }
    }

    /// The revisit's capture with the original's payload, or why it cannot be resolved.
    fn resolve(&self, revisit: archive::ArchivedCapture) -> Result<Capture, String> {
        let digest = revisit
            .payload_digest
            .as_ref()
            .ok_or("revisit without a payload digest")?;
        let (path, location) = self
            .0
            .get(&digest.to_ascii_lowercase())
            .ok_or("revisit of a capture not in this import")?;
        let original = archive::read_at(path, location).map_err(|e| e.to_string())?;
        let mut capture = original.capture;
        capture.url = revisit.capture.url;
        capture.fetched_at = revisit.capture.fetched_at;
        capture.ip = revisit.capture.ip;
        Ok(capture)
    }
}

/// What reading one file needs from the whole run.
struct Reading<'a> {
    originals: &'a mut Originals,
    progress: &'a mut Progress,
    bytes_before: u64,
}

fn import_file(
    batch: &mut Batcher<()>,
    reading: &mut Reading,
    path: &Path,
) -> anyhow::Result<FileReport> {
    let mut report = FileReport {
        file: path.display().to_string(),
        ..FileReport::default()
    };
    let records = match archive::read(path) {
        Ok(records) => records,
        Err(e) => {
            report.errors.push(e.to_string());
            return Ok(report);
        }
    };
    let mut chunk: Vec<Page> = Vec::with_capacity(CHUNK);
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                report.errors.push(e.to_string());
                continue;
            }
        };
        report.records += 1;
        let offset = record.location.offset;
        let capture = if let RecordKind::Revisit { .. } = record.kind {
            match reading.originals.resolve(record) {
                Ok(capture) => capture,
                Err(reason) => {
                    *report.skipped.entry(reason).or_default() += 1;
                    continue;
                }
            }
        } else {
            if record.capture.status == 200 && record.capture.is_html() {
                reading.originals.remember(path, &record);
            }
            record.capture
        };
        if capture.status != 200 {
            *report
                .skipped
                .entry(format!("HTTP {}", capture.status))
                .or_default() += 1;
            continue;
        }
        if !capture.is_html() {
            *report.skipped.entry("not HTML".into()).or_default() += 1;
            continue;
        }
        let location = batch.archive.append(&capture, None, &[])?;
        batch.count_capture();
        chunk.push((capture, Some(location)));
        if chunk.len() == CHUNK {
            index_chunk(batch, &mut chunk, &mut report)?;
            let done = reading.bytes_before + offset;
            reading
                .progress
                .update(report.indexed, "articles", done, "");
        }
    }
    index_chunk(batch, &mut chunk, &mut report)?;
    Ok(report)
}

fn index_chunk(
    batch: &mut Batcher<()>,
    chunk: &mut Vec<Page>,
    report: &mut FileReport,
) -> anyhow::Result<()> {
    let indexed = pipeline::index_pages(&mut batch.index, chunk, &mut report.skipped)?;
    report.indexed += indexed;
    for _ in 0..indexed {
        batch.push((), true);
    }
    if batch.due() {
        batch.commit()?;
    }
    Ok(())
}
