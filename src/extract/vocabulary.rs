//! What markup says about a block before its text is read: the tag names and the class/id words
//! that mark navigation, sharing, promotion, comments and the like, and those that mark content.

use scraper::node::Element;

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

/// Whole class/id words that mark boilerplate.
const BOILER_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "share",
    "sharing",
    "shares",
    "social",
    "socials",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adsense",
    "dfp",
    "promo",
    "promotion",
    "sponsored",
    "comment",
    "comments",
    "byline",
    "author",
    "authors",
    "tags",
    "caption",
    "credit",
    "credits",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "donate",
    "donation",
    "contribute",
    "paywall",
    "signup",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "toolbar",
    "pagination",
    "pager",
    "widget",
    "widgets",
    "skip",
    "meta",
    "copyright",
    "login",
    "follow",
    "rating",
    "reactions",
    "readmore",
    "mostread",
    "most",
    "disqus",
    "teaser",
    "teasers",
    "overlay",
    "sr",
    "screen",
    "visually",
    "tooltip",
    "dropdown",
    "topics",
    "keywords",
    "dateline",
    "timestamp",
    "date",
    "published",
    "share-buttons",
    "addthis",
    "sharethis",
    "jp",
    "sharedaddy",
    "crp",
    "yarpp",
    "infobox",
    "newsletters",
    "cta",
    "nextprev",
    "prevnext",
    "postnav",
    "bio",
    "avatar",
    "profile",
    "entry-meta",
    "post-meta",
    "article-meta",
    "subnav",
    "submenu",
    "masthead",
    "flyout",
    "offcanvas",
];

/// Substrings of class/id values that mark boilerplate wherever they appear.
const BOILER_PARTS: &[&str] = &[
    "related",
    "newsletter",
    "cookie",
    "sharing",
    "social",
    "comment",
    "sidebar",
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

/// Classifies an element by tag, class, id and a few attributes.
pub fn classify(e: &Element) -> Role {
    let tag = e.name();
    match tag {
        "nav" | "footer" | "aside" | "figcaption" | "menu" => return Role::Boilerplate,
        "html" | "body" | "main" => return Role::Neutral,
        _ => {}
    }
    if let Some(prop) = e.attr("itemprop")
        && (prop.eq_ignore_ascii_case("articleBody") || prop.eq_ignore_ascii_case("text"))
    {
        return Role::Content;
    }
    if let Some(role) = e.attr("role")
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
    let class = e.attr("class").unwrap_or("");
    let id = e.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return if tag == "header" {
            Role::Boilerplate
        } else {
            Role::Neutral
        };
    }
    let mut words = String::with_capacity(class.len() + id.len() + 1);
    words.push_str(class);
    words.push(' ');
    words.push_str(id);
    let words = words.to_ascii_lowercase();
    if CONTENT_PARTS.iter().any(|p| words.contains(p)) {
        return Role::Content;
    }
    if tag == "header" || BOILER_PARTS.iter().any(|p| words.contains(p)) {
        return Role::Boilerplate;
    }
    let boiler = words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| !w.is_empty() && BOILER_WORDS.contains(&w));
    if boiler {
        Role::Boilerplate
    } else {
        Role::Neutral
    }
}

/// Short paragraphs that are interface text, not article text (matched lower case, whole block
/// or as a prefix).
pub fn is_boilerplate_text(text: &str) -> bool {
    let t = text.trim().to_lowercase();
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
        "leave a comment",
        "log in",
        "cookie",
    ];
    PREFIXES.iter().any(|p| t.starts_with(p))
}
