//! Author names out of bylines and metadata: drop "By"/"Von"/"Por", dates, roles, handles and
//! publication names; split "A and B" and "A, B"; keep each person once.

/// Leading words that introduce a byline, lower case, longest first.
const LEADS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reported by",
    "reporting by",
    "story by",
    "words by",
    "text by",
    "article by",
    "geschrieben von",
    "ein beitrag von",
    "ein kommentar von",
    "publié par",
    "escrito por",
    "publicado por",
    "scritto da",
    "by:",
    "by",
    "von",
    "por",
    "par",
    "di",
    "door",
    "av",
    "autor:",
    "autorin:",
    "autor",
    "autorin",
    "author:",
    "author",
    "auteur :",
    "auteur:",
    "auteur",
    "text:",
    "texte :",
    "redacción:",
    "from",
];

/// Words that are roles or desks, not names (lower case).
const ROLES: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "editors",
    "contributor",
    "contributing",
    "senior",
    "chief",
    "columnist",
    "photographer",
    "photos",
    "photo",
    "news",
    "desk",
    "team",
    "admin",
    "administrator",
    "editorial",
    "redaktion",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "journalist",
    "journaliste",
    "rédaction",
    "redacción",
    "redazione",
    "agencies",
    "agency",
    "associated",
    "press",
    "updated",
    "published",
    "posted",
    "min",
    "read",
    "comments",
    "follow",
    "share",
    "email",
    "twitter",
    "guest",
    "author",
    "authors",
    "and",
    "rédacteur",
    "autor",
    "autorin",
    "dpa",
    "afp",
    "reuters",
    "ap",
    "ansa",
    "efe",
    "sid",
    "kna",
    "epd",
    "apa",
];

/// Interface words found in byline boxes, never names.
const JUNK: &[&str] = &[
    "name",
    "posted on",
    "posted in",
    "publiziert am",
    "veröffentlicht am",
    "more posts",
    "weitere artikel",
    "view all posts",
    "the author",
    "about the author",
    "all posts",
    "read more",
    "see all",
    "bio",
    "last update",
    "last updated",
    "mehr",
    "plus",
    "más",
    "artikel",
    "articles",
    "profile",
];

/// Splits and cleans raw author strings into names.
pub fn clean(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        for name in split(r) {
            let name = tidy(&name);
            if name.is_empty() || !is_name(&name) {
                continue;
            }
            let _ = site_name; // a publication may sign its own articles: kept
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
    }
    out
}

fn split(raw: &str) -> Vec<String> {
    let mut s = raw.replace(['\n', '\t', '\u{a0}'], " ");
    for sep in [
        "|", "•", "·", "—", "–", " - ", "/", "(", ")", "[", "]", ";", "&", "+", "\u{1}", ":",
    ] {
        s = s.replace(sep, ",");
    }
    let mut parts = Vec::new();
    for piece in s.split(',') {
        let mut rest = piece.trim().to_string();
        for conj in [
            " and ", " und ", " et ", " y ", " e ", " i ", " en ", " og ", " och ", " a ", " и ",
        ] {
            rest = replace_ci(&rest, conj, ",");
        }
        parts.extend(
            rest.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        );
    }
    parts
}

fn replace_ci(s: &str, from: &str, to: &str) -> String {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return s.replace(from, to);
    }
    let mut out = String::new();
    let mut i = 0;
    while let Some(pos) = lower[i..].find(from) {
        out.push_str(&s[i..i + pos]);
        out.push_str(to);
        i += pos + from.len();
    }
    out.push_str(&s[i..]);
    out
}

fn tidy(s: &str) -> String {
    let mut t = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .to_string();
    loop {
        let lower = t.to_lowercase();
        let Some(lead) = LEADS.iter().find(|l| {
            lower.starts_with(*l)
                && (lower.len() == l.len()
                    || !lower[l.len()..].starts_with(char::is_alphanumeric)
                    || l.ends_with(':'))
        }) else {
            break;
        };
        if lower.len() == lead.len() {
            return String::new();
        }
        t = t[lead.len()..]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
    }
    if t.contains('@') || t.contains("http") || t.contains("www.") {
        return String::new();
    }
    t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string()
}

/// Does this look like a person's (or an agency's) name rather than a role, date or sentence?
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if JUNK.contains(&s.to_lowercase().as_str()) {
        return false;
    }
    if words
        .iter()
        .all(|w| ROLES.contains(&w.to_lowercase().trim_end_matches('.')))
    {
        return false;
    }
    if !s.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    // sentences and headlines are lower case after the first word; names are capitalised
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    capitalised * 2 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<String> {
        clean(&[s.to_string()], Some("The Daily"))
    }

    #[test]
    fn leading_words_go() {
        assert_eq!(c("By Anna Petrova"), vec!["Anna Petrova"]);
        assert_eq!(c("Von Max Mustermann"), vec!["Max Mustermann"]);
        assert_eq!(c("Por María García"), vec!["María García"]);
        assert_eq!(c("BY JOHN ROE"), vec!["JOHN ROE"]);
    }

    #[test]
    fn pairs_and_lists_split() {
        assert_eq!(c("By Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
        assert_eq!(
            c("Jane Doe, John Roe & Ann Lee"),
            vec!["Jane Doe", "John Roe", "Ann Lee"]
        );
    }

    #[test]
    fn dates_roles_and_publications_go() {
        assert_eq!(c("By Jane Doe | October 25, 2024"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe, Staff Writer"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe - Staff"), vec!["Jane Doe"]);
        assert_eq!(c("Name"), Vec::<String>::new());
        assert!(c("https://www.facebook.com/janedoe").is_empty());
        assert!(c("Updated 2 hours ago").is_empty());
    }
}
