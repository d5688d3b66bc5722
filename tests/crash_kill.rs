//! Crash safety: `kill -9` at random moments of `add`, `import` and `rebuild` never loses a capture
//! whose `add` reported success, never leaves an archive that does not read back, and never
//! leaves an index that does not open. Rounds: `MORGUE_KILL_ROUNDS` (default 12); seed:
//! `MORGUE_KILL_SEED`.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::{Page, Server, article_html, json_lines, morgue, succeed};

const PAGES: usize = 120;

/// A small deterministic generator (xorshift), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn kill_minus_nine_loses_nothing_reported() {
    let rounds: usize = std::env::var("MORGUE_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let seed: u64 = std::env::var("MORGUE_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_cafe);
    eprintln!("kill test: {rounds} rounds, seed {seed}");
    let mut rng = Rng(seed | 1);

    let paths: Vec<String> = (0..PAGES).map(|n| format!("/story/{n}")).collect();
    let server = Server::start_slow(
        paths
            .iter()
            .enumerate()
            .map(|(n, p)| (p.as_str(), Page::html(article_html(n))))
            .collect(),
        Duration::from_millis(3),
    );
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let list = dir.path().join("urls.txt");
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    std::fs::write(&list, urls.join("\n")).unwrap();

    // How long a whole `add` takes here: kills are spread over that window.
    let started = std::time::Instant::now();
    let timing = morgue(&dir.path().join("timing"))
        .args(["add", "--batch-size", "10", "--input"])
        .arg(&list)
        .output()
        .unwrap();
    assert!(timing.status.success());
    let window = (started.elapsed().as_millis() as u64 * 11 / 10).max(50);
    eprintln!(
        "a whole add takes {:?}: kills within {window} ms",
        started.elapsed()
    );

    // The timing run's archive is the foreign WARC the import rounds read (the same 120 pages).
    let sources: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path().join("timing/warc"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();

    let mut confirmed: BTreeSet<String> = BTreeSet::new();
    for round in 0..rounds {
        let mut cmd = morgue(&index);
        let kind = match round % 5 {
            0 | 1 => {
                cmd.args(["add", "--json", "--wait", "--batch-size", "10", "--input"])
                    .arg(&list);
                "add"
            }
            2 => {
                cmd.args(["rebuild", "--wait"]);
                "rebuild"
            }
            3 => {
                cmd.args(["import", "--json", "--wait"]).args(&sources);
                "import"
            }
            _ => {
                cmd.args(["add", "--json", "--wait", "--refetch", "--input"])
                    .arg(&list);
                "add --refetch"
            }
        };
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        let wait = rng.below(window);
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let lines = reader.join().unwrap();
        let mut reported = 0;
        for line in lines {
            // A line cut by the kill is not a report.
            let Ok(report) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if report["status"] == "indexed" || report["status"] == "unchanged" {
                confirmed.insert(report["url"].as_str().unwrap().to_string());
                reported += 1;
            }
            // import reports a file once it is durable: all of its pages are then confirmed
            if report["indexed"] == PAGES as u64 {
                confirmed.extend(urls.iter().cloned());
                reported += PAGES;
            }
        }
        eprintln!(
            "round {round}: {kind} killed after {wait} ms, {reported} reported done, {} confirmed so far",
            confirmed.len()
        );
        check(&index, &confirmed, &mut rng);
    }

    // A run to completion repairs whatever the last kill tore, and has everything.
    succeed(morgue(&index).args(["add", "--json", "--input"]).arg(&list));
    let stats = morgue(&index).args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], PAGES as u64, "{stats}");
    let verify = morgue(&index).args(["verify"]).output().unwrap();
    assert!(
        verify.status.success(),
        "verify after the final run: {}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
}

/// The index opens, holds at least as many articles as were confirmed, and a sample of the
/// confirmed URLs (each a distinct article) is found.
fn check(index: &std::path::Path, confirmed: &BTreeSet<String>, rng: &mut Rng) {
    if !index.join("CURRENT").exists() {
        assert!(confirmed.is_empty(), "reports without an index");
        return;
    }
    let stats = morgue(index).args(["stats", "--json"]).output().unwrap();
    assert!(
        stats.status.success(),
        "index does not open: {}",
        String::from_utf8_lossy(&stats.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert!(
        stats["articles"].as_u64().unwrap() >= confirmed.len() as u64,
        "{} confirmed but the index has {stats}",
        confirmed.len()
    );
    let sample: Vec<&String> = confirmed
        .iter()
        .filter(|_| rng.below(confirmed.len().max(1) as u64) < 6)
        .collect();
    for url in sample {
        let n: usize = url.rsplit('/').next().unwrap().parse().unwrap();
        let out = morgue(index)
            .args(["search", "--json", &format!("zq{n}x")])
            .output()
            .unwrap();
        let hits = json_lines(&out.stdout);
        assert_eq!(
            hits.len(),
            1,
            "{url} was reported done but is not found: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
