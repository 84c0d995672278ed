//! The app's state: the corpus, its incidents, what the analyst filters and selects, and what
//! is derived from them (visible incidents, clusters, chart data). No drawing here.

use chrono::NaiveDate;

use crate::analysis::cluster::{ClusterLevels, Point};
use crate::analysis::doubt::{Doubt, doubt};
use crate::analysis::{Filter, Stack, by_actor, by_month, by_region};
use crate::corpus::Article;
use crate::geocode::Geocoder;
use crate::incident::Incident;
use crate::pipeline;
use crate::store::{Review, ReviewBook, ReviewStatus};

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// How markers are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ColourBy {
    #[default]
    EventType,
    Perpetrator,
}

/// Which chart the bottom panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ChartKind {
    #[default]
    ByRegion,
    ByMonth,
    ByActor,
}

/// How incidents are drawn on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum MapMode {
    /// Markers sized by deaths, clustered when zoomed out.
    #[default]
    Markers,
    /// Density of deaths (and incidents) as a heat layer.
    Heatmap,
    /// Regions filled by deaths, markers on top.
    Choropleth,
}

/// Table column the incident table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    #[default]
    Date,
    Place,
    Event,
    Deaths,
    Source,
    Doubt,
}

/// Which incidents the review filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    /// Everything but the rejected incidents.
    #[default]
    All,
    Unreviewed,
    /// Accepted by the analyst.
    Reviewed,
    Rejected,
}

impl ReviewFilter {
    pub fn accepts(self, status: ReviewStatus) -> bool {
        match self {
            ReviewFilter::All => status != ReviewStatus::Rejected,
            ReviewFilter::Unreviewed => status == ReviewStatus::Unreviewed,
            ReviewFilter::Reviewed => status == ReviewStatus::Accepted,
            ReviewFilter::Rejected => status == ReviewStatus::Rejected,
        }
    }
}

/// Changes to one incident (event) asked for in the drill-down, with the analyst's reason;
/// the app stores them on every stored incident the event merges.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingCorrection {
    pub incident: usize,
    pub changes: Vec<crate::store::Correction>,
    pub reason: String,
}

/// A review decision asked for this frame, stored by the app in the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingReview {
    pub incident: usize,
    pub status: ReviewStatus,
    pub reason: String,
}

/// What the review panel is typing or asking for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewPanel {
    /// `r` was pressed: the reason field is open.
    pub rejecting: bool,
    pub reason: String,
    /// Focus the reason field next frame.
    pub focus_reason: bool,
    /// Open the drill-down's correction form next frame (`c`).
    pub open_correction: bool,
    pub error: Option<String>,
}

/// Preferences remembered between runs.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    pub dark: bool,
    pub colour_by: ColourBy,
    pub chart: ChartKind,
    pub show_regions: bool,
    pub show_labels: bool,
    pub sort: SortKey,
    pub sort_descending: bool,
    #[serde(default)]
    pub map_mode: MapMode,
    /// The analyst turned on OpenStreetMap tiles (the only network use of the app).
    #[serde(default)]
    pub online_tiles: bool,
    /// A local PMTiles file shown under the incidents.
    #[serde(default)]
    pub tile_file: String,
    /// Panels the analyst has hidden (collapsed).
    #[serde(default)]
    pub hide_filters: bool,
    #[serde(default)]
    pub hide_drilldown: bool,
    #[serde(default)]
    pub hide_charts: bool,
    /// The choropleth goes by cercle (when cercle polygons are installed).
    #[serde(default)]
    pub choropleth_cercles: bool,
    /// The map view when the app was closed: (lon, lat, zoom).
    #[serde(default)]
    pub view: Option<(f64, f64, f64)>,
    /// The review queue is shown (and `n`/`p` walk it instead of the table).
    #[serde(default)]
    pub review_mode: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub articles: Vec<Article>,
    pub incidents: Vec<Incident>,
    /// Article index of each incident.
    pub incident_article: Vec<usize>,
    /// The incidents of each article (the inverse of `incident_article`).
    pub article_incidents: Vec<Vec<usize>>,
    /// The drill-down's highlighted article text: (incident, text colour, layout job).
    pub drill_text: Option<(usize, egui::Color32, std::sync::Arc<egui::text::LayoutJob>)>,
    /// Problems met while loading (file and reason).
    pub load_errors: Vec<String>,
    pub filter: Filter,
    pub prefs: Prefs,
    pub selected: Option<usize>,
    /// Incidents under the hovered chart bar, sorted (binary-searched while drawing).
    pub highlighted: Vec<usize>,
    /// Which bar `highlighted` was taken from.
    pub highlight_key: Option<(ChartKind, usize)>,
    /// Incidents per date bin for the date filter's histogram (whole corpus).
    pub histogram: Vec<u32>,
    /// Derived from `incidents` + `filter`; rebuilt by [`AppState::refresh`].
    pub visible: Vec<usize>,
    /// `visible` in the table's sort order.
    pub table_order: Vec<usize>,
    pub clusters: ClusterLevels,
    pub charts: Charts,
    /// Where the map should go next frame (lon, lat, zoom).
    pub pending_view: Option<(f64, f64, f64)>,
    /// False only with the small list of towns: the install banner shows then.
    pub gazetteer_is_full: bool,
    /// For a workspace: the stored incidents behind each incident (event); empty otherwise.
    pub keys: Vec<Vec<crate::store::IncidentKey>>,
    /// The drill-down's correction form.
    pub correction: crate::ui::correct::CorrectionForm,
    /// Corrections asked for this frame.
    pub pending_corrections: Vec<PendingCorrection>,
    /// The selected event's reports side by side (filled by the app from the workspace).
    pub sources: crate::ui::sources::Sources,
    /// Splits of wrong merges asked for this frame.
    pub pending_splits: Vec<crate::ui::sources::PendingSplit>,
    pub date_bounds: Option<(NaiveDate, NaiveDate)>,
    /// How doubtful each incident is (computed once, with its article's text).
    pub doubts: Vec<Doubt>,
    /// The analyst's latest review of each incident (event), when a workspace is open.
    pub reviews: Vec<Option<Review>>,
    pub review_filter: ReviewFilter,
    /// `visible`, most doubtful first: the review queue.
    pub queue: Vec<usize>,
    pub review_panel: ReviewPanel,
    /// Review decisions asked for this frame.
    pub pending_reviews: Vec<PendingReview>,
    /// An ACLED or GED file compared with the incidents (`ui::reference_layer`).
    pub reference: Option<crate::ui::reference_layer::ReferenceLayer>,
}

#[derive(Default, Clone)]
pub struct Charts {
    pub by_region: Vec<(String, Stack)>,
    pub by_month: Vec<(String, Stack)>,
    pub by_actor: Vec<(String, Stack)>,
    /// Deaths per cercle (admin2 of each incident's map point), for the choropleth.
    pub by_cercle: Vec<(String, u32)>,
}

impl AppState {
    /// Extracts and geocodes `articles`.
    pub fn new(articles: Vec<Article>, load_errors: Vec<String>, geocoder: &Geocoder) -> Self {
        let mut incidents = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            for inc in pipeline::incidents(a, geocoder) {
                incidents.push((ai, inc));
            }
        }
        // The embedded snapshot is the full export too: only the small list warrants the banner.
        let full =
            geocoder.gazetteer().source() != crate::geocode::gazetteer::GazetteerSource::Fallback;
        Self::from_parts(articles, incidents, load_errors, full)
    }

    /// The state over incidents already extracted (e.g. from a workspace), each with the index
    /// of its article in `articles`.
    pub fn from_parts(
        articles: Vec<Article>,
        incidents: Vec<(usize, Incident)>,
        load_errors: Vec<String>,
        gazetteer_is_full: bool,
    ) -> Self {
        let (incident_article, incidents): (Vec<usize>, Vec<Incident>) =
            incidents.into_iter().unzip();
        let mut article_incidents = vec![Vec::new(); articles.len()];
        for (i, &a) in incident_article.iter().enumerate() {
            if let Some(v) = article_incidents.get_mut(a) {
                v.push(i);
            }
        }
        let date_bounds = incidents.iter().filter_map(|i| i.date).fold(
            None,
            |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
                None => Some((d, d)),
                Some((a, b)) => Some((a.min(d), b.max(d))),
            },
        );
        let doubts = incidents
            .iter()
            .zip(&incident_article)
            .map(|(i, &a)| doubt(i, articles.get(a).map(|a| a.text.as_str())))
            .collect();
        let reviews = vec![None; incidents.len()];
        let mut s = AppState {
            doubts,
            reviews,
            review_filter: ReviewFilter::default(),
            queue: Vec::new(),
            review_panel: ReviewPanel::default(),
            pending_reviews: Vec::new(),
            reference: None,
            articles,
            incidents,
            incident_article,
            article_incidents,
            drill_text: None,
            load_errors,
            filter: Filter::default(),
            prefs: Prefs {
                show_regions: true,
                show_labels: true,
                ..Default::default()
            },
            selected: None,
            highlighted: Vec::new(),
            highlight_key: None,
            histogram: Vec::new(),
            visible: Vec::new(),
            table_order: Vec::new(),
            clusters: ClusterLevels::build(&[], 48.0),
            charts: Charts::default(),
            pending_view: None,
            gazetteer_is_full,
            keys: Vec::new(),
            correction: Default::default(),
            pending_corrections: Vec::new(),
            sources: Default::default(),
            pending_splits: Vec::new(),
            date_bounds,
        };
        s.histogram = histogram(&s.incidents, s.date_bounds, 40);
        s.refresh();
        s
    }

    /// Recomputes everything derived from the incidents and the filter. Called when the
    /// filter changes, never per frame.
    pub fn refresh(&mut self) {
        self.visible = self.filter.apply(&self.incidents);
        let review_filter = self.review_filter;
        let reviews = &self.reviews;
        self.visible
            .retain(|&i| review_filter.accepts(status_of(reviews, i)));
        if let Some(layer) = &self.reference {
            let incidents = &self.incidents;
            self.visible
                .retain(|&i| layer.keeps_incident(i, &incidents[i]));
        }
        self.queue = self.visible.clone();
        // Most doubtful first; equal doubt keeps the incidents' order (stable sort).
        self.queue
            .sort_by_key(|&i| std::cmp::Reverse(self.doubts.get(i).map_or(0, |d| d.score)));
        let points: Vec<Point> = self
            .visible
            .iter()
            .filter_map(|&i| {
                let inc = &self.incidents[i];
                let l = inc.location?;
                Some(Point {
                    id: i as u32,
                    lon: l.lon,
                    lat: l.lat,
                    deaths: inc.deaths(),
                })
            })
            .collect();
        self.clusters = ClusterLevels::build(&points, 48.0);
        self.charts = Charts {
            by_region: by_region(&self.incidents, &self.visible),
            by_month: by_month(&self.incidents, &self.visible),
            by_actor: by_actor(&self.incidents, &self.visible),
            by_cercle: by_cercle(&self.incidents, &self.visible),
        };
        if self.selected.is_some_and(|s| !self.visible.contains(&s)) {
            self.selected = None;
        }
        self.sort_table();
    }

    /// Sorts the table rows; called when the filter or the sort column changes.
    pub fn sort_table(&mut self) {
        let mut order = self.visible.clone();
        let inc = &self.incidents;
        let place = |i: usize| {
            inc[i]
                .places
                .first()
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        match self.prefs.sort {
            SortKey::Date => order.sort_by_key(|&i| (inc[i].date, inc[i].date_end)),
            SortKey::Place => order.sort_by_cached_key(|&i| place(i)),
            SortKey::Event => order.sort_by_key(|&i| inc[i].event_type),
            SortKey::Deaths => order.sort_by_key(|&i| inc[i].deaths()),
            SortKey::Source => order.sort_by_cached_key(|&i| inc[i].article.clone()),
            SortKey::Doubt => order.sort_by_key(|&i| self.doubts.get(i).map_or(0, |d| d.score)),
        }
        if self.prefs.sort_descending {
            order.reverse();
        }
        // Incidents without a date ("?") come after the dated ones in both directions: an
        // unknown date is neither the earliest nor the latest.
        if self.prefs.sort == SortKey::Date {
            let (dated, undated): (Vec<usize>, Vec<usize>) =
                order.into_iter().partition(|&i| inc[i].date.is_some());
            order = dated;
            order.extend(undated);
        }
        self.table_order = order;
    }

    /// Sort by `key`; the same key again flips the direction.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.prefs.sort == key {
            self.prefs.sort_descending = !self.prefs.sort_descending;
        } else {
            self.prefs.sort = key;
            self.prefs.sort_descending = matches!(key, SortKey::Deaths | SortKey::Doubt);
        }
        self.sort_table();
    }

    pub fn set_filter(&mut self, f: Filter) {
        if f != self.filter {
            self.filter = f;
            self.refresh();
        }
    }

    pub fn select(&mut self, i: Option<usize>) {
        self.selected = i;
        if let Some(l) = i
            .and_then(|i| self.incidents.get(i))
            .and_then(|x| x.location)
        {
            // Closer for a town than for a region: the view shows what the precision allows.
            use crate::incident::Precision::*;
            let zoom = match l.precision {
                Locality => 9.0,
                NearLocality => 8.0,
                Admin2 => 7.5,
                Admin1 => 6.5,
                Country | Foreign => 5.6,
            };
            self.pending_view = Some((l.lon, l.lat, zoom));
        }
    }

    /// Next (+1) or previous (-1) visible incident, in table order.
    pub fn step_selection(&mut self, dir: i32) {
        if self.table_order.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| self.table_order.iter().position(|&v| v == s));
        let n = self.table_order.len() as i32;
        let next = match pos {
            Some(p) => (p as i32 + dir).rem_euclid(n),
            None => 0,
        };
        self.select(Some(self.table_order[next as usize]));
    }

    /// Next (+1) or previous (-1) incident of the review queue (most doubtful first).
    pub fn step_queue(&mut self, dir: i32) {
        if self.queue.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| self.queue.iter().position(|&v| v == s));
        let n = self.queue.len() as i32;
        let next = match pos {
            Some(p) => (p as i32 + dir).rem_euclid(n),
            None => 0,
        };
        self.select(Some(self.queue[next as usize]));
    }

    /// The review status of incident `i`.
    pub fn status(&self, i: usize) -> ReviewStatus {
        status_of(&self.reviews, i)
    }

    /// (decided, total): how many incidents the analyst has accepted or rejected.
    pub fn review_progress(&self) -> (usize, usize) {
        let decided = (0..self.incidents.len())
            .filter(|&i| self.status(i).is_decided())
            .count();
        (decided, self.incidents.len())
    }

    /// Takes each incident's review from `book` (by the stored incidents it merges).
    pub fn set_reviews(&mut self, book: &ReviewBook) {
        self.reviews = (0..self.incidents.len())
            .map(|i| self.keys.get(i).and_then(|k| book.of(k)).cloned())
            .collect();
        self.refresh();
    }

    /// Records a decision taken in the app (already stored) and moves the selection to the
    /// next incident of the queue that is still shown.
    pub fn record_review(&mut self, i: usize, review: Review) {
        let after: Vec<usize> = match self.queue.iter().position(|&q| q == i) {
            Some(p) => self.queue[p + 1..]
                .iter()
                .chain(&self.queue[..p])
                .copied()
                .collect(),
            None => self.queue.clone(),
        };
        if let Some(r) = self.reviews.get_mut(i) {
            *r = Some(review);
        }
        self.refresh();
        let next = after.into_iter().find(|q| self.visible.contains(q));
        self.select(next);
    }

    pub fn article_of(&self, incident: usize) -> &Article {
        &self.articles[self.incident_article[incident]]
    }
}

fn status_of(reviews: &[Option<Review>], i: usize) -> ReviewStatus {
    reviews
        .get(i)
        .and_then(|r| r.as_ref())
        .map_or(ReviewStatus::Unreviewed, |r| r.status)
}

/// Incidents per date bin over `bounds`, for the date filter's histogram.
fn histogram(
    incidents: &[Incident],
    bounds: Option<(NaiveDate, NaiveDate)>,
    bins: usize,
) -> Vec<u32> {
    let mut counts = vec![0u32; bins];
    let Some((min, max)) = bounds else {
        return counts;
    };
    let span = (max - min).num_days().max(1) as f64;
    for d in incidents.iter().filter_map(|i| i.date) {
        let x = ((d - min).num_days().max(0) as f64 / span * (bins as f64 - 1.0)).round() as usize;
        counts[x.min(bins - 1)] += 1;
    }
    counts
}

/// Deaths per cercle: the admin2 of the place each incident's point comes from.
fn by_cercle(incidents: &[Incident], keep: &[usize]) -> Vec<(String, u32)> {
    let mut map: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    for &i in keep {
        let inc = &incidents[i];
        let Some(l) = inc.location else { continue };
        let cercle = inc
            .places
            .iter()
            .find(|p| p.lat == Some(l.lat) && p.lon == Some(l.lon))
            .and_then(|p| p.admin2.clone());
        if let Some(c) = cercle {
            *map.entry(c).or_default() += inc.deaths();
        }
    }
    map.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{Category, EventType, Location, Precision, TollRange};

    fn incident(date: Option<&str>, deaths: u32, precision: Precision) -> Incident {
        Incident {
            article: "a.txt".into(),
            incident: 0,
            date: date.and_then(|d| d.parse().ok()),
            date_end: None,
            date_precision: crate::corpus::DatePrecision::Day,
            event_type: EventType::Battles,
            sub_event_type: String::new(),
            actors: vec![],
            perpetrator: None,
            target: None,
            fatalities: Some(TollRange::exact(deaths)),
            killed: Some([(Category::Civilians, TollRange::exact(deaths))].into()),
            wounded: None,
            captured: None,
            missing: None,
            toll_sources: vec![],
            places: vec![],
            location: Some(Location {
                lat: 14.0,
                lon: -4.0,
                precision,
            }),
            evidence: vec![],
            warnings: vec![],
            gazetteer: None,
        }
    }

    fn state() -> AppState {
        let incidents = vec![
            incident(None, 1, Precision::Locality),
            incident(Some("2022-06-18"), 2, Precision::Admin1),
            incident(Some("2020-01-05"), 3, Precision::Locality),
            incident(Some("2024-08-07"), 4, Precision::Admin2),
        ];
        AppState::from_parts(
            Vec::new(),
            incidents.into_iter().map(|i| (0, i)).collect(),
            Vec::new(),
            true,
        )
    }

    #[test]
    fn undated_incidents_sort_last_both_ways() {
        let mut s = state();
        s.prefs.sort = SortKey::Date;
        s.prefs.sort_descending = false;
        s.sort_table();
        assert_eq!(s.table_order, vec![2, 1, 3, 0]);
        s.sort_by(SortKey::Date);
        assert!(s.prefs.sort_descending);
        assert_eq!(s.table_order, vec![3, 1, 2, 0]);
    }

    #[test]
    fn the_queue_goes_from_most_to_least_doubtful_and_filters_by_review() {
        let mut s = state();
        // No date (3) > region only (3, then index) > cercle (2) > clean (0).
        assert_eq!(s.queue, vec![0, 1, 3, 2]);
        s.step_queue(1);
        assert_eq!(s.selected, Some(0));
        s.step_queue(-1);
        assert_eq!(s.selected, Some(2), "wraps around");
        let review = |status| Review {
            status,
            reviewer: "ana".into(),
            at: "2026-11-30T12:00:00Z".into(),
            reason: String::new(),
            id: 1,
        };
        s.select(Some(1));
        s.record_review(1, review(ReviewStatus::Rejected));
        assert_eq!(s.selected, Some(3), "moved to the next still shown");
        assert!(
            !s.visible.contains(&1),
            "rejected ones leave the default view"
        );
        assert_eq!(s.review_progress(), (1, 4));
        s.review_filter = ReviewFilter::Rejected;
        s.refresh();
        assert_eq!(s.visible, vec![1]);
        s.review_filter = ReviewFilter::Unreviewed;
        s.refresh();
        assert_eq!(s.visible, vec![0, 2, 3]);
    }
}
