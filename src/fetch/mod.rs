//! Fetching: URLs → HTTP exchanges, with redirects recorded hop by hop, bounded concurrency per
//! host and overall, timeouts, retries and size caps. Bodies are kept exactly as sent.

use std::time::Duration;

use url::Url;

use crate::capture::{Capture, Request};

/// What a previous capture of the URL said, for a conditional re-fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag` of the previous response.
    pub etag: Option<String>,
    /// `Last-Modified` of the previous response.
    pub last_modified: Option<String>,
}

/// One URL to fetch.
#[derive(Debug, Clone)]
pub struct Job {
    pub url: Url,
    /// Present when the URL was archived before: sent as `If-None-Match` / `If-Modified-Since`.
    pub validators: Option<Validators>,
}

/// One request and the response it got.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub request: Request,
    pub response: Capture,
}

/// What fetching one URL came to.
#[derive(Debug)]
pub enum FetchOutcome {
    /// A final response (any status), after following redirects. `hops` holds every exchange in
    /// order, redirects first; the last one is the final response.
    Fetched { hops: Vec<Exchange> },
    /// Not fetched, on purpose (robots.txt, non-HTML, …).
    Skipped { reason: String, hops: Vec<Exchange> },
    /// Fetching failed; `hops` holds the exchanges completed before the failure.
    Failed { error: String, hops: Vec<Exchange> },
}

/// Fetcher settings.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body: u64,
    pub max_redirects: usize,
    pub concurrency: usize,
    pub per_host: usize,
    pub retries: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!("morgue/{} (+news archive)", env!("CARGO_PKG_VERSION")),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body: 20 << 20,
            max_redirects: 10,
            concurrency: 32,
            per_host: 2,
            retries: 2,
        }
    }
}

/// An HTTP client configured for archiving.
pub struct Fetcher {}

impl Fetcher {
    /// A fetcher; proxies come from `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY`.
    pub fn new(config: FetchConfig) -> anyhow::Result<Fetcher> {
        let _ = config;
        todo!()
    }

    /// Fetches one URL, following redirects.
    pub async fn fetch(&self, job: &Job) -> FetchOutcome {
        let _ = job;
        todo!()
    }

    /// Fetches a stream of jobs with the configured overall and per-host limits; outcomes arrive
    /// in completion order. Both channels are bounded, so memory does not grow with the batch.
    pub fn fetch_all(
        self: std::sync::Arc<Self>,
        jobs: tokio::sync::mpsc::Receiver<Job>,
    ) -> tokio::sync::mpsc::Receiver<(Job, FetchOutcome)> {
        let _ = jobs;
        todo!()
    }
}
