//! Extraction speed in process, the way the peers in docs/extraction.md are timed: pages are read
//! and decompressed first, then `extract` is timed alone on one thread; also the parse step alone,
//! and the named peer of issue 3, dom_smoothie (configured as in ../shared/eval/README.md), on the
//! same decoded pages in the same run, so that the ratio holds whatever the machine's mood. Given
//! a morgue binary, it also times the whole process as issue 3 counts it (`morgue extract --json`
//! over the set's files on one thread: reading, gzip, extraction, JSON out). The measures take
//! turns within each round.
//!
//!   cargo run --release --example bench_extract -- SET_DIR [ROUNDS] [MORGUE_BINARY]
//!
//! SET_DIR holds `pages/*.html.gz` and `manifest.tsv` (e.g. ../shared/data/extraction/tf).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One timed pass over the whole set.
type Measure<'a> = Box<dyn Fn() -> anyhow::Result<()> + 'a>;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: bench_extract SET_DIR [ROUNDS] [MORGUE_BINARY]"))?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let binary = args.next().map(PathBuf::from);
    let mut files = Vec::new();
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(Path::new(&dir).join("pages"))? {
        let path = entry?.path();
        let raw = std::fs::read(&path)?;
        let mut html = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut html)?;
        pages.push(html);
        files.push(path);
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "{} pages, {:.1} MB decoded",
        pages.len(),
        bytes as f64 / 1e6
    );
    // the peers are given the decoded page, as in the shared evaluation's table
    let decoded: Vec<String> = pages
        .iter()
        .map(|p| morgue::extract::decode(p, None).to_string())
        .collect();
    let each_page = |f: &dyn Fn(usize)| {
        for i in 0..pages.len() {
            f(i);
        }
    };
    let mut measures: Vec<(&str, Measure)> = vec![
        (
            "extract (decode+parse+model)",
            Box::new(|| {
                each_page(&|i| {
                    std::hint::black_box(morgue::extract::extract(&pages[i], None, None));
                });
                Ok(())
            }),
        ),
        (
            "parse only (scraper)",
            Box::new(|| {
                each_page(&|i| {
                    std::hint::black_box(scraper::Html::parse_document(&decoded[i]));
                });
                Ok(())
            }),
        ),
        (
            "dom_smoothie 0.19 (peer)",
            Box::new(|| {
                each_page(&|i| {
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
            }),
        ),
    ];
    if let Some(binary) = &binary {
        let manifest = Path::new(&dir).join("manifest.tsv");
        measures.push((
            "morgue extract, whole process",
            Box::new(move || {
                let status = Command::new(binary)
                    .args(["extract", "--json", "--manifest"])
                    .arg(&manifest)
                    .args(&files)
                    .env("RAYON_NUM_THREADS", "1")
                    .stdout(Stdio::null())
                    .status()?;
                anyhow::ensure!(status.success(), "{} extract: {status}", binary.display());
                Ok(())
            }),
        ));
    }
    let mut times = vec![Vec::new(); measures.len()];
    for _ in 0..rounds {
        for (m, (_, run)) in measures.iter().enumerate() {
            let start = Instant::now();
            run()?;
            times[m].push(start.elapsed().as_secs_f64());
        }
    }
    for ((label, _), runs) in measures.iter().zip(&mut times) {
        runs.sort_by(f64::total_cmp);
        let median = runs[runs.len() / 2];
        println!(
            "{label:<30} {:>7.0} pages/s  {:>6.2} ms/page  (median of {rounds})",
            pages.len() as f64 / median,
            median * 1e3 / pages.len() as f64
        );
    }
    Ok(())
}
