//! A WARC file as a byte stream that knows its gzip members: reading stops at the end of each
//! member until asked to go on, so the record reader can tell where a record's member starts and
//! ends (the offsets an index stores), and can resynchronise on a later member after damage.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use flate2::bufread::GzDecoder;

use super::ArchiveError;

const BUF: usize = 64 * 1024;

/// A file reader that counts the bytes consumed from it (the compressed offset).
pub(crate) struct Counted {
    inner: BufReader<File>,
    pub(crate) pos: u64,
}

impl Counted {
    pub(crate) fn new(file: File) -> Counted {
        Counted {
            inner: BufReader::with_capacity(BUF, file),
            pos: 0,
        }
    }

    pub(crate) fn seek_to(&mut self, pos: u64) -> io::Result<()> {
        self.inner.seek(SeekFrom::Start(pos))?;
        self.pos = pos;
        Ok(())
    }
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl BufRead for Counted {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

enum Source {
    Plain(Counted),
    /// Gzip, positioned between members.
    Between(Counted),
    /// Gzip, inside a member.
    Member(Box<GzDecoder<Counted>>),
    /// Nothing more can be read.
    Done,
}

/// The decompressed content of a WARC file, one segment (gzip member, or the whole plain file)
/// at a time.
pub(crate) struct Stream {
    pub(crate) path: PathBuf,
    gzip: bool,
    source: Source,
    buf: Vec<u8>,
    lo: usize,
    hi: usize,
    /// Offset of `buf[lo]` in the decompressed stream (the file offset for plain files).
    pos: u64,
    /// Compressed offset where the current member starts.
    seg_start: u64,
    /// Decompressed offset where the current member's data starts.
    seg_logical_start: u64,
    /// The current segment has no more bytes.
    seg_eof: bool,
}

impl Stream {
    /// Opens a file, telling gzip from plain by its magic bytes, refusing LZ4 and zstd.
    pub(crate) fn open(path: &Path) -> Result<Stream, ArchiveError> {
        let file = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
        let mut inner = BufReader::with_capacity(BUF, file);
        let head = inner.fill_buf().map_err(|e| ArchiveError::io(path, e))?;
        let unsupported = |what: &str| ArchiveError::Unsupported {
            path: path.to_path_buf(),
            message: format!("unsupported compression ({what}): recompress it as .warc.gz"),
        };
        if head.starts_with(&[0x04, 0x22, 0x4d, 0x18]) {
            return Err(unsupported("LZ4"));
        }
        if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            return Err(unsupported("zstd"));
        }
        if head.starts_with(b"BZh") {
            return Err(unsupported("bzip2"));
        }
        let gzip = head.starts_with(&[0x1f, 0x8b]);
        let counted = Counted { inner, pos: 0 };
        let source = if gzip {
            Source::Member(Box::new(GzDecoder::new(counted)))
        } else {
            Source::Plain(counted)
        };
        Ok(Stream {
            path: path.to_path_buf(),
            gzip,
            source,
            buf: vec![0; BUF],
            lo: 0,
            hi: 0,
            pos: 0,
            seg_start: 0,
            seg_logical_start: 0,
            seg_eof: false,
        })
    }

    pub(crate) fn is_gzip(&self) -> bool {
        self.gzip
    }

    /// Decompressed offset of the next byte.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// Compressed offset where the current member starts.
    pub(crate) fn seg_start(&self) -> u64 {
        self.seg_start
    }

    /// True when nothing of the current segment has been consumed yet.
    pub(crate) fn at_seg_start(&self) -> bool {
        self.pos == self.seg_logical_start
    }

    /// Compressed offset reached in the file (the end of the member once it is exhausted).
    pub(crate) fn compressed_pos(&self) -> u64 {
        match &self.source {
            Source::Plain(c) | Source::Between(c) => c.pos,
            Source::Member(d) => d.get_ref().pos,
            Source::Done => self.seg_start,
        }
    }

    /// The buffered bytes of the current segment, reading more when none are buffered; empty at
    /// the end of the segment.
    pub(crate) fn fill(&mut self) -> io::Result<&[u8]> {
        if self.lo == self.hi && !self.seg_eof {
            self.lo = 0;
            self.hi = 0;
            let n = self.read_source(0)?;
            self.hi = n;
            if n == 0 {
                self.seg_eof = true;
            }
        }
        Ok(&self.buf[self.lo..self.hi])
    }

    /// At least `n` buffered bytes (fewer only at the end of the segment).
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(BUF);
        if self.hi - self.lo < n && !self.seg_eof {
            self.buf.copy_within(self.lo..self.hi, 0);
            self.hi -= self.lo;
            self.lo = 0;
            while self.hi < n {
                let got = self.read_source(self.hi)?;
                if got == 0 {
                    self.seg_eof = true;
                    break;
                }
                self.hi += got;
            }
        }
        Ok(&self.buf[self.lo..self.hi.min(self.lo + n)])
    }

    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.hi - self.lo);
        self.lo += n;
        self.pos += n as u64;
    }

    fn read_source(&mut self, at: usize) -> io::Result<usize> {
        loop {
            let result = match &mut self.source {
                Source::Plain(c) => c.read(&mut self.buf[at..]),
                Source::Member(d) => d.read(&mut self.buf[at..]),
                Source::Between(_) | Source::Done => Ok(0),
            };
            match result {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => return other,
            }
        }
    }

    /// Moves to the next gzip member once the current one is exhausted. `Ok(false)` at the end of
    /// the file (always, for plain files); an error when the bytes there are not a gzip member.
    pub(crate) fn next_segment(&mut self) -> io::Result<bool> {
        if !self.gzip || !self.seg_eof || self.lo < self.hi {
            return Ok(false);
        }
        let mut counted = match std::mem::replace(&mut self.source, Source::Done) {
            Source::Member(d) => d.into_inner(),
            Source::Between(c) => c,
            Source::Plain(_) | Source::Done => return Ok(false),
        };
        let head = counted.fill_buf()?;
        if head.is_empty() {
            self.source = Source::Between(counted);
            return Ok(false);
        }
        if head[0] != 0x1f || (head.len() > 1 && head[1] != 0x8b) {
            let at = counted.pos;
            self.source = Source::Between(counted);
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("bytes at offset {at} are not a gzip member"),
            ));
        }
        self.start_member(counted);
        Ok(true)
    }

    fn start_member(&mut self, counted: Counted) {
        self.seg_start = counted.pos;
        self.seg_logical_start = self.pos;
        self.seg_eof = false;
        self.lo = 0;
        self.hi = 0;
        self.source = Source::Member(Box::new(GzDecoder::new(counted)));
    }

    fn take_counted(&mut self) -> Option<Counted> {
        match std::mem::replace(&mut self.source, Source::Done) {
            Source::Member(d) => Some(d.into_inner()),
            Source::Between(c) | Source::Plain(c) => Some(c),
            Source::Done => None,
        }
    }

    /// Plain files: continue reading at file offset `offset`.
    pub(crate) fn seek_plain(&mut self, offset: u64) -> io::Result<()> {
        let mut counted = self
            .take_counted()
            .ok_or_else(|| io::Error::other("stream closed"))?;
        counted.seek_to(offset)?;
        self.source = Source::Plain(counted);
        self.lo = 0;
        self.hi = 0;
        self.pos = offset;
        self.seg_logical_start = offset;
        self.seg_eof = false;
        Ok(())
    }

    /// Gzip files: start a member at compressed offset `offset`.
    pub(crate) fn seek_member(&mut self, offset: u64) -> io::Result<()> {
        let mut counted = self
            .take_counted()
            .ok_or_else(|| io::Error::other("stream closed"))?;
        counted.seek_to(offset)?;
        self.start_member(counted);
        Ok(())
    }

    /// Gzip files: finds the first gzip member at or after compressed offset `from` whose content
    /// starts with `WARC/` and continues there. `Ok(false)` (and the stream ends) when there is none.
    pub(crate) fn resync_member(&mut self, from: u64) -> io::Result<bool> {
        let Some(mut counted) = self.take_counted() else {
            return Ok(false);
        };
        let mut chunk = vec![0u8; BUF];
        let mut base = from;
        loop {
            counted.seek_to(base)?;
            let n = read_full(&mut counted, &mut chunk)?;
            if n < 3 {
                return Ok(false);
            }
            for i in 0..n - 2 {
                if chunk[i] == 0x1f && chunk[i + 1] == 0x8b && chunk[i + 2] == 8 {
                    let candidate = base + i as u64;
                    if probe_member(&mut counted, candidate) {
                        counted.seek_to(candidate)?;
                        self.start_member(counted);
                        return Ok(true);
                    }
                }
            }
            base += (n - 2) as u64;
        }
    }

    /// Ends the stream: nothing more is read.
    pub(crate) fn close(&mut self) {
        self.source = Source::Done;
        self.lo = 0;
        self.hi = 0;
        self.seg_eof = true;
    }
}

/// True when a gzip member starting at `offset` decodes to something starting with `WARC/`.
fn probe_member(counted: &mut Counted, offset: u64) -> bool {
    if counted.seek_to(offset).is_err() {
        return false;
    }
    let mut head = [0u8; 5];
    GzDecoder::new(&mut *counted).read_exact(&mut head).is_ok() && &head == b"WARC/"
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
