//! Aggregations for the charts and the map: filters over incidents, fatalities by region and
//! category, by month, by actor, and zoom-level clusters.
//!
//! Pure functions over `&[Incident]`; nothing here draws.

pub mod cluster;
pub mod doubt;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::corpus::normalize::fold_key;
use crate::incident::{Category, EventType, Incident, Precision, TollRange};
use crate::reference::basemap;

/// What the analyst is looking at. Every chart and the map honour all of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Event types shown; empty = all.
    pub event_types: Vec<EventType>,
    pub actor: Option<String>,
    pub region: Option<String>,
    pub min_deaths: u32,
    /// Worst precision shown (Locality shows only localities; Country shows all).
    pub max_precision: Option<Precision>,
    /// Folded words that must all appear in the incident's evidence, places or actors.
    pub text: String,
}

impl Filter {
    pub fn accepts(&self, i: &Incident) -> bool {
        if let Some(from) = self.from
            && i.date_end.or(i.date).is_some_and(|d| d < from)
        {
            return false;
        }
        if let Some(to) = self.to
            && i.date.is_some_and(|d| d > to)
        {
            return false;
        }
        if !self.event_types.is_empty() && !self.event_types.contains(&i.event_type) {
            return false;
        }
        if let Some(a) = &self.actor
            && !i.actors.iter().any(|x| x == a)
        {
            return false;
        }
        if let Some(r) = &self.region
            && region_of(i).as_deref() != Some(r.as_str())
        {
            return false;
        }
        if i.deaths() < self.min_deaths {
            return false;
        }
        if let Some(p) = self.max_precision
            && i.location.is_some_and(|l| l.precision > p)
        {
            return false;
        }
        if !self.text.trim().is_empty() {
            let hay = fold_key(&format!(
                "{} {} {} {}",
                i.article,
                i.actors.join(" "),
                i.places
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                i.evidence
                    .iter()
                    .map(|e| e.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            if !fold_key(&self.text).split(' ').all(|w| hay.contains(w)) {
                return false;
            }
        }
        true
    }

    /// Indices of the incidents this filter keeps.
    pub fn apply(&self, incidents: &[Incident]) -> Vec<usize> {
        (0..incidents.len())
            .filter(|&i| self.accepts(&incidents[i]))
            .collect()
    }
}

/// The region (pre-2023 admin1 of the basemap) of an incident's map point.
/// Points on a border the simplified polygons miss take the region the geocoder gave the
/// place.
pub fn region_of(i: &Incident) -> Option<String> {
    let l = i.location?;
    basemap()
        .region_at(l.lon, l.lat)
        .map(|r| r.name.clone())
        .or_else(|| {
            i.places
                .iter()
                .find(|p| p.lat == Some(l.lat) && p.lon == Some(l.lon))
                .and_then(|p| p.admin1.clone())
        })
}

/// Deaths per category, for one bar of a chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stack {
    pub by_category: BTreeMap<Category, TollRange>,
    pub incidents: Vec<usize>,
}

impl Stack {
    fn add(&mut self, idx: usize, i: &Incident) {
        self.incidents.push(idx);
        if let Some(k) = &i.killed {
            for (c, r) in k {
                let e = self.by_category.entry(*c).or_insert(TollRange::exact(0));
                *e = e.add(*r);
            }
        }
    }

    pub fn total(&self) -> TollRange {
        self.by_category
            .values()
            .fold(TollRange::exact(0), |a, r| a.add(*r))
    }
}

/// Deaths by region, stacked by category; regions in the basemap's order, unlocated last.
pub fn by_region(incidents: &[Incident], keep: &[usize]) -> Vec<(String, Stack)> {
    let mut map: BTreeMap<String, Stack> = BTreeMap::new();
    for &idx in keep {
        let i = &incidents[idx];
        let region = region_of(i).unwrap_or_else(|| "—".to_string());
        map.entry(region).or_default().add(idx, i);
    }
    map.into_iter().collect()
}

/// Deaths by month ("2024-08"), stacked by category, in time order.
pub fn by_month(incidents: &[Incident], keep: &[usize]) -> Vec<(String, Stack)> {
    let mut map: BTreeMap<String, Stack> = BTreeMap::new();
    for &idx in keep {
        let i = &incidents[idx];
        let Some(d) = i.date else { continue };
        map.entry(format!("{:04}-{:02}", d.year(), d.month()))
            .or_default()
            .add(idx, i);
    }
    map.into_iter().collect()
}

/// Deaths by actor (an incident counts for each of its actors).
pub fn by_actor(incidents: &[Incident], keep: &[usize]) -> Vec<(String, Stack)> {
    let mut map: BTreeMap<String, Stack> = BTreeMap::new();
    for &idx in keep {
        let i = &incidents[idx];
        for a in &i.actors {
            map.entry(a.clone()).or_default().add(idx, i);
        }
    }
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.1.total().best));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DatePrecision;
    use crate::incident::Location;

    pub(crate) fn incident(date: &str, lat: f64, lon: f64, civ: u32, sol: u32) -> Incident {
        let mut killed = BTreeMap::new();
        if civ > 0 {
            killed.insert(Category::Civilians, TollRange::exact(civ));
        }
        if sol > 0 {
            killed.insert(Category::Soldiers, TollRange::exact(sol));
        }
        Incident {
            article: "a.txt".into(),
            incident: 0,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            date_end: None,
            date_precision: DatePrecision::Day,
            event_type: EventType::Battles,
            sub_event_type: "Armed clash".into(),
            actors: vec!["JNIM".into()],
            perpetrator: None,
            target: None,
            fatalities: Some(TollRange::exact(civ + sol)),
            killed: (!killed.is_empty()).then_some(killed),
            wounded: None,
            captured: None,
            missing: None,
            toll_sources: vec![],
            places: vec![],
            location: Some(Location {
                lat,
                lon,
                precision: Precision::Locality,
            }),
            evidence: vec![],
            warnings: vec![],
            gazetteer: None,
        }
    }

    #[test]
    fn date_filter_keeps_the_range() {
        let v = vec![
            incident("2022-06-18", 14.5, -4.2, 10, 0),
            incident("2024-08-07", 16.3, -0.05, 0, 5),
        ];
        let f = Filter {
            from: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..Default::default()
        };
        assert_eq!(f.apply(&v), vec![1]);
        let f = Filter {
            min_deaths: 6,
            ..Default::default()
        };
        assert_eq!(f.apply(&v), vec![0]);
    }

    #[test]
    fn by_region_sums_categories() {
        let v = vec![
            incident("2022-06-18", 14.49, -4.19, 10, 0),
            incident("2022-06-19", 14.3, -3.5, 2, 3),
            incident("2024-08-07", 16.27, -0.04, 0, 5),
        ];
        let all: Vec<usize> = (0..3).collect();
        let r = by_region(&v, &all);
        let mopti = r.iter().find(|(n, _)| n == "Mopti").expect("Mopti bar");
        assert_eq!(mopti.1.total().best, 15);
        assert_eq!(mopti.1.by_category[&Category::Soldiers].best, 3);
        let months = by_month(&v, &all);
        assert_eq!(months[0].0, "2022-06");
        assert_eq!(months[0].1.incidents, vec![0, 1]);
    }
}
