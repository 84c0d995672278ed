//! Mali's cercles (admin-2, the 49 pre-2023 cercles plus the Bamako district)
//! from geoBoundaries' ADM2 GeoJSON: parsing, the simplified copy embedded in
//! the program ([`Cercles::embedded`]), reading the copy installed in the data
//! directory (it then takes precedence), point-in-cercle and name lookups, and
//! a names-only table of the 2023 regions each cercle now belongs to.
//!
//! Installing a file is `datasets::boundaries`' job, with [`count_cercles`] as its check.
//!
//! Not the post-2023 cercles: the reform split many cercles, and no boundaries
//! for the new ones are used here, so [`region_2023`] is only as precise as a
//! whole old cercle. Attribution (CC BY 4.0): [`ATTRIBUTION`].

use std::path::Path;

use geo::{
    Area as _, BoundingRect, Coord, Intersects, LineString, MultiPolygon, Point, Polygon, Rect,
};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
use serde_json::Value;

use crate::text::fold_key;

use crate::datasets::boundaries::{FILE_NAME, read_source};

/// Credit line to show wherever cercle boundaries are displayed.
pub const ATTRIBUTION: &str =
    "Administrative boundaries: geoBoundaries (www.geoboundaries.org), CC BY 4.0";

/// One cercle (or the Bamako district) with its boundary.
#[derive(Debug, Clone)]
pub struct Cercle {
    /// French spelling ("Ségou", "Ténenkou"); the source's ASCII name when
    /// the spelling table below does not know it.
    pub name: String,
    /// Region of the 2023 reform the cercle belongs to ([`region_2023`]).
    pub region_2023: Option<&'static str>,
    pub shape: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
}

type IndexedBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// The cercles of one ADM2 file and a bounding-box index over them.
#[derive(Debug)]
pub struct Cercles {
    cercles: Vec<Cercle>,
    /// Planar area of each cercle (same order), so lookups try small units
    /// first and an enclave wins over the unit around it.
    areas: Vec<f64>,
    /// Folded lookup key of each cercle's name (same order), for `named`.
    keys: Vec<String>,
    index: RTree<IndexedBox>,
}

/// Why cercle boundaries could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CerclesError {
    #[error(transparent)]
    Dataset(#[from] crate::datasets::DatasetError),
    #[error("cercles GeoJSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cercles GeoJSON: {0}")]
    Format(&'static str),
    #[error("cercles GeoJSON feature {feature} ({name:?}): {reason}")]
    Geometry {
        feature: usize,
        name: String,
        reason: &'static str,
    },
    #[error(transparent)]
    Embedded(#[from] super::ReferenceError),
}

/// geoBoundaries writes names in ASCII; these are the usual French
/// spellings (DNCT / Journal officiel usage as found in Malian press).
/// Names without accents and not renamed ("Kayes", "Bankass") are absent.
const FRENCH_SPELLINGS: &[(&str, &str)] = &[
    ("Abeibara", "Abeïbara"),
    ("Bafoulabe", "Bafoulabé"),
    ("Baroueli", "Barouéli"),
    ("Diema", "Diéma"),
    ("Dioila", "Dioïla"),
    ("Dire", "Diré"),
    ("Djenne", "Djenné"),
    ("Kenieba", "Kéniéba"),
    ("Kolondieba", "Kolondiéba"),
    ("Menaka", "Ménaka"),
    ("Niafunke", "Niafunké"),
    // The cercle's official name; "Nioro" alone is accepted by `named`.
    ("Nioro", "Nioro du Sahel"),
    ("Segou", "Ségou"),
    ("Tenenkou", "Ténenkou"),
    ("Yelimane", "Yélimané"),
];

/// Other names a cercle goes by in news text (folded) → its French name.
const ALIASES: &[(&str, &str)] = &[
    ("nioro", "Nioro du Sahel"),
    ("timbuktu", "Tombouctou"),
    ("tinessako", "Tin-Essako"),
    ("tin essakou", "Tin-Essako"),
    ("rharous", "Gourma-Rharous"),
    ("gourma rarhous", "Gourma-Rharous"),
];

/// Cercle (pre-2023, French name) → region after the administrative reform.
///
/// Source: own knowledge of the reform, not checked against the Journal
/// officiel. The 19 regions were created on paper by the 2012 law on
/// administrative districts (loi n° 2012-017 as recalled); Taoudénit and
/// Ménaka were set up in 2016, the others took effect with the 2023 reform,
/// which also split most cercles into new ones. A table of whole old cercles
/// is therefore approximate where a new region took only part of a cercle.
///
/// Uncertain entries (kept in the pre-2023 region, by the rule "when unsure,
/// keep the old region") are marked `unsure` below.
///
/// Taoudénit has no entry: it was carved from the desert north of the
/// Tombouctou cercle (Salam, Ber, Arawane area) and of Goundam, so no old
/// cercle maps wholly to it; those cercles map to Tombouctou.
const REGIONS_2023: &[(&str, &str)] = &[
    // Bamako is a district, not a region; named so it is not a gap.
    ("Bamako", "Bamako"),
    // Former Kayes region.
    ("Kayes", "Kayes"),
    // unsure: Bafoulabé could have gone to Kita; Oussoubidiagna, carved
    // from it, is a Kayes cercle, so kept in Kayes.
    ("Bafoulabé", "Kayes"),
    ("Kéniéba", "Kayes"),
    // unsure: Yélimané borders Nioro; kept in Kayes.
    ("Yélimané", "Kayes"),
    ("Kita", "Kita"),
    ("Nioro du Sahel", "Nioro"),
    ("Diéma", "Nioro"),
    // Former Koulikoro region.
    ("Koulikoro", "Koulikoro"),
    ("Kati", "Koulikoro"),
    ("Kolokani", "Koulikoro"),
    // unsure: Banamba is sometimes listed with Dioïla; kept in Koulikoro.
    ("Banamba", "Koulikoro"),
    // unsure: Kangaba borders the Bougouni region; kept in Koulikoro.
    ("Kangaba", "Koulikoro"),
    // Dioïla region: the Dioïla cercle and the cercles carved from it
    // (Fana, Massigui, Béléko…).
    ("Dioïla", "Dioïla"),
    ("Nara", "Nara"),
    // Former Sikasso region.
    ("Sikasso", "Sikasso"),
    ("Kadiolo", "Sikasso"),
    ("Bougouni", "Bougouni"),
    ("Kolondiéba", "Bougouni"),
    ("Yanfolila", "Bougouni"),
    ("Koutiala", "Koutiala"),
    ("Yorosso", "Koutiala"),
    // Former Ségou region.
    ("Ségou", "Ségou"),
    ("Barouéli", "Ségou"),
    // unsure: Bla borders San; kept in Ségou.
    ("Bla", "Ségou"),
    ("Macina", "Ségou"),
    ("Niono", "Ségou"),
    ("San", "San"),
    ("Tominian", "San"),
    // Former Mopti region.
    ("Mopti", "Mopti"),
    ("Djenné", "Mopti"),
    ("Ténenkou", "Mopti"),
    ("Youwarou", "Mopti"),
    ("Bandiagara", "Bandiagara"),
    ("Bankass", "Bandiagara"),
    ("Koro", "Bandiagara"),
    // Douentza region: the Douentza cercle and those carved from it (Boni,
    // Hombori…), which are not units of this file.
    ("Douentza", "Douentza"),
    // Former Tombouctou region (see Taoudénit above).
    ("Tombouctou", "Tombouctou"),
    ("Diré", "Tombouctou"),
    ("Goundam", "Tombouctou"),
    ("Gourma-Rharous", "Tombouctou"),
    ("Niafunké", "Tombouctou"),
    // Former Gao region.
    ("Gao", "Gao"),
    ("Ansongo", "Gao"),
    ("Bourem", "Gao"),
    ("Ménaka", "Ménaka"),
    // Kidal region.
    ("Kidal", "Kidal"),
    ("Abeïbara", "Kidal"),
    ("Tessalit", "Kidal"),
    ("Tin-Essako", "Kidal"),
];

/// The French name of a geoBoundaries `shapeName`.
fn french_name(source: &str) -> String {
    FRENCH_SPELLINGS
        .iter()
        .find(|(ascii, _)| *ascii == source)
        .map_or_else(|| source.to_owned(), |(_, french)| (*french).to_owned())
}

/// Folded lookup key of a cercle name: "Cercle de Ségou" → "segou";
/// known aliases ("Nioro", "Timbuktu") become the folded French name.
fn cercle_key(name: &str) -> String {
    let folded = fold_key(name);
    let mut key = folded.as_str();
    for prefix in ["cercle de ", "cercle du ", "cercle d ", "cercle "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest;
            break;
        }
    }
    if let Some(rest) = key.strip_suffix(" cercle") {
        key = rest;
    }
    match ALIASES.iter().find(|(alias, _)| *alias == key) {
        Some((_, french)) => fold_key(french),
        None => key.to_owned(),
    }
}

/// The region of the 2023 reform a (pre-2023) cercle belongs to; the name
/// is folded ("bankass", "Cercle de Ségou", "Nioro" all work). A name not in
/// the table gives `None`. See the table's notes for what is uncertain.
pub fn region_2023(cercle: &str) -> Option<&'static str> {
    let key = cercle_key(cercle);
    if key.is_empty() {
        return None;
    }
    REGIONS_2023
        .iter()
        .find(|(name, _)| fold_key(name) == key)
        .map(|(_, region)| *region)
}

/// The region of the 2023 reform named `name` ("Ménaka", "bandiagara"), as the table spells
/// it; `None` for any other name.
pub fn region_2023_named(name: &str) -> Option<&'static str> {
    let key = fold_key(name);
    REGIONS_2023
        .iter()
        .map(|(_, region)| *region)
        .find(|region| fold_key(region) == key)
}

fn coord(value: &Value) -> Option<Coord<f64>> {
    let pair = value.as_array()?;
    let (x, y) = (pair.first()?.as_f64()?, pair.get(1)?.as_f64()?);
    (x.is_finite() && y.is_finite()).then_some(Coord { x, y })
}

/// A ring needs three distinct corners plus the closing point.
fn ring(value: &Value) -> Result<Option<LineString<f64>>, &'static str> {
    let points = value.as_array().ok_or("ring is not an array")?;
    let coords = points
        .iter()
        .map(coord)
        .collect::<Option<Vec<_>>>()
        .ok_or("bad coordinate")?;
    Ok((coords.len() >= 4).then(|| LineString::new(coords)))
}

/// A GeoJSON polygon's rings; `None` when the exterior is degenerate.
fn polygon(value: &Value) -> Result<Option<Polygon<f64>>, &'static str> {
    let rings = value.as_array().ok_or("polygon is not an array of rings")?;
    let mut rings = rings.iter();
    let Some(exterior) = rings.next().map(ring).transpose()?.flatten() else {
        return Ok(None);
    };
    let mut holes = Vec::new();
    for hole in rings {
        holes.extend(ring(hole)?);
    }
    Ok(Some(Polygon::new(exterior, holes)))
}

fn multi_polygon(geometry: &Value) -> Result<MultiPolygon<f64>, &'static str> {
    let coordinates = geometry.get("coordinates").ok_or("no coordinates")?;
    let polygons = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => polygon(coordinates)?.into_iter().collect(),
        Some("MultiPolygon") => {
            let mut polygons = Vec::new();
            for part in coordinates
                .as_array()
                .ok_or("multipolygon is not an array")?
            {
                polygons.extend(polygon(part)?);
            }
            polygons
        }
        _ => return Err("geometry is not a Polygon or MultiPolygon"),
    };
    Ok(MultiPolygon::new(polygons))
}

fn cercle(index: usize, feature: &Value) -> Result<Cercle, CerclesError> {
    let source_name = feature
        .get("properties")
        .and_then(|p| p.get("shapeName"))
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default();
    let invalid = |reason| CerclesError::Geometry {
        feature: index,
        name: source_name.to_owned(),
        reason,
    };
    if source_name.is_empty() {
        return Err(invalid("no shapeName"));
    }
    let geometry = feature
        .get("geometry")
        .filter(|g| !g.is_null())
        .ok_or_else(|| invalid("no geometry"))?;
    let shape = multi_polygon(geometry).map_err(invalid)?;
    let bbox = shape.bounding_rect().ok_or_else(|| invalid("no polygon"))?;
    let name = french_name(source_name);
    Ok(Cercle {
        region_2023: region_2023(&name),
        name,
        shape,
        bbox,
    })
}

impl Cercles {
    /// Parses a geoBoundaries ADM2 GeoJSON (a FeatureCollection of Polygon
    /// or MultiPolygon features with a `shapeName` property). Ring
    /// orientation does not matter; degenerate rings are dropped.
    pub fn from_geojson(src: &str) -> Result<Self, CerclesError> {
        let root: Value = serde_json::from_str(src)?;
        if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
            return Err(CerclesError::Format("not a FeatureCollection"));
        }
        let features = root
            .get("features")
            .and_then(Value::as_array)
            .ok_or(CerclesError::Format("no features array"))?;
        let cercles = features
            .iter()
            .enumerate()
            .map(|(i, feature)| cercle(i, feature))
            .collect::<Result<Vec<_>, _>>()?;
        let areas = cercles.iter().map(|c| c.shape.unsigned_area()).collect();
        let keys = cercles.iter().map(|c| cercle_key(&c.name)).collect();
        let index = RTree::bulk_load(
            cercles
                .iter()
                .enumerate()
                .map(|(i, cercle)| {
                    let (min, max) = (cercle.bbox.min(), cercle.bbox.max());
                    GeomWithData::new(Rectangle::from_corners([min.x, min.y], [max.x, max.y]), i)
                })
                .collect(),
        );
        Ok(Self {
            cercles,
            areas,
            keys,
            index,
        })
    }

    /// The 50 cercles embedded in the program: geoBoundaries' ADM2 layer with its borders
    /// simplified (Douglas–Peucker, 0.005°, shared borders kept shared) by
    /// `data/build_gazetteer.py`. A few milliseconds; an error only if the embedded data is
    /// damaged (the tests check it is not).
    pub fn embedded() -> Result<Self, CerclesError> {
        Self::from_geojson(&super::snapshot::cercles_geojson()?)
    }

    /// Reads `path`: a GeoJSON file, or a folder holding [`FILE_NAME`].
    pub fn from_path(path: &Path) -> Result<Self, CerclesError> {
        let (_, text) = read_source(path)?;
        Self::from_geojson(&text)
    }

    /// The cercle containing (lon, lat); a point on a border counts as
    /// inside (the smaller of the two cercles wins).
    pub fn cercle_at(&self, lon: f64, lat: f64) -> Option<&Cercle> {
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let point = Point::new(lon, lat);
        let mut candidates: Vec<usize> = self
            .index
            .locate_all_at_point(&[lon, lat])
            .map(|entry| entry.data)
            .collect();
        candidates.sort_by(|&a, &b| {
            let area = |i: usize| self.areas.get(i).copied().unwrap_or(f64::INFINITY);
            area(a).total_cmp(&area(b))
        });
        candidates
            .into_iter()
            .filter_map(|i| self.cercles.get(i))
            .find(|cercle| cercle.shape.intersects(&point))
    }

    /// The cercle of that name, ignoring case, accents and punctuation
    /// ("segou" finds "Ségou"); "Cercle de X" and a few aliases ("Nioro",
    /// "Timbuktu") are accepted.
    pub fn named(&self, name: &str) -> Option<&Cercle> {
        let key = cercle_key(name);
        if key.is_empty() {
            return None;
        }
        let position = self.keys.iter().position(|k| *k == key)?;
        self.cercles.get(position)
    }

    /// All cercles, in file order.
    pub fn all(&self) -> &[Cercle] {
        &self.cercles
    }

    pub fn len(&self) -> usize {
        self.cercles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cercles.is_empty()
    }
}

/// How many cercles the GeoJSON `text` holds, or why it is not a cercles layer: the check
/// `datasets::boundaries::install` runs before installing a file.
pub fn count_cercles(text: &str) -> Result<usize, String> {
    Cercles::from_geojson(text)
        .map(|c| c.len())
        .map_err(|e| e.to_string())
}

/// The cercles installed in `dir`, if a valid file is there. Parses on
/// every call (about half a megabyte); callers keep the result.
pub fn load_installed(dir: &Path) -> Option<Cercles> {
    Cercles::from_path(&dir.join(FILE_NAME)).ok()
}

/// The cercles installed in `dir` (the data directory, if any) when valid,
/// else the embedded ones; `None` only should the embedded data be damaged
/// (the error is logged).
pub fn load_installed_or_embedded(dir: Option<&Path>) -> Option<Cercles> {
    dir.and_then(load_installed).or_else(|| {
        Cercles::embedded()
            .inspect_err(|e| tracing::error!("{e}; no cercle boundaries"))
            .ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::{DatasetError, boundaries};
    use std::path::PathBuf;
    use std::sync::LazyLock;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The mirror of the geoBoundaries files (never copied into the project): the tests that
    /// read it are ignored unless run with `--include-ignored`.
    fn mirror_dir() -> PathBuf {
        crate::test_mirror::geoboundaries_dir()
    }

    /// The mirror's full-resolution layer, parsed once.
    fn mirror() -> &'static Cercles {
        static MIRROR: LazyLock<Cercles> = LazyLock::new(|| {
            Cercles::from_path(&mirror_dir().join(FILE_NAME)).expect("mirror ADM2 parses")
        });
        &MIRROR
    }

    static EMBEDDED: LazyLock<Cercles> =
        LazyLock::new(|| Cercles::embedded().expect("the embedded cercles parse"));

    /// The full-resolution layer passes the checks the embedded one passes below.
    #[test]
    #[ignore = "needs ../shared data mirror"]
    fn the_mirror_layer_passes_the_same_checks() {
        let full = mirror();
        fifty_units_all_with_a_2023_region_in(full);
        towns_fall_in_their_cercles_in(full);
        border_points_count_as_inside_in(full);
    }

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> Self {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "cercles-test-{}-{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).expect("temp dir");
            Self(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A FeatureCollection of axis-aligned squares (made-up test data).
    fn squares(units: &[(&str, f64, f64, f64)]) -> String {
        let features: Vec<String> = units
            .iter()
            .map(|&(name, x, y, side)| {
                let (x2, y2) = (x + side, y + side);
                format!(
                    r#"{{"type":"Feature","properties":{{"shapeName":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{x},{y2}],[{x2},{y2}],[{x2},{y}],[{x},{y}]]]}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn name_at(cercles: &Cercles, lon: f64, lat: f64) -> Option<&str> {
        cercles.cercle_at(lon, lat).map(|c| c.name.as_str())
    }

    #[test]
    fn fifty_units_all_with_a_2023_region() {
        fifty_units_all_with_a_2023_region_in(&EMBEDDED);
    }

    fn fifty_units_all_with_a_2023_region_in(cercles: &Cercles) {
        assert_eq!(cercles.len(), 50);
        assert!(!cercles.is_empty());
        for cercle in cercles.all() {
            assert!(
                cercle.region_2023.is_some(),
                "{} has no region",
                cercle.name
            );
            assert!(!cercle.shape.0.is_empty(), "{}", cercle.name);
        }
        // Every spelling and every table entry names a unit of the file.
        for (_, french) in FRENCH_SPELLINGS {
            assert!(cercles.named(french).is_some(), "{french}");
        }
        for (name, _) in REGIONS_2023 {
            assert!(cercles.named(name).is_some(), "{name}");
        }
        assert_eq!(REGIONS_2023.len(), 50);
        // 18 of the 19 regions (Taoudénit has no whole old cercle) + Bamako.
        let mut regions: Vec<&str> = cercles.all().iter().filter_map(|c| c.region_2023).collect();
        regions.sort_unstable();
        regions.dedup();
        assert_eq!(regions.len(), 19, "{regions:?}");
        assert!(!regions.contains(&"Taoudénit"));
    }

    #[test]
    fn towns_fall_in_their_cercles() {
        towns_fall_in_their_cercles_in(&EMBEDDED);
    }

    fn towns_fall_in_their_cercles_in(cercles: &Cercles) {
        for (lon, lat, expected) in [
            (-3.52, 14.08, "Bankass"),
            (-3.63, 13.74, "Bankass"), // Diallassagou
            (1.41, 18.44, "Kidal"),
            (-8.0, 12.65, "Bamako"),
            (-8.07, 12.74, "Kati"),
            (-6.27, 13.45, "Ségou"),
            (-4.19, 14.49, "Mopti"),
            (-3.0, 16.77, "Tombouctou"),
            (-0.04, 16.27, "Gao"),
            (2.40, 15.92, "Ménaka"),
            (-5.67, 11.32, "Sikasso"),
            (-1.70, 15.28, "Douentza"), // Hombori
            (-9.60, 15.23, "Nioro du Sahel"),
        ] {
            assert_eq!(name_at(cercles, lon, lat), Some(expected), "({lon}, {lat})");
        }
        // Niamey, Ouagadougou, Dakar: outside Mali.
        assert_eq!(name_at(cercles, 2.11, 13.51), None);
        assert_eq!(name_at(cercles, -1.52, 12.37), None);
        assert_eq!(name_at(cercles, -17.45, 14.69), None);
        assert_eq!(name_at(cercles, f64::NAN, 14.0), None);
        assert_eq!(name_at(cercles, -3.5, f64::INFINITY), None);
    }

    #[test]
    fn border_points_count_as_inside_and_bamako_beats_kati() {
        border_points_count_as_inside_in(&EMBEDDED);
    }

    fn border_points_count_as_inside_in(cercles: &Cercles) {
        for name in ["Bankass", "Kidal", "Bamako", "Tin-Essako"] {
            let cercle = cercles.named(name).expect("cercle");
            for polygon in &cercle.shape.0 {
                for vertex in polygon.exterior().0.iter().step_by(7) {
                    let found = cercles.cercle_at(vertex.x, vertex.y);
                    assert!(found.is_some(), "{name} vertex {vertex:?}");
                }
            }
        }
        // Bamako's outline is Kati's hole: its vertices are on both borders.
        let bamako = cercles.named("Bamako").expect("Bamako");
        let vertex = bamako.shape.0[0].exterior().0[0];
        assert_eq!(name_at(cercles, vertex.x, vertex.y), Some("Bamako"));
    }

    #[test]
    fn named_folds_case_accents_prefixes_and_aliases() {
        let cercles = &*EMBEDDED;
        let named = |name: &str| cercles.named(name).map(|c| c.name.as_str());
        for query in ["ségou", "Segou", "SÉGOU", "Cercle de Ségou", "segou cercle"] {
            assert_eq!(named(query), Some("Ségou"), "{query}");
        }
        assert_eq!(named("tenenkou"), Some("Ténenkou"));
        assert_eq!(named("Cercle de Diré"), Some("Diré"));
        assert_eq!(named("cercle d'Ansongo"), Some("Ansongo"));
        assert_eq!(named("Cercle du Goundam"), Some("Goundam"));
        assert_eq!(named("Nioro"), Some("Nioro du Sahel"));
        assert_eq!(named("nioro-du-sahel"), Some("Nioro du Sahel"));
        assert_eq!(named("Timbuktu"), Some("Tombouctou"));
        assert_eq!(named("gourma rharous"), Some("Gourma-Rharous"));
        assert_eq!(named("Boni"), None);
        assert_eq!(named("Niamey"), None);
        assert_eq!(named(""), None);
        assert_eq!(named("cercle"), None);
        assert_eq!(named("  ...  "), None);
    }

    #[test]
    fn region_2023_table() {
        assert_eq!(region_2023("Bankass"), Some("Bandiagara"));
        assert_eq!(region_2023("koro"), Some("Bandiagara"));
        assert_eq!(region_2023("Cercle de Bandiagara"), Some("Bandiagara"));
        assert_eq!(region_2023("Douentza"), Some("Douentza"));
        assert_eq!(region_2023("Tominian"), Some("San"));
        assert_eq!(region_2023("Yorosso"), Some("Koutiala"));
        assert_eq!(region_2023("Kolondieba"), Some("Bougouni"));
        assert_eq!(region_2023("Diema"), Some("Nioro"));
        assert_eq!(region_2023("Nioro"), Some("Nioro"));
        assert_eq!(region_2023("Dioila"), Some("Dioïla"));
        assert_eq!(region_2023("Nara"), Some("Nara"));
        assert_eq!(region_2023("Kita"), Some("Kita"));
        assert_eq!(region_2023("Menaka"), Some("Ménaka"));
        assert_eq!(region_2023_named("menaka"), Some("Ménaka"));
        assert_eq!(region_2023_named("Bandiagara"), Some("Bandiagara"));
        assert_eq!(region_2023_named("Sévaré"), None);
        assert_eq!(region_2023("Djenné"), Some("Mopti"));
        assert_eq!(region_2023("Timbuktu"), Some("Tombouctou"));
        assert_eq!(region_2023("Kidal"), Some("Kidal"));
        // Not pre-2023 cercles, or not names at all.
        assert_eq!(region_2023("Taoudénit"), None);
        assert_eq!(region_2023("Boni"), None);
        assert_eq!(region_2023(""), None);
        assert_eq!(region_2023("cercle de"), None);
        // Every table key is a distinct folded name.
        let mut keys: Vec<String> = REGIONS_2023.iter().map(|(n, _)| cercle_key(n)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), REGIONS_2023.len());
    }

    #[test]
    fn from_geojson_parses_polygons_multipolygons_and_holes() {
        let json = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"shapeName":"Segou"},"geometry":{"type":"MultiPolygon","coordinates":[
                [[[0,0],[0,1],[1,1],[1,0],[0,0]],[[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]],
                [[[5,5],[5,6],[6,6],[6,5],[5,5]]],
                [[[9,9],[9,9]]]
            ]}},
            {"type":"Feature","properties":{"shapeName":"Dire"},"geometry":{"type":"Polygon","coordinates":[
                [[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]]}},
            {"type":"Feature","properties":{"shapeName":"Nouveau"},"geometry":{"type":"Polygon","coordinates":[
                [[20,20],[20,21],[21,21],[21,20],[20,20]],[[1,1]]]}}
        ]}"#;
        let cercles = Cercles::from_geojson(json).expect("parses");
        assert_eq!(cercles.len(), 3);
        let segou = cercles.named("segou").expect("Ségou");
        assert_eq!(segou.name, "Ségou");
        assert_eq!(segou.region_2023, Some("Ségou"));
        assert_eq!(segou.shape.0.len(), 2, "degenerate part dropped");
        assert_eq!(segou.bbox.min(), Coord { x: 0.0, y: 0.0 });
        assert_eq!(segou.bbox.max(), Coord { x: 6.0, y: 6.0 });
        assert_eq!(name_at(&cercles, 0.2, 0.2), Some("Ségou"));
        assert_eq!(name_at(&cercles, 5.5, 5.5), Some("Ségou"));
        assert_eq!(name_at(&cercles, 0.5, 0.5), Some("Diré"));
        assert_eq!(name_at(&cercles, 0.4, 0.5), Some("Diré"), "shared border");
        assert_eq!(name_at(&cercles, 1.0, 0.5), Some("Ségou"), "outer border");
        assert_eq!(name_at(&cercles, 3.0, 3.0), None);
        let unknown = cercles.named("Nouveau").expect("kept as spelled");
        assert_eq!(unknown.region_2023, None);
        assert_eq!(
            unknown.shape.0[0].interiors().len(),
            0,
            "short hole dropped"
        );
    }

    #[test]
    fn from_geojson_reports_bad_input_without_panicking() {
        for bad in [
            "",
            "{}",
            "[]",
            "null",
            r#"{"type":"Feature"}"#,
            r#"{"type":"FeatureCollection"}"#,
            r#"{"type":"FeatureCollection","features":{}}"#,
            r#"{"type":"FeatureCollection","features":[1]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":null}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"Polygon","coordinates":[[["a","b"],[0,1],[1,1],[0,0]]]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1]]]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1]]]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"Polygon","coordinates":7}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"X"},"geometry":{"type":"MultiPolygon","coordinates":[7]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}}]}"#,
            r#"{"type":"FeatureCollection","features":[{"properties":{"shapeName":"  "},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}}]}"#,
        ] {
            assert!(Cercles::from_geojson(bad).is_err(), "{bad}");
        }
        let empty = Cercles::from_geojson(r#"{"type":"FeatureCollection","features":[]}"#)
            .expect("empty collection is valid");
        assert!(empty.is_empty());
        assert!(empty.cercle_at(-3.5, 14.0).is_none());
        assert!(empty.named("Ségou").is_none());
        assert!(matches!(
            Cercles::from_path(Path::new("/nonexistent/cercles.geojson")),
            Err(CerclesError::Dataset(DatasetError::Io { .. }))
        ));
    }

    #[test]
    #[ignore = "needs ../shared data mirror"]
    fn install_copies_the_file_and_load_installed_reads_it() {
        let install = |from: &Path, dir: &Path| boundaries::install(from, dir, &count_cercles);
        let mirror = mirror_dir();
        let original = std::fs::read(mirror.join(FILE_NAME)).expect("mirror readable");
        let data = TempDir::new();
        assert!(load_installed(&data.0).is_none(), "nothing installed yet");
        let dir = data.0.join("nested").join("data");
        // From the folder, then again from the file itself.
        assert_eq!(install(&mirror, &dir).expect("installs"), 50);
        assert_eq!(
            install(&mirror.join(FILE_NAME), &dir).expect("reinstalls"),
            50
        );
        assert_eq!(
            std::fs::read(dir.join(FILE_NAME)).expect("installed"),
            original
        );
        let installed = load_installed(&dir).expect("loads");
        assert_eq!(installed.len(), 50);
        assert_eq!(name_at(&installed, -3.52, 14.08), Some("Bankass"));
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .filter(|name| name != FILE_NAME)
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn install_refuses_garbage_and_keeps_the_existing_file() {
        let install = |from: &Path, dir: &Path| boundaries::install(from, dir, &count_cercles);
        let work = TempDir::new();
        let dir = work.0.join("data");
        let valid: Vec<(String, f64, f64, f64)> = (0..45)
            .map(|i| (format!("Unit{i}"), f64::from(i), 0.0, 1.0))
            .collect();
        let valid: Vec<(&str, f64, f64, f64)> = valid
            .iter()
            .map(|(n, x, y, s)| (n.as_str(), *x, *y, *s))
            .collect();
        let good = work.0.join("good.geojson");
        std::fs::write(&good, squares(&valid)).expect("write");
        assert_eq!(install(&good, &dir).expect("installs"), 45);
        let before = std::fs::read(dir.join(FILE_NAME)).expect("installed");

        let garbage = work.0.join("garbage.geojson");
        std::fs::write(&garbage, b"<html>404 Not Found</html>").expect("write");
        assert!(matches!(
            install(&garbage, &dir),
            Err(DatasetError::Invalid { reason, .. }) if reason.starts_with("cercles GeoJSON")
        ));
        let too_few = work.0.join("few.geojson");
        std::fs::write(&too_few, squares(&valid[..3])).expect("write");
        assert!(matches!(
            install(&too_few, &dir),
            Err(DatasetError::TooFewCercles {
                found: 3,
                minimum: 40,
                ..
            })
        ));
        let invalid_utf8 = work.0.join("binary.geojson");
        std::fs::write(&invalid_utf8, [0xff, 0xfe, 0x00, 0x7b]).expect("write");
        assert!(install(&invalid_utf8, &dir).is_err());
        assert!(matches!(
            install(&work.0.join("missing"), &dir),
            Err(DatasetError::Io { .. })
        ));
        // A folder without the file is an error, not an empty install.
        assert!(install(&work.0, &dir).is_err());

        assert_eq!(
            std::fs::read(dir.join(FILE_NAME)).expect("still there"),
            before
        );
        assert_eq!(
            std::fs::read_dir(&dir).expect("dir").count(),
            1,
            "no temp files"
        );
        assert_eq!(load_installed(&dir).map(|c| c.len()), Some(45));
    }

    #[test]
    fn ten_thousand_lookups_find_mali_in_half_the_box() {
        let cercles = &*EMBEDDED;
        // Deterministic pseudo-random points over Mali's bounding box.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(f64, f64)> = (0..10_000)
            .map(|_| (-12.24 + 16.49 * next(), 10.14 + 14.86 * next()))
            .collect();
        // The time they take is the `budgets/cercle_at_10k` bench's (< 50 ms).
        let found = points
            .iter()
            .filter(|&&(lon, lat)| cercles.cercle_at(lon, lat).is_some())
            .count();
        // Mali covers about half of its bounding box.
        assert!((3_000..8_000).contains(&found), "{found}");
    }

    /// Simplified borders move by at most ~550 m: the embedded layer puts points of Mali in
    /// the same cercle as the full-resolution one, bar a few near a border (under 1 %).
    #[test]
    #[ignore = "needs ../shared data mirror"]
    fn embedded_agrees_with_the_full_resolution_layer() {
        let full = mirror();
        let embedded = &*EMBEDDED;
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let (mut inside, mut differ) = (0, 0);
        for _ in 0..20_000 {
            let (lon, lat) = (-12.24 + 16.49 * next(), 10.14 + 14.86 * next());
            let a = full.cercle_at(lon, lat).map(|c| c.name.as_str());
            let b = embedded.cercle_at(lon, lat).map(|c| c.name.as_str());
            inside += usize::from(a.is_some());
            differ += usize::from(a != b);
        }
        eprintln!("{differ} of {inside} points inside Mali change cercle");
        assert!(inside > 5_000, "{inside}");
        assert!(differ * 100 < inside, "{differ} of {inside} points differ");
        let names = |c: &Cercles| {
            let mut v: Vec<String> = c.all().iter().map(|c| c.name.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(names(embedded), names(full));
    }

    #[test]
    fn load_installed_or_embedded_prefers_a_valid_install() {
        assert_eq!(load_installed_or_embedded(None).map(|c| c.len()), Some(50));
        let data = TempDir::new();
        assert_eq!(
            load_installed_or_embedded(Some(&data.0)).map(|c| c.len()),
            Some(50)
        );
        let units: Vec<(String, f64, f64, f64)> = (0..45)
            .map(|i| (format!("Unit{i}"), f64::from(i), 0.0, 1.0))
            .collect();
        let units: Vec<(&str, f64, f64, f64)> = units
            .iter()
            .map(|(n, x, y, s)| (n.as_str(), *x, *y, *s))
            .collect();
        std::fs::write(data.0.join(FILE_NAME), squares(&units)).expect("write");
        assert_eq!(
            load_installed_or_embedded(Some(&data.0)).map(|c| c.len()),
            Some(45)
        );
        std::fs::write(data.0.join(FILE_NAME), "{broken").expect("write");
        assert_eq!(
            load_installed_or_embedded(Some(&data.0)).map(|c| c.len()),
            Some(50)
        );
    }
}
