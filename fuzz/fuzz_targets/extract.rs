//! Fuzz target: any bytes, with or without a URL and a Content-Type, must give an Article (never a
//! panic, never a hang). Run with `cargo +nightly fuzz run extract -- -max_total_time=600`, or on
//! stable with `RUSTC_BOOTSTRAP=1 cargo fuzz run extract --sanitizer none -- -max_total_time=600`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the first byte chooses the optional inputs, the rest is the page
    let (choice, html) = data.split_first().unwrap_or((&0, &[]));
    let url = (choice & 1 == 1).then_some("https://www.example.com/2024/10/25/story");
    let content_type = match choice >> 1 & 3 {
        1 => Some("text/html; charset=windows-1252"),
        2 => Some("text/html; charset=utf-16"),
        3 => Some("text/html; charset=x-bogus"),
        _ => None,
    };
    let article = morgue::extract::extract(html, url, content_type);
    assert!(!article.text.contains('\0'));
});
