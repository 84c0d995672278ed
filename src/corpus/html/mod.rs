//! The article in a saved web page: its main text, with the title and publication date the page
//! declares in its metadata, so that menus, tickers, "à lire aussi" lists, comments and
//! footers never reach the extractor.
//!
//! Steps, each in its own file: `lexer` (tokens), `tree` (a light element tree), `content`
//! (which elements hold the article: readability-style scoring, see there), `page_meta`
//! (`og:title`, JSON-LD `headline`/`datePublished`, `article:published_time`, `<time>`),
//! `text` (entities, whitespace, paragraph breaks). The whole is forgiving (any input gives
//! some text, never a panic) and linear in the size of the page.
//!
//! **Why not a crate.** `dom_smoothie` 0.19, a maintained port of readability.js, was tried on
//! the pages of `tests/fixtures/html` and on generated 2 MB pages. It found the same article
//! blocks, but (1) kept an inline "Lire aussi : Niono : neuf villageois tués…" paragraph, the
//! very false incident this module exists to drop, and a screen-reader heading; (2) missed a
//! `datePublished` inside a JSON-LD `@graph` and left the site's name on the title, so the
//! metadata would have been ours anyway; (3) is quadratic in nesting depth, in html5ever's
//! tree building as in the scoring: 2,000 nested `<div>`s (30 KB) took 0.7 s, 8,000 took 11 s,
//! a 1.2 MB page of 60,000 took over 5 minutes; (4) adds html5ever, selectors, cssparser,
//! dom_query and nom: about 45 s of CPU, some 25 s of wall time on the critical path, to a
//! clean build on two cores, and a panic surface we could not fix (libFuzzer aborts on a
//! caught panic too). The scoring here is readability's, reduced; 2 MB pages of any shape load
//! in under 0.25 s optimised (`tests/html_pages.rs`).
//!
//! Not here: the publication date written in the text (`metadata`), which date wins
//! (`corpus::build_article`), decoding bytes (`encoding`).

mod content;
mod lexer;
mod page_meta;
mod text;
mod tree;

use std::ops::Range;

use chrono::NaiveDate;

use super::DatePrecision;

/// The article of an HTML page: its title (first paragraph) and main text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    pub text: String,
    /// Span of the title at the start of `text`.
    pub title: Option<Range<usize>>,
    /// The publication date the page declares in its markup.
    pub published: Option<PageDate>,
}

/// A publication date read from a page's markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageDate {
    pub date: NaiveDate,
    /// `Day` when the markup gives a day.
    pub precision: DatePrecision,
}

/// The text of an HTML document's article; its title, when known, is the first paragraph.
pub fn html_to_text(html: &str) -> String {
    extract(html).text
}

/// Extracts the title, publication date and main text of an HTML document.
pub fn extract(html: &str) -> HtmlText {
    let tree = tree::build(html);
    let content = content::select(&tree);
    let mut body = content::text_of(&tree, &content.roots, &content.removed);
    if body.is_empty() {
        // Everything visible was furniture: better the page than nothing.
        body = content::text_of(&tree, &[tree::ROOT], &content::only_hidden(&tree));
    }
    let heading = |from: usize| {
        (from..tree.nodes.len())
            .find(|&i| {
                &*tree.nodes[i].name == "h1" && !content.removed[i] && tree.is_within(i, from)
            })
            .map(|h| content::text_of(&tree, &[h], &content.removed))
    };
    let h1 = heading(content.scope).or_else(|| heading(tree::ROOT));
    let meta = page_meta::read(&tree, content.scope, &content.removed, h1.as_deref());
    let title_text = meta.title.unwrap_or_default();
    if title_text.is_empty() {
        return HtmlText {
            text: body,
            title: None,
            published: meta.published,
        };
    }
    let mut text = title_text;
    let title = Some(0..text.len());
    if !body.is_empty() {
        text.push_str("\n\n");
        text.push_str(&body);
    }
    HtmlText {
        text,
        title,
        published: meta.published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_makes_paragraphs() {
        let html = "<html><body><h1>Embuscade près de Douentza</h1>\
            <p>Trois   soldats\n ont été <b>blessés</b>.</p><p>Le convoi est reparti.</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "Embuscade près de Douentza\n\nTrois soldats ont été blessés.\n\nLe convoi est reparti."
        );
    }

    #[test]
    fn line_breaks_and_list_items_become_newlines() {
        let html =
            "<div>Bilan :<br>deux morts<br/>un blessé</div><ul><li>Gao</li><li>Ansongo</li></ul>";
        assert_eq!(
            html_to_text(html),
            "Bilan :\ndeux morts\nun blessé\n\nGao\nAnsongo"
        );
    }

    #[test]
    fn drops_scripts_styles_noscript_and_head_but_keeps_title() {
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Attaque à Ménaka</title>\
            <style>p { color: red; }</style><script>var x = '<p>faux</p>';</script></head>\
            <body><!-- commentaire --><noscript>Activez JavaScript</noscript>\
            <p>Des hommes armés ont attaqué le marché.</p><script type=\"text/javascript\">alert(1)</SCRIPT></body></html>";
        let extracted = extract(html);
        assert_eq!(
            extracted.text,
            "Attaque à Ménaka\n\nDes hommes armés ont attaqué le marché."
        );
        assert_eq!(extracted.title, Some(0.."Attaque à Ménaka".len()));
    }

    #[test]
    fn decodes_named_and_numeric_entities() {
        let html = "<p>L&rsquo;arm&eacute;e a d&Eacute;ploy&eacute; &laquo;&nbsp;500&nbsp;hommes&nbsp;&raquo; &amp; plus&hellip; \
            &#233;t&#xE9; &#X153; &#146; &ccedil;a &OElig;uvre &unknown; &amp</p>";
        assert_eq!(
            html_to_text(html),
            "L’armée a dÉployé « 500 hommes » & plus… été œ ’ ça Œuvre &unknown; &amp"
        );
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(html_to_text("<p>5 < 7 et 3 <> 2</p>"), "5 < 7 et 3 <> 2");
        assert_eq!(html_to_text("<p>fin <a href=\"x"), "fin");
        assert_eq!(html_to_text("<p>avant <!-- jamais fermé"), "avant");
    }

    #[test]
    fn attribute_quotes_may_contain_angle_brackets() {
        assert_eq!(html_to_text("<p title=\"a > b\">Kidal</p>"), "Kidal");
    }

    #[test]
    fn table_cells_are_separated() {
        assert_eq!(
            html_to_text(
                "<table><tr><td>Gao</td><td>12</td></tr><tr><td>Mopti</td><td>3</td></tr></table>"
            ),
            "Gao 12\nMopti 3"
        );
    }

    #[test]
    fn page_metadata_gives_title_and_date() {
        let page = extract(
            "<html><head><title>Attaque à Léré - Journal du Nord</title>\
             <meta property=\"og:site_name\" content=\"Journal du Nord\">\
             <meta name=\"date\" content=\"2024-05-06\"></head>\
             <body><p>Des hommes armés ont tué deux gendarmes hier.</p></body></html>",
        );
        assert_eq!(
            page.text,
            "Attaque à Léré\n\nDes hommes armés ont tué deux gendarmes hier."
        );
        assert_eq!(page.title, Some(0.."Attaque à Léré".len()));
        let date = page.published.unwrap();
        assert_eq!(date.date.to_string(), "2024-05-06");
        assert_eq!(date.precision, DatePrecision::Day);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Tag soup of the shapes the tree and the scoring care about: never a panic, the
        /// title a single line at the start, the text trimmed.
        #[test]
        fn tag_soup_never_panics(
            html in "(<div class=\"(entry-content|sidebar|comment-content|lire-aussi)\">|</div>|<p>|</p>|<a href=x>|</a>|<article>|</article>|<nav>|</nav>|<header>|<li>|<ul>|</ul>|<td>|<tr>|<title>|</title>|<meta property=\"og:title\" content=\"T - S\">|<script type=\"application/ld\\+json\">\\{\"@graph\":\\[|\"datePublished\":\"2024-0|</script>|<time datetime=\"2024-02-30\">|<br>|&eacute;|&#x|Lire aussi|Des hommes armés ont tué, selon, |[a-zé ,.<>/\"=]){0,60}"
        ) {
            let page = extract(&html);
            if let Some(title) = &page.title {
                prop_assert_eq!(title.start, 0);
                let t = page.text.get(title.clone());
                prop_assert!(t.is_some_and(|t| !t.is_empty() && !t.contains('\n')));
            }
            prop_assert_eq!(page.text.trim(), page.text.as_str());
        }
    }
}
