//! Installing the user's GeoNames download (`ML.zip`, `ML.txt` or a folder) into the data
//! directory as a fast binary cache, reporting what is installed, and loading it with the
//! embedded fallback when nothing valid is installed.
//!
//! This module does not download anything (the user, or another command, fetches `ML.zip`
//! from GeoNames); it only parses, verifies and stores.

use super::gazetteer::{ATTRIBUTION, Gazetteer, GazetteerError, GazetteerSource};
use std::path::{Path, PathBuf};

/// The installed gazetteer cache, inside the data directory.
pub const CACHE_FILE: &str = "geonames-ML.gazetteer";
/// What was installed, from where and when, inside the data directory.
pub const STATUS_FILE: &str = "geonames-ML.status.json";
/// Fewer places than this is not the full export of Mali (which has ~18,000 kept places).
pub const MIN_PLACES: usize = 1000;
/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MALI_ATLAS_DATA_DIR";

/// What is installed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InstallStatus {
    /// The file or folder it was installed from.
    pub source: String,
    /// RFC 3339 time of the installation.
    pub installed_at: String,
    pub places: usize,
    pub keys: usize,
    pub attribution: &'static str,
}

/// The status file's content (owned strings, so it can be read back).
#[derive(serde::Serialize, serde::Deserialize)]
struct StatusFile {
    source: String,
    installed_at: String,
    places: usize,
    keys: usize,
}

/// Where installed data lives: `$MALI_ATLAS_DATA_DIR` if set and not empty, else the
/// platform's data directory for mali-atlas (e.g. `~/.local/share/mali-atlas` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "mali-atlas", "mali-atlas")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// Install from ML.txt, ML.zip or a folder: parse, verify (≥ [`MIN_PLACES`] places), write
/// the cache + a small status JSON into `dir`; an invalid input leaves any existing cache
/// untouched (nothing is written before the input has been fully parsed and verified, and
/// the cache replaces the old one by an atomic rename).
pub fn install_from(path: &Path, dir: &Path) -> Result<InstallStatus, GazetteerError> {
    let gazetteer = Gazetteer::from_path(path)?;
    if gazetteer.places().len() < MIN_PLACES {
        return Err(GazetteerError::TooFewPlaces {
            file: path.display().to_string(),
            places: gazetteer.places().len(),
            min: MIN_PLACES,
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| GazetteerError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    gazetteer.write_cache(&dir.join(CACHE_FILE))?;
    let status = StatusFile {
        source: path.display().to_string(),
        installed_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        places: gazetteer.places().len(),
        keys: gazetteer.key_count(),
    };
    write_status(&dir.join(STATUS_FILE), &status)?;
    Ok(to_install_status(status))
}

/// What is installed in `dir`, if a status file and the cache are both there.
pub fn status(dir: &Path) -> Option<InstallStatus> {
    if !dir.join(CACHE_FILE).is_file() {
        return None;
    }
    let text = std::fs::read_to_string(dir.join(STATUS_FILE)).ok()?;
    let status: StatusFile = serde_json::from_str(&text).ok()?;
    Some(to_install_status(status))
}

/// The installed full gazetteer if present and valid, else the embedded fallback.
/// `dir` is the data directory (usually `data_dir().as_deref()`); `None` means there is none.
pub fn load_installed_or_fallback(dir: Option<&Path>) -> Gazetteer {
    dir.and_then(|dir| Gazetteer::read_cache(&dir.join(CACHE_FILE)).ok())
        .filter(|g| g.source() == GazetteerSource::Full && g.places().len() >= MIN_PLACES)
        .unwrap_or_else(Gazetteer::fallback)
}

fn to_install_status(status: StatusFile) -> InstallStatus {
    InstallStatus {
        source: status.source,
        installed_at: status.installed_at,
        places: status.places,
        keys: status.keys,
        attribution: ATTRIBUTION,
    }
}

/// Writes the status JSON to a temporary file, then renames it into place.
fn write_status(path: &Path, status: &StatusFile) -> Result<(), GazetteerError> {
    let json = serde_json::to_vec_pretty(status).map_err(|source| GazetteerError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let temp = path.with_extension(format!("json.{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, json).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|source| GazetteerError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geonames_path() -> Option<PathBuf> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geonames/ML.txt");
        if path.is_file() {
            return Some(path);
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {} is missing",
            path.display()
        );
        eprintln!("skipping: {} not found", path.display());
        None
    }

    #[test]
    fn nothing_installed_gives_the_fallback() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(status(dir.path()), None);
        let g = load_installed_or_fallback(Some(dir.path()));
        assert_eq!(g.source(), GazetteerSource::Fallback);
        assert_eq!(
            load_installed_or_fallback(None).source(),
            GazetteerSource::Fallback
        );
        std::fs::write(dir.path().join(CACHE_FILE), b"garbage").unwrap();
        let g = load_installed_or_fallback(Some(dir.path()));
        assert_eq!(g.source(), GazetteerSource::Fallback);
    }

    #[test]
    fn too_small_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("ML.txt");
        std::fs::write(
            &input,
            "1\tGao\tGao\t\t16.27\t-0.04\tP\tPPLA\tML\t\t09\t\t\t\t87000\t\t260\tAfrica/Bamako\t2020-01-01\n",
        )
        .unwrap();
        let err = install_from(&input, &dir.path().join("data")).unwrap_err();
        assert!(
            matches!(err, GazetteerError::TooFewPlaces { places: 1, .. }),
            "{err}"
        );
        assert!(!dir.path().join("data").exists());
    }

    #[test]
    fn install_then_corrupt_zip_keeps_the_previous_cache() {
        let Some(ml_txt) = geonames_path() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let installed = install_from(&ml_txt, &data).unwrap();
        assert!(installed.places > 15_000);
        assert_eq!(installed.attribution, ATTRIBUTION);
        assert_eq!(status(&data).as_ref(), Some(&installed));
        let cache_before = std::fs::read(data.join(CACHE_FILE)).unwrap();

        let bad_zip = dir.path().join("ML.zip");
        std::fs::write(&bad_zip, b"PK\x03\x04 truncated download").unwrap();
        assert!(matches!(
            install_from(&bad_zip, &data),
            Err(GazetteerError::Zip { .. })
        ));
        assert!(install_from(&dir.path().join("nowhere"), &data).is_err());
        assert_eq!(std::fs::read(data.join(CACHE_FILE)).unwrap(), cache_before);
        assert_eq!(status(&data), Some(installed));

        let g = load_installed_or_fallback(Some(&data));
        assert_eq!(g.source(), GazetteerSource::Full);
        assert!(g.best("tombouctou").is_some());
    }

    #[test]
    fn data_dir_env_override() {
        // Only checks the platform default is computable; the override is a plain env read
        // (setting env vars in tests races with other threads, so it is not exercised here).
        if std::env::var_os(DATA_DIR_ENV).is_none() {
            let dir = data_dir();
            assert!(
                dir.as_ref()
                    .is_none_or(|d| d.to_string_lossy().contains("mali-atlas")),
                "{dir:?}"
            );
        }
    }
}
