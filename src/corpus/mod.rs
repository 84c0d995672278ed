//! Article loading: files, folders and stdin turned into decoded UTF-8 [`Article`]s with their
//! title, publication date (a web page's metadata, else the text's header, "Publié le",
//! dateline) and sentence spans. A web page gives only its article's text (`html`).
//!
//! This module reads and segments text; it does not extract incidents, places or actors
//! (see `extract` and `geocode`). Every span it reports is a byte range into
//! [`Article::text`], on char boundaries.

pub mod encoding;
pub mod html;
pub mod load;
pub mod metadata;
pub mod normalize;
pub mod sentences;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use encoding::{decode, fnv1a_hex};
pub use html::html_to_text;
pub use load::{load_bytes, load_paths};
pub use metadata::{Header, find_header};
pub use sentences::split_sentences;

pub use crate::model::DatePrecision;

/// Where the publication date of an article was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicationKind {
    /// A date line at the top ("date 2022-06", "02-05-2024 01:24 PM", "16 août 2022").
    Header,
    /// "Bamako, 19 septembre 2024 –" at the start of the body.
    Dateline,
    /// "Publié le …", or "Le 16 août 2022 à 08:00" alone at the top.
    Published,
    /// "Mis à jour le …" (used only when nothing better is present).
    Updated,
    /// A full date on a short byline-like line near the top (weakest evidence).
    Inline,
    /// The page's markup (`article:published_time`, JSON-LD `datePublished`, `<time
    /// datetime>`): wins over any date read in the text, whose span it keeps so the extractor
    /// never reads the header's date as an event's. When the text has a dateline, the
    /// publication stays a `Dateline` (with the page's date), as a date declared to
    /// `stream_jsonl` does: the geocoder drops the dateline's city by that kind.
    Metadata,
}

/// The publication date of an article and where it came from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Publication {
    #[serde(serialize_with = "serialize_iso_date")]
    pub date: chrono::NaiveDate,
    pub precision: DatePrecision,
    /// Other readings of an ambiguous header, e.g. "02-05-2024" = 2 May or 5 Feb.
    #[serde(serialize_with = "serialize_alternatives")]
    pub alternatives: Vec<(chrono::NaiveDate, DatePrecision)>,
    pub span: Range<usize>,
    pub kind: PublicationKind,
}

// Dates are written as "YYYY-MM-DD" by hand: the crate's chrono is built without its
// `serde` feature.
fn serialize_iso_date<S: serde::Serializer>(
    date: &chrono::NaiveDate,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&date.format("%Y-%m-%d"))
}

fn serialize_alternatives<S: serde::Serializer>(
    alternatives: &[(chrono::NaiveDate, DatePrecision)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = serializer.serialize_seq(Some(alternatives.len()))?;
    for (date, precision) in alternatives {
        seq.serialize_element(&(date.format("%Y-%m-%d").to_string(), precision))?;
    }
    seq.end()
}

/// One loaded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path as given, `"<stdin>"`, or `"seeds/000_….txt"` for the embedded seeds.
    pub source: String,
    /// Decoded UTF-8 text (for HTML: the extracted text); all spans index this.
    pub text: String,
    /// Name of the encoding the bytes were decoded from: "UTF-8", "UTF-16LE", "windows-1252", …
    pub encoding: &'static str,
    /// 16 lowercase hex chars: FNV-1a 64 of the raw input bytes (stable identity).
    pub hash: String,
    pub title: Option<Range<usize>>,
    pub published: Option<Publication>,
    /// Text after the header and title lines.
    pub body: Range<usize>,
    /// Sentences over the whole text: trimmed, non-empty, in order.
    pub sentences: Vec<Range<usize>>,
}

impl Article {
    /// The title text, if any.
    pub fn title_text(&self) -> Option<&str> {
        self.title.clone().and_then(|r| self.text.get(r))
    }

    /// The body text.
    pub fn body_text(&self) -> &str {
        self.text.get(self.body.clone()).unwrap_or("")
    }
}

/// Limits for loading.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are refused before being read.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// Why one input could not be loaded. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is empty: it contains no text", path.display())]
    Empty { path: PathBuf },
    #[error("{} looks like a binary file, not text", path.display())]
    Binary { path: PathBuf },
    #[error("{} is too large: {size} bytes, the limit is {limit} bytes", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot decode the text of {}: {detail}", path.display())]
    Undecodable { path: PathBuf, detail: String },
    #[error("{} is a folder with no .txt, .md, .html or .htm files in it", path.display())]
    NoArticles { path: PathBuf },
}

impl LoadError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Empty { path }
            | LoadError::Binary { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Undecodable { path, .. }
            | LoadError::NoArticles { path } => path,
        }
    }
}

/// Builds an article from already-decoded text (embedded seeds, JSONL streams).
pub fn article_from_text(source: &str, text: String) -> Article {
    let hash = fnv1a_hex(text.as_bytes());
    build_article(source, text, "UTF-8", hash, Declared::default())
}

/// What an article's page declares outside its text (HTML metadata).
#[derive(Debug, Default)]
pub(crate) struct Declared {
    /// The title, as a span at the start of the text.
    pub title: Option<Range<usize>>,
    pub published: Option<html::PageDate>,
}

/// Assembles an article: header, title, body and sentences. A declared publication date wins
/// over the dates of the text (see [`PublicationKind::Metadata`]).
pub(crate) fn build_article(
    source: &str,
    text: String,
    encoding: &'static str,
    hash: String,
    declared: Declared,
) -> Article {
    let text = sentences::unwrap_hard_wraps(text);
    let header = find_header(&text, declared.title);
    let published = match declared.published {
        Some(page) => Some(metadata::declared_publication(
            &text,
            &header,
            page.date,
            page.precision,
        )),
        None => header.published.clone(),
    };
    let mut sentences = split_at_body_start(&text, split_sentences(&text), header.body.start);
    // "date 2021-01 Une noce bombardée…": a title after a header date on its line.
    if let Some(title) = &header.title {
        sentences = split_at_body_start(&text, sentences, title.start);
    }
    Article {
        source: source.to_string(),
        encoding,
        hash,
        title: header.title,
        published,
        body: header.body,
        sentences,
        text,
    }
}

/// A header glued to the body (or the title) on one line ("date 2022-06 Le premier
/// bilan…") is a sentence of its own, so the header date is not read as part of the first
/// sentence.
fn split_at_body_start(
    text: &str,
    mut sentences: Vec<Range<usize>>,
    body_start: usize,
) -> Vec<Range<usize>> {
    let Some(i) = sentences
        .iter()
        .position(|s| s.start < body_start && body_start < s.end)
    else {
        return sentences;
    };
    let sentence = sentences[i].clone();
    let head = text
        .get(sentence.start..body_start)
        .unwrap_or("")
        .trim_end();
    let mut parts = vec![
        sentence.start..sentence.start + head.len(),
        body_start..sentence.end,
    ];
    parts.retain(|r| !r.is_empty());
    sentences.splice(i..=i, parts);
    sentences
}

/// The embedded seed articles: (source name, text).
const SEED_TEXTS: [(&str, &str); 5] = [
    (
        "seeds/000_7d4c4504a6569223.txt",
        include_str!("../../seeds/000_7d4c4504a6569223.txt"),
    ),
    (
        "seeds/001_ff1563348750d4b4.txt",
        include_str!("../../seeds/001_ff1563348750d4b4.txt"),
    ),
    (
        "seeds/002_1f244ec24315ce42.txt",
        include_str!("../../seeds/002_1f244ec24315ce42.txt"),
    ),
    (
        "seeds/003_d81cb42c22d10bab.txt",
        include_str!("../../seeds/003_d81cb42c22d10bab.txt"),
    ),
    (
        "seeds/004_af133a3135f9e29c.txt",
        include_str!("../../seeds/004_af133a3135f9e29c.txt"),
    ),
];

/// The five embedded seed articles (the default corpus).
pub fn seeds() -> Vec<Article> {
    SEED_TEXTS
        .iter()
        .map(|(name, text)| article_from_text(name, (*text).to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn seeds_load_with_their_publication_dates() {
        let seeds = seeds();
        assert_eq!(seeds.len(), 5);
        for a in &seeds {
            assert!(a.source.starts_with("seeds/"));
            assert_eq!(a.hash.len(), 16);
            assert!(!a.sentences.is_empty());
            assert!(a.body.end == a.text.len());
        }
        let p0 = seeds[0].published.as_ref().unwrap();
        assert_eq!(
            (p0.date, p0.precision, p0.kind),
            (
                ymd(2022, 6, 1),
                DatePrecision::Month,
                PublicationKind::Header
            )
        );
        assert!(seeds[0].body_text().starts_with("Le premier bilan"));
        let first = &seeds[0].sentences[0];
        assert_eq!(&seeds[0].text[first.clone()], "date 2022-06");
        assert_eq!(seeds[0].sentences[1].start, seeds[0].body.start);
        // A title after the header date on its line is a sentence of its own too.
        let a = article_from_text(
            "t",
            " date 2021-03 Dix morts à Gao\n\nLe marché a brûlé.".into(),
        );
        let texts: Vec<&str> = a.sentences.iter().map(|s| &a.text[s.clone()]).collect();
        assert_eq!(texts[..2], ["date 2021-03", "Dix morts à Gao"]);
        let p3 = seeds[3].published.as_ref().unwrap();
        assert_eq!(p3.date, ymd(2024, 5, 2));
        assert_eq!(p3.alternatives, vec![(ymd(2024, 2, 5), DatePrecision::Day)]);
        assert_eq!(
            seeds[3].title_text(),
            Some("Mali: Le fiasco du coup d’Etat, la junte appelle à l’aide")
        );
        let p4 = seeds[4].published.as_ref().unwrap();
        assert_eq!(
            (p4.date, p4.kind),
            (ymd(2024, 9, 19), PublicationKind::Dateline)
        );
    }

    #[test]
    fn errors_name_their_path_in_plain_words() {
        let e = LoadError::TooLarge {
            path: PathBuf::from("a/b.txt"),
            size: 30,
            limit: 10,
        };
        assert_eq!(e.path(), Path::new("a/b.txt"));
        let msg = e.to_string();
        assert!(
            msg.contains("a/b.txt") && msg.contains("too large"),
            "{msg}"
        );
        let e = LoadError::NoArticles {
            path: PathBuf::from("dossier"),
        };
        assert!(e.to_string().contains("dossier"));
    }

    #[test]
    fn publication_serializes_in_lowercase() {
        let p = Publication {
            date: ymd(2023, 3, 3),
            precision: DatePrecision::Month,
            alternatives: vec![(ymd(2023, 3, 4), DatePrecision::Day)],
            span: 0..4,
            kind: PublicationKind::Dateline,
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"date":"2023-03-03","precision":"month","alternatives":[["2023-03-04","day"]],"span":{"start":0,"end":4},"kind":"dateline"}"#
        );
    }
}
