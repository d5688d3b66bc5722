//! The word tokenizer: runs of letters and digits are words, as in tantivy's `SimpleTokenizer`,
//! except that Chinese, Japanese and Korean script — written without spaces between words — is cut
//! into overlapping two-character tokens (bigrams), so any word or phrase in it can be found as a
//! phrase of bigrams without a dictionary.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Words, with CJK text as bigrams.
#[derive(Clone, Default)]
pub struct WordTokenizer;

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    offset: usize,
    position: usize,
    token: Token,
    pending: VecDeque<Token>,
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

/// The first character of `s` satisfying `pred`, with its byte offset. ASCII bytes are tested
/// without UTF-8 decoding (most text is ASCII; snippets tokenize whole articles per search).
fn find_char(s: &str, pred: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            s.get(i..)?.chars().next()?
        };
        if pred(c) {
            return Some((i, c));
        }
        i += c.len_utf8();
    }
    None
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            text,
            offset: 0,
            position: 0,
            token: Token::default(),
            pending: VecDeque::new(),
        }
    }
}

impl WordTokenStream<'_> {
    fn make(&mut self, from: usize, to: usize) -> Token {
        let token = Token {
            offset_from: from,
            offset_to: to,
            position: self.position,
            text: self.text[from..to].to_string(),
            position_length: 1,
        };
        self.position += 1;
        token
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop_front() {
            self.token = next;
            return true;
        }
        let rest = &self.text[self.offset..];
        let Some((skip, first)) = find_char(rest, char::is_alphanumeric) else {
            self.offset = self.text.len();
            return false;
        };
        let start = self.offset + skip;
        let cjk = is_cjk(first);
        let len = find_char(&self.text[start..], |c| {
            !c.is_alphanumeric() || is_cjk(c) != cjk
        })
        .map_or(self.text.len() - start, |(i, _)| i);
        let end = start + len;
        self.offset = end;
        if !cjk {
            self.token.text.clear();
            self.token.text.push_str(&self.text[start..end]);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.position;
            self.token.position_length = 1;
            self.position += 1;
            return true;
        }
        let chars: Vec<(usize, usize)> = self.text[start..end]
            .char_indices()
            .map(|(i, c)| (start + i, start + i + c.len_utf8()))
            .collect();
        if chars.len() == 1 {
            self.token = self.make(start, end);
            return true;
        }
        for pair in chars.windows(2) {
            let token = self.make(pair[0].0, pair[1].1);
            self.pending.push_back(token);
        }
        match self.pending.pop_front() {
            Some(first) => {
                self.token = first;
                true
            }
            None => false,
        }
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
