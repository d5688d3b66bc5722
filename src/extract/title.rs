//! The title: the visible headline, reconciled from `<h1>`, JSON-LD `headline`, `og:title` and
//! `<title>`, with site-name suffixes and prefixes removed.

/// Separators between a headline and a site name in `<title>` and `og:title`.
const SEPARATORS: &[&str] = &[
    " | ", " – ", " — ", " - ", " :: ", " · ", " » ", " « ", " / ", " • ", " ~ ", " — ", ": ",
];

/// Letters and digits only, lower case: how titles are compared.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What `text` writes between its first `k` bytes of [`norm`] and the next letter or digit:
/// the gap after a kicker ("„Pure Leere“: " after "pureleere").
fn gap_after_norm(text: &str, k: usize) -> &str {
    let mut seen = 0;
    let mut from = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if let Some(f) = from {
                return &text[f..i];
            }
            seen += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        }
        if seen >= k && from.is_none() {
            from = Some(i + c.len_utf8());
        }
    }
    from.map_or("", |f| &text[f..])
}

/// Removes a suffix or prefix naming the site (`site_name` or the host's main label).
pub fn strip_site(title: &str, site_name: Option<&str>, site: Option<&str>) -> String {
    let mut names: Vec<String> = Vec::new();
    if let Some(n) = site_name {
        names.push(norm(n));
    }
    if let Some(host) = site {
        names.push(norm(host));
        if let Some(label) = host.split('.').rev().nth(1) {
            names.push(norm(label));
        }
    }
    names.retain(|n| n.len() >= 2);
    // a part is the site's name when it is the name; or, after a dash or a bar (not a colon,
    // which ends kickers: "Best of Houzz 2022: …"), when it contains the name or is a piece of it
    let is_site = |part: &str, exact: bool| {
        if SEPARATORS.iter().any(|sep| part.contains(sep)) {
            return false;
        }
        let p = norm(part);
        !p.is_empty()
            && names.iter().any(|n| {
                p == *n
                    || (!exact
                        && n.len() >= 4
                        && (p.contains(n.as_str()) || (p.len() >= 4 && n.contains(p.as_str())))
                        && p.len() <= n.len() + 12)
            })
    };
    let mut t = title.trim().to_string();
    for sep in SEPARATORS {
        let exact = *sep == ": ";
        if let Some(at) = t.rfind(sep)
            && is_site(&t[at + sep.len()..], exact)
            && at > 0
        {
            t = t[..at].trim().to_string();
        }
        if let Some(at) = t.find(sep)
            && is_site(&t[..at], exact)
            && at + sep.len() < t.len()
        {
            t = t[at + sep.len()..].trim().to_string();
        }
    }
    t
}

/// An `<h1>` without a trailing " | Site" whose part after the separator is exactly the site's
/// name or the host's main label (stricter than [`strip_site`]: headlines have colons and dashes).
fn without_site_suffix(h1: &str, site_name: Option<&str>, site: Option<&str>) -> String {
    let names: Vec<String> = [site_name, site.and_then(|h| h.split('.').rev().nth(1))]
        .into_iter()
        .flatten()
        .map(norm)
        .filter(|n| n.len() >= 3)
        .collect();
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some(at) = h1.rfind(sep)
            && at > 0
            && names.contains(&norm(&h1[at + sep.len()..]))
        {
            return h1[..at].trim().to_string();
        }
    }
    h1.to_string()
}

/// Removes a short trailing segment after a separator (a site or section name we could not
/// recognise), when what remains is clearly the longer part.
fn strip_generic(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let (hw, tw) = (
                head.split_whitespace().count(),
                tail.split_whitespace().count(),
            );
            if tw <= 4 && hw > tw && hw >= 3 {
                return strip_generic(head.trim());
            }
        }
    }
    title.trim().to_string()
}

/// The inputs to title reconciliation.
#[derive(Debug, Default)]
pub struct TitleSources<'a> {
    pub h1s: &'a [String],
    pub h2s: &'a [String],
    pub headline: Option<String>,
    pub og_title: Option<String>,
    pub title_tag: Option<&'a str>,
    pub site_name: Option<&'a str>,
    pub site: Option<&'a str>,
}

/// Separators between the parts of a `<title>` when looking for the site's name among them.
const PART_SEPARATORS: &[&str] = &[
    " | ", " » ", " « ", " – ", " — ", " - ", " :: ", " : ", " · ", " • ", " / ",
];

/// The parts of a `<title>` ("Site » Blog Archive » Post", "Post | Site | Motto").
fn parts(title: &str) -> Vec<&str> {
    let mut out = vec![title];
    for sep in PART_SEPARATORS {
        out = out.iter().flat_map(|p| p.split(sep)).collect();
    }
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// When the `<h1>` is the blog's name (old themes) and the post title is one part of the
/// `<title>`: the part an `<h2>` confirms, else the longest other part.
fn title_beside_site_h1(s: &TitleSources<'_>, h1: &str, site_norms: &[String]) -> Option<String> {
    let n = norm(h1);
    if n.is_empty() {
        return None;
    }
    let tag = s.title_tag?;
    let ps = parts(tag);
    if ps.len() < 2 {
        return None;
    }
    let at = ps.iter().position(|p| norm(p) == n)?;
    let others: Vec<&str> = ps
        .iter()
        .enumerate()
        .filter(|(i, p)| *i != at && !matches!(norm(p).as_str(), "blogarchive" | "blogarchiv"))
        .map(|(_, p)| *p)
        .collect();
    let longest = others.iter().copied().max_by_key(|p| p.chars().count())?;
    let site_like = |p: &str| {
        let pn = norm(p);
        site_norms
            .iter()
            .any(|sn| !sn.is_empty() && (*sn == pn || sn.contains(&pn) || pn.contains(sn.as_str())))
    };
    // metadata that repeats the h1 makes it the headline
    if [s.og_title.as_deref(), s.headline.as_deref()]
        .into_iter()
        .flatten()
        .any(|m| norm(&strip_site(m, s.site_name, s.site)) == n)
    {
        return None;
    }
    let confirmed = s.h2s.iter().find(|h| {
        !site_like(h)
            && h.chars().count() > h1.chars().count()
            && others.iter().any(|o| norm(o) == norm(h))
    });
    // the h1 is the site when it names the site, when an h2 repeats another part, or when it
    // follows a longer part that is not itself the site's name
    let is_site = site_norms.contains(&n)
        || confirmed.is_some()
        || (at > 0 && h1.chars().count() < longest.chars().count() && !site_like(longest));
    if !is_site {
        return None;
    }
    if let Some(og) = s.og_title.as_deref().or(s.headline.as_deref())
        && norm(og) != n
        && !site_like(og)
    {
        return Some(strip_site(og, s.site_name, s.site));
    }
    if let Some(h2) = confirmed {
        return Some(h2.clone());
    }
    Some(longest.to_string())
}

/// The ways to cut a metadata title in two at a separator ("Kicker: Headline").
fn halves(m: &str) -> impl Iterator<Item = (&str, &str)> {
    SEPARATORS.iter().flat_map(move |sep| {
        m.match_indices(sep)
            .map(move |(at, _)| (m[..at].trim(), m[at + sep.len()..].trim()))
    })
}

/// When an `<h1>` reads as the two parts of a metadata title run together without their
/// separator ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt" against "Interne
/// Unterlagen im Netz: Daten von Rheinmetall gehackt", or the parts the other way round), the
/// first part is a kicker printed as its own element: the headline is the part the h1 ends with.
fn headline_after_kicker(h1: &str, meta: &[String], stripped: &[String]) -> Option<String> {
    let n = norm(h1);
    if n.len() < 16 {
        return None;
    }
    meta.iter()
        .chain(stripped)
        .flat_map(|m| halves(m))
        .find_map(|(a, b)| {
            let (na, nb) = (norm(a), norm(b));
            if na.len() < 3 || nb.len() < 3 {
                return None;
            }
            let (kicker, head) = if n == format!("{na}{nb}") {
                (&na, b)
            } else if n == format!("{nb}{na}") {
                (&nb, a)
            } else {
                return None;
            };
            // the h1 that writes a separator after the kicker is one headline
            let gap = gap_after_norm(h1, kicker.len());
            (gap.trim().is_empty() && norm(head).len() >= 10).then(|| head.to_string())
        })
}

/// Lower-case words of a title.
fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether at least half of the words of `h` are words of `m`.
fn shares_words(h: &str, m: &str) -> bool {
    let (hw, mw) = (words(h), words(m));
    2 * hw.iter().filter(|w| mw.contains(w)).count() >= hw.len()
}

/// Picks the headline.
pub fn reconcile(s: &TitleSources<'_>) -> Option<String> {
    // an <h1> can end with the site's name as <title> does ("EU-Taxonomie: … | Umweltbundesamt");
    // an h1 printed twice (desktop and mobile headers) counts once
    let mut h1s: Vec<String> = Vec::with_capacity(s.h1s.len());
    for h in s.h1s {
        let h = without_site_suffix(h, s.site_name, s.site);
        if !h1s.contains(&h) {
            h1s.push(h);
        }
    }
    let site_norms: Vec<String> = [s.site_name, s.site]
        .into_iter()
        .flatten()
        .map(norm)
        .collect();
    // the site's name, its host or the host's main label ("anwaltniemeyer")
    let mut names = site_norms.clone();
    names.extend(s.site.and_then(|h| h.split('.').rev().nth(1)).map(norm));
    names.retain(|n| !n.is_empty());
    let is_site = |n: &str| names.iter().any(|sn| n == sn || sn.contains(n));
    if h1s.len() == 1
        && let Some(t) = title_beside_site_h1(s, &h1s[0], &site_norms)
    {
        return Some(t);
    }
    let raw: Vec<&str> = [s.headline.as_deref(), s.og_title.as_deref(), s.title_tag]
        .into_iter()
        .flatten()
        .collect();
    let meta: Vec<String> = raw
        .iter()
        .map(|t| strip_site(t, s.site_name, s.site))
        .filter(|t| !t.is_empty())
        .collect();
    let metas_norm: Vec<String> = meta.iter().map(|m| norm(m)).collect();
    // the metadata titles without an unrecognised site suffix
    let stripped: Vec<String> = meta.iter().map(|m| strip_generic(m)).collect();
    let stripped_norm: Vec<String> = stripped.iter().map(|m| norm(m)).collect();
    let raw_norm: Vec<String> = raw.iter().map(|m| norm(m)).collect();
    let tag_norm = s.title_tag.map(norm).unwrap_or_default();
    // an h1 that prints a kicker as its own element ("<span>Klimaschutz</span><span>Bohren, bis
    // es heiß wird</span>") where the metadata writes "Klimaschutz: Bohren, bis es heiß wird"
    for h in h1s.iter().take(5) {
        if let Some(t) = headline_after_kicker(h, &meta, &stripped) {
            return Some(t);
        }
    }
    // a visible h1 that the metadata confirms is the headline
    for h in h1s.iter().take(5) {
        let n = norm(h);
        if n.len() < 6 {
            continue;
        }
        if metas_norm.contains(&n) || raw_norm.contains(&n) {
            return Some(h.clone());
        }
    }
    let mut contained: Option<&String> = None;
    for h in h1s.iter().take(5) {
        let n = norm(h);
        // an h1 that runs a kicker into the headline ("Tunesien Große Aufgaben für …") ends
        // with the headline the metadata gives (with a separator too: the gold drops "Kicker: ")
        let run_in = |m: &str| m.len() >= 16 && n.len() > m.len() && n.ends_with(m);
        if let Some(i) = metas_norm.iter().position(|m| run_in(m)) {
            return Some(meta[i].clone());
        }
        // the same with the metadata's unrecognised site suffix removed ("1. Februar 2022
        // Bundesministerin Raab: …" against "Bundesministerin Raab: … - Bundeskanzleramt")
        if let Some(i) = stripped_norm.iter().position(|m| run_in(m)) {
            return Some(stripped[i].clone());
        }
        // an h1 the metadata holds (or nearly is), not the site's name; of several, the longest
        // ("Zoll online - Fachmeldungen - Verkündung des …" holds three h1s)
        let held = tag_norm.contains(&n)
            || metas_norm
                .iter()
                .any(|m| m.contains(&n) || (n.contains(m.as_str()) && m.len() * 10 >= n.len() * 7));
        if n.len() >= 10
            && !is_site(&n)
            && held
            && contained.is_none_or(|c| norm(c).len() < n.len())
        {
            contained = Some(h);
        }
    }
    if let Some(h) = contained {
        return Some(h.clone());
    }
    // an h2 that prints the metadata title beats an h1 the metadata does not confirm (a
    // section's name: "Betriebliche Altersvorsorge" over "Mit Hilfe des Chefs für die Rente sparen")
    if let Some(h2) = s.h2s.iter().find(|h| {
        let n = norm(h);
        n.len() >= 10 && !is_site(&n) && metas_norm.contains(&n)
    }) {
        return Some(h2.clone());
    }
    // a single headline-like h1 is the visible headline even when the metadata words it otherwise
    let headline_like: Vec<&String> = h1s
        .iter()
        .filter(|h| {
            let n = norm(h);
            let words = h.split_whitespace().count();
            (3..=30).contains(&words) && !is_site(&n)
        })
        .collect();
    // among several h1s (a site name, a newsletter box's), the only headline-like one that
    // shares most of its words with the metadata title
    if headline_like.len() == 1
        && (h1s.len() == 1 || meta.iter().any(|m| shares_words(headline_like[0], m)))
    {
        return Some(headline_like[0].clone());
    }
    // a one- or two-word h1 ("Ischgl", "Blockhaus 3") whose words the metadata title uses
    // ("Trails! Ischgl", "Blockhaus Typ 3 in Ludorf…"), or beside metadata that only names the site
    if h1s.len() == 1 {
        let h = &h1s[0];
        let n = norm(h);
        if h.split_whitespace().count() < 3 && n.len() >= 3 && !is_site(&n) {
            let in_meta = stripped.first().is_some_and(|m| {
                let mw = words(m);
                words(h)
                    .iter()
                    .all(|w| mw.iter().any(|m| m.starts_with(w.as_str())))
            });
            if in_meta || metas_norm.iter().all(|m| is_site(m)) {
                return Some(h.clone());
            }
        }
    }
    // a page without an h1 whose <title> starts with a part an h2 prints ("Villa Galaxy - Ferienvilla
    // in Florida" over an h2 "Villa Galaxy")
    if h1s.is_empty()
        && let Some(tag) = s.title_tag
    {
        let ps = parts(tag);
        if ps.len() >= 2 {
            let first = norm(ps[0]);
            if first.len() >= 6
                && !is_site(&first)
                && let Some(h2) = s.h2s.iter().find(|h| norm(h) == first)
            {
                return Some(h2.clone());
            }
        }
    }
    if let Some(first) = meta.first() {
        // a metadata title cut off ("… Solutions (Including", "… califica a Biden de") that
        // another source writes out
        let fnorm = norm(first);
        let first = meta
            .iter()
            .find(|m| {
                let mn = norm(m);
                let gap = gap_after_norm(m, fnorm.len()).trim();
                mn.len() > fnorm.len()
                    && mn.starts_with(&fnorm)
                    && matches!(gap, "" | "\"" | "“" | "„" | "«" | "(")
            })
            .unwrap_or(first);
        // a metadata title an h2 prints in full keeps its second half
        let shown = s.h2s.iter().any(|h| norm(h) == norm(first));
        if !shown && (s.title_tag.is_some_and(|t| norm(t) == norm(first)) || s.headline.is_none()) {
            return Some(strip_generic(first));
        }
        return Some(first.clone());
    }
    h1s.into_iter().next()
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
