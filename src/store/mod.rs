//! The workspace: one SQLite file (WAL mode) where ingested articles, their extracted
//! incidents and the analyst's work (corrections, splits of merged events) live.
//!
//! - `schema`: safe opening (refuses non-SQLite files, other programs' databases, newer
//!   schemas, read-only files and folders, without writing to them) and forward migrations.
//! - `corrections`: the stable incident identity and the corrections keyed to it.
//! - `merge`: incidents told by several articles grouped into one event, tolls reconciled.
//! - `search`: FTS5 full-text search, accents and case folded.
//! - `review`: the analyst's review of each incident (accepted, rejected), who and when.
//! - `references`: the ACLED / UCDP GED files incidents were compared with, kept whole.
//!
//! Ingest takes records the extractor already produced; this module never runs the
//! extractor. Each `ingest` call is one transaction: after a crash, an article is either
//! stored with all its incidents or not at all. Articles are identified by the hash of their
//! raw bytes: the same bytes twice are stored once; the same path with new bytes replaces the
//! old article (its corrections become orphaned, for review); a new extractor version
//! replaces an article's incidents and re-applies every correction.

mod corrections;
mod merge;
mod references;
mod review;
mod schema;
mod search;

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior, params};

pub use corrections::{
    Anchor, Correction, CorrectionRecord, IncidentKey, StoredIncident, TollField, resolve,
};
pub use merge::{Event, MERGE_RADIUS_KM, reconcile, same_event};
pub use references::StoredReference;
pub use review::{Review, ReviewBook, ReviewStatus};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use search::{SearchHit, fts_query};

use crate::corpus::DatePrecision;
use crate::incident::Incident;

/// Why a workspace cannot be opened or written. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: not a mali-atlas workspace (not a SQLite database); the file was left untouched"
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: a SQLite database of another program, not a mali-atlas workspace; the file was left untouched"
    )]
    NotWorkspace { path: PathBuf },
    #[error(
        "{path}: workspace schema version {found} is newer than this build knows ({supported}); update mali-atlas — the file was left untouched"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path}: the workspace or its folder is read-only (the workspace needs to write the file and a `-wal` file beside it)"
    )]
    ReadOnly { path: PathBuf },
    #[error("{path}: disk full; the last change was not saved, earlier work is intact")]
    DiskFull { path: PathBuf },
    #[error("{path}: the workspace file is damaged")]
    Corrupt { path: PathBuf },
    #[error("{path}: cannot open or create the workspace (missing folder or no permission)")]
    CannotOpen { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no such incident: {0}")]
    UnknownIncident(String),
    #[error("invalid article record: {0}")]
    InvalidArticle(String),
    #[error("workspace: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("workspace record: {0}")]
    Json(#[from] serde_json::Error),
}

/// An article as the store keeps it (built from `corpus::Article` by the caller).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    /// Path as given, or `seeds/…` for the embedded corpus.
    pub source: String,
    /// 16 lowercase hex chars: FNV-1a 64 of the raw bytes (`corpus::Article::hash`).
    pub hash: String,
    /// Decoded UTF-8 text; every span indexes it.
    pub text: String,
    pub title: Option<Range<usize>>,
    pub published: Option<NaiveDate>,
    pub published_precision: DatePrecision,
    /// Problems met while loading (encoding guesses, HTML oddities…), shown to the analyst.
    pub load_errors: Vec<String>,
}

/// What one `ingest` call did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// New articles.
    pub added: usize,
    /// Already stored with this extractor version: nothing written.
    pub unchanged: usize,
    /// Stored with another extractor version: incidents replaced.
    pub reextracted: usize,
    /// Articles whose path now has different bytes (the old article was removed).
    pub replaced: usize,
    pub incidents_written: usize,
    /// Corrections orphaned after this ingest (all of them, not only new ones).
    pub orphaned_corrections: usize,
}

/// A summary of one stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub hash: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub extractor_version: String,
    pub incidents: usize,
}

/// An open workspace. One per file per process; other processes may read it concurrently.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn sql(e: rusqlite::Error, path: &Path) -> StoreError {
    schema::classify(e, path)
}

fn precision_name(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Unknown => "unknown",
    }
}

impl Workspace {
    /// Opens the workspace at `path`, creating it when missing and migrating an older schema.
    /// Refuses — without writing a byte — a file that is not SQLite, another program's
    /// database, a newer schema, or a read-only file or folder.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = schema::open_and_migrate(path)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file (always [`SCHEMA_VERSION`] after `open`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.classify(e))
    }

    fn classify(&self, e: rusqlite::Error) -> StoreError {
        schema::classify(e, &self.path)
    }

    /// Runs the parameterless query `sql` and hands each row, read as the tuple `T` (one
    /// element per column, in order), to `each`, in order, stopping at the first error. SQL
    /// errors (preparing, stepping, reading a column) are classified for this workspace's
    /// file; `each` reports its own.
    fn for_each_row<T>(
        &self,
        sql: &str,
        mut each: impl FnMut(T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>
    where
        T: for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
    {
        let mut st = self.conn.prepare(sql).map_err(|e| self.classify(e))?;
        let rows = st
            .query_map([], |r| T::try_from(r))
            .map_err(|e| self.classify(e))?;
        for row in rows {
            each(row.map_err(|e| self.classify(e))?)?;
        }
        Ok(())
    }

    /// True when the article with `hash` is missing or was extracted by another version:
    /// lets the CLI skip extraction of files already ingested.
    pub fn needs_extraction(
        &self,
        hash: &str,
        extractor_version: &str,
    ) -> Result<bool, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT extractor_version FROM articles WHERE hash = ?1")
            .map_err(|e| self.classify(e))?;
        let stored: Option<String> = st
            .query_row([hash], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(|e| self.classify(e))?;
        Ok(stored.as_deref() != Some(extractor_version))
    }

    /// Stores a batch of extracted articles in one transaction (all or nothing).
    pub fn ingest(
        &mut self,
        batch: &[(ArticleRecord, Vec<Incident>)],
        extractor_version: &str,
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let path = self.path.clone();
        let e = |e| sql(e, &path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        for (article, incidents) in batch {
            if article.hash.is_empty() {
                return Err(StoreError::InvalidArticle(format!(
                    "{}: empty hash",
                    article.source
                )));
            }
            let existing: Option<(i64, String)> = tx
                .prepare_cached("SELECT id, extractor_version FROM articles WHERE hash = ?1")
                .map_err(e)?
                .query_row([&article.hash], |r| Ok((r.get(0)?, r.get(1)?)))
                .map(Some)
                .or_else(|err| match err {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    err => Err(err),
                })
                .map_err(e)?;
            let article_id = match existing {
                Some((_, version)) if version == extractor_version => {
                    report.unchanged += 1;
                    continue;
                }
                Some((id, _)) => {
                    tx.prepare_cached("DELETE FROM incidents WHERE article_id = ?1")
                        .map_err(e)?
                        .execute([id])
                        .map_err(e)?;
                    tx.prepare_cached("UPDATE articles SET extractor_version = ?2 WHERE id = ?1")
                        .map_err(e)?
                        .execute(params![id, extractor_version])
                        .map_err(e)?;
                    report.reextracted += 1;
                    id
                }
                None => {
                    // Same path, other bytes: the file changed; the old version goes.
                    let old: Vec<i64> = tx
                        .prepare_cached("SELECT id FROM articles WHERE path = ?1")
                        .map_err(e)?
                        .query_map([&article.source], |r| r.get(0))
                        .map_err(e)?
                        .collect::<Result<_, _>>()
                        .map_err(e)?;
                    for id in old {
                        tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")
                            .map_err(e)?
                            .execute([id])
                            .map_err(e)?;
                        tx.prepare_cached("DELETE FROM articles WHERE id = ?1")
                            .map_err(e)?
                            .execute([id])
                            .map_err(e)?;
                        report.replaced += 1;
                    }
                    let title = article
                        .title
                        .clone()
                        .filter(|r| article.text.get(r.clone()).is_some());
                    tx.prepare_cached(
                        "INSERT INTO articles (hash, path, text, title_start, title_end, \
                         published, published_precision, load_errors, extractor_version, \
                         ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    )
                    .map_err(e)?
                    .execute(params![
                        article.hash,
                        article.source,
                        article.text,
                        title.as_ref().map(|r| r.start as i64),
                        title.as_ref().map(|r| r.end as i64),
                        article.published.map(|d| d.to_string()),
                        precision_name(article.published_precision),
                        serde_json::to_string(&article.load_errors)?,
                        extractor_version,
                        now_rfc3339(),
                    ])
                    .map_err(e)?;
                    let id = tx.last_insert_rowid();
                    let title_text = title.and_then(|r| article.text.get(r)).unwrap_or("");
                    tx.prepare_cached(
                        "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                    )
                    .map_err(e)?
                    .execute(params![
                        id,
                        search::fold_ligatures(title_text),
                        search::fold_ligatures(&article.text)
                    ])
                    .map_err(e)?;
                    report.added += 1;
                    id
                }
            };
            for (idx, incident) in incidents.iter().enumerate() {
                insert_incident(&tx, article_id, idx, &article.hash, incident).map_err(|err| {
                    match err {
                        InsertError::Sql(s) => e(s),
                        InsertError::Json(j) => StoreError::Json(j),
                    }
                })?;
                report.incidents_written += 1;
            }
        }
        tx.commit().map_err(e)?;
        if report.added + report.reextracted + report.replaced > 0 {
            report.orphaned_corrections = self.count_orphaned_corrections()?;
        }
        Ok(report)
    }

    /// All incidents, corrections applied, with their stable keys. Rejected incidents are
    /// included and flagged (`rejected`); hand-added ones come last.
    pub fn incidents(&self) -> Result<Vec<StoredIncident>, StoreError> {
        Ok(self.load_incidents()?.0)
    }

    /// The stored articles, in ingest order.
    pub fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT a.hash, a.path, \
                   CASE WHEN a.title_start IS NULL THEN NULL ELSE \
                   CAST(substr(CAST(a.text AS BLOB), a.title_start + 1, \
                        a.title_end - a.title_start) AS TEXT) END, \
                   a.published, a.extractor_version, \
                   (SELECT count(*) FROM incidents i WHERE i.article_id = a.id) \
                 FROM articles a ORDER BY a.id",
            )
            .map_err(|e| self.classify(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(StoredArticle {
                    hash: r.get(0)?,
                    source: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                    extractor_version: r.get(4)?,
                    incidents: r.get::<_, i64>(5)? as usize,
                })
            })
            .map_err(|e| self.classify(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.classify(e))
    }

    /// The decoded text of a stored article (for the drill-down's evidence highlighting).
    pub fn article_text(&self, hash: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT text FROM articles WHERE hash = ?1", [hash], |r| {
                r.get(0)
            })
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(|e| self.classify(e))
    }

    /// Every article's (hash, path, decoded text), in ingest order, in one query: what the
    /// app and the briefing rebuild their articles from (one query per article cost seconds
    /// at 100k).
    pub fn article_texts(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT hash, path, text FROM articles ORDER BY id")
            .map_err(|e| self.classify(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.classify(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.classify(e))
    }

    /// `PRAGMA integrity_check` ("ok" when the file is sound).
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.classify(e))
    }
}

enum InsertError {
    Sql(rusqlite::Error),
    Json(serde_json::Error),
}

impl From<rusqlite::Error> for InsertError {
    fn from(e: rusqlite::Error) -> Self {
        InsertError::Sql(e)
    }
}

fn insert_incident(
    tx: &rusqlite::Transaction<'_>,
    article_id: i64,
    idx: usize,
    article_hash: &str,
    incident: &Incident,
) -> Result<(), InsertError> {
    let record = serde_json::to_string(incident).map_err(InsertError::Json)?;
    let key = IncidentKey::of(article_hash, incident).to_text();
    tx.prepare_cached(
        "INSERT INTO incidents (article_id, idx, key, date, event_type, lat, lon, deaths, record) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        article_id,
        idx as i64,
        key,
        incident.date.map(|d| d.to_string()),
        incident.event_type.name(),
        incident.location.map(|l| l.lat),
        incident.location.map(|l| l.lon),
        i64::from(incident.deaths()),
        record,
    ])?;
    let incident_id = tx.last_insert_rowid();
    let mut places = tx.prepare_cached(
        "INSERT INTO places (incident_id, mention, start, end, name, geonameid, lat, lon, \
         admin1, admin2, precision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for p in &incident.places {
        let precision = serde_json::to_value(p.precision).map_err(InsertError::Json)?;
        places.execute(params![
            incident_id,
            p.mention,
            p.span[0] as i64,
            p.span[1] as i64,
            p.name,
            p.geonameid.and_then(|g| i64::try_from(g).ok()),
            p.lat,
            p.lon,
            p.admin1,
            p.admin2,
            precision.as_str().unwrap_or_default(),
        ])?;
    }
    let mut evidence = tx.prepare_cached(
        "INSERT INTO evidence (incident_id, field, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for ev in &incident.evidence {
        evidence.execute(params![
            incident_id,
            ev.field,
            ev.span[0] as i64,
            ev.span[1] as i64,
            ev.text
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
