//! Converting between a [`StoredArticle`] and a tantivy document: what is written for each field,
//! and how a stored document is read back.

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use tantivy::TantivyDocument;
use tantivy::schema::Value;
use tantivy::tokenizer::{Language, TextAnalyzer};

use super::StoredArticle;
use super::analysis::{self, stem_analyzer, stem_language};
use super::schema::Fields;
use crate::archive::RecordLocation;
use crate::extract::Article;

/// Builds tantivy documents, keeping one stemming analyzer per language seen.
#[derive(Clone)]
pub struct DocumentBuilder {
    fields: Fields,
    stemmers: Vec<(Option<Language>, TextAnalyzer)>,
    exact: TextAnalyzer,
}

/// The id as a number (its 16 hex digits), for tie-breaking; ids of another shape hash to 0.
pub fn id_bits(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or(0)
}

/// `yyyymmdd` of a day.
pub fn day_number(date: chrono::NaiveDate) -> u64 {
    // Years before 0 cannot come out of a date parser that accepted them as news dates; clamp.
    let year = date.year().clamp(0, 9999) as u64;
    year * 10_000 + u64::from(date.month()) * 100 + u64::from(date.day())
}

/// Sort keys (newest, oldest): 34 bits of publication second (offset so that 1698–2242 fit), 30
/// bits of id for a stable order among articles published in the same second. 0 when undated, so
/// undated articles come last in both orders.
pub fn order_keys(published: Option<&DateTime<FixedOffset>>, id: &str) -> (u64, u64) {
    let Some(published) = published else {
        return (0, 0);
    };
    let seconds = published.timestamp().clamp(-(1 << 33) + 1, (1 << 33) - 1) + (1 << 33);
    let newest = ((seconds as u64) << 30) | (id_bits(id) >> 34);
    (newest, u64::MAX - newest)
}

impl DocumentBuilder {
    /// A builder for the given fields.
    pub fn new(fields: Fields) -> DocumentBuilder {
        DocumentBuilder {
            fields,
            stemmers: Vec::new(),
            exact: analysis::exact_analyzer(),
        }
    }

    fn stemmer(&mut self, language: Option<Language>) -> &mut TextAnalyzer {
        let at = match self.stemmers.iter().position(|(l, _)| *l == language) {
            Some(at) => at,
            None => {
                self.stemmers.push((language, stem_analyzer(language)));
                self.stemmers.len() - 1
            }
        };
        &mut self.stemmers[at].1
    }

    /// The tantivy document of an article — every field but its near-duplicate cluster, which
    /// only the writer can tell (see [`super::IndexWriter::add`]). This is the costly part of
    /// indexing (tokenizing, stemming, hashing the text): callers prepare many in parallel.
    pub fn build(&mut self, doc: &StoredArticle) -> PreparedArticle {
        let hash = super::simhash::simhash(&mut self.exact, &doc.article.text);
        let f = self.fields;
        let a = &doc.article;
        let mut d = TantivyDocument::new();
        d.add_text(f.id, &doc.id);
        if let Some(hash) = hash {
            d.add_u64(f.simhash, hash);
            for band in super::simhash::bands(hash) {
                d.add_text(f.simhash_band, band);
            }
        }
        if let Some(url) = &a.url {
            d.add_text(f.url, url);
        }
        if let Some(v) = &a.canonical_url {
            d.add_text(f.canonical_url, v);
        }
        let language = stem_language(a.lang.as_deref());
        if let Some(title) = &a.title {
            d.add_text(f.title, title);
            let tokens = analysis::pre_tokenized(self.stemmer(language), title);
            d.add_pre_tokenized_text(f.title_stem, tokens);
        }
        if let Some(description) = &a.description {
            d.add_text(f.description, description);
            let tokens = analysis::pre_tokenized(self.stemmer(language), description);
            d.add_pre_tokenized_text(f.description_stem, tokens);
        }
        d.add_text(f.text, &a.text);
        let tokens = analysis::pre_tokenized(self.stemmer(language), &a.text);
        d.add_pre_tokenized_text(f.text_stem, tokens);
        for author in &a.authors {
            d.add_text(f.author, author);
        }
        if let Some(site) = &a.site {
            d.add_text(f.site, site);
            for domain in analysis::site_domains(site) {
                d.add_text(f.site_domain, domain);
            }
        }
        if let Some(v) = &a.site_name {
            d.add_text(f.site_name, v);
        }
        d.add_text(f.lang, a.lang.as_deref().unwrap_or("und"));
        if let Some(v) = &a.section {
            d.add_text(f.section, v);
        }
        for tag in &a.tags {
            d.add_text(f.tag, tag);
        }
        if let Some(p) = &a.published {
            let utc = tantivy::DateTime::from_timestamp_secs(p.timestamp());
            d.add_date(f.published, utc);
            d.add_u64(f.published_day, day_number(p.date_naive()));
            d.add_text(f.published_rfc3339, p.to_rfc3339());
        }
        let (newest, oldest) = order_keys(a.published.as_ref(), &doc.id);
        d.add_u64(f.order_newest, newest);
        d.add_u64(f.order_oldest, oldest);
        if let Some(m) = &a.modified {
            d.add_text(f.modified_rfc3339, m.to_rfc3339());
        }
        d.add_text(f.fetched_at, doc.fetched_at.to_rfc3339());
        d.add_u64(f.http_status, u64::from(doc.http_status));
        if let Some(loc) = &doc.location {
            d.add_text(f.archive_file, &loc.file);
            d.add_u64(f.archive_offset, loc.offset);
            d.add_u64(f.archive_length, loc.length);
        }
        PreparedArticle {
            id: doc.id.clone(),
            hash,
            doc: d,
        }
    }
}

/// An article made into a tantivy document, waiting for its cluster.
pub struct PreparedArticle {
    pub(super) id: String,
    pub(super) hash: Option<u64>,
    pub(super) doc: TantivyDocument,
}

fn first_str(d: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    d.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

fn all_str(d: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    d.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn first_u64(d: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    d.get_first(field).and_then(|v| v.as_u64())
}

fn date(value: Option<String>) -> Option<DateTime<FixedOffset>> {
    value.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
}

/// The near-duplicate cluster of a stored document.
pub fn cluster(fields: &Fields, d: &TantivyDocument) -> Option<String> {
    first_str(d, fields.cluster)
}

/// Reads a stored document back (fields that were never written come back empty).
pub fn read(fields: &Fields, d: &TantivyDocument) -> StoredArticle {
    let f = fields;
    let lang = first_str(d, f.lang).filter(|l| l != "und");
    let location = match (
        first_str(d, f.archive_file),
        first_u64(d, f.archive_offset),
        first_u64(d, f.archive_length),
    ) {
        (Some(file), Some(offset), Some(length)) => Some(RecordLocation {
            file,
            offset,
            length,
        }),
        _ => None,
    };
    let fetched_at = date(first_str(d, f.fetched_at))
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    StoredArticle {
        id: first_str(d, f.id).unwrap_or_default(),
        article: Article {
            url: first_str(d, f.url),
            canonical_url: first_str(d, f.canonical_url),
            title: first_str(d, f.title),
            authors: all_str(d, f.author),
            published: date(first_str(d, f.published_rfc3339)),
            modified: date(first_str(d, f.modified_rfc3339)),
            site: first_str(d, f.site),
            site_name: first_str(d, f.site_name),
            description: first_str(d, f.description),
            lang,
            section: first_str(d, f.section),
            tags: all_str(d, f.tag),
            text: first_str(d, f.text).unwrap_or_default(),
        },
        fetched_at,
        http_status: first_u64(d, f.http_status)
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0),
        location,
    }
}
