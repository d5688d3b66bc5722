//! Why an attempt failed, in one line a user can act on, and whether trying again may help.
//! reqwest wraps the real cause (refused, reset, DNS) several errors deep: walk the chain.

use std::error::Error as _;
use std::time::Duration;

use super::FetchConfig;

/// A failed attempt: the message for the user, and whether a retry may succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    pub message: String,
    pub retryable: bool,
}

impl Failure {
    /// A failure worth retrying (connection trouble, timeouts, truncation).
    pub fn transient(message: String) -> Failure {
        Failure {
            message,
            retryable: true,
        }
    }

    /// A failure that will happen again (size cap, bad URL, unknown host).
    pub fn permanent(message: String) -> Failure {
        Failure {
            message,
            retryable: false,
        }
    }
}

/// The TLS error inside an I/O error, through the I/O errors wrapping it (their `source()`
/// skips the wrapped error).
fn tls_error(io: &std::io::Error) -> Option<&rustls::Error> {
    let inner = io.get_ref()?;
    match inner.downcast_ref::<rustls::Error>() {
        Some(tls) => Some(tls),
        None => tls_error(inner.downcast_ref::<std::io::Error>()?),
    }
}

/// One line for a reqwest error, from the most telling error of its source chain.
pub(super) fn describe(err: &reqwest::Error, config: &FetchConfig) -> Failure {
    let mut messages = Vec::new();
    let mut io_kind = None;
    let mut tls = None;
    let mut source: Option<&(dyn std::error::Error + 'static)> = err.source();
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            io_kind = io_kind.or(Some(io.kind()));
            tls = tls.or_else(|| tls_error(io));
        }
        tls = tls.or_else(|| e.downcast_ref::<rustls::Error>());
        messages.push(e.to_string());
        source = e.source();
    }
    let deepest = messages.last().cloned().unwrap_or_else(|| err.to_string());
    match tls {
        Some(rustls::Error::InvalidCertificate(why)) => {
            return Failure::permanent(format!("TLS certificate rejected: {why:?}"));
        }
        Some(other) => return Failure::transient(format!("TLS handshake failed: {other}")),
        None => {}
    }
    use std::io::ErrorKind as K;
    if err.is_timeout() || io_kind == Some(K::TimedOut) {
        return Failure::transient(if err.is_connect() {
            format!(
                "connect timed out after {}",
                human_duration(config.connect_timeout)
            )
        } else {
            format!(
                "read timed out (no data for {})",
                human_duration(config.read_timeout)
            )
        });
    }
    if err.is_builder() {
        return Failure::permanent(format!("invalid request: {deepest}"));
    }
    if messages.iter().any(|m| m == "dns error") {
        return Failure::permanent(format!("dns error: {deepest}"));
    }
    match io_kind {
        Some(K::ConnectionRefused) => Failure::transient("connection refused".into()),
        Some(K::ConnectionReset) => Failure::transient("connection reset by peer".into()),
        Some(K::ConnectionAborted) => Failure::transient("connection aborted".into()),
        Some(K::UnexpectedEof) => {
            Failure::transient("connection closed before a complete response".into())
        }
        _ if err.is_connect() => Failure::transient(format!("cannot connect: {deepest}")),
        _ => Failure::transient(deepest),
    }
}

/// `30 s`, `1.5 s`, `250 ms`.
pub(super) fn human_duration(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// `20 MB`, `512 KB`, `1000 bytes` (binary units, as the cap is usually set).
pub(super) fn human_size(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes_read_well() {
        assert_eq!(human_duration(Duration::from_secs(30)), "30 s");
        assert_eq!(human_duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(human_duration(Duration::from_millis(200)), "200 ms");
        assert_eq!(human_size(20 << 20), "20 MB");
        assert_eq!(human_size(512 << 10), "512 KB");
        assert_eq!(human_size(1000), "1000 bytes");
    }
}
