//! Extraction speed in process, the way the peers in docs/extraction.md are timed: pages are read
//! and decompressed first, then `extract` is timed alone on one thread; also the parse step alone,
//! and the named peer of issue 3, dom_smoothie (configured as in ../shared/eval/README.md), on the
//! same decoded pages in the same run, so that the ratio holds whatever the machine's mood.
//!
//!   cargo run --release --example bench_extract -- SET_DIR [ROUNDS]
//!
//! SET_DIR holds `pages/*.html.gz` (e.g. ../shared/data/extraction/tf).

use std::io::Read;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: bench_extract SET_DIR [ROUNDS]"))?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(std::path::Path::new(&dir).join("pages"))? {
        let path = entry?.path();
        let raw = std::fs::read(&path)?;
        let mut html = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut html)?;
        pages.push(html);
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "{} pages, {:.1} MB decoded",
        pages.len(),
        bytes as f64 / 1e6
    );
    // `f` is given each page's index
    let time = |label: &str, f: &dyn Fn(usize)| {
        let mut runs: Vec<f64> = (0..rounds)
            .map(|_| {
                let start = Instant::now();
                for i in 0..pages.len() {
                    f(i);
                }
                start.elapsed().as_secs_f64()
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        let median = runs[runs.len() / 2];
        println!(
            "{label:<28} {:>7.0} pages/s  {:>6.2} ms/page  (median of {rounds})",
            pages.len() as f64 / median,
            median * 1e3 / pages.len() as f64
        );
    };
    time("extract (decode+parse+model)", &|i| {
        std::hint::black_box(morgue::extract::extract(&pages[i], None, None));
    });
    time("parse only (scraper)", &|i| {
        let text = morgue::extract::decode(&pages[i], None);
        std::hint::black_box(scraper::Html::parse_document(&text));
    });
    // the peers are given the decoded page, as in the shared evaluation's table
    let decoded: Vec<String> = pages
        .iter()
        .map(|p| morgue::extract::decode(p, None).to_string())
        .collect();
    time("dom_smoothie 0.19 (peer)", &|i| {
        let config = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        if let Ok(mut readability) =
            dom_smoothie::Readability::new(decoded[i].as_str(), None, Some(config))
        {
            let _ = std::hint::black_box(readability.parse());
        }
    });
    Ok(())
}
