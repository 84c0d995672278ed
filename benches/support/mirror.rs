//! The benches' gazetteer: the full GeoNames dump from the offline mirror at
//! ../shared/data/geonames/ML.txt when present, else the embedded list (fewer places, same code).

use std::path::PathBuf;

use mali_atlas::geocode::gazetteer::Gazetteer;

/// The mirror's ML.txt, if this machine has it.
pub fn mirror() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geonames/ML.txt");
    p.exists().then_some(p)
}

/// The mirror's gazetteer, else the embedded one.
pub fn gazetteer() -> Gazetteer {
    mirror()
        .and_then(|p| Gazetteer::from_path(&p).ok())
        .unwrap_or_else(Gazetteer::fallback)
}
