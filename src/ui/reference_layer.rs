//! The reference layer of the app: ACLED or UCDP GED events drawn beside ours as hollow
//! markers in the same size scale, the "différences" filter (only what the press has, only
//! what the dataset has, or tolls that disagree by more than N), and the matched reference
//! event's fields in the drill-down, next to ours.
//! Not here: reading the files or the matching rule (`reference_events`); the layer only
//! holds their result for the state and draws it.

use egui::{Color32, Pos2, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

use std::collections::BTreeMap;

use crate::analysis::Stack;
use crate::incident::{Category, Incident, TollRange};
use crate::reference::cercles::Cercles;
use crate::reference_events::ReferenceEvent;
use crate::reference_events::matching::{Status, match_events};
use crate::ui::map::marker_radius;
use crate::ui::state::{AppState, ChartKind, Lang};

/// Which incidents and reference events the "différences" filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Differences {
    /// No filter.
    #[default]
    All,
    /// Incidents no reference event matched (the reference layer shows nothing).
    OnlyOurs,
    /// Reference events no incident matched (the map shows no incident).
    OnlyTheirs,
    /// Matched pairs whose best tolls differ by more than N deaths.
    TollsAbove(u32),
}

/// A reference file compared with the state's incidents.
#[derive(Debug, Clone)]
pub struct ReferenceLayer {
    /// The file's name, as shown in the filters.
    pub name: String,
    pub events: Vec<ReferenceEvent>,
    /// Draw the reference events on the map.
    pub show: bool,
    pub differences: Differences,
    /// The charts show the reference events instead of our incidents.
    pub chart_alone: bool,
    /// For each incident of the state, the reference event it matched.
    pub matched: Vec<Option<usize>>,
    /// For each reference event, the incident that matched it.
    pub matched_by: Vec<Option<usize>>,
}

impl ReferenceLayer {
    /// Matches `events` with `incidents` (the state's, in its order) by the rule of
    /// `reference_events::matching`.
    pub fn new(
        name: String,
        events: Vec<ReferenceEvent>,
        incidents: &[Incident],
        cercles: Option<&Cercles>,
    ) -> Self {
        let mut matched = vec![None; incidents.len()];
        let mut matched_by = vec![None; events.len()];
        for pair in match_events(incidents, &events, cercles) {
            if let (Status::Both, Some(i), Some(j)) = (pair.status, pair.ours, pair.theirs) {
                matched[i] = Some(j);
                matched_by[j] = Some(i);
            }
        }
        ReferenceLayer {
            name,
            events,
            show: true,
            differences: Differences::All,
            chart_alone: false,
            matched,
            matched_by,
        }
    }

    /// Best tolls of a matched pair differ by more than `n` (an incident without a toll is
    /// no disagreement: the press did not say).
    fn disagrees(&self, incident: &Incident, j: usize, n: u32) -> bool {
        let (Some(ours), Some(theirs)) = (incident.fatalities, self.events.get(j)) else {
            return false;
        };
        ours.best.abs_diff(theirs.fatalities.best) > n
    }

    /// Whether incident `i` passes the "différences" filter.
    pub fn keeps_incident(&self, i: usize, incident: &Incident) -> bool {
        let matched = self.matched.get(i).copied().flatten();
        match self.differences {
            Differences::All => true,
            Differences::OnlyOurs => matched.is_none(),
            Differences::OnlyTheirs => false,
            Differences::TollsAbove(n) => matched.is_some_and(|j| self.disagrees(incident, j, n)),
        }
    }

    /// Reference events to draw: shown, inside the state's date range, through the
    /// "différences" filter.
    pub fn visible_events(&self, state: &AppState) -> Vec<usize> {
        if !self.show {
            return Vec::new();
        }
        self.filtered_events(state)
    }

    /// Reference events inside the state's date range and region, through the "différences"
    /// filter, whether the layer is shown or not (the charts use them too). O(m) per call: the
    /// map and the charts call it once a frame, which a national file (a few thousand rows of
    /// Mali) affords.
    pub fn filtered_events(&self, state: &AppState) -> Vec<usize> {
        (0..self.events.len())
            .filter(|&j| {
                crate::reference_events::report::reference_in(&state.filter, &self.events[j])
            })
            .filter(|&j| match self.differences {
                Differences::All => true,
                Differences::OnlyOurs => false,
                Differences::OnlyTheirs => self.matched_by[j].is_none(),
                Differences::TollsAbove(n) => self.matched_by[j]
                    .and_then(|i| state.incidents.get(i))
                    .is_some_and(|inc| self.disagrees(inc, j, n)),
            })
            .collect()
    }
}

impl AppState {
    /// Compares the state's incidents with a reference file and shows the layer.
    pub fn set_reference(
        &mut self,
        name: String,
        events: Vec<ReferenceEvent>,
        cercles: Option<&Cercles>,
    ) {
        self.reference = Some(ReferenceLayer::new(name, events, &self.incidents, cercles));
        self.refresh();
    }
}

/// Shows the latest reference file kept in the workspace (GED first, else ACLED), if any:
/// what `mali-atlas --workspace W compare --ged FILE` imported. Returns what was loaded, for
/// the status line, or why it could not be.
pub fn load_from_workspace(
    state: &mut AppState,
    ws: &crate::store::Workspace,
    cercles: Option<&Cercles>,
) -> Result<Option<String>, String> {
    use crate::reference_events::Source;
    for source in [Source::Ged, Source::Acled] {
        let files = ws.reference_files(source).map_err(|e| e.to_string())?;
        let Some(latest) = files.last() else { continue };
        let bytes = ws
            .reference_content(source, latest.id)
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let read = source
            .read_bytes(std::path::Path::new(&latest.file_name), &bytes)
            .map_err(|e| e.to_string())?;
        let summary = format!(
            "{}: {} events, {} bad rows",
            latest.file_name,
            read.events.len(),
            read.row_errors.len()
        );
        state.set_reference(latest.file_name.clone(), read.events, cercles);
        return Ok(Some(summary));
    }
    Ok(None)
}

/// Colour of reference markers: one colour for the dataset, apart from the event palette.
pub const REFERENCE_COLOUR: Color32 = Color32::from_rgb(40, 120, 200);

/// Draws the visible reference events as hollow circles sized like incident markers.
pub struct ReferencePlugin {
    /// (lon, lat, radius): the markers, taken from the state before the map borrows it.
    markers: Vec<(f64, f64, f32)>,
}

impl ReferencePlugin {
    /// The plugin for the state's reference layer, when there is one to draw.
    pub fn of(state: &AppState) -> Option<Self> {
        let layer = state.reference.as_ref()?;
        let markers: Vec<_> = layer
            .visible_events(state)
            .into_iter()
            .map(|j| {
                let e = &layer.events[j];
                (e.lon, e.lat, marker_radius(e.fatalities.best))
            })
            .collect();
        (!markers.is_empty()).then_some(ReferencePlugin { markers })
    }
}

impl ReferencePlugin {
    /// How many markers it draws.
    pub fn len(&self) -> usize {
        self.markers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.markers.is_empty()
    }
}

impl Plugin for ReferencePlugin {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(response.rect);
        let rect = response.rect.expand(40.0);
        for (lon, lat, r) in self.markers {
            let p: Pos2 = projector.project(lon_lat(lon, lat)).to_pos2();
            if rect.contains(p) {
                painter.circle_stroke(p, r, Stroke::new(2.0, REFERENCE_COLOUR));
            }
        }
    }
}

/// The charts' switch between our incidents and the reference events; nothing without a
/// reference file.
pub fn chart_toggle(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    if let Some(layer) = state.reference.as_mut() {
        ui.checkbox(
            &mut layer.chart_alone,
            format!(
                "{} ({})",
                label(lang, "Référence seule", "Reference alone"),
                layer.name
            ),
        );
    }
}

/// The bars of chart `kind` over the visible reference events (deaths as "unknown"
/// category, best estimates), when the charts show the reference alone.
pub fn chart_data(state: &AppState, kind: ChartKind) -> Option<Vec<(String, Stack)>> {
    let layer = state.reference.as_ref().filter(|l| l.chart_alone)?;
    let mut bars: BTreeMap<String, TollRange> = BTreeMap::new();
    let mut add = |key: String, toll: TollRange| {
        let e = bars.entry(key).or_insert(TollRange::exact(0));
        *e = e.add(toll);
    };
    for j in layer.filtered_events(state) {
        let e = &layer.events[j];
        match kind {
            ChartKind::ByRegion => add(
                crate::reference_events::report::reference_region(e).unwrap_or("—".into()),
                e.fatalities,
            ),
            ChartKind::ByMonth => add(e.date_start.format("%Y-%m").to_string(), e.fatalities),
            ChartKind::ByActor => {
                for actor in e.actors.iter().filter(|a| !a.is_empty()) {
                    add(actor.clone(), e.fatalities);
                }
            }
        }
    }
    Some(
        bars.into_iter()
            .map(|(key, toll)| {
                let stack = Stack {
                    by_category: [(Category::Unknown, toll)].into_iter().collect(),
                    incidents: Vec::new(),
                };
                (key, stack)
            })
            .collect(),
    )
}

fn label(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The filters' section: the layer toggle and the "différences" filter. Nothing without a
/// reference file.
pub fn filters_ui(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    let Some(layer) = state.reference.as_mut() else {
        return;
    };
    ui.separator();
    ui.checkbox(
        &mut layer.show,
        format!(
            "{} ({})",
            label(lang, "Couche de référence", "Reference layer"),
            layer.name
        ),
    );
    let before = layer.differences;
    ui.label(label(lang, "Différences", "Differences"));
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(
            &mut layer.differences,
            Differences::All,
            label(lang, "toutes", "all"),
        );
        ui.selectable_value(
            &mut layer.differences,
            Differences::OnlyOurs,
            label(lang, "seulement la presse", "only the press"),
        );
        ui.selectable_value(
            &mut layer.differences,
            Differences::OnlyTheirs,
            label(lang, "seulement la référence", "only the reference"),
        );
        let mut n = match layer.differences {
            Differences::TollsAbove(n) => n,
            _ => 10,
        };
        let active = matches!(layer.differences, Differences::TollsAbove(_));
        let toggle = ui.selectable_label(
            active,
            label(
                lang,
                "bilans écartés de plus de",
                "tolls apart by more than",
            ),
        );
        if toggle.clicked() {
            layer.differences = Differences::TollsAbove(n);
        }
        if ui
            .add(egui::DragValue::new(&mut n).range(0..=10_000))
            .labelled_by(toggle.id)
            .changed()
        {
            layer.differences = Differences::TollsAbove(n);
        }
    });
    if layer.differences != before {
        state.refresh();
    }
}

/// The drill-down's section: the reference event matched with incident `sel`, beside ours.
pub fn drilldown_ui(ui: &mut Ui, state: &AppState, sel: usize) {
    let lang = state.prefs.lang;
    let Some(layer) = &state.reference else {
        return;
    };
    let Some(inc) = state.incidents.get(sel) else {
        return;
    };
    ui.separator();
    let Some(e) = layer
        .matched
        .get(sel)
        .copied()
        .flatten()
        .and_then(|j| layer.events.get(j))
    else {
        ui.label(format!(
            "{} {}",
            label(lang, "Absent de", "Not in"),
            layer.name
        ));
        return;
    };
    ui.strong(format!(
        "{} {} {}",
        label(lang, "Dans", "In"),
        e.source.as_str().to_uppercase(),
        e.id
    ));
    let toll = |t: crate::incident::TollRange| format!("{}–{}–{}", t.low, t.best, t.high);
    egui::Grid::new("reference_match")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(label(lang, "presse", "press"));
            ui.strong(e.source.as_str().to_uppercase());
            ui.end_row();
            ui.label(label(lang, "date", "date"));
            ui.label(inc.date.map_or("?".into(), |d| d.to_string()));
            ui.label(if e.date_start == e.date_end {
                e.date_start.to_string()
            } else {
                format!("{} – {}", e.date_start, e.date_end)
            });
            ui.end_row();
            ui.label(label(lang, "lieu", "place"));
            ui.label(crate::ui::map::tooltip_place(inc));
            ui.label(format!("{} ({}, {})", e.place, e.admin2, e.admin1));
            ui.end_row();
            ui.label(label(lang, "type", "type"));
            ui.label(inc.event_type.name());
            ui.label(e.event_type.map_or("—", |t| t.name()));
            ui.end_row();
            ui.label(label(lang, "acteurs", "actors"));
            ui.label(inc.actors.join(", "));
            ui.label(e.actors.join(" / "));
            ui.end_row();
            ui.label(label(
                lang,
                "morts (bas–meilleur–haut)",
                "deaths (low–best–high)",
            ));
            ui.label(inc.fatalities.map_or("—".into(), toll));
            ui.label(toll(e.fatalities));
            ui.end_row();
        });
    if !e.source_text.is_empty() {
        ui.small(&e.source_text);
    }
    if !e.notes.is_empty() {
        ui.small(&e.notes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_filter_the_incidents() {
        let layer = ReferenceLayer {
            name: "g".into(),
            events: Vec::new(),
            show: true,
            differences: Differences::OnlyTheirs,
            chart_alone: false,
            matched: vec![None],
            matched_by: Vec::new(),
        };
        let inc: Incident = serde_json::from_str(
            r#"{"article":"a","incident":0,"date":null,"date_precision":"unknown",
            "event_type":"Battles","sub_event_type":"","actors":[],"fatalities":null,
            "killed":null,"wounded":null,"captured":null,"places":[],"location":null,
            "evidence":[],"warnings":[]}"#,
        )
        .unwrap();
        assert!(!layer.keeps_incident(0, &inc));
        let only_ours = ReferenceLayer {
            differences: Differences::OnlyOurs,
            ..layer.clone()
        };
        assert!(only_ours.keeps_incident(0, &inc));
        let tolls = ReferenceLayer {
            differences: Differences::TollsAbove(0),
            ..layer
        };
        assert!(!tolls.keeps_incident(0, &inc));
    }
}
