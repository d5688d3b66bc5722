//! Dates: parsing the many ways pages write them (ISO 8601, RFC 2822, "25 October 2024",
//! "Oct. 25, 2024", "25.10.2024", "25 de octubre de 2024"…) into the page's own offset, and the
//! plausibility bounds that keep copyright years and phone numbers out.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

/// A date written in text before 1995 is a birthday, a founding year, history: not when a web
/// page was published.
const MIN_YEAR: i32 = 1995;
/// A date a page declares (metadata, `datetime`, its URL) may be much older: archives hold
/// digitised articles, and a 1987 wire story says 1987.
const MIN_DECLARED_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2035;

fn midnight(date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    plausible(at_midnight(date)?)
}

fn at_midnight(date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    let utc = FixedOffset::east_opt(0)?;
    utc.from_local_datetime(&date.and_time(NaiveTime::MIN))
        .single()
}

/// A date written in text, within the years of the web.
fn plausible(d: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    use chrono::Datelike;
    (MIN_YEAR..=MAX_YEAR).contains(&d.year()).then_some(d)
}

/// A declared date: older years too, but not the values systems write for "no date" (the Unix
/// epoch, 1900-01-01).
fn declared(d: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    use chrono::Datelike;
    let placeholder = d.timestamp() == 0 || (d.year(), d.month(), d.day()) == (1900, 1, 1);
    ((MIN_DECLARED_YEAR..=MAX_YEAR).contains(&d.year()) && !placeholder).then_some(d)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

static ISO_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})").expect("static regex"));

/// Parses a machine-readable date (meta `content`, `datetime`, JSON-LD): ISO 8601 with or without
/// offset, RFC 2822, compact `YYYYMMDD`, Unix seconds. Naive times are taken as +00:00.
pub fn parse_machine(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 || !has_digit(s) {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return declared(d);
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return declared(d);
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return declared(d);
    }
    let utc = FixedOffset::east_opt(0)?;
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%MZ",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return declared(utc.from_local_datetime(&n).single()?);
        }
    }
    if let Some(c) = ISO_PREFIX.captures(s) {
        return declared(at_midnight(ymd(
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
        )?)?);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return declared(at_midnight(ymd(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        )?)?);
    }
    if (9..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = s.parse().ok()?;
        return declared(DateTime::from_timestamp(secs, 0)?.fixed_offset());
    }
    if let Some(c) = YEAR_MONTH_DAY.captures(s)
        && let Some(m) = month(&c[2])
    {
        return declared(at_midnight(ymd(
            c[1].parse().ok()?,
            m,
            c[3].parse().ok()?,
        )?)?);
    }
    parse_text(s)
}

/// "2023 Jan 7", the order of library catalogues (`citation_publication_date`), read only in
/// declared values: in text, "2023 March 5" is rare and "2023 May 5,000 …" is not a date.
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)\d{2})\s+(\p{L}+)\.?\s+(\d{1,2})$").expect("static regex")
});

/// Every date form read here has ASCII digits (a day, a year): text without any is skipped
/// before the regexes, which are the bulk of the cascade's time.
fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Month names and abbreviations, lower case: English, German, French, Spanish, Italian,
/// Portuguese, Dutch, Polish, Czech, Russian, and the forms dates take in Romanian, Finnish,
/// Turkish, Swedish, Norwegian, Indonesian, Ukrainian and Greek ("5. tammikuuta 2021", "5 Mart 2021").
pub(super) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    #[rustfmt::skip]
    const MONTHS: &[(&[&str], u32)] = &[
        (&["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
            "janeiro", "januari", "stycznia", "styczeń", "leden", "ledna", "январь", "января", "ianuarie", "tammikuuta", "ocak", "січня", "ιανουαρίου"], 1),
        (&["february", "feb", "febr", "februar", "février", "fevrier", "févr", "fev", "febrero",
            "febbraio", "fevereiro", "februari", "lutego", "luty", "únor", "února", "февраль",
            "февраля", "februarie", "helmikuuta", "şubat", "лютого", "φεβρουαρίου"], 2),
        (&["march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marca", "marzec",
            "březen", "března", "март", "марта", "martie", "maaliskuuta", "mart", "maret", "березня", "μαρτίου"], 3),
        (&["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
            "duben", "dubna", "апрель", "апреля", "aprilie", "huhtikuuta", "nisan", "квітня", "απριλίου"], 4),
        (&["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "květen",
            "května", "май", "мая", "toukokuuta", "mayıs", "травня", "μαΐου"], 5),
        (&["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca",
            "czerwiec", "červen", "června", "июнь", "июня", "iunie", "kesäkuuta", "haziran", "червня", "ιουνίου"], 6),
        (&["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca",
            "lipiec", "červenec", "července", "июль", "июля", "iulie", "heinäkuuta", "temmuz", "липня", "ιουλίου"], 7),
        (&["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień",
            "srpen", "srpna", "август", "августа", "augusti", "agustus", "elokuuta", "ağustos", "серпня", "αυγούστου"], 8),
        (&["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro",
            "września", "wrzesień", "září", "сентябрь", "сентября", "septembrie", "syyskuuta", "eylül", "вересня", "σεπτεμβρίου"], 9),
        (&["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
            "out", "października", "październik", "říjen", "října", "октябрь", "октября", "octombrie", "lokakuuta", "ekim", "жовтня", "οκτωβρίου"], 10),
        (&["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
            "ноябрь", "ноября", "noiembrie", "marraskuuta", "kasım", "listopadu", "листопада", "νοεμβρίου"], 11),
        (&["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
            "dic", "dicembre", "dezembro", "grudnia", "grudzień", "prosinec", "prosince",
            "декабрь", "декабря", "decembrie", "desember", "joulukuuta", "aralık", "грудня", "δεκεμβρίου"], 12),
    ];
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&w.as_str()))
        .map(|(_, m)| *m)
}

// The month word is a whole run of letters (`\p{L}+`, 3 to 12 of them: see `month_word`); written
// as `\p{L}{3,12}` the two patterns took 8 and 7 ms to compile, once per process. The day may
// follow a letter directly: inline elements are joined without a space ("Original Research" and
// "7 April 2020" in two `<span>`s read "Original Research7 April 2020"); not a digit ("15" is no "5").
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)|[a-z])([0-9]{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\p{L}+\.?),?\s+(?:de\s+)?([0-9]{4})(?-u:\b)",
    )
    .expect("static regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\p{L}+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})(?-u:\b)")
        .expect("static regex")
});

/// "04-ago-2021", "19-Dec-2025": the day, the month's word and the year joined by hyphens.
static DAY_MONTH_YEAR_HYPHENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})-(\p{L}+)\.?-([0-9]{4})(?-u:\b)").expect("static regex")
});

/// Whether a captured month word has 3 to 12 letters (a trailing period aside).
fn month_word(word: &str) -> bool {
    (3..=12).contains(&word.trim_end_matches('.').chars().count())
}
// year first: "2024-10-25", and with two-digit month and day "2024.10.25", "2024/10/25"
static ISO_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)[0-9]{2})(?:-([0-9]{2})-([0-9]{2})|\.([0-9]{2})\.([0-9]{2})|/([0-9]{2})/([0-9]{2}))(?-u:\b)")
        .expect("static regex")
});
static NUMERIC_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:$|[^\d.]|\.\s)").expect("static regex")
});
static DAY_MONTH_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\.?\s+(\p{L}+)\s+([0-3]\d)\s*(?:$|[)\]|,;])").expect("static regex")
});
// "25.10.2024", "10/25/2024", and "26 | 01 | 2022" (pipes between the parts, day first)
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([0-9]{1,2})([./]|\s\||-)\s?([0-9]{1,2})([./]|\s\||-)\s?((?:19|20)[0-9]{2})(?-u:\b)",
    )
    .expect("static regex")
});

/// "2019年6月24日" (Chinese, Japanese), "2019년 6월 24일" (Korean).
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*[年년]\s*([0-9]{1,2})\s*[月월]\s*([0-9]{1,2})\s*[日일]")
        .expect("static regex")
});

/// The dates of [`first_date`] whose year is written with four digits, pushed onto `found`.
fn four_digit_year_dates(s: &str, found: &mut Vec<(usize, usize, NaiveDate)>) -> Option<()> {
    if let Some(c) = ISO_ANY.captures(s)
        && let Some((m, d)) = [(2, 3), (4, 5), (6, 7)]
            .into_iter()
            .find_map(|(m, d)| Some((c.get(m)?.as_str(), c.get(d)?.as_str())))
        && let Some(d) = ymd(c[1].parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    {
        let m = c.get(0)?;
        found.push((m.start(), m.end(), d));
    }
    // "5 March 2020" and "March 5, 2020": the groups of the day and of the month word
    for (pattern, day, word) in [(&DAY_MONTH_YEAR, 1, 2), (&MONTH_DAY_YEAR, 2, 1)] {
        for c in pattern
            .captures_iter(s)
            .filter(|c| month_word(&c[word]))
            .take(4)
        {
            if let (Some(m), Ok(d), Ok(y)) = (month(&c[word]), c[day].parse(), c[3].parse())
                && let Some(date) = ymd(y, m, d)
            {
                let m = c.get(0)?;
                // the day-first pattern may take a letter glued before the day: it starts at the day
                let start = if day == 1 {
                    c.get(1)?.start()
                } else {
                    m.start()
                };
                found.push((start, m.end(), date));
                break;
            }
        }
    }
    // "04-ago-2021", "19-Dec-2025": day, month word and year joined by hyphens
    if s.contains('-') {
        for c in DAY_MONTH_YEAR_HYPHENS
            .captures_iter(s)
            .filter(|c| month_word(&c[2]))
            .take(4)
        {
            if let (Some(m), Ok(d), Ok(y)) = (month(&c[2]), c[1].parse(), c[3].parse())
                && let Some(date) = ymd(y, m, d)
            {
                let m = c.get(0)?;
                found.push((m.start(), m.end(), date));
                break;
            }
        }
    }
    // "2019年6月24日", "2019년 6월 24일": year, month and day each followed by its sign
    if (s.contains('年') || s.contains('년'))
        && let Some(c) = CJK.captures(s)
        && let Some(date) = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    {
        let m = c.get(0)?;
        found.push((m.start(), m.end(), date));
    }
    // "01-04-2024" only with a hyphen on both sides (not "2-3 May 10-2024")
    if let Some(c) = NUMERIC
        .captures_iter(s)
        .find(|c| (&c[2] == "-") == (&c[4] == "-"))
    {
        let (a, b, y): (u32, u32, i32) =
            (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        let date = if &c[2] == "/" && a <= 12 && b > 12 {
            ymd(y, a, b)
        } else {
            ymd(y, b, a).or_else(|| ymd(y, a, b))
        };
        if let Some(date) = date {
            let m = c.get(0)?;
            found.push((m.start(), m.end(), date));
        }
    }
    Some(())
}

fn has_four_digits(s: &str) -> bool {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// Finds the first plausible date written for people in a piece of text.
pub fn parse_text(s: &str) -> Option<DateTime<FixedOffset>> {
    first_date(s).and_then(|(_, _, d)| midnight(d))
}

/// Words that say the date after them is a revision, not the publication: "Updated Jan 5, 2026".
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "revised",
    "reviewed",
    "aktualisiert",
    "geändert",
    "letzte änderung",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualizada",
    "actualización",
    "aggiornato",
    "aggiornamento",
    "zaktualizowano",
    "aktualizacja",
    "bijgewerkt",
];

/// The first date in a piece of text that is not labelled as an update ("Published Oct 5, 2024 ·
/// Updated Nov 2, 2024" gives Oct 5), with `false`; else the first update date with `true`
/// ("Updated Nov 2, 2024").
pub fn published_in_text(s: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let mut update = None;
    for (d, label) in labelled_dates(s) {
        if label == Some(Label::Update) {
            update = update.or(Some(d));
            continue;
        }
        return Some((d, false));
    }
    update.map(|d| (d, true))
}

/// The first date in a piece of text that a label says is the publication ("Erschienen am:
/// 01.11.2023", "Published: …").
pub fn labelled_published(s: &str) -> Option<DateTime<FixedOffset>> {
    // most blocks hold no label: one search spares them the date patterns
    if !PUBLISH_LABEL.is_match(s) && !PUBLISHED_AFTER.is_match(s) {
        return None;
    }
    labelled_dates(s)
        .find(|(_, label)| *label == Some(Label::Publish))
        .map(|(d, _)| d)
        .or_else(|| {
            // "… wurde am 19. Mai 2010 um 23:03 Uhr veröffentlicht": the participle after the date
            let (_, end, d) = first_date(s)?;
            let mut cut = (end + 40).min(s.len());
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            PUBLISHED_AFTER
                .is_match(&s[end..cut])
                .then(|| midnight(d))
                .flatten()
        })
}

static PUBLISHED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| any_label(&["veröffentlicht", "gepostet", "publiziert", "erschienen"]));

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Publish,
    Update,
}

/// The plausible dates of a piece of text in order, each with the label just before it (the
/// label closest to the date decides: "Published … | Updated" before a date is an update).
fn labelled_dates(s: &str) -> impl Iterator<Item = (DateTime<FixedOffset>, Option<Label>)> + '_ {
    let mut rest = s;
    std::iter::from_fn(move || {
        loop {
            let (start, end, d) = first_date(rest)?;
            let before = &rest[..start];
            rest = &rest[end..];
            let Some(d) = midnight(d) else {
                continue;
            };
            let before = before.to_lowercase();
            let t = before.trim_end_matches([' ', ':', '-', '·', '|', '\n']);
            let cut = t.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
            let tail = &t[cut..];
            let update_at = UPDATE_LABELS.iter().filter_map(|l| tail.rfind(l)).max();
            let publish_at = PUBLISH_LABELS.iter().filter_map(|l| tail.rfind(l)).max();
            let label = match (update_at, publish_at) {
                (Some(u), p) if p.is_none_or(|p| u > p) => Some(Label::Update),
                (_, Some(_)) => Some(Label::Publish),
                _ => None,
            };
            return Some((d, label));
        }
    })
}

/// A line that is only a publication or update label and a month of a year ("Last Updated: June
/// 2022", "Published: March 2021", "Stand: Oktober 2013"): the first of that month.
pub fn labelled_month(s: &str) -> Option<DateTime<FixedOffset>> {
    if s.len() > 60 || !has_four_digits(s) {
        return None;
    }
    let lower = s.trim().to_lowercase();
    // where the last label ends, a label being a whole word ("stand", not "understand")
    let at = PUBLISH_LABELS
        .iter()
        .chain(UPDATE_LABELS)
        .chain(&["stand"])
        .filter_map(|l| {
            let i = lower.rfind(l)?;
            let word = !lower[..i].ends_with(char::is_alphabetic);
            word.then_some(i + l.len())
        })
        .max()?;
    let rest = lower[at..].trim_start_matches([' ', ':']);
    let rest = rest.strip_prefix("on ").unwrap_or(rest);
    let mut words = rest.split([' ', ',']).filter(|w| !w.is_empty());
    let (m, y) = (words.next()?, words.next()?);
    if words.next().is_some() || y.len() != 4 || !month_word(m) {
        return None;
    }
    midnight(ymd(y.parse().ok()?, month(m)?, 1)?)
}

/// Labels of dates that are not a page's publication: a forum's clock and its members' join
/// dates ("Aktuelle Zeit: 14.10.2020, 12:18", "Registriert: 18.09.2008").
static OTHER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    any_label(&[
        "aktuelle zeit",
        "aktuelles datum",
        "it is currently",
        "current time",
        "current date",
        "registriert",
        "registered",
        "joined",
        "mitglied seit",
        "member since",
        "dabei seit",
        "inscrit le",
        "registrado",
    ])
});

/// Whether a line heads a comment section: "12 Comments", "Leave a Reply", "3 thoughts on
/// “…”", "Kommentare (4)". The dates after it are commenters'.
pub fn comments_heading(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "comment",
        "comments",
        "response",
        "responses",
        "replies",
        "kommentar",
        "kommentare",
        "commentaire",
        "commentaires",
        "comentario",
        "comentarios",
        "commento",
        "commenti",
        "reacties",
        "komentarze",
        "leave a reply",
        "leave a comment",
        "join the discussion",
        "schreibe einen kommentar",
        "kommentar schreiben",
        "laisser un commentaire",
        "deja un comentario",
        "deja tu comentario",
        "lascia un commento",
    ];
    if s.len() > 80 {
        return false;
    }
    let lower = s.trim().to_lowercase();
    // a count before or after the word: "12 Comments", "Kommentare (4)", "One comment"
    let t = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
        .trim_start_matches("one ")
        .trim_end_matches(|c: char| c.is_ascii_digit() || " ()[]:".contains(c));
    let counted = lower.starts_with(|c: char| c.is_ascii_digit()) || lower.starts_with("one ");
    WORDS.contains(&t)
        || (counted && (t.starts_with("thoughts on ") || t.starts_with("thought on ")))
}

/// "Originally published on 26 Sep 2019": the date right after such a phrase.
pub fn originally_published(s: &str) -> Option<DateTime<FixedOffset>> {
    if s.len() > 600 || !s.contains("riginally") {
        return None;
    }
    let lower = s.to_lowercase();
    let at = ["originally published", "originally posted"]
        .iter()
        .find_map(|l| lower.find(l).map(|i| i + l.len()))?;
    let mut cut = (at + 40).min(lower.len());
    while !lower.is_char_boundary(cut) {
        cut -= 1;
    }
    let (start, _, d) = first_date(&lower[at..cut])?;
    (start <= 8).then(|| midnight(d)).flatten()
}

/// A date given as an age: "vor 5 Stunden", "3 hours ago", "hace 2 días", "il y a 4 jours".
static RELATIVE_AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:vor [0-9]+ (?:minuten|stunden|tagen|wochen)|[0-9]+ (?:minutes?|hours?|days?|weeks?) ago|hace [0-9]+ (?:minutos?|horas?|días?|semanas?)|il y a [0-9]+ (?:minutes?|heures?|jours?|semaines?))",
    )
    .expect("static regex")
});

/// Whether a line gives a date as an age ("vor 5 Stunden in Aktuelles").
pub fn relative_age(s: &str) -> bool {
    has_digit(s) && RELATIVE_AGE.is_match(s)
}

/// Weekday names written out, lower case: English, German, French, Spanish.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// Whether a line is a weekday and a date and nothing more ("Mittwoch, 26.02.2020"): a site's
/// clock of today.
pub fn weekday_only(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    let Some(rest) = WEEKDAYS.iter().find_map(|w| lower.strip_prefix(w)) else {
        return false;
    };
    let rest = rest.trim_start_matches([',', ' ']);
    first_date(rest).is_some_and(|(start, end, _)| start == 0 && rest[end..].trim().len() <= 6)
}

/// Whether a line labels its date as something other than a publication (see [`OTHER_LABEL`]).
pub fn not_publication(s: &str) -> bool {
    OTHER_LABEL.is_match(s)
}

/// Whether a line speaks of an update anywhere ("Updated 2010 GMT (0410 HKT) March 14, 2021").
pub fn mentions_update(s: &str) -> bool {
    UPDATE_LABEL.is_match(s)
}

/// Words that say the date after them is the publication.
const PUBLISH_LABELS: &[&str] = &[
    "published",
    "posted",
    "post time",
    "post date",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "opublikowano",
    "erschienen",
    "erstellt",
];

/// Any of [`PUBLISH_LABELS`], in any case.
static PUBLISH_LABEL: LazyLock<Regex> = LazyLock::new(|| any_label(PUBLISH_LABELS));

/// Any of [`UPDATE_LABELS`], in any case.
static UPDATE_LABEL: LazyLock<Regex> = LazyLock::new(|| any_label(UPDATE_LABELS));

fn any_label(labels: &[&str]) -> Regex {
    let alternation: Vec<String> = labels.iter().map(|l| regex::escape(l)).collect();
    Regex::new(&format!("(?i){}", alternation.join("|"))).expect("literal alternation")
}

/// The first date written for people in `s`: its byte span and the day.
fn first_date(s: &str) -> Option<(usize, usize, NaiveDate)> {
    if !has_digit(s) {
        return None;
    }
    let mut found: Vec<(usize, usize, NaiveDate)> = Vec::new();
    // all but the two-digit-year pattern need a year of four ASCII digits (one in other digits
    // would match `\d` but not parse)
    if has_four_digits(s) {
        four_digit_year_dates(s, &mut found);
    }
    if found.is_empty() {
        // "31.10.23": day, month, two-digit year; with a one-digit part ("2.11.22") only closing
        // the text, since a time or a version number often follows such a run
        let short = NUMERIC_SHORT.captures_iter(s).find(|c| {
            c[1].len() + c[2].len() == 4 || s[c.get(3).map_or(0, |m| m.end())..].trim().is_empty()
        });
        if let Some(c) = short {
            let (d, m, y): (u32, u32, i32) =
                (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            let y = if y <= 35 { 2000 + y } else { 1900 + y };
            if let Some(date) = ymd(y, m, d) {
                found.push((c.get(1)?.start(), c.get(3)?.end(), date));
            }
        }
    }
    if found.is_empty()
        && let Some(c) = DAY_MONTH_SHORT_YEAR.captures(s)
        && let Some(m) = month(&c[2])
        && month_word(&c[2])
    {
        // "14 Gennaio 20": day, month word, two-digit year at the end of the phrase
        let (d, y): (u32, i32) = (c[1].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = ymd(2000 + y, m, d) {
            found.push((c.get(1)?.start(), c.get(3)?.end(), date));
        }
    }
    let plausible: Vec<_> = found
        .iter()
        .copied()
        .filter(|(_, _, d)| midnight(*d).is_some())
        .collect();
    plausible
        .into_iter()
        .min_by_key(|(at, _, _)| *at)
        .or_else(|| found.into_iter().min_by_key(|(at, _, _)| *at))
}

/// Whether `printed` was read from a numeric date written with slashes ("11/01/2021"), or with
/// dots when `dots` ("09.10.2024" on an English page), whose day and month could be read the other
/// way round, and that other reading is `declared`: the page's metadata says which order the site
/// writes. (Dotted dates are day first on German pages whose metadata is off.)
pub fn swapped_numeric(
    printed_in: &str,
    printed: NaiveDate,
    declared: NaiveDate,
    dots: bool,
) -> bool {
    use chrono::Datelike;
    let other = ymd(printed.year(), printed.day(), printed.month());
    other == Some(declared)
        && other != Some(printed)
        && NUMERIC
            .captures(printed_in)
            .is_some_and(|c| &c[2] == "/" || (dots && &c[2] == "."))
}

/// Whether a text writes a date with the day before a month's name ("16 February 2026").
pub fn day_before_month(s: &str) -> bool {
    has_four_digits(s)
        && DAY_MONTH_YEAR
            .captures_iter(s)
            .any(|c| month_word(&c[2]) && month(&c[2]).is_some())
}

/// The day-first reading `d` of a text whose date is two numbers of at most 12 between slashes
/// ("3/4/2025"), read month first instead, as American English pages write it.
pub fn month_first(s: &str, d: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Datelike;
    let Some(c) = NUMERIC.captures(s).filter(|c| &c[2] == "/") else {
        return d;
    };
    let (Ok(m), Ok(day)) = (c[1].parse::<u32>(), c[3].parse::<u32>()) else {
        return d;
    };
    if m > 12 || day > 12 || ymd(d.year(), day, m) != Some(d.date_naive()) {
        return d;
    }
    d.with_day(1)
        .and_then(|x| x.with_month(m))
        .and_then(|x| x.with_day(day))
        .unwrap_or(d)
}

// one separator throughout, and whole numbers: "/2025-12_slug" is no date, nor "/2025-12-15+x" 2025-1-2
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})(?:/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])|-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01]))(?:[/_.+-]|$)",
    )
    .expect("static regex")
});
static URL_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d{2})(?:[/_.+-]|$)")
        .expect("static regex")
});
static URL_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
        .expect("static regex")
});

/// A date in a URL path: `/2024/10/25/`, `/2024-10-25-slug`, `/20241025/`.
pub fn from_url(url: &str) -> Option<DateTime<FixedOffset>> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    if let Some(c) = URL_DATE.captures(path) {
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (c.get(4)?.as_str(), c.get(5)?.as_str()),
        };
        if let Some(d) = ymd(c[1].parse().ok()?, m.parse().ok()?, d.parse().ok()?) {
            return declared(at_midnight(d)?);
        }
    }
    if let Some(c) = URL_DMY.captures(path)
        && let Some(d) = ymd(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
    {
        return declared(at_midnight(d)?);
    }
    let c = URL_COMPACT.captures(path)?;
    declared(at_midnight(ymd(
        c[1].parse().ok()?,
        c[2].parse().ok()?,
        c[3].parse().ok()?,
    )?)?)
}

/// The value of the first publication key in a script's JSON (`"publishedDate":"2016-11-04T…"`,
/// `"published_at":"…"` in app state, `__NEXT_DATA__`, product JSON), or of the first creation
/// key in a script without one (`"createdAt"` of a CMS's content blocks), when it reads as a
/// date: digits and the signs of ISO 8601 only. The pruning, which cuts these scripts, calls it.
pub fn script_published(script: &str) -> Option<&str> {
    const KEYS: &[&str] = &[
        "\"datePublished\":\"",
        "\"publishedDate\":\"",
        "\"published_at\":\"",
        "\"publishDate\":\"",
        "\"publishedAt\":\"",
    ];
    const CREATED: &[&str] = &[
        "\"createdAt\":\"",
        "\"created_at\":\"",
        "\"dateCreated\":\"",
    ];
    // Where the first of `keys` ends, each key holding `letters` once. Only the places of the
    // letters are tried, not every key over the whole script (app bundles run to megabytes): the
    // letters do not overlap themselves, so two places are at least their length apart, more
    // than the keys' ends differ around them; the first place where a key fits holds the end.
    let first = |keys: &[&str], letters: &str| {
        let b = script.as_bytes();
        memchr::memmem::find_iter(b, letters).find_map(|p| {
            keys.iter()
                .filter_map(|k| {
                    let start = p.checked_sub(k.find(letters)?)?;
                    b[start..]
                        .starts_with(k.as_bytes())
                        .then_some(start + k.len())
                })
                .min()
        })
    };
    first(KEYS, "ublish")
        .or_else(|| first(CREATED, "reated"))
        .and_then(|start| {
            let rest = &script[start..];
            let value = &rest[..rest.find('"')?];
            (value.len() <= 40
                && value
                    .bytes()
                    .all(|c| c.is_ascii_digit() || b"-:+.TZ ".contains(&c))
                && parse_machine(value).is_some())
            .then_some(value)
        })
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod dates_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: Option<DateTime<FixedOffset>>) -> Option<String> {
        d.map(|d| d.to_rfc3339())
    }

    #[test]
    fn month_words_are_whole_runs_of_three_to_twelve_letters() {
        let found = |s: &str| first_date(s).map(|(_, _, d)| d.to_string());
        assert_eq!(found("le 5 décembre 2019").as_deref(), Some("2019-12-05"));
        assert_eq!(found("Sept. 3, 2021").as_deref(), Some("2021-09-03"));
        // a run of more than 12 letters is no month word, and does not use up a match
        let long = "1 Aaaaaaaaaaaaaaa 2020, 2 Bbbbbbbbbbbbbbbbb 2020, 3 Cccccccccccccccc 2020, \
                    4 Dddddddddddddd 2020, 5 March 2020";
        assert_eq!(found(long).as_deref(), Some("2020-03-05"));
    }

    #[test]
    fn machine_dates_keep_their_offset() {
        for (written, read) in [
            ("2024-10-25T14:05:00+03:00", "2024-10-25T14:05:00+03:00"),
            ("2024-10-25T23:30:00-0500", "2024-10-25T23:30:00-05:00"),
            ("2024-10-25", "2024-10-25T00:00:00+00:00"),
            (
                "Fri, 25 Oct 2024 14:05:00 +0300",
                "2024-10-25T14:05:00+03:00",
            ),
            ("2024-10-25 14:05:00", "2024-10-25T14:05:00+00:00"),
            // declared dates may be old (archives), but not before 1800 nor placeholders
            ("1987-04-09T18:01:02Z", "1987-04-09T18:01:02+00:00"),
            ("19870409", "1987-04-09T00:00:00+00:00"),
        ] {
            assert_eq!(
                day(parse_machine(written)).as_deref(),
                Some(read),
                "{written}"
            );
        }
        assert!(parse_machine("1790-01-01").is_none());
        assert!(parse_machine("1970-01-01T00:00:00Z").is_none());
        assert!(parse_machine("1900-01-01").is_none());
        // dates written in text stay within the years of the web
        assert!(parse_text("April 9, 1987").is_none());
        assert!(parse_machine("nonsense").is_none());
    }

    #[test]
    fn text_dates_in_several_languages() {
        let d = |s| parse_text(s).map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(
            d("Published October 25, 2024 at 2pm").as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(d("Oct. 5, 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(
            d("25. Oktober 2024, 14:05 Uhr").as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(d("le 3 mars 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(d("25 de octubre de 2024").as_deref(), Some("2024-10-25"));
        assert_eq!(d("12 października 2020").as_deref(), Some("2020-10-12"));
        assert_eq!(d("25.10.2024").as_deref(), Some("2024-10-25"));
        assert_eq!(d("10/25/2024").as_deref(), Some("2024-10-25"));
        assert_eq!(
            d("Von Deutscher Tennis Bund 4. 2. 2022.").as_deref(),
            Some("2022-02-04")
        );
        assert_eq!(d("no date here 12345"), None);
        assert_eq!(
            d("Von: Björn Jahner | 31.10.23").as_deref(),
            Some("2023-10-31")
        );
        assert_eq!(
            d("Essay - Published: 2025.12.17 | programming").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            d("version 1.2.13 released"),
            None,
            "two-digit day and month only"
        );
    }

    #[test]
    fn update_labels_yield_to_the_publication_date() {
        let d = |s| published_in_text(s).map(|(d, up)| (d.format("%Y-%m-%d").to_string(), up));
        assert_eq!(
            d("Published Oct 5, 2024 · Updated Nov 2, 2024"),
            Some(("2024-10-05".into(), false))
        );
        assert_eq!(
            d("Updated Nov 2, 2024 (first published Oct 5, 2024)"),
            Some(("2024-10-05".into(), false))
        );
        assert_eq!(
            d("Last updated: 2025-02-22"),
            Some(("2025-02-22".into(), true))
        );
        assert_eq!(
            d("Zuletzt aktualisiert am 3. März 2021"),
            Some(("2021-03-03".into(), true))
        );
        assert_eq!(d("no date"), None);
    }

    #[test]
    fn url_path_dates() {
        let d = |s| from_url(s).map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(
            d("https://x.example/2024/10/25/slug-a1").as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(
            d("https://x.example/news/2024-10-25-slug").as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(
            d("https://x.example/a/20241025/slug").as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(d("https://x.example/2024/10/slug"), None);
        assert_eq!(
            d("http://x.example/1987/04/09/sugar-contracts").as_deref(),
            Some("1987-04-09"),
            "archives hold articles from before the web"
        );
        assert_eq!(
            d("https://x.example/blog/2025-12_slug"),
            None,
            "a month only"
        );
        assert_eq!(
            d("https://x.example/articles/2025-12-15+Rust+GCC").as_deref(),
            Some("2025-12-15")
        );
        assert_eq!(d("https://2024.example/story/123456789"), None);
    }
}
