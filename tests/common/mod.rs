//! Shared test helpers: the program's default geocoder (the embedded GeoNames snapshot and
//! cercles, as on a machine where nothing is installed), and where the offline mirror lives
//! ([`mirror`]).

use std::sync::LazyLock;

use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;
use mali_atlas::reference::cercles::Cercles;

pub mod eval_cases;
pub mod mirror;

/// The embedded gazetteer with the embedded cercles, built once per test binary.
#[allow(dead_code)]
pub fn embedded_geocoder() -> &'static Geocoder {
    static GEOCODER: LazyLock<Geocoder> = LazyLock::new(|| {
        Geocoder::new(Gazetteer::embedded().expect("the embedded gazetteer decodes"))
            .with_cercles(Cercles::embedded().expect("the embedded cercles parse"))
    });
    &GEOCODER
}
