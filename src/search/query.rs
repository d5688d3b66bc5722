//! The query language, parsed into a small syntax tree (no tantivy here): words, `"phrases"`,
//! `"phrase"~N`, `"phrase prefix"*`, `prefix*`, `fuzzy~N`, `OR`, `AND`, `-`/`NOT`, `+`,
//! parentheses, `field:` prefixes (also on groups: `title:(a OR b)`) and `published:` ranges.
//! All words are required unless joined by `OR`. Errors name the problem and its position.

use std::ops::Bound;

use chrono::NaiveDate;

pub use super::dates::parse_day_span;
use super::dates::{date_range, single_date};

/// The fields a query may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryField {
    Title,
    Description,
    Text,
    Author,
    Site,
    Lang,
    Url,
    Tag,
    Section,
    Published,
}

impl QueryField {
    /// Every field name the language accepts.
    pub const NAMES: &'static str =
        "title, description, text, author, site, lang, url, tag, section, published";

    fn from_name(name: &str) -> Option<QueryField> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => QueryField::Title,
            "description" => QueryField::Description,
            "text" | "body" => QueryField::Text,
            "author" | "by" => QueryField::Author,
            "site" => QueryField::Site,
            "lang" | "language" => QueryField::Lang,
            "url" => QueryField::Url,
            "tag" | "tags" => QueryField::Tag,
            "section" => QueryField::Section,
            "published" | "date" => QueryField::Published,
            _ => return None,
        })
    }
}

/// How a single word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// The word (stemmed unless exact).
    Plain,
    /// Words starting with it (`polit*`).
    Prefix,
    /// Words within this edit distance (`putn~1`).
    Fuzzy(u8),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// All of these (negated children exclude).
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Not this.
    Not(Box<Node>),
    /// One word as written (analysis happens later).
    Word {
        field: Option<QueryField>,
        text: String,
        kind: WordKind,
    },
    /// A quoted phrase.
    Phrase {
        field: Option<QueryField>,
        text: String,
        slop: u32,
        prefix: bool,
    },
    /// A range of publication days, bounds inclusive or exclusive.
    DateRange {
        lower: Bound<NaiveDate>,
        upper: Bound<NaiveDate>,
    },
}

/// A syntax error: message and character position.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub position: usize,
}

pub(super) fn err<T>(position: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        message: message.into(),
        position,
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    Minus,
    Plus,
    Or,
    And,
    Not,
    Field(QueryField),
    /// Phrase text, `~N` slop, trailing `*`.
    Quoted(String, u32, bool),
    /// Bracketed range text (without brackets), lower inclusive, upper inclusive.
    Range(String, bool, bool),
    Word(String),
}

fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

/// Splits a query into tokens with their character positions.
fn lex(input: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push((start, Tok::Open));
            i += 1;
        } else if c == ')' {
            out.push((start, Tok::Close));
            i += 1;
        } else if c == '"' {
            let Some(len) = chars[i + 1..].iter().position(|&c| c == '"') else {
                return err(start, "unterminated quote");
            };
            let text: String = chars[i + 1..i + 1 + len].iter().collect();
            i += len + 2;
            let (mut slop, mut prefix) = (0, false);
            if chars.get(i) == Some(&'~') {
                let digits: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                slop = digits.parse().or_else(|_| {
                    err(i, "`~` after a phrase needs a number of words (\"a b\"~2)")
                })?;
                i += 1 + digits.len();
            } else if chars.get(i) == Some(&'*') {
                prefix = true;
                i += 1;
            }
            if chars.get(i).is_some_and(|&c| !is_break(c)) {
                return err(i, "unexpected character after a closing quote");
            }
            out.push((start, Tok::Quoted(text, slop, prefix)));
        } else if (c == '[' || c == '{')
            && matches!(out.last(), Some((_, Tok::Field(QueryField::Published))))
        {
            let Some(len) = chars[i + 1..].iter().position(|&c| c == ']' || c == '}') else {
                return err(start, "unterminated range: missing `]`");
            };
            let close = chars[i + 1 + len];
            let text: String = chars[i + 1..i + 1 + len].iter().collect();
            out.push((start, Tok::Range(text, c == '[', close == ']')));
            i += len + 2;
        } else if (c == '-' || c == '+')
            && chars
                .get(i + 1)
                .is_some_and(|&n| !n.is_whitespace() && n != ')')
            && !matches!(out.last(), Some((_, Tok::Field(_))))
        {
            out.push((start, if c == '-' { Tok::Minus } else { Tok::Plus }));
            i += 1;
        } else {
            let name_len = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let after_field = matches!(out.last(), Some((_, Tok::Field(_))));
            if name_len > 0
                && !after_field
                && chars.get(i + name_len) == Some(&':')
                && !(chars.get(i + name_len + 1) == Some(&'/')
                    && chars.get(i + name_len + 2) == Some(&'/'))
            {
                let name: String = chars[i..i + name_len].iter().collect();
                let Some(field) = QueryField::from_name(&name) else {
                    return err(
                        start,
                        format!(
                            "unknown field `{name}:` (fields: {}; quote the word to search it as text)",
                            QueryField::NAMES
                        ),
                    );
                };
                out.push((start, Tok::Field(field)));
                i += name_len + 1;
                continue;
            }
            let len = chars[i..].iter().take_while(|&&c| !is_break(c)).count();
            let word: String = chars[i..i + len].iter().collect();
            i += len;
            match word.as_str() {
                "OR" | "||" if !after_field => out.push((start, Tok::Or)),
                "AND" | "&&" if !after_field => out.push((start, Tok::And)),
                "NOT" if !after_field => out.push((start, Tok::Not)),
                _ => out.push((start, Tok::Word(word))),
            }
        }
    }
    Ok(out)
}

/// Parses a query string.
pub fn parse(input: &str) -> Result<Node, ParseError> {
    let tokens = lex(input)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        end: input.chars().count(),
    };
    if parser.tokens.is_empty() {
        return err(0, "empty query");
    }
    let node = parser.or(None)?;
    if let Some((position, _)) = parser.tokens.get(parser.at) {
        return err(*position, "unexpected `)` without a matching `(`");
    }
    Ok(node)
}

struct Parser {
    tokens: Vec<(usize, Tok)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens
            .get(self.at)
            .map(|(p, _)| *p)
            .unwrap_or(self.end)
    }

    fn or(&mut self, field: Option<QueryField>) -> Result<Node, ParseError> {
        if self.peek() == Some(&Tok::Or) {
            return err(self.position(), "`OR` needs something on its left");
        }
        let mut alternatives = vec![self.and(field)?];
        while self.peek() == Some(&Tok::Or) {
            let position = self.position();
            self.at += 1;
            if matches!(self.peek(), None | Some(Tok::Close) | Some(Tok::Or)) {
                return err(position, "`OR` needs something on its right");
            }
            alternatives.push(self.and(field)?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Node::Or(alternatives)
        })
    }

    fn and(&mut self, field: Option<QueryField>) -> Result<Node, ParseError> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::Close) | Some(Tok::Or) => break,
                Some(Tok::And) => {
                    let position = self.position();
                    self.at += 1;
                    if items.is_empty()
                        || matches!(self.peek(), None | Some(Tok::Close) | Some(Tok::Or))
                    {
                        return err(position, "`AND` needs something on both sides");
                    }
                }
                Some(_) => items.push(self.unary(field)?),
            }
        }
        if items.is_empty() {
            return err(self.position(), "empty group `()`");
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::And(items)
        })
    }

    fn unary(&mut self, field: Option<QueryField>) -> Result<Node, ParseError> {
        match self.peek() {
            Some(Tok::Minus) | Some(Tok::Not) => {
                let position = self.position();
                self.at += 1;
                if matches!(
                    self.peek(),
                    None | Some(Tok::Close) | Some(Tok::Or) | Some(Tok::And)
                ) {
                    return err(position, "`-`/`NOT` needs a word, phrase or group after it");
                }
                Ok(Node::Not(Box::new(self.unary(field)?)))
            }
            Some(Tok::Plus) => {
                self.at += 1;
                self.unary(field)
            }
            _ => self.primary(field),
        }
    }

    fn primary(&mut self, field: Option<QueryField>) -> Result<Node, ParseError> {
        let position = self.position();
        let Some((_, tok)) = self.tokens.get(self.at).cloned() else {
            return err(position, "the query ends too early");
        };
        self.at += 1;
        match tok {
            Tok::Open => {
                let inner = self.or(field)?;
                if self.peek() != Some(&Tok::Close) {
                    return err(position, "`(` is never closed");
                }
                self.at += 1;
                Ok(inner)
            }
            Tok::Field(f) => {
                if field.is_some() {
                    return err(position, "a field inside a field (`title:(text:x)`)");
                }
                match self.peek() {
                    None | Some(Tok::Close) | Some(Tok::Or) | Some(Tok::And) => {
                        err(position, "field with nothing after `:`")
                    }
                    Some(Tok::Range(..)) => {
                        let Some((p, Tok::Range(text, li, ui))) = self.tokens.get(self.at).cloned()
                        else {
                            return err(position, "range expected");
                        };
                        self.at += 1;
                        date_range(&text, li, ui, p)
                    }
                    _ => self.unary(Some(f)),
                }
            }
            Tok::Quoted(text, slop, prefix) => {
                if field == Some(QueryField::Published) {
                    return single_date(&text, position);
                }
                Ok(Node::Phrase {
                    field,
                    text,
                    slop,
                    prefix,
                })
            }
            Tok::Word(word) => {
                if field == Some(QueryField::Published) {
                    return single_date(&word, position);
                }
                word_node(field, &word, position)
            }
            Tok::Range(..) => err(position, "a range needs `published:` before it"),
            Tok::Close => err(position, "unexpected `)`"),
            Tok::Or | Tok::And => err(position, "operator without a word before it"),
            Tok::Minus | Tok::Plus | Tok::Not => err(position, "operator in an unexpected place"),
        }
    }
}

fn word_node(field: Option<QueryField>, word: &str, position: usize) -> Result<Node, ParseError> {
    if let Some(stem) = word.strip_suffix('*').filter(|s| !s.is_empty()) {
        return Ok(Node::Word {
            field,
            text: stem.to_string(),
            kind: WordKind::Prefix,
        });
    }
    if let Some((stem, distance)) = word.rsplit_once('~').filter(|(s, _)| !s.is_empty()) {
        let distance = if distance.is_empty() {
            1
        } else {
            match distance.parse::<u8>() {
                Ok(d @ 0..=2) => d,
                _ => return err(position, "fuzzy distance after `~` must be 0, 1 or 2"),
            }
        };
        return Ok(Node::Word {
            field,
            text: stem.to_string(),
            kind: WordKind::Fuzzy(distance),
        });
    }
    Ok(Node::Word {
        field,
        text: word.to_string(),
        kind: WordKind::Plain,
    })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
