//! `morgue add`: fetch URLs, archive every response, extract and index the articles.
//!
//! URLs stream in (arguments, then `--input` lines) to the fetcher, which keeps its own limits;
//! outcomes come back in completion order and are archived, extracted and indexed on this thread.
//! Reports are printed only after the batch that holds them is durable.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::Serialize;

use crate::fetch::{Exchange, FetchConfig, FetchOutcome, Fetcher, Job};
use crate::identity;
use crate::pipeline::{self, Activity, Batcher};
use crate::store::Store;

/// Fetch article URLs, archive them, and index them.
///
/// Exit status: 0 when every URL was indexed, unchanged or deliberately skipped; 1 when at least
/// one URL failed (the others are still archived and indexed); 2 on an error that stopped the run.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// URLs to add.
    pub urls: Vec<String>,

    /// Read URLs from FILE, one per line (`-` for standard input); blank lines and `#` comments
    /// are ignored.
    #[arg(long, short = 'i', value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Print one JSON object per URL on stdout.
    #[arg(long)]
    pub json: bool,

    /// Requests in flight overall.
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub concurrency: usize,

    /// Requests in flight per host.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub per_host: usize,

    /// Seconds before a request is abandoned.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub timeout: u64,

    /// Retries after a connection error, 429 or 5xx.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub retries: usize,

    /// Largest response body accepted, in megabytes.
    #[arg(long, default_value_t = 20, value_name = "MB")]
    pub max_size: u64,

    /// User-Agent header.
    #[arg(long, value_name = "STRING")]
    pub user_agent: Option<String>,

    /// Wait for another writer to finish instead of failing.
    #[arg(long)]
    pub wait: bool,
}

/// The per-URL report (`--json` prints these).
#[derive(Debug, Serialize)]
struct Report {
    url: String,
    status: &'static str,
    http_status: Option<u16>,
    error: Option<String>,
    id: Option<String>,
    title: Option<String>,
    final_url: Option<String>,
}

impl Report {
    fn failed(url: &str, error: String, http_status: Option<u16>) -> Report {
        Report {
            url: url.to_string(),
            status: "failed",
            http_status,
            error: Some(error),
            id: None,
            title: None,
            final_url: None,
        }
    }
}

pub fn run(index: &Path, args: AddArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let _lock = store.lock(args.wait)?;
    let archive = store.archive()?.writer()?;
    let writer = store.open_or_create_index()?.writer()?;
    let mut batch: Batcher<Report> = Batcher::new(store, archive, writer, Activity::Add)?;

    let mut config = FetchConfig {
        connect_timeout: Duration::from_secs(args.timeout.min(10)),
        timeout: Duration::from_secs(args.timeout),
        max_body: args.max_size << 20,
        concurrency: args.concurrency.max(1),
        per_host: args.per_host.max(1),
        retries: args.retries,
        ..FetchConfig::default()
    };
    if let Some(ua) = &args.user_agent {
        config.user_agent = ua.clone();
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let fetcher = Arc::new(Fetcher::new(config)?);
    let (jobs_tx, jobs_rx) = tokio::sync::mpsc::channel::<Job>(256);
    let mut outcomes = {
        let _guard = runtime.enter();
        fetcher.fetch_all(jobs_rx)
    };

    // Bad lines never reach the fetcher; they are reported with the next batch.
    let rejected: Arc<Mutex<Vec<Report>>> = Arc::default();
    let reader = {
        let rejected = Arc::clone(&rejected);
        let urls = args.urls.clone();
        let input = args.input.clone();
        std::thread::spawn(move || feed(urls, input, jobs_tx, rejected))
    };

    let started = Instant::now();
    let mut summary = Summary::default();
    let mut out = std::io::stdout().lock();
    while let Some((job, outcome)) = outcomes.blocking_recv() {
        let report = handle(&mut batch, job.url.as_str(), outcome)?;
        let article = report.status == "indexed";
        batch.push(report, article);
        if batch.due() {
            take_rejected(&mut batch, &rejected);
            print_reports(&mut out, batch.commit()?, args.json, &mut summary)?;
        }
    }
    let read = reader
        .join()
        .map_err(|_| anyhow::anyhow!("URL reader thread panicked"))?;
    take_rejected(&mut batch, &rejected);
    print_reports(&mut out, batch.commit()?, args.json, &mut summary)?;
    read?;
    eprintln!("{}", summary.line(started.elapsed()));
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Moves the reports of unusable input lines into the batch.
fn take_rejected(batch: &mut Batcher<Report>, rejected: &Mutex<Vec<Report>>) {
    let reports = std::mem::take(&mut *rejected.lock().unwrap_or_else(|e| e.into_inner()));
    for report in reports {
        batch.push(report, false);
    }
}

/// Reads URLs from the arguments and the input file and queues them for the fetcher.
fn feed(
    urls: Vec<String>,
    input: Option<PathBuf>,
    jobs: tokio::sync::mpsc::Sender<Job>,
    rejected: Arc<Mutex<Vec<Report>>>,
) -> anyhow::Result<()> {
    let send = |line: &str| -> bool {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return true;
        }
        match identity::normalize(line) {
            Ok(url) => jobs
                .blocking_send(Job {
                    url,
                    validators: None,
                })
                .is_ok(),
            Err(e) => {
                let mut rejected = rejected.lock().unwrap_or_else(|e| e.into_inner());
                rejected.push(Report::failed(line, e.to_string(), None));
                true
            }
        }
    };
    for url in &urls {
        if !send(url) {
            return Ok(());
        }
    }
    let Some(input) = input else { return Ok(()) };
    let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(&input)
            .with_context(|| format!("cannot read {}", input.display()))?;
        Box::new(BufReader::new(file))
    };
    for line in reader.lines() {
        let line = line.with_context(|| format!("cannot read {}", input.display()))?;
        if !send(&line) {
            break;
        }
    }
    Ok(())
}

/// Archives an outcome's exchanges, and extracts and indexes its final response.
fn handle(batch: &mut Batcher<Report>, url: &str, outcome: FetchOutcome) -> anyhow::Result<Report> {
    let (hops, skipped, failed) = match outcome {
        FetchOutcome::Fetched { hops } => (hops, None, None),
        FetchOutcome::Skipped { reason, hops } => (hops, Some(reason), None),
        FetchOutcome::Failed { error, hops } => (hops, None, Some(error)),
    };
    // Skipped responses (robots, non-HTML) are not archived: the user did not ask for them.
    let mut last = None;
    if skipped.is_none() {
        for hop in &hops {
            last = Some(archive(batch, hop)?);
        }
    }
    let final_response = hops.last().map(|h| &h.response);
    let http_status = final_response.map(|r| r.status);
    let final_url = final_response.map(|r| r.url.clone());
    if let Some(reason) = skipped {
        return Ok(Report {
            url: url.to_string(),
            status: "skipped",
            http_status,
            error: Some(reason),
            id: None,
            title: None,
            final_url,
        });
    }
    if let Some(error) = failed {
        return Ok(Report::failed(url, error, http_status));
    }
    let (Some(response), Some(location)) = (final_response, last) else {
        return Ok(Report::failed(url, "no response".into(), None));
    };
    match pipeline::article_from(response, Some(location)) {
        Ok(doc) => {
            batch.index.upsert(&doc)?;
            Ok(Report {
                url: url.to_string(),
                status: "indexed",
                http_status,
                error: None,
                id: Some(doc.id),
                title: doc.article.title,
                final_url,
            })
        }
        Err(reason) => Ok(Report::failed(url, reason, http_status)),
    }
}

fn archive(
    batch: &mut Batcher<Report>,
    hop: &Exchange,
) -> anyhow::Result<crate::archive::RecordLocation> {
    let location = batch.archive.append(&hop.response, Some(&hop.request))?;
    batch.count_capture();
    Ok(location)
}

#[derive(Default)]
struct Summary {
    indexed: usize,
    unchanged: usize,
    skipped: usize,
    failed: usize,
}

impl Summary {
    fn line(&self, elapsed: Duration) -> String {
        let total = self.indexed + self.unchanged + self.skipped + self.failed;
        format!(
            "{total} URL{}: {} indexed, {} unchanged, {} skipped, {} failed in {:.1} s",
            if total == 1 { "" } else { "s" },
            self.indexed,
            self.unchanged,
            self.skipped,
            self.failed,
            elapsed.as_secs_f64()
        )
    }
}

fn print_reports(
    out: &mut impl Write,
    reports: Vec<Report>,
    json: bool,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    for report in reports {
        match report.status {
            "indexed" => summary.indexed += 1,
            "unchanged" => summary.unchanged += 1,
            "skipped" => summary.skipped += 1,
            _ => summary.failed += 1,
        }
        let written = if json {
            serde_json::to_writer(&mut *out, &report)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        } else {
            print_text(out, &report)
        };
        // A closed stdout (e.g. `| head`) must not stop archiving.
        if let Err(e) = written {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(e.into());
            }
        }
    }
    let _ = out.flush();
    Ok(())
}

fn print_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    match (report.status, &report.error) {
        ("indexed", _) => writeln!(
            out,
            "indexed  {}  {}  {}",
            report.id.as_deref().unwrap_or("-"),
            report.url,
            report.title.as_deref().unwrap_or("(no title)")
        ),
        (status, Some(error)) => {
            eprintln!("morgue: {status} {}: {error}", report.url);
            Ok(())
        }
        (status, None) => writeln!(out, "{status}  {}", report.url),
    }
}
