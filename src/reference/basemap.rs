//! The offline basemap: country outlines around Mali, Mali's nine admin-1
//! areas (eight regions and the Bamako district, pre-2023 boundaries),
//! rivers and lakes, parsed from the embedded `data/basemap.json`, with
//! point-in-area lookups.
//!
//! Not a cercle (admin-2) layer and not the 2023 regions (Ménaka, Taoudénit
//! and the others are not in Natural Earth); coordinates are simplified to
//! about 1 km, so lookups right on a border are approximate.

use std::sync::LazyLock;

use geo::{
    Area as _, BoundingRect, Centroid, Coord, Distance, Euclidean, Intersects, LineString,
    MultiLineString, MultiPolygon, Point, Polygon, Rect,
};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use serde::Deserialize;

use super::ReferenceError;
use crate::text::fold_key;

const EMBEDDED_BASEMAP: &str = include_str!("../../data/basemap.json");

/// ISO 3166-1 alpha-3 code of the country the project is about.
const MALI_ISO: &str = "MLI";

/// The regions (Natural Earth admin-1) and the country outline (world-atlas)
/// come from different generalisations, so a point inside Mali's outline can
/// miss every region by a few hundred metres; such a point is given the
/// nearest region within this many degrees.
const REGION_SNAP_DEGREES: f64 = 0.05;

/// A named area: a country, a region (admin-1) or a lake.
#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    /// ISO 3166-1 alpha-3 for countries ("MLI"), ISO 3166-2 for regions
    /// ("ML-5", "ML-BKO"), empty for lakes.
    pub code: String,
    /// GeoNames id of the region's ADM1 record, when the source gives one.
    pub geonameid: Option<u64>,
    pub shape: MultiPolygon<f64>,
    /// A point inside the area: the centroid, or a point on the centroid's
    /// latitude when the centroid falls outside a concave shape.
    pub centroid: Point<f64>,
    pub bbox: Rect<f64>,
}

/// A named river (all its pieces inside the map's extent).
#[derive(Debug, Clone)]
pub struct Line {
    pub name: String,
    pub shape: MultiLineString<f64>,
}

type IndexedBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// The basemap layers and bounding-box indexes over the areas.
#[derive(Debug, Default)]
pub struct Basemap {
    pub countries: Vec<Area>,
    pub regions: Vec<Area>,
    pub rivers: Vec<Line>,
    pub lakes: Vec<Area>,
    /// Credit lines for the sources of the layers.
    pub attribution: Vec<String>,
    region_index: RTree<IndexedBox>,
    country_index: RTree<IndexedBox>,
}

/// The embedded basemap (`data/basemap.json`), parsed once.
///
/// The embedded file is checked by the tests; should it ever fail to parse,
/// this returns an empty basemap rather than panicking.
pub fn basemap() -> &'static Basemap {
    static BASEMAP: LazyLock<Basemap> =
        LazyLock::new(|| Basemap::from_json(EMBEDDED_BASEMAP).unwrap_or_default());
    &BASEMAP
}

#[derive(Deserialize)]
struct RawBasemap {
    #[serde(default)]
    attribution: Vec<String>,
    layers: RawLayers,
}

#[derive(Deserialize)]
struct RawLayers {
    #[serde(default)]
    countries: Vec<RawArea>,
    #[serde(default)]
    regions: Vec<RawArea>,
    #[serde(default)]
    rivers: Vec<RawLine>,
    #[serde(default)]
    lakes: Vec<RawArea>,
}

#[derive(Deserialize)]
struct RawArea {
    name: String,
    #[serde(default)]
    iso: String,
    #[serde(default)]
    geonameid: Option<u64>,
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
    #[serde(default)]
    centroid: Option<[f64; 2]>,
}

#[derive(Deserialize)]
struct RawLine {
    name: String,
    lines: Vec<Vec<[f64; 2]>>,
}

fn line_string(points: &[[f64; 2]]) -> LineString<f64> {
    points.iter().map(|&[x, y]| Coord { x, y }).collect()
}

impl RawArea {
    fn into_area(self) -> Result<Area, ReferenceError> {
        let invalid = |reason| ReferenceError::Geometry {
            name: self.name.clone(),
            reason,
        };
        let polygons: Vec<Polygon<f64>> = self
            .polygons
            .iter()
            .filter_map(|rings| {
                // A ring needs three distinct corners plus the closing point.
                let mut rings = rings.iter().filter(|ring| ring.len() >= 4);
                let exterior = line_string(rings.next()?);
                let holes = rings.map(|ring| line_string(ring)).collect();
                Some(Polygon::new(exterior, holes))
            })
            .collect();
        let shape = MultiPolygon::new(polygons);
        let bbox = shape.bounding_rect().ok_or_else(|| invalid("no polygon"))?;
        let centroid = match self.centroid {
            Some([x, y]) => Point::new(x, y),
            None => shape.centroid().ok_or_else(|| invalid("no centroid"))?,
        };
        Ok(Area {
            name: self.name,
            code: self.iso,
            geonameid: self.geonameid,
            shape,
            centroid,
            bbox,
        })
    }
}

fn areas(raw: Vec<RawArea>) -> Result<Vec<Area>, ReferenceError> {
    raw.into_iter().map(RawArea::into_area).collect()
}

fn bbox_index(areas: &[Area]) -> RTree<IndexedBox> {
    RTree::bulk_load(
        areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let (min, max) = (area.bbox.min(), area.bbox.max());
                GeomWithData::new(Rectangle::from_corners([min.x, min.y], [max.x, max.y]), i)
            })
            .collect(),
    )
}

/// Areas whose shape touches the point (boundary included), smallest first
/// so an enclave wins over the area around it.
fn area_at<'a>(
    areas: &'a [Area],
    index: &RTree<IndexedBox>,
    point: Point<f64>,
) -> Option<&'a Area> {
    index
        .locate_all_at_point(&[point.x(), point.y()])
        .filter_map(|entry| areas.get(entry.data))
        .filter(|area| area.shape.intersects(&point))
        .min_by(|a, b| a.shape.unsigned_area().total_cmp(&b.shape.unsigned_area()))
}

fn valid_point(lon: f64, lat: f64) -> Option<Point<f64>> {
    (lon.is_finite() && lat.is_finite()).then(|| Point::new(lon, lat))
}

/// Strips "région de", "district de", "… region" and maps the English
/// spelling of Tombouctou, so the remaining key can be compared to a name.
fn region_key(name: &str) -> String {
    let folded = fold_key(name);
    let mut key = folded.as_str();
    for prefix in [
        "region de ",
        "region du ",
        "region ",
        "district de ",
        "district ",
    ] {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest;
            break;
        }
    }
    for suffix in [" region", " district"] {
        if let Some(rest) = key.strip_suffix(suffix) {
            key = rest;
            break;
        }
    }
    match key {
        "timbuktu" | "tombouctou" | "tomboctou" | "timbouctou" => "tombouctou".to_owned(),
        other => other.to_owned(),
    }
}

impl Basemap {
    /// Parses a basemap in the `data/basemap.json` layout.
    pub fn from_json(json: &str) -> Result<Self, ReferenceError> {
        let raw: RawBasemap = serde_json::from_str(json)?;
        let countries = areas(raw.layers.countries)?;
        let regions = areas(raw.layers.regions)?;
        let lakes = areas(raw.layers.lakes)?;
        let rivers = raw
            .layers
            .rivers
            .into_iter()
            .map(|river| Line {
                name: river.name,
                shape: river
                    .lines
                    .iter()
                    .filter(|line| line.len() >= 2)
                    .map(|line| line_string(line))
                    .collect(),
            })
            .collect();
        Ok(Self {
            region_index: bbox_index(&regions),
            country_index: bbox_index(&countries),
            countries,
            regions,
            rivers,
            lakes,
            attribution: raw.attribution,
        })
    }

    /// Region (admin-1) containing the point (lon, lat); boundaries count as
    /// inside. A point inside Mali's outline that falls in a sliver between
    /// the two data sets gets the nearest region (within ~5 km).
    pub fn region_at(&self, lon: f64, lat: f64) -> Option<&Area> {
        let point = valid_point(lon, lat)?;
        if let Some(region) = area_at(&self.regions, &self.region_index, point) {
            return Some(region);
        }
        if !self
            .mali()
            .is_some_and(|mali| mali.shape.intersects(&point))
        {
            return None;
        }
        let search = AABB::from_corners(
            [lon - REGION_SNAP_DEGREES, lat - REGION_SNAP_DEGREES],
            [lon + REGION_SNAP_DEGREES, lat + REGION_SNAP_DEGREES],
        );
        self.region_index
            .locate_in_envelope_intersecting(&search)
            .filter_map(|entry| self.regions.get(entry.data))
            .map(|region| (Euclidean.distance(&region.shape, &point), region))
            .filter(|(distance, _)| *distance <= REGION_SNAP_DEGREES)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, region)| region)
    }

    /// Region by name, ignoring case, accents and punctuation ("segou",
    /// "Ségou", "SEGOU"); also accepts "Timbuktu", "région de …", "… Region"
    /// and ISO 3166-2 codes ("ML-4").
    pub fn region_named(&self, name: &str) -> Option<&Area> {
        let key = region_key(name);
        if key.is_empty() {
            return None;
        }
        let code = name.trim();
        self.regions.iter().find(|region| {
            region_key(&region.name) == key || region.code.eq_ignore_ascii_case(code)
        })
    }

    /// Whether the point lies in Mali (its outline or one of its regions).
    pub fn in_mali(&self, lon: f64, lat: f64) -> bool {
        let Some(point) = valid_point(lon, lat) else {
            return false;
        };
        self.mali()
            .is_some_and(|mali| mali.shape.intersects(&point))
            || area_at(&self.regions, &self.region_index, point).is_some()
    }

    /// Country containing the point (lon, lat), among Mali and the countries
    /// around it (outlines are cut to lon -13.5..5.5, lat 9..26).
    pub fn country_at(&self, lon: f64, lat: f64) -> Option<&Area> {
        area_at(&self.countries, &self.country_index, valid_point(lon, lat)?)
    }

    fn mali(&self) -> Option<&Area> {
        self.countries
            .iter()
            .find(|country| country.code == MALI_ISO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;

    fn region_name_at(lon: f64, lat: f64) -> Option<&'static str> {
        basemap()
            .region_at(lon, lat)
            .map(|region| region.name.as_str())
    }

    #[test]
    fn embedded_basemap_parses_with_all_layers() {
        let map = Basemap::from_json(EMBEDDED_BASEMAP).expect("embedded basemap parses");
        assert_eq!(map.regions.len(), 9);
        assert!(map.countries.len() >= 8);
        assert!(!map.rivers.is_empty());
        assert!(!map.attribution.is_empty());
        assert_eq!(basemap().regions.len(), 9);
    }

    #[test]
    fn region_at_finds_towns_in_their_regions() {
        assert_eq!(region_name_at(-8.0, 12.65), Some("Bamako"));
        assert_eq!(region_name_at(-4.19, 14.49), Some("Mopti"));
        assert_eq!(region_name_at(1.41, 18.44), Some("Kidal"));
        assert_eq!(region_name_at(-6.27, 13.45), Some("Ségou"));
        assert_eq!(region_name_at(-5.67, 11.32), Some("Sikasso"));
        assert_eq!(region_name_at(-11.44, 14.45), Some("Kayes"));
        assert_eq!(region_name_at(-7.55, 12.86), Some("Koulikoro"));
        assert_eq!(region_name_at(-3.0, 16.77), Some("Tombouctou"));
        assert_eq!(region_name_at(-0.04, 16.27), Some("Gao"));
    }

    #[test]
    fn niamey_is_in_niger_not_mali() {
        let map = basemap();
        assert!(!map.in_mali(2.11, 13.51));
        assert!(map.region_at(2.11, 13.51).is_none());
        let country = map.country_at(2.11, 13.51).expect("Niamey has a country");
        assert_eq!(country.name, "Niger");
        assert_eq!(country.code, "NER");
    }

    #[test]
    fn mali_towns_are_in_mali() {
        let map = basemap();
        assert!(map.in_mali(-8.0, 12.65));
        assert!(map.in_mali(1.41, 18.44));
        assert_eq!(
            map.country_at(-4.19, 14.49).map(|c| c.code.as_str()),
            Some("MLI")
        );
        // Ouagadougou, Dakar's longitude at Mali's latitude, the open sea.
        assert!(!map.in_mali(-1.52, 12.37));
        assert!(!map.in_mali(-16.0, 14.0));
        assert!(map.country_at(-30.0, 0.0).is_none());
    }

    #[test]
    fn lookups_reject_non_finite_coordinates() {
        let map = basemap();
        assert!(map.region_at(f64::NAN, 12.0).is_none());
        assert!(map.country_at(-8.0, f64::INFINITY).is_none());
        assert!(!map.in_mali(f64::NAN, f64::NAN));
    }

    #[test]
    fn region_named_folds_case_accents_and_aliases() {
        let map = basemap();
        for name in [
            "Ségou",
            "segou",
            "SEGOU",
            "Région de Ségou",
            "Segou Region",
            "ML-4",
        ] {
            assert_eq!(
                map.region_named(name).map(|r| r.name.as_str()),
                Some("Ségou"),
                "{name}"
            );
        }
        for name in ["Tombouctou", "timbuktu", "Timbuktu Region"] {
            assert_eq!(
                map.region_named(name).map(|r| r.name.as_str()),
                Some("Tombouctou")
            );
        }
        assert_eq!(
            map.region_named("district de Bamako")
                .map(|r| r.code.as_str()),
            Some("ML-BKO")
        );
        assert_eq!(
            map.region_named("Sikasso").map(|r| r.code.as_str()),
            Some("ML-3")
        );
        assert!(map.region_named("Wassoulou").is_none());
        assert!(map.region_named("Niamey").is_none());
        assert!(map.region_named("").is_none());
        assert!(map.region_named("région").is_none());
    }

    #[test]
    fn every_region_centroid_is_inside_mali_and_its_region() {
        let map = basemap();
        for region in &map.regions {
            let (lon, lat) = region.centroid.x_y();
            assert!(map.in_mali(lon, lat), "{} centroid", region.name);
            assert!(
                region.shape.contains(&region.centroid),
                "{} centroid",
                region.name
            );
            assert!(region.geonameid.is_some(), "{} geonameid", region.name);
        }
    }

    #[test]
    fn regions_do_not_overlap_on_a_grid_over_mali() {
        let map = basemap();
        let mut inside_mali = 0;
        for i in 0..120 {
            for j in 0..100 {
                let (lon, lat) = (-12.3 + f64::from(i) * 0.1371, 10.1 + f64::from(j) * 0.1493);
                let point = Point::new(lon, lat);
                let containing = map
                    .regions
                    .iter()
                    .filter(|r| r.shape.contains(&point))
                    .count();
                assert!(containing <= 1, "({lon}, {lat}) in {containing} regions");
                if map.in_mali(lon, lat) {
                    inside_mali += 1;
                    assert!(
                        map.region_at(lon, lat).is_some(),
                        "({lon}, {lat}) has no region"
                    );
                }
            }
        }
        assert!(inside_mali > 3000);
    }

    #[test]
    fn rivers_include_the_niger_through_mali() {
        let map = basemap();
        let niger = map
            .rivers
            .iter()
            .find(|r| r.name == "Niger")
            .expect("Niger river");
        let near =
            |lon: f64, lat: f64| Euclidean.distance(&niger.shape, &Point::new(lon, lat)) < 0.1;
        assert!(near(-7.98, 12.64), "Bamako");
        assert!(near(-0.04, 16.27), "Gao");
        assert!(map.rivers.iter().any(|r| r.name == "Sénégal"));
    }

    #[test]
    fn from_json_reports_bad_input_without_panicking() {
        assert!(Basemap::from_json("").is_err());
        assert!(
            Basemap::from_json("{\"layers\":{\"regions\":[{\"name\":\"X\",\"polygons\":[]}]}}")
                .is_err()
        );
        let empty = Basemap::from_json("{\"layers\":{}}").expect("empty layers are fine");
        assert!(empty.region_at(0.0, 0.0).is_none());
        assert!(!empty.in_mali(-8.0, 12.65));
    }

    /// How fast it parses (< 50 ms) is the `budgets/basemap_parse` bench's.
    #[test]
    fn embedded_basemap_parses() {
        let map = Basemap::from_json(EMBEDDED_BASEMAP).expect("parses");
        assert_eq!(map.regions.len(), 9);
    }
}
