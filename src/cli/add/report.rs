//! What `add` tells the user: one report per URL (JSON Lines or text), a progress line on a
//! terminal, and the closing summary.

use std::io::Write;

use serde::Serialize;

use crate::cli::progress::Progress;
use crate::fetch::FetchStatus;

/// The per-URL report (`--json` prints these, one per line).
#[derive(Debug, Serialize)]
pub struct Report {
    pub url: String,
    pub status: Status,
    pub http_status: Option<u16>,
    pub error: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub final_url: Option<String>,
}

/// What became of a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Archived, extracted and indexed.
    Indexed,
    /// Fetched again and the same as the archived capture (a revisit record was written).
    Unchanged,
    /// Not fetched or not indexed on purpose (robots.txt, not HTML, done by an interrupted run).
    Skipped,
    /// Could not be fetched or is not an article (HTTP error, timeout, …).
    Failed,
}

impl Report {
    /// A report with only a URL and a status.
    pub fn new(url: &str, status: Status) -> Report {
        Report {
            url: url.to_string(),
            status,
            http_status: None,
            error: None,
            id: None,
            title: None,
            final_url: None,
        }
    }

    /// A failure with its reason.
    pub fn failed(url: &str, error: String, http_status: Option<u16>) -> Report {
        Report {
            error: Some(error),
            http_status,
            ..Report::new(url, Status::Failed)
        }
    }
}

/// Prints reports and keeps the counts.
pub struct Printer {
    json: bool,
    counts: [usize; 4],
    progress: Progress,
}

impl Printer {
    pub fn new(json: bool) -> Printer {
        Printer {
            json,
            counts: [0; 4],
            progress: Progress::new(None),
        }
    }

    /// Prints a durable batch's reports.
    pub fn print(&mut self, reports: &[Report]) -> anyhow::Result<()> {
        self.progress.clear();
        let mut out = std::io::stdout().lock();
        for report in reports {
            self.counts[report.status as usize] += 1;
            let written = if self.json {
                serde_json::to_writer(&mut out, report)
                    .map_err(std::io::Error::from)
                    .and_then(|_| writeln!(out))
            } else {
                write_text(&mut out, report)
            };
            // A closed stdout (e.g. `| head`) must not stop archiving.
            if let Err(e) = written
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
        }
        let _ = out.flush();
        Ok(())
    }

    /// Redraws the progress line with `in_flight` URLs outstanding and the fetcher's queues.
    pub fn tick(&mut self, in_flight: usize, fetch: &FetchStatus) {
        let done: usize = self.counts.iter().sum();
        let mut detail = format!(
            "{} failed, {in_flight} in progress ({} fetching)",
            self.failed(),
            fetch.in_flight
        );
        if let Some((host, waiting)) = &fetch.busiest {
            detail.push_str(&format!(
                ", {} queued on {} hosts, most on {host} ({waiting})",
                fetch.queued, fetch.hosts_waiting
            ));
        }
        self.progress.update(done as u64, "URLs done", 0, &detail);
    }

    /// URLs that failed so far.
    pub fn failed(&self) -> usize {
        self.counts[Status::Failed as usize]
    }

    /// The closing line.
    pub fn summary(&self) -> String {
        let [indexed, unchanged, skipped, failed] = self.counts;
        let total = indexed + unchanged + skipped + failed;
        format!(
            "{total} URL{}: {indexed} indexed, {unchanged} unchanged, {skipped} skipped, {failed} failed in {:.1} s",
            if total == 1 { "" } else { "s" },
            self.progress.elapsed()
        )
    }
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let status = match report.status {
        Status::Indexed => "indexed",
        Status::Unchanged => "unchanged",
        Status::Skipped => "skipped",
        Status::Failed => "failed",
    };
    match (&report.error, &report.id) {
        (Some(error), _) => {
            eprintln!("morgue: {status} {}: {error}", report.url);
            Ok(())
        }
        (None, Some(id)) => writeln!(
            out,
            "{status:<9} {id}  {}  {}",
            report.url,
            report.title.as_deref().unwrap_or("(no title)")
        ),
        (None, None) => writeln!(out, "{status:<9} {}", report.url),
    }
}
