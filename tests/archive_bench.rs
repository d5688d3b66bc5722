//! Benchmark (ignored by default): write 10,000 responses of ~25 KB of news-like HTML, then read
//! them back. Run with
//! `cargo test --release --test archive_bench -- --ignored --nocapture`.

use std::time::Instant;

use chrono::Utc;
use morgue::archive::{self, Archive};
use morgue::capture::Capture;

const WORDS: &[&str] = &[
    "the",
    "government",
    "said",
    "on",
    "Tuesday",
    "that",
    "talks",
    "with",
    "officials",
    "in",
    "Moscow",
    "would",
    "continue",
    "despite",
    "sanctions",
    "minister",
    "of",
    "a",
    "report",
    "according",
    "to",
    "sources",
    "familiar",
    "secret",
    "negotiations",
    "and",
    "economy",
    "election",
    "parliament",
    "vote",
    "president",
    "percent",
    "market",
    "police",
    "city",
];

fn page(i: usize, seed: &mut u64) -> Vec<u8> {
    let mut html = format!(
        "<!doctype html><html><head><title>Article {i}</title><meta property=\"og:title\" content=\"Article {i}\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Article {i}</h1>"
    );
    while html.len() < 25_000 {
        html.push_str("<p>");
        for _ in 0..60 {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            html.push_str(WORDS[(*seed % WORDS.len() as u64) as usize]);
            html.push(' ');
        }
        html.push_str("</p>\n");
    }
    html.push_str("</article><footer>© News</footer></body></html>");
    html.into_bytes()
}

#[test]
#[ignore = "benchmark: run with --release --ignored --nocapture"]
fn write_and_read_10k_responses() {
    let n = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path()).unwrap();
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let captures: Vec<Capture> = (0..n)
        .map(|i| Capture {
            url: format!("https://news.example/2024/10/{i}/article"),
            status: 200,
            reason: "OK".into(),
            http_version: "HTTP/1.1".into(),
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Server".into(), "nginx".into()),
                ("Cache-Control".into(), "max-age=60".into()),
            ],
            body: page(i, &mut seed),
            fetched_at: Utc::now(),
            ip: Some("192.0.2.1".parse().unwrap()),
        })
        .collect();
    let payload: usize = captures.iter().map(|c| c.body.len()).sum();
    let mb = payload as f64 / 1e6;

    let start = Instant::now();
    let mut writer = archive.writer().unwrap();
    for c in &captures {
        writer.append(c, None, &[]).unwrap();
    }
    writer.sync().unwrap();
    let write = start.elapsed().as_secs_f64();
    let file = archive.files().unwrap().remove(0);
    let size = std::fs::metadata(&file).unwrap().len();

    let start = Instant::now();
    let mut count = 0;
    let mut bytes = 0;
    for r in archive::read(&file).unwrap() {
        let r = r.unwrap();
        count += 1;
        bytes += r.capture.body.len();
    }
    let read = start.elapsed().as_secs_f64();
    assert_eq!((count, bytes), (n, payload));

    let start = Instant::now();
    let report = archive::verify(&file).unwrap();
    let verify = start.elapsed().as_secs_f64();
    assert!(report.is_ok());

    println!(
        "{n} responses, {mb:.1} MB of payload, {:.1} MB on disk\n\
         write+fsync: {write:.2} s = {:.0} records/s, {:.1} MB/s of payload\n\
         read:        {read:.2} s = {:.0} records/s, {:.1} MB/s of payload ({:.1} MB/s compressed)\n\
         verify:      {verify:.2} s = {:.0} records/s",
        size as f64 / 1e6,
        n as f64 / write,
        mb / write,
        n as f64 / read,
        mb / read,
        size as f64 / 1e6 / read,
        (n + 1) as f64 / verify,
    );
}
