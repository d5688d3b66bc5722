//! `morgue extract`: the extractor alone on local `.html` / `.html.gz` files, for inspection and
//! for the evaluation sets. One failing file is reported and the others still run.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;

use crate::extract::{Article, extract};

/// Extract article text and metadata from local HTML files.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The page URL (for every file): site, relative links and dates in the path.
    #[arg(long)]
    pub url: Option<String>,
    /// A TSV manifest with header `id<TAB>file<TAB>url`; files are matched by path (relative to
    /// the manifest's directory) or by id (the basename without `.html.gz`).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// JSON Lines, one object per file, instead of text.
    #[arg(long)]
    pub json: bool,
    /// The HTML files (`.html`, or gzip-compressed `.html.gz`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// One line of `--json` output.
#[derive(Debug, Serialize)]
struct Line<'a> {
    file: String,
    url: Option<&'a str>,
    title: Option<&'a str>,
    authors: &'a [String],
    published: Option<String>,
    modified: Option<String>,
    site: Option<&'a str>,
    site_name: Option<&'a str>,
    description: Option<&'a str>,
    lang: Option<&'a str>,
    canonical_url: Option<&'a str>,
    section: Option<&'a str>,
    tags: &'a [String],
    text: &'a str,
}

/// The URLs of a manifest, by relative path and by id.
struct Manifest {
    dir: PathBuf,
    by_file: HashMap<PathBuf, String>,
    by_id: HashMap<String, String>,
}

impl Manifest {
    fn load(path: &Path) -> anyhow::Result<Manifest> {
        let raw = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read manifest {}", path.display()))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut m = Manifest {
            dir,
            by_file: HashMap::new(),
            by_id: HashMap::new(),
        };
        for (n, line) in raw.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            if n == 0 && cols.first() == Some(&"id") || line.trim().is_empty() {
                continue;
            }
            let (id, file, url) = (
                cols.first().copied().unwrap_or(""),
                cols.get(1).copied().unwrap_or(""),
                cols.get(2).copied().unwrap_or("").trim(),
            );
            if url.is_empty() {
                continue;
            }
            m.by_id.insert(id.to_string(), url.to_string());
            m.by_file
                .insert(normalize_path(&m.dir.join(file)), url.to_string());
        }
        Ok(m)
    }

    fn url_for(&self, file: &Path) -> Option<&str> {
        if let Some(u) = self.by_file.get(&normalize_path(file)) {
            return Some(u);
        }
        if let Ok(rel) = file.strip_prefix(&self.dir)
            && let Some(u) = self.by_file.get(&normalize_path(&self.dir.join(rel)))
        {
            return Some(u);
        }
        self.by_id.get(&page_id(file)).map(String::as_str)
    }
}

/// A path with `.` components removed and made absolute when possible, for matching.
fn normalize_path(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    })
}

/// The page id of a file: its basename without `.gz` and `.html`/`.htm`.
fn page_id(file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let name = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))
        .unwrap_or(name);
    name.to_string()
}

/// Pages extracted in parallel before their results are written.
const EXTRACT_BATCH: usize = 256;

/// Reads a page, un-gzipping it when it starts with the gzip magic bytes.
fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        // the gzip trailer's size of the (last member's) input: no regrowing while inflating
        let size = raw
            .last_chunk::<4>()
            .map_or(0, |b| u32::from_le_bytes(*b) as usize);
        let mut out = Vec::with_capacity(size.min(256 << 20));
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(256 << 20)
            .read_to_end(&mut out)
            .with_context(|| format!("{}: corrupt gzip", path.display()))?;
        return Ok(out);
    }
    Ok(raw)
}

/// Runs `morgue extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let manifest = args.manifest.as_deref().map(Manifest::load).transpose()?;
    let url_for = |file: &Path| -> Option<String> {
        args.url.clone().or_else(|| {
            manifest
                .as_ref()
                .and_then(|m| m.url_for(file))
                .map(str::to_string)
        })
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    // In batches, written in the order given: memory stays bounded whatever the number of files.
    for files in args.files.chunks(EXTRACT_BATCH) {
        let results: Vec<anyhow::Result<(Option<String>, Article)>> = files
            .par_iter()
            .map(|file| {
                let bytes = read_page(file)?;
                let url = url_for(file);
                let article = extract(&bytes, url.as_deref(), None);
                Ok((url, article))
            })
            .collect();
        for (file, result) in files.iter().zip(results) {
            let (url, article) = match result {
                Ok(r) => r,
                Err(e) => {
                    failed = true;
                    eprintln!("morgue extract: {e:#}");
                    continue;
                }
            };
            let written = if args.json {
                write_json(&mut out, file, url.as_deref(), &article)
            } else {
                write_text(&mut out, file, &article)
            };
            if let Err(e) = written {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                return Err(e).context("cannot write to stdout");
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(e).context("cannot write to stdout");
        }
        _ => {}
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_json(
    out: &mut impl Write,
    file: &Path,
    url: Option<&str>,
    a: &Article,
) -> std::io::Result<()> {
    let line = Line {
        file: file.display().to_string(),
        url: url.or(a.url.as_deref()),
        title: a.title.as_deref(),
        authors: &a.authors,
        published: a.published.map(|d| d.to_rfc3339()),
        modified: a.modified.map(|d| d.to_rfc3339()),
        site: a.site.as_deref(),
        site_name: a.site_name.as_deref(),
        description: a.description.as_deref(),
        lang: a.lang.as_deref(),
        canonical_url: a.canonical_url.as_deref(),
        section: a.section.as_deref(),
        tags: &a.tags,
        text: &a.text,
    };
    serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

fn write_text(out: &mut impl Write, file: &Path, a: &Article) -> std::io::Result<()> {
    writeln!(out, "== {}", file.display())?;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    let fields: [(&str, Option<String>); 10] = [
        ("url", a.url.clone()),
        ("canonical", a.canonical_url.clone()),
        (
            "authors",
            (!a.authors.is_empty()).then(|| a.authors.join(", ")),
        ),
        ("published", a.published.map(|d| d.to_rfc3339())),
        ("modified", a.modified.map(|d| d.to_rfc3339())),
        ("site", a.site.clone()),
        ("site name", a.site_name.clone()),
        ("lang", a.lang.clone()),
        ("section", a.section.clone()),
        ("tags", (!a.tags.is_empty()).then(|| a.tags.join(", "))),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            writeln!(out, "{name:>10}: {v}")?;
        }
    }
    if let Some(d) = &a.description {
        writeln!(out, "{:>10}: {d}", "summary")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.text)?;
    writeln!(out)
}
