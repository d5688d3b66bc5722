//! `fetch_all` against a fake web of several hosts reached through a loopback proxy: per-host and
//! overall limits (the server counts requests in flight), pacing, robots.txt, bounded reading of
//! the input.

#[path = "fixtures/fetch/support.rs"]
mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use morgue::fetch::{FetchConfig, FetchOutcome, Fetcher, Job};
use support::{DELAY_HEADER, FakeWeb, Handler, Reply, fake_web, html, quick_config};
use tokio::sync::mpsc;
use url::Url;

fn pages_with_robots(robots: &'static str) -> Handler {
    Arc::new(move |_host: &str, path: &str| -> Reply {
        if path == "/robots.txt" {
            (
                200,
                vec![("Content-Type".into(), "text/plain".into())],
                robots.as_bytes().to_vec(),
            )
        } else {
            html(&format!("<html><title>{path}</title></html>"))
        }
    })
}

fn config_for(web: &FakeWeb) -> FetchConfig {
    FetchConfig {
        proxy: web.proxy_config(),
        ..quick_config()
    }
}

/// Runs `fetch_all` over these URLs and collects the outcomes by URL.
async fn run_all(config: FetchConfig, urls: Vec<String>) -> HashMap<String, FetchOutcome> {
    let fetcher = Arc::new(Fetcher::new(config).unwrap());
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(async move {
        for u in urls {
            let job = Job {
                url: Url::parse(&u).unwrap(),
                validators: None,
            };
            tx.send(job).await.unwrap();
        }
    });
    let mut out = fetcher.fetch_all(rx);
    let mut results = HashMap::new();
    while let Some((job, outcome)) = out.recv().await {
        results.insert(job.url.to_string(), outcome);
    }
    results
}

fn urls(hosts: &[&str], per_host: usize) -> Vec<String> {
    // Interleaved as a real list would be.
    (0..per_host)
        .flat_map(|i| {
            hosts
                .iter()
                .map(move |h| format!("http://{h}/2024/story-{i}"))
        })
        .collect()
}

/// Asserts that consecutive request starts are at least `min` apart. Measured where the server
/// sees requests arrive, so the bounds allow for transport jitter on a loaded machine; without
/// pacing the gaps would be near zero.
fn assert_spaced(starts: &[Instant], min: Duration, what: &str) {
    for pair in starts.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= min, "{what} gap {gap:?}");
    }
}

/// Sends `n` jobs for `http://one.example/{i}` until the scheduler stops reading, counting each
/// one it took in `sent`.
fn feed_one_host(tx: mpsc::Sender<Job>, n: usize, sent: Arc<AtomicUsize>) {
    tokio::spawn(async move {
        for i in 0..n {
            let url = Url::parse(&format!("http://one.example/{i}")).unwrap();
            let job = Job {
                url,
                validators: None,
            };
            if tx.send(job).await.is_err() {
                return;
            }
            sent.fetch_add(1, Ordering::SeqCst);
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_host_limit_is_never_exceeded_and_hosts_run_in_parallel() {
    let web = fake_web(
        Duration::from_millis(40),
        pages_with_robots("User-agent: *\nAllow: /\n"),
    )
    .await;
    let hosts = ["www.a.example", "b.example", "news.c.example", "d.example"];
    let config = FetchConfig {
        per_host: 2,
        concurrency: 64,
        ignore_robots: false,
        ..config_for(&web)
    };
    let results = run_all(config, urls(&hosts, 10)).await;
    assert_eq!(results.len(), 40);
    assert!(
        results
            .values()
            .all(|o| matches!(o, FetchOutcome::Fetched { .. }))
    );
    let stats = web.stats.lock().unwrap();
    for host in hosts {
        assert_eq!(stats.max_in_flight[host], 2, "{host}");
        assert_eq!(
            stats.count(host, "/robots.txt"),
            1,
            "robots.txt once per host"
        );
    }
    assert!(
        stats.max_total_in_flight >= 6,
        "{}",
        stats.max_total_in_flight
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overall_limit_is_respected() {
    let web = fake_web(
        Duration::from_millis(30),
        pages_with_robots("User-agent: *\n"),
    )
    .await;
    let hosts = [
        "a.example",
        "b.example",
        "c.example",
        "d.example",
        "e.example",
    ];
    let config = FetchConfig {
        per_host: 2,
        concurrency: 3,
        ..config_for(&web)
    };
    let results = run_all(config, urls(&hosts, 4)).await;
    assert_eq!(results.len(), 20);
    assert_eq!(web.stats.lock().unwrap().max_total_in_flight, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_txt_is_obeyed_unless_ignored() {
    let robots = "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n";
    let web = fake_web(Duration::from_millis(5), pages_with_robots(robots)).await;
    let list = vec![
        "http://www.site.example/private/1".to_string(),
        "http://www.site.example/public/1".to_string(),
        "http://www.site.example/private/2".to_string(),
    ];
    let config = FetchConfig {
        ignore_robots: false,
        ..config_for(&web)
    };
    let results = run_all(config.clone(), list.clone()).await;
    for u in [
        "http://www.site.example/private/1",
        "http://www.site.example/private/2",
    ] {
        let Some(FetchOutcome::Skipped { reason, hops }) = results.get(u) else {
            panic!("{u}: {:?}", results.get(u))
        };
        assert_eq!(reason, "disallowed by robots.txt");
        assert!(hops.is_empty());
    }
    assert!(matches!(
        results["http://www.site.example/public/1"],
        FetchOutcome::Fetched { .. }
    ));
    {
        let stats = web.stats.lock().unwrap();
        assert_eq!(stats.count("www.site.example", "/private/1"), 0);
        assert_eq!(stats.count("www.site.example", "/robots.txt"), 1);
    }

    let results = run_all(
        FetchConfig {
            ignore_robots: true,
            ..config
        },
        list,
    )
    .await;
    assert!(
        results
            .values()
            .all(|o| matches!(o, FetchOutcome::Fetched { .. }))
    );
    assert_eq!(
        web.stats
            .lock()
            .unwrap()
            .count("www.site.example", "/robots.txt"),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_server_error_means_disallow() {
    let handler: Handler = Arc::new(|_h: &str, path: &str| -> Reply {
        if path == "/robots.txt" {
            (503, Vec::new(), Vec::new())
        } else {
            html("<html></html>")
        }
    });
    let web = fake_web(Duration::ZERO, handler).await;
    let config = FetchConfig {
        ignore_robots: false,
        retries: 0,
        ..config_for(&web)
    };
    let results = run_all(config, vec!["http://down.example/a".into()]).await;
    let Some(FetchOutcome::Skipped { reason, .. }) = results.get("http://down.example/a") else {
        panic!("{results:?}")
    };
    assert_eq!(reason, "robots.txt unavailable (HTTP 503), so not fetched");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_host_delay_and_crawl_delay_space_the_requests() {
    let web = fake_web(
        Duration::ZERO,
        pages_with_robots("User-agent: morgue\nCrawl-delay: 0.15\n"),
    )
    .await;
    let list = urls(&["slow.example"], 4);
    let config = FetchConfig {
        ignore_robots: false,
        ..config_for(&web)
    };
    run_all(config, list).await;
    let starts = web.stats.lock().unwrap().starts("slow.example");
    assert_eq!(starts.len(), 4);
    assert_spaced(&starts, Duration::from_millis(120), "Crawl-delay");

    // The configured delay, robots ignored.
    let list = urls(&["paced.example"], 3);
    let config = FetchConfig {
        delay: Duration::from_millis(120),
        ..config_for(&web)
    };
    run_all(config, list).await;
    let starts = web.stats.lock().unwrap().starts("paced.example");
    assert_spaced(&starts, Duration::from_millis(95), "delay");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn input_is_read_only_as_fast_as_the_queue_drains() {
    let web = fake_web(Duration::from_millis(50), pages_with_robots("")).await;
    let config = FetchConfig {
        per_host: 1,
        queue_limit: 5,
        ..config_for(&web)
    };
    let fetcher = Arc::new(Fetcher::new(config).unwrap());
    let (tx, rx) = mpsc::channel(1);
    let sent = Arc::new(AtomicUsize::new(0));
    feed_one_host(tx, 200, Arc::clone(&sent));
    let mut out = fetcher.fetch_all(rx);
    let mut done = 0;
    while done < 6 {
        out.recv().await.unwrap();
        done += 1;
    }
    tokio::time::sleep(Duration::from_millis(20)).await;
    let sent_now = sent.load(Ordering::SeqCst);
    // Done + in flight (1) + queued (5) + the channel slot (1) + one being handed over.
    assert!(
        sent_now <= done + 1 + 5 + 2,
        "read {sent_now} jobs ahead of {done} done"
    );
    drop(out); // the consumer goes away: the scheduler stops reading
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_host_does_not_hold_up_the_others() {
    let handler: Handler = Arc::new(|host: &str, _path: &str| -> Reply {
        let mut reply = html("<html></html>");
        if host == "slow.example" {
            reply.1.push((DELAY_HEADER.into(), "200".into()));
        }
        reply
    });
    let web = fake_web(Duration::ZERO, handler).await;
    let mut list: Vec<String> = (0..6).map(|i| format!("http://slow.example/{i}")).collect();
    list.extend((0..30).map(|i| format!("http://fast.example/{i}")));
    let config = FetchConfig {
        per_host: 1,
        queue_limit: 100,
        ..config_for(&web)
    };
    let started = std::time::Instant::now();
    let fetcher = Arc::new(Fetcher::new(config).unwrap());
    let (tx, rx) = mpsc::channel(2);
    tokio::spawn(async move {
        for u in list {
            let url = Url::parse(&u).unwrap();
            tx.send(Job {
                url,
                validators: None,
            })
            .await
            .unwrap();
        }
    });
    let mut out = fetcher.fetch_all(rx);
    let mut fast_done_at = None;
    let mut fast = 0;
    while let Some((job, _)) = out.recv().await {
        if job.url.host_str() == Some("fast.example") {
            fast += 1;
            if fast == 30 {
                fast_done_at = Some(started.elapsed());
            }
        }
    }
    let total = started.elapsed();
    let fast_done_at = fast_done_at.unwrap();
    assert!(
        fast_done_at < total.mul_f64(0.7),
        "fast host finished at {fast_done_at:?} of {total:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_on_a_final_429_pauses_the_host() {
    let handler: Handler = Arc::new(|_h: &str, _path: &str| -> Reply {
        (429, vec![("Retry-After".into(), "1".into())], Vec::new())
    });
    let web = fake_web(Duration::from_millis(20), handler).await;
    let config = FetchConfig {
        retries: 0,
        per_host: 1,
        ..config_for(&web)
    };
    let results = run_all(config, urls(&["busy.example"], 3)).await;
    assert!(
        results
            .values()
            .all(|o| o.final_response().unwrap().status == 429)
    );
    let starts = web.stats.lock().unwrap().starts("busy.example");
    assert_spaced(&starts, Duration::from_millis(900), "Retry-After");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_that_stops_reading_stops_the_fetching() {
    let web = fake_web(Duration::from_millis(5), pages_with_robots("")).await;
    let config = FetchConfig {
        concurrency: 4,
        per_host: 4,
        ..config_for(&web)
    };
    let fetcher = Arc::new(Fetcher::new(config).unwrap());
    let (tx, rx) = mpsc::channel(8);
    feed_one_host(tx, 50, Arc::new(AtomicUsize::new(0)));
    let mut out = fetcher.fetch_all(rx);
    tokio::time::sleep(Duration::from_millis(400)).await;
    // 4 outcomes buffered + 4 finished requests waiting to hand theirs over.
    let seen = web.stats.lock().unwrap().requests.len();
    assert!(
        seen <= 8,
        "{seen} requests made while nobody read the outcomes"
    );
    let mut n = 0;
    while out.recv().await.is_some() {
        n += 1;
    }
    assert_eq!(n, 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_to_another_host_obeys_that_hosts_robots_and_limit() {
    // Ten short links on one host all lead to another; one leads to a path its robots.txt forbids.
    let handler: Handler = Arc::new(|host: &str, path: &str| -> Reply {
        match (host, path) {
            ("b.example", "/robots.txt") => (
                200,
                vec![("Content-Type".into(), "text/plain".into())],
                b"User-agent: *\nDisallow: /private\n".to_vec(),
            ),
            ("short.example", "/to-private") => (
                301,
                vec![("Location".into(), "http://b.example/private/x".into())],
                Vec::new(),
            ),
            ("short.example", p) if p.starts_with("/s") => (
                301,
                vec![(
                    "Location".into(),
                    format!("http://b.example/story{}", &p[2..]),
                )],
                Vec::new(),
            ),
            (_, "/robots.txt") => (404, Vec::new(), Vec::new()),
            (_, p) => html(&format!("<html><title>{p}</title></html>")),
        }
    });
    let web = fake_web(Duration::from_millis(40), handler).await;
    let config = FetchConfig {
        per_host: 2,
        concurrency: 64,
        ignore_robots: false,
        ..config_for(&web)
    };
    let mut urls: Vec<String> = (0..10)
        .map(|i| format!("http://short.example/s{i}"))
        .collect();
    urls.push("http://short.example/to-private".into());
    let results = run_all(config, urls).await;
    assert_eq!(results.len(), 11);
    for i in 0..10 {
        let outcome = &results[&format!("http://short.example/s{i}")];
        let FetchOutcome::Fetched { hops } = outcome else {
            panic!("s{i}: {outcome:?}");
        };
        assert_eq!(hops.len(), 2, "the 301 and the page");
        assert_eq!(hops[1].response.url, format!("http://b.example/story{i}"));
    }
    match &results["http://short.example/to-private"] {
        FetchOutcome::Skipped { reason, hops } => {
            assert!(
                reason.contains("redirected to http://b.example/private/x")
                    && reason.contains("robots.txt"),
                "{reason}"
            );
            assert_eq!(hops.len(), 1, "the redirect is kept");
        }
        other => panic!("to-private: {other:?}"),
    }
    let stats = web.stats.lock().unwrap();
    assert_eq!(stats.count("b.example", "/robots.txt"), 1);
    assert_eq!(stats.count("b.example", "/private/x"), 0, "never requested");
    assert_eq!(stats.max_in_flight["b.example"], 2, "b's own limit holds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_shows_the_queues_while_fetching() {
    let web = fake_web(
        Duration::from_millis(100),
        pages_with_robots("User-agent: *\nAllow: /\n"),
    )
    .await;
    let config = FetchConfig {
        per_host: 1,
        ..config_for(&web)
    };
    let fetcher = Arc::new(Fetcher::new(config).unwrap());
    let (tx, rx) = mpsc::channel(64);
    for u in urls(&["busy.example"], 20)
        .into_iter()
        .chain(urls(&["calm.example"], 2))
    {
        let url = Url::parse(&u).unwrap();
        tx.send(Job {
            url,
            validators: None,
        })
        .await
        .unwrap();
    }
    drop(tx);
    let mut out = Arc::clone(&fetcher).fetch_all(rx);
    tokio::time::sleep(Duration::from_millis(700)).await;
    let status = fetcher.status();
    assert!(
        (1..=2).contains(&status.in_flight),
        "one per host: {status:?}"
    );
    let (host, waiting) = status.busiest.clone().expect("a busiest host");
    assert_eq!(host, "busy.example");
    assert!(waiting >= 10 && status.queued >= waiting, "{status:?}");
    let mut n = 0;
    while out.recv().await.is_some() {
        n += 1;
    }
    assert_eq!(n, 22);
}
