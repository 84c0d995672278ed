//! The benches' gazetteer: the GeoNames snapshot embedded in the program (the full export of
//! Mali), as the program uses it; and where the offline mirror's ML.txt is, for baselines.

use std::path::PathBuf;

use mali_atlas::geocode::gazetteer::Gazetteer;

/// The mirror's ML.txt, if this machine has it (a baseline of the pipeline bench only).
#[allow(dead_code)]
pub fn mirror() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geonames/ML.txt");
    p.exists().then_some(p)
}

/// The embedded snapshot.
pub fn gazetteer() -> Gazetteer {
    Gazetteer::embedded().expect("the embedded gazetteer decodes")
}
