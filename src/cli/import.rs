//! `morgue import`: bring the HTML responses of existing WARC files (wget's, Common Crawl's,
//! warcio's, Webrecorder's) into the archive and the index.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

use crate::archive::{self, Archive, RecordKind};
use crate::capture::Capture;
use crate::cli::progress::Progress;
use crate::identity;
use crate::index::Index;
use crate::pipeline::{self, Activity, Batcher, Page};
use crate::store::Store;

/// Import WARC files: copy their HTML responses into the archive and index them.
///
/// Non-HTML and non-200 records are skipped and counted. A `revisit` record whose original (same
/// payload digest) was imported in the same run, or is in the archive already, is resolved: the
/// original's payload is archived again as a response for the revisit's URL and date, so
/// `rebuild` needs nothing else. A damaged record is reported with its
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
    let archive = super::repaired_archive(&store)?;
    // Revisits of captures archived by earlier runs are resolved through the index as it was.
    let earlier = match store.live_index_dir()? {
        Some(_) => Some((store.open_index()?, archive.clone())),
        None => None,
    };
    let archive = archive.writer()?;
    let writer = store.open_or_create_index()?.writer()?;
    // Large batches: an index commit costs a flush and may merge segments, and nobody waits on
    // per-record reports here.
    let mut batch: Batcher<()> = Batcher::new(store, archive, writer, Activity::Import)?
        .every(10_000, std::time::Duration::from_secs(60));

    let started = Instant::now();
    let mut damaged = false;
    let mut total = FileReport::default();
    let mut originals = Originals::new(earlier);
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

/// Finds the original of a revisit: an HTML response imported earlier in this run (by payload
/// digest), or one already in the archive from an earlier run (through the index, by the
/// revisit's `WARC-Refers-To-Target-URI` or its own URL), whose payload digest matches.
struct Originals {
    /// Hash of the payload digest → (file number, offset, length) in the files of this run:
    /// about 40 bytes per HTML response, so a million-record import stays small.
    seen: HashMap<u64, (u32, u64, u64)>,
    files: Vec<PathBuf>,
    /// The live index and the archive as they were before this run.
    earlier: Option<(Index, Archive)>,
}

impl Originals {
    fn new(earlier: Option<(Index, Archive)>) -> Originals {
        Originals {
            seen: HashMap::new(),
            files: Vec::new(),
            earlier,
        }
    }

    fn remember(&mut self, path: &Path, record: &archive::ArchivedCapture) {
        let Some(digest) = &record.payload_digest else {
            return;
        };
        if self.files.last().is_none_or(|f| f != path) {
            self.files.push(path.to_path_buf());
        }
        let file = (self.files.len() - 1) as u32;
        let at = &record.location;
        self.seen
            .entry(key(digest))
            .or_insert((file, at.offset, at.length));
    }

    /// The revisit's capture with the original's payload, or why it cannot be resolved.
    fn resolve(&self, revisit: archive::ArchivedCapture) -> Result<Capture, String> {
        let digest = revisit
            .payload_digest
            .as_deref()
            .ok_or("revisit without a payload digest")?;
        let same = |original: &archive::ArchivedCapture| {
            let found = (original.payload_digest.clone())
                .unwrap_or_else(|| archive::sha1_digest(&original.capture.body));
            found.eq_ignore_ascii_case(digest)
        };
        let in_this_run = self
            .seen
            .get(&key(digest))
            .and_then(|&(file, offset, length)| {
                let path = &self.files[file as usize];
                let location = archive::RecordLocation {
                    file: path.display().to_string(),
                    offset,
                    length,
                };
                archive::read_at(path, &location).ok().filter(same)
            });
        let in_archive = || {
            let (index, archive) = self.earlier.as_ref()?;
            let RecordKind::Revisit { refers_to_uri, .. } = &revisit.kind else {
                return None;
            };
            let urls = refers_to_uri.iter().chain([&revisit.capture.url]);
            urls.filter_map(|url| index.get(&identity::article_id(url)).ok().flatten())
                .filter_map(|stored| archive.read_at(stored.location.as_ref()?).ok())
                .find(same)
        };
        let original = in_this_run
            .or_else(in_archive)
            .ok_or("revisit of a capture neither in this import nor in the archive")?;
        let mut capture = original.capture;
        capture.url = revisit.capture.url;
        capture.fetched_at = revisit.capture.fetched_at;
        capture.ip = revisit.capture.ip;
        Ok(capture)
    }
}

/// A payload digest as a map key (case-insensitive, as digests are compared).
fn key(digest: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&digest.to_ascii_lowercase(), &mut hasher);
    std::hash::Hasher::finish(&hasher)
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
