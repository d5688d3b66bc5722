//! End to end: `morgue import` of foreign WARC files (gzip per record, and plain with a chunked
//! response): HTML 200 responses are archived and indexed, other records counted as skipped, a
//! revisit resolved to its original, a damaged record reported by offset without losing the rest;
//! `rebuild` then needs nothing but the archive.

mod common;

use std::io::Write;
use std::path::Path;

use common::{article_html, json_lines, morgue, succeed};
use flate2::{Compression, write::GzEncoder};
use sha1::{Digest, Sha1};

fn digest(bytes: &[u8]) -> String {
    format!(
        "sha1:{}",
        data_encoding::BASE32.encode(&Sha1::digest(bytes))
    )
}

/// One WARC record; `http` is the block (HTTP head + body) or empty for a warcinfo.
fn record(kind: &str, uri: &str, n: u32, block: &[u8], extra: &[(&str, String)]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-0{n}T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n\
         Content-Type: application/http; msgtype=response\r\n"
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut out = head.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    block
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A wget-like `.warc.gz`: an article, a PDF, a 404, a damaged member, and a revisit of the article
/// under another URL. Returns the offset of the damaged member.
fn write_foreign_warc(path: &Path) -> u64 {
    let html = article_html(1);
    let payload = digest(html.as_bytes());
    let mut file = Vec::new();
    let members = [
        record(
            "response",
            "http://valley-courier.example/story/1",
            1,
            &response("200 OK", "text/html; charset=utf-8", html.as_bytes()),
            &[("WARC-Payload-Digest", payload.clone())],
        ),
        record(
            "response",
            "http://valley-courier.example/report.pdf",
            2,
            &response("200 OK", "application/pdf", b"%PDF-1.4 fake"),
            &[],
        ),
        record(
            "response",
            "http://valley-courier.example/gone",
            3,
            &response("404 Not Found", "text/html", b"<html>gone</html>"),
            &[],
        ),
    ];
    for member in &members {
        file.extend_from_slice(&gzip(member));
    }
    let damaged_at = file.len() as u64;
    let mut broken = gzip(&record(
        "response",
        "http://valley-courier.example/x",
        4,
        b"x",
        &[],
    ));
    let middle = broken.len() / 2;
    broken[middle..].iter_mut().for_each(|b| *b ^= 0x5a);
    file.extend_from_slice(&broken);
    file.extend_from_slice(&gzip(&record(
        "revisit",
        "http://mirror.valley-courier.example/story/1",
        5,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
        &[
            ("WARC-Payload-Digest", payload),
            (
                "WARC-Profile",
                "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest".into(),
            ),
        ],
    )));
    std::fs::write(path, file).unwrap();
    damaged_at
}

/// A plain `.warc` whose response is stored with `Transfer-Encoding: chunked`.
fn write_chunked_warc(path: &Path) {
    let html = article_html(2);
    let mut block =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    for chunk in html.as_bytes().chunks(100) {
        block.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        block.extend_from_slice(chunk);
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"0\r\n\r\n");
    std::fs::write(
        path,
        record(
            "response",
            "http://valley-courier.example/story/2",
            6,
            &block,
            &[],
        ),
    )
    .unwrap();
}

fn hits(index: &Path, query: &str) -> Vec<String> {
    let out = morgue(index)
        .args(["search", "--json", query])
        .output()
        .unwrap();
    json_lines(&out.stdout)
        .iter()
        .map(|h| h["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn import_indexes_html_reports_damage_and_rebuild_needs_only_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let gz = dir.path().join("crawl.warc.gz");
    let plain = dir.path().join("chunked.warc");
    let damaged_at = write_foreign_warc(&gz);
    write_chunked_warc(&plain);

    let out = morgue(&index)
        .args(["import", "--json"])
        .arg(&gz)
        .arg(&plain)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "damage means exit 1: {stderr}");
    assert!(
        stderr.contains(&damaged_at.to_string()),
        "the damaged offset is named: {stderr}"
    );
    let reports = json_lines(&out.stdout);
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_eq!(
        reports[0]["indexed"], 2,
        "article and resolved revisit: {}",
        reports[0]
    );
    assert_eq!(reports[0]["skipped"]["HTTP 404"], 1, "{}", reports[0]);
    assert_eq!(reports[0]["skipped"]["not HTML"], 1, "{}", reports[0]);
    assert_eq!(
        reports[0]["errors"].as_array().unwrap().len(),
        1,
        "{}",
        reports[0]
    );
    assert_eq!(reports[1]["indexed"], 1, "chunked response: {}", reports[1]);

    let check = |index: &Path| {
        let mut story1 = hits(index, "zq1x");
        story1.sort();
        assert_eq!(
            story1,
            vec![
                "http://mirror.valley-courier.example/story/1",
                "http://valley-courier.example/story/1"
            ]
        );
        assert_eq!(
            hits(index, "zq2x"),
            vec!["http://valley-courier.example/story/2"]
        );
    };
    check(&index);

    // The originals can go: the archive holds everything rebuild needs.
    std::fs::remove_file(&gz).unwrap();
    std::fs::remove_file(&plain).unwrap();
    let out = succeed(morgue(&index).args(["rebuild", "--json"]));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["articles"], 3, "{summary}");
    check(&index);
    let verify = morgue(&index).arg("verify").output().unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );

    // A capture the index never saw (a file dropped into the archive by hand) is reported.
    let stray = response("200 OK", "text/html", article_html(7).as_bytes());
    let stray = record("response", "http://stray.example/a", 7, &stray, &[]);
    std::fs::write(index.join("warc/zz-stray.warc.gz"), gzip(&stray)).unwrap();
    let verify = morgue(&index).args(["verify", "--json"]).output().unwrap();
    assert_eq!(verify.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["unindexed"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["articles"], 3, "{report}");
}

#[test]
fn an_unreadable_file_is_named_and_the_others_imported() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let plain = dir.path().join("chunked.warc");
    write_chunked_warc(&plain);
    let missing = dir.path().join("no-such.warc.gz");
    let out = morgue(&index)
        .arg("import")
        .arg(&missing)
        .arg(&plain)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such.warc.gz"));
    assert_eq!(hits(&index, "zq2x").len(), 1);
}

#[test]
fn a_revisit_of_a_capture_imported_by_an_earlier_run_is_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let html = article_html(8);
    let payload = digest(html.as_bytes());
    let first = dir.path().join("monday.warc.gz");
    let original = record(
        "response",
        "http://valley-courier.example/story/8",
        1,
        &response("200 OK", "text/html; charset=utf-8", html.as_bytes()),
        &[("WARC-Payload-Digest", payload.clone())],
    );
    std::fs::write(&first, gzip(&original)).unwrap();
    let second = dir.path().join("tuesday.warc.gz");
    let revisit = record(
        "revisit",
        "http://mirror.valley-courier.example/story/8",
        2,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
        &[
            ("WARC-Payload-Digest", payload),
            (
                "WARC-Refers-To-Target-URI",
                "http://valley-courier.example/story/8".into(),
            ),
            (
                "WARC-Profile",
                "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest".into(),
            ),
        ],
    );
    std::fs::write(&second, gzip(&revisit)).unwrap();
    for file in [&first, &second] {
        let out = succeed(morgue(&index).args(["import", "--json"]).arg(file));
        let report = &json_lines(&out.stdout)[0];
        assert_eq!(report["indexed"], 1, "{report}");
    }
    let mut found = hits(&index, "zq8x");
    found.sort();
    assert_eq!(
        found,
        [
            "http://mirror.valley-courier.example/story/8",
            "http://valley-courier.example/story/8"
        ]
    );
}
