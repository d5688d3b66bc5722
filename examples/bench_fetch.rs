//! Fetch benchmark (issue 4): runs `fetch_all` over a URL list — typically the bench corpus served
//! by `serve.py` in proxy mode with latency — and prints the achieved rate beside the politeness
//! limit N·L/(P·H), the ratio, and the peak resident memory. Only fetches: nothing is archived.
//!
//! ```sh
//! cargo run --release --example bench_fetch -- --urls /tmp/c10k.urls \
//!     --proxy http://127.0.0.1:8765 --latency-ms 250 --per-host 2
//! ```
//! `scripts/bench-fetch.sh` generates the corpus, starts the server and runs this.

use std::collections::HashMap;
use std::io::BufRead;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use morgue::fetch::{FetchConfig, FetchOutcome, Fetcher, Job, ProxyConfig};
use tokio::sync::mpsc;
use url::Url;

/// The command line: `--name value` pairs.
struct Args {
    urls: String,
    proxy: Option<String>,
    latency_ms: f64,
    per_host: usize,
    concurrency: usize,
    limit: usize,
    ignore_robots: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        urls: String::new(),
        proxy: None,
        latency_ms: 250.0,
        per_host: 2,
        concurrency: FetchConfig::default().concurrency,
        limit: usize::MAX,
        ignore_robots: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--ignore-robots" {
            args.ignore_robots = true;
            continue;
        }
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .with_context(|| format!("{flag}: not a number: {value:?}"))
        };
        match flag.as_str() {
            "--urls" => args.urls = value.clone(),
            "--proxy" => args.proxy = Some(value.clone()),
            "--latency-ms" => {
                args.latency_ms = value
                    .parse()
                    .with_context(|| format!("--latency-ms: not a number: {value:?}"))?
            }
            "--per-host" => args.per_host = number()?,
            "--concurrency" => args.concurrency = number()?,
            "--limit" => args.limit = number()?,
            other => bail!("unknown option {other} (see the comment at the top of bench_fetch.rs)"),
        }
    }
    if args.urls.is_empty() {
        bail!(
            "usage: bench_fetch --urls FILE [--proxy URL] [--latency-ms 250] [--per-host 2] [--concurrency N] [--limit N] [--ignore-robots]"
        );
    }
    Ok(args)
}

/// Reads the URL file lazily, one line at a time.
fn url_lines(path: &str, limit: usize) -> anyhow::Result<impl Iterator<Item = String>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open URL list {path}"))?;
    Ok(std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .take(limit))
}

/// Peak resident set size of this process, in MB (Linux `VmHWM`).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    // First pass: how many URLs per host (the limit depends on it), in constant memory per host.
    let mut per_host_count: HashMap<String, usize> = HashMap::new();
    let mut n = 0usize;
    for line in url_lines(&args.urls, args.limit)? {
        if let Ok(url) = Url::parse(&line) {
            *per_host_count
                .entry(url.host_str().unwrap_or("").to_string())
                .or_default() += 1;
        }
        n += 1;
    }
    let hosts = per_host_count.len().max(1);
    let busiest = per_host_count.values().copied().max().unwrap_or(0);
    let latency = args.latency_ms / 1000.0;
    let p = args.per_host as f64;
    let limit_secs = n as f64 * latency / (p * hosts as f64);
    // The busiest host alone needs this long: the limit for this particular list.
    let busiest_secs = busiest as f64 * latency / p;

    let config = FetchConfig {
        per_host: args.per_host,
        concurrency: args.concurrency,
        ignore_robots: args.ignore_robots,
        timeout: Duration::from_secs(30),
        proxy: match &args.proxy {
            Some(p) => ProxyConfig::Explicit {
                http: Some(p.clone()),
                https: Some(p.clone()),
                no_proxy: None,
            },
            None => ProxyConfig::Env,
        },
        ..FetchConfig::default()
    };
    let fetcher = Arc::new(Fetcher::new(config)?);
    let (tx, rx) = mpsc::channel(256);
    let path = args.urls.clone();
    let limit = args.limit;
    let feeder = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        for line in url_lines(&path, limit)? {
            let Ok(url) = Url::parse(&line) else {
                eprintln!("bench_fetch: skipping bad URL {line:?}");
                continue;
            };
            if tx
                .blocking_send(Job {
                    url,
                    validators: None,
                })
                .is_err()
            {
                break;
            }
        }
        Ok(())
    });

    let started = Instant::now();
    let mut out = fetcher.fetch_all(rx);
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let mut errors: HashMap<String, usize> = HashMap::new();
    let mut bytes = 0u64;
    while let Some((_job, outcome)) = out.recv().await {
        let kind = match &outcome {
            FetchOutcome::Fetched { hops } => {
                let last = hops.last().map(|h| h.response.status).unwrap_or(0);
                bytes += hops
                    .iter()
                    .map(|h| h.response.body.len() as u64)
                    .sum::<u64>();
                if last == 200 {
                    "fetched 200"
                } else {
                    "fetched other status"
                }
            }
            FetchOutcome::NotModified { .. } => "not modified",
            FetchOutcome::Skipped { reason, .. } => {
                *errors.entry(format!("skipped: {reason}")).or_default() += 1;
                "skipped"
            }
            FetchOutcome::Failed { error, .. } => {
                *errors.entry(format!("failed: {error}")).or_default() += 1;
                "failed"
            }
        };
        *counts.entry(kind).or_default() += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    feeder.await??;

    let mut kinds: Vec<_> = counts.into_iter().collect();
    kinds.sort();
    let rate = n as f64 / elapsed;
    println!("urls            {n} on {hosts} hosts (busiest host: {busiest})");
    for (kind, count) in kinds {
        println!("  {kind:<22}{count}");
    }
    let mut errors: Vec<_> = errors.into_iter().collect();
    errors.sort_by_key(|e| std::cmp::Reverse(e.1));
    for (error, count) in errors.iter().take(5) {
        println!("  {count:>6} × {error}");
    }
    println!(
        "elapsed         {elapsed:.2} s, {:.1} MB of bodies",
        bytes as f64 / 1e6
    );
    println!("rate            {rate:.1} URLs/s");
    println!(
        "limit N·L/(P·H) {limit_secs:.2} s = {:.1} URLs/s  (N={n}, L={latency} s, P={}, H={hosts})",
        n as f64 / limit_secs,
        args.per_host
    );
    println!(
        "ratio           {:.1} % of the limit",
        100.0 * limit_secs / elapsed
    );
    println!(
        "busiest host    {busiest_secs:.2} s alone: {:.1} % of what this list allows",
        100.0 * busiest_secs / elapsed
    );
    match peak_rss_mb() {
        Some(mb) => println!("peak RSS        {mb:.1} MB"),
        None => println!("peak RSS        unknown (no /proc/self/status)"),
    }
    Ok(())
}
