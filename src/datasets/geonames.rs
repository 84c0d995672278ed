//! GeoNames data: the file format (one row parser for every GeoNames-shaped table, the dump's
//! 19 columns and the embedded list of towns' 10), reading a dump line by line, and installing
//! the export of Mali (`ML.zip`, `ML.txt` or a folder, given or downloaded from GeoNames) into
//! the data folder, with a status file saying what is installed.
//!
//! Installing is an update: the snapshot embedded in the program already holds the full export
//! of its date. The installed form is the gazetteer's cache, which `geocode` builds: the caller
//! hands [`install_from`] that reader ([`Indexer`]), so nothing here depends on `geocode`.
//!
//! Not here: which rows or names the gazetteer keeps, its index and cache format
//! (`geocode::gazetteer`), nor choosing which gazetteer a run uses (`geocode::load`).

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;
use std::time::Duration;

use super::DatasetError;
use super::download::{self, DOWNLOAD_RETRIES, DownloadSettings, Progress};

/// Attribution required by the GeoNames licence.
pub const ATTRIBUTION: &str = "GeoNames (geonames.org), CC BY 4.0";
/// The official GeoNames export of Mali (a zip holding `ML.txt` and `readme.txt`).
pub const GEONAMES_ML_ZIP_URL: &str = "https://download.geonames.org/export/dump/ML.zip";
/// The installed gazetteer cache, inside the data directory.
pub const CACHE_FILE: &str = "geonames-ML.gazetteer";
/// What was installed, from where and when, inside the data directory.
pub const STATUS_FILE: &str = "geonames-ML.status.json";
/// Fewer places than this is not the full export of Mali (which has ~18,000 kept places).
pub const MIN_PLACES: usize = 1000;
/// The completed download, named as a zip for [`install_from`]; deleted once installed.
const DOWNLOADED_ZIP_FILE: &str = ".download.zip";
/// How many bad-row messages are kept (the count is always exact).
const MAX_WARNINGS: usize = 20;
/// Upper bound on the text read from a zip entry, against decompression bombs
/// (the Mali dump is ~2.5 MB).
const MAX_ZIP_TEXT_BYTES: u64 = 512 * 1024 * 1024;

/// How `data install` downloads: ML.zip is a few MB; anything far larger is not it.
pub const DOWNLOAD: DownloadSettings = DownloadSettings {
    retries: DOWNLOAD_RETRIES,
    retry_delay: Duration::from_secs(1),
    max_bytes: 256 * 1024 * 1024,
    expected: "the GeoNames export of Mali",
};

/// Which column holds which field in a GeoNames-shaped table (0-based).
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub columns: usize,
    pub geonameid: usize,
    pub name: usize,
    pub asciiname: usize,
    pub alternates: usize,
    pub lat: usize,
    pub lon: usize,
    /// The feature class; absent from the list of towns.
    pub class: Option<usize>,
    pub code: usize,
    pub country: usize,
    pub admin1: usize,
    /// The admin-2 code; absent from the list of towns.
    pub admin2: Option<usize>,
    pub population: usize,
}

/// The GeoNames dump (`ML.txt`, and the embedded snapshot): 19 tab-separated columns.
pub const DUMP: Layout = Layout {
    columns: 19,
    geonameid: 0,
    name: 1,
    asciiname: 2,
    alternates: 3,
    lat: 4,
    lon: 5,
    class: Some(6),
    code: 7,
    country: 8,
    admin1: 10,
    admin2: Some(11),
    population: 14,
};

/// The embedded list of towns (`data/cities.tsv`): geonameid, name, asciiname,
/// alternatenames, latitude, longitude, feature code, country code, admin1 code, population.
pub const TOWNS: Layout = Layout {
    columns: 10,
    class: None,
    code: 6,
    country: 7,
    admin1: 8,
    admin2: None,
    population: 9,
    // The identity, names and coordinates come first, as in the dump.
    ..DUMP
};

/// The most columns a layout has.
const MAX_COLUMNS: usize = 19;

/// One row of a GeoNames-shaped table: identity, names and coordinates checked, the rest as
/// written (empty when the layout lacks the column).
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub geonameid: u64,
    /// Trimmed, never empty.
    pub name: &'a str,
    /// Trimmed.
    pub asciiname: &'a str,
    /// Comma-joined, as written ([`Row::alternate_names`] splits them).
    pub alternates: &'a str,
    /// Within -90..=90.
    pub lat: f64,
    /// Within -180..=180.
    pub lon: f64,
    pub class: &'a str,
    pub code: &'a str,
    pub country: &'a str,
    pub admin1: &'a str,
    pub admin2: &'a str,
    /// Parsed by [`Row::population`] only for the rows a reader keeps.
    population: &'a str,
}

impl<'a> Row<'a> {
    /// The feature class when it is one letter (`P`, `A`, `H`…).
    pub fn feature_class(&self) -> Option<char> {
        let mut chars = self.class.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    /// The alternate names as written between the commas (untrimmed, empty ones included).
    pub fn alternate_names(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.alternates.split(',')
    }

    /// The population; an empty column is 0.
    pub fn population(&self) -> Result<u64, String> {
        if self.population.is_empty() {
            Ok(0)
        } else {
            self.population
                .parse()
                .map_err(|_| format!("bad population {:?}", self.population))
        }
    }
}

/// Parses one tab-separated row laid out as `layout` says: the column count, the geonameid,
/// the coordinates (in range) and a name are required; the population is checked by
/// [`Row::population`].
pub fn parse_row<'a>(row: &'a str, layout: &Layout) -> Result<Row<'a>, String> {
    // The columns in a fixed array (no allocation per row); one more would be an error.
    let mut columns = [""; MAX_COLUMNS];
    let mut count = 0;
    for column in row.split('\t') {
        if let Some(slot) = columns.get_mut(count) {
            *slot = column;
        }
        count += 1;
    }
    if count != layout.columns {
        return Err(format!(
            "expected {} tab-separated columns, found {count}",
            layout.columns
        ));
    }
    let column = |i: Option<usize>| i.and_then(|i| columns.get(i).copied()).unwrap_or("");
    let geonameid = column(Some(layout.geonameid));
    let geonameid: u64 = geonameid
        .parse()
        .map_err(|_| format!("bad geonameid {geonameid:?}"))?;
    // A number within ±`limit` (NaN is not).
    let coordinate = |text: &str, what: &str, limit: f64| {
        text.parse()
            .ok()
            .filter(|v: &f64| (-limit..=limit).contains(v))
            .ok_or_else(|| format!("bad {what} {text:?}"))
    };
    let lat = coordinate(column(Some(layout.lat)), "latitude", 90.0)?;
    let lon = coordinate(column(Some(layout.lon)), "longitude", 180.0)?;
    let name = column(Some(layout.name)).trim();
    if name.is_empty() {
        return Err("empty name".to_string());
    }
    Ok(Row {
        geonameid,
        name,
        asciiname: column(Some(layout.asciiname)).trim(),
        alternates: column(Some(layout.alternates)),
        lat,
        lon,
        class: column(layout.class),
        code: column(Some(layout.code)),
        country: column(Some(layout.country)),
        admin1: column(Some(layout.admin1)),
        admin2: column(layout.admin2),
        population: column(Some(layout.population)),
    })
}

/// What a reader kept of a dump, and how many rows it could not read.
#[derive(Debug)]
pub struct Dump<T> {
    pub kept: Vec<T>,
    pub skipped: usize,
    /// The first bad rows' problems, "line N: …".
    pub warnings: Vec<String>,
}

/// Reads a GeoNames dump (UTF-8, a BOM and `#` comments allowed) row by row: every row is
/// parsed with [`parse_row`] and handed to `keep`, which returns what to keep (`None` to pass
/// it over) or a problem. Bad rows are counted and their first problems kept; zero kept rows
/// is an error. `file` names the input in messages.
pub fn read_dump<R: BufRead, T>(
    mut reader: R,
    file: &str,
    mut keep: impl FnMut(Row<'_>) -> Result<Option<T>, String>,
) -> Result<Dump<T>, DatasetError> {
    let mut kept = Vec::new();
    let mut skipped = 0usize;
    let mut warnings = Vec::new();
    let mut buf = Vec::with_capacity(512);
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let read = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| DatasetError::Read {
                file: file.to_string(),
                line: line_no + 1,
                source,
            })?;
        if read == 0 {
            break;
        }
        line_no += 1;
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        let parsed = match std::str::from_utf8(&buf) {
            Ok(row) => {
                let row = row.strip_prefix('\u{feff}').unwrap_or(row);
                if row.trim().is_empty() || row.starts_with('#') {
                    continue;
                }
                parse_row(row, &DUMP).and_then(&mut keep)
            }
            Err(_) => Err("not valid UTF-8".to_string()),
        };
        match parsed {
            Ok(Some(item)) => kept.push(item),
            Ok(None) => {}
            Err(problem) => {
                skipped += 1;
                if warnings.len() < MAX_WARNINGS {
                    warnings.push(format!("line {line_no}: {problem}"));
                }
            }
        }
    }
    if kept.is_empty() {
        return Err(DatasetError::NoValidRows {
            file: file.to_string(),
            skipped,
            first_problem: warnings.first().cloned(),
        });
    }
    Ok(Dump {
        kept,
        skipped,
        warnings,
    })
}

/// Reads the dump inside a zip archive like GeoNames' `ML.zip` (`ML.txt` beside
/// `readme.txt`; else the one other `.txt`), as [`read_dump`] does. `path` names the archive.
pub fn read_zipped_dump<R: Read + Seek, T>(
    archive: &mut zip::ZipArchive<R>,
    path: &Path,
    keep: impl FnMut(Row<'_>) -> Result<Option<T>, String>,
) -> Result<Dump<T>, DatasetError> {
    let zip_err = |reason: String| DatasetError::Zip {
        path: path.to_path_buf(),
        reason,
    };
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let base = |n: &str| n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase();
    let entry = names
        .iter()
        .find(|n| base(n) == "ml.txt")
        .or_else(|| {
            names
                .iter()
                .find(|n| base(n).ends_with(".txt") && base(n) != "readme.txt")
        })
        .ok_or_else(|| zip_err("no .txt GeoNames file inside".to_string()))?
        .clone();
    let reader = archive
        .by_name(&entry)
        .map_err(|e| zip_err(e.to_string()))?;
    read_dump(
        BufReader::with_capacity(1 << 16, reader.take(MAX_ZIP_TEXT_BYTES)),
        &format!("{}!{entry}", path.display()),
        keep,
    )
}

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

/// What the gazetteer makes of a GeoNames export for the installer.
#[derive(Debug, Clone, PartialEq)]
pub struct Indexed {
    /// The cache to install as [`CACHE_FILE`].
    pub cache: Vec<u8>,
    /// Places of the export kept (before anything the gazetteer adds, such as neighbours).
    pub places: usize,
    /// Name keys of the cache.
    pub keys: usize,
}

/// Reads the GeoNames export at a path (`ML.txt`, `ML.zip`, a folder) and indexes it: the
/// gazetteer's reader (`geocode::gazetteer::index_export`), handed to the installer.
pub type Indexer<'a> = &'a dyn Fn(&Path) -> Result<Indexed, DatasetError>;

/// Install from ML.txt, ML.zip or a folder: index with `index`, verify (≥ [`MIN_PLACES`]
/// places), write the cache + a small status JSON into `dir`; an invalid input leaves any
/// existing cache untouched (nothing is written before the input has been fully parsed and
/// verified, and the cache replaces the old one by an atomic rename).
pub fn install_from(
    path: &Path,
    dir: &Path,
    index: Indexer<'_>,
) -> Result<InstallStatus, DatasetError> {
    install_labelled(path, dir, &path.display().to_string(), index)
}

/// [`install_from`], recording `source` (a path or a URL) as where the data came from.
fn install_labelled(
    path: &Path,
    dir: &Path,
    source: &str,
    index: Indexer<'_>,
) -> Result<InstallStatus, DatasetError> {
    let indexed = index(path)?;
    if indexed.places < MIN_PLACES {
        return Err(DatasetError::TooFewPlaces {
            file: path.display().to_string(),
            places: indexed.places,
            min: MIN_PLACES,
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| DatasetError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let cache = dir.join(CACHE_FILE);
    super::write_atomically(&cache, |w| w.write_all(&indexed.cache)).map_err(|source| {
        DatasetError::Write {
            path: cache.clone(),
            source,
        }
    })?;
    let status = StatusFile {
        source: source.to_string(),
        installed_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        places: indexed.places,
        keys: indexed.keys,
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

/// Downloads `url` into `dir` ([`download::download`]: https, resumable, retried), then
/// installs it like [`install_from`]. A downloaded file that does not install (corrupt zip,
/// too few places) is deleted and the installed cache is kept.
pub fn download_and_install(
    url: &str,
    dir: &Path,
    index: Indexer<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<InstallStatus, DatasetError> {
    download_and_install_with(url, dir, index, progress, &DOWNLOAD)
}

/// [`download_and_install`] with other download settings (the tests do not wait to retry).
pub(crate) fn download_and_install_with(
    url: &str,
    dir: &Path,
    index: Indexer<'_>,
    progress: &mut dyn FnMut(Progress),
    settings: &DownloadSettings,
) -> Result<InstallStatus, DatasetError> {
    let partial = download::download(url, dir, progress, settings)?;
    let downloaded = dir.join(DOWNLOADED_ZIP_FILE);
    std::fs::rename(&partial, &downloaded).map_err(|source| DatasetError::Write {
        path: downloaded.clone(),
        source,
    })?;
    let installed = install_labelled(&downloaded, dir, url, index);
    // Removed even when it did not install: it is complete, so downloading it again later
    // is the only way forward.
    let _ = std::fs::remove_file(&downloaded);
    installed.map_err(|source| DatasetError::Downloaded {
        url: url.to_string(),
        source: Box::new(source),
    })
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

/// Writes the status JSON whole or not at all.
fn write_status(path: &Path, status: &StatusFile) -> Result<(), DatasetError> {
    let json = serde_json::to_vec_pretty(status).map_err(|source| DatasetError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    super::write_atomically(path, |w| w.write_all(&json)).map_err(|source| DatasetError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAO: &str = "1\tGao\tGao\t\t16.27\t-0.04\tP\tPPLA\tML\t\t09\t\t\t\t87000\t\t260\tAfrica/Bamako\t2020-01-01";

    #[test]
    fn one_parser_reads_the_dump_and_the_list_of_towns() {
        let dump = parse_row(GAO, &DUMP).unwrap();
        assert_eq!(
            (dump.geonameid, dump.name, dump.code, dump.admin1),
            (1, "Gao", "PPLA", "09")
        );
        assert_eq!(dump.feature_class(), Some('P'));
        assert_eq!(dump.population(), Ok(87000));
        let town = parse_row(
            "1\tGao\tGao\tGao Town,\t16.27\t-0.04\tPPLA\tML\t09\t",
            &TOWNS,
        )
        .unwrap();
        assert_eq!((town.lat, town.lon), (dump.lat, dump.lon));
        assert_eq!(town.feature_class(), None);
        assert_eq!(town.admin2, "");
        assert_eq!(town.population(), Ok(0));
        assert_eq!(town.alternate_names().collect::<Vec<_>>(), ["Gao Town", ""]);
    }

    #[test]
    fn bad_rows_say_what_is_wrong() {
        for (row, problem) in [
            ("1\tonly two", "expected 19 tab-separated columns, found 2"),
            (&GAO.replacen('1', "x", 1), "bad geonameid \"x\""),
            (&GAO.replace("16.27", "north"), "bad latitude \"north\""),
            (&GAO.replace("16.27", "91"), "bad latitude \"91\""),
            (&GAO.replace("-0.04", "NaN"), "bad longitude \"NaN\""),
            (&GAO.replace("\tGao\tGao", "\t \tGao"), "empty name"),
        ] {
            assert_eq!(parse_row(row, &DUMP).unwrap_err(), problem, "{row}");
        }
        let row = GAO.replace("87000", "-5");
        let bad_population = parse_row(&row, &DUMP).unwrap();
        assert_eq!(
            bad_population.population().unwrap_err(),
            "bad population \"-5\""
        );
    }

    #[test]
    fn a_dump_counts_its_bad_rows_and_needs_one_good_one() {
        let text = format!("\u{feff}# comment\n{GAO}\n1\tbroken\n\n{GAO}\r\n");
        let dump = read_dump(text.as_bytes(), "t.txt", |row| Ok(Some(row.geonameid))).unwrap();
        assert_eq!(dump.kept, [1, 1]);
        assert_eq!(dump.skipped, 1);
        assert_eq!(
            dump.warnings,
            ["line 3: expected 19 tab-separated columns, found 2"]
        );
        let err = read_dump("1\tbroken\n".as_bytes(), "t.txt", |row| {
            Ok(Some(row.geonameid))
        })
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.txt: no valid GeoNames rows (1 bad rows; first: line 1"),
            "{err}"
        );
        let none: Result<Dump<u64>, _> = read_dump(GAO.as_bytes(), "t.txt", |_| Ok(None));
        assert!(matches!(
            none,
            Err(DatasetError::NoValidRows { skipped: 0, .. })
        ));
    }

    fn indexed(places: usize) -> Indexed {
        Indexed {
            cache: b"cache bytes".to_vec(),
            places,
            keys: places * 2,
        }
    }

    #[test]
    fn an_install_writes_the_cache_and_the_status() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        assert_eq!(status(&data), None);
        let installed = install_from(Path::new("ML.zip"), &data, &|_| Ok(indexed(1200))).unwrap();
        assert_eq!(
            (installed.source.as_str(), installed.places, installed.keys),
            ("ML.zip", 1200, 2400)
        );
        assert_eq!(installed.attribution, ATTRIBUTION);
        assert_eq!(
            std::fs::read(data.join(CACHE_FILE)).unwrap(),
            b"cache bytes"
        );
        assert_eq!(status(&data), Some(installed));
        // A status without its cache is no install.
        std::fs::remove_file(data.join(CACHE_FILE)).unwrap();
        assert_eq!(status(&data), None);
    }

    #[test]
    fn too_small_an_export_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let err = install_from(Path::new("ML.txt"), &data, &|_| Ok(indexed(1))).unwrap_err();
        assert!(
            matches!(
                err,
                DatasetError::TooFewPlaces {
                    places: 1,
                    min: MIN_PLACES,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().starts_with("ML.txt: only 1 places"),
            "{err}"
        );
        assert!(!data.exists());
    }

    #[test]
    fn a_download_that_does_not_install_is_named_and_deleted() {
        use super::super::download::test_server::{Serve, start_server};
        let server = start_server(b"not a zip".to_vec(), Serve::Normal, 1);
        let dir = tempfile::tempdir().unwrap();
        let refuse = |path: &Path| -> Result<Indexed, DatasetError> {
            assert_eq!(std::fs::read(path).unwrap(), b"not a zip");
            Err(DatasetError::Zip {
                path: path.to_path_buf(),
                reason: "invalid Zip archive".into(),
            })
        };
        let err = download_and_install(&server.url, dir.path(), &refuse, &mut |_| {}).unwrap_err();
        match &err {
            DatasetError::Downloaded { url, source } => {
                assert_eq!(url, &server.url);
                assert!(matches!(**source, DatasetError::Zip { .. }), "{source}");
            }
            other => panic!("unexpected error: {other}"),
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing left behind"
        );
    }
}
