//! The body model: score the page's elements as article containers from the paragraphs they hold
//! (readability's propagation, weighted by link density and the class/id vocabulary), keep the best
//! container and its good siblings, and render their blocks minus what is boilerplate inside them.

use std::collections::HashMap;

use super::vocabulary::{
    Role, is_author_box_lead, is_boilerplate_text, is_call_to_action, is_heading,
};
use super::walk::{Block, NONE, Page};

/// Paragraph-like tags: their score goes to the parent (the container), not to themselves.
fn is_leaf_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre"
            | "blockquote"
            | "li"
            | "dd"
            | "dt"
            | "td"
            | "th"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "address"
            | "figcaption"
    )
}

fn density(links: u32, chars: u32) -> f32 {
    if chars == 0 {
        0.0
    } else {
        links as f32 / chars as f32
    }
}

/// Scores every element as a possible article container.
fn scores(page: &Page) -> Vec<f32> {
    let elems = &page.elems;
    let mut score = vec![0f32; elems.len()];
    for b in &page.blocks {
        if b.chars < 25 || density(b.link_chars, b.chars) > 0.5 {
            continue;
        }
        let owner = &elems[b.owner as usize];
        // ASCII text, most of it, is counted by the byte
        let commas = if b.text.is_ascii() {
            b.text.bytes().filter(|&c| c == b',').count()
        } else {
            b.text
                .chars()
                .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
                .count()
        } as f32;
        let mut base = 1.0 + commas.min(10.0) + (b.chars as f32 / 100.0).min(3.0);
        if matches!(owner.tag.as_str(), "li" | "td" | "dd" | "dt" | "th") {
            base *= 0.5;
        }
        let mut at = if is_leaf_block(&owner.tag) {
            owner.parent
        } else {
            b.owner
        };
        for level in 0..4 {
            if at == NONE {
                break;
            }
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                n => 1.0 / (n as f32 * 3.0),
            };
            score[at as usize] += base * share;
            at = elems[at as usize].parent;
        }
    }
    for (i, el) in elems.iter().enumerate() {
        if score[i] <= 0.0 {
            continue;
        }
        let tag_bonus = match el.tag.as_str() {
            "article" => 10.0,
            "div" | "section" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let role_bonus = match el.role {
            Role::Content => 25.0,
            Role::Boilerplate => -25.0,
            Role::Neutral => 0.0,
        };
        score[i] = (score[i] + tag_bonus + role_bonus) * (1.0 - density(el.link_chars, el.chars));
    }
    score
}

/// Each element's net article text: the long, link-poor blocks below it minus its link lists,
/// counting nothing below a boilerplate-marked element (which keeps half its own).
fn net_text(page: &Page) -> Vec<f32> {
    let mut net = vec![0f32; page.elems.len()];
    for (bi, b) in page.blocks.iter().enumerate() {
        let ld = density(b.link_chars, b.chars);
        let value = if bi > 0 && is_teaser(page, &page.blocks[bi - 1], b) {
            0.0
        } else if ld < 0.35 && b.chars >= 30 {
            b.chars as f32
        } else if ld >= 0.5 {
            -(b.chars as f32)
        } else {
            0.0
        };
        if value == 0.0 {
            continue;
        }
        let mut at = b.owner;
        while at != NONE {
            let el = &page.elems[at as usize];
            net[at as usize] += value;
            if el.role == Role::Boilerplate {
                break;
            }
            at = el.parent;
        }
    }
    for (i, el) in page.elems.iter().enumerate() {
        if el.role == Role::Boilerplate {
            net[i] *= 0.5;
        }
    }
    net
}

/// A teaser's excerpt: a short paragraph (700 characters or fewer, not content-marked: a
/// blog's post body follows its linked title) right after a wholly linked heading, the two
/// alone in their parent (a card of a list of other articles). It is no article text to the
/// net-text view: cards of "Read this next" under the article made `<body>` the container.
fn is_teaser(page: &Page, prev: &Block, b: &Block) -> bool {
    let (pe, be) = (
        &page.elems[prev.owner as usize],
        &page.elems[b.owner as usize],
    );
    if !(is_heading(&pe.tag)
        && prev.link_chars * 10 >= prev.chars * 9
        && b.chars <= 700
        && be.role != Role::Content)
    {
        return false;
    }
    let parent = be.parent;
    if parent == NONE {
        return false;
    }
    // the heading is the paragraph's sibling or a sibling's child (a link wrapping a heading)
    let hp = pe.parent;
    let sibling = hp == parent || (hp != NONE && page.elems[hp as usize].parent == parent);
    let card = &page.elems[parent as usize];
    sibling && card.chars as f32 <= (prev.chars + b.chars) as f32 * 1.2
}

/// The chosen container elements, in document order.
///
/// Two views are combined. Readability's propagation finds the element holding the densest run
/// of paragraphs; the net-text view finds the element whose subtree holds the most article-like
/// text (long, link-poor blocks) minus link lists, counting nothing below boilerplate-marked
/// elements. Articles fragmented into many small containers (page builders) defeat the first;
/// the second then picks their common ancestor.
fn roots(page: &Page, score: &[f32]) -> Vec<u32> {
    let n = page.elems.len();
    let net = net_text(page);
    // A dialog or consent box, and what is inside it, is no candidate: a cookie notice's text
    // beat a two-line article (document order puts parents first, so one pass marks them).
    let mut overlaid = vec![false; n];
    for (i, el) in page.elems.iter().enumerate() {
        overlaid[i] = el.overlay || (el.parent != NONE && overlaid[el.parent as usize]);
    }
    // nor, unless nothing else is, an element inside a footer, a nav, an aside or a form holding
    // less than half the page (a sign-up or login form; ASP.NET wraps whole pages in a form): a
    // site's disclaimer or a newsletter box in the footer beat a short article
    let mut fenced = vec![false; n];
    let page_chars = page.elems.iter().map(|e| e.chars).max().unwrap_or(0);
    for (i, el) in page.elems.iter().enumerate() {
        fenced[i] = overlaid[i]
            || (el.parent != NONE && fenced[el.parent as usize])
            || matches!(el.tag.as_str(), "footer" | "nav" | "aside")
            || (el.tag == "form" && el.chars * 2 < page_chars);
    }
    // an element below a boilerplate-marked one (a sidebar's text widget, a privacy notice in a
    // modal) counts for less than one that is not
    let mut cand_score = score.to_vec();
    let mut cand_net = net.clone();
    let mut below_boiler = vec![false; n];
    for (i, el) in page.elems.iter().enumerate() {
        let p = el.parent;
        below_boiler[i] = p != NONE
            && (below_boiler[p as usize] || page.elems[p as usize].role == Role::Boilerplate);
        if below_boiler[i] {
            cand_score[i] *= BELOW_BOILERPLATE;
            cand_net[i] *= BELOW_BOILERPLATE;
        }
    }
    let best = match pick(page, &cand_score, &cand_net, &fenced, &below_boiler)
        .or_else(|| pick(page, &cand_score, &cand_net, &overlaid, &below_boiler))
    {
        Some(x) => x,
        None => return Vec::new(),
    };
    // a content-marked ancestor holding more article text, or else a content-marked element
    // inside holding most of it, is the container
    let up = content_ancestor(page, best, &net, &fenced);
    let best = if up == best {
        content_descendant(page, best, &net, &fenced)
    } else {
        up
    };
    // siblings of the pick holding article text of their own join it: page builders split an
    // article into sections side by side
    let parent = page.elems[best].parent;
    if parent == NONE {
        return vec![best as u32];
    }
    let floor = (net[best] * SIBLING_SHARE).max(SIBLING_MIN);
    (0..n)
        .filter(|&i| {
            let el = &page.elems[i];
            i == best
                || (el.parent == parent
                    && net[i] >= floor
                    && el.role != Role::Boilerplate
                    && !fenced[i]
                    && density(el.link_chars, el.chars) < 0.25)
        })
        .map(|i| i as u32)
        .collect()
}

/// The container: readability's pick, or the net-text pick when it holds much more article
/// text; elements marked in `excluded` are no candidates (`below_boiler`: those below a
/// boilerplate-marked element).
fn pick(
    page: &Page,
    score: &[f32],
    net: &[f32],
    excluded: &[bool],
    below_boiler: &[bool],
) -> Option<usize> {
    let n = page.elems.len();
    // the deepest element with the best net text (document order puts descendants after ancestors)
    let mut best_net: Option<usize> = None;
    for i in 0..n {
        if net[i] > 0.0 && !excluded[i] && best_net.is_none_or(|b| net[i] >= net[b]) {
            best_net = Some(i);
        }
    }
    let best_readability = (0..n)
        .filter(|&i| score[i] > 0.0 && !excluded[i])
        .max_by(|&a, &b| score[a].total_cmp(&score[b]));
    match (best_readability, best_net) {
        (Some(r), Some(t)) => {
            // a list below a boilerplate-marked element (the comments, a roll of other posts)
            // holding more text than the article does not beat readability's pick elsewhere
            if below_boiler[t]
                && !is_ancestor(page, t as u32, r as u32)
                && !is_ancestor(page, r as u32, t as u32)
                && is_list_like(page, t)
            {
                return Some(r);
            }
            // keep readability's pick unless the net-text pick holds much more article text
            Some(
                if is_ancestor(page, t as u32, r as u32) && net[t] > net[r].max(0.0) * 1.3 {
                    t
                } else if is_ancestor(page, t as u32, r as u32)
                    || net[r] >= net[t] * 0.7
                    || net[r] >= without_interface_lines(page, t, net[t]) * 0.7
                {
                    r
                } else {
                    t
                },
            )
        }
        (r, t) => r.or(t),
    }
}

/// An element's net text without the interface lines below it ("Read comments | Post a
/// comment", "Share this"), which the rendering drops: a comment box's notice held more text
/// than a two-line article elsewhere. Asked only of the net-text pick that would replace
/// readability's pick elsewhere on the page (counting them nothing everywhere made a short
/// article's newsletter promotion beat it).
fn without_interface_lines(page: &Page, t: usize, net: f32) -> f32 {
    let end = subtree_end(page, t);
    let interface: u32 = page
        .blocks
        .iter()
        .filter(|b| {
            (t..end).contains(&(b.owner as usize))
                && b.chars >= 30
                && density(b.link_chars, b.chars) < 0.35
                && is_boilerplate_text(&b.text)
        })
        .map(|b| b.chars)
        .sum();
    net - interface as f32
}

/// The nearest content-marked ancestor of the pick (`entry-content`, `articleBody`) when it
/// holds clearly more article text than the pick: readability's propagation favours the densest
/// run of paragraphs, which can be one section of a post whose intro and close sit beside it.
fn content_ancestor(page: &Page, best: usize, net: &[f32], fenced: &[bool]) -> usize {
    let mut at = page.elems[best].parent;
    for _ in 0..CONTENT_CLIMB {
        if at == NONE || fenced[at as usize] {
            break;
        }
        let el = &page.elems[at as usize];
        if el.role == Role::Content {
            return if net[best] > 0.0 && net[at as usize] >= net[best] * CONTENT_GAIN {
                at as usize
            } else {
                best
            };
        }
        at = el.parent;
    }
    best
}

/// The content-marked element inside the pick holding most of its article text
/// ([`CONTENT_SHARE`] or more; the one holding the most), when there is one: the net-text view
/// picks a wrapper above an article that a page builder splits into many small sections, and
/// the wrapper also holds promotional boxes, sign-up lines and link lists around the article.
fn content_descendant(page: &Page, best: usize, net: &[f32], fenced: &[bool]) -> usize {
    let floor = net[best] * CONTENT_SHARE;
    let mut found = best;
    for i in best + 1..subtree_end(page, best) {
        if page.elems[i].role == Role::Content
            && !is_text_block(&page.elems[i].tag)
            && !fenced[i]
            && net[i] >= floor
            && (found == best || net[i] > net[found])
        {
            found = i;
        }
    }
    if net[best] > 0.0 { found } else { best }
}

/// A paragraph, heading, list item or cell: an element that holds text, not a container
/// (`<p class="article-body__paragraph">` is content-marked, and a short article's one long
/// paragraph holds all its net text beside a "Thanks" that does not count).
fn is_text_block(tag: &str) -> bool {
    tag == "h1" || (is_leaf_block(tag) && tag != "address")
}

/// The end (exclusive) of the element's subtree in [`Page::elems`]: elements come in document
/// order, each after its parent, so the subtree runs up to the first element whose parent is
/// before the element.
fn subtree_end(page: &Page, t: usize) -> usize {
    (t + 1..page.elems.len())
        .find(|&i| {
            let p = page.elems[i].parent;
            p == NONE || (p as usize) < t
        })
        .unwrap_or(page.elems.len())
}

/// The share of the pick's net text a content-marked element inside it must hold to replace it.
const CONTENT_SHARE: f32 = 0.8;

/// How many levels above the pick a content-marked ancestor is looked for, and how much more
/// article text it must hold to replace the pick.
const CONTENT_CLIMB: usize = 6;
const CONTENT_GAIN: f32 = 1.02;

/// Is most of the element's text in one list (`ul`/`ol`), itself or below it?
fn is_list_like(page: &Page, t: usize) -> bool {
    let total = page.elems[t].chars;
    (t..subtree_end(page, t)).any(|i| {
        matches!(page.elems[i].tag.as_str(), "ul" | "ol") && page.elems[i].chars * 10 >= total * 9
    })
}

/// What the scores of an element below a boilerplate-marked element count for in the choice.
const BELOW_BOILERPLATE: f32 = 0.6;

/// A sibling of the container joins it with this share of its net text, and at least this many
/// characters of it.
const SIBLING_SHARE: f32 = 0.05;
const SIBLING_MIN: f32 = 60.0;

fn is_ancestor(page: &Page, anc: u32, mut at: u32) -> bool {
    while at != NONE {
        if at == anc {
            return true;
        }
        at = page.elems[at as usize].parent;
    }
    false
}

/// Is the block kept, given the roots? It must be below a root, with no boilerplate element
/// between the root and itself, nor a `<form>` holding less than half of the root's text (a
/// comparison table with checkboxes, a quote or sign-up form; a shop's product form that holds
/// most of the page is the article).
fn under_root(page: &Page, b: &Block, is_root: &[bool]) -> bool {
    let mut at = b.owner;
    let mut boiler = false;
    let mut form = NONE;
    while at != NONE {
        let el = &page.elems[at as usize];
        if is_root[at as usize] {
            let small_form = form != NONE && page.elems[form as usize].chars * 2 < el.chars;
            return !(boiler || small_form);
        }
        boiler |= el.role == Role::Boilerplate;
        if el.tag == "form" {
            form = at;
        }
        at = el.parent;
    }
    false
}

/// A block kept for the body, with what the rendering's last checks need.
struct Kept<'a> {
    text: &'a str,
    /// `h1`..`h6` as `b'1'`..`b'6'` (a heading that is a list item is the list's text: `None`).
    heading: Option<u8>,
    /// Mostly link text.
    linked: bool,
}

/// "Keywords: Business", "Topics: Elections, Congress": a tag list's label and a colon opening a
/// block that is mostly links (the caller checks the density); under the same label plain words
/// ("Keywords: anxiety, depression") are a paper's keywords, which the article keeps.
fn is_labelled_links(text: &str) -> bool {
    const TAG_LABELS: &[&str] = &[
        "keywords",
        "topics",
        "themen",
        "schlagworte",
        "schlagwörter",
        "mots-clés",
        "mots clés",
        "palabras clave",
        "temas",
        "tematy",
        "słowa kluczowe",
    ];
    text.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim();
        label.len() <= 16 && TAG_LABELS.contains(&label.to_lowercase().as_str())
    })
}

/// The article body as paragraphs separated by blank lines.
pub fn body_text(page: &Page, title: Option<&str>) -> String {
    rendered(page, title).join("\n\n")
}

/// The texts of the blocks that make the body, in page order (borrowed from the blocks).
fn rendered<'a>(page: &'a Page, title: Option<&str>) -> Vec<&'a str> {
    let score = scores(page);
    let roots = roots(page, &score);
    let mut is_root = vec![false; page.elems.len()];
    for &r in &roots {
        is_root[r as usize] = true;
    }
    let mut out: Vec<Kept> = Vec::new();
    // the page's indices of the first two blocks kept
    let mut kept_at = [usize::MAX; 2];
    for (i, b) in page.blocks.iter().enumerate() {
        let tag = page.elems[b.owner as usize].tag.as_str();
        let fallback = roots.is_empty() && !ancestor_boiler(page, b.owner);
        if !(fallback || under_root(page, b, &is_root)) {
            continue;
        }
        // link lists go; a list item may be mostly a link (a product, a source) and still be
        // article text, and headings are checked below
        let links = density(b.link_chars, b.chars);
        let limit = if tag == "li" { 0.8 } else { 0.5 };
        if links > limit && !is_heading(tag) && !is_linked_sentence(tag, b, links) {
            continue;
        }
        if is_boilerplate_text(&b.text) || (links >= 0.25 && is_labelled_links(&b.text)) {
            continue;
        }
        if tag != "pre" && is_json_data(&b.text) {
            continue;
        }
        if tag == "h1" && title.is_some_and(|t| same_text(t, &b.text)) {
            continue;
        }
        let parent = page.elems[b.owner as usize].parent;
        let in_li = parent != NONE && page.elems[parent as usize].tag == "li";
        if out.len() < 2 {
            kept_at[out.len()] = i;
        }
        out.push(Kept {
            text: &b.text,
            heading: (is_heading(tag) && !in_li).then(|| tag.as_bytes()[1]),
            linked: links > 0.5,
        });
    }
    if kept_at[0] != usize::MAX {
        let (leads, at) = lead_blocks(page, title, kept_at);
        if !leads.is_empty() {
            let kept = leads.iter().map(|b| Kept {
                text: &b.text,
                heading: None,
                linked: false,
            });
            out.splice(at..at, kept);
        }
    }
    // headings left at the end of the body introduced something dropped (a "Related posts"
    // list, a comment form)
    while out.len() > 1 && out.last().is_some_and(|k| k.heading.is_some()) {
        out.pop();
    }
    // so did a linked heading ("More on …", "Weitere Themen") followed by no text of its own:
    // the next block is a heading of the same or a higher rank
    let keep: Vec<bool> = (0..out.len())
        .map(|i| match (out[i].heading, out.get(i + 1)) {
            (Some(rank), Some(next)) if out[i].linked => next.heading.is_none_or(|r| r > rank),
            _ => true,
        })
        .collect();
    // invitations to follow the site on social networks go; after the last long paragraph, so
    // do lines naming a network's handle ("Instagram: @…"), the leads of lists of other
    // articles ("Related posts", "Weitere Themen") and calls to subscribe or support
    let last_long = out.iter().rposition(|k| k.text.len() >= 200).unwrap_or(0);
    let mut texts: Vec<&str> = out
        .iter()
        .zip(keep)
        .enumerate()
        .filter_map(|(i, (k, keep))| {
            (keep && !is_call_to_action(k.text, i > last_long)).then_some(k.text)
        })
        .collect();
    // an author box's heading among the last paragraphs of the second half ("About the
    // author", "Written by …", "Latest posts by …") goes with the bio and links that follow it
    let from = (texts.len() / 2).max(texts.len().saturating_sub(AUTHOR_BOX_REACH));
    if let Some(at) = (from.max(1)..texts.len()).find(|&i| is_author_box_lead(texts[i])) {
        texts.truncate(at);
    }
    without_repeated_copies(texts)
}

/// The article's lead printed between the block that prints the title (its `<h1>`, or the
/// first kept block when that is a headline with a kicker) and the body's next kept block,
/// outside the container or under a boilerplate word (`teaser-text`): blocks in or just below
/// an element marked as a lead ([`Elem::lead`]), link-poor, of a sentence's length. Only the
/// few blocks right after the title are looked at, so a list page's teasers further down stay
/// out. Returns the blocks and where among the kept ones they go.
fn lead_blocks<'a>(
    page: &'a Page,
    title: Option<&str>,
    kept_at: [usize; 2],
) -> (Vec<&'a Block>, usize) {
    let none = (Vec::new(), 0);
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return none;
    };
    let first = kept_at[0];
    let from = first.saturating_sub(LEAD_REACH);
    let wanted = comparable(title);
    let Some(anchor) = (from..=first)
        .rev()
        .find(|&i| prints_title(page, &page.blocks[i], title, &wanted))
    else {
        return none;
    };
    let (range, at) = if anchor < first {
        (anchor + 1..first, 0)
    } else if kept_at[1] != usize::MAX {
        (first + 1..kept_at[1], 1)
    } else {
        return none;
    };
    // a deck: an `<h2>` beside the headline's `<h1>` (in the same header or `hgroup`)
    let headline = &page.elems[page.blocks[anchor].owner as usize];
    let is_deck = |b: &Block| {
        let el = &page.elems[b.owner as usize];
        headline.tag == "h1" && el.tag == "h2" && el.parent == headline.parent
    };
    let leads = page.blocks[range]
        .iter()
        .filter(|b| {
            b.chars >= LEAD_CHARS
                && density(b.link_chars, b.chars) < 0.3
                && (is_lead_owned(page, b.owner) || is_deck(b))
                && !is_boilerplate_text(&b.text)
        })
        .collect();
    (leads, at)
}

/// Does the block print the title (`wanted` is its [`comparable`] form): the same text, or a
/// heading that ends with it after a kicker ("Tunesien Große Aufgaben …")?
fn prints_title(page: &Page, b: &Block, title: &str, wanted: &str) -> bool {
    comparable(&b.text) == wanted
        || (is_heading(&page.elems[b.owner as usize].tag)
            && b.text.len() > title.len()
            && b.text.trim_end().ends_with(title))
}

/// How many blocks before the body's first the title's `<h1>` is looked for in.
const LEAD_REACH: usize = 25;
/// The shortest lead, in characters.
const LEAD_CHARS: u32 = 40;

/// Is the element, its parent or grandparent marked as a lead, with no element marked as
/// boilerplate (and not as a lead) in between (a disclosure line inside an `article-intro`)?
fn is_lead_owned(page: &Page, mut at: u32) -> bool {
    for _ in 0..3 {
        if at == NONE {
            return false;
        }
        let el = &page.elems[at as usize];
        if el.lead {
            return true;
        }
        if el.role == Role::Boilerplate {
            return false;
        }
        at = el.parent;
    }
    false
}

/// How many of the body's last paragraphs an author box's heading is looked for in.
const AUTHOR_BOX_REACH: usize = 8;

/// A paragraph that is mostly links but writes a clause of its own around them ("Read the
/// ruling here and the council's answer here", a source line, an embedded post): article text,
/// not a link list. At most [`LINKED_SENTENCE_DENSITY`] of it linked, and at least
/// [`LINKED_SENTENCE_OWN`] characters not.
fn is_linked_sentence(tag: &str, b: &Block, links: f32) -> bool {
    tag == "p"
        && links <= LINKED_SENTENCE_DENSITY
        && b.chars.saturating_sub(b.link_chars) >= LINKED_SENTENCE_OWN
}

const LINKED_SENTENCE_DENSITY: f32 = 0.8;
const LINKED_SENTENCE_OWN: u32 = 30;

/// Drops a second copy of a run of paragraphs: responsive templates print the whole article
/// twice (one copy for small screens, hidden by a stylesheet). A run counts as a copy when it
/// repeats at least [`COPY_BLOCKS`] consecutive earlier paragraphs holding [`COPY_CHARS`]
/// bytes or more; a paragraph or a short list repeated on purpose (a caption under each
/// picture, a table of pros and cons printed twice) stays.
fn without_repeated_copies(texts: Vec<&str>) -> Vec<&str> {
    const COPY_BLOCKS: usize = 3;
    const COPY_CHARS: usize = 1000;
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        first.entry(t).or_insert(i);
    }
    let mut keep = vec![true; texts.len()];
    let mut i = 0;
    while i < texts.len() {
        let j = first[texts[i]];
        if j < i {
            // the run repeating texts[j..] from i on, not overlapping itself
            let run = (0..)
                .take_while(|&k| i + k < texts.len() && j + k < i && texts[i + k] == texts[j + k])
                .count();
            let bytes: usize = texts[i..i + run].iter().map(|t| t.len()).sum();
            if run >= COPY_BLOCKS && bytes >= COPY_CHARS {
                keep[i..i + run].fill(false);
                i += run;
                continue;
            }
        }
        i += 1;
    }
    texts
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

/// A JSON object printed as text (a product widget's settings in a hidden span), not prose: it
/// opens with `{"` and is written without spaces after its keys.
fn is_json_data(text: &str) -> bool {
    text.len() >= 200
        && text.starts_with("{\"")
        && text.contains("\":")
        && !text.as_bytes()[..200].windows(3).any(|w| w == b"\": ")
}

fn ancestor_boiler(page: &Page, mut at: u32) -> bool {
    while at != NONE {
        let el = &page.elems[at as usize];
        if el.role == Role::Boilerplate {
            return true;
        }
        at = el.parent;
    }
    false
}

fn same_text(a: &str, b: &str) -> bool {
    comparable(a) == comparable(b)
}

/// The letters and digits of a text, lower case: what [`same_text`] compares.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A description of the body model's decision on a page, for tuning: the best-scored containers
/// with their path of tags/roles and the roots kept.
pub fn explain(page: &Page, title: Option<&str>) -> String {
    let score = scores(page);
    let mut order: Vec<usize> = (0..score.len()).filter(|&i| score[i] > 0.0).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let net = net_text(page);
    let mut by_net: Vec<usize> = (0..net.len()).filter(|&i| net[i] > 0.0).collect();
    by_net.sort_by(|&a, &b| net[b].total_cmp(&net[a]));
    let mut out = String::new();
    for (k, &i) in order
        .iter()
        .take(8)
        .chain(by_net.iter().take(6))
        .enumerate()
    {
        if k == order.len().min(8) {
            out.push_str("by net text:\n");
        }
        let el = &page.elems[i];
        out.push_str(&format!(
            "{:8.1} net {:6.0} chars {:6} links {:5} #{i} {}\n",
            score[i],
            net[i],
            el.chars,
            el.link_chars,
            tag_path(page, i as u32)
        ));
    }
    let roots = roots(page, &score);
    out.push_str(&format!("roots {roots:?}\n"));
    if std::env::var_os("EXPLAIN_JSON").is_some() {
        // one JSON line per block: whether the body renders it, its owner's path, its counts
        let kept: Vec<*const u8> = rendered(page, title).iter().map(|t| t.as_ptr()).collect();
        let mut is_root = vec![false; page.elems.len()];
        for &r in &roots {
            is_root[r as usize] = true;
        }
        for (bi, b) in page.blocks.iter().enumerate() {
            let line = serde_json::json!({
                "i": bi,
                "kept": kept.contains(&b.text.as_ptr()),
                "under": under_root(page, b, &is_root),
                "owner": b.owner,
                "path": tag_path(page, b.owner),
                "chars": b.chars,
                "links": b.link_chars,
                "text": b.text,
            });
            out.push_str(&format!("J {line}\n"));
        }
    }
    if std::env::var_os("EXPLAIN_BLOCKS").is_some() {
        let mut is_root = vec![false; page.elems.len()];
        for &r in &roots {
            is_root[r as usize] = true;
        }
        for b in &page.blocks {
            let el = &page.elems[b.owner as usize];
            let text: String = b.text.chars().take(90).collect();
            out.push_str(&format!(
                "{} #{:<5} {:8} {:6} {:5} {:5} {}\n",
                if under_root(page, b, &is_root) {
                    "K"
                } else {
                    "-"
                },
                b.owner,
                el.tag,
                match el.role {
                    Role::Boilerplate => "boiler",
                    Role::Content => "cont",
                    Role::Neutral => "",
                },
                b.chars,
                b.link_chars,
                text
            ));
        }
    }
    out
}

/// An element's tags from the root down, "!" after a boilerplate-marked one and "+" after a
/// content-marked one (`html>body>div+>p`).
fn tag_path(page: &Page, element: u32) -> String {
    let mut path = Vec::new();
    let mut at = element;
    while at != NONE {
        let e = &page.elems[at as usize];
        let mark = match e.role {
            Role::Boilerplate => "!",
            Role::Content => "+",
            Role::Neutral => "",
        };
        path.push(format!("{}{mark}", e.tag));
        at = e.parent;
    }
    path.reverse();
    path.join(">")
}

#[cfg(test)]
#[path = "body_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "render_tests.rs"]
mod render_tests;
