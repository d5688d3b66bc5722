//! What an interrupted `add` batch had already finished, so running the same command again resumes
//! instead of starting over. One file per batch under `DIR/journal/`, appended after each durable
//! batch and removed when the batch completes.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use sha1::{Digest, Sha1};

/// The journal of one batch (identified by its input file and URL arguments).
pub struct Journal {
    path: PathBuf,
    file: File,
    done: HashSet<u64>,
}

impl Journal {
    /// Opens the journal of the batch made of `urls` and `input` under `root/journal`, loading what
    /// an earlier, interrupted run finished. A batch read from standard input has no identity and
    /// gets no journal (`None`).
    pub fn open(
        root: &Path,
        urls: &[String],
        input: Option<&Path>,
    ) -> anyhow::Result<Option<Journal>> {
        let mut key = Sha1::new();
        for url in urls {
            key.update(url.as_bytes());
            key.update(b"\n");
        }
        if let Some(input) = input {
            if input.as_os_str() == "-" {
                return Ok(None);
            }
            let canonical = fs::canonicalize(input).unwrap_or_else(|_| input.to_path_buf());
            key.update(b"input:");
            key.update(canonical.to_string_lossy().as_bytes());
        }
        let key: String = key.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let dir = root.join("journal");
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join(format!("{key}.txt"));
        let mut done = HashSet::new();
        if let Ok(file) = File::open(&path) {
            for line in BufReader::new(file).lines() {
                let Ok(line) = line else { break };
                // A torn last line (crash mid-write) simply is not counted.
                if let Ok(hash) = u64::from_str_radix(line.trim(), 16) {
                    done.insert(hash);
                }
            }
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Some(Journal { path, file, done }))
    }

    /// How many URLs an earlier run finished.
    pub fn resumed(&self) -> usize {
        self.done.len()
    }

    /// Hands over the set of finished URLs (as [`hash`]es) to whoever filters the input.
    pub fn take_done(&mut self) -> HashSet<u64> {
        std::mem::take(&mut self.done)
    }

    /// Records `urls` as finished (call after the batch holding them is durable).
    pub fn record<'a>(&mut self, urls: impl IntoIterator<Item = &'a str>) -> anyhow::Result<()> {
        let mut lines = String::new();
        for url in urls {
            lines.push_str(&format!("{:016x}\n", hash(url)));
        }
        self.file.write_all(lines.as_bytes())?;
        self.file.sync_data()?;
        Ok(())
    }

    /// The batch completed: the journal is no longer needed.
    pub fn finish(self) -> anyhow::Result<()> {
        fs::remove_file(&self.path)
            .with_context(|| format!("cannot remove {}", self.path.display()))
    }
}

/// The journal's key of a URL.
pub fn hash(url: &str) -> u64 {
    let digest = Sha1::digest(url.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().unwrap_or([0; 8]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_batch_resumes_and_a_finished_one_starts_over() {
        let dir = tempfile::tempdir().unwrap();
        let urls = vec!["http://a.example/1".to_string()];
        let mut journal = Journal::open(dir.path(), &urls, None).unwrap().unwrap();
        assert_eq!(journal.resumed(), 0);
        journal.record(["http://a.example/1"]).unwrap();
        drop(journal);

        let mut journal = Journal::open(dir.path(), &urls, None).unwrap().unwrap();
        let done = journal.take_done();
        assert!(done.contains(&hash("http://a.example/1")));
        assert!(!done.contains(&hash("http://a.example/2")));
        journal.finish().unwrap();

        let journal = Journal::open(dir.path(), &urls, None).unwrap().unwrap();
        assert_eq!(journal.resumed(), 0);
    }

    #[test]
    fn other_batches_and_stdin_do_not_share_a_journal() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Journal::open(dir.path(), &["http://a.example/".into()], None)
            .unwrap()
            .unwrap();
        a.record(["http://a.example/"]).unwrap();
        let b = Journal::open(dir.path(), &["http://b.example/".into()], None)
            .unwrap()
            .unwrap();
        assert_eq!(b.resumed(), 0);
        assert!(
            Journal::open(dir.path(), &[], Some(Path::new("-")))
                .unwrap()
                .is_none()
        );
    }
}
