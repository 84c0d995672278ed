//! Incidents out to other tools: JSONL in the DESIGN.md contract, CSV with ACLED's column
//! names plus our own, GeoJSON (RFC 7946). Files are written whole or not at all.
//!
//! The briefing image is rendered by `ui::offscreen` (drawing code stays in `ui`); [`briefing`]
//! only encodes it. Filtering is the caller's job.

#[cfg(feature = "gui")]
pub mod briefing;

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::incident::{Category, Incident};
use crate::store::ReviewStatus;

/// One JSON object per incident per line.
pub fn write_jsonl(w: &mut dyn Write, incidents: &[Incident]) -> io::Result<()> {
    let mut line = Vec::new();
    for i in incidents {
        write_json_line(&mut *w, i, &mut line)?;
    }
    Ok(())
}

/// Writes `value` as one line of JSON that every line reader keeps whole. The JSON writer
/// escapes control characters (`\r`, NUL…); U+2028 and U+2029, which JSON allows raw in a
/// string but JavaScript and Python's `str.splitlines` take for line breaks, are escaped too
/// (`\u2028`): the value read back is the same. `line` is a buffer reused across calls.
pub fn write_json_line(
    w: &mut dyn Write,
    value: &impl serde::Serialize,
    line: &mut Vec<u8>,
) -> io::Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, value)?;
    // In UTF-8, U+2028 and U+2029 are E2 80 A8 and E2 80 A9, and those bytes mean nothing else;
    // outside strings JSON has no such characters, so every occurrence is inside a string.
    let mut rest = &line[..];
    while let Some(at) = rest
        .windows(3)
        .position(|b| b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9))
    {
        w.write_all(&rest[..at])?;
        w.write_all(if rest[at + 2] == 0xA8 {
            b"\\u2028"
        } else {
            b"\\u2029"
        })?;
        rest = &rest[at + 3..];
    }
    w.write_all(rest)?;
    w.write_all(b"\n")
}

/// ACLED's columns where they apply, then ours.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "killed_civilians",
    "killed_soldiers",
    "killed_peacekeepers",
    "killed_militants",
    "killed_mercenaries",
    "killed_unknown",
    "wounded",
    "captured",
    "article",
    "evidence",
    "review_status",
];

/// [`write_csv_reviewed`] with every incident unreviewed (files read without a workspace).
pub fn write_csv(w: &mut dyn Write, incidents: &[Incident]) -> io::Result<()> {
    write_csv_reviewed(w, incidents, &[])
}

/// The CSV, with each incident's review status (`accepted`, `rejected`, `unreviewed`) in the
/// last column; `statuses[n]` is incident `n`'s, missing ones are unreviewed.
pub fn write_csv_reviewed(
    w: &mut dyn Write,
    incidents: &[Incident],
    statuses: &[ReviewStatus],
) -> io::Result<()> {
    writeln!(w, "{}", CSV_COLUMNS.join(","))?;
    for (n, i) in incidents.iter().enumerate() {
        let place = i.places.iter().find(|p| {
            i.location
                .is_some_and(|l| p.lat == Some(l.lat) && p.lon == Some(l.lon))
        });
        let time_precision = match i.date_precision {
            crate::corpus::DatePrecision::Day => "1",
            crate::corpus::DatePrecision::Week => "2",
            _ => "3",
        };
        let killed = |c: Category| i.killed_in(c).map_or(String::new(), |t| t.best.to_string());
        let row: Vec<String> = vec![
            format!("MLI{}", n + 1),
            i.date.map_or(String::new(), |d| d.to_string()),
            i.date
                .map_or(String::new(), |d| chrono::Datelike::year(&d).to_string()),
            time_precision.into(),
            i.event_type.name().into(),
            i.sub_event_type.clone(),
            // ACLED's actor1: the perpetrator when known, else the first other actor named.
            i.perpetrator
                .clone()
                .or_else(|| {
                    i.actors
                        .iter()
                        .find(|a| Some(*a) != i.target.as_ref())
                        .cloned()
                })
                .unwrap_or_default(),
            i.target.clone().unwrap_or_default(),
            place.and_then(|p| p.admin1.clone()).unwrap_or_default(),
            place.and_then(|p| p.admin2.clone()).unwrap_or_default(),
            place.map(|p| p.name.clone()).unwrap_or_default(),
            i.location
                .map_or(String::new(), |l| format!("{:.5}", l.lat)),
            i.location
                .map_or(String::new(), |l| format!("{:.5}", l.lon)),
            i.location.map_or(String::new(), |l| {
                l.precision.acled_geo_precision().to_string()
            }),
            i.toll_sources.join("; "),
            i.warnings.join("; "),
            i.deaths().to_string(),
            i.fatalities.map_or(String::new(), |t| t.low.to_string()),
            i.fatalities.map_or(String::new(), |t| t.high.to_string()),
            killed(Category::Civilians),
            killed(Category::Soldiers),
            killed(Category::Peacekeepers),
            killed(Category::Militants),
            killed(Category::Mercenaries),
            killed(Category::Unknown),
            i.wounded.map_or(String::new(), |t| t.best.to_string()),
            i.captured.map_or(String::new(), |t| t.best.to_string()),
            i.article.clone(),
            i.evidence
                .iter()
                .map(|e| format!("{}: {}", e.field, e.text))
                .collect::<Vec<_>>()
                .join(" | "),
            statuses.get(n).copied().unwrap_or_default().as_str().into(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        writeln!(w, "{}", cells.join(","))?;
    }
    Ok(())
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A FeatureCollection of located incidents (RFC 7946: lon, lat order; WGS 84).
pub fn geojson(incidents: &[Incident]) -> Value {
    let features: Vec<Value> = incidents.iter().filter_map(feature).collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// One located incident as a GeoJSON Feature; `None` without a location.
fn feature(i: &Incident) -> Option<Value> {
    let l = i.location?;
    let mut props = serde_json::to_value(i).ok()?;
    if let Some(o) = props.as_object_mut() {
        o.remove("location");
        o.insert("precision".into(), json!(l.precision));
        o.insert("deaths".into(), json!(i.deaths()));
    }
    Some(json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round6(l.lon), round6(l.lat)]},
        "properties": props,
    }))
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Writes [`geojson`]'s bytes one feature at a time: 200k incidents never become one value
/// tree in memory (that cost more than the writing).
pub fn write_geojson(w: &mut dyn Write, incidents: &[Incident]) -> io::Result<()> {
    // serde_json orders object keys: "features" comes before "type".
    w.write_all(b"{\"features\":[")?;
    let mut first = true;
    for f in incidents.iter().filter_map(feature) {
        if !first {
            w.write_all(b",")?;
        }
        first = false;
        serde_json::to_writer(&mut *w, &f)?;
    }
    w.write_all(b"],\"type\":\"FeatureCollection\"}\n")
}

/// Exports are written whole or not at all (kept here for the app and the CLI).
pub use crate::datasets::write_atomically;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_geojson_is_the_collection_value() {
        let g = crate::geocode::Geocoder::new(crate::geocode::gazetteer::Gazetteer::fallback());
        let incidents: Vec<Incident> = crate::corpus::seeds()
            .iter()
            .flat_map(|a| crate::pipeline::incidents(a, &g))
            .collect();
        assert!(incidents.iter().filter(|i| i.location.is_some()).count() >= 3);
        let mut streamed = Vec::new();
        write_geojson(&mut streamed, &incidents).unwrap();
        let whole = serde_json::to_string(&geojson(&incidents)).unwrap() + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), whole);
        let mut empty = Vec::new();
        write_geojson(&mut empty, &[]).unwrap();
        assert_eq!(empty, b"{\"features\":[],\"type\":\"FeatureCollection\"}\n");
    }

    #[test]
    fn csv_has_a_review_status_column() {
        let g = crate::geocode::Geocoder::new(crate::geocode::gazetteer::Gazetteer::fallback());
        let incidents: Vec<Incident> = crate::corpus::seeds()
            .iter()
            .take(2)
            .flat_map(|a| crate::pipeline::incidents(a, &g))
            .collect();
        assert!(incidents.len() >= 2);
        let mut out = Vec::new();
        write_csv_reviewed(
            &mut out,
            &incidents,
            &[ReviewStatus::Accepted, ReviewStatus::Rejected],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().ends_with(",evidence,review_status"));
        let last: Vec<&str> = lines.map(|l| l.rsplit(',').next().unwrap()).collect();
        assert_eq!(last[0], "accepted");
        assert_eq!(last[1], "rejected");
        assert!(last[2..].iter().all(|s| *s == "unreviewed"), "{last:?}");
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(csv_cell("Gao"), "Gao");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("il a dit \"non\""), "\"il a dit \"\"non\"\"\"");
    }

    #[test]
    fn atomic_write_leaves_nothing_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let err = write_atomically(&path, |_| Err(io::Error::other("boom")));
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_atomically(&path, |w| w.write_all(b"ok")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ok");
    }

    #[test]
    fn unwritable_folder_is_an_error() {
        let err = write_atomically(std::path::Path::new("/nonexistent-dir/x.csv"), |w| {
            w.write_all(b"x")
        });
        assert!(err.is_err());
    }
}
