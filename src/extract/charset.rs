//! Bytes → text: the page's character encoding, decided in the order browsers and the dev sets
//! agree on (BOM, HTTP charset, valid UTF-8, `<meta charset>` prescan, detection), and text that
//! a publisher encoded twice ("itâ€™s" for "it’s") restored.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes the `<meta charset>` prescan looks at (the HTML spec says 1024; real
/// pages put long `<script>`s first, so we look further).
const PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page to text (borrowed when the bytes are already UTF-8 and were encoded
/// once). `content_type` is the HTTP header, used for its `charset`. Never fails: undecodable
/// bytes become U+FFFD.
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    let text = decode_bytes(bytes, content_type);
    match repair_double_encoding(&text) {
        Some(repaired) => Cow::Owned(repaired),
        None => text,
    }
}

/// The page's bytes read in the encoding the cascade picks.
fn decode_bytes<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
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

/// Windows-1252's characters for the bytes 0x80–0x9F (0 where the byte is unassigned and decodes
/// to the C1 control of the same value).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// A page needs this many double encodings before any is repaired.
const DOUBLE_ENCODED_MIN: usize = 2;

/// UTF-8 text that went once more through Latin-1 or Windows-1252 and back to UTF-8 ("â€™" for
/// "’", "Ã©" for "é"), repaired; `None` when the page has fewer than two such characters.
/// Legitimate text writes many pairs that would decode as UTF-8 (German "ß“" as U+07D3, French
/// "é\u{a0}»" as a CJK character), so only the forms it never writes are repaired: a lead "Â" or
/// "Ã" (the encodings of U+0080–U+00FF), "â€" (of U+2000–U+203F: dashes, quotes, ellipses), or a
/// C1 control as a continuation byte.
pub fn repair_double_encoding(text: &str) -> Option<String> {
    let found: Vec<_> = memchr::memchr_iter(0xC3, text.as_bytes())
        .filter_map(|at| double_encoded_at(&text[at..]).map(|(len, c)| (at, len, c)))
        .collect();
    if found.len() < DOUBLE_ENCODED_MIN {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    // the sequences never overlap: their continuations are written C2 xx (U+0080–U+00BF) or are
    // Windows-1252 punctuation (C5, C6, CB, E2 leads), never the C3 a lead starts with
    for (at, len, decoded) in found {
        out.push_str(&text[from..at]);
        out.push(decoded);
        from = at + len;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// At a lead character (bytes 0xC3 0x82–0xB4, i.e. U+00C2–U+00F4): the length in bytes of the
/// double-encoded character starting there and the character, when it has a form legitimate text
/// never writes (see `repair_double_encoding`).
fn double_encoded_at(text: &str) -> Option<(usize, char)> {
    let mut chars = text.chars();
    let lead = chars.next()? as u32;
    let needed = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead as u8, 0, 0, 0];
    let mut len = 2;
    let mut unmistakable = lead <= 0xC3;
    for (i, slot) in bytes.iter_mut().enumerate().skip(1).take(needed) {
        let c = chars.next()?;
        *slot = continuation_byte(c)?;
        unmistakable |= (0x80..0xA0).contains(&(c as u32)) || (lead == 0xE2 && i == 1 && c == '€');
        len += c.len_utf8();
    }
    if !unmistakable {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes[..=needed])
        .ok()?
        .chars()
        .next()?;
    Some((len, decoded))
}

/// A short text (a title) whose UTF-8 was read as Latin-1 or Windows-1252 ("Investorâ\u{80}\u{99}s",
/// "Investorâ€™s"), read again as UTF-8 as a whole; `None` for text that does not read back as
/// UTF-8 ("Café" stays). Stricter than the page's repair, so one character is enough.
pub fn read_again_as_utf8(t: &str) -> Option<String> {
    // a UTF-8 lead byte read as Latin-1 is one of 'Â'..='ô'
    if !t.chars().any(|c| ('Â'..='ô').contains(&c)) {
        return None;
    }
    let mut bytes = Vec::with_capacity(t.len());
    for c in t.chars() {
        bytes.push(match u8::try_from(u32::from(c)) {
            Ok(b) => b,
            Err(_) => continuation_byte(c)?,
        });
    }
    String::from_utf8(bytes).ok().filter(|r| r != t)
}

/// The byte 0x80–0xBF that `c` stands for when a UTF-8 continuation byte was read as Latin-1
/// (U+0080–U+00BF) or as Windows-1252 (its punctuation for 0x80–0x9F).
fn continuation_byte(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xBF => Some(c as u8),
        0x100.. => WINDOWS_1252_HIGH
            .iter()
            .position(|&w| w == c)
            .map(|i| 0x80 + i as u8),
        _ => None,
    }
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
    fn double_encoded_text_is_restored() {
        let page = "<p>It\u{e2}\u{80}\u{99}s the LLC\u{e2}\u{80}\u{99}s name</p>".as_bytes();
        assert_eq!(decode(page, None), "<p>It’s the LLC’s name</p>");
        let page = "<p>isnâ€™t â€œquotedâ€\u{9d} cafÃ© MÃ¼nchen</p>".as_bytes();
        assert_eq!(decode(page, None), "<p>isn’t “quoted” café München</p>");
    }

    #[test]
    fn legitimate_text_that_looks_double_encoded_is_kept() {
        // "é" + no-break space + "»" is a valid UTF-8 sequence when read as bytes, but French
        // typography writes it: without unmistakable double encodings nothing changes.
        let page = "<p>« la vérité\u{a0}» et « RÉSUMÉ\u{a0}»</p>".as_bytes();
        assert!(matches!(decode(page, None), Cow::Borrowed(_)));
        // German closing quotes after "ß" read as U+07D3, and are kept.
        let page = "<p>„Er ließ“, sagte sie, „ließ“</p>".as_bytes();
        assert!(matches!(decode(page, None), Cow::Borrowed(_)));
        // One stray double encoding is not enough to touch a page.
        let page = "<p>« la vérité\u{a0}» itâ€™s</p>";
        assert_eq!(decode(page.as_bytes(), None), page);
        // On a page that has them, they are repaired and the French is kept.
        let page = "<p>« la vérité\u{a0}» itâ€™s, itâ€™s</p>".as_bytes();
        assert_eq!(decode(page, None), "<p>« la vérité\u{a0}» it’s, it’s</p>");
    }

    #[test]
    fn a_mis_decoded_title_is_read_again() {
        assert_eq!(
            read_again_as_utf8("Investor\u{e2}\u{80}\u{99}s Guide").as_deref(),
            Some("Investor’s Guide")
        );
        assert_eq!(read_again_as_utf8("naÃ¯ve").as_deref(), Some("naïve"));
        assert_eq!(read_again_as_utf8("Café crème"), None);
        assert_eq!(read_again_as_utf8("Â bientôt — 東京"), None);
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let bytes =
            b"<p>Der K\xf6nig und die K\xf6nigin \xfcber M\xfcnchen, sch\xf6n und gr\xfcn.</p>";
        assert!(decode(bytes, None).contains("König"));
    }
}
