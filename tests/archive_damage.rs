//! Damaged input: truncated, garbled and foreign WARCs are reported once per damaged record (with
//! file and offset) and reading carries on; repair cuts a torn tail and nothing before it.

use std::io::Write;
use std::path::Path;

use chrono::{TimeZone, Utc};
use morgue::archive::{self, Archive, ArchiveError, RecordKind, RecordLocation};
use morgue::capture::Capture;

fn capture(i: usize) -> Capture {
    Capture {
        url: format!("http://news.example/{i}"),
        status: 200,
        reason: "OK".into(),
        http_version: "HTTP/1.1".into(),
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: format!("<html><p>article {i} {}</p></html>", "words ".repeat(i * 7)).into_bytes(),
        fetched_at: Utc.with_ymd_and_hms(2024, 10, 1, 0, 0, 0).unwrap(),
        ip: None,
    }
}

/// Writes `n` captures to a fresh archive; returns the archive, the file and the locations.
fn archive_with(dir: &Path, n: usize) -> (Archive, std::path::PathBuf, Vec<RecordLocation>) {
    let archive = Archive::open(dir).unwrap();
    let mut writer = archive.writer().unwrap();
    let locations: Vec<_> = (0..n)
        .map(|i| writer.append(&capture(i), None, &[]).unwrap())
        .collect();
    writer.sync().unwrap();
    let file = archive.dir().join(&locations[0].file);
    (archive, file, locations)
}

fn urls(path: &Path) -> (Vec<String>, Vec<String>) {
    let (mut ok, mut errors) = (Vec::new(), Vec::new());
    for r in archive::read(path).unwrap() {
        match r {
            Ok(c) => ok.push(c.capture.url),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (ok, errors)
}

#[test]
fn corrupt_member_is_reported_once_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, locations) = archive_with(dir.path(), 5);
    let mut bytes = std::fs::read(&file).unwrap();
    // Garble the middle of record 2's deflate data.
    let l = &locations[2];
    for b in &mut bytes[(l.offset + 20) as usize..(l.offset + 40) as usize] {
        *b ^= 0x5a;
    }
    std::fs::write(&file, &bytes).unwrap();
    let (ok, errors) = urls(&file);
    assert_eq!(
        ok,
        ["0", "1", "3", "4"].map(|i| format!("http://news.example/{i}"))
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(&format!("offset {}", l.offset)),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains(&file.display().to_string()));
}

#[test]
fn clipped_file_reports_once_then_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, locations) = archive_with(dir.path(), 3);
    let l = &locations[2];
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..(l.offset + l.length / 2) as usize]).unwrap();
    let (ok, errors) = urls(&file);
    assert_eq!(ok.len(), 2);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(&format!("offset {}", l.offset)));
}

#[test]
fn garbage_between_members_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, locations) = archive_with(dir.path(), 3);
    let bytes = std::fs::read(&file).unwrap();
    let cut = locations[1].offset as usize;
    let mut spliced = bytes[..cut].to_vec();
    spliced.extend_from_slice(b"this is not gzip at all\n");
    spliced.extend_from_slice(&bytes[cut..]);
    std::fs::write(&file, &spliced).unwrap();
    let (ok, errors) = urls(&file);
    assert_eq!(ok.len(), 3, "{errors:?}");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("not a gzip member"), "{}", errors[0]);
}

/// Plain WARC text built by hand: a record whose Content-Length is too long, then a good one.
#[test]
fn plain_warc_with_a_bad_length_resyncs_on_the_next_record() {
    let good = |uri: &str, body: &str| {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <{uri}>\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    };
    let bad = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bad/\r\nContent-Length: 90\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort\r\n\r\n";
    let text = format!(
        "{}{bad}{}",
        good("http://a/", "<p>a</p>"),
        good("http://b/", "<p>b</p>")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand.warc");
    std::fs::write(&path, &text).unwrap();
    let (ok, errors) = urls(&path);
    assert_eq!(ok, ["http://a/", "http://b/"]);
    assert_eq!(errors.len(), 1);
    let bad_offset = text
        .find("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bad")
        .unwrap();
    assert!(
        errors[0].contains(&format!("offset {bad_offset}")),
        "{}",
        errors[0]
    );

    // Locations of a plain file are file offsets; read_at finds the record again.
    let second = archive::read(&path)
        .unwrap()
        .filter_map(Result::ok)
        .nth(1)
        .unwrap();
    assert_eq!(
        second.location.offset as usize,
        text.rfind("WARC/1.0").unwrap()
    );
    assert_eq!(
        archive::read_at(&path, &second.location)
            .unwrap()
            .capture
            .url,
        "http://b/"
    );
}

#[test]
fn whole_file_in_one_gzip_member_still_reads_with_uncompressed_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, _) = archive_with(dir.path(), 3);
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(&file).unwrap()),
        &mut plain,
    )
    .unwrap();
    let one = dir.path().join("one-member.warc.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain).unwrap();
    std::fs::write(&one, gz.finish().unwrap()).unwrap();
    let records: Vec<_> = archive::read(&one).unwrap().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3);
    for r in &records {
        let at = r.location.offset as usize;
        assert!(plain[at..].starts_with(b"WARC/1.1\r\nWARC-Type: response"));
        assert_eq!(
            archive::read_at(&one, &r.location).unwrap().capture,
            r.capture
        );
    }
}

#[test]
fn chunked_response_and_resource_from_a_foreign_file() {
    let chunked = "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n\n4\r\n<p>a\r\n6\r\nbc</p>\r\n0\r\n\r\n";
    let resource = "<html>resource</html>";
    let text = format!(
        "WARC/0.18\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/\r\nWARC-Date: 2008-10-294T05:21:46-0700\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: {}\r\n\r\n{chunked}\r\n\r\nWARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://r/\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{resource}\r\n\r\nWARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
        chunked.len(),
        resource.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foreign.warc");
    std::fs::write(&path, &text).unwrap();
    let records: Vec<_> = archive::read(&path).unwrap().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].capture.body, b"<p>abc</p>");
    assert_eq!(
        records[0].capture.headers,
        vec![("Content-Type".to_string(), "text/html".to_string())]
    );
    assert_eq!(records[0].capture.fetched_at, chrono::DateTime::UNIX_EPOCH);
    assert_eq!(records[1].kind, RecordKind::Resource);
    assert_eq!(records[1].capture.status, 200);
    assert_eq!(records[1].capture.body, resource.as_bytes());
    assert!(records[1].capture.is_html());
}

#[test]
fn lz4_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.warc.lz4");
    std::fs::write(&path, [0x04, 0x22, 0x4d, 0x18, 0, 0, 0]).unwrap();
    let err = archive::read(&path).err().unwrap();
    assert!(matches!(err, ArchiveError::Unsupported { .. }));
    assert!(
        err.to_string().contains("unsupported compression (LZ4)"),
        "{err}"
    );
}

#[test]
fn garbage_and_empty_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.warc", &b""[..]),
        ("text.warc", b"hello\nworld\n"),
        ("fake.warc.gz", &[0x1f, 0x8b, 8, 0, 1, 2, 3][..]),
        ("header-only.warc", b"WARC/1.0\r\nContent-Length: 99999\r\n"),
        (
            "bad-length.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -3\r\n\r\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let results: Vec<_> = archive::read(&path).unwrap().collect();
        assert!(results.len() <= 1, "{name}: {results:?}");
        assert!(results.iter().all(Result::is_err), "{name}");
        assert!(archive::verify(&path).is_ok());
    }
}

#[test]
fn repair_cuts_a_torn_tail_at_every_point_and_keeps_whole_records() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, file, locations) = archive_with(dir.path(), 4);
    let whole = std::fs::read(&file).unwrap();
    let last = &locations[3];
    assert_eq!(last.offset + last.length, whole.len() as u64);
    // Cut the file at many points inside the last record's member (a crash mid-write).
    for cut in (last.offset + 1..last.offset + last.length).step_by(7) {
        std::fs::write(&file, &whole[..cut as usize]).unwrap();
        let notes = archive.repair().unwrap();
        assert_eq!(notes.len(), 1, "cut at {cut}");
        assert_eq!(notes[0].offset, last.offset);
        assert_eq!(notes[0].bytes, cut - last.offset);
        assert_eq!(std::fs::metadata(&file).unwrap().len(), last.offset);
        let (ok, errors) = urls(&file);
        assert_eq!((ok.len(), errors.len()), (3, 0), "cut at {cut}");
    }
    // A clean file is left alone, and repair is idempotent.
    assert!(archive.repair().unwrap().is_empty());
    // Junk after the last whole member is cut too.
    let mut junk = std::fs::read(&file).unwrap();
    let len = junk.len() as u64;
    junk.extend_from_slice(&[0x1f, 0x8b]);
    std::fs::write(&file, &junk).unwrap();
    let notes = archive.repair().unwrap();
    assert_eq!((notes[0].offset, notes[0].bytes), (len, 2));
    // A file torn inside its warcinfo record holds nothing: it is removed.
    std::fs::write(&file, &whole[..10]).unwrap();
    let notes = archive.repair().unwrap();
    assert_eq!(notes[0].offset, 0);
    assert!(!file.exists());
}

#[test]
fn verify_reports_a_flipped_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, locations) = archive_with(dir.path(), 3);
    let report = archive::verify(&file).unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(report.records, 4, "warcinfo + 3 responses");
    assert_eq!(report.digests_checked, 1 + 3 * 2);

    // Rewrite record 1 with a body byte changed but the old digests.
    let bytes = std::fs::read(&file).unwrap();
    let l = &locations[1];
    let mut record = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(
            &bytes[l.offset as usize..(l.offset + l.length) as usize],
        ),
        &mut record,
    )
    .unwrap();
    let at = record.windows(9).position(|w| w == b"article 1").unwrap();
    record[at + 8] = b'7';
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&record).unwrap();
    let mut out = bytes[..l.offset as usize].to_vec();
    out.extend_from_slice(&gz.finish().unwrap());
    out.extend_from_slice(&bytes[(l.offset + l.length) as usize..]);
    std::fs::write(&file, &out).unwrap();
    let report = archive::verify(&file).unwrap();
    assert!(!report.is_ok());
    let which: Vec<_> = report.failures.iter().map(|f| f.which).collect();
    assert_eq!(which, ["block", "payload"]);
    assert_eq!(report.failures[0].offset, l.offset);
}

#[test]
fn arc_files_are_read_as_responses() {
    let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>arc</p>";
    let desc = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
    let text = format!(
        "filedesc://t.arc 0.0.0.0 20140216050221 text/plain {}\n{desc}\nhttp://a.example/x y 1.2.3.4 20140216050221 text/html {}\n{http}\n",
        desc.len(),
        http.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.arc");
    std::fs::write(&path, &text).unwrap();
    let records: Vec<_> = archive::read(&path).unwrap().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    let c = &records[0].capture;
    assert_eq!(c.url, "http://a.example/x y");
    assert_eq!(c.body, b"<p>arc</p>");
    assert_eq!(c.fetched_at.to_rfc3339(), "2014-02-16T05:02:21+00:00");
    assert_eq!(c.ip, Some("1.2.3.4".parse().unwrap()));
    assert_eq!(
        archive::read_at(&path, &records[0].location)
            .unwrap()
            .capture,
        *c
    );
}

/// Hundreds of randomly damaged copies of a good file (bytes flipped, cut, spliced): reading,
/// reading at every reported location, verifying and repairing never panic, and every capture
/// read is one that was written.
#[test]
fn randomly_damaged_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file, _) = archive_with(dir.path(), 6);
    let good = std::fs::read(&file).unwrap();
    let written: Vec<String> = (0..6).map(|i| capture(i).url).collect();
    let mut x = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    for round in 0..300 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => {
                for _ in 0..1 + next(4) {
                    let at = next(bytes.len());
                    bytes[at] ^= 1 << next(8);
                }
            }
            1 => bytes.truncate(next(bytes.len())),
            _ => {
                let at = next(bytes.len());
                let from = next(bytes.len());
                let len = next(200).min(bytes.len() - from);
                let piece = bytes[from..from + len].to_vec();
                bytes.splice(at..at, piece);
            }
        }
        let name = if round % 2 == 0 {
            "morgue-1-1.warc.gz"
        } else {
            "x.warc"
        };
        let path = dir.path().join(format!("fuzz/{name}"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        for r in archive::read(&path).unwrap().flatten() {
            assert!(
                written.contains(&r.capture.url),
                "{round}: {}",
                r.capture.url
            );
            let _ = archive::read_at(&path, &r.location);
        }
        let _ = archive::verify(&path);
        let _ = Archive::open(&dir.path().join("fuzz")).unwrap().repair();
        let _ = std::fs::remove_file(&path);
    }
}
