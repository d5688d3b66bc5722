//! Tuning aid: prints every source of the publication date cascade for one HTML file (gzip or
//! not) and its URL: `explain_dates PAGE [URL]`.

use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: explain_dates PAGE [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut html = Vec::new();
    if raw.starts_with(&[0x1f, 0x8b]) {
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut html)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    } else {
        html = raw;
    }
    print!("{}", morgue::extract::explain_dates(&html, url.as_deref()));
}
