//! The committed snapshot (`data/geonames-ML.tsv.zlib`, `data/cercles-ML.geojson.zlib`,
//! `data/snapshot.json`) is exactly what `data/build_gazetteer.py` makes from the offline
//! mirror in `../shared/data/`: rebuilt into a temporary folder, compared byte for byte.
//! The rebuild needs the mirror: it is ignored unless run with `--include-ignored` (as
//! `.ci/run` does). Without python3 the checks say so on stderr and skip.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const FILES: [&str; 3] = [
    "geonames-ML.tsv.zlib",
    "cercles-ML.geojson.zlib",
    "snapshot.json",
];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Printed straight to stderr, past the test harness's capture, so a skip is seen.
fn skipped(why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED snapshot check: {why}");
}

fn python3_works() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
#[ignore = "needs ../shared data mirror"]
fn rebuilding_from_the_mirror_gives_the_committed_bytes() {
    if !python3_works() {
        return skipped("python3 not found");
    }
    let geonames = common::mirror::geonames_ml_txt();
    let geoboundaries = common::mirror::geoboundaries_dir();
    let out = tempfile::tempdir().unwrap();
    let data = data_dir();
    let run = Command::new("python3")
        .arg(data.join("build_gazetteer.py"))
        .arg("--geonames")
        .arg(&geonames)
        .arg("--cercles")
        .arg(&geoboundaries)
        .arg("--cities")
        .arg(data.join("cities.tsv"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "build_gazetteer.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    for file in FILES {
        let built = std::fs::read(out.path().join(file)).unwrap();
        let committed = std::fs::read(data.join(file)).unwrap();
        assert!(
            built == committed,
            "data/{file} is not what data/build_gazetteer.py builds from the mirror \
             ({} bytes built, {} committed); rerun `python3 data/build_gazetteer.py` and commit",
            built.len(),
            committed.len()
        );
    }
    // Nothing was written beside the script (no __pycache__ in the repository).
    assert!(!data.join("__pycache__").exists());
}

/// Without the mirror: the committed data files are the ones `snapshot.json` describes.
#[test]
fn committed_files_match_their_checksums() {
    if !python3_works() {
        return skipped("python3 not found");
    }
    let data = data_dir();
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("snapshot.json")).unwrap())
            .unwrap();
    for part in ["gazetteer", "cercles"] {
        let file = meta[part]["file"].as_str().unwrap();
        let hashed = Command::new("python3")
            .args([
                "-c",
                "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())",
            ])
            .arg(data.join(file))
            .output()
            .unwrap();
        assert!(hashed.status.success());
        let sha = String::from_utf8(hashed.stdout).unwrap();
        assert_eq!(sha.trim(), meta[part]["sha256"], "data/{file}");
        let size = std::fs::metadata(data.join(file)).unwrap().len();
        assert_eq!(
            Some(size),
            meta[part]["compressed_bytes"].as_u64(),
            "data/{file}"
        );
    }
}
