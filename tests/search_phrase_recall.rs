//! Exactness: phrase, phrase-prefix and `--exact` word queries return exactly the documents a
//! brute-force scan of the texts finds, on a pseudo-random corpus dense in stopwords, punctuation
//! and inflected forms (the traps: stopword phrases, stemming, the 50-term prefix expansion).

use chrono::Utc;
use morgue::extract::Article;
use morgue::index::{Index, StoredArticle};
use morgue::search::{SearchRequest, search};

const VOCAB: &[&str] = &[
    "of", "the", "to", "be", "or", "not", "a", "in", "talks", "talk", "talked", "talking",
    "secret", "climate", "change", "changes", "changed", "chaos", "chart", "chance", "channel",
    "Café", "cafe", "U.S.", "e-mail", "harbour", "state", "union", "officer", "company",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Lower-case, fold the one accent of the vocabulary, split on anything not alphanumeric.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('é', "e")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn contains_phrase(text: &[String], phrase: &[String], prefix: bool) -> bool {
    let n = phrase.len();
    text.windows(n).any(|w| {
        w.iter().zip(phrase).enumerate().all(|(i, (a, b))| {
            if prefix && i == n - 1 {
                a.starts_with(b.as_str())
            } else {
                a == b
            }
        })
    })
}

#[test]
fn phrases_and_exact_words_match_a_brute_force_scan() {
    let mut rng = Rng(7);
    let texts: Vec<String> = (0..400)
        .map(|_| {
            let len = 5 + rng.next(40);
            let mut t = String::new();
            for _ in 0..len {
                t.push_str(VOCAB[rng.next(VOCAB.len())]);
                t.push_str([" ", " ", ", ", ". ", " -- ", "\n\n"][rng.next(6)]);
            }
            t
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    for (i, text) in texts.iter().enumerate() {
        let url = format!("https://r.example/{i}");
        w.upsert(&StoredArticle {
            id: morgue::identity::article_id(&url),
            article: Article {
                url: Some(url),
                lang: Some("en".into()),
                text: text.clone(),
                ..Article::default()
            },
            fetched_at: Utc::now(),
            http_status: 200,
            location: None,
        })
        .unwrap();
        if i % 100 == 99 {
            w.commit().unwrap(); // several segments
        }
    }
    w.commit().unwrap();
    let tokenized: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
    let count = |query: &str, exact: bool| {
        let request = SearchRequest {
            query: query.into(),
            limit: 0,
            exact,
            ..Default::default()
        };
        search(&index, &request).unwrap().total
    };
    let mut checked = 0;
    for _ in 0..60 {
        // A phrase taken from a random document.
        let doc = &tokenized[rng.next(tokenized.len())];
        let n = 2 + rng.next(3);
        if doc.len() < n {
            continue;
        }
        let at = rng.next(doc.len() - n + 1);
        let phrase: Vec<String> = doc[at..at + n].to_vec();
        let expected = tokenized
            .iter()
            .filter(|t| contains_phrase(t, &phrase, false))
            .count();
        let q = format!("\"{}\"", phrase.join(" "));
        assert_eq!(count(&q, false), expected, "{q}");
        // The same phrase with its last word cut to a prefix.
        let mut cut = phrase.clone();
        let last = cut.last_mut().unwrap();
        if last.len() > 2 {
            last.truncate(2);
            let expected = tokenized
                .iter()
                .filter(|t| contains_phrase(t, &cut, true))
                .count();
            let q = format!("\"{}\"*", cut.join(" "));
            assert_eq!(count(&q, false), expected, "{q}");
        }
        checked += 1;
    }
    assert!(checked > 40);
    for word in ["talks", "the", "changes", "cafe", "café"] {
        let w = words(word);
        let expected = tokenized.iter().filter(|t| t.contains(&w[0])).count();
        assert_eq!(count(word, true), expected, "--exact {word}");
    }
    // A plain word is stemmed: talk, talks, talked and talking all stem to `talk`.
    let forms = tokenized
        .iter()
        .filter(|t| {
            t.iter()
                .any(|w| ["talk", "talks", "talked", "talking"].contains(&w.as_str()))
        })
        .count();
    assert_eq!(count("talks", false), forms);
}
