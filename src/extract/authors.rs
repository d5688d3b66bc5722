//! Author names out of bylines and metadata: drop "By"/"Von"/"Por", dates, roles, handles and
//! publication names; split "A and B" and "A, B"; keep each person once.

use std::sync::LazyLock;

use regex::Regex;

use super::jsonld::LinkedData;
use super::metadata::{meta, metas};
// letters and digits, lower case: how names are compared, as titles are
use super::title::norm as name_key;
use super::walk::Page;

/// Leading words that introduce a byline, lower case, longest first.
const LEADS: &[&str] = &[
    "view all posts by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "alle artikel von",
    "all posts by",
    "more posts by",
    "posts by",
    "articles by",
    "artikel von",
    "medically reviewed by",
    "recipe by",
    "authored by",
    "erstellt von",
    "reviewed by",
    "veröffentlicht von",
    "eingestellt von",
    "gespeichert von",
    "verfasst von",
    "ein artikel von",
    "beitrag von",
    "text von",
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
    "vom",
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
    "ceo",
    "founder",
    "co-founder",
    "written",
    "view",
    "interview",
    "text",
    "texte",
    "fotos",
    "foto",
    "bild",
    "bilder",
];

/// Interface words found in byline boxes, never names.
const JUNK: &[&str] = &[
    "view my complete profile",
    "afficher mon profil complet",
    "mein profil anzeigen",
    "unknown",
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
    "follow",
    "no author",
    "sign in",
    "datum",
];

/// The endings of commenters' lines ("Jane says:").
const COMMENT_VERBS: &[&str] = &[" says", " sagt", " dit", " dice", " schreibt", " said"];

/// Interface words that byline boxes put after the name (lower case, with the leading space).
const TRAILING: &[&str] = &[
    " more posts",
    " view all posts",
    " all posts",
    " alle artikel",
    " alle beiträge",
    " last updated",
    " updated",
    " published",
];

/// Weekday names and abbreviations, and "Stand" (German "as of"), left after the date that
/// followed a name in a byline was cut ("Tomas Spahn Fr", "Isabella.DiBiase am Samstag", "Sara
/// Zinnecker Stand"), lower case.
const DATE_TAIL: &[&str] = &[
    "stand",
    "fr",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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

/// Leads of a byline that names someone other than the author ("Updated by Jon Linkov" beside
/// the writer), lower case.
const NOT_AUTHOR: &[&str] = &[
    "updated by",
    "edited by",
    "fact checked by",
    "fact-checked by",
    "aktualisiert von",
    "bearbeitet von",
    "mis à jour par",
    "actualizado por",
];

/// Labels of the `twitter:labelN`/`twitter:dataN` pairs (Yoast and others) that name the author.
const AUTHOR_LABELS: &[&str] = &[
    "written by",
    "author",
    "autor",
    "verfasst von",
    "geschrieben von",
    "escrito por",
    "écrit par",
    "auteur",
];

/// The author cascade: JSON-LD, author metas, then `rel=author`/`itemprop=author`, then
/// byline-class elements, then bylines written in the text ("By …", "Von …", "Written by" + name).
pub fn cascade(page: &Page, ld: &LinkedData, site_name: Option<&str>) -> Vec<String> {
    let outlet = Outlet::new(page, site_name, ld.publisher().as_deref());
    let tiers: [&dyn Fn() -> Vec<String>; 4] = [
        &|| clean_declared(&decoded(ld.authors()), site_name),
        &|| clean_declared(&decoded(author_metas(page)), site_name),
        // rel=author / itemprop=author / hCard authors are markup that declares the name
        &|| {
            let marked: Vec<String> = page
                .bylines
                .iter()
                .filter(|b| b.declared)
                .map(|b| b.text.clone())
                .collect();
            clean_declared(&marked, site_name)
        },
        &|| {
            page.bylines
                .iter()
                .filter(|b| !b.declared)
                .map(|b| clean(std::slice::from_ref(&b.text), site_name))
                .find(|f| !f.is_empty())
                .unwrap_or_default()
        },
    ];
    // the outlet signing in the metadata ("USA TODAY", "jungefreiheit.de") yields to a person's
    // name in the byline markup under it; alone (or beside a byline found only in the text), it
    // signs
    let mut outlet_only: Option<Vec<String>> = None;
    for tier in tiers {
        let found = tier();
        if found.is_empty() {
            continue;
        }
        match &outlet_only {
            None if found.iter().all(|n| outlet.is(n)) => {
                outlet_only = Some(found);
            }
            None => return with_full_name(found, page, site_name),
            Some(signed) => {
                if found.iter().all(|n| {
                    n.split_whitespace().count() >= 2
                        && !outlet.is(n)
                        && !signed.iter().any(|o| holds_more(n, o))
                }) {
                    return found;
                }
            }
        }
    }
    let text = || from_text(page.blocks.iter().map(|b| b.text.as_str()));
    match outlet_only {
        // a text byline overrides a user name only when it writes that name out
        // ("robert.stitz" signs, "Von Robert Stitz" under the headline)
        Some(signed) => {
            let found = text();
            let written_out = |n: &String| signed.iter().any(|o| name_key(o) == name_key(n));
            let person = |n: &String| {
                n.split_whitespace().count() >= 2
                    && !outlet.is(n)
                    && !signed.iter().any(|o| holds_more(n, o))
            };
            // a user name ("robert.stitz") is a person's: another person's byline is no reason
            // to drop it, as it is to drop the outlet's name
            let user = signed.iter().any(|o| is_user_name(o));
            if !found.is_empty() && found.iter().all(written_out) {
                found
            } else if user {
                signed
            } else if let Some(found) = header_text(page).filter(|f| f.iter().all(person)) {
                // a person's byline in the header under the headline outweighs the outlet
                // ("Von David Hutzler, dpa" where the metadata signs "finanztreff.de")
                found
            } else if let Some(found) = labelled_text(page).filter(|f| f.iter().all(person)) {
                // or a labelled one anywhere ("Autorin: Uta Staschewski" under the text)
                found
            } else {
                signed
            }
        }
        None => {
            let found = text();
            if !found.is_empty() {
                found
            } else {
                let found = header_byline(page);
                if found.is_empty() {
                    desk_byline(page)
                } else {
                    found
                }
            }
        }
    }
}

/// A byline written in the text of the article's header, the few blocks before and after the
/// `<h1>` ("Von David Hutzler, dpa"), with its lead word at the start of a line or after a
/// separator or a date (not "… eine neue Studie von Heinz Duchhardt" in a headline or a tag list).
fn header_text(page: &Page) -> Option<Vec<String>> {
    let at = page.headline_block()?;
    let found = text_bylines(
        page.blocks[at.saturating_sub(3)..]
            .iter()
            .take(15)
            .filter(|b| !page.in_h1(b))
            .map(|b| b.text.as_str()),
        true,
    );
    (!found.is_empty()).then_some(found)
}

/// "Autorin: Uta Staschewski, Projektleiterin der HSS": a line anywhere in the page that opens
/// with an author label; the first name after it.
fn labelled_text(page: &Page) -> Option<Vec<String>> {
    const LABELS: &[&str] = &["autor:", "autorin:", "auteur :", "auteur:", "author:"];
    page.blocks.iter().find_map(|b| {
        if b.text.len() > 140 {
            return None;
        }
        let lower = b.text.to_lowercase();
        let label = LABELS.iter().find(|l| lower.starts_with(*l))?;
        let first = clean(&[leading_names(b.text[label.len()..].trim())], None)
            .into_iter()
            .next()?;
        (first.split_whitespace().count() >= 2).then(|| vec![first])
    })
}

/// A byline-class element that names only a desk ("von Redaktion", "By Staff Writer"): on a page
/// with no other author, the desk signs.
fn desk_byline(page: &Page) -> Vec<String> {
    page.bylines
        .iter()
        .filter(|b| !b.declared)
        .map(|b| clean_declared(std::slice::from_ref(&b.text), None))
        .find(|f| !f.is_empty())
        .filter(|f| f.iter().all(|n| is_role(n)))
        .unwrap_or_default()
}

/// A name printed beside the date (and the time) in a short line right under the `<h1>`, or in
/// the three blocks before it, without a lead word: "Cara Stiles | April 13, 2020",
/// "11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg".
fn header_byline(page: &Page) -> Vec<String> {
    let Some(at) = page.headline_block() else {
        return Vec::new();
    };
    let before = page.blocks[at.saturating_sub(3)..at].iter();
    for b in page.blocks.iter().skip(at + 1).take(3).chain(before) {
        let text = b.text.as_str();
        if text.len() > 80 {
            continue;
        }
        let parts: Vec<&str> = text
            .split(['|', '–', '—', '•', '·'])
            .flat_map(|p| p.split(" - "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if !(2..=3).contains(&parts.len()) {
            continue;
        }
        let dated = |p: &str| super::dates::parse_text(p).is_some();
        // "04.02.2022 | 13:10 Uhr | Uta Helkenberg": a time beside the date
        let clock = |p: &str| {
            let p = p
                .trim_end_matches("Uhr")
                .trim_end_matches(['a', 'p', 'A', 'P', 'm', 'M']);
            let p = p.trim();
            p.contains(':') && p.chars().all(|c| c.is_ascii_digit() || c == ':')
        };
        let mut names = parts.iter().filter(|p| !dated(p) && !clock(p));
        let (Some(&name), None) = (names.next(), names.next()) else {
            continue;
        };
        if !parts.iter().any(|p| dated(p)) {
            continue;
        }
        let words = name.split_whitespace().count();
        if (2..=4).contains(&words) && leading_names(name) == name {
            let found = clean(&[name.to_string()], None);
            if found.len() == 1 {
                return found;
            }
        }
    }
    Vec::new()
}

/// A first name alone ("Nils") where a byline under it prints the full name ("Nils Pickert"):
/// the full name.
fn with_full_name(found: Vec<String>, page: &Page, site_name: Option<&str>) -> Vec<String> {
    let [first] = found.as_slice() else {
        return found;
    };
    if first.split_whitespace().count() != 1 {
        return found;
    }
    let longer = |names: &[String]| -> Option<String> {
        names
            .iter()
            .find(|n| {
                let mut words = n.split_whitespace();
                // "Nils Pickert" for "Nils", "Arian Schlichenmayer" for "arianschlichenmayer"
                (words.next().is_some_and(|w| w.eq_ignore_ascii_case(first))
                    || name_key(n) == name_key(first))
                    && (1..=3).contains(&words.count())
            })
            .cloned()
    };
    let bylines = page
        .bylines
        .iter()
        .filter(|b| !b.declared)
        .find_map(|b| longer(&clean(std::slice::from_ref(&b.text), site_name)));
    match bylines.or_else(|| longer(&from_text(page.blocks.iter().map(|b| b.text.as_str())))) {
        Some(full) => vec![full],
        None => found,
    }
}

/// "Supermove Last update" holds the outlet "Supermove" and more ("Edilson La Rosa" is the user
/// "edilson.la.rosa" written out).
fn holds_more(name: &str, outlet: &str) -> bool {
    let (n, o) = (name_key(name), name_key(outlet));
    !o.is_empty() && n.len() > o.len() && n.contains(&o)
}

/// Declared values may carry double-escaped entities ("Maria &amp; Katerina").
fn decoded(v: Vec<String>) -> Vec<String> {
    v.iter().map(|a| super::clean_line(a)).collect()
}

/// The author metas (URLs skipped), else Yoast's `twitter:labelN` "Written by" + `twitter:dataN`.
fn author_metas(page: &Page) -> Vec<String> {
    let mut from_meta: Vec<String> = [
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "citation_author",
        "og:article:author",
        "cxenseparse:author",
    ]
    .iter()
    .flat_map(|k| metas(page, k))
    .filter(|v| !v.contains("://"))
    .map(str::to_string)
    .collect();
    if from_meta.is_empty() {
        for (k, v) in &page.metas {
            if let Some(n) = k.strip_prefix("twitter:label")
                && AUTHOR_LABELS.contains(&v.to_lowercase().trim())
                && let Some(name) = meta(page, &format!("twitter:data{n}"))
            {
                from_meta.push(name.to_string());
            }
        }
    }
    from_meta
}

/// What names the publication: `og:site_name`, the JSON-LD publisher, the `publisher` metas.
struct Outlet {
    keys: Vec<String>,
}

impl Outlet {
    fn new(page: &Page, site_name: Option<&str>, publisher: Option<&str>) -> Outlet {
        // a `publisher` meta names the outlet as well when the metadata signs with it
        let keys = [
            site_name,
            publisher,
            meta(page, "publisher"),
            meta(page, "dc.publisher"),
        ]
        .into_iter()
        .flatten()
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect();
        let mut outlet = Outlet { keys };
        // "Deutsche Welle (www.dw.com)": the names in a publisher meta, as an author meta
        // cleaned the same way gives them
        for p in ["publisher", "dc.publisher"]
            .iter()
            .filter_map(|k| meta(page, k))
        {
            for n in clean_declared(&[p.to_string()], None) {
                outlet.keys.push(name_key(&n));
            }
        }
        outlet
    }

    /// The publication's name (compared by its letters and digits; a name of five or more
    /// that ends the site name, as "Die FURCHE" ends "Achtsam durch die Krise | Die FURCHE"),
    /// a domain name, or a company or association by its legal form ("… e.V.", "… GmbH").
    fn is(&self, name: &str) -> bool {
        let n = name_key(name);
        is_domain(name)
            || is_organisation(name)
            || self
                .keys
                .iter()
                .any(|k| *k == n || (n.chars().count() >= 5 && k.ends_with(&n)))
    }
}

/// Splits and cleans raw author strings into names (from visible bylines: capitalised names only,
/// roles dropped).
pub fn clean(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    clean_with(raw, site_name, false)
}

/// Cleans names that structured metadata (JSON-LD, author metas) declares as authors: those are
/// kept as the page wrote them, lower-case user names ("kirstin boatto", "r23") and desks
/// ("Redaktion", "Staff") included, as long as no real name stands beside a role.
pub fn clean_declared(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    clean_with(raw, site_name, true)
}

fn clean_with(raw: &[String], site_name: Option<&str>, declared: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    for r in raw {
        if r.contains("://") || r.trim_start().starts_with("www.") {
            continue;
        }
        let lower = r.trim_start().to_lowercase();
        if NOT_AUTHOR.iter().any(|l| lower.starts_with(l)) {
            continue;
        }
        // a title in a declared name may be the name ("Luxury Travel Expert" signs its site)
        let parts = if declared {
            split(r)
        } else {
            let field = author_field(r);
            without_job_titles(split(field.as_deref().unwrap_or(r)))
        };
        for name in parts {
            let name = tidy(&name);
            if name.is_empty() {
                continue;
            }
            if is_name(&name) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            } else if declared && is_declared_name(&name) {
                if is_role(&name) {
                    roles.push(name);
                } else if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            }
        }
    }
    // a publication may sign its own articles, but beside a person's name its name (or its
    // domain) is the outlet, not an author: "Rob Picheta, CNN", "Ernst Lohoff | jungle.world"
    if out.len() > 1 {
        let site = site_name.map(name_key).unwrap_or_default();
        let outlet = |n: &str| (!site.is_empty() && name_key(n) == site) || is_domain(n);
        if out.iter().any(|n| !outlet(n)) {
            out.retain(|n| !outlet(n));
        }
    }
    // "SHOW ALL ARTICLES OF Heiko Sauer" beside "Heiko Sauer": interface words run into the name
    let longer: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.split_whitespace().count() >= 2
                    && out[i].len() > o.len()
                    && out[i]
                        .to_lowercase()
                        .ends_with(&format!(" {}", o.to_lowercase()))
            })
        })
        .collect();
    for i in longer.into_iter().rev() {
        out.remove(i);
    }
    if out.is_empty() {
        // a desk or role alone is how the page signs the article
        for r in roles {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&r)) {
                out.push(r);
            }
        }
    }
    out
}

/// The author's field of a byline that lists labelled fields ("Datum: 19.11.2021 Autor: Fritz
/// Imhof Quelle: Livenet"): the words after the author label up to the next label.
fn author_field(r: &str) -> Option<String> {
    const LABELS: &[&str] = &["autor:", "autorin:", "autoren:", "author:", "authors:"];
    let words: Vec<&str> = r.split_whitespace().collect();
    let label = |w: &str| {
        w.len() > 1 && w.ends_with(':') && w.chars().all(|c| c.is_alphabetic() || c == ':')
    };
    let at = words
        .iter()
        .position(|w| LABELS.contains(&w.to_lowercase().as_str()))?;
    if !words[..at].iter().any(|w| label(w)) {
        return None;
    }
    let field: Vec<&str> = words[at + 1..]
        .iter()
        .take_while(|w| !label(w))
        .copied()
        .collect();
    Some(field.join(" "))
}

/// Legal forms that end the names of companies and associations, lower case.
const LEGAL_FORMS: &[&str] = &[
    "e.v.", "gmbh", "ggmbh", "ag", "kg", "se", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "s.a.",
    "corp.", "verlag", "stiftung",
];

/// "Bund der Energieverbraucher e.V.", "EnBW AG": a company or an association, not a person.
fn is_organisation(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.to_lowercase().as_str()))
}

/// "jungle.world", "cipha.net": a domain name, not a person's.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// "robert.stitz", "andrew.keaveney": a user name written like a domain, told from one by a last
/// part longer than a common top-level domain's, all lower case.
fn is_user_name(s: &str) -> bool {
    is_domain(s)
        && s.rsplit('.').next().is_some_and(|last| last.len() > 4)
        && !s.chars().any(char::is_uppercase)
}

/// A name declared by metadata: anything short with letters that is not a date, URL or interface
/// word.
fn is_declared_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().any(char::is_alphabetic)
        && !JUNK.contains(&s.to_lowercase().as_str())
        && super::dates::parse_text(s).is_none()
}

/// Job titles that author boxes print after the name ("Keith Barry Senior Autos Reporter",
/// "Matt Check, Head Winemaker"), lower case.
const JOB_TITLES: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "journalist",
    "founder",
    "co-founder",
    "ceo",
    "expert",
    "consultant",
    "manager",
    "director",
    "specialist",
    "analyst",
    "producer",
    "strategist",
    "engineer",
    "scientist",
    "researcher",
    "winemaker",
    "gardener",
    "dietitian",
    "nutritionist",
    "redakteur",
    "redakteurin",
];

/// Words that open a job title ("Senior …", "Former …", "Head …", "Tech …"), lower case.
const TITLE_OPENERS: &[&str] = &[
    "senior",
    "former",
    "head",
    "lead",
    "chief",
    "managing",
    "executive",
    "deputy",
    "associate",
    "staff",
    "tech",
    "contributing",
];

/// A byline that prints a job title after the name keeps the name alone: the title is cut from a
/// name run into it (from the third word on, so two-word names stay whole), and the fragments
/// from the title's on are dropped, with the one-word fragments before it ("Brett Cruz, Privacy,
/// Digital Security Expert" is Brett Cruz).
fn without_job_titles(parts: Vec<String>) -> Vec<String> {
    let title = |w: &str| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        JOB_TITLES.contains(&w) || TITLE_OPENERS.contains(&w)
    };
    let is_title = |w: &str| {
        let w = w.to_lowercase();
        JOB_TITLES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
    };
    let Some(at) = parts
        .iter()
        .position(|p| p.split_whitespace().any(is_title))
    else {
        return parts;
    };
    let first: Vec<&str> = parts[0].split_whitespace().collect();
    if at == 0 {
        return match first.iter().skip(2).position(|w| title(w)) {
            // "Guide by Will Judd Former Deputy Tech Editor": the name follows the "by"
            Some(i) => {
                let name = &first[..i + 2];
                let from = name
                    .iter()
                    .rposition(|w| w.eq_ignore_ascii_case("by"))
                    .map_or(0, |b| b + 1);
                vec![name[from..].join(" ")]
            }
            None => parts,
        };
    }
    let mut kept = vec![parts[0].clone()];
    kept.extend(
        parts[1..at]
            .iter()
            .filter(|p| p.split_whitespace().count() >= 2)
            .cloned(),
    );
    kept
}

fn is_role(s: &str) -> bool {
    s.split_whitespace()
        .all(|w| ROLES.contains(&w.to_lowercase().trim_end_matches('.')))
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
    // "Williams Perdomo @wperdomod": the handle goes, the name stays
    if t.contains(" @") {
        t = t
            .split_whitespace()
            .filter(|w| !w.starts_with('@'))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if t.contains('@') || t.contains("http") || t.contains("www.") {
        return String::new();
    }
    let lower = t.to_lowercase();
    // "Jane says" heads a comment, not the article
    if COMMENT_VERBS.iter().any(|v| lower.ends_with(v)) {
        return String::new();
    }
    if let Some(tail) = TRAILING.iter().find(|j| lower.ends_with(*j)) {
        t.truncate(t.len() - tail.len());
    }
    let mut t = t
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    // a weekday (or "Stand") left where a date followed the name, with the "am"/"on" before
    // it; the name keeps a word
    let mut cut = false;
    while let Some((head, last)) = t.rsplit_once(' ') {
        let last = last.trim_end_matches(['.', ',']).to_lowercase();
        let word = DATE_TAIL.contains(&last.as_str())
            || (cut && matches!(last.as_str(), "am" | "on" | "le" | "el"));
        if !word || head.trim().is_empty() {
            break;
        }
        t = head.trim_end().to_string();
        cut = true;
    }
    t
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
    if is_role(s) {
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
    "cover",
    "translated",
    "übersetzt",
    "seite",
    "page",
];

static TEXT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s|•·,:(])(written by|posted by|published by|reported by|reviewed by|story by|words by|text by|article by|geschrieben von|veröffentlicht von|eingestellt von|verfasst von|ein beitrag von|ein artikel von|text von|publié par|escrit par|escrito por|publicado por|scritto da|by|von|par|por|door|autor|autorin|autoren|author|authors|auteur|text|redaktion\s*:)\s*:?\s+",
    )
    .expect("static regex")
});

/// Articles and pronouns: "von der Polizei", "by Our Staff" do not start a name.
const DETERMINERS: &[&str] = &[
    "der", "den", "dem", "des", "die", "das", "ein", "eine", "einem", "einer", "ihrem", "ihrer",
    "ihren", "ihnen", "sie", "uns", "unserem", "unserer", "unseren", "meinem", "meiner", "deinem",
    "deinen", "dir", "mir", "the", "a", "an", "this", "our", "my", "your", "le", "la", "les", "el",
    "los", "las", "un", "une",
];

/// Particles and conjunctions that may stand lower case inside a run of names.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "y", "and",
    "und", "et", "&", "bin", "al", "ter", "zu", "dos", "das",
];

/// The names at the start of `rest`: capitalised words (and particles, commas, "and"), up to a
/// digit, a separator or a lower-case word.
fn leading_names(rest: &str) -> String {
    let mut out = String::new();
    let first = rest.split_whitespace().next().unwrap_or("");
    if DETERMINERS.contains(&first.to_lowercase().as_str()) {
        return out;
    }
    let mut words = rest.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        // "Jane Doe December 2, 2025"
        if super::dates::month(bare).is_some()
            && words
                .peek()
                .is_none_or(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        let first = bare.chars().next();
        let stop = word.starts_with(['|', '•', '·', '–', '—', '-', '(', '/'])
            || word.chars().any(|c| c.is_ascii_digit())
            || !(first.is_some_and(char::is_uppercase) || PARTICLES.contains(&bare));
        if stop {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if word.ends_with(['|', '•', '·']) {
            break;
        }
    }
    out
}

/// Where a block that starts with "By"/"Von" run into a capitalised name ("ByAlex") splits.
fn glued_lead(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix("By")
        .or_else(|| text.strip_prefix("Von"))?;
    let mut chars = rest.chars();
    (chars.next()?.is_uppercase() && chars.next()?.is_lowercase()).then(|| text.len() - rest.len())
}

/// Authors named in the page's short text blocks: "By Jane Doe", "Posted on … by Jane Doe", "Von
/// Max Muster", "Autor: …", or a "Written by" line followed by the name. The first block that
/// yields a name wins.
pub fn from_text<'a>(blocks: impl Iterator<Item = &'a str>) -> Vec<String> {
    text_bylines(blocks, false)
}

/// [`from_text`]; `strict`: every lead word, "Von" and "Written by" alike, must open the line or
/// follow a separator or a date.
fn text_bylines<'a>(blocks: impl Iterator<Item = &'a str>, strict: bool) -> Vec<String> {
    let mut label_before = false;
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
            let bare = strict || !lead.contains(' ') || lead.trim_end().ends_with(':');
            if bare
                && !before.is_empty()
                && !before.ends_with(|c: char| c.is_ascii_digit() || "|•·,–—-".contains(c))
            {
                continue;
            }
            let mut found = clean(&[leading_names(&text[m.end()..])], None);
            // one capitalised word after "von" is as often a noun as a name
            found.retain(|n| n.split_whitespace().count() >= 2);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
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

#[cfg(test)]
#[path = "authors_tests.rs"]
mod tests;
