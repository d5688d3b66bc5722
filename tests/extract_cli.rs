//! `morgue extract` end to end: plain and gzip files, URLs from `--url` and from a manifest, the
//! JSON Lines keys, input order, and one unreadable file failing alone with exit code 2.

use std::io::Write;

use assert_cmd::Command;

fn seed() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed/seed.html"
    ))
    .expect("seed fixture")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

#[test]
fn json_lines_from_manifest_gzip_and_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("pages")).expect("mkdir");
    std::fs::write(dir.path().join("pages/p1.html.gz"), gzip(&seed())).expect("write");
    std::fs::write(dir.path().join("pages/p2"), gzip(&seed())).expect("write"); // gzip sniffed, not named
    std::fs::write(
        dir.path().join("manifest.tsv"),
        "id\tfile\turl\np1\tpages/p1.html.gz\thttps://www.themoscowtimes.com/2024/10/25/a\np2\tpages/p2\thttps://news.example/b\n",
    )
    .expect("write");
    let out = Command::cargo_bin("morgue")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "extract",
            "--json",
            "--manifest",
            "manifest.tsv",
            "pages/p1.html.gz",
            "pages/missing.html",
            "pages/p2",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "one file failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing.html"), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let keys = [
        "file",
        "url",
        "title",
        "authors",
        "published",
        "modified",
        "site",
        "description",
        "lang",
        "canonical_url",
        "section",
        "tags",
        "text",
        "site_name",
    ];
    for line in &lines {
        let obj = line.as_object().expect("object");
        assert_eq!(obj.len(), keys.len());
        for k in keys {
            assert!(obj.contains_key(k), "{k} missing");
        }
    }
    assert_eq!(lines[0]["file"], "pages/p1.html.gz");
    assert_eq!(
        lines[0]["url"],
        "https://www.themoscowtimes.com/2024/10/25/a"
    );
    assert_eq!(lines[0]["site"], "themoscowtimes.com");
    assert_eq!(lines[0]["published"], "2024-10-25T14:05:00+03:00");
    assert!(
        lines[0]["text"]
            .as_str()
            .expect("text")
            .contains("secret talks")
    );
    assert_eq!(lines[1]["site"], "news.example", "matched by path");
}

#[test]
fn plain_text_rendering_with_url() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("seed.html");
    std::fs::write(&file, seed()).expect("write");
    let out = Command::cargo_bin("morgue")
        .expect("binary")
        .args(["extract", "--url", "https://www.themoscowtimes.com/x"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Elon Musk Held Secret Talks With Putin Amid Shifting Views on Ukraine – WSJ\n"
        )
    );
    assert!(text.contains("authors: Anna Petrova"));
    assert!(text.contains("\n\nU.S. billionaire Elon Musk"));
    assert!(!text.contains("newsletter"));
}
