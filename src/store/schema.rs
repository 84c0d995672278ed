//! Opening a workspace file safely, and its schema: version numbers and forward migrations.
//!
//! Every check that can refuse a file (not SQLite, another program's database, a newer schema)
//! reads the 100-byte SQLite header with plain file I/O *before* SQLite is asked to open it,
//! so a refused file is never written, let alone overwritten or truncated. Not here: what the
//! tables mean (see the parent module) or any query beyond migrations.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// The schema version this build writes. History (each step is a migration below):
/// - 0: an empty file, or an empty SQLite database.
/// - 1: articles, incidents, places, evidence, corrections.
/// - 2: FTS5 index over article text (filled from existing articles), event splits.
/// - 3: the analyst's reviews (accepted / rejected, by whom, when, why).
/// - 4: imported reference datasets (ACLED exports, UCDP GED CSVs), one table per source.
pub const SCHEMA_VERSION: i64 = 4;

/// `PRAGMA application_id` of a mali-atlas workspace ("MALI"), so another program's SQLite
/// file is recognised and left alone.
pub const APPLICATION_ID: i32 = 0x4D41_4C49;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Forward migrations: `MIGRATIONS[n]` takes a version-`n` database to version `n + 1`.
/// Shipped steps are never edited; a schema change is a new step at the end.
pub(super) const MIGRATIONS: [&str; SCHEMA_VERSION as usize] =
    [MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4];

const MIGRATION_1: &str = r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,            -- FNV-1a 64 of the raw bytes: the article's identity
    path TEXT NOT NULL,
    text TEXT NOT NULL,                   -- decoded UTF-8; every span indexes this
    title_start INTEGER,
    title_end INTEGER,
    published TEXT,                       -- ISO date
    published_precision TEXT NOT NULL,    -- day | week | month | year | unknown
    load_errors TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_path ON articles(path);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    key TEXT NOT NULL,                    -- stable identity: article hash + evidence spans
    date TEXT,
    event_type TEXT NOT NULL,
    lat REAL,
    lon REAL,
    deaths INTEGER NOT NULL,
    record TEXT NOT NULL,                 -- the incident record as JSON (incident.rs)
    UNIQUE (article_id, idx)
);
CREATE INDEX incidents_key ON incidents(key);

CREATE TABLE places (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    mention TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    admin1 TEXT,
    admin2 TEXT,
    precision TEXT NOT NULL
);
CREATE INDEX places_incident ON places(incident_id);

CREATE TABLE evidence (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_incident ON evidence(incident_id);

-- The analyst's work. Never cascaded from articles: a correction whose incident is gone is
-- reported as orphaned, not deleted.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    article_hash TEXT,                    -- NULL for hand-added incidents
    target TEXT NOT NULL,                 -- IncidentKey as JSON
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,              -- JSON
    new_value TEXT NOT NULL,              -- the Correction as JSON
    reason TEXT NOT NULL
);
CREATE INDEX corrections_article ON corrections(article_hash);
"#;

const MIGRATION_2: &str = r#"
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(rowid, title, text)
    SELECT id,
           CASE WHEN title_start IS NULL THEN ''
                ELSE CAST(substr(CAST(text AS BLOB), title_start + 1, title_end - title_start) AS TEXT)
           END,
           replace(replace(replace(replace(text, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')
    FROM articles;

-- "These two incidents are not the same event": the analyst's split of a wrong merge.
CREATE TABLE event_splits (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    a TEXT NOT NULL,                      -- IncidentKey as JSON
    b TEXT NOT NULL,
    reason TEXT NOT NULL
);
"#;

const MIGRATION_3: &str = r#"
-- The analyst's review of incidents. Append-only: the latest row of an incident is its
-- state, earlier rows its history. Never cascaded from articles (like corrections).
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    article_hash TEXT,                    -- NULL for hand-added incidents
    target TEXT NOT NULL,                 -- IncidentKey as JSON
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'unreviewed')),
    reviewer TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX reviews_article ON reviews(article_hash);
"#;

const MIGRATION_4: &str = r#"
-- Reference datasets the analyst compared incidents with, kept whole so a comparison can be
-- re-run on the same bytes. One table per source; the same bytes twice are kept once.
CREATE TABLE reference_acled_files (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,              -- as given, without its folder
    checksum TEXT NOT NULL UNIQUE,        -- FNV-1a 64 of the bytes, 16 hex digits
    imported_at TEXT NOT NULL,            -- RFC 3339, UTC
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE reference_ged_files (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    checksum TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
"#;

/// What the header of an existing file says, read without SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileState {
    Missing,
    /// Zero bytes: SQLite treats it as an empty database (schema version 0).
    Empty,
    Sqlite {
        user_version: i64,
        application_id: i32,
    },
}

/// Reads the SQLite header of `path` and refuses anything this build must not write to.
pub(super) fn inspect(path: &Path) -> Result<FileState, StoreError> {
    let io_err = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => return Err(io_err(e)),
    };
    if meta.is_dir() {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if meta.len() == 0 {
        return Ok(FileState::Empty);
    }
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(io_err)?;
    if header.len() < 100 || !header.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    // Header layout: https://www.sqlite.org/fileformat.html#the_database_header
    let be32 = |at: usize| -> [u8; 4] {
        let mut b = [0u8; 4];
        b.copy_from_slice(&header[at..at + 4]);
        b
    };
    let user_version = i64::from(i32::from_be_bytes(be32(60)));
    let application_id = i32::from_be_bytes(be32(68));
    if application_id != 0 && application_id != APPLICATION_ID {
        return Err(StoreError::NotWorkspace {
            path: path.to_path_buf(),
        });
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(FileState::Sqlite {
        user_version,
        application_id,
    })
}

/// Opens (or creates) the file, sets WAL and the connection pragmas, and migrates.
pub(super) fn open_and_migrate(path: &Path) -> Result<Connection, StoreError> {
    let state = inspect(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let flags = if state == FileState::Missing {
        flags | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        flags
    };
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
    // SQLite silently opens a write-protected file read-only; a workspace must be writable.
    if conn
        .is_readonly(rusqlite::MAIN_DB)
        .map_err(|e| classify(e, path))?
    {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if let FileState::Sqlite {
        user_version: 0,
        application_id: 0,
    } = state
    {
        // A SQLite file with neither our id nor a version: only an empty one is ours to fill.
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| classify(e, path))?;
        if tables > 0 {
            return Err(StoreError::NotWorkspace {
                path: path.to_path_buf(),
            });
        }
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| classify(e, path))?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| match classify(e, path) {
            // The file opened, so what failed is creating `-wal`/`-shm` beside it.
            StoreError::CannotOpen { path } => StoreError::ReadOnly { path },
            other => other,
        })?;
    if !mode.eq_ignore_ascii_case("wal") {
        // WAL needs to create `-wal`/`-shm` files beside the workspace.
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    // FULL: a commit reported to the caller survives a crash of the process or the machine.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .map_err(|e| classify(e, path))?;
    migrate(&conn).map_err(|e| classify(e, path))?;
    Ok(conn)
}

/// Runs every migration from the file's version to [`SCHEMA_VERSION`], each step in its own
/// transaction (a crash mid-migration leaves the previous version intact).
pub(super) fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let mut version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    while version < SCHEMA_VERSION {
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            break; // negative version: nothing sane to do; inspect() reports it
        };
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;\n{step}\nPRAGMA application_id = {APPLICATION_ID};\n\
             PRAGMA user_version = {};\nCOMMIT;",
            version + 1
        ))
        .inspect_err(|_| {
            let _ = conn.execute_batch("ROLLBACK");
        })?;
        version += 1;
    }
    Ok(())
}

/// Turns SQLite's error codes into the errors the app explains to the analyst.
pub(super) fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    use rusqlite::ErrorCode;
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            StoreError::CannotOpen { path }
        }
        _ => StoreError::Sqlite(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_migration() {
        assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
    }

    #[test]
    fn migrations_from_every_version_reach_the_same_schema() {
        let schema_of = |conn: &Connection| -> Vec<String> {
            let mut st = conn
                .prepare("SELECT name FROM sqlite_schema ORDER BY name")
                .unwrap();
            st.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let fresh = Connection::open_in_memory().unwrap();
        migrate(&fresh).unwrap();
        let want = schema_of(&fresh);
        for start in 0..SCHEMA_VERSION {
            let conn = Connection::open_in_memory().unwrap();
            for step in &MIGRATIONS[..start as usize] {
                conn.execute_batch(step).unwrap();
            }
            conn.pragma_update(None, "user_version", start).unwrap();
            migrate(&conn).unwrap();
            assert_eq!(schema_of(&conn), want, "from version {start}");
            let v: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(v, SCHEMA_VERSION);
        }
    }

    #[test]
    fn header_checks_refuse_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short");
        std::fs::write(&short, b"SQLite").unwrap();
        assert!(matches!(inspect(&short), Err(StoreError::NotSqlite { .. })));
        assert_eq!(
            inspect(&dir.path().join("missing")).unwrap(),
            FileState::Missing
        );
        assert!(matches!(
            inspect(dir.path()),
            Err(StoreError::NotSqlite { .. })
        ));
        let other = dir.path().join("other.db");
        let conn = Connection::open(&other).unwrap();
        conn.execute_batch("PRAGMA application_id = 42; CREATE TABLE t(x);")
            .unwrap();
        drop(conn);
        assert!(matches!(
            inspect(&other),
            Err(StoreError::NotWorkspace { .. })
        ));
    }
}
