//! The evaluation texts (tests/eval/cases.toml) as the tests read them: the cases, and each
//! case's article with its publication day, built one way for the scorer and the golden file.
#![allow(dead_code)] // each test binary that includes `common` uses a part of it

use chrono::NaiveDate;
use mali_atlas::corpus::{Article, DatePrecision, Publication, PublicationKind, article_from_text};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub published: Option<String>,
    pub text: String,
    #[serde(default)]
    pub foreign: Vec<String>,
    #[serde(default)]
    pub incident: Vec<Expected>,
}

#[derive(Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub best: Option<u32>,
    pub place: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub region_only: bool,
}

/// Every case of the evaluation set.
pub fn cases() -> Vec<Case> {
    let file: File = toml::from_str(include_str!("../eval/cases.toml")).expect("cases.toml parses");
    file.case
}

/// The case's article, dated by its publication day when it has one.
pub fn article(c: &Case) -> Article {
    let mut article = article_from_text(&format!("eval/{}", c.id), c.text.trim().to_string());
    if let Some(p) = &c.published {
        article.published = Some(Publication {
            date: NaiveDate::parse_from_str(p, "%Y-%m-%d").expect("valid published date"),
            precision: DatePrecision::Day,
            alternatives: Vec::new(),
            span: 0..0,
            kind: PublicationKind::Header,
        });
    }
    article
}
