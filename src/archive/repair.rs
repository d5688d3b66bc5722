//! After a crash: cut a torn last record off morgue's files (never keeping half a record), and
//! check the block and payload digests of every record of any WARC (`morgue verify`).

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::GzDecoder;
use sha1::{Digest, Sha1};

use super::http;
use super::record::{RawRecord, RecordReader};
use super::stream::{Counted, Stream};
use super::{ArchiveError, MAX_RECORD_BYTES};

/// What repair cut off a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairNote {
    /// The file.
    pub file: PathBuf,
    /// Where the cut was made: the end of the last whole record (the new file length).
    pub offset: u64,
    /// How many bytes were cut off.
    pub bytes: u64,
    /// Why, in words.
    pub reason: String,
}

/// Scans the tail of each morgue file (`morgue-*.warc.gz`) and truncates it to the end of its
/// last whole gzip member holding a whole record. A file left with no whole record is removed.
/// Files of other names are not touched.
pub(crate) fn repair_files(files: &[PathBuf]) -> Result<Vec<RepairNote>, ArchiveError> {
    let mut notes = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if !(name.starts_with("morgue-") && name.ends_with(".warc.gz")) {
            continue;
        }
        let len = std::fs::metadata(path)
            .map_err(|e| ArchiveError::io(path, e))?
            .len();
        if len == 0 {
            continue;
        }
        let end = last_whole_member_end(path, len).map_err(|e| ArchiveError::io(path, e))?;
        if end == len {
            continue;
        }
        let reason = if end == 0 {
            std::fs::remove_file(path).map_err(|e| ArchiveError::io(path, e))?;
            format!("no whole record in the file: removed it ({len} bytes)")
        } else {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| ArchiveError::io(path, e))?;
            file.set_len(end).map_err(|e| ArchiveError::io(path, e))?;
            file.sync_all().map_err(|e| ArchiveError::io(path, e))?;
            format!(
                "torn last record: cut {} bytes after offset {end}",
                len - end
            )
        };
        notes.push(RepairNote {
            file: path.clone(),
            offset: end,
            bytes: len - end,
            reason,
        });
    }
    Ok(notes)
}

/// The end of the last gzip member of the file that decodes completely to one whole WARC record,
/// searching backwards from the end; 0 when there is none.
fn last_whole_member_end(path: &Path, len: u64) -> io::Result<u64> {
    const CHUNK: u64 = 1 << 20;
    let mut file = File::open(path)?;
    let mut counted = Counted::new(File::open(path)?);
    let mut hi = len;
    let mut chunk = Vec::new();
    while hi > 0 {
        let lo = hi.saturating_sub(CHUNK);
        // Two extra bytes so a magic number straddling the chunk end is seen.
        let end = (hi + 2).min(len);
        chunk.resize((end - lo) as usize, 0);
        io::Seek::seek(&mut file, io::SeekFrom::Start(lo))?;
        file.read_exact(&mut chunk)?;
        for i in (0..(hi - lo) as usize).rev() {
            if chunk[i..].starts_with(&[0x1f, 0x8b, 0x08])
                && let Some(end) = whole_member(&mut counted, lo + i as u64)
            {
                return Ok(end);
            }
        }
        hi = lo;
    }
    Ok(0)
}

/// When a gzip member at `offset` decodes completely (CRC checked) to exactly one WARC record
/// (version line, headers, `Content-Length` bytes, CRLF CRLF), the offset where it ends.
fn whole_member(counted: &mut Counted, offset: u64) -> Option<u64> {
    counted.seek_to(offset).ok()?;
    let mut decoder = GzDecoder::new(&mut *counted);
    let mut head = vec![0u8; 64 * 1024];
    let mut got = 0;
    while got < head.len() {
        match decoder.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(_) => return None,
        }
    }
    head.truncate(got);
    if !head.starts_with(b"WARC/") {
        return None;
    }
    let header_len = head.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let header = String::from_utf8_lossy(&head[..header_len]);
    let content_length: u64 = header.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("Content-Length")
            .then(|| value.trim().parse().ok())?
    })?;
    let rest = io::copy(&mut decoder, &mut io::sink()).ok()?;
    let total = got as u64 + rest;
    (total == header_len as u64 + content_length + 4).then_some(counted.pos)
}

/// A digest that did not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestFailure {
    /// Offset of the record (as in [`super::RecordLocation`]).
    pub offset: u64,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `"block"` or `"payload"`.
    pub which: &'static str,
    /// The digest the record declares.
    pub expected: String,
    /// The SHA-1 of the bytes, base32.
    pub actual: String,
}

/// What [`verify`] found in one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// Records read (of every type).
    pub records: u64,
    /// Digests checked (block and payload).
    pub digests_checked: u64,
    /// Digests in an algorithm morgue does not check (only `sha1` is checked).
    pub digests_unchecked: u64,
    /// Digests that did not match.
    pub failures: Vec<DigestFailure>,
    /// Records that could not be read (each names its offset).
    pub damaged: Vec<String>,
    /// Target URIs of the `200` HTML responses (the captures that should have an article).
    pub html_captures: Vec<String>,
}

impl VerifyReport {
    /// True when every record was read and every checked digest matched.
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty() && self.damaged.is_empty()
    }
}

/// Reads every record of a WARC file and checks its `WARC-Block-Digest` and
/// `WARC-Payload-Digest` (SHA-1, base32 or hex). The payload of an HTTP record is the entity after
/// the headers, as stored; a chunked one also passes when its de-chunked form matches.
/// Revisit records have no payload: only their block is checked.
pub fn verify(path: &Path) -> Result<VerifyReport, ArchiveError> {
    let stream = Stream::open(path)?;
    let mut records = RecordReader::new(stream, &path.to_string_lossy(), MAX_RECORD_BYTES);
    let mut report = VerifyReport::default();
    while let Some(next) = records.next_record(&|_| true) {
        match next {
            Ok(record) => {
                report.records += 1;
                check_record(&record, &mut report);
                if record.kind() == "response"
                    && let Some(Ok(archived)) = super::reader::to_capture(record, path)
                    && archived.capture.status == 200
                    && archived.capture.is_html()
                {
                    report.html_captures.push(archived.capture.url);
                }
            }
            Err(e) => report.damaged.push(e.to_string()),
        }
    }
    Ok(report)
}

fn check_record(record: &RawRecord, report: &mut VerifyReport) {
    let block = record.block.as_deref().unwrap_or(&[]);
    let mut check = |which: &'static str, declared: &str, candidates: &[&[u8]]| {
        let Some(expected) = declared_sha1(declared) else {
            report.digests_unchecked += 1;
            return;
        };
        report.digests_checked += 1;
        let digests: Vec<[u8; 20]> = candidates.iter().map(|c| Sha1::digest(c).into()).collect();
        if !digests.contains(&expected) {
            report.failures.push(DigestFailure {
                offset: record.location.offset,
                record_id: record.header("WARC-Record-ID").map(str::to_string),
                target_uri: record.header("WARC-Target-URI").map(str::to_string),
                which,
                expected: declared.to_string(),
                actual: format!("sha1:{}", data_encoding::BASE32.encode(&digests[0])),
            });
        }
    };
    if let Some(declared) = record.header("WARC-Block-Digest") {
        check("block", declared, &[block]);
    }
    if record.kind() == "revisit" {
        return;
    }
    if let Some(declared) = record.header("WARC-Payload-Digest") {
        let is_http = record
            .header("Content-Type")
            .is_some_and(|ct| ct.to_ascii_lowercase().contains("application/http"));
        if !is_http {
            check("payload", declared, &[block]);
            return;
        }
        let start = http::header_end(block).unwrap_or(block.len());
        let payload = &block[start..];
        let chunked = http::parse_response(block)
            .map(|r| http::is_chunked(&r.headers))
            .unwrap_or(false);
        match chunked.then(|| http::dechunk(payload)).flatten() {
            Some(dechunked) => check("payload", declared, &[payload, &dechunked]),
            None => check("payload", declared, &[payload]),
        }
    }
}

/// The 20 bytes of a declared `sha1:` digest (base32 or hex), `None` for other algorithms.
fn declared_sha1(declared: &str) -> Option<[u8; 20]> {
    let (algorithm, value) = declared.trim().split_once(':')?;
    if !algorithm.eq_ignore_ascii_case("sha1") && !algorithm.eq_ignore_ascii_case("sha-1") {
        return None;
    }
    let value = value.trim();
    let bytes = match value.len() {
        32 => data_encoding::BASE32
            .decode(value.to_ascii_uppercase().as_bytes())
            .ok()?,
        40 => data_encoding::HEXLOWER_PERMISSIVE
            .decode(value.as_bytes())
            .ok()?,
        _ => return None,
    };
    bytes.try_into().ok()
}
