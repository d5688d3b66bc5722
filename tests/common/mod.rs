//! A loopback HTTP server for the end-to-end tests: serves fixed responses by path, answers both
//! origin-form requests (`GET /path`) and proxy requests (`GET http://host/path`), so tests can
//! fetch real-looking URLs through `HTTP_PROXY`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// A canned response.
#[derive(Clone)]
pub struct Page {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// A `Location` header (for redirects).
    pub location: Option<String>,
}

impl Page {
    pub fn html(body: impl Into<Vec<u8>>) -> Page {
        Page {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: body.into(),
            location: None,
        }
    }

    /// A `301 Moved Permanently` to `to`.
    pub fn redirect(to: &str) -> Page {
        Page {
            status: 301,
            content_type: "text/html",
            body: b"moved".to_vec(),
            location: Some(to.to_string()),
        }
    }
}

/// The running server; requests are logged as (host or "", path).
pub struct Server {
    pub port: u16,
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `routes` (keyed by path, e.g. `/a/b`) until the test process ends; `/robots.txt`
    /// allows everything unless a route overrides it; unknown paths get 404.
    pub fn start(routes: Vec<(&str, Page)>) -> Server {
        Server::start_slow(routes, std::time::Duration::ZERO)
    }

    /// [`Server::start`], waiting `delay` before each response.
    pub fn start_slow(routes: Vec<(&str, Page)>, delay: std::time::Duration) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<String, Page>> = Arc::new(
            routes
                .into_iter()
                .map(|(p, page)| (p.to_string(), page))
                .collect(),
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, &routes, &log, delay));
            }
        });
        Server { port, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn proxy(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

fn serve(
    stream: TcpStream,
    routes: &HashMap<String, Page>,
    log: &Mutex<Vec<String>>,
    delay: std::time::Duration,
) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
        }
        // Absolute-form (proxy) requests: keep only the path.
        let path = match target.split_once("://") {
            Some((_, rest)) => rest
                .find('/')
                .map(|i| rest[i..].to_string())
                .unwrap_or("/".into()),
            None => target.clone(),
        };
        log.lock().unwrap().push(target.clone());
        std::thread::sleep(delay);
        let page = routes.get(&path).cloned().unwrap_or_else(|| {
            if path == "/robots.txt" {
                Page {
                    status: 200,
                    content_type: "text/plain",
                    body: b"User-agent: *\nAllow: /\n".to_vec(),
                    location: None,
                }
            } else {
                Page {
                    status: 404,
                    content_type: "text/html",
                    body: b"<html><body><h1>Not found</h1></body></html>".to_vec(),
                    location: None,
                }
            }
        });
        let reason = match page.status {
            200 => "OK",
            301 => "Moved Permanently",
            404 => "Not Found",
            500 => "Internal Server Error",
            _ => "Status",
        };
        let location = page
            .location
            .as_ref()
            .map(|l| format!("Location: {l}\r\n"))
            .unwrap_or_default();
        let head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{location}Server: morgue-test\r\n\r\n",
            page.status,
            page.content_type,
            page.body.len()
        );
        if stream.write_all(head.as_bytes()).is_err() || stream.write_all(&page.body).is_err() {
            return;
        }
    }
}

/// A small generated news article page (distinct words per `n`, so each can be searched for).
pub fn article_html(n: usize) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story number {n} from the river valley | Valley Courier</title>
<meta property="article:published_time" content="2023-05-{day:02}T10:00:00+02:00">
<meta name="author" content="Jo Writer"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Story number {n} from the river valley</h1>
<p>This is the body of story {n}, with the marker word zq{n}x so a search finds exactly this story.
The river valley council met again on Tuesday to discuss the ferry timetable and the bridge.</p>
<p>Residents said the new timetable would help commuters, while shop owners worried about parking
near the old market square during the summer months.</p></article>
<footer>Valley Courier</footer></body></html>"#,
        day = n % 28 + 1
    )
}

/// The seed article page written for these tests.
pub fn seed_html() -> Vec<u8> {
    std::fs::read(fixture("seed/seed.html")).expect("tests/fixtures/seed/seed.html")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `morgue --index DIR` with a clean environment (no proxy, no colour).
pub fn morgue(index: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_morgue"));
    cmd.arg("--index").arg(index);
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "MORGUE_INDEX",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` and asserts that it succeeded, showing its stderr when it did not.
pub fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("run the command");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Parses JSON Lines output.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
