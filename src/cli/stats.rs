//! `morgue stats`: what the archive and the index hold.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use crate::store::Store;

/// Counts and sizes of the archive and the index.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(index: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::new(index);
    let stats = store.open_index()?.stats()?;
    let state = store.state()?;
    let index_bytes = match store.live_index_dir()? {
        Some(dir) => store.bytes_under(dir.strip_prefix(store.root()).unwrap_or(&dir)),
        None => 0,
    };
    let archive_bytes = store.bytes_under(Path::new("warc"));
    let date = |d: Option<chrono::DateTime<chrono::FixedOffset>>| d.map(|d| d.to_rfc3339());
    if args.json {
        println!(
            "{}",
            json!({
                "articles": stats.articles,
                "captures": state.captures,
                "sites": stats.sites,
                "oldest": date(stats.oldest),
                "newest": date(stats.newest),
                "index_bytes": index_bytes,
                "archive_bytes": archive_bytes,
                "last_add": state.last_add.map(|d| d.to_rfc3339()),
                "last_import": state.last_import.map(|d| d.to_rfc3339()),
                "last_rebuild": state.last_rebuild.map(|d| d.to_rfc3339()),
            })
        );
    } else {
        let none = || "-".to_string();
        println!("articles      {}", stats.articles);
        println!("captures      {}", state.captures);
        println!("sites         {}", stats.sites);
        println!("oldest        {}", date(stats.oldest).unwrap_or_else(none));
        println!("newest        {}", date(stats.newest).unwrap_or_else(none));
        println!("index         {}", human_bytes(index_bytes));
        println!("archive       {}", human_bytes(archive_bytes));
        let when = |d: Option<chrono::DateTime<chrono::Utc>>| {
            d.map(|d| d.to_rfc3339()).unwrap_or_else(none)
        };
        println!("last add      {}", when(state.last_add));
        println!("last import   {}", when(state.last_import));
        println!("last rebuild  {}", when(state.last_rebuild));
    }
    Ok(ExitCode::SUCCESS)
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {} ({n} bytes)", UNITS[unit])
    }
}
