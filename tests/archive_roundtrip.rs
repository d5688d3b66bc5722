//! Write-then-read round trips of the archive: what the writer appends, the reader gives back
//! byte for byte, at the locations the writer reported.

use std::io::Write;
use std::net::IpAddr;

use chrono::{TimeZone, Utc};
use morgue::archive::{self, Archive, RecordKind, RevisitOf, RevisitProfile};
use morgue::capture::{Capture, Request};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn capture(url: &str, headers: &[(&str, &str)], body: &[u8]) -> Capture {
    Capture {
        url: url.into(),
        status: 200,
        reason: "OK".into(),
        http_version: "HTTP/1.1".into(),
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.to_vec(),
        fetched_at: Utc.with_ymd_and_hms(2024, 10, 1, 12, 30, 45).unwrap(),
        ip: Some("192.0.2.7".parse::<IpAddr>().unwrap()),
    }
}

/// Incompressible bytes, so that file sizes are predictable.
fn noise(len: u64) -> Vec<u8> {
    let mut x = len.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn request(url: &str) -> Request {
    Request {
        method: "GET".into(),
        url: url.into(),
        headers: vec![
            ("Host".into(), "news.example".into()),
            ("Accept".into(), "*/*".into()),
        ],
    }
}

#[test]
fn gzip_encoded_response_comes_back_byte_exact() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(&dir.path().join("warc")).unwrap();
    let html = "<html><head><title>Secret talks</title></head><body><p>Ünïcode</p></body></html>";
    let body = gzip(html.as_bytes());
    let original = capture(
        "https://news.example/2024/10/secret-talks?x=1",
        &[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", &body.len().to_string()),
        ],
        &body,
    );
    let mut writer = archive.writer().unwrap();
    let location = writer
        .append(&original, Some(&request(&original.url)), &[])
        .unwrap();
    writer.sync().unwrap();

    let files = archive.files().unwrap();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with("morgue-") && name.ends_with(".warc.gz"),
        "{name}"
    );
    assert_eq!(location.file, name);

    let read: Vec<_> = archive
        .read_file(&name)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read.len(), 1, "warcinfo and request are skipped");
    let got = &read[0];
    assert_eq!(got.capture, original);
    assert_eq!(got.location, location);
    assert_eq!(got.kind, RecordKind::Response);
    assert_eq!(
        got.payload_digest.as_deref(),
        Some(archive::sha1_digest(&body).as_str())
    );
    assert_eq!(got.capture.decoded_body(1 << 20).unwrap(), html.as_bytes());

    // The location points at the record's own gzip member.
    let again = archive.read_at(&location).unwrap();
    assert_eq!(again.capture, original);
    let bytes = std::fs::read(&files[0]).unwrap();
    let member = &bytes[location.offset as usize..(location.offset + location.length) as usize];
    let mut text = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(member), &mut text).unwrap();
    assert!(text.starts_with(b"WARC/1.1\r\nWARC-Type: response\r\n"));
    assert!(text.ends_with(&[&body[..], b"\r\n\r\n"].concat()));
}

#[test]
fn header_order_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap();
    let c = capture(
        "http://a.example/",
        &[("Content-Type", "text/html")],
        b"<p>x</p>",
    );
    let location = writer.append(&c, Some(&request(&c.url)), &[]).unwrap();
    writer.sync().unwrap();
    let bytes = std::fs::read(archive.dir().join(&location.file)).unwrap();
    let mut all = String::new();
    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut all)
        .unwrap();
    let names = |kind: &str| -> Vec<String> {
        let start = all.find(&format!("WARC-Type: {kind}")).unwrap();
        let head = &all[start..start + all[start..].find("\r\n\r\n").unwrap()];
        head.lines()
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names("response"),
        [
            "WARC-Type",
            "WARC-Record-ID",
            "WARC-Date",
            "WARC-Target-URI",
            "WARC-IP-Address",
            "WARC-Warcinfo-ID",
            "Content-Type",
            "WARC-Payload-Digest",
            "WARC-Block-Digest",
            "Content-Length"
        ]
    );
    assert_eq!(
        names("request"),
        [
            "WARC-Type",
            "WARC-Record-ID",
            "WARC-Date",
            "WARC-Target-URI",
            "WARC-IP-Address",
            "WARC-Concurrent-To",
            "WARC-Warcinfo-ID",
            "Content-Type",
            "WARC-Payload-Digest",
            "WARC-Block-Digest",
            "Content-Length"
        ]
    );
    assert!(all.starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n"));
    assert!(all.contains("software: morgue/"));
    assert!(all.contains("WARC-Date: 2024-10-01T12:30:45.000000Z\r\n"));
    assert!(all.contains("GET / HTTP/1.1\r\nHost: news.example\r\n"));
}

#[test]
fn chunked_capture_is_stored_with_its_real_length() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap();
    let c = capture(
        "http://a.example/chunked",
        &[
            ("Content-Type", "text/html"),
            ("Transfer-Encoding", "chunked"),
        ],
        b"<p>de-chunked body</p>",
    );
    let location = writer.append(&c, None, &[]).unwrap();
    writer.sync().unwrap();
    let got = archive.read_at(&location).unwrap().capture;
    assert_eq!(got.body, c.body);
    assert_eq!(
        got.headers,
        vec![
            ("Content-Type".to_string(), "text/html".to_string()),
            ("Content-Length".to_string(), "22".to_string())
        ]
    );
}

#[test]
fn revisit_and_metadata_records() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap();
    let c = capture(
        "http://a.example/p",
        &[("Content-Type", "text/html")],
        b"<p>same</p>",
    );
    let via = [("via".to_string(), "http://a.example/".to_string())];
    let first = writer.append(&c, None, &via).unwrap();
    let mut later = c.clone();
    later.fetched_at = Utc.with_ymd_and_hms(2024, 10, 2, 0, 0, 0).unwrap();
    let revisit = writer
        .append_revisit(
            &later,
            &RevisitOf {
                uri: c.url.clone(),
                date: c.fetched_at,
                record_id: None,
                profile: RevisitProfile::IdenticalPayloadDigest,
                payload_digest: None,
            },
        )
        .unwrap();
    writer.sync().unwrap();
    assert!(
        revisit.offset > first.offset + first.length,
        "the metadata record sits between"
    );

    let all: Vec<_> = archive
        .read_file(&first.file)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 2, "metadata is skipped");
    assert_eq!(all[1].location, revisit);
    assert_eq!(
        all[1].kind,
        RecordKind::Revisit {
            refers_to_uri: Some(c.url.clone()),
            refers_to_date: Some("2024-10-01T12:30:45.000000Z".into())
        }
    );
    assert_eq!(all[1].payload_digest, all[0].payload_digest);
    assert!(all[1].capture.body.is_empty());
    assert_eq!(all[1].capture.status, 200);
    assert_eq!(all[1].capture.fetched_at, later.fetched_at);
}

#[test]
fn rotation_starts_new_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap().with_rotation(2000);
    let mut locations = Vec::new();
    for i in 0..5 {
        let body = noise(3000 + i as u64);
        let c = capture(&format!("http://a.example/{i}"), &[], &body);
        locations.push(writer.append(&c, None, &[]).unwrap());
    }
    writer.sync().unwrap();
    drop(writer);
    let files = archive.files().unwrap();
    assert_eq!(files.len(), 5);
    let mut urls = Vec::new();
    for f in &files {
        for c in archive::read(f).unwrap() {
            urls.push(c.unwrap().capture.url);
        }
    }
    let expected: Vec<String> = (0..5).map(|i| format!("http://a.example/{i}")).collect();
    assert_eq!(urls, expected);
    for (i, l) in locations.iter().enumerate() {
        assert_eq!(archive.read_at(l).unwrap().capture.url, expected[i]);
    }
}

#[test]
fn two_writers_never_share_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let c = capture("http://a.example/", &[], b"x");
    let mut a = archive.writer().unwrap();
    let mut b = archive.writer().unwrap();
    let la = a.append(&c, None, &[]).unwrap();
    let lb = b.append(&c, None, &[]).unwrap();
    a.sync().unwrap();
    b.sync().unwrap();
    assert_ne!(la.file, lb.file);
    assert_eq!(archive.files().unwrap().len(), 2);
}

#[test]
fn oversized_response_is_refused_and_sizes_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut writer = archive.writer().unwrap();
    let huge = capture(
        "http://a.example/huge",
        &[],
        &vec![0u8; archive::MAX_RECORD_BYTES as usize + 1],
    );
    let err = writer.append(&huge, None, &[]).unwrap_err();
    assert!(
        matches!(err, archive::ArchiveError::TooLarge { .. }),
        "{err}"
    );
    // Nothing was written, and the writer still works.
    writer
        .append(&capture("http://a.example/ok", &[], b"ok"), None, &[])
        .unwrap();
    writer.sync().unwrap();
    let files = archive.files().unwrap();
    let on_disk: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    assert_eq!(archive.size_bytes().unwrap(), on_disk);
    assert_eq!(archive::read(&files[0]).unwrap().count(), 1);
}
