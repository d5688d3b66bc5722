//! Bylines written in the page's text, apart from the cascade that decides which source signs:
//! a lead word ("By", "Von", "Par", "Written by", "Autor:") before names in a short block, a
//! one-word name dated after its lead, Chinese 作者/记者 labels, a labelled line of a long block.

use std::sync::LazyLock;

use regex::Regex;

use super::name_words::CREDIT_WORDS;
use super::names::{DETERMINERS, clean, is_role, leading_names};

/// What may stand right before "by"/"von" when it does not introduce the author.
const CREDITS: &[&str] = &[
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "image",
    "images",
    "illustration",
    "illustrations",
    "video",
    "credit",
    "design",
    "designed",
    "powered",
    "theme",
    "made",
    "built",
    "hosted",
    "sponsored",
    "presented",
    "supported",
    "unterstützt",
    "cover",
    "translated",
    "kommentar",
    "comment",
    "antwort",
    "reply",
    "übersetzt",
    "seite",
    "page",
];

pub(super) static TEXT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s|•·,:(])(written by|posted by|published by|reported by|reviewed by|story by|words by|text by|article by|geschrieben von|veröffentlicht von|eingestellt von|verfasst von|ein beitrag von|ein artikel von|text von|publié par|escrit par|escrito por|publicado por|scritto da|by|von|par|por|door|autor|autorin|autoren|author|authors|auteur|text|redaktion\s*:)(?:\s*:\s*|\s+)",
    )
    .expect("static regex")
});

/// Where a block that starts with "By"/"Von" run into a capitalised name ("ByAlex") splits.
fn glued_lead(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix("By")
        .or_else(|| text.strip_prefix("Von"))?;
    let mut chars = rest.chars();
    let second = |c: char| c.is_lowercase() || c == '.';
    (chars.next()?.is_uppercase() && chars.next().is_some_and(second))
        .then(|| text.len() - rest.len())
}

/// Authors named in the page's short text blocks: "By Jane Doe", "Posted on … by Jane Doe", "Von
/// Max Muster", "Autor: …", or a "Written by" line followed by the name. The first block that
/// yields a name wins.
pub fn from_text<'a>(blocks: impl Iterator<Item = &'a str>) -> Vec<String> {
    text_bylines(blocks, false)
}

/// [`from_text`]; `strict`: every lead word, "Von" and "Written by" alike, must open the line or
/// follow a separator or a date.
pub(super) fn text_bylines<'a>(blocks: impl Iterator<Item = &'a str>, strict: bool) -> Vec<String> {
    let mut label_before = false;
    // a one-word name dated after its lead, taken when no block names anyone in full
    let mut dated: Option<String> = None;
    for text in blocks {
        // "ByAlex Bozarjian": the lead and the name in adjacent inline elements
        let spaced;
        let text = match glued_lead(text) {
            Some(n) => {
                spaced = format!("{} {}", &text[..n], &text[n..]);
                spaced.as_str()
            }
            None => text,
        };
        if let Some(name) = cjk_byline(text) {
            return vec![name];
        }
        if text.len() > 140 {
            label_before = false;
            if let Some(found) = long_block_byline(text) {
                return found;
            }
            continue;
        }
        if label_before {
            let mut found = clean(&[leading_names(text)], None);
            found.retain(|n| n.split_whitespace().count() >= 2);
            if !found.is_empty() {
                return found;
            }
        }
        let lower = text.trim().trim_end_matches(':').trim().to_lowercase();
        label_before = matches!(
            lower.as_str(),
            "written by"
                | "by"
                | "author"
                | "authors"
                | "autor"
                | "autorin"
                | "autoren"
                | "auteur"
                | "von"
                | "posted by"
                | "text"
                | "reviewed by"
                | "article by"
                | "words by"
                | "story by"
                | "post by"
                | "verfasst von"
                | "geschrieben von"
        );
        if label_before {
            continue;
        }
        for m in TEXT_LEAD.find_iter(text) {
            let before = text[..m.start()].trim_end();
            let prev = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if CREDITS.contains(&prev.as_str()) {
                continue;
            }
            // a bare "by"/"von" introduces the author at the start of the line or after a
            // separator or a date, not inside a phrase ("Nordish by Nature", "von Pestiziden")
            let lead = m.as_str().trim_start_matches(|c: char| !c.is_alphabetic());
            let inside = !before.is_empty()
                && !before.ends_with(|c: char| c.is_ascii_digit() || "|•·,–—-".contains(c));
            if inside && (strict || lead.trim_end().ends_with(':')) {
                continue;
            }
            let rest = &text[m.end()..];
            let names = leading_names(rest);
            let mut found = clean(std::slice::from_ref(&names), None);
            // one capitalised word after "von" is as often a noun as a name
            found.retain(|n| n.split_whitespace().count() >= 2);
            // inside a phrase, a one-word lead names the author only when the names end it
            // ("Eine Kolumne von Jan Roe", not "… die frühere Version von Sharon Stone nicht.")
            let in_phrase = inside
                && !lead.trim_end().contains(' ')
                && text
                    .trim_end()
                    .ends_with(['.', '!', '?', '“', '”', '"', '»', '«'])
                && !ends_phrase(rest, &names);
            if !found.is_empty() && !in_phrase {
                return found;
            }
            // but one word dated right after it is a (user) name: "Geschrieben von Cooper am
            // 25.08.2015", "Gespeichert von rasos am 24. Juli 2017", "Beitrag von r23 » 21.01.2009"
            if dated.is_none() {
                dated = dated_word(&text[m.end()..]).or_else(|| after_date(before, rest));
            }
        }
    }
    dated.into_iter().collect()
}

/// Do the `names` at the start of `rest` end its line, or does a separator, a date or a
/// capitalised word follow them, rather than a sentence going on ("Sharon Stone nicht.")?
fn ends_phrase(rest: &str, names: &str) -> bool {
    let line = rest.trim_start().lines().next().unwrap_or("");
    let next = line
        .split_whitespace()
        .nth(names.split_whitespace().count());
    next.is_none_or(|w| {
        !w.starts_with(char::is_lowercase)
            || matches!(w, "am" | "on" | "at" | "le" | "el" | "um" | "den")
    })
}

/// The one word at the start of `rest` when a date follows it, after "am"/"on"/"le"/"el" or a
/// separator: "Cooper am 25.08.2015", "r23 » 21.01.2009", "Dominique — veröffentlicht 28.01.2022".
fn dated_word(rest: &str) -> Option<String> {
    let (word, after) = rest.trim_start().split_once(char::is_whitespace)?;
    let word = word.trim_end_matches(',');
    let lower = word.to_lowercase();
    let shaped = (2..=30).contains(&word.chars().count())
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "._-".contains(c))
        && !DETERMINERS.contains(&lower.as_str())
        && !is_role(word);
    if !shaped {
        return None;
    }
    let after = after.trim_start();
    // "Posted by Konstantin @ 12:00 am": a blog theme's time of posting
    if let Some(time) = after.strip_prefix('@') {
        return clock_time(time.trim_start()).then(|| word.to_string());
    }
    let after = [
        "am ", "on ", "le ", "el ", "»", "—", "–", "|", "-", "·", "•", ",",
    ]
    .iter()
    .find_map(|c| after.strip_prefix(c))?;
    let head: String = after.chars().take(40).collect();
    (super::dates::parse_text(&head).is_some() || numeric_date(&head)).then(|| word.to_string())
}

/// Does `s` open with a time of day in figures ("12:00 am", "9:45")?
fn clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&hours)
        && b.get(hours) == Some(&b':')
        && b.len() >= hours + 3
        && b[hours + 1..hours + 3].iter().all(u8::is_ascii_digit)
}

/// One capitalised word after a lead that a date (and time) comes right before, alone to the
/// end of the line or before a picture credit: "06.11.2023 13:30 von Olga".
fn after_date(before: &str, rest: &str) -> Option<String> {
    if !before.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    super::dates::parse_text(&before[start..])?;
    let line = rest.lines().next().unwrap_or("");
    let mut words = line.split_whitespace();
    let word = words.next()?;
    let next = words.next();
    let shaped = word.starts_with(char::is_uppercase)
        && (2..=30).contains(&word.chars().count())
        && word.chars().all(char::is_alphanumeric)
        && !DETERMINERS.contains(&word.to_lowercase().as_str())
        && !is_role(word);
    let alone = next.is_none_or(|n| {
        let n = n.to_lowercase();
        CREDIT_WORDS.contains(&n.as_str()) || n.starts_with(['|', '•', '·', '–', '—', '-', '('])
    });
    (shaped && alone).then(|| word.to_string())
}

/// Chinese labels of the author, the reporter and the editor in charge ("责任编辑：焦鹏").
const CJK_LABELS: &[&str] = &["作者", "记者", "記者", "责任编辑", "責任編輯"];

/// The first UTF-8 byte of every label in [`CJK_LABELS`]: a block with neither holds no label.
const CJK_LABEL_LEADS: [u8; 2] = [0xE4, 0xE8];

/// A Chinese label, a colon and a name of two to four Han characters ending the line
/// ("【纠错】 责任编辑：焦鹏").
fn cjk_byline(text: &str) -> Option<String> {
    if !text.bytes().any(|b| CJK_LABEL_LEADS.contains(&b)) {
        return None;
    }
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let rest = CJK_LABELS.iter().find_map(|l| {
        let (before, rest) = text.split_once(l)?;
        (!before.ends_with(han)).then_some(rest)
    })?;
    let name = rest.trim_start().strip_prefix(['：', ':'])?.trim();
    ((2..=4).contains(&name.chars().count()) && name.chars().all(han)).then(|| name.to_string())
}

/// "26/10/13, 03:48 pm": a day, month and two- or four-digit year in figures.
fn numeric_date(s: &str) -> bool {
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    let parts: Vec<&str> = first.split(['/', '.', '-']).collect();
    matches!(parts.as_slice(), [d, m, y]
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && matches!(y.len(), 2 | 4)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

/// A block over the length limit whose lines are split by `<br>` ("Datum: 19.11.2021\nAutor:
/// Fritz Imhof\nQuelle: …"): a line among its first or last three that opens with a lead word or
/// label, followed by a name of two words or more.
fn long_block_byline(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let tail = lines.len().saturating_sub(3).max(3);
    lines[..lines.len().min(3)]
        .iter()
        .chain(lines.get(tail..).unwrap_or_default())
        .filter(|l| l.len() <= 140)
        .find_map(|line| {
            let m = TEXT_LEAD.find(line).filter(|m| m.start() == 0)?;
            let mut found = clean(&[leading_names(&line[m.end()..])], None);
            found.retain(|n| n.split_whitespace().count() >= 2);
            (!found.is_empty()).then_some(found)
        })
}

/// A user name dated right after a byline's lead: "von lupa am 26/10/13, 03:48 pm".
pub(super) fn dated_byline(text: &str) -> Option<String> {
    TEXT_LEAD
        .find_iter(text)
        .find_map(|m| dated_word(&text[m.end()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cjk_label_opens_with_a_listed_lead_byte() {
        for label in CJK_LABELS {
            assert!(CJK_LABEL_LEADS.contains(&label.as_bytes()[0]), "{label}");
        }
    }
}
