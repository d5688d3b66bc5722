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
    let is_site = |part: &str| {
        if SEPARATORS.iter().any(|sep| part.contains(sep)) {
            return false;
        }
        let p = norm(part);
        !p.is_empty()
            && names.iter().any(|n| {
                p == *n
                    || (n.len() >= 4
                        && (p.contains(n.as_str()) || (p.len() >= 4 && n.contains(p.as_str())))
                        && p.len() <= n.len() + 12)
            })
    };
    let mut t = title.trim().to_string();
    for sep in SEPARATORS {
        if let Some(at) = t.rfind(sep)
            && is_site(&t[at + sep.len()..])
            && at > 0
        {
            t = t[..at].trim().to_string();
        }
        if let Some(at) = t.find(sep)
            && is_site(&t[..at])
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
fn title_beside_site_h1(s: &TitleSources<'_>, site_norms: &[String]) -> Option<String> {
    let h1 = s.h1s.first()?;
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

/// When an `<h1>` reads as the two parts of a metadata title run together without their
/// separator ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt" against "Interne
/// Unterlagen im Netz: Daten von Rheinmetall gehackt", or the parts the other way round), the
/// first part is a kicker printed as its own element: the headline is the part the h1 ends with.
fn headline_after_kicker(h1: &str, meta: &[String], stripped: &[String]) -> Option<String> {
    let n = norm(h1);
    if n.len() < 16 {
        return None;
    }
    for m in meta.iter().chain(stripped) {
        for sep in SEPARATORS {
            for (at, _) in m.match_indices(sep) {
                let (a, b) = (m[..at].trim(), m[at + sep.len()..].trim());
                let (na, nb) = (norm(a), norm(b));
                if na.len() < 3 || nb.len() < 3 {
                    continue;
                }
                let (kicker, head) = if n == format!("{na}{nb}") {
                    (a, b)
                } else if n == format!("{nb}{na}") {
                    (b, a)
                } else {
                    continue;
                };
                // the h1 that writes a separator after the kicker is one headline
                let kicker_chars = norm(kicker).chars().count();
                let mut seen = 0;
                let next = h1
                    .chars()
                    .skip_while(|c| {
                        if seen >= kicker_chars {
                            return false;
                        }
                        if c.is_alphanumeric() {
                            seen += c.to_lowercase().count();
                        }
                        true
                    })
                    .find(|c| !c.is_whitespace());
                if next.is_some_and(|c| !c.is_alphanumeric()) {
                    continue;
                }
                if norm(head).len() >= 10 {
                    return Some(head.to_string());
                }
            }
        }
    }
    None
}

/// Picks the headline.
pub fn reconcile(s: &TitleSources<'_>) -> Option<String> {
    // an <h1> can end with the site's name as <title> does ("EU-Taxonomie: … | Umweltbundesamt")
    let h1s: Vec<String> = s
        .h1s
        .iter()
        .map(|h| without_site_suffix(h, s.site_name, s.site))
        .collect();
    let s = &TitleSources {
        h1s: &h1s,
        h2s: s.h2s,
        headline: s.headline.clone(),
        og_title: s.og_title.clone(),
        title_tag: s.title_tag,
        site_name: s.site_name,
        site: s.site,
    };
    let site_norms: Vec<String> = [s.site_name, s.site]
        .into_iter()
        .flatten()
        .map(norm)
        .collect();
    if s.h1s.len() == 1
        && let Some(t) = title_beside_site_h1(s, &site_norms)
    {
        return Some(t);
    }
    let clean = |t: &str| strip_site(t, s.site_name, s.site);
    let meta: Vec<String> = [s.headline.as_deref(), s.og_title.as_deref(), s.title_tag]
        .into_iter()
        .flatten()
        .map(clean)
        .filter(|t| !t.is_empty())
        .collect();
    let metas_norm: Vec<String> = meta.iter().map(|m| norm(m)).collect();
    // the metadata titles without an unrecognised site suffix
    let stripped: Vec<String> = meta.iter().map(|m| strip_generic(m)).collect();
    let tag_norm = s.title_tag.map(norm).unwrap_or_default();
    // an h1 that prints a kicker as its own element ("<span>Klimaschutz</span><span>Bohren, bis
    // es heiß wird</span>") where the metadata writes "Klimaschutz: Bohren, bis es heiß wird"
    for h in s.h1s.iter().take(5) {
        if let Some(t) = headline_after_kicker(h, &meta, &stripped) {
            return Some(t);
        }
    }
    // a visible h1 that the metadata confirms is the headline
    for h in s.h1s.iter().take(5) {
        let n = norm(h);
        if n.len() < 6 {
            continue;
        }
        if metas_norm.contains(&n) {
            return Some(h.clone());
        }
    }
    for h in s.h1s.iter().take(5) {
        let n = norm(h);
        // an h1 that runs a kicker into the headline ("Tunesien Große Aufgaben für …") ends
        // with the headline the metadata gives
        if let Some(i) = metas_norm
            .iter()
            .position(|m| m.len() >= 16 && n.len() > m.len() && n.ends_with(m.as_str()))
        {
            return Some(meta[i].clone());
        }
        // the same with the metadata's unrecognised site suffix removed ("1. Februar 2022
        // Bundesministerin Raab: …" against "Bundesministerin Raab: … - Bundeskanzleramt")
        if let Some(t) = stripped.iter().find(|t| {
            let m = norm(t);
            m.len() >= 16 && n.len() > m.len() && n.ends_with(m.as_str())
        }) {
            return Some(t.clone());
        }
        if n.len() >= 10
            && (tag_norm.contains(&n)
                || metas_norm.iter().any(|m| {
                    m.contains(&n) || (n.contains(m.as_str()) && m.len() * 10 >= n.len() * 7)
                }))
        {
            return Some(h.clone());
        }
    }
    // a single headline-like h1 is the visible headline even when the metadata words it otherwise
    if s.h1s.len() == 1 {
        let h = &s.h1s[0];
        let n = norm(h);
        let words = h.split_whitespace().count();
        if (3..=30).contains(&words) && !site_norms.iter().any(|sn| n == *sn || sn.contains(&n)) {
            return Some(h.clone());
        }
    }
    if let Some(first) = meta.first() {
        if s.title_tag.is_some_and(|t| norm(t) == norm(first)) || s.headline.is_none() {
            return Some(strip_generic(first));
        }
        return Some(first.clone());
    }
    s.h1s.first().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_prefix_is_not_the_site_because_the_site_name_contains_it() {
        // "Re" is inside "worldaffairsreview": a Usenet subject keeps its "Re: "
        assert_eq!(
            strip_site(
                "World Affairs Review: Re: HST Servicing Mission Scheduled for 11 Days",
                Some("World Affairs Review"),
                Some("world-affairs-review.example")
            ),
            "Re: HST Servicing Mission Scheduled for 11 Days"
        );
    }

    #[test]
    fn site_suffixes_and_prefixes_go() {
        assert_eq!(
            strip_site("Headline here – The Daily", Some("The Daily"), None),
            "Headline here"
        );
        assert_eq!(
            strip_site("The Daily | Headline here", Some("The Daily"), None),
            "Headline here"
        );
        assert_eq!(
            strip_site(
                "Headline here - Example News",
                None,
                Some("examplenews.com")
            ),
            "Headline here"
        );
        assert_eq!(
            strip_site("A – WSJ - The Moscow Times", Some("The Moscow Times"), None),
            "A – WSJ"
        );
    }

    #[test]
    fn h1_confirmed_by_metadata_wins() {
        let h1s = vec![
            "Menu".to_string(),
            "Elon Musk Held Secret Talks With Putin – WSJ".to_string(),
        ];
        let s = TitleSources {
            h1s: &h1s,
            og_title: Some("Elon Musk Held Secret Talks With Putin – WSJ".into()),
            title_tag: Some("Elon Musk Held Secret Talks With Putin – WSJ - The Moscow Times"),
            site_name: Some("The Moscow Times"),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("Elon Musk Held Secret Talks With Putin – WSJ")
        );
    }

    #[test]
    fn blog_name_in_h1_is_not_the_title() {
        let h1s = vec!["Four Years Remaining".to_string()];
        let h2s = vec!["Interning of Small Integers in Python".to_string()];
        let s = TitleSources {
            h1s: &h1s,
            h2s: &h2s,
            title_tag: Some(
                "Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
            ),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("Interning of Small Integers in Python")
        );
        let h1s = vec!["Liebe geht durch den Magen".to_string()];
        let s = TitleSources {
            h1s: &h1s,
            title_tag: Some("Rinderleber mit Apfel und Zwiebel | Liebe geht durch den Magen"),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("Rinderleber mit Apfel und Zwiebel")
        );
        // the h1 that starts the <title> is the headline
        let h1s = vec!["A long headline about things".to_string()];
        let s = TitleSources {
            h1s: &h1s,
            title_tag: Some("A long headline about things | Paper"),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("A long headline about things")
        );
    }

    #[test]
    fn kicker_run_into_the_h1_goes() {
        let h1s = vec!["Tunesien Große Aufgaben für die neue Regierung".to_string()];
        let s = TitleSources {
            h1s: &h1s,
            og_title: Some("Große Aufgaben für die neue Regierung".into()),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("Große Aufgaben für die neue Regierung")
        );
    }

    #[test]
    fn title_tag_alone_loses_its_suffix() {
        let s = TitleSources {
            title_tag: Some("A long headline about things | Section | Paper"),
            ..Default::default()
        };
        assert_eq!(
            reconcile(&s).as_deref(),
            Some("A long headline about things")
        );
    }
}
