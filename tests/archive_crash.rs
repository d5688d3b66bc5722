//! Crash safety of the archive alone: a child process appends and syncs records in a loop and is
//! killed (SIGKILL) at random moments; after `repair`, every record whose sync returned is read
//! back and nothing damaged remains.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use morgue::archive::{self, Archive};
use morgue::capture::Capture;

const CHILD_ENV: &str = "MORGUE_ARCHIVE_CRASH_CHILD_DIR";

fn capture(i: u64) -> Capture {
    Capture {
        url: format!("http://crash.example/{i}"),
        status: 200,
        reason: "OK".into(),
        http_version: "HTTP/1.1".into(),
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: format!(
            "<p>{}</p>",
            format!("record {i} ").repeat(200 + (i % 50) as usize)
        )
        .into_bytes(),
        fetched_at: Utc::now(),
        ip: None,
    }
}

/// The child: appends forever in batches, printing the last index after each successful sync.
#[test]
#[ignore = "run by crash_kills_never_lose_synced_records as its child process"]
fn crash_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let archive = Archive::open(std::path::Path::new(&dir)).unwrap();
    let start: u64 = std::env::var("MORGUE_ARCHIVE_CRASH_START")
        .unwrap()
        .parse()
        .unwrap();
    let mut writer = archive.writer().unwrap().with_rotation(200_000);
    let mut i = start;
    loop {
        for _ in 0..3 {
            writer.append(&capture(i), None, &[]).unwrap();
            i += 1;
        }
        writer.sync().unwrap();
        println!("synced {}", i - 1);
    }
}

#[test]
fn crash_kills_never_lose_synced_records() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = Instant::now().elapsed().as_nanos() as u64 | 1;
    let mut synced_upto: Option<u64> = None;
    let mut next = 0u64;
    let rounds = 20;
    let mut repaired = 0;
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_child_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .env("MORGUE_ARCHIVE_CRASH_START", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let lifetime = Duration::from_millis(20 + seed % 150);
        let started = Instant::now();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        while started.elapsed() < lifetime {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(n) = line.strip_prefix("synced ") {
                        synced_upto = Some(n.trim().parse().unwrap());
                    }
                }
                _ => break,
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // Lines the child printed before dying are acknowledgements too.
        for line in lines.map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("synced ") {
                synced_upto = Some(n.trim().parse().unwrap());
            }
        }

        let archive = Archive::open(dir.path()).unwrap();
        let notes = archive.repair().unwrap();
        repaired += notes.len();
        let mut seen = std::collections::HashSet::new();
        let mut max = None;
        for file in archive.files().unwrap() {
            for record in archive::read(&file).unwrap() {
                let record =
                    record.unwrap_or_else(|e| panic!("round {round}: {e} after {notes:?}"));
                let i: u64 = record
                    .capture
                    .url
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(record.capture, {
                    let mut c = capture(i);
                    c.fetched_at = record.capture.fetched_at;
                    c
                });
                seen.insert(i);
                max = max.max(Some(i));
            }
        }
        if let Some(upto) = synced_upto {
            for i in 0..=upto {
                assert!(seen.contains(&i), "round {round}: synced record {i} lost");
            }
        }
        next = max
            .map_or(0, |m| m + 1)
            .max(synced_upto.map_or(0, |s| s + 1));
    }
    assert!(synced_upto.is_some(), "the child never synced anything");
    println!(
        "{rounds} kills: records 0..={} synced and all read back; {repaired} torn tails cut",
        synced_upto.unwrap_or(0)
    );
}
