//! The analyst's corrections: what they are, the stable incident identity they are keyed to,
//! and how they are re-applied to whatever the current extractor produced.
//!
//! An extracted incident is identified by its article's hash plus its evidence spans (field
//! and byte range). After re-extraction, a correction goes to the incident of the same
//! article whose evidence overlaps the most of the correction's anchors (a majority is
//! required); when none does, the correction is *orphaned* and listed for review — it is
//! never deleted. Not here: the merging of incidents into events (see `merge`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{StoreError, Workspace, now_rfc3339};
use crate::corpus::DatePrecision;
use crate::incident::{Category, EventType, Incident, Location, Precision, TollRange};

/// One piece of evidence an identity is anchored to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Anchor {
    pub field: String,
    pub span: [usize; 2],
}

/// Stable identity of an incident, independent of its index within the article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IncidentKey {
    /// An incident the extractor found: the article's hash and the incident's evidence spans
    /// (sorted, deduplicated). An incident without evidence is anchored to its index
    /// (`field: "index"`), which only survives re-extraction if the index does.
    Extracted {
        article_hash: String,
        anchors: Vec<Anchor>,
    },
    /// An incident the analyst added by hand: the id of the `add` correction.
    Manual { correction_id: i64 },
}

impl IncidentKey {
    /// The identity of an incident extracted from the article with hash `article_hash`.
    pub fn of(article_hash: &str, incident: &Incident) -> Self {
        let mut anchors: Vec<Anchor> = incident
            .evidence
            .iter()
            .map(|e| Anchor {
                field: e.field.clone(),
                span: e.span,
            })
            .collect();
        anchors.sort();
        anchors.dedup();
        if anchors.is_empty() {
            anchors.push(Anchor {
                field: "index".to_string(),
                span: [incident.incident, incident.incident],
            });
        }
        IncidentKey::Extracted {
            article_hash: article_hash.to_string(),
            anchors,
        }
    }

    pub fn article_hash(&self) -> Option<&str> {
        match self {
            IncidentKey::Extracted { article_hash, .. } => Some(article_hash),
            IncidentKey::Manual { .. } => None,
        }
    }

    /// Compact text form for display and for the `incidents.key` column.
    pub fn to_text(&self) -> String {
        match self {
            IncidentKey::Extracted {
                article_hash,
                anchors,
            } => {
                let spans: Vec<String> = anchors
                    .iter()
                    .map(|a| format!("{}@{}-{}", a.field, a.span[0], a.span[1]))
                    .collect();
                format!("{article_hash}:{}", spans.join(","))
            }
            IncidentKey::Manual { correction_id } => format!("manual:{correction_id}"),
        }
    }
}

/// Which toll a [`Correction::Toll`] sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TollField {
    /// Deaths of one category; `fatalities` is recomputed as the sum over categories.
    Killed(Category),
    Wounded,
    Captured,
    Missing,
}

/// One change an analyst makes to an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Correction {
    /// Put the map point elsewhere (the precision is kept, `locality` when there was none).
    MovePoint { lat: f64, lon: f64 },
    /// Choose another gazetteer candidate for a place: the place at `mention_span`, or when
    /// `None` the place the map point came from (else the first place). Sets the map point.
    PickCandidate {
        mention_span: Option<[usize; 2]>,
        geonameid: Option<u64>,
        name: String,
        lat: f64,
        lon: f64,
        admin1: Option<String>,
        admin2: Option<String>,
    },
    Date {
        date: Option<NaiveDate>,
        date_end: Option<NaiveDate>,
        precision: DatePrecision,
    },
    Toll {
        field: TollField,
        range: Option<TollRange>,
    },
    EventType {
        event_type: EventType,
        sub_event_type: Option<String>,
    },
    /// Not a violent incident in Mali (or a duplicate): kept, flagged, left off map and charts.
    Reject,
    /// Undo a rejection.
    Restore,
}

impl Correction {
    /// The name stored in the `field` column (what the correction changes).
    pub fn field(&self) -> String {
        match self {
            Correction::MovePoint { .. } => "location".into(),
            Correction::PickCandidate { .. } => "place".into(),
            Correction::Date { .. } => "date".into(),
            Correction::Toll { field, .. } => match field {
                TollField::Killed(c) => format!("killed.{}", c.as_str()),
                TollField::Wounded => "wounded".into(),
                TollField::Captured => "captured".into(),
                TollField::Missing => "missing".into(),
            },
            Correction::EventType { .. } => "event_type".into(),
            Correction::Reject | Correction::Restore => "rejected".into(),
        }
    }

    /// The current value of the field this correction changes, as JSON (the "old value").
    fn old_value(&self, i: &StoredIncident) -> serde_json::Value {
        use serde_json::json;
        let r = &i.incident;
        match self {
            Correction::MovePoint { .. } => json!(r.location),
            Correction::PickCandidate { mention_span, .. } => {
                json!(place_index(r, *mention_span).and_then(|p| r.places.get(p)))
            }
            Correction::Date { .. } => {
                json!({"date": r.date, "date_end": r.date_end, "precision": r.date_precision})
            }
            Correction::Toll { field, .. } => match field {
                TollField::Killed(c) => json!(r.killed_in(*c)),
                TollField::Wounded => json!(r.wounded),
                TollField::Captured => json!(r.captured),
                TollField::Missing => json!(r.missing),
            },
            Correction::EventType { .. } => {
                json!({"event_type": r.event_type, "sub_event_type": r.sub_event_type})
            }
            Correction::Reject | Correction::Restore => json!(i.rejected),
        }
    }

    /// Applies the correction to `i`. Never fails: a place span that no longer exists falls
    /// back to the map point only.
    pub fn apply(&self, i: &mut StoredIncident) {
        let r = &mut i.incident;
        match self {
            Correction::MovePoint { lat, lon } => {
                let precision = r.location.map_or(Precision::Locality, |l| l.precision);
                r.location = Some(Location {
                    lat: *lat,
                    lon: *lon,
                    precision,
                });
            }
            Correction::PickCandidate {
                mention_span,
                geonameid,
                name,
                lat,
                lon,
                admin1,
                admin2,
            } => {
                if let Some(p) = place_index(r, *mention_span).and_then(|p| r.places.get_mut(p)) {
                    p.geonameid = *geonameid;
                    p.name = name.clone();
                    p.lat = Some(*lat);
                    p.lon = Some(*lon);
                    p.admin1 = admin1.clone();
                    p.admin2 = admin2.clone();
                    // The picked place's 2023 region is not known here.
                    p.admin1_2023 = None;
                    p.precision = Precision::Locality;
                }
                r.location = Some(Location {
                    lat: *lat,
                    lon: *lon,
                    precision: Precision::Locality,
                });
            }
            Correction::Date {
                date,
                date_end,
                precision,
            } => {
                r.date = *date;
                r.date_end = *date_end;
                r.date_precision = *precision;
            }
            Correction::Toll { field, range } => match field {
                TollField::Killed(c) => {
                    let mut killed = r.killed.take().unwrap_or_default();
                    match range {
                        Some(t) => {
                            killed.insert(*c, *t);
                        }
                        None => {
                            killed.remove(c);
                        }
                    }
                    r.fatalities = killed.values().copied().reduce(TollRange::add);
                    r.killed = (!killed.is_empty()).then_some(killed);
                }
                TollField::Wounded => r.wounded = *range,
                TollField::Captured => r.captured = *range,
                TollField::Missing => r.missing = *range,
            },
            Correction::EventType {
                event_type,
                sub_event_type,
            } => {
                r.event_type = *event_type;
                if let Some(s) = sub_event_type {
                    r.sub_event_type = s.clone();
                }
            }
            Correction::Reject => i.rejected = true,
            Correction::Restore => i.rejected = false,
        }
        let field = self.field();
        if !i.corrected.contains(&field) {
            i.corrected.push(field);
        }
    }
}

/// Index of the place a place correction is about.
fn place_index(r: &Incident, mention_span: Option<[usize; 2]>) -> Option<usize> {
    match mention_span {
        Some(span) => r.places.iter().position(|p| p.span == span),
        None => r
            .location
            .and_then(|l| {
                r.places
                    .iter()
                    .position(|p| p.lat == Some(l.lat) && p.lon == Some(l.lon))
            })
            .or(if r.places.is_empty() { None } else { Some(0) }),
    }
}

/// An incident as the app shows it: the extractor's record with the corrections applied.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredIncident {
    pub key: IncidentKey,
    pub incident: Incident,
    /// Publication date of the reporting article (used to reconcile tolls across articles).
    pub published: Option<NaiveDate>,
    /// Rejected by the analyst: kept for review, left off the map, the charts and events.
    pub rejected: bool,
    /// Added by hand.
    pub manual: bool,
    /// Names of the corrected fields (`Correction::field`), in order of first correction.
    pub corrected: Vec<String>,
}

/// A stored correction, as listed for review.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrectionRecord {
    pub id: i64,
    pub created_at: String,
    pub target: IncidentKey,
    pub field: String,
    pub old_value: serde_json::Value,
    /// `None` for the `add` record of a hand-added incident (see `added`).
    pub correction: Option<Correction>,
    pub added: Option<Box<Incident>>,
    pub reason: String,
}

/// What a stored `new_value` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Stored {
    Correct { correction: Correction },
    Add { incident: Box<Incident> },
}

/// Finds the current incident a key designates among `candidates` (the incidents of the
/// key's article, with their keys): an exact key match, else the incident whose evidence
/// overlaps a majority of the key's anchors (most overlaps, then most exact spans, then the
/// lowest index). `None` means orphaned.
pub fn resolve<'a>(
    key: &IncidentKey,
    candidates: impl IntoIterator<Item = (usize, &'a IncidentKey)>,
) -> Option<usize> {
    let IncidentKey::Extracted { anchors, .. } = key else {
        return None;
    };
    let mut best: Option<((usize, usize), usize)> = None;
    for (index, candidate) in candidates {
        if candidate == key {
            return Some(index);
        }
        let IncidentKey::Extracted { anchors: have, .. } = candidate else {
            continue;
        };
        let mut overlapping = 0;
        let mut exact = 0;
        for a in anchors {
            if have.contains(a) {
                exact += 1;
                overlapping += 1;
            } else if a.field != "index"
                && have
                    .iter()
                    .any(|h| h.field == a.field && h.span[0] < a.span[1] && a.span[0] < h.span[1])
            {
                overlapping += 1;
            }
        }
        if overlapping == 0 || overlapping * 2 < anchors.len() {
            continue;
        }
        let score = (overlapping, exact);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

impl Workspace {
    /// Records a correction of the incident `key` (which must designate a current incident)
    /// and returns nothing; `incidents()` shows the corrected record from now on.
    pub fn correct(
        &mut self,
        key: &IncidentKey,
        correction: Correction,
        reason: &str,
    ) -> Result<(), StoreError> {
        let current = self.incidents()?;
        let Some(target) = current.iter().find(|i| &i.key == key) else {
            return Err(StoreError::UnknownIncident(key.to_text()));
        };
        let old = correction.old_value(target);
        let new = Stored::Correct {
            correction: correction.clone(),
        };
        self.conn
            .execute(
                "INSERT INTO corrections (created_at, article_hash, target, field, old_value, \
                 new_value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    now_rfc3339(),
                    key.article_hash(),
                    serde_json::to_string(key)?,
                    correction.field(),
                    old.to_string(),
                    serde_json::to_string(&new)?,
                    reason
                ],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    /// Adds an incident by hand; returns its key (corrections and splits can target it).
    pub fn add_incident(
        &mut self,
        incident: Incident,
        reason: &str,
    ) -> Result<IncidentKey, StoreError> {
        let new = Stored::Add {
            incident: Box::new(incident),
        };
        let tx = self
            .conn
            .transaction()
            .map_err(|e| super::sql(e, &self.path))?;
        tx.execute(
            "INSERT INTO corrections (created_at, article_hash, target, field, old_value, \
             new_value, reason) VALUES (?1, NULL, '', 'add', 'null', ?2, ?3)",
            params![now_rfc3339(), serde_json::to_string(&new)?, reason],
        )
        .map_err(|e| super::sql(e, &self.path))?;
        let key = IncidentKey::Manual {
            correction_id: tx.last_insert_rowid(),
        };
        tx.execute(
            "UPDATE corrections SET target = ?1 WHERE id = ?2",
            params![serde_json::to_string(&key)?, tx.last_insert_rowid()],
        )
        .map_err(|e| super::sql(e, &self.path))?;
        tx.commit().map_err(|e| super::sql(e, &self.path))?;
        Ok(key)
    }

    /// Every correction, oldest first.
    pub fn corrections(&self) -> Result<Vec<CorrectionRecord>, StoreError> {
        /// `id, created_at, target, field, old_value, new_value, reason`.
        type CorrectionRow = (i64, String, String, String, String, String, String);
        let mut out = Vec::new();
        self.for_each_row(
            "SELECT id, created_at, target, field, old_value, new_value, reason \
             FROM corrections ORDER BY id",
            |(id, created_at, target, field, old, new, reason): CorrectionRow| {
                let (correction, added) = match serde_json::from_str::<Stored>(&new)? {
                    Stored::Correct { correction } => (Some(correction), None),
                    Stored::Add { incident } => (None, Some(incident)),
                };
                out.push(CorrectionRecord {
                    id,
                    created_at,
                    target: serde_json::from_str(&target)?,
                    field,
                    old_value: serde_json::from_str(&old).unwrap_or(serde_json::Value::Null),
                    correction,
                    added,
                    reason,
                });
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Corrections whose incident no longer exists (its evidence is gone after re-extraction,
    /// or its article changed): listed for the analyst to re-target or dismiss.
    pub fn orphaned_corrections(&self) -> Result<Vec<CorrectionRecord>, StoreError> {
        let (_, orphaned) = self.load_incidents()?;
        Ok(orphaned)
    }

    /// How many corrections are orphaned, reading only the incidents of the articles that
    /// corrections point at: what every ingest batch reports, so it must not cost a load of
    /// the whole workspace (that made ingest quadratic in the workspace's size).
    pub fn count_orphaned_corrections(&self) -> Result<usize, StoreError> {
        let corrections = self.corrections()?;
        let added: std::collections::HashSet<i64> = corrections
            .iter()
            .filter(|c| c.added.is_some())
            .map(|c| c.id)
            .collect();
        let mut keys_of: HashMap<&str, Vec<IncidentKey>> = HashMap::new();
        let mut orphaned = 0;
        for c in corrections.iter().filter(|c| c.added.is_none()) {
            let found = match &c.target {
                IncidentKey::Manual { correction_id } => added.contains(correction_id),
                IncidentKey::Extracted { article_hash, .. } => {
                    if !keys_of.contains_key(article_hash.as_str()) {
                        let keys = self.incident_keys_of(article_hash)?;
                        keys_of.insert(article_hash, keys);
                    }
                    let keys = &keys_of[article_hash.as_str()];
                    resolve(&c.target, keys.iter().enumerate()).is_some()
                }
            };
            if !found || c.correction.is_none() {
                orphaned += 1;
            }
        }
        Ok(orphaned)
    }

    /// The keys of one article's extracted incidents (indexed look-ups only).
    fn incident_keys_of(&self, article_hash: &str) -> Result<Vec<IncidentKey>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT i.record FROM incidents i JOIN articles a ON a.id = i.article_id \
                 WHERE a.hash = ?1 ORDER BY i.idx",
            )
            .map_err(|e| self.classify(e))?;
        let mut rows = st.query([article_hash]).map_err(|e| self.classify(e))?;
        let mut keys = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.classify(e))? {
            let record = row.get_ref(0).map_err(|e| self.classify(e))?;
            let incident: Incident =
                serde_json::from_slice(record.as_bytes().map_err(|e| self.classify(e.into()))?)?;
            keys.push(IncidentKey::of(article_hash, &incident));
        }
        Ok(keys)
    }

    /// Deletes a correction (the analyst's decision after review, e.g. of an orphan).
    pub fn dismiss_correction(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM corrections WHERE id = ?1", [id])
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    /// All incidents with corrections applied (rejected ones included, flagged), extracted
    /// ones in ingest order then hand-added ones; and the orphaned corrections.
    pub(super) fn load_incidents(
        &self,
    ) -> Result<(Vec<StoredIncident>, Vec<CorrectionRecord>), StoreError> {
        let mut incidents = Vec::new();
        let mut by_article: HashMap<String, Vec<usize>> = HashMap::new();
        {
            let mut st = self
                .conn
                .prepare(
                    "SELECT a.hash, a.published, i.record FROM incidents i \
                     JOIN articles a ON a.id = i.article_id ORDER BY a.id, i.idx",
                )
                .map_err(|e| self.classify(e))?;
            let mut rows = st.query([]).map_err(|e| self.classify(e))?;
            while let Some(row) = rows.next().map_err(|e| self.classify(e))? {
                let hash: String = row.get(0).map_err(|e| self.classify(e))?;
                let published: Option<String> = row.get(1).map_err(|e| self.classify(e))?;
                let record = row.get_ref(2).map_err(|e| self.classify(e))?;
                let incident: Incident = serde_json::from_slice(
                    record.as_bytes().map_err(|e| self.classify(e.into()))?,
                )?;
                let key = IncidentKey::of(&hash, &incident);
                by_article.entry(hash).or_default().push(incidents.len());
                incidents.push(StoredIncident {
                    key,
                    incident,
                    published: published.and_then(|d| d.parse().ok()),
                    rejected: false,
                    manual: false,
                    corrected: Vec::new(),
                });
            }
        }
        let mut orphaned = Vec::new();
        let mut manual: BTreeMap<i64, usize> = BTreeMap::new();
        for c in self.corrections()? {
            if let Some(added) = &c.added {
                manual.insert(c.id, incidents.len());
                incidents.push(StoredIncident {
                    key: IncidentKey::Manual {
                        correction_id: c.id,
                    },
                    incident: (**added).clone(),
                    published: None,
                    rejected: false,
                    manual: true,
                    corrected: Vec::new(),
                });
                continue;
            }
            let target = match &c.target {
                IncidentKey::Manual { correction_id } => manual.get(correction_id).copied(),
                IncidentKey::Extracted { article_hash, .. } => {
                    by_article.get(article_hash).and_then(|list| {
                        resolve(&c.target, list.iter().map(|&i| (i, &incidents[i].key)))
                    })
                }
            };
            match (target, &c.correction) {
                (Some(i), Some(correction)) => correction.apply(&mut incidents[i]),
                _ => orphaned.push(c),
            }
        }
        Ok((incidents, orphaned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(hash: &str, spans: &[(&str, usize, usize)]) -> IncidentKey {
        IncidentKey::Extracted {
            article_hash: hash.into(),
            anchors: spans
                .iter()
                .map(|(f, a, b)| Anchor {
                    field: (*f).into(),
                    span: [*a, *b],
                })
                .collect(),
        }
    }

    #[test]
    fn resolve_prefers_exact_then_majority_overlap() {
        let k = key(
            "h",
            &[("date", 0, 10), ("fatalities", 20, 30), ("place", 40, 45)],
        );
        let same = k.clone();
        let widened = key(
            "h",
            &[("date", 0, 12), ("fatalities", 18, 35), ("place", 90, 95)],
        );
        let elsewhere = key("h", &[("date", 100, 110), ("place", 40, 45)]);
        assert_eq!(resolve(&k, [(0, &elsewhere), (1, &same)]), Some(1));
        assert_eq!(resolve(&k, [(0, &elsewhere), (1, &widened)]), Some(1));
        // one anchor of three is not a majority
        assert_eq!(resolve(&k, [(0, &elsewhere)]), None);
        // the field must agree
        let other_field = key("h", &[("wounded", 0, 10), ("wounded", 20, 30)]);
        assert_eq!(resolve(&k, [(0, &other_field)]), None);
    }

    #[test]
    fn index_anchor_only_matches_exactly() {
        let k = key("h", &[("index", 1, 1)]);
        assert_eq!(resolve(&k, [(0, &key("h", &[("index", 0, 0)]))]), None);
        assert_eq!(resolve(&k, [(3, &key("h", &[("index", 1, 1)]))]), Some(3));
    }
}
