//! Tuning aid: prints the title sources of pages and the title picked, one JSON line a page:
//! `explain_title PAGE [URL]`, or `explain_title --manifest MANIFEST.tsv` for a whole dev set
//! (each line then starts with the page id and a tab).

use std::io::Read;

fn read(path: &str) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return raw;
    }
    let mut html = Vec::new();
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut html)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    html
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, manifest] if flag == "--manifest" => {
            let dir = std::path::Path::new(manifest)
                .parent()
                .expect("manifest dir");
            let list = std::fs::read_to_string(manifest).expect("manifest");
            for line in list.lines().skip(1) {
                let f: Vec<&str> = line.split('\t').collect();
                let [id, file, url] = f[..] else { continue };
                let html = read(&dir.join(file).to_string_lossy());
                println!("{id}\t{}", morgue::extract::explain_title(&html, Some(url)));
            }
        }
        [page] => println!("{}", morgue::extract::explain_title(&read(page), None)),
        [page, url] => println!("{}", morgue::extract::explain_title(&read(page), Some(url))),
        _ => {
            eprintln!("usage: explain_title PAGE [URL] | explain_title --manifest MANIFEST.tsv");
            std::process::exit(2);
        }
    }
}
