//! morgue: a full-text search engine for news archives.
//!
//! The pipeline, one module per stage:
//! `fetch` (URLs → [`Capture`]s) → `archive` (captures → WARC files, the source of truth) →
//! `extract` (HTML → [`extract::Article`]) → `index` (articles → tantivy) → `search` (query → hits).
//! `cli` turns command lines into runs of that pipeline and prints the results.

pub mod archive;
pub mod capture;
pub mod cli;
pub mod extract;
pub mod fetch;
pub mod identity;
pub mod index;
pub mod pipeline;
pub mod search;
pub mod store;

pub use capture::Capture;
