//! `compare` end to end: the ACLED and UCDP GED readers on fixture files written for the
//! project (invented rows with the documented columns, no real data), and the command on the
//! embedded seeds against the GED fixture.
//!
//! The fixtures cover: a matched event whose toll differs from ours (Diallassagou); an
//! incident only the press has (Kidal, Kouakourou…); an event only the dataset has (Ménaka,
//! Bamako 2021); a row of another country (skipped and counted); a malformed row and a bad
//! value (reported with their line numbers while the rest is read); and a match that needs the
//! dates and places widened by their precision (the event near Bamako).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use mali_atlas::reference_events::{RowError, Source};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reference")
        .join(name)
}

fn mali_atlas() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mali-atlas"));
    // Never pick up a gazetteer installed on the developer's machine.
    c.env("MALI_ATLAS_DATA_DIR", env!("CARGO_TARGET_TMPDIR"));
    c
}

/// The report's rows as maps from column name to value.
fn report_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn ged_fixture_keeps_mali_counts_others_and_reports_bad_rows_by_line() {
    let read = Source::Ged.read_path(&fixture("ged_mali.csv")).unwrap();
    let ids: Vec<&str> = read.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["910001", "910002", "910003"]);
    assert_eq!(read.skipped_other_country, 1);
    let lines: Vec<u64> = read.row_errors.iter().map(RowError::line).collect();
    assert_eq!(lines, [6, 7]);
    assert!(matches!(read.row_errors[0], RowError::Malformed { .. }));
    assert!(
        read.row_errors[1]
            .to_string()
            .contains("ged_mali.csv:7: column latitude: \"north\""),
        "{}",
        read.row_errors[1]
    );
    let first = &read.events[0];
    assert_eq!(
        (
            first.fatalities.low,
            first.fatalities.best,
            first.fatalities.high
        ),
        (100, 120, 132)
    );
    assert_eq!(
        first.attributes.get("conflict_name").map(String::as_str),
        Some("JNIM - Civilians")
    );
}

#[test]
fn acled_fixture_keeps_mali_counts_others_and_reports_bad_rows_by_line() {
    let read = Source::Acled.read_path(&fixture("acled_mali.csv")).unwrap();
    let ids: Vec<&str> = read.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["MLI90001", "MLI90002", "MLI90003"]);
    assert_eq!(read.skipped_other_country, 1);
    let lines: Vec<u64> = read.row_errors.iter().map(RowError::line).collect();
    assert_eq!(lines, [6, 7]);
    assert!(read.row_errors[1].to_string().contains("event_type"));
    // "18 June 2022", as ACLED's export tool writes dates.
    assert_eq!(read.events[0].date_start.to_string(), "2022-06-18");
    assert_eq!(
        read.events[0].attributes.get("admin3").map(String::as_str),
        Some("Segue")
    );
}

#[test]
fn compare_on_the_seeds_against_the_ged_fixture_gives_the_expected_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.csv");
    let run = mali_atlas()
        .args(["compare", "--ged"])
        .arg(fixture("ged_mali.csv"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    // Two bad rows: a partial failure, the rest compared.
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ged_mali.csv:6: malformed CSV row"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 rows of other countries skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("both 2, only_ours 4, only_theirs 1"),
        "{stderr}"
    );
    assert!(stderr.contains("2024-09"), "summary by month: {stderr}");

    let rows = report_rows(&out);
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| r["theirs_id"] == id)
            .unwrap_or_else(|| panic!("{id} not in {rows:?}"))
    };
    // Diallassagou: the press says 131–156 dead (best 132), GED 100–132 (best 120).
    let diallassagou = by_id("910001");
    assert_eq!(diallassagou["status"], "both");
    assert_eq!(diallassagou["ours_date"], "2022-06-18");
    assert_eq!(diallassagou["toll_diff_best"], "12");
    assert_eq!(diallassagou["tolls_overlap"], "true");
    // Near Bamako: five days and ~60 km off; matches only because GED says "within a week"
    // (date_prec 3) and "somewhere in the cercle" (where_prec 3).
    let bamako = by_id("910002");
    assert_eq!(bamako["status"], "both");
    assert_eq!(bamako["ours_date"], "2024-09-17");
    assert_eq!(bamako["day_gap"], "2");
    assert!(bamako["distance_km"].parse::<f64>().unwrap() > 25.0);
    assert_eq!(by_id("910003")["status"], "only_theirs");
    // Skipped and bad rows are not in the report.
    assert!(
        rows.iter()
            .all(|r| !["910004", "910005", "910006"].contains(&r["theirs_id"].as_str()))
    );
    let only_ours = rows.iter().filter(|r| r["status"] == "only_ours").count();
    assert_eq!(only_ours, 4);
}

#[test]
fn compare_filters_both_sides_by_date_and_region() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.csv");
    let run = mali_atlas()
        .args(["compare", "--acled"])
        .arg(fixture("acled_mali.csv"))
        .args([
            "--from",
            "2021-01-01",
            "--to",
            "2022-12-31",
            "--region",
            "Mopti",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let statuses: Vec<(String, String)> = report_rows(&out)
        .into_iter()
        .map(|r| (r["status"].clone(), r["theirs_id"].clone()))
        .collect();
    assert_eq!(statuses, [("both".to_string(), "MLI90001".to_string())]);
}

#[test]
fn compare_with_a_workspace_keeps_the_reference_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.sqlite");
    for _ in 0..2 {
        let run = mali_atlas()
            .arg("--workspace")
            .arg(&ws)
            .args(["compare", "--ged"])
            .arg(fixture("ged_mali.csv"))
            .arg("--out")
            .arg(dir.path().join("r.csv"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("kept in"), "{stderr}");
        // An empty workspace: every reference event is only theirs.
        assert!(
            stderr.contains("both 0, only_ours 0, only_theirs 3"),
            "{stderr}"
        );
    }
    let workspace = mali_atlas::store::Workspace::open(&ws).unwrap();
    let kept = workspace.reference_files(Source::Ged).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].file_name, "ged_mali.csv");
    let bytes = std::fs::read(fixture("ged_mali.csv")).unwrap();
    assert_eq!(
        workspace
            .reference_content(Source::Ged, kept[0].id)
            .unwrap(),
        Some(bytes)
    );
    drop(workspace);

    // Re-run on the kept bytes: the same report.
    let rerun = mali_atlas()
        .arg("--workspace")
        .arg(&ws)
        .args(["compare", "--stored", &format!("ged:{}", kept[0].id)])
        .arg("--out")
        .arg(dir.path().join("again.csv"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains("ged file #1: ged_mali.csv, imported"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("again.csv")).unwrap(),
        std::fs::read(dir.path().join("r.csv")).unwrap()
    );
    let missing = mali_atlas()
        .arg("--workspace")
        .arg(&ws)
        .args(["compare", "--stored", "acled:1", "--out"])
        .arg(dir.path().join("none.csv"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no acled file #1"));
}

#[test]
fn compare_refuses_a_file_of_the_wrong_format_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let run = mali_atlas()
        .args(["compare", "--ged"])
        .arg(fixture("acled_mali.csv"))
        .arg("--out")
        .arg(dir.path().join("r.csv"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("acled_mali.csv: no column \"id\""),
        "{stderr}"
    );
    assert!(!dir.path().join("r.csv").exists());
}
