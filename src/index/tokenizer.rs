//! The word tokenizer: runs of letters and digits are words, as in tantivy's `SimpleTokenizer`,
//! except that Chinese, Japanese and Korean script — written without spaces between words — is cut
//! into overlapping two-character tokens (bigrams), so any word or phrase in it can be found as a
//! phrase of bigrams without a dictionary.

use std::ops::Range;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Words, with CJK text as bigrams.
#[derive(Clone, Default)]
pub struct WordTokenizer;

/// The token stream of [`WordTokenizer`]: [`WordSpans`] with each word's text copied into the
/// token.
pub struct WordTokenStream<'a> {
    spans: WordSpans<'a>,
    token: Token,
}

/// The byte spans of a text's tokens, in order, without copying their text (snippets look at
/// only the few words that could match a query). Token `k` has position `k`.
pub struct WordSpans<'a> {
    text: &'a str,
    offset: usize,
    /// Inside a CJK run: where the next bigram starts and where the run ends.
    cjk: Option<(usize, usize)>,
}

impl<'a> WordSpans<'a> {
    pub fn new(text: &'a str) -> WordSpans<'a> {
        WordSpans {
            text,
            offset: 0,
            cjk: None,
        }
    }

    /// The next bigram of the current CJK run, ending the run after its last one.
    fn next_bigram(&mut self, at: usize, end: usize) -> Option<Range<usize>> {
        let mut chars = self.text[at..end].chars();
        let first = chars.next()?.len_utf8();
        match chars.next() {
            Some(second) => {
                self.cjk = Some((at + first, end));
                Some(at..at + first + second.len_utf8())
            }
            None => {
                self.cjk = None;
                None
            }
        }
    }
}

impl Iterator for WordSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if let Some((at, end)) = self.cjk
            && let Some(bigram) = self.next_bigram(at, end)
        {
            return Some(bigram);
        }
        let rest = &self.text[self.offset..];
        let Some((skip, first)) = word_start(rest) else {
            self.offset = self.text.len();
            return None;
        };
        let start = self.offset + skip;
        let cjk = !first.is_ascii() && is_cjk(first);
        let end = start + word_len(&self.text[start..], cjk);
        self.offset = end;
        if cjk {
            // a run of one character is its own token; longer runs are their bigrams
            if let Some(bigram) = self.next_bigram(start, end) {
                return Some(bigram);
            }
        }
        Some(start..end)
    }
}

/// Scripts written without spaces between words (Han, Hiragana, Katakana, Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF        // Hiragana, Katakana
        | 0x3400..=0x4DBF      // CJK Extension A
        | 0x4E00..=0x9FFF      // CJK Unified Ideographs
        | 0xAC00..=0xD7AF      // Hangul syllables
        | 0x1100..=0x11FF      // Hangul Jamo
        | 0x3130..=0x318F      // Hangul compatibility Jamo
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0x20000..=0x2FA1F    // CJK Extensions B–F, compatibility supplement
    )
}

/// The first letter or digit of `s`, with its byte offset. ASCII bytes are tested without UTF-8
/// decoding (most text is ASCII; snippets scan whole articles per search).
fn word_start(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                return Some((i, char::from(b)));
            }
            i += 1;
        } else {
            let c = s.get(i..)?.chars().next()?;
            if c.is_alphanumeric() {
                return Some((i, c));
            }
            i += c.len_utf8();
        }
    }
    None
}

/// The length in bytes of the word at the start of `s`: letters and digits, all CJK or none.
fn word_len(s: &str, cjk: bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if cjk || !b.is_ascii_alphanumeric() {
                return i;
            }
            i += 1;
        } else {
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                return i;
            };
            if !c.is_alphanumeric() || is_cjk(c) != cjk {
                return i;
            }
            i += c.len_utf8();
        }
    }
    bytes.len()
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            spans: WordSpans::new(text),
            token: Token {
                position: usize::MAX,
                ..Token::default()
            },
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(span) = self.spans.next() else {
            return false;
        };
        let token = &mut self.token;
        token.text.clear();
        token.text.push_str(&self.spans.text[span.clone()]);
        token.offset_from = span.start;
        token.offset_to = span.end;
        token.position = token.position.wrapping_add(1);
        token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize)> {
        let mut t = WordTokenizer;
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        out
    }

    #[test]
    fn latin_words_as_simple_tokenizer() {
        assert_eq!(
            words("U.S. e-mail, Peskóv's 2024!"),
            [
                ("U".into(), 0),
                ("S".into(), 1),
                ("e".into(), 2),
                ("mail".into(), 3),
                ("Peskóv".into(), 4),
                ("s".into(), 5),
                ("2024".into(), 6)
            ]
        );
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        let got: Vec<String> = words("在东京都的会议 Tokyo会议。日")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            got,
            [
                "在东", "东京", "京都", "都的", "的会", "会议", "Tokyo", "会议", "日"
            ]
        );
    }
}
