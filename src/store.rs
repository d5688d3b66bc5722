//! The archive directory on disk (`--index DIR`): where the WARC files, the live index generation
//! and the writer lock live, and how a rebuilt index replaces the live one atomically.
//!
//! ```text
//! DIR/warc/morgue-*.warc.gz   the archive (append-only, the source of truth)
//! DIR/search-N/               tantivy index generations; CURRENT names the live one
//! DIR/CURRENT                 "search-N\n", replaced by rename (atomic)
//! DIR/state.json              counters kept for `stats` (captures, last add/import/rebuild)
//! DIR/lock                    held (OS file lock) by the one writer; contains its pid
//! ```

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::index::Index;

const CURRENT: &str = "CURRENT";
const STATE: &str = "state.json";
const LOCK: &str = "lock";
const GENERATION_PREFIX: &str = "search-";

/// An archive directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// Counters kept beside the index for `stats`; rewritten atomically after each commit.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct State {
    /// Response records appended to the archive (all statuses, redirects included).
    pub captures: u64,
    pub last_add: Option<DateTime<Utc>>,
    pub last_import: Option<DateTime<Utc>>,
    pub last_rebuild: Option<DateTime<Utc>>,
}

/// The writer lock: held for as long as this value lives.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl Store {
    /// The store at `root` (nothing is created until a writer needs it).
    pub fn new(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
        }
    }

    /// The directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Creates the directory if needed and takes the writer lock. With `wait`, blocks until the
    /// other writer is done; otherwise fails naming the pid that holds it.
    pub fn lock(&self, wait: bool) -> anyhow::Result<WriterLock> {
        fs::create_dir_all(&self.root)
            .with_context(|| format!("cannot create {}", self.root.display()))?;
        let path = self.root.join(LOCK);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        if wait {
            file.lock()
                .with_context(|| format!("cannot lock {}", path.display()))?;
        } else if let Err(err) = file.try_lock() {
            let holder = fs::read_to_string(&path).unwrap_or_default();
            let holder = holder.trim();
            match err {
                fs::TryLockError::WouldBlock => bail!(
                    "{} is in use by another morgue writer{} (use --wait to wait for it)",
                    self.root.display(),
                    if holder.is_empty() {
                        String::new()
                    } else {
                        format!(" (pid {holder})")
                    }
                ),
                fs::TryLockError::Error(e) => {
                    return Err(e).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
        }
        file.set_len(0)?;
        write!(file, "{}", std::process::id())?;
        Ok(WriterLock { _file: file })
    }

    /// The archive (its WARC directory is created if needed).
    pub fn archive(&self) -> anyhow::Result<Archive> {
        Ok(Archive::open(&self.root.join("warc"))?)
    }

    /// The live index generation, if there is one.
    pub fn live_index_dir(&self) -> anyhow::Result<Option<PathBuf>> {
        match fs::read_to_string(self.root.join(CURRENT)) {
            Ok(name) => {
                let name = name.trim();
                if !name.starts_with(GENERATION_PREFIX) || name.contains(['/', '\\']) {
                    bail!(
                        "{} names {name:?}, not an index generation",
                        self.root.join(CURRENT).display()
                    );
                }
                Ok(Some(self.root.join(name)))
            }
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", self.root.display())),
        }
    }

    /// Opens the live index for reading; a clear error when there is none.
    pub fn open_index(&self) -> anyhow::Result<Index> {
        match self.live_index_dir()? {
            Some(dir) => Ok(Index::open(&dir)?),
            None => Err(crate::index::IndexError::Missing {
                path: self.root.display().to_string(),
            }
            .into()),
        }
    }

    /// Opens the live index for writing, creating the first generation if there is none.
    /// Call with the writer lock held.
    pub fn open_or_create_index(&self) -> anyhow::Result<Index> {
        if let Some(dir) = self.live_index_dir()? {
            return Ok(Index::open_or_create(&dir)?);
        }
        let dir = self.new_generation()?;
        let index = Index::open_or_create(&dir)?;
        self.publish(&dir)?;
        Ok(index)
    }

    /// A new, empty generation directory for a rebuild. Call with the writer lock held.
    pub fn new_generation(&self) -> anyhow::Result<PathBuf> {
        let next = self.generations()?.into_iter().max().unwrap_or(0) + 1;
        let dir = self.root.join(format!("{GENERATION_PREFIX}{next}"));
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(dir)
    }

    /// Makes `dir` the live generation (atomic rename of CURRENT), then removes
    /// every other generation (an interrupted rebuild leaves one behind; the next publish removes it).
    pub fn publish(&self, dir: &Path) -> anyhow::Result<()> {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .context("generation directory has no name")?;
        replace_file(&self.root.join(CURRENT), format!("{name}\n").as_bytes())?;
        let live: u64 = name[GENERATION_PREFIX.len()..].parse().unwrap_or(0);
        for generation in self.generations()? {
            if generation != live {
                let old = self.root.join(format!("{GENERATION_PREFIX}{generation}"));
                // Searches that have the old generation open keep reading their open files.
                let _ = fs::remove_dir_all(old);
            }
        }
        Ok(())
    }

    fn generations(&self) -> anyhow::Result<Vec<u64>> {
        let mut out = Vec::new();
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(out),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot list {}", self.root.display()));
            }
        };
        for entry in entries.flatten() {
            if let Some(n) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.strip_prefix(GENERATION_PREFIX))
                .and_then(|n| n.parse().ok())
            {
                out.push(n);
            }
        }
        Ok(out)
    }

    /// The counters (zero when never written).
    pub fn state(&self) -> anyhow::Result<State> {
        match fs::read(self.root.join(STATE)) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("corrupt {}", self.root.join(STATE).display())),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", self.root.display())),
        }
    }

    /// Rewrites the counters atomically. Call with the writer lock held.
    pub fn save_state(&self, state: &State) -> anyhow::Result<()> {
        replace_file(&self.root.join(STATE), &serde_json::to_vec_pretty(state)?)
    }

    /// Bytes on disk under `sub` (recursively).
    pub fn bytes_under(&self, sub: &Path) -> u64 {
        dir_bytes(&self.root.join(sub))
    }
}

fn dir_bytes(path: &Path) -> u64 {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::read_dir(path)
            .map(|entries| entries.flatten().map(|e| dir_bytes(&e.path())).sum())
            .unwrap_or(0),
        Ok(meta) => meta.len(),
        Err(_) => 0,
    }
}

/// Writes `bytes` to a temporary file beside `path`, fsyncs it and renames it over `path`.
fn replace_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut file = File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_with_the_holders_pid() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let _held = store.lock(false).unwrap();
        let err = store.lock(false).unwrap_err().to_string();
        assert!(err.contains("in use"), "{err}");
        assert!(err.contains(&std::process::id().to_string()), "{err}");
    }

    #[test]
    fn state_round_trips_and_defaults_to_zero() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert_eq!(store.state().unwrap(), State::default());
        let state = State {
            captures: 7,
            last_add: Some(Utc::now()),
            ..State::default()
        };
        store.save_state(&state).unwrap();
        assert_eq!(store.state().unwrap(), state);
    }

    #[test]
    fn generations_are_published_and_old_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert_eq!(store.live_index_dir().unwrap(), None);
        let first = store.new_generation().unwrap();
        store.publish(&first).unwrap();
        let second = store.new_generation().unwrap();
        assert_ne!(first, second);
        assert_eq!(store.live_index_dir().unwrap(), Some(first.clone()));
        store.publish(&second).unwrap();
        assert_eq!(store.live_index_dir().unwrap(), Some(second));
        assert!(!first.exists());
    }
}
