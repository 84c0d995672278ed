//! The JSONL stream: one article per line in, its incidents one per line out, in constant
//! memory (`extract --stdin-jsonl`, Spark's `RDD.pipe`).
//!
//! Not here: files or workspaces (`ingest`, `view`).

use crate::corpus::Article;
use crate::geocode::Geocoder;

use super::checked_incidents;

/// One article of a JSONL stream: `{"id": "...", "text": "...", "published": "2024-08-07"}`
/// (`published` optional: a day `YYYY-MM-DD` or a month `YYYY-MM`). The `id` comes back
/// unchanged as each incident's `article`, for joins to the source table; an integer id (a
/// table's key written by `DataFrame.toJSON`) comes back as its decimal text.
#[derive(Debug, serde::Deserialize)]
pub struct StreamArticle {
    #[serde(deserialize_with = "string_or_integer")]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub published: Option<String>,
}

/// An id given as a JSON string or integer, as text.
fn string_or_integer<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Signed(i64),
        Unsigned(u64),
    }
    Ok(match <Id as serde::Deserialize>::deserialize(d) {
        Ok(Id::Text(s)) => s,
        Ok(Id::Signed(n)) => n.to_string(),
        Ok(Id::Unsigned(n)) => n.to_string(),
        Err(_) => {
            return Err(serde::de::Error::custom(
                "\"id\" must be a string or an integer",
            ));
        }
    })
}

/// Counts of a streaming run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StreamReport {
    pub articles: usize,
    pub incidents: usize,
    /// (line number, problem) of the lines that could not be read.
    pub errors: Vec<(usize, String)>,
}

/// Reads one JSON article per line and writes its incidents, one JSON object per line, in
/// constant memory: each line is processed and written before the next is read, so the
/// command runs as-is under `RDD.pipe`, Ray or GNU parallel over shards. A bad line is
/// reported (with its number) and skipped.
pub fn stream_jsonl(
    input: impl std::io::BufRead,
    mut output: impl std::io::Write,
    geocoder: &Geocoder,
) -> std::io::Result<StreamReport> {
    let mut report = StreamReport::default();
    let mut line = String::new();
    let mut input = input;
    let mut buffer = Vec::new();
    let mut n = 0;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let item: StreamArticle = match serde_json::from_str(&line) {
            Ok(a) => a,
            Err(e) => {
                report.errors.push((n, e.to_string()));
                continue;
            }
        };
        let mut article = crate::corpus::article_from_text(&item.id, item.text);
        if let Some(p) = item.published.as_deref()
            && !declare_published(&mut article, p)
        {
            report
                .errors
                .push((n, format!("published {p:?} is not YYYY-MM-DD or YYYY-MM")));
        }
        report.articles += 1;
        let found = match checked_incidents(&article, geocoder) {
            Ok(found) => found,
            Err(e) => {
                report.errors.push((n, e.to_string()));
                continue;
            }
        };
        for inc in found {
            crate::export::write_json_line(&mut output, &inc, &mut buffer)?;
            report.incidents += 1;
        }
    }
    output.flush()?;
    Ok(report)
}

/// Sets an article's publication date from a declared `YYYY-MM-DD` or `YYYY-MM` (a page's
/// metadata, a feed's field), as `extract --stdin-jsonl` does; false when it does not parse.
/// The declared date wins, but a dateline the text carries keeps its span: the extractor must
/// still know that "Bamako, 10 novembre 2021 (AFP)" is the report's date, not the event's.
pub fn declare_published(article: &mut Article, published: &str) -> bool {
    let Some((date, precision)) = parse_published(published) else {
        return false;
    };
    let (span, kind) = article
        .published
        .take()
        .map_or((0..0, crate::corpus::PublicationKind::Header), |p| {
            (p.span, p.kind)
        });
    article.published = Some(crate::corpus::Publication {
        date,
        precision,
        alternatives: Vec::new(),
        span,
        kind,
    });
    true
}

fn parse_published(s: &str) -> Option<(chrono::NaiveDate, crate::corpus::DatePrecision)> {
    use crate::corpus::DatePrecision;
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some((d, DatePrecision::Day));
    }
    chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
        .ok()
        .map(|d| (d, DatePrecision::Month))
}
