//! Extraction speed in process, the way the peers in docs/extraction.md are timed: pages are read
//! and decompressed first, then `extract` is timed alone on one thread; also the parse step alone,
//! and the named peer of issue 3, dom_smoothie (configured as in ../shared/eval/README.md), on the
//! same decoded pages in the same run, so that the ratio holds whatever the machine's mood. Given
//! a morgue binary, it also times the whole process as issue 3 counts it (`morgue extract --json`
//! over the set's files on one thread: reading, gzip, extraction, JSON out). The measures take
//! turns within each round. Each measure is given in wall time and in CPU time (this process's,
//! or the child's, from /proc): on a busy machine wall time waits for the other work, CPU time
//! much less so.
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
    let mut wall = vec![Vec::new(); measures.len()];
    let mut cpu = vec![Vec::new(); measures.len()];
    for _ in 0..rounds {
        for (m, (_, run)) in measures.iter().enumerate() {
            let (start, cpu_start) = (Instant::now(), cpu_seconds()?);
            run()?;
            wall[m].push(start.elapsed().as_secs_f64());
            cpu[m].push(cpu_seconds()? - cpu_start);
        }
    }
    println!("{:<30} {:>15} {:>15}", "", "wall", "CPU");
    for (m, (label, _)) in measures.iter().enumerate() {
        let rate = |runs: &mut Vec<f64>| {
            runs.sort_by(f64::total_cmp);
            pages.len() as f64 / runs[runs.len() / 2]
        };
        println!(
            "{label:<30} {:>7.0} pages/s {:>7.0} pages/s  (medians of {rounds})",
            rate(&mut wall[m]),
            rate(&mut cpu[m])
        );
    }
    Ok(())
}

/// CPU seconds used so far by this process and the children it has waited for (user and system,
/// fields 14–17 of /proc/self/stat, in clock ticks of 1/100 s).
fn cpu_seconds() -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    // the command name in field 2 may hold spaces: count from the bracket that closes it
    let after_name = stat
        .rsplit_once(')')
        .ok_or_else(|| anyhow::anyhow!("/proc/self/stat: no command name"))?
        .1;
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(str::parse::<u64>)
        .sum::<Result<u64, _>>()?;
    Ok(ticks as f64 / 100.0)
}
