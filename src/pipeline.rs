//! Article → geocoded incidents: the extractor then the geocoder, as the CLI, the app and the
//! tests all run them. Holds no state of its own.

use std::path::Path;

use crate::corpus::Article;
use crate::extract::extract;
use crate::geocode::Geocoder;
use crate::geocode::install::{self, data_dir};
use crate::incident::Incident;

/// Incidents of one article, geocoded. The text is segmented a second time, knowing which
/// towns each sentence names, only when an incident mixes distant towns (rare): then
/// same-day incidents in different places come apart.
pub fn incidents(article: &Article, geocoder: &Geocoder) -> Vec<Incident> {
    let extraction = extract(article);
    let resolved = geocoder.resolve_article(article, &extraction);
    let places = Geocoder::sentence_places(article, &resolved);
    let extraction = if crate::extract::places_may_split(&extraction, &places) {
        crate::extract::resegment(article, extraction, &places)
    } else {
        extraction
    };
    geocoder.geocode_resolved(article, &extraction, &resolved)
}

/// The geocoder over the gazetteer at `path` (ML.txt, ML.zip, a cache, a pack or a folder),
/// else the installed one, else the snapshot embedded in the program; with the pack's
/// cercles, else the installed ones, else the embedded ones ([`install::load`]).
pub fn geocoder(
    path: Option<&Path>,
) -> Result<Geocoder, crate::geocode::gazetteer::GazetteerError> {
    Ok(install::load(path, data_dir().as_deref())?.into_geocoder())
}

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
        for inc in incidents(&article, geocoder) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geocode::gazetteer::Gazetteer;

    #[test]
    fn streams_articles_to_incidents_and_skips_bad_lines() {
        let g = Geocoder::new(Gazetteer::fallback());
        let input = concat!(
            r#"{"id": "a1", "text": "Dix soldats ont été tués hier près de Gao.", "published": "2023-05-02"}"#,
            "\n",
            "not json\n",
            "\n",
            r#"{"id": "a2", "text": "Le marché de Ségou a rouvert.", "published": "2023-13"}"#,
            "\n",
        );
        let mut out = Vec::new();
        let r = stream_jsonl(input.as_bytes(), &mut out, &g).unwrap();
        assert_eq!(r.articles, 2);
        assert_eq!(r.errors.len(), 2);
        assert_eq!(r.errors[0].0, 2);
        let text = String::from_utf8(out).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["article"], "a1");
        assert_eq!(first["date"], "2023-05-01");
        assert_eq!(first["killed"]["soldiers"]["best"], 10);
    }

    #[test]
    fn an_incident_without_a_place_is_put_near_the_one_before_it() {
        let g = Geocoder::new(Gazetteer::fallback());
        let mut article = crate::corpus::article_from_text(
            "t",
            "Six civils ont été tués lundi à Bandiagara, selon le maire de Bankass. \
             En juin 2021, une attaque contre le même village avait fait 14 morts."
                .to_string(),
        );
        assert!(declare_published(&mut article, "2023-03-15"));
        let v = incidents(&article, &g);
        assert_eq!(v.len(), 2, "{v:#?}");
        let first = v[0].location.expect("Bandiagara");
        assert_eq!(first.precision, crate::incident::Precision::Locality);
        // The mayor's commune is context, not a place of the incident.
        assert!(v[0].places.iter().all(|p| p.mention != "Bankass"), "{v:#?}");
        let second = v[1].location.expect("near Bandiagara");
        assert_eq!(second.precision, crate::incident::Precision::NearLocality);
        assert_eq!((second.lat, second.lon), (first.lat, first.lon));
    }

    #[test]
    fn a_far_reference_town_does_not_tie_two_incidents_together() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = crate::corpus::article_from_text(
            "t",
            "Des terroristes ont tué quatre soldats à Ménaka, à quelque 300 km de Gao. \
             Samedi, 14 soldats ont été tués lors d'une attaque à Ansongo, à 90 km de Gao."
                .to_string(),
        );
        let v = incidents(&article, &g);
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(4), Some(14)], "{v:#?}");
    }

    #[test]
    fn an_incident_naming_no_town_is_put_near_the_articles_town() {
        let g = Geocoder::new(Gazetteer::fallback());
        let article = crate::corpus::article_from_text(
            "t",
            "La ville de Douentza est située sur la route de Gao. \
             Des hommes armés ont tué onze soldats dimanche lors d'une attaque contre le camp."
                .to_string(),
        );
        let v = incidents(&article, &g);
        let l = v[0].location.expect("near Douentza");
        assert_eq!(l.precision, crate::incident::Precision::NearLocality);
        assert!(
            (l.lat - 15.0).abs() < 0.3 && (l.lon + 2.95).abs() < 0.3,
            "{l:?}"
        );
    }

    #[test]
    fn ingest_reads_batch_by_batch_and_reports_bad_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let towns = ["Niono", "Bourem", "Kita", "Yorosso", "Goundam"];
        for (i, town) in towns.iter().enumerate() {
            let text = format!(
                "Publié le 3 mai 2023\n\n{} civils ont été tués mardi lors d'une attaque à {town}.",
                i + 2
            );
            std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
        }
        std::fs::write(corpus.join("broken.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
        let missing = dir.path().join("missing.txt");
        let mut ws = crate::store::Workspace::open(&dir.path().join("w.atlas")).unwrap();
        let g = Geocoder::new(Gazetteer::fallback());
        let mut calls = Vec::new();
        let paths = [corpus.clone(), missing];
        let summary = ingest(&paths, &mut ws, &g, 2, &mut |done, total, errors| {
            calls.push((done, total, errors))
        })
        .unwrap();
        assert_eq!((summary.files, summary.stored.added), (7, 5));
        assert_eq!(summary.failed.len(), 2, "{:?}", summary.failed);
        assert!(summary.failed.iter().any(|e| e.contains("broken.txt")));
        assert!(summary.failed.iter().any(|e| e.contains("missing.txt")));
        // Progress after every batch of two, up to all seven sources.
        let done: Vec<usize> = calls.iter().map(|c| c.0).collect();
        assert_eq!(done, [0, 2, 4, 6, 7]);
        assert!(calls.iter().all(|c| c.1 == 7));
        assert_eq!(calls.last().unwrap().2, 2);
        // A second run finds them all stored.
        let again = ingest(&paths, &mut ws, &g, 2, &mut |_, _, _| {}).unwrap();
        assert_eq!((again.stored.added, again.stored.unchanged), (0, 5));
    }

    #[test]
    fn a_declared_date_does_not_turn_the_dateline_into_the_event_date() {
        // Found by the 100k scale run: with `published` given, the dateline's date was taken
        // for the event's ("hier" lost), because the dateline was no longer known as such.
        let g = Geocoder::new(Gazetteer::fallback());
        let input = concat!(
            r#"{"id": "b1", "published": "2022-03-09", "text": "Mopti, 9 mars 2022 (AFP) – Six gendarmes ont été tués avant-hier dans une embuscade près de Douentza."}"#,
            "\n",
            r#"{"id": "b2", "published": "2022-03-09", "text": "Kayes, 9 mars 2022 – Quatre orpailleurs ont été tués lundi près de Kéniéba."}"#,
            "\n",
        );
        let mut out = Vec::new();
        stream_jsonl(input.as_bytes(), &mut out, &g).unwrap();
        let dates: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
            .collect();
        assert_eq!(dates, [r#""2022-03-07""#, r#""2022-03-07""#]);
    }
}

/// What the workspace stores for an article.
pub fn article_record(a: &Article) -> crate::store::ArticleRecord {
    crate::store::ArticleRecord {
        source: a.source.clone(),
        hash: a.hash.clone(),
        text: a.text.clone(),
        title: a.title.clone(),
        published: a.published.as_ref().map(|p| p.date),
        published_precision: a
            .published
            .as_ref()
            .map_or(crate::corpus::DatePrecision::Unknown, |p| p.precision),
        load_errors: Vec::new(),
    }
}

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
        let records: Vec<(crate::store::ArticleRecord, Vec<Incident>)> = todo
            .par_iter()
            .map(|a| (article_record(a), incidents(a, geocoder)))
            .collect();
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
        let records: Vec<(crate::store::ArticleRecord, Vec<Incident>)> = articles
            .par_iter()
            .map(|a| (article_record(a), incidents(a, geocoder)))
            .collect();
        let r = ws.ingest(&records, &stamp)?;
        report.reextracted += r.reextracted;
        report.unchanged += r.unchanged;
        report.incidents_written += r.incidents_written;
        report.orphaned_corrections = r.orphaned_corrections;
    }
    Ok(report)
}

/// A workspace as the app and the exports see it.
#[derive(Debug, Default)]
pub struct WorkspaceView {
    pub articles: Vec<Article>,
    /// One incident per merged event, with the index of its representative article.
    pub incidents: Vec<(usize, Incident)>,
    /// The stored incidents each event merges (where the analyst's corrections go).
    pub keys: Vec<Vec<crate::store::IncidentKey>>,
}

/// A workspace as the app and the exports see it: its articles, and one incident per merged
/// event (analysts' corrections applied, rejected incidents left out), each with the index of
/// its representative article.
pub fn workspace_view(
    ws: &crate::store::Workspace,
) -> Result<WorkspaceView, crate::store::StoreError> {
    use rayon::prelude::*;
    // Headers and sentences are found again from the text, on every core.
    let articles: Vec<Article> = ws
        .article_texts()?
        .into_par_iter()
        .map(|(hash, source, text)| {
            let mut article = crate::corpus::article_from_text(&source, text);
            article.hash = hash;
            article
        })
        .collect();
    let by_source: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.as_str(), i))
        .collect();
    let mut incidents = Vec::new();
    let mut keys = Vec::new();
    for (record, members) in workspace_events(ws)? {
        if let Some(&idx) = by_source.get(record.article.as_str()) {
            incidents.push((idx, record));
            keys.push(members);
        }
    }
    Ok(WorkspaceView {
        articles,
        incidents,
        keys,
    })
}

/// The workspace's merged events (corrections applied, rejected incidents left out), each
/// with the stored incidents it merges; without the articles, for exports.
pub fn workspace_events(
    ws: &crate::store::Workspace,
) -> Result<Vec<(Incident, Vec<crate::store::IncidentKey>)>, crate::store::StoreError> {
    let stored = ws.incidents()?;
    Ok(ws
        .events_of(&stored)?
        .into_iter()
        .map(|e| (e.record, e.members))
        .collect())
}
