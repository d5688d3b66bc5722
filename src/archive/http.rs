//! The HTTP message inside a `response` or `revisit` record: status line, headers (CRLF or bare
//! LF), and the body, de-chunked when the record kept the transfer encoding.

/// A parsed HTTP response message.
#[derive(Debug)]
pub(crate) struct HttpResponse {
    pub(crate) version: String,
    pub(crate) status: u16,
    pub(crate) reason: String,
    pub(crate) headers: Vec<(String, String)>,
    /// Offset of the body in the block.
    pub(crate) body_start: usize,
}

/// Where the header section of an HTTP message ends (the offset of the body), accepting CRLF
/// and bare-LF line endings. `None` when there is no blank line.
pub(crate) fn header_end(block: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(nl) = block[i..].iter().position(|&b| b == b'\n') {
        let next = i + nl + 1;
        // A line holding nothing but carriage returns ends the headers.
        let crs = block[next..].iter().take_while(|&&b| b == b'\r').count();
        if block.get(next + crs) == Some(&b'\n') {
            return Some(next + crs + 1);
        }
        i = next;
    }
    None
}

/// Parses the status line and headers of a response message. A message with no blank line is
/// taken as headers only (a revisit block may end right after them).
pub(crate) fn parse_response(block: &[u8]) -> Result<HttpResponse, String> {
    let body_start = header_end(block).unwrap_or(block.len());
    let head = &block[..body_start];
    let mut lines = head.split(|&b| b == b'\n').map(|l| {
        let end = l.len() - l.iter().rev().take_while(|&&b| b == b'\r').count();
        &l[..end]
    });
    let status_line = text(lines.next().unwrap_or(b""));
    let (version, rest) = status_line
        .split_once(' ')
        .ok_or_else(|| format!("bad HTTP status line {:?}", clip(&status_line)))?;
    if !version.starts_with("HTTP/") {
        return Err(format!("bad HTTP status line {:?}", clip(&status_line)));
    }
    let rest = rest.trim_start();
    let (code, reason) = rest.split_once(' ').unwrap_or((rest, ""));
    let status = code
        .trim()
        .parse::<u16>()
        .map_err(|_| format!("bad HTTP status code in {:?}", clip(&status_line)))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text(line).trim());
            }
            continue;
        }
        let line = text(line);
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    Ok(HttpResponse {
        version: version.to_string(),
        status,
        reason: reason.trim().to_string(),
        headers,
        body_start,
    })
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Header bytes as text: UTF-8 when valid, else Latin-1 (every byte kept).
fn text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// True when the headers say the body is chunked.
pub(crate) fn is_chunked(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked")
    })
}

/// Removes the chunked transfer coding. `None` when the body does not start as a chunked body
/// (some tools de-chunk but keep the header); a body cut off mid-way gives what was complete.
pub(crate) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let mut first = true;
    loop {
        let Some(nl) = body[i..].iter().position(|&b| b == b'\n') else {
            return if first { None } else { Some(out) };
        };
        let line = &body[i..i + nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let size_text = line.split(|&b| b == b';').next().unwrap_or(b"");
        let size_text = std::str::from_utf8(size_text).ok()?.trim();
        let size = match usize::from_str_radix(size_text, 16) {
            Ok(size) => size,
            Err(_) if first => return None,
            Err(_) => return Some(out),
        };
        first = false;
        i += nl + 1;
        if size == 0 {
            return Some(out);
        }
        let end = i.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[i..end]);
        if end < i.saturating_add(size) {
            return Some(out);
        }
        i = end;
        // The CRLF after the chunk data.
        if body.get(i) == Some(&b'\r') {
            i += 1;
        }
        if body.get(i) == Some(&b'\n') {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_lf_headers_and_missing_reason() {
        let block = b"HTTP/1.0 302 \nLocation: /x\n\nbody";
        let r = parse_response(block).unwrap();
        assert_eq!((r.status, r.reason.as_str()), (302, ""));
        assert_eq!(r.headers, vec![("Location".to_string(), "/x".to_string())]);
        assert_eq!(&block[r.body_start..], b"body");
    }

    #[test]
    fn dechunks_with_extensions_and_trailers() {
        let body = b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n";
        assert_eq!(dechunk(body).unwrap(), b"hello world");
        assert_eq!(dechunk(b"<html>not chunked"), None);
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
        assert_eq!(dechunk(b"ffffffffffffffff\r\nx").unwrap(), b"x");
    }

    #[test]
    fn status_line_must_be_http() {
        assert!(parse_response(b"garbage\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 abc OK\r\n\r\n").is_err());
    }
}
