//! Tests of snippets: passage choice, phrase spans, offsets after whitespace collapsing.

use super::*;
use crate::search::query::parse;

fn snip(query: &str, text: &str) -> Snippet {
    Highlighter::new(&parse(query).unwrap(), &["en".to_string()], false).snippet(text, Some("en"))
}

fn marked(s: &Snippet) -> Vec<&str> {
    s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
}

#[test]
fn phrase_is_one_span_and_words_are_stemmed() {
    let s = snip(
        "\"of the\" running",
        "He runs. Most of the time he ran; running is fun.",
    );
    assert_eq!(marked(&s), ["runs", "of the", "running"]);
}

#[test]
fn best_passage_is_chosen_and_cut_at_words() {
    let filler = "lorem ipsum dolor sit amet ".repeat(30);
    let text = format!(
        "{filler}The secret talks began.\n\n  Nobody knew about the secret talks. {filler}"
    );
    let s = snip("\"secret talks\"", &text);
    assert!(s.text.starts_with("… "), "{}", s.text);
    assert!(s.text.ends_with(" …"), "{}", s.text);
    assert!(s.text.len() <= SNIPPET_BYTES + 12);
    assert_eq!(marked(&s), ["secret talks", "secret talks"]);
    assert!(!s.text.contains("  ") && !s.text.contains('\n'));
}

#[test]
fn multibyte_text_keeps_valid_ranges() {
    let s = snip("peskov", "Дмитрий — «Peskóv» — ответил. Peskov again.");
    assert_eq!(marked(&s), ["Peskóv", "Peskov"]);
}

#[test]
fn no_match_gives_the_opening() {
    let s = snip("title:x", "First words of the article. More words follow.");
    assert!(s.highlights.is_empty());
    assert!(s.text.starts_with("First words"));
}

#[test]
fn fragments_are_separate_passages_in_text_order() {
    let filler = "lorem ipsum dolor sit amet ".repeat(20);
    let text = format!("alpha one. {filler} beta two. {filler} alpha beta.");
    let h = Highlighter::new(&parse("alpha OR beta").unwrap(), &[], false);
    let f = h.fragments(&text, None, 3);
    assert_eq!(f.len(), 3);
    assert!(f[0].text.contains("alpha one"));
    assert!(f[2].text.contains("alpha beta"));
}

#[test]
fn negated_words_are_not_highlighted() {
    let s = snip("talks -secret", "secret talks");
    assert_eq!(marked(&s), ["talks"]);
    assert_eq!(edit_distance("putin", "putn"), 1);
}

#[test]
fn a_long_text_is_read_near_the_first_query_word() {
    let filler = "uuencoded picture data follows here ".repeat(2000); // ~72 KB
    let text = format!("{filler}Then the NTGS format was named. {filler}the ntgs again.");
    let s = snip("ntgs", &text);
    assert_eq!(marked(&s), ["NTGS"]);
    assert!(s.text.contains("NTGS format was named"), "{}", s.text);
}

#[test]
fn a_long_text_whose_match_has_no_plain_spelling_is_read_whole() {
    // the query word is written with an accent only: no byte search finds it, the whole text
    // is tokenized as before
    let filler = "plain words without the name ".repeat(2000);
    let s = snip(
        "peskov",
        &format!("{filler}Dmitry Peskóv said so. {filler}"),
    );
    assert_eq!(marked(&s), ["Peskóv"]);
}

#[test]
fn words_skipped_by_their_first_letter_keep_phrase_positions() {
    // Upper-case and accented first letters still match; a phrase must not leap over a word
    // that was skipped without analysis ("Élan x vital" is not "élan vital").
    let s = snip(
        "\"elan vital\" tokyo",
        "Élan x vital. ELAN VITAL! Tokyo élan vital.",
    );
    assert_eq!(marked(&s), ["ELAN VITAL", "Tokyo", "élan vital"]);
    // CJK bigrams and a word too long to be a term
    let long = "a".repeat(90);
    let s = snip("会议 aaa", &format!("在东京的会议。{long} aaa"));
    assert_eq!(marked(&s), ["会议", "aaa"]);
}
