//! Which gazetteer a batch run uses, and that it says so: the `gazetteer` field of every
//! incident, the one warning line on less than the full gazetteer (issue 19), and
//! `--gazetteer` over the forms a cluster ships (ML.txt, ML.zip, the installed cache, a pack
//! from `data export-pack`), which must all resolve exactly alike.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The program with an empty data folder of its own (nothing installed leaks in).
fn mali_atlas(data: &Path) -> Command {
    let mut c = Command::cargo_bin("mali-atlas").unwrap();
    c.env("MALI_ATLAS_DATA_DIR", data).env_remove("RUST_LOG");
    c
}

fn seed() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    seeds.remove(0)
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

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8(out.stderr.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The `gazetteer` field of every incident line, which must all agree.
fn stamp_of(stdout: &[u8]) -> String {
    let text = std::str::from_utf8(stdout).unwrap();
    let stamps: Vec<String> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["gazetteer"]
                .as_str()
                .expect("gazetteer field")
                .to_string()
        })
        .collect();
    assert!(!stamps.is_empty(), "no incidents");
    assert!(stamps.iter().all(|s| *s == stamps[0]), "{stamps:?}");
    stamps[0].clone()
}

/// `stamp: …` of `data status`: the embedded snapshot's here.
fn status_stamp(data: &Path) -> String {
    let out = run(mali_atlas(data).args(["data", "status"]));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("stamp: ").map(str::to_string))
        .expect("data status prints the stamp")
}

/// A cache of the small list of towns: what a run falls back to when the embedded snapshot
/// does not load, given explicitly so that the test can make a run use it.
fn fallback_cache(dir: &Path) -> PathBuf {
    let path = dir.join("fallback.gazetteer");
    mali_atlas::geocode::gazetteer::Gazetteer::fallback()
        .write_cache(&path)
        .unwrap();
    path
}

#[test]
fn a_run_on_the_full_gazetteer_stamps_every_incident_and_prints_nothing() {
    let data = tempfile::tempdir().unwrap();
    let out = run(mali_atlas(data.path())
        .args(["extract", "--format", "jsonl"])
        .arg(seed()));
    let stamp = stamp_of(&out.stdout);
    assert!(
        stamp.starts_with("full:") && stamp.len() == 5 + 16,
        "{stamp}"
    );
    assert_eq!(stamp, status_stamp(data.path()));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_fallback_run_warns_once_even_when_quiet_and_fallback_ok_silences_it() {
    let data = tempfile::tempdir().unwrap();
    let fallback = fallback_cache(data.path());
    let seed = seed();
    let article = std::fs::read_to_string(&seed).unwrap();
    let line = serde_json::json!({"id": "s", "text": article}).to_string() + "\n";
    let workspace = data.path().join("w.atlas");
    // Each batch command: extract (files, stdin), export and ingest.
    let commands: Vec<(Vec<String>, Option<String>)> = vec![
        (vec!["extract".into(), seed.display().to_string()], None),
        (vec!["extract".into(), "--stdin-jsonl".into()], Some(line)),
        (
            vec![
                "export".into(),
                "--format".into(),
                "jsonl".into(),
                seed.display().to_string(),
            ],
            None,
        ),
        (
            vec![
                "--workspace".into(),
                workspace.display().to_string(),
                "ingest".into(),
                seed.display().to_string(),
            ],
            None,
        ),
    ];
    for (args, stdin) in &commands {
        for quiet in [false, true] {
            let mut c = mali_atlas(data.path());
            c.arg("--gazetteer").arg(&fallback).args(args);
            if quiet {
                c.arg("-q");
            }
            if let Some(s) = stdin {
                c.write_stdin(s.clone());
            }
            let out = run(&mut c);
            let mut lines = stderr_lines(&out);
            if args[0] == "--workspace" {
                // ingest's progress lines (stderr is not a terminal here) are not warnings.
                lines.retain(|l| !l.contains(" files, "));
            }
            assert_eq!(lines.len(), 1, "{args:?} quiet={quiet}: {lines:?}");
            assert!(
                lines[0].starts_with("warning: gazetteer fallback: ")
                    && lines[0].contains("--gazetteer")
                    && lines[0].contains("--fallback-ok"),
                "{}",
                lines[0]
            );
            if args[0] != "--workspace" {
                assert_eq!(stamp_of(&out.stdout), "fallback", "{args:?}");
            }
        }
        let mut c = mali_atlas(data.path());
        c.args(["--fallback-ok", "-q", "--gazetteer"])
            .arg(&fallback)
            .args(args);
        if let Some(s) = stdin {
            c.write_stdin(s.clone());
        }
        let out = run(&mut c);
        let warnings: Vec<String> = stderr_lines(&out)
            .into_iter()
            .filter(|l| l.contains("warning"))
            .collect();
        assert_eq!(warnings, Vec::<String>::new(), "{args:?}");
        if args[0] != "--workspace" {
            assert!(out.stderr.is_empty(), "{args:?}");
        }
    }
    // The workspace keeps the stamp with each stored incident.
    let out = run(mali_atlas(data.path())
        .arg("--workspace")
        .arg(&workspace)
        .args(["export", "--format", "jsonl"]));
    assert_eq!(stamp_of(&out.stdout), "fallback");
}

#[test]
fn an_excerpt_of_geonames_is_partial_and_warned_about() {
    let data = tempfile::tempdir().unwrap();
    let ml = data.path().join("ML.txt");
    std::fs::write(
        &ml,
        "2457163\tGao\tGao\t\t16.27167\t-0.04472\tP\tPPLA\tML\t\t09\t\t\t\t87000\t\t260\tAfrica/Bamako\t2020-01-01\n",
    )
    .unwrap();
    let out = run(mali_atlas(data.path())
        .arg("--gazetteer")
        .arg(&ml)
        .args(["-q", "extract", "--stdin-jsonl"])
        .write_stdin(
            r#"{"id": "g", "text": "Dix soldats ont été tués hier près de Gao.", "published": "2023-05-02"}"#,
        ));
    let stamp = stamp_of(&out.stdout);
    assert!(stamp.starts_with("partial:"), "{stamp}");
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("warning: gazetteer {stamp}: "))
            && lines[0].contains("1 places of Mali"),
        "{}",
        lines[0]
    );
}

/// The full table (the embedded snapshot's rows, in GeoNames' dump format) as ML.txt and as
/// ML.zip, installed as a cache, and packed: every form stamps and resolves exactly alike,
/// and like the embedded snapshot itself.
#[test]
fn every_form_of_the_same_dump_resolves_alike_and_a_pack_round_trips() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let table = mali_atlas::reference::snapshot::gazetteer_table().unwrap();
    let ml_txt = files.path().join("ML.txt");
    std::fs::write(&ml_txt, &table).unwrap();
    let ml_zip = files.path().join("ML.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&ml_zip).unwrap());
        zip.start_file("ML.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&table).unwrap();
        zip.finish().unwrap();
    }
    let installed = tempfile::tempdir().unwrap();
    run(mali_atlas(installed.path())
        .args(["data", "install", "--from"])
        .arg(&ml_txt));
    let cache = installed
        .path()
        .join(mali_atlas::datasets::geonames::CACHE_FILE);
    let pack = files.path().join("gazetteer.pack");
    let out = run(mali_atlas(data.path())
        .arg("--gazetteer")
        .arg(&ml_zip)
        .args(["data", "export-pack"])
        .arg(&pack));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("50 cercles"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let extract = |gazetteer: Option<&Path>| {
        let mut c = mali_atlas(data.path());
        if let Some(g) = gazetteer {
            c.arg("--gazetteer").arg(g);
        }
        let out = run(c.args(["extract", "--format", "jsonl"]).arg(seed()));
        assert!(
            out.stderr.is_empty(),
            "{gazetteer:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let embedded = extract(None);
    let stamp = stamp_of(&embedded);
    assert!(stamp.starts_with("full:"), "{stamp}");
    for form in [&ml_txt, &ml_zip, &cache, installed.path(), &pack] {
        let out = extract(Some(form));
        assert_eq!(stamp_of(&out), stamp, "{}", form.display());
        assert!(out == embedded, "{} resolves differently", form.display());
    }
    // The pack says what it holds.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&pack).unwrap()).unwrap();
    let manifest: Value = serde_json::from_reader(archive.by_name("pack.json").unwrap()).unwrap();
    assert_eq!(manifest["gazetteer"], stamp.as_str());
    assert_eq!(manifest["cercles"], 50);
}

#[test]
fn an_unreadable_gazetteer_is_an_error_not_a_fallback() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("broken.pack");
    std::fs::write(&bad, b"PK\x03\x04 not really a zip").unwrap();
    let out = mali_atlas(data.path())
        .arg("--gazetteer")
        .arg(&bad)
        .args(["extract"])
        .arg(seed())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("broken.pack"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
