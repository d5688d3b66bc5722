//! Aggregations for analysis (`--facet site|month|author|lang`): how many matching articles fall in
//! each site, calendar month, author or language. Counted from fast columns, never from stored
//! documents, so a facet over a million hits stays cheap.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentReader};

use super::{SearchError, SearchRequest, prepare};
use crate::index::{Index, schema};

/// What to count the hits by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Facet {
    /// The site (host without `www.`).
    Site,
    /// The calendar month of publication (`YYYY-MM`, the article's own time zone).
    Month,
    /// Each author (an article with two authors counts for both).
    Author,
    /// The language code (`und` when unknown).
    Lang,
}

/// One bucket of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    pub value: String,
    pub count: u64,
}

/// A facet of a search: the total and the buckets (months in calendar order, the others by
/// count, largest first, then by value). Articles without a value are counted in `missing`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FacetCounts {
    pub total: u64,
    pub missing: u64,
    pub buckets: Vec<Bucket>,
}

/// Counts the matches of a request by `facet` (limit, offset and sort are ignored).
pub fn facet(
    index: &Index,
    request: &SearchRequest,
    facet: Facet,
) -> Result<FacetCounts, SearchError> {
    let prepared = prepare(index, request)?;
    let (counts, total, missing) = index
        .searcher()
        .search(&prepared.query, &FacetCollector { facet })?;
    let mut buckets: Vec<Bucket> = counts
        .into_iter()
        .map(|(value, count)| Bucket { value, count })
        .collect();
    if facet == Facet::Month {
        buckets.sort_by(|a, b| a.value.cmp(&b.value));
    } else {
        buckets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    Ok(FacetCounts {
        total,
        missing,
        buckets,
    })
}

type Fruit = (HashMap<String, u64>, u64, u64);

struct FacetCollector {
    facet: Facet,
}

enum Source {
    Strings(StrColumn, Vec<u64>),
    Days(Column<u64>, HashMap<u64, u64>),
    Nothing,
}

struct FacetSegment {
    source: Source,
    total: u64,
    missing: u64,
}

impl Collector for FacetCollector {
    type Fruit = Fruit;
    type Child = FacetSegment;

    fn for_segment(&self, _ord: u32, segment: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let fast = segment.fast_fields();
        let source = match self.facet {
            Facet::Month => match fast.u64(schema::PUBLISHED_DAY) {
                Ok(column) => Source::Days(column, HashMap::new()),
                Err(_) => Source::Nothing,
            },
            other => {
                let name = match other {
                    Facet::Site => schema::SITE,
                    Facet::Author => schema::AUTHOR,
                    _ => schema::LANG,
                };
                match fast.str(name)? {
                    Some(column) => {
                        let n = column.num_terms();
                        Source::Strings(column, vec![0; n])
                    }
                    None => Source::Nothing,
                }
            }
        };
        Ok(FacetSegment {
            source,
            total: 0,
            missing: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut out: Fruit = (HashMap::new(), 0, 0);
        for (counts, total, missing) in fruits {
            for (k, v) in counts {
                *out.0.entry(k).or_default() += v;
            }
            out.1 += total;
            out.2 += missing;
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        let mut any = false;
        match &mut self.source {
            Source::Strings(column, counts) => {
                for ord in column.term_ords(doc) {
                    if let Some(c) = counts.get_mut(ord as usize) {
                        *c += 1;
                        any = true;
                    }
                }
            }
            Source::Days(column, months) => {
                if let Some(day) = column.first(doc) {
                    *months.entry(day / 100).or_default() += 1;
                    any = true;
                }
            }
            Source::Nothing => {}
        }
        if !any {
            self.missing += 1;
        }
    }

    fn harvest(self) -> Fruit {
        let mut out = HashMap::new();
        match self.source {
            Source::Strings(column, counts) => {
                let mut value = String::new();
                for (ord, count) in counts.into_iter().enumerate() {
                    if count > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                        *out.entry(value.clone()).or_default() += count;
                    }
                }
            }
            Source::Days(_, months) => {
                for (month, count) in months {
                    out.insert(format!("{:04}-{:02}", month / 100, month % 100), count);
                }
            }
            Source::Nothing => {}
        }
        (out, self.total, self.missing)
    }
}
