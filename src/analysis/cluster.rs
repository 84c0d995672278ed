//! Clusters of incidents for every integer zoom level, built once per filter change, so a
//! frame draws the clusters of its level and never walks every incident; an R-tree per level
//! answers "what is under the cursor".
//!
//! Grid clustering in Web Mercator pixel space (256-px tiles, as the map): points sharing a
//! cell of `cell_px` pixels at a zoom form one cluster placed at their mean.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rstar::RTree;
use rstar::primitives::GeomWithData;

pub const MAX_ZOOM: usize = 18;

/// One incident to cluster.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub id: u32,
    pub lon: f64,
    pub lat: f64,
    pub deaths: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub lon: f64,
    pub lat: f64,
    pub members: Vec<u32>,
    pub deaths: u32,
}

type Entry = GeomWithData<[f64; 2], u32>;

/// A multiplicative hash for packed cell coordinates (SipHash is needlessly slow here, and
/// the keys are not attacker-controlled).
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

#[derive(Clone)]
pub struct ClusterLevels {
    levels: Vec<Vec<Cluster>>,
    trees: Vec<RTree<Entry>>,
}

/// Web Mercator world pixels at `zoom` (256-px tiles).
pub fn world_px(lon: f64, lat: f64, zoom: f64) -> [f64; 2] {
    let scale = 256.0 * 2f64.powf(zoom);
    let lat = lat.clamp(-85.05, 85.05).to_radians();
    let x = (lon + 180.0) / 360.0 * scale;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * scale;
    [x, y]
}

impl ClusterLevels {
    pub fn build(points: &[Point], cell_px: f64) -> Self {
        let mut levels = Vec::with_capacity(MAX_ZOOM + 1);
        let mut trees = Vec::with_capacity(MAX_ZOOM + 1);
        // Projected once at zoom 0; each level only scales.
        let base: Vec<[f64; 2]> = points.iter().map(|p| world_px(p.lon, p.lat, 0.0)).collect();
        for z in 0..=MAX_ZOOM {
            let scale = 2f64.powi(z as i32) / cell_px;
            let mut cells: HashMap<u64, usize, BuildHasherDefault<CellHasher>> =
                HashMap::with_capacity_and_hasher(points.len().min(1 << 16), Default::default());
            let mut clusters: Vec<Cluster> = Vec::new();
            let mut sums: Vec<(f64, f64)> = Vec::new();
            for (p, [bx, by]) in points.iter().zip(&base) {
                let key = ((bx * scale) as u64) << 32 | ((by * scale) as u64 & 0xFFFF_FFFF);
                let idx = *cells.entry(key).or_insert_with(|| {
                    clusters.push(Cluster {
                        lon: 0.0,
                        lat: 0.0,
                        members: Vec::new(),
                        deaths: 0,
                    });
                    sums.push((0.0, 0.0));
                    clusters.len() - 1
                });
                let c = &mut clusters[idx];
                c.members.push(p.id);
                c.deaths = c.deaths.saturating_add(p.deaths);
                sums[idx].0 += p.lon;
                sums[idx].1 += p.lat;
            }
            for (c, (slon, slat)) in clusters.iter_mut().zip(&sums) {
                let n = c.members.len() as f64;
                c.lon = slon / n;
                c.lat = slat / n;
            }
            let entries: Vec<Entry> = clusters
                .iter()
                .enumerate()
                .map(|(i, c)| GeomWithData::new(world_px(c.lon, c.lat, z as f64), i as u32))
                .collect();
            trees.push(RTree::bulk_load(entries));
            levels.push(clusters);
        }
        ClusterLevels { levels, trees }
    }

    fn level(zoom: f64) -> usize {
        (zoom.round().max(0.0) as usize).min(MAX_ZOOM)
    }

    pub fn at_zoom(&self, zoom: f64) -> &[Cluster] {
        &self.levels[Self::level(zoom)]
    }

    /// The cluster nearest to (lon, lat) within `radius_px` screen pixels at `zoom`.
    pub fn pick(&self, zoom: f64, lon: f64, lat: f64, radius_px: f64) -> Option<&Cluster> {
        let l = Self::level(zoom);
        // Clusters are indexed at the integer level; scale the query to it.
        let factor = 2f64.powf(l as f64 - zoom);
        let q = world_px(lon, lat, l as f64);
        let r = radius_px * factor;
        self.trees[l]
            .nearest_neighbor(&q)
            .filter(|e| {
                let [x, y] = *e.geom();
                (x - q[0]).hypot(y - q[1]) <= r
            })
            .map(|e| &self.levels[l][e.data as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts() -> Vec<Point> {
        vec![
            Point {
                id: 0,
                lon: -4.19,
                lat: 14.49,
                deaths: 10,
            }, // Mopti
            Point {
                id: 1,
                lon: -4.10,
                lat: 14.52,
                deaths: 5,
            }, // near Mopti
            Point {
                id: 2,
                lon: -8.0,
                lat: 12.65,
                deaths: 1,
            }, // Bamako
        ]
    }

    #[test]
    fn close_points_merge_when_zoomed_out_and_split_when_zoomed_in() {
        let c = ClusterLevels::build(&pts(), 60.0);
        let far = c.at_zoom(5.0);
        assert_eq!(far.len(), 2);
        let merged = far.iter().find(|c| c.members.len() == 2).unwrap();
        assert_eq!(merged.deaths, 15);
        assert_eq!(c.at_zoom(12.0).len(), 3);
    }

    #[test]
    fn pick_finds_the_cluster_under_the_cursor() {
        let c = ClusterLevels::build(&pts(), 60.0);
        let hit = c.pick(10.0, -8.0005, 12.6502, 10.0).unwrap();
        assert_eq!(hit.members, vec![2]);
        assert!(c.pick(10.0, -6.0, 12.0, 10.0).is_none());
    }

    #[test]
    fn mercator_matches_known_values() {
        let [x, y] = world_px(0.0, 0.0, 0.0);
        assert!((x - 128.0).abs() < 1e-9 && (y - 128.0).abs() < 1e-9);
    }
}
