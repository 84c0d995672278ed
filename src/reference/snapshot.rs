//! The GeoNames and geoBoundaries snapshots embedded in the program: the two compressed tables
//! `data/build_gazetteer.py` derives from the GeoNames export of Mali and from geoBoundaries'
//! ADM2 layer, and what `data/snapshot.json` records about them (export date, checksums,
//! counts).
//!
//! Not here: parsing the tables (the gazetteer and [`super::cercles`] read them with the code
//! that reads a user's download), nor choosing between them and installed data.

use std::io::Read;
use std::sync::LazyLock;

use super::ReferenceError;

const SNAPSHOT_JSON: &str = include_str!("../../data/snapshot.json");
const GAZETTEER_ZLIB: &[u8] = include_bytes!("../../data/geonames-ML.tsv.zlib");
const CERCLES_ZLIB: &[u8] = include_bytes!("../../data/cercles-ML.geojson.zlib");

/// What `data/snapshot.json` says about the embedded tables.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Snapshot {
    pub gazetteer: GazetteerSnapshot,
    pub cercles: CerclesSnapshot,
}

/// The embedded gazetteer: GeoNames rows in the dump's 19-column layout.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct GazetteerSnapshot {
    /// Latest modification date in the export (`YYYY-MM-DD`): the export's date.
    pub export_date: String,
    /// SHA-256 of the GeoNames `ML.txt` it was built from.
    pub input_sha256: String,
    pub counts: GazetteerCounts,
    /// Size of the table once inflated.
    pub table_bytes: usize,
    /// SHA-256 of the committed (compressed) file.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct GazetteerCounts {
    /// Rows of the export.
    pub rows_in: usize,
    /// Rows of Mali kept (the features the geocoder uses).
    pub mali_rows: usize,
    /// Towns of the neighbouring countries, from `data/cities.tsv`.
    pub neighbour_rows: usize,
}

/// The embedded cercles: geoBoundaries ADM2 simplified, as GeoJSON.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct CerclesSnapshot {
    pub source: String,
    /// SHA-256 of the geoBoundaries GeoJSON it was built from.
    pub input_sha256: String,
    /// Douglas–Peucker tolerance used on the borders.
    pub tolerance_degrees: f64,
    pub counts: CercleCounts,
    /// Size of the GeoJSON once inflated.
    pub geojson_bytes: usize,
    /// SHA-256 of the committed (compressed) file.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct CercleCounts {
    pub cercles: usize,
    /// Vertices kept, and in the source.
    pub vertices: usize,
    pub vertices_in: usize,
}

/// The embedded snapshot's description, parsed once (the tests check it parses).
pub fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: LazyLock<Snapshot> = LazyLock::new(|| {
        serde_json::from_str(SNAPSHOT_JSON).expect("embedded data/snapshot.json is valid (tested)")
    });
    &SNAPSHOT
}

/// The embedded gazetteer table, inflated: GeoNames dump rows (UTF-8, tab-separated).
pub fn gazetteer_table() -> Result<Vec<u8>, ReferenceError> {
    inflate(
        "data/geonames-ML.tsv.zlib",
        GAZETTEER_ZLIB,
        snapshot().gazetteer.table_bytes,
    )
}

/// The embedded cercles, inflated: a GeoJSON FeatureCollection of the 50 ADM2 units.
pub fn cercles_geojson() -> Result<String, ReferenceError> {
    let bytes = inflate(
        "data/cercles-ML.geojson.zlib",
        CERCLES_ZLIB,
        snapshot().cercles.geojson_bytes,
    )?;
    String::from_utf8(bytes).map_err(|_| ReferenceError::Snapshot {
        file: "data/cercles-ML.geojson.zlib",
        reason: "not UTF-8".to_owned(),
    })
}

/// Sizes of the two compressed files as embedded (for `data status` and the budgets).
pub fn embedded_bytes() -> (usize, usize) {
    (GAZETTEER_ZLIB.len(), CERCLES_ZLIB.len())
}

/// Inflates a zlib stream (its Adler-32 checksum is checked) of `expected` bytes: any other
/// length means the file and `snapshot.json` do not belong together.
fn inflate(
    file: &'static str,
    compressed: &[u8],
    expected: usize,
) -> Result<Vec<u8>, ReferenceError> {
    let error = |reason: String| ReferenceError::Snapshot { file, reason };
    let mut out = Vec::with_capacity(expected);
    flate2::read::ZlibDecoder::new(compressed)
        // One byte more than expected is enough to notice a longer stream.
        .take(expected as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| error(e.to_string()))?;
    if out.len() != expected {
        return Err(error(format!(
            "inflates to {} bytes, snapshot.json says {expected}",
            out.len()
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_parses_and_matches_the_embedded_files() {
        let s = snapshot();
        assert_eq!(s.gazetteer.export_date, "2023-10-22");
        assert_eq!(s.gazetteer.counts.rows_in, 24_312);
        assert!(s.gazetteer.counts.mali_rows > 15_000);
        assert!(s.gazetteer.counts.neighbour_rows > 1_000);
        assert_eq!(s.cercles.counts.cercles, 50);
        assert_eq!(gazetteer_table().unwrap().len(), s.gazetteer.table_bytes);
        assert_eq!(cercles_geojson().unwrap().len(), s.cercles.geojson_bytes);
    }

    #[test]
    fn compressed_files_stay_within_the_budget() {
        // Issue 17: the binary and the repository grow by at most 2 MB for both together.
        let (gazetteer, cercles) = embedded_bytes();
        assert!(gazetteer + cercles < 2_000_000, "{gazetteer} + {cercles}");
    }

    #[test]
    fn damaged_streams_are_errors() {
        let good = GAZETTEER_ZLIB;
        let expected = snapshot().gazetteer.table_bytes;
        assert!(inflate("x", &good[..good.len() / 2], expected).is_err());
        assert!(inflate("x", good, expected - 1).is_err());
        assert!(inflate("x", good, expected + 1).is_err());
        let mut flipped = good.to_vec();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x01;
        let err = inflate("x", &flipped, expected).unwrap_err();
        assert!(err.to_string().contains("x"), "{err}");
        assert!(inflate("x", b"not zlib at all", 10).is_err());
    }
}
