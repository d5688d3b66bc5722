//! When to try again: which statuses are transient, how long the server asked us to wait
//! (`Retry-After`, seconds or an HTTP date), and exponential backoff with jitter otherwise.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use chrono::{DateTime, Utc};

/// 429 Too Many Requests and every 5xx are worth another try.
pub(super) fn retryable_status(status: u16) -> bool {
    status == 429 || (500..600).contains(&status)
}

/// The wait a `Retry-After` value asks for, relative to `now`; `None` when unparseable.
pub(super) fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is RFC 2822 with a "GMT" zone.
    let date = DateTime::parse_from_rfc2822(value).ok()?;
    let wait = date.with_timezone(&Utc) - now;
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// Backoff before retry number `attempt` (0 for the first retry): `base · 2^attempt`, scaled by
/// a random factor in [0.5, 1.0] so that many clients do not retry in step, and capped.
pub(super) fn backoff(base: Duration, attempt: usize, cap: Duration) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(16));
    let jittered = exp.mul_f64(0.5 + 0.5 * random_unit());
    jittered.min(cap)
}

/// The wait before the next attempt: what the server asked for, else the backoff; capped.
pub(super) fn wait_before_retry(
    retry_after: Option<&str>,
    base: Duration,
    attempt: usize,
    cap: Duration,
) -> Duration {
    retry_after
        .and_then(|v| parse_retry_after(v, Utc::now()))
        .map(|d| d.min(cap))
        .unwrap_or_else(|| backoff(base, attempt, cap))
}

/// A random number in [0, 1), from the std hasher's per-process random keys: enough for jitter
/// without a dependency.
fn random_unit() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_date() {
        let now = DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let base = Duration::from_millis(100);
        let cap = Duration::from_secs(60);
        for attempt in 0..4 {
            let full = base * (1 << attempt);
            let d = backoff(base, attempt, cap);
            assert!(d >= full / 2 && d <= full, "{attempt}: {d:?}");
        }
        assert_eq!(backoff(base, 30, cap), cap.min(backoff(base, 30, cap)));
        assert!(backoff(Duration::from_secs(10), 10, cap) <= cap);
    }

    #[test]
    fn server_wait_wins_but_is_capped() {
        let cap = Duration::from_secs(60);
        let base = Duration::from_millis(1);
        assert_eq!(
            wait_before_retry(Some("2"), base, 0, cap),
            Duration::from_secs(2)
        );
        assert_eq!(wait_before_retry(Some("3600"), base, 0, cap), cap);
        assert!(wait_before_retry(Some("junk"), base, 0, cap) <= base);
    }

    #[test]
    fn transient_statuses() {
        assert!(retryable_status(429) && retryable_status(500) && retryable_status(503));
        assert!(!retryable_status(404) && !retryable_status(200) && !retryable_status(301));
    }
}
