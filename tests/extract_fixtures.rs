//! The extractor on whole hand-written news pages: the seed article, a WordPress-style post, a
//! JSON-LD `@graph` page and a windows-1252 page. Each asserts the fields and what the body must
//! and must not contain.

use morgue::extract::{Article, extract};

fn page(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn day(a: &Article) -> Option<String> {
    a.published.map(|d| d.format("%Y-%m-%d").to_string())
}

#[test]
fn seed_article() {
    let url = "https://www.themoscowtimes.com/2024/10/25/elon-musk-held-secret-talks-with-putin-amid-shifting-views-on-ukraine-wsj-a86805";
    let a = extract(
        &page("seed/seed.html"),
        Some(url),
        Some("text/html; charset=utf-8"),
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Elon Musk Held Secret Talks With Putin Amid Shifting Views on Ukraine – WSJ")
    );
    assert_eq!(a.authors, vec!["Anna Petrova"]);
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-10-25T14:05:00+03:00")
    );
    assert_eq!(a.site.as_deref(), Some("themoscowtimes.com"));
    assert_eq!(a.site_name.as_deref(), Some("The Moscow Times"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.section.as_deref(), Some("News"));
    assert_eq!(a.tags, vec!["Elon Musk", "Vladimir Putin"]);
    assert_eq!(a.canonical_url.as_deref(), Some(url));
    assert!(
        a.text
            .starts_with("U.S. billionaire Elon Musk held secret talks")
    );
    assert!(a.text.ends_with("technological solutions for the future.”"));
    assert_eq!(a.text.split("\n\n").count(), 10, "{}", a.text);
    for boilerplate in [
        "newsletter",
        "cookies",
        "Related article",
        "Share on",
        "kremlin.ru",
        "donation",
        "comments",
        "Read more",
        "All rights reserved",
        "Podcasts",
        "By Anna",
    ] {
        assert!(!a.text.contains(boilerplate), "{boilerplate:?} in body");
    }
}

#[test]
fn wordpress_post() {
    let a = extract(
        &page("extract/wordpress.html"),
        Some("https://www.coastalcourier.example/2023/05/14/harbour-bridge-repainted/"),
        None,
    );
    assert_eq!(
        a.title.as_deref(),
        Some("How the Harbour Bridge Was Repainted in Record Time")
    );
    assert_eq!(a.authors, vec!["Tom Reed"]);
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2023-05-14T08:30:00+10:00")
    );
    assert_eq!(
        a.modified.map(|d| d.to_rfc3339()).as_deref(),
        Some("2023-05-15T10:00:00+10:00")
    );
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://www.coastalcourier.example/2023/05/14/harbour-bridge-repainted/")
    );
    assert_eq!(a.lang.as_deref(), Some("en"));
    for kept in [
        "The painters started at dusk",
        "Nights on the span",
        "Forty thousand litres of paint were used.",
        "We planned it like a military operation",
        "footpath upgrade next year.",
    ] {
        assert!(a.text.contains(kept), "{kept:?} missing from {}", a.text);
    }
    for gone in [
        "Share this",
        "Related",
        "Great job by the crews",
        "Recent Posts",
        "powered by WordPress",
        "Posted on",
        "Tagged",
        "Skip to content",
        "Sport",
    ] {
        assert!(!a.text.contains(gone), "{gone:?} in body {}", a.text);
    }
}

#[test]
fn json_ld_graph_page() {
    let a = extract(
        &page("extract/graph.html"),
        Some("https://www.abendzeitung.example/lokales/radwege"),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Stadtrat beschließt neue Radwege"));
    assert_eq!(a.authors, vec!["Julia Beispiel", "Karl Muster"]);
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2021-06-01T18:45:00+02:00")
    );
    assert_eq!(a.site_name.as_deref(), Some("Rheinische Abendzeitung"));
    assert_eq!(a.section.as_deref(), Some("Lokales"));
    assert_eq!(a.tags, vec!["Verkehr", "Radwege", "Stadtrat"]);
    assert_eq!(a.lang.as_deref(), Some("de"));
    assert!(a.text.contains("zwölf Kilometer neue Radwege"));
    assert!(a.text.contains("breitere Wege fordert."));
    for gone in [
        "Cookies",
        "Anzeige",
        "Lesen Sie auch",
        "Meistgelesen",
        "Feuerwehr",
        "Startseite",
        "Von Julia",
    ] {
        assert!(!a.text.contains(gone), "{gone:?} in body {}", a.text);
    }
}

#[test]
fn windows_1252_page() {
    let a = extract(&page("extract/windows-1252.html"), None, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Café owners “delighted” by new square")
    );
    assert_eq!(a.authors, vec!["Zoë Marchetti"]);
    assert_eq!(day(&a).as_deref(), Some("2019-08-03"));
    assert!(
        a.text
            .contains("naïve art café on the corner since 1998 – and")
    );
    assert!(!a.text.contains("Home"));
    assert_eq!(a.site, None);
    assert_eq!(a.lang.as_deref(), Some("en"), "detected from the text");
}
