//! Interoperability: python `warcio check` and `warcio index` accept the files morgue writes.
//! Runs when `WARCIO` names the warcio executable (CI sets it); otherwise says it did not run.

use std::process::Command;

use chrono::Utc;
use morgue::archive::{Archive, RevisitOf, RevisitProfile};
use morgue::capture::{Capture, Request};

#[test]
fn warcio_checks_and_indexes_our_files() {
    let Some(warcio) = std::env::var_os("WARCIO") else {
        println!("WARCIO is not set: the warcio interoperability test did not run");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, b"<html><p>gzipped page</p></html>").unwrap();
    let gzipped = gz.finish().unwrap();
    let pages = [
        (
            vec![("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            gzipped,
        ),
        (
            vec![
                ("Content-Type", "text/html"),
                ("Transfer-Encoding", "chunked"),
            ],
            b"<html>was chunked</html>".to_vec(),
        ),
        (
            vec![("Content-Type", "text/html; charset=utf-8")],
            "<p>ünïcödé</p>".as_bytes().to_vec(),
        ),
        (vec![], Vec::new()),
    ];
    let mut first = None;
    for (i, (headers, body)) in pages.into_iter().enumerate() {
        let url = format!("https://news.example/page/{i}?q=a b");
        let capture = Capture {
            url: url.clone(),
            status: if i == 3 { 404 } else { 200 },
            reason: if i == 3 { String::new() } else { "OK".into() },
            http_version: if i == 2 { "HTTP/2.0" } else { "HTTP/1.1" }.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body,
            fetched_at: Utc::now(),
            ip: Some("2001:db8::1".parse().unwrap()),
        };
        let request = Request {
            method: "GET".into(),
            url,
            headers: vec![("Host".into(), "news.example".into())],
        };
        let metadata = [("fetchTimeMs".to_string(), "12".to_string())];
        writer.append(&capture, Some(&request), &metadata).unwrap();
        first.get_or_insert(capture);
    }
    let original = first.unwrap();
    for profile in [
        RevisitProfile::IdenticalPayloadDigest,
        RevisitProfile::ServerNotModified,
    ] {
        let mut again = original.clone();
        if profile == RevisitProfile::ServerNotModified {
            again.status = 304;
            again.body.clear();
        }
        writer
            .append_revisit(
                &again,
                &RevisitOf {
                    uri: original.url.clone(),
                    date: original.fetched_at,
                    record_id: None,
                    profile,
                    payload_digest: None,
                },
            )
            .unwrap();
    }
    writer.sync().unwrap();
    let file = archive.files().unwrap().remove(0);

    let check = Command::new(&warcio)
        .arg("check")
        .arg("-v")
        .arg(&file)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    println!("{out}");
    assert!(check.status.success(), "warcio check failed:\n{out}");
    assert!(!out.contains("invalid"), "{out}");
    assert!(out.contains("digest pass"), "{out}");

    let index = Command::new(&warcio)
        .arg("index")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        index.status.success(),
        "{}",
        String::from_utf8_lossy(&index.stderr)
    );
    let lines: Vec<String> = String::from_utf8_lossy(&index.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let types: Vec<&str> = lines
        .iter()
        .map(|l| {
            l.split("\"warc-type\": \"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        types,
        [
            "warcinfo", "request", "response", "metadata", "request", "response", "metadata",
            "request", "response", "metadata", "request", "response", "metadata", "revisit",
            "revisit"
        ]
    );
}
