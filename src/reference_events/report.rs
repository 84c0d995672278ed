//! The comparison written out: one CSV row per pair with both sides' key fields, and a
//! summary (counts per status, per region and per month) for stderr.
//! Not here: the matching rule (see [`super::matching`]).

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use super::ReferenceEvent;
use super::matching::{Pair, Status, TollDifference, tolls_overlap};
use crate::analysis::{Filter, region_of};
use crate::incident::Incident;
use crate::reference::basemap;

/// The CSV's columns, in order.
pub const COLUMNS: [&str; 37] = [
    "status",
    "day_gap",
    "distance_km",
    "same_cercle",
    "region",
    "month",
    "ours_article",
    "ours_incident",
    "ours_date",
    "ours_date_end",
    "ours_date_precision",
    "ours_event_type",
    "ours_place",
    "ours_lat",
    "ours_lon",
    "ours_precision",
    "ours_low",
    "ours_best",
    "ours_high",
    "theirs_source",
    "theirs_id",
    "theirs_line",
    "theirs_date_start",
    "theirs_date_end",
    "theirs_date_precision",
    "theirs_event_type",
    "theirs_place",
    "theirs_admin1",
    "theirs_lat",
    "theirs_lon",
    "theirs_geo_precision",
    "theirs_low",
    "theirs_best",
    "theirs_high",
    "toll_diff_best",
    "toll_diff_low_high",
    "tolls_overlap",
];

/// True when a reference event passes the date, region and minimum-deaths parts of the
/// filter (the actor, type and text parts are about our incidents and are not applied).
pub fn reference_in(filter: &Filter, e: &ReferenceEvent) -> bool {
    filter.from.is_none_or(|from| e.date_end >= from)
        && filter.to.is_none_or(|to| e.date_start <= to)
        && e.fatalities.best >= filter.min_deaths
        && filter
            .region
            .as_ref()
            .is_none_or(|r| reference_region(e).as_deref() == Some(r.as_str()))
}

/// The region (basemap admin1, as for incidents) of a reference event's point.
pub fn reference_region(e: &ReferenceEvent) -> Option<String> {
    basemap().region_at(e.lon, e.lat).map(|a| a.name.clone())
}

/// The region and month (`YYYY-MM`) a pair is counted under: ours when we have it, theirs
/// otherwise; `?` when unknown.
pub fn region_and_month(
    pair: &Pair,
    incidents: &[Incident],
    references: &[ReferenceEvent],
) -> (String, String) {
    let ours = pair.ours.and_then(|i| incidents.get(i));
    let theirs = pair.theirs.and_then(|j| references.get(j));
    let region = ours
        .and_then(region_of)
        .or_else(|| theirs.and_then(reference_region))
        .unwrap_or_else(|| "?".into());
    let month = ours
        .and_then(|i| i.date)
        .or(theirs.map(|e| e.date_start))
        .map_or_else(|| "?".into(), |d| d.format("%Y-%m").to_string());
    (region, month)
}

/// Writes the pairs as CSV, header first.
pub fn write_csv(
    w: &mut dyn Write,
    pairs: &[Pair],
    incidents: &[Incident],
    references: &[ReferenceEvent],
) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(COLUMNS)?;
    for pair in pairs {
        let ours = pair.ours.and_then(|i| incidents.get(i));
        let theirs = pair.theirs.and_then(|j| references.get(j));
        let (region, month) = region_and_month(pair, incidents, references);
        let opt = |v: Option<String>| v.unwrap_or_default();
        let toll = ours.and_then(|i| i.fatalities);
        let diff = theirs.and_then(|t| TollDifference::of(toll, t.fatalities));
        let mut row: Vec<String> = vec![
            pair.status.as_str().into(),
            opt(pair.day_gap.map(|d| d.to_string())),
            opt(pair.distance_km.map(|k| format!("{k:.1}"))),
            if pair.status == Status::Both {
                pair.same_cercle.to_string()
            } else {
                String::new()
            },
            region,
            month,
        ];
        row.extend(match ours {
            Some(i) => vec![
                i.article.clone(),
                i.incident.to_string(),
                opt(i.date.map(|d| d.to_string())),
                opt(i.date_end.map(|d| d.to_string())),
                format!("{:?}", i.date_precision).to_lowercase(),
                i.event_type.name().into(),
                opt(i
                    .places
                    .iter()
                    .find(|p| {
                        i.location
                            .is_some_and(|l| p.lat == Some(l.lat) && p.lon == Some(l.lon))
                    })
                    .map(|p| p.name.clone())),
                opt(i.location.map(|l| l.lat.to_string())),
                opt(i.location.map(|l| l.lon.to_string())),
                opt(i
                    .location
                    .map(|l| format!("{:?}", l.precision).to_lowercase())),
                opt(toll.map(|t| t.low.to_string())),
                opt(toll.map(|t| t.best.to_string())),
                opt(toll.map(|t| t.high.to_string())),
            ],
            None => vec![String::new(); 13],
        });
        row.extend(match theirs {
            Some(e) => vec![
                e.source.as_str().into(),
                e.id.clone(),
                e.line.to_string(),
                e.date_start.to_string(),
                e.date_end.to_string(),
                e.date_precision.to_string(),
                opt(e.event_type.map(|t| t.name().to_string())),
                e.place.clone(),
                e.admin1.clone(),
                e.lat.to_string(),
                e.lon.to_string(),
                e.geo_precision.to_string(),
                e.fatalities.low.to_string(),
                e.fatalities.best.to_string(),
                e.fatalities.high.to_string(),
            ],
            None => vec![String::new(); 15],
        });
        row.push(opt(diff.map(|d| d.best.to_string())));
        row.push(opt(diff.map(|d| format!("{}/{}", d.low, d.high))));
        row.push(opt(toll
            .zip(theirs)
            .map(|(t, e)| tolls_overlap(t, e.fatalities).to_string())));
        debug_assert_eq!(row.len(), COLUMNS.len());
        out.write_record(&row)?;
    }
    out.flush()
}

/// Counts of a comparison by status, and by status within each region and month.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub by_status: BTreeMap<Status, usize>,
    pub by_region: BTreeMap<String, BTreeMap<Status, usize>>,
    pub by_month: BTreeMap<String, BTreeMap<Status, usize>>,
    /// `both` pairs whose toll ranges do not overlap.
    pub toll_disagreements: usize,
}

impl Summary {
    pub fn of(pairs: &[Pair], incidents: &[Incident], references: &[ReferenceEvent]) -> Self {
        let mut s = Summary::default();
        for pair in pairs {
            let (region, month) = region_and_month(pair, incidents, references);
            *s.by_status.entry(pair.status).or_default() += 1;
            *s.by_region
                .entry(region)
                .or_default()
                .entry(pair.status)
                .or_default() += 1;
            *s.by_month
                .entry(month)
                .or_default()
                .entry(pair.status)
                .or_default() += 1;
            let toll = pair
                .ours
                .and_then(|i| incidents.get(i))
                .and_then(|i| i.fatalities);
            let theirs = pair.theirs.and_then(|j| references.get(j));
            if let (Some(t), Some(e)) = (toll, theirs)
                && !tolls_overlap(t, e.fatalities)
            {
                s.toll_disagreements += 1;
            }
        }
        s
    }

    pub fn count(&self, status: Status) -> usize {
        self.by_status.get(&status).copied().unwrap_or(0)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "both {}, only_ours {}, only_theirs {} ({} matched with tolls that do not overlap)",
            self.count(Status::Both),
            self.count(Status::OnlyOurs),
            self.count(Status::OnlyTheirs),
            self.toll_disagreements
        )?;
        for (title, table) in [("region", &self.by_region), ("month", &self.by_month)] {
            writeln!(
                f,
                "{title:<24} {:>6} {:>10} {:>12}",
                "both", "only_ours", "only_theirs"
            )?;
            for (key, counts) in table {
                let n = |s| counts.get(&s).copied().unwrap_or(0);
                writeln!(
                    f,
                    "{key:<24} {:>6} {:>10} {:>12}",
                    n(Status::Both),
                    n(Status::OnlyOurs),
                    n(Status::OnlyTheirs)
                )?;
            }
        }
        Ok(())
    }
}
