//! mali-atlas: violent incidents in Mali, extracted from French news articles, on a map.
//!
//! Dependencies point one way: `ui`/`export`/`cli` → `analysis` → `geocode`/`extract` → `corpus`.

pub mod analysis; // aggregation for charts: by region, by month, by actor, by category
pub mod corpus; // article loading, encodings, headers/datelines, sentence spans
pub mod datasets; // the program's files on disk: atomic writes (data folder, installers to come)
pub mod export; // JSON/JSONL/CSV/GeoJSON output of incidents
pub mod extract; // French text → incident drafts with evidence
pub mod geocode; // gazetteer, toponym matching, disambiguation, admin areas
pub mod incident; // the incident record: the contract between modules
pub mod model; // domain types every layer shares (points, distance); depends on nothing here
pub mod pipeline; // article → geocoded incidents, for the CLI, the app and the tests
pub mod reference; // embedded basemap layers, regions and the fallback gazetteer
pub mod store; // SQLite workspace: articles, incidents, corrections, merged events, search
pub mod text; // the one folding table (case, accents, ligatures) and the folds built on it
#[cfg(feature = "gui")]
pub mod ui; // the eframe app

/// Where the offline data mirror (`../shared/`) is, for the unit tests that need it: the same
/// file the integration tests and benches include.
#[cfg(test)]
#[path = "../tests/common/mirror.rs"]
pub(crate) mod test_mirror;
