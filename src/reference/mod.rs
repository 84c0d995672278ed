//! Committed reference data, embedded in the binary: the offline basemap
//! (country outlines, Mali's admin-1 regions, rivers, lakes; Natural Earth),
//! a small list of towns (GeoNames cities500 subset, with Mali's neighbours),
//! and the snapshots of the full GeoNames gazetteer of Mali and of its 50
//! cercles (geoBoundaries ADM2), compressed.
//!
//! The basemap and the towns are produced by `data/build.py` from pinned
//! registry packages; the snapshots by `data/build_gazetteer.py` from the
//! GeoNames export and geoBoundaries' layer. A newer gazetteer or other
//! cercles installed by the user (`data install`) take precedence: this module
//! reads an installed cercles file ([`cercles::load_installed`]), but
//! installing is `datasets`' job and choosing the gazetteer `geocode`'s.
//!
//! Not here: downloading or installing anything, nor the GeoNames row format
//! (`datasets::geonames`, which the list of towns is read with).

mod basemap;
pub mod cercles;
mod places;
pub mod snapshot;

pub use basemap::{Area, Basemap, Line, basemap};
pub use places::{FallbackPlace, fallback_places, parse_fallback_places};

/// Credit line to show wherever the reference data is displayed.
pub const ATTRIBUTION: &str =
    "GeoNames (geonames.org), CC BY 4.0 · geoBoundaries, CC BY 4.0 · Made with Natural Earth";

/// Why embedded (or caller-supplied) reference data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("basemap JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("basemap feature {name:?}: {reason}")]
    Geometry { name: String, reason: &'static str },
    #[error("cities table line {line}: {reason}")]
    Table { line: usize, reason: String },
    #[error("embedded {file} is damaged: {reason}")]
    Snapshot { file: &'static str, reason: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_names_every_source() {
        assert!(ATTRIBUTION.contains("GeoNames (geonames.org), CC BY 4.0"));
        assert!(ATTRIBUTION.contains("geoBoundaries, CC BY 4.0"));
        assert!(ATTRIBUTION.contains("Made with Natural Earth"));
    }
}
