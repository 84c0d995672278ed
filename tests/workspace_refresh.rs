//! Workspaces follow the rules: an article stored under another extraction stamp (rules
//! number, lexicon digest, gazetteer stamp) is extracted again by the next `ingest`, which
//! says how many it refreshed, and the analyst's corrections still apply afterwards.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The program with a data folder of its own (nothing installed leaks in): with nothing
/// installed it runs on the embedded GeoNames snapshot, the full gazetteer.
fn mali_atlas(data: &Path) -> Command {
    let mut c = Command::cargo_bin("mali-atlas").unwrap();
    c.env("MALI_ATLAS_DATA_DIR", data).env_remove("RUST_LOG");
    c
}

fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn run(c: &mut Command) -> Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The small list of towns the program falls back to, as a cache `--gazetteer` reads.
fn fallback_cache(dir: &Path) -> PathBuf {
    let path = dir.join("fallback.gazetteer");
    mali_atlas::geocode::gazetteer::Gazetteer::fallback()
        .write_cache(&path)
        .unwrap();
    path
}

/// The workspace's merged events as JSON, corrections applied.
fn events(data: &Path, ws: &Path) -> Vec<Value> {
    let out = run(mali_atlas(data)
        .arg("--workspace")
        .arg(ws)
        .args(["export", "--format", "jsonl"]));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The number in "… N refreshed …" of an ingest summary.
fn refreshed(summary: &str) -> usize {
    let before = summary
        .split(" refreshed")
        .next()
        .unwrap_or_else(|| panic!("no count of refreshed articles: {summary}"));
    before
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no count of refreshed articles: {summary}"))
}

fn precision(event: &Value) -> &str {
    event["location"]["precision"].as_str().unwrap_or("none")
}

#[test]
fn a_fallback_workspace_is_refreshed_by_ingest_with_the_full_gazetteer_corrections_kept() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let fallback = fallback_cache(dir.path());
    let ws = dir.path().join("w.sqlite");
    let seeds = seeds();

    // 1. Ingested with the fallback list: villages it lacks are placed by their cercle or region.
    let first = run(mali_atlas(&data)
        .arg("--gazetteer")
        .arg(&fallback)
        .arg("--fallback-ok")
        .arg("--workspace")
        .arg(&ws)
        .arg("ingest")
        .args(&seeds));
    assert_eq!(refreshed(&stdout(&first)), 0, "{}", stdout(&first));
    let before = events(&data, &ws);
    assert!(before.iter().all(|e| e["gazetteer"] == "fallback"));

    // 2. An analyst's correction of the first incident (a toll: kept through re-extraction).
    run(mali_atlas(&data).arg("--workspace").arg(&ws).args([
        "correct",
        "0",
        "--killed",
        "civilians=77",
        "--reason",
        "checked with a second source",
    ]));
    let listed = stdout(&run(mali_atlas(&data)
        .arg("--workspace")
        .arg(&ws)
        .arg("incidents")));
    assert!(
        listed.lines().next().unwrap().contains("[corrected"),
        "{listed}"
    );

    // 3. The same files again, under the same stamp: nothing to do.
    let again = run(mali_atlas(&data)
        .arg("--gazetteer")
        .arg(&fallback)
        .arg("--fallback-ok")
        .arg("--workspace")
        .arg(&ws)
        .arg("ingest")
        .args(&seeds));
    assert_eq!(refreshed(&stdout(&again)), 0, "{}", stdout(&again));

    // 4. With the full gazetteer (nothing given: the embedded snapshot), one new file is
    // enough for every stored article to be extracted again.
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Bamako, 3 mars 2024 — Rien à signaler.\n").unwrap();
    let second = run(mali_atlas(&data)
        .arg("--workspace")
        .arg(&ws)
        .arg("ingest")
        .arg(&other));
    assert_eq!(
        refreshed(&stdout(&second)),
        seeds.len(),
        "{}",
        stdout(&second)
    );
    let after = events(&data, &ws);
    assert!(
        after.iter().all(|e| e["gazetteer"]
            .as_str()
            .is_some_and(|s| s.starts_with("full:"))),
        "{:?}",
        after.iter().map(|e| &e["gazetteer"]).collect::<Vec<_>>()
    );

    // Finer places: some incident moved from an area (cercle or region) to a village, and
    // none went the other way.
    let rank = |p: &str| match p {
        "locality" => 0,
        "near_locality" => 1,
        "admin2" => 2,
        "admin1" => 3,
        "country" => 4,
        _ => 5,
    };
    // The same incident before and after: same article, same date (the places' evidence
    // grows with the gazetteer).
    let key = |e: &Value| (e["article"].clone(), e["date"].clone());
    let mut moved = 0;
    for b in &before {
        let Some(a) = after.iter().find(|a| key(a) == key(b)) else {
            continue;
        };
        assert!(
            rank(precision(a)) <= rank(precision(b)),
            "{} went from {} to {}",
            b["article"],
            precision(b),
            precision(a)
        );
        if rank(precision(b)) >= 2 && rank(precision(a)) <= 1 {
            moved += 1;
        }
    }
    let summary = |events: &[Value]| -> Vec<String> {
        events
            .iter()
            .map(|e| format!("{} {} {}", e["article"], e["date"], precision(e)))
            .collect()
    };
    assert!(
        moved > 0,
        "no incident moved to a village:\n{:#?}\n{:#?}",
        summary(&before),
        summary(&after)
    );

    // The correction is still applied to the refreshed incident.
    let listed = stdout(&run(mali_atlas(&data)
        .arg("--workspace")
        .arg(&ws)
        .arg("incidents")));
    assert!(
        listed.lines().next().unwrap().contains("[corrected"),
        "{listed}"
    );
    assert!(
        after.iter().any(|e| e["killed"]["civilians"]["best"] == 77),
        "the correction is lost: {:#?}",
        after.iter().map(|e| &e["killed"]).collect::<Vec<_>>()
    );
    let orphaned = stdout(&run(mali_atlas(&data)
        .arg("--workspace")
        .arg(&ws)
        .args(["corrections", "--orphaned"])));
    assert_eq!(orphaned.trim(), "no orphaned corrections");
}

/// What the app does on opening a stale workspace: count the stale articles, then refresh
/// them from the workspace alone (here the files are gone: rebuilt from the stored text).
#[test]
fn the_library_counts_and_refreshes_stale_articles_without_the_files() {
    use mali_atlas::geocode::Geocoder;
    use mali_atlas::geocode::gazetteer::Gazetteer;
    use mali_atlas::pipeline;

    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for s in seeds() {
        std::fs::copy(&s, corpus.join(s.file_name().unwrap())).unwrap();
    }
    let mut ws = mali_atlas::store::Workspace::open(&dir.path().join("w.sqlite")).unwrap();
    let fallback = Geocoder::new(Gazetteer::fallback());
    let full = Geocoder::new(Gazetteer::embedded().unwrap());
    assert_ne!(
        pipeline::extraction_stamp(&fallback),
        pipeline::extraction_stamp(&full)
    );
    pipeline::ingest(
        std::slice::from_ref(&corpus),
        &mut ws,
        &fallback,
        2,
        &mut |_, _, _| {},
    )
    .unwrap();
    let n = seeds().len();
    assert_eq!(pipeline::stale_articles(&ws, &fallback).unwrap(), 0);
    assert_eq!(pipeline::stale_articles(&ws, &full).unwrap(), n);

    std::fs::remove_dir_all(&corpus).unwrap();
    let report = pipeline::refresh(&mut ws, &full, 2).unwrap();
    assert_eq!(report.reextracted, n);
    assert_eq!(pipeline::stale_articles(&ws, &full).unwrap(), 0);
    assert_eq!(pipeline::refresh(&mut ws, &full, 2).unwrap().reextracted, 0);
    let stamps: Vec<String> = ws
        .incidents()
        .unwrap()
        .iter()
        .map(|s| s.incident.gazetteer.as_ref().unwrap().to_string())
        .collect();
    assert!(!stamps.is_empty());
    assert!(stamps.iter().all(|s| s.starts_with("full:")), "{stamps:?}");
}
