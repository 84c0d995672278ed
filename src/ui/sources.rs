//! A merged event's sources side by side in the drill-down: each reporting article's
//! publication date, toll (low/best/high) and place, with the evidence behind them. The
//! analyst can keep one source's toll (stored as a correction of every member) or split a
//! report off a wrong merge (the workspace's `split_event`). The panel only records requests;
//! the app stores them and reloads. Not here: how events are merged or tolls reconciled (see
//! `store::merge`).

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

use crate::incident::{Category, Incident};
use crate::store::{Correction, IncidentKey, TollField};
use crate::ui::i18n::t;
use crate::ui::state::{AppState, PendingCorrection};

/// One report of a merged event, as stored (corrections applied).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub key: IncidentKey,
    pub published: Option<NaiveDate>,
    pub incident: Incident,
}

/// The reports of the selected event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// The event (incident index in the state) these rows belong to.
    pub incident: Option<usize>,
    pub rows: Vec<SourceRow>,
    /// The reason typed for a split.
    pub reason: String,
    pub error: Option<String>,
}

/// A split asked for in the drill-down: detach `key` from the event `incident`.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingSplit {
    pub incident: usize,
    pub key: IncidentKey,
    pub reason: String,
}

/// The corrections that give every member of an event the toll of `chosen`: for each victim
/// category any member reports, the chosen report's range (or none).
pub fn keep_toll_of(chosen: &Incident, members: &[SourceRow]) -> Vec<Correction> {
    Category::ALL
        .into_iter()
        .filter(|c| members.iter().any(|m| m.incident.killed_in(*c).is_some()))
        .map(|c| Correction::Toll {
            field: TollField::Killed(c),
            range: chosen.killed_in(c),
        })
        .collect()
}

fn toll_text(i: &Incident) -> String {
    i.fatalities.map_or("—".into(), |f| {
        format!("{} / {} / {}", f.low, f.best, f.high)
    })
}

/// The sources section of the drill-down (only for events of more than one report).
pub fn sources_section(ui: &mut Ui, state: &mut AppState, selected: usize) {
    let lang = state.prefs.lang;
    if state.sources.incident != Some(selected) || state.sources.rows.len() < 2 {
        return;
    }
    let mut keep = None;
    let mut split = None;
    egui::CollapsingHeader::new(format!(
        "{} ({})",
        t(lang, "sources"),
        state.sources.rows.len()
    ))
    .id_salt("sources_side_by_side")
    .default_open(true)
    .show(ui, |ui| {
        egui::Grid::new("sources_grid")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for h in ["source", "published", "toll_lbh", "place", ""] {
                    ui.label(RichText::new(t(lang, h)).strong());
                }
                ui.end_row();
                for (n, row) in state.sources.rows.iter().enumerate() {
                    let i = &row.incident;
                    ui.label(i.article.rsplit('/').next().unwrap_or(&i.article))
                        .on_hover_text(evidence_lines(i));
                    ui.label(row.published.map_or("?".into(), |d| {
                        crate::ui::format::date_text(
                            lang,
                            Some(d),
                            None,
                            crate::corpus::DatePrecision::Day,
                        )
                    }));
                    ui.label(toll_text(i));
                    ui.label(match i.location {
                        Some(l) => crate::ui::format::place_in_words(
                            lang,
                            crate::ui::map::tooltip_place(i),
                            l.precision,
                        ),
                        None => "—".into(),
                    });
                    ui.horizontal(|ui| {
                        if ui
                            .small_button(t(lang, "keep_toll"))
                            .on_hover_text(t(lang, "keep_toll_hint"))
                            .clicked()
                        {
                            keep = Some(n);
                        }
                        if ui.small_button(t(lang, "split")).clicked() {
                            split = Some(n);
                        }
                    });
                    ui.end_row();
                }
            });
        for row in &state.sources.rows {
            ui.small(
                RichText::new(evidence_lines(&row.incident)).color(ui.visuals().weak_text_color()),
            );
        }
        ui.horizontal(|ui| {
            let l = ui.label(t(lang, "reason"));
            ui.add(egui::TextEdit::singleline(&mut state.sources.reason).desired_width(180.0))
                .labelled_by(l.id);
        });
        if let Some(e) = &state.sources.error {
            ui.colored_label(Color32::from_rgb(200, 60, 40), e);
        }
    });
    let reason = state.sources.reason.trim().to_string();
    if (keep.is_some() || split.is_some()) && reason.is_empty() {
        state.sources.error = Some(t(lang, "need_reason").into());
        return;
    }
    if let Some(n) = keep {
        let chosen = &state.sources.rows[n].incident;
        let changes = keep_toll_of(chosen, &state.sources.rows);
        state.pending_corrections.push(PendingCorrection {
            incident: selected,
            changes,
            reason: format!("{reason} ({})", chosen.article),
        });
        state.sources = Sources::default();
    } else if let Some(n) = split {
        state.pending_splits.push(PendingSplit {
            incident: selected,
            key: state.sources.rows[n].key.clone(),
            reason,
        });
        state.sources = Sources::default();
    }
}

/// The evidence of one report, one "field: text" per line.
fn evidence_lines(i: &Incident) -> String {
    let mut lines: Vec<String> = i
        .evidence
        .iter()
        .map(|e| format!("{}: {}", e.field, e.text))
        .collect();
    lines.insert(0, i.article.clone());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::TollRange;

    #[test]
    fn keeping_a_sources_toll_sets_every_reported_category() {
        let seeds = crate::corpus::seeds();
        let g = crate::geocode::Geocoder::new(crate::geocode::gazetteer::Gazetteer::fallback());
        let mut a = crate::pipeline::incidents(&seeds[0], &g).remove(0);
        let mut b = a.clone();
        a.killed = Some([(Category::Civilians, TollRange::exact(132))].into());
        b.killed = Some(
            [
                (Category::Civilians, TollRange::exact(100)),
                (Category::Soldiers, TollRange::exact(3)),
            ]
            .into(),
        );
        let rows: Vec<SourceRow> = [a.clone(), b]
            .into_iter()
            .map(|incident| SourceRow {
                key: IncidentKey::Manual { correction_id: 1 },
                published: None,
                incident,
            })
            .collect();
        let c = keep_toll_of(&a, &rows);
        assert_eq!(
            c,
            vec![
                Correction::Toll {
                    field: TollField::Killed(Category::Civilians),
                    range: Some(TollRange::exact(132)),
                },
                Correction::Toll {
                    field: TollField::Killed(Category::Soldiers),
                    range: None,
                },
            ]
        );
    }
}
