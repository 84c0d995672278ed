//! Shared test helpers: the program's default geocoder (the embedded GeoNames snapshot and
//! cercles, as on a machine where nothing is installed), and where the offline mirror lives.

use std::path::PathBuf;
use std::sync::LazyLock;

use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;
use mali_atlas::reference::cercles::Cercles;

/// The embedded gazetteer with the embedded cercles, built once per test binary.
#[allow(dead_code)]
pub fn embedded_geocoder() -> &'static Geocoder {
    static GEOCODER: LazyLock<Geocoder> = LazyLock::new(|| {
        Geocoder::new(Gazetteer::embedded().expect("the embedded gazetteer decodes"))
            .with_cercles(Cercles::embedded().expect("the embedded cercles parse"))
    });
    &GEOCODER
}

/// `../shared/data/geonames/ML.txt` beside the crate. With `CI` set a missing mirror fails the
/// test instead of skipping it.
#[allow(dead_code)]
pub fn geonames_mirror() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geonames/ML.txt");
    if p.exists() {
        Some(p)
    } else if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set but the GeoNames mirror {} is missing",
            p.display()
        );
    } else {
        eprintln!("skipping: no GeoNames mirror at {}", p.display());
        None
    }
}

/// `../shared/data/geoboundaries/` (cercle polygons), same rule as the GeoNames mirror.
#[allow(dead_code)]
pub fn geoboundaries_mirror() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geoboundaries");
    if p.join("geoBoundaries-MLI-ADM2.geojson").exists() {
        Some(p)
    } else if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set but the geoBoundaries mirror {} is missing",
            p.display()
        );
    } else {
        eprintln!("skipping: no geoBoundaries mirror at {}", p.display());
        None
    }
}

/// `../shared/realnews/` (real articles with hand labels), same rule as the GeoNames mirror.
#[allow(dead_code)]
pub fn realnews() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realnews");
    if p.join("labels.jsonl").exists() {
        Some(p)
    } else if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set but the real-news folder {} is missing",
            p.display()
        );
    } else {
        eprintln!(
            "SKIPPED real-news score: no labelled articles at {}",
            p.display()
        );
        None
    }
}
