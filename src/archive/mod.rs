//! The archive: captures appended to WARC/1.1 files (one gzip member per record), the source of
//! truth from which the index can always be rebuilt; and a reader for any WARC.
//!
//! Layout: `stream` turns a file (plain, gzip per record, or one big gzip member) into a
//! member-aware byte stream; `record` cuts that stream into WARC records and resynchronises after
//! damage; `http` parses the HTTP message inside a record; `reader` turns records into captures;
//! `format` serialises records; `writer` appends them; `repair` cuts torn tails and verifies digests.

mod arc;
mod format;
mod http;
mod reader;
mod record;
mod repair;
mod resync;
mod stream;
mod writer;

use std::path::{Path, PathBuf};

use crate::capture::Capture;

pub use format::{RevisitOf, RevisitProfile, sha1_digest};
pub use reader::{read, read_at};
pub use repair::{DigestFailure, RepairNote, VerifyReport, verify};
pub use writer::ArchiveWriter;

/// Largest record block the reader materialises in memory; bigger records are reported and skipped.
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// Size at which a writer closes its file and starts a new one.
pub const ROTATE_BYTES: u64 = 1024 * 1024 * 1024;

/// Where a record lives: a file of the archive directory and the byte range of its gzip member.
///
/// For a `.warc.gz` written one member per record (morgue's own, and every well-formed file) the
/// range is the record's gzip member in the compressed file. For a plain `.warc` it is the record's
/// bytes in the file. For a gzip file whose members do not match records (a whole file in one
/// member, or records split across members) it is the range in the *uncompressed* stream;
/// [`read_at`] handles both, the latter by decompressing from the start of the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordLocation {
    /// File name, relative to the archive's WARC directory (or the path given, for foreign files).
    pub file: String,
    /// Offset of the record (its gzip member) in the file.
    pub offset: u64,
    /// Length in bytes of the record (its gzip member) in the file.
    pub length: u64,
}

/// A directory of WARC files written by morgue.
#[derive(Debug, Clone)]
pub struct Archive {
    dir: PathBuf,
}

/// Errors of the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The file system refused (open, write, fsync…).
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A record that could not be read; the reader carries on after it.
    #[error("{path}: damaged record at offset {offset}: {message}")]
    Damaged {
        path: PathBuf,
        offset: u64,
        message: String,
    },
    /// A record larger than [`MAX_RECORD_BYTES`]: not written, since it could not be read back.
    #[error("{url}: response of {bytes} bytes is larger than the archive's {limit} byte limit")]
    TooLarge { url: String, bytes: u64, limit: u64 },
    /// A file the reader cannot read at all (LZ4, zstd, not a WARC).
    #[error("{path}: {message}")]
    Unsupported { path: PathBuf, message: String },
}

impl ArchiveError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> ArchiveError {
        ArchiveError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Archive {
    /// Opens (creating if needed) the WARC directory.
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        std::fs::create_dir_all(dir).map_err(|e| ArchiveError::io(dir, e))?;
        Ok(Archive {
            dir: dir.to_path_buf(),
        })
    }

    /// The WARC files of the archive, oldest first (`*.warc.gz` and `*.warc`, sorted by name: morgue's
    /// names start with their creation time).
    pub fn files(&self) -> Result<Vec<PathBuf>, ArchiveError> {
        let entries = std::fs::read_dir(&self.dir).map_err(|e| ArchiveError::io(&self.dir, e))?;
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| ArchiveError::io(&self.dir, e))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if (name.ends_with(".warc.gz") || name.ends_with(".warc"))
                && entry.file_type().is_ok_and(|t| t.is_file())
            {
                files.push(entry.path());
            }
        }
        files.sort();
        Ok(files)
    }

    /// A writer appending to a new WARC file of this archive (created on the first append, rotated
    /// at [`ROTATE_BYTES`]). Hold the archive's lock while writing: two writers never share a file,
    /// but [`Archive::repair`] must not run while another process writes.
    pub fn writer(&self) -> Result<ArchiveWriter, ArchiveError> {
        Ok(ArchiveWriter::new(&self.dir, ROTATE_BYTES))
    }

    /// Reads one file of the archive by name; locations carry that name (as the index stores them).
    pub fn read_file(
        &self,
        name: &str,
    ) -> Result<impl Iterator<Item = Result<ArchivedCapture, ArchiveError>> + use<>, ArchiveError>
    {
        reader::read_named(&self.dir.join(name), name)
    }

    /// Reads the record at `location` (its `file` relative to this archive's directory).
    pub fn read_at(&self, location: &RecordLocation) -> Result<ArchivedCapture, ArchiveError> {
        read_at(&self.dir.join(&location.file), location)
    }

    /// Cuts a torn last record off every morgue file of the archive (after a crash) and says what
    /// was cut. Run it holding the writer lock, before writing.
    pub fn repair(&self) -> Result<Vec<RepairNote>, ArchiveError> {
        repair::repair_files(&self.files()?)
    }

    /// Total size in bytes of the archive's WARC files (for `stats`).
    pub fn size_bytes(&self) -> Result<u64, ArchiveError> {
        let mut total = 0;
        for file in self.files()? {
            total += std::fs::metadata(&file)
                .map_err(|e| ArchiveError::io(&file, e))?
                .len();
        }
        Ok(total)
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// What kind of WARC record a capture was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordKind {
    /// A `response` record: the HTTP response as received.
    Response,
    /// A `resource` record: a synthetic 200 with the record's Content-Type, the block as body.
    Resource,
    /// A `revisit` record: HTTP headers only (empty body; status 0 when the record has none);
    /// the payload is that of the record it refers to (same URI and payload digest, or the
    /// `WARC-Refers-To-*` fields below).
    Revisit {
        /// `WARC-Refers-To-Target-URI` (brackets removed), when the record names it.
        refers_to_uri: Option<String>,
        /// `WARC-Refers-To-Date` as written, when the record names it.
        refers_to_date: Option<String>,
    },
}

/// One record read back from a WARC file.
#[derive(Debug)]
pub struct ArchivedCapture {
    /// The HTTP response (for `resource` records: a synthetic 200 with the record's Content-Type).
    pub capture: Capture,
    /// Where the record is.
    pub location: RecordLocation,
    /// The record type.
    pub kind: RecordKind,
    /// `WARC-Payload-Digest` as written in the record (e.g. `sha1:AB…`), if any.
    pub payload_digest: Option<String>,
    /// `WARC-Record-ID`, if any.
    pub record_id: Option<String>,
}
