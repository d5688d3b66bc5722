//! The index: the tantivy schema (defined once, in [`schema`]), and adding, replacing, reading and
//! counting stored articles. Everything a search shows comes from here; everything here comes from
//! the archive.
//!
//! On disk: a tantivy index directory plus `morgue-index.json` (`{"schema_version", "morgue_version"}`)
//! beside its files; an index whose schema version differs is refused with a request to rebuild.
//! Opening for search is cheap: no warmers, manual reloads, no background threads.

pub mod analysis;
pub mod document;
pub mod schema;
pub mod simhash;
pub mod tokenizer;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use tantivy::collector::TopDocs;
use tantivy::indexer::NoMergePolicy;
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::archive::RecordLocation;
use crate::extract::Article;
pub use document::{DocumentBuilder, PreparedArticle};
pub use schema::{Fields, SCHEMA_VERSION};

/// The file beside the tantivy files that records which morgue built the index.
pub const META_FILE: &str = "morgue-index.json";
/// Writer memory budget, shared by its threads.
const WRITER_MEMORY: usize = 160_000_000;
/// More searchable segments than this after a commit → merge the small ones (see
/// [`plan_merges`]). Each extra segment costs a search process about 0.15 ms.
const MAX_SEGMENTS: usize = 6;
/// No merge makes a segment larger than this (see [`plan_merges`]): about 190,000 news articles.
const MAX_MERGED_BYTES: u64 = 400 << 20;

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
    /// Articles (live documents).
    pub articles: u64,
    /// Distinct sites (hosts without `www.`).
    pub sites: u64,
    /// Earliest publication date.
    pub oldest: Option<DateTime<FixedOffset>>,
    /// Latest publication date.
    pub newest: Option<DateTime<FixedOffset>>,
}

/// An id and archive location of a stored article (for `verify`-like walks).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    pub id: String,
    pub url: Option<String>,
    pub location: Option<RecordLocation>,
}

/// Errors of the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index at {path}: {message}")]
    Open { path: String, message: String },
    /// No index in the directory (nothing was ever added).
    #[error("no index at {path} (run `morgue add` or `morgue import` first)")]
    Missing { path: String },
    /// The index was written by a morgue with another schema.
    #[error(
        "index at {path} built by an incompatible morgue (schema v{version}): run `morgue rebuild`"
    )]
    Incompatible { path: String, version: u32 },
    /// Another process holds the writer lock.
    #[error(
        "index at {path} is being written by another morgue process; try again when it is done"
    )]
    Busy { path: String },
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("reading the index: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(serde::Serialize, serde::Deserialize)]
struct IndexMeta {
    schema_version: u32,
    morgue_version: String,
}

/// An open tantivy index of articles.
pub struct Index {
    dir: PathBuf,
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

fn open_error(dir: &Path, message: impl std::fmt::Display) -> IndexError {
    IndexError::Open {
        path: dir.display().to_string(),
        message: message.to_string(),
    }
}

impl Index {
    /// Opens the index in `dir`, creating an empty one if the directory is empty or missing.
    pub fn open_or_create(dir: &Path) -> Result<Index, IndexError> {
        if dir.join("meta.json").exists() {
            return Index::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
        let (schema, _) = schema::build_schema();
        let index = tantivy::Index::create_in_dir(dir, schema).map_err(|e| open_error(dir, e))?;
        let meta = IndexMeta {
            schema_version: SCHEMA_VERSION,
            morgue_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        let json = serde_json::to_vec_pretty(&meta).map_err(|e| open_error(dir, e))?;
        std::fs::write(dir.join(META_FILE), json).map_err(|e| open_error(dir, e))?;
        drop(index);
        Index::open(dir)
    }

    /// Opens an existing index for reading (and for [`Index::writer`]).
    pub fn open(dir: &Path) -> Result<Index, IndexError> {
        let path = dir.display().to_string();
        if !dir.join("meta.json").exists() {
            return Err(IndexError::Missing { path });
        }
        let version = match std::fs::read(dir.join(META_FILE)) {
            Ok(bytes) => serde_json::from_slice::<IndexMeta>(&bytes)
                .map(|m| m.schema_version)
                .unwrap_or(0),
            Err(_) => 0,
        };
        if version != SCHEMA_VERSION {
            return Err(IndexError::Incompatible { path, version });
        }
        let index = tantivy::Index::open_in_dir(dir).map_err(|e| open_error(dir, e))?;
        analysis::register(index.tokenizers());
        let fields = schema::fields_of(&index.schema())
            .map_err(|_| IndexError::Incompatible { path, version })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .num_warming_threads(0)
            // A search reads each shown hit once: cached decompressed blocks were never read
            // again, and each took fresh heap pages (24 of a search process's ~266 page faults)
            .doc_store_cache_num_blocks(0)
            .try_into()
            .map_err(|e| open_error(dir, e))?;
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// The directory of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version this morgue writes and reads.
    pub fn schema_version(&self) -> u32 {
        SCHEMA_VERSION
    }

    /// The resolved fields of the schema.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last commit seen by this handle.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Makes this handle see commits made since it was opened (by another handle or process).
    pub fn reload(&self) -> Result<(), IndexError> {
        Ok(self.reader.reload()?)
    }

    /// Number of searchable segments (1 after [`IndexWriter::optimize`]).
    pub fn segment_count(&self) -> usize {
        self.searcher().segment_readers().len()
    }

    /// A writer (one at a time per index, across processes) with two indexing threads where
    /// there are two cores, for bulk loads (import, rebuild).
    pub fn writer(&self) -> Result<IndexWriter, IndexError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 2);
        self.writer_with_threads(threads)
    }

    /// A writer with `threads` indexing threads. Each thread makes its own segment per commit:
    /// `add`, which commits small batches often, uses one, so it makes half the segments and
    /// merges them half as often.
    pub fn writer_with_threads(&self, threads: usize) -> Result<IndexWriter, IndexError> {
        let writer = self
            .index
            .writer_with_num_threads(threads.max(1), WRITER_MEMORY)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => IndexError::Busy {
                    path: self.dir.display().to_string(),
                },
                other => IndexError::Tantivy(other),
            })?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(IndexWriter {
            batch: HashMap::new(),
            inner: writer,
            builder: document::DocumentBuilder::new(self.fields),
            fields: self.fields,
            index: self.index.clone(),
            reader: self.reader.clone(),
            dir: self.dir.clone(),
            max_merged_bytes: MAX_MERGED_BYTES,
        })
    }

    fn address_of(&self, searcher: &Searcher, id: &str) -> Result<Option<DocAddress>, IndexError> {
        let term = Term::from_field_text(self.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(top.first().map(|(_, address)| *address))
    }

    /// The stored article with this id.
    pub fn get(&self, id: &str) -> Result<Option<StoredArticle>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id)? else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(Some(document::read(&self.fields, &doc)))
    }

    /// True when an article with this id is indexed.
    pub fn contains(&self, id: &str) -> Result<bool, IndexError> {
        Ok(self.address_of(&self.searcher(), id)?.is_some())
    }

    /// Every stored article's id, URL and archive location, in index order.
    pub fn entries(&self) -> Result<Vec<IndexEntry>, IndexError> {
        let searcher = self.searcher();
        let f = self.fields;
        let mut out = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(1)?;
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc_id)?;
                let article = document::read(&f, &doc);
                out.push(IndexEntry {
                    id: article.id,
                    url: article.article.url,
                    location: article.location,
                });
            }
        }
        Ok(out)
    }

    /// The ids of all stored articles.
    pub fn ids(&self) -> Result<Vec<String>, IndexError> {
        Ok(self.entries()?.into_iter().map(|e| e.id).collect())
    }

    /// Distinct values of a keyword field (`site`, `lang`, …) present in the index.
    pub fn terms_of(&self, field: tantivy::schema::Field) -> Result<BTreeSet<String>, IndexError> {
        let mut out = BTreeSet::new();
        for segment in self.searcher().segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                out.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        Ok(out)
    }

    /// The language codes of the indexed articles (`und` for unknown).
    pub fn languages(&self) -> Result<BTreeSet<String>, IndexError> {
        self.terms_of(self.fields.lang)
    }

    fn first_by(&self, field: &str) -> Result<Option<DateTime<FixedOffset>>, IndexError> {
        let searcher = self.searcher();
        let collector = TopDocs::with_limit(1).order_by_u64_field(field, Order::Desc);
        let top = searcher.search(&AllQuery, &collector)?;
        let Some((Some(key), address)) = top.first() else {
            return Ok(None);
        };
        if *key == 0 {
            return Ok(None);
        }
        let doc: TantivyDocument = searcher.doc(*address)?;
        Ok(document::read(&self.fields, &doc).article.published)
    }

    /// The near-duplicate cluster of an article (its own id when it has no copies).
    pub fn cluster_of(&self, id: &str) -> Result<Option<String>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id)? else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(document::cluster(&self.fields, &doc))
    }

    /// Counts over the index. `sites` counts site terms, which may include sites of deleted
    /// articles until segments are merged.
    pub fn stats(&self) -> Result<IndexStats, IndexError> {
        Ok(IndexStats {
            articles: self.searcher().num_docs(),
            sites: self.terms_of(self.fields.site)?.len() as u64,
            oldest: self.first_by(schema::ORDER_OLDEST)?,
            newest: self.first_by(schema::ORDER_NEWEST)?,
        })
    }
}

/// Adds and replaces articles; nothing is visible to searches before [`IndexWriter::commit`].
pub struct IndexWriter {
    /// SimHash bands of the articles added since the last commit → (SimHash, cluster).
    batch: HashMap<String, Vec<(u64, String)>>,
    inner: tantivy::IndexWriter<TantivyDocument>,
    builder: document::DocumentBuilder,
    fields: Fields,
    index: tantivy::Index,
    reader: IndexReader,
    dir: PathBuf,
    max_merged_bytes: u64,
}

impl IndexWriter {
    /// Sets the largest segment a merge may make (default `MAX_MERGED_BYTES`, ~400 MB).
    pub fn max_merged_bytes(mut self, bytes: u64) -> IndexWriter {
        self.max_merged_bytes = bytes;
        self
    }

    /// Adds the article, replacing any article with the same id. A near-duplicate of an article
    /// already indexed (or added in this batch) joins its cluster.
    pub fn upsert(&mut self, doc: &StoredArticle) -> Result<(), IndexError> {
        let prepared = self.builder.build(doc);
        self.add(prepared)
    }

    /// A document builder to prepare articles with away from the writer, e.g. one per thread.
    pub fn builder(&self) -> DocumentBuilder {
        self.builder.clone()
    }

    /// [`IndexWriter::upsert`] of an article prepared by a [`DocumentBuilder`].
    pub fn add(&mut self, prepared: PreparedArticle) -> Result<(), IndexError> {
        let PreparedArticle { id, hash, mut doc } = prepared;
        self.inner
            .delete_term(Term::from_field_text(self.fields.id, &id));
        let cluster = match hash {
            Some(hash) => {
                let cluster = self.find_cluster(hash)?.unwrap_or_else(|| id.clone());
                for band in simhash::bands(hash) {
                    self.batch
                        .entry(band)
                        .or_default()
                        .push((hash, cluster.clone()));
                }
                cluster
            }
            None => id,
        };
        doc.add_text(self.fields.cluster, &cluster);
        self.inner.add_document(doc)?;
        Ok(())
    }

    /// The cluster of an indexed or batched article whose SimHash is near `hash`.
    fn find_cluster(&self, hash: u64) -> Result<Option<String>, IndexError> {
        let bands = simhash::bands(hash);
        for band in &bands {
            if let Some(found) = self.batch.get(band).and_then(|list| {
                list.iter()
                    .find(|(h, _)| simhash::near(*h, hash))
                    .map(|(_, c)| c.clone())
            }) {
                return Ok(Some(found));
            }
        }
        let searcher = self.reader.searcher();
        for band in &bands {
            let term = Term::from_field_text(self.fields.simhash_band, band);
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let candidates = searcher.search(&query, &TopDocs::with_limit(16).order_by_score())?;
            // Both from fast fields, never the stored document: reading stored documents here
            // would, over a large import, map the whole document store into memory.
            for (_, address) in candidates {
                let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                let (Ok(hashes), Ok(Some(clusters))) =
                    (fast.u64(schema::SIMHASH), fast.str(schema::CLUSTER))
                else {
                    continue;
                };
                if !hashes
                    .first(address.doc_id)
                    .is_some_and(|h| simhash::near(h, hash))
                {
                    continue;
                }
                let mut cluster = String::new();
                if let Some(ord) = clusters.ords().first(address.doc_id)
                    && clusters.ord_to_str(ord, &mut cluster)?
                {
                    return Ok(Some(cluster));
                }
            }
        }
        Ok(None)
    }

    /// Removes the article with this id (if any) at the next commit.
    pub fn delete(&mut self, id: &str) {
        self.inner
            .delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Removes every article at the next commit (for a rebuild in place).
    pub fn delete_all(&mut self) -> Result<(), IndexError> {
        self.inner.delete_all_documents()?;
        Ok(())
    }

    /// Makes everything added so far durable and visible, merging small segments when there are
    /// too many (see [`plan_merges`]), so searches stay fast.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.inner.commit()?;
        self.batch.clear();
        self.merge_planned(false)?;
        self.reader.reload()?;
        Ok(())
    }

    /// Commits, then merges the index into as few segments as the size cap allows (one up to
    /// about 190,000 news articles), after a large import or rebuild.
    pub fn optimize(&mut self) -> Result<(), IndexError> {
        self.inner.commit()?;
        self.batch.clear();
        self.merge_planned(true)?;
        self.reader.reload()?;
        Ok(())
    }

    fn merge_planned(&mut self, all: bool) -> Result<(), IndexError> {
        // Only ids and sizes are kept: a live `SegmentMeta` keeps its segment's files from the
        // garbage collection below.
        let sized: Vec<(u64, tantivy::index::SegmentId)> = self
            .index
            .searchable_segment_metas()?
            .iter()
            .map(|meta| (segment_bytes(&self.dir, meta), meta.id()))
            .collect();
        for group in plan_merges(&sized, all, self.max_merged_bytes) {
            self.inner.merge(&group).wait()?;
        }
        self.inner.garbage_collect_files().wait()?;
        Ok(())
    }
}

/// Bytes on disk of a segment's files.
fn segment_bytes(dir: &Path, meta: &tantivy::index::SegmentMeta) -> u64 {
    use tantivy::index::SegmentComponent::*;
    [Postings, Positions, Terms, Store, FastFields, FieldNorms]
        .into_iter()
        .filter_map(|c| std::fs::metadata(dir.join(meta.relative_path(c))).ok())
        .map(|m| m.len())
        .sum()
}

/// Which segments (bytes, id) to merge, each group into one segment.
///
/// A segment of `cap` bytes or more is full and never merged again, and no merge makes one
/// larger than `cap`: merging reads its inputs through memory maps, which count as the process's
/// resident memory, so the cap bounds the memory of an import or rebuild at any archive size.
/// Of the other segments, `all` merges as many as the cap allows (after a bulk load); otherwise
/// they merge only when there are more than `MAX_SEGMENTS`, and then a segment larger than all
/// smaller ones together is kept as it is — so a nightly `add` to a large index merges the
/// night's few thousand articles, never the whole index.
fn plan_merges<Id: Clone>(segments: &[(u64, Id)], all: bool, cap: u64) -> Vec<Vec<Id>> {
    let mut open: Vec<&(u64, Id)> = segments.iter().filter(|(b, _)| *b < cap).collect();
    if !all && open.len() <= MAX_SEGMENTS {
        return Vec::new();
    }
    open.sort_by_key(|(bytes, _)| std::cmp::Reverse(*bytes));
    let keep = if all {
        0
    } else {
        let sizes: Vec<u64> = open.iter().map(|(b, _)| *b).collect();
        tiers_to_keep(&sizes)
    };
    // smallest first, cut into groups that stay under the cap
    let mut groups: Vec<Vec<Id>> = Vec::new();
    let mut group: Vec<Id> = Vec::new();
    let mut bytes = 0;
    for (b, id) in open[keep..].iter().rev() {
        if !group.is_empty() && bytes + b > cap {
            groups.push(std::mem::take(&mut group));
            bytes = 0;
        }
        group.push(id.clone());
        bytes += b;
    }
    groups.push(group);
    groups.retain(|g| g.len() > 1);
    groups
}

/// How many of the segments (sizes, largest first) to keep out of a merge: the leading ones each
/// larger than all that follow together.
fn tiers_to_keep(sizes: &[u64]) -> usize {
    let mut rest: u64 = sizes.iter().sum();
    let mut keep = 0;
    for &d in sizes {
        rest -= d;
        if d <= rest {
            break;
        }
        keep += 1;
    }
    keep.min(sizes.len().saturating_sub(2))
}

#[cfg(test)]
mod tier_tests {
    use super::{plan_merges, tiers_to_keep};

    #[test]
    fn big_segments_are_kept_and_small_ones_merged() {
        // a big index plus seven small commits: only the small ones merge
        assert_eq!(
            tiers_to_keep(&[1_000_000, 500, 500, 500, 500, 500, 500, 500]),
            1
        );
        // doubling tiers are all kept but the last two, which always merge
        assert_eq!(tiers_to_keep(&[6400, 3200, 1600, 800, 400, 200, 100]), 5);
        // equal segments: all merge
        assert_eq!(tiers_to_keep(&[500; 7]), 0);
        assert_eq!(tiers_to_keep(&[]), 0);
    }

    #[test]
    fn merges_stay_under_the_cap_and_full_segments_are_left_alone() {
        let cap = 1000;
        // a bulk load's optimize: everything under the cap merges, in groups under the cap
        let segments: Vec<(u64, char)> = vec![
            (1200, 'F'),
            (400, 'a'),
            (300, 'b'),
            (300, 'c'),
            (200, 'd'),
            (100, 'e'),
        ];
        let groups = plan_merges(&segments, true, cap);
        assert_eq!(groups, vec![vec!['e', 'd', 'c', 'b']]);
        // after a commit, a handful of segments is left alone ...
        assert!(plan_merges(&segments, false, cap).is_empty());
        // ... more are merged, the big tier kept, full segments never counted or touched
        let mut many = segments.clone();
        many.extend([(10, 'g'), (10, 'h'), (10, 'i'), (5000, 'G')]);
        let groups = plan_merges(&many, false, cap);
        assert!(groups.iter().flatten().all(|id| !['F', 'G'].contains(id)));
        for group in &groups {
            let bytes: u64 = group
                .iter()
                .map(|id| many.iter().find(|(_, i)| i == id).unwrap().0)
                .sum();
            assert!(bytes <= cap, "{group:?} is {bytes} bytes");
        }
        assert!(!groups.is_empty());
    }
}
