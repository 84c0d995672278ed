//! The benches' gazetteer: the GeoNames snapshot embedded in the program (the full export of
//! Mali), as the program uses it; and where the offline mirror's ML.txt is, for baselines.

use std::path::PathBuf;

use mali_atlas::geocode::gazetteer::Gazetteer;

/// The one locator of the offline mirror, shared with the tests.
#[path = "../../tests/common/mirror.rs"]
mod locator;

/// The mirror's ML.txt, if this machine has it (a baseline of the pipeline bench only).
#[allow(dead_code)]
pub fn mirror() -> Option<PathBuf> {
    locator::find("data/geonames/ML.txt")
}

/// The mirror's full-resolution cercles (geoBoundaries ADM2), if this machine has them.
#[allow(dead_code)]
pub fn adm2() -> Option<PathBuf> {
    locator::find("data/geoboundaries/geoBoundaries-MLI-ADM2.geojson")
}

/// The embedded snapshot.
pub fn gazetteer() -> Gazetteer {
    Gazetteer::embedded().expect("the embedded gazetteer decodes")
}
