//! Opt-in: reads every WARC/ARC file under the directory named by `MORGUE_WARC_SAMPLES` (e.g. the
//! shared edge-case samples) and prints what the reader makes of each. Never panics, whatever the
//! input; without the variable it says it did not run.

use std::path::{Path, PathBuf};

use morgue::archive::{self, RecordKind};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            let name = path.to_string_lossy();
            if name.contains(".warc") || name.contains(".arc") {
                out.push(path);
            }
        }
    }
}

#[test]
fn read_every_sample() {
    let Some(dir) = std::env::var_os("MORGUE_WARC_SAMPLES") else {
        println!("MORGUE_WARC_SAMPLES is not set: sample reading did not run");
        return;
    };
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no WARC files under {dir:?}");
    for file in files {
        let short = file
            .strip_prefix(&dir)
            .unwrap_or(&file)
            .display()
            .to_string();
        let records = match archive::read(&file) {
            Ok(records) => records,
            Err(e) => {
                println!("{short}: cannot read: {e}");
                continue;
            }
        };
        let (mut responses, mut resources, mut revisits, mut errors) = (0, 0, 0, Vec::new());
        let mut statuses = Vec::new();
        for record in records {
            match record {
                Ok(c) => {
                    match c.kind {
                        RecordKind::Response => responses += 1,
                        RecordKind::Resource => resources += 1,
                        RecordKind::Revisit { .. } => revisits += 1,
                    }
                    if statuses.len() < 4 {
                        statuses.push(format!(
                            "{} {} {}B@{}+{}",
                            c.capture.status,
                            c.capture.url,
                            c.capture.body.len(),
                            c.location.offset,
                            c.location.length
                        ));
                    }
                    // read_at must find the same record again.
                    match archive::read_at(&file, &c.location) {
                        Ok(again) => {
                            assert_eq!(again.capture, c.capture, "{short} {:?}", c.location)
                        }
                        Err(e) => errors.push(format!("read_at {:?}: {e}", c.location)),
                    }
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        let verify = archive::verify(&file);
        println!(
            "{short}: {responses} responses, {resources} resources, {revisits} revisits, {} errors; verify: {verify:?}\n    {}",
            errors.len(),
            statuses.join("\n    ")
        );
        for e in errors.iter().take(5) {
            println!("    ERR {e}");
        }
    }
}
