//! The author cascade: which sources sign (JSON-LD, author metas, declared markup, byline
//! elements, bylines written in the text), in what order, and when the outlet yields to a person.
//! The names themselves are cleaned and split in `names.rs`.

use std::sync::LazyLock;

use regex::Regex;

use super::jsonld::LinkedData;
use super::metadata::{meta, metas};
use super::name_words::ORG_WORDS;
use super::names::{
    DETERMINERS, FIELD_LABELS, PARTICLES, clean, clean_declared, is_domain, is_handle,
    is_organisation, is_role, is_user_name, leading_names,
};
use super::text_bylines::{TEXT_LEAD, dated_byline, from_text, text_bylines};
// letters and digits, lower case: how names are compared, as titles are
use super::title::{norm as name_key, norm_is};
use super::walk::Page;

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
/// `body` is the article text the body model kept (paragraphs split by blank lines): a name
/// signing under its last paragraph is read from it.
pub fn cascade(page: &Page, ld: &LinkedData, site_name: Option<&str>, body: &str) -> Vec<String> {
    let mut outlet = Outlet::new(page, site_name, ld.publisher().as_deref());
    // a JSON-LD author typed as an organisation is the outlet signing ("LN")
    for n in clean_declared(&decoded(ld.organisation_authors()), None) {
        outlet.keys.push(name_key(&n));
    }
    let tiers: [&dyn Fn() -> Vec<String>; 4] = [
        &|| clean_declared(&decoded(ld.authors()), site_name),
        &|| clean_declared(&decoded(author_metas(page)), site_name),
        // rel=author / itemprop=author / hCard authors are markup that declares the name
        &|| {
            // a list of posts repeats its authors ("uriebe" three times, then "Tom Stelling"):
            // the names up to the first repeat are the article's; so are the names of one
            // byline, in one block or the next, not those of teasers further down
            let mut marked: Vec<String> = Vec::new();
            let mut last: Option<u32> = None;
            for b in page.bylines.iter().filter(|b| b.declared) {
                if marked.contains(&b.text) || last.is_some_and(|l| b.at > l + 1) {
                    break;
                }
                last = Some(b.at);
                marked.push(b.text.clone());
            }
            clean_declared(&marked, site_name)
        },
        &|| {
            page.bylines
                .iter()
                .filter(|b| !b.declared)
                .map(|b| {
                    let found = clean(std::slice::from_ref(&b.text), site_name);
                    // "von lupa am 26/10/13", "Beitrag von r23 » 21.01.2009": a user name
                    // dated after its lead
                    if found.is_empty() {
                        dated_byline(&b.text).into_iter().collect()
                    } else {
                        found
                    }
                })
                .find(|f| !f.is_empty())
                .unwrap_or_default()
        },
    ];
    // the outlet signing in the metadata ("USA TODAY", "jungefreiheit.de") yields to a person's
    // name in the byline markup under it; alone (or beside a byline found only in the text), it
    // signs
    let mut outlet_only: Option<Vec<String>> = None;
    for (tier_at, tier) in tiers.into_iter().enumerate() {
        let found = tier();
        if found.is_empty() {
            continue;
        }
        match &outlet_only {
            None if found
                .iter()
                .all(|n| outlet.is(n) || is_handle(n) || is_role(n)) =>
            {
                outlet_only = Some(found);
            }
            None => {
                // beside a person, the outlet is no author: "Manoj Jain and Jagpreet Chhatwal,
                // The Commercial Appeal" with the publisher "The Commercial Appeal"
                let mut found = found;
                if found
                    .iter()
                    .any(|n| !outlet.is(n) && person_shaped(n, &outlet))
                {
                    found.retain(|n| !outlet.is(n));
                }
                // metadata naming people the page never prints is the site's, not the
                // article's: a byline element under the headline naming others outweighs it
                if tier_at < 2
                    && let Some(byline) = unprinted_metadata(&found, page, site_name, &outlet)
                {
                    return byline;
                }
                return with_co_authors(
                    with_full_name(found, page, site_name),
                    page,
                    site_name,
                    &outlet,
                );
            }
            Some(signed) => {
                if found.iter().all(|n| signs_over(n, signed, &outlet)) {
                    return found;
                }
            }
        }
    }
    // past the desk's initials in the byline elements ("JF", "JF", "Boris T. Kaiser"): the first
    // one naming a person outweighs the outlet, not a user name or a person the site is named
    // after ("Wolfgang Schmale")
    if let Some(signed) = &outlet_only
        && signed
            .iter()
            .all(|n| outlet.is(n) && !title_cased(n) && (is_domain(n) || !is_handle(n)))
        && let Some(found) = page
            .bylines
            .iter()
            .filter(|b| !b.declared)
            .map(|b| clean(std::slice::from_ref(&b.text), site_name))
            .find(|f| !f.is_empty() && f.iter().all(|n| signs_over(n, signed, &outlet)))
    {
        return found;
    }
    // a headline is no byline ("Festspiel-Reisen von Van der Bellen kosteten 57.000 Euro"),
    // nor is the title printed again in a smaller heading ("Auf den Spuren von Rafael Nadal")
    let titles: Vec<String> = [page.title_tag.as_deref(), meta(page, "og:title")]
        .into_iter()
        .flatten()
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect();
    let text = || {
        from_text(
            page.blocks
                .iter()
                .filter(|b| !page.in_h1(b) && !titles.iter().any(|t| norm_is(&b.text, t)))
                // a block all link with a lead inside it is a teaser's title ("Profilordner von
                // Google Chrome verschieben"), not a byline
                .filter(|b| {
                    b.link_chars < b.chars
                        || TEXT_LEAD
                            .find(b.text.trim_start())
                            .is_none_or(|m| m.start() == 0)
                })
                .map(|b| b.text.as_str()),
        )
    };
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
            let user = signed
                .iter()
                .any(|o| is_user_name(o) || (is_handle(o) && !is_domain(o)));
            if !found.is_empty() && found.iter().all(written_out) {
                found
            } else if user {
                match signed.as_slice() {
                    [one] if is_user_name(one) => vec![display_name(one, page)],
                    _ => signed,
                }
            } else if let Some(found) = header_text(page).filter(|f| f.iter().all(person)) {
                // a person's byline in the header under the headline outweighs the outlet
                // ("Von David Hutzler, dpa" where the metadata signs "finanztreff.de")
                found
            } else if let Some(found) =
                header_names(page).filter(|f| f.len() >= 2 && f.iter().all(person))
            {
                // a line of names alone under the headline ("Clara Löw, Siddharth Prakash &
                // Klaus Jacob")
                found
            } else if let Some(found) = labelled_text(page).filter(|f| f.iter().all(person)) {
                // or a labelled one anywhere ("Autorin: Uta Staschewski" under the text)
                found
            } else if let Some(found) = signature(page, body).filter(|f| f.iter().all(person)) {
                // or a name signing the article's last paragraph ("Von Cosima Künzel")
                found
            } else if let Some(found) = author_bio(page).filter(|f| f.iter().all(person)) {
                // or the heading of an author box over the bio ("Jane Roe", "Jane Roe is …")
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
                if !found.is_empty() {
                    found
                } else if let Some(found) = header_names(page) {
                    found
                } else {
                    let found = desk_byline(page);
                    if !found.is_empty() {
                        found
                    } else if let Some(found) = signature(page, body) {
                        found
                    } else if let Some(found) = author_bio(page) {
                        found
                    } else if let Some(found) = copyright_holder(page, &outlet, site_name) {
                        found
                    } else if let Some(found) = dateline_agency(page) {
                        found
                    } else if let Some(found) = description_byline(page) {
                        found
                    } else {
                        personal_site(site_name).unwrap_or_default()
                    }
                }
            }
        }
    }
}

/// When none of the metadata's `declared` names is printed in the page's text or bylines: the
/// names of the first byline element that opens with a lead ("by Aoife O'Riordan"), or else of
/// a byline written under the headline ("Von Markus Balser, Berlin"), when each is a person's
/// name with no role word in it.
fn unprinted_metadata(
    declared: &[String],
    page: &Page,
    site_name: Option<&str>,
    outlet: &Outlet,
) -> Option<Vec<String>> {
    let printed = |n: &String| {
        page.blocks.iter().any(|b| b.text.contains(n.as_str()))
            || page.bylines.iter().any(|b| b.text.contains(n.as_str()))
    };
    if declared.iter().any(printed) {
        return None;
    }
    let people = |f: &Vec<String>| {
        !f.is_empty()
            && f.iter()
                .all(|n| person_shaped(n, outlet) && !n.split_whitespace().any(is_role))
    };
    let element = page
        .bylines
        .iter()
        .find(|b| !b.declared)
        .filter(|b| {
            TEXT_LEAD
                .find(b.text.trim_start())
                .is_some_and(|m| m.start() == 0)
        })
        .map(|b| clean(std::slice::from_ref(&b.text), site_name))
        .filter(people);
    // or a byline written under the headline, unless the header names a reviewer: "Reviewed
    // by: …" beside a writer the metadata declares
    let reviewed = || {
        page.headline_block().is_some_and(|at| {
            page.blocks[at.saturating_sub(3)..]
                .iter()
                .take(15)
                .any(|b| {
                    b.text
                        .as_bytes()
                        .windows(11)
                        .any(|w| w.eq_ignore_ascii_case(b"reviewed by"))
                })
        })
    };
    element.or_else(|| header_text(page).filter(|f| people(f) && !reviewed()))
}

/// A person's name that outweighs the outlet signing: two words or more, capitalised ("in
/// Uncategorized" under "freeman1984" is not one), neither the outlet nor holding its letters and
/// more ("Supermove Last update").
fn signs_over(name: &str, signed: &[String], outlet: &Outlet) -> bool {
    name.split_whitespace().count() >= 2
        && !outlet.is(name)
        && !signed.iter().any(|o| holds_more(name, o))
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(&w))
}

/// A declared user name written "first.last" ("robert.stitz") is the person's first and last
/// name: as the page prints them ("(Christian P. Stadtfeld)" for "christian.stadtfeld", an
/// initial between), else capitalised ("Robert Stitz"). Other user names stay as declared.
fn display_name(user: &str, page: &Page) -> String {
    let parts: Vec<&str> = user.split('.').collect();
    let [first, last] = parts.as_slice() else {
        return user.to_string();
    };
    if !parts
        .iter()
        .all(|p| p.chars().count() >= 2 && p.chars().all(char::is_alphabetic))
    {
        return user.to_string();
    }
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let initial = |w: &str| w.len() <= 3 && w.ends_with('.') && capitalised(w);
    let printed = page.blocks.iter().find_map(|b| {
        let words: Vec<&str> = b
            .text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| "()[],;:\"„“”".contains(c)))
            .collect();
        words.iter().enumerate().find_map(|(i, w)| {
            if !capitalised(w) || !w.eq_ignore_ascii_case(first) {
                return None;
            }
            let end = (i + 1..words.len().min(i + 3))
                .find(|&j| capitalised(words[j]) && words[j].eq_ignore_ascii_case(last))?;
            words[i + 1..end]
                .iter()
                .all(|m| initial(m))
                .then(|| words[i..=end].join(" "))
        })
    });
    printed.unwrap_or_else(|| {
        parts
            .iter()
            .map(|p| {
                let mut c = p.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "Wolfgang Schmale", not "USA TODAY" or "Corti": two or three words, each capitalised with
/// lower-case letters after.
fn title_cased(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(|c| !c.is_uppercase())
        })
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
/// with an author label; the first name after it. Lines of long blocks count ("…<br>Quelle:
/// …<br>Autor: Rechtsanwalt Sebastian Einbock" closing an article written as one block).
fn labelled_text(page: &Page) -> Option<Vec<String>> {
    let mut lines = page.blocks.iter().flat_map(|b| {
        let whole = b.text.len() <= 140;
        b.text
            .lines()
            .take(if whole { 1 } else { usize::MAX })
            .map(move |l| if whole { b.text.as_str() } else { l })
    });
    lines.find_map(|text| {
        // every label opens with "au": most lines go before lower-casing them
        if text.len() > 140 || !text.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("au")) {
            return None;
        }
        let lower = text.to_lowercase();
        // "Autorin: …", "Auteur : …"
        if lower.len() != text.len() {
            return None;
        }
        let rest = FIELD_LABELS
            .iter()
            .find_map(|l| lower.strip_prefix(l)?.trim_start().strip_prefix(':'))?;
        let at = lower.len() - rest.len();
        let first = clean(&[leading_names(text[at..].trim())], None)
            .into_iter()
            .next()?;
        (first.split_whitespace().count() >= 2).then(|| vec![first])
    })
}

/// The name that signs an article as its last paragraph, alone on a plain line after the text
/// ("Marina Mucha", "Von Cosima Künzel", "– Jane Doe"): a person's name of two or three
/// capitalised words (particles between), under at least one long paragraph.
fn signature(page: &Page, body: &str) -> Option<Vec<String>> {
    let mut paragraphs = body.rsplit("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let last = paragraphs.next()?;
    if last.len() > 60 || !paragraphs.any(|p| p.len() >= 200) {
        return None;
    }
    // a letter's signature: the name, then the date on a line of its own ("Benni\n10.
    // September 2017"); a first name alone signs there
    let (line, dated) = match last.split_once('\n') {
        None => (last, false),
        Some((name, date)) => {
            let date = date.trim();
            if date.len() > 40 || date.contains('\n') || super::dates::parse_text(date).is_none() {
                return None;
            }
            (name.trim(), true)
        }
    };
    let name = ["Von ", "By ", "Par ", "Por ", "– ", "— ", "- "]
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .unwrap_or(line)
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || "-'".contains(c))
    };
    let least = if dated { 1 } else { 2 };
    let shaped = (least..=4).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words.iter().filter(|w| capitalised(w)).count() >= least
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
        && !DETERMINERS.contains(&words[0].to_lowercase().as_str())
        && !words
            .iter()
            .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
    if !shaped {
        return None;
    }
    let block = page.blocks.iter().rev().find(|b| b.text.trim() == last)?;
    if !plain_line(page, block) {
        return None;
    }
    let found = clean(&[name.to_string()], None);
    (found.len() == 1).then_some(found)
}

/// Verbs that open an author's bio after the name ("Jane Roe is a reporter …").
const BIO_VERBS: &[&str] = &[
    "is", "was", "has", "writes", "works", "lives", "ist", "war", "hat", "schreibt", "arbeitet",
    "lebt", "est", "a", "écrit", "es", "escribe", "trabaja",
];

/// The heading of an author box: a person's name of two or three capitalised words alone in a
/// block, the next block its bio opening with the name and a verb ("Lauren Vetter", "Lauren
/// Vetter is a growth-focused marketer …"); once in the page (a list of products or places
/// described the same way is no author box).
fn author_bio(page: &Page) -> Option<Vec<String>> {
    let mut found: Option<&str> = None;
    for pair in page.blocks.windows(2) {
        let name = pair[0].text.trim();
        let Some(rest) = pair[1].text.strip_prefix(name) else {
            continue;
        };
        let verb = rest.split_whitespace().next().unwrap_or("");
        if !rest.starts_with(' ') || !BIO_VERBS.contains(&verb) {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let shaped = (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                let mut c = w.chars();
                c.next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
                    && !ORG_WORDS.contains(&w.to_lowercase().as_str())
            });
        if !shaped {
            continue;
        }
        if found.is_some_and(|f| f != name) {
            return None;
        }
        found = Some(name);
    }
    let found = clean(&[found?.to_string()], None);
    (found.len() == 1).then_some(found)
}

/// A site named after a person, told from a brand by a personal title or an initial before
/// the surname ("Dr. Alexander Klier", "C.Habermueller"): on a page that names no author
/// otherwise, the person signs, by the name without the site's title ("Alexander Klier").
fn personal_site(site_name: Option<&str>) -> Option<Vec<String>> {
    let site = site_name?.trim();
    let words: Vec<&str> = site.split_whitespace().collect();
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && c.all(|c| c.is_lowercase() || c == '-')
    };
    let initial_surname = |w: &str| {
        w.split_once('.').is_some_and(|(i, s)| {
            i.chars().count() == 1 && i.starts_with(char::is_uppercase) && capitalised(s)
        })
    };
    let shaped = match words.as_slice() {
        [one] => initial_surname(one),
        [title, rest @ ..] if ["Dr.", "Dr", "Prof."].contains(title) => {
            (2..=3).contains(&rest.len()) && rest.iter().all(|w| capitalised(w))
        }
        _ => false,
    };
    if !shaped {
        return None;
    }
    let name = if words.len() > 1 {
        words[1..].join(" ")
    } else {
        site.to_string()
    };
    let found = clean(&[name], None);
    (found.len() == 1).then_some(found)
}

/// Is this a person's name of two or three words, each capitalised (or all capitals), without
/// digits, not the outlet's nor a company's?
fn person_shaped(name: &str, outlet: &Outlet) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
                && !ORG_WORDS.contains(&w.to_lowercase().trim_end_matches('.'))
        })
        && !outlet.is(name)
}

// the place's 2–31 letters and the desk codes' 1–5 are counted in `dateline_agency`: as bounded
// repeats of Unicode classes they made this pattern take ~20 ms to compile
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}. -]*) \(((?i:dpa|afp|ap|apa|reuters|epd|kna|sid|ansa|efe|dts)(?:/\p{L}+)*)\) ?[-–—]",
    )
    .expect("static regex")
});

/// The agency of a dateline opening the first long paragraph ("Hamburg (dpa/lno) – Trotz …"),
/// on a page that names no author otherwise.
fn dateline_agency(page: &Page) -> Option<Vec<String>> {
    let first = page.blocks.iter().take(60).find(|b| b.text.len() >= 150)?;
    let c = DATELINE.captures(&first.text)?;
    let agency = c.get(2)?.as_str();
    if c[1].chars().count() > 31 || agency.split('/').skip(1).any(|d| d.chars().count() > 5) {
        return None;
    }
    Some(clean_declared(&[agency.to_string()], None)).filter(|f| !f.is_empty())
}

/// A page description that opens with a byline ("Posted by Nathan Parker, Varun Khaneja, Eric
/// Mill and Kiran C Nair - Chrome Safe Browsing team …"): the blog printed it in a script.
fn description_byline(page: &Page) -> Option<Vec<String>> {
    let desc = meta(page, "og:description").or_else(|| meta(page, "description"))?;
    let m = TEXT_LEAD.find(desc).filter(|m| m.start() == 0)?;
    let mut found = clean(&[leading_names(&desc[m.end()..])], None);
    found.retain(|n| n.split_whitespace().count() >= 2);
    (!found.is_empty()).then_some(found)
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:©|\([cC]\)|(?i:copyright))(?:\s*(?:©|\([cC]\)))?\s*(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)?\s*(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{L}'-]+){1,2})\s*(?:$|[.•|,·]|\d{4})",
    )
    .expect("static regex")
});

/// The person a copyright line names on a person's own site (the name is the site's: in its
/// address, its `<title>` or its header), on a page that names no author otherwise: "© 2020
/// Wolfgang Michal", "Copyright (c) 2012- Gregory Szorc. All rights reserved." Companies put
/// their names there too, so a name alone is not enough.
fn copyright_holder(page: &Page, outlet: &Outlet, site_name: Option<&str>) -> Option<Vec<String>> {
    let name = page.blocks.iter().rev().take(40).find_map(|b| {
        if b.text.len() > 200 || !mentions_copyright(&b.text) {
            return None;
        }
        let name = COPYRIGHT.captures(&b.text)?.get(1)?.as_str().trim();
        person_shaped(name, outlet).then_some(name)
    })?;
    let key = name_key(name);
    let host = page
        .canonical
        .as_deref()
        .and_then(|c| c.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(name_key)
        .unwrap_or_default();
    let names_site = |t: &str| name_key(t).contains(&key);
    let personal = host.contains(&key)
        || page.title_tag.as_deref().is_some_and(names_site)
        || site_name.is_some_and(names_site)
        || page.h1s.iter().any(|h| name_key(h) == key);
    personal.then(|| vec![name.to_string()])
}

/// The cheap test before [`COPYRIGHT`]'s captures: the block holds "©", "(c)" or "copyright" in
/// any case.
fn mentions_copyright(text: &str) -> bool {
    text.contains('©')
        || text.contains("(c)")
        || text.contains("(C)")
        || text
            .as_bytes()
            .windows(9)
            .any(|w| w.eq_ignore_ascii_case(b"copyright"))
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
        if !(2..=4).contains(&parts.len()) {
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
        // "Aaron Ricadela | Senior Writer | July 2, 2025": the role beside the name
        let mut names = parts
            .iter()
            .filter(|p| !dated(p) && !clock(p) && !is_role(p));
        let (Some(&name), None) = (names.next(), names.next()) else {
            continue;
        };
        if !parts.iter().any(|p| dated(p)) {
            continue;
        }
        // "Mahua Das in Project Management": the category after the name
        let name = match name.split_once(" in ") {
            Some((who, _)) if leading_names(name) == who => who,
            _ => name,
        };
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

/// A line right under the `<h1>` that holds only names of two to four capitalised words, split
/// by commas, "&" or "and"/"und"/"y"/"et" ("Clara Löw, Siddharth Prakash & Klaus Jacob").
fn header_names(page: &Page) -> Option<Vec<String>> {
    const JOINS: &[&str] = &["&", "and", "und", "y", "et"];
    let at = page.headline_block()?;
    page.blocks.iter().skip(at + 1).take(3).find_map(|b| {
        let text = b.text.as_str();
        if text.len() > 100 || page.in_h1(b) || text.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if text.contains(['!', '?', '…', '_']) || text.trim_end().ends_with([',', ':']) {
            return None;
        }
        let found = clean(&[text.to_string()], None);
        let shaped = |n: &String| {
            let words: Vec<&str> = n.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                        && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
                        || PARTICLES.contains(w)
                })
        };
        // one name alone must stand on a plain line of its own; a list of them is a byline
        if found.is_empty()
            || !found.iter().all(shaped)
            || (found.len() == 1 && !plain_line(page, b))
        {
            return None;
        }
        // the line is the names and nothing else
        let rest: String = text
            .split_whitespace()
            .filter(|w| !JOINS.contains(&w.to_lowercase().as_str()))
            .collect();
        (name_key(&rest) == name_key(&found.concat())).then_some(found)
    })
}

/// A line of text of its own, not a heading, list item, caption or cell, nor boilerplate, and
/// without interface words ("Share This", "Print This Page", "Article Tags:").
fn plain_line(page: &Page, b: &super::walk::Block) -> bool {
    const INTERFACE: &[&str] = &[
        "this",
        "page",
        "share",
        "print",
        "links",
        "link",
        "tags",
        "tag",
        "home",
        "blog",
        "more",
        "read",
        "article",
        "articles",
        "related",
        "top",
        "back",
        "contact",
        "us",
        "menu",
        "search",
        "login",
        "next",
        "previous",
        "newsletter",
        "cookies",
        "subscribe",
        "weitere",
        "artikel",
    ];
    let plain = page.elems.get(b.owner as usize).is_some_and(|e| {
        matches!(e.tag.as_str(), "p" | "div" | "span" | "address")
            && e.role != super::vocabulary::Role::Boilerplate
    });
    plain
        && !b.text.trim_end().ends_with(':')
        && !b
            .text
            .split_whitespace()
            .any(|w| INTERFACE.contains(&w.to_lowercase().as_str()))
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

/// Metadata that names only the first of a byline's authors ("Sadhbh O'Sullivan" for the byline
/// "Sadhbh O'Sullivan, Elisabeth Kochan") gives way to the byline: the first byline element whose
/// names include all the declared ones and more, each shaped as a person's name, and nothing else.
fn with_co_authors(
    found: Vec<String>,
    page: &Page,
    site_name: Option<&str>,
    outlet: &Outlet,
) -> Vec<String> {
    let keys: Vec<String> = found.iter().map(|n| name_key(n)).collect();
    let fuller = page.bylines.iter().filter(|b| !b.declared).find_map(|b| {
        let names = clean(std::slice::from_ref(&b.text), site_name);
        let has = |k: &String| names.iter().any(|n| name_key(n) == *k);
        (names.len() > found.len()
            && keys.iter().all(has)
            && names.iter().all(|n| person_shaped(n, outlet)))
        .then_some(names)
    });
    fuller.unwrap_or(found)
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
    // URLs, and e-mail addresses written out ("cipha[at]cipha.net")
    .filter(|v| !v.contains("://") && !v.contains("[at]") && !v.contains("(at)"))
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

/// The words that make the outlet's name its desk ("JuraForum.de-Redaktion", "Example Staff"),
/// as [`name_key`] writes them.
const DESKS: &[&str] = &[
    "redaktion",
    "staff",
    "team",
    "editors",
    "editorial",
    "desk",
    "newsdesk",
    "rédaction",
    "redacción",
    "redazione",
];

/// "redaktion", "editorialteam": the key of a desk, one or two of [`DESKS`] run together.
fn desk_words(d: &str) -> bool {
    DESKS.contains(&d)
        || DESKS
            .iter()
            .any(|w| d.strip_prefix(w).is_some_and(|rest| DESKS.contains(&rest)))
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
        // "Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF" signing: an organisation
        // (its parts, "LWF" as well) is the outlet
        for raw in author_metas(page).iter().filter(|r| is_organisation(r)) {
            for n in clean_declared(std::slice::from_ref(raw), None) {
                outlet.keys.push(name_key(&n));
            }
        }
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
            || self.keys.iter().any(|k| {
                *k == n
                    || (n.chars().count() >= 5 && k.ends_with(&n))
                    // the outlet's desk: "JuraForum.de-Redaktion", "Example News Staff"
                    || (k.len() >= 4
                        && n.strip_prefix(k.as_str()).is_some_and(desk_words))
            })
    }
}

#[cfg(test)]
#[path = "authors_tests.rs"]
mod tests;
