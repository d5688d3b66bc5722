//! Hostile pages: NUL bytes, 10,000-deep nesting, a huge page, empty bodies, lying and broken
//! encodings. Each must give a result in bounded time, never a panic.

use std::time::{Duration, Instant};

use morgue::extract::extract;

fn timed(html: &[u8]) -> (morgue::extract::Article, Duration) {
    let start = Instant::now();
    let a = extract(html, Some("https://hostile.example/x"), None);
    (a, start.elapsed())
}

#[test]
fn nul_bytes() {
    let html = b"<html><head><title>T\0itle</title></head><body><p>Some \0 text with a NUL byte in the middle of a long sentence.</p></body></html>";
    let (a, _) = timed(html);
    assert!(a.text.contains("Some"));
    assert!(!a.text.contains('\0'));
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(10_000));
    html.push_str(
        "<p>Deep down there is still a paragraph of text that someone wanted to read.</p>",
    );
    html.push_str(&"</div>".repeat(10_000));
    html.push_str("</body></html>");
    // run on a small stack, as rayon workers have
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || timed(html.as_bytes()))
        .expect("thread");
    let (a, took) = handle.join().expect("no stack overflow");
    assert!(
        a.text.contains("Deep down there is still a paragraph"),
        "{:?}",
        a.text
    );
    assert!(took < Duration::from_secs(90), "{took:?}"); // html5ever's scope checks are quadratic in depth: ~0.4 s in release
}

#[test]
fn huge_page_is_bounded() {
    let para = "<p>A sentence of filler text that repeats, again and again, to make the page very large.</p>\n";
    let html = format!("<html><body>{}</body></html>", para.repeat(600_000)); // ~55 MB
    let (a, took) = timed(html.as_bytes());
    assert!(!a.text.is_empty());
    assert!(a.text.len() <= morgue::extract::MAX_HTML_BYTES);
    assert!(took < Duration::from_secs(120), "{took:?}");
}

#[test]
fn empty_and_garbage_inputs() {
    for input in [
        &b""[..],
        b"   ",
        b"<html></html>",
        b"<html><body></body></html>",
        b"\xff\xfe",
        b"\x00\x00\x00",
        b"<!--",
        b"<script>",
    ] {
        let (a, _) = timed(input);
        assert!(a.text.is_empty(), "{input:?} gave {:?}", a.text);
        assert_eq!(a.title, None);
    }
    assert_eq!(timed(b"<<<>>>").0.text, "<<<>>>", "stray brackets are text");
}

#[test]
fn lying_encodings() {
    // declared UTF-8 but Latin-1 bytes: replacement characters, no panic
    let a = extract(b"<html><body><p>Caf\xe9 au lait, a long enough paragraph of text to keep.</p></body></html>", None, Some("text/html; charset=utf-8"));
    assert!(a.text.contains("Caf\u{fffd}"));
    // declared shift_jis in meta, bytes are UTF-8: UTF-8 wins
    let a = extract("<meta charset=shift_jis><p>Zoë and Chloé went to the café on the corner of the street.</p>".as_bytes(), None, None);
    assert!(a.text.contains("Zoë"));
    // unknown charset label in the header: ignored
    let a = extract(
        "<p>naïve text in a paragraph long enough to be kept by the model.</p>".as_bytes(),
        None,
        Some("text/html; charset=x-no-such"),
    );
    assert!(a.text.contains("naïve"));
    // broken JSON-LD and absurd metadata
    let a = extract(br#"<script type="application/ld+json">{"@type":"Article","author":{"@id":"loop"},"datePublished":99999999999999}</script><meta name=date content="9999-99-99">"#, None, None);
    assert_eq!(a.published, None);
    assert!(a.authors.is_empty());
}

#[test]
fn many_attributes_and_long_lines() {
    let attrs: String = (0..5000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    let html = format!(
        "<html><body><div{attrs}><p>{}</p></div></body></html>",
        "word ".repeat(200_000)
    );
    let (a, took) = timed(html.as_bytes());
    assert!(a.text.starts_with("word word"));
    assert!(took < Duration::from_secs(30));
}

/// A small deterministic mutation fuzzer over the fixtures (the cargo-fuzz target in `fuzz/` goes
/// further): byte flips, inserted tags and truncations never panic and never leak NULs.
#[test]
fn mutated_fixtures_never_panic() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let pages: Vec<Vec<u8>> = [
        "seed/seed.html",
        "extract/wordpress.html",
        "extract/graph.html",
        "extract/windows-1252.html",
    ]
    .iter()
    .map(|p| std::fs::read(format!("{dir}/{p}")).expect("fixture"))
    .collect();
    const INSERTS: &[&[u8]] = &[
        b"<div>",
        b"</p>",
        b"<script type=\"application/ld+json\">{",
        b"<table><td>",
        b"\0",
        b"\xff\xfe",
        b"<!--",
        b"<time datetime=\"9999\">",
        b"&#x0;",
        b"<svg><p>",
    ];
    for round in 0..120 {
        let mut page = pages[round % pages.len()].clone();
        for _ in 0..(next() % 20) {
            let at = (next() as usize) % page.len().max(1);
            match next() % 3 {
                0 => {
                    let last = page.len().saturating_sub(1);
                    page[at.min(last)] ^= (next() & 0xff) as u8;
                }
                1 => {
                    let ins = INSERTS[(next() as usize) % INSERTS.len()];
                    page.splice(at..at, ins.iter().copied());
                }
                _ => page.truncate(at.max(1)),
            }
            if page.is_empty() {
                break;
            }
        }
        let url = (round % 2 == 0).then_some("https://www.example.com/2024/10/25/x");
        let a = extract(&page, url, None);
        assert!(!a.text.contains('\0'), "round {round}");
        assert!(
            a.title.as_deref().is_none_or(|t| !t.is_empty()),
            "round {round}"
        );
    }
}
