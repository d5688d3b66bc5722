//! Turning a parsed query ([`Node`]) into a tantivy query: which field each part searches, with
//! which analysis, and with which boost.
//!
//! Ranking is BM25 summed over fields with these boosts: title ×[`BOOST_TITLE`], description
//! ×[`BOOST_DESCRIPTION`], text ×[`BOOST_TEXT`]. Plain words search the stemmed fields (every
//! stemmer of the languages in the index, unless `exact`); phrases, quoted single words,
//! prefixes and fuzzy words search the unstemmed fields, so a phrase matches exactly (stopwords
//! included, punctuation between words ignored, case and accents folded).

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::SearchError;
use super::query::{Node, QueryField, WordKind};
use crate::index::analysis::{self, exact_analyzer, keyword_analyzer, normalize_site};
use crate::index::document::day_number;
use crate::index::schema::Fields;

/// Boost of the title fields.
pub const BOOST_TITLE: f32 = 3.0;
/// Boost of the description (standfirst) fields.
pub const BOOST_DESCRIPTION: f32 = 1.5;
/// Boost of the body text fields.
pub const BOOST_TEXT: f32 = 1.0;

/// Compiles query trees for one index.
pub struct Compiler {
    fields: Fields,
    searcher: Option<tantivy::Searcher>,
    exact: TextAnalyzer,
    keyword: TextAnalyzer,
    stemmers: Vec<TextAnalyzer>,
    exact_words: bool,
    explaining: bool,
}

type BoxQuery = Box<dyn Query>;

/// Which (exact field, stemmed field, boost) triples a text-ish query field searches.
fn text_fields(f: &Fields, field: Option<QueryField>) -> Vec<(Field, Field, f32)> {
    let title = (f.title, f.title_stem, BOOST_TITLE);
    let description = (f.description, f.description_stem, BOOST_DESCRIPTION);
    let text = (f.text, f.text_stem, BOOST_TEXT);
    match field {
        Some(QueryField::Title) => vec![title],
        Some(QueryField::Description) => vec![description],
        Some(QueryField::Text) => vec![text],
        Some(QueryField::Author) => vec![(f.author, f.author, 1.0)],
        Some(QueryField::Url) => vec![(f.url, f.url, 1.0)],
        _ => vec![title, description, text],
    }
}

fn boosted(query: BoxQuery, boost: f32) -> BoxQuery {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

fn any_of(mut queries: Vec<BoxQuery>) -> Option<BoxQuery> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::union(queries))),
    }
}

/// A filter that must match but adds nothing to the score.
pub fn filter(query: BoxQuery) -> BoxQuery {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// The query for a range of publication days.
pub fn day_range(
    fields: &Fields,
    lower: Bound<chrono::NaiveDate>,
    upper: Bound<chrono::NaiveDate>,
) -> BoxQuery {
    let term = |d: chrono::NaiveDate| Term::from_field_u64(fields.published_day, day_number(d));
    Box::new(RangeQuery::new(lower.map(term), upper.map(term)))
}

impl Compiler {
    /// A compiler stemming plain words in each of `languages` (ISO 639-1 codes, `und` for
    /// unknown), or not at all when `exact_words`.
    pub fn new<'a>(
        fields: Fields,
        languages: impl IntoIterator<Item = &'a str>,
        exact_words: bool,
    ) -> Compiler {
        let mut seen = Vec::new();
        for lang in languages {
            let language = analysis::stem_language(Some(lang));
            if !seen.contains(&language) {
                seen.push(language);
            }
        }
        if seen.is_empty() {
            seen.push(analysis::stem_language(None));
        }
        Compiler {
            fields,
            searcher: None,
            exact: exact_analyzer(),
            keyword: keyword_analyzer(),
            stemmers: seen.into_iter().map(analysis::stem_analyzer).collect(),
            exact_words,
            explaining: false,
        }
    }

    /// Lets phrase prefixes size their expansion to the terms really in the index (without it,
    /// they expand to at most 10,000 terms).
    pub fn with_searcher(mut self, searcher: tantivy::Searcher) -> Compiler {
        self.searcher = Some(searcher);
        self
    }

    /// How many terms of `field` start with `prefix`, at most, in any segment.
    fn prefix_expansions(&self, field: Field, prefix: &str) -> u32 {
        const WITHOUT_SEARCHER: u32 = 10_000;
        let Some(searcher) = &self.searcher else {
            return WITHOUT_SEARCHER;
        };
        let mut most = 0u32;
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                return WITHOUT_SEARCHER;
            };
            let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream()
            else {
                return WITHOUT_SEARCHER;
            };
            let mut n = 0u32;
            while stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
                n = n.saturating_add(1);
            }
            most = most.max(n);
        }
        most.max(1)
    }

    /// The exact terms of a text (with their positions).
    fn exact_terms(&mut self, text: &str) -> Vec<(usize, String)> {
        let tokens = analysis::tokens(&mut self.exact, text);
        let first = tokens.first().map(|t| t.position).unwrap_or(0);
        tokens
            .into_iter()
            .map(|t| (t.position - first, t.text))
            .collect()
    }

    /// The distinct stems of one word across the stemmers.
    fn stems(&mut self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for stemmer in &mut self.stemmers {
            if let Some(stem) = analysis::terms(stemmer, word).into_iter().next()
                && !out.contains(&stem)
            {
                out.push(stem);
            }
        }
        out
    }

    /// Compiles every part of the tree so that it can be explained ([`super::explain`]).
    pub fn with_explanations(mut self) -> Compiler {
        self.explaining = true;
        self
    }

    /// Compiles a tree; `None` when nothing in it is searchable (e.g. only punctuation).
    pub fn compile(&mut self, node: &Node) -> Result<Option<BoxQuery>, SearchError> {
        let query = self.compile_node(node)?;
        Ok(if self.explaining {
            query.map(|q| Box::new(super::explain::Explained(q)) as BoxQuery)
        } else {
            query
        })
    }

    fn compile_node(&mut self, node: &Node) -> Result<Option<BoxQuery>, SearchError> {
        Ok(match node {
            Node::And(items) => {
                let mut clauses: Vec<(Occur, BoxQuery)> = Vec::new();
                for item in items {
                    match item {
                        Node::Not(inner) => {
                            if let Some(q) = self.compile(inner)? {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        other => {
                            if let Some(q) = self.compile(other)? {
                                clauses.push((Occur::Must, q));
                            }
                        }
                    }
                }
                if clauses.is_empty() {
                    None
                } else {
                    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                        clauses.push((Occur::Must, Box::new(AllQuery)));
                    }
                    Some(Box::new(BooleanQuery::new(clauses)))
                }
            }
            Node::Or(items) => {
                let mut alternatives = Vec::new();
                for item in items {
                    if let Some(q) = self.compile(item)? {
                        alternatives.push(q);
                    }
                }
                any_of(alternatives)
            }
            Node::Not(inner) => self.compile(inner)?.map(|q| {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as BoxQuery),
                    (Occur::MustNot, q),
                ])) as BoxQuery
            }),
            Node::DateRange { lower, upper } => Some(day_range(&self.fields, *lower, *upper)),
            Node::Word { field, text, kind } => self.word(*field, text, *kind),
            Node::Phrase {
                field,
                text,
                slop,
                prefix,
            } => self.phrase(*field, text, *slop, *prefix),
        })
    }

    fn keyword_field(&self, field: QueryField) -> Option<Field> {
        match field {
            QueryField::Site => Some(self.fields.site_domain),
            QueryField::Lang => Some(self.fields.lang),
            QueryField::Tag => Some(self.fields.tag),
            QueryField::Section => Some(self.fields.section),
            _ => None,
        }
    }

    /// A keyword field query: the whole value is one term.
    fn keyword(
        &mut self,
        field: QueryField,
        target: Field,
        text: &str,
        kind: WordKind,
    ) -> Option<BoxQuery> {
        let value = if field == QueryField::Site {
            normalize_site(text)
        } else {
            analysis::terms(&mut self.keyword, text.trim())
                .into_iter()
                .next()?
        };
        if value.is_empty() {
            return None;
        }
        let term = Term::from_field_text(target, &value);
        Some(match kind {
            WordKind::Plain => Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            WordKind::Prefix => prefix_query(target, &value)?,
            WordKind::Fuzzy(d) => Box::new(FuzzyTermQuery::new(term, d, true)),
        })
    }

    fn word(&mut self, field: Option<QueryField>, text: &str, kind: WordKind) -> Option<BoxQuery> {
        if let Some(target) = field.and_then(|f| self.keyword_field(f)) {
            return self.keyword(field?, target, text, kind);
        }
        let terms = self.exact_terms(text);
        if terms.len() > 1 {
            // `U.S.` or `e-mail`: the parts as a phrase (a prefix applies to the last part).
            return self.phrase(field, text, 0, kind == WordKind::Prefix);
        }
        let (_, term) = terms.into_iter().next()?;
        let mut per_field = Vec::new();
        for (exact, stem, boost) in text_fields(&self.fields, field) {
            let q: BoxQuery = match kind {
                WordKind::Prefix => prefix_query(exact, &term)?,
                WordKind::Fuzzy(d) => Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(exact, &term),
                    d,
                    true,
                )),
                WordKind::Plain if self.exact_words || stem == exact => Box::new(TermQuery::new(
                    Term::from_field_text(exact, &term),
                    IndexRecordOption::WithFreqs,
                )),
                WordKind::Plain => {
                    let stems: Vec<BoxQuery> = self
                        .stems(text)
                        .into_iter()
                        .map(|s| {
                            Box::new(TermQuery::new(
                                Term::from_field_text(stem, &s),
                                IndexRecordOption::WithFreqs,
                            )) as BoxQuery
                        })
                        .collect();
                    any_of(stems)?
                }
            };
            per_field.push(boosted(q, boost));
        }
        any_of(per_field)
    }

    fn phrase(
        &mut self,
        field: Option<QueryField>,
        text: &str,
        slop: u32,
        prefix: bool,
    ) -> Option<BoxQuery> {
        if let Some(target) = field.and_then(|f| self.keyword_field(f)) {
            let kind = if prefix {
                WordKind::Prefix
            } else {
                WordKind::Plain
            };
            return self.keyword(field?, target, text, kind);
        }
        let terms = self.exact_terms(text);
        if terms.is_empty() {
            return None;
        }
        let mut per_field = Vec::new();
        for (exact, _, boost) in text_fields(&self.fields, field) {
            let q: BoxQuery = if terms.len() == 1 {
                let word = &terms[0].1;
                if prefix {
                    prefix_query(exact, word)?
                } else {
                    Box::new(TermQuery::new(
                        Term::from_field_text(exact, word),
                        IndexRecordOption::WithFreqs,
                    ))
                }
            } else {
                let with_offsets: Vec<(usize, Term)> = terms
                    .iter()
                    .map(|(p, t)| (*p, Term::from_field_text(exact, t)))
                    .collect();
                if prefix {
                    let last = &terms[terms.len() - 1].1;
                    let expansions = self.prefix_expansions(exact, last);
                    let mut q = PhrasePrefixQuery::new_with_offset(with_offsets);
                    // The default (50 expansions) silently drops matches: allow every term.
                    q.set_max_expansions(expansions);
                    Box::new(q)
                } else {
                    Box::new(PhraseQuery::new_with_offset_and_slop(with_offsets, slop))
                }
            };
            per_field.push(boosted(q, boost));
        }
        any_of(per_field)
    }
}

/// Every term of `field` starting with `prefix`.
fn prefix_query(field: Field, prefix: &str) -> Option<BoxQuery> {
    let pattern = format!("{}.*", regex::escape(prefix));
    RegexQuery::from_pattern(&pattern, field)
        .ok()
        .map(|q| Box::new(q) as BoxQuery)
}
