//! One test per cascade rule of the extractor, each on a small inline page: which source wins for
//! dates, authors, title, language, canonical URL, tags, and what the body keeps and drops.

use morgue::extract::{Article, extract};

const BODY: &str = "<div class=\"content\"><p>The council met on Tuesday evening and voted, after a long debate, to build twelve kilometres of new cycle lanes over the next three years.</p><p>Half of the cost of about four million euros will come from regional funds, the administration said in a statement.</p></div>";

fn page(head: &str, body: &str) -> Article {
    let html = format!("<!DOCTYPE html><html><head>{head}</head><body>{body}{BODY}</body></html>");
    extract(
        html.as_bytes(),
        Some("https://www.news.example/story"),
        None,
    )
}

fn page_at(url: &str, head: &str, body: &str) -> Article {
    let html = format!("<!DOCTYPE html><html><head>{head}</head><body>{body}{BODY}</body></html>");
    extract(html.as_bytes(), Some(url), None)
}

fn published(a: &Article) -> Option<String> {
    a.published.map(|d| d.to_rfc3339())
}

#[test]
fn date_json_ld_beats_meta() {
    let a = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-03-04T09:30:00-05:00"}</script>
           <meta property="article:published_time" content="2022-03-05T10:00:00Z">"#,
        "",
    );
    assert_eq!(
        published(&a).as_deref(),
        Some("2022-03-04T09:30:00-05:00"),
        "offset kept, not shifted to UTC"
    );
}

#[test]
fn date_meta_vocabularies() {
    for name in [
        r#"property="article:published_time""#,
        r#"name="pubdate""#,
        r#"name="DC.date.issued""#,
        r#"name="parsely-pub-date""#,
        r#"name="sailthru.date""#,
        r#"itemprop="datePublished""#,
    ] {
        let a = page(
            &format!(r#"<meta {name} content="2020-02-29T12:00:00+01:00">"#),
            "",
        );
        assert_eq!(
            published(&a).as_deref(),
            Some("2020-02-29T12:00:00+01:00"),
            "{name}"
        );
    }
}

#[test]
fn date_time_element_and_itemprop() {
    let a = page(
        "",
        r#"<time datetime="2018-07-01T08:00:00+02:00">1 July</time>"#,
    );
    assert_eq!(published(&a).as_deref(), Some("2018-07-01T08:00:00+02:00"));
    let a = page(
        "",
        r#"<span itemprop="datePublished" content="2018-07-02">2 July</span><time class="updated" datetime="2018-07-09">9 July</time>"#,
    );
    assert_eq!(
        published(&a).as_deref(),
        Some("2018-07-02T00:00:00+00:00"),
        "date-only at midnight +00:00"
    );
    assert_eq!(
        a.modified.map(|d| d.format("%F").to_string()).as_deref(),
        Some("2018-07-09")
    );
}

#[test]
fn date_from_url_then_text() {
    let a = page_at("https://news.example/2017/11/05/slug", "", "");
    assert_eq!(published(&a).as_deref(), Some("2017-11-05T00:00:00+00:00"));
    let a = page("", r#"<div class="dateline">Published 5 March 2016</div>"#);
    assert_eq!(published(&a).as_deref(), Some("2016-03-05T00:00:00+00:00"));
    let a = page("", "<p>© 1890</p>");
    assert_eq!(published(&a), None, "implausible years are not dates");
}

#[test]
fn original_date_preferred_over_modified() {
    let a = page(
        "",
        r#"<time class="updated" datetime="2021-05-09">9 May</time><time class="published" datetime="2021-05-01">1 May</time>"#,
    );
    assert_eq!(
        a.published.map(|d| d.format("%F").to_string()).as_deref(),
        Some("2021-05-01")
    );
}

#[test]
fn authors_from_json_ld_forms() {
    for author in [
        r#""Jane Doe""#,
        r#"{"@type":"Person","name":"Jane Doe"}"#,
        r#"[{"name":"Jane Doe"},{"name":"John Roe"}]"#,
    ] {
        let a = page(
            &format!(
                r#"<script type="application/ld+json">{{"@type":"Article","author":{author}}}</script>"#
            ),
            "",
        );
        assert_eq!(
            a.authors.first().map(String::as_str),
            Some("Jane Doe"),
            "{author}"
        );
    }
}

#[test]
fn authors_from_metas_rel_and_bylines() {
    let a = page(
        r#"<meta name="author" content="Jane Doe"><meta name="author" content="John Roe">"#,
        "",
    );
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    let a = page(
        r#"<meta property="article:author" content="https://facebook.com/jane">"#,
        r#"<a rel="author" href="/jane">Jane Doe</a>"#,
    );
    assert_eq!(a.authors, vec!["Jane Doe"], "URLs are not names");
    let a = page(
        "",
        r#"<div class="byline">By Jane Doe and John Roe | March 3, 2020</div>"#,
    );
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    let a = page("", r#"<p class="author">Von Max Mustermann, Redakteur</p>"#);
    assert_eq!(a.authors, vec!["Max Mustermann"]);
}

#[test]
fn title_reconciliation() {
    let a = page(
        "<title>Cycle lanes approved | The Daily</title>",
        "<h1>Cycle lanes approved</h1>",
    );
    assert_eq!(a.title.as_deref(), Some("Cycle lanes approved"));
    let a = page(
        r#"<title>The Daily - Cycle lanes approved</title><meta property="og:site_name" content="The Daily">"#,
        "",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Cycle lanes approved"),
        "site prefix removed"
    );
    let a = page(
        r#"<meta property="og:title" content="Cycle lanes approved by the council">"#,
        "<h1>Menu</h1><h1>Cycle lanes approved by the council</h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Cycle lanes approved by the council"),
        "the h1 the metadata confirms"
    );
    let a = page("<title>Cycle lanes approved - News Example</title>", "");
    assert_eq!(
        a.title.as_deref(),
        Some("Cycle lanes approved"),
        "host name suffix removed"
    );
}

#[test]
fn language_declared_or_detected() {
    let html = format!(r#"<html lang="fr-FR"><body>{BODY}</body></html>"#);
    assert_eq!(
        extract(html.as_bytes(), None, None).lang.as_deref(),
        Some("fr"),
        "declared wins even when the text says otherwise"
    );
    assert_eq!(page("", "").lang.as_deref(), Some("en"), "detected");
}

#[test]
fn canonical_tags_section_description() {
    let a = page(
        r#"<link rel="canonical" href="/story?id=1"><meta name="keywords" content="cycling, council , cycling">
           <meta name="description" content="  Twelve   kilometres. "><meta property="article:section" content="Local">"#,
        "",
    );
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://www.news.example/story?id=1")
    );
    assert_eq!(a.tags, vec!["cycling", "council"]);
    assert_eq!(a.description.as_deref(), Some("Twelve kilometres."));
    assert_eq!(a.section.as_deref(), Some("Local"));
    assert_eq!(a.site.as_deref(), Some("news.example"));
}

#[test]
fn body_keeps_structure_and_drops_boilerplate() {
    let a = page(
        "",
        r#"<nav><a href="/">Home</a><a href="/world">World</a></nav>
           <div class="cookie-banner">We use cookies to give you the best experience on our site.</div>
           <div class="share-buttons"><a href="/share">Share on Facebook</a></div>
           <figure><img src="x.jpg"><figcaption>Photo: Agency staff photographer, for this story</figcaption></figure>
           <aside class="related"><ul><li><a href="/a">Another story that you might like to read today</a></li></ul></aside>
           <footer>All rights reserved</footer>"#,
    );
    assert_eq!(a.text.split("\n\n").count(), 2, "{}", a.text);
    assert!(a.text.starts_with("The council met"));

    let html = format!(
        "<html><body><article><h1>T</h1><p>{}</p><h2>A subheading</h2><ul><li>First item of the list here</li><li>Second item</li></ul><blockquote>A quoted sentence from someone important.</blockquote><p>{}</p></article></body></html>",
        "Long paragraph, with commas, ".repeat(8),
        "Another long paragraph, and more, ".repeat(6)
    );
    let a = extract(html.as_bytes(), None, None);
    for kept in [
        "A subheading",
        "First item of the list here",
        "Second item",
        "A quoted sentence",
    ] {
        assert!(a.text.contains(kept), "{kept:?} missing from {}", a.text);
    }
    assert!(
        a.text.contains("\n\nA subheading\n\n"),
        "blocks separated by blank lines"
    );
}

#[test]
fn charset_http_header_wins() {
    let html =
        b"<html><head><meta charset=\"utf-8\"><title>Caf\xe9</title></head><body></body></html>";
    let a = extract(html, None, Some("text/html; charset=iso-8859-1"));
    assert_eq!(a.title.as_deref(), Some("Café"));
}

#[test]
fn title_single_h1_and_double_escaped_entities() {
    let a = page(
        r#"<meta property="og:title" content="Social media: a guide for brands">"#,
        "<h1>What brands need to know about social commerce</h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("What brands need to know about social commerce"),
        "the one visible headline wins"
    );
    let a = page(
        r#"<meta property="og:title" content="Rates &amp;amp; prices &#038; more">"#,
        "",
    );
    assert_eq!(a.title.as_deref(), Some("Rates & prices & more"));
    let a = page(
        r#"<meta name="author" content="Redacci&amp;oacute;n &amp;Uuml;ber">"#,
        "",
    );
    assert_eq!(a.authors, ["Redacción Über"], "accented letters, named");
}

#[test]
fn modified_only_pages_fall_back_to_it() {
    let a = page(
        r#"<meta property="article:modified_time" content="2019-04-02T10:00:00+02:00">"#,
        "",
    );
    assert_eq!(published(&a).as_deref(), Some("2019-04-02T10:00:00+02:00"));
}

#[test]
fn date_in_article_header_beats_disagreeing_metadata() {
    // the page prints the date it stands by under the headline
    let a = page(
        r#"<meta property="article:published_time" content="2024-01-02T10:00:00+01:00">"#,
        "<h1>Council votes for cycle lanes</h1><p>By Jane Doe</p><p>Last updated: Dec 12, 2025</p>",
    );
    assert_eq!(published(&a).as_deref(), Some("2025-12-12T00:00:00+00:00"));
    // the same day: the metadata keeps its time and offset
    let a = page(
        r#"<meta property="article:published_time" content="2024-01-02T23:30:00-05:00">"#,
        "<h1>Council votes for cycle lanes</h1><p>2 January 2024</p>",
    );
    assert_eq!(published(&a).as_deref(), Some("2024-01-02T23:30:00-05:00"));
    // a day apart (a time zone): the day the page prints wins
    let a = page(
        r#"<meta property="article:published_time" content="2024-01-02T23:30:00-05:00">"#,
        "<h1>Council votes for cycle lanes</h1><p>3 January 2024</p>",
    );
    assert_eq!(published(&a).as_deref(), Some("2024-01-03T00:00:00+00:00"));
    // German two-digit years
    let a = page(
        "",
        "<h1>Rat stimmt für Radwege</h1><p>Von Jane Doe | 31.10.23</p>",
    );
    assert_eq!(published(&a).as_deref(), Some("2023-10-31T00:00:00+00:00"));
}

#[test]
fn authors_from_text_bylines_and_declared_user_names() {
    let a = page(
        "",
        "<h1>Council votes for cycle lanes</h1><p>Written by</p><p>Edzel Tabing</p>",
    );
    assert_eq!(a.authors, vec!["Edzel Tabing"]);
    let a = page(
        r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="kirstin boatto">"#,
        "",
    );
    assert_eq!(a.authors, vec!["kirstin boatto"]);
    let a = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Maria &amp; Katerina"}}</script>"#,
        "",
    );
    assert_eq!(a.authors, vec!["Maria", "Katerina"]);
}

#[test]
fn title_kicker_printed_in_its_own_element_goes() {
    let a = page(
        "<title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de</title>",
        r#"<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>"#,
    );
    assert_eq!(a.title.as_deref(), Some("Daten von Rheinmetall gehackt"));
    // an h1 that writes the colon itself is one headline
    let a = page(
        r#"<meta property="og:title" content="Fix It Friday: How to arrange your living room">"#,
        "<h1>Fix It Friday: How to arrange your living room</h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Fix It Friday: How to arrange your living room")
    );
    // a date printed above the headline, against metadata with an unknown site suffix
    let a = page(
        r#"<meta property="og:title" content="Bundesministerin Raab stellt neue Familienpolitik vor - Bundeskanzleramt">"#,
        "<h1><span>1. Februar 2022</span> <span>Bundesministerin Raab stellt neue Familienpolitik vor</span></h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Bundesministerin Raab stellt neue Familienpolitik vor")
    );
}

#[test]
fn authors_labels_weekdays_and_other_contributors_go() {
    let a = page(
        "",
        r#"<h1>Council votes for cycle lanes</h1><span itemprop="author">Benjamin Preston</span><span itemprop="author">Updated by Jon Linkov</span>"#,
    );
    assert_eq!(a.authors, vec!["Benjamin Preston"]);
    let a = page(r#"<meta name="author" content="Recipe by PJ Hamel">"#, "");
    assert_eq!(a.authors, vec!["PJ Hamel"]);
    let a = page(
        "",
        "<h1>Council votes for cycle lanes</h1><p>Von Tomas Spahn Fr, 28. Jan 2022</p>",
    );
    assert_eq!(a.authors, vec!["Tomas Spahn"]);
    let a = page(
        "",
        r#"<h1>Council votes for cycle lanes</h1><a rel="author">SHOW ALL ARTICLES OF Heiko Sauer</a><a rel="author">Heiko Sauer</a>"#,
    );
    assert_eq!(a.authors, vec!["Heiko Sauer"]);
}

#[test]
fn date_in_the_header_of_a_later_h1_when_nothing_is_declared() {
    // the first h1 is a screen-reader heading above the navigation, whose archive link has a
    // date that the last-resort scan of the page would take first
    let nav: String = (1..=12)
        .map(|i| match i {
            11 => "<li><a href=\"/archiv\">Archiv 01.01.2020</a></li>".to_string(),
            _ => format!("<li><a href=\"/s{i}\">Section {i}</a></li>"),
        })
        .collect();
    let a = page(
        "",
        &format!(
            "<h1 class=\"aural\">Navigation und Service</h1><ul>{nav}</ul>\
             <h1>Radon im Boden: Neue Karte gibt Orientierung</h1>\
             <div><span>Datum</span> <span>25.01.2022</span></div>"
        ),
    );
    assert_eq!(published(&a).as_deref(), Some("2022-01-25T00:00:00+00:00"));
}

#[test]
fn date_scan_reaches_past_a_long_menu() {
    // no declared date and no h1: the first printed date, after 400 menu links
    let nav: String = (1..=400)
        .map(|i| format!("<li><a href=\"/s{i}\">Section {i}</a></li>"))
        .collect();
    let a = page(
        "",
        &format!("<ul>{nav}</ul><div><b>Synchronschwimmen</b><br><span>01.02.2022</span></div>"),
    );
    assert_eq!(published(&a).as_deref(), Some("2022-02-01T00:00:00+00:00"));
}

#[test]
fn authors_hcard_author_is_declared() {
    // a WordPress "author vcard" > "fn" declares a user name, lower case and all
    let a = page(
        "",
        r#"<h1>Bundesregierung 2017</h1><span class="byline"><span class="author vcard"><a class="url fn n" href="/author/vinci/">tlow</a></span></span>"#,
    );
    assert_eq!(a.authors, ["tlow"]);
    // commenters' cards are not the author's
    let a = page(
        "",
        r#"<h1>Bundesregierung 2017</h1><div class="comment-author vcard"><cite class="fn">jdoe</cite></div>"#,
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn authors_json_ld_of_other_works() {
    // a recipe or a how-to names its author; a web page "authored" by the company does not count
    let a = page(
        r#"<script type="application/ld+json">{"@type":"Recipe","name":"Kuchen","author":{"@type":"Person","name":"jesusfreak"}}</script>"#,
        "",
    );
    assert_eq!(a.authors, ["jesusfreak"]);
    let a = page(
        r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","author":{"@id":"_:identity"}},{"@type":"Organization","@id":"_:identity","name":"Shepherd Ltd"}]}</script>"#,
        "",
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn authors_outlet_in_metadata_yields_to_a_byline() {
    let head = r#"<meta property="og:site_name" content="National Geographic"><meta name="author" content="National Geographic">"#;
    let a = page(
        head,
        r#"<h1>The man who mapped the sea</h1><div class="contributors--author">By <span>Michael Hingston</span></div>"#,
    );
    assert_eq!(a.authors, ["Michael Hingston"]);
    // a byline that only repeats the outlet, or none at all: the outlet signs
    let a = page(
        head,
        r#"<h1>The man who mapped the sea</h1><div class="author">National Geographic Sponsored</div>"#,
    );
    assert_eq!(a.authors, ["National Geographic"]);
    // a domain in the author meta is no person either
    let a = page(
        r#"<meta name="author" content="finanztreff.de">"#,
        r#"<h1>Dax schließt im Plus</h1><span class="author-name">David Hutzler</span>"#,
    );
    assert_eq!(a.authors, ["David Hutzler"]);
}

#[test]
fn authors_cxense_meta() {
    let a = page(
        r#"<meta property="cXenseParse:author" content="Lisa Petrich">"#,
        "",
    );
    assert_eq!(a.authors, ["Lisa Petrich"]);
}

#[test]
fn authors_beside_the_date_under_the_headline() {
    let a = page(
        "",
        r#"<h1>Variablen und ihr Zuhause</h1><p class="text-muted">11.12.2019 - Amelie Loevenich</p>"#,
    );
    assert_eq!(a.authors, ["Amelie Loevenich"]);
    let a = page(
        "",
        r#"<h1>Woman sees a car stop for a beggar</h1><div class="meta"><span>Cara Stiles</span> | <time>April 13, 2020</time></div>"#,
    );
    assert_eq!(a.authors, ["Cara Stiles"]);
    // a line that is not a name beside the date is no byline
    let a = page(
        "",
        r#"<h1>Variablen und ihr Zuhause</h1><p>11.12.2019 - Schule und Bildung</p>"#,
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn authors_lead_in_its_own_span_handles_and_redaktion_label() {
    // "By" and the name in adjacent spans are joined without a space
    let a = page(
        "",
        r#"<h1>Salon bans men</h1><div><span>By</span><span><a href="/about/alex">Alex Bozarjian</a></span></div>"#,
    );
    assert_eq!(a.authors, ["Alex Bozarjian"]);
    let a = page(
        r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Williams Perdomo @wperdomod">"#,
        "",
    );
    assert_eq!(a.authors, ["Williams Perdomo"]);
    let a = page(
        "",
        r#"<h1>Faire Lieferketten</h1><div>05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher)</span></div>"#,
    );
    assert_eq!(a.authors, ["Eberhard Fuhr"]);
}

#[test]
fn authors_outlet_by_publisher_or_user_name() {
    // the JSON-LD publisher names the outlet too
    let a = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Helmholtz Klima"},"publisher":{"@type":"Organization","name":"Helmholtz Klima"}}</script>"#,
        r#"<h1>Klimaschutz in Städten</h1><div class="article-author">Christian Mihatsch</div>"#,
    );
    assert_eq!(a.authors, ["Christian Mihatsch"]);
    // a user name that looks like a domain yields to the same name written out
    let a = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"edilson.la.rosa"}}</script>
           <meta name="author" content="Edilson La Rosa">"#,
        "",
    );
    assert_eq!(a.authors, ["Edilson La Rosa"]);
}

#[test]
fn title_h1_loses_a_site_name_suffix() {
    let a = page(
        r#"<meta property="og:site_name" content="Umweltbundesamt">"#,
        "<h1>EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt</h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig")
    );
    // a colon or a dash inside the headline is not a site suffix
    let a = page(
        r#"<meta property="og:site_name" content="Website Guide">"#,
        "<h1>How to Design a Website: a Complete Guide for 2026</h1>",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("How to Design a Website: a Complete Guide for 2026")
    );
}

#[test]
fn date_dateline_opening_a_later_block() {
    // no declared date, and the date opens a long block far from the <h1>
    let a = page(
        "",
        "<h1>Arbeitsmarkt 2022</h1><p>Die Bundesagentur veröffentlicht monatlich die offiziellen Zahlen zum deutschen Arbeitsmarkt. Lesen Sie, wie er sich entwickelt.</p>\
         <h2>Entwicklung</h2><p>Januar 2022</p><h3>Erholungskurs</h3><p>Erste Zahlen</p><p>Weitere Zahlen</p>\
         <p>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet. Die Zahl der arbeitslosen Menschen ist im Januar gestiegen.“</p>",
    );
    assert_eq!(published(&a).as_deref(), Some("2022-02-01T00:00:00+00:00"));
}

#[test]
fn authors_first_name_alone_takes_the_byline_full_name() {
    let a = page(
        r#"<meta name="author" content="Nils">"#,
        r#"<h1>Warum Jungs weinen dürfen</h1><p class="author-line">Nils Pickert</p>"#,
    );
    assert_eq!(a.authors, ["Nils Pickert"]);
    // another person's byline does not replace it
    let a = page(
        r#"<meta name="author" content="Nils">"#,
        r#"<h1>Warum Jungs weinen dürfen</h1><p class="author-line">Jana Roe</p>"#,
    );
    assert_eq!(a.authors, ["Nils"]);
}

#[test]
fn authors_user_name_written_out_by_a_byline() {
    let a = page(
        r#"<meta name="author" content="arianschlichenmayer">"#,
        r#"<h1>Ein Jahr im Ausland</h1><p class="post-author">Arian Schlichenmayer</p>"#,
    );
    assert_eq!(a.authors, ["Arian Schlichenmayer"]);
    // a domain-like user name takes a text byline only when it writes that name out
    let head = r#"<script type="application/ld+json">{"@type":"HowTo","author":{"@type":"Person","name":"robert.stitz"}}</script>"#;
    let a = page(
        head,
        "<h1>Eine runde Tischdecke</h1><p>Von Robert Stitz</p>",
    );
    assert_eq!(a.authors, ["Robert Stitz"]);
    // another person's byline does not replace it; the user name "first.last" is written out
    let a = page(head, "<h1>Eine runde Tischdecke</h1><p>Von Jana Roemer</p>");
    assert_eq!(a.authors, ["Robert Stitz"]);
}
