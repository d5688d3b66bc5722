//! Tests of the deeper search features: CJK text, explanations, near-duplicate collapsing.

use super::tests::{article, corpus, hosts};
use super::*;

#[test]
fn cjk_text_is_searchable_by_words_and_phrases() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    let mut a = article(
        "https://zh.example/1",
        "东京会议",
        None,
        "代表们在东京都举行了秘密会谈。",
    );
    a.article.lang = Some("zh".into());
    w.upsert(&a).unwrap();
    w.upsert(&article(
        "https://en.example/2",
        "Tokyo",
        None,
        "京 alone and 都 alone",
    ))
    .unwrap();
    w.commit().unwrap();
    assert_eq!(hosts(&index, "东京都"), ["zh.example"]);
    assert_eq!(hosts(&index, "\"秘密会谈\""), ["zh.example"]);
    assert_eq!(hosts(&index, "京都 秘密"), ["zh.example"]);
    assert_eq!(hosts(&index, "会谈秘密"), Vec::<String>::new());
    let request = SearchRequest {
        query: "秘密会谈".into(),
        limit: 1,
        ..Default::default()
    };
    let hit = &search(&index, &request).unwrap().hits[0];
    let s = &hit.snippet;
    assert_eq!(&s.text[s.highlights[0].clone()], "秘密会谈");
}

#[test]
fn explain_shows_the_score_parts() {
    let (_d, index) = corpus();
    let request = SearchRequest {
        query: "kremlin".into(),
        limit: 1,
        explain: true,
        ..Default::default()
    };
    let hit = &search(&index, &request).unwrap().hits[0];
    let explanation = hit.explanation.as_deref().unwrap();
    let json: serde_json::Value = serde_json::from_str(explanation).unwrap();
    let value = json["value"].as_f64().unwrap();
    assert!((value - f64::from(hit.score)).abs() < 1e-4, "{explanation}");
    assert!(
        explanation.contains("Boost"),
        "title boost shown: {explanation}"
    );
}

/// Regression: `--explain` on an OR query panicked in debug builds (a tantivy debug assertion:
/// explaining re-seeks a union scorer), for every hit but the first.
#[test]
fn explain_works_for_or_queries_and_every_hit() {
    let (_d, index) = corpus();
    for query in [
        "secret OR climate",
        "talks (secret OR harbour)",
        "\"secret talks\" OR state",
    ] {
        let request = SearchRequest {
            query: query.into(),
            limit: 10,
            explain: true,
            ..Default::default()
        };
        let results = search(&index, &request).unwrap();
        assert!(results.hits.len() > 1, "{query}: {}", results.hits.len());
        for hit in &results.hits {
            let explanation = hit.explanation.as_deref().unwrap();
            let json: serde_json::Value = serde_json::from_str(explanation).unwrap();
            let value = json["value"].as_f64().unwrap();
            assert!(
                (value - f64::from(hit.score)).abs() < 1e-3,
                "{query}: {explanation}"
            );
        }
    }
}

#[test]
fn syndicated_copies_collapse_into_one_hit() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let story = "The harbour authority said on Tuesday that the port would reopen next week after \
                 talks with the unions ended a strike that had lasted nearly a month and cost \
                 shippers millions of dollars in delays, according to officials. Dock workers \
                 voted by a wide margin to accept a contract that raises wages by four percent a \
                 year, adds two paid holidays and limits the use of automated cranes until the end \
                 of the decade. Shipping lines had diverted dozens of vessels to other ports along \
                 the coast, and several retailers warned of empty shelves before the holidays. The \
                 mayor welcomed the agreement and thanked both sides for their patience.";
    let other = "Scientists in Geneva reported a new measurement of the particle's mass after talks, \
                 which agrees with the standard model to within the uncertainty of the experiment, \
                 the collaboration said in a statement released on Monday morning.";
    let mut w = index.writer().unwrap();
    w.upsert(&article(
        "https://a.example/1",
        "Port reopens",
        Some("2024-03-02T10:00:00Z"),
        story,
    ))
    .unwrap();
    w.commit().unwrap();
    // Copies in a later batch and in the same batch; one with other punctuation and case.
    w.upsert(&article(
        "https://b.example/1",
        "Port to reopen",
        Some("2024-03-01T10:00:00Z"),
        story,
    ))
    .unwrap();
    let edited = story.replace(", according to officials.", " -- According to officials!");
    w.upsert(&article(
        "https://c.example/1",
        "Port",
        Some("2024-03-03T10:00:00Z"),
        &edited,
    ))
    .unwrap();
    w.upsert(&article(
        "https://d.example/1",
        "Physics",
        Some("2024-03-04T10:00:00Z"),
        other,
    ))
    .unwrap();
    w.commit().unwrap();
    let first = crate::identity::article_id("https://a.example/1");
    for url in ["https://b.example/1", "https://c.example/1"] {
        let id = crate::identity::article_id(url);
        assert_eq!(index.cluster_of(&id).unwrap(), Some(first.clone()), "{url}");
    }
    let request = SearchRequest {
        query: "talks".into(),
        limit: 10,
        collapse: true,
        ..Default::default()
    };
    let r = search(&index, &request).unwrap();
    assert_eq!(r.total, 4);
    assert_eq!(r.hits.len(), 2);
    let port = r
        .hits
        .iter()
        .find(|h| h.title.as_deref() != Some("Physics"))
        .unwrap();
    let copies = port.copies.as_ref().unwrap();
    assert_eq!(copies.count, 3);
    assert_eq!(
        copies.earliest.unwrap().to_rfc3339(),
        "2024-03-01T10:00:00+00:00"
    );
    let page2 = search(
        &index,
        &SearchRequest {
            offset: 1,
            limit: 1,
            ..request
        },
    )
    .unwrap();
    assert_eq!(page2.hits.len(), 1);
    assert_ne!(page2.hits[0].id, r.hits[0].id);
}
