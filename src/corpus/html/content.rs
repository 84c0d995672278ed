//! The main content of a page: which elements hold the article, and its text.
//!
//! Readability's idea, reduced to what French news pages need and kept linear:
//! 1. **Furniture out.** Hidden elements; `<nav>`, `<aside>`, `<footer>`, `<form>`, `<header>`
//!    outside an `<article>`, figure captions; elements whose class or id says menu, sidebar,
//!    footer, widget, comment, related, share, ticker, breadcrumb, newsletter, cookie,
//!    "lire aussi"… An element holding most of the page's paragraphs is never removed this way
//!    (an ASP.NET `<form>` or a "has-sidebar" wrapper around the article).
//! 2. **Link lists out.** Blocks whose text is mostly links (menus, tickers, "à lire aussi"
//!    lists, tag clouds) unless they hold a real paragraph, and short blocks that open with
//!    "Lire aussi", "Sur le même sujet", "Les plus lus"… (a bare such heading takes the short
//!    block after it along).
//! 3. **Scoring.** Each paragraph of 25 characters or more scores 1 + its commas + one point a
//!    hundred characters (at most 3), given to its parent, half to its grandparent, less to
//!    three more ancestors. An element's score starts from its tag (div +5, lists −3,
//!    headings −5) and its class hint (±25), and is scaled by the share of its text that is
//!    not links. The best element wins; an `<article>` around it that it mostly fills is taken
//!    whole (headline, byline), otherwise its well-scored siblings join it (a lead paragraph
//!    in a separate block).
//! 4. With no paragraph anywhere (a fragment, a short note), the page minus its furniture is
//!    kept; with nothing left at all, every visible text is.
//!
//! Not here: tokenizing (`lexer`), the tree (`tree`), title and date (`page_meta`).

use super::text::TextBuilder;
use super::tree::{Event, NONE, ROOT, TextStats, Tree};
use crate::corpus::normalize::fold_key;

/// Paragraphs shorter than this (visible characters) do not score.
const MIN_PARAGRAPH: u32 = 25;
/// A paragraph this long with few links makes its block "real text", never a link list.
const REAL_PARAGRAPH: u32 = 80;
/// Furniture holding at least this share of the page's paragraph text is kept.
const KEEP_SHARE: f64 = 0.6;
/// Blocks with more link text than this share are link lists.
const MAX_LINK_DENSITY: f64 = 0.5;
/// "Lire aussi" blocks are shorter than this.
const MAX_CUE_BLOCK: u32 = 300;
/// A "Lire aussi" block this short is a heading for the block after it.
const MAX_CUE_HEADING: u32 = 30;

/// Elements that make a block of text of their own.
const BLOCKS: [&str; 38] = [
    "",
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "details",
    "center",
];

/// Blocks whose own text counts as a paragraph when scoring.
const SCORED: [&str; 11] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "td",
    "dd",
    "center",
    "",
];

/// Elements that are page furniture wherever they are.
const FURNITURE: [&str; 14] = [
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "select",
    "dialog",
    "menu",
    "figcaption",
    "amp-sidebar",
    "amp-analytics",
    "amp-ad",
    "amp-sticky-ad",
    "amp-consent",
];

/// Openings of "read also" blocks, folded (lowercase, no accents).
const CUES: [&str; 16] = [
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "voir aussi",
    "a voir aussi",
    "voir egalement",
    "sur le meme sujet",
    "dans la meme rubrique",
    "articles similaires",
    "articles lies",
    "les plus lus",
    "derniere minute",
    "read also",
    "read more",
    "related",
];

/// The chosen content of a page.
pub(super) struct Content {
    /// Elements whose text is the article, in document order.
    pub roots: Vec<usize>,
    /// Elements left out (inside a root or not).
    pub removed: Vec<bool>,
    /// Where a `<time>` belongs to the article: the `<article>` around the roots, else the
    /// roots' parent.
    pub scope: usize,
}

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Per-element text of the kept tree.
struct Stats {
    /// Whole subtree.
    text: Vec<TextStats>,
    /// The element's own paragraph: its text and its inline descendants' (blocks only).
    own: Vec<TextStats>,
    /// Characters of scoring paragraphs in the subtree.
    paragraphs: Vec<u32>,
    /// Holds a long paragraph with few links.
    real: Vec<bool>,
}

fn stats(tree: &Tree<'_>, removed: &[bool]) -> Stats {
    let n = tree.nodes.len();
    let mut s = Stats {
        text: tree.nodes.iter().map(|node| node.direct).collect(),
        own: tree.nodes.iter().map(|node| node.direct).collect(),
        paragraphs: vec![0; n],
        real: vec![false; n],
    };
    // Children come after their parent: one backward sweep sums every subtree.
    for i in (0..n).rev() {
        if removed[i] {
            continue;
        }
        let node = &tree.nodes[i];
        let block = is_block(&node.name);
        if block {
            let own = s.own[i];
            if SCORED.contains(&&*node.name) && own.chars >= MIN_PARAGRAPH {
                s.paragraphs[i] += own.chars;
            }
            if own.chars >= REAL_PARAGRAPH && (own.link_chars as f64) < 0.3 * own.chars as f64 {
                s.real[i] = true;
            }
        }
        if i == ROOT {
            break;
        }
        let p = node.parent;
        let (text, paragraphs, real, own) = (s.text[i], s.paragraphs[i], s.real[i], s.own[i]);
        s.text[p].add(text);
        s.paragraphs[p] += paragraphs;
        s.real[p] |= real;
        if !block {
            s.own[p].add(own);
        }
    }
    s
}

/// Marks every descendant of a removed element as removed.
fn propagate(tree: &Tree<'_>, removed: &mut [bool]) {
    for i in 1..tree.nodes.len() {
        if removed[tree.nodes[i].parent] {
            removed[i] = true;
        }
    }
}

fn link_density(t: TextStats) -> f64 {
    if t.chars == 0 {
        0.0
    } else {
        t.link_chars as f64 / t.chars as f64
    }
}

/// Finds the article's elements.
pub(super) fn select(tree: &Tree<'_>) -> Content {
    let n = tree.nodes.len();
    // 1. Hidden elements and furniture.
    let mut removed: Vec<bool> = tree.nodes.iter().map(|node| node.hint.hidden).collect();
    propagate(tree, &mut removed);
    let raw = stats(tree, &removed);
    let total = raw.paragraphs[ROOT] as f64;
    for (i, node) in tree.nodes.iter().enumerate().skip(1) {
        let hint = node.hint;
        let furniture = FURNITURE.contains(&&*node.name)
            || (&*node.name == "header" && !node.in_article)
            || hint.boilerplate
            || (hint.negative && !hint.positive);
        if furniture && (raw.paragraphs[i] as f64) < KEEP_SHARE * total.max(1.0) {
            removed[i] = true;
        }
    }
    propagate(tree, &mut removed);
    // 2. Link lists and "lire aussi" blocks.
    let kept = stats(tree, &removed);
    for i in 1..n {
        let node = &tree.nodes[i];
        if removed[i] || !is_block(&node.name) {
            continue;
        }
        let text = kept.text[i];
        let link_list = link_density(text) > MAX_LINK_DENSITY && !kept.real[i];
        let cue = text.chars < MAX_CUE_BLOCK && opens_with_cue(tree, i, &removed);
        if link_list || cue {
            removed[i] = true;
        }
        // A bare "À lire aussi" heading: what it introduces goes too, links or not.
        let next = node.next_sibling;
        if cue
            && text.chars <= MAX_CUE_HEADING
            && next != NONE
            && is_block(&tree.nodes[next].name)
            && kept.text[next].chars < MAX_CUE_BLOCK
        {
            removed[next] = true;
        }
    }
    propagate(tree, &mut removed);
    // 3. Scores.
    let kept = stats(tree, &removed);
    let mut score = vec![f64::NAN; n];
    for (i, node) in tree.nodes.iter().enumerate() {
        let own = kept.own[i];
        if removed[i] || !SCORED.contains(&&*node.name) || own.chars < MIN_PARAGRAPH {
            continue;
        }
        let points = 1.0 + own.commas as f64 + (own.chars as f64 / 100.0).floor().min(3.0);
        // Text written straight in the document (a fragment) scores the document itself.
        let mut ancestor = if i == ROOT { ROOT } else { node.parent };
        for level in 0..5 {
            if score[ancestor].is_nan() {
                score[ancestor] = base_score(tree, ancestor);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            score[ancestor] += points / divider;
            if ancestor == ROOT {
                break;
            }
            ancestor = tree.nodes[ancestor].parent;
        }
    }
    let final_score = |i: usize| score[i] * (1.0 - link_density(kept.text[i]));
    let best = (0..n)
        .filter(|&i| !score[i].is_nan())
        .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)));
    let Some(best) = best else {
        // No paragraph anywhere: the page minus its furniture (or its <main>).
        let root = (1..n)
            .find(|&i| !removed[i] && &*tree.nodes[i].name == "main" && kept.text[i].chars > 0)
            .unwrap_or(ROOT);
        return Content {
            roots: vec![root],
            removed,
            scope: root,
        };
    };
    // An <article> the best element mostly fills is taken whole.
    let mut article = best;
    while article != ROOT && &*tree.nodes[article].name != "article" {
        article = tree.nodes[article].parent;
    }
    if article != ROOT
        && kept.text[best].chars as f64 >= KEEP_SHARE * kept.text[article].chars as f64
    {
        return Content {
            roots: vec![article],
            removed,
            scope: article,
        };
    }
    let scope = if article != ROOT {
        article
    } else {
        tree.nodes[best].parent
    };
    if best == ROOT {
        return Content {
            roots: vec![ROOT],
            removed,
            scope: ROOT,
        };
    }
    // Siblings that score well, or are plain paragraphs, join the best element.
    let threshold = (final_score(best) * 0.2).max(10.0);
    let roots = tree
        .children(tree.nodes[best].parent)
        .filter(|&c| !removed[c])
        .filter(|&c| {
            c == best
                || (!score[c].is_nan() && final_score(c) >= threshold)
                || (&*tree.nodes[c].name == "p"
                    && kept.own[c].chars >= REAL_PARAGRAPH
                    && link_density(kept.text[c]) < 0.25)
        })
        .collect();
    Content {
        roots,
        removed,
        scope,
    }
}

/// The score an element starts from: its tag and its class hint.
fn base_score(tree: &Tree<'_>, i: usize) -> f64 {
    let node = &tree.nodes[i];
    let tag = match &*node.name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let class = match (node.hint.positive, node.hint.negative) {
        (true, false) => 25.0,
        (false, true) => -25.0,
        _ => 0.0,
    };
    tag + class
}

/// Whether the kept text of element `i` opens with a "read also" cue. Reads a few events
/// only, so the check costs the same on any page.
fn opens_with_cue(tree: &Tree<'_>, i: usize, removed: &[bool]) -> bool {
    let node = &tree.nodes[i];
    let mut raw = String::new();
    let mut e = node.open + 1;
    let mut steps = 0;
    while e < node.close && raw.len() < 40 && steps < 16 {
        steps += 1;
        match &tree.events[e] {
            Event::Open(c) if removed[*c] => {
                e = tree.nodes[*c].close;
            }
            Event::Text(r) => {
                raw.push_str(tree.html.get(r.clone()).unwrap_or(""));
                raw.push(' ');
            }
            _ => {}
        }
        e += 1;
    }
    let mut opening = TextBuilder::default();
    opening.push_text(&raw);
    let folded = fold_key(&opening.finish());
    let folded = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    CUES.iter().any(|cue| {
        folded
            .strip_prefix(cue)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Elements that end a paragraph ("\n\n").
const PARAGRAPH_ELEMENTS: [&str; 31] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "body",
    "html",
    "center",
    "details",
];

/// Elements that end a line ("\n").
const LINE_ELEMENTS: [&str; 7] = ["br", "li", "tr", "dt", "dd", "summary", "caption"];

fn separate(out: &mut TextBuilder, name: &str) {
    if PARAGRAPH_ELEMENTS.contains(&name) {
        out.paragraph_break(2);
    } else if LINE_ELEMENTS.contains(&name) {
        out.paragraph_break(1);
    } else if matches!(name, "td" | "th") {
        out.space();
    }
}

/// The text of `roots`, leaving out removed elements.
pub(super) fn text_of(tree: &Tree<'_>, roots: &[usize], removed: &[bool]) -> String {
    let mut out = TextBuilder::default();
    for &root in roots {
        out.paragraph_break(2);
        let end = tree.nodes[root].close;
        let mut e = tree.nodes[root].open;
        while e <= end && e < tree.events.len() {
            match &tree.events[e] {
                Event::Open(c) => {
                    separate(&mut out, &tree.nodes[*c].name);
                    if removed[*c] && *c != root {
                        e = tree.nodes[*c].close;
                    }
                }
                Event::Close(c) => separate(&mut out, &tree.nodes[*c].name),
                Event::Text(r) => out.push_text(tree.html.get(r.clone()).unwrap_or("")),
            }
            e += 1;
        }
    }
    out.finish()
}

/// Whether no element is removed: every visible text, for the last fallback.
pub(super) fn only_hidden(tree: &Tree<'_>) -> Vec<bool> {
    let mut removed: Vec<bool> = tree.nodes.iter().map(|n| n.hint.hidden).collect();
    propagate(tree, &mut removed);
    removed
}

#[cfg(test)]
mod tests {
    use super::super::tree::build;
    use super::*;

    fn main_text(html: &str) -> String {
        let tree = build(html);
        let content = select(&tree);
        text_of(&tree, &content.roots, &content.removed)
    }

    const PARAGRAPH: &str = "<p>Des hommes armés ont attaqué le poste de Léré, tuant deux gendarmes, selon une source sécuritaire.</p>";

    #[test]
    fn the_article_wins_over_menus_and_link_lists() {
        let html = format!(
            "<div class=\"menu\"><a href=\"/\">Accueil</a> <a href=\"/s\">Sécurité</a></div>\
             <div><ul><li><a href=\"/1\">Gao : vingt civils tués dans un raid</a></li>\
             <li><a href=\"/2\">Ansongo : six morts</a></li></ul></div>\
             <div class=\"entry-content\">{PARAGRAPH}{PARAGRAPH}</div>\
             <div id=\"footer\">© 2024 Journal du Nord, tous droits réservés à la rédaction.</div>"
        );
        let text = main_text(&html);
        assert!(text.starts_with("Des hommes armés"), "{text}");
        for leaked in ["Accueil", "Gao", "Ansongo", "©"] {
            assert!(!text.contains(leaked), "{leaked} in {text}");
        }
    }

    #[test]
    fn read_also_inside_the_article_is_dropped() {
        let html = format!(
            "<article><h1>Attaque à Léré</h1>{PARAGRAPH}\
             <p><strong>Lire aussi :</strong> <a href=\"/x\">Niono : neuf villageois tués</a></p>\
             <h3>À lire aussi</h3><p>Tombouctou : deux soldats tués par une mine</p>\
             {PARAGRAPH}</article>"
        );
        let text = main_text(&html);
        assert!(text.starts_with("Attaque à Léré\n\nDes hommes"), "{text}");
        assert!(
            !text.contains("Niono") && !text.contains("lire aussi"),
            "{text}"
        );
        // A "read also" heading goes with the headline under it, even without a link.
        assert!(
            !text.contains("À lire aussi") && !text.contains("Tombouctou"),
            "{text}"
        );
        assert_eq!(text.matches("Des hommes armés").count(), 2, "{text}");
    }

    #[test]
    fn a_wrapper_holding_the_article_is_never_furniture() {
        // ASP.NET pages wrap the whole body in a <form>; themes call wrappers "has-sidebar".
        for open in [
            "<form id=\"aspnetForm\">",
            "<div class=\"layout has-sidebar\">",
        ] {
            let html = format!(
                "{open}<div class=\"sidebar\"><p>Publicité pour un opérateur de téléphonie.</p></div>\
                 <div>{PARAGRAPH}{PARAGRAPH}</div></div>"
            );
            let text = main_text(&html);
            assert!(text.starts_with("Des hommes armés"), "{open}: {text}");
            assert!(!text.contains("Publicité"), "{open}: {text}");
        }
    }

    #[test]
    fn an_article_is_taken_whole_and_a_lead_block_joins_the_body() {
        let html = format!(
            "<article><header><h1>Attaque à Léré</h1><p class=\"byline\">Par A. Diallo</p></header>\
             <div class=\"body\">{PARAGRAPH}{PARAGRAPH}</div><footer>Mots-clés : Léré</footer></article>"
        );
        let text = main_text(&html);
        assert!(
            text.starts_with("Attaque à Léré\n\nPar A. Diallo\n\nDes hommes"),
            "{text}"
        );
        assert!(!text.contains("Mots-clés"), "{text}");
        let html = format!(
            "<div class=\"chapo\"><p>Le poste de Léré a été visé dans la nuit, pour la deuxième fois ce mois-ci, par des hommes armés.</p></div>\
             <div class=\"texte\">{PARAGRAPH}{PARAGRAPH}</div><div class=\"partage\"><a href=\"#\">Facebook</a></div>"
        );
        let text = main_text(&html);
        assert!(text.starts_with("Le poste de Léré"), "{text}");
        assert!(
            text.contains("gendarmes") && !text.contains("Facebook"),
            "{text}"
        );
    }

    #[test]
    fn without_paragraphs_the_page_minus_its_furniture_is_kept() {
        let text = main_text(
            "<nav><a href=\"/\">Accueil</a></nav><div>Bilan :<br>deux morts</div><footer>Contact</footer>",
        );
        assert_eq!(text, "Bilan :\ndeux morts");
    }
}
