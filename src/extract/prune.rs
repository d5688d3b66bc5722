//! Before parsing: drops what the extractor never reads — the text of scripts (other than JSON-LD),
//! styles, `noscript`/`iframe` fallbacks, comments, the insides of elements the walk skips (SVG,
//! select lists, media fallbacks), `<link>`s other than the canonical one, attributes it has
//! no use for, the words of `class` and `id` values that no rule looks for, and styles that hide
//! nothing; runs of whitespace in text become one space. On news pages that is over half of
//! the bytes, and much of the parser's time goes with them.
//!
//! The scan follows the HTML tokenizer's states that matter (tags with quoted attribute values,
//! comments, raw-text and RCDATA elements) so it never cuts inside what the parser would read as
//! text or markup. Where it would have to follow the tokenizer further (a script holding `<!--`,
//! whose end the tokenizer finds by its escape states, or `<plaintext>`), it stops pruning and
//! keeps the rest of the page as it is.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::{memchr, memmem};

/// What pruning gives: the page, and what it read in the scripts it cut.
pub struct Pruned<'a> {
    /// The page without the contents of unread elements, comments and unread attributes (tags
    /// kept).
    pub html: Cow<'a, str>,
    /// The first publication date found in an app-state script's JSON
    /// ([`super::dates::script_published`]).
    pub script_published: Option<String>,
}

/// Prunes the page (see the module doc).
pub fn prune(html: &str) -> Pruned<'_> {
    let b = html.as_bytes();
    let mut edits = Edits::new(html);
    let mut script_published = None;
    let mut at = 0;
    while let Some(lt) = memchr(b'<', &b[at..]).map(|p| at + p) {
        edits.collapse_spaces(at, lt);
        let rest = &b[lt + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                let end = comment_end(b, lt + 4);
                edits.cut(lt, end);
                at = end;
            }
            Some(b'!' | b'?' | b'/') => at = past_gt(b, lt),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = lt
                    + 1
                    + rest
                        .iter()
                        .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
                        .unwrap_or(rest.len());
                let name = &b[lt + 1..name_end];
                if name.eq_ignore_ascii_case(b"link") {
                    let tag_end = scan_start_tag(b, name, name_end, |_, _, _| {});
                    if !contains_ignore_case(&b[name_end..tag_end], b"canonical") {
                        edits.cut(lt, tag_end);
                        at = tag_end;
                        continue;
                    }
                }
                let tag_end = scan_start_tag(b, name, name_end, |from, to, with| {
                    edits.splice(from, to, with)
                });
                let Some(kind) = RawText::of(name) else {
                    at = match skipped_content_end(b, name, tag_end) {
                        Ok(close) => {
                            edits.cut(tag_end, close);
                            close
                        }
                        Err(resume) => resume,
                    };
                    continue;
                };
                let close = closing_tag(b, tag_end, name);
                match kind {
                    RawText::Plaintext => break,
                    RawText::Script => {
                        let json_ld = contains_ignore_case(&b[name_end..tag_end], b"ld+json");
                        if memmem::find(&b[tag_end..close], b"<!--").is_some() {
                            break;
                        }
                        if !json_ld {
                            if script_published.is_none() {
                                script_published =
                                    super::dates::script_published(&html[tag_end..close])
                                        .map(str::to_string);
                            }
                            edits.cut(tag_end, close);
                        }
                    }
                    RawText::Dropped => edits.cut(tag_end, close),
                    RawText::Kept => {}
                }
                at = close;
            }
            _ => at = lt + 1,
        }
    }
    Pruned {
        html: edits.finish(),
        script_published,
    }
}

/// Just past the first `>` from `from` (or the end of the input).
fn past_gt(b: &[u8], from: usize) -> usize {
    memchr(b'>', &b[from..]).map_or(b.len(), |p| from + p + 1)
}

/// Elements whose content the tokenizer reads as text up to their end tag.
#[derive(Clone, Copy)]
enum RawText {
    Script,
    /// Read by nobody: styles, fallbacks (html5ever parses with scripting on, so `noscript` is text).
    Dropped,
    /// Text the extractor reads (`title`) or rare raw-text elements: kept as they are.
    Kept,
    /// Everything after it is text.
    Plaintext,
}

impl RawText {
    fn of(name: &[u8]) -> Option<Self> {
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        if is("script") {
            Some(Self::Script)
        } else if is("style")
            || is("noscript")
            || is("iframe")
            || is("noembed")
            || is("noframes")
            || is("textarea")
        {
            Some(Self::Dropped)
        } else if is("title") || is("xmp") {
            Some(Self::Kept)
        } else if is("plaintext") {
            Some(Self::Plaintext)
        } else {
            None
        }
    }
}

/// The pruned page being written: the input with some spans cut or replaced, copied only once
/// the first edit is made.
struct Edits<'a> {
    html: &'a str,
    out: Option<String>,
    /// Bytes of `html` before this are in `out` (or, with no `out` yet, unchanged so far).
    kept: usize,
}

impl<'a> Edits<'a> {
    fn new(html: &'a str) -> Self {
        Edits {
            html,
            out: None,
            kept: 0,
        }
    }

    /// Skips `from..to`.
    fn cut(&mut self, from: usize, to: usize) {
        self.splice(from, to, "");
    }

    /// Writes `with` instead of `from..to` (an insertion when they are equal).
    fn splice(&mut self, from: usize, to: usize, with: &str) {
        if to <= from && with.is_empty() {
            return;
        }
        let html = self.html;
        let s = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len() / 2));
        s.push_str(&html[self.kept..from]);
        s.push_str(with);
        self.kept = to;
    }

    /// Writes each run of whitespace in the text `from..to` as one space. The walk collapses
    /// whitespace anyway, and the tree builder treats any run of it alike, so only the
    /// tokenizer's work changes: it reads a newline a character at a time, and indented pages
    /// hold thousands.
    fn collapse_spaces(&mut self, from: usize, to: usize) {
        let b = self.html.as_bytes();
        let mut at = from;
        while at < to {
            if !is_html_space(b[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < to && is_html_space(b[at]) {
                at += 1;
            }
            if at - start > 1 || b[start] != b' ' {
                self.splice(start, at, " ");
            }
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut s) => {
                s.push_str(&self.html[self.kept..]);
                Cow::Owned(s)
            }
        }
    }
}

/// The tokenizer's whitespace (tab, newline, form feed, carriage return, space): not `\x0b`,
/// which is text to the tree builder.
fn is_html_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Where a comment whose text starts at `from` ends (after `-->`, `--!>`, or the tokenizer's
/// abrupt `<!-->` / `<!--->`); an unclosed comment runs to the end.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = 0;
    while let Some(p) = memmem::find(&rest[at..], b"--").map(|p| at + p) {
        let after = &rest[p + 2..];
        if after.starts_with(b">") {
            return from + p + 3;
        }
        if after.starts_with(b"!>") {
            return from + p + 4;
        }
        at = p + 1;
    }
    b.len()
}

/// Scans a start tag whose name ends at `at` as the tokenizer does (quoted values may hold `>`)
/// and returns the index just past its `>`. Calls `edit(from, to, with)` to write `with` in place
/// of a span: "" for an attribute the extractor does not read or a `style` that hides nothing
/// (leading whitespace included), the read words of a `class` or `id` value for the value.
fn scan_start_tag(
    b: &[u8],
    tag: &[u8],
    mut at: usize,
    mut edit: impl FnMut(usize, usize, &str),
) -> usize {
    let (mut lower, mut read) = (Vec::new(), String::new());
    let n = b.len();
    loop {
        let lead = at;
        while at < n && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= n {
            return n;
        }
        if b[at] == b'>' {
            return at + 1;
        }
        // the name runs to whitespace, `/`, `>` or `=` (a leading `=` belongs to it)
        let name_start = at;
        at += 1;
        while at < n && !b[at].is_ascii_whitespace() && !matches!(b[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let name = &b[name_start..at];
        let mut quoted = None;
        let mut value_end = at;
        while value_end < n && b[value_end].is_ascii_whitespace() {
            value_end += 1;
        }
        if value_end < n && b[value_end] == b'=' {
            at = value_end + 1;
            while at < n && b[at].is_ascii_whitespace() {
                at += 1;
            }
            match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = memchr(q, &b[at + 1..]).map(|p| at + 1 + p);
                    quoted = close.map(|c| at + 1..c);
                    at = close.map_or(n, |c| c + 1);
                }
                Some(b'>') | None => {}
                Some(_) => {
                    while at < n && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                        at += 1;
                    }
                }
            }
        }
        if !is_read(tag, name) {
            edit(lead, at, "");
            continue;
        }
        // a quoted value written with no character reference reads as written
        let Some(value) = quoted else {
            continue;
        };
        let Some(text) = std::str::from_utf8(&b[value.clone()])
            .ok()
            .filter(|t| !t.contains('&'))
        else {
            continue;
        };
        if name.eq_ignore_ascii_case(b"class") || name.eq_ignore_ascii_case(b"id") {
            match read_class_words(text, &mut lower, &mut read) {
                Words::All => {}
                Words::None => edit(lead, at, ""),
                Words::Some => edit(value.start, value.end, &read),
            }
        } else if name.eq_ignore_ascii_case(b"style") && !super::walk::is_hidden(text) {
            // the walk reads a style only for whether it hides the element
            edit(lead, at, "");
        }
    }
}

/// The attributes the extractor reads on every element (`walk.rs`, `vocabulary.rs`; a test keeps
/// these lists true): every other one is dropped before parsing — `href` of links, `srcset`,
/// `data-*`, `aria-*`, `onclick` and the like.
const READ_EVERYWHERE: &[&str] = &[
    "class", "content", "datetime", "id", "itemprop", "rel", "role", "style",
];

/// The attributes read on one element only; and those the tree builder reads (`type` of an
/// `input`: a hidden one stays inside a table; `font`'s that end SVG or MathML content).
const READ_ON: &[(&str, &[&str])] = &[
    (
        "meta",
        &["charset", "http-equiv", "name", "property", "value"],
    ),
    ("link", &["href"]),
    ("html", &["lang", "xml:lang"]),
    ("script", &["type"]),
    ("abbr", &["title"]),
    ("time", &["pubdate"]),
    ("input", &["type"]),
    ("font", &["color", "face", "size"]),
];

fn is_read(tag: &[u8], name: &[u8]) -> bool {
    let is = |a: &&str| a.len() == name.len() && name.eq_ignore_ascii_case(a.as_bytes());
    READ_EVERYWHERE.iter().any(is)
        || READ_ON
            .iter()
            .any(|(t, names)| tag.eq_ignore_ascii_case(t.as_bytes()) && names.iter().any(is))
}

/// Every part of a class or id word the extractor looks for ([`super::walk::class_parts`]).
static CLASS_PART: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // a DFA without a prefilter: the haystacks are single words, a few bytes each
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(super::walk::class_parts())
        .expect("literal class parts")
});

/// Which words of a `class` or `id` value hold a part the extractor looks for.
enum Words {
    All,
    None,
    /// Some: they are in the buffer given, space separated.
    Some,
}

/// Sorts the words of a `class` or `id` value (see [`Words`]), read as the walk reads them: lower
/// case, `_` as `-`. Most values name nothing the extractor reads (`col-md-8 mb-3 flex`): their
/// characters, half of a pruned page's markup, need not go through the tokenizer one at a time.
fn read_class_words(value: &str, lower: &mut Vec<u8>, read: &mut String) -> Words {
    lower.clear();
    lower.extend(value.bytes().map(|c| match c {
        b'_' => b'-',
        c => c.to_ascii_lowercase(),
    }));
    read.clear();
    let (mut all, mut none) = (true, true);
    let b = value.as_bytes();
    let mut at = 0;
    while at < b.len() {
        if b[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() {
            at += 1;
        }
        if CLASS_PART.is_match(&lower[start..at]) {
            if !read.is_empty() {
                read.push(' ');
            }
            read.push_str(&value[start..at]);
            none = false;
        } else {
            all = false;
        }
    }
    if none {
        return Words::None;
    }
    if all { Words::All } else { Words::Some }
}

/// Elements the walk skips with all they hold (`walk.rs`): their content goes before parsing.
/// Whether they may nest: a nested `select` start tag closes the open one instead. (Not `button`:
/// the text of a byline box, buttons and all, decides whether it is short enough to be one.)
const SKIPPED: &[(&str, bool)] = &[
    ("svg", true),
    ("math", true),
    ("template", true),
    ("object", true),
    ("video", true),
    ("audio", true),
    ("canvas", true),
    ("map", true),
    ("dialog", true),
    ("select", false),
];

/// For an element the walk skips, whose start tag ends at `from`: `Ok` with the start of its end
/// tag, or `Err` with where to go on scanning when its content stays — it is not skipped, closes
/// itself (`<svg/>`), has no end tag, or holds a nested start tag that the parser reads as its end
/// (`<select><select>`: the scan goes on after that tag, which opens nothing).
fn skipped_content_end(b: &[u8], name: &[u8], from: usize) -> Result<usize, usize> {
    let Some(&(_, nests)) = SKIPPED
        .iter()
        .find(|(t, _)| name.eq_ignore_ascii_case(t.as_bytes()))
    else {
        return Err(from);
    };
    if b[..from].ends_with(b"/>") {
        return Err(from);
    }
    let mut depth = 0usize;
    let mut at = from;
    while let Some(p) = memchr(b'<', &b[at..]).map(|p| at + p) {
        if b.get(p + 1) == Some(&b'/') && named_at(b, p + 2, name) {
            if depth == 0 {
                return Ok(p);
            }
            depth -= 1;
        } else if named_at(b, p + 1, name) {
            let tag_end = past_gt(b, p);
            if !nests {
                return Err(tag_end);
            }
            if !b[..tag_end].ends_with(b"/>") {
                depth += 1;
            }
        }
        at = p + 1;
    }
    Err(from)
}

/// The start of the end tag `</name` (followed by whitespace, `/` or `>`) from `from`, or the
/// end of the input.
fn closing_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(p) = memchr(b'<', &b[at..]).map(|p| at + p) {
        if b.get(p + 1) == Some(&b'/') && named_at(b, p + 2, name) {
            return p;
        }
        at = p + 1;
    }
    b.len()
}

/// Whether the tag name `name` starts at `p`, followed by whitespace, `/`, `>` or the end.
fn named_at(b: &[u8], p: usize, name: &[u8]) -> bool {
    b.len() >= p + name.len()
        && b[p..p + name.len()].eq_ignore_ascii_case(name)
        && b.get(p + name.len())
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    fn prune(html: &str) -> Cow<'_, str> {
        super::prune(html).html
    }

    #[test]
    fn drops_scripts_styles_and_comments_but_keeps_json_ld() {
        let html = r#"<head><script src="a.js">var x = "<p>";</script><style>p{}</style>
<script type="application/ld+json">{"headline":"H"}</script><title>T</title></head>
<body><!-- <p>gone</p> --><p>kept</p><noscript><img src=x></noscript></body>"#;
        assert_eq!(
            prune(html),
            r#"<head><script></script><style></style> <script type="application/ld+json">{"headline":"H"}</script><title>T</title></head> <body><p>kept</p><noscript></noscript></body>"#
        );
    }

    #[test]
    fn collapses_whitespace_in_text_but_not_in_titles_scripts_or_attributes() {
        let html = "<title>A\n  B</title>\n\t<script type=\"application/ld+json\">{\"a\":\n 1}</script>\r\n<p class=\"date\n  byline\">one\n\n   two three\u{b}\u{b} four</p>";
        assert_eq!(
            prune(html),
            "<title>A\n  B</title> <script type=\"application/ld+json\">{\"a\":\n 1}</script> <p class=\"date\n  byline\">one two three\u{b}\u{b} four</p>"
        );
    }

    #[test]
    fn quoted_attributes_and_rcdata_are_not_mistaken_for_markup() {
        let html = r#"<abbr title="<script>" class='date<!--'><p>one</p></abbr><title><!-- not a comment</title><p>two</p>"#;
        assert_eq!(prune(html), html);
        assert_eq!(
            prune("<textarea></script><style></textarea><p>three</p>"),
            "<textarea></textarea><p>three</p>"
        );
    }

    #[test]
    fn end_tags_match_by_name_and_boundary() {
        // the tokenizer knows no JavaScript strings: the first `</script` + boundary ends it
        let html = "<script>a('</scripts>'); b('</SCRIPT >')</script><p>after</p>";
        assert_eq!(prune(html), "<script></SCRIPT >')</script><p>after</p>");
    }

    #[test]
    fn script_with_comment_escape_stops_pruning() {
        let html = "<style>x</style><script><!-- document.write('<script></script>') --></script><p>a</p><!-- c -->";
        assert_eq!(
            prune(html),
            "<style></style><script><!-- document.write('<script></script>') --></script><p>a</p><!-- c -->"
        );
    }

    #[test]
    fn unclosed_things_run_to_the_end() {
        assert_eq!(prune("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(prune("<p>a</p><script>open"), "<p>a</p><script>");
        assert_eq!(
            prune("<p>a</p><div class=\"open"),
            "<p>a</p><div class=\"open"
        );
        assert_eq!(prune("<!-->x<!--->y"), "xy");
        assert_eq!(prune("<"), "<");
        assert_eq!(prune("a<b"), "a<b");
    }

    #[test]
    fn unread_attributes_go_quoted_values_and_all() {
        assert_eq!(
            prune(
                r#"<img src="a.jpg" srcset='b.jpg 2x, c>.jpg' alt=x class=pic><p data-x=1 id="post-date">t</p>"#
            ),
            r#"<img class=pic><p id="post-date">t</p>"#
        );
        assert_eq!(
            prune(r#"<a HREF="/x" onclick="go('>')" rel = author>A</a><br/>"#),
            r#"<a rel = author>A</a><br/>"#
        );
        // read on one element only: `href` of a `<link>`, `name` of a `<meta>`
        assert_eq!(
            prune(
                r#"<link rel=canonical href="/a"><meta name=author content=X><p name=x title=y>"#
            ),
            r#"<link rel=canonical href="/a"><meta name=author content=X><p>"#
        );
        // a value-less attribute, a self-closing slash and a tag cut off by the end of the input
        assert_eq!(
            prune("<input disabled/><time datetime=2024-01-02 pubdate>"),
            "<input/><time datetime=2024-01-02 pubdate>"
        );
        assert_eq!(prune("<div class=a data-open=\""), "<div class=a");
    }

    #[test]
    fn class_id_and_style_keep_only_what_the_walk_reads() {
        assert_eq!(
            prune(r#"<div class="col-md-8 Article_Body mb-3" id="x12"><p class='a b'>t</p></div>"#),
            r#"<div class="Article_Body"><p>t</p></div>"#
        );
        // all read: the value stays as written; a character reference: kept whole
        assert_eq!(
            prune(r#"<span class="byline  author">B</span><i class="x&amp;y">i</i>"#),
            r#"<span class="byline  author">B</span><i class="x&amp;y">i</i>"#
        );
        // unquoted values stay
        assert_eq!(prune("<b class=x id=y>b</b>"), "<b class=x id=y>b</b>");
        // a style stays only when it hides the element
        assert_eq!(
            prune(r#"<p style="color: red">a</p><p style="Display: none">b</p>"#),
            r#"<p>a</p><p style="Display: none">b</p>"#
        );
    }

    /// Every literal the walk looks for in class words (`class.contains("…")`, the words an `<h1>`
    /// or an hCard is matched on) holds a part the pruning keeps words for.
    #[test]
    fn every_class_word_the_walk_reads_is_kept() {
        let parts: Vec<&str> = super::super::walk::class_parts().collect();
        let kept = |word: &str| parts.iter().any(|p| word.contains(p));
        let src = include_str!("walk.rs");
        let mut checked = 0;
        // `class.contains("…")` in the hints, `c.contains("…")` on an ancestor's class
        for call in ["class.contains(\"", "c.contains(\""] {
            for part in src.split(call).skip(1) {
                let word = &part[..part.find('"').expect("closing quote")];
                assert!(kept(word), "class word {word} is read but pruned");
                checked += 1;
            }
        }
        for line in src
            .lines()
            .filter(|l| l.contains("matches!(w,") || l.contains("w == \""))
        {
            for word in line.split('"').skip(1).step_by(2) {
                assert!(kept(word), "class word {word} is read but pruned");
                checked += 1;
            }
        }
        assert!(checked >= 15, "the scan found only {checked} class words");
    }

    fn read_somewhere(name: &str) -> bool {
        super::READ_EVERYWHERE.contains(&name)
            || super::READ_ON
                .iter()
                .any(|(_, names)| names.contains(&name))
    }

    #[test]
    fn every_attribute_the_extractor_reads_is_kept() {
        let sources = [include_str!("walk.rs"), include_str!("vocabulary.rs")];
        let mut checked = 0;
        for src in sources {
            for part in src.split("attr(\"").skip(1) {
                let name = &part[..part.find('"').expect("closing quote")];
                assert!(read_somewhere(name), "attribute {name} is read but pruned");
                checked += 1;
            }
            for line in src.lines().filter(|l| l.contains("=> a.")) {
                let name = line.trim().split('"').nth(1).expect("a quoted name");
                assert!(read_somewhere(name), "attribute {name} is read but pruned");
                checked += 1;
            }
            for part in src.split("for key in [").skip(1) {
                let list = &part[..part.find(']').expect("closing bracket")];
                for name in list.split(',').map(|n| n.trim().trim_matches('"')) {
                    assert!(read_somewhere(name), "attribute {name} is read but pruned");
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 20,
            "found only {checked} attribute reads: did the code change shape?"
        );
    }

    #[test]
    fn links_other_than_canonical_go() {
        assert_eq!(
            prune(
                r#"<link rel=stylesheet href=a.css><LINK REL="Canonical" HREF="/a"><link rel=icon>"#
            ),
            r#"<LINK REL="Canonical" HREF="/a">"#
        );
    }

    #[test]
    fn what_skipped_elements_hold_goes() {
        assert_eq!(
            prune("<p>a</p><svg><g><path/></g><svg><title>t</title></svg></svg><p>b</p>"),
            "<p>a</p><svg></svg><p>b</p>"
        );
        assert_eq!(
            prune("<select><option>1<option>2</select><video><source src=a.mp4>Get it</video>"),
            "<select></select><video></video>"
        );
        // a self-closed nested one does not count as open
        assert_eq!(
            prune("<svg><svg/></svg><p>kept</p><svg></svg>"),
            "<svg></svg><p>kept</p><svg></svg>"
        );
    }

    #[test]
    fn skipped_elements_the_parser_reads_otherwise_are_kept() {
        // `<svg/>` holds nothing; a select without an end tag, or one that a nested select
        // closes, is left to the parser
        for html in [
            "<svg/><p>kept</p></svg>",
            "<select><option>1<p>kept</p>",
            "<select><select><p>kept</p></select>",
        ] {
            assert_eq!(prune(html), html);
        }
    }

    #[test]
    fn plaintext_keeps_the_rest() {
        let html = "<plaintext><script>x</script><!-- y -->";
        assert_eq!(prune(html), html);
    }
}
