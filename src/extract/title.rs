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

/// Whether [`norm`] of `s` is `key`, without building it: most texts differ at once.
pub fn norm_is(s: &str, key: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .eq(key.chars())
}

/// What `text` writes between its first `k` bytes of [`norm`] and the next letter or digit:
/// the gap after a kicker ("„Pure Leere“: " after "pureleere").
fn gap_after_norm(text: &str, k: usize) -> &str {
    split_after_norm(text, k).0
}

/// [`gap_after_norm`] and the text after that gap.
fn split_after_norm(text: &str, k: usize) -> (&str, &str) {
    let mut seen = 0;
    let mut from = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if let Some(f) = from {
                return (&text[f..i], &text[i..]);
            }
            seen += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        }
        if seen >= k && from.is_none() {
            from = Some(i + c.len_utf8());
        }
    }
    (from.map_or("", |f| &text[f..]), "")
}

/// The site's names, normalised: its declared name (`og:site_name`, the publisher,
/// `application-name`), its host and the host's main label ("anwaltniemeyer"). Built once a page.
#[derive(Debug, Default)]
pub struct SiteNames(Vec<String>);

impl SiteNames {
    pub fn new(site_name: Option<&str>, site: Option<&str>) -> Self {
        // (under a country's second level the label before it: "nationalrail.co.uk")
        let label = site.and_then(|h| {
            let mut labels = h.split('.').rev();
            let tld = labels.next()?;
            let second = labels.next()?;
            match labels.next() {
                Some(third) if tld.len() == 2 && SECOND_LEVEL.contains(&second) => Some(third),
                _ => Some(second),
            }
        });
        let mut names: Vec<String> = Vec::new();
        for n in [site_name, site, label].into_iter().flatten().map(norm) {
            if n.len() >= 2 && !names.contains(&n) {
                names.push(n);
            }
        }
        SiteNames(names)
    }

    /// Whether the normalised `n` is one of the names or a piece of one.
    fn within(&self, n: &str) -> bool {
        self.0.iter().any(|s| s.contains(n))
    }

    /// Whether the normalised `n` and a name hold one another.
    fn overlaps(&self, n: &str) -> bool {
        self.0
            .iter()
            .any(|s| s.contains(n) || n.contains(s.as_str()))
    }

    /// Whether a part cut off a title at a separator names the site: it is the name; or,
    /// unless `exact` (after a colon, which ends kickers: "Best of Houzz 2022: …"), it contains
    /// the name or is a piece of it of 4 letters or more ("Re" is not "World Affairs Review"),
    /// adding at most 12 letters or the name's length ("EFC Bayrische Bembel Regensburg" names
    /// bayrische-bembel.de; "Advertising on Jodel" does not name jodel.com).
    fn names_part(&self, part: &str, exact: bool) -> bool {
        if SEPARATORS.iter().any(|sep| part.contains(sep)) {
            return false;
        }
        let p = norm(part);
        !p.is_empty()
            && self.0.iter().any(|n| {
                p == *n
                    || (!exact
                        && n.len() >= 4
                        && (p.contains(n.as_str()) || (p.len() >= 4 && n.contains(p.as_str())))
                        && p.len() <= n.len() + n.len().max(12))
            })
    }

    /// Where the `<title>` is a declared title and one more part ("Engora Data Blog: Small
    /// adventures…" beside an `og:title` "Small adventures…"), that part names the site too.
    fn add_part_beside(&mut self, tag: &str, declared: &[String]) {
        for (a, b) in halves(tag) {
            let (na, nb) = (norm(a), norm(b));
            for (part, np, other) in [(a, na.as_str(), nb.as_str()), (b, nb.as_str(), na.as_str())]
            {
                if declared.iter().any(|d| d == other)
                    && np.len() >= 2
                    && !declared.iter().any(|d| d == np)
                    && part.split_whitespace().count() <= 5
                    && !self.0.iter().any(|n| n == np)
                {
                    self.0.push(np.to_string());
                }
            }
        }
    }

    /// `title` without a suffix or prefix naming the site.
    pub fn strip(&self, title: &str) -> String {
        let mut t = title.trim().to_string();
        // bars without spaces ("NEWS WEB EASY|子どもへの…") only beside the exact name
        for sep in SEPARATORS.iter().chain(&["|", "｜"]) {
            let exact = matches!(*sep, ": " | "|" | "｜");
            if let Some(at) = t.rfind(sep)
                && self.names_part(&t[at + sep.len()..], exact)
                && at > 0
            {
                t = t[..at].trim().to_string();
            }
            if let Some(at) = t.find(sep)
                && self.names_part(&t[..at], exact)
                && at + sep.len() < t.len()
            {
                t = t[at + sep.len()..].trim().to_string();
            }
        }
        // a domain name written before or after the headline without a separator
        // ("example.com Vibe Coding")
        // (in lower case: "Amazon.com Reports …" is a headline about the site)
        let domain = |w: &str| {
            w.contains('.') && !w.contains(char::is_uppercase) && self.0.contains(&norm(w))
        };
        if let Some((first, rest)) = t.split_once(' ')
            && domain(first)
        {
            t = rest.trim().to_string();
        }
        if let Some((rest, last)) = t.rsplit_once(' ')
            && domain(last)
        {
            t = rest.trim().to_string();
        }
        t
    }

    /// An `<h1>` without a trailing " | Site" that is exactly one of the names (stricter than
    /// [`SiteNames::strip`]: headlines have colons and dashes).
    fn strip_exact_suffix(&self, h1: &str) -> String {
        for sep in [" | ", " – ", " — ", " - "] {
            if let Some(at) = h1.rfind(sep)
                && at > 0
                && self.0.contains(&norm(&h1[at + sep.len()..]))
            {
                return h1[..at].trim().to_string();
            }
        }
        h1.to_string()
    }
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
            // not inside brackets ("Zhi Neng Xiang Nian Ni (只能想念你 - 蕭敬騰)")
            let open = head.matches(['(', '[']).count() > head.matches([')', ']']).count();
            if tw <= 4 && hw > tw && hw >= 3 && !open {
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
    /// The texts of the `<h1>`s printed inside links (a list of teasers), once each time.
    pub linked_h1s: Vec<&'a str>,
    pub headline: Option<String>,
    pub og_title: Option<String>,
    pub title_tag: Option<&'a str>,
    pub site_name: Option<&'a str>,
    pub site: Option<&'a str>,
}

/// Second-level labels under a country's domain ("co.uk", "com.au"), which name no site.
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go",
];

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

/// A title source as written and [`norm`]alised.
#[derive(Debug)]
struct Text {
    text: String,
    norm: String,
}

impl Text {
    fn new(text: String) -> Self {
        let norm = norm(&text);
        Text { text, norm }
    }
}

/// Which metadata source a title comes from.
#[derive(Debug, PartialEq)]
enum Source {
    Headline,
    OpenGraph,
    TitleTag,
}

/// A metadata title as written, without the site's name, and also without an unrecognised
/// short suffix.
#[derive(Debug)]
struct Meta {
    source: Source,
    raw: Text,
    clean: Text,
    short: Text,
}

/// The title sources of one page, each normalised once, and the site's names they give.
struct NormalisedSources {
    site: SiteNames,
    /// `<h1>`s without an exact site suffix, each once
    h1s: Vec<Text>,
    /// For each of `h1s`: printed once plainly and again inside a link, in a list of teasers
    /// that holds the page itself
    teased: Vec<bool>,
    h2s: Vec<Text>,
    /// JSON-LD `headline`, `og:title`, `<title>`, in that order, the empty ones left out
    meta: Vec<Meta>,
    title_tag: Option<String>,
}

impl NormalisedSources {
    fn new(s: &TitleSources<'_>) -> Self {
        let mut site = SiteNames::new(s.site_name, s.site);
        if let Some(tag) = s.title_tag {
            let declared: Vec<String> = [s.headline.as_deref(), s.og_title.as_deref()]
                .into_iter()
                .flatten()
                .map(|d| norm(&site.strip(d)))
                .filter(|d| d.len() >= 6)
                .collect();
            site.add_part_beside(tag, &declared);
        }
        // an <h1> can end with the site's name as <title> does ("EU-Taxonomie: … |
        // Umweltbundesamt"); an h1 printed twice (desktop and mobile headers) counts once
        let mut h1s: Vec<Text> = Vec::with_capacity(s.h1s.len());
        for h in s.h1s {
            let h = site.strip_exact_suffix(h);
            if !h1s.iter().any(|t| t.text == h) {
                h1s.push(Text::new(h));
            }
        }
        let teased = h1s
            .iter()
            .map(|t| {
                let linked = s.linked_h1s.iter().filter(|l| **l == t.text).count();
                linked > 0
                    && s.h1s
                        .iter()
                        .filter(|h| site.strip_exact_suffix(h) == t.text)
                        .count()
                        > linked
            })
            .collect();
        let meta = [
            (Source::Headline, s.headline.as_deref()),
            (Source::OpenGraph, s.og_title.as_deref()),
            (Source::TitleTag, s.title_tag),
        ]
        .into_iter()
        .filter_map(|(source, raw)| {
            let raw = raw?;
            let clean = site.strip(raw);
            (!clean.is_empty()).then(|| Meta {
                source,
                raw: Text::new(raw.to_string()),
                short: Text::new(strip_generic(&clean)),
                clean: Text::new(clean),
            })
        })
        .collect();
        NormalisedSources {
            h1s,
            teased,
            h2s: s.h2s.iter().map(|h| Text::new(h.clone())).collect(),
            meta,
            title_tag: s.title_tag.map(str::to_string),
            site,
        }
    }

    /// When the `<h1>` is the `<title>`'s last parts ("Salsa-Figuren - Rueda in Berlin", the
    /// section and the site, under "Enchufla Figuren - Salsa-Figuren - Rueda in Berlin") and no
    /// declared title says otherwise: the longest part before them.
    fn title_before_trailing_h1(&self, h1: &Text) -> Option<String> {
        let k = parts(&h1.text).len();
        let ps = parts(self.title_tag.as_deref()?);
        if k < 2 || ps.len() <= k || self.declared().next().is_some() {
            return None;
        }
        let (lead, tail) = ps.split_at(ps.len() - k);
        if norm(&tail.concat()) != h1.norm {
            return None;
        }
        let head = lead.iter().max_by_key(|p| p.chars().count())?;
        (norm(head).len() >= 6 && !self.site.names_part(head, false)).then(|| head.to_string())
    }

    /// The metadata titles from JSON-LD and Open Graph (not `<title>`).
    fn declared(&self) -> impl Iterator<Item = &Meta> {
        self.meta.iter().filter(|m| m.source != Source::TitleTag)
    }

    /// The h2 under an h1 that only names the section ("Literatur", "OutdoorNews | Eintrag"): the
    /// h1 (its first part) is a part of a metadata title, and the h2 is one half of a metadata
    /// title ("GALORE.de | Kultur | Literatur | 30.11. | Buch der Woche - …" over an h2 "30.11. |
    /// Buch der Woche"). Not when the other half is the h1 itself: that is the site's name,
    /// which [`NormalisedSources::title_beside_site_h1`] reads.
    fn headline_under_section_h1(&self) -> Option<String> {
        let raws = || self.meta.iter().map(|m| m.raw.text.as_str());
        for h in self.h1s.iter().take(12) {
            if h.text.split_whitespace().count() > 3 {
                continue;
            }
            let first = parts(&h.text).first().map(|p| norm(p)).unwrap_or_default();
            if first.len() < 3 || !raws().any(|m| parts(m).iter().any(|p| norm(p) == first)) {
                continue;
            }
            let names_h1 = |n: &str| n == first || n == h.norm;
            if let Some(h2) = self.h2s.iter().take(3).find(|h2| {
                h2.norm.len() >= 10
                    && h2.norm.len() > h.norm.len()
                    && raws().flat_map(halves).any(|(a, b)| {
                        let (na, nb) = (norm(a), norm(b));
                        (na == h2.norm && !names_h1(&nb)) || (nb == h2.norm && !names_h1(&na))
                    })
            }) {
                return Some(h2.text.clone());
            }
        }
        None
    }

    /// When the `<h1>` is the blog's name (old themes) and the post title is one part of the
    /// `<title>`: the part an `<h2>` confirms, else the longest other part.
    fn title_beside_site_h1(&self, h1: &Text) -> Option<String> {
        let n = &h1.norm;
        if n.is_empty() {
            return None;
        }
        let ps = parts(self.title_tag.as_deref()?);
        if ps.len() < 2 {
            return None;
        }
        let at = ps.iter().position(|p| norm(p) == *n)?;
        let others: Vec<Text> = ps
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, p)| Text::new(p.to_string()))
            .filter(|p| !matches!(p.norm.as_str(), "blogarchive" | "blogarchiv"))
            .collect();
        let longest = others.iter().max_by_key(|p| p.text.chars().count())?;
        // an h1 that is the <title>'s first part, where another part names the site, is the
        // headline ("Vom Boden aus gedacht - Ann Cotten verwebt … : literaturkritik.de")
        if at == 0
            && !self.site.0.contains(n)
            && others.iter().any(|o| self.site.names_part(&o.text, false))
        {
            return None;
        }
        // metadata that repeats the h1 makes it the headline
        if self.declared().any(|m| m.clean.norm == *n) {
            return None;
        }
        let h1_len = h1.text.chars().count();
        let confirmed = self.h2s.iter().find(|h| {
            !self.site.overlaps(&h.norm)
                && h.text.chars().count() > h1_len
                && others.iter().any(|o| o.norm == h.norm)
        });
        // the h1 is the site when it names the site, when an h2 repeats another part, or when it
        // follows a longer part that is not itself the site's name
        let is_site = self.site.0.contains(n)
            || confirmed.is_some()
            || (at > 0
                && h1_len < longest.text.chars().count()
                && !self.site.overlaps(&longest.norm));
        if !is_site {
            return None;
        }
        let og = self
            .declared()
            .min_by_key(|m| m.source != Source::OpenGraph);
        // (not when it still holds the h1 an h2 shows to be the site's or section's name:
        // "Strava-Karten ab sofort … - Strava-Update: POI bei Routen-Tool")
        if let Some(og) = og
            && og.raw.norm != *n
            && !self.site.overlaps(&og.raw.norm)
            && !(confirmed.is_some() && og.clean.norm.contains(n.as_str()))
        {
            return Some(og.clean.text.clone());
        }
        if let Some(h2) = confirmed {
            return Some(h2.text.clone());
        }
        Some(longest.text.clone())
    }
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
fn headline_after_kicker<'m>(h1: &str, meta: impl IntoIterator<Item = &'m str>) -> Option<String> {
    let n = norm(h1);
    if n.len() < 16 {
        return None;
    }
    meta.into_iter().flat_map(halves).find_map(|(a, b)| {
        let (na, nb) = (norm(a), norm(b));
        if na.len() < 3 || nb.len() < 3 {
            return None;
        }
        // the h1's kicker may go on before the metadata's ("Nach Corona-Lockerungen Autohäuser …"
        // against "Corona-Lockerungen: Autohäuser …")
        // or the metadata cuts the headline the h1 writes out after the kicker ("Initiative
        // EnergieEffizienz Kostenloser Stromcheck für private Haushalte" against "Initiative
        // EnergieEffizienz - kostenloser Stromcheck"): the h1's rest is the headline
        let (kicker_len, head) = if n.ends_with(&format!("{na}{nb}")) {
            (n.len() - nb.len(), b)
        } else if n == format!("{nb}{na}") {
            (nb.len(), a)
        } else if nb.len() >= 10 && n.starts_with(&format!("{na}{nb}")) {
            (na.len(), split_after_norm(h1, na.len()).1)
        } else {
            return None;
        };
        // the h1 that writes a separator after the kicker is one headline; a quotation mark
        // opens the headline ("Die Zukunft der Arbeit\"Wir dekorieren …\""); a head with a
        // colon of its own has its own kicker: the metadata's first colon is no kicker's end
        // ("MTB-Reifen auf Tubeless umrüsten: Schritt für Schritt: so einfach …")
        let gap = gap_after_norm(h1, kicker_len);
        let quotes_only = gap
            .trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c))
            .is_empty();
        (quotes_only && norm(head).len() >= 10 && !head.contains(": ")).then(|| head.to_string())
    })
}

/// Whether `h` is `m` with some characters replaced by a question mark or U+FFFD each (one to
/// three characters: "Beginner's" read as "Beginner?"), and at least one of them not a
/// question mark in `m` too.
fn damaged_copy(h: &str, m: &str) -> bool {
    let mut pieces = h.split(['?', '\u{fffd}']);
    let Some(first) = pieces.next() else {
        return false;
    };
    let Some(mut rest) = m.strip_prefix(first) else {
        return false;
    };
    let mut damaged = false;
    let mut count = 0;
    for piece in pieces {
        count += 1;
        // the ends of the rest's first one, two and three characters
        let mut ends = rest.char_indices().map(|(i, c)| i + c.len_utf8()).take(3);
        let found =
            ends.find(|&i| rest[i..].starts_with(piece) && (!piece.is_empty() || i == rest.len()));
        let Some(at) = found else {
            return false;
        };
        damaged |= &rest[..at] != "?";
        rest = &rest[at + piece.len()..];
    }
    count > 0 && damaged && rest.is_empty() && norm(m).len() >= 10
}

/// Quotation marks, which open a headline rather than end a kicker.
const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '‚', '\''];

/// Whether every word of a cut-off part starts with a capital or no letter ("| Rust Blog",
/// "– JOHNSON’S®", not "- A guided introduction"): a name, not the rest of a sentence.
fn name_like(part: &str) -> bool {
    part.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .all(char::is_uppercase)
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
    let t = reconcile_sources(s)?;
    Some(super::charset::read_again_as_utf8(&t).unwrap_or(t))
}

/// [`reconcile`] before the repair of a mis-decoded title.
fn reconcile_sources(s: &TitleSources<'_>) -> Option<String> {
    let sources = NormalisedSources::new(s);
    let t = pick(&sources)?;
    let t = without_date_part(&t);
    // an h1 "Headline | Section | Site" whose first part an h2 prints alone
    if sources.h1s.iter().any(|h| h.text == t)
        && let Some(at) = t.find(" | ")
        && let Some(h2) = sources
            .h2s
            .iter()
            .find(|h| h.norm == norm(&t[..at]) && h.norm.len() >= 10)
    {
        return Some(h2.text.clone());
    }
    // a visible headline that prints one bar before a short tail ("Best Residential Movers in
    // NYC 2025 | Top 19 Companies", "… | Opinion") carries an SEO tagline or a section; a list
    // of bars ("Letters: A | B | C") is the headline
    if sources.h1s.iter().any(|h| h.text == t)
        && let Some(at) = t.find(" | ")
        && !t[at + 3..].contains(" | ")
        && t[at + 3..].split_whitespace().count() <= 4
        && t[..at].split_whitespace().count() >= 3
    {
        return Some(t[..at].trim().to_string());
    }
    Some(t)
}

/// Whether `part` is a calendar date written in digits ("23.01.2022", "2022-01-23", "1/23/2022").
fn is_numeric_date(part: &str) -> bool {
    let groups: Vec<&str> = part.split(['.', '/', '-']).collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups[0].len() == 4 || groups[2].len() == 4)
}

/// `title` without a leading date part ("23.01.2022 - Dorothea Wierer darf …").
fn without_date_part(title: &str) -> String {
    for sep in [" - ", " – ", " — ", " | ", ": "] {
        if let Some(at) = title.find(sep)
            && is_numeric_date(title[..at].trim())
            && title[at + sep.len()..].split_whitespace().count() >= 3
        {
            return title[at + sep.len()..].trim().to_string();
        }
    }
    title.to_string()
}

/// The headline among the page's sources.
fn pick(sources: &NormalisedSources) -> Option<String> {
    let (h1s, h2s, meta, site) = (&sources.h1s, &sources.h2s, &sources.meta, &sources.site);
    if let Some(t) = sources.headline_under_section_h1() {
        return Some(t);
    }
    if h1s.len() == 1
        && let Some(t) = sources.title_beside_site_h1(&h1s[0])
    {
        return Some(t);
    }
    if h1s.len() == 1
        && let Some(t) = sources.title_before_trailing_h1(&h1s[0])
    {
        return Some(t);
    }
    let tag_norm = sources.title_tag.as_deref().map(norm).unwrap_or_default();
    // an h1 that prints a kicker as its own element ("<span>Klimaschutz</span><span>Bohren, bis
    // es heiß wird</span>") where the metadata writes "Klimaschutz: Bohren, bis es heiß wird"
    let kicked = || {
        let clean = meta.iter().map(|m| m.clean.text.as_str());
        clean.chain(meta.iter().map(|m| m.short.text.as_str()))
    };
    // (or an h2 that does: "Vanlife in Schweden Skandinavien im Wohnmobil erleben")
    for h in h1s.iter().take(5).chain(h2s.iter().take(3)) {
        if let Some(t) = headline_after_kicker(&h.text, kicked()) {
            return Some(t);
        }
    }
    // what h2s print between quotation marks
    let quoted_in_h2s: Vec<String> = h2s
        .iter()
        .filter_map(|h| {
            let from = h.text.find(|c| QUOTES.contains(&c))?;
            let to = h.text.rfind(|c| QUOTES.contains(&c))?;
            (to > from).then(|| norm(&h.text[from..to]))
        })
        .filter(|q| q.len() >= 10)
        .collect();
    // a visible h1 that the metadata confirms is the headline
    for h in h1s.iter().take(5) {
        let confirms = |m: &Meta| m.clean.norm == h.norm || m.raw.norm == h.norm;
        // or a comments heading quotes ("Eine Antwort auf „Mein cosy Home Gift Guide …“")
        if quoted_in_h2s.contains(&h.norm) {
            return Some(h.text.clone());
        }
        // an h1 whose characters a wrong decoding turned into question marks ("Event
        // Planning? Beginner? Guide") is a damaged copy of the metadata title
        if h.text.contains(['?', '\u{fffd}'])
            && let Some(m) = meta.iter().find(|m| damaged_copy(&h.text, &m.clean.text))
        {
            return Some(m.clean.text.clone());
        }
        if h.norm.len() >= 6 && meta.iter().any(confirms) {
            // soft hyphens the metadata's wording of the same words does not print
            if h.text.contains('\u{ad}')
                && meta
                    .iter()
                    .any(|m| confirms(m) && !m.raw.text.contains('\u{ad}'))
            {
                return Some(h.text.replace('\u{ad}', ""));
            }
            return Some(h.text.clone());
        }
    }
    let mut contained: Option<&Text> = None;
    for h in h1s.iter().take(5) {
        let n = &h.norm;
        // an h1 that runs a kicker into the headline ("Tunesien Große Aufgaben für …") ends
        // with the headline the metadata gives (with a separator too: the gold drops "Kicker: ");
        // or the same with the metadata's unrecognised site suffix removed ("1. Februar 2022
        // Bundesministerin Raab: …" against "Bundesministerin Raab: … - Bundeskanzleramt")
        let run_in =
            |m: &Text| m.norm.len() >= 16 && n.len() > m.norm.len() && n.ends_with(&m.norm);
        if let Some(m) = meta.iter().map(|m| &m.clean).find(|m| run_in(m)) {
            return Some(m.text.clone());
        }
        if let Some(m) = meta.iter().map(|m| &m.short).find(|m| run_in(m)) {
            return Some(m.text.clone());
        }
        // an h1 that prints a metadata title and then a bar or a dash and a name or tagline the
        // metadata does not give ("Was wir über uns nicht hören wollen | FASSETTE.NET"), or a
        // line break and a dateline ("… der Region\n02.02.2022 • HVW-Verband , Presse"), or,
        // where all three metadata titles agree, a space and a capitalised deck ("… Hot and
        // Fresh Welcome to the Flavor Capital of Northern Japan")
        let run_on = |m: &Text| {
            m.norm.len() >= 16 && n.len() > m.norm.len() && n.starts_with(&m.norm) && {
                let (gap, rest) = split_after_norm(&h.text, m.norm.len());
                matches!(gap.trim(), "|" | "–" | "—" | "-")
                    || (gap.contains('\n') && gap.trim().is_empty())
                    || (gap.trim().is_empty()
                        && rest.starts_with(char::is_uppercase)
                        && meta.iter().filter(|x| x.clean.norm == m.norm).count() >= 3)
            }
        };
        if let Some(m) = meta.iter().map(|m| &m.clean).find(|m| run_on(m)) {
            return Some(m.text.clone());
        }
        // an h1 the metadata holds (or nearly is), not the site's name; of several, the longest
        // ("Zoll online - Fachmeldungen - Verkündung des …" holds three h1s)
        let held = tag_norm.contains(n.as_str())
            || meta.iter().map(|m| &m.clean.norm).any(|m| {
                m.contains(n.as_str()) || (n.contains(m.as_str()) && m.len() * 10 >= n.len() * 7)
            });
        if n.len() >= 10
            && !site.within(n)
            && held
            && contained.is_none_or(|c| c.norm.len() < n.len())
        {
            contained = Some(h);
        }
    }
    // an h2 that prints the metadata title beats an h1 the metadata does not confirm (a
    // section's name: "Betriebliche Altersvorsorge" over "Mit Hilfe des Chefs für die Rente sparen"),
    // also without a trailing name we did not know as the site's ("… | Rust Blog")
    if let Some(h2) = h2s.iter().find(|h| {
        h.norm.len() >= 10
            && !site.within(&h.norm)
            && meta.iter().any(|m| {
                m.clean.norm == h.norm
                    || (m.short.norm == h.norm && name_like(&m.clean.text[m.short.text.len()..]))
                    // without an h1, also without a bracketed tail ("… (2021/5)")
                    || (h1s.is_empty() && m.clean.text.starts_with(&h.text) && {
                        let rest = m.clean.text[h.text.len()..].trim();
                        rest.starts_with('(') && rest.ends_with(')')
                    })
            })
    }) {
        return Some(h2.text.clone());
    }
    if let Some(h) = contained {
        return Some(h.text.clone());
    }
    // a single headline-like h1 is the visible headline even when the metadata words it otherwise
    let is_headline_like =
        |h: &Text| (3..=30).contains(&h.text.split_whitespace().count()) && !site.within(&h.norm);
    let headline_like: Vec<&Text> = h1s.iter().filter(|h| is_headline_like(h)).collect();
    // among several h1s (a site name, a newsletter box's), the only headline-like one that
    // shares most of its words with the metadata title
    let shares = |h: &Text| meta.iter().any(|m| shares_words(&h.text, &m.clean.text));
    if let [h] = headline_like[..]
        && (h1s.len() == 1 || shares(h))
    {
        return Some(h.text.clone());
    }
    // (or, of several headline-like h1s, the only one that does: a "Subscribe to …" or course
    // box beside the post's own h1)
    if headline_like.len() > 1
        && let Some(h) = headline_like.iter().find(|h| shares(h))
        && headline_like.iter().filter(|h| shares(h)).count() == 1
    {
        return Some(h.text.clone());
    }
    // (or, of several headline-like h1s, the only one printed both plainly and again inside a
    // link: the page's own entry in a list of teasers that follows its headline)
    if headline_like.len() > 1 {
        let mut teased = h1s
            .iter()
            .zip(&sources.teased)
            .filter(|(h, teased)| **teased && is_headline_like(h))
            .map(|(h, _)| h);
        if let (Some(h), None) = (teased.next(), teased.next()) {
            return Some(h.text.clone());
        }
    }
    // a one- or two-word h1 ("Ischgl", "Blockhaus 3") whose words the metadata title uses
    // ("Trails! Ischgl", "Blockhaus Typ 3 in Ludorf…"), or beside metadata that only names the site
    if let [h] = &h1s[..]
        && h.text.split_whitespace().count() < 3
        && h.norm.len() >= 3
        && !site.within(&h.norm)
    {
        let in_meta = meta.first().is_some_and(|m| {
            let mw = words(&m.short.text);
            words(&h.text)
                .iter()
                .all(|w| mw.iter().any(|m| m.starts_with(w.as_str())))
        });
        if in_meta || meta.iter().all(|m| site.within(&m.clean.norm)) {
            return Some(h.text.clone());
        }
    }
    // a page without an h1 or a declared title whose <title> only names the site ("National
    // Rail Enquiries -"): its first h2 of two words or more is the headline
    if h1s.is_empty()
        && sources.declared().next().is_none()
        && let Some(tag) = sources.title_tag.as_deref()
        && site.names_part(
            tag.trim_matches(|c: char| c.is_whitespace() || "-|–—:·»".contains(c)),
            false,
        )
        && let Some(h2) = h2s.first()
        && h2.text.split_whitespace().count() >= 2
        && !site.within(&h2.norm)
    {
        return Some(h2.text.clone());
    }
    // a page without an h1 (or only one-word h1s the <title> does not use: "Page", "User") or a
    // declared title, whose <title> is in parts ("Feuerwehr Oldenburg - Ausbildung"), none of them
    // the first of its few h2s ("Bootsdienst Ausbildung"): the <title> names the site and
    // section, the h2 is the headline
    if h1s
        .iter()
        .all(|h| h.text.split_whitespace().count() == 1 && !tag_norm.contains(h.norm.as_str()))
        && sources.declared().next().is_none()
        && let Some(tag) = sources.title_tag.as_deref()
        && parts(tag).len() >= 2
        && let Some(h2) = h2s.first()
        && h2s.len() <= 3
        && h2.text.split_whitespace().count() >= 2
        && h2.norm.len() >= 6
        && !site.within(&h2.norm)
        && !tag_norm.contains(h2.norm.as_str())
    {
        return Some(h2.text.clone());
    }
    // a page without an h1 whose <title> starts with a part an h2 prints ("Villa Galaxy - Ferienvilla
    // in Florida" over an h2 "Villa Galaxy")
    if h1s.is_empty()
        && let Some(tag) = sources.title_tag.as_deref()
    {
        let ps = parts(tag);
        if ps.len() >= 2 {
            let first = norm(ps[0]);
            if first.len() >= 6
                && !site.within(&first)
                && let Some(h2) = h2s.iter().find(|h| h.norm == first)
            {
                return Some(h2.text.clone());
            }
        }
    }
    // without an h1, two metadata titles with different kickers that end with the same part
    // ("Industriell Revolutioniert?: Anno 1800 Beta", "next2games | Vorschauen: Anno 1800 Beta"),
    // or where one is the other's part after a kicker ("Kücknitz - So lief die Auktion …" and
    // "So lief die Auktion …")
    if h1s.is_empty() && meta.len() >= 2 {
        let tails =
            |m: &Meta| -> Vec<String> { halves(&m.clean.text).map(|(_, b)| norm(b)).collect() };
        let first = &meta[0];
        for (_, b) in halves(&first.clean.text) {
            let nb = norm(b);
            if nb.len() >= 8
                && meta[1..].iter().any(|m| {
                    (m.clean.norm != first.clean.norm && tails(m).contains(&nb))
                        || m.clean.norm == nb
                })
            {
                return Some(b.to_string());
            }
        }
    }
    if let Some(first) = meta.first() {
        // a metadata title cut off ("… Solutions (Including", "… califica a Biden de") that
        // another source writes out
        let fnorm = &first.clean.norm;
        let first = meta
            .iter()
            .map(|m| &m.clean)
            .find(|m| {
                let gap = gap_after_norm(&m.text, fnorm.len()).trim();
                m.norm.len() > fnorm.len()
                    && m.norm.starts_with(fnorm.as_str())
                    && matches!(gap, "" | "\"" | "“" | "„" | "«" | "(")
            })
            .unwrap_or(&first.clean);
        // a metadata title an h2 prints in full keeps its second half
        let shown = h2s.iter().any(|h| h.norm == first.norm);
        let declared = meta.iter().any(|m| m.source == Source::Headline);
        if !shown && ((sources.title_tag.is_some() && tag_norm == first.norm) || !declared) {
            return Some(strip_generic(&first.text));
        }
        return Some(first.text.clone());
    }
    h1s.first().map(|h| h.text.clone())
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
