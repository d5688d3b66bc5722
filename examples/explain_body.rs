//! Tuning aid: prints the body model's best container candidates for HTML files (gzip or not).

use std::io::Read;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(raw) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let mut html = Vec::new();
        if raw.starts_with(&[0x1f, 0x8b]) {
            if flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut html)
                .is_err()
            {
                eprintln!("{path}: corrupt gzip");
                continue;
            }
        } else {
            html = raw;
        }
        println!("== {path}\n{}", morgue::extract::explain_body(&html));
    }
}
