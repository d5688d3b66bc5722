//! The index as other stages use it: round trip of every stored field, replace by id, deletes,
//! stats, the walk over ids and locations, and the schema-version check.

use chrono::{DateTime, TimeZone, Utc};
use morgue::archive::RecordLocation;
use morgue::extract::Article;
use morgue::index::{Index, IndexError, StoredArticle};

fn full_article(url: &str, title: &str) -> StoredArticle {
    StoredArticle {
        id: morgue::identity::article_id(url),
        article: Article {
            url: Some(url.into()),
            canonical_url: Some(format!("{url}?canonical")),
            title: Some(title.into()),
            authors: vec!["Jane Doe".into(), "José Ñúñez".into()],
            published: Some(DateTime::parse_from_rfc3339("2024-10-05T09:15:00+03:00").unwrap()),
            modified: Some(DateTime::parse_from_rfc3339("2024-10-06T10:00:00-04:00").unwrap()),
            site: morgue::identity::site_of(url),
            site_name: Some("The Daily".into()),
            description: Some("A standfirst.".into()),
            lang: Some("en".into()),
            section: Some("World".into()),
            tags: vec!["Diplomacy".into(), "Europe".into()],
            text: "First paragraph.\n\nSecond paragraph with Ünïcode.".into(),
        },
        fetched_at: Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0).unwrap(),
        http_status: 200,
        location: Some(RecordLocation {
            file: "morgue-00001.warc.gz".into(),
            offset: 12345,
            length: 678,
        }),
    }
}

#[test]
fn every_field_round_trips_through_get() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let doc = full_article("https://www.daily.example/a", "Talks");
    let mut w = index.writer().unwrap();
    w.upsert(&doc).unwrap();
    w.commit().unwrap();
    assert_eq!(index.get(&doc.id).unwrap(), Some(doc.clone()));
    assert!(index.contains(&doc.id).unwrap());
    assert_eq!(index.get("0000000000000000").unwrap(), None);
    // A fresh handle (another process) sees the same.
    drop(w);
    let again = Index::open(dir.path()).unwrap();
    assert_eq!(again.get(&doc.id).unwrap(), Some(doc));
}

#[test]
fn empty_article_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let doc = StoredArticle {
        id: "00000000000000aa".into(),
        article: Article::default(),
        fetched_at: Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0).unwrap(),
        http_status: 404,
        location: None,
    };
    let mut w = index.writer().unwrap();
    w.upsert(&doc).unwrap();
    w.commit().unwrap();
    assert_eq!(index.get(&doc.id).unwrap(), Some(doc));
}

#[test]
fn upsert_replaces_by_id_and_delete_removes() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    let first = full_article("https://daily.example/a", "Old title");
    w.upsert(&first).unwrap();
    w.commit().unwrap();
    let mut second = full_article("https://daily.example/a", "New title");
    second.article.text = "Replaced text.".into();
    w.upsert(&second).unwrap();
    w.upsert(&full_article("https://daily.example/b", "Other"))
        .unwrap();
    w.commit().unwrap();
    assert_eq!(index.stats().unwrap().articles, 2);
    assert_eq!(
        index
            .get(&first.id)
            .unwrap()
            .unwrap()
            .article
            .title
            .as_deref(),
        Some("New title")
    );
    let ids = index.ids().unwrap();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&first.id));
    let entries = index.entries().unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.location.as_ref().is_some_and(|l| l.offset == 12345))
    );
    w.delete(&first.id);
    w.commit().unwrap();
    assert!(!index.contains(&first.id).unwrap());
    assert_eq!(index.stats().unwrap().articles, 1);
}

#[test]
fn stats_and_optimize() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    assert_eq!(index.stats().unwrap().articles, 0);
    assert_eq!(index.stats().unwrap().newest, None);
    let mut w = index.writer().unwrap();
    for (i, (site, day)) in [
        ("a.example", "2020-01-02"),
        ("news.b.example", "2024-05-06"),
        ("a.example", "2022-03-04"),
    ]
    .iter()
    .enumerate()
    {
        let mut doc = full_article(&format!("https://{site}/{i}"), "T");
        doc.article.published =
            Some(DateTime::parse_from_rfc3339(&format!("{day}T10:00:00+01:00")).unwrap());
        w.upsert(&doc).unwrap();
        w.commit().unwrap();
    }
    let stats = index.stats().unwrap();
    assert_eq!((stats.articles, stats.sites), (3, 2));
    assert_eq!(
        stats.oldest.unwrap().to_rfc3339(),
        "2020-01-02T10:00:00+01:00"
    );
    assert_eq!(
        stats.newest.unwrap().to_rfc3339(),
        "2024-05-06T10:00:00+01:00"
    );
    assert!(index.segment_count() > 1);
    w.optimize().unwrap();
    assert_eq!(index.segment_count(), 1);
    assert_eq!(index.stats().unwrap().articles, 3);
}

#[test]
fn merges_never_make_a_segment_larger_than_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    // articles of 3,000 words of their own, so that a segment's size is mostly its articles
    let article = |i: usize| {
        let mut doc = full_article(&format!("https://a.example/{i}"), "T");
        doc.article.text = (0..3000).map(|k| format!("w{i}x{k} ")).collect();
        doc
    };
    let mut w = index.writer_with_threads(1).unwrap();
    w.upsert(&article(0)).unwrap();
    w.commit().unwrap();
    let one: u64 = std::fs::read_dir(index.dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .split('.')
                .next()
                .unwrap()
                .len()
                == 32
        })
        .map(|e| e.metadata().unwrap().len())
        .sum();
    // eleven more one-article commits, then an optimize with room for about four articles
    let mut w = w.max_merged_bytes(4 * one + one / 2);
    for i in 1..12 {
        w.upsert(&article(i)).unwrap();
        w.commit().unwrap();
    }
    w.optimize().unwrap();
    let docs: Vec<u32> = index
        .searcher()
        .segment_readers()
        .iter()
        .map(|s| s.num_docs())
        .collect();
    assert!(docs.len() >= 3 && docs.iter().all(|&d| d <= 4), "{docs:?}");
    assert_eq!(index.stats().unwrap().articles, 12);
    // without the cap the same articles end in one segment
    let mut w = w.max_merged_bytes(u64::MAX);
    w.optimize().unwrap();
    assert_eq!(index.segment_count(), 1);
    assert_eq!(index.stats().unwrap().articles, 12);
}

#[test]
fn missing_and_incompatible_indexes_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let err = Index::open(&missing).unwrap_err();
    assert!(matches!(err, IndexError::Missing { .. }));
    assert!(
        err.to_string()
            .contains("run `morgue add` or `morgue import` first"),
        "{err}"
    );

    let index = Index::open_or_create(dir.path()).unwrap();
    drop(index);
    std::fs::write(
        dir.path().join(morgue::index::META_FILE),
        r#"{"schema_version": 999, "morgue_version": "9.9.9"}"#,
    )
    .unwrap();
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, IndexError::Incompatible { version: 999, .. }));
    assert!(
        err.to_string()
            .contains("incompatible morgue (schema v999): run `morgue rebuild`"),
        "{err}"
    );
}

#[test]
fn a_second_writer_is_refused_while_one_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let _w = index.writer().unwrap();
    let other = Index::open(dir.path()).unwrap();
    assert!(matches!(other.writer(), Err(IndexError::Busy { .. })));
}
