//! `morgue search`: options → a [`SearchRequest`] → hits printed as a ranked list on a terminal or
//! as JSON Lines. Exit 0 with hits, 1 with none, 2 on error; a closed stdout (`| head`) is not an
//! error.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use serde::Serialize;

use crate::index::Index;
use crate::search::facet::{Facet, FacetCounts};
use crate::search::{self, Hit, SearchRequest, Sort};

/// Search the index.
///
/// All words are required; `"exact phrase"`, `"phrase"~N`, `OR`, `-word`, `NOT`, `(…)`,
/// `polit*`, `putn~1`, fields `title: text: author: site: lang: url: tag: section:` and
/// `published:[2024-10-01 TO 2024-10-31]`. See docs/query-syntax.md.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// Only articles published on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<NaiveDate>,
    /// Only this site and its subdomains (`example.com` also matches `news.example.com`).
    #[arg(long, value_name = "HOST")]
    pub site: Option<String>,
    /// Only articles in this language (ISO 639-1 code, e.g. `en`, `de`).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Only articles by this author (`"Jane Doe"` or a surname).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Only articles in this section.
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,
    /// Match words exactly as written (no stemming; case and accents still fold).
    #[arg(long)]
    pub exact: bool,
    /// Passages per snippet.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub fragments: usize,
    /// One hit per story: syndicated near-duplicate copies are grouped, with their number and
    /// the earliest publication.
    #[arg(long)]
    pub collapse: bool,
    /// Show how each hit's score was made (BM25 per field and term, boosts).
    #[arg(long)]
    pub explain: bool,
    /// Print only the number of matching articles.
    #[arg(long)]
    pub count: bool,
    /// Count the matching articles by site, calendar month, author or language, instead of
    /// listing hits (repeatable).
    #[arg(long, value_enum, value_name = "FACET")]
    pub facet: Vec<Facet>,
    /// JSON Lines output: one hit per line.
    #[arg(long)]
    pub json: bool,
}

fn day_span(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    search::query::parse_day_span(s)
        .ok_or_else(|| format!("`{s}` is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"))
}

fn parse_since(s: &str) -> Result<NaiveDate, String> {
    day_span(s).map(|(first, _)| first)
}

fn parse_until(s: &str) -> Result<NaiveDate, String> {
    day_span(s).map(|(_, last)| last)
}

/// Runs `morgue search` on the archive directory `index` (the search index is `index/search`).
pub fn run(index: &Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let index = crate::store::Store::new(index).open_index()?;
    let code = run_with(&index, args);
    // The process ends here: unmapping the index files and freeing its caches one by one is
    // the kernel's job at exit, done faster there.
    std::mem::forget(index);
    code
}

/// The JSON Lines shape of a hit (field order is the contract's).
#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    url: &'a str,
    title: Option<&'a str>,
    authors: &'a [String],
    published: Option<String>,
    site: Option<&'a str>,
    lang: Option<&'a str>,
    score: f32,
    snippet: &'a str,
    highlights: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fragments: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copies: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earliest: Option<String>,
}

/// Runs `morgue search` on an open index.
pub fn run_with(index: &Index, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let request = SearchRequest {
        query: args.query.clone(),
        limit: if args.count { 0 } else { args.limit },
        offset: args.offset,
        sort: args.sort,
        since: args.since,
        until: args.until,
        site: args.site.clone(),
        lang: args.lang.clone(),
        author: args.author.clone(),
        section: args.section.clone(),
        exact: args.exact,
        fragments: args.fragments,
        explain: args.explain,
        collapse: args.collapse,
    };
    if !args.facet.is_empty() {
        let mut counts = Vec::new();
        for facet in &args.facet {
            counts.push((*facet, search::facet::facet(index, &request, *facet)?));
        }
        let found = counts.iter().any(|(_, c)| c.total > 0);
        return match print_facets(&counts, args.json) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(anyhow::Error::new(e).context("writing results"))
            }
            _ => Ok(if found {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }),
        };
    }
    let results = search::search(index, &request)?;
    let found = if args.count {
        results.total > 0
    } else {
        !results.hits.is_empty()
    };
    let code = if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    let printed = if args.count {
        print_count(results.total, args.json)
    } else if args.json {
        print_json(&results.hits)
    } else {
        print_terminal(&results.hits)
    };
    match printed {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(code),
        Err(e) => return Err(anyhow::Error::new(e).context("writing results")),
    }
    if !args.count && !args.json {
        let from = if args.offset > 0 && !results.hits.is_empty() {
            format!(" (from {})", args.offset + 1)
        } else {
            String::new()
        };
        eprintln!("{} of {} hits{from}", results.hits.len(), results.total);
    }
    Ok(code)
}

fn print_count(total: usize, json: bool) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::json!({ "count": total }))?;
    } else {
        writeln!(out, "{total}")?;
    }
    out.flush()
}

fn facet_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Site => "site",
        Facet::Month => "month",
        Facet::Author => "author",
        Facet::Lang => "lang",
    }
}

fn print_facets(facets: &[(Facet, FacetCounts)], json: bool) -> io::Result<()> {
    let mut out = anstream::AutoStream::auto(io::stdout().lock());
    for (i, (facet, counts)) in facets.iter().enumerate() {
        let name = facet_name(*facet);
        if json {
            let line = serde_json::json!({
                "facet": name,
                "total": counts.total,
                "missing": counts.missing,
                "buckets": counts.buckets,
            });
            writeln!(out, "{line}")?;
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        let width = counts
            .buckets
            .iter()
            .map(|b| b.value.chars().count())
            .max()
            .unwrap_or(0)
            .max(name.len());
        writeln!(out, "{TITLE}{name:<width$}  {:>8}{TITLE:#}", "articles")?;
        for b in &counts.buckets {
            writeln!(out, "{:<width$}  {:>8}", b.value, b.count)?;
        }
        if counts.missing > 0 {
            writeln!(
                out,
                "{DIM}{:<width$}  {:>8}{DIM:#}",
                "(none)", counts.missing
            )?;
        }
        writeln!(out, "{DIM}{:<width$}  {:>8}{DIM:#}", "total", counts.total)?;
    }
    out.flush()
}

fn print_json(hits: &[Hit]) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for hit in hits {
        let line = JsonHit {
            id: &hit.id,
            url: &hit.url,
            title: hit.title.as_deref(),
            authors: &hit.authors,
            published: hit.published.map(|p| p.to_rfc3339()),
            site: hit.site.as_deref(),
            lang: hit.lang.as_deref(),
            score: hit.score,
            snippet: &hit.snippet.text,
            highlights: hit
                .snippet
                .highlights
                .iter()
                .map(|r| [r.start, r.end])
                .collect(),
            fragments: hit.fragments.iter().map(|f| f.text.as_str()).collect(),
            explanation: hit
                .explanation
                .as_deref()
                .and_then(|e| serde_json::from_str(e).ok()),
            copies: hit.copies.as_ref().map(|c| c.count),
            earliest: hit
                .copies
                .as_ref()
                .and_then(|c| c.earliest.map(|e| e.to_rfc3339())),
        };
        // Serialise first: an I/O error inside serde_json loses its kind (BrokenPipe).
        let mut bytes = serde_json::to_vec(&line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        out.write_all(&bytes)?;
    }
    out.flush()
}

const TITLE: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const MATCH: Style = AnsiColor::Yellow.on_default().bold();

/// `text` with its highlighted ranges styled.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(inside)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&format!("{MATCH}{inside}{MATCH:#}"));
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

fn print_terminal(hits: &[Hit]) -> io::Result<()> {
    let mut out = anstream::AutoStream::auto(io::stdout().lock());
    for (i, hit) in hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let title = hit.title.as_deref().unwrap_or("(untitled)");
        writeln!(out, "{TITLE}{title}{TITLE:#}")?;
        writeln!(out, "{DIM}{}{DIM:#}", hit.url)?;
        let mut meta: Vec<String> = Vec::new();
        if let Some(site) = &hit.site {
            meta.push(site.clone());
        }
        if let Some(p) = &hit.published {
            meta.push(p.format("%Y-%m-%d").to_string());
        }
        if !hit.authors.is_empty() {
            meta.push(hit.authors.join(", "));
        }
        if let Some(copies) = hit.copies.as_ref().filter(|c| c.count > 1) {
            let first = copies
                .earliest
                .map(|e| format!(", first {}", e.format("%Y-%m-%d")))
                .unwrap_or_default();
            meta.push(format!("{} copies{first}", copies.count));
        }
        if !meta.is_empty() {
            writeln!(out, "{}", meta.join(" · "))?;
        }
        let passages = if hit.fragments.is_empty() {
            std::slice::from_ref(&hit.snippet)
        } else {
            hit.fragments.as_slice()
        };
        for passage in passages {
            if !passage.text.is_empty() {
                writeln!(out, "  {}", highlighted(&passage.text, &passage.highlights))?;
            }
        }
        if let Some(explanation) = &hit.explanation {
            writeln!(out, "{DIM}score {:.3}:{DIM:#}", hit.score)?;
            for line in explanation.lines() {
                writeln!(out, "{DIM}    {line}{DIM:#}")?;
            }
        }
    }
    out.flush()
}
