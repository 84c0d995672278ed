//! The reference datasets (ACLED exports, UCDP GED CSVs) the analyst compared incidents
//! with, kept whole in the workspace with their file name, checksum and import date, so a
//! comparison can be re-run on the very same bytes. One table per source
//! (`reference_acled_files`, `reference_ged_files`); the same bytes twice are kept once.
//! Not here: reading or matching the files (`reference_events`).

use rusqlite::{OptionalExtension, params};

use super::{StoreError, Workspace, now_rfc3339, sql};
use crate::corpus::encoding::fnv1a_hex;
use crate::reference_events::Source;

/// One imported reference file (its bytes are fetched apart, [`Workspace::reference_content`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReference {
    pub source: Source,
    /// Row id within the source's table; later imports have larger ids.
    pub id: i64,
    pub file_name: String,
    /// FNV-1a 64 of the bytes, 16 hex digits: the file's identity, not a security check.
    pub checksum: String,
    /// RFC 3339, UTC: when the bytes were first imported.
    pub imported_at: String,
    pub size: u64,
}

fn table(source: Source) -> &'static str {
    match source {
        Source::Acled => "reference_acled_files",
        Source::Ged => "reference_ged_files",
    }
}

/// A row of `SELECT id, file_name, checksum, imported_at, size`.
fn record(source: Source, r: &rusqlite::Row) -> rusqlite::Result<StoredReference> {
    Ok(StoredReference {
        source,
        id: r.get(0)?,
        file_name: r.get(1)?,
        checksum: r.get(2)?,
        imported_at: r.get(3)?,
        size: r.get::<_, i64>(4)?.max(0) as u64,
    })
}

impl Workspace {
    /// Keeps `bytes` as a reference file of `source`; bytes already kept are not stored twice
    /// (the earlier record, with its first import date, is returned).
    pub fn import_reference(
        &self,
        source: Source,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<StoredReference, StoreError> {
        let checksum = fnv1a_hex(bytes);
        self.conn
            .execute(
                &format!(
                    "INSERT OR IGNORE INTO {} (file_name, checksum, imported_at, size, content) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    table(source)
                ),
                params![
                    file_name,
                    checksum,
                    now_rfc3339(),
                    bytes.len() as i64,
                    bytes
                ],
            )
            .map_err(|e| sql(e, &self.path))?;
        // INSERT OR IGNORE left the first import in place: it is the record to return.
        self.conn
            .query_row(
                &format!(
                    "SELECT id, file_name, checksum, imported_at, size FROM {} WHERE checksum = ?1",
                    table(source)
                ),
                [&checksum],
                |r| record(source, r),
            )
            .map_err(|e| sql(e, &self.path))
    }

    /// The files of `source` kept in the workspace, oldest first.
    pub fn reference_files(&self, source: Source) -> Result<Vec<StoredReference>, StoreError> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT id, file_name, checksum, imported_at, size FROM {} ORDER BY id",
                table(source)
            ))
            .map_err(|e| sql(e, &self.path))?;
        let rows = st
            .query_map([], |r| record(source, r))
            .map_err(|e| sql(e, &self.path))?;
        rows.collect::<Result<_, _>>()
            .map_err(|e| sql(e, &self.path))
    }

    /// The bytes of reference file `id` of `source`, as imported; `None` when there is none.
    pub fn reference_content(
        &self,
        source: Source,
        id: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT content FROM {} WHERE id = ?1", table(source)),
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| sql(e, &self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::{APPLICATION_ID, MIGRATIONS};

    #[test]
    fn imported_files_are_kept_once_per_checksum_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("w.sqlite")).unwrap();
        let a = ws
            .import_reference(Source::Ged, "ged.csv", b"id\n1\n")
            .unwrap();
        let again = ws
            .import_reference(Source::Ged, "copy.csv", b"id\n1\n")
            .unwrap();
        assert_eq!(a, again);
        assert_eq!(a.checksum, fnv1a_hex(b"id\n1\n"));
        let b = ws
            .import_reference(Source::Ged, "ged2.csv", b"id\n2\n")
            .unwrap();
        assert!(b.id > a.id);
        assert_eq!(ws.reference_files(Source::Ged).unwrap().len(), 2);
        assert_eq!(ws.reference_files(Source::Acled).unwrap(), []);
        assert_eq!(
            ws.reference_content(Source::Ged, b.id).unwrap().as_deref(),
            Some(&b"id\n2\n"[..])
        );
        assert_eq!(ws.reference_content(Source::Acled, b.id).unwrap(), None);
    }

    #[test]
    fn a_version_3_workspace_migrates_forward_keeping_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.sqlite");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for step in &MIGRATIONS[..3] {
                conn.execute_batch(step).unwrap();
            }
            conn.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 3;\
                 INSERT INTO reviews (created_at, target, status, reviewer, reason) \
                 VALUES ('2026-01-01T00:00:00Z', '{{}}', 'accepted', 'me', 'ok');"
            ))
            .unwrap();
        }
        let ws = Workspace::open(&path).unwrap();
        assert_eq!(ws.schema_version().unwrap(), 4);
        let kept: i64 = ws
            .conn
            .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, 1);
        let a = ws
            .import_reference(Source::Acled, "acled.csv", b"x")
            .unwrap();
        assert_eq!(a.file_name, "acled.csv");
    }
}
