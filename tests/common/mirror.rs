//! Where the offline data mirror is: `../shared/` beside the crate, as on the developers'
//! machines and in CI. The one locator of it, included by the integration tests
//! (`tests/common.rs`), the unit tests (`#[path]` in `src/lib.rs`) and the benches.
//!
//! Tests that need the mirror are marked `#[ignore = "needs ../shared data mirror"]`, so a
//! clone without it reports them as ignored instead of passing them unchecked; `.ci/run` runs
//! them with `--include-ignored`, and then a missing mirror fails them here, by name.
//!
//! Not here: any test data of the project's own (tests/eval, seeds), which always run.

#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/` beside the crate.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// `path` under the mirror if it exists, else `None` (for benches' optional baselines).
pub fn find(path: &str) -> Option<PathBuf> {
    let p = root().join(path);
    p.exists().then_some(p)
}

/// `path` under the mirror; panics naming it when missing (an ignored test was run without
/// the mirror).
pub fn require(path: &str) -> PathBuf {
    find(path).unwrap_or_else(|| {
        panic!(
            "this test needs the data mirror: {} is missing",
            root().join(path).display()
        )
    })
}

/// GeoNames' export of Mali: `data/geonames/ML.txt`.
pub fn geonames_ml_txt() -> PathBuf {
    require("data/geonames/ML.txt")
}

/// The folder of the geoBoundaries files (cercle polygons, ADM2).
pub fn geoboundaries_dir() -> PathBuf {
    let dir = require("data/geoboundaries");
    require("data/geoboundaries/geoBoundaries-MLI-ADM2.geojson");
    dir
}

/// Real articles with hand labels (`realnews/labels.jsonl`); never copied into the project.
pub fn realnews_dir() -> PathBuf {
    require("realnews/labels.jsonl");
    require("realnews")
}
