//! The fetcher against a well-behaved loopback server (wiremock): statuses, retries, redirects,
//! bodies kept as sent, size caps, non-HTML, conditional requests.

#[path = "fixtures/fetch/support.rs"]
mod support;

use std::io::Write;
use std::time::{Duration, Instant};

use morgue::fetch::{FetchConfig, FetchOutcome, Fetcher, Job, Validators};
use support::quick_config;
use url::Url;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PAGE: &str =
    "<!DOCTYPE html><html><head><title>Secret talks</title></head><body><p>Hi</p></body></html>";

fn job(server: &MockServer, p: &str) -> Job {
    Job {
        url: Url::parse(&format!("{}{p}", server.uri())).unwrap(),
        validators: None,
    }
}

async fn fetch_with(config: FetchConfig, job: &Job) -> FetchOutcome {
    Fetcher::new(config).unwrap().fetch(job).await
}

async fn fetch(job: &Job) -> FetchOutcome {
    fetch_with(quick_config(), job).await
}

fn html_response(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(PAGE.as_bytes(), "text/html; charset=utf-8")
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

#[tokio::test]
async fn html_page_is_fetched_with_request_and_response_recorded() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/2024/10/01/story"))
        .respond_with(html_response(200))
        .mount(&server)
        .await;
    let job = job(&server, "/2024/10/01/story");
    let FetchOutcome::Fetched { hops } = fetch(&job).await else {
        panic!("not fetched")
    };
    assert_eq!(hops.len(), 1);
    let ex = &hops[0];
    assert_eq!(ex.response.status, 200);
    assert_eq!(ex.response.reason, "OK");
    assert_eq!(ex.response.http_version, "HTTP/1.1");
    assert_eq!(ex.response.url, job.url.as_str());
    assert_eq!(ex.response.body, PAGE.as_bytes());
    assert_eq!(ex.response.ip, Some("127.0.0.1".parse().unwrap()));
    assert_eq!(ex.request.method, "GET");
    assert_eq!(ex.request.url, job.url.as_str());
    let header = |n: &str| {
        ex.request
            .headers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("Host"), Some(server.address().to_string()));
    assert!(header("User-Agent").unwrap().starts_with("morgue/"));
    assert_eq!(
        header("Accept-Encoding").as_deref(),
        Some("gzip, deflate, br, zstd")
    );
    // What the server received is what was recorded.
    let received = server.received_requests().await.unwrap();
    let got = &received[0].headers;
    for (name, value) in &ex.request.headers {
        assert_eq!(
            got.get(name.as_str()).and_then(|v| v.to_str().ok()),
            Some(value.as_str()),
            "{name}"
        );
    }
}

#[tokio::test]
async fn not_found_is_a_fetched_404_without_retries() {
    let server = MockServer::start().await;
    let job = job(&server, "/missing");
    let FetchOutcome::Fetched { hops } = fetch(&job).await else {
        panic!("404 should be a fetched response")
    };
    assert_eq!(hops.last().unwrap().response.status, 404);
    assert_eq!(hops.last().unwrap().response.reason, "Not Found");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn server_error_is_retried_then_reported() {
    let server = MockServer::start().await;
    Mock::given(path("/broken"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let outcome = fetch(&job(&server, "/broken")).await;
    assert_eq!(outcome.final_response().unwrap().status, 500);
    assert!(matches!(outcome, FetchOutcome::Fetched { .. }));
    // 1 try + 2 retries.
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn unavailable_with_retry_after_then_ok() {
    let server = MockServer::start().await;
    Mock::given(path("/busy"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/busy"))
        .respond_with(html_response(200))
        .with_priority(2)
        .mount(&server)
        .await;
    let started = Instant::now();
    let outcome = fetch(&job(&server, "/busy")).await;
    let FetchOutcome::Fetched { hops } = outcome else {
        panic!("not fetched: {outcome:?}")
    };
    assert_eq!(hops.len(), 1, "retries are not hops");
    assert_eq!(hops[0].response.status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After: 1 was not honoured ({:?})",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn too_many_requests_waits_at_most_the_cap() {
    let server = MockServer::start().await;
    Mock::given(path("/slow-down"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
        .mount(&server)
        .await;
    let config = FetchConfig {
        retries: 1,
        max_retry_wait: Duration::from_millis(100),
        ..quick_config()
    };
    let started = Instant::now();
    let outcome = fetch_with(config, &job(&server, "/slow-down")).await;
    assert_eq!(outcome.final_response().unwrap().status, 429);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn redirect_chain_is_followed_and_every_hop_kept() {
    let server = MockServer::start().await;
    Mock::given(path("/a"))
        .respond_with(ResponseTemplate::new(301).insert_header("Location", "/b"))
        .mount(&server)
        .await;
    Mock::given(path("/b"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("Location", format!("{}/c", server.uri())),
        )
        .mount(&server)
        .await;
    Mock::given(path("/c"))
        .respond_with(html_response(200))
        .mount(&server)
        .await;
    let FetchOutcome::Fetched { hops } = fetch(&job(&server, "/a")).await else {
        panic!("not fetched")
    };
    let urls: Vec<&str> = hops.iter().map(|h| h.response.url.as_str()).collect();
    let base = server.uri();
    assert_eq!(
        urls,
        [
            format!("{base}/a"),
            format!("{base}/b"),
            format!("{base}/c")
        ]
    );
    let statuses: Vec<u16> = hops.iter().map(|h| h.response.status).collect();
    assert_eq!(statuses, [301, 302, 200]);
    assert_eq!(hops[2].request.url, format!("{base}/c"));
}

#[tokio::test]
async fn redirect_loop_is_detected() {
    let server = MockServer::start().await;
    Mock::given(path("/x"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/y"))
        .mount(&server)
        .await;
    Mock::given(path("/y"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/x"))
        .mount(&server)
        .await;
    let FetchOutcome::Failed { error, hops } = fetch(&job(&server, "/x")).await else {
        panic!("a loop must fail")
    };
    assert_eq!(error, format!("redirect loop at {}/x", server.uri()));
    assert_eq!(hops.len(), 2);
}

#[tokio::test]
async fn too_many_redirects_fail() {
    let server = MockServer::start().await;
    for i in 0..5 {
        Mock::given(path(format!("/r{i}")))
            .respond_with(
                ResponseTemplate::new(307).insert_header("Location", format!("/r{}", i + 1)),
            )
            .mount(&server)
            .await;
    }
    let config = FetchConfig {
        max_redirects: 3,
        ..quick_config()
    };
    let FetchOutcome::Failed { error, hops } = fetch_with(config, &job(&server, "/r0")).await
    else {
        panic!("must fail")
    };
    assert!(
        error.starts_with("too many redirects (more than 3)"),
        "{error}"
    );
    assert_eq!(hops.len(), 4);
}

#[tokio::test]
async fn gzip_body_is_stored_as_sent() {
    let server = MockServer::start().await;
    let compressed = gzip(PAGE.as_bytes());
    Mock::given(path("/gz"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Content-Encoding", "gzip")
                .set_body_raw(compressed.clone(), "text/html"),
        )
        .mount(&server)
        .await;
    let FetchOutcome::Fetched { hops } = fetch(&job(&server, "/gz")).await else {
        panic!("not fetched")
    };
    let response = &hops[0].response;
    assert_eq!(
        response.body, compressed,
        "body must keep its Content-Encoding"
    );
    assert_eq!(response.header("content-encoding"), Some("gzip"));
    assert_eq!(
        response.header("content-length"),
        Some(compressed.len().to_string().as_str())
    );
    assert_eq!(response.decoded_body(1 << 20).unwrap(), PAGE.as_bytes());
}

#[tokio::test]
async fn gzip_bomb_is_refused() {
    let server = MockServer::start().await;
    let bomb = gzip(&vec![b' '; 4 << 20]);
    assert!(bomb.len() < 64 << 10);
    Mock::given(path("/bomb"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Content-Encoding", "gzip")
                .set_body_raw(bomb, "text/html"),
        )
        .mount(&server)
        .await;
    let config = FetchConfig {
        max_body: 1 << 20,
        ..quick_config()
    };
    let FetchOutcome::Failed { error, hops } = fetch_with(config, &job(&server, "/bomb")).await
    else {
        panic!("a bomb must fail")
    };
    assert_eq!(error, "body larger than 1 MB after decoding");
    assert_eq!(hops.len(), 1, "the response is still there to archive");
}

#[tokio::test]
async fn body_over_the_cap_by_content_length() {
    let server = MockServer::start().await;
    Mock::given(path("/big"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'a'; 3 << 20], "text/html"))
        .mount(&server)
        .await;
    let config = FetchConfig {
        max_body: 1 << 20,
        ..quick_config()
    };
    let FetchOutcome::Failed { error, .. } = fetch_with(config, &job(&server, "/big")).await else {
        panic!("must fail")
    };
    assert_eq!(
        error,
        format!("body larger than 1 MB (Content-Length: {})", 3 << 20)
    );
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "not retried"
    );
}

#[tokio::test]
async fn pdf_is_skipped_with_its_hops() {
    let server = MockServer::start().await;
    Mock::given(path("/report.pdf"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.4 ...".to_vec(), "application/pdf"),
        )
        .mount(&server)
        .await;
    let FetchOutcome::Skipped { reason, hops } = fetch(&job(&server, "/report.pdf")).await else {
        panic!("must be skipped")
    };
    assert_eq!(reason, "not HTML (application/pdf)");
    assert_eq!(hops[0].response.body, b"%PDF-1.4 ...");
}

#[tokio::test]
async fn empty_body_fails_clearly() {
    let server = MockServer::start().await;
    Mock::given(path("/empty"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(Vec::new(), "text/html"))
        .mount(&server)
        .await;
    let FetchOutcome::Failed { error, hops } = fetch(&job(&server, "/empty")).await else {
        panic!("must fail")
    };
    assert_eq!(error, "empty body (HTTP 200)");
    assert_eq!(hops.len(), 1);
}

#[tokio::test]
async fn conditional_request_sends_validators_and_304_is_not_modified() {
    let server = MockServer::start().await;
    Mock::given(path("/same"))
        .and(wiremock::matchers::header("If-None-Match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .mount(&server)
        .await;
    let mut job = job(&server, "/same");
    job.validators = Some(Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
    });
    let FetchOutcome::NotModified { hops } = fetch(&job).await else {
        panic!("must be not modified")
    };
    assert_eq!(hops[0].response.status, 304);
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0]
            .headers
            .get("if-modified-since")
            .and_then(|v| v.to_str().ok()),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
}

#[tokio::test]
async fn bad_scheme_and_refused_connection_are_clean_failures() {
    let ftp = Job {
        url: Url::parse("ftp://example.com/a").unwrap(),
        validators: None,
    };
    let FetchOutcome::Failed { error, .. } = fetch(&ftp).await else {
        panic!()
    };
    assert_eq!(error, "unsupported URL scheme \"ftp\": ftp://example.com/a");

    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let refused = Job {
        url: Url::parse(&format!("http://127.0.0.1:{port}/")).unwrap(),
        validators: None,
    };
    let FetchOutcome::Failed { error, hops } = fetch(&refused).await else {
        panic!()
    };
    assert_eq!(error, "connection refused (after 3 attempts)");
    assert!(hops.is_empty());
}
