//! End to end: the `morgue` binary against a loopback server (also used as an HTTP proxy so the
//! articles have real-looking URLs): add → archive → extract → index → search/show → rebuild.

mod common;

use std::path::Path;
use std::process::Output;

use common::{Page, Server, json_lines, morgue, seed_html};
use serde_json::Value;

const SEED_URL: &str = "http://www.themoscowtimes.com/2024/10/25/elon-musk-held-secret-talks-with-putin-amid-shifting-views-on-ukraine-wsj-a86805";
const SEED_PATH: &str =
    "/2024/10/25/elon-musk-held-secret-talks-with-putin-amid-shifting-views-on-ukraine-wsj-a86805";
const SECOND_URL: &str = "http://news.harbour-ledger.org/2024/11/02/harbour-council-votes";
const SECOND_PATH: &str = "/2024/11/02/harbour-council-votes";

/// A second, smaller article on another site (a subdomain, for `--site`).
fn second_html() -> String {
    r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour council votes to rebuild the old pier | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2024-11-02T09:15:00-05:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Harbour council votes to rebuild the old pier","datePublished":"2024-11-02T09:15:00-05:00",
"author":{"@type":"Person","name":"Maria Lopez"},"articleSection":"Local"}</script></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sports">Sports</a></nav>
<article><h1>Harbour council votes to rebuild the old pier</h1>
<p class="byline">By Maria Lopez</p>
<p>The harbour council voted seven to two on Friday night to rebuild the old wooden pier, ending a
debate that had divided the fishing town for more than a decade.</p>
<p>Councillors said the new pier would be built from recycled steel and open to the public by the
summer of 2026, when the ferry service to the islands is due to resume.</p>
<p>Opponents argued that the money would be better spent on the flood defences along the northern
shore, which were damaged in last winter's storms.</p></article>
<aside class="newsletter">Sign up for our morning briefing newsletter</aside>
<footer>Copyright Harbour Ledger. All rights reserved.</footer></body></html>"#
        .to_string()
}

fn pdf() -> Page {
    Page {
        status: 200,
        content_type: "application/pdf",
        body: b"%PDF-1.4\n%fake\n".to_vec(),
        location: None,
    }
}

fn server() -> Server {
    Server::start(vec![
        (SEED_PATH, Page::html(seed_html())),
        (SECOND_PATH, Page::html(second_html())),
        ("/report.pdf", pdf()),
    ])
}

fn run(cmd: &mut std::process::Command) -> Output {
    let out = cmd.output().expect("run morgue");
    eprintln!(
        "--- stderr of {cmd:?}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn search(index: &Path, args: &[&str]) -> (i32, Vec<Value>) {
    let out = run(morgue(index).arg("search").args(args).arg("--json"));
    (out.status.code().unwrap_or(-1), json_lines(&out.stdout))
}

fn urls(hits: &[Value]) -> Vec<&str> {
    hits.iter()
        .map(|h| h["url"].as_str().unwrap_or(""))
        .collect()
}

/// Runs `warcio check` on every WARC file of the archive when `WARCIO` names the executable
/// (`.ci/run` sets it).
fn warcio_check(index: &Path) {
    let Ok(warcio) = std::env::var("WARCIO") else {
        eprintln!("WARCIO not set: warcio check not run");
        return;
    };
    let mut files = 0;
    for entry in std::fs::read_dir(index.join("warc")).unwrap() {
        let path = entry.unwrap().path();
        let out = std::process::Command::new(&warcio)
            .arg("check")
            .arg("-v")
            .arg(&path)
            .output()
            .expect("run warcio");
        assert!(
            out.status.success(),
            "warcio check {}: {}{}",
            path.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        files += 1;
    }
    assert!(files > 0, "no WARC files in the archive");
}

#[test]
fn add_search_show_rebuild_through_a_proxy() {
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");

    let out = run(morgue(&index)
        .env("HTTP_PROXY", server.proxy())
        .env("HTTPS_PROXY", server.proxy())
        .args(["add", "--json", SEED_URL, SECOND_URL])
        .arg("http://files.harbour-ledger.org/report.pdf")
        .arg("http://news.harbour-ledger.org/no-such-page"));
    assert_eq!(out.status.code(), Some(1), "a 404 makes add exit 1");
    let reports = json_lines(&out.stdout);
    assert_eq!(reports.len(), 4, "{reports:?}");
    let by_url = |u: &str| {
        reports
            .iter()
            .find(|r| r["url"].as_str().is_some_and(|x| x.starts_with(u)))
            .unwrap_or_else(|| panic!("no report for {u}: {reports:?}"))
            .clone()
    };
    let seed = by_url("http://www.themoscowtimes.com/");
    assert_eq!(seed["status"], "indexed");
    assert_eq!(seed["http_status"], 200);
    assert_eq!(
        seed["title"],
        "Elon Musk Held Secret Talks With Putin Amid Shifting Views on Ukraine – WSJ"
    );
    assert!(seed["id"].as_str().is_some_and(|id| id.len() == 16));
    assert_eq!(by_url(SECOND_URL)["status"], "indexed");
    let skipped = by_url("http://files.harbour-ledger.org/report.pdf");
    assert_eq!(skipped["status"], "skipped");
    assert!(
        skipped["error"]
            .as_str()
            .unwrap()
            .contains("application/pdf")
    );
    let missing = by_url("http://news.harbour-ledger.org/no-such-page");
    assert_eq!(missing["status"], "failed");
    assert_eq!(missing["http_status"], 404);
    assert!(missing["error"].as_str().unwrap().contains("404"));

    // Exact phrase, title field, site field, published range, --site with a subdomain.
    let (code, hits) = search(&index, &["\"secret talks\""]);
    assert_eq!(code, 0);
    assert_eq!(urls(&hits), vec![SEED_URL]);
    let hit = &hits[0];
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
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
    }
    assert_eq!(hit["site"], "themoscowtimes.com");
    assert!(hit["published"].as_str().unwrap().starts_with("2024-10-25"));
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("secret talks")
    );
    assert_eq!(urls(&search(&index, &["title:putin"]).1), vec![SEED_URL]);
    assert_eq!(
        urls(&search(&index, &["site:themoscowtimes.com"]).1),
        vec![SEED_URL]
    );
    assert_eq!(
        urls(&search(&index, &["musk published:[2024-10-01 TO 2024-10-31]"]).1),
        vec![SEED_URL]
    );
    assert_eq!(
        urls(&search(&index, &["pier", "--site", "harbour-ledger.org"]).1),
        vec![SECOND_URL]
    );
    assert_eq!(
        search(&index, &["pier", "--site", "themoscowtimes.com"]).0,
        1
    );
    assert_eq!(search(&index, &["\"secret pier\""]).0, 1, "no hits: exit 1");
    let bad = run(morgue(&index).args(["search", "title:(putin"]));
    assert_eq!(bad.status.code(), Some(2), "malformed query: exit 2");
    let message = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(message.trim().lines().count(), 1, "one line: {message}");

    // show, by URL and by id.
    let out = run(morgue(&index).args(["show", "--json", SEED_URL]));
    assert!(out.status.success());
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["id"], seed["id"]);
    let text = shown["text"].as_str().unwrap();
    assert!(text.contains("Kremlin spokesman Dmitry Peskov told WSJ"));
    assert!(!text.to_lowercase().contains("newsletter"), "{text}");
    assert_eq!(shown["http_status"], 200);
    let out = run(morgue(&index).args(["show", seed["id"].as_str().unwrap()]));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("secret talks"));
    assert_eq!(
        run(morgue(&index).args(["show", "http://nowhere.example/x"]))
            .status
            .code(),
        Some(1)
    );

    // Re-adding replaces, never duplicates.
    let out = run(morgue(&index)
        .env("HTTP_PROXY", server.proxy())
        .env("HTTPS_PROXY", server.proxy())
        .args(["add", "--json", SEED_URL]));
    assert!(out.status.success());
    let again = &json_lines(&out.stdout)[0];
    assert_eq!(again["status"], "unchanged", "same payload: {again}");
    assert_eq!(again["id"], seed["id"]);
    let stats = |index: &Path| -> Value {
        let out = run(morgue(index).args(["stats", "--json"]));
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let s = stats(&index);
    assert_eq!(s["articles"], 2, "{s}");
    assert_eq!(s["captures"], 4, "seed twice, second, the 404: {s}");
    assert_eq!(s["sites"], 2, "{s}");
    assert!(s["archive_bytes"].as_u64().unwrap() > 0 && s["index_bytes"].as_u64().unwrap() > 0);
    assert!(s["oldest"].as_str().unwrap().starts_with("2024-10-25"));
    assert_eq!(search(&index, &["\"secret talks\""]).1.len(), 1);

    // Rebuild from the archive alone: same answers.
    let out = run(morgue(&index).args(["rebuild", "--json"]));
    assert!(out.status.success());
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["articles"], 2, "{summary}");
    assert_eq!(
        urls(&search(&index, &["\"secret talks\""]).1),
        vec![SEED_URL]
    );
    assert_eq!(urls(&search(&index, &["title:putin"]).1), vec![SEED_URL]);
    assert_eq!(stats(&index)["articles"], 2);
    warcio_check(&index);
}

#[test]
fn one_unreachable_url_does_not_stop_the_others() {
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = run(morgue(&index)
        .args([
            "add",
            "--timeout",
            "5",
            "http://127.0.0.1:1/nothing-listens-here",
        ])
        .arg(server.url(SECOND_PATH))
        .arg("not a url"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("http://127.0.0.1:1/nothing-listens-here"),
        "{stderr}"
    );
    assert!(stderr.contains("not a url"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Harbour council votes"), "{stdout}");
    assert_eq!(search(&index, &["pier"]).1.len(), 1);
}

#[test]
fn urls_stream_from_standard_input() {
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let list = format!(
        "# nightly list\n\n{}\n{}\n",
        server.url(SECOND_PATH),
        server.url(SEED_PATH)
    );
    let mut child = morgue(&index)
        .args(["add", "--json", "--input", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let reports = json_lines(&out.stdout);
    assert_eq!(reports.len(), 2);
    assert!(
        reports.iter().all(|r| r["status"] == "indexed"),
        "{reports:?}"
    );
}

#[test]
fn search_without_an_index_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(morgue(&dir.path().join("none")).args(["search", "anything"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index"));
}

#[test]
fn a_redirect_is_archived_hop_by_hop_with_metadata_records() {
    const OLD_URL: &str = "http://news.harbour-ledger.org/old-link";
    let server = Server::start(vec![
        ("/old-link", Page::redirect(SECOND_URL)),
        (SECOND_PATH, Page::html(second_html())),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = run(morgue(&index)
        .env("HTTP_PROXY", server.proxy())
        .args(["add", "--json", OLD_URL]));
    assert!(out.status.success());
    let report = &json_lines(&out.stdout)[0];
    assert_eq!(report["status"], "indexed", "{report}");
    assert_eq!(report["final_url"], SECOND_URL);

    let mut warc = String::new();
    for entry in std::fs::read_dir(index.join("warc")).unwrap() {
        let raw = std::fs::read(entry.unwrap().path()).unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut text)
            .unwrap();
        warc.push_str(&String::from_utf8_lossy(&text));
    }
    let count = |needle: &str| warc.matches(needle).count();
    assert_eq!(count("WARC-Type: response"), 2, "the 301 and the page");
    assert_eq!(count("WARC-Type: request"), 2);
    assert_eq!(count("WARC-Type: metadata"), 2, "one per response");
    assert_eq!(
        count("WARC-Concurrent-To: "),
        4,
        "requests and metadata point at responses"
    );
    assert_eq!(count("fetchTimeMs: "), 2);
    assert!(
        warc.contains(&format!("via: {OLD_URL}\r\nhopsFromSeed: R\r\n")),
        "{warc}"
    );
    warcio_check(&index);
}

#[test]
fn ctrl_c_keeps_what_is_done_and_the_same_command_resumes() {
    let routes: Vec<(String, Page)> = (0..120)
        .map(|n| (format!("/a/{n}"), Page::html(common::article_html(n))))
        .collect();
    let server = Server::start_slow(
        routes
            .iter()
            .map(|(p, page)| (p.as_str(), page.clone()))
            .collect(),
        std::time::Duration::from_millis(40),
    );
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let list = dir.path().join("urls.txt");
    let urls: Vec<String> = (0..120)
        .map(|n| format!("http://h{}.example/a/{n}", n % 3))
        .collect();
    std::fs::write(&list, urls.join("\n")).unwrap();
    let add = || {
        let mut cmd = morgue(&index);
        cmd.env("HTTP_PROXY", server.proxy())
            .args(["add", "--json", "--batch-size", "10", "--input"])
            .arg(&list)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd
    };

    // 120 URLs on 3 hosts, 2 at a time, 40 ms each: about 0.8 s. Interrupt once the first
    // reports are out (every 10 articles), well before the end.
    let mut child = add().spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
            let _ = lines_tx.send(line.unwrap());
        }
    });
    let mut first = vec![
        lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap(),
    ];
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    reader.join().unwrap();
    first.extend(lines.try_iter());
    assert_eq!(status.code(), Some(130));
    let first = json_lines(first.join("\n").as_bytes());
    assert!(
        first.len() < 120,
        "some, not all, reported: {}",
        first.len()
    );
    assert!(first.iter().all(|r| r["status"] == "indexed"), "{first:?}");

    let out = add().output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = json_lines(&out.stdout);
    assert_eq!(second.len(), 120);
    let skipped = second.iter().filter(|r| r["status"] == "skipped").count();
    let indexed = second.iter().filter(|r| r["status"] == "indexed").count();
    assert!(
        skipped >= first.len(),
        "{skipped} skipped, {} done before",
        first.len()
    );
    assert_eq!(skipped + indexed, 120);
    let stats = run(morgue(&index).args(["stats", "--json"]));
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 120, "{stats}");
}

/// An article page in `charset`, declared by `declare` (a `<meta>` tag, or nothing).
fn encoded_page(title: &str, paragraphs: &[&str], charset: &str, declare: bool) -> Vec<u8> {
    let meta = if declare {
        format!("<meta charset=\"{charset}\">")
    } else {
        String::new()
    };
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>\
         <article><h1>{title}</h1>\n{body}</article></body></html>"
    );
    let encoding = encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap();
    let (bytes, _, unmappable) = encoding.encode(&html);
    assert!(!unmappable, "{charset} cannot encode the test text");
    bytes.into_owned()
}

#[test]
fn pages_in_legacy_charsets_are_decoded_right() {
    let japanese = [
        "東京都は月曜日、新しい防災計画を発表した。計画は地震と洪水への備えを強化する内容だ。",
        "都の担当者は、住民の避難経路を見直し、学校や病院の耐震化を進めると説明した。",
    ];
    let french = [
        "Le conseil municipal a voté « oui » à la rénovation du théâtre, après un débat animé.",
        "Les travaux commenceront en été ; le maire a promis qu’ils seraient terminés l’année prochaine.",
    ];
    let russian = [
        "Городской совет в понедельник утвердил новый бюджет на строительство дорог и мостов.",
        "По словам мэра, работы начнутся весной и завершатся до конца следующего года.",
        "Жители города давно жаловались на плохое состояние дорог в центральных районах.",
    ];
    let page = |content_type: &'static str, body: Vec<u8>| Page {
        status: 200,
        content_type,
        body,
        location: None,
    };
    let server = Server::start(vec![
        (
            "/sjis",
            page(
                "text/html; charset=Shift_JIS",
                encoded_page("防災計画を発表", &japanese, "shift_jis", false),
            ),
        ),
        (
            "/cp1252",
            page(
                "text/html",
                encoded_page("Le théâtre rénové", &french, "windows-1252", true),
            ),
        ),
        (
            "/koi8",
            page(
                "text/html; charset=koi8-r",
                encoded_page("Новый бюджет", &russian, "koi8-r", false),
            ),
        ),
        (
            "/koi8-undeclared",
            page(
                "text/html",
                encoded_page("Новый бюджет", &russian, "koi8-r", false),
            ),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let paths = ["/sjis", "/cp1252", "/koi8", "/koi8-undeclared"];
    let out = run(morgue(&index).arg("add").args(paths.map(|p| server.url(p))));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text_of = |path: &str| -> Value {
        let out = run(morgue(&index).args(["show", "--json", &server.url(path)]));
        assert!(out.status.success(), "{path}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let sjis = text_of("/sjis");
    assert_eq!(sjis["title"], "防災計画を発表");
    assert!(
        sjis["text"].as_str().unwrap().contains(japanese[1]),
        "{sjis}"
    );
    let cp1252 = text_of("/cp1252");
    assert!(
        cp1252["text"].as_str().unwrap().contains(french[1]),
        "{cp1252}"
    );
    for path in ["/koi8", "/koi8-undeclared"] {
        let koi8 = text_of(path);
        assert_eq!(koi8["title"], "Новый бюджет", "{path}");
        assert!(
            koi8["text"].as_str().unwrap().contains(russian[2]),
            "{path}: {koi8}"
        );
    }
}
