//! The program's own files on disk: where they live ([`folder`]: the per-user data folder),
//! how they arrive ([`download`]: resumable HTTPS downloads, only when the user asks), how
//! they are installed ([`geonames`]: the GeoNames export of Mali; [`boundaries`]:
//! geoBoundaries' cercles) and the one way every file is written whole or not at all
//! ([`write_atomically`]). The GeoNames file format ([`geonames::parse_row`]) lives here too:
//! the gazetteer and the embedded list of towns both read rows with it.
//!
//! Not here: what the files mean once read (the gazetteer index and its cache are
//! `geocode`'s, the cercle polygons `reference`'s). An installer is handed the reader of the
//! layer that owns the format, so this module, at the bottom of the layers, uses no other
//! module of the crate.

pub mod atomic;
pub mod boundaries;
pub mod download;
pub mod folder;
pub mod geonames;

pub use atomic::write_atomically;
pub use folder::data_dir;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Why a data file could not be read, downloaded, checked or installed. Every variant names
/// the file or the URL.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{file}: read error at line {line}: {source}")]
    Read {
        file: String,
        line: usize,
        source: std::io::Error,
    },
    #[error("{file}: no valid GeoNames rows ({skipped} bad rows{})", first_problem_suffix(.first_problem))]
    NoValidRows {
        file: String,
        skipped: usize,
        first_problem: Option<String>,
    },
    #[error("{}: not a usable zip archive: {reason}", path.display())]
    Zip { path: PathBuf, reason: String },
    #[error(
        "{file}: only {places} places, expected at least {min}: not a full GeoNames export of Mali"
    )]
    TooFewPlaces {
        file: String,
        places: usize,
        min: usize,
    },
    #[error(
        "{}: only {found} cercles in the file (at least {minimum} expected); not Mali's ADM2 layer?",
        path.display()
    )]
    TooFewCercles {
        path: PathBuf,
        found: usize,
        minimum: usize,
    },
    /// The reader of the layer that owns the format refused the file.
    #[error("{}: {reason}", path.display())]
    Invalid { path: PathBuf, reason: String },
    #[error("{url}: will not download from there: {reason}")]
    DownloadRefused { url: String, reason: String },
    #[error("{url}: the server answered HTTP {status} {reason}")]
    HttpStatus {
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url}: download failed after {attempts} attempt(s): {reason}")]
    Download {
        url: String,
        attempts: usize,
        reason: String,
    },
    #[error("{url}: the downloaded file is not a usable GeoNames export: {source}")]
    Downloaded {
        url: String,
        source: Box<DatasetError>,
    },
}

/// Opens the zip archive at `path` (GeoNames' `ML.zip`, a gazetteer pack).
pub fn open_zip(path: &Path) -> Result<zip::ZipArchive<BufReader<File>>, DatasetError> {
    let file = File::open(path).map_err(|source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    zip::ZipArchive::new(BufReader::new(file)).map_err(|e| DatasetError::Zip {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

fn first_problem_suffix(first: &Option<String>) -> String {
    first
        .as_ref()
        .map(|p| format!("; first: {p}"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_names_the_file_or_the_url() {
        let io = || std::io::Error::other("disk on fire");
        let file = PathBuf::from("/data/ML.zip");
        let url = "https://download.geonames.org/export/dump/ML.zip";
        let cases: Vec<(DatasetError, &str)> = vec![
            (
                DatasetError::Io {
                    path: file.clone(),
                    source: io(),
                },
                "/data/ML.zip",
            ),
            (
                DatasetError::Write {
                    path: file.clone(),
                    source: io(),
                },
                "/data/ML.zip",
            ),
            (
                DatasetError::Read {
                    file: "ML.txt".into(),
                    line: 7,
                    source: io(),
                },
                "ML.txt: read error at line 7",
            ),
            (
                DatasetError::NoValidRows {
                    file: "ML.txt".into(),
                    skipped: 2,
                    first_problem: Some("line 1: bad geonameid \"x\"".into()),
                },
                "ML.txt: no valid GeoNames rows (2 bad rows; first: line 1",
            ),
            (
                DatasetError::Zip {
                    path: file.clone(),
                    reason: "no central directory".into(),
                },
                "/data/ML.zip: not a usable zip archive",
            ),
            (
                DatasetError::TooFewPlaces {
                    file: "ML.txt".into(),
                    places: 1,
                    min: 1000,
                },
                "ML.txt: only 1 places",
            ),
            (
                DatasetError::TooFewCercles {
                    path: PathBuf::from("few.geojson"),
                    found: 3,
                    minimum: 40,
                },
                "few.geojson: only 3 cercles",
            ),
            (
                DatasetError::Invalid {
                    path: PathBuf::from("c.geojson"),
                    reason: "cercles GeoJSON: not a FeatureCollection".into(),
                },
                "c.geojson: cercles GeoJSON",
            ),
            (
                DatasetError::DownloadRefused {
                    url: "ftp://x/ML.zip".into(),
                    reason: "not an https:// URL".into(),
                },
                "ftp://x/ML.zip: will not download",
            ),
            (
                DatasetError::HttpStatus {
                    url: url.into(),
                    status: 404,
                    reason: "Not Found".into(),
                },
                "ML.zip: the server answered HTTP 404 Not Found",
            ),
            (
                DatasetError::Download {
                    url: url.into(),
                    attempts: 4,
                    reason: "connection lost".into(),
                },
                "ML.zip: download failed after 4 attempt(s)",
            ),
            (
                DatasetError::Downloaded {
                    url: url.into(),
                    source: Box::new(DatasetError::Zip {
                        path: PathBuf::from(".download.zip"),
                        reason: "truncated".into(),
                    }),
                },
                "ML.zip: the downloaded file is not a usable GeoNames export: .download.zip",
            ),
        ];
        for (error, expected) in cases {
            let message = error.to_string();
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
    }
}
