//! What makes two URLs the same article: URL normalisation, the stable article id derived from it,
//! and the `site` (host without `www.`) that filters and facets use.

use sha1::{Digest, Sha1};
use url::Url;

/// Query parameters that track campaigns, not content; dropped by [`normalize`].
fn is_tracking_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid" | "gclid" | "dclid" | "msclkid" | "mc_cid" | "mc_eid" | "igshid" | "yclid"
        )
}

/// Why a string is not a URL morgue can fetch.
#[derive(Debug, thiserror::Error)]
pub enum UrlError {
    #[error("not a URL ({0})")]
    Parse(#[from] url::ParseError),
    #[error("unsupported scheme {0:?} (only http and https)")]
    Scheme(String),
}

/// Parses and normalises a URL so that one article is one article: lower-case host (the `url`
/// crate does that and drops default ports), no fragment, no tracking parameters (`utm_*`,
/// `fbclid`, `gclid`, …). Only `http` and `https` are accepted.
///
/// ```
/// let u = morgue::identity::normalize("HTTP://WWW.Example.com:80/a?utm_source=x&id=3#top").unwrap();
/// assert_eq!(u.as_str(), "http://www.example.com/a?id=3");
/// ```
pub fn normalize(input: &str) -> Result<Url, UrlError> {
    let mut url = Url::parse(input.trim())?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(UrlError::Scheme(url.scheme().to_string()));
    }
    url.set_fragment(None);
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking_param(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Ok(url)
}

/// The stable article id: 16 hex digits of the SHA-1 of the normalised URL. A URL that does not
/// parse is hashed as given, so foreign archives with odd target URIs still get stable ids.
///
/// ```
/// let a = morgue::identity::article_id("https://example.com/story?utm_medium=rss");
/// assert_eq!(a, morgue::identity::article_id("https://EXAMPLE.com/story#comments"));
/// assert_eq!(a.len(), 16);
/// ```
pub fn article_id(url: &str) -> String {
    let key = normalize(url)
        .map(String::from)
        .unwrap_or_else(|_| url.trim().to_string());
    let digest = Sha1::digest(key.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// True when `s` has the shape of an article id (so `show` can tell ids from URLs).
pub fn is_article_id(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The site of a URL: its host, lower-case, without a leading `www.`.
///
/// ```
/// assert_eq!(morgue::identity::site_of("https://www.Example.co.uk/x").as_deref(), Some("example.co.uk"));
/// ```
pub fn site_of(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_and_fragments_go() {
        let u = normalize("https://Example.com:443/a/b?gclid=1&b=2&utm_campaign=z&fbclid=q#frag")
            .unwrap();
        assert_eq!(u.as_str(), "https://example.com/a/b?b=2");
    }

    #[test]
    fn other_schemes_are_refused() {
        assert!(matches!(
            normalize("ftp://example.com/"),
            Err(UrlError::Scheme(_))
        ));
        assert!(normalize("not a url").is_err());
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(
            article_id("http://a.example/1"),
            article_id("http://A.example:80/1#x")
        );
        assert_ne!(
            article_id("http://a.example/1"),
            article_id("http://a.example/2")
        );
        assert!(is_article_id(&article_id("http://a.example/1")));
        assert!(!is_article_id("http://a.example/1"));
    }
}
