//! The command line, end to end: `extract` prints the DESIGN.md contract; bad inputs give
//! clear errors naming the file while the rest is processed (exit status 2).

use assert_cmd::Command;
use serde_json::Value;

mod common;

fn mali_atlas() -> Command {
    let mut c = Command::cargo_bin("mali-atlas").expect("binary builds");
    // Never pick up a gazetteer installed on the developer's machine.
    c.env("MALI_ATLAS_DATA_DIR", env!("CARGO_TARGET_TMPDIR"));
    c
}

/// Runs `cmd`, asserts it succeeded (its stderr shown otherwise) and returns its stdout.
fn success_stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    v.sort();
    v
}

fn check_contract(line: &str) -> Value {
    let v: Value = serde_json::from_str(line).expect("each line is JSON");
    for key in [
        "article",
        "incident",
        "date",
        "date_precision",
        "event_type",
        "sub_event_type",
        "actors",
        "fatalities",
        "killed",
        "wounded",
        "captured",
        "places",
        "location",
        "evidence",
        "warnings",
        "gazetteer",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {line}");
    }
    let stamp = v["gazetteer"].as_str().unwrap();
    assert!(
        stamp == "fallback" || stamp.starts_with("full:") || stamp.starts_with("partial:"),
        "{stamp}"
    );
    assert!(
        ["day", "week", "month", "year", "unknown"]
            .contains(&v["date_precision"].as_str().unwrap())
    );
    for e in v["evidence"].as_array().unwrap() {
        let span = e["span"].as_array().unwrap();
        assert!(span[0].as_u64().unwrap() <= span[1].as_u64().unwrap());
        assert!(e["text"].is_string() && e["field"].is_string());
    }
    for p in v["places"].as_array().unwrap() {
        let prec = p["precision"].as_str().unwrap();
        assert!(
            [
                "locality",
                "near_locality",
                "admin2",
                "admin1",
                "country",
                "foreign"
            ]
            .contains(&prec)
        );
        if prec == "foreign" {
            assert!(p["lat"].is_null());
        }
    }
    v
}

#[test]
fn extract_seeds_prints_the_contract_as_jsonl() {
    let text = success_stdout(
        mali_atlas()
            .arg("extract")
            .args(["--format", "jsonl"])
            .args(seeds()),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 5, "{text}");
    for l in &lines {
        check_contract(l);
    }
}

#[test]
fn extract_json_is_an_array() {
    let out = mali_atlas()
        .args(["extract", "--format", "json"])
        .arg(&seeds()[0])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
#[ignore = "needs ../shared data mirror"]
fn extract_with_the_full_gazetteer_finds_diallassagou() {
    let ml = common::mirror::geonames_ml_txt();
    let text = success_stdout(
        mali_atlas()
            .args(["extract", "--format", "jsonl", "--gazetteer"])
            .arg(ml)
            .arg(&seeds()[0]),
    );
    let v = check_contract(text.lines().next().unwrap());
    assert!(
        v["places"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Diallassagou")
    );
}

/// A fresh machine: no data folder content at all. The embedded GeoNames snapshot and cercles
/// still resolve villages the small list of towns never had, each with its cercle.
#[test]
fn a_fresh_machine_resolves_villages_with_the_embedded_snapshot() {
    let empty = tempfile::tempdir().unwrap();
    let article = empty.path().join("centre.txt");
    std::fs::write(
        &article,
        "Mopti, 16 mars 2024 (AFP) – Douze civils ont été tués lundi 11 mars à Diallassagou \
         par des hommes armés. Mardi 12 mars, trois soldats ont été tués dans une embuscade à \
         Kouakourou. Mercredi 13 mars, une frappe de drone a tué cinq personnes à Tinzaouatène. \
         Jeudi 14 mars, des jihadistes ont attaqué Ouenkoro, tuant sept villageois. \
         Vendredi 15 mars, deux gendarmes ont été tués à Boni, près de Hombori.",
    )
    .unwrap();
    let text = success_stdout(
        mali_atlas()
            .env("MALI_ATLAS_DATA_DIR", empty.path())
            .args(["extract", "--format", "jsonl"])
            .arg(&article),
    );
    let places: Vec<Value> = text
        .lines()
        .flat_map(|l| check_contract(l)["places"].as_array().unwrap().clone())
        .collect();
    for (village, cercle) in [
        ("Diallassagou", "Bankass"),
        ("Kouakourou", "Djenné"),
        ("Tinzaouatène", "Abeïbara"),
        ("Ouenkoro", "Bankass"),
        ("Boni", "Douentza"),
    ] {
        let place = places
            .iter()
            .find(|p| p["mention"] == village)
            .unwrap_or_else(|| panic!("{village} not found in {text}"));
        assert_eq!(place["precision"], "locality", "{village}: {place}");
        assert_eq!(place["admin2"], cercle, "{village}: {place}");
        assert!(place["geonameid"].is_u64(), "{village}: {place}");
    }
    // Nothing was installed or written there.
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 1);
}

/// The embedded gazetteer lists Malian hamlets named like towns across the border; a bare
/// "Kidira" is still Sénégal's, unless the text places it in a Malian region.
#[test]
fn neighbours_towns_stay_foreign_with_the_embedded_snapshot() {
    let empty = tempfile::tempdir().unwrap();
    let place = |text: &str, mention: &str| -> Value {
        let out = success_stdout(
            mali_atlas()
                .env("MALI_ATLAS_DATA_DIR", empty.path())
                .args(["geocode", text]),
        );
        let places: Vec<Value> = serde_json::from_str(&out).unwrap();
        places
            .into_iter()
            .find(|p| p["mention"] == mention)
            .unwrap_or_else(|| panic!("{mention} not found in {out}"))
    };
    for (text, town) in [
        ("Des civils ont fui vers Kidira.", "Kidira"),
        ("Des orpailleurs sont partis pour Siguiri.", "Siguiri"),
        ("Des réfugiés sont arrivés à Bassikounou.", "Bassikounou"),
    ] {
        let p = place(text, town);
        assert_eq!(p["precision"], "foreign", "{p}");
        assert!(p["lat"].is_null(), "{p}");
    }
    let malian = place(
        "Dans la région de Kayes, des hommes armés ont attaqué Kidira.",
        "Kidira",
    );
    assert_eq!(malian["precision"], "locality", "{malian}");
    assert_eq!(malian["admin1"], "Kayes", "{malian}");
}

#[test]
fn data_status_names_the_snapshot_in_use() {
    let empty = tempfile::tempdir().unwrap();
    let text = success_stdout(
        mali_atlas()
            .env("MALI_ATLAS_DATA_DIR", empty.path())
            .args(["data", "status"]),
    );
    assert!(
        text.contains("gazetteer: embedded (GeoNames export of 2023-10-22)"),
        "{text}"
    );
    assert!(text.contains("cercles: embedded"), "{text}");
    assert!(
        text.contains("supplement: ") && text.contains("Boulkessi"),
        "{text}"
    );
    assert!(
        text.contains("GeoNames (geonames.org), CC BY 4.0"),
        "{text}"
    );
    assert!(text.contains("geoBoundaries"), "{text}");
}

#[test]
fn bad_files_are_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("vide.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    let good = dir.path().join("bon.txt");
    std::fs::write(
        &good,
        "Gao, 3 mars 2023 – Douze civils ont été tués mardi 28 février 2023 à Gao par des hommes armés.",
    )
    .unwrap();
    let missing = dir.path().join("absent.txt");
    let out = mali_atlas()
        .args(["extract", "--format", "jsonl"])
        .args([&empty, &binary, &good, &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "partial failure exit status");
    let err = String::from_utf8_lossy(&out.stderr);
    for f in ["vide.txt", "image.txt", "absent.txt"] {
        assert!(err.contains(f), "stderr names {f}: {err}");
    }
    assert!(!err.contains("panicked"));
    let text = String::from_utf8(out.stdout).unwrap();
    let v = check_contract(
        text.lines()
            .next()
            .expect("the good file still gives an incident"),
    );
    assert_eq!(v["killed"]["civilians"]["best"], 12);
}

#[test]
fn export_geojson_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let gj = dir.path().join("out.geojson");
    mali_atlas()
        .args(["export", "--format", "geojson", "--out"])
        .arg(&gj)
        .args(seeds())
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&gj).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    for f in v["features"].as_array().unwrap() {
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!(
            (-13.0..5.0).contains(&lon) && (10.0..25.5).contains(&lat),
            "{lon},{lat}"
        );
    }
    let out = mali_atlas()
        .args(["export", "--format", "csv"])
        .args(seeds())
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("event_id_cnty,event_date,year,time_precision,event_type"));
}

#[test]
fn export_to_an_unwritable_path_fails_cleanly() {
    let out = mali_atlas()
        .args([
            "export",
            "--format",
            "csv",
            "--out",
            "/nonexistent-dir/x.csv",
        ])
        .arg(&seeds()[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/x.csv"));
}

#[test]
fn geocode_prints_places() {
    let out = mali_atlas()
        .args([
            "geocode",
            "Une attaque a visé Gao puis Tombouctou, au Niger rien.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Gao"), "{names:?}");
    let niger = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["mention"] == "Niger")
        .unwrap();
    assert_eq!(niger["precision"], "foreign");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = success_stdout(
        mali_atlas()
            .args(["extract", "--format", "jsonl", "-"])
            .write_stdin("Bamako, 2 avril 2023 – Trois soldats ont été tués hier près de Sévaré."),
    );
    let v = check_contract(text.lines().next().unwrap());
    assert_eq!(v["date"], "2023-04-01");
    assert_eq!(v["killed"]["soldiers"]["best"], 3);
}

#[test]
fn render_writes_a_briefing_png_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("briefing.png");
    let res = mali_atlas()
        .args([
            "render", "--width", "1200", "--height", "800", "--title", "Test", "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let img = image::open(&out).unwrap().to_rgba8();
    assert_eq!(img.dimensions(), (1200, 800));
    // The purple of "Violence against civilians" (seed 000's massacre) is on the map.
    let purple = img
        .pixels()
        .filter(|p| p[0].abs_diff(148) < 30 && p[1].abs_diff(52) < 30 && p[2].abs_diff(170) < 30)
        .count();
    assert!(purple > 200, "marker pixels: {purple}");
    // The legend strip at the bottom is not empty.
    let (w, h) = img.dimensions();
    let bg = *img.get_pixel(w - 2, h - 2);
    let ink = (0..w)
        .flat_map(|x| (h - 30..h - 4).map(move |y| (x, y)))
        .filter(|&(x, y)| *img.get_pixel(x, y) != bg)
        .count();
    assert!(ink > 500, "legend ink: {ink}");
}

#[test]
fn render_rejects_bad_filters_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.png");
    let res = mali_atlas()
        .args(["render", "--region", "Atlantis", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&res.stderr).contains("valid regions: Kayes"));
    let res = mali_atlas()
        .args([
            "render",
            "--from",
            "2024-05-01",
            "--to",
            "2024-01-01",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn export_filters_by_region_and_date() {
    let out = mali_atlas()
        .args([
            "export",
            "--format",
            "jsonl",
            "--from",
            "2024-01-01",
            "--region",
            "Mopti",
        ])
        .args(seeds())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.is_empty());
    for l in text.lines() {
        let v = check_contract(l);
        assert!(v["date"].as_str().unwrap() >= "2024-01-01");
    }
}

#[test]
fn ingest_is_idempotent_reports_failures_and_feeds_export() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for s in seeds() {
        let p = std::path::Path::new(&s);
        std::fs::copy(p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(corpus.join("vide.txt"), "").unwrap();
    let ws = dir.path().join("w.sqlite");
    let first = mali_atlas()
        .arg("ingest")
        .arg(&corpus)
        .arg("--workspace")
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(
        first.status.code(),
        Some(2),
        "partial failure: the empty file"
    );
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(out.contains("5 new"), "{out}");
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(err.contains("vide.txt"), "{err}");
    // Piped: plain progress lines, no terminal escapes.
    assert!(err.contains("files/s"), "{err}");
    assert!(!err.contains('\u{1b}'));
    let second = mali_atlas()
        .arg("ingest")
        .arg(&corpus)
        .arg("--workspace")
        .arg(&ws)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&second.stdout);
    assert!(out.contains("0 new, 5 unchanged"), "{out}");
    let text = success_stdout(
        mali_atlas()
            .args(["export", "--format", "jsonl", "--workspace"])
            .arg(&ws),
    );
    assert_eq!(text.lines().count(), 6, "one line per event: {text}");
    for l in text.lines() {
        check_contract(l);
    }
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("notes.txt");
    std::fs::write(&ws, "mes notes de terrain").unwrap();
    let out = mali_atlas()
        .args(["export", "--format", "csv", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt"));
    assert_eq!(
        std::fs::read_to_string(&ws).unwrap(),
        "mes notes de terrain"
    );
}

#[test]
fn corrections_from_the_cli_apply_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.sqlite");
    let seed0 = &seeds()[0];
    mali_atlas()
        .arg("ingest")
        .arg(seed0)
        .arg("--workspace")
        .arg(&ws)
        .assert()
        .success();
    let list = mali_atlas()
        .arg("incidents")
        .arg("--workspace")
        .arg(&ws)
        .output()
        .unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .trim_start()
            .starts_with("0  2022-06-18"),
        "{text}"
    );
    mali_atlas()
        .args([
            "correct",
            "0",
            "--killed",
            "civilians=130-132-140",
            "--move",
            "13.75,-3.60",
        ])
        .args(["--reason", "bilan du ministère, 20 juin"])
        .arg("--workspace")
        .arg(&ws)
        .assert()
        .success();
    // Bad values are refused with the valid ones listed.
    let bad = mali_atlas()
        .args([
            "correct",
            "0",
            "--killed",
            "aliens=3",
            "--reason",
            "x",
            "--workspace",
        ])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("valid: civilians"));
    // A second ingest of the same file keeps the correction.
    mali_atlas()
        .arg("ingest")
        .arg(seed0)
        .arg("--workspace")
        .arg(&ws)
        .assert()
        .success();
    let out = mali_atlas()
        .args(["export", "--format", "jsonl", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    let v = check_contract(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    );
    assert_eq!(v["killed"]["civilians"]["high"], 140);
    assert_eq!(v["location"]["lat"], 13.75);
    let listed = mali_atlas()
        .arg("corrections")
        .arg("--workspace")
        .arg(&ws)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("bilan du ministère"));
}

#[test]
fn export_reviewed_only_and_the_review_status_column() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("w.sqlite");
    success_stdout(
        mali_atlas()
            .arg("ingest")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .arg("--workspace")
            .arg(&ws_path),
    );
    // The analyst accepts one event and rejects another (as the review queue does).
    {
        use mali_atlas::store::{ReviewStatus, Workspace};
        let mut ws = Workspace::open(&ws_path).unwrap();
        let events = mali_atlas::pipeline::workspace_events(&ws).unwrap();
        let diallassagou = events
            .iter()
            .find(|(i, _)| i.article.contains("000_"))
            .unwrap();
        ws.review(&diallassagou.1, ReviewStatus::Accepted, "ana", "")
            .unwrap();
        let other = events
            .iter()
            .find(|(i, _)| i.article.contains("004_"))
            .unwrap();
        ws.review(&other.1, ReviewStatus::Rejected, "ana", "hors sujet")
            .unwrap();
    }
    let all = success_stdout(
        mali_atlas()
            .args(["export", "--format", "csv", "--workspace"])
            .arg(&ws_path),
    );
    let header = all.lines().next().unwrap();
    assert!(header.ends_with(",review_status"), "{header}");
    let status: Vec<&str> = all
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(status.len(), 6);
    assert_eq!(status.iter().filter(|s| **s == "accepted").count(), 1);
    assert_eq!(status.iter().filter(|s| **s == "rejected").count(), 1);
    assert_eq!(status.iter().filter(|s| **s == "unreviewed").count(), 4);
    let reviewed = success_stdout(
        mali_atlas()
            .args([
                "export",
                "--format",
                "csv",
                "--reviewed-only",
                "--workspace",
            ])
            .arg(&ws_path),
    );
    let rows: Vec<&str> = reviewed.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{reviewed}");
    assert!(rows[0].contains("000_") && rows[0].ends_with(",accepted"));
    let jsonl = success_stdout(
        mali_atlas()
            .args([
                "export",
                "--format",
                "jsonl",
                "--reviewed-only",
                "--workspace",
            ])
            .arg(&ws_path),
    );
    assert_eq!(jsonl.lines().count(), 1);
    // Files have no review: the flag is refused.
    let out = mali_atlas()
        .args(["export", "--format", "csv", "--reviewed-only"])
        .args(seeds())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--workspace"));
}
