//! Storing articles in a workspace: read and extracted batch by batch on every core, and kept
//! up to date with the rules, lexicons and gazetteer ([`extraction_stamp`], [`refresh`]).
//!
//! Not here: the tables (`store`) or reading the workspace back (`view`).

use crate::corpus::Article;
use crate::geocode::Geocoder;
use crate::incident::Incident;

use super::{article_record, checked_incidents};

/// Counts and failures of an ingest run.
#[derive(Debug, Default)]
pub struct IngestSummary {
    pub files: usize,
    pub stored: crate::store::IngestReport,
    pub failed: Vec<String>,
}

/// Reads `paths` batch by batch (so memory stays bounded by the batch, not the corpus),
/// extracts what the workspace does not already hold at this extractor version, reading and
/// extracting in parallel over the cores, and stores each batch of `batch` articles in one
/// transaction. `progress(done, total, errors)` is called after every batch.
pub fn ingest(
    paths: &[std::path::PathBuf],
    workspace: &mut crate::store::Workspace,
    geocoder: &Geocoder,
    batch: usize,
    progress: &mut dyn FnMut(usize, usize, usize),
) -> Result<IngestSummary, crate::store::StoreError> {
    use rayon::prelude::*;
    let mut summary = IngestSummary::default();
    let sources = crate::corpus::load::list_sources(paths);
    let total = sources.len();
    summary.files = total;
    let mut done = 0;
    progress(done, total, 0);
    let options = crate::corpus::LoadOptions::default();
    let version = extraction_stamp(geocoder);
    let version = version.as_str();
    let mut sources = sources.into_iter().peekable();
    while sources.peek().is_some() {
        let chunk: Vec<_> = sources.by_ref().take(batch.max(1)).collect();
        let count = chunk.len();
        let loaded: Vec<_> = chunk
            .into_par_iter()
            .map(|s| crate::corpus::load::load_source(s, &options))
            .collect();
        let mut todo = Vec::with_capacity(count);
        for r in loaded {
            match r {
                Ok(a) if workspace.needs_extraction(&a.hash, version)? => todo.push(a),
                Ok(_) => summary.stored.unchanged += 1,
                Err(e) => summary.failed.push(e.to_string()),
            }
        }
        let extracted: Vec<_> = todo
            .par_iter()
            .map(|a| checked_incidents(a, geocoder).map(|inc| (article_record(a), inc)))
            .collect();
        let mut records: Vec<(crate::store::ArticleRecord, Vec<Incident>)> =
            Vec::with_capacity(extracted.len());
        for r in extracted {
            match r {
                Ok(record) => records.push(record),
                Err(e) => summary.failed.push(e.to_string()),
            }
        }
        let r = workspace.ingest(&records, version)?;
        summary.stored.added += r.added;
        summary.stored.unchanged += r.unchanged;
        summary.stored.reextracted += r.reextracted;
        summary.stored.replaced += r.replaced;
        summary.stored.incidents_written += r.incidents_written;
        summary.stored.orphaned_corrections = r.orphaned_corrections;
        done += count;
        progress(done, total, summary.failed.len());
    }
    Ok(summary)
}

/// What a stored article's incidents depend on: the rules number, the lexicons' digest and
/// the gazetteer's stamp, e.g. `0.1.0+rules.2+lexicon.0123456789abcdef+gazetteer.full:…`.
/// The workspace keeps it beside each article; an article stored under another stamp is
/// extracted again by the next [`ingest`] or [`refresh`] (corrections are re-applied, being
/// keyed to the evidence, not to the extraction).
pub fn extraction_stamp(geocoder: &Geocoder) -> String {
    format!(
        "{}+gazetteer.{}",
        crate::extract::extractor_stamp(),
        geocoder.gazetteer_stamp()
    )
}

/// How many of the workspace's articles were extracted under another stamp than this
/// geocoder's (other rules, lexicons or gazetteer): what [`refresh`] would redo.
pub fn stale_articles(
    ws: &crate::store::Workspace,
    geocoder: &Geocoder,
) -> Result<usize, crate::store::StoreError> {
    let stamp = extraction_stamp(geocoder);
    Ok(ws
        .articles()?
        .iter()
        .filter(|a| a.extractor_version != stamp)
        .count())
}

/// Extracts again, with `geocoder`, every stored article whose stamp differs from
/// [`extraction_stamp`], `batch` articles per transaction, without the original files: an
/// article is read again from its path when that file still has the same bytes (so an HTML
/// page's declared date counts as on ingest), else rebuilt from its stored text. Returns the
/// store's report (`reextracted` = the articles refreshed).
pub fn refresh(
    ws: &mut crate::store::Workspace,
    geocoder: &Geocoder,
    batch: usize,
) -> Result<crate::store::IngestReport, crate::store::StoreError> {
    use rayon::prelude::*;
    let stamp = extraction_stamp(geocoder);
    let stale: Vec<crate::store::StoredArticle> = ws
        .articles()?
        .into_iter()
        .filter(|a| a.extractor_version != stamp)
        .collect();
    let options = crate::corpus::LoadOptions::default();
    let mut report = crate::store::IngestReport::default();
    for chunk in stale.chunks(batch.max(1)) {
        let from_files: Vec<Option<Article>> = chunk
            .par_iter()
            .map(|s| {
                let source = crate::corpus::load::Source::File(s.source.clone().into());
                crate::corpus::load::load_source(source, &options)
                    .ok()
                    .filter(|a| a.hash == s.hash)
            })
            .collect();
        let mut articles = Vec::with_capacity(chunk.len());
        for (stored, loaded) in chunk.iter().zip(from_files) {
            let article = match loaded {
                Some(a) => a,
                None => {
                    let Some(text) = ws.article_text(&stored.hash)? else {
                        continue;
                    };
                    let mut a = crate::corpus::article_from_text(&stored.source, text);
                    a.hash = stored.hash.clone();
                    a
                }
            };
            articles.push(article);
        }
        // An article the rules fail on keeps its stored incidents and corrections, and stays
        // stale: the next refresh tries it again.
        let records: Vec<(crate::store::ArticleRecord, Vec<Incident>)> = articles
            .par_iter()
            .filter_map(|a| {
                checked_incidents(a, geocoder)
                    .ok()
                    .map(|inc| (article_record(a), inc))
            })
            .collect();
        let r = ws.ingest(&records, &stamp)?;
        report.reextracted += r.reextracted;
        report.unchanged += r.unchanged;
        report.incidents_written += r.incidents_written;
        report.orphaned_corrections = r.orphaned_corrections;
    }
    Ok(report)
}
