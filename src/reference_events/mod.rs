//! Reference event datasets analysts already hold, read from their CSV exports and compared
//! with the incidents mali-atlas extracted from the press.
//!
//! - [`acled`]: an ACLED export (one row per event, `event_id_cnty` … `fatalities`).
//! - [`ged`]: the UCDP Georeferenced Event Dataset CSV (`id` … `high`).
//! - [`matching`]: which reference event is which extracted incident, and the status of
//!   every pair (`both`, `only_ours`, `only_theirs`).
//! - [`report`]: the comparison as CSV rows and a summary by status, region and month.
//!
//! Both readers take columns by their documented names, never by position; keep only the rows
//! of Mali, count the others, and report a bad row (with its line number) without stopping.
//! Not here: storing the imported files (the workspace does, `store::Workspace::
//! import_reference`), drawing them (the app), or any fetching: the files are the analyst's.

pub mod acled;
pub mod ged;
pub mod matching;
pub mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::incident::{EventType, TollRange};

/// Which dataset a reference event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Acled,
    Ged,
}

impl Source {
    /// The name written in reports and stored in the workspace: `acled` or `ged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Acled => "acled",
            Source::Ged => "ged",
        }
    }

    /// Reads a file of this dataset (see [`read_path`]).
    pub fn read_path(self, path: &Path) -> Result<ReadReport, ReadError> {
        read_path(self, path)
    }

    /// Reads this dataset's CSV from memory; `name` is what errors call the file.
    pub fn read_bytes(self, name: &Path, bytes: &[u8]) -> Result<ReadReport, ReadError> {
        match self {
            Source::Acled => acled::read(name, bytes),
            Source::Ged => ged::read(name, bytes),
        }
    }
}

/// One event of a reference dataset, with the fields the comparison uses; every other column
/// of the row is kept in `attributes`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceEvent {
    pub source: Source,
    /// ACLED `event_id_cnty`, GED `id`.
    pub id: String,
    /// Line of the row in its file (1 = the header).
    pub line: u64,
    /// ACLED `event_date`; GED `date_start`.
    pub date_start: NaiveDate,
    /// ACLED `event_date` again; GED `date_end`.
    pub date_end: NaiveDate,
    /// ACLED `time_precision` (1 day, 2 week, 3 month) or GED `date_prec` (1 day … 5 year),
    /// as written.
    pub date_precision: u8,
    /// ACLED `event_type`; GED events have none unless the file has `type_of_violence`
    /// (1, 2 → Battles; 3 → Violence against civilians).
    pub event_type: Option<EventType>,
    /// ACLED `sub_event_type`; empty for GED.
    pub sub_event_type: String,
    /// ACLED `actor1`, `actor2`; GED `side_a`, `side_b`.
    pub actors: [String; 2],
    /// ACLED `admin1`; GED `adm_1` (UCDP writes "Mopti region": kept as written).
    pub admin1: String,
    /// ACLED `admin2`; GED `adm_2`.
    pub admin2: String,
    /// ACLED `location`; GED `where_description`.
    pub place: String,
    pub lat: f64,
    pub lon: f64,
    /// ACLED `geo_precision` (1 town, 2 near a town / part of a region, 3 region) or GED
    /// `where_prec` (1 exact place … 4 admin1, 5 part of the country, 6 country, 7 waters),
    /// as written.
    pub geo_precision: u8,
    /// ACLED `fatalities` (low = best = high); GED `low`, `best`, `high`.
    pub fatalities: TollRange,
    /// ACLED `source`; GED `source_headline`.
    pub source_text: String,
    /// ACLED `notes`; GED `source_article`.
    pub notes: String,
    /// The other columns of the row, by header name (empty values left out).
    pub attributes: BTreeMap<String, String>,
}

impl ReferenceEvent {
    /// Days the dates are widened on each side, from the date precision code.
    ///
    /// ACLED `time_precision`: 1 → 0, 2 (a week or a span, midpoint coded) → 7, 3 (month) →
    /// 31. GED `date_prec`: its `date_start..date_end` already spans what UCDP knows, so 1–2 →
    /// 0, 3 (week) → 3, 4 (month) → 15, 5 (year) → 183.
    pub fn date_slack_days(&self) -> i64 {
        match (self.source, self.date_precision) {
            (Source::Acled, 1) | (Source::Ged, 1 | 2) => 0,
            (Source::Acled, 2) => 7,
            (Source::Acled, _) => 31,
            (Source::Ged, 3) => 3,
            (Source::Ged, 4) => 15,
            (Source::Ged, _) => 183,
        }
    }

    /// Kilometres the place is widened by, from the location precision code.
    ///
    /// ACLED `geo_precision`: 1 → 0, 2 → 25, 3 (region) → 150. GED `where_prec`: 1 → 0, 2
    /// (within 25 km) → 25, 3 (admin2) → 75, 4 (admin1) → 150, 5 (part of the country) → 400,
    /// 6–7 (country, waters) → unbounded.
    pub fn place_slack_km(&self) -> f64 {
        match (self.source, self.geo_precision) {
            (_, 1) => 0.0,
            (_, 2) => 25.0,
            (Source::Acled, _) => 150.0,
            (Source::Ged, 3) => 75.0,
            (Source::Ged, 4) => 150.0,
            (Source::Ged, 5) => 400.0,
            (Source::Ged, _) => f64::INFINITY,
        }
    }
}

/// What a reader got from one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadReport {
    /// The rows of Mali, in file order.
    pub events: Vec<ReferenceEvent>,
    /// Rows of other countries, left out.
    pub skipped_other_country: usize,
    /// Rows that could not be read; the others were.
    pub row_errors: Vec<RowError>,
}

/// Why a whole file could not be read. Each variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: the header (line 1) cannot be read: {source}")]
    Header { path: PathBuf, source: csv::Error },
    #[error("{path}: no column {column:?} in the header (line 1); is this {dataset} CSV?")]
    MissingColumn {
        path: PathBuf,
        column: &'static str,
        dataset: &'static str,
    },
    #[error("{path}: no country column in the header (line 1): {dataset} needs one of {wanted}")]
    NoCountryColumn {
        path: PathBuf,
        dataset: &'static str,
        wanted: &'static str,
    },
}

/// Why one row was left out; the rest of the file was read. Each variant names the file and
/// the line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RowError {
    #[error("{path}:{line}: malformed CSV row: {problem}")]
    Malformed {
        path: PathBuf,
        line: u64,
        problem: String,
    },
    #[error("{path}:{line}: column {column}: {value:?} is not {expected}")]
    BadValue {
        path: PathBuf,
        line: u64,
        column: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("{path}:{line}: column {column} is empty")]
    Empty {
        path: PathBuf,
        line: u64,
        column: &'static str,
    },
}

impl RowError {
    /// The line of the row in its file.
    pub fn line(&self) -> u64 {
        match self {
            RowError::Malformed { line, .. }
            | RowError::BadValue { line, .. }
            | RowError::Empty { line, .. } => *line,
        }
    }
}

/// Reads a reference file from disk.
pub fn read_path(source: Source, path: &Path) -> Result<ReadReport, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    source.read_bytes(path, &bytes)
}

/// The header of a CSV file, looked up by column name (trimmed, case ignored, a UTF-8 byte
/// order mark on the first name ignored). Shared by both readers.
pub(crate) struct Header {
    names: Vec<String>,
}

impl Header {
    pub(crate) fn new(record: &csv::StringRecord) -> Self {
        let names = record
            .iter()
            .map(|n| n.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        Header { names }
    }

    pub(crate) fn index(&self, column: &str) -> Option<usize> {
        self.names.iter().position(|n| n == column)
    }

    pub(crate) fn require(
        &self,
        column: &'static str,
        path: &Path,
        dataset: &'static str,
    ) -> Result<usize, ReadError> {
        self.index(column).ok_or_else(|| ReadError::MissingColumn {
            path: path.to_path_buf(),
            column,
            dataset,
        })
    }

    /// Every non-empty value of the row whose column is not in `used`, by column name.
    pub(crate) fn attributes(
        &self,
        record: &csv::StringRecord,
        used: &[usize],
    ) -> BTreeMap<String, String> {
        self.names
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .filter_map(|(i, name)| {
                let value = record.get(i)?.trim();
                (!value.is_empty()).then(|| (name.clone(), value.to_string()))
            })
            .collect()
    }
}

/// One row being read: values by column index, errors naming the file, line and column.
pub(crate) struct Row<'a> {
    pub(crate) path: &'a Path,
    pub(crate) line: u64,
    pub(crate) record: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The trimmed value (empty when the row is short).
    pub(crate) fn text(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("").trim()
    }

    pub(crate) fn required(&self, index: usize, column: &'static str) -> Result<&str, RowError> {
        let value = self.text(index);
        if value.is_empty() {
            return Err(RowError::Empty {
                path: self.path.to_path_buf(),
                line: self.line,
                column,
            });
        }
        Ok(value)
    }

    pub(crate) fn bad(
        &self,
        column: &'static str,
        value: &str,
        expected: &'static str,
    ) -> RowError {
        RowError::BadValue {
            path: self.path.to_path_buf(),
            line: self.line,
            column,
            value: value.to_string(),
            expected,
        }
    }

    /// A date as `YYYY-MM-DD` (a time after it, as GED writes, is ignored) or as ACLED's
    /// export tool writes it, `18 June 2022`.
    pub(crate) fn date(&self, index: usize, column: &'static str) -> Result<NaiveDate, RowError> {
        let value = self.required(index, column)?;
        let iso = value.get(..10).unwrap_or(value);
        NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(value, "%d %B %Y"))
            .map_err(|_| self.bad(column, value, "a date (YYYY-MM-DD or 18 June 2022)"))
    }

    pub(crate) fn count(&self, index: usize, column: &'static str) -> Result<u32, RowError> {
        let value = self.required(index, column)?;
        value
            .parse()
            .map_err(|_| self.bad(column, value, "a whole number of deaths"))
    }

    pub(crate) fn code(
        &self,
        index: usize,
        column: &'static str,
        valid: std::ops::RangeInclusive<u8>,
        expected: &'static str,
    ) -> Result<u8, RowError> {
        let value = self.required(index, column)?;
        value
            .parse()
            .ok()
            .filter(|c| valid.contains(c))
            .ok_or_else(|| self.bad(column, value, expected))
    }

    /// Latitude and longitude in degrees, finite and on the globe.
    pub(crate) fn point(&self, lat: usize, lon: usize) -> Result<(f64, f64), RowError> {
        let degrees = |index: usize, column: &'static str, limit: f64| {
            let value = self.required(index, column)?;
            value
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= limit)
                .ok_or_else(|| self.bad(column, value, "a coordinate in degrees"))
        };
        Ok((
            degrees(lat, "latitude", 90.0)?,
            degrees(lon, "longitude", 180.0)?,
        ))
    }
}

/// The line of a CSV error, or of the record that caused it.
/// Reads every record after the header: a malformed record is a row error with its line, a
/// row outside Mali is counted and skipped, and each other row becomes an event by `event`,
/// with the columns not in `used` kept as attributes. Shared by both readers.
pub(crate) fn read_rows(
    path: &Path,
    mut reader: csv::Reader<&[u8]>,
    header: &Header,
    used: &[usize],
    is_mali: impl Fn(&Row) -> bool,
    event: impl Fn(&Row) -> Result<ReferenceEvent, RowError>,
) -> ReadReport {
    let mut report = ReadReport::default();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                report.row_errors.push(RowError::Malformed {
                    path: path.to_path_buf(),
                    line: error_line(&e),
                    problem: e.to_string(),
                });
                continue;
            }
        };
        let row = Row {
            path,
            line: record.position().map_or(0, |p| p.line()),
            record: &record,
        };
        if !is_mali(&row) {
            report.skipped_other_country += 1;
            continue;
        }
        match event(&row) {
            Ok(mut e) => {
                e.attributes = header.attributes(&record, used);
                report.events.push(e);
            }
            Err(e) => report.row_errors.push(e),
        }
    }
    report
}

pub(crate) fn error_line(e: &csv::Error) -> u64 {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { pos: Some(p), .. } => p.line(),
        csv::ErrorKind::Utf8 { pos: Some(p), .. } => p.line(),
        csv::ErrorKind::Deserialize { pos: Some(p), .. } => p.line(),
        _ => e.position().map_or(0, |p| p.line()),
    }
}

/// A CSV reader over `bytes` that keeps going after a bad row.
pub(crate) fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes)
}

/// Parses an ACLED event type name, case ignored.
pub(crate) fn event_type_named(name: &str) -> Option<EventType> {
    EventType::ALL
        .into_iter()
        .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
}
