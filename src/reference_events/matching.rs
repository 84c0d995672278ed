//! Which reference event is which extracted incident.
//!
//! # The rule
//!
//! An incident (or a merged event of the workspace) and a reference event *may match* when
//! all three hold:
//!
//! 1. **Dates**: each side is an interval of days — ours `date..=date_end` widened by its
//!    [`DatePrecision`] (day 0, week 7, month 31, year 366, unknown 31 days), theirs
//!    `date_start..=date_end` widened by [`ReferenceEvent::date_slack_days`]. The gap between
//!    the two intervals is at most [`DAYS`] (±2 days). An incident without a date never
//!    matches.
//! 2. **Places**: the two points are within [`KM`] (25 km) plus each side's widening — ours
//!    from its location [`Precision`] (locality 0, near a locality 25, cercle 75, region 150,
//!    country unbounded), theirs from `geo_precision`/`where_prec`
//!    ([`ReferenceEvent::place_slack_km`]) — **or** both points fall in the same cercle. An
//!    incident without a map point never matches.
//! 3. **Event families** are compatible ([`compatible`]): armed violence (Battles,
//!    Explosions/Remote violence, Violence against civilians) with armed violence; Riots and
//!    Protests with each other, and Riots with Violence against civilians (mob violence);
//!    Strategic developments only with themselves. A GED event without `type_of_violence` is
//!    armed violence (GED codes nothing else).
//!
//! Each candidate pair gets a cost, `gap in days + distance in km / 25` (a day apart weighs
//! as much as 25 km apart), and pairs are taken greedily, cheapest first, each incident and
//! each reference event at most once (ties broken by position, so the result is
//! deterministic). What is left is `only_ours` or `only_theirs`.
//!
//! # Cost
//!
//! Reference events are bucketed by the months their widened interval touches; an incident
//! only looks at the buckets of its own interval. With n incidents, m reference events, k
//! months per interval (1–2 for day precision, ~25 for a year) and c candidate pairs, the
//! work is O((n + m)·k + c log c), not O(n·m). Each point's cercle is looked up once.
//!
//! Not here: reading the files (the readers) or writing the report.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use geo::{Distance, Haversine, Point};

use super::ReferenceEvent;
use crate::corpus::DatePrecision;
use crate::incident::{EventType, Incident, Precision, TollRange};
use crate::reference::cercles::Cercles;

/// Days two dates may be apart before any widening.
pub const DAYS: i64 = 2;
/// Kilometres two places may be apart before any widening.
pub const KM: f64 = 25.0;

/// How a pair of the comparison stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// The press and the dataset both have it.
    Both,
    /// Only the press (our incidents) has it.
    OnlyOurs,
    /// Only the dataset has it.
    OnlyTheirs,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Both, Status::OnlyOurs, Status::OnlyTheirs];

    /// `both`, `only_ours` or `only_theirs`, as the report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Both => "both",
            Status::OnlyOurs => "only_ours",
            Status::OnlyTheirs => "only_theirs",
        }
    }
}

/// One row of the comparison: an incident, a reference event, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub status: Status,
    /// Index into the incidents given to [`match_events`].
    pub ours: Option<usize>,
    /// Index into the reference events given to [`match_events`].
    pub theirs: Option<usize>,
    /// Days between the two (widened) intervals; 0 when they overlap. `both` only.
    pub day_gap: Option<i64>,
    /// Great-circle distance between the two points. `both` only.
    pub distance_km: Option<f64>,
    /// Both points in the same cercle. `both` only.
    pub same_cercle: bool,
}

/// Ours minus theirs, for each of low, best and high; `None` when our incident gives no toll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TollDifference {
    pub low: i64,
    pub best: i64,
    pub high: i64,
}

impl TollDifference {
    pub fn of(ours: Option<TollRange>, theirs: TollRange) -> Option<Self> {
        let ours = ours?;
        Some(TollDifference {
            low: i64::from(ours.low) - i64::from(theirs.low),
            best: i64::from(ours.best) - i64::from(theirs.best),
            high: i64::from(ours.high) - i64::from(theirs.high),
        })
    }
}

/// True when the two ranges share at least one value: the tolls do not contradict each other.
pub fn tolls_overlap(ours: TollRange, theirs: TollRange) -> bool {
    ours.low <= theirs.high && theirs.low <= ours.high
}

/// Whether two event types can be the same event (rule 3 of the module doc). `None` (a GED
/// event without `type_of_violence`) is armed violence.
pub fn compatible(ours: EventType, theirs: Option<EventType>) -> bool {
    use EventType::*;
    let Some(theirs) = theirs else {
        return matches!(ours, Battles | RemoteViolence | ViolenceAgainstCivilians);
    };
    let armed = |t| matches!(t, Battles | RemoteViolence | ViolenceAgainstCivilians);
    let unrest = |t| matches!(t, Riots | Protests);
    (armed(ours) && armed(theirs))
        || (unrest(ours) && unrest(theirs))
        || matches!(
            (ours, theirs),
            (Riots, ViolenceAgainstCivilians) | (ViolenceAgainstCivilians, Riots)
        )
        || (ours == StrategicDevelopments && theirs == StrategicDevelopments)
}

/// Days our date is widened by, from its precision (rule 1).
pub fn our_date_slack_days(p: DatePrecision) -> i64 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 7,
        DatePrecision::Month | DatePrecision::Unknown => 31,
        DatePrecision::Year => 366,
    }
}

/// Kilometres our place is widened by, from its precision (rule 2).
pub fn our_place_slack_km(p: Precision) -> f64 {
    match p {
        Precision::Locality => 0.0,
        Precision::NearLocality => 25.0,
        Precision::Admin2 => 75.0,
        Precision::Admin1 => 150.0,
        Precision::Country | Precision::Foreign => f64::INFINITY,
    }
}

/// The side of a comparison reduced to what the rule looks at.
struct Side {
    /// Widened interval, first and last day.
    first: NaiveDate,
    last: NaiveDate,
    lat: f64,
    lon: f64,
    slack_km: f64,
    cercle: Option<String>,
}

fn ours_side(i: &Incident, cercles: Option<&Cercles>) -> Option<Side> {
    let date = i.date?;
    let location = i.location?;
    let slack = Duration::days(our_date_slack_days(i.date_precision));
    Some(Side {
        first: date - slack,
        last: i.date_end.unwrap_or(date).max(date) + slack,
        lat: location.lat,
        lon: location.lon,
        slack_km: our_place_slack_km(location.precision),
        cercle: cercle_name(cercles, location.lon, location.lat),
    })
}

fn theirs_side(e: &ReferenceEvent, cercles: Option<&Cercles>) -> Side {
    let slack = Duration::days(e.date_slack_days());
    Side {
        first: e.date_start - slack,
        last: e.date_end + slack,
        lat: e.lat,
        lon: e.lon,
        slack_km: e.place_slack_km(),
        cercle: cercle_name(cercles, e.lon, e.lat),
    }
}

fn cercle_name(cercles: Option<&Cercles>, lon: f64, lat: f64) -> Option<String> {
    cercles?.cercle_at(lon, lat).map(|c| c.name.clone())
}

/// Months since year 0, the bucket key.
fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// Pairs the incidents with the reference events by the rule of the module doc. Every
/// incident and every reference event is in exactly one pair. Pairs come in the incidents'
/// order (matched or not), then the unmatched reference events in theirs.
pub fn match_events(
    incidents: &[Incident],
    references: &[ReferenceEvent],
    cercles: Option<&Cercles>,
) -> Vec<Pair> {
    let theirs: Vec<Side> = references.iter().map(|e| theirs_side(e, cercles)).collect();
    // Reference events by the months their interval, widened by the ±2 days too, touches.
    let mut buckets: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (j, side) in theirs.iter().enumerate() {
        let first = month_index(side.first - Duration::days(DAYS));
        let last = month_index(side.last + Duration::days(DAYS));
        for month in first..=last {
            buckets.entry(month).or_default().push(j);
        }
    }

    // Candidate pairs that pass the three tests: (cost, i, j, gap, km, same cercle).
    let mut candidates: Vec<(f64, usize, usize, i64, f64, bool)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, incident) in incidents.iter().enumerate() {
        let Some(ours) = ours_side(incident, cercles) else {
            continue;
        };
        seen.clear();
        for (_, js) in buckets.range(month_index(ours.first)..=month_index(ours.last)) {
            for &j in js {
                if !seen.insert(j) {
                    continue;
                }
                let side = &theirs[j];
                let gap = (ours.first - side.last)
                    .num_days()
                    .max((side.first - ours.last).num_days())
                    .max(0);
                if gap > DAYS {
                    continue;
                }
                if !compatible(incident.event_type, references[j].event_type) {
                    continue;
                }
                let km = Haversine.distance(
                    Point::new(ours.lon, ours.lat),
                    Point::new(side.lon, side.lat),
                ) / 1000.0;
                let same_cercle = ours.cercle.is_some() && ours.cercle == side.cercle;
                if km > KM + ours.slack_km + side.slack_km && !same_cercle {
                    continue;
                }
                candidates.push((gap as f64 + km / KM, i, j, gap, km, same_cercle));
            }
        }
    }
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut ours_match: Vec<Option<(usize, i64, f64, bool)>> = vec![None; incidents.len()];
    let mut theirs_taken = vec![false; references.len()];
    for (_, i, j, gap, km, same_cercle) in candidates {
        if ours_match[i].is_none() && !theirs_taken[j] {
            ours_match[i] = Some((j, gap, km, same_cercle));
            theirs_taken[j] = true;
        }
    }

    let mut pairs: Vec<Pair> = ours_match
        .into_iter()
        .enumerate()
        .map(|(i, m)| match m {
            Some((j, gap, km, same_cercle)) => Pair {
                status: Status::Both,
                ours: Some(i),
                theirs: Some(j),
                day_gap: Some(gap),
                distance_km: Some(km),
                same_cercle,
            },
            None => Pair {
                status: Status::OnlyOurs,
                ours: Some(i),
                theirs: None,
                day_gap: None,
                distance_km: None,
                same_cercle: false,
            },
        })
        .collect();
    pairs.extend(
        theirs_taken
            .iter()
            .enumerate()
            .filter(|(_, taken)| !**taken)
            .map(|(j, _)| Pair {
                status: Status::OnlyTheirs,
                ours: None,
                theirs: Some(j),
                day_gap: None,
                distance_km: None,
                same_cercle: false,
            }),
    );
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::Location;
    use crate::reference_events::Source;

    fn ours(date: &str, precision: DatePrecision, lat: f64, lon: f64, at: Precision) -> Incident {
        Incident {
            article: "a.txt".into(),
            incident: 0,
            date: Some(date.parse().unwrap()),
            date_end: None,
            date_precision: precision,
            event_type: EventType::Battles,
            sub_event_type: String::new(),
            actors: vec![],
            perpetrator: None,
            target: None,
            fatalities: Some(TollRange {
                low: 10,
                best: 12,
                high: 15,
            }),
            killed: None,
            wounded: None,
            captured: None,
            missing: None,
            toll_sources: vec![],
            places: vec![],
            location: Some(Location {
                lat,
                lon,
                precision: at,
            }),
            evidence: vec![],
            warnings: vec![],
            gazetteer: None,
        }
    }

    fn theirs(
        id: &str,
        date: &str,
        prec: u8,
        lat: f64,
        lon: f64,
        where_prec: u8,
    ) -> ReferenceEvent {
        let d: NaiveDate = date.parse().unwrap();
        ReferenceEvent {
            source: Source::Ged,
            id: id.into(),
            line: 2,
            date_start: d,
            date_end: d,
            date_precision: prec,
            event_type: None,
            sub_event_type: String::new(),
            actors: Default::default(),
            admin1: String::new(),
            admin2: String::new(),
            place: String::new(),
            lat,
            lon,
            geo_precision: where_prec,
            fatalities: TollRange {
                low: 20,
                best: 20,
                high: 20,
            },
            source_text: String::new(),
            notes: String::new(),
            attributes: Default::default(),
        }
    }

    fn statuses(pairs: &[Pair]) -> Vec<(Status, Option<usize>, Option<usize>)> {
        pairs.iter().map(|p| (p.status, p.ours, p.theirs)).collect()
    }

    #[test]
    fn two_days_and_25_km_match_three_days_or_40_km_do_not() {
        let i = [ours(
            "2023-05-10",
            DatePrecision::Day,
            14.0,
            -4.0,
            Precision::Locality,
        )];
        // 0.2° of latitude ≈ 22 km; 0.36° ≈ 40 km.
        let near = [theirs("g", "2023-05-12", 1, 14.2, -4.0, 1)];
        assert_eq!(statuses(&match_events(&i, &near, None))[0].0, Status::Both);
        let late = [theirs("g", "2023-05-13", 1, 14.0, -4.0, 1)];
        assert_eq!(
            statuses(&match_events(&i, &late, None))[0].0,
            Status::OnlyOurs
        );
        let far = [theirs("g", "2023-05-10", 1, 14.36, -4.0, 1)];
        assert_eq!(
            statuses(&match_events(&i, &far, None)),
            [
                (Status::OnlyOurs, Some(0), None),
                (Status::OnlyTheirs, None, Some(0))
            ]
        );
    }

    #[test]
    fn precision_widens_dates_and_places() {
        // A week-precise GED event (date_prec 3) five days off, and a region-level one
        // (where_prec 4) 100 km off, both match.
        let i = [ours(
            "2023-05-10",
            DatePrecision::Day,
            14.0,
            -4.0,
            Precision::Locality,
        )];
        let week = [theirs("g", "2023-05-15", 3, 14.0, -4.0, 1)];
        assert_eq!(match_events(&i, &week, None)[0].status, Status::Both);
        let region = [theirs("g", "2023-05-10", 1, 14.9, -4.0, 4)];
        assert_eq!(match_events(&i, &region, None)[0].status, Status::Both);
        // Our month-precise date widens too.
        let m = [ours(
            "2023-05-10",
            DatePrecision::Month,
            14.0,
            -4.0,
            Precision::Locality,
        )];
        let later = [theirs("g", "2023-06-05", 1, 14.0, -4.0, 1)];
        assert_eq!(match_events(&m, &later, None)[0].status, Status::Both);
    }

    #[test]
    fn one_match_per_pair_the_closest_first() {
        let i = [
            ours(
                "2023-05-10",
                DatePrecision::Day,
                14.0,
                -4.0,
                Precision::Locality,
            ),
            ours(
                "2023-05-11",
                DatePrecision::Day,
                14.0,
                -4.0,
                Precision::Locality,
            ),
        ];
        let r = [theirs("g", "2023-05-11", 1, 14.0, -4.0, 1)];
        assert_eq!(
            statuses(&match_events(&i, &r, None)),
            [
                (Status::OnlyOurs, Some(0), None),
                (Status::Both, Some(1), Some(0))
            ]
        );
    }

    #[test]
    fn incompatible_families_do_not_match() {
        let mut i = ours(
            "2023-05-10",
            DatePrecision::Day,
            14.0,
            -4.0,
            Precision::Locality,
        );
        i.event_type = EventType::Protests;
        let r = [theirs("g", "2023-05-10", 1, 14.0, -4.0, 1)];
        assert_eq!(match_events(&[i], &r, None)[0].status, Status::OnlyOurs);
        assert!(compatible(
            EventType::Riots,
            Some(EventType::ViolenceAgainstCivilians)
        ));
        assert!(!compatible(
            EventType::StrategicDevelopments,
            Some(EventType::Battles)
        ));
    }

    #[test]
    fn toll_difference_is_ours_minus_theirs() {
        let d = TollDifference::of(
            Some(TollRange {
                low: 10,
                best: 12,
                high: 15,
            }),
            TollRange {
                low: 20,
                best: 20,
                high: 20,
            },
        );
        assert_eq!(
            d,
            Some(TollDifference {
                low: -10,
                best: -8,
                high: -5
            })
        );
        assert!(!tolls_overlap(
            TollRange {
                low: 10,
                best: 12,
                high: 15
            },
            TollRange {
                low: 20,
                best: 20,
                high: 20
            }
        ));
    }

    #[test]
    fn many_events_far_apart_in_time_stay_cheap_and_unmatched() {
        // 2000 incidents and 2000 reference events a year apart: no candidate at all.
        let i: Vec<Incident> = (0..2000)
            .map(|_| {
                ours(
                    "2015-01-10",
                    DatePrecision::Day,
                    14.0,
                    -4.0,
                    Precision::Locality,
                )
            })
            .collect();
        let r: Vec<ReferenceEvent> = (0..2000)
            .map(|_| theirs("g", "2016-06-10", 1, 14.0, -4.0, 1))
            .collect();
        let pairs = match_events(&i, &r, None);
        assert_eq!(pairs.len(), 4000);
        assert!(pairs.iter().all(|p| p.status != Status::Both));
    }
}
