//! One HTTP attempt on the wire: the client, the request as sent, and the response body streamed
//! under the size cap and the read timeout, kept byte for byte (no decompression).

use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use reqwest::redirect::Policy;
use url::Url;

use super::failure::{Failure, describe, human_duration, human_size};
use super::{Exchange, FetchConfig, ProxyConfig, Validators};
use crate::capture::{Capture, Request};

/// What we accept: HTML first, anything else (so that non-HTML is seen and skipped, not refused).
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
/// Every encoding `Capture::decoded_body` can undo.
const ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";

/// The reqwest client: no automatic redirects nor decompression, proxies as configured.
pub(super) fn build_client(config: &FetchConfig) -> anyhow::Result<reqwest::Client> {
    // reqwest takes the process's default provider; an earlier client may have installed it
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder()
        .redirect(Policy::none())
        .connect_timeout(config.connect_timeout)
        .read_timeout(config.read_timeout)
        .tcp_nodelay(true)
        .pool_idle_timeout(Duration::from_secs(30));
    match &config.proxy {
        ProxyConfig::Env => {} // reqwest reads the environment itself, as curl does
        ProxyConfig::None => builder = builder.no_proxy(),
        ProxyConfig::Explicit {
            http,
            https,
            no_proxy,
        } => {
            builder = builder.no_proxy(); // nothing from the environment
            let exceptions = no_proxy.as_deref().and_then(reqwest::NoProxy::from_string);
            if let Some(p) = http {
                let proxy =
                    reqwest::Proxy::http(p).with_context(|| format!("invalid HTTP proxy {p:?}"))?;
                builder = builder.proxy(proxy.no_proxy(exceptions.clone()));
            }
            if let Some(p) = https {
                let proxy = reqwest::Proxy::https(p)
                    .with_context(|| format!("invalid HTTPS proxy {p:?}"))?;
                builder = builder.proxy(proxy.no_proxy(exceptions));
            }
        }
    }
    builder.build().context("cannot build the HTTP client")
}

/// The `Host` header hyper sends for this URL (port only when not the scheme's default).
fn host_header(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

/// The request headers we send, in order, `Host` first as hyper writes it.
fn request_headers(
    url: &Url,
    user_agent: &str,
    validators: Option<&Validators>,
) -> Vec<(String, String)> {
    let mut headers = vec![
        ("Host".to_string(), host_header(url)),
        ("User-Agent".to_string(), user_agent.to_string()),
        ("Accept".to_string(), ACCEPT.to_string()),
        ("Accept-Encoding".to_string(), ACCEPT_ENCODING.to_string()),
    ];
    if let Some(v) = validators {
        if let Some(etag) = &v.etag {
            headers.push(("If-None-Match".to_string(), etag.clone()));
        }
        if let Some(date) = &v.last_modified {
            headers.push(("If-Modified-Since".to_string(), date.clone()));
        }
    }
    headers
}

/// `HTTP/1.1`, `HTTP/2`, … as written on a status line.
fn version_name(version: reqwest::Version) -> &'static str {
    match version {
        reqwest::Version::HTTP_09 => "HTTP/0.9",
        reqwest::Version::HTTP_10 => "HTTP/1.0",
        reqwest::Version::HTTP_2 => "HTTP/2",
        reqwest::Version::HTTP_3 => "HTTP/3",
        _ => "HTTP/1.1",
    }
}

/// One GET of `url`, with the whole-request timeout. The body is capped at `max_body` bytes.
pub(super) async fn attempt(
    client: &reqwest::Client,
    config: &FetchConfig,
    url: &Url,
    validators: Option<&Validators>,
    max_body: u64,
) -> Result<Exchange, Failure> {
    let total = config.timeout;
    match tokio::time::timeout(
        total,
        attempt_untimed(client, config, url, validators, max_body),
    )
    .await
    {
        Ok(result) => result,
        Err(_) => Err(Failure::transient(format!(
            "timed out after {}",
            human_duration(total)
        ))),
    }
}

async fn attempt_untimed(
    client: &reqwest::Client,
    config: &FetchConfig,
    url: &Url,
    validators: Option<&Validators>,
    max_body: u64,
) -> Result<Exchange, Failure> {
    let headers = request_headers(url, &config.user_agent, validators);
    let mut builder = client.get(url.clone());
    // hyper writes `Host` itself, exactly as recorded.
    for (name, value) in headers.iter().skip(1) {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let started = std::time::Instant::now();
    let mut response = builder.send().await.map_err(|e| describe(&e, config))?;
    let fetched_at = Utc::now();
    let status = response.status();
    let expected = response.content_length();
    if let Some(length) = expected.filter(|&n| n > max_body) {
        return Err(Failure::permanent(format!(
            "body larger than {} (Content-Length: {length})",
            human_size(max_body)
        )));
    }
    let response_headers: Vec<(String, String)> = response
        .headers()
        .iter()
        // The body is stored de-chunked, so the framing header no longer applies.
        .filter(|(name, _)| *name != reqwest::header::TRANSFER_ENCODING)
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let capture_head = Capture {
        url: url.to_string(),
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("").to_string(),
        http_version: version_name(response.version()).to_string(),
        headers: response_headers,
        body: Vec::new(),
        fetched_at,
        ip: response.remote_addr().map(|a| a.ip()),
    };

    let initial = expected.unwrap_or(64 * 1024).min(1 << 20);
    let mut body: Vec<u8> = Vec::with_capacity(usize::try_from(initial).unwrap_or(0));
    loop {
        let chunk = tokio::time::timeout(config.read_timeout, response.chunk()).await;
        match chunk {
            Err(_) => {
                return Err(Failure::transient(format!(
                    "read timed out (no data for {}, got {} bytes)",
                    human_duration(config.read_timeout),
                    body.len()
                )));
            }
            Ok(Ok(Some(bytes))) => {
                if (body.len() + bytes.len()) as u64 > max_body {
                    return Err(Failure::permanent(format!(
                        "body larger than {}",
                        human_size(max_body)
                    )));
                }
                body.extend_from_slice(&bytes);
            }
            Ok(Ok(None)) => break,
            Ok(Err(e)) => {
                if e.is_timeout() {
                    return Err(describe(&e, config));
                }
                return Err(Failure::transient(truncated(body.len(), expected)));
            }
        }
    }
    if let Some(length) = expected.filter(|&n| (body.len() as u64) < n) {
        return Err(Failure::transient(truncated(body.len(), Some(length))));
    }
    // hyper hands the connection back to the pool from its own tasks once the response is
    // complete. Let them run before the caller frees this host's slot, so the host's next
    // request reuses this connection instead of racing it with a new one: the server then never
    // sees more connections (hence requests) from us than the per-host limit.
    drop(response);
    let elapsed = started.elapsed();
    for _ in 0..8 {
        tokio::task::yield_now().await;
    }
    Ok(Exchange {
        elapsed,
        request: Request {
            method: "GET".to_string(),
            url: url.to_string(),
            headers,
        },
        response: Capture {
            body,
            ..capture_head
        },
    })
}

fn truncated(got: usize, expected: Option<u64>) -> String {
    match expected {
        Some(length) => format!("truncated body (got {got} of {length} bytes)"),
        None => format!("truncated body (got {got} bytes, then the connection closed)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_header_has_port_only_when_not_default() {
        let u = Url::parse("http://Example.COM:80/a").unwrap();
        assert_eq!(host_header(&u), "example.com");
        let u = Url::parse("http://127.0.0.1:8080/a").unwrap();
        assert_eq!(host_header(&u), "127.0.0.1:8080");
        let u = Url::parse("https://[::1]:8443/").unwrap();
        assert_eq!(host_header(&u), "[::1]:8443");
    }

    #[test]
    fn conditional_headers_follow_validators() {
        let u = Url::parse("http://example.com/").unwrap();
        let v = Validators {
            etag: Some("\"abc\"".into()),
            last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
        };
        let h = request_headers(&u, "morgue/0.1", Some(&v));
        let names: Vec<&str> = h.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Host",
                "User-Agent",
                "Accept",
                "Accept-Encoding",
                "If-None-Match",
                "If-Modified-Since"
            ]
        );
        assert_eq!(request_headers(&u, "x", None).len(), 4);
    }
}
