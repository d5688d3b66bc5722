//! The archived capture a re-added URL already has: its validators for a conditional request, and
//! its payload digest to tell an unchanged page from a new version.

use sha1::Digest;

use crate::archive::{Archive, RevisitOf, RevisitProfile};
use crate::capture::Capture;
use crate::fetch::Validators;
use crate::identity;
use crate::index::Index;

/// Looks up earlier captures through the live index (as it was when the run started).
pub struct Lookup {
    index: Option<Index>,
    archive: Archive,
}

/// The earlier capture of a URL.
pub struct Previous {
    pub id: String,
    pub title: Option<String>,
    pub capture: Capture,
    pub record_id: Option<String>,
    pub payload_digest: Option<String>,
}

impl Lookup {
    pub fn new(index: Option<Index>, archive: Archive) -> Lookup {
        Lookup { index, archive }
    }

    /// The indexed article of `url` and the capture it came from, if both are there.
    pub fn find(&self, url: &str) -> Option<Previous> {
        let index = self.index.as_ref()?;
        let id = identity::article_id(url);
        let stored = index.get(&id).ok()??;
        let location = stored.location.as_ref()?;
        let record = self.archive.read_at(location).ok()?;
        Some(Previous {
            id,
            title: stored.article.title.clone(),
            payload_digest: record.payload_digest,
            record_id: record.record_id,
            capture: record.capture,
        })
    }

    /// The validators for a conditional request for `url`.
    pub fn validators(&self, url: &str) -> Option<Validators> {
        let previous = self.find(url)?;
        let validators = Validators {
            etag: previous.capture.header("etag").map(str::to_string),
            last_modified: previous.capture.header("last-modified").map(str::to_string),
        };
        (validators.etag.is_some() || validators.last_modified.is_some()).then_some(validators)
    }
}

impl Previous {
    /// True when `response` carries the same payload as this capture.
    pub fn same_payload(&self, response: &Capture) -> bool {
        let digest = format!(
            "sha1:{}",
            data_encoding::BASE32.encode(&sha1::Sha1::digest(&response.body))
        );
        match &self.payload_digest {
            Some(previous) => previous.eq_ignore_ascii_case(&digest),
            None => self.capture.body == response.body,
        }
    }

    /// What a revisit record of this capture refers to.
    pub fn revisit(&self, profile: RevisitProfile) -> RevisitOf {
        RevisitOf {
            uri: self.capture.url.clone(),
            date: self.capture.fetched_at,
            record_id: self.record_id.clone(),
            profile,
            payload_digest: self.payload_digest.clone(),
        }
    }
}
