//! Picking up reading after a damaged record: at the next gzip member, or at the next line that
//! starts a record (`WARC/`, or an ARC header in ARC files).

use std::io;

use super::record::{Fail, RecordReader};
use super::stream::Stream;

/// Where to pick up reading after a damaged record.
pub(super) enum Resync {
    /// Nothing to do: the record was skipped cleanly.
    Nothing,
    /// The file cannot be read further.
    End,
    /// Search for the next gzip member from this compressed offset.
    SearchMember(u64),
    /// A gzip member starts exactly at this compressed offset.
    MemberAt(u64),
    /// Plain file: scan for a `WARC/` line from this offset.
    PlainFrom(u64),
    /// Scan the decompressed stream for the next `WARC/` line.
    ScanForward,
}

impl RecordReader {
    pub(super) fn recover(&mut self, resync: Resync) {
        let ok = match resync {
            Resync::Nothing => true,
            Resync::End => false,
            Resync::SearchMember(from) => self.stream.resync_member(from).unwrap_or(false),
            Resync::MemberAt(at) => self.stream.seek_member(at).is_ok(),
            Resync::PlainFrom(at) => {
                self.stream.seek_plain(at).is_ok() && self.scan_forward().unwrap_or(false)
            }
            Resync::ScanForward => match self.scan_forward() {
                Ok(found) => found,
                Err(_) if self.stream.is_gzip() => {
                    let from = self.stream.seg_start() + 1;
                    self.stream.resync_member(from).unwrap_or(false)
                }
                Err(_) => false,
            },
        };
        if !ok {
            self.done = true;
            self.stream.close();
        }
    }

    /// Skips to the next line (or member) that starts with `WARC/`. `false` at the end.
    fn scan_forward(&mut self) -> io::Result<bool> {
        let mut line_start = false;
        loop {
            if self.stream.fill()?.is_empty() {
                if !self.stream.next_segment()? {
                    return Ok(false);
                }
                line_start = true;
                continue;
            }
            if line_start {
                let arc = self.arc;
                let head = self.stream.peek(if arc { 1024 } else { 5 })?;
                if head.starts_with(b"WARC/") || (arc && super::arc::looks_like_header(head)) {
                    return Ok(true);
                }
            }
            let buf = self.stream.fill()?;
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.stream.consume(i + 1);
                    line_start = true;
                }
                None => {
                    let n = buf.len();
                    self.stream.consume(n);
                    line_start = false;
                }
            }
        }
    }
}

/// A read error: corrupt gzip data (resume at a later member) or an I/O error on a plain file.
pub(super) fn io_fail(stream: &Stream, e: io::Error) -> Fail {
    if stream.is_gzip() {
        Fail {
            message: format!("corrupt gzip data: {e}"),
            resync: Resync::SearchMember(stream.seg_start() + 1),
            at: Some(stream.seg_start()),
        }
    } else {
        Fail {
            message: format!("read error: {e}"),
            resync: Resync::End,
            at: None,
        }
    }
}
