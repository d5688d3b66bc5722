//! Legacy ARC files (v1 and v2, plain or gzipped), read as if they were WARC `response` records:
//! a one-line header `URL IP DATE MIME [...] LENGTH`, then LENGTH bytes of HTTP response.

use std::path::Path;

use super::record::{Fail, RecordReader, Start, Step, Want};
use super::resync::Resync;

/// True for `.arc` and `.arc.gz` file names.
pub(crate) fn is_arc_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".arc") || name.ends_with(".arc.gz")
}

/// Does this line (the start of `head`) look like an ARC record header?
pub(crate) fn looks_like_header(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(b"");
    let text = String::from_utf8_lossy(line);
    let fields: Vec<&str> = text.split_whitespace().collect();
    fields.len() >= 5
        && (fields[0].contains("://") || fields[0].starts_with("dns:"))
        && fields
            .last()
            .is_some_and(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
}

/// The named fields (WARC names) and length of an ARC record header line. The URL may contain
/// spaces: fields are taken from the right.
fn parse_header(line: &[u8], version: u8) -> Result<(Vec<(String, String)>, u64), String> {
    let text = String::from_utf8_lossy(line);
    let fields: Vec<&str> = text.split_whitespace().collect();
    // v1: URL IP DATE MIME LENGTH; v2: URL IP DATE MIME CODE CHECKSUM LOCATION OFFSET FILE LENGTH.
    let tail = if version >= 2 && fields.len() >= 10 {
        9
    } else {
        4
    };
    if fields.len() < tail + 1 {
        return Err(format!("bad ARC record header {:?}", clip(&text)));
    }
    let length_text = fields[fields.len() - 1];
    let length: u64 = length_text
        .parse()
        .map_err(|_| format!("bad ARC record length {length_text:?}"))?;
    let url = fields[..fields.len() - tail].join(" ");
    let rest = &fields[fields.len() - tail..];
    let kind = if url.starts_with("filedesc://") {
        "warcinfo"
    } else {
        "response"
    };
    let headers = vec![
        ("WARC-Type".to_string(), kind.to_string()),
        ("WARC-Target-URI".to_string(), url),
        ("WARC-IP-Address".to_string(), rest[0].to_string()),
        ("WARC-Date".to_string(), rest[1].to_string()),
        ("Content-Type".to_string(), rest[2].to_string()),
        ("Content-Length".to_string(), length.to_string()),
    ];
    Ok((headers, length))
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

impl RecordReader {
    /// Reads the ARC record whose header line is `line`.
    pub(super) fn arc_record(
        &mut self,
        line: &[u8],
        start: Start,
        crossed: Vec<u64>,
        want: &Want,
    ) -> Result<Step, Fail> {
        let (headers, length) = parse_header(line, self.arc_version).map_err(|message| Fail {
            message,
            resync: Resync::ScanForward,
            at: None,
        })?;
        if line.starts_with(b"filedesc://") {
            // The version block: "1 0 …" or "2 0 …".
            let head = self.stream.peek(2).unwrap_or(b"");
            if head.first() == Some(&b'2') {
                self.arc_version = 2;
            }
        }
        self.read_body(start, headers, length, crossed, want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_with_spaces_and_v2_headers() {
        let (h, len) =
            parse_header(b"http://a/b c 1.2.3.4 20140216050221 text/html 12", 1).unwrap();
        assert_eq!(len, 12);
        assert_eq!(h[1].1, "http://a/b c");
        let (h, len) = parse_header(
            b"http://a/ 1.2.3.4 20140216050221 text/html 200 abc - 0 f.arc 99",
            2,
        )
        .unwrap();
        assert_eq!((h[1].1.as_str(), len), ("http://a/", 99));
        assert!(parse_header(b"http://a/ 1.2.3.4 2014 text/html abc", 1).is_err());
        assert!(looks_like_header(b"http://a/ 1.2.3.4 2014 text/html 5\nxx"));
        assert!(!looks_like_header(b"<html>"));
    }
}
