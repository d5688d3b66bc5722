//! Text analysis shared by indexing, querying and snippets: how text becomes terms. Keeping it in
//! one place is what makes a query word meet the same term the indexer wrote.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, PreTokenizedString, RawTokenizer, RemoveLongFilter,
    Stemmer, TextAnalyzer, Token, TokenizerManager,
};

use super::tokenizer::WordTokenizer;

/// Words of this many bytes or more are dropped (base64 blobs, run-together junk).
pub const MAX_TOKEN_BYTES: usize = 80;

/// The analyzer of exact fields: words (CJK as bigrams), lower-cased, accents folded. No
/// stemming, no stopwords.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The analyzer of keyword fields: the whole value as one term, lower-cased and folded.
pub fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers morgue's tokenizers with an index.
pub fn register(manager: &TokenizerManager) {
    manager.register(super::schema::EXACT_TOKENIZER, exact_analyzer());
    manager.register(super::schema::KEYWORD_TOKENIZER, keyword_analyzer());
}

/// The stemmer for an article language (ISO 639-1). Unknown language → English (most news
/// archives, and the extractor detects the language when the page does not say); a known language
/// without a stemmer (e.g. `zh`) → `None`: words are indexed unstemmed.
pub fn stem_language(lang: Option<&str>) -> Option<Language> {
    let lang = lang.unwrap_or("und").to_ascii_lowercase();
    let base = lang.split(['-', '_']).next().unwrap_or("");
    Some(match base {
        "" | "und" | "en" => Language::English,
        "ar" => Language::Arabic,
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "el" => Language::Greek,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "ro" => Language::Romanian,
        "ru" => Language::Russian,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        "ta" => Language::Tamil,
        "tr" => Language::Turkish,
        _ => return None,
    })
}

/// The analyzer of stemmed fields for one language: words, lower-cased, stemmed, then folded
/// (stemmers expect the language's own letters).
pub fn stem_analyzer(language: Option<Language>) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(WordTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser);
    match language {
        Some(language) => builder
            .filter(Stemmer::new(language))
            .filter(AsciiFoldingFilter)
            .build(),
        None => builder.filter(AsciiFoldingFilter).build(),
    }
}

/// Runs an analyzer over a text and returns its tokens (with byte offsets into `text`).
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// Analyzed text ready for a stemmed field.
pub fn pre_tokenized(analyzer: &mut TextAnalyzer, text: &str) -> PreTokenizedString {
    PreTokenizedString {
        text: String::new(),
        tokens: tokens(analyzer, text),
    }
}

/// The terms of `text` under an analyzer, text only.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    tokens(analyzer, text).into_iter().map(|t| t.text).collect()
}

/// A site and all its parent domains with at least two labels:
/// `news.example.co.uk` → `news.example.co.uk`, `example.co.uk`, `co.uk`.
pub fn site_domains(site: &str) -> Vec<String> {
    let site = normalize_site(site);
    let mut out = Vec::new();
    let mut rest = site.as_str();
    while rest.contains('.') {
        out.push(rest.to_string());
        match rest.split_once('.') {
            Some((_, tail)) => rest = tail,
            None => break,
        }
    }
    if out.is_empty() && !site.is_empty() {
        out.push(site);
    }
    out
}

/// A site as the user may write it (`https://www.Example.com/x`, `www.example.com.`) → `example.com`.
pub fn normalize_site(site: &str) -> String {
    let s = site.trim().to_lowercase();
    let s = s.split_once("://").map(|(_, rest)| rest).unwrap_or(&s);
    let s = s.split(['/', '?', '#']).next().unwrap_or("");
    let s = s.rsplit_once('@').map(|(_, host)| host).unwrap_or(s);
    let s = s.trim_end_matches('.');
    s.strip_prefix("www.").unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_folds_case_and_accents_but_does_not_stem() {
        let mut a = exact_analyzer();
        assert_eq!(
            terms(&mut a, "Peskóv's Changes, OF the"),
            ["peskov", "s", "changes", "of", "the"]
        );
    }

    #[test]
    fn stemming_follows_language() {
        let mut en = stem_analyzer(stem_language(Some("en")));
        assert_eq!(terms(&mut en, "changes running"), ["chang", "run"]);
        let mut de = stem_analyzer(stem_language(Some("de")));
        assert_eq!(terms(&mut de, "Häuser"), ["haus"]);
        assert!(stem_language(Some("zh")).is_none());
        assert_eq!(stem_language(None), Some(Language::English));
    }

    #[test]
    fn sites_include_parent_domains() {
        assert_eq!(
            site_domains("news.example.com"),
            ["news.example.com", "example.com"]
        );
        assert_eq!(site_domains("localhost"), ["localhost"]);
        assert_eq!(normalize_site("https://WWW.Example.com/a/b"), "example.com");
    }
}
