//! Snippets: the best passage(s) of an article's text for a query, with the matched words — and
//! whole phrases, as one span — as byte ranges. Computed only for the hits shown.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use tantivy::tokenizer::{TextAnalyzer, Token};

use super::Snippet;
use super::query::{Node, QueryField, WordKind};
use crate::index::analysis::{self, exact_analyzer, stem_analyzer, stem_language};
use crate::index::tokenizer::WordSpans;

/// Target length of a passage, in bytes.
pub const SNIPPET_BYTES: usize = 200;
/// Bytes of context kept before the first match of a passage.
const LEAD_BYTES: usize = 40;
/// How much of a long text is read for its matches (see `matches_near_first`).
const SCAN_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone)]
enum Pattern {
    Exact(String),
    Stem(Vec<String>),
    Prefix(String),
    Fuzzy(String, u8),
    Phrase(Vec<String>, bool),
}

/// What to highlight for one query.
#[derive(Debug, Clone)]
pub struct Highlighter {
    patterns: Vec<Pattern>,
    languages: Vec<String>,
    exact_words: bool,
}

impl Pattern {
    /// The words a match is made of, analysed as the text's words are (`None` for a fuzzy word,
    /// whose matches need not share any letter with it).
    fn words(&self) -> Option<&[String]> {
        match self {
            Pattern::Exact(w) | Pattern::Prefix(w) => Some(std::slice::from_ref(w)),
            Pattern::Stem(forms) => Some(forms),
            Pattern::Phrase(words, _) => Some(words),
            Pattern::Fuzzy(..) => None,
        }
    }
}

#[derive(Debug, Clone)]
struct Match {
    span: Range<usize>,
    pattern: usize,
    weight: usize,
}

impl Highlighter {
    /// Collects the positive parts of a query that can match the body text.
    pub fn new(node: &Node, languages: &[String], exact_words: bool) -> Highlighter {
        let mut h = Highlighter {
            patterns: Vec::new(),
            languages: languages.to_vec(),
            exact_words,
        };
        let mut exact = exact_analyzer();
        h.collect(node, &mut exact);
        h
    }

    fn collect(&mut self, node: &Node, exact: &mut TextAnalyzer) {
        let applies = |f: &Option<QueryField>| matches!(f, None | Some(QueryField::Text));
        match node {
            Node::And(items) | Node::Or(items) => {
                for item in items {
                    self.collect(item, exact);
                }
            }
            Node::Not(_) | Node::DateRange { .. } => {}
            Node::Word { field, text, kind } if applies(field) => {
                let terms = analysis::terms(exact, text);
                if terms.len() > 1 {
                    self.patterns
                        .push(Pattern::Phrase(terms, *kind == WordKind::Prefix));
                    return;
                }
                let Some(term) = terms.into_iter().next() else {
                    return;
                };
                self.patterns.push(match kind {
                    WordKind::Prefix => Pattern::Prefix(term),
                    WordKind::Fuzzy(d) => Pattern::Fuzzy(term, *d),
                    WordKind::Plain if self.exact_words => Pattern::Exact(term),
                    WordKind::Plain => {
                        let mut stems = Vec::new();
                        for lang in self.languages.iter().map(String::as_str).chain(["und"]) {
                            let mut stemmer = stem_analyzer(stem_language(Some(lang)));
                            stems.extend(analysis::terms(&mut stemmer, text));
                        }
                        stems.push(term);
                        Pattern::Stem(stems)
                    }
                });
            }
            Node::Phrase {
                field,
                text,
                slop,
                prefix,
            } if applies(field) => {
                let terms = analysis::terms(exact, text);
                if *slop > 0 || (terms.len() == 1 && !prefix) {
                    self.patterns.extend(terms.into_iter().map(Pattern::Exact));
                } else if !terms.is_empty() {
                    self.patterns.push(Pattern::Phrase(terms, *prefix));
                }
            }
            _ => {}
        }
    }

    /// The matches of a long text's stretch of [`SCAN_BYTES`] from shortly before where a query
    /// word first appears (a plain byte search for it), or of the whole text when that stretch
    /// has none (accents, upper-case non-ASCII, fuzzy words). Tokenizing all of a 160 KB
    /// article (a Usenet post of uuencoded pictures) took 6 ms a hit.
    fn matches_near_first(&self, text: &str, lang: Option<&str>) -> Vec<Match> {
        let fuzzy = self
            .patterns
            .iter()
            .any(|p| matches!(p, Pattern::Fuzzy(..)));
        if text.len() <= SCAN_BYTES || fuzzy {
            return self.matches(text, lang);
        }
        let lower = text.to_ascii_lowercase(); // same byte offsets
        let first = self
            .needles()
            .filter_map(|needle| memchr::memmem::find(lower.as_bytes(), needle.as_bytes()))
            .min();
        let Some(first) = first else {
            return self.matches(text, lang);
        };
        // start and end on whitespace, so that no word is cut in two
        let start = floor_boundary(text, first.saturating_sub(LEAD_BYTES * 4));
        let from = if text[start..].starts_with(char::is_whitespace) {
            start
        } else {
            text[..start].rfind(char::is_whitespace).unwrap_or(0)
        };
        let end = ceil_boundary(text, (from + SCAN_BYTES).min(text.len()));
        let to = text[end..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| end + i);
        let mut found = self.matches(&text[from..to], lang);
        if found.is_empty() {
            return self.matches(text, lang);
        }
        for m in &mut found {
            m.span = m.span.start + from..m.span.end + from;
        }
        found
    }

    /// Lower-case strings that start every match of a (non-fuzzy) pattern, as written in the
    /// text (a stem starts its words).
    fn needles(&self) -> impl Iterator<Item = &str> {
        self.patterns
            .iter()
            .flat_map(|p| match p {
                // a phrase starts with its first word
                Pattern::Phrase(words, _) => &words[..words.len().min(1)],
                p => p.words().unwrap_or_default(),
            })
            .map(String::as_str)
            .filter(|w| !w.is_empty())
    }

    /// The bytes that can start a word matching one of the patterns, lower-cased (`None`: any
    /// word can, as with fuzzy words). A stem keeps its word's first letter, and lower-casing
    /// and folding keep an ASCII letter ASCII, so a word starting with any other ASCII byte
    /// matches nothing; words starting with a non-ASCII letter are always looked at.
    fn first_bytes(&self) -> Option<[bool; 128]> {
        let mut firsts = [false; 128];
        for pattern in &self.patterns {
            for b in pattern.words()?.iter().filter_map(|w| w.bytes().next()) {
                if b.is_ascii() {
                    firsts[usize::from(b)] = true;
                }
            }
        }
        Some(firsts)
    }

    /// Every match in `text`, in text order (by start, then pattern). One pass over the word
    /// spans, keeping only the last few words for phrases; a word is lower-cased, folded and
    /// compared only when its first letter could start a match (analysing every word of every
    /// hit's text was most of a search process's time).
    fn matches(&self, text: &str, lang: Option<&str>) -> Vec<Match> {
        let firsts = self.first_bytes();
        let could_match = |word: &str| {
            let b = word.as_bytes()[0];
            !b.is_ascii() || firsts.is_none_or(|f| f[usize::from(b.to_ascii_lowercase())])
        };
        let stems_wanted = self.patterns.iter().any(|p| matches!(p, Pattern::Stem(_)));
        let mut stemmer = stems_wanted.then(|| stem_analyzer(stem_language(lang)));
        let mut stems: HashMap<String, Option<String>> = HashMap::new();
        // The longest phrase: how many words to keep.
        let keep = self
            .patterns
            .iter()
            .map(|p| match p {
                Pattern::Phrase(words, _) => words.len(),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        let mut recent: VecDeque<Token> = VecDeque::with_capacity(keep);
        let mut fold = exact_analyzer();
        let mut out = Vec::new();
        for (position, span) in WordSpans::new(text).enumerate() {
            let word = &text[span.clone()];
            if word.len() >= analysis::MAX_TOKEN_BYTES {
                continue; // not a term of the index either
            }
            let candidate = could_match(word);
            if !candidate && keep == 1 {
                continue;
            }
            // The recent words, oldest first, this one last (buffers reused); a word that
            // cannot match keeps its place with no text.
            let mut slot = if recent.len() == keep {
                recent.pop_front().unwrap_or_default()
            } else {
                Token::default()
            };
            slot.text.clear();
            slot.offset_from = span.start;
            slot.offset_to = span.end;
            slot.position = position;
            if candidate {
                if word.is_ascii() {
                    slot.text.push_str(word);
                    slot.text.make_ascii_lowercase();
                } else if let Some(folded) = analysis::terms(&mut fold, word).into_iter().next() {
                    slot.text = folded;
                }
            }
            recent.push_back(slot);
            if !candidate {
                continue;
            }
            let Some(token) = recent.back() else { continue };
            for (p, pattern) in self.patterns.iter().enumerate() {
                let one = |weight| Match {
                    span: span.clone(),
                    pattern: p,
                    weight,
                };
                match pattern {
                    Pattern::Exact(w) if token.text == *w => out.push(one(1)),
                    Pattern::Prefix(w) if token.text.starts_with(w.as_str()) => out.push(one(1)),
                    Pattern::Fuzzy(w, d) if edit_distance(&token.text, w) <= usize::from(*d) => {
                        out.push(one(1))
                    }
                    Pattern::Stem(options) => {
                        let matched = options.contains(&token.text) || {
                            if !stems.contains_key(&token.text) {
                                let stem = stemmer.as_mut().and_then(|s| {
                                    analysis::terms(s, &token.text).into_iter().next()
                                });
                                stems.insert(token.text.clone(), stem);
                            }
                            stems
                                .get(&token.text)
                                .and_then(Option::as_ref)
                                .is_some_and(|s| options.contains(s))
                        };
                        if matched {
                            out.push(one(1));
                        }
                    }
                    Pattern::Phrase(words, prefix) => {
                        // Phrases are matched at their last word.
                        let Some(first) = recent.len().checked_sub(words.len()) else {
                            continue;
                        };
                        let run = recent.range(first..);
                        let last = words.len() - 1;
                        let mut previous: Option<usize> = None;
                        let hit = run.zip(words).enumerate().all(|(k, (t, w))| {
                            let follows = previous.is_none_or(|p| t.position == p + 1);
                            previous = Some(t.position);
                            follows
                                && if k == last && *prefix {
                                    t.text.starts_with(w.as_str())
                                } else {
                                    t.text == *w
                                }
                        });
                        if hit {
                            out.push(Match {
                                span: recent[first].offset_from..span.end,
                                pattern: p,
                                weight: 2 * words.len(),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        // Phrases were found at their end: back to text order.
        out.sort_by_key(|m| (m.span.start, m.pattern));
        out
    }

    /// The best passage of `text` (in an article of language `lang`).
    pub fn snippet(&self, text: &str, lang: Option<&str>) -> Snippet {
        self.fragments(text, lang, 1)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Up to `n` non-overlapping passages, best first chosen, returned in text order. Without a
    /// match, the opening of the text.
    pub fn fragments(&self, text: &str, lang: Option<&str>, n: usize) -> Vec<Snippet> {
        let all = self.matches_near_first(text, lang);
        let mut matches = all.clone();
        let mut windows: Vec<Range<usize>> = Vec::new();
        while windows.len() < n.max(1) && !matches.is_empty() {
            let mut best: Option<(usize, Range<usize>)> = None;
            // Anchors: the first few hundred matches are plenty to find a good passage.
            for m in matches.iter().take(256) {
                let start = floor_boundary(text, m.span.start.saturating_sub(LEAD_BYTES));
                let end = ceil_boundary(text, (start + SNIPPET_BYTES).min(text.len()));
                let mut seen = Vec::new();
                let mut score = 0;
                // Matches are in text order.
                let inside_window = matches
                    .iter()
                    .skip_while(|x| x.span.start < start)
                    .take_while(|x| x.span.start < end)
                    .filter(|x| x.span.end <= end);
                for inside in inside_window {
                    score += inside.weight;
                    if !seen.contains(&inside.pattern) {
                        seen.push(inside.pattern);
                        score += 10 * inside.weight;
                    }
                }
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, start..end));
                }
            }
            let Some((_, window)) = best else { break };
            matches.retain(|m| m.span.end <= window.start || m.span.start >= window.end);
            windows.push(window);
        }
        if windows.is_empty() {
            windows.push(0..ceil_boundary(text, SNIPPET_BYTES.min(text.len())));
        }
        windows.sort_by_key(|w| w.start);
        windows.into_iter().map(|w| render(text, w, &all)).collect()
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Cuts the window at word boundaries, collapses whitespace, marks cuts with `…`, and maps the
/// matched spans inside it to byte ranges of the result.
fn render(text: &str, window: Range<usize>, matches: &[Match]) -> Snippet {
    let mut start = window.start;
    let mut end = window.end;
    // Do not start or end inside a word (unless a match starts there).
    if start > 0
        && !matches.iter().any(|m| m.span.start == start)
        && let Some(space) = text[start..end].find(char::is_whitespace)
    {
        let candidate = start + space;
        if !matches
            .iter()
            .any(|m| m.span.start < candidate && m.span.start >= start)
        {
            start = candidate;
        }
    }
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
    {
        let candidate = start + space;
        let cuts_a_match = matches
            .iter()
            .any(|m| m.span.start >= start && m.span.start < end && m.span.end > candidate);
        if !cuts_a_match {
            end = candidate;
        }
    }
    let mut out = String::new();
    let mut map = Vec::with_capacity(end - start + 1);
    if start > 0 {
        out.push_str("… ");
    }
    let mut last_space = true;
    for c in text[start..end].chars() {
        let here = out.len();
        for _ in 0..c.len_utf8() {
            map.push(here);
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    map.push(out.len());
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let mut highlights: Vec<Range<usize>> = matches
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= end)
        .map(|m| map[m.span.start - start]..map[m.span.end - start].min(trimmed))
        .filter(|r| r.start < r.end)
        .collect();
    highlights.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    // Merge overlaps (a word inside a highlighted phrase).
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in highlights {
        match merged.last_mut() {
            Some(prev) if r.start <= prev.end => prev.end = prev.end.max(r.end),
            _ => merged.push(r),
        }
    }
    if end < text.len() {
        out.push_str(" …");
    }
    Snippet {
        text: out,
        highlights: merged,
    }
}

/// Levenshtein distance (for highlighting fuzzy words).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
#[path = "snippet_tests.rs"]
mod tests;
