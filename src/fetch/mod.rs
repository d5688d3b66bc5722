//! Fetching: URLs → HTTP exchanges, with redirects recorded hop by hop, bounded concurrency per
//! host and overall, timeouts, retries and size caps. Bodies are kept exactly as sent.
//!
//! The stage is split by concern: [`wire`] makes one HTTP attempt and streams its body under the
//! caps, [`failure`] turns transport errors into one-line reasons, [`retry`] decides how long to
//! wait before trying again, [`chain`] follows redirects and classifies the final response,
//! [`robots`] reads robots.txt, and [`schedule`] runs many jobs politely in constant memory.
//!
//! Politeness (`fetch_all`): at most `per_host` (2) requests in flight per origin and
//! `concurrency` (128) overall; robots.txt read once per origin per run and obeyed unless
//! `ignore_robots` (a 4xx or an unreachable robots.txt allows all, a 5xx disallows all);
//! request starts to one origin spaced by `delay`, or by `Crawl-delay` (capped at 60 s) when
//! longer; a host still answering 429/503 with `Retry-After` after our retries pauses that long;
//! a redirect to another origin queues the rest of the job on that origin, under its robots.txt
//! and limits.
//! Resilience: connection errors, timeouts, truncated bodies, 429 and 5xx are retried `retries`
//! (2) times after `backoff` (1 s) doubled each time with jitter, or what `Retry-After` asks,
//! capped at 60 s. Timeouts: connect 10 s, 15 s without data, 30 s per request.

mod chain;
mod failure;
mod retry;
pub mod robots;
mod schedule;
mod wire;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
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
    /// From sending the request to the last byte of the body.
    pub elapsed: std::time::Duration,
}

/// What fetching one URL came to.
#[derive(Debug)]
pub enum FetchOutcome {
    /// A final response (any status), after following redirects. `hops` holds every exchange in
    /// order, redirects first; the last one is the final response.
    Fetched { hops: Vec<Exchange> },
    /// The server answered `304 Not Modified` to a conditional request (the job had
    /// [`Validators`]): the archived copy is still current. The last hop is the 304.
    NotModified { hops: Vec<Exchange> },
    /// Not fetched, on purpose (robots.txt, non-HTML, …). `hops` is empty for robots.txt and
    /// holds the exchanges (the non-HTML response last) otherwise, for `--keep-non-html`.
    Skipped { reason: String, hops: Vec<Exchange> },
    /// Fetching failed; `hops` holds the exchanges completed before the failure.
    Failed { error: String, hops: Vec<Exchange> },
}

impl FetchOutcome {
    /// The exchanges of this outcome, in order (redirects first).
    pub fn hops(&self) -> &[Exchange] {
        match self {
            FetchOutcome::Fetched { hops }
            | FetchOutcome::NotModified { hops }
            | FetchOutcome::Skipped { hops, .. }
            | FetchOutcome::Failed { hops, .. } => hops,
        }
    }

    /// The last response received, if any (the final one for `Fetched` and `NotModified`).
    pub fn final_response(&self) -> Option<&Capture> {
        self.hops().last().map(|e| &e.response)
    }
}

/// Where requests go through: the environment's proxies (as curl reads them), none, or explicit
/// ones (tests, and callers that resolved the settings themselves).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProxyConfig {
    /// `HTTP_PROXY` / `HTTPS_PROXY` / `ALL_PROXY` / `NO_PROXY` (and lower-case), read when the
    /// [`Fetcher`] is built. Loopback targets are proxied too unless `NO_PROXY` lists them.
    #[default]
    Env,
    /// Direct connections only, whatever the environment says.
    None,
    /// These proxies (URLs such as `http://127.0.0.1:8080`) and this `NO_PROXY`-style list.
    Explicit {
        http: Option<String>,
        https: Option<String>,
        no_proxy: Option<String>,
    },
}

/// Fetcher settings.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Sent as `User-Agent`; its product token (before `/`) is the name matched in robots.txt.
    pub user_agent: String,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for one whole request (connect, headers and body); retries get their own.
    pub timeout: Duration,
    /// Longest silence allowed while waiting for the response or between body chunks.
    pub read_timeout: Duration,
    /// Largest body accepted, as sent and after decoding (gzip bombs).
    pub max_body: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Requests in flight overall (`fetch_all`).
    pub concurrency: usize,
    /// Requests in flight per host (`fetch_all`).
    pub per_host: usize,
    /// Extra attempts after a connection error, a timeout, a truncated body, 429 or 5xx.
    pub retries: usize,
    /// First backoff before a retry; doubled at each attempt, with jitter.
    pub backoff: Duration,
    /// Cap on any wait before a retry, `Retry-After` included.
    pub max_retry_wait: Duration,
    /// Minimum time between the starts of two requests to the same host (`fetch_all`); the
    /// robots.txt `Crawl-delay` raises it for that host.
    pub delay: Duration,
    /// Cap on a robots.txt `Crawl-delay`.
    pub max_crawl_delay: Duration,
    /// Fetch URLs that robots.txt disallows (for the user's own sites).
    pub ignore_robots: bool,
    /// Jobs held in memory waiting for a busy host (`fetch_all`); when full, no more jobs are
    /// read from the input until some finish.
    pub queue_limit: usize,
    /// Proxy settings.
    pub proxy: ProxyConfig,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!("morgue/{} (+news archive)", env!("CARGO_PKG_VERSION")),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            read_timeout: Duration::from_secs(15),
            max_body: 20 << 20,
            max_redirects: 10,
            concurrency: 128,
            per_host: 2,
            retries: 2,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
            delay: Duration::ZERO,
            max_crawl_delay: Duration::from_secs(60),
            ignore_robots: false,
            queue_limit: 10_000,
            proxy: ProxyConfig::Env,
        }
    }
}

/// A snapshot of `fetch_all`'s queues, for progress displays (refreshed about four times a
/// second while it runs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchStatus {
    /// Jobs waiting for their host.
    pub queued: usize,
    /// Requests in flight.
    pub in_flight: usize,
    /// Hosts with jobs waiting.
    pub hosts_waiting: usize,
    /// The host with the most jobs waiting, and how many.
    pub busiest: Option<(String, usize)>,
}

/// An HTTP client configured for archiving.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    status: std::sync::Mutex<FetchStatus>,
}

impl Fetcher {
    /// A fetcher; proxies come from `config.proxy` (by default `HTTP_PROXY` / `HTTPS_PROXY` /
    /// `NO_PROXY`, read now).
    pub fn new(config: FetchConfig) -> anyhow::Result<Fetcher> {
        let client = wire::build_client(&config)?;
        Ok(Fetcher {
            client,
            config,
            status: Default::default(),
        })
    }

    /// Where `fetch_all` stands.
    pub fn status(&self) -> FetchStatus {
        self.status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The settings this fetcher runs with.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetches one URL, following redirects, retrying transient failures. Does not consult
    /// robots.txt nor the per-host limits: [`Fetcher::fetch_all`] does.
    pub async fn fetch(&self, job: &Job) -> FetchOutcome {
        chain::fetch(self, job).await
    }

    /// Fetches a stream of jobs with the configured overall and per-host limits, per-host delay
    /// and robots.txt; outcomes arrive in completion order. Both channels are bounded, and at
    /// most `queue_limit` jobs wait in memory, so memory does not grow with the batch. Must be
    /// called inside a tokio runtime.
    pub fn fetch_all(
        self: Arc<Self>,
        jobs: mpsc::Receiver<Job>,
    ) -> mpsc::Receiver<(Job, FetchOutcome)> {
        schedule::spawn(self, jobs)
    }
}
