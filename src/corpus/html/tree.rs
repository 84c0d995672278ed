//! A light element tree over the lexer's tokens, for weighing the blocks of a page: each
//! element with its parent, children, class/id hints and the text written directly in it, and
//! the document as a flat list of open/close/text events that the text is rebuilt from.
//!
//! Built in one pass, in time linear in the input whatever the nesting: end tags close through
//! a per-name count of open elements (no search of the open-element stack), and the few implied
//! end tags (`<p>`, `<li>`, cells) are checked against the innermost elements only. It is a
//! forgiving approximation of the HTML tree-building rules, not an implementation of them.
//! The page's `<title>`, `<meta>`, JSON-LD and `<time>` elements are collected on the way, to
//! be read by `page_meta`.

use std::collections::HashMap;
use std::ops::Range;

use super::lexer::{Lexer, Tag, Token};
use super::text::measure;

/// No node (a missing child or sibling).
pub(super) const NONE: usize = usize::MAX;
/// The document itself: the parent of every top-level element. Never removed.
pub(super) const ROOT: usize = 0;

/// Text written directly in an element (not in its children).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TextStats {
    /// Visible characters (whitespace not counted).
    pub chars: u32,
    /// Of those, the ones inside a link.
    pub link_chars: u32,
    pub commas: u32,
}

impl TextStats {
    pub fn add(&mut self, other: TextStats) {
        self.chars += other.chars;
        self.link_chars += other.link_chars;
        self.commas += other.commas;
    }
}

/// What an element's class, id, role and attributes say about it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hint {
    /// "article", "content", "entry-content", "post", "story"…
    pub positive: bool,
    /// "nav", "menu", "sidebar", "footer", "widget"…
    pub negative: bool,
    /// A negative word that a positive one does not cancel: "comment", "related", "share",
    /// "ticker", "breadcrumb", "cookie", "lire-aussi"…
    pub boilerplate: bool,
    /// Not shown: `hidden`, `aria-hidden="true"`, `display:none`, "screen-reader-text"…
    pub hidden: bool,
}

#[derive(Debug)]
pub(super) struct Node {
    /// Lowercase tag name; `""` for the root.
    pub name: Box<str>,
    pub parent: usize,
    pub first_child: usize,
    pub next_sibling: usize,
    last_child: usize,
    /// Index of its Open event; the events up to `close` are its content.
    pub open: usize,
    pub close: usize,
    pub hint: Hint,
    /// Inside an `<article>` element.
    pub in_article: bool,
    pub direct: TextStats,
}

#[derive(Debug, Clone)]
pub(super) enum Event {
    Open(usize),
    Close(usize),
    Text(Range<usize>),
}

/// A `<time>` (or any element with `itemprop="datePublished"`) and its machine-readable date.
#[derive(Debug)]
pub(super) struct TimeMark<'a> {
    pub node: usize,
    /// Raw `datetime` (or `content`) value.
    pub value: &'a str,
    /// Says it is the publication date (class "published", `pubdate`, itemprop).
    pub published: bool,
    /// `itemprop="datePublished"`: microdata, which counts wherever it is.
    pub microdata: bool,
    /// Says it is a modification date (class "updated", itemprop "dateModified").
    pub modified: bool,
}

#[derive(Debug)]
pub(super) struct Tree<'a> {
    pub html: &'a str,
    pub nodes: Vec<Node>,
    pub events: Vec<Event>,
    /// Raw content of the first `<title>`.
    pub title: Option<&'a str>,
    /// `<meta>` (key, raw content): key is the lowercase `property`, `name` or `itemprop`.
    pub metas: Vec<(String, &'a str)>,
    /// Raw content of each `<script type="application/ld+json">`.
    pub json_ld: Vec<&'a str>,
    pub times: Vec<TimeMark<'a>>,
}

impl Tree<'_> {
    /// Children of `n`, in document order.
    pub fn children(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(
            Some(self.nodes[n].first_child).filter(|&c| c != NONE),
            move |&c| Some(self.nodes[c].next_sibling).filter(|&s| s != NONE),
        )
    }

    /// Whether `n` is `ancestor` or inside it.
    pub fn is_within(&self, n: usize, ancestor: usize) -> bool {
        let (a, b) = (&self.nodes[ancestor], &self.nodes[n]);
        a.open <= b.open && b.open <= a.close
    }
}

/// Elements that have no content and no end tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: [&str; 28] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Raw-text elements whose content is never shown (no node is made for them).
const UNSHOWN_RAW: [&str; 8] = [
    "script", "style", "noscript", "template", "svg", "iframe", "object", "textarea",
];

/// Builds the tree of `html`.
pub(super) fn build(html: &str) -> Tree<'_> {
    let mut b = Builder {
        tree: Tree {
            html,
            nodes: Vec::new(),
            events: Vec::new(),
            title: None,
            metas: Vec::new(),
            json_ld: Vec::new(),
            times: Vec::new(),
        },
        stack: Vec::new(),
        open: HashMap::new(),
        in_head: false,
        json_ld_next: false,
    };
    b.open_node("", Hint::default());
    for token in Lexer::new(html) {
        match token {
            Token::Start(tag) => b.start(tag),
            Token::End(name) => b.end(&name),
            Token::Text(range) => b.text(range),
            Token::Raw { name, content } => b.raw(&name, content),
        }
    }
    while let Some(&top) = b.stack.last() {
        b.pop(top);
    }
    b.tree
}

struct Builder<'a> {
    tree: Tree<'a>,
    /// Open elements, innermost last.
    stack: Vec<usize>,
    /// How many elements of each name are open.
    open: HashMap<String, u32>,
    in_head: bool,
    json_ld_next: bool,
}

impl<'a> Builder<'a> {
    fn open_count(&self, name: &str) -> u32 {
        self.open.get(name).copied().unwrap_or(0)
    }

    fn top_name(&self) -> &str {
        self.stack
            .last()
            .map_or("", |&n| self.tree.nodes[n].name.as_ref())
    }

    fn open_node(&mut self, name: &str, hint: Hint) -> usize {
        let id = self.tree.nodes.len();
        let parent = self.stack.last().copied().unwrap_or(ROOT);
        let in_article = self.open_count("article") > 0;
        self.tree.nodes.push(Node {
            name: name.into(),
            parent,
            first_child: NONE,
            next_sibling: NONE,
            last_child: NONE,
            open: self.tree.events.len(),
            close: self.tree.events.len(),
            hint,
            in_article,
            direct: TextStats::default(),
        });
        if id != ROOT {
            let last = self.tree.nodes[parent].last_child;
            if last == NONE {
                self.tree.nodes[parent].first_child = id;
            } else {
                self.tree.nodes[last].next_sibling = id;
            }
            self.tree.nodes[parent].last_child = id;
        }
        self.tree.events.push(Event::Open(id));
        self.stack.push(id);
        *self.open.entry(name.to_string()).or_insert(0) += 1;
        id
    }

    /// Closes the innermost open element, which must be `n`.
    fn pop(&mut self, n: usize) {
        self.stack.pop();
        if let Some(count) = self.open.get_mut(self.tree.nodes[n].name.as_ref()) {
            *count = count.saturating_sub(1);
        }
        self.tree.nodes[n].close = self.tree.events.len();
        self.tree.events.push(Event::Close(n));
    }

    /// Closes open elements up to and including the innermost `name`, if one is open.
    fn close_through(&mut self, name: &str) {
        if self.open_count(name) == 0 {
            return;
        }
        while let Some(&top) = self.stack.last() {
            if top == ROOT {
                return;
            }
            self.pop(top);
            if self.tree.nodes[top].name.as_ref() == name {
                return;
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>) {
        let name = tag.name.as_str();
        match name {
            "html" | "body" => {
                self.in_head = false;
                return;
            }
            "head" => {
                self.in_head = true;
                return;
            }
            "meta" => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, tag.attr("content")) {
                    self.tree
                        .metas
                        .push((key.trim().to_ascii_lowercase(), content));
                }
                return;
            }
            "title" | "link" | "base" => return,
            "script" => {
                self.json_ld_next = tag
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                return;
            }
            _ if UNSHOWN_RAW.contains(&name) => return,
            _ => {}
        }
        // Any shown element means the head is over (an unclosed or missing </head>).
        self.in_head = false;
        self.close_implied(name);
        let hint = hint_of(&tag);
        let id = self.open_node(name, hint);
        self.mark_time(id, &tag);
        if tag.self_closing || VOID_ELEMENTS.contains(&name) {
            self.pop(id);
        }
    }

    /// The end tags HTML leaves implicit: `<p>` before a block, `<li>` before `<li>`, cells.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name) {
            self.close_through("p");
        }
        let top = self.top_name();
        let close_top = match name {
            "li" => top == "li",
            "dt" | "dd" => matches!(top, "dt" | "dd"),
            "td" | "th" => matches!(top, "td" | "th"),
            "tr" => matches!(top, "td" | "th" | "tr"),
            "option" => top == "option",
            _ => false,
        };
        if close_top && let Some(&top) = self.stack.last() {
            self.pop(top);
            if name == "tr" && self.top_name() == "tr" {
                let tr = self.stack[self.stack.len() - 1];
                self.pop(tr);
            }
        }
    }

    fn mark_time(&mut self, id: usize, tag: &Tag<'a>) {
        let itemprop = tag.attr("itemprop").unwrap_or("").to_ascii_lowercase();
        let microdata = itemprop == "datepublished";
        if tag.name != "time" && !microdata {
            return;
        }
        let Some(value) = tag.attr("datetime").or_else(|| tag.attr("content")) else {
            return;
        };
        let class = tag.attr("class").unwrap_or("").to_ascii_lowercase();
        self.tree.times.push(TimeMark {
            node: id,
            value,
            published: microdata
                || tag.attr("pubdate").is_some()
                || class.contains("publish")
                || class.contains("pubdate"),
            microdata,
            modified: itemprop == "datemodified"
                || class.contains("updated")
                || class.contains("modified"),
        });
    }

    fn end(&mut self, name: &str) {
        match name {
            "head" => self.in_head = false,
            "html" | "body" => {}
            // `</br>` is read as `<br>` by browsers.
            "br" => {
                let id = self.open_node("br", Hint::default());
                self.pop(id);
            }
            _ => self.close_through(name),
        }
    }

    fn text(&mut self, range: Range<usize>) {
        if self.in_head {
            return;
        }
        let raw = self.tree.html.get(range.clone()).unwrap_or("");
        let (chars, commas) = measure(raw);
        let node = self.stack.last().copied().unwrap_or(ROOT);
        let in_link = self.open_count("a") > 0;
        let direct = &mut self.tree.nodes[node].direct;
        direct.chars += chars;
        direct.commas += commas;
        if in_link {
            direct.link_chars += chars;
        }
        self.tree.events.push(Event::Text(range));
    }

    fn raw(&mut self, name: &str, content: &'a str) {
        match name {
            "title" if self.tree.title.is_none() => self.tree.title = Some(content),
            "script" if self.json_ld_next => self.tree.json_ld.push(content),
            _ => {}
        }
        self.json_ld_next = false;
    }
}

/// Words of class names and ids that mark page furniture.
const NEGATIVE_WORDS: [&str; 36] = [
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "side",
    "rail",
    "widget",
    "widgets",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertising",
    "pub",
    "publicite",
    "promo",
    "sponsor",
    "popup",
    "modal",
    "tags",
    "pagination",
    "pager",
    "skip",
    "print",
    "login",
    "search",
    "popular",
    "trending",
    "subscribe",
    "contentinfo",
    "complementary",
];

/// Words that mark furniture even next to a positive word ("comment-content", "related-posts").
const BOILERPLATE_WORDS: [&str; 27] = [
    "comment",
    "comments",
    "commentaires",
    "respond",
    "reply",
    "replies",
    "related",
    "similar",
    "recommended",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "ticker",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "aussi",
    "also",
    "outbrain",
    "taboola",
    "sponsored",
    "advertisement",
];

/// Class names and ids that mark furniture only as a whole ("most-read", not "read").
const BOILERPLATE_JOINED: [&str; 6] = [
    "mostread",
    "mostpopular",
    "pluslus",
    "lesplus",
    "readmore",
    "derniereminute",
];

/// Words that mark the article.
const POSITIVE_WORDS: [&str; 14] = [
    "article", "body", "content", "contenu", "entry", "hentry", "main", "post", "story", "text",
    "texte", "blog", "chapo", "corps",
];

/// Whole class names that hide an element from readers.
const HIDDEN_CLASSES: [&str; 9] = [
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "hidden",
    "hide",
    "invisible",
    "offscreen",
    "element-invisible",
];

/// The hint of a start tag, from its class, id, role, itemprop and visibility attributes.
fn hint_of(tag: &Tag<'_>) -> Hint {
    let mut hint = Hint {
        hidden: tag.attr("hidden").is_some()
            || tag
                .attr("aria-hidden")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || tag.attr("style").is_some_and(|s| {
                let s: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
            || (tag.name.starts_with("amp-") && tag.attr("layout") == Some("nodisplay")),
        ..Hint::default()
    };
    for attr in ["class", "id", "role", "itemprop"] {
        let Some(value) = tag.attr(attr) else {
            continue;
        };
        for token in value.split_ascii_whitespace() {
            let lower = token.to_ascii_lowercase();
            if attr == "class" && HIDDEN_CLASSES.contains(&lower.as_str()) {
                hint.hidden = true;
            }
            let joined: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
            if BOILERPLATE_JOINED.iter().any(|j| joined.starts_with(j)) {
                hint.boilerplate = true;
            }
            for word in words(token) {
                let word = word.as_str();
                hint.boilerplate |= BOILERPLATE_WORDS.contains(&word);
                hint.negative |= NEGATIVE_WORDS.contains(&word);
                hint.positive |= POSITIVE_WORDS.contains(&word);
            }
        }
    }
    hint.negative |= hint.boilerplate;
    hint
}

/// The lowercase words of a class name or id: split at punctuation and at camelCase humps
/// ("entry-content" → entry, content; "articleBody" → article, body).
fn words(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(tree: &Tree<'_>, n: usize) -> String {
        let children: Vec<String> = tree.children(n).map(|c| outline(tree, c)).collect();
        if children.is_empty() {
            tree.nodes[n].name.to_string()
        } else {
            format!("{}({})", tree.nodes[n].name, children.join(" "))
        }
    }

    #[test]
    fn implied_end_tags_and_stray_end_tags() {
        let t = build(
            "<div><p>un<p>deux<ul><li>a<li>b</ul></span></div><table><tr><td>1<td>2<tr><td>3</table>",
        );
        assert_eq!(
            outline(&t, ROOT),
            "(div(p p ul(li li)) table(tr(td td) tr(td)))"
        );
    }

    #[test]
    fn end_tags_close_through_unclosed_inline_elements() {
        let t = build("<div><b><i>gras</div><p>après</p>");
        assert_eq!(outline(&t, ROOT), "(div(b(i)) p)");
    }

    #[test]
    fn head_metadata_is_collected_and_not_text() {
        let t = build(
            "<html><head><title>Titre &amp; site</title><meta property=\"og:title\" content=\"T\">\
             <script type=\"application/ld+json\">{\"headline\":\"H\"}</script><script>x()</script>\
             </head><body><time class=\"entry-date published\" datetime=\"2024-03-14\">14 mars</time></body></html>",
        );
        assert_eq!(t.title, Some("Titre &amp; site"));
        assert_eq!(t.metas, vec![("og:title".to_string(), "T")]);
        assert_eq!(t.json_ld, vec!["{\"headline\":\"H\"}"]);
        assert_eq!(t.times.len(), 1);
        assert!(t.times[0].published && !t.times[0].modified);
        assert_eq!(outline(&t, ROOT), "(time)");
    }

    #[test]
    fn hints_from_classes_ids_and_roles() {
        let hint = |html: &str| {
            let t = build(html);
            t.nodes[1].hint
        };
        let h = hint("<div class=\"entry-content\">");
        assert!(h.positive && !h.negative);
        let h = hint("<div id=\"sidebar\" class=\"widget-area\">");
        assert!(h.negative && !h.positive && !h.boilerplate);
        let h = hint("<div class=\"comment-content\">");
        assert!(h.boilerplate && h.positive);
        let h = hint("<p class=\"lire-aussi\">");
        assert!(h.boilerplate);
        let h = hint("<div class=\"relatedPosts\">");
        assert!(h.boilerplate);
        let h = hint("<span class=\"screen-reader-text\">");
        assert!(h.hidden);
        let h = hint("<div style=\"display: none\">");
        assert!(h.hidden);
        let h = hint("<div role=\"navigation\">");
        assert!(h.negative);
        let h = hint("<aside class=\"col-side most-read\">");
        assert!(h.boilerplate);
    }

    /// Deep nesting builds every node without recursion (no stack overflow); that it stays
    /// linear is the `budgets/html_deep_nesting_200k` bench's job, not a wall clock here.
    #[test]
    fn deep_nesting_builds_every_node() {
        let depth = 200_000;
        let html = format!("{}texte{}", "<div>".repeat(depth), "</span>".repeat(depth));
        let t = build(&html);
        assert_eq!(t.nodes.len(), depth + 1);
    }
}
