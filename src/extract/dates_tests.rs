//! Tests of the publication date rules, on small hand-written pages: one table row per rule (or
//! per counter-example of a rule).

use crate::extract::extract;

/// A paragraph of article text; `{BODY}` in a row's page stands for it, `{LONG}` for ten of it.
const BODY: &str =
    "<p>Lavender fields, markets and the sea: a week in the south of France, day by day.</p>";

const STORY: &str = "https://news.example/story";

/// One page and the publication date expected of it.
struct Case {
    /// The rule (or counter-example) the row checks, printed when it fails.
    rule: &'static str,
    /// The page; `{0}`, `{1}` take the row's `fill`, `{BODY}` and `{LONG}` the article text.
    html: &'static str,
    fill: &'static [&'static str],
    url: &'static str,
    /// The day (YYYY-MM-DD), or the whole RFC 3339 value when the row gives one.
    want: Option<&'static str>,
}

const NONE: Case = Case {
    rule: "",
    html: "",
    fill: &[],
    url: STORY,
    want: None,
};

const URL_DAY: &str = r#"<html><head><meta property="article:published_time" content="{0}"></head><body><h1>Comfort watches</h1>{BODY}</body></html>"#;

const SLASHED_HEADER: &str = r#"<html><head><meta property="article:published_time" content="2021-11-01T05:00:14Z"></head><body>
    <h1>The electric scooter on test</h1><p>{0}</p>{BODY}</body></html>"#;

const MONTH_LINE: &str = r#"<html><head></head><body><h1>Meditation and mindfulness</h1>{LONG}<p>{0}</p>
    <footer><p>Site Last Updated: December 20, 2025</p></footer></body></html>"#;

const BARE_DATE_META: &str = r#"<html><head><meta name="dcterms.date" content="2022-01-21T09:43+01:00"></head><body>
    <h1>Nuclear power is not sustainable</h1>{LONG}{0}</body></html>"#;

const PRINTED_MODIFICATION: &str = r#"<html><head>{0}<meta property="article:published_time" content="2019-09-16T10:46:39+00:00">
    <meta property="article:modified_time" content="2026-02-28T15:21:28+00:00"></head><body>
    <h1>Best drip coffee maker</h1><p>Last Updated: February 28, 2026</p>{BODY}</body></html>"#;

const AFTER_EVERY_CHANGE: &str = r#"<html><head><meta property="article:published_time" content="2023-11-06T12:04:30+01:00">
    <meta property="article:modified_time" content="2023-11-06T12:04:23+01:00"></head><body>
    <h1>The new mayor must now deliver</h1><p>{0}</p>{BODY}</body></html>"#;

const SITE_PREFIX: &str = r#"<html><head><meta name="{0}" content="2025-05-27T06:03:43.274Z"></head><body><h1>Moving legal work in-house</h1>{BODY}</body></html>"#;

const APP_STATE: &str = r#"<html><head><script type="application/json" data-initial-state="review-dates">{0}</script>{1}</head><body><h1>Great service, fast delivery</h1>{BODY}</body></html>"#;

const LABELLED_LAST_RESORT: &str = r#"<html><head></head><body><h1>Die Anleitungen der Vorfahren</h1>{LONG}
    <p>Lesung am 06.11.2023 in Marburg</p>
    <p>Letzte Änderung: 31.10.2023 - 14:49:39<br>{0}: 01.11.2023<br>Lesungen: 61</p></body></html>"#;

const URL_AND_METADATA: &str = r#"<html><head><meta property="article:published_time" content="2025-11-24T13:30:10+00:00"></head><body>
    <h1>Black Friday deals to explore</h1><p>{0}</p>{BODY}</body></html>"#;

const BLACK_FRIDAY: &str = "https://news.example/2025/11/24/black-friday-deals/";

const NEXT_DATA: &str = r#"<html><head><script id="__NEXT_DATA__" type="application/json">{0}</script></head><body><h1>Europe's top athletes</h1>{BODY}</body></html>"#;

const DATELINE: &str = r#"<html><head></head><body><h1>Bundesregierung drosselt Bioenergie</h1>
    <p>29.11.2022 – Mehrfach und vehement hatte die Erneuerbaren-Branche die Nachteile des Gesetzes kritisiert, nun ist es beschlossen.</p>
    {LONG}{0}</body></html>"#;

const TWO_DIGIT_YEAR: &str = r#"<html><head></head><body><h1>Orso marsicano: un anno da record</h1><p>( Pescasseroli, {0}</p>{BODY}</body></html>"#;

const NEW_YEAR_MIDNIGHT: &str = r#"<html><head><meta itemprop="dateCreated" content="01/01/2004"></head><body><h1>Easy pineapple upside-down cake</h1>
    {LONG}<div class="recipeDate">{0}</div></body></html>"#;

const SLASHED_LANG: &str = r#"<html lang="{0}"><body><h1>Smart home guide</h1><div class="author"><a>Yucy</a><span class="time">3/4/2025</span></div>{1}{BODY}</body></html>"#;

const NEW_YEAR_PLACEHOLDER: &str = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Best clothing boxes","datePublished":"{0}","dateModified":"{1}"}</script></head><body><h1>Best clothing boxes</h1>{BODY}</body></html>"#;

const WEBPAGE_INSTANT: &str = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"MBA rankings","datePublished":"{0}"},{"@type":"WebPage","name":"MBA rankings","datePublished":"2023-05-18T04:39:05+00:00"}]}</script></head><body><h1>MBA rankings</h1>{BODY}</body></html>"#;

const STAMPED_ON_SAVE: &str = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Free accounting tools","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"{0}"}</script></head><body><h1>Free accounting tools</h1><p>By: Jessica Elliott, Contributor</p>{LONG}<div class="publish-date">{1} August 13, 2025</div></body></html>"#;

const LATE_UTC: &str = r#"<html lang="{0}"><head><meta property="article:published_time" content="{1}"></head><body><h1>Local elections in North Macedonia</h1>{BODY}</body></html>"#;

const EVENING: &str = r#"<html lang="{0}"><head><meta property="article:published_time" content="{1}"></head><body><h1>How to make sourdough bread</h1><p>Sides, Sourdough · December 9, 2021</p>{BODY}</body></html>"#;

const SITE_CLOCK: &str = r#"<html><head><meta name="date" content="2017-05-01T17:05:00+0200">{0}</head><body><p>Deutschlandfunk</p><p class="date">Mittwoch, 26.02.2020</p><h1>Wir dekorieren auf der Titanic die Liegestühle um</h1>{BODY}</body></html>"#;

const OG_PUBLISHED: &str =
    r#"<meta property="article:published_time" content="2024-08-01T16:53:14+00:00">"#;

const IMAGE_MONTH: &str = r#"<html lang="{3}"><head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-08-01T16:53:14+00:00","dateModified":"{1}"}</script>
    {2}<meta property="og:image" content="https://tutoring.example/wp-content/uploads/{0}/15-best-platforms.png"></head><body><h1>15 best online tutoring platforms</h1><p>{1}</p>{BODY}</body></html>"#;

const COMMENTS: &str = r#"<html><head></head><body><h1>Ein Sommer an der Ostsee</h1>{LONG}<p class="date">Von Lena Brandt | 30. September 2018</p>
    <div {0}><ol><li class="{1}"><span class="comment-author">Leserin</span> <abbr class="date" title="2019-03-12T10:57:27Z">12. März 2019</abbr><p>Schöner Bericht!</p></li></ol></div></body></html>"#;

const DATE_BOX: &str = r#"<html><head></head><body><div class="{0}"><span>{1}</span><span>{2}</span><span>2009</span></div>
    <h2>Ein neues Grafikprogramm entdeckt</h2>{LONG}</body></html>"#;

const CXENSE: &str = r#"<html lang="es"><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Paro portuario","datePublished":"2022-05-10T23:35:55"}</script>
    {0}</head><body><h1>Paro portuario en Montevideo</h1>{BODY}</body></html>"#;

const COMMENT_SECTION: &str = r#"<html><head></head><body><h1>Growing tomatoes on a balcony</h1>{LONG}
    <h3>{0}</h3><div><p>Anna</p><p>March 3, 2024</p><p>Thanks, this worked for me!</p></div></body></html>"#;

const CASES: &[Case] = &[
    Case {
        rule: "the text scan stops at a comment section's heading",
        html: COMMENT_SECTION,
        fill: &["3 Comments"],
        want: None,
        ..NONE
    },
    Case {
        rule: "a comment section's heading: \"Leave a Reply\"",
        html: COMMENT_SECTION,
        fill: &["Leave a Reply"],
        want: None,
        ..NONE
    },
    Case {
        rule: "a heading that is no comment section's leaves the scan going",
        html: COMMENT_SECTION,
        fill: &["More tips"],
        want: Some("2024-03-03"),
        ..NONE
    },
    Case {
        rule: "Cxense's publication time outweighs a zone-less JSON-LD value of the evening before",
        html: CXENSE,
        fill: &[
            r#"<meta name="cXenseParse:recs:publishtime" content="2022-05-11T04:10:00-03:00">"#,
        ],
        want: Some("2022-05-11T04:10:00-03:00"),
        ..NONE
    },
    Case {
        rule: "without Cxense, the JSON-LD value",
        html: CXENSE,
        fill: &[""],
        want: Some("2022-05-10"),
        ..NONE
    },
    Case {
        rule: "a published-date meta",
        html: r#"<html><head><meta name="published-date" content="2021-02-16"></head><body><h1>Emerging technologies</h1>{BODY}</body></html>"#,
        want: Some("2021-02-16"),
        ..NONE
    },
    Case {
        rule: "JSON-LD of another type when there is no article, a malformed time kept to its day",
        html: r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"Sew a tablecloth","datePublished":"2022-01-10T22:06:08:684Z"}</script></head><body><h1>Sew a tablecloth</h1>{BODY}</body></html>"#,
        want: Some("2022-01-10"),
        ..NONE
    },
    Case {
        rule: "a JSON-LD article object outweighs another type",
        html: r#"<html><head><script type="application/ld+json">[{"@type":"Product","datePublished":"2020-01-01"},{"@type":"NewsArticle","datePublished":"2022-03-04"}]</script></head><body><h1>Sew a tablecloth</h1>{BODY}</body></html>"#,
        want: Some("2022-03-04"),
        ..NONE
    },
    Case {
        rule: "a UTC timestamp takes the offset another source gives the same instant",
        html: r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}</script>
            <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200"></head><body><h1>Alternative therapies</h1>{BODY}</body></html>"#,
        want: Some("2019-10-19T00:04:00+02:00"),
        ..NONE
    },
    Case {
        rule: "the URL's day beats a UTC timestamp early the next day (the writer's evening)",
        html: URL_DAY,
        fill: &["2025-12-19T02:41:41+00:00"],
        url: "https://blog.example/2025/12/18/comfort-watches",
        want: Some("2025-12-18"),
    },
    Case {
        rule: "with its own offset, the metadata keeps its day against the URL's",
        html: URL_DAY,
        fill: &["2025-12-19T02:41:41+01:00"],
        url: "https://blog.example/2025/12/18/comfort-watches",
        want: Some("2025-12-19"),
    },
    Case {
        rule: "republished years later: the URL's path keeps the first day",
        html: URL_DAY,
        fill: &["2026-06-17T18:28:00+02:00"],
        url: "https://blog.example/2025/12/18/comfort-watches",
        want: Some("2025-12-18"),
    },
    Case {
        rule: "a few days after the URL's day is an edit of the same story",
        html: URL_DAY,
        fill: &["2025-12-24T18:28:00+02:00"],
        url: "https://blog.example/2025/12/18/comfort-watches",
        want: Some("2025-12-24"),
    },
    Case {
        rule: "a slashed header date read the other way keeps the metadata",
        html: SLASHED_HEADER,
        fill: &["11/01/2021"],
        want: Some("2021-11-01"),
        ..NONE
    },
    Case {
        rule: "on an English page a dotted header date read the other way keeps the metadata",
        html: r#"<html lang="en"><head><meta property="article:published_time" content="2024-09-10T16:07:00Z"></head><body>
    <h1>Renovation phases and timelines</h1><p>09.10.2024</p>{BODY}</body></html>"#,
        want: Some("2024-09-10"),
        ..NONE
    },
    Case {
        rule: "a dotted header date is day first: the printed date stands",
        html: SLASHED_HEADER,
        fill: &["11.01.2021"],
        want: Some("2021-01-11"),
        ..NONE
    },
    Case {
        rule: "a bare date meta yields to marked body dates of one day",
        html: BARE_DATE_META,
        fill: &[
            r#"<p class="meta"><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></p>"#,
        ],
        want: Some("2022-01-25"),
        ..NONE
    },
    Case {
        rule: "a bare date meta stands against body dates of several days (a list of articles)",
        html: BARE_DATE_META,
        fill: &[
            r#"<ul><li><time itemprop="datePublished" datetime="2026-03-13">13.03.2026</time></li>
            <li><time itemprop="datePublished" datetime="2026-03-12">12.03.2026</time></li></ul>"#,
        ],
        want: Some("2022-01-21"),
        ..NONE
    },
    Case {
        rule: "a printed modification without JSON-LD keeps the Open Graph publication",
        html: PRINTED_MODIFICATION,
        fill: &[""],
        want: Some("2019-09-16"),
        ..NONE
    },
    Case {
        rule: "a printed modification beside a JSON-LD article stands",
        html: PRINTED_MODIFICATION,
        fill: &[
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-09-16T10:46:39+00:00","dateModified":"2026-02-28T15:21:28+00:00"}</script>"#,
        ],
        want: Some("2026-02-28"),
        ..NONE
    },
    Case {
        rule: "a printed date after every declared change (an announced event) is no publication",
        html: AFTER_EVERY_CHANGE,
        fill: &["Ab 1. März 2024 die neue Rathauschefin"],
        want: Some("2023-11-06"),
        ..NONE
    },
    Case {
        rule: "a later printed date labelled as an update stands",
        html: AFTER_EVERY_CHANGE,
        fill: &["Updated March 1, 2024"],
        want: Some("2024-03-01"),
        ..NONE
    },
    Case {
        rule: "a printed date earlier than the metadata stands",
        html: AFTER_EVERY_CHANGE,
        fill: &["October 30, 2023"],
        want: Some("2023-10-30"),
        ..NONE
    },
    Case {
        // both hidden elements sit before the printed line, which starts with the modification
        rule: "a publication element beats a modification element at the same place",
        html: r#"<html><head></head><body><h1>Privacy update of the shop templates</h1><p>
            <time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>
            <time itemprop="datePublished" datetime="2018-06-22 10:20:00" class="hidden">2018-06-22 10:20:00</time>
            <span>22.06.2018 10:20</span></p>{BODY}</body></html>"#,
        want: Some("2018-06-22"),
        ..NONE
    },
    Case {
        rule: "catalogue order in a citation meta",
        html: r#"<html><head><meta name="citation_publication_date" content="2023 Jan 7"></head><body><h1>Sleep and memory in older adults</h1>{BODY}</body></html>"#,
        want: Some("2023-01-07"),
        ..NONE
    },
    Case {
        rule: "a site's prefix on a publication meta",
        html: SITE_PREFIX,
        fill: &["w-published-date"],
        want: Some("2025-05-27"),
        ..NONE
    },
    Case {
        rule: "a site's prefix is a whole word: unpublishdate is none",
        html: SITE_PREFIX,
        fill: &["unpublishdate"],
        ..NONE
    },
    Case {
        rule: "a publication date in app-state JSON",
        html: APP_STATE,
        fill: &[
            r#"{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-04T20:39:47Z"}"#,
            "",
        ],
        want: Some("2016-11-04"),
        ..NONE
    },
    Case {
        rule: "product JSON in plain JavaScript: the first key of the script",
        html: APP_STATE,
        fill: &[
            r#"window.shop = {"publisher":"x","published_at":"2019-03-02T06:22:28+01:00","created_at":"2019-03-01"}; var y = {"datePublished":"2020-01-01"};"#,
            "",
        ],
        want: Some("2019-03-02"),
        ..NONE
    },
    Case {
        rule: "the first script holding a publication key gives the date",
        html: APP_STATE,
        fill: &[
            r#"{"publishedDate":"2016-11-04"}"#,
            r#"<script>var a = {"publishedAt":"2018-05-06"};</script>"#,
        ],
        want: Some("2016-11-04"),
        ..NONE
    },
    Case {
        rule: "a script value that is not a plain date is left alone",
        html: APP_STATE,
        fill: &[r#"{"publishedDate":"\"><script>alert(1)</script>"}"#, ""],
        ..NONE
    },
    Case {
        rule: "declared metadata comes before a script's key",
        html: APP_STATE,
        fill: &[
            r#"{"publishedDate":"2016-11-04T20:37:27Z"}"#,
            r#"<meta property="article:published_time" content="2017-01-02">"#,
        ],
        want: Some("2017-01-02"),
        ..NONE
    },
    Case {
        rule: "the last-resort scan takes a date labelled as the publication first",
        html: LABELLED_LAST_RESORT,
        fill: &["Erschienen am"],
        want: Some("2023-11-01"),
        ..NONE
    },
    Case {
        rule: "\"Erstellt am\" (created on) labels the publication",
        html: LABELLED_LAST_RESORT,
        fill: &["Erstellt am"],
        want: Some("2023-11-01"),
        ..NONE
    },
    Case {
        rule: "without a label, the last-resort scan takes the first date",
        html: LABELLED_LAST_RESORT,
        fill: &["Gedruckt"],
        want: Some("2023-11-06"),
        ..NONE
    },
    Case {
        rule: "the URL's day and the metadata agreeing outweigh a printed date",
        html: URL_AND_METADATA,
        fill: &["The offer runs November 26 – December 3, 2025."],
        url: BLACK_FRIDAY,
        want: Some("2025-11-24"),
    },
    Case {
        rule: "a printed line that speaks of an update stands against the URL and metadata",
        html: URL_AND_METADATA,
        fill: &["Updated 2010 GMT (0410 HKT) December 3, 2025"],
        url: BLACK_FRIDAY,
        want: Some("2025-12-03"),
    },
    Case {
        rule: "a printed day one away from the URL's is a time zone: it stands",
        html: URL_AND_METADATA,
        fill: &["November 25, 2025"],
        url: BLACK_FRIDAY,
        want: Some("2025-11-25"),
    },
    Case {
        rule: "without a date in the URL, the printed date stands",
        html: URL_AND_METADATA,
        fill: &["December 3, 2025"],
        want: Some("2025-12-03"),
        ..NONE
    },
    Case {
        rule: "a creation date in app-state JSON without a publication key",
        html: NEXT_DATA,
        fill: &[
            r#"{"blocks":[{"createdAt":"2022-01-31T15:58:43+01:00","updatedAt":"2022-01-31T16:36:51+01:00"}]}"#,
        ],
        want: Some("2022-01-31"),
        ..NONE
    },
    Case {
        rule: "a publication key, even later in the script, comes before a creation key",
        html: NEXT_DATA,
        fill: &[
            r#"{"createdAt":"2021-05-01T10:00:00Z","post":{"publishedAt":"2022-02-02T10:00:00Z"}}"#,
        ],
        want: Some("2022-02-02"),
        ..NONE
    },
    Case {
        rule: "JSON-LD written into a meta",
        html: r#"<html><head><meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></head><body><h1>Full EV cars</h1>{BODY}</body></html>"#,
        want: Some("2025-11-17"),
        ..NONE
    },
    Case {
        // the date above the headline is the declared one; the first date after it belongs to
        // a list of other press releases
        rule: "the declared day printed in the header outweighs a list under it",
        html: r#"<html><head></head><body><p>Pressemitteilung | Verbraucherzentrale</p><p><time datetime="2022-12-12 12:22">12.12.2022 12:22</time></p>
            <h1>Das ändert sich im Jahr 2023</h1><p>(Leipzig) - Von Preisbremsen im Energiemarkt über die Mehrwegpflicht in der Gastronomie bis hin zur Verbandsklage.</p>
            <p>Weitere Pressemitteilungen dieses Verbands</p><p>10.08.2022 11:05 Wieviel Haus kann ich mir leisten?</p></body></html>"#,
        want: Some("2022-12-12"),
        ..NONE
    },
    Case {
        // the box is below the article, out of its header
        rule: "a dateline under the headline beats a date-named box",
        html: DATELINE,
        fill: &[r#"<div class="date">02.12.2022, 15:57:32</div>"#],
        want: Some("2022-11-29"),
        ..NONE
    },
    Case {
        rule: "a <time> element below the article beats the dateline",
        html: DATELINE,
        fill: &[r#"<time datetime="2022-12-02">02.12.2022</time>"#],
        want: Some("2022-12-02"),
        ..NONE
    },
    Case {
        rule: "forum clocks and join dates are no publication",
        html: r#"<html><head></head><body><p class="datetime">Aktuelle Zeit: 14.10.2020, 12:18</p>
            <div class="post"><p>r23</p><p>Registriert: 18.09.2008, 05:56</p><p>21.01.2009, 05:42</p>{BODY}</div></body></html>"#,
        want: Some("2009-01-21"),
        ..NONE
    },
    Case {
        rule: "a participle after the date labels it",
        html: r#"<html><head></head><body><h1>Bewegliche Lettern</h1>{BODY}<p>Literatur und Animated Typography wurde am 19. Mai 2010 um 23:03 Uhr gepostet und unter Lesenswert, Literatur, Medienwandel abgelegt.</p></body></html>"#,
        want: Some("2010-05-19"),
        ..NONE
    },
    Case {
        rule: "a day, a month word and a two-digit year",
        html: TWO_DIGIT_YEAR,
        fill: &["14 Gennaio 20 )"],
        want: Some("2020-01-14"),
        ..NONE
    },
    Case {
        rule: "a number of hours after the month is no year",
        html: TWO_DIGIT_YEAR,
        fill: &["am 14. März 20 Uhr"],
        ..NONE
    },
    Case {
        rule: "day, month and year in the URL's path",
        html: r#"<html><head></head><body><h1>Zehn Jahre Tag des Einbruchschutzes</h1>{BODY}</body></html>"#,
        url: "https://verein.example/meldungen/29-10-2021",
        want: Some("2021-10-29T00:00:00+00:00"),
        ..NONE
    },
    Case {
        // the only `<time>` is the update's, and the line is too long to be read as one date
        rule: "originally published in a long header line",
        html: r#"<html><head><meta name="date" content="2022-11-09"></head><body><h1>Anxiety medication or meditation?</h1>
            <div class="dateblock">Updated <time datetime="2022-11-11T20:23:00-05:00">November 11, 2022 8:23 PM ET</time> Originally published November 9, 2022 11:01 AM ET</div>{BODY}</body></html>"#,
        want: Some("2022-11-09"),
        ..NONE
    },
    Case {
        rule: "a declared new year's midnight yields to a date element",
        html: NEW_YEAR_MIDNIGHT,
        fill: &["Updated June 13, 2019"],
        want: Some("2019-06-13"),
        ..NONE
    },
    Case {
        rule: "a declared new year's midnight alone stands",
        html: NEW_YEAR_MIDNIGHT,
        fill: &[""],
        want: Some("2004-01-01"),
        ..NONE
    },
    Case {
        rule: "a numeric date with pipes between its parts",
        html: r#"<html><body><h1>Winterhechte am Bielersee</h1><table><tr><td>26 | 01 | 2022 </td><td>Schweiz | Praxis</td></tr></table>{BODY}</body></html>"#,
        want: Some("2022-01-26"),
        ..NONE
    },
    Case {
        rule: "a slashed date is month first on an American English page",
        html: SLASHED_LANG,
        fill: &["en", ""],
        want: Some("2025-03-04"),
        ..NONE
    },
    Case {
        rule: "a slashed date is day first on a British page",
        html: SLASHED_LANG,
        fill: &["en-GB", ""],
        want: Some("2025-04-03"),
        ..NONE
    },
    Case {
        rule: "a slashed date is day first on an English page whose other dates put the day first",
        html: SLASHED_LANG,
        fill: &[
            "en",
            r#"<ul><li><span class="date">16 February 2026</span> Another post</li></ul>"#,
        ],
        want: Some("2025-04-03"),
        ..NONE
    },
    Case {
        rule: "a whole hour of 1 January without a zone yields to a modification that year",
        html: NEW_YEAR_PLACEHOLDER,
        fill: &["2025-01-01T03:00:00", "2025-03-05T13:25:58"],
        want: Some("2025-03-05"),
        ..NONE
    },
    Case {
        rule: "a modification in a later year says nothing of the new year placeholder's day",
        html: NEW_YEAR_PLACEHOLDER,
        fill: &["2025-01-01T03:00:00", "2026-03-05T13:25:58"],
        want: Some("2025-01-01"),
        ..NONE
    },
    Case {
        rule: "a real time of day on 1 January stands",
        html: NEW_YEAR_PLACEHOLDER,
        fill: &["2025-01-01T07:35:00", "2025-03-05T13:25:58"],
        want: Some("2025-01-01"),
        ..NONE
    },
    Case {
        rule: "a date-only article value yields to the WebPage instant a day later",
        html: WEBPAGE_INSTANT,
        fill: &["2023-05-17T00:00:00+0000"],
        want: Some("2023-05-18"),
        ..NONE
    },
    Case {
        rule: "an article value with its own time stands against the WebPage's",
        html: WEBPAGE_INSTANT,
        fill: &["2023-05-17T09:00:00+0000"],
        want: Some("2023-05-17"),
        ..NONE
    },
    Case {
        rule: "an article value days before the WebPage's stands",
        html: WEBPAGE_INSTANT,
        fill: &["2023-05-12T00:00:00+0000"],
        want: Some("2023-05-12"),
        ..NONE
    },
    Case {
        rule: "JSON-LD stamped on save yields to a labelled publication element",
        html: STAMPED_ON_SAVE,
        fill: &["2025-11-29T12:28:31-05:00", "Published"],
        want: Some("2025-08-13"),
        ..NONE
    },
    Case {
        rule: "JSON-LD with a modification of its own stands against the labelled element",
        html: STAMPED_ON_SAVE,
        fill: &["2025-12-01T09:00:00-05:00", "Published"],
        want: Some("2025-11-29"),
        ..NONE
    },
    Case {
        rule: "JSON-LD stamped on save stands against an element without the label",
        html: STAMPED_ON_SAVE,
        fill: &["2025-11-29T12:28:31-05:00", ""],
        want: Some("2025-11-29"),
        ..NONE
    },
    Case {
        rule: "a UTC time without seconds written with a Z, a European midnight",
        html: LATE_UTC,
        fill: &["de", "2021-11-04T23:00Z"],
        want: Some("2021-11-05T00:00:00+01:00"),
        ..NONE
    },
    Case {
        rule: "a UTC time at 23:00 on an English page keeps its UTC day",
        html: LATE_UTC,
        fill: &["en-us", "2025-12-10T23:00:00+00:00"],
        want: Some("2025-12-10"),
        ..NONE
    },
    Case {
        rule: "a date the page says it was originally published on beats the header's",
        html: r#"<html><head><meta property="article:published_time" content="2022-09-30T04:00:00+00:00"></head><body><h1>Pros and cons of living in a tiny home</h1><p>September 30, 2022</p>{LONG}<p>This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated to keep the information current.</p></body></html>"#,
        want: Some("2019-09-26"),
        ..NONE
    },
    Case {
        rule: "an English page: a UTC time early in the day printed as its eve keeps the UTC day",
        html: EVENING,
        fill: &["en-US", "2021-12-10T02:17:00+00:00"],
        want: Some("2021-12-10"),
        ..NONE
    },
    Case {
        rule: "a German page: the printed eve of a UTC time stands",
        html: EVENING,
        fill: &["de", "2021-12-10T02:17:00+00:00"],
        want: Some("2021-12-09"),
        ..NONE
    },
    Case {
        rule: "a date-only UTC value (midnight) is no evening: the printed day stands",
        html: EVENING,
        fill: &["en-US", "2021-12-10T00:00:00+00:00"],
        want: Some("2021-12-09"),
        ..NONE
    },
    Case {
        rule: "a weekday and a date alone, years after the declared day, is the site's clock",
        html: SITE_CLOCK,
        fill: &[""],
        want: Some("2017-05-01"),
        ..NONE
    },
    Case {
        rule: "a weekday and a date that is the declared modification is the article's",
        html: SITE_CLOCK,
        fill: &[r#"<meta property="article:modified_time" content="2020-02-26T09:00:00+01:00">"#],
        want: Some("2020-02-26"),
        ..NONE
    },
    Case {
        rule: "a day and month of one digit and a two-digit year closing the line",
        html: r#"<html><head></head><body><p>Suche</p><p>Kultur, 2.11.22</p><h1>Konzert-Highlights im November 2022</h1>{BODY}</body></html>"#,
        want: Some("2022-11-02"),
        ..NONE
    },
    Case {
        rule: "a one-digit run followed by a time is no date",
        html: r#"<html><head></head><body><h1>Vortrag im Januar</h1><p>19.1.23, 10:00-11:30 Uhr</p>{BODY}</body></html>"#,
        ..NONE
    },
    Case {
        rule: "a featured image uploaded in the declared month keeps the declared day against a refresh",
        html: IMAGE_MONTH,
        fill: &["2024/08", "2025-11-18", OG_PUBLISHED, "en"],
        want: Some("2024-08-01"),
        ..NONE
    },
    Case {
        rule: "the image month needs an article:published_time: a site declaring only the modification stands by it",
        html: IMAGE_MONTH,
        fill: &["2024/08", "2025-11-18", "", "en"],
        want: Some("2025-11-18"),
        ..NONE
    },
    Case {
        rule: "a featured image of another month leaves the printed refresh",
        html: IMAGE_MONTH,
        fill: &["2025/11", "2025-11-18", OG_PUBLISHED, "en"],
        want: Some("2025-11-18"),
        ..NONE
    },
    Case {
        rule: "a JSON-LD ImageObject uploaded in the declared month keeps the declared day",
        html: r#"<html><head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-03-17T01:58:00-04:00","dateModified":"2025-08-05T13:21:57-04:00","image":{"@type":"ImageObject","url":"https:\/\/fit.example\/wp-content\/uploads\/2024\/03\/da-vinci.webp"}}</script>
            <meta property="article:published_time" content="2024-03-17T05:58:00+00:00">
            <meta property="og:image" content="https://fit.example/wp-content/uploads/2021/07/cover.png"></head><body><h1>Build your own workout routine</h1><p>Updated August 5, 2025</p>{BODY}</body></html>"#,
        want: Some("2024-03-17"),
        ..NONE
    },
    Case {
        rule: "on an English page a refresh days after the declared day yields to the image month",
        html: IMAGE_MONTH,
        fill: &["2024/08", "2024-08-05", OG_PUBLISHED, "en"],
        want: Some("2024-08-01"),
        ..NONE
    },
    Case {
        rule: "elsewhere a printed date under two months after the declared day stands beside the image",
        html: IMAGE_MONTH,
        fill: &["2024/08", "2024-09-12", OG_PUBLISHED, "de"],
        want: Some("2024-09-12"),
        ..NONE
    },
    Case {
        rule: "a header line giving the article's age ends the header: a quotation's date after it is another's",
        html: r#"<html><head><meta property="article:published_time" content="2021-11-12T13:00:00"></head><body><h1>Der Tag, an dem sich der Menschensohn offenbart</h1>
            <p>vor 5 Stunden in Aktuelles, keine Lesermeinung</p><p>Rom (kath.net/as) Freitag der 32. Woche im Jahreskreis.</p>
            <p>Benedikt XVI., Enzyklika „Deus caritas est“ 5/6, 25. Dezember 2005:</p>{BODY}</body></html>"#,
        want: Some("2021-11-12"),
        ..NONE
    },
    Case {
        rule: "without an age line, the quotation's date in the header wins",
        html: r#"<html><head><meta property="article:published_time" content="2021-11-12T13:00:00"></head><body><h1>Der Tag, an dem sich der Menschensohn offenbart</h1>
            <p>in Aktuelles, keine Lesermeinung</p><p>Rom (kath.net/as) Freitag der 32. Woche im Jahreskreis.</p>
            <p>Benedikt XVI., Enzyklika „Deus caritas est“ 5/6, 25. Dezember 2005:</p>{BODY}</body></html>"#,
        want: Some("2005-12-25"),
        ..NONE
    },
    Case {
        rule: "a day, a month's word and a year joined by hyphens",
        html: r#"<html><head></head><body><h2>Choosing pipes</h2><div class="byline">By: <a href="/team">Ana Ruiz</a> on {0} 5:11:10</div>{BODY}</body></html>"#,
        fill: &["04-ago-2021"],
        want: Some("2021-08-04"),
        ..NONE
    },
    Case {
        rule: "hyphens around a word that names no month are no date",
        html: r#"<html><head></head><body><h2>Choosing pipes</h2><div class="byline">By: <a href="/team">Ana Ruiz</a> on {0} 5:11:10</div>{BODY}</body></html>"#,
        fill: &["the 7-deal-2021 list"],
        want: None,
        ..NONE
    },
    Case {
        rule: "with nothing else declared, the declared modification beats the first date of a short block",
        html: r#"<html><head>{0}</head><body><h1>Tanya Chua</h1>{LONG}<p>Born 28 January 1995</p></body></html>"#,
        fill: &[r#"<meta name="dateUpdate" content="2020-02-14 10:47:36">"#],
        want: Some("2020-02-14"),
        ..NONE
    },
    Case {
        rule: "without a declared modification the short block's date stands",
        html: r#"<html><head>{0}</head><body><h1>Tanya Chua</h1>{LONG}<p>Born 28 January 1995</p></body></html>"#,
        fill: &[""],
        want: Some("1995-01-28"),
        ..NONE
    },
    Case {
        rule: "a labelled month is the first of that month, before a site footer's full date",
        html: MONTH_LINE,
        fill: &["Last Updated: June 2022"],
        want: Some("2022-06-01"),
        ..NONE
    },
    Case {
        rule: "a month without a label is not read as a date",
        html: MONTH_LINE,
        fill: &["Understand June 2022"],
        want: Some("2025-12-20"),
        ..NONE
    },
    Case {
        rule: "a commenter's date element in a comment section is not the article's",
        html: COMMENTS,
        fill: &[r#"id="comments" class="comments-area""#, "comment"],
        want: Some("2018-09-30"),
        ..NONE
    },
    Case {
        rule: "outside a comment section the stronger date element wins",
        html: COMMENTS,
        fill: &[r#"class="sidebar""#, "entry"],
        want: Some("2019-03-12"),
        ..NONE
    },
    Case {
        rule: "a theme's meta line named after the comment count holds the article's date",
        html: r#"<html><head></head><body><h1>Retirement calculators</h1>{LONG}<div class="comments"><time datetime="2025-08-19T09:00:00-04:00">August 19</time> | <a href="/c">33 Comments</a></div></body></html>"#,
        want: Some("2025-08-19"),
        ..NONE
    },
    Case {
        rule: "a header date glued to a label by inline elements is read",
        html: r#"<html><head><meta name="dc.date" content="2020-03-03"></head><body><div><span>Original Research</span><span>7 April 2020</span></div>
            <h1>Influenza vaccination and hospitalization</h1>{BODY}</body></html>"#,
        want: Some("2020-04-07"),
        ..NONE
    },
    Case {
        rule: "a German date box (class \"datum\") of three glued parts",
        html: DATE_BOX,
        fill: &["datum", "Feb", "18"],
        want: Some("2009-02-18"),
        ..NONE
    },
    Case {
        rule: "a Spanish date box (class \"fecha\") of three glued parts",
        html: DATE_BOX,
        fill: &["fecha", "18", "febrero"],
        want: Some("2009-02-18"),
        ..NONE
    },
    Case {
        rule: "glued parts in a box no class names a date are no date",
        html: DATE_BOX,
        fill: &["kopf", "Feb", "18"],
        want: None,
        ..NONE
    },
];

/// The row's page with its placeholders filled in.
fn page(case: &Case) -> String {
    let mut html = case
        .html
        .replace("{LONG}", &BODY.repeat(10))
        .replace("{BODY}", BODY);
    for (i, fill) in case.fill.iter().enumerate() {
        html = html.replace(&format!("{{{i}}}"), fill);
    }
    html
}

#[test]
fn published_follows_the_rules() {
    let mut failed = Vec::new();
    for case in CASES {
        let got = extract(page(case).as_bytes(), Some(case.url), None)
            .published
            .map(|d| d.to_rfc3339());
        // a row giving only the day compares the day
        let got = match (got, case.want) {
            (Some(g), Some(w)) if w.len() == 10 => Some(g[..10].to_string()),
            (g, _) => g,
        };
        if got.as_deref() != case.want {
            failed.push(format!("{}: got {got:?}, want {:?}", case.rule, case.want));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn catalogue_order_is_read_in_declared_values_only() {
    assert_eq!(
        crate::extract::dates::parse_text("in 2023 May 5 people"),
        None
    );
}

/// The calendar day a parse found, as `YYYY-MM-DD`.
fn day_of(found: Option<chrono::DateTime<chrono::FixedOffset>>) -> Option<String> {
    found.map(|d| d.date_naive().to_string())
}

#[test]
fn labelled_months_are_whole_lines() {
    let day = |s: &str| day_of(crate::extract::dates::labelled_month(s));
    assert_eq!(
        day("Last Updated: June 2022").as_deref(),
        Some("2022-06-01")
    );
    assert_eq!(day("Stand: Oktober 2013").as_deref(), Some("2013-10-01"));
    assert_eq!(
        day("Published on March 2021").as_deref(),
        Some("2021-03-01")
    );
    // a full date, a month of another line's text, no label
    assert_eq!(day("Updated: June 3, 2022"), None);
    assert_eq!(day("Updated: June 2022 with new figures"), None);
    assert_eq!(day("June 2022"), None);
}

#[test]
fn a_day_may_follow_a_letter_but_not_a_digit() {
    let day = |s: &str| day_of(crate::extract::dates::parse_text(s));
    assert_eq!(
        day("Original Research7 April 2020").as_deref(),
        Some("2020-04-07")
    );
    assert_eq!(day("Ref. 115 March 2021"), None);
}

#[test]
fn dates_in_more_languages() {
    let day = |s: &str| day_of(crate::extract::dates::parse_text(s));
    for (written, read) in [
        ("2019年6月24日 19時28分", "2019-06-24"),
        ("发布时间：2021年 3月 5日", "2021-03-05"),
        ("입력 2019년 6월 24일 오후 3:12", "2019-06-24"),
        ("Julkaistu 5. tammikuuta 2021", "2021-01-05"),
        ("5 Mart 2021 Cuma", "2021-03-05"),
        ("Publicat: 12 octombrie 2020", "2020-10-12"),
        ("Publisert 3. desember 2019", "2019-12-03"),
        ("Publicerad 14 augusti 2018", "2018-08-14"),
        ("Diterbitkan 17 Agustus 2022", "2022-08-17"),
        ("Опубліковано 5 березня 2021", "2021-03-05"),
        ("Δημοσιεύθηκε 5 Μαΐου 2021", "2021-05-05"),
        ("Zveřejněno 7. listopadu 2023", "2023-11-07"),
    ] {
        assert_eq!(day(written).as_deref(), Some(read), "{written}");
    }
    // the signs of year, month and day must all be there
    assert_eq!(day("2019年6月"), None);
}

#[test]
fn hyphenated_numeric_dates_are_day_first() {
    let day = |s: &str| day_of(crate::extract::dates::parse_text(s));
    assert_eq!(
        day("Data: 28-04-2021, 09:29").as_deref(),
        Some("2021-04-28")
    );
    // day first even on an English page's byline, as with dots
    assert_eq!(day("Jane Doe 02-12-2025").as_deref(), Some("2025-12-02"));
    // a hyphen on one side only is a range or a code, not a date
    assert_eq!(day("pages 12-14/2021"), None);
    assert_eq!(day("see 3.4-2021"), None);
}

#[test]
fn a_script_date_written_day_first_with_hyphens_is_read() {
    let html = r#"<html><head><script>window.page = {"author":"Ana Rojas","publishDate":"04-05-2022"};</script></head><body><h1>Cambios en la ley de pesca</h1><p>El congreso aprobó ayer los cambios a la ley de pesca, que entran en vigor el próximo mes.</p></body></html>"#;
    let got = extract(html.as_bytes(), Some(STORY), None).published;
    assert_eq!(day_of(got).as_deref(), Some("2022-05-04"));
}

#[test]
fn comment_section_headings() {
    use crate::extract::dates::comments_heading;
    for heading in [
        "12 Comments",
        "One comment",
        "Kommentare (4)",
        "3 thoughts on “Growing tomatoes”",
        "One thought on “Growing tomatoes”",
        "Leave a Reply",
        "Comentarios: 7",
    ] {
        assert!(comments_heading(heading), "{heading}");
    }
    for line in [
        "Comments are closed for maintenance",
        "No comments yet? Write one",
        "Reply",
    ] {
        assert!(!comments_heading(line), "{line}");
    }
}
