//! The title and publication date a page declares about itself: Open Graph and article
//! `<meta>` tags, JSON-LD (`headline`, `datePublished`, also inside `@graph`), microdata,
//! `<time datetime>` within the article, `<title>`.
//!
//! Only what the page states in markup; dates written in the article's text are `metadata`'s
//! business, and which date wins is decided when the article is built.

use chrono::NaiveDate;
use serde_json::Value;

use super::PageDate;
use super::text::decode_text;
use super::tree::Tree;
use crate::corpus::DatePrecision;
use crate::corpus::normalize::fold_key;

/// `<meta>` keys of the publication time, best first (checked before JSON-LD).
const PUBLISHED_META: [&str; 3] = [
    "article:published_time",
    "og:article:published_time",
    "article:published",
];

/// Looser `<meta>` keys of a date, used when nothing else gives one.
const DATE_META: [&str; 15] = [
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "publication-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
];

/// Separators between a headline and the site's name in a `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// What the page says about itself.
#[derive(Debug, Default, PartialEq)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub published: Option<PageDate>,
}

/// What the JSON-LD blocks of a page say.
#[derive(Debug, Default)]
struct LinkedData {
    /// Headlines of article-typed objects first.
    headlines: Vec<String>,
    /// `datePublished` of article-typed objects, then of any object.
    article_dates: Vec<String>,
    other_dates: Vec<String>,
    /// Publisher and WebSite names.
    site_names: Vec<String>,
}

/// Reads the page's title and date. `scope` is the element holding the article (where a
/// `<time>` counts), `h1` the article's first heading, used to cut a site name off the title.
pub(super) fn read(tree: &Tree<'_>, scope: usize, removed: &[bool], h1: Option<&str>) -> PageMeta {
    let ld = linked_data(&tree.json_ld);
    let meta = |key: &str| {
        tree.metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| decode_text(v))
    };
    let mut site_names: Vec<String> = ["og:site_name", "application-name", "twitter:site"]
        .iter()
        .filter_map(|k| meta(k))
        .map(|s| s.trim_start_matches('@').to_string())
        .collect();
    site_names.extend(ld.site_names.iter().cloned());
    let title = meta("og:title")
        .or_else(|| ld.headlines.first().map(|h| decode_text(h)))
        .or_else(|| meta("twitter:title"))
        .or_else(|| tree.title.map(decode_text))
        .filter(|t| !t.is_empty())
        .map(|t| clean_title(&t, &site_names, h1));
    PageMeta {
        title,
        published: published(tree, &ld, scope, removed, &meta),
    }
}

fn published(
    tree: &Tree<'_>,
    ld: &LinkedData,
    scope: usize,
    removed: &[bool],
    meta: &dyn Fn(&str) -> Option<String>,
) -> Option<PageDate> {
    let metas = PUBLISHED_META.iter().filter_map(|k| meta(k));
    let linked = ld.article_dates.iter().chain(&ld.other_dates).cloned();
    let microdata = tree
        .times
        .iter()
        .filter(|t| t.microdata)
        .map(|t| decode_text(t.value));
    // A <time> of the article: one marked as the publication first, then any not marked as a
    // modification; times in removed parts (comments) only when marked.
    let in_scope: Vec<_> = tree
        .times
        .iter()
        .filter(|t| tree.is_within(t.node, scope) && !t.modified)
        .collect();
    let marked = in_scope.iter().filter(|t| t.published);
    let any = in_scope.iter().filter(|t| !removed[t.node]);
    let times = marked.chain(any).map(|t| decode_text(t.value));
    let loose = DATE_META.iter().filter_map(|k| meta(k));
    metas
        .chain(linked)
        .chain(microdata)
        .chain(times)
        .chain(loose)
        .find_map(|v| parse_date(&v))
}

/// Reads the JSON-LD blocks; a block that is not valid JSON (raw newlines in strings, trailing
/// commas: common) is searched for its `"headline"` and `"datePublished"` strings instead.
fn linked_data(blocks: &[&str]) -> LinkedData {
    let mut ld = LinkedData::default();
    for block in blocks {
        match serde_json::from_str::<Value>(block.trim()) {
            Ok(value) => {
                let mut objects = Vec::new();
                collect_objects(&value, &mut objects);
                for o in objects {
                    read_object(o, &mut ld);
                }
            }
            Err(_) => {
                ld.headlines
                    .extend(json_string_after(block, "\"headline\""));
                ld.article_dates
                    .extend(json_string_after(block, "\"datePublished\""));
            }
        }
    }
    ld
}

/// The objects of a JSON-LD value: itself, the items of an array, the members of `@graph`.
fn collect_objects<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out)),
        Value::Object(o) => {
            out.push(o);
            if let Some(graph) = o.get("@graph") {
                collect_objects(graph, out);
            }
        }
        _ => {}
    }
}

fn read_object(o: &serde_json::Map<String, Value>, ld: &mut LinkedData) {
    let types: Vec<&str> = match o.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let is_article = types.iter().any(|t| {
        t.ends_with("Article") || matches!(*t, "BlogPosting" | "LiveBlogPosting" | "Report")
    });
    let string = |key: &str| match o.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(items)) => items.iter().find_map(Value::as_str).map(str::to_string),
        _ => None,
    };
    if let Some(date) = string("datePublished") {
        if is_article {
            ld.article_dates.push(date);
        } else {
            ld.other_dates.push(date);
        }
    }
    if is_article && let Some(h) = string("headline") {
        ld.headlines.push(h);
    }
    if let Some(name) = o
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
    {
        ld.site_names.push(name.to_string());
    }
    if types
        .iter()
        .any(|t| matches!(*t, "WebSite" | "Organization" | "NewsMediaOrganization"))
        && let Some(name) = string("name")
    {
        ld.site_names.push(name);
    }
}

/// The JSON string value after the first `key` in `raw` (`"key" : "value"`), unescaped.
fn json_string_after(raw: &str, key: &str) -> Option<String> {
    let at = raw.find(key)? + key.len();
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start();
    let body = rest.strip_prefix('"')?;
    let mut escaped = false;
    let end = body.char_indices().find_map(|(i, c)| {
        let closes = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        closes.then_some(i)
    })?;
    // Raw control characters are invalid JSON but common in these blocks.
    let quoted = rest[..end + 2]
        .replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t");
    Some(serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| body[..end].to_string()))
}

/// A machine-readable date: ISO 8601 (`2024-03-14`, `2024-03-14T09:12:40+00:00`, `2024-03`,
/// `20240314`), RFC 2822, or a date as `metadata` reads them in text ("14 mars 2024"). The day
/// is the one written, whatever the time zone: the date of publication where it was published.
pub(super) fn parse_date(raw: &str) -> Option<PageDate> {
    let s = raw.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let page = |date, precision| Some(PageDate { date, precision });
    let plausible = |y: i32| (1900..=2100).contains(&y);
    if digits == 8 {
        let (y, m, d) = (
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        );
        return NaiveDate::from_ymd_opt(y, m, d)
            .filter(|_| plausible(y))
            .and_then(|d| page(d, DatePrecision::Day));
    }
    if digits == 4 {
        let y: i32 = s[..4].parse().ok()?;
        let mut parts = s[4..]
            .split(|c: char| !c.is_ascii_digit())
            .skip(1)
            .take(2)
            .map(|p| p.parse::<u32>().ok());
        let sep = s[4..].chars().next();
        let numeric_sep = matches!(sep, Some('-' | '/' | '.'));
        let month = parts.next().flatten().filter(|_| numeric_sep);
        let day = parts.next().flatten().filter(|_| numeric_sep);
        if !plausible(y) {
            return None;
        }
        return match (month, day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|date| page(date, DatePrecision::Day))
                .or_else(|| {
                    NaiveDate::from_ymd_opt(y, m, 1)
                        .and_then(|date| page(date, DatePrecision::Month))
                }),
            (Some(m), None) => {
                NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| page(d, DatePrecision::Month))
            }
            _ if sep.is_none_or(|c| !c.is_alphanumeric()) => {
                NaiveDate::from_ymd_opt(y, 1, 1).and_then(|d| page(d, DatePrecision::Year))
            }
            _ => None,
        };
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return page(dt.date_naive(), DatePrecision::Day).filter(|p| {
            use chrono::Datelike;
            plausible(p.date.year())
        });
    }
    crate::corpus::metadata::date_in(s).map(|(date, precision)| PageDate { date, precision })
}

/// The headline without the site's name: " - Site" or "Site | " cut when the part is a name
/// the page gives for itself (`og:site_name`, JSON-LD publisher) or looks like a domain, or
/// when what is left is the article's `<h1>`.
fn clean_title(title: &str, site_names: &[String], h1: Option<&str>) -> String {
    let title = title.trim();
    let sites: Vec<String> = site_names
        .iter()
        .map(|s| fold_key(s))
        .filter(|s| !s.is_empty())
        .collect();
    let is_site = |part: &str| {
        let key = fold_key(part);
        let domain = !part.contains(' ')
            && part.contains('.')
            && part.rsplit('.').next().is_some_and(|tld| {
                (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
            });
        domain || sites.contains(&key)
    };
    let h1_key = h1.map(fold_key).filter(|k| !k.is_empty());
    for sep in TITLE_SEPARATORS {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            if !head.is_empty()
                && (is_site(tail) || h1_key.as_deref() == Some(fold_key(head).as_str()))
            {
                return head.to_string();
            }
        }
        if let Some(at) = title.find(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            if !tail.is_empty() && is_site(head) {
                return tail.to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn date(raw: &str) -> Option<(NaiveDate, DatePrecision)> {
        parse_date(raw).map(|p| (p.date, p.precision))
    }

    #[test]
    fn machine_dates() {
        use DatePrecision::*;
        assert_eq!(
            date("2024-03-14T09:12:40+00:00"),
            Some((ymd(2024, 3, 14), Day))
        );
        // The day as written, not converted to UTC.
        assert_eq!(
            date(" 2024-01-22T00:30:00+01:00"),
            Some((ymd(2024, 1, 22), Day))
        );
        assert_eq!(date("2024-01-22"), Some((ymd(2024, 1, 22), Day)));
        assert_eq!(date("2024/01/22 10:00"), Some((ymd(2024, 1, 22), Day)));
        assert_eq!(date("2023-06"), Some((ymd(2023, 6, 1), Month)));
        assert_eq!(date("20230607"), Some((ymd(2023, 6, 7), Day)));
        assert_eq!(date("2023"), Some((ymd(2023, 1, 1), Year)));
        assert_eq!(
            date("Wed, 07 Jun 2023 16:40:00 +0000"),
            Some((ymd(2023, 6, 7), Day))
        );
        assert_eq!(date("7 juin 2023"), Some((ymd(2023, 6, 7), Day)));
        assert_eq!(date("07/06/2023"), Some((ymd(2023, 6, 7), Day)));
        for bad in ["", "hier", "2023-13-45x", "0001-01-01", "12345", "2024abc"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let sites = ["Sahel Hebdo".to_string()];
        assert_eq!(
            clean_title("Cinq soldats tués - Sahel Hebdo", &sites, None),
            "Cinq soldats tués"
        );
        assert_eq!(
            clean_title("SAHEL HEBDO | Cinq soldats tués", &sites, None),
            "Cinq soldats tués"
        );
        assert_eq!(
            clean_title("Cinq soldats tués – sahelhebdo.ml", &[], None),
            "Cinq soldats tués"
        );
        assert_eq!(
            clean_title(
                "Cinq soldats tués | Journal du Nord",
                &[],
                Some("Cinq soldats tués")
            ),
            "Cinq soldats tués"
        );
        // A dash inside the headline is not a site suffix.
        assert_eq!(
            clean_title("Boni - Hombori : l'axe de tous les dangers", &sites, None),
            "Boni - Hombori : l'axe de tous les dangers"
        );
    }

    #[test]
    fn linked_data_in_graphs_arrays_and_broken_json() {
        let ld = linked_data(&[
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2024-03-01"},{"@type":["NewsArticle"],"headline":"H","datePublished":"2024-03-14T09:00:00Z","publisher":{"@type":"Organization","name":"Sahel Hebdo"}}]}"#,
        ]);
        assert_eq!(ld.headlines, ["H"]);
        assert_eq!(ld.article_dates, ["2024-03-14T09:00:00Z"]);
        assert_eq!(ld.other_dates, ["2024-03-01"]);
        assert_eq!(ld.site_names, ["Sahel Hebdo"]);
        let ld = linked_data(&[
            "{\"@type\": \"NewsArticle\", \"headline\": \"L\\u2019attaque\n de Gao\", \"datePublished\": \"2023-02-01\",}",
        ]);
        assert_eq!(ld.headlines, ["L’attaque\n de Gao"]);
        assert_eq!(ld.article_dates, ["2023-02-01"]);
    }
}
