//! Search: a query string and options → ranked [`Hit`]s with snippets. Parses the query language
//! ([`query`]), builds the tantivy query ([`compile`]), applies filters and order, and makes
//! snippets ([`snippet`]) for the hits returned only; never prints.

pub mod collapse;
pub mod compile;
pub mod dates;
pub mod explain;
pub mod facet;
pub mod query;
pub mod snippet;

use std::ops::{Bound, Range};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::index::{Index, analysis, document, schema};

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
    /// Hits to return (0: count only, no hits).
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    pub sort: Sort,
    /// Published on or after this day (the article's own calendar day).
    pub since: Option<NaiveDate>,
    /// Published on or before this day.
    pub until: Option<NaiveDate>,
    /// Only this site and its subdomains.
    pub site: Option<String>,
    /// Only articles in this language (ISO 639-1); plain words are then stemmed for it alone.
    pub lang: Option<String>,
    /// Only articles with an author matching these words (`"jane doe"` or `doe`).
    pub author: Option<String>,
    /// Only articles in this section.
    pub section: Option<String>,
    /// No stemming for plain words either: every word matches as written (case and accents folded).
    pub exact: bool,
    /// Passages per snippet (0 or 1: one).
    pub fragments: usize,
    /// Explain each hit's score ([`Hit::explanation`]).
    pub explain: bool,
    /// One hit per near-duplicate cluster (syndicated copies), with [`Hit::copies`].
    pub collapse: bool,
}

/// A passage of the article with the matched words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched (a matched phrase is one range).
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
    /// BM25 score (also computed for date-ordered results).
    pub score: f32,
    /// The best passage.
    pub snippet: Snippet,
    /// More passages when [`SearchRequest::fragments`] > 1 (includes the best one).
    pub fragments: Vec<Snippet>,
    /// How the score was made (tantivy's explanation tree as JSON), when asked.
    pub explanation: Option<String>,
    /// With [`SearchRequest::collapse`]: the copies of this story among the matches.
    pub copies: Option<collapse::Copies>,
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

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> SearchError {
        SearchError::Index(e.into())
    }
}

fn query_error(message: impl Into<String>, position: Option<usize>) -> SearchError {
    SearchError::Query {
        message: message.into(),
        position,
    }
}

/// A query ready to run: the tantivy query and what its hits should highlight.
pub struct Prepared {
    pub query: Box<dyn Query>,
    pub highlighter: snippet::Highlighter,
}

/// Parses and compiles the request's query with its filters.
pub fn prepare(index: &Index, request: &SearchRequest) -> Result<Prepared, SearchError> {
    let node = query::parse(&request.query).map_err(|e| {
        let message = format!("{} at position {}", e.message, e.position + 1);
        query_error(message, Some(e.position))
    })?;
    let languages: Vec<String> = match &request.lang {
        Some(lang) => vec![lang.to_lowercase()],
        None => index.languages()?.into_iter().collect(),
    };
    let fields = *index.fields();
    let mut compiler =
        compile::Compiler::new(fields, languages.iter().map(String::as_str), request.exact)
            .with_searcher(index.searcher());
    if request.explain {
        compiler = compiler.with_explanations();
    }
    let main = compiler
        .compile(&node)?
        .ok_or_else(|| query_error("the query has no searchable words", Some(0)))?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    if request.since.is_some() || request.until.is_some() {
        let lower = request.since.map_or(Bound::Unbounded, Bound::Included);
        let upper = request.until.map_or(Bound::Unbounded, Bound::Included);
        if let (Some(a), Some(b)) = (request.since, request.until)
            && a > b
        {
            return Err(query_error(
                format!("--since {a} is after --until {b}"),
                None,
            ));
        }
        clauses.push((
            Occur::Must,
            compile::filter(compile::day_range(&fields, lower, upper)),
        ));
    }
    let keyword = |field, value: &str| -> Box<dyn Query> {
        let term = Term::from_field_text(field, value);
        compile::filter(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
    };
    if let Some(site) = &request.site {
        clauses.push((
            Occur::Must,
            keyword(fields.site_domain, &analysis::normalize_site(site)),
        ));
    }
    let mut keyword_analyzer = analysis::keyword_analyzer();
    for (field, value) in [
        (fields.lang, &request.lang),
        (fields.section, &request.section),
    ] {
        if let Some(value) = value {
            let term = analysis::terms(&mut keyword_analyzer, value.trim()).join(" ");
            clauses.push((Occur::Must, keyword(field, &term)));
        }
    }
    if let Some(author) = &request.author {
        let node = query::Node::Phrase {
            field: Some(query::QueryField::Author),
            text: author.clone(),
            slop: 0,
            prefix: false,
        };
        let q = compiler
            .compile(&node)?
            .ok_or_else(|| query_error(format!("--author {author:?} has no words"), None))?;
        clauses.push((Occur::Must, compile::filter(q)));
    }
    let query: Box<dyn Query> = if clauses.len() == 1 {
        clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(tantivy::query::EmptyQuery))
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    let highlighter = snippet::Highlighter::new(&node, &languages, request.exact);
    Ok(Prepared { query, highlighter })
}

/// Counts the matches of a request (no hits, no snippets).
pub fn count(index: &Index, request: &SearchRequest) -> Result<usize, SearchError> {
    let prepared = prepare(index, request)?;
    Ok(index.searcher().search(&prepared.query, &Count)?)
}

/// The top `limit` matches after `offset` in the requested order, with their scores, and the
/// total number of matches.
fn ranked(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    sort: Sort,
    limit: usize,
    offset: usize,
) -> Result<(Vec<(f32, DocAddress)>, usize), SearchError> {
    let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
    Ok(match sort {
        Sort::Relevance => searcher.search(query, &(top.order_by_score(), Count))?,
        Sort::Newest | Sort::Oldest => {
            let field = if sort == Sort::Newest {
                schema::ORDER_NEWEST
            } else {
                schema::ORDER_OLDEST
            };
            // The key is the publication order (ties broken by id inside it); the score rides
            // along so date-ordered hits still report their relevance.
            let by_date = top.tweak_score(move |segment: &tantivy::SegmentReader| {
                let column = segment
                    .fast_fields()
                    .u64(field)
                    .map(|c| c.first_or_default_col(0))
                    .ok();
                move |doc: tantivy::DocId, score: tantivy::Score| {
                    (column.as_ref().map_or(0, |c| c.get_val(doc)), score)
                }
            });
            let (docs, total) = searcher.search(query, &(by_date, Count))?;
            (docs.into_iter().map(|((_, s), a)| (s, a)).collect(), total)
        }
    })
}

/// Runs a search.
pub fn search(index: &Index, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let prepared = prepare(index, request)?;
    let searcher = index.searcher();
    if request.limit == 0 {
        let total = searcher.search(&prepared.query, &Count)?;
        return Ok(SearchResults {
            total,
            hits: Vec::new(),
        });
    }
    let fields = index.fields();
    let (page, total, copies) = if request.collapse {
        let wanted = request.offset + request.limit;
        let window = wanted * 4 + 32;
        let (candidates, total) = ranked(&searcher, &*prepared.query, request.sort, window, 0)?;
        let groups = collapse::collapse(
            &searcher,
            fields,
            &*prepared.query,
            candidates,
            request.offset,
            request.limit,
        )?;
        let (page, copies): (Vec<_>, Vec<_>) =
            groups.into_iter().map(|(hit, c)| (hit, Some(c))).unzip();
        (page, total, copies)
    } else {
        let (page, total) = ranked(
            &searcher,
            &*prepared.query,
            request.sort,
            request.limit,
            request.offset,
        )?;
        let copies = vec![None; page.len()];
        (page, total, copies)
    };
    let mut hits = Vec::with_capacity(page.len());
    for ((score, address), copies) in page.into_iter().zip(copies) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let stored = document::read(fields, &doc);
        let article = stored.article;
        let lang = article.lang.as_deref();
        let body = if article.text.trim().is_empty() {
            article.description.as_deref().unwrap_or("")
        } else {
            article.text.as_str()
        };
        let snippet = prepared.highlighter.snippet(body, lang);
        let fragments = if request.fragments > 1 {
            prepared
                .highlighter
                .fragments(body, lang, request.fragments)
        } else {
            Vec::new()
        };
        let explanation = if request.explain {
            Some(prepared.query.explain(&searcher, address)?.to_pretty_json())
        } else {
            None
        };
        hits.push(Hit {
            id: stored.id,
            url: article.url.clone().unwrap_or_default(),
            title: article.title,
            authors: article.authors,
            published: article.published,
            site: article.site,
            lang: article.lang,
            score,
            snippet,
            fragments,
            explanation,
            copies,
        });
    }
    Ok(SearchResults { total, hits })
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "depth_tests.rs"]
mod depth_tests;
