//! The fetcher against a raw loopback server that misbehaves on the wire: truncated bodies,
//! resets, slow drips, stalls, endless bodies. Each must end as a clean, explained failure.

#[path = "fixtures/fetch/support.rs"]
mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use morgue::fetch::{FetchConfig, FetchOutcome, Fetcher, Job};
use support::{Fault, quick_config, raw_server};
use url::Url;

fn story(addr: SocketAddr) -> String {
    format!("http://{addr}/story")
}

fn job(url: &str) -> Job {
    Job {
        url: Url::parse(url).unwrap(),
        validators: None,
    }
}

async fn failure(config: FetchConfig, addr: SocketAddr) -> (String, Duration) {
    failure_at(config, &story(addr)).await
}

/// The error of a fetch of `url` that must fail before any response is kept, and how long it took.
async fn failure_at(config: FetchConfig, url: &str) -> (String, Duration) {
    let started = Instant::now();
    let outcome = Fetcher::new(config).unwrap().fetch(&job(url)).await;
    let elapsed = started.elapsed();
    match outcome {
        FetchOutcome::Failed { error, hops } => {
            assert!(hops.is_empty());
            (error, elapsed)
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

fn no_retries() -> FetchConfig {
    FetchConfig {
        retries: 0,
        ..quick_config()
    }
}

#[tokio::test]
async fn truncated_body_names_the_byte_counts() {
    let mut bytes =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 400));
    let addr = raw_server(Fault::Send(bytes)).await;
    let (error, _) = failure(quick_config(), addr).await;
    assert_eq!(
        error,
        "truncated body (got 400 of 1000 bytes) (after 3 attempts)"
    );
}

#[tokio::test]
async fn truncated_chunked_body_is_a_failure() {
    let bytes = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n".to_vec();
    let addr = raw_server(Fault::Send(bytes)).await;
    let (error, _) = failure(no_retries(), addr).await;
    assert_eq!(
        error,
        "truncated body (got 5 bytes, then the connection closed)"
    );
}

#[tokio::test]
async fn chunked_body_is_stored_dechunked_without_transfer_encoding() {
    let bytes = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n<html>\r\n7\r\n</html>\r\n0\r\n\r\n".to_vec();
    let addr = raw_server(Fault::Send(bytes)).await;
    let outcome = Fetcher::new(quick_config())
        .unwrap()
        .fetch(&job(&story(addr)))
        .await;
    let FetchOutcome::Fetched { hops } = outcome else {
        panic!("{outcome:?}")
    };
    let response = &hops[0].response;
    assert_eq!(response.body, b"<html></html>");
    assert_eq!(response.header("transfer-encoding"), None);
}

#[tokio::test]
async fn connection_reset_is_named() {
    let addr = raw_server(Fault::Reset).await;
    let (error, _) = failure(quick_config(), addr).await;
    assert!(
        error == "connection reset by peer (after 3 attempts)"
            || error == "connection closed before a complete response (after 3 attempts)",
        "{error}"
    );
}

#[tokio::test]
async fn connection_closed_without_a_response() {
    let addr = raw_server(Fault::Send(Vec::new())).await;
    let (error, _) = failure(no_retries(), addr).await;
    assert!(error.contains("closed"), "{error}");
}

#[tokio::test]
async fn slow_drip_hits_the_total_timeout() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n";
    let addr = raw_server(Fault::Drip {
        head: head.into(),
        every: Duration::from_millis(50),
        count: 100,
    })
    .await;
    let config = FetchConfig {
        timeout: Duration::from_millis(600),
        read_timeout: Duration::from_millis(300),
        ..no_retries()
    };
    let (error, elapsed) = failure(config, addr).await;
    assert_eq!(error, "timed out after 600 ms");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
}

#[tokio::test]
async fn stalled_server_hits_the_read_timeout() {
    let addr = raw_server(Fault::Stall(Duration::from_secs(5))).await;
    let config = FetchConfig {
        timeout: Duration::from_secs(3),
        read_timeout: Duration::from_millis(300),
        ..no_retries()
    };
    let (error, elapsed) = failure(config, addr).await;
    assert_eq!(error, "read timed out (no data for 300 ms)");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[tokio::test]
async fn stall_in_the_body_hits_the_read_timeout() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\n";
    let addr = raw_server(Fault::Drip {
        head: head.into(),
        every: Duration::from_secs(5),
        count: 10,
    })
    .await;
    let config = FetchConfig {
        read_timeout: Duration::from_millis(300),
        ..no_retries()
    };
    let (error, _) = failure(config, addr).await;
    assert!(
        error.starts_with("read timed out (no data for 300 ms"),
        "{error}"
    );
}

#[tokio::test]
async fn fifty_megabyte_stream_stops_at_the_default_cap() {
    let addr = raw_server(Fault::Endless { chunk: 64 << 10 }).await;
    let config = FetchConfig {
        timeout: Duration::from_secs(20),
        ..no_retries()
    };
    assert_eq!(config.max_body, 20 << 20);
    let (error, _) = failure(config, addr).await;
    assert_eq!(error, "body larger than 20 MB");
}

#[tokio::test]
async fn unknown_host_is_a_dns_error() {
    let job = Job {
        url: Url::parse("http://no-such-host.invalid/").unwrap(),
        validators: None,
    };
    let outcome = Fetcher::new(no_retries()).unwrap().fetch(&job).await;
    let FetchOutcome::Failed { error, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert!(error.starts_with("dns error: "), "{error}");
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_failure() {
    // The TLS handshake runs (a crypto provider is installed) and fails cleanly: the server
    // answers the ClientHello in plain HTTP.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut hello = [0u8; 512];
            let _ = stream.read(&mut hello).await;
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                .await;
            let _ = stream.shutdown().await;
        }
    });
    let (error, _) = failure_at(no_retries(), &format!("https://{addr}/story")).await;
    assert_eq!(
        error,
        "TLS handshake failed: received corrupt message of type InvalidContentType"
    );
}

#[tokio::test]
async fn self_signed_certificate_is_rejected_without_retries() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::try_from(cert.signing_key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.cert.der().clone()], key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handshakes = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = handshakes.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = acceptor.accept(stream).await; // the client gives up during the handshake
        }
    });
    let (error, _) = failure_at(quick_config(), &format!("https://localhost:{port}/story")).await;
    assert_eq!(error, "TLS certificate rejected: UnknownIssuer");
    // a rejected certificate will be rejected again: one attempt, though retries are allowed
    assert_eq!(handshakes.load(std::sync::atomic::Ordering::SeqCst), 1);
}
