//! The index: the tantivy schema (defined once, here), and adding, replacing, reading and counting
//! stored articles. Everything a search shows comes from here; everything here comes from the archive.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};

use crate::archive::RecordLocation;
use crate::extract::Article;

/// One article as the index keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The stable id ([`crate::identity::article_id`] of the article URL).
    pub id: String,
    /// The extracted article.
    pub article: Article,
    /// When its capture was fetched.
    pub fetched_at: DateTime<Utc>,
    /// The HTTP status of its capture.
    pub http_status: u16,
    /// Where its capture is in the archive.
    pub location: Option<RecordLocation>,
}

/// Counts over the whole index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexStats {
    pub articles: u64,
    pub sites: u64,
    pub oldest: Option<DateTime<FixedOffset>>,
    pub newest: Option<DateTime<FixedOffset>>,
}

/// Errors of the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index at {path}: {message}")]
    Open { path: String, message: String },
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
}

/// An open tantivy index of articles.
pub struct Index {}

impl Index {
    /// Opens the index in `dir`, creating an empty one if the directory is empty or missing.
    pub fn open_or_create(dir: &Path) -> Result<Index, IndexError> {
        let _ = dir;
        todo!()
    }

    /// Opens an existing index for reading.
    pub fn open(dir: &Path) -> Result<Index, IndexError> {
        let _ = dir;
        todo!()
    }

    /// A writer (one at a time per index).
    pub fn writer(&self) -> Result<IndexWriter, IndexError> {
        todo!()
    }

    /// The stored article with this id.
    pub fn get(&self, id: &str) -> Result<Option<StoredArticle>, IndexError> {
        let _ = id;
        todo!()
    }

    /// Counts over the index.
    pub fn stats(&self) -> Result<IndexStats, IndexError> {
        todo!()
    }
}

/// Adds and replaces articles; nothing is visible to searches before [`IndexWriter::commit`].
pub struct IndexWriter {}

impl IndexWriter {
    /// Adds the article, replacing any article with the same id.
    pub fn upsert(&mut self, doc: &StoredArticle) -> Result<(), IndexError> {
        let _ = doc;
        todo!()
    }

    /// Makes everything added so far durable and visible.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        todo!()
    }
}
