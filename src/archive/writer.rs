//! Appending captures to the archive: each writer creates its own new file (never touching data
//! of other files), starts it with a `warcinfo` record, and rotates at a size limit.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};

use super::format::{self, RecordBuilder, RevisitOf, RevisitProfile};
use super::{ArchiveError, MAX_RECORD_BYTES, RecordLocation};
use crate::capture::{Capture, Request};

/// Appends records to the archive.
pub struct ArchiveWriter {
    dir: PathBuf,
    rotate_at: u64,
    current: Option<OpenFile>,
    /// A write failed since the last sync: what was appended since may be lost.
    failed: Option<String>,
}

/// The file being appended to.
struct OpenFile {
    name: String,
    path: PathBuf,
    out: BufWriter<File>,
    /// Bytes written so far (the offset of the next member).
    len: u64,
    warcinfo_id: String,
    /// Whether the directory entry of this file has been fsynced.
    dir_synced: bool,
}

impl ArchiveWriter {
    pub(crate) fn new(dir: &Path, rotate_at: u64) -> ArchiveWriter {
        ArchiveWriter {
            dir: dir.to_path_buf(),
            rotate_at,
            current: None,
            failed: None,
        }
    }

    /// Changes the size at which the writer starts a new file (default 1 GiB).
    pub fn with_rotation(mut self, bytes: u64) -> ArchiveWriter {
        self.rotate_at = bytes.max(1);
        self
    }

    /// Appends a `response` record for `response`, preceded by a `request` record when given and
    /// followed by a `metadata` record of `metadata` fields (`name: value` lines, as Heritrix and
    /// wget write `fetchTimeMs`, `via`, `hopsFromSeed`) when there are any; both point at the
    /// response with `WARC-Concurrent-To`. Returns where the response record is. Not durable
    /// until [`ArchiveWriter::sync`].
    pub fn append(
        &mut self,
        response: &Capture,
        request: Option<&Request>,
        metadata: &[(String, String)],
    ) -> Result<RecordLocation, ArchiveError> {
        let result = self.append_inner(response, request, metadata);
        self.note(result)
    }

    fn append_inner(
        &mut self,
        response: &Capture,
        request: Option<&Request>,
        metadata: &[(String, String)],
    ) -> Result<RecordLocation, ArchiveError> {
        let response_id = format::record_id();
        let block = format::http_response(response, true);
        if block.len() as u64 > MAX_RECORD_BYTES {
            return Err(ArchiveError::TooLarge {
                url: response.url.clone(),
                bytes: block.len() as u64,
                limit: MAX_RECORD_BYTES,
            });
        }
        let ip = response.ip.map(|ip| ip.to_string());
        let file = self.file()?;
        let record = RecordBuilder::new("response", &response_id, response.fetched_at)
            .header("WARC-Target-URI", &format::warc_uri(&response.url))
            .header_opt("WARC-IP-Address", ip.as_deref())
            .header("WARC-Warcinfo-ID", &file.warcinfo_id)
            .header("Content-Type", "application/http;msgtype=response")
            .header("WARC-Payload-Digest", &format::sha1_digest(&response.body))
            .finish(&block);
        if let Some(request) = request {
            let block = format::http_request(request);
            let record = RecordBuilder::new("request", &format::record_id(), response.fetched_at)
                .header("WARC-Target-URI", &format::warc_uri(&request.url))
                .header_opt("WARC-IP-Address", ip.as_deref())
                .header("WARC-Concurrent-To", &response_id)
                .header("WARC-Warcinfo-ID", &file.warcinfo_id)
                .header("Content-Type", "application/http;msgtype=request")
                .header("WARC-Payload-Digest", &format::sha1_digest(b""))
                .finish(&block);
            file.write_member(&record)?;
        }
        let location = file.write_member(&record)?;
        if !metadata.is_empty() {
            let record = RecordBuilder::new("metadata", &format::record_id(), response.fetched_at)
                .header("WARC-Target-URI", &format::warc_uri(&response.url))
                .header("WARC-Concurrent-To", &response_id)
                .header("WARC-Warcinfo-ID", &file.warcinfo_id)
                .header("Content-Type", "application/warc-fields")
                .finish(&warc_fields(metadata));
            file.write_member(&record)?;
        }
        Ok(location)
    }

    /// Appends a `revisit` record: `response` was fetched again and did not change since the
    /// capture described by `refers_to`. The block is the HTTP status line and headers only.
    pub fn append_revisit(
        &mut self,
        response: &Capture,
        refers_to: &RevisitOf,
    ) -> Result<RecordLocation, ArchiveError> {
        let result = self.append_revisit_inner(response, refers_to);
        self.note(result)
    }

    fn append_revisit_inner(
        &mut self,
        response: &Capture,
        refers_to: &RevisitOf,
    ) -> Result<RecordLocation, ArchiveError> {
        let block = format::http_response(response, false);
        let ip = response.ip.map(|ip| ip.to_string());
        let digest = match (&refers_to.payload_digest, refers_to.profile) {
            (Some(d), _) => Some(d.clone()),
            (None, RevisitProfile::IdenticalPayloadDigest) => {
                Some(format::sha1_digest(&response.body))
            }
            (None, RevisitProfile::ServerNotModified) => None,
        };
        let refers_date = format::warc_date(refers_to.date);
        let file = self.file()?;
        let record = RecordBuilder::new("revisit", &format::record_id(), response.fetched_at)
            .header("WARC-Target-URI", &format::warc_uri(&response.url))
            .header_opt("WARC-IP-Address", ip.as_deref())
            .header("WARC-Warcinfo-ID", &file.warcinfo_id)
            .header_opt("WARC-Refers-To", refers_to.record_id.as_deref())
            .header(
                "WARC-Refers-To-Target-URI",
                &format::warc_uri(&refers_to.uri),
            )
            .header("WARC-Refers-To-Date", &refers_date)
            .header("WARC-Profile", refers_to.profile.uri())
            .header("Content-Type", "application/http;msgtype=response")
            .header_opt("WARC-Payload-Digest", digest.as_deref())
            .finish(&block);
        file.write_member(&record)
    }

    /// After a failed write the file may end in a partial record: leave it (repair cuts it) and
    /// continue in a new file; the next [`ArchiveWriter::sync`] reports the failure, since
    /// records appended before it but not yet synced may be lost.
    fn note(
        &mut self,
        result: Result<RecordLocation, ArchiveError>,
    ) -> Result<RecordLocation, ArchiveError> {
        if let Err(e) = &result
            && let Some(file) = self.current.take()
        {
            self.failed = Some(e.to_string());
            // Dropping the buffered writer writes what it can; the file is never appended to again.
            drop(file);
        }
        result
    }

    /// Flushes and fsyncs everything appended so far (and, once per new file, its directory).
    pub fn sync(&mut self) -> Result<(), ArchiveError> {
        if let Some(message) = self.failed.take() {
            return Err(ArchiveError::io(
                &self.dir,
                std::io::Error::other(format!(
                    "an append failed ({message}): records appended since the last sync may be lost"
                )),
            ));
        }
        match &mut self.current {
            Some(file) => {
                let result = file.sync(&self.dir);
                if result.is_err() {
                    // After a failed fsync the file's state is unknown: never append to it again.
                    self.current = None;
                }
                result
            }
            None => Ok(()),
        }
    }

    /// The path of the file being written, if one has been created.
    pub fn current_file(&self) -> Option<&Path> {
        self.current.as_ref().map(|f| f.path.as_path())
    }

    /// The file to append to: the current one, or a new one when there is none or it is full.
    fn file(&mut self) -> Result<&mut OpenFile, ArchiveError> {
        if self
            .current
            .as_ref()
            .is_some_and(|f| f.len >= self.rotate_at)
            && let Some(mut full) = self.current.take()
        {
            full.sync(&self.dir)?;
        }
        if self.current.is_none() {
            self.current = Some(OpenFile::create(&self.dir)?);
        }
        // Just set above when it was empty.
        self.current.as_mut().ok_or_else(|| {
            ArchiveError::io(&self.dir, std::io::Error::other("no archive file open"))
        })
    }
}

impl OpenFile {
    /// Creates a new file named after the current time and pid, with its `warcinfo` record.
    fn create(dir: &Path) -> Result<OpenFile, ArchiveError> {
        let pid = std::process::id();
        let mut at = Utc::now();
        let (name, path, handle) = loop {
            let name = format!("morgue-{}-{pid}.warc.gz", at.format("%Y%m%d%H%M%S%3f"));
            let path = dir.join(&name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(handle) => break (name, path, handle),
                // Same millisecond as an earlier file of this process: a later name keeps the order.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    at += Duration::milliseconds(1);
                }
                Err(e) => return Err(ArchiveError::io(&path, e)),
            }
        };
        let warcinfo_id = format::record_id();
        let mut file = OpenFile {
            name: name.clone(),
            path,
            out: BufWriter::with_capacity(256 * 1024, handle),
            len: 0,
            warcinfo_id: warcinfo_id.clone(),
            dir_synced: false,
        };
        let record = RecordBuilder::new("warcinfo", &warcinfo_id, Utc::now())
            .header("WARC-Filename", &name)
            .header("Content-Type", "application/warc-fields")
            .finish(&format::warcinfo_block());
        file.write_member(&record)?;
        Ok(file)
    }

    fn write_member(&mut self, record: &[u8]) -> Result<RecordLocation, ArchiveError> {
        let member = format::gzip_member(record);
        self.out
            .write_all(&member)
            .map_err(|e| ArchiveError::io(&self.path, e))?;
        let location = RecordLocation {
            file: self.name.clone(),
            offset: self.len,
            length: member.len() as u64,
        };
        self.len += member.len() as u64;
        Ok(location)
    }

    fn sync(&mut self, dir: &Path) -> Result<(), ArchiveError> {
        self.out
            .flush()
            .map_err(|e| ArchiveError::io(&self.path, e))?;
        self.out
            .get_ref()
            .sync_data()
            .map_err(|e| ArchiveError::io(&self.path, e))?;
        if !self.dir_synced {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| ArchiveError::io(dir, e))?;
            self.dir_synced = true;
        }
        Ok(())
    }
}

/// An `application/warc-fields` block: one `name: value` line per field, line breaks replaced.
fn warc_fields(fields: &[(String, String)]) -> Vec<u8> {
    let mut block = String::new();
    for (name, value) in fields {
        block.push_str(&name.replace(['\r', '\n', ':'], " "));
        block.push_str(": ");
        block.push_str(&value.replace(['\r', '\n'], " "));
        block.push_str("\r\n");
    }
    block.into_bytes()
}
