//! The step that `add`, `import` and `rebuild` share: a capture from the archive becomes an indexed
//! article (or a reason why it does not), and batches of them are made durable together — archive
//! fsync first, then the index commit, so the index never shows what the archive could lose.

use std::time::{Duration, Instant};

use chrono::Utc;

use crate::archive::{ArchiveWriter, RecordLocation};
use crate::capture::{Capture, DecodeError};
use crate::extract;
use crate::identity;
use crate::index::{IndexWriter, StoredArticle};
use crate::store::{State, Store};

/// Largest decoded page the extractor is given.
pub const MAX_PAGE_BYTES: u64 = 20 << 20;

/// Turns a capture into the article to index, or says why it is not one (not a 200, not HTML,
/// undecodable body).
pub fn article_from(
    capture: &Capture,
    location: Option<RecordLocation>,
) -> Result<StoredArticle, String> {
    if capture.status != 200 {
        return Err(format!("HTTP {} {}", capture.status, capture.reason)
            .trim()
            .to_string());
    }
    if !capture.is_html() {
        let ct = capture.content_type().unwrap_or("no Content-Type");
        return Err(format!(
            "not HTML ({})",
            ct.split(';').next().unwrap_or(ct).trim()
        ));
    }
    let html = match capture.decoded_body(MAX_PAGE_BYTES) {
        Ok(html) => html,
        // Some crawlers stored the decoded body but kept `Content-Encoding` (ClueWeb09 did):
        // when the "encoded" bytes are plainly HTML, they are the page.
        Err(DecodeError::Corrupt { .. } | DecodeError::Unsupported(_))
            if crate::capture::sniff_html(&capture.body) =>
        {
            capture.body.clone()
        }
        Err(e) => return Err(e.to_string()),
    };
    let article = extract::extract(&html, Some(&capture.url), capture.content_type());
    Ok(StoredArticle {
        id: identity::article_id(&capture.url),
        article,
        fetched_at: capture.fetched_at,
        http_status: capture.status,
        location,
    })
}

/// What a command was doing, for the state's "last …" time.
#[derive(Debug, Clone, Copy)]
pub enum Activity {
    Add,
    Import,
}

/// Groups writes into durable batches: after `every` articles or `interval`, the archive is
/// fsynced, then the index committed, then the state saved; only then are the batch's reports
/// released to the caller (so "indexed" is never printed for something a crash could lose).
pub struct Batcher<R> {
    store: Store,
    pub archive: ArchiveWriter,
    pub index: IndexWriter,
    state: State,
    activity: Activity,
    pending: Vec<R>,
    pending_articles: usize,
    every: usize,
    interval: Duration,
    last: Instant,
}

impl<R> Batcher<R> {
    /// A batcher over open writers, committing every `every` articles or `interval`.
    pub fn new(
        store: Store,
        archive: ArchiveWriter,
        index: IndexWriter,
        activity: Activity,
    ) -> anyhow::Result<Batcher<R>> {
        let state = store.state()?;
        Ok(Batcher {
            store,
            archive,
            index,
            state,
            activity,
            pending: Vec::new(),
            pending_articles: 0,
            every: 500,
            interval: Duration::from_secs(5),
            last: Instant::now(),
        })
    }

    /// Commits every `articles` articles or `interval`, whichever comes first.
    pub fn every(mut self, articles: usize, interval: Duration) -> Batcher<R> {
        self.every = articles.max(1);
        self.interval = interval;
        self
    }

    /// Counts a response record appended to the archive.
    pub fn count_capture(&mut self) {
        self.state.captures += 1;
    }

    /// Queues a report to release with the next commit; `article` says whether it added an
    /// article to the index (which counts toward the batch size).
    pub fn push(&mut self, report: R, article: bool) {
        self.pending.push(report);
        if article {
            self.pending_articles += 1;
        }
    }

    /// True when the batch is due.
    pub fn due(&self) -> bool {
        self.pending_articles >= self.every
            || (!self.pending.is_empty() && self.last.elapsed() >= self.interval)
    }

    /// Makes the batch durable and returns its reports.
    pub fn commit(&mut self) -> anyhow::Result<Vec<R>> {
        self.archive.sync()?;
        self.index.commit()?;
        let now = Utc::now();
        match self.activity {
            Activity::Add => self.state.last_add = Some(now),
            Activity::Import => self.state.last_import = Some(now),
        }
        self.store.save_state(&self.state)?;
        self.pending_articles = 0;
        self.last = Instant::now();
        Ok(std::mem::take(&mut self.pending))
    }
}

/// A capture waiting to be extracted, with where it is archived.
pub type Page = (Capture, Option<RecordLocation>);

/// Extracts `pages` in parallel and indexes the articles in order; counts what was skipped, by
/// reason, into `skipped`. Returns how many articles were indexed and empties `pages`.
pub fn index_pages(
    writer: &mut IndexWriter,
    pages: &mut Vec<Page>,
    skipped: &mut std::collections::BTreeMap<String, u64>,
) -> Result<u64, crate::index::IndexError> {
    use rayon::prelude::*;
    // Extraction and document building (tokenizing, stemming, hashing) in parallel; only the
    // near-duplicate lookup and the hand-over to the writer stay on this thread, in order.
    let builder = writer.builder();
    let prepared: Vec<_> = pages
        .par_iter()
        .map_init(
            || builder.clone(),
            |builder, (capture, location)| {
                article_from(capture, location.clone()).map(|doc| builder.build(&doc))
            },
        )
        .collect();
    pages.clear();
    let mut indexed = 0;
    for result in prepared {
        match result {
            Ok(doc) => {
                writer.add(doc)?;
                indexed += 1;
            }
            Err(reason) => *skipped.entry(reason).or_default() += 1,
        }
    }
    Ok(indexed)
}

/// [`article_from`] over a batch, in parallel (extraction is the bulk of import and rebuild);
/// results keep the input order so later captures of a URL still replace earlier ones.
pub fn articles_from(captures: &[Page]) -> Vec<Result<StoredArticle, String>> {
    use rayon::prelude::*;
    captures
        .par_iter()
        .map(|(capture, location)| article_from(capture, location.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture(headers: &[(&str, &str)], body: &[u8]) -> Capture {
        Capture::for_test("http://example.com/a", headers, body)
    }

    const PAGE: &[u8] = b"<html><head><title>Harbour news</title></head><body><p>The pier reopens.</p></body></html>";

    #[test]
    fn html_200_becomes_an_article_with_a_stable_id() {
        let doc = article_from(&capture(&[("Content-Type", "text/html")], PAGE), None).unwrap();
        assert_eq!(doc.id, identity::article_id("http://example.com/a"));
        assert!(doc.article.text.contains("The pier reopens."));
    }

    #[test]
    fn other_statuses_and_types_say_why() {
        let mut c = capture(&[("Content-Type", "text/html")], PAGE);
        c.status = 404;
        c.reason = "Not Found".into();
        assert_eq!(article_from(&c, None).unwrap_err(), "HTTP 404 Not Found");
        let pdf = capture(&[("Content-Type", "application/pdf; x=1")], b"%PDF");
        assert_eq!(
            article_from(&pdf, None).unwrap_err(),
            "not HTML (application/pdf)"
        );
    }

    #[test]
    fn a_body_stored_decoded_despite_its_content_encoding_is_still_read() {
        let c = capture(
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            PAGE,
        );
        assert!(
            article_from(&c, None)
                .unwrap()
                .article
                .text
                .contains("pier")
        );
        let garbage = capture(
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            b"\x00\x01",
        );
        assert!(article_from(&garbage, None).unwrap_err().contains("gzip"));
    }
}
