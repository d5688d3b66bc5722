//! The one walk over the parsed document: it linearises the page into text blocks that remember
//! the element owning them, records every element with what its tag and class/id say about it,
//! and collects the metadata carriers (meta, link, JSON-LD, time, bylines) on the way.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use regex::Regex;
use scraper::node::Element;
use scraper::{Html, Node};

use super::vocabulary::{Role, classify, is_heading, is_lead, is_overlay};

/// Beyond this depth the walk stops building structure and flattens the subtree's text (hostile
/// pages nest 10,000 levels; recursion must stay bounded).
const MAX_DEPTH: usize = 256;

/// Class/id words that make an element's short text a date candidate in [`Walker::hints`].
const DATE_CLASS_WORDS: &[&str] = &[
    "date", "time", "publish", "posted", "dateline", "meta", "datum", "fecha",
];

/// Class/id words that make an element a byline candidate ("vcard" with "author": an hCard).
const BYLINE_CLASS_WORDS: &[&str] = &["byline", "author", "vcard"];

/// The other parts of class/id words the walk looks for (in [`Walker::hints`] and the `<h1>`
/// checks; a test finds each in this file's `class.contains` and word matches).
const OTHER_CLASS_PARTS: &[&str] = &[
    "modif",
    "updat",
    "pub",
    "comment",
    "bio",
    "avatar",
    "fn",
    "site-title",
    "site-name",
    "sitename",
    "site-logo",
    "collaps",
];

/// Every part of a class or id word that anything in the extractor looks for: a word holding none
/// of them (lower case, `_` read as `-`) changes nothing, and the pruning drops it before the
/// parse.
pub fn class_parts() -> impl Iterator<Item = &'static str> {
    [DATE_CLASS_WORDS, BYLINE_CLASS_WORDS, OTHER_CLASS_PARTS]
        .into_iter()
        .flatten()
        .copied()
        .chain(super::vocabulary::class_parts())
}

/// Any of the date and byline class words: one search rules out the class-gated checks on most
/// elements.
static HINT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&[DATE_CLASS_WORDS, BYLINE_CLASS_WORDS].concat().join("|"))
        .expect("literal alternation")
});

/// No parent.
pub const NONE: u32 = u32::MAX;

/// One element of the page as the body model sees it.
#[derive(Debug)]
pub struct Elem {
    /// Index of the parent element in [`Page::elems`], or [`NONE`].
    pub parent: u32,
    /// Local tag name, lower case.
    pub tag: String,
    /// What its tag, class and id suggest.
    pub role: Role,
    /// A dialog or a consent/cookie/modal box: laid over the page, never the article.
    pub overlay: bool,
    /// Marked as the article's lead (`lead`, `standfirst`, `teaser-text`: [`is_lead`]).
    pub lead: bool,
    /// Characters of text below it (filled after the walk).
    pub chars: u32,
    /// Characters of link text below it.
    pub link_chars: u32,
}

/// A run of text that a block-level element owns directly.
#[derive(Debug)]
pub struct Block {
    /// Whitespace-collapsed text.
    pub text: String,
    /// The owning element (index in [`Page::elems`]).
    pub owner: u32,
    /// Characters of text, and of that inside links.
    pub chars: u32,
    pub link_chars: u32,
}

/// A date-bearing element found in the body.
#[derive(Debug)]
pub struct DateHint {
    /// The machine value (`datetime`, `content`, `title`) or the visible text.
    pub value: String,
    /// How strongly the markup says "this is the publication date" (higher is stronger).
    pub strength: u8,
    /// True when the markup says "modified".
    pub modified: bool,
    /// How many blocks came before it: where it sits among [`Page::blocks`] (a date in a short
    /// inline element dropped as boilerplate still has a place in the header).
    pub at: u32,
}

/// A byline found in the markup.
#[derive(Debug, Clone)]
pub struct Byline {
    pub text: String,
    /// The markup declares it the author's name (`rel=author`, `itemprop=author`, an hCard
    /// author), as metadata does; otherwise it is a byline-looking box.
    pub declared: bool,
    /// How many blocks came before it: where it sits among [`Page::blocks`].
    pub at: u32,
}

/// Everything the walk gathers.
#[derive(Debug, Default)]
pub struct Page {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    /// `(name|property|itemprop|http-equiv, content)`, names lower case.
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<String>,
    pub title_tag: Option<String>,
    pub html_lang: Option<String>,
    pub canonical: Option<String>,
    pub dates: Vec<DateHint>,
    /// Texts of byline-like elements and of `rel=author` / `itemprop=author` carriers.
    pub bylines: Vec<Byline>,
    /// Texts of `<h1>` elements, in order.
    pub h1s: Vec<String>,
    /// Texts of the first `<h2>` elements (blog themes put the site name in the `<h1>` and the
    /// post title in an `<h2>`).
    pub h2s: Vec<String>,
}

impl Page {
    /// Whether an `<h1>` owns this block.
    pub fn in_h1(&self, b: &Block) -> bool {
        self.elems
            .get(b.owner as usize)
            .is_some_and(|e| e.tag == "h1")
    }

    /// The indexes of the blocks that `<h1>`s own, in page order.
    pub fn h1_blocks(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.blocks.len()).filter(|&i| self.in_h1(&self.blocks[i]))
    }

    /// Where the headline is among the blocks: the block of the first `<h1>`.
    pub fn headline_block(&self) -> Option<usize> {
        self.h1_blocks().next()
    }
}

/// Walks the whole document once.
pub fn walk(doc: &Html) -> Page {
    let mut w = Walker {
        page: Page::default(),
        buf: String::new(),
        buf_links: 0,
    };
    w.children(doc.tree.root(), NONE, 0, false);
    w.flush(NONE);
    w.totals();
    w.page
}

struct Walker {
    page: Page,
    buf: String,
    buf_links: u32,
}

impl Walker {
    fn children(&mut self, node: NodeRef<'_, Node>, owner: u32, depth: usize, in_link: bool) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t, in_link),
                Node::Element(e) => self.element(child, e, owner, depth + 1, in_link),
                _ => {}
            }
        }
    }

    /// Appends text with its whitespace runs collapsed to one space and NULs dropped.
    fn push_text(&mut self, text: &str, in_link: bool) {
        if !text.is_ascii() {
            for c in text.chars() {
                if c.is_whitespace() {
                    self.push_space();
                } else if c != '\0' {
                    self.buf.push(c);
                    self.buf_links += u32::from(in_link);
                }
            }
            return;
        }
        // ASCII (most text nodes): whole runs between spaces at a time
        let b = text.as_bytes();
        let mut at = 0;
        while at < b.len() {
            if is_ascii_space(b[at]) {
                self.push_space();
                at += 1;
                continue;
            }
            let end = b[at..]
                .iter()
                .position(|&c| is_ascii_space(c) || c == 0)
                .map_or(b.len(), |p| at + p);
            self.buf.push_str(&text[at..end]);
            if in_link {
                self.buf_links += (end - at) as u32;
            }
            // a NUL is dropped
            at = if b.get(end) == Some(&0) { end + 1 } else { end };
        }
    }

    fn push_space(&mut self) {
        if !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self, owner: u32) {
        let text = self.buf.trim();
        if !text.is_empty() && owner != NONE {
            let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            self.page.blocks.push(Block {
                text: text.to_string(),
                owner,
                chars,
                link_chars: self.buf_links.min(chars),
            });
        }
        self.buf.clear();
        self.buf_links = 0;
    }

    fn element(
        &mut self,
        node: NodeRef<'_, Node>,
        e: &Element,
        owner: u32,
        depth: usize,
        in_link: bool,
    ) {
        let tag = e.name();
        match tag {
            "head" => return self.head(node),
            "meta" => return self.meta(e),
            "link" => return self.link(e),
            "title" => {
                if self.page.title_tag.is_none() {
                    self.page.title_tag = Some(collapsed_text(node));
                }
                return;
            }
            "script" => {
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    self.page.jsonld.push(raw_text(node));
                }
                return;
            }
            "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed"
            | "canvas" | "video" | "audio" | "select" | "option" | "textarea" | "input"
            | "button" | "map" | "dialog" => return,
            // ruby annotations: the reading printed above the characters ("子<rt>こ</rt>"), not
            // part of the sentence a reader quotes
            "rt" | "rp" => return,
            "br" => {
                if !self.buf.is_empty() && !self.buf.ends_with('\n') {
                    let trimmed = self.buf.trim_end().len();
                    self.buf.truncate(trimmed);
                    self.buf.push('\n');
                }
                return;
            }
            "html" => {
                if let Some(lang) = e.attr("lang").or_else(|| e.attr("xml:lang")) {
                    self.page.html_lang = Some(lang.trim().to_string());
                }
            }
            _ => {}
        }
        let attrs = Attrs::of(e);
        let id = if is_heading_anchor(node, tag, attrs.id) {
            ""
        } else {
            attrs.id
        };
        let words = class_words(attrs.class, id);
        if is_hidden(attrs.style) && !is_collapsed_panel(attrs.role, &words) {
            return;
        }
        self.hints(node, e, &attrs, &words);
        if depth > MAX_DEPTH {
            for d in node.descendants() {
                if let Node::Text(t) = d.value() {
                    self.push_text(t, in_link);
                }
            }
            return;
        }
        let role = classify(tag, attrs.itemprop, attrs.role, &words);
        let in_link = in_link || tag == "a";
        if !is_block(tag) {
            // a marked inline element is dropped when it is short (a credit, a share link); long
            // ones are wrappers (some CMSs wrap the whole article body in a span)
            if role == Role::Boilerplate
                && matches!(tag, "span" | "a" | "small" | "em" | "i")
                && short_text(node, 200).is_some()
                && !self.is_whole_headline(node, tag, owner)
            {
                // its text goes, but a date or author link inside it still says what it says
                for d in node.descendants().skip(1) {
                    if let Node::Element(e) = d.value() {
                        let attrs = Attrs::of(e);
                        let words = class_words(attrs.class, attrs.id);
                        self.hints(d, e, &attrs, &words);
                    }
                }
                return;
            }
            return self.children(node, owner, depth, in_link);
        }
        let id = self.page.elems.len() as u32;
        self.page.elems.push(Elem {
            parent: owner,
            tag: tag.to_string(),
            role,
            overlay: is_overlay(tag, attrs.role, &words),
            lead: !words.is_empty() && is_lead(&words),
            chars: 0,
            link_chars: 0,
        });
        self.flush(owner);
        let first_block = self.page.blocks.len();
        self.children(node, id, depth, in_link);
        // a theme's `<h1 class="site-title">` names the site, not the article
        let site_heading = tag == "h1"
            && words
                .split_whitespace()
                .any(|w| matches!(w, "site-title" | "site-name" | "sitename" | "site-logo"));
        if (tag == "h1" && !site_heading) || (tag == "h2" && self.page.h2s.len() < 12) {
            let t = self.buf.trim();
            if !t.is_empty() {
                let list = if tag == "h1" {
                    &mut self.page.h1s
                } else {
                    &mut self.page.h2s
                };
                list.push(t.to_string());
            }
        }
        self.flush(id);
        // a `<header>` inside an `<article>` that holds nothing but a section heading (`h2`-`h6`)
        // heads a section of the article: only class words can mark it, not its tag
        if tag == "header"
            && role == Role::Boilerplate
            && self.page.blocks.len() > first_block
            && self.page.blocks[first_block..].iter().all(|b| {
                let t = self.page.elems[b.owner as usize].tag.as_str();
                is_heading(t) && t != "h1"
            })
            && self.in_article(owner)
            && classify("div", attrs.itemprop, attrs.role, &words) == Role::Neutral
        {
            self.page.elems[id as usize].role = Role::Neutral;
        }
    }

    /// Is the element `at` an `<article>` or inside one?
    fn in_article(&self, mut at: u32) -> bool {
        while at != NONE {
            let el = &self.page.elems[at as usize];
            if el.tag == "article" {
                return true;
            }
            at = el.parent;
        }
        false
    }

    /// Is this `<span>` all the text of the `<h1>` it is a child of? Some CMSs wrap the headline
    /// in a span whose class says "meta" (HubSpot's `hs_cos_wrapper_meta_field`): the headline is
    /// no credit line, and dropping it would leave the `<h1>` empty.
    fn is_whole_headline(&self, node: NodeRef<'_, Node>, tag: &str, owner: u32) -> bool {
        let texts = |n: NodeRef<'_, Node>| {
            n.descendants()
                .any(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()))
        };
        tag == "span"
            && self
                .page
                .elems
                .get(owner as usize)
                .is_some_and(|e| e.tag == "h1")
            && node
                .parent()
                .is_some_and(|p| p.value().as_element().is_some_and(|e| e.name() == "h1"))
            && self.buf.trim().is_empty()
            && !node.next_siblings().any(texts)
    }

    fn head(&mut self, node: NodeRef<'_, Node>) {
        for d in node.descendants() {
            if let Node::Element(e) = d.value() {
                match e.name() {
                    "meta" => self.meta(e),
                    "link" => self.link(e),
                    "title" if self.page.title_tag.is_none() => {
                        self.page.title_tag = Some(collapsed_text(d))
                    }
                    "script"
                        if e.attr("type").is_some_and(|t| {
                            t.trim().eq_ignore_ascii_case("application/ld+json")
                        }) =>
                    {
                        self.page.jsonld.push(raw_text(d));
                    }
                    _ => {}
                }
            }
        }
    }

    fn meta(&mut self, e: &Element) {
        let Some(content) = e.attr("content").or_else(|| e.attr("value")) else {
            if let Some(charset) = e.attr("charset") {
                self.page.metas.push(("charset".into(), charset.into()));
            }
            return;
        };
        for key in ["name", "property", "itemprop", "http-equiv"] {
            if let Some(name) = e.attr(key) {
                for part in name.split_whitespace() {
                    self.page
                        .metas
                        .push((part.to_ascii_lowercase(), content.trim().to_string()));
                }
            }
        }
    }

    fn link(&mut self, e: &Element) {
        let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") && self.page.canonical.is_none() {
            self.page.canonical = e.attr("href").map(|h| h.trim().to_string());
        }
    }

    /// Dates and bylines carried by body elements.
    fn hints(&mut self, node: NodeRef<'_, Node>, e: &Element, attrs: &Attrs, class: &str) {
        // most elements' classes name none of the words below: one search rules them all out
        let marked = HINT_WORDS.is_match(class);
        let itemprop = attrs.itemprop;
        let tag = e.name();
        if itemprop.eq_ignore_ascii_case("datePublished")
            || itemprop.eq_ignore_ascii_case("dateCreated")
        {
            let v = e
                .attr("content")
                .or_else(|| e.attr("datetime"))
                .map(str::to_string);
            self.date(node, v.unwrap_or_else(|| collapsed_text(node)), 9, false);
        } else if itemprop.eq_ignore_ascii_case("dateModified") {
            let v = e
                .attr("content")
                .or_else(|| e.attr("datetime"))
                .map(str::to_string);
            self.date(node, v.unwrap_or_else(|| collapsed_text(node)), 9, true);
        } else if tag == "time" {
            let pubdate = e.attr("pubdate").is_some();
            let modified = class.contains("modif") || class.contains("updat");
            let strength = if pubdate || class.contains("publish") || class.contains("pub") {
                8
            } else {
                6
            };
            let v = e
                .attr("datetime")
                .map(str::to_string)
                .unwrap_or_else(|| collapsed_text(node));
            self.date(node, v, strength, modified);
        } else if tag == "abbr" && e.attr("title").is_some() {
            if class.contains("published") || class.contains("date") {
                self.date(node, e.attr("title").unwrap_or("").to_string(), 7, false);
            }
        } else if marked
            && self.page.dates.len() < 40
            && DATE_CLASS_WORDS.iter().any(|w| class.contains(w))
            && let Some(text) = short_text(node, 200)
        {
            let modified = class.contains("modif") || class.contains("updat");
            self.date(node, text, 4, modified);
        }
        let rel = attrs.rel;
        let author_prop =
            itemprop.eq_ignore_ascii_case("author") || itemprop.eq_ignore_ascii_case("creator");
        if (rel.eq_ignore_ascii_case("author") || author_prop) && self.page.bylines.len() < 20 {
            let text = if author_prop {
                itemprop_name(node).unwrap_or_else(|| collapsed_text(node))
            } else {
                collapsed_text(node)
            };
            if !text.is_empty() && text.len() < 120 {
                self.page.bylines.push(Byline {
                    text,
                    declared: true,
                    at: self.page.blocks.len() as u32,
                });
            }
        } else if marked
            && self.page.bylines.len() < 20
            && class.contains("vcard")
            && class.contains("author")
            && let Some(outside) = outside_comments(node)
            && let Some(name) = hcard_name(node).filter(|t| !t.is_empty() && t.len() < 120)
        {
            // an hCard author (WordPress "author vcard" > "fn") declares the name; in the post
            // author's own comment only when no byline element came before it
            self.page.bylines.push(Byline {
                text: name,
                declared: outside || self.page.bylines.is_empty(),
                at: self.page.blocks.len() as u32,
            });
        } else if marked
            && self.page.bylines.len() < 20
            && (class.contains("byline") || class.contains("author"))
            && !class.contains("bio")
            && !class.contains("avatar")
            && outside_comments(node).is_some()
            && let Some(text) = short_text(node, 160).filter(|t| !t.is_empty())
        {
            self.page.bylines.push(Byline {
                text,
                declared: false,
                at: self.page.blocks.len() as u32,
            });
        }
    }

    /// Records a date hint, unless it stands in a comment section (a commenter's date).
    fn date(&mut self, node: NodeRef<'_, Node>, value: String, strength: u8, modified: bool) {
        if !value.trim().is_empty() && self.page.dates.len() < 64 && !in_comments(node) {
            self.page.dates.push(DateHint {
                value,
                strength,
                modified,
                at: self.page.blocks.len() as u32,
            });
        }
    }

    /// Adds each block's characters to its owner and all the owner's ancestors.
    fn totals(&mut self) {
        let elems = &mut self.page.elems;
        for b in &self.page.blocks {
            let mut at = b.owner;
            while at != NONE {
                let el = &mut elems[at as usize];
                el.chars += b.chars;
                el.link_chars += b.link_chars;
                at = el.parent;
            }
        }
    }
}

/// Where a byline element stands against the comment sections: `Some(true)` outside them,
/// `Some(false)` inside a comment the post's author wrote (WordPress `bypostauthor`: the author
/// answering names the post's author), `None` in another commenter's.
fn outside_comments(node: NodeRef<'_, Node>) -> Option<bool> {
    if !in_comments(node) {
        Some(true)
    } else if by_post_author(node) {
        Some(false)
    } else {
        None
    }
}

/// Is this element inside a comment that WordPress marks `bypostauthor` (the post's author
/// answering)? Other commenters' names ("comment-author", a "recent comments" widget's
/// "comment-author-link") are not the article's byline.
fn by_post_author(node: NodeRef<'_, Node>) -> bool {
    node.ancestors().take(8).any(|a| {
        a.value()
            .as_element()
            .and_then(|e| e.attr("class"))
            .is_some_and(|c| c.contains("bypostauthor"))
    })
}

/// Is this element, or one around it, part of a comment section: a class or id word "comment",
/// "commentlist" or one starting "comment-"/"comments-" ("comments-area", "comment-list",
/// WordPress's `<li id="comment-42">`)? A bare "comments" is not enough: themes name the
/// article's meta line after its comment count (`<div class="comments">date | 33 Comments`).
fn in_comments(node: NodeRef<'_, Node>) -> bool {
    // lower case, `_` as `-`, without allocating: the bytes of `w` from `at` are `part`'s
    let holds = |w: &str, at: usize, part: &str| {
        w.len() >= at + part.len()
            && w.as_bytes()[at..at + part.len()]
                .iter()
                .zip(part.bytes())
                .all(|(c, p)| c.to_ascii_lowercase() == p || (*c == b'_' && p == b'-'))
    };
    let comment_word = |w: &str| {
        holds(w, 0, "comment")
            && (w.len() == 7 || holds(w, 7, "list") || holds(w, 7, "-") || holds(w, 7, "s-"))
    };
    std::iter::once(node).chain(node.ancestors()).any(|a| {
        a.value().as_element().is_some_and(|e| {
            [e.attr("class"), e.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| v.contains("omment") && v.split_ascii_whitespace().any(comment_word))
        })
    })
}

/// The text of the hCard `fn` inside an author vcard.
fn hcard_name(node: NodeRef<'_, Node>) -> Option<String> {
    node.descendants().find_map(|d| {
        let e = d.value().as_element()?;
        e.attr("class")?
            .split_ascii_whitespace()
            .any(|w| w == "fn")
            .then(|| collapsed_text(d))
    })
}

/// The text of an `itemprop=name` inside an author carrier, or its `content`.
fn itemprop_name(node: NodeRef<'_, Node>) -> Option<String> {
    node.descendants().find_map(|d| {
        let e = d.value().as_element()?;
        if e.attr("itemprop")?.eq_ignore_ascii_case("name") {
            Some(
                e.attr("content")
                    .map(str::to_string)
                    .unwrap_or_else(|| collapsed_text(d)),
            )
        } else {
            None
        }
    })
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dd"
            | "dt"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "caption"
            | "fieldset"
            | "hr"
            | "hgroup"
            | "menu"
            | "legend"
    )
}

/// The attributes every element is looked at for, read in one pass ("" when absent): looking
/// each up by name interns the name first, which costs more than the pass.
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: &'a str,
    itemprop: &'a str,
    role: &'a str,
    rel: &'a str,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a Element) -> Self {
        let mut a = Attrs {
            class: "",
            id: "",
            style: "",
            itemprop: "",
            role: "",
            rel: "",
        };
        for (name, value) in e.attrs() {
            match name {
                "class" => a.class = value,
                "id" => a.id = value,
                "style" => a.style = value,
                "itemprop" => a.itemprop = value,
                "role" => a.role = value,
                "rel" => a.rel = value,
                _ => {}
            }
        }
        a
    }
}

/// Hidden by inline style. (The `hidden` attribute is not trusted: streaming renderers park the
/// whole article in a `<div hidden>` until scripts move it.)
pub fn is_hidden(style: &str) -> bool {
    if style.is_empty() {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// A collapsed accordion panel (`role=region`, a `collapse` class): hidden by its inline style
/// until a reader opens it, and article text (FAQ answers, the steps of a guide).
fn is_collapsed_panel(role: &str, words: &str) -> bool {
    role.eq_ignore_ascii_case("region") || words.contains("collaps")
}

/// Is this id an anchor slugged from a heading's text (`what-share-of-adults-…`,
/// `h-how-to-use-social-shopping`)? It names the heading of the element (the element itself, or
/// its first heading inside, on a section wrapping it), not what the element is: read as class
/// words, its "share", "menu" or "social" marked article headings and sections as boilerplate.
/// Only ids of three words or more are checked.
fn is_heading_anchor(node: NodeRef<'_, Node>, tag: &str, id: &str) -> bool {
    const MIN_LETTERS: usize = 12;
    if id.len() < MIN_LETTERS || id.bytes().filter(|&b| b == b'-' || b == b'_').count() < 2 {
        return false;
    }
    // (the pruning kept the id only when it holds a part the vocabulary reads)
    let lower = id.to_ascii_lowercase();
    let heading = if is_heading(tag) {
        Some(node)
    } else {
        // a section's first heading comes early among its descendants
        node.descendants()
            .take(40)
            .find(|d| d.value().as_element().is_some_and(|e| is_heading(e.name())))
    };
    let Some(heading) = heading else {
        return false;
    };
    let Some(text) = short_text(heading, 400) else {
        return false;
    };
    // letters and digits only, lower case: "What's next?" is `what-s-next`
    let letters = |t: &str| -> Vec<u8> {
        t.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (slug, said) = (letters(&lower), letters(&text));
    // WordPress writes `h-` before the slug of a heading's anchor
    let bare = lower.strip_prefix("h-").map(letters);
    [Some(slug), bare]
        .into_iter()
        .flatten()
        .any(|s| s.len() >= MIN_LETTERS && said.starts_with(&s))
}

/// The class and id of an element, lower case, space separated (empty when it has neither).
fn class_words(class: &str, id: &str) -> String {
    if class.is_empty() && id.is_empty() {
        return String::new();
    }
    let mut words = String::with_capacity(class.len() + id.len() + 1);
    words.push_str(class);
    words.push(' ');
    words.push_str(id);
    words.make_ascii_lowercase();
    // `post_body` and `post-body` are the same words to the vocabulary
    if words.contains('_') {
        words = words.replace('_', "-");
    }
    words
}

/// What `char::is_whitespace` is among ASCII bytes (tab, newline, vertical tab, form feed,
/// carriage return, space).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The collapsed text below a node, or `None` when it is longer than `limit` bytes (stops early).
fn short_text(node: NodeRef<'_, Node>, limit: usize) -> Option<String> {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            for word in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
            if out.len() > limit {
                return None;
            }
        }
    }
    Some(out)
}

/// All text below a node, whitespace collapsed (iterative: safe on deep trees).
pub fn collapsed_text(node: NodeRef<'_, Node>) -> String {
    // text nodes are joined with a space: in bylines and date lines they are usually separate
    // elements ("By" <a>Jane Doe</a>, "Jane Doe" <span>Last update</span>)
    short_text(node, usize::MAX).unwrap_or_default()
}

fn raw_text(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_collapse_whitespace_and_drop_nuls() {
        let html = Html::parse_document(
            "<p>one\u{0}two \t\n three\u{a0}four\u{0b}<a>fi\u{0}ve  six</a>\u{3000}sev\u{e9}n</p>",
        );
        let page = walk(&html);
        let block = &page.blocks[0];
        assert_eq!(block.text, "onetwo three four five six sev\u{e9}n");
        assert_eq!(block.link_chars, 7, "letters of 'five six' in the link");
    }

    #[test]
    fn hints_inside_dropped_inline_boilerplate_are_kept() {
        let html = Html::parse_document(
            r#"<html><body><article><h1>Keine Spielstraße</h1>
            <span class="entry-meta share"><time datetime="2017-06-12T10:00:00+02:00">12. Juni 2017</time>
            von <a class="url fn n" rel="author" href="/author/g1zzm0/">gizzmo</a></span>
            <p>Die Talstraße wird keine Spielstraße, hat der Ortsbeirat beschlossen.</p></article></body></html>"#,
        );
        let page = walk(&html);
        assert!(
            page.bylines
                .iter()
                .any(|b| b.declared && b.text == "gizzmo"),
            "{:?}",
            page.bylines
        );
        assert!(
            page.dates
                .iter()
                .any(|d| d.value == "2017-06-12T10:00:00+02:00")
        );
    }

    #[test]
    fn a_theme_site_title_heading_is_no_headline() {
        let html = Html::parse_document(
            r#"<header><h1 id="site-title"><a href="/">Mäscot das Schaf</a></h1></header>
            <article><h1 class="entry-title">Kleine Schafskunde</h1><p>Text.</p></article>"#,
        );
        assert_eq!(walk(&html).h1s, ["Kleine Schafskunde"]);
    }
}
