//! `morgue show`: one stored article, by URL or id.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use crate::identity;
use crate::index::StoredArticle;
use crate::store::Store;

/// Show one stored article (exit 1 when there is none).
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article's URL (as added, or its final URL) or its 16-digit id.
    #[arg(value_name = "URL|ID")]
    pub target: String,

    /// Print the article as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(index: &Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let index = store.open_index()?;
    let id = if identity::is_article_id(&args.target) {
        args.target.clone()
    } else {
        identity::article_id(&args.target)
    };
    let Some(doc) = index.get(&id)? else {
        eprintln!(
            "morgue: no article {} in {}",
            args.target,
            store.root().display()
        );
        return Ok(ExitCode::from(1));
    };
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        writeln!(out, "{}", to_json(&doc))
    } else {
        write_text(&mut out, &doc)
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// The `show --json` object.
fn to_json(doc: &StoredArticle) -> serde_json::Value {
    let a = &doc.article;
    json!({
        "id": doc.id,
        "url": a.url,
        "canonical_url": a.canonical_url,
        "title": a.title,
        "authors": a.authors,
        "published": a.published.map(|d| d.to_rfc3339()),
        "modified": a.modified.map(|d| d.to_rfc3339()),
        "site": a.site,
        "site_name": a.site_name,
        "description": a.description,
        "lang": a.lang,
        "section": a.section,
        "tags": a.tags,
        "text": a.text,
        "fetched_at": doc.fetched_at.to_rfc3339(),
        "http_status": doc.http_status,
        "warc": doc.location,
    })
}

fn write_text(out: &mut impl Write, doc: &StoredArticle) -> std::io::Result<()> {
    let a = &doc.article;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    let mut field = |name: &str, value: Option<String>| -> std::io::Result<()> {
        match value {
            Some(v) if !v.is_empty() => writeln!(out, "{name:<10} {v}"),
            _ => Ok(()),
        }
    };
    field("id", Some(doc.id.clone()))?;
    field("url", a.url.clone())?;
    if a.canonical_url != a.url {
        field("canonical", a.canonical_url.clone())?;
    }
    field(
        "site",
        match (&a.site, &a.site_name) {
            (Some(s), Some(n)) => Some(format!("{s} ({n})")),
            (s, n) => s.clone().or(n.clone()),
        },
    )?;
    field("authors", Some(a.authors.join(", ")))?;
    field("published", a.published.map(|d| d.to_rfc3339()))?;
    field("modified", a.modified.map(|d| d.to_rfc3339()))?;
    field("section", a.section.clone())?;
    field("tags", Some(a.tags.join(", ")))?;
    field("lang", a.lang.clone())?;
    field(
        "fetched",
        Some(format!(
            "{} (HTTP {})",
            doc.fetched_at.to_rfc3339(),
            doc.http_status
        )),
    )?;
    if let Some(d) = &a.description {
        writeln!(out, "\n{d}")?;
    }
    writeln!(out, "\n{}", a.text)
}
