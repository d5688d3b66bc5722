//! The unit that flows from fetch (or a foreign WARC) into the archive and the extractor: one HTTP
//! response exactly as the server sent it.

use std::io::Read;
use std::net::IpAddr;

use chrono::{DateTime, Utc};

/// One HTTP response as received on the wire.
///
/// `body` keeps its `Content-Encoding` (gzip, br, …) so the archive stores what the server sent;
/// [`Capture::decoded_body`] undoes it for extraction. Transfer-Encoding (chunked) is never kept:
/// the body is the de-chunked entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// The URL this response answers (the `WARC-Target-URI`): after redirects, the last hop.
    pub url: String,
    /// HTTP status code.
    pub status: u16,
    /// Reason phrase of the status line (may be empty).
    pub reason: String,
    /// Protocol of the status line, e.g. `HTTP/1.1`.
    pub http_version: String,
    /// Response headers in the order received, names as received.
    pub headers: Vec<(String, String)>,
    /// The entity body, `Content-Encoding` intact.
    pub body: Vec<u8>,
    /// When the response was received.
    pub fetched_at: DateTime<Utc>,
    /// The server's IP address, where known.
    pub ip: Option<IpAddr>,
}

/// The HTTP request that produced a [`Capture`], as sent (for the WARC `request` record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Method, e.g. `GET`.
    pub method: String,
    /// The absolute URL requested.
    pub url: String,
    /// Request headers in the order sent (including `Host`).
    pub headers: Vec<(String, String)>,
}

/// Why a body could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("unsupported Content-Encoding {0:?}")]
    Unsupported(String),
    #[error("corrupt {encoding} body: {source}")]
    Corrupt {
        encoding: String,
        source: std::io::Error,
    },
    #[error("body larger than {limit} bytes after decoding")]
    TooLarge { limit: u64 },
}

impl Capture {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `Content-Type` header, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }

    /// True when the response is HTML: by its `Content-Type`, or, when there is none, by a sniff of
    /// the first bytes.
    pub fn is_html(&self) -> bool {
        match self.content_type() {
            Some(ct) => {
                let mime = ct
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                mime == "text/html" || mime == "application/xhtml+xml"
            }
            None => sniff_html(&self.body),
        }
    }

    /// The body with its `Content-Encoding` undone, refusing to grow past `limit` bytes (gzip bombs).
    pub fn decoded_body(&self, limit: u64) -> Result<Vec<u8>, DecodeError> {
        let encodings: Vec<String> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("content-encoding"))
            .flat_map(|(_, v)| v.split(','))
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| !e.is_empty() && e != "identity")
            .collect();
        let mut body = self.body.clone();
        // Encodings are listed in the order they were applied: undo them last to first.
        for encoding in encodings.iter().rev() {
            body = decode_one(encoding, &body, limit)?;
        }
        if body.len() as u64 > limit {
            return Err(DecodeError::TooLarge { limit });
        }
        Ok(body)
    }
}

fn decode_one(encoding: &str, body: &[u8], limit: u64) -> Result<Vec<u8>, DecodeError> {
    let reader: Box<dyn Read + '_> = match encoding {
        "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(body)),
        "deflate" => {
            // "deflate" is zlib-wrapped by the RFC, raw deflate by some servers.
            if body.first().is_some_and(|b| b & 0x0f == 8) {
                Box::new(flate2::read::ZlibDecoder::new(body))
            } else {
                Box::new(flate2::read::DeflateDecoder::new(body))
            }
        }
        "br" => Box::new(brotli::Decompressor::new(body, 64 * 1024)),
        "zstd" => Box::new(zstd::stream::read::Decoder::new(body).map_err(|source| {
            DecodeError::Corrupt {
                encoding: encoding.to_string(),
                source,
            }
        })?),
        other => return Err(DecodeError::Unsupported(other.to_string())),
    };
    let mut out = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|source| DecodeError::Corrupt {
            encoding: encoding.to_string(),
            source,
        })?;
    if out.len() as u64 > limit {
        return Err(DecodeError::TooLarge { limit });
    }
    Ok(out)
}

/// A WHATWG-style sniff: does the start of the body look like HTML?
pub fn sniff_html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head: Vec<u8> = body[start..]
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<title",
        b"<meta",
        b"<div",
        b"<p",
        b"<!--",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

#[cfg(test)]
impl Capture {
    /// A 200 response for unit tests.
    pub(crate) fn for_test(url: &str, headers: &[(&str, &str)], body: &[u8]) -> Capture {
        Capture {
            url: url.into(),
            status: 200,
            reason: "OK".into(),
            http_version: "HTTP/1.1".into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.to_vec(),
            fetched_at: Utc::now(),
            ip: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn capture(headers: &[(&str, &str)], body: &[u8]) -> Capture {
        Capture::for_test("http://example.com/", headers, body)
    }

    #[test]
    fn gzip_body_is_decoded_and_capped() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&vec![b'a'; 10_000]).unwrap();
        let c = capture(&[("Content-Encoding", "gzip")], &gz.finish().unwrap());
        assert_eq!(c.decoded_body(1 << 20).unwrap().len(), 10_000);
        assert!(matches!(
            c.decoded_body(1000),
            Err(DecodeError::TooLarge { limit: 1000 })
        ));
    }

    #[test]
    fn html_by_header_or_sniff() {
        assert!(capture(&[("Content-Type", "text/html; charset=utf-8")], b"x").is_html());
        assert!(!capture(&[("Content-Type", "application/pdf")], b"<html>").is_html());
        assert!(capture(&[], b"  <!DOCTYPE html><html>").is_html());
        assert!(!capture(&[], b"%PDF-1.4").is_html());
    }

    #[test]
    fn unknown_encoding_is_an_error() {
        let c = capture(&[("Content-Encoding", "compress")], b"x");
        assert!(matches!(
            c.decoded_body(100),
            Err(DecodeError::Unsupported(_))
        ));
    }
}
