//! One job from first request to outcome: retries around each request, redirects followed hop
//! by hop (every hop kept, loops caught), then the final response classified — not modified,
//! not HTML, empty, undecodable, or fetched.

use std::collections::HashSet;

use url::Url;

use super::failure::{Failure, human_size};
use super::retry::{retryable_status, wait_before_retry};
use super::{Exchange, FetchOutcome, Fetcher, Job, Validators, wire};
use crate::capture::DecodeError;

/// The statuses whose `Location` we follow.
fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// How far one origin's part of a job got.
pub(super) enum Step {
    /// The job is over.
    Outcome(FetchOutcome),
    /// A final response arrived: the server is done with us, and [`classify`] (which decodes the
    /// body, so it may take a while) tells the outcome.
    Arrived(Vec<Exchange>),
    /// A redirect leads to another origin: the job goes on there (under that origin's robots.txt
    /// and limits), carrying the exchanges so far.
    Elsewhere(Url, Vec<Exchange>),
}

/// Fetches and classifies one job, following redirects wherever they lead.
pub(super) async fn fetch(fetcher: &Fetcher, job: &Job) -> FetchOutcome {
    let (mut at, mut hops) = (job.url.clone(), Vec::new());
    loop {
        match fetch_on_origin(fetcher, job, &at, hops).await {
            Step::Outcome(outcome) => return outcome,
            Step::Arrived(hops) => return classify(fetcher, job, hops),
            Step::Elsewhere(next, so_far) => (at, hops) = (next, so_far),
        }
    }
}

/// Requests `at` for `job` (after the exchanges `hops` made elsewhere) and follows redirects
/// while they stay on `at`'s origin.
pub(super) async fn fetch_on_origin(
    fetcher: &Fetcher,
    job: &Job,
    at: &Url,
    hops: Vec<Exchange>,
) -> Step {
    let max_body = fetcher.config.max_body;
    match follow(fetcher, at, job.validators.as_ref(), max_body, hops, true).await {
        Ok(Followed::Done(hops)) => Step::Arrived(hops),
        Ok(Followed::Elsewhere(next, hops)) => Step::Elsewhere(next, hops),
        Err((error, hops)) => Step::Outcome(FetchOutcome::Failed { error, hops }),
    }
}

/// Where following redirects stopped.
pub(super) enum Followed {
    /// At a final response (the last exchange).
    Done(Vec<Exchange>),
    /// At a redirect to another origin (only when asked to stay on the origin).
    Elsewhere(Url, Vec<Exchange>),
}

/// Requests `start` and follows its redirects (across origins unless `stay_on_origin`); `hops`
/// are the exchanges that led here. `Err` holds the reason and the exchanges completed before
/// the failure.
pub(super) async fn follow(
    fetcher: &Fetcher,
    start: &Url,
    validators: Option<&Validators>,
    max_body: u64,
    mut hops: Vec<Exchange>,
    stay_on_origin: bool,
) -> Result<Followed, (String, Vec<Exchange>)> {
    let mut url = start.clone();
    url.set_fragment(None);
    let mut seen: HashSet<String> = hops.iter().map(|h| h.request.url.clone()).collect();
    seen.insert(url.to_string());
    loop {
        if let Err(message) = check_fetchable(&url) {
            return Err((message, hops));
        }
        let exchange = match with_retries(fetcher, &url, validators, max_body).await {
            Ok(exchange) => exchange,
            Err(failure) => return Err((failure.message, hops)),
        };
        let status = exchange.response.status;
        let location = exchange.response.header("location").map(str::to_string);
        hops.push(exchange);
        let Some(location) = location.filter(|_| is_redirect(status)) else {
            return Ok(Followed::Done(hops));
        };
        let mut next = match url.join(location.trim()) {
            Ok(next) => next,
            Err(e) => {
                return Err((
                    format!("bad redirect Location {location:?} at {url}: {e}"),
                    hops,
                ));
            }
        };
        next.set_fragment(None);
        if !seen.insert(next.to_string()) {
            return Err((format!("redirect loop at {next}"), hops));
        }
        if hops.len() > fetcher.config.max_redirects {
            return Err((
                format!(
                    "too many redirects (more than {}) at {next}",
                    fetcher.config.max_redirects
                ),
                hops,
            ));
        }
        if stay_on_origin && next.origin() != url.origin() {
            return Ok(Followed::Elsewhere(next, hops));
        }
        url = next;
    }
}

/// Only http(s) URLs with a host can be fetched.
pub(super) fn check_fetchable(url: &Url) -> Result<(), String> {
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
        "http" | "https" => Err(format!("URL has no host: {url}")),
        other => Err(format!("unsupported URL scheme {other:?}: {url}")),
    }
}

/// One request, tried again after transient failures, 429 and 5xx (waiting as `Retry-After`
/// asks, or with backoff). After the last try, a 429/5xx response is returned as it is.
async fn with_retries(
    fetcher: &Fetcher,
    url: &Url,
    validators: Option<&Validators>,
    max_body: u64,
) -> Result<Exchange, Failure> {
    let config = &fetcher.config;
    let mut attempt = 0;
    loop {
        let result = wire::attempt(&fetcher.client, config, url, validators, max_body).await;
        let last = attempt >= config.retries;
        let wait = match &result {
            Ok(exchange) if !last && retryable_status(exchange.response.status) => {
                wait_before_retry(
                    exchange.response.header("retry-after"),
                    config.backoff,
                    attempt,
                    config.max_retry_wait,
                )
            }
            Err(failure) if !last && failure.retryable => {
                wait_before_retry(None, config.backoff, attempt, config.max_retry_wait)
            }
            _ => {
                return result.map_err(|mut failure| {
                    if attempt > 0 {
                        failure.message =
                            format!("{} (after {} attempts)", failure.message, attempt + 1);
                    }
                    failure
                });
            }
        };
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// The outcome a completed chain of `job` comes to, judged on its final response (a 304 means
/// unchanged when the job carried validators).
pub(super) fn classify(fetcher: &Fetcher, job: &Job, hops: Vec<Exchange>) -> FetchOutcome {
    let conditional = job.validators.is_some();
    let max_body = fetcher.config.max_body;
    let Some(last) = hops.last() else {
        return FetchOutcome::Failed {
            error: "no response".into(),
            hops,
        };
    };
    let response = &last.response;
    let status = response.status;
    if status == 304 && conditional {
        return FetchOutcome::NotModified { hops };
    }
    if !(200..300).contains(&status) {
        return FetchOutcome::Fetched { hops };
    }
    if !response.is_html() {
        let what = match response.content_type() {
            Some(ct) => ct
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
            None => "no Content-Type".to_string(),
        };
        return FetchOutcome::Skipped {
            reason: format!("not HTML ({what})"),
            hops,
        };
    }
    if response.body.is_empty() {
        return FetchOutcome::Failed {
            error: format!("empty body (HTTP {status})"),
            hops,
        };
    }
    let error = match response.decoded_body(max_body) {
        Ok(_) => return FetchOutcome::Fetched { hops },
        Err(DecodeError::TooLarge { .. }) => {
            format!("body larger than {} after decoding", human_size(max_body))
        }
        Err(e) => e.to_string(),
    };
    FetchOutcome::Failed { error, hops }
}
