//! The search benchmark of issue 5: builds a morgue index straight from a bench corpus truth file
//! (`../shared/bench/make_corpus.py --truth`), then times the query set of
//! `../shared/bench/queries.py` in process and as whole `morgue search --json` processes, side by
//! side with SQLite FTS5 run exactly as `fts5_baseline.py query` runs it (the `sqlite3` shell, the
//! same two statements), and prints the table: class, morgue p50/p99, FTS5 p50/p99, ratio, hits.
//!
//! ```text
//! cargo run --release --example bench_search -- build --truth truth.jsonl.gz --index DIR [--docs N] [--copies K]
//! cargo run --release --example bench_search -- run --index DIR --queries DIR/queries.tsv
//!     [--fts5-db fts.db] [--morgue target/release/morgue] [--runs 5] [--warmup 1] [--in-process-only]
//! ```
//! `DIR` is an archive directory: the index is built as a new generation `DIR/search-N` and
//! published in `DIR/CURRENT`, where `morgue --index DIR search` looks for it. `scripts/bench-search.sh` runs the whole thing.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use morgue::extract::Article;
use morgue::index::{Index, StoredArticle};
use morgue::search::{SearchRequest, search};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn required(args: &[String], name: &str) -> anyhow::Result<String> {
    arg(args, name)
        .with_context(|| format!("missing {name} (see the header of examples/bench_search.rs)"))
}

fn existing(path: &str, what: &str) -> anyhow::Result<PathBuf> {
    let p = PathBuf::from(path);
    if !p.exists() {
        bail!("{what} {path} does not exist (generate it with ../shared/bench: see its README)");
    }
    Ok(p)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("build") => build(&args),
        Some("run") => run(&args),
        _ => bail!("usage: bench_search build|run … (see the header of examples/bench_search.rs)"),
    }
}

/// One line of the truth file (the fields the index needs).
#[derive(serde::Deserialize)]
struct Truth {
    url: String,
    canonical_url: Option<String>,
    site: Option<String>,
    site_name: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    published_local: Option<String>,
    modified: Option<String>,
    section: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    description: Option<String>,
    fetched_at: Option<String>,
    body: String,
}

fn stored(t: Truth, copy: usize) -> StoredArticle {
    let url = if copy == 0 {
        t.url
    } else {
        format!("{}-c{copy}", t.url)
    };
    let date = |s: Option<String>| s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok());
    StoredArticle {
        id: morgue::identity::article_id(&url),
        article: Article {
            canonical_url: t.canonical_url,
            title: t.title,
            authors: t.authors,
            published: date(t.published_local)
                .map(|p| p - chrono::Duration::days(11 * copy as i64)),
            modified: date(t.modified),
            site: t.site,
            site_name: t.site_name,
            description: t.description,
            lang: t.lang,
            section: t.section,
            tags: t.tags,
            text: t.body,
            url: Some(url),
        },
        fetched_at: date(t.fetched_at)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default(),
        http_status: 200,
        location: None,
    }
}

fn build(args: &[String]) -> anyhow::Result<()> {
    let truth = existing(&required(args, "--truth")?, "truth file")?;
    let store = morgue::store::Store::new(Path::new(&required(args, "--index")?));
    // A fresh generation, published (CURRENT) once built, as `morgue rebuild` does.
    let dir = store.new_generation()?;
    let limit: usize = arg(args, "--docs").map_or(Ok(usize::MAX), |s| s.parse())?;
    let copies: usize = arg(args, "--copies").map_or(Ok(1), |s| s.parse())?;
    let index = Index::open_or_create(&dir)?;
    let mut writer = index.writer()?;
    let start = Instant::now();
    let mut n = 0usize;
    for copy in 0..copies {
        let file = std::fs::File::open(&truth)?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        for line in reader.lines().take(limit) {
            let t: Truth = serde_json::from_str(&line?).context("a truth line")?;
            writer.upsert(&stored(t, copy))?;
            n += 1;
        }
        writer.commit()?;
    }
    let indexed = start.elapsed().as_secs_f64();
    writer.optimize()?;
    let total = start.elapsed().as_secs_f64();
    store.publish(&dir)?;
    let bytes: u64 = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{{\"docs\": {n}, \"index_s\": {indexed:.1}, \"docs_per_s\": {:.0}, \"with_merge_s\": {total:.1}, \"segments\": {}, \"index_mb\": {:.1}}}",
        n as f64 / indexed,
        index.segment_count(),
        bytes as f64 / 1e6
    );
    Ok(())
}

struct Query {
    class: String,
    morgue: String,
    fts5: String,
    expected: Option<u64>,
    fts5_where: String,
}

fn load_queries(path: &Path) -> anyhow::Result<Vec<Query>> {
    let text = std::fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .context("empty queries file")?
        .split('\t')
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .with_context(|| format!("no {name} column"))
    };
    let (c, m, f, e, w) = (
        col("class")?,
        col("morgue_query")?,
        col("fts5_query")?,
        col("expected_hits")?,
        col("fts5_where")?,
    );
    Ok(lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| v.get(i).copied().unwrap_or("").to_string();
            Query {
                class: get(c),
                morgue: get(m),
                fts5: get(f),
                expected: get(e).parse().ok(),
                fts5_where: get(w),
            }
        })
        .collect())
}

fn percentile(xs: &[f64], p: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let k = (v.len() - 1) as f64 * p / 100.0;
    let (lo, hi) = (k.floor() as usize, (k.ceil() as usize).min(v.len() - 1));
    v[lo] + (v[hi] - v[lo]) * (k - lo as f64)
}

/// The script `fts5_baseline.py query` feeds the `sqlite3` shell for one query.
fn fts5_script(q: &Query) -> String {
    let lit = format!("'{}'", q.fts5.replace('\'', "''"));
    let extra = if q.fts5_where.is_empty() {
        String::new()
    } else {
        format!(" AND ({})", q.fts5_where)
    };
    format!(
        "SELECT rowid, url, title, bm25(docs, 2.0) AS score, snippet(docs, 1, '<b>', '</b>', '...', 24) FROM docs WHERE docs MATCH {lit}{extra} ORDER BY score LIMIT 10;\nSELECT count(*) FROM docs WHERE docs MATCH {lit}{extra};\n"
    )
}

fn time_process(cmd: &mut Command, stdin: Option<&str>) -> anyhow::Result<(f64, Vec<u8>)> {
    use std::io::Write;
    let t0 = Instant::now();
    let mut child = cmd
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    Ok((t0.elapsed().as_secs_f64() * 1000.0, out.stdout))
}

#[derive(Default)]
struct ClassTimes {
    inproc: Vec<f64>,
    morgue: Vec<f64>,
    fts5: Vec<f64>,
    morgue_medians: Vec<f64>,
    fts5_medians: Vec<f64>,
    hits: Vec<String>,
}

fn run(args: &[String]) -> anyhow::Result<()> {
    let archive = PathBuf::from(required(args, "--index")?);
    let queries = load_queries(&existing(&required(args, "--queries")?, "query file")?)?;
    let runs: usize = arg(args, "--runs").map_or(Ok(5), |s| s.parse())?;
    let warmup: usize = arg(args, "--warmup").map_or(Ok(1), |s| s.parse())?;
    let in_process_only = args.iter().any(|a| a == "--in-process-only");
    let fts5_db = arg(args, "--fts5-db").map(PathBuf::from);
    let morgue_bin =
        PathBuf::from(arg(args, "--morgue").unwrap_or_else(|| "target/release/morgue".into()));
    if !in_process_only && !morgue_bin.exists() {
        bail!(
            "{} does not exist: cargo build --release first, or --in-process-only",
            morgue_bin.display()
        );
    }
    let t_open = Instant::now();
    let index = morgue::store::Store::new(&archive).open_index()?;
    let open_ms = t_open.elapsed().as_secs_f64() * 1000.0;
    let docs = index.stats()?.articles;
    let mut classes: BTreeMap<String, ClassTimes> = BTreeMap::new();
    let mut exact_mismatches = Vec::new();
    for q in &queries {
        let entry = classes.entry(q.class.clone()).or_default();
        let request = SearchRequest {
            query: q.morgue.clone(),
            limit: 10,
            ..Default::default()
        };
        let mut total = 0;
        for r in 0..warmup + runs {
            let t0 = Instant::now();
            let results = search(&index, &request)?;
            let ms = t0.elapsed().as_secs_f64() * 1000.0;
            total = results.total;
            if r >= warmup {
                entry.inproc.push(ms);
            }
        }
        let exact = search(
            &index,
            &SearchRequest {
                exact: true,
                limit: 0,
                ..request.clone()
            },
        )?
        .total;
        if let Some(expected) = q.expected
            && exact as u64 != expected
        {
            exact_mismatches.push(format!(
                "{} {:?}: exact {exact}, expected {expected}",
                q.class, q.morgue
            ));
        }
        let mut fts5_hits = String::from("-");
        if !in_process_only {
            let (mut m, mut f) = (Vec::new(), Vec::new());
            for r in 0..warmup + runs {
                let mut cmd = Command::new(&morgue_bin);
                cmd.arg("--index")
                    .arg(&archive)
                    .args(["search", &q.morgue, "--json"]);
                let (ms, _) = time_process(&mut cmd, None)?;
                if r >= warmup {
                    m.push(ms);
                }
                if let Some(db) = &fts5_db {
                    let mut cmd = Command::new("sqlite3");
                    cmd.args(["-bail", "-batch", "-json"]).arg(db);
                    let (ms, out) = time_process(&mut cmd, Some(&fts5_script(q)))?;
                    if r >= warmup {
                        f.push(ms);
                    }
                    let out = String::from_utf8_lossy(&out);
                    if let Some(n) = out
                        .rsplit("\"count(*)\":")
                        .next()
                        .and_then(|s| s.split('}').next())
                    {
                        fts5_hits = n.trim().to_string();
                    }
                }
            }
            entry.morgue_medians.push(percentile(&m, 50.0));
            entry.morgue.extend(m);
            if !f.is_empty() {
                entry.fts5_medians.push(percentile(&f, 50.0));
                entry.fts5.extend(f);
            }
        }
        let expected = q.expected.map_or("-".into(), |e| e.to_string());
        entry
            .hits
            .push(format!("{total}/{exact}/{fts5_hits}/{expected}"));
    }
    println!(
        "docs {docs}, index open {open_ms:.2} ms, {runs} runs after {warmup} warm-up per query; times in ms"
    );
    println!(
        "{:<12} {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>6} | hits per query: morgue/morgue --exact/FTS5/brute force",
        "class", "in-p p50", "in-p p99", "proc p50", "proc p99", "fts5 p50", "fts5 p99", "ratio"
    );
    let (mut all_m, mut all_f, mut all_i) = (Vec::new(), Vec::new(), Vec::new());
    for (class, t) in &classes {
        all_m.extend(&t.morgue);
        all_f.extend(&t.fts5);
        all_i.extend(&t.inproc);
        println!(
            "{:<12} {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>6.2} | {}",
            class,
            percentile(&t.inproc, 50.0),
            percentile(&t.inproc, 99.0),
            percentile(&t.morgue, 50.0),
            percentile(&t.morgue, 99.0),
            percentile(&t.fts5, 50.0),
            percentile(&t.fts5, 99.0),
            percentile(&t.morgue, 50.0) / percentile(&t.fts5, 50.0),
            t.hits.join(" ")
        );
    }
    println!(
        "{:<12} {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>6.2} |",
        "ALL",
        percentile(&all_i, 50.0),
        percentile(&all_i, 99.0),
        percentile(&all_m, 50.0),
        percentile(&all_m, 99.0),
        percentile(&all_f, 50.0),
        percentile(&all_f, 99.0),
        percentile(&all_m, 50.0) / percentile(&all_f, 50.0)
    );
    if exact_mismatches.is_empty() {
        println!(
            "morgue --exact counts equal the brute-force counts for all {} queries",
            queries.len()
        );
    } else {
        println!(
            "morgue --exact counts differing from brute force ({}):",
            exact_mismatches.len()
        );
        for m in exact_mismatches {
            println!("  {m}");
        }
    }
    Ok(())
}
