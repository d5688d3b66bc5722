//! `morgue add`: fetch URLs, archive every response, extract and index the articles.
//!
//! URLs stream in (arguments, then `--input` lines) to the fetcher, which keeps its own limits;
//! outcomes come back in completion order and are archived, extracted and indexed on this thread.
//! Reports are printed only after the batch that holds them is durable, and then recorded in the
//! batch's journal so an interrupted run resumes where it stopped.

mod buffer;
mod journal;
mod previous;
mod report;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;

use crate::archive::{RecordLocation, RevisitProfile};
use crate::fetch::{Exchange, FetchConfig, FetchOutcome, Fetcher, Job};
use crate::identity;
use crate::pipeline::{self, Activity, Batcher, Page};
use crate::store::Store;
use buffer::Buffer;
use journal::Journal;
use previous::Lookup;
use report::{Printer, Report, Status};

/// Fetch article URLs, archive them, and index them.
///
/// Politeness: at most `--per-host` requests in flight per host (and `--concurrency` overall),
/// robots.txt obeyed (its Crawl-delay too). Retries: connection errors, 429 and 5xx are retried
/// `--retries` times with exponential backoff, honouring Retry-After. Resuming: a batch that is
/// interrupted (Ctrl-C, crash) resumes when the same command is run again; `--refetch` starts over.
/// A URL already in the archive is fetched conditionally and reported `unchanged` when it did not
/// change.
///
/// Exit status: 0 when every URL was indexed, unchanged or deliberately skipped; 1 when at least
/// one URL failed (the others are still archived and indexed); 2 on an error that stopped the run;
/// 130 when interrupted.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// URLs to add.
    pub urls: Vec<String>,

    /// Read URLs from FILE, one per line (`-` for standard input); blank lines and `#` comments
    /// are ignored. The file is streamed, never held in memory.
    #[arg(long, short = 'i', value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Print one JSON object per URL on stdout.
    #[arg(long)]
    pub json: bool,

    /// Requests in flight overall.
    #[arg(long, default_value_t = 128, value_name = "N")]
    pub concurrency: usize,

    /// Requests in flight per host.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub per_host: usize,

    /// Minimum milliseconds between two requests to the same host (robots.txt Crawl-delay wins
    /// when larger).
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub delay: u64,

    /// Seconds before a request is abandoned.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub timeout: u64,

    /// Retries after a connection error, 429 or 5xx.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub retries: usize,

    /// Largest response body accepted (also after decompression), in megabytes.
    #[arg(long, default_value_t = 20, value_name = "MB")]
    pub max_size: u64,

    /// User-Agent header (default: morgue/VERSION).
    #[arg(long, value_name = "STRING")]
    pub user_agent: Option<String>,

    /// Fetch URLs that robots.txt disallows (for your own sites).
    #[arg(long)]
    pub ignore_robots: bool,

    /// Archive non-HTML responses (PDFs, images) instead of only reporting them as skipped.
    #[arg(long)]
    pub keep_non_html: bool,

    /// Fetch every URL again, even those an interrupted run of this batch already added.
    #[arg(long)]
    pub refetch: bool,

    /// Make the archive and the index durable (and print the reports) every N articles; a
    /// batch is also closed every 5 seconds.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub batch_size: usize,

    /// Wait for another writer to finish instead of failing.
    #[arg(long)]
    pub wait: bool,
}

impl AddArgs {
    fn fetch_config(&self) -> FetchConfig {
        let mut config = FetchConfig {
            connect_timeout: Duration::from_secs(self.timeout.clamp(1, 10)),
            timeout: Duration::from_secs(self.timeout.max(1)),
            max_body: self.max_size << 20,
            concurrency: self.concurrency.max(1),
            per_host: self.per_host.max(1),
            retries: self.retries,
            delay: Duration::from_millis(self.delay),
            ignore_robots: self.ignore_robots,
            ..FetchConfig::default()
        };
        if let Some(ua) = &self.user_agent {
            config.user_agent = ua.clone();
        }
        config
    }
}

pub fn run(index: &Path, args: AddArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let _lock = store.lock(args.wait)?;
    let archive = super::repaired_archive(&store)?;
    let lookup = Arc::new(Lookup::new(
        store
            .live_index_dir()?
            .map(|_| store.open_index())
            .transpose()?,
        archive.clone(),
    ));
    let writer = store.open_or_create_index()?.writer_with_threads(1)?;
    let mut batch: Batcher<Report> =
        Batcher::new(store.clone(), archive.writer()?, writer, Activity::Add)?
            .every(args.batch_size, Duration::from_secs(5));
    let mut journal = if args.refetch {
        if let Some(old) = Journal::open(store.root(), &args.urls, args.input.as_deref())? {
            old.finish()?;
        }
        None
    } else {
        Journal::open(store.root(), &args.urls, args.input.as_deref())?
    };
    if let Some(j) = journal.as_ref().filter(|j| j.resumed() > 0) {
        eprintln!(
            "morgue: resuming an interrupted batch: {} URLs already done (--refetch to start over)",
            j.resumed()
        );
    }

    // One worker: fetching is waiting, not computing (the CPU work is extraction, on rayon's
    // threads). On one thread, hyper hands a finished connection back to its pool before the
    // host's next request looks for one, so a host never sees a third connection from us (two
    // workers raced it, and the server counted 3 requests of a host in flight for a moment).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let fetcher = Arc::new(Fetcher::new(args.fetch_config())?);
    let (jobs_tx, jobs_rx) = tokio::sync::mpsc::channel::<Job>(256);
    let outcomes = {
        let _guard = runtime.enter();
        Buffer::spawn(&runtime, Arc::clone(&fetcher).fetch_all(jobs_rx))
    };

    let stop = Arc::new(AtomicBool::new(false));
    runtime.spawn({
        let stop = Arc::clone(&stop);
        async move {
            // The first Ctrl-C stops taking new work and keeps what is done; a second one
            // leaves at once (the journal and the archive repair make that safe too).
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::SeqCst);
                eprintln!("\nmorgue: stopping after the pages in hand (Ctrl-C again to quit now)");
            }
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    });

    // Reports that need no fetch (bad lines, done by an earlier run) join the next batch.
    let early: Arc<Mutex<Vec<Report>>> = Arc::default();
    let sent = Arc::new(AtomicUsize::new(0));
    let done_before = journal.as_mut().map(|j| Arc::new(j.take_done()));
    let feeder = {
        let feed = Feed {
            urls: args.urls.clone(),
            input: args.input.clone(),
            jobs: jobs_tx,
            early: Arc::clone(&early),
            stop: Arc::clone(&stop),
            sent: Arc::clone(&sent),
            lookup: Arc::clone(&lookup),
            done_before,
        };
        std::thread::spawn(move || feed.run())
    };

    let mut printer = Printer::new(args.json);
    let mut received = 0;
    let commit = |batch: &mut Batcher<Report>,
                  journal: &mut Option<Journal>,
                  printer: &mut Printer|
     -> anyhow::Result<()> {
        take_early(batch, &early);
        let reports = batch.commit()?;
        printer.print(&reports)?;
        if let Some(journal) = journal {
            journal.record(reports.iter().map(|r| r.url.as_str()))?;
        }
        Ok(())
    };
    // Outcomes are taken in groups (what has arrived, up to GROUP): archived in order on this
    // thread, then their pages extracted in parallel, then indexed in order.
    while let Some(first) = outcomes.recv() {
        let mut group = vec![first];
        while group.len() < GROUP {
            match outcomes.try_recv() {
                Some(next) => group.push(next),
                None => break,
            }
        }
        received += group.len();
        let mut reports = Vec::with_capacity(group.len());
        let mut pending: Vec<(usize, Page)> = Vec::new();
        for (job, outcome) in group {
            let (report, page) = handle(&mut batch, &lookup, &args, job.url.as_str(), outcome)?;
            lookup.forget(job.url.as_str());
            if let Some(page) = page {
                pending.push((reports.len(), page));
            }
            reports.push(report);
        }
        let (slots, pages): (Vec<usize>, Vec<Page>) = pending.into_iter().unzip();
        for (result, slot) in pipeline::articles_from(&pages).into_iter().zip(slots) {
            let report = &mut reports[slot];
            match result {
                Ok(doc) => {
                    batch.index.upsert(&doc)?;
                    report.status = Status::Indexed;
                    report.id = Some(doc.id);
                    report.title = doc.article.title;
                }
                Err(reason) => report.error = Some(reason),
            }
        }
        for report in reports {
            let article = report.status == Status::Indexed;
            batch.push(report, article);
        }
        if batch.due() {
            commit(&mut batch, &mut journal, &mut printer)?;
        }
        printer.tick(
            sent.load(Ordering::Relaxed).saturating_sub(received),
            &fetcher.status(),
        );
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    // Without a reader for its outcomes the fetcher stops, which also frees the feeder.
    drop(outcomes);
    let fed = feeder
        .join()
        .map_err(|_| anyhow::anyhow!("the URL reader thread panicked"))?;
    commit(&mut batch, &mut journal, &mut printer)?;
    fed?;
    eprintln!("{}", printer.summary());
    if stop.load(Ordering::SeqCst) {
        eprintln!("morgue: interrupted; run the same command again to resume");
        runtime.shutdown_background();
        return Ok(ExitCode::from(130));
    }
    if let Some(journal) = journal {
        journal.finish()?;
    }
    Ok(if printer.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn take_early(batch: &mut Batcher<Report>, early: &Mutex<Vec<Report>>) {
    let reports = std::mem::take(&mut *early.lock().unwrap_or_else(|e| e.into_inner()));
    for report in reports {
        batch.push(report, false);
    }
}

/// The thread that reads URLs and queues them for the fetcher.
struct Feed {
    urls: Vec<String>,
    input: Option<PathBuf>,
    jobs: tokio::sync::mpsc::Sender<Job>,
    early: Arc<Mutex<Vec<Report>>>,
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicUsize>,
    lookup: Arc<Lookup>,
    done_before: Option<Arc<std::collections::HashSet<u64>>>,
}

impl Feed {
    fn run(self) -> anyhow::Result<()> {
        for url in &self.urls {
            if !self.send(url) {
                return Ok(());
            }
        }
        let Some(input) = &self.input else {
            return Ok(());
        };
        let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            let file = std::fs::File::open(input)
                .with_context(|| format!("cannot read {}", input.display()))?;
            Box::new(BufReader::new(file))
        };
        for line in reader.lines() {
            let line = line.with_context(|| format!("cannot read {}", input.display()))?;
            if !self.send(&line) {
                break;
            }
        }
        Ok(())
    }

    /// Queues one line; false when the run is stopping.
    fn send(&self, line: &str) -> bool {
        if self.stop.load(Ordering::SeqCst) {
            return false;
        }
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return true;
        }
        let url = match identity::normalize(line) {
            Ok(url) => url,
            Err(e) => {
                self.report(Report::failed(line, e.to_string(), None));
                return true;
            }
        };
        if self
            .done_before
            .as_ref()
            .is_some_and(|done| done.contains(&journal::hash(url.as_str())))
        {
            let mut report = Report::new(url.as_str(), Status::Skipped);
            report.error = Some("already added by the interrupted run of this batch".into());
            self.report(report);
            return true;
        }
        let validators = self.lookup.validators(url.as_str());
        self.sent.fetch_add(1, Ordering::Relaxed);
        self.jobs.blocking_send(Job { url, validators }).is_ok()
    }

    fn report(&self, report: Report) {
        self.early
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(report);
    }
}

/// Outcomes handled together; their pages are extracted in parallel.
const GROUP: usize = 64;

/// Archives an outcome's exchanges and reports it; a final page to extract and index is returned
/// beside the report (which the caller completes).
fn handle(
    batch: &mut Batcher<Report>,
    lookup: &Lookup,
    args: &AddArgs,
    url: &str,
    outcome: FetchOutcome,
) -> anyhow::Result<(Report, Option<Page>)> {
    let mut report = Report::new(url, Status::Failed);
    report.http_status = outcome.final_response().map(|r| r.status);
    report.final_url = outcome.final_response().map(|r| r.url.clone());
    match outcome {
        FetchOutcome::Failed { error, hops } => {
            for i in 0..hops.len() {
                archive(batch, &hops, i)?;
            }
            report.error = Some(error);
        }
        FetchOutcome::Skipped { reason, hops } => {
            if args.keep_non_html && reason.starts_with("not HTML") {
                for i in 0..hops.len() {
                    archive(batch, &hops, i)?;
                }
            }
            report.status = Status::Skipped;
            report.error = Some(reason);
        }
        FetchOutcome::NotModified { hops } => {
            let Some((last, redirects)) = hops.split_last() else {
                report.error = Some("no response".into());
                return Ok((report, None));
            };
            for i in 0..redirects.len() {
                archive(batch, &hops, i)?;
            }
            match lookup.find(&last.response.url) {
                Some(previous) => {
                    batch.archive.append_revisit(
                        &last.response,
                        &previous.revisit(RevisitProfile::ServerNotModified),
                    )?;
                    batch.count_capture();
                    report.status = Status::Unchanged;
                    report.id = Some(previous.id);
                    report.title = previous.title;
                }
                None => {
                    archive(batch, &hops, redirects.len())?;
                    report.error = Some("HTTP 304 Not Modified, but no earlier capture".into());
                }
            }
        }
        FetchOutcome::Fetched { hops } => {
            let Some((last, redirects)) = hops.split_last() else {
                report.error = Some("no response".into());
                return Ok((report, None));
            };
            for i in 0..redirects.len() {
                archive(batch, &hops, i)?;
            }
            let response = &last.response;
            if response.status == 200
                && let Some(previous) = lookup.find(&response.url)
                && previous.same_payload(response)
            {
                batch.archive.append_revisit(
                    response,
                    &previous.revisit(RevisitProfile::IdenticalPayloadDigest),
                )?;
                batch.count_capture();
                report.status = Status::Unchanged;
                report.id = Some(previous.id);
                report.title = previous.title;
                return Ok((report, None));
            }
            let location = archive(batch, &hops, redirects.len())?;
            let page = hops.into_iter().next_back().map(|hop| hop.response);
            return Ok((report, page.map(|capture| (capture, Some(location)))));
        }
    }
    Ok((report, None))
}

/// Archives hop `i` of a chain: request, response, and a metadata record saying how long it took
/// and, for a redirect's target, where it came from (Heritrix's `via` and `hopsFromSeed`).
fn archive(
    batch: &mut Batcher<Report>,
    hops: &[Exchange],
    i: usize,
) -> anyhow::Result<RecordLocation> {
    let hop = &hops[i];
    let mut fields = vec![(
        "fetchTimeMs".to_string(),
        hop.elapsed.as_millis().to_string(),
    )];
    if let Some(previous) = i.checked_sub(1).map(|p| &hops[p]) {
        fields.push(("via".to_string(), previous.request.url.clone()));
        fields.push(("hopsFromSeed".to_string(), "R".repeat(i)));
    }
    let location = batch
        .archive
        .append(&hop.response, Some(&hop.request), &fields)?;
    batch.count_capture();
    Ok(location)
}
