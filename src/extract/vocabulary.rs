//! What markup says about a block before its text is read: the tag names and the class/id words
//! that mark navigation, sharing, promotion, comments and the like, and those that mark content.

use std::sync::LazyLock;

use regex::Regex;

/// The role an element's tag, class and id suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Nothing either way.
    Neutral,
    /// Marked as the article's content (`itemprop=articleBody`, `entry-content`, …).
    Content,
    /// Marked as boilerplate (navigation, share bar, related list, caption, …).
    Boilerplate,
}

/// Whole class/id words that mark boilerplate (kept sorted, to read and to review).
const BOILER_WORDS: &[&str] = &[
    "ad",
    "addthis",
    "ads",
    "adsense",
    "advert",
    "advertisement",
    "author",
    "authors",
    "avatar",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "contribute",
    "cookie",
    "cookies",
    "copyright",
    "credit",
    "credits",
    "crp",
    "cta",
    "date",
    "dateline",
    "dfp",
    "disclosure",
    "disqus",
    "donate",
    "donation",
    "dropdown",
    "flyout",
    "follow",
    "footer",
    "footnotes",
    "gdpr",
    "header",
    "infobox",
    "jp",
    "keywords",
    "login",
    "masthead",
    "menu",
    "meta",
    "modal",
    "most",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "newsletters",
    "nextprev",
    "offcanvas",
    "outbrain",
    "overlay",
    "pager",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "postnav",
    "prevnext",
    "promo",
    "promotion",
    "published",
    "rating",
    "reactions",
    "readmore",
    "recommendations",
    "recommended",
    "related",
    "screen",
    "share",
    "sharedaddy",
    "shares",
    "sharethis",
    "sharing",
    "signup",
    "social",
    "socials",
    "sponsored",
    "sr",
    "submenu",
    "subnav",
    "subscribe",
    "subscription",
    "swiper",
    "taboola",
    "tags",
    "teaser",
    "teasers",
    "timestamp",
    "toolbar",
    "tooltip",
    "topics",
    "trending",
    "visually",
    "yarpp",
];

/// Substrings of class/id values that mark boilerplate wherever they appear.
const BOILER_PARTS: &[&str] = &[
    "related",
    "newsletter",
    "cookie",
    "sharing",
    "social",
    "comment",
    "breadcrumb",
    "subscri",
    "advert",
    "sponsor",
    "promo",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "recommend",
    "paywall",
    "donat",
    "footer",
    "navbar",
    "byline",
    "caption",
    "mostread",
    "most-read",
    "readmore",
    "read-more",
    "share",
    "consent",
    "banner",
    "signup",
    "sign-up",
    "cta-",
    "author-info",
    "authorinfo",
    "authorbio",
    "authorbox",
    "saboxplugin",
    "tagcloud",
    "tag-list",
    "taglist",
    "post-tags",
    "article-tags",
    "entry-tags",
    "further-reading",
    "more-stories",
    "morestories",
    "disclaimer",
    "newsfeed",
    "navigation",
];

/// Words that mark the article's content.
const CONTENT_PARTS: &[&str] = &[
    "article-body",
    "articlebody",
    "article__body",
    "article-content",
    "article__content",
    "articlecontent",
    "entry-content",
    "post-content",
    "postcontent",
    "post-body",
    "postbody",
    "story-body",
    "storybody",
    "story-content",
    "content-body",
    "body-text",
    "bodytext",
    "article-text",
    "articletext",
    "news-text",
    "main-content",
    "maincontent",
    "text-content",
    "rich-text",
    "richtext",
    "single-content",
    "post-entry",
    "entry-body",
    "article_body",
    "article-main",
    "td-post-content",
    "field-body",
    "node-content",
];

/// One alternation of literal parts (the regex crate turns it into a fast multi-substring search).
fn alternation(parts: &[&str]) -> Regex {
    let pattern = parts
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&pattern).expect("literal alternation")
}

static CONTENT: LazyLock<Regex> = LazyLock::new(|| alternation(CONTENT_PARTS));
static BOILER: LazyLock<Regex> = LazyLock::new(|| alternation(BOILER_PARTS));
/// Every part that `CONTENT`, `BOILER`, `BOILER_WORD` and [`is_sidebar`] look for, in one
/// alternation: most elements' words hold none of them, and one search rules out all four.
static ANY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let parts: Vec<&str> = [CONTENT_PARTS, BOILER_PARTS, BOILER_WORDS, &["sidebar"]].concat();
    alternation(&parts)
});
/// Every part of a class or id word that [`classify`] and [`is_overlay`] look for: a word that
/// holds none of them changes neither.
pub fn class_parts() -> impl Iterator<Item = &'static str> {
    [
        CONTENT_PARTS,
        BOILER_PARTS,
        BOILER_WORDS,
        &["sidebar"],
        OVERLAY_WORDS,
        LEAD_ENDS,
        &["teaser", "short-info"],
    ]
    .into_iter()
    .flatten()
    .copied()
}

static BOILER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let words = BOILER_WORDS.join("|");
    Regex::new(&format!("(?-u:\\b)(?:{words})(?-u:\\b)")).expect("word alternation")
});

/// The last part of a class/id word that names an article's lead (standfirst, deck, abstract):
/// `lead`, `article-lead`, `teaser-text`, `entry__subtitle`, `p-intro`. Not "excerpt": a theme's
/// excerpt is the meta description or an author's bio, which article golds leave out (wcxb-dev
/// 14 pages better, 3 worse without it; tf 3 article snippets fewer).
const LEAD_ENDS: &[&str] = &[
    "lead",
    "intro",
    "standfirst",
    "abstract",
    "subtitle",
    "subheadline",
    "chapo",
    "deck",
];

/// Is the element marked as the article's lead? A class/id word whose last part (after `-`)
/// names a lead (`lead`, `article__lead`, `entry-subtitle`; not `leader` or `lead-image-wrap`),
/// or the teaser text of a single article (`teaser-text`, `article-teaser`, `node__teaser`,
/// `intro-text`; not a bare `teaser`): on a list page the same words mark other stories'
/// teasers, which the caller rules out by position.
pub fn is_lead(words: &str) -> bool {
    words.split_ascii_whitespace().any(|w| {
        let last = w.rsplit('-').next().unwrap_or(w);
        LEAD_ENDS.contains(&last)
            || (last == "teaser" && last.len() < w.len())
            || matches!(
                w,
                "teaser-text" | "article-teaser" | "intro-text" | "short-info"
            )
    })
}

/// Classifies an element by tag, its `itemprop` and `role` attributes and its lower-case
/// `class id` words.
pub fn classify(tag: &str, itemprop: &str, role: &str, words: &str) -> Role {
    match tag {
        "nav" | "footer" | "aside" | "figcaption" | "menu" => return Role::Boilerplate,
        "html" | "body" | "main" => return Role::Neutral,
        _ => {}
    }
    if itemprop.eq_ignore_ascii_case("articleBody") || itemprop.eq_ignore_ascii_case("text") {
        return Role::Content;
    }
    if !role.is_empty()
        && matches!(
            role.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alert"
                | "menu"
                | "search"
        )
    {
        return Role::Boilerplate;
    }
    if words.is_empty() || !ANY_WORD.is_match(words) {
        return if tag == "header" {
            Role::Boilerplate
        } else {
            Role::Neutral
        };
    }
    if CONTENT.is_match(words) {
        return Role::Content;
    }
    if tag == "header" || BOILER.is_match(words) || is_sidebar(words) {
        return Role::Boilerplate;
    }
    // a heading's "header" class names the heading itself (Substack's `header-anchor-post`), not
    // the page's header,
    let heading = is_heading(tag);
    // nor does a "header" that more words qualify (`kt-pane-header-alignment-left` on an
    // accordion, `listicle-header-…`): the page's header ends its class (`site-header`)
    let boiler = BOILER_WORD.find_iter(words).any(|m| {
        let qualified_header =
            m.as_str() == "header" && (heading || words[m.end()..].starts_with('-'));
        let state = m.as_str() == "published" && is_publication_state(&words[..m.start()]);
        !(qualified_header || state)
    });
    if boiler {
        Role::Boilerplate
    } else {
        Role::Neutral
    }
}

/// A CMS's publication state, not a date line: Drupal's `node-published` and
/// `paragraph--published`, Plone's `state-published` mark every item the site shows, the article
/// itself among them (`before` is the class text up to the word "published").
fn is_publication_state(before: &str) -> bool {
    let owner = before.trim_end_matches('-');
    owner.len() < before.len()
        && ["node", "paragraph", "state", "status"].iter().any(|w| {
            owner.ends_with(w)
                && !owner[..owner.len() - w.len()].ends_with(|c: char| c.is_ascii_alphanumeric())
        })
}

/// `h1` to `h6`.
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A sidebar, not a layout that has one: `content-sidebar-wrap`, `no-sidebar`, `with-sidebar`,
/// `sidebar-enabled--false` and utility classes such as `mr-[--sidebar-width]` wrap the article.
fn is_sidebar(words: &str) -> bool {
    words.contains("sidebar")
        && words.split_ascii_whitespace().any(|w| {
            w.contains("sidebar")
                && !["no-", "with-", "has-"].iter().any(|p| w.starts_with(p))
                && !["content", "layout", "enabled", "[", ":"]
                    .iter()
                    .any(|p| w.contains(p))
        })
}

/// Short paragraphs that are interface text, not article text (matched lower case, whole block
/// or as a prefix).
pub fn is_boilerplate_text(text: &str) -> bool {
    // lower case has as many characters or more: long text is ruled out before the copy
    let t = text.trim();
    if t.len() > 120 && t.chars().count() > 120 {
        return is_long_notice(t);
    }
    let t = t.to_lowercase();
    if t.chars().count() > 120 {
        return false;
    }
    const PREFIXES: &[&str] = &[
        "related article",
        "related:",
        "read more",
        "read also",
        "see also",
        "also read",
        "advertisement",
        "share this",
        "share on",
        "follow us",
        "sign up",
        "subscribe",
        "click here",
        "tags:",
        "tagged",
        "filed under",
        "posted in",
        "image:",
        "photo:",
        "image credit",
        "photo credit",
        "credit:",
        "source:",
        "copyright",
        "©",
        "all rights reserved",
        "loading",
        "lesen sie auch",
        "mehr zum thema",
        "lire aussi",
        "à lire aussi",
        "leer más",
        "lee también",
        "czytaj też",
        "czytaj także",
        "zobacz też",
        "werbung",
        "anzeige",
        "publicité",
        "publicidad",
        "reklama",
        "continue reading",
        "more:",
        "watch:",
        "listen:",
        "also:",
        "recommended:",
        "next article",
        "previous article",
        "back to top",
        "print this",
        "email this",
        "comments",
        "reader comments",
        "read comments",
        "leave a comment",
        "log in",
        "cookie",
    ];
    PREFIXES.iter().any(|p| t.starts_with(p))
        || INTERFACE_LINES.contains(&t.trim_end_matches([':', ' ']))
}

/// A notice too long for the interface lines: the print edition's ("A version of this article
/// appears in print on …, Section A, Page 4 …"), a copyright notice that goes on to forbid
/// republication ("Copyright 2024 … All rights reserved. This material may not be published,
/// broadcast, rewritten or redistributed."), a comment box's links and house rules ("Read
/// comments | Post a comment Comments are the opinions of readers …"). Asked only of lines over
/// 120 characters.
fn is_long_notice(t: &str) -> bool {
    const NOTICE_MAX: usize = 320;
    if t.len() > NOTICE_MAX {
        return false;
    }
    // asked of every long paragraph: the prefixes are compared in place, and only a copyright
    // notice is lower-cased whole
    let opens = |prefix: &str| {
        t.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    if opens("a version of this article appears in print") || opens("read comments") {
        return true;
    }
    (opens("copyright") || t.starts_with('©'))
        && t.to_ascii_lowercase().contains("all rights reserved")
}

/// Whole lines that are interface text: the heading of a table of contents whose links are
/// dropped, share and tag bars, caption toggles (lower case, without a trailing colon).
const INTERFACE_LINES: &[&str] = &[
    "table of contents",
    "contents",
    "in this article",
    "on this page",
    "inhaltsverzeichnis",
    "índice",
    "tabla de contenidos",
    "sommaire",
    "spis treści",
    "written by",
    "share",
    "share article",
    "teilen",
    "compartir",
    "partager",
    "last updated",
    "read next",
    "tags",
    "show caption",
    "hide caption",
    "posted on",
    "jump to",
    "related posts",
    "related topics",
    "related reads",
    "you might also like",
    "you may also like",
    "article sources",
];

/// "About the author", "Contributing writer", "Written by Jane Doe", "Über die Autorin",
/// "Latest posts by Jane Doe (see all)": the heading of an author box, which the body drops with
/// what follows it when it comes near the end of the article (a short line only).
pub fn is_author_box_lead(text: &str) -> bool {
    const LINE_MAX: usize = 80;
    if text.len() > LINE_MAX {
        return false;
    }
    const LEADS: &[&str] = &[
        "about the author",
        "about the writer",
        "meet the author",
        "meet your guide",
        "über den autor",
        "über die autor",
        "à propos de l'auteur",
        "sobre el autor",
        "sobre la autora",
        "o autorze",
        "contributing writer",
        "contributor",
        "associate editor",
        "senior editor",
        "staff writer",
    ];
    const NAME_LEADS: &[&str] = &["written by ", "latest posts by "];
    let lower = text.trim().trim_end_matches([':', ' ']).to_lowercase();
    LEADS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| ["", "s", "in", "en"].contains(&rest))
    }) || NAME_LEADS.iter().any(|l| lower.starts_with(l))
}

/// "Related posts", "Weitere Themen", "Te puede interesar": the lead line of a list of other
/// articles (lower-case text; a short line only, and the body asks only after its last long
/// paragraph, where "Weitere Informationen" leads no article text).
pub fn is_related_lead(lower: &str) -> bool {
    const LEADS: &[&str] = &[
        "related",
        "more from",
        "more on ",
        "recommended",
        "further reading",
        "read next",
        "up next",
        "you may also",
        "you might also",
        "weitere",
        "mehr zu",
        "mehr themen",
        "auch interessant",
        "empfohlene",
        "verwandte",
        "zum weiterlesen",
        "schon gelesen",
        "das könnte",
        "ähnliche",
        "te puede interesar",
        "también te puede",
        "vous aimerez",
        "à lire",
        "czytaj",
        "zobacz",
        "veja também",
        "leia também",
    ];
    lower.chars().count() < 60 && LEADS.iter().any(|p| lower.starts_with(p))
}

/// A call to subscribe, join or download the outlet's app ("This article is exclusive to
/// subscribers", "Hazte miembro", "Unterstütze uns", "Download the … app"; lower-case text; the
/// body asks only after its last long paragraph).
pub fn is_support_call(lower: &str) -> bool {
    const LEADS: &[&str] = &[
        "hazte miembro",
        "hazte socio",
        "become a member",
        "werde mitglied",
        "unterstütze ",
        "zapraszamy",
    ];
    lower.chars().count() < 160
        && (lower.contains("subscriber")
            || (lower.contains("download") && lower.contains(" app"))
            || LEADS.iter().any(|p| lower.starts_with(p)))
}

/// Social networks named by "follow us" lines.
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "whatsapp",
    "tiktok",
    "linkedin",
    "pinterest",
    "mastodon",
    "bluesky",
];

/// A line opening with an invitation to follow, join or subscribe, in the languages of the sets.
static FOLLOW_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\W*(?:follow|join|like us|find us|check out|subscribe|síguenos|siguenos|sigue|seguir|únete|unete|folge|folgt|folgen sie|suivez|rejoignez|abonnez|seguici|obserwuj|dołącz|volg)\b",
    )
    .expect("follow verbs")
});

/// The longest line (bytes, lower case) that [`is_call_to_action`]'s rules read.
const CALL_LINE_MAX: usize = 240;

/// A line the body drops as a call to action: an invitation to follow the site on a social
/// network anywhere; after the article's last long paragraph (`in_tail`), also a network's
/// handle, the lead of a list of other articles, a call to subscribe or support.
pub fn is_call_to_action(text: &str, in_tail: bool) -> bool {
    // lower case has as many characters or more: a longer line is none of them, and is not
    // copied to find out
    if text.len() > CALL_LINE_MAX && text.chars().count() > CALL_LINE_MAX {
        return false;
    }
    let lower = text.to_lowercase();
    is_social_follow(&lower)
        || (in_tail
            && (is_social_handle(&lower)
                || is_related_lead(&lower)
                || is_support_call(&lower)
                || is_invitation(&lower)))
}

/// An invitation word anywhere in a line ("… and follow us on Facebook", "Dann abonnieren Sie
/// unseren Newsletter", "¿… canal de Telegram? Únete …"); non-ASCII words have no boundary check.
static INVITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)(?:follow|join|subscribe|sign up|abonn|folg|unete|sigue|seguir|suscr|canal|channel|kanal)|únete|síguenos)",
    )
    .expect("invitation words")
});

/// "Want more tips? Follow me on Pinterest", "Join our newsletter", "Newsletter abonnieren": a
/// line naming a social network or a newsletter with an invitation word anywhere in it
/// (lower-case text; the body asks only after its last long paragraph).
pub fn is_invitation(lower: &str) -> bool {
    lower.len() <= CALL_LINE_MAX
        && (SOCIAL_NETWORKS.iter().any(|n| lower.contains(n))
            || lower.contains("newsletter")
            || lower.contains("mailing list"))
        && INVITATION.is_match(lower)
}

/// "Follow us on Instagram", "Folgt uns auf Twitter", "Join me on TikTok: @…": an invitation to a
/// social network (lower-case text; a short line only).
pub fn is_social_follow(lower: &str) -> bool {
    lower.len() <= CALL_LINE_MAX
        && SOCIAL_NETWORKS.iter().any(|n| lower.contains(n))
        && FOLLOW_VERB.is_match(lower)
}

/// "Instagram: @name": a social network's handle on a line of its own (lower-case text).
pub fn is_social_handle(lower: &str) -> bool {
    lower.len() <= 100
        && SOCIAL_NETWORKS.iter().any(|n| {
            lower
                .strip_prefix(n)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

/// Consent and cookie banners: boxes laid over the page, whose text is never the article's (an
/// article is sometimes wrapped in an element whose classes look like boilerplate, "modal" or
/// "popup" among them, but not in one of these).
/// Class/id words of boxes laid over the page.
const OVERLAY_WORDS: &[&str] = &["consent", "cookie", "cookies", "gdpr"];

static OVERLAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let words = OVERLAY_WORDS.join("|");
    Regex::new(&format!("(?-u:\\b)(?:{words})(?-u:\\b)")).expect("word alternation")
});

/// Is the element a box laid over the page (`role=dialog`, consent and cookie banners)? Not the
/// page itself: WordPress marks `<body>` "cookies-not-set".
pub fn is_overlay(tag: &str, role: &str, words: &str) -> bool {
    if matches!(tag, "html" | "body" | "main") {
        return false;
    }
    role.eq_ignore_ascii_case("dialog")
        || role.eq_ignore_ascii_case("alertdialog")
        || OVERLAY_WORD.is_match(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_is_sorted() {
        assert!(BOILER_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_match_whole_class_words_only() {
        let el = |class: &str| {
            let words = class.to_ascii_lowercase().replace('_', "-");
            classify("div", "", "", &words)
        };
        assert_eq!(el("post-nav"), Role::Boilerplate);
        assert_eq!(el("site_menu"), Role::Boilerplate);
        assert_eq!(el("entry-content"), Role::Content);
        assert_eq!(
            el("canvas-wrapper"),
            Role::Neutral,
            "nav inside a word is not nav"
        );
        assert_eq!(el("Share-Bar"), Role::Boilerplate);
        assert_eq!(el("post type-post category-news tag-x"), Role::Neutral);
        assert_eq!(
            el("node node-published"),
            Role::Neutral,
            "a publication state is no date line"
        );
        assert_eq!(el("post-published"), Role::Boilerplate);
    }
}
