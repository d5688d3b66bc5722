//! Metadata cascades: which source wins for each field (JSON-LD, `og:`/`article:`, Dublin Core,
//! parsely/sailthru and CMS names, `<time>`/`itemprop`, the URL, a scan of the text).

use chrono::{DateTime, FixedOffset};

use super::dates;
use super::jsonld::{self, LinkedData};
use super::walk::Page;

/// Meta names for the publication date, strongest first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "article.published",
    "published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "publication_date",
    "publication-date",
    "date_published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "article_date_original",
    CXENSE_KEY,
    "og:pubdate",
    "pdate",
    "displaydate",
    "release_date",
    "date",
    "dc.created",
    "article:post_date",
    "created",
    "timestamp",
    "bt:pubdate",
    "datecreated",
    "vr:published_time",
    "ptime",
    "published",
    "firstpublisheddate",
];

/// Cxense's (Piano's) publication time, set by the newsroom for its recommendations.
const CXENSE_KEY: &str = "cxenseparse:recs:publishtime";

/// Meta names of [`PUBLISHED_KEYS`] that say "a date" rather than "the publication".
const GENERIC_KEYS: &[&str] = &["date", "dc.date", "dcterms.date"];

/// Meta names for the last modification.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "updated_time",
    "modified_time",
    "article.updated",
    "lastupdated",
    "utime",
    "revised",
    "dateupdate",
];

/// The value of the first meta whose name is `key`.
pub fn meta<'p>(page: &'p Page, key: &str) -> Option<&'p str> {
    page.metas
        .iter()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// Every value of metas named `key`.
pub fn metas<'p>(page: &'p Page, key: &'p str) -> impl Iterator<Item = &'p str> {
    page.metas
        .iter()
        .filter(move |(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// A date printed in a header: the day, whether it is labelled as an update, and the text it
/// was read from.
type Printed<'p> = (DateTime<FixedOffset>, bool, &'p str);

/// The dates written in the header of the `<h1>` whose block is `at`, in reading order: those of
/// the short blocks and date-marked elements right after the `<h1>`, then of the few before it.
fn header_dates(page: &Page, at: usize) -> impl Iterator<Item = Printed<'_>> {
    let read_block = move |i: usize| {
        let text = page.blocks[i].text.as_str();
        (text.len() < 100)
            .then(|| dates::published_in_text(text))
            .flatten()
            .map(|(d, up)| (d, up, text))
    };
    // the date-marked elements found while the walk stood at block `i`
    let read_hints = move |i: usize| {
        // a publication element before a modification one at the same place
        let at_block = || {
            page.dates
                .iter()
                .filter(move |h| h.at as usize == i && h.value.len() < 100)
        };
        at_block()
            .filter(|h| !h.modified)
            .chain(at_block().filter(|h| h.modified))
            .find_map(|h| {
                // a line too long to be read as one date, such as "Updated November 11, 2022
                // 8:23 PM ET Originally published November 9, 2022", by its publication label
                let d = dates::parse_machine(&h.value).or_else(|| {
                    (!h.modified)
                        .then(|| dates::labelled_published(&h.value))
                        .flatten()
                })?;
                if h.modified {
                    return Some((d, true, h.value.as_str()));
                }
                let (d, up) = dates::published_in_text(&h.value).unwrap_or((d, false));
                Some((d, up, h.value.as_str()))
            })
    };
    // a line giving the article's age ("vor 5 Stunden", "3 hours ago") is its date: the dates
    // after it (a quotation's, a list's) are others'
    let end = (at + 1..(at + 9).min(page.blocks.len()))
        .find(|&i| page.blocks[i].text.len() < 100 && dates::relative_age(&page.blocks[i].text))
        .unwrap_or((at + 9).min(page.blocks.len()));
    let after = (at + 1..end).flat_map(move |i| [read_hints(i), read_block(i)]);
    let before = (at.saturating_sub(4)..at)
        .rev()
        .flat_map(move |i| [read_hints(i + 1), read_block(i)]);
    after.chain(before).flatten()
}

/// The date written in the header of the `<h1>` whose block is `at`: the first date in a short block (or a date-marked
/// element) right after the `<h1>` (or just before it), where pages print "Published …", "Oct 5,
/// 2024", "12.12.2025". An "Updated …" date yields to a publication date elsewhere in the header;
/// alone, it is the date the page stands by.
fn header_date_at(page: &Page, at: usize) -> Option<Printed<'_>> {
    let mut update = None;
    for found in header_dates(page, at) {
        match found {
            (d, false, text) => return Some((d, false, text)),
            found => update = update.or(Some(found)),
        }
    }
    update
}

/// The publication date cascade. A date printed in the article's header wins over the metadata
/// when they disagree by more than a day (the page shows the date it stands by; a day's
/// difference is a time zone); then JSON-LD, metas, `<time>`/`itemprop`, the URL, a dateline,
/// the declared modification, and a scan of the page's short blocks.
pub fn published(
    page: &Page,
    ld: &LinkedData,
    url: Option<&str>,
    script: Option<&str>,
) -> Option<DateTime<FixedOffset>> {
    // "This article was originally published on 26 Sep 2019 … but has been regularly updated"
    if let Some(d) = originally_published(page) {
        return Some(d);
    }
    let found = published_meta(page, ld, url, script)
        .map(|d| own_offset(page, ld, d))
        .map(|d| if english(page) { d } else { local_midnight(d) })
        .map(|d| url_day(d, url));
    if let Some((h, update, text)) = page
        .headline_block()
        .and_then(|at| header_date_at(page, at))
    {
        let h = us_order(page, text, h);
        return match found {
            Some(f) if f.date_naive() == h.date_naive() => Some(f),
            Some(f) if american_evening(page, f, h) => Some(f),
            Some(f) if image_of_the_day(page, ld, f, h) => Some(f),
            Some(f) if !update && site_clock(page, ld, f, h, text) => Some(f),
            Some(f)
                if dates::swapped_numeric(text, h.date_naive(), f.date_naive(), english(page)) =>
            {
                Some(f)
            }
            Some(f) if open_graph_republished(page, ld, f, h) => Some(f),
            Some(f) if !update && after_last_change(page, ld, f, h) => Some(f),
            Some(f) if !update && url_confirms(url, f, h, text) => Some(f),
            // the header prints the declared day too (the first date read is another one's)
            Some(f) if printed_in_header(page, f) => Some(f),
            _ => Some(h),
        };
    }
    // a dateline under the headline is the page's own word against a date-named element's
    if found.is_some()
        && only_weak_element(page, ld, script)
        && let Some(d) = dateline(page)
    {
        return Some(d);
    }
    found
        .or_else(|| dateline(page))
        .or_else(|| later_header_date(page))
        // the metadata's word on the last change outweighs the first date of any short block
        .or_else(|| {
            declared_modified(page, ld).map(|d| if english(page) { d } else { local_midnight(d) })
        })
        .or_else(|| text_scan(page))
        .or_else(|| {
            before_comments(page)
                .iter()
                .take(3000)
                .find_map(block_dateline)
        })
}

/// Whether the page says it is in English (`lang="en"`, `"en-US"`, `"en-GB"`…).
fn english(page: &Page) -> bool {
    page.html_lang
        .as_deref()
        .is_some_and(|l| l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")))
}

/// On an English page, a UTC timestamp in the first hours of a day whose eve the header prints
/// ("December 9, 2021" beside "2021-12-10T02:17:00+00:00"): the printed day is the writer's
/// evening west of Greenwich, and the page's declared day is the UTC one.
fn american_evening(
    page: &Page,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
) -> bool {
    use chrono::Timelike;
    let secs = declared.num_seconds_from_midnight();
    english(page)
        && declared.offset().local_minus_utc() == 0
        && secs > 0
        && secs < 3 * 3600
        && (declared.date_naive() - printed.date_naive()).num_days() == 1
}

/// A printed header date more than a day (on pages not in English: two months) after the
/// declared publication, on a page whose featured image (`og:image`, the JSON-LD article's
/// `image` or `thumbnailUrl`) was uploaded in the declared publication's month
/// (".../wp-content/uploads/2024/08/…" beside `datePublished` 2024-08-01): the page was written
/// then, and the printed date is a refresh of an evergreen guide. Only where
/// `article:published_time` declares the publication too.
fn image_of_the_day(
    page: &Page,
    ld: &LinkedData,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
) -> bool {
    use chrono::Datelike;
    // a site that declares only the modification in its Open Graph metas stands by it; on
    // pages not in English a refresh within two months is taken as the page's new day
    let least = if english(page) { 1 } else { 60 };
    if (printed.date_naive() - declared.date_naive()).num_days() <= least
        || meta(page, "article:published_time").is_none()
    {
        return false;
    }
    let month = format!("/{:04}/{:02}/", declared.year(), declared.month());
    let article = ld.article();
    let ld_images = ["image", "thumbnailUrl"]
        .into_iter()
        .filter_map(|k| article.and_then(|a| a.get(k)).and_then(image_url));
    meta(page, "og:image")
        .into_iter()
        .chain(ld_images)
        .any(|u| u.contains(&month))
}

/// The address of a JSON-LD image: a string, an `ImageObject`'s `url`, the first of an array.
fn image_url(v: &serde_json::Value) -> Option<&str> {
    match v {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Object(o) => o.get("url").and_then(image_url),
        serde_json::Value::Array(a) => a.first().and_then(image_url),
        _ => None,
    }
}

/// A printed header line that is only a weekday and a date ("Mittwoch, 26.02.2020"), more than a
/// day after the declared publication, on a page that declares no modification: the site's
/// clock of today, above the headline. (With a declared modification, `after_last_change`
/// decides; an updated article prints its new day with the weekday too.)
fn site_clock(
    page: &Page,
    ld: &LinkedData,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
    printed_in: &str,
) -> bool {
    (printed.date_naive() - declared.date_naive()).num_days() > 1
        && dates::weekday_only(printed_in)
        && modified(page, ld).is_none()
}

/// A block that says when the page was first published ("This article was originally published
/// on 26 Sep 2019 at 4:12pm but has been regularly updated").
fn originally_published(page: &Page) -> Option<DateTime<FixedOffset>> {
    page.blocks
        .iter()
        .take(3000)
        .find_map(|b| dates::originally_published(&b.text))
}

/// Whether the page declares no publication date and the body's best date element is one only
/// its class names a date ("02.12.2022, 15:57:32" in a `date` box: often when the page was
/// changed), no `<time>` nor `itemprop`.
fn only_weak_element(page: &Page, ld: &LinkedData, script: Option<&str>) -> bool {
    dom_best(page, false).is_some_and(|(strength, _)| strength < 6)
        && declared_meta(page, ld, script).is_none()
}

/// Whether the day `d` is printed, not as an update, in the header of the page's first `<h1>`.
fn printed_in_header(page: &Page, d: DateTime<FixedOffset>) -> bool {
    page.headline_block().is_some_and(|at| {
        header_dates(page, at).any(|(p, up, _)| !up && p.date_naive() == d.date_naive())
    })
}

/// A date within the first 40 bytes of a block ("01.02.2022 „Der Arbeitsmarkt …", "27.1.2022 -
/// Bei der Erinnerung …"), not labelled as an update.
fn block_dateline(b: &super::walk::Block) -> Option<DateTime<FixedOffset>> {
    let mut cut = 40.min(b.text.len());
    while !b.text.is_char_boundary(cut) {
        cut -= 1;
    }
    dates::published_in_text(&b.text[..cut])
        .filter(|(_, update)| !update)
        .map(|(d, _)| d)
}

/// On a page that declares no date, where the first `<h1>` is a screen-reader heading
/// ("Navigation und Service") and the headline is a later `<h1>`: the date in the header of the
/// next `<h1>`s.
fn later_header_date(page: &Page) -> Option<DateTime<FixedOffset>> {
    page.h1_blocks()
        .skip(1)
        .take(2)
        .find_map(|i| header_date_at(page, i))
        .map(|(d, ..)| d)
}

/// A dateline opening a long block just after the `<h1>` ("Pressemitteilung vom 25. Januar 2022 |
/// Berlin – …", "01.02.2022 „Der Arbeitsmarkt …"), for pages that declare no date: the date
/// must start within the block's first 40 bytes.
fn dateline(page: &Page) -> Option<DateTime<FixedOffset>> {
    let at = page.headline_block()?;
    page.blocks[at + 1..]
        .iter()
        .take(4)
        .find_map(block_dateline)
}

/// On a page whose publication date is declared by `article:published_time` and not by a
/// JSON-LD article, a printed header date that is the declared modification, more than a day
/// later, is a re-dated evergreen page: the declared publication stands. (With a JSON-LD
/// article the gold follows the printed date about as often as not, see docs/extraction.md.)
fn open_graph_republished(
    page: &Page,
    ld: &LinkedData,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
) -> bool {
    ld.article().and_then(|a| a.get("datePublished")).is_none()
        && meta(page, "article:published_time").is_some()
        && (printed.date_naive() - declared.date_naive()).num_days() > 1
        && modified(page, ld).is_some_and(|m| m.date_naive() == printed.date_naive())
}

/// A printed header date more than a day after both the declared publication and the declared
/// modification is not when the page was written: an event it announces ("Ab 1. März 2024 …",
/// "Termin: 21.02.2020"), a date in its text.
fn after_last_change(
    page: &Page,
    ld: &LinkedData,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
) -> bool {
    modified(page, ld).is_some_and(|m| {
        let last = m.date_naive().max(declared.date_naive());
        (printed.date_naive() - last).num_days() > 1
    })
}

/// The URL's path names the declared day, and the printed header date, more than a day away from
/// it and in a line that does not speak of an update, is a third date: two sources outweigh one
/// ("November 26 – December 3, 2025" in the text under the headline).
fn url_confirms(
    url: Option<&str>,
    declared: DateTime<FixedOffset>,
    printed: DateTime<FixedOffset>,
    printed_in: &str,
) -> bool {
    (printed.date_naive() - declared.date_naive())
        .num_days()
        .abs()
        > 1
        && !dates::mentions_update(printed_in)
        && url
            .and_then(dates::from_url)
            .is_some_and(|u| u.date_naive() == declared.date_naive())
}

/// A UTC timestamp that another declared date of the page gives as the same instant in its own
/// offset ("2019-10-18T22:04:00Z" in JSON-LD, "Sat, 19 Oct 2019 00:04:00 +0200" in a meta) is
/// given back in that offset, so the page's own day.
fn own_offset(page: &Page, ld: &LinkedData, d: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    if d.offset().local_minus_utc() != 0 {
        return d;
    }
    let ld_dates = [ld.article(), ld.webpage()]
        .into_iter()
        .flatten()
        .filter_map(|a| jsonld::text(a.get("datePublished")));
    let meta_dates = PUBLISHED_KEYS
        .iter()
        .filter_map(|k| meta(page, k))
        .map(str::to_string);
    ld_dates
        .chain(meta_dates)
        .filter_map(|s| dates::parse_machine(&s))
        .find(|o| o.offset().local_minus_utc() != 0 && (o.timestamp() - d.timestamp()).abs() <= 60)
        .map_or(d, |o| d.with_timezone(o.offset()))
}

/// The day in the page's URL path, when it says the declared date is not the page's own: a UTC
/// timestamp a day after it is the evening before in the writer's zone (".../2025/12/18/…" with
/// "2025-12-19T02:41:41+00:00"), and a declared date more than a month after it is a
/// republication (the path keeps the day the address was made).
fn url_day(d: DateTime<FixedOffset>, url: Option<&str>) -> DateTime<FixedOffset> {
    let Some(u) = url.and_then(dates::from_url) else {
        return d;
    };
    let gap = (d.date_naive() - u.date_naive()).num_days();
    if (gap == 1 && d.offset().local_minus_utc() == 0) || gap > 30 {
        u
    } else {
        d
    }
}

/// A UTC timestamp at exactly 22:00 or 23:00 is a date-only value stored as midnight in a
/// European time zone: it is given back at that midnight (the same instant, +02:00 / +01:00).
/// Not on English pages: their sites are mostly American, and such a value is their UTC day.
fn local_midnight(d: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Timelike;
    let t = d.time();
    if d.offset().local_minus_utc() != 0
        || t.minute() != 0
        || t.second() != 0
        || t.nanosecond() != 0
    {
        return d;
    }
    let east = match t.hour() {
        22 => 2,
        23 => 1,
        _ => return d,
    };
    FixedOffset::east_opt(east * 3600).map_or(d, |o| d.with_timezone(&o))
}

/// The declared publication date: JSON-LD, metas, a publication key in a script's JSON
/// (`script`, found by the pruning), the body's date elements, the URL.
fn published_meta(
    page: &Page,
    ld: &LinkedData,
    url: Option<&str>,
    script: Option<&str>,
) -> Option<DateTime<FixedOffset>> {
    let declared = relabelled_ld(page, ld).or_else(|| declared_meta(page, ld, script));
    // 1 January at midnight is often a year-only value ("01/01/2004"): the body's date elements,
    // the URL's day and a modification in that year, when there are any, are more precise
    declared
        .filter(|d| !new_year_midnight(*d))
        .or_else(|| dom_date(page, false))
        .or_else(|| url.and_then(dates::from_url))
        .or_else(|| {
            use chrono::Datelike;
            let year = declared?.year();
            modified(page, ld).filter(|m| m.year() == year)
        })
        .or(declared)
}

/// A JSON-LD article whose `datePublished` is its `dateModified` to the character was stamped
/// when the page was last saved: a date element of the body labelled as the publication
/// ("Published August 13, 2025"), more than a day away, is the page's own.
fn relabelled_ld(page: &Page, ld: &LinkedData) -> Option<DateTime<FixedOffset>> {
    let a = ld.article()?;
    let p = jsonld::text(a.get("datePublished"))?;
    if jsonld::text(a.get("dateModified")).as_deref() != Some(p.as_str()) {
        return None;
    }
    let stamped = dates::parse_machine(&p)?;
    page.dates
        .iter()
        .filter(|h| !h.modified)
        .find_map(|h| dates::labelled_published(&h.value))
        .filter(|d| (d.date_naive() - stamped.date_naive()).num_days().abs() > 1)
}

/// Whether a date is 1 January at midnight: 00:00:00, or a whole hour of the morning in UTC or
/// without a zone ("2025-01-01T03:00:00", midnight in a zone west of Greenwich).
fn new_year_midnight(d: DateTime<FixedOffset>) -> bool {
    use chrono::{Datelike, Timelike};
    let t = d.time();
    let hour_ok = t.hour() == 0 || (t.hour() <= 12 && d.offset().local_minus_utc() == 0);
    (d.month(), d.day()) == (1, 1)
        && hour_ok
        && (t.minute(), t.second(), t.nanosecond()) == (0, 0, 0)
}

/// The publication date the page's metadata declares (JSON-LD, metas, a script's JSON).
fn declared_meta(
    page: &Page,
    ld: &LinkedData,
    script: Option<&str>,
) -> Option<DateTime<FixedOffset>> {
    let from_ld = |o: Option<&serde_json::Value>| {
        o.and_then(|a| {
            jsonld::text(a.get("datePublished")).or_else(|| jsonld::text(a.get("dateCreated")))
        })
        .and_then(|s| dates::parse_machine(&s))
    };
    // Cxense's publication time (the recommendation engine's, which the site sets in its own
    // zone) is the newsroom's: JSON-LD often holds a creation stamp or a zone-less value
    // hours before it, on the day before
    meta(page, CXENSE_KEY)
        .and_then(dates::parse_machine)
        .or_else(|| {
            from_ld(ld.article()).map(|a| webpage_instant(a, from_ld(ld.webpage())).unwrap_or(a))
        })
        .or_else(|| {
            let (key, d) = PUBLISHED_KEYS
                .iter()
                .find_map(|k| Some((*k, meta(page, k).and_then(dates::parse_machine)?)))?;
            // a bare "date" meta is often the day the page was rendered or changed: `<time>`
            // or `itemprop` elements of the body that all name one day are more specific (several
            // days are a list of other articles)
            if GENERIC_KEYS.contains(&key)
                && let Some(body) = one_marked_day(page)
            {
                return Some(body);
            }
            Some(d)
        })
        .or_else(|| from_ld(ld.webpage()))
        .or_else(|| from_ld(ld.other_work()))
        .or_else(|| {
            // JSON-LD written into a meta by a framework: `<meta name="script:ld+json" content="{…}">`
            let j = meta(page, "script:ld+json")?;
            from_ld(LinkedData::parse(&[j.to_string()]).article())
        })
        .or_else(|| prefixed_meta(page))
        .or_else(|| script.and_then(dates::parse_machine))
}

/// A date-only JSON-LD article value (00:00:00) and the WebPage object's instant a day or so
/// later ("2023-05-17T00:00:00+0000" beside "2023-05-18T04:39:05+00:00"): the article's day was
/// cut from that instant in another zone, and the instant is the page's.
fn webpage_instant(
    article: DateTime<FixedOffset>,
    webpage: Option<DateTime<FixedOffset>>,
) -> Option<DateTime<FixedOffset>> {
    use chrono::Timelike;
    let w = webpage.filter(|_| article.num_seconds_from_midnight() == 0)?;
    let after = w.timestamp() - article.timestamp();
    (w.num_seconds_from_midnight() != 0 && (86_400..2 * 86_400).contains(&after)).then_some(w)
}

/// A site's own prefix on a publication key ("w-published-date", "xyz:publish_date").
fn prefixed_meta(page: &Page) -> Option<DateTime<FixedOffset>> {
    const SUFFIXES: &[&str] = &[
        "published-date",
        "published_date",
        "publish-date",
        "publish_date",
        "publishdate",
        "published_time",
        "publishtime",
    ];
    page.metas
        .iter()
        .filter(|(k, _)| {
            SUFFIXES.iter().any(|s| {
                k.strip_suffix(s)
                    .is_some_and(|p| p.ends_with(['-', '_', ':', '.']))
            })
        })
        .find_map(|(_, v)| dates::parse_machine(v))
}

/// The modification date the page's metadata declares (JSON-LD, metas), not a date element.
fn declared_modified(page: &Page, ld: &LinkedData) -> Option<DateTime<FixedOffset>> {
    ld.article()
        .and_then(|a| jsonld::text(a.get("dateModified")))
        .and_then(|s| dates::parse_machine(&s))
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .find_map(|k| meta(page, k).and_then(dates::parse_machine))
        })
}

/// The modification date cascade.
pub fn modified(page: &Page, ld: &LinkedData) -> Option<DateTime<FixedOffset>> {
    declared_modified(page, ld).or_else(|| dom_date(page, true))
}

/// The strongest date-bearing element of the body (the first among equals: lists of other
/// articles, with their own dates, come after the article's own).
fn dom_date(page: &Page, modified: bool) -> Option<DateTime<FixedOffset>> {
    dom_best(page, modified).map(|(_, d)| d)
}

/// [`dom_date`] with the strength of its element.
fn dom_best(page: &Page, modified: bool) -> Option<(u8, DateTime<FixedOffset>)> {
    let mut best: Option<(u8, DateTime<FixedOffset>)> = None;
    for h in page.dates.iter().filter(|h| h.modified == modified) {
        let Some(d) = dates::parse_machine(&h.value).map(|d| us_order(page, &h.value, d)) else {
            continue;
        };
        if h.strength < 6 && dates::not_publication(&h.value) {
            continue;
        }
        best = match best {
            Some((s, b)) if s >= h.strength => Some((s, b)),
            _ => Some((h.strength, d)),
        };
    }
    best
}

/// A date read from `text` on a page in American English ("en", "en-US"): a slashed date both
/// of whose numbers could be the month ("3/4/2025") is month first there, unless the page's
/// other date elements put the day before a month's name ("16 February 2026": British).
fn us_order(page: &Page, text: &str, d: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let m = dates::month_first(text, d);
    let us = || {
        page.html_lang
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case("en") || l.eq_ignore_ascii_case("en-us"))
    };
    if m == d || !us() || page.dates.iter().any(|h| dates::day_before_month(&h.value)) {
        return d;
    }
    m
}

/// The publication date of the body's `<time>`, `itemprop` and `abbr` elements, when they all
/// name the same day.
fn one_marked_day(page: &Page) -> Option<DateTime<FixedOffset>> {
    let mut marked = page
        .dates
        .iter()
        .filter(|h| !h.modified && h.strength >= 6)
        .filter_map(|h| dates::parse_machine(&h.value));
    let first = marked.next()?;
    marked
        .all(|d| d.date_naive() == first.date_naive())
        .then_some(first)
}

/// The blocks before a comment section's heading after the headline ("12 Comments", "Leave a
/// Reply"), for the scans of the text: a commenter's date is not the article's.
fn before_comments(page: &Page) -> &[super::walk::Block] {
    let from = page.headline_block().map_or(0, |h| h + 1);
    let end = page
        .blocks
        .iter()
        .skip(from)
        .position(|b| dates::comments_heading(&b.text))
        .map_or(page.blocks.len(), |i| from + i);
    &page.blocks[..end]
}

/// Last resort: the first date written in a short block of the page (sites whose menus run to
/// hundreds of links print the article's date after them).
fn text_scan(page: &Page) -> Option<DateTime<FixedOffset>> {
    let blocks = before_comments(page);
    let short = |len: usize| blocks.iter().filter(move |b| b.text.len() < len).take(3000);
    // a date labelled as the publication ("Erschienen am: 01.11.2023" in a footer of lines) first
    short(300)
        .find_map(|b| dates::labelled_published(&b.text))
        // then a labelled month ("Last Updated: June 2022") before a site-wide footer's full date
        .or_else(|| short(60).find_map(|b| dates::labelled_month(&b.text)))
        .or_else(|| {
            short(120).find_map(|b| {
                dates::parse_text(&b.text).filter(|_| !dates::not_publication(&b.text))
            })
        })
}

/// For tuning the date rules: every source of the cascade and what it reads.
pub fn explain_dates(
    page: &Page,
    ld: &LinkedData,
    url: Option<&str>,
    script: Option<&str>,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let show = |d: Option<DateTime<FixedOffset>>| d.map_or("-".to_string(), |d| d.to_rfc3339());
    let ld_field = |o: Option<&serde_json::Value>, k: &str| o.and_then(|a| jsonld::text(a.get(k)));
    let _ = writeln!(out, "lang {:?}", page.html_lang);
    let _ = writeln!(
        out,
        "ld article published {:?} modified {:?}; webpage published {:?}",
        ld_field(ld.article(), "datePublished"),
        ld_field(ld.article(), "dateModified"),
        ld_field(ld.webpage(), "datePublished"),
    );
    for k in PUBLISHED_KEYS.iter().chain(MODIFIED_KEYS) {
        if let Some(v) = meta(page, k) {
            let _ = writeln!(out, "meta {k} = {v}");
        }
    }
    for h in &page.dates {
        let _ = writeln!(
            out,
            "dom @{} s{} mod={} {:?} -> {}",
            h.at,
            h.strength,
            h.modified,
            h.value,
            show(dates::parse_machine(&h.value))
        );
    }
    let _ = writeln!(out, "url {}", show(url.and_then(dates::from_url)));
    let _ = writeln!(
        out,
        "meta cascade {}",
        show(published_meta(page, ld, url, script))
    );
    let h = page
        .headline_block()
        .and_then(|at| header_date_at(page, at));
    let _ = writeln!(
        out,
        "header {} update={} in {:?}",
        show(h.map(|(d, ..)| d)),
        h.is_some_and(|(_, u, _)| u),
        h.map_or("", |(.., t)| t)
    );
    let _ = writeln!(out, "modified {}", show(modified(page, ld)));
    if let Some(at) = page.headline_block() {
        for b in &page.blocks[at.saturating_sub(4)..(at + 9).min(page.blocks.len())] {
            let _ = writeln!(
                out,
                "  block {:?}",
                b.text.chars().take(120).collect::<String>()
            );
        }
    }
    let _ = writeln!(out, "text scan {}", show(text_scan(page)));
    let end = before_comments(page).len();
    if let Some(b) = page.blocks.get(end) {
        let _ = writeln!(out, "comments heading @{end} {:?}", b.text);
    }
    let _ = writeln!(
        out,
        "title date {} in {:?}",
        show(page.title_tag.as_deref().and_then(dates::parse_text)),
        page.title_tag.as_deref().unwrap_or("")
    );
    for (i, b) in page.blocks.iter().enumerate() {
        if let Some((d, up)) = dates::published_in_text(&b.text) {
            let _ = writeln!(
                out,
                "  date@{i} {} upd={up} len={}",
                d.date_naive(),
                b.text.len()
            );
        }
    }
    let _ = writeln!(
        out,
        "h1 at {:?} of {}",
        page.headline_block(),
        page.blocks.len()
    );
    let _ = writeln!(out, "published {}", show(published(page, ld, url, script)));
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    fn published(html: &str) -> Option<String> {
        extract(html.as_bytes(), Some("https://news.example/story"), None)
            .published
            .map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn header_update_line_yields_to_a_printed_publication_date() {
        let html = r#"<html><head><meta property="article:published_time" content="2023-03-20T10:00:00+00:00"></head><body>
            <h1>A guide to booking flights</h1><p>Last updated on September 16th, 2023</p>
            <p>Published March 26, 2023</p><p>Booking a flight for the first time can be stressful, but it need not be.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2023-03-26"));
        let only_update = r#"<html><head><meta property="article:published_time" content="2015-04-06T10:00:00+00:00"></head><body>
            <h1>Understanding digital marketing</h1><p>Updated September 28, 2025</p>
            <p>Digital marketing is the use of the internet to reach consumers.</p></body></html>"#;
        assert_eq!(
            published(only_update).as_deref(),
            Some("2025-09-28"),
            "the only printed date"
        );
    }

    #[test]
    fn printed_header_day_wins_over_metadata_a_day_off() {
        // the metadata in UTC runs into the next day; the page prints its local day
        let html = r#"<html><head><meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head><body>
            <h1>Are evangelists in heat?</h1><p>December 18, 2025</p>
            <p>What legends can teach us about the claims made for new technology.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2025-12-18"));
    }

    #[test]
    fn utc_late_evening_on_the_hour_is_a_european_midnight() {
        let html = r#"<html><head><meta property="article:published_time" content="2022-11-06T23:00:00.000Z"></head><body>
            <h1>Provence travel guide</h1><p>Lavender fields, markets and the sea: a week in the south of France.</p></body></html>"#;
        let a = extract(html.as_bytes(), Some("https://news.example/story"), None);
        assert_eq!(
            a.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2022-11-07T00:00:00+01:00"),
            "the same instant"
        );
    }

    #[test]
    fn first_date_element_wins_over_later_lists() {
        let html = r#"<html><head></head><body><div class="post"><span class="post-date">December 17, 2025</span>
            <p>Using database systems inside other applications is nothing new, but it is spreading.</p></div>
            <aside><p class="item-date">September 8, 2025</p><p class="item-date">October 31, 2025</p></aside></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2025-12-17"));
    }

    #[test]
    fn dateline_at_the_start_of_a_long_header_block() {
        let html = r#"<html><head></head><body><h1>Schulze: Deutschland steht an der Seite des WFP</h1>
            <p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit mit dem Welternährungsprogramm soll ausgebaut werden, sagte die Ministerin.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2022-01-25"));
    }
}
