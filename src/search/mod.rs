//! Search: a query string and options → ranked [`Hit`]s with snippets. Parses the query language,
//! applies filters and order; never prints.

use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::index::Index;

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Latest publication first.
    Newest,
    /// Earliest publication first.
    Oldest,
}

/// A search to run.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Published on or after this day.
    pub since: Option<NaiveDate>,
    /// Published on or before this day.
    pub until: Option<NaiveDate>,
    /// Only this site and its subdomains.
    pub site: Option<String>,
}

/// A passage of the article with the matched words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<Range<usize>>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub url: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub score: f32,
    pub snippet: Snippet,
}

/// The page of hits asked for and the total number of matches.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query does not parse; `position` is a character offset into it when known.
    #[error("malformed query: {message}")]
    Query {
        message: String,
        position: Option<usize>,
    },
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
}

/// Runs a search.
pub fn search(index: &Index, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let _ = (index, request);
    todo!()
}
