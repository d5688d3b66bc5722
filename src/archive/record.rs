//! Cuts a decompressed WARC stream into records (version line, named fields, block), reports a
//! damaged record once with its offset, and resynchronises on the next readable record.

use std::io;

use super::resync::{Resync, io_fail};
use super::stream::Stream;
use super::{ArchiveError, RecordLocation};

/// Most bytes of WARC header lines in one record.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// One WARC record as read: its named fields and (when asked for) its block.
pub(crate) struct RawRecord {
    pub(crate) headers: Vec<(String, String)>,
    /// The block, when the caller wanted it.
    pub(crate) block: Option<Vec<u8>>,
    pub(crate) location: RecordLocation,
}

impl RawRecord {
    /// The first field with this name (case-insensitive).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// `WARC-Type`, lower-cased.
    pub(crate) fn kind(&self) -> String {
        self.header("WARC-Type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }
}

/// The first field with this name (case-insensitive).
pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Decides from a record's named fields whether its block is wanted.
pub(crate) type Want = dyn Fn(&[(String, String)]) -> bool;

/// Where a record started.
pub(super) struct Start {
    /// It started at the start of a gzip member.
    pub(super) aligned: bool,
    /// Compressed offset of the member it started in.
    pub(super) member: u64,
    /// Decompressed (or plain file) offset.
    pub(super) pos: u64,
    /// Offset just after its header.
    pub(super) header_end: u64,
}

/// What one attempt at reading a record gave.
pub(super) enum Step {
    Record(RawRecord),
    End,
    /// A record was skipped; try again.
    Again,
}

pub(super) struct Fail {
    pub(super) message: String,
    pub(super) resync: Resync,
    /// Where the damage is, when not at the record's start (a corrupt later gzip member).
    pub(super) at: Option<u64>,
}

/// Reads the records of one file in order.
pub(crate) struct RecordReader {
    pub(super) stream: Stream,
    /// The name locations carry.
    pub(super) name: String,
    pub(super) cap: u64,
    pub(super) done: bool,
    /// The file is an ARC file (`filedesc://` first, or named `.arc`).
    pub(super) arc: bool,
    /// ARC version (1 or 2), from the `filedesc` record.
    pub(super) arc_version: u8,
}

impl RecordReader {
    pub(crate) fn new(stream: Stream, name: &str, cap: u64) -> RecordReader {
        let arc = super::arc::is_arc_name(&stream.path);
        RecordReader {
            stream,
            name: name.to_string(),
            cap,
            done: false,
            arc,
            arc_version: 1,
        }
    }

    pub(crate) fn path(&self) -> &std::path::Path {
        &self.stream.path
    }

    pub(crate) fn is_gzip(&self) -> bool {
        self.stream.is_gzip()
    }

    /// Continues at a gzip member starting at compressed offset `offset`.
    pub(crate) fn seek_member(&mut self, offset: u64) -> io::Result<()> {
        self.stream.seek_member(offset)
    }

    /// Continues at file offset `offset` of a plain file.
    pub(crate) fn seek_plain(&mut self, offset: u64) -> io::Result<()> {
        self.stream.seek_plain(offset)
    }

    /// Skips `n` bytes of the decompressed stream.
    pub(crate) fn skip(&mut self, n: u64) -> Result<(), String> {
        let mut crossed = Vec::new();
        match self.read_block(n, &mut crossed, None) {
            Ok(got) if got == n => Ok(()),
            Ok(got) => Err(format!("the file has only {got} bytes before that offset")),
            Err(fail) => Err(fail.message),
        }
    }

    /// The next record, with its block read when `want(headers)` says so; `None` at the end.
    pub(crate) fn next_record(&mut self, want: &Want) -> Option<Result<RawRecord, ArchiveError>> {
        if self.done {
            return None;
        }
        let mut offset = self.stream.pos();
        let mut step = self.try_next(want, &mut offset);
        while matches!(step, Ok(Step::Again)) && !self.done {
            step = self.try_next(want, &mut offset);
        }
        match step {
            Ok(Step::Record(record)) => Some(Ok(record)),
            Ok(Step::End | Step::Again) => {
                self.done = true;
                None
            }
            Err(fail) => {
                let error = ArchiveError::Damaged {
                    path: self.stream.path.clone(),
                    offset: fail.at.unwrap_or(offset),
                    message: fail.message,
                };
                self.recover(fail.resync);
                Some(Err(error))
            }
        }
    }

    fn try_next(&mut self, want: &Want, offset: &mut u64) -> Result<Step, Fail> {
        let gzip = self.stream.is_gzip();
        let mut crossed = Vec::new();
        // Blank lines between records, and empty members.
        loop {
            if !self.fill_across(&mut crossed)? {
                return Ok(Step::End);
            }
            *offset = if gzip {
                self.stream.seg_start()
            } else {
                self.stream.pos()
            };
            let buf = match self.stream.fill() {
                Ok(b) => b,
                Err(e) => return Err(io_fail(&self.stream, e)),
            };
            let blanks = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
                .count();
            if blanks == 0 {
                break;
            }
            self.stream.consume(blanks);
        }
        crossed.clear();
        let aligned = gzip && self.stream.at_seg_start();
        let start_member = self.stream.seg_start();
        let start = self.stream.pos();

        let version = self.read_line(&mut crossed)?;
        if !version.starts_with(b"WARC/") && (self.arc || version.starts_with(b"filedesc://")) {
            self.arc = true;
            let start = Start {
                aligned,
                member: start_member,
                pos: start,
                header_end: self.stream.pos(),
            };
            return self.arc_record(&version, start, crossed, want);
        }
        if !version.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&version).chars().take(40).collect();
            return Err(self.format_fail(
                format!("expected a WARC/ version line, found {shown:?}"),
                &crossed,
                start + 1,
            ));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            let line = self.read_line(&mut crossed)?;
            if line.is_empty() {
                break;
            }
            header_bytes += line.len();
            if header_bytes > MAX_HEADER_BYTES {
                return Err(self.format_fail(
                    "WARC header larger than 256 KiB".into(),
                    &crossed,
                    start + 1,
                ));
            }
            let text = String::from_utf8_lossy(&line);
            if line[0] == b' ' || line[0] == b'\t' {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                }
            } else if let Some((name, value)) = text.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        let header_end = self.stream.pos();
        let Some(length) = header(&headers, "Content-Length").and_then(|v| v.parse::<u64>().ok())
        else {
            return Err(self.format_fail(
                "missing or invalid Content-Length".into(),
                &crossed,
                header_end,
            ));
        };
        let start = Start {
            aligned,
            member: start_member,
            pos: start,
            header_end,
        };
        self.read_body(start, headers, length, crossed, want)
    }

    /// Reads the block of a record whose header has been read, checks how it ends, and makes the
    /// record.
    pub(super) fn read_body(
        &mut self,
        start: Start,
        headers: Vec<(String, String)>,
        length: u64,
        mut crossed: Vec<u64>,
        want: &Want,
    ) -> Result<Step, Fail> {
        let gzip = self.stream.is_gzip();
        let wanted = want(&headers);
        let too_large = wanted && length > self.cap;
        let mut block = if wanted && !too_large {
            Some(Vec::with_capacity(length.min(1 << 20) as usize))
        } else {
            None
        };
        let got = self.read_block(length, &mut crossed, block.as_mut())?;
        if got < length {
            let resync = match (gzip, crossed.first()) {
                (false, _) => Resync::PlainFrom(start.header_end),
                (true, Some(&member)) => Resync::MemberAt(member),
                (true, None) => Resync::End,
            };
            return Err(Fail {
                message: format!(
                    "truncated record: Content-Length {length} but only {got} bytes follow"
                ),
                resync,
                at: None,
            });
        }
        // The record ends with CRLF CRLF; be lenient about how many.
        loop {
            let trailer = match self.stream.peek(64) {
                Ok(b) => b,
                Err(e) => return Err(io_fail(&self.stream, e)),
            };
            let newlines = trailer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let all = newlines == trailer.len() && newlines > 0;
            self.stream.consume(newlines);
            if !all {
                break;
            }
        }
        let next = match self.stream.peek(5) {
            Ok(b) => b,
            Err(e) => return Err(io_fail(&self.stream, e)),
        };
        let segment_ended = next.is_empty();
        if !segment_ended && !self.arc && !next.starts_with(b"WARC/") {
            if !wanted {
                // A record nobody asked for (request, metadata…) framed wrongly: resume at the
                // next record without reporting it; nothing wanted is lost.
                let fail = self.format_fail(String::new(), &crossed, start.header_end);
                self.recover(fail.resync);
                return Ok(Step::Again);
            }
            let shown = String::from_utf8_lossy(next).to_string();
            return Err(self.format_fail(
                format!(
                    "record does not end where its Content-Length ({length}) says (followed by {shown:?})"
                ),
                &crossed,
                start.header_end,
            ));
        }
        if too_large {
            return Err(Fail {
                message: format!(
                    "record of {length} bytes is larger than the {} MB limit; skipped",
                    self.cap / (1024 * 1024)
                ),
                resync: Resync::Nothing,
                at: None,
            });
        }
        let (offset, length) = if start.aligned && crossed.is_empty() && segment_ended {
            let end = self.stream.compressed_pos();
            (start.member, end - start.member)
        } else {
            (start.pos, self.stream.pos() - start.pos)
        };
        Ok(Step::Record(RawRecord {
            headers,
            block,
            location: RecordLocation {
                file: self.name.clone(),
                offset,
                length,
            },
        }))
    }

    /// Makes bytes available, moving on to the next gzip member when the current one is done.
    /// `false` at the end of the file.
    fn fill_across(&mut self, crossed: &mut Vec<u64>) -> Result<bool, Fail> {
        loop {
            match self.stream.fill() {
                Ok(b) if !b.is_empty() => return Ok(true),
                Ok(_) => {}
                Err(e) => return Err(io_fail(&self.stream, e)),
            }
            let end = self.stream.compressed_pos();
            match self.stream.next_segment() {
                Ok(true) => crossed.push(end),
                Ok(false) => return Ok(false),
                Err(e) => {
                    return Err(Fail {
                        message: e.to_string(),
                        resync: Resync::SearchMember(end),
                        at: Some(end),
                    });
                }
            }
        }
    }

    /// A line without its line ending (CRLF or bare LF).
    pub(super) fn read_line(&mut self, crossed: &mut Vec<u64>) -> Result<Vec<u8>, Fail> {
        let mut line = Vec::new();
        loop {
            if !self.fill_across(crossed)? {
                return Err(Fail {
                    message: "truncated record: the file ends inside the WARC header".into(),
                    resync: Resync::End,
                    at: None,
                });
            }
            let buf = match self.stream.fill() {
                Ok(b) => b,
                Err(e) => return Err(io_fail(&self.stream, e)),
            };
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&buf[..i]);
                    self.stream.consume(i + 1);
                    while line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    return Ok(line);
                }
                None => {
                    let n = buf.len();
                    line.extend_from_slice(buf);
                    self.stream.consume(n);
                    if line.len() > MAX_HEADER_BYTES {
                        return Err(Fail {
                            message: "WARC header line longer than 256 KiB".into(),
                            resync: Resync::ScanForward,
                            at: None,
                        });
                    }
                }
            }
        }
    }

    /// Reads (or skips, when `out` is `None`) `length` bytes; returns how many there were.
    fn read_block(
        &mut self,
        length: u64,
        crossed: &mut Vec<u64>,
        mut out: Option<&mut Vec<u8>>,
    ) -> Result<u64, Fail> {
        let mut left = length;
        while left > 0 {
            if !self.fill_across(crossed)? {
                break;
            }
            let buf = match self.stream.fill() {
                Ok(b) => b,
                Err(e) => return Err(io_fail(&self.stream, e)),
            };
            let n = (buf.len() as u64).min(left) as usize;
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&buf[..n]);
            }
            self.stream.consume(n);
            left -= n as u64;
        }
        Ok(length - left)
    }

    /// A record whose framing is wrong: resume at the member after the record's first one, or by
    /// scanning for the next `WARC/` line.
    pub(super) fn format_fail(&self, message: String, crossed: &[u64], plain_from: u64) -> Fail {
        let resync = if !self.stream.is_gzip() {
            Resync::PlainFrom(plain_from)
        } else if let Some(&member) = crossed.first() {
            Resync::MemberAt(member)
        } else {
            Resync::ScanForward
        };
        Fail {
            message,
            resync,
            at: None,
        }
    }
}
