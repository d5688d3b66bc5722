//! Bytes → text: the page's character encoding, decided in the order browsers and the dev sets
//! agree on (BOM, HTTP charset, valid UTF-8, `<meta charset>` prescan, detection).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes the `<meta charset>` prescan looks at (the HTML spec says 1024; real
/// pages put long `<script>`s first, so we look further).
const PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page to text (borrowed when the bytes are already UTF-8). `content_type` is
/// the HTTP header, used for its `charset`. Never fails: undecodable bytes become U+FFFD.
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    if let Some(encoding) = content_type.and_then(http_charset) {
        return encoding.decode_without_bom_handling(bytes).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    if let Some(encoding) = meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return encoding.decode_without_bom_handling(bytes).0;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector
        .guess(None, chardetng::Utf8Detection::Allow)
        .decode_without_bom_handling(bytes)
        .0
}

/// The encoding named by `charset=` in a Content-Type value, if it names one we know.
fn http_charset(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let label: String = rest
        .trim_start()
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ' | ','))
        .collect();
    usable(Encoding::for_label(label.as_bytes())?)
}

/// A `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` in the prescan.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = text[from..].find("<meta") {
        let start = from + pos;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        if let Some(found) = http_charset(tag) {
            return Some(found);
        }
        from = end.max(start + 5);
    }
    None
}

/// UTF-16 labels in a meta tag cannot be true of bytes that were read as ASCII: the spec maps them
/// to UTF-8, and so do we.
fn usable(encoding: &'static Encoding) -> Option<&'static Encoding> {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        Some(UTF_8)
    } else {
        Some(encoding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_charset_wins_over_meta() {
        let bytes = b"<meta charset=utf-8><p>caf\xe9</p>";
        assert!(decode(bytes, Some("text/html; charset=ISO-8859-1")).contains("café"));
    }

    #[test]
    fn valid_utf8_wins_over_a_lying_meta() {
        let bytes = "<meta charset=windows-1252><p>café</p>".as_bytes();
        assert!(decode(bytes, None).contains("café"));
    }

    #[test]
    fn meta_charset_decodes_legacy_bytes() {
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93quoted\x94</p>";
        assert!(decode(bytes, None).contains("\u{201c}quoted\u{201d}"));
    }

    #[test]
    fn bom_is_honoured_and_dropped() {
        let bytes = b"\xef\xbb\xbf<p>x</p>";
        assert_eq!(decode(bytes, Some("text/html; charset=latin1")), "<p>x</p>");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<p>é</p>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None), "<p>é</p>");
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let bytes =
            b"<p>Der K\xf6nig und die K\xf6nigin \xfcber M\xfcnchen, sch\xf6n und gr\xfcn.</p>";
        assert!(decode(bytes, None).contains("König"));
    }
}
