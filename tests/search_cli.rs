//! `morgue search` end to end: an index built through the library in a temporary archive
//! directory, then the binary run on it — JSON Lines fields, the terminal list, exit codes,
//! malformed queries and a missing index.

use assert_cmd::Command;
use chrono::{DateTime, Utc};
use morgue::extract::Article;
use morgue::index::StoredArticle;
use predicates::prelude::*;

fn article(url: &str, title: &str, published: &str, authors: &[&str], text: &str) -> StoredArticle {
    StoredArticle {
        id: morgue::identity::article_id(url),
        article: Article {
            url: Some(url.into()),
            title: Some(title.into()),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            published: Some(DateTime::parse_from_rfc3339(published).unwrap()),
            site: morgue::identity::site_of(url),
            lang: Some("en".into()),
            text: text.into(),
            ..Article::default()
        },
        fetched_at: Utc::now(),
        http_status: 200,
        location: None,
    }
}

fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let index = morgue::store::Store::new(dir.path())
        .open_or_create_index()
        .unwrap();
    let mut w = index.writer().unwrap();
    w.upsert(&article(
        "https://www.daily.example/2024/10/05/putin-talks",
        "Putin and the secret talks",
        "2024-10-05T09:00:00+03:00",
        &["Jane Doe"],
        "The Kremlin confirmed that secret talks were held. Analysts said the talks mattered.",
    ))
    .unwrap();
    w.upsert(&article(
        "https://news.harbor.example/2024/12/01/harbour",
        "Harbour reopens",
        "2024-12-01T10:00:00Z",
        &[],
        "The harbour reopened after talks with the unions.",
    ))
    .unwrap();
    w.commit().unwrap();
    dir
}

fn morgue(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("morgue").unwrap();
    cmd.arg("--index").arg(dir.path()).env("NO_COLOR", "1");
    cmd
}

#[test]
fn json_lines_have_the_contract_fields() {
    let dir = archive();
    let out = morgue(&dir)
        .args(["search", "\"secret talks\"", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let hit: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "id",
        "url",
        "title",
        "authors",
        "published",
        "site",
        "lang",
        "score",
        "snippet",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert_eq!(hit["title"], "Putin and the secret talks");
    assert_eq!(hit["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(hit["published"], "2024-10-05T09:00:00+03:00");
    assert_eq!(hit["site"], "daily.example");
    assert_eq!(hit["lang"], "en");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    let snippet = hit["snippet"].as_str().unwrap();
    let [start, end] = [0, 1].map(|i| hit["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&snippet[start..end], "secret talks");
}

#[test]
fn terminal_output_and_count_line() {
    let dir = archive();
    morgue(&dir)
        .args(["search", "talks", "--sort", "newest"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Harbour reopens"))
        .stdout(predicate::str::contains(
            "daily.example · 2024-10-05 · Jane Doe",
        ))
        .stdout(predicate::str::contains("\u{1b}[").not())
        .stderr("2 of 2 hits\n");
}

#[test]
fn filters_and_paging_from_the_command_line() {
    let dir = archive();
    morgue(&dir)
        .args(["search", "talks", "--site", "harbor.example", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("news.harbor.example"))
        .stdout(predicate::str::contains("daily.example").not());
    morgue(&dir)
        .args([
            "search",
            "talks",
            "--since",
            "2024-10-01",
            "--until",
            "2024-10-31",
            "--json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("daily.example"))
        .stdout(predicate::str::contains("harbor").not());
    let out = morgue(&dir)
        .args([
            "search", "talks", "--sort", "oldest", "--offset", "1", "--limit", "1", "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    morgue(&dir)
        .args(["search", "talks", "--count"])
        .assert()
        .success()
        .stdout("2\n");
    morgue(&dir)
        .args([
            "search",
            "title:putin published:[2024-10-01 TO 2024-10-31]",
            "--json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("putin-talks"));
}

#[test]
fn no_hits_exit_1() {
    let dir = archive();
    morgue(&dir)
        .args(["search", "zanzibar"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("0 of 0 hits\n");
}

#[test]
fn malformed_query_is_one_line_and_exit_2() {
    let dir = archive();
    morgue(&dir)
        .args(["search", "\"secret talks"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("morgue: malformed query: unterminated quote at position 1\n");
    morgue(&dir)
        .args(["search", "talks", "--since", "last week"])
        .assert()
        .code(2);
}

#[test]
fn missing_index_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    morgue(&dir)
        .args(["search", "talks"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at"))
        .stderr(predicate::str::contains(
            "(run `morgue add` or `morgue import` first)",
        ));
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = morgue::store::Store::new(dir.path())
        .open_or_create_index()
        .unwrap();
    let mut w = index.writer().unwrap();
    let text = "Every article mentions the harbour and the talks at length. ".repeat(10);
    for i in 0..400 {
        let url = format!("https://bulk.example/{i}");
        w.upsert(&article(
            &url,
            "Harbour talks",
            "2024-01-01T00:00:00Z",
            &[],
            &text,
        ))
        .unwrap();
    }
    w.commit().unwrap();
    // More output than a pipe holds: the process must block, then meet the closed pipe.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .arg("--index")
        .arg(dir.path())
        .args(["search", "harbour", "--limit", "400", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
