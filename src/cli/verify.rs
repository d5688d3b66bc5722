//! `morgue verify`: checks that the archive is intact (every record reads back, every digest
//! matches) and that the index and the archive agree (every indexed article has its capture,
//! every HTML capture is indexed).

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::archive;
use crate::identity;
use crate::store::Store;

/// Check the archive's digests and that the index and the archive agree.
///
/// Exit status: 0 when everything checks out, 1 when anything is damaged or missing, 2 on error.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Default, Serialize)]
struct Report {
    files: u64,
    records: u64,
    digests_checked: u64,
    /// Problems in the archive: damaged records and digest mismatches, each naming file and offset.
    archive_problems: Vec<String>,
    articles: u64,
    /// Indexed articles whose capture is missing or unreadable.
    missing_captures: Vec<String>,
    /// HTML 200 captures whose article is not in the index.
    unindexed: Vec<String>,
}

impl Report {
    fn is_ok(&self) -> bool {
        self.archive_problems.is_empty()
            && self.missing_captures.is_empty()
            && self.unindexed.is_empty()
    }
}

pub fn run(index: &Path, args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let archive = store.archive()?;
    let index = store.open_index()?;
    let mut report = Report::default();

    // 1. The archive on its own, in one pass per file: every record reads back, every digest
    //    matches; and the HTML captures that should have an article.
    let mut indexable = HashSet::new();
    for file in archive.files()? {
        report.files += 1;
        let name = file.display();
        match archive::verify(&file) {
            Ok(check) => {
                indexable.extend(check.html_captures.iter().map(|u| identity::article_id(u)));
                report.records += check.records;
                report.digests_checked += check.digests_checked;
                report.archive_problems.extend(check.damaged);
                report
                    .archive_problems
                    .extend(check.failures.iter().map(|f| {
                        format!(
                            "{name}: record at offset {} ({}): {} digest {} does not match {}",
                            f.offset,
                            f.target_uri.as_deref().unwrap_or("no target URI"),
                            f.which,
                            f.expected,
                            f.actual
                        )
                    }));
            }
            Err(e) => report.archive_problems.push(e.to_string()),
        }
    }

    // 2. The index against the archive.
    let mut indexed = HashSet::new();
    for entry in index.entries()? {
        let id = entry.id;
        report.articles += 1;
        let found = (entry.location.as_ref())
            .and_then(|l| archive.read_at(l).ok())
            .is_some_and(|r| identity::article_id(&r.capture.url) == id);
        if !found {
            report.missing_captures.push(id.clone());
        }
        indexed.insert(id);
    }
    let mut unindexed: Vec<String> = indexable.difference(&indexed).cloned().collect();
    unindexed.sort();
    report.unindexed = unindexed;

    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        for problem in &report.archive_problems {
            println!("damaged: {problem}");
        }
        for id in &report.missing_captures {
            println!("missing capture: article {id} has no readable capture in the archive");
        }
        for id in &report.unindexed {
            println!("not indexed: the archive has an HTML capture of article {id}");
        }
        println!(
            "{} files, {} records, {} digests checked, {} articles: {}",
            report.files,
            report.records,
            report.digests_checked,
            report.articles,
            if report.is_ok() {
                "all good"
            } else {
                "PROBLEMS FOUND"
            }
        );
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
