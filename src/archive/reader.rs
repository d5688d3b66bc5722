//! Reading captures back: `response`, `resource` and `revisit` records of any WARC become
//! [`ArchivedCapture`]s, streamed one at a time; everything else is skipped quietly.

use std::net::IpAddr;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::http;
use super::record::{RawRecord, RecordReader, header};
use super::stream::Stream;
use super::{ArchiveError, ArchivedCapture, MAX_RECORD_BYTES, RecordKind, RecordLocation};
use crate::capture::Capture;

/// Reads every response/resource/revisit record of a WARC file (`.warc`, `.warc.gz` with one
/// member per record or one member for the whole file; WARC/0.17 to 1.1; also legacy ARC files,
/// whose records come back as responses). A damaged record
/// yields an `Err` naming the file and offset and the iteration goes on with the next readable
/// record. Fails at once for files it cannot read at all (LZ4, zstd). Locations carry `path` as
/// given.
pub fn read(
    path: &Path,
) -> Result<impl Iterator<Item = Result<ArchivedCapture, ArchiveError>> + use<>, ArchiveError> {
    read_named(path, &path.to_string_lossy())
}

/// [`read`], with locations carrying `name` as their file.
pub(crate) fn read_named(path: &Path, name: &str) -> Result<Captures, ArchiveError> {
    let stream = Stream::open(path)?;
    Ok(Captures {
        records: RecordReader::new(stream, name, MAX_RECORD_BYTES),
    })
}

/// The captures of one file, in order.
pub(crate) struct Captures {
    records: RecordReader,
}

impl Iterator for Captures {
    type Item = Result<ArchivedCapture, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = match self.records.next_record(&wanted)? {
                Ok(record) => record,
                Err(e) => return Some(Err(e)),
            };
            if let Some(capture) = to_capture(record, self.records.path()) {
                return Some(capture);
            }
        }
    }
}

fn wanted(headers: &[(String, String)]) -> bool {
    let kind = header(headers, "WARC-Type").unwrap_or("").trim();
    ["response", "resource", "revisit"]
        .iter()
        .any(|k| kind.eq_ignore_ascii_case(k))
}

/// Reads the one record at `location` in the file at `path` (the file itself, not the archive
/// directory). Works with member offsets (`.warc.gz`), file offsets (`.warc`) and uncompressed
/// offsets (gzip files whose members are not records; slow: decompresses from the start).
pub fn read_at(path: &Path, location: &RecordLocation) -> Result<ArchivedCapture, ArchiveError> {
    let stream = Stream::open(path)?;
    let damaged = |message: String| ArchiveError::Damaged {
        path: path.to_path_buf(),
        offset: location.offset,
        message,
    };
    let mut records = RecordReader::new(stream, &location.file, MAX_RECORD_BYTES);
    if records.is_gzip() {
        let direct = records
            .seek_member(location.offset)
            .ok()
            .and_then(|()| records.next_record(&|_| true))
            .and_then(Result::ok)
            .filter(|r| r.location == *location);
        if let Some(record) = direct {
            return one_capture(record, path).ok_or_else(|| damaged(not_a_response()));
        }
        // Not a member boundary: the offset is in the uncompressed stream.
        records = RecordReader::new(Stream::open(path)?, &location.file, MAX_RECORD_BYTES);
        records.skip(location.offset).map_err(damaged)?;
    } else {
        records
            .seek_plain(location.offset)
            .map_err(|e| ArchiveError::io(path, e))?;
    }
    let record = records
        .next_record(&|_| true)
        .ok_or_else(|| damaged("no record there (end of file)".into()))??;
    one_capture(record, path).ok_or_else(|| damaged(not_a_response()))
}

fn not_a_response() -> String {
    "not a response, resource or revisit record".into()
}

fn one_capture(record: RawRecord, path: &Path) -> Option<ArchivedCapture> {
    if !wanted(&record.headers) {
        return None;
    }
    to_capture(record, path).and_then(Result::ok)
}

/// A response, resource or revisit record as a capture; `None` for records that are not HTTP
/// captures (e.g. a `dns:` response) or not of those types.
pub(super) fn to_capture(
    record: RawRecord,
    path: &Path,
) -> Option<Result<ArchivedCapture, ArchiveError>> {
    let kind = record.kind();
    let url = target_uri(record.header("WARC-Target-URI").unwrap_or(""));
    let fetched_at = warc_date(record.header("WARC-Date").unwrap_or(""));
    let ip = record
        .header("WARC-IP-Address")
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    let content_type = record.header("Content-Type").map(str::to_string);
    let payload_digest = record.header("WARC-Payload-Digest").map(str::to_string);
    let record_id = record.header("WARC-Record-ID").map(str::to_string);
    let location = record.location.clone();
    let damaged = |message: String| ArchiveError::Damaged {
        path: path.to_path_buf(),
        offset: location.offset,
        message,
    };
    let refers_to_uri = record.header("WARC-Refers-To-Target-URI").map(target_uri);
    let refers_to_date = record.header("WARC-Refers-To-Date").map(str::to_string);
    let block = record.block.unwrap_or_default();
    let mut capture = Capture {
        url,
        status: 200,
        reason: "OK".into(),
        http_version: "HTTP/1.1".into(),
        headers: Vec::new(),
        body: Vec::new(),
        fetched_at,
        ip,
    };
    let is_http = content_type
        .as_deref()
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("application/http"));
    let record_kind = match kind.as_str() {
        "response" => {
            if !block.starts_with(b"HTTP/") {
                if is_http {
                    return Some(Err(damaged(
                        "response record does not hold an HTTP response".into(),
                    )));
                }
                return None;
            }
            let parsed = match http::parse_response(&block) {
                Ok(parsed) => parsed,
                Err(message) => return Some(Err(damaged(message))),
            };
            fill_http(&mut capture, parsed, block, true);
            RecordKind::Response
        }
        "revisit" => {
            match http::parse_response(&block) {
                Ok(parsed) => fill_http(&mut capture, parsed, block, false),
                Err(_) => {
                    capture.status = 0;
                    capture.reason.clear();
                }
            }
            RecordKind::Revisit {
                refers_to_uri,
                refers_to_date,
            }
        }
        "resource" => {
            if let Some(ct) = content_type {
                capture.headers.push(("Content-Type".into(), ct));
            }
            capture.body = block;
            RecordKind::Resource
        }
        _ => return None,
    };
    Some(Ok(ArchivedCapture {
        capture,
        location,
        kind: record_kind,
        payload_digest,
        record_id,
    }))
}

fn fill_http(capture: &mut Capture, parsed: http::HttpResponse, block: Vec<u8>, with_body: bool) {
    let chunked = http::is_chunked(&parsed.headers);
    capture.http_version = parsed.version;
    capture.status = parsed.status;
    capture.reason = parsed.reason;
    capture.headers = parsed.headers;
    if chunked {
        capture
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("transfer-encoding"));
    }
    if with_body {
        let mut block = block;
        block.drain(..parsed.body_start.min(block.len()));
        capture.body = match chunked.then(|| http::dechunk(&block)).flatten() {
            Some(dechunked) => dechunked,
            None => block,
        };
    }
}

/// `WARC-Target-URI` without the angle brackets of the WARC/1.0 draft syntax.
fn target_uri(value: &str) -> String {
    let v = value.trim();
    v.strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(v)
        .to_string()
}

/// A `WARC-Date` (RFC 3339, or the 14-digit ARC form); the Unix epoch when it cannot be read.
pub(crate) fn warc_date(value: &str) -> DateTime<Utc> {
    let v = value.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return d.with_timezone(&Utc);
    }
    if let Ok(d) = DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S%z") {
        return d.with_timezone(&Utc);
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y%m%d%H%M%S"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(v.trim_end_matches('Z'), format) {
            return d.and_utc();
        }
    }
    DateTime::UNIX_EPOCH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_several_forms() {
        assert_eq!(
            warc_date("2024-10-01T12:00:00Z").to_rfc3339(),
            "2024-10-01T12:00:00+00:00"
        );
        assert_eq!(
            warc_date("20241001120000").to_rfc3339(),
            "2024-10-01T12:00:00+00:00"
        );
        assert_eq!(warc_date("2008-10-294T05:21:46-0700"), DateTime::UNIX_EPOCH);
    }

    #[test]
    fn bracketed_target_uri() {
        assert_eq!(target_uri("<http://example.com/>"), "http://example.com/");
        assert_eq!(target_uri("http://example.com/"), "http://example.com/");
    }
}
