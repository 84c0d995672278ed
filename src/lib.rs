//! mali-atlas: violent incidents in Mali, extracted from French news articles, on a map.
//!
//! Dependencies point one way: `ui`/`export`/`cli` → `pipeline` → `store`/`analysis` →
//! `geocode`/`extract` → `corpus`/`reference` → `text`/`model`/`datasets`. [`LAYERS`] says
//! which module may use which; `tests/layering.rs` reads every module's `crate::` paths and
//! fails on one the table does not allow, and on a table that would allow a cycle.

pub mod analysis; // aggregation for charts: by region, by month, by actor, by category
pub mod corpus; // article loading, encodings, headers/datelines, sentence spans
pub mod datasets; // the data folder, downloads, the GeoNames and cercles installers, atomic writes
pub mod export; // JSON/JSONL/CSV/GeoJSON output of incidents
pub mod extract; // French text → incident drafts with evidence
pub mod geocode; // gazetteer index, which one a run uses, toponym matching, disambiguation
pub mod incident; // the incident record (now in model), re-exported at its old path
pub mod model; // domain types every layer shares: incident record, tolls, dates, points
pub mod pipeline; // article → geocoded incidents, for the CLI, the app and the tests
pub mod reference; // embedded basemap layers, regions and the fallback gazetteer
pub mod reference_events; // ACLED / UCDP GED exports read and matched against our incidents
pub mod store; // SQLite workspace: articles, incidents, corrections, merged events, search
pub mod text; // the one folding table (case, accents, ligatures) and the folds built on it
#[cfg(feature = "gui")]
pub mod ui; // the eframe app

/// Which modules each module of the library may use (`crate::X` outside its tests). A module
/// not in the table may use nothing. Lower layers first; an entry may only name modules
/// listed before it, so the table cannot describe a cycle.
#[doc(hidden)]
pub const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("text", &[]),
    ("datasets", &[]),
    ("incident", &["model"]),
    ("reference", &["text", "datasets", "model"]),
    ("corpus", &["text", "model"]),
    ("extract", &["corpus", "text", "model", "incident"]),
    (
        "geocode",
        &[
            "corpus",
            "text",
            "model",
            "incident",
            "extract",
            "reference",
            "datasets",
        ],
    ),
    (
        "analysis",
        &[
            "corpus",
            "text",
            "model",
            "incident",
            "reference",
            "extract",
        ],
    ),
    (
        "reference_events",
        &[
            "corpus",
            "text",
            "model",
            "incident",
            "reference",
            "analysis",
        ],
    ),
    (
        "store",
        &["corpus", "text", "model", "incident", "reference_events"],
    ),
    (
        "export",
        &[
            "corpus", "model", "incident", "analysis", "geocode", "datasets", "text", "store",
        ],
    ),
    (
        "pipeline",
        &[
            "corpus", "text", "model", "incident", "extract", "geocode", "store", "export",
            "datasets",
        ],
    ),
    (
        "ui",
        &[
            "corpus",
            "text",
            "model",
            "incident",
            "extract",
            "geocode",
            "reference",
            "store",
            "analysis",
            "export",
            "pipeline",
            "datasets",
            "reference_events",
        ],
    ),
];

/// Imports that break [`LAYERS`] today, each to be removed by moving code, not by widening
/// the table; none since the headless briefing moved into `ui::offscreen`. The layering test
/// fails when one of these is fixed and still listed.
#[doc(hidden)]
pub const KNOWN_UPWARD_IMPORTS: &[(&str, &str)] = &[];

/// Where the offline data mirror (`../shared/`) is, for the unit tests that need it: the same
/// file the integration tests and benches include.
#[cfg(test)]
#[path = "../tests/common/mirror.rs"]
pub(crate) mod test_mirror;
