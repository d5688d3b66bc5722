//! Proxies: explicit settings, and the environment (`HTTP_PROXY`, `http_proxy`, `NO_PROXY`) as
//! curl reads it. Environment variables are process-wide, so the environment cases run this test
//! binary again as a child process with the variables set, instead of setting them here.

#[path = "fixtures/fetch/support.rs"]
mod support;

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use morgue::fetch::{FetchConfig, FetchOutcome, Fetcher, Job, ProxyConfig};
use support::{Handler, Reply, fake_web, html, quick_config};
use url::Url;

const CHILD_MARKER: &str = "MORGUE_FETCH_PROXY_CHILD_URLS";

fn echo_handler() -> Handler {
    Arc::new(|host: &str, path: &str| -> Reply { html(&format!("<html>{host}{path}</html>")) })
}

#[tokio::test]
async fn explicit_proxy_carries_real_looking_hosts() {
    let web = fake_web(Duration::ZERO, echo_handler()).await;
    let config = FetchConfig {
        proxy: web.proxy_config(),
        ..quick_config()
    };
    let job = Job {
        url: Url::parse("http://www.daily-ledger.example/2024/10/01/secret-talks-1").unwrap(),
        validators: None,
    };
    let FetchOutcome::Fetched { hops } = Fetcher::new(config).unwrap().fetch(&job).await else {
        panic!("not fetched through the proxy")
    };
    assert_eq!(
        hops[0].response.body,
        b"<html>www.daily-ledger.example/2024/10/01/secret-talks-1</html>"
    );
    assert_eq!(hops[0].response.ip, Some(web.addr.ip()));
    let stats = web.stats.lock().unwrap();
    let seen = &stats.requests[0];
    assert_eq!(seen.target, job.url.as_str(), "absolute-form request line");
    assert_eq!(seen.header("host"), Some("www.daily-ledger.example"));
}

#[tokio::test]
async fn explicit_no_proxy_goes_direct() {
    let web = fake_web(Duration::ZERO, echo_handler()).await;
    let config = FetchConfig {
        proxy: ProxyConfig::Explicit {
            http: Some("http://127.0.0.1:9".into()), // nothing there: must not be used
            https: None,
            no_proxy: Some("localhost, 127.0.0.1".into()),
        },
        ..quick_config()
    };
    let job = Job {
        url: Url::parse(&format!("{}/direct", web.url())).unwrap(),
        validators: None,
    };
    let outcome = Fetcher::new(config).unwrap().fetch(&job).await;
    assert!(
        matches!(outcome, FetchOutcome::Fetched { .. }),
        "{outcome:?}"
    );
    assert_eq!(web.stats.lock().unwrap().requests[0].target, "/direct");
}

#[test]
fn bad_proxy_url_is_a_clear_error() {
    let config = FetchConfig {
        proxy: ProxyConfig::Explicit {
            http: Some("not a url".into()),
            https: None,
            no_proxy: None,
        },
        ..quick_config()
    };
    let Err(e) = Fetcher::new(config) else {
        panic!("must fail")
    };
    assert!(
        e.to_string()
            .starts_with("invalid HTTP proxy \"not a url\""),
        "{e}"
    );
}

/// Runs `env_proxy_child` in a child process with these variables and fetching these URLs.
fn run_child(vars: &[(&str, String)], urls: &[String]) {
    let exe = std::env::current_exe().unwrap();
    let mut command = Command::new(exe);
    command.args(["--exact", "env_proxy_child", "--ignored", "--nocapture"]);
    for name in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "REQUEST_METHOD",
    ] {
        command.env_remove(name);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    command.env(CHILD_MARKER, urls.join(" "));
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "child failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1 passed"),
        "the child test did not run"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn environment_proxy_is_used_for_real_looking_and_loopback_hosts() {
    let web = fake_web(Duration::ZERO, echo_handler()).await;
    let urls = vec![
        "http://www.daily-ledger.example/2024/10/01/story-1".to_string(),
        "http://127.0.0.1:9/loopback-through-proxy".to_string(),
    ];
    let proxy = web.url();
    tokio::task::spawn_blocking(move || run_child(&[("HTTP_PROXY", proxy)], &urls))
        .await
        .unwrap();
    let stats = web.stats.lock().unwrap();
    let targets: Vec<&str> = stats.requests.iter().map(|s| s.target.as_str()).collect();
    assert_eq!(
        targets,
        [
            "http://www.daily-ledger.example/2024/10/01/story-1",
            "http://127.0.0.1:9/loopback-through-proxy"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lower_case_proxy_variable_and_no_proxy_exceptions() {
    let web = fake_web(Duration::ZERO, echo_handler()).await;
    let urls = vec![
        "http://harbor-times.example/a".to_string(),
        format!("{}/direct", web.url()),
    ];
    let proxy = web.url();
    tokio::task::spawn_blocking(move || {
        run_child(
            &[("http_proxy", proxy), ("NO_PROXY", "127.0.0.1".into())],
            &urls,
        )
    })
    .await
    .unwrap();
    let stats = web.stats.lock().unwrap();
    let targets: Vec<&str> = stats.requests.iter().map(|s| s.target.as_str()).collect();
    assert_eq!(targets, ["http://harbor-times.example/a", "/direct"]);
}

/// The child side: fetches the URLs in the marker variable with the environment's proxies and
/// expects each to be fetched. Does nothing (and is ignored) in a normal run.
#[tokio::test]
#[ignore = "run by the environment proxy tests in a child process"]
async fn env_proxy_child() {
    let Ok(urls) = std::env::var(CHILD_MARKER) else {
        return;
    };
    let config = FetchConfig {
        proxy: ProxyConfig::Env,
        ..quick_config()
    };
    let fetcher = Fetcher::new(config).unwrap();
    for u in urls.split(' ') {
        let job = Job {
            url: Url::parse(u).unwrap(),
            validators: None,
        };
        let outcome = fetcher.fetch(&job).await;
        assert!(
            matches!(outcome, FetchOutcome::Fetched { .. }),
            "{u}: {outcome:?}"
        );
    }
}
