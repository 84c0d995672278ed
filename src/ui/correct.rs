//! The drill-down's correction form, shown when a workspace is open: fix the date, a death
//! toll, the event type or the map point, or reject the incident, always with a reason. The
//! form only records requests in the state; the app stores them in the workspace (where they
//! survive re-extraction) and reloads.

use egui::Ui;

use crate::incident::{Category, EventType, TollRange};
use crate::store::{Correction, TollField};
use crate::ui::i18n::t;
use crate::ui::state::AppState;

/// What the analyst is typing; reset when another incident is selected.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrectionForm {
    pub incident: Option<usize>,
    pub date: String,
    pub category: Category,
    /// "12" or "10-12-15" (low-best-high).
    pub deaths: String,
    pub event_type: EventType,
    pub point: String,
    pub reason: String,
    pub error: Option<String>,
}

impl Default for CorrectionForm {
    fn default() -> Self {
        CorrectionForm {
            incident: None,
            date: String::new(),
            category: Category::Civilians,
            deaths: String::new(),
            event_type: EventType::Battles,
            point: String::new(),
            reason: String::new(),
            error: None,
        }
    }
}

impl CorrectionForm {
    /// The form filled with the incident's current values.
    fn for_incident(state: &AppState, i: usize) -> Self {
        let inc = &state.incidents[i];
        let (category, deaths) = inc
            .killed
            .as_ref()
            .and_then(|k| k.iter().next())
            .map_or((Category::Civilians, String::new()), |(c, r)| {
                (*c, format_range(*r))
            });
        CorrectionForm {
            incident: Some(i),
            date: inc.date.map(|d| d.to_string()).unwrap_or_default(),
            category,
            deaths,
            event_type: inc.event_type,
            point: inc
                .location
                .map(|l| format!("{:.4}, {:.4}", l.lat, l.lon))
                .unwrap_or_default(),
            reason: String::new(),
            error: None,
        }
    }

    /// The corrections this form asks for, compared with the incident's current values.
    pub fn changes(&self, state: &AppState) -> Result<Vec<Correction>, String> {
        let Some(i) = self.incident else {
            return Ok(Vec::new());
        };
        let before = CorrectionForm::for_incident(state, i);
        let mut out = Vec::new();
        if self.date.trim() != before.date {
            let d = chrono::NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
                .map_err(|_| format!("date {:?}: YYYY-MM-DD", self.date))?;
            out.push(Correction::Date {
                date: Some(d),
                date_end: None,
                precision: crate::corpus::DatePrecision::Day,
            });
        }
        if self.deaths.trim() != before.deaths || self.category != before.category {
            let range = if self.deaths.trim().is_empty() {
                None
            } else {
                Some(parse_range(self.deaths.trim())?)
            };
            out.push(Correction::Toll {
                field: TollField::Killed(self.category),
                range,
            });
        }
        if self.event_type != before.event_type {
            out.push(Correction::EventType {
                event_type: self.event_type,
                sub_event_type: None,
            });
        }
        if self.point.trim() != before.point {
            let (lat, lon) = self
                .point
                .split_once(',')
                .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
                .filter(|(lat, lon): &(f64, f64)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
                .ok_or_else(|| format!("point {:?}: LAT, LON", self.point))?;
            out.push(Correction::MovePoint { lat, lon });
        }
        Ok(out)
    }
}

fn format_range(r: TollRange) -> String {
    if r.low == r.best && r.best == r.high {
        r.best.to_string()
    } else {
        format!("{}-{}-{}", r.low, r.best, r.high)
    }
}

/// "12" or "10-12-15".
pub fn parse_range(s: &str) -> Result<TollRange, String> {
    let parts: Result<Vec<u32>, _> = s.split('-').map(|p| p.trim().parse::<u32>()).collect();
    match parts.as_deref() {
        Ok([b]) => Ok(TollRange::exact(*b)),
        Ok([low, best, high]) if low <= best && best <= high => Ok(TollRange {
            low: *low,
            best: *best,
            high: *high,
        }),
        _ => Err(format!("{s:?}: N or LOW-BEST-HIGH")),
    }
}

/// The form for the selected incident.
pub fn correction_form(ui: &mut Ui, state: &mut AppState, selected: usize) {
    if state.keys.is_empty() {
        return;
    }
    let lang = state.prefs.lang;
    if state.correction.incident != Some(selected) {
        state.correction = CorrectionForm::for_incident(state, selected);
    }
    // `c` in the review queue opens the form.
    let open = std::mem::take(&mut state.review_panel.open_correction).then_some(true);
    egui::CollapsingHeader::new(t(lang, "correct"))
        .id_salt("correction_form")
        .open(open)
        .show(ui, |ui| {
            let f = &mut state.correction;
            egui::Grid::new("correction_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label(t(lang, "date"));
                    ui.text_edit_singleline(&mut f.date).labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(t(lang, "deaths_of"));
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt("correction_category")
                            .selected_text(f.category.as_str())
                            .show_ui(ui, |ui| {
                                for c in Category::ALL {
                                    ui.selectable_value(&mut f.category, c, c.as_str());
                                }
                            });
                        ui.add(egui::TextEdit::singleline(&mut f.deaths).desired_width(90.0))
                            .labelled_by(l.id);
                    });
                    ui.end_row();
                    ui.label(t(lang, "event"));
                    egui::ComboBox::from_id_salt("correction_event")
                        .selected_text(f.event_type.name())
                        .show_ui(ui, |ui| {
                            for e in EventType::ALL {
                                ui.selectable_value(&mut f.event_type, e, e.name());
                            }
                        });
                    ui.end_row();
                    let l = ui.label(t(lang, "lat_lon"));
                    ui.text_edit_singleline(&mut f.point).labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(t(lang, "reason"));
                    ui.text_edit_singleline(&mut f.reason).labelled_by(l.id);
                    ui.end_row();
                });
            let save = ui.button(t(lang, "save")).clicked();
            let reject = ui.button(t(lang, "reject")).clicked();
            if save || reject {
                let reason = state.correction.reason.trim().to_string();
                if reason.is_empty() {
                    state.correction.error = Some(t(lang, "need_reason").into());
                } else {
                    let changes = if reject {
                        Ok(vec![Correction::Reject])
                    } else {
                        state.correction.changes(state)
                    };
                    match changes {
                        Ok(c) if !c.is_empty() => {
                            state
                                .pending_corrections
                                .push(crate::ui::state::PendingCorrection {
                                    incident: selected,
                                    changes: c,
                                    reason,
                                });
                            state.correction.incident = None;
                        }
                        Ok(_) => {}
                        Err(e) => state.correction.error = Some(e),
                    }
                }
            }
            if let Some(e) = &state.correction.error {
                ui.colored_label(egui::Color32::from_rgb(200, 60, 40), e);
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_and_refuse_nonsense() {
        assert_eq!(parse_range("12").unwrap(), TollRange::exact(12));
        assert_eq!(
            parse_range("10-12-15").unwrap(),
            TollRange {
                low: 10,
                best: 12,
                high: 15
            }
        );
        assert!(parse_range("15-12-10").is_err());
        assert!(parse_range("douze").is_err());
    }
}
