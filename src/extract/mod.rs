//! Extraction: HTML bytes (and the page URL) → an [`Article`]: the headline, authors, dates,
//! metadata and the body text without navigation and other boilerplate. Pure: no I/O, no clock.

mod authors;
mod body;
mod charset;
mod dates;
mod jsonld;
mod lang;
mod metadata;
mod name_words;
mod names;
mod prune;
mod text_bylines;
mod title;
mod vocabulary;
mod walk;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use jsonld::LinkedData;
use metadata::{meta, metas};
use walk::Page;

pub use charset::decode;

/// Pages are cut to this many bytes of decoded text before parsing: it bounds time and memory on
/// hostile input, and no article needs more.
pub const MAX_HTML_BYTES: usize = 8 << 20;

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
///
/// ```
/// let html = br#"<html lang="en"><head><title>A story - The Daily</title>
/// <meta property="og:site_name" content="The Daily"></head>
/// <body><h1>A story</h1><p>It was a dark and stormy night, and the rain fell in torrents.</p></body></html>"#;
/// let a = morgue::extract::extract(html, Some("https://www.daily.example/a"), None);
/// assert_eq!(a.title.as_deref(), Some("A story"));
/// assert_eq!(a.site.as_deref(), Some("daily.example"));
/// assert!(a.text.starts_with("It was a dark"));
/// ```
pub fn extract(html: &[u8], url: Option<&str>, content_type: Option<&str>) -> Article {
    let (page, script_published) = read_page(html, content_type);
    assemble(&page, url, script_published.as_deref())
}

/// Decodes, prunes, parses and walks a page; with the publication date the pruning found in a
/// script. The decoded text, the pruned HTML and the DOM are dropped as soon as the next step
/// has what it needs.
fn read_page(html: &[u8], content_type: Option<&str>) -> (Page, Option<String>) {
    let text = decode(html, content_type);
    let mut cut = text.len().min(MAX_HTML_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let prune::Pruned {
        html,
        script_published,
    } = prune::prune(&text[..cut]);
    let doc = scraper::Html::parse_document(&html);
    drop(html);
    drop(text);
    (walk::walk(&doc), script_published)
}

/// For tuning the body model: the top container candidates of a page and the roots kept.
#[doc(hidden)]
pub fn explain_body(html: &[u8]) -> String {
    let (page, _) = read_page(html, None);
    // the body drops the `<h1>` that is the title and places the lead after it: explain with the
    // title the extractor picks
    let title = assemble(&page, None, None).title;
    body::explain(&page, title.as_deref())
}

/// For tuning the date rules: each source of the publication date cascade and its reading.
#[doc(hidden)]
pub fn explain_dates(html: &[u8], url: Option<&str>) -> String {
    let (page, script) = read_page(html, None);
    metadata::explain_dates(
        &page,
        &LinkedData::parse(&page.jsonld),
        url,
        script.as_deref(),
    )
}

/// For tuning the title rules: the title sources of a page and the title picked, as JSON.
#[doc(hidden)]
pub fn explain_title(html: &[u8], url: Option<&str>) -> String {
    let (page, _) = read_page(html, None);
    let ld = LinkedData::parse(&page.jsonld);
    let site = url.and_then(crate::identity::site_of);
    let site_name = site_name(&page, &ld);
    let s = title_sources(&page, &ld, site_name.as_deref(), site.as_deref());
    let names = title::SiteNames::new(s.site_name, s.site);
    let clean = |t: Option<&str>| t.map(|t| clean_line(&names.strip(t)));
    serde_json::json!({
        "ld_clean": clean(s.headline.as_deref()), "og_clean": clean(s.og_title.as_deref()),
        "tag_clean": clean(s.title_tag),
        "h1s": s.h1s, "h2s": s.h2s, "headline": s.headline, "og_title": s.og_title,
        "title_tag": s.title_tag, "site_name": s.site_name, "site": s.site,
        "title": title::reconcile(&s).map(|t| clean_line(&t)),
    })
    .to_string()
}

/// The publication's name: `og:site_name`, the JSON-LD publisher, `application-name`.
fn site_name(page: &Page, ld: &LinkedData) -> Option<String> {
    meta(page, "og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher())
        .or_else(|| meta(page, "application-name").map(str::to_string))
        .map(|s| clean_line(&s))
}

/// The title's sources on a walked page.
fn title_sources<'a>(
    page: &'a Page,
    ld: &LinkedData,
    site_name: Option<&'a str>,
    site: Option<&'a str>,
) -> title::TitleSources<'a> {
    let article = ld.article();
    let field = |key: &str| article.and_then(|a| jsonld::text(a.get(key)));
    title::TitleSources {
        h1s: &page.h1s,
        h2s: &page.h2s,
        linked_h1s: page
            .h1_blocks()
            .map(|i| &page.blocks[i])
            .filter(|b| 2 * b.link_chars > b.chars)
            .map(|b| b.text.as_str())
            .collect(),
        headline: field("headline").or_else(|| field("name")),
        og_title: meta(page, "og:title")
            .or_else(|| meta(page, "twitter:title"))
            .map(str::to_string),
        title_tag: page.title_tag.as_deref(),
        site_name,
        site,
    }
}

/// Reads the fields out of the walked page (and the publication date pruning found in a script).
fn assemble(page: &Page, url: Option<&str>, script_published: Option<&str>) -> Article {
    let ld = LinkedData::parse(&page.jsonld);
    let article = ld.article();
    let field = |key: &str| article.and_then(|a| jsonld::text(a.get(key)));
    let site = url.and_then(crate::identity::site_of);
    let site_name = site_name(page, &ld);

    let title = title::reconcile(&title_sources(
        page,
        &ld,
        site_name.as_deref(),
        site.as_deref(),
    ))
    .map(|t| clean_line(&t))
    .filter(|t| !t.is_empty());

    let text = body::body_text(page, title.as_deref());

    let lang = page
        .html_lang
        .as_deref()
        .and_then(lang::declared)
        .or_else(|| meta(page, "content-language").and_then(lang::declared))
        .or_else(|| meta(page, "og:locale").and_then(lang::declared))
        .or_else(|| field("inLanguage").as_deref().and_then(lang::declared))
        .or_else(|| lang::detect(&text));

    let base = url.and_then(|u| url::Url::parse(u).ok());
    let absolute = |href: &str| match &base {
        Some(b) => b.join(href.trim()).map(String::from).ok(),
        None => url::Url::parse(href.trim()).map(String::from).ok(),
    };
    let canonical_url = page
        .canonical
        .as_deref()
        .and_then(absolute)
        .or_else(|| meta(page, "og:url").and_then(absolute));

    let description = meta(page, "og:description")
        .or_else(|| meta(page, "description"))
        .or_else(|| meta(page, "twitter:description"))
        .map(str::to_string)
        .or_else(|| field("description"))
        .map(|d| clean_line(&d))
        .filter(|d| !d.is_empty());

    let section = meta(page, "article:section")
        .map(str::to_string)
        .or_else(|| field("articleSection"))
        .or_else(|| meta(page, "parsely-section").map(str::to_string))
        .or_else(|| meta(page, "section").map(str::to_string))
        .map(|s| clean_line(&s))
        .filter(|s| !s.is_empty());

    let mut tags: Vec<String> = metas(page, "article:tag").map(str::to_string).collect();
    if tags.is_empty() {
        tags = jsonld::list(article.and_then(|a| a.get("keywords")));
    }
    if tags.is_empty() {
        for key in ["news_keywords", "keywords", "parsely-tags"] {
            if let Some(k) = meta(page, key) {
                tags = k.split([',', ';']).map(str::to_string).collect();
                break;
            }
        }
    }
    let mut seen = Vec::<String>::new();
    tags.retain(|t| {
        let key = t.trim().to_lowercase();
        let fresh = !key.is_empty() && key.len() < 100 && !seen.contains(&key);
        seen.push(key);
        fresh
    });
    let tags = tags.into_iter().map(|t| clean_line(&t)).collect();

    let modified = metadata::modified(page, &ld);
    // a page that only says when it was modified was at the latest published then
    let published = metadata::published(page, &ld, url, script_published).or(modified);
    Article {
        url: url.map(str::to_string),
        canonical_url,
        title,
        authors: authors::cascade(page, &ld, site_name.as_deref(), &text),
        published,
        modified,
        site,
        site_name,
        description,
        lang,
        section,
        tags,
        text,
    }
}

/// One line of metadata: whitespace collapsed, and entities left over from double escaping
/// (`&amp;amp;`, `&#038;` in `og:title`) decoded.
fn clean_line(s: &str) -> String {
    let s = if s.contains('&') {
        decode_entities(s)
    } else {
        s.to_string()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The named entities of U+00C0..=U+00FF in order (accented letters, and `times`/`divide`):
/// "Redacci&oacute;n" in a double-escaped byline.
const LATIN1_LETTERS: [&str; 64] = [
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Decodes numeric and the common named character references.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "hellip" => Some('…'),
                    _ => LATIN1_LETTERS
                        .iter()
                        .position(|&n| n == name)
                        .and_then(|i| char::from_u32(0xC0 + i as u32)),
                }
            };
            c.filter(|c| *c != '\0').map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
