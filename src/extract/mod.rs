//! Extraction: HTML bytes (and the page URL) → an [`Article`]: the headline, authors, dates,
//! metadata and the body text without navigation and other boilerplate. Pure: no I/O, no clock.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What morgue knows about one article page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The page URL given to the extractor.
    pub url: Option<String>,
    /// `<link rel=canonical>` / `og:url`, absolute.
    pub canonical_url: Option<String>,
    /// The visible headline, without a site-name suffix or prefix.
    pub title: Option<String>,
    /// Author names, one per element.
    pub authors: Vec<String>,
    /// First publication, in the page's own offset (date-only values at midnight +00:00).
    pub published: Option<DateTime<FixedOffset>>,
    /// Last modification, same convention.
    pub modified: Option<DateTime<FixedOffset>>,
    /// The host of the URL without `www.` (what `site:` filters on).
    pub site: Option<String>,
    /// The publication's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// The standfirst / meta description.
    pub description: Option<String>,
    /// ISO 639-1 language code.
    pub lang: Option<String>,
    /// Section or category.
    pub section: Option<String>,
    /// Tags / keywords.
    pub tags: Vec<String>,
    /// The body: paragraphs separated by blank lines.
    pub text: String,
}

/// Extracts an article from an HTML page. `content_type` is the HTTP `Content-Type` header, used
/// for its charset; the bytes are decoded as declared, by `<meta charset>` or by detection.
pub fn extract(html: &[u8], url: Option<&str>, content_type: Option<&str>) -> Article {
    let _ = (html, url, content_type);
    todo!("extract")
}
