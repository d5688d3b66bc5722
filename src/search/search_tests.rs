//! Tests of search over a small index built in a temporary directory.

use chrono::{DateTime, Utc};

use super::*;
use crate::extract::Article;
use crate::index::StoredArticle;

pub(crate) fn article(
    url: &str,
    title: &str,
    published: Option<&str>,
    text: &str,
) -> StoredArticle {
    StoredArticle {
        id: crate::identity::article_id(url),
        article: Article {
            url: Some(url.to_string()),
            title: Some(title.to_string()),
            site: crate::identity::site_of(url),
            published: published.map(|p| DateTime::parse_from_rfc3339(p).unwrap()),
            lang: Some("en".into()),
            text: text.to_string(),
            ..Article::default()
        },
        fetched_at: Utc::now(),
        http_status: 200,
        location: None,
    }
}

pub(crate) fn corpus() -> (tempfile::TempDir, Index) {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    let mut a = article(
        "https://www.daily.example/2024/10/05/talks",
        "Kremlin denies secret talks",
        Some("2024-10-05T09:00:00+03:00"),
        "Officials said the secret talks took place in Geneva.\n\nThe spokesman, Dmitry Peskóv, declined to comment on the state of the negotiations.",
    );
    a.article.authors = vec!["Jane Doe".into(), "Ann O'Neil".into()];
    a.article.tags = vec!["Diplomacy".into(), "Climate Change".into()];
    a.article.section = Some("World".into());
    w.upsert(&a).unwrap();
    w.upsert(&article(
        "https://news.harbor.example/2024/10/31/climate",
        "Climate changes the harbour",
        Some("2024-10-31T23:30:00-05:00"),
        "Climate change is changing the harbour, says the mayor. Talks are planned.",
    ))
    .unwrap();
    w.upsert(&article(
        "https://harbor.example/2024/11/01/state",
        "State of the union",
        Some("2024-11-01T08:00:00+00:00"),
        "The state of the economy is the topic. Politicians and politics, U.S. policy, e-mail.",
    ))
    .unwrap();
    w.upsert(&article(
        "https://other.example/undated",
        "An undated note",
        None,
        "Nothing about secret matters here, only talks.",
    ))
    .unwrap();
    w.commit().unwrap();
    (dir, index)
}

fn run(index: &Index, query: &str) -> Vec<String> {
    let request = SearchRequest {
        query: query.into(),
        limit: 10,
        ..Default::default()
    };
    let mut urls: Vec<String> = search(index, &request)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.url)
        .collect();
    urls.sort();
    urls
}

pub(crate) fn hosts(index: &Index, query: &str) -> Vec<String> {
    let mut hosts: Vec<String> = run(index, query)
        .into_iter()
        .map(|u| crate::identity::site_of(&u).unwrap())
        .collect();
    hosts.sort();
    hosts
}

#[test]
fn all_words_required_and_phrases_exact() {
    let (_d, index) = corpus();
    assert_eq!(
        hosts(&index, "secret talks"),
        ["daily.example", "other.example"]
    );
    assert_eq!(hosts(&index, "\"secret talks\""), ["daily.example"]);
    // Stemmed words find other forms; the phrase stays exact.
    assert_eq!(hosts(&index, "climate changing"), ["news.harbor.example"]);
    assert_eq!(
        hosts(&index, "\"climate changes\""),
        ["news.harbor.example"]
    );
    assert_eq!(hosts(&index, "\"climate change\""), ["news.harbor.example"]);
    assert_eq!(hosts(&index, "\"changes climate\""), Vec::<String>::new());
}

#[test]
fn stopword_phrases_and_punctuation() {
    let (_d, index) = corpus();
    assert_eq!(
        hosts(&index, "\"of the\""),
        ["daily.example", "harbor.example"]
    );
    assert_eq!(
        hosts(&index, "\"state of the economy\""),
        ["harbor.example"]
    );
    assert_eq!(hosts(&index, "\"state of the union\""), ["harbor.example"]);
    // Punctuation between words does not break a phrase.
    assert_eq!(
        hosts(&index, "\"said the mayor talks\""),
        Vec::<String>::new()
    );
    assert_eq!(
        hosts(&index, "\"harbour says the mayor\""),
        ["news.harbor.example"]
    );
    assert_eq!(hosts(&index, "U.S."), ["harbor.example"]);
    assert_eq!(hosts(&index, "\"says mayor\"~1"), ["news.harbor.example"]);
}

#[test]
fn operators() {
    let (_d, index) = corpus();
    assert_eq!(
        hosts(&index, "geneva OR mayor"),
        ["daily.example", "news.harbor.example"]
    );
    assert_eq!(hosts(&index, "talks -secret"), ["news.harbor.example"]);
    assert_eq!(
        hosts(&index, "talks NOT (geneva OR mayor)"),
        ["other.example"]
    );
    assert_eq!(hosts(&index, "-talks"), ["harbor.example"]);
    assert_eq!(hosts(&index, "polit*"), ["harbor.example"]);
    assert_eq!(hosts(&index, "genewa~1"), ["daily.example"]);
    assert_eq!(hosts(&index, "\"climate cha\"*"), ["news.harbor.example"]);
    // Accents fold both ways.
    assert_eq!(hosts(&index, "peskov"), ["daily.example"]);
    assert_eq!(hosts(&index, "\"dmitry peskóv\""), ["daily.example"]);
}

#[test]
fn field_queries() {
    let (_d, index) = corpus();
    assert_eq!(hosts(&index, "title:kremlin"), ["daily.example"]);
    assert_eq!(hosts(&index, "title:geneva"), Vec::<String>::new());
    assert_eq!(hosts(&index, "author:doe"), ["daily.example"]);
    assert_eq!(hosts(&index, "author:\"jane doe\""), ["daily.example"]);
    assert_eq!(hosts(&index, "author:\"o'neil\""), ["daily.example"]);
    assert_eq!(
        hosts(&index, "site:harbor.example"),
        ["harbor.example", "news.harbor.example"]
    );
    assert_eq!(
        hosts(&index, "site:news.harbor.example"),
        ["news.harbor.example"]
    );
    assert_eq!(hosts(&index, "site:www.daily.example"), ["daily.example"]);
    assert_eq!(hosts(&index, "tag:diplomacy"), ["daily.example"]);
    assert_eq!(hosts(&index, "tag:\"climate change\""), ["daily.example"]);
    assert_eq!(hosts(&index, "section:world"), ["daily.example"]);
    assert_eq!(hosts(&index, "lang:en talks").len(), 3);
    assert_eq!(hosts(&index, "url:undated"), ["other.example"]);
    assert_eq!(
        hosts(&index, "title:(kremlin OR union)"),
        ["daily.example", "harbor.example"]
    );
}

#[test]
fn date_ranges_use_the_articles_own_day() {
    let (_d, index) = corpus();
    // 2024-10-31T23:30-05:00 is 2024-11-01 in UTC but October 31 where it was published.
    assert_eq!(
        hosts(&index, "published:[2024-10-01 TO 2024-10-31]"),
        ["daily.example", "news.harbor.example"]
    );
    assert_eq!(hosts(&index, "published:2024-11"), ["harbor.example"]);
    assert_eq!(
        hosts(&index, "published:>=2024-10-31"),
        ["harbor.example", "news.harbor.example"]
    );
    assert_eq!(
        hosts(&index, "talks published:{2024-10-05 TO *]"),
        ["news.harbor.example"]
    );
    let request = SearchRequest {
        query: "talks".into(),
        limit: 10,
        since: NaiveDate::from_ymd_opt(2024, 10, 6),
        until: NaiveDate::from_ymd_opt(2024, 10, 31),
        ..Default::default()
    };
    let r = search(&index, &request).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].site.as_deref(), Some("news.harbor.example"));
}

#[test]
fn site_filter_includes_subdomains() {
    let (_d, index) = corpus();
    let request = SearchRequest {
        query: "the".into(),
        limit: 10,
        site: Some("https://www.harbor.example/".into()),
        ..Default::default()
    };
    assert_eq!(search(&index, &request).unwrap().total, 2);
}

#[test]
fn sorting_offset_limit_and_total() {
    let (_d, index) = corpus();
    let ask = |sort, offset, limit| SearchRequest {
        query: "talks OR state OR note".into(),
        limit,
        offset,
        sort,
        ..Default::default()
    };
    let sites = |r: SearchResults| {
        r.hits
            .into_iter()
            .map(|h| h.site.unwrap())
            .collect::<Vec<_>>()
    };
    let newest = search(&index, &ask(Sort::Newest, 0, 10)).unwrap();
    assert_eq!(newest.total, 4);
    assert!(
        newest.hits.iter().all(|h| h.score > 0.0),
        "date orders still report scores"
    );
    assert_eq!(
        sites(newest),
        [
            "harbor.example",
            "news.harbor.example",
            "daily.example",
            "other.example"
        ]
    );
    assert_eq!(
        sites(search(&index, &ask(Sort::Oldest, 0, 10)).unwrap()),
        [
            "daily.example",
            "news.harbor.example",
            "harbor.example",
            "other.example"
        ]
    );
    let page = search(&index, &ask(Sort::Oldest, 1, 2)).unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(sites(page), ["news.harbor.example", "harbor.example"]);
    let relevance = search(&index, &ask(Sort::Relevance, 0, 10)).unwrap();
    assert!(relevance.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let count = search(&index, &ask(Sort::Relevance, 0, 0)).unwrap();
    assert_eq!((count.total, count.hits.len()), (4, 0));
}

#[test]
fn equal_dates_have_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    let urls: Vec<String> = (0..6).map(|i| format!("https://t.example/{i}")).collect();
    for url in &urls {
        w.upsert(&article(
            url,
            "Same",
            Some("2024-01-01T00:00:00Z"),
            "same words",
        ))
        .unwrap();
        w.commit().unwrap();
    }
    let request = SearchRequest {
        query: "same".into(),
        limit: 10,
        sort: Sort::Newest,
        ..Default::default()
    };
    let first: Vec<String> = search(&index, &request)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    let mut expected = first.clone();
    expected.sort_by_key(|id| std::cmp::Reverse(crate::index::document::id_bits(id)));
    assert_eq!(first, expected, "ties broken by id");
    w.optimize().unwrap();
    let again: Vec<String> = search(&index, &request)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(first, again, "same order after merging segments");
}

#[test]
fn malformed_queries_are_errors_with_positions() {
    let (_d, index) = corpus();
    for q in [
        "\"secret talks",
        "(a b",
        "a OR",
        "nosuch:field",
        "published:[2024-99-01 TO 2025]",
        "&&&",
    ] {
        let request = SearchRequest {
            query: q.into(),
            limit: 10,
            ..Default::default()
        };
        match search(&index, &request) {
            Err(SearchError::Query { message, .. }) => {
                assert!(!message.contains('\n'), "{message}")
            }
            other => panic!("{q}: expected a query error, got {other:?}"),
        }
    }
}

#[test]
fn snippets_highlight_phrases_as_spans() {
    let (_d, index) = corpus();
    let request = SearchRequest {
        query: "\"secret talks\" geneva".into(),
        limit: 10,
        ..Default::default()
    };
    let hit = &search(&index, &request).unwrap().hits[0];
    let s = &hit.snippet;
    let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(marked, ["secret talks", "Geneva"]);
    assert!(!s.text.contains('\n'));
}

#[test]
fn facets_count_sites_calendar_months_authors_and_languages() {
    use super::facet::{Bucket, Facet, facet};
    let (_d, index) = corpus();
    let request = SearchRequest {
        query: "talks OR state".into(),
        ..Default::default()
    };
    let b = |v: &str, c: u64| Bucket {
        value: v.into(),
        count: c,
    };
    let months = facet(&index, &request, Facet::Month).unwrap();
    // October 31 23:30 at -05:00 counts for October, not November.
    assert_eq!(months.buckets, [b("2024-10", 2), b("2024-11", 1)]);
    assert_eq!((months.total, months.missing), (4, 1));
    let sites = facet(&index, &request, Facet::Site).unwrap();
    assert_eq!(sites.buckets.len(), 4);
    let authors = facet(&index, &request, Facet::Author).unwrap();
    assert_eq!(authors.buckets, [b("Ann O'Neil", 1), b("Jane Doe", 1)]);
    assert_eq!(authors.missing, 3);
    let langs = facet(&index, &request, Facet::Lang).unwrap();
    assert_eq!(langs.buckets, [b("en", 4)]);
}
