//! One event, many articles: grouping the incidents that tell the same real-world event, and
//! reconciling their tolls. Map and charts draw `Workspace::events()`, so an event reported by
//! five articles counts once.
//!
//! Two incidents from *different* articles are the same event when all of these hold:
//! - dates: both known to the day or the week, and their intervals overlap or are at most one
//!   day apart (`date`..=`date_end`; a week-precision date covers 7 days);
//! - place: map points at most 25 km apart, or the same cercle (admin2);
//! - type: the same event type, or both among Battles / Violence against civilians /
//!   Explosions-Remote violence (articles often disagree on those three);
//! - tolls: for deaths, wounded, captured, missing, when both give a figure the ranges overlap
//!   or the best estimates differ by at most max(2, half of the larger);
//! - actors: named perpetrators, when both give one, are equal; actor lists, when both are
//!   non-empty, share a name.
//!
//! Groups grow by complete linkage (every pair in a group must match, so chains of near
//! neighbours do not snowball), never hold two incidents of one article, and never join two
//! incidents the analyst split apart. Incidents without a usable date or place stay alone.
//!
//! Toll reconciliation, per toll (deaths per category, wounded, captured, missing): *low* is
//! the lowest low reported, *high* the highest high, *best* the best estimate of the most
//! recently published article that gives the figure (later reports carry recounts; ties go to
//! the larger figure), clamped into low..=high. `fatalities` is the sum over categories.
//! Not here: storage of splits beyond the query (see the parent module).

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate};
use rusqlite::params;

use super::corrections::{IncidentKey, StoredIncident, resolve};
use super::{StoreError, Workspace, now_rfc3339};
use crate::corpus::DatePrecision;
use crate::incident::{EventType, Incident, TollRange};
use crate::model::{LatLon, distance_km};

/// Maximum distance between the map points of one event's reports.
pub const MERGE_RADIUS_KM: f64 = 25.0;

/// Candidate links kept per incident (its nearest matching reports).
const NEIGHBOURS: usize = 16;

/// One real-world event with the articles that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable for a given membership: the text key of the first member.
    pub id: String,
    pub members: Vec<IncidentKey>,
    /// Sources (paths) of the reporting articles, in member order, deduplicated.
    pub articles: Vec<String>,
    /// A representative record (the member with the most precise date and place, then the
    /// most evidence), with the dates widened to cover all members and reconciled tolls.
    pub record: Incident,
}

impl Event {
    pub fn reports(&self) -> usize {
        self.members.len()
    }
}

/// The day interval an incident's date covers, when it is precise enough to merge on.
fn interval(i: &Incident) -> Option<(NaiveDate, NaiveDate)> {
    let start = i.date?;
    let end = match i.date_precision {
        DatePrecision::Day => i.date_end.unwrap_or(start),
        DatePrecision::Week => i.date_end.unwrap_or(start + Duration::days(6)),
        _ => return None,
    };
    Some((start, end.max(start)))
}

/// The cercle of the incident's map point: the admin2 of the place the point came from, else
/// of the first place that has one.
fn cercle(i: &Incident) -> Option<&str> {
    let from_point = i.location.and_then(|l| {
        i.places
            .iter()
            .find(|p| p.lat == Some(l.lat) && p.lon == Some(l.lon) && p.admin2.is_some())
    });
    from_point
        .or_else(|| i.places.iter().find(|p| p.admin2.is_some()))
        .and_then(|p| p.admin2.as_deref())
}

fn violent(t: EventType) -> bool {
    matches!(
        t,
        EventType::Battles | EventType::ViolenceAgainstCivilians | EventType::RemoteViolence
    )
}

fn tolls_compatible(a: Option<TollRange>, b: Option<TollRange>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if a.low <= b.high && b.low <= a.high {
        return true;
    }
    let larger = a.best.max(b.best);
    a.best.abs_diff(b.best) <= (larger / 2).max(2)
}

/// What the merge rule reads of an incident, computed once per incident.
struct Features<'a> {
    interval: Option<(NaiveDate, NaiveDate)>,
    point: Option<(f64, f64)>,
    cercle: Option<String>,
    incident: &'a Incident,
}

impl<'a> Features<'a> {
    fn of(incident: &'a Incident) -> Self {
        Features {
            interval: interval(incident),
            point: incident.location.map(|l| (l.lat, l.lon)),
            cercle: cercle(incident).map(|c| c.trim().to_lowercase()),
            incident,
        }
    }
}

/// True when two incidents (from different articles) may be the same event.
pub fn same_event(a: &Incident, b: &Incident) -> bool {
    matches(&Features::of(a), &Features::of(b))
}

fn matches(fa: &Features<'_>, fb: &Features<'_>) -> bool {
    let (Some((a0, a1)), Some((b0, b1))) = (fa.interval, fb.interval) else {
        return false;
    };
    if a0 > b1 + Duration::days(1) || b0 > a1 + Duration::days(1) {
        return false;
    }
    let same_cercle = fa.cercle.is_some() && fa.cercle == fb.cercle;
    let near = || match (fa.point, fb.point) {
        // 0.23° of latitude is ≈ 25.5 km: most far pairs stop before the trigonometry
        (Some(p), Some(q)) => {
            (p.0 - q.0).abs() <= 0.23
                && distance_km(LatLon::new(p.0, p.1), LatLon::new(q.0, q.1)) <= MERGE_RADIUS_KM
        }
        _ => false,
    };
    if !same_cercle && !near() {
        return false;
    }
    let (a, b) = (fa.incident, fb.incident);
    if a.event_type != b.event_type && !(violent(a.event_type) && violent(b.event_type)) {
        return false;
    }
    if !tolls_compatible(a.fatalities, b.fatalities)
        || !tolls_compatible(a.wounded, b.wounded)
        || !tolls_compatible(a.captured, b.captured)
        || !tolls_compatible(a.missing, b.missing)
    {
        return false;
    }
    if let (Some(p), Some(q)) = (&a.perpetrator, &b.perpetrator)
        && p != q
    {
        return false;
    }
    a.actors.is_empty() || b.actors.is_empty() || a.actors.iter().any(|x| b.actors.contains(x))
}

/// Groups `incidents` (rejected ones are skipped) into events. `apart` lists index pairs
/// the analyst split. Output order: by date of the first member, undated events last.
pub fn group(incidents: &[StoredIncident], apart: &HashSet<(usize, usize)>) -> Vec<Vec<usize>> {
    let live: Vec<usize> = (0..incidents.len())
        .filter(|&i| !incidents[i].rejected)
        .collect();
    let mut dated: Vec<(NaiveDate, NaiveDate, usize)> = live
        .iter()
        .filter_map(|&i| interval(&incidents[i].incident).map(|(s, e)| (s, e, i)))
        .collect();
    dated.sort();
    let different_articles = |i: usize, j: usize| {
        let (a, b) = (
            incidents[i].key.article_hash(),
            incidents[j].key.article_hash(),
        );
        a.is_none() || a != b
    };
    let features: Vec<Features<'_>> = incidents
        .iter()
        .map(|i| Features::of(&i.incident))
        .collect();
    let may_merge = |i: usize, j: usize| {
        different_articles(i, j)
            && matches(&features[i], &features[j])
            && !apart.contains(&(i.min(j), i.max(j)))
    };
    // Candidate pairs: a sweep over start dates (an incident only meets those starting no
    // later than its end + 1 day), so the cost follows the number of same-days, not n². Each
    // incident keeps its NEIGHBOURS nearest matches: enough to grow any real group (a union
    // needs one edge, complete linkage is checked below), and bounded memory when a
    // synthetic or pathological corpus has thousands of look-alike reports on one day.
    let mut pairs: Vec<(u64, usize, usize)> = Vec::new();
    let mut near: Vec<(u64, usize)> = Vec::new();
    for (x, &(_, end, i)) in dated.iter().enumerate() {
        near.clear();
        for &(start, _, j) in &dated[x + 1..] {
            if start > end + Duration::days(1) {
                break;
            }
            if !different_articles(i, j) {
                continue;
            }
            let (a, b) = (&features[i], &features[j]);
            if matches(a, b) {
                let d = match (a.point, b.point) {
                    (Some(p), Some(q)) => distance_km(LatLon::new(p.0, p.1), LatLon::new(q.0, q.1)),
                    _ => MERGE_RADIUS_KM,
                };
                // metres, as an integer for a total order
                near.push(((d * 1000.0) as u64, j));
            }
        }
        if near.len() > NEIGHBOURS {
            near.select_nth_unstable(NEIGHBOURS);
            near.truncate(NEIGHBOURS);
        }
        pairs.extend(near.iter().map(|&(d, j)| (d, i.min(j), i.max(j))));
    }
    // closest pairs first
    pairs.sort_unstable();
    let mut group_of: Vec<usize> = (0..incidents.len()).collect();
    let mut groups: Vec<Vec<usize>> = (0..incidents.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in &pairs {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let ok = groups[gi]
            .iter()
            .all(|&x| groups[gj].iter().all(|&y| may_merge(x, y)));
        if ok {
            let moved = std::mem::take(&mut groups[gj]);
            for &m in &moved {
                group_of[m] = gi;
            }
            groups[gi].extend(moved);
        }
    }
    let mut out: Vec<Vec<usize>> = live
        .iter()
        .filter(|&&i| group_of[i] == i && !groups[i].is_empty())
        .map(|&i| {
            let mut g = groups[i].clone();
            g.sort_unstable();
            g
        })
        .collect();
    out.sort_by_key(|g| {
        let first = g.iter().filter_map(|&i| incidents[i].incident.date).min();
        (first.is_none(), first, g[0])
    });
    out
}

/// Reconciles one toll over reports `(published, toll)` (rule in the module doc).
pub fn reconcile(reports: &[(Option<NaiveDate>, TollRange)]) -> Option<TollRange> {
    let low = reports.iter().map(|(_, t)| t.low).min()?;
    let high = reports.iter().map(|(_, t)| t.high).max()?;
    let best = reports
        .iter()
        .map(|(p, t)| (*p, t.best))
        .max()
        .map_or(low, |(_, b)| b);
    Some(TollRange {
        low,
        best: best.clamp(low, high.max(low)),
        high: high.max(low),
    })
}

fn build_event(incidents: &[StoredIncident], members: &[usize]) -> Event {
    let precision_rank = |i: &Incident| {
        (
            i.date_precision,
            i.location.map_or(9, |l| l.precision as u8),
            usize::MAX - i.evidence.len(),
        )
    };
    let rep = members
        .iter()
        .copied()
        .min_by_key(|&m| precision_rank(&incidents[m].incident))
        .unwrap_or(members[0]);
    let mut record = incidents[rep].incident.clone();
    let spans: Vec<(NaiveDate, NaiveDate)> = members
        .iter()
        .filter_map(|&m| interval(&incidents[m].incident))
        .collect();
    if members.len() > 1
        && let (Some(start), Some(end)) = (
            spans.iter().map(|s| s.0).min(),
            spans.iter().map(|s| s.1).max(),
        )
    {
        record.date = Some(start);
        record.date_end = (end > start).then_some(end);
        if record.date_precision == DatePrecision::Week && end - start < Duration::days(6) {
            record.date_precision = DatePrecision::Day;
        }
    }
    let gather = |get: &dyn Fn(&Incident) -> Option<TollRange>| {
        let reports: Vec<(Option<NaiveDate>, TollRange)> = members
            .iter()
            .filter_map(|&m| get(&incidents[m].incident).map(|t| (incidents[m].published, t)))
            .collect();
        reconcile(&reports)
    };
    if members.len() > 1 {
        let mut killed = BTreeMap::new();
        for c in crate::incident::Category::ALL {
            if let Some(t) = gather(&|i| i.killed_in(c)) {
                killed.insert(c, t);
            }
        }
        record.fatalities = killed
            .values()
            .copied()
            .reduce(TollRange::add)
            .or_else(|| gather(&|i| i.fatalities));
        record.killed = (!killed.is_empty()).then_some(killed);
        record.wounded = gather(&|i| i.wounded);
        record.captured = gather(&|i| i.captured);
        record.missing = gather(&|i| i.missing);
        for &m in members {
            for a in &incidents[m].incident.actors {
                if !record.actors.contains(a) {
                    record.actors.push(a.clone());
                }
            }
        }
    }
    let mut articles: Vec<String> = Vec::new();
    for &m in members {
        let a = &incidents[m].incident.article;
        if !articles.contains(a) {
            articles.push(a.clone());
        }
    }
    let keys: Vec<IncidentKey> = members.iter().map(|&m| incidents[m].key.clone()).collect();
    Event {
        id: keys.first().map(IncidentKey::to_text).unwrap_or_default(),
        members: keys,
        articles,
        record,
    }
}

impl Workspace {
    /// Incidents merged into events (rejected incidents left out), corrections and the
    /// analyst's splits applied.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        let (incidents, _) = self.load_incidents()?;
        self.events_of(&incidents)
    }

    /// [`Workspace::events`] over incidents already loaded with `incidents()`.
    pub fn events_of(&self, incidents: &[StoredIncident]) -> Result<Vec<Event>, StoreError> {
        let apart = self.split_pairs(incidents)?;
        Ok(group(incidents, &apart)
            .iter()
            .map(|g| build_event(incidents, g))
            .collect())
    }

    /// Splits a wrong merge: the `detach` members of `event` will never again be grouped
    /// with its other members (they may still group among themselves).
    pub fn split_event(
        &mut self,
        event: &Event,
        detach: &[IncidentKey],
        reason: &str,
    ) -> Result<(), StoreError> {
        if detach.is_empty() || detach.iter().any(|d| !event.members.contains(d)) {
            return Err(StoreError::UnknownIncident(
                "split: keys must be members of the event".into(),
            ));
        }
        let tx = self
            .conn
            .transaction()
            .map_err(|e| super::sql(e, &self.path))?;
        for d in detach {
            for m in event.members.iter().filter(|m| !detach.contains(m)) {
                tx.execute(
                    "INSERT INTO event_splits (created_at, a, b, reason) VALUES (?1, ?2, ?3, ?4)",
                    params![
                        now_rfc3339(),
                        serde_json::to_string(d)?,
                        serde_json::to_string(m)?,
                        reason
                    ],
                )
                .map_err(|e| super::sql(e, &self.path))?;
            }
        }
        tx.commit().map_err(|e| super::sql(e, &self.path))?;
        Ok(())
    }

    /// The analyst's splits as index pairs into `incidents` (keys resolved like corrections;
    /// a split whose incidents are gone has no effect).
    fn split_pairs(
        &self,
        incidents: &[StoredIncident],
    ) -> Result<HashSet<(usize, usize)>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT a, b FROM event_splits")
            .map_err(|e| self.classify(e))?;
        let raw: Vec<(String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.classify(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.classify(e))?;
        let mut out = HashSet::new();
        if raw.is_empty() {
            return Ok(out);
        }
        let find = |key: &IncidentKey| -> Option<usize> {
            if let Some(i) = incidents.iter().position(|i| &i.key == key) {
                return Some(i);
            }
            let hash = key.article_hash()?;
            resolve(
                key,
                incidents
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.key.article_hash() == Some(hash))
                    .map(|(n, i)| (n, &i.key)),
            )
        };
        for (a, b) in raw {
            let (a, b): (IncidentKey, IncidentKey) =
                (serde_json::from_str(&a)?, serde_json::from_str(&b)?);
            if let (Some(x), Some(y)) = (find(&a), find(&b)) {
                out.insert((x.min(y), x.max(y)));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_takes_extremes_and_latest_best() {
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        let r = reconcile(&[
            (
                d("2024-03-01"),
                TollRange {
                    low: 20,
                    best: 20,
                    high: 20,
                },
            ),
            (
                d("2024-03-03"),
                TollRange {
                    low: 31,
                    best: 35,
                    high: 40,
                },
            ),
            (
                d("2024-03-02"),
                TollRange {
                    low: 25,
                    best: 30,
                    high: 50,
                },
            ),
        ])
        .unwrap();
        assert_eq!(
            r,
            TollRange {
                low: 20,
                best: 35,
                high: 50
            }
        );
        assert_eq!(reconcile(&[]), None);
    }

    #[test]
    fn toll_compatibility() {
        let t = TollRange::exact;
        assert!(tolls_compatible(Some(t(10)), Some(t(18))));
        assert!(tolls_compatible(Some(t(1)), Some(t(3))));
        assert!(!tolls_compatible(Some(t(5)), Some(t(40))));
        assert!(tolls_compatible(None, Some(t(40))));
    }

    #[test]
    fn haversine_is_sane() {
        // Bamako – Ségou ≈ 200 km
        let d = distance_km(LatLon::new(12.65, -8.0), LatLon::new(13.43, -6.26));
        assert!((190.0..215.0).contains(&d), "{d}");
    }
}
