//! Points on the Earth and the one great-circle distance between them.
//!
//! The order of degrees is a known trap (GeoJSON and `geo` say lon, lat; the incident record
//! and people say lat, lon): [`LatLon`] names both fields, so no call site depends on an order.
//! Not here: projections for drawing (`ui::map`) or spatial indexes (`geocode::gazetteer`).

use geo::{Distance, Haversine, Point};

/// A point in degrees, latitude and longitude by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// Latitude first, as written in the incident record.
    pub const fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }
}

/// Great-circle distance in kilometres (haversine on the mean Earth radius, geo's
/// [`Haversine`]).
///
/// ```
/// use mali_atlas::model::{LatLon, distance_km};
/// let bamako = LatLon::new(12.65, -8.0);
/// let gao = LatLon::new(16.27, -0.04);
/// let d = distance_km(bamako, gao);
/// assert!((d - 951.0).abs() < 5.0, "{d}");
/// ```
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    Haversine.distance(Point::new(a.lon, a.lat), Point::new(b.lon, b.lat)) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances_and_symmetry() {
        let bamako = LatLon::new(12.65, -8.0);
        let segou = LatLon::new(13.43, -6.26);
        let d = distance_km(bamako, segou);
        assert!((d - 206.0).abs() < 3.0, "{d}");
        assert_eq!(d, distance_km(segou, bamako));
        assert_eq!(distance_km(bamako, bamako), 0.0);
        // A degree of latitude is ≈ 111.2 km; a degree of longitude shrinks with latitude.
        let north = distance_km(LatLon::new(0.0, 0.0), LatLon::new(1.0, 0.0));
        assert!((north - 111.2).abs() < 0.1, "{north}");
        let east_at_60 = distance_km(LatLon::new(60.0, 0.0), LatLon::new(60.0, 1.0));
        assert!((east_at_60 - 55.6).abs() < 0.1, "{east_at_60}");
    }
}
