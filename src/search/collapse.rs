//! `--collapse`: one hit per near-duplicate cluster (the syndicated copies of one wire story, found
//! at index time by SimHash), with the number of matching copies and the earliest publication.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use super::SearchError;
use crate::index::{document, schema::Fields, schema::ORDER_OLDEST};

/// The copies of a story among the matches of a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copies {
    /// The cluster id (the id of the first copy indexed).
    pub cluster: String,
    /// Matching articles in the cluster, this one included.
    pub count: usize,
    /// The earliest publication among them.
    pub earliest: Option<DateTime<FixedOffset>>,
    /// The id of the earliest copy.
    pub earliest_id: Option<String>,
}

/// A ranked hit: its score and address.
pub type ScoredDoc = (f32, DocAddress);

/// Keeps the first-ranked hit of each cluster from `candidates` (already in order), skips
/// `offset` groups, returns `limit` groups with their copies.
pub fn collapse(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    candidates: Vec<(f32, DocAddress)>,
    offset: usize,
    limit: usize,
) -> Result<Vec<(ScoredDoc, Copies)>, SearchError> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (score, address) in candidates {
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(cluster) = document::cluster(fields, &doc) else {
            continue;
        };
        if seen.contains(&cluster) {
            continue;
        }
        seen.push(cluster.clone());
        if seen.len() <= offset {
            continue;
        }
        let in_cluster = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.cluster, &cluster),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let oldest = TopDocs::with_limit(1).order_by_u64_field(ORDER_OLDEST, Order::Desc);
        let (first, count) = searcher.search(&in_cluster, &(oldest, Count))?;
        let earliest = match first.first() {
            Some((Some(key), at)) if *key > 0 => {
                let d: TantivyDocument = searcher.doc(*at)?;
                Some(document::read(fields, &d))
            }
            _ => None,
        };
        out.push((
            (score, address),
            Copies {
                cluster,
                count,
                earliest: earliest.as_ref().and_then(|a| a.article.published),
                earliest_id: earliest.map(|a| a.id),
            },
        ));
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}
