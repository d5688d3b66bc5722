//! The archived capture a re-added URL already has: its validators for a conditional request, and
//! its payload digest to tell an unchanged page from a new version.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::archive::{Archive, RevisitOf, RevisitProfile, sha1_digest};
use crate::capture::Capture;
use crate::fetch::Validators;
use crate::identity;
use crate::index::Index;
use chrono::{DateTime, Utc};

/// Looks up earlier captures through the live index (as it was when the run started).
pub struct Lookup {
    index: Option<Index>,
    archive: Archive,
    /// What the URL reader found for the URLs it queued, until their outcomes come back: a
    /// re-added URL is looked up once, not twice (index and archive reads).
    found: Mutex<HashMap<String, Previous>>,
}

/// The earlier capture of a URL (what a revisit needs; its body is not kept).
#[derive(Debug, Clone)]
pub struct Previous {
    pub id: String,
    pub title: Option<String>,
    /// The capture's URL and time.
    pub url: String,
    pub fetched_at: DateTime<Utc>,
    pub record_id: Option<String>,
    /// `sha1:BASE32`, from the record or computed from its payload.
    pub payload_digest: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Lookup {
    pub fn new(index: Option<Index>, archive: Archive) -> Lookup {
        Lookup {
            index,
            archive,
            found: Mutex::default(),
        }
    }

    /// The indexed article of `url` and the capture it came from, if both are there.
    pub fn find(&self, url: &str) -> Option<Previous> {
        let id = identity::article_id(url);
        if let Some(previous) = self
            .found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id)
        {
            return Some(previous);
        }
        self.read(id)
    }

    fn read(&self, id: String) -> Option<Previous> {
        let index = self.index.as_ref()?;
        let stored = index.get(&id).ok()??;
        let location = stored.location.as_ref()?;
        let record = self.archive.read_at(location).ok()?;
        let capture = record.capture;
        Some(Previous {
            id,
            title: stored.article.title.clone(),
            payload_digest: record
                .payload_digest
                .unwrap_or_else(|| sha1_digest(&capture.body)),
            record_id: record.record_id,
            etag: capture.header("etag").map(str::to_string),
            last_modified: capture.header("last-modified").map(str::to_string),
            url: capture.url,
            fetched_at: capture.fetched_at,
        })
    }

    /// Drops what was kept for `url` (its outcome is handled: a redirect or a failure never
    /// asked for it), so memory does not grow with the batch.
    pub fn forget(&self, url: &str) {
        let id = identity::article_id(url);
        self.found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }

    /// The validators for a conditional request for `url`; what was found is kept for
    /// [`Lookup::find`] when the outcome comes back.
    pub fn validators(&self, url: &str) -> Option<Validators> {
        let previous = self.read(identity::article_id(url))?;
        let validators = Validators {
            etag: previous.etag.clone(),
            last_modified: previous.last_modified.clone(),
        };
        self.found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(previous.id.clone(), previous);
        (validators.etag.is_some() || validators.last_modified.is_some()).then_some(validators)
    }
}

impl Previous {
    /// True when `response` carries the same payload as this capture.
    pub fn same_payload(&self, response: &Capture) -> bool {
        self.payload_digest
            .eq_ignore_ascii_case(&sha1_digest(&response.body))
    }

    /// What a revisit record of this capture refers to.
    pub fn revisit(&self, profile: RevisitProfile) -> RevisitOf {
        RevisitOf {
            uri: self.url.clone(),
            date: self.fetched_at,
            record_id: self.record_id.clone(),
            profile,
            payload_digest: Some(self.payload_digest.clone()),
        }
    }
}
