//! Tests of the publication date rules, on small hand-written pages.

use crate::extract::extract;

fn published_at(html: &str, url: &str) -> Option<String> {
    extract(html.as_bytes(), Some(url), None)
        .published
        .map(|d| d.to_rfc3339())
}

/// The calendar day (YYYY-MM-DD) published, for a page at `url`.
fn day_at(html: &str, url: &str) -> Option<String> {
    published_at(html, url).map(|d| d[..10].to_string())
}

fn published(html: &str) -> Option<String> {
    day_at(html, "https://news.example/story")
}

const BODY: &str =
    "<p>Lavender fields, markets and the sea: a week in the south of France, day by day.</p>";

#[test]
fn published_date_meta_name() {
    let html = format!(
        r#"<html><head><meta name="published-date" content="2021-02-16"></head><body><h1>Emerging technologies</h1>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2021-02-16"));
}

#[test]
fn json_ld_of_another_type_when_there_is_no_article() {
    // a HowTo with a malformed time still gives its day
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"HowTo","name":"Sew a tablecloth","datePublished":"2022-01-10T22:06:08:684Z"}}</script></head><body><h1>Sew a tablecloth</h1>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2022-01-10"));
    // an article object keeps the word
    let html = format!(
        r#"<html><head><script type="application/ld+json">[{{"@type":"Product","datePublished":"2020-01-01"}},{{"@type":"NewsArticle","datePublished":"2022-03-04"}}]</script></head><body><h1>Sew a tablecloth</h1>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2022-03-04"));
}

#[test]
fn utc_timestamp_takes_the_offset_another_source_gives_the_same_instant() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}}</script>
        <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200"></head><body><h1>Alternative therapies</h1>{BODY}</body></html>"#
    );
    assert_eq!(
        published_at(&html, "https://news.example/story").as_deref(),
        Some("2019-10-19T00:04:00+02:00")
    );
}

#[test]
fn url_day_against_declared_dates() {
    let meta = |d: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="{d}"></head><body><h1>Comfort watches</h1>{BODY}</body></html>"#
        )
    };
    let url = "https://blog.example/2025/12/18/comfort-watches";
    let day = |html: &str| day_at(html, url);
    // a UTC timestamp early the next day: the writer's evening
    assert_eq!(
        day(&meta("2025-12-19T02:41:41+00:00")).as_deref(),
        Some("2025-12-18")
    );
    // with its own offset, the metadata keeps its day
    assert_eq!(
        day(&meta("2025-12-19T02:41:41+01:00")).as_deref(),
        Some("2025-12-19")
    );
    // republished years later: the path keeps the first day
    assert_eq!(
        day(&meta("2026-06-17T18:28:00+02:00")).as_deref(),
        Some("2025-12-18")
    );
    // a few days later is an edit of the same story
    assert_eq!(
        day(&meta("2025-12-24T18:28:00+02:00")).as_deref(),
        Some("2025-12-24")
    );
}

#[test]
fn slashed_header_date_read_the_other_way_keeps_the_metadata() {
    let page = |printed: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2021-11-01T05:00:14Z"></head><body>
            <h1>The electric scooter on test</h1><p>{printed}</p>{BODY}</body></html>"#
        )
    };
    assert_eq!(
        published(&page("11/01/2021")).as_deref(),
        Some("2021-11-01")
    );
    // dots are day first: the printed date stands
    assert_eq!(
        published(&page("11.01.2021")).as_deref(),
        Some("2021-01-11")
    );
}

#[test]
fn a_bare_date_meta_yields_to_marked_body_dates_of_one_day() {
    let page = |times: &str| {
        format!(
            r#"<html><head><meta name="dcterms.date" content="2022-01-21T09:43+01:00"></head><body>
            <h1>Nuclear power is not sustainable</h1>{}{times}</body></html>"#,
            BODY.repeat(10)
        )
    };
    let one = r#"<p class="meta"><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></p>"#;
    assert_eq!(published(&page(one)).as_deref(), Some("2022-01-25"));
    // several days: a list of other articles, the meta stands
    let list = r#"<ul><li><time itemprop="datePublished" datetime="2026-03-13">13.03.2026</time></li>
        <li><time itemprop="datePublished" datetime="2026-03-12">12.03.2026</time></li></ul>"#;
    assert_eq!(published(&page(list)).as_deref(), Some("2022-01-21"));
}

#[test]
fn printed_modification_without_json_ld_keeps_the_open_graph_publication() {
    let page = |ld: &str| {
        format!(
            r#"<html><head>{ld}<meta property="article:published_time" content="2019-09-16T10:46:39+00:00">
            <meta property="article:modified_time" content="2026-02-28T15:21:28+00:00"></head><body>
            <h1>Best drip coffee maker</h1><p>Last Updated: February 28, 2026</p>{BODY}</body></html>"#
        )
    };
    assert_eq!(published(&page("")).as_deref(), Some("2019-09-16"));
    // a JSON-LD article: the printed date stands, as before
    let ld = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-09-16T10:46:39+00:00","dateModified":"2026-02-28T15:21:28+00:00"}</script>"#;
    assert_eq!(published(&page(ld)).as_deref(), Some("2026-02-28"));
}

#[test]
fn printed_date_after_every_declared_change_is_no_publication() {
    let page = |printed: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2023-11-06T12:04:30+01:00">
            <meta property="article:modified_time" content="2023-11-06T12:04:23+01:00"></head><body>
            <h1>The new mayor must now deliver</h1><p>{printed}</p>{BODY}</body></html>"#
        )
    };
    // an announced event: later than the last declared change
    assert_eq!(
        published(&page("Ab 1. März 2024 die neue Rathauschefin")).as_deref(),
        Some("2023-11-06")
    );
    // labelled as an update, the printed date stands
    assert_eq!(
        published(&page("Updated March 1, 2024")).as_deref(),
        Some("2024-03-01")
    );
    // earlier than the metadata: the printed date stands
    assert_eq!(
        published(&page("October 30, 2023")).as_deref(),
        Some("2023-10-30")
    );
}

#[test]
fn publication_element_beats_a_modification_element_at_the_same_place() {
    // both hidden elements sit before the printed line; the printed text starts with the
    // modification
    let html = format!(
        r#"<html><head></head><body><h1>Privacy update of the shop templates</h1><p>
        <time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>
        <time itemprop="datePublished" datetime="2018-06-22 10:20:00" class="hidden">2018-06-22 10:20:00</time>
        <span>22.06.2018 10:20</span></p>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2018-06-22"));
}

#[test]
fn catalogue_order_in_a_citation_meta() {
    let html = format!(
        r#"<html><head><meta name="citation_publication_date" content="2023 Jan 7"></head><body><h1>Sleep and memory in older adults</h1>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2023-01-07"));
    // read in declared values only: the text scan does not take it
    assert_eq!(
        crate::extract::dates::parse_text("in 2023 May 5 people"),
        None
    );
}

#[test]
fn a_site_prefix_on_a_publication_meta() {
    let page = |name: &str| {
        format!(
            r#"<html><head><meta name="{name}" content="2025-05-27T06:03:43.274Z"></head><body><h1>Moving legal work in-house</h1>{BODY}</body></html>"#
        )
    };
    assert_eq!(
        published(&page("w-published-date")).as_deref(),
        Some("2025-05-27")
    );
    // a whole word only: "unpublishdate" is no prefix
    assert_eq!(published(&page("unpublishdate")), None);
}

#[test]
fn publication_date_in_app_state_json() {
    let page = |script: &str| {
        format!(
            r#"<html><head><script type="application/json" data-initial-state="review-dates">{script}</script></head><body><h1>Great service, fast delivery</h1>{BODY}</body></html>"#
        )
    };
    assert_eq!(
        published(&page(
            r#"{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-04T20:39:47Z"}"#
        ))
        .as_deref(),
        Some("2016-11-04")
    );
    // product JSON in plain JavaScript; the first key in the script is taken
    assert_eq!(
        published(&page(
            r#"window.shop = {"publisher":"x","published_at":"2019-03-02T06:22:28+01:00","created_at":"2019-03-01"}; var y = {"datePublished":"2020-01-01"};"#
        ))
        .as_deref(),
        Some("2019-03-02")
    );
    // the first script that holds one gives the date
    let two = page(r#"{"publishedDate":"2016-11-04"}"#).replace(
        "</head>",
        r#"<script>var a = {"publishedAt":"2018-05-06"};</script></head>"#,
    );
    assert_eq!(published(&two).as_deref(), Some("2016-11-04"));
    // a value that is not a plain date is left alone
    assert_eq!(
        published(&page(r#"{"publishedDate":"\"><script>alert(1)</script>"}"#)),
        None
    );
    // declared metadata comes first
    let html = page(r#"{"publishedDate":"2016-11-04T20:37:27Z"}"#).replace(
        "</head>",
        r#"<meta property="article:published_time" content="2017-01-02"></head>"#,
    );
    assert_eq!(published(&html).as_deref(), Some("2017-01-02"));
}

#[test]
fn last_resort_scan_takes_a_labelled_publication_first() {
    let html = format!(
        r#"<html><head></head><body><h1>Die Anleitungen der Vorfahren</h1>{}
        <p>Lesung am 06.11.2023 in Marburg</p>
        <p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen: 61</p></body></html>"#,
        BODY.repeat(10)
    );
    assert_eq!(published(&html).as_deref(), Some("2023-11-01"));
    // no label: the first date stands
    let html = html.replace("Erschienen am", "Gedruckt");
    assert_eq!(published(&html).as_deref(), Some("2023-11-06"));
}

#[test]
fn url_day_and_metadata_agreeing_outweigh_a_printed_date() {
    let page = |printed: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2025-11-24T13:30:10+00:00"></head><body>
            <h1>Black Friday deals to explore</h1><p>{printed}</p>{BODY}</body></html>"#
        )
    };
    let url = "https://news.example/2025/11/24/black-friday-deals/";
    let day = |html: &str| day_at(html, url);
    assert_eq!(
        day(&page("The offer runs November 26 – December 3, 2025.")).as_deref(),
        Some("2025-11-24")
    );
    // a line that speaks of an update keeps the printed date
    assert_eq!(
        day(&page("Updated 2010 GMT (0410 HKT) December 3, 2025")).as_deref(),
        Some("2025-12-03")
    );
    // a day away is a time zone: the printed day stands
    assert_eq!(
        day(&page("November 25, 2025")).as_deref(),
        Some("2025-11-25")
    );
    // without a date in the URL, the printed date stands
    assert_eq!(
        published(&page("December 3, 2025")).as_deref(),
        Some("2025-12-03")
    );
}

#[test]
fn creation_date_in_app_state_json_without_a_publication_key() {
    let page = |script: &str| {
        format!(
            r#"<html><head><script id="__NEXT_DATA__" type="application/json">{script}</script></head><body><h1>Europe's top athletes</h1>{BODY}</body></html>"#
        )
    };
    assert_eq!(
        published(&page(
            r#"{"blocks":[{"createdAt":"2022-01-31T15:58:43+01:00","updatedAt":"2022-01-31T16:36:51+01:00"}]}"#
        ))
        .as_deref(),
        Some("2022-01-31")
    );
    // a publication key, even later in the script, comes first
    assert_eq!(
        published(&page(
            r#"{"createdAt":"2021-05-01T10:00:00Z","post":{"publishedAt":"2022-02-02T10:00:00Z"}}"#
        ))
        .as_deref(),
        Some("2022-02-02")
    );
}

#[test]
fn json_ld_written_into_a_meta() {
    let html = format!(
        r#"<html><head><meta name="script:ld+json" content="{{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}}"></head><body><h1>Full EV cars</h1>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2025-11-17"));
}

#[test]
fn declared_day_printed_in_the_header_outweighs_a_list_under_it() {
    // the date above the headline is the declared one; the first date after it belongs to a
    // list of other press releases
    let html = r#"<html><head></head><body><p>Pressemitteilung | Verbraucherzentrale</p><p><time datetime="2022-12-12 12:22">12.12.2022 12:22</time></p>
        <h1>Das ändert sich im Jahr 2023</h1><p>(Leipzig) - Von Preisbremsen im Energiemarkt über die Mehrwegpflicht in der Gastronomie bis hin zur Verbandsklage.</p>
        <p>Weitere Pressemitteilungen dieses Verbands</p><p>10.08.2022 11:05 Wieviel Haus kann ich mir leisten?</p></body></html>"#;
    assert_eq!(published(html).as_deref(), Some("2022-12-12"));
}

#[test]
fn dateline_under_the_headline_beats_a_date_named_box() {
    // the box is below the article, out of its header
    let html = format!(
        r#"<html><head></head><body><h1>Bundesregierung drosselt Bioenergie</h1>
        <p>29.11.2022 – Mehrfach und vehement hatte die Erneuerbaren-Branche die Nachteile des Gesetzes kritisiert, nun ist es beschlossen.</p>
        {}<div class="date">02.12.2022, 15:57:32</div></body></html>"#,
        BODY.repeat(9)
    );
    assert_eq!(published(&html).as_deref(), Some("2022-11-29"));
    // with a `<time>` element the element stands
    let timed = html.replace(
        r#"<div class="date">02.12.2022, 15:57:32</div>"#,
        r#"<time datetime="2022-12-02">02.12.2022</time>"#,
    );
    assert_eq!(published(&timed).as_deref(), Some("2022-12-02"));
}

#[test]
fn forum_clock_and_join_dates_are_no_publication() {
    let html = format!(
        r#"<html><head></head><body><p class="datetime">Aktuelle Zeit: 14.10.2020, 12:18</p>
        <div class="post"><p>r23</p><p>Registriert: 18.09.2008, 05:56</p><p>21.01.2009, 05:42</p>{BODY}</div></body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2009-01-21"));
}

#[test]
fn participle_after_the_date_labels_it() {
    let long_line = "Literatur und Animated Typography wurde am 19. Mai 2010 um 23:03 Uhr gepostet \
                     und unter Lesenswert, Literatur, Medienwandel abgelegt.";
    let html = format!(
        r#"<html><head></head><body><h1>Bewegliche Lettern</h1>{BODY}<p>{long_line}</p></body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2010-05-19"));
}

#[test]
fn day_month_word_and_two_digit_year() {
    let html = format!(
        r#"<html><head></head><body><h1>Orso marsicano: un anno da record</h1><p>( Pescasseroli, 14 Gennaio 20 )</p>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2020-01-14"));
    // a number of hours after the month is no year
    let hours = html.replace("14 Gennaio 20 )", "am 14. März 20 Uhr");
    assert_eq!(published(&hours), None);
}

#[test]
fn day_month_year_in_the_url_path() {
    let html = format!(
        r#"<html><head></head><body><h1>Zehn Jahre Tag des Einbruchschutzes</h1>{BODY}</body></html>"#
    );
    assert_eq!(
        published_at(&html, "https://verein.example/meldungen/29-10-2021").as_deref(),
        Some("2021-10-29T00:00:00+00:00")
    );
}

#[test]
fn originally_published_in_a_long_header_line() {
    // the only `<time>` is the update's, and the line is too long to be read as one date
    let html = format!(
        r#"<html><head><meta name="date" content="2022-11-09"></head><body><h1>Anxiety medication or meditation?</h1>
        <div class="dateblock">Updated <time datetime="2022-11-11T20:23:00-05:00">November 11, 2022 8:23 PM ET</time> Originally published November 9, 2022 11:01 AM ET</div>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2022-11-09"));
}

#[test]
fn new_year_midnight_declared_yields_to_a_date_element() {
    let html = format!(
        r#"<html><head><meta itemprop="dateCreated" content="01/01/2004"></head><body><h1>Easy pineapple upside-down cake</h1>
        {BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}<div class="recipeDate">Updated June 13, 2019</div></body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2019-06-13"));
    // alone, it stands
    let alone = html.replace("Updated June 13, 2019", "");
    assert_eq!(published(&alone).as_deref(), Some("2004-01-01"));
}

#[test]
fn numeric_date_with_pipes_between_its_parts() {
    let html = format!(
        r#"<html><body><h1>Winterhechte am Bielersee</h1><table><tr><td>26 | 01 | 2022 </td><td>Schweiz | Praxis</td></tr></table>{BODY}</body></html>"#
    );
    assert_eq!(published(&html).as_deref(), Some("2022-01-26"));
}

#[test]
fn slashed_date_is_month_first_on_an_american_english_page() {
    let page = |lang: &str, extra: &str| {
        format!(
            r#"<html lang="{lang}"><body><h1>Smart home guide</h1><div class="author"><a>Yucy</a><span class="time">3/4/2025</span></div>{extra}{BODY}</body></html>"#
        )
    };
    assert_eq!(published(&page("en", "")).as_deref(), Some("2025-03-04"));
    // British pages, and English ones whose other dates put the day first, read it day first
    assert_eq!(published(&page("en-GB", "")).as_deref(), Some("2025-04-03"));
    let british = r#"<ul><li><span class="date">16 February 2026</span> Another post</li></ul>"#;
    assert_eq!(
        published(&page("en", british)).as_deref(),
        Some("2025-04-03")
    );
}

#[test]
fn new_year_placeholder_yields_to_a_modification_in_that_year() {
    let page = |published: &str, modified: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article","headline":"Best clothing boxes","datePublished":"{published}","dateModified":"{modified}"}}</script></head><body><h1>Best clothing boxes</h1>{BODY}</body></html>"#
        )
    };
    // a whole hour of 1 January without a zone is a year-only value: the modification that year
    assert_eq!(
        published(&page("2025-01-01T03:00:00", "2025-03-05T13:25:58")).as_deref(),
        Some("2025-03-05")
    );
    // a modification in a later year says nothing of the day; a real time of day stands
    assert_eq!(
        published(&page("2025-01-01T03:00:00", "2026-03-05T13:25:58")).as_deref(),
        Some("2025-01-01")
    );
    assert_eq!(
        published(&page("2025-01-01T07:35:00", "2025-03-05T13:25:58")).as_deref(),
        Some("2025-01-01")
    );
}

#[test]
fn date_only_article_yields_to_the_webpage_instant_a_day_later() {
    let page = |article: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"Article","headline":"MBA rankings","datePublished":"{article}"}},{{"@type":"WebPage","name":"MBA rankings","datePublished":"2023-05-18T04:39:05+00:00"}}]}}</script></head><body><h1>MBA rankings</h1>{BODY}</body></html>"#
        )
    };
    assert_eq!(
        published(&page("2023-05-17T00:00:00+0000")).as_deref(),
        Some("2023-05-18")
    );
    // an article value with its own time, or days before the WebPage's, stands
    assert_eq!(
        published(&page("2023-05-17T09:00:00+0000")).as_deref(),
        Some("2023-05-17")
    );
    assert_eq!(
        published(&page("2023-05-12T00:00:00+0000")).as_deref(),
        Some("2023-05-12")
    );
}

#[test]
fn json_ld_stamped_on_save_yields_to_a_labelled_publication_element() {
    let page = |modified: &str, label: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article","headline":"Free accounting tools","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"{modified}"}}</script></head><body><h1>Free accounting tools</h1><p>By: Jessica Elliott, Contributor</p>{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}<div class="publish-date">{label} August 13, 2025</div></body></html>"#
        )
    };
    assert_eq!(
        published(&page("2025-11-29T12:28:31-05:00", "Published")).as_deref(),
        Some("2025-08-13")
    );
    // a modification of its own, or an element without the label, leaves the JSON-LD alone
    assert_eq!(
        published(&page("2025-12-01T09:00:00-05:00", "Published")).as_deref(),
        Some("2025-11-29")
    );
    assert_eq!(
        published(&page("2025-11-29T12:28:31-05:00", "")).as_deref(),
        Some("2025-11-29")
    );
}
