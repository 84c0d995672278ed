//! The review queue: the filtered incidents from most to least doubtful, one at a time, with
//! the keys an analyst keeps a hand on (`a` accept, `r` reject with a reason, `c` correct,
//! `n`/`p` next and previous). The panel only records requests in the state; the app stores
//! the decisions in the workspace. Not here: the doubt score (see `analysis::doubt`) or the
//! storage (see `store`).

use egui::{Color32, RichText, Ui};

use crate::store::ReviewStatus;
use crate::ui::i18n::t;
use crate::ui::state::{AppState, PendingReview, ReviewFilter};

/// What a key or a button asked the queue to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKey {
    Accept,
    Reject,
    Correct,
    Next,
    Previous,
}

/// The keys pressed this frame (none while a text field has the keyboard).
pub fn keys(ui: &Ui) -> Vec<QueueKey> {
    if ui.ctx().egui_wants_keyboard_input() {
        return Vec::new();
    }
    ui.input(|i| {
        [
            (egui::Key::A, QueueKey::Accept),
            (egui::Key::R, QueueKey::Reject),
            (egui::Key::C, QueueKey::Correct),
            (egui::Key::N, QueueKey::Next),
            (egui::Key::P, QueueKey::Previous),
        ]
        .into_iter()
        .filter(|(k, _)| i.key_pressed(*k) && !i.modifiers.command && !i.modifiers.alt)
        .map(|(_, q)| q)
        .collect()
    })
}

/// Applies one queue action to the state.
pub fn act(state: &mut AppState, key: QueueKey) {
    // Decisions need the stored incidents behind the event (a workspace).
    let current = state.selected.filter(|&i| match key {
        QueueKey::Accept | QueueKey::Reject => state.keys.get(i).is_some_and(|k| !k.is_empty()),
        _ => true,
    });
    match key {
        QueueKey::Next => state.step_queue(1),
        QueueKey::Previous => state.step_queue(-1),
        QueueKey::Accept => {
            if let Some(i) = current {
                state.pending_reviews.push(PendingReview {
                    incident: i,
                    status: ReviewStatus::Accepted,
                    reason: String::new(),
                });
            }
        }
        QueueKey::Reject => {
            if current.is_some() {
                state.review_panel.rejecting = true;
                state.review_panel.focus_reason = true;
                state.review_panel.error = None;
            }
        }
        QueueKey::Correct => {
            if current.is_some() {
                state.prefs.hide_drilldown = false;
                state.review_panel.open_correction = true;
            }
        }
    }
}

/// The queue panel.
pub fn review_panel(ui: &mut Ui, state: &mut AppState, has_workspace: bool) {
    let lang = state.prefs.lang;
    ui.heading(t(lang, "review"));
    let (decided, total) = state.review_progress();
    ui.label(RichText::new(format!("{decided} / {total} {}", t(lang, "reviewed_n"))).strong());
    ui.add(egui::ProgressBar::new(if total == 0 {
        0.0
    } else {
        decided as f32 / total as f32
    }));
    if !has_workspace {
        ui.colored_label(Color32::from_rgb(200, 120, 30), t(lang, "review_needs_ws"));
    }
    let mut filter = state.review_filter;
    ui.horizontal_wrapped(|ui| {
        for (f, key) in [
            (ReviewFilter::All, "rf_all"),
            (ReviewFilter::Unreviewed, "rf_unreviewed"),
            (ReviewFilter::Reviewed, "rf_reviewed"),
            (ReviewFilter::Rejected, "rf_rejected"),
        ] {
            ui.selectable_value(&mut filter, f, t(lang, key));
        }
    });
    if filter != state.review_filter {
        state.review_filter = filter;
        state.refresh();
    }
    ui.separator();
    let pos = state
        .selected
        .and_then(|s| state.queue.iter().position(|&q| q == s));
    ui.label(match pos {
        Some(p) => format!("{} {} / {}", t(lang, "in_queue"), p + 1, state.queue.len()),
        None => format!("{} {}", state.queue.len(), t(lang, "incidents")),
    });
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let enabled = state.selected.is_some() && has_workspace;
        if ui
            .add_enabled(enabled, egui::Button::new(t(lang, "accept_a")))
            .clicked()
        {
            action = Some(QueueKey::Accept);
        }
        if ui
            .add_enabled(enabled, egui::Button::new(t(lang, "reject_r")))
            .clicked()
        {
            action = Some(QueueKey::Reject);
        }
        if ui
            .add_enabled(enabled, egui::Button::new(t(lang, "correct_c")))
            .clicked()
        {
            action = Some(QueueKey::Correct);
        }
        if ui.button(t(lang, "previous_p")).clicked() {
            action = Some(QueueKey::Previous);
        }
        if ui.button(t(lang, "next_n")).clicked() {
            action = Some(QueueKey::Next);
        }
    });
    if state.review_panel.rejecting {
        reject_form(ui, state);
    }
    if let Some(e) = &state.review_panel.error {
        ui.colored_label(Color32::from_rgb(200, 60, 40), e);
    }
    ui.separator();
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("review_queue")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, state.queue.len(), |ui, rows| {
            for &i in &state.queue[rows] {
                let inc = &state.incidents[i];
                let mark = match state.status(i) {
                    ReviewStatus::Accepted => "ok",
                    ReviewStatus::Rejected => "× ",
                    ReviewStatus::Unreviewed => "· ",
                };
                let score = state.doubts.get(i).map_or(0, |d| d.score);
                let line = format!(
                    "{mark} {score:>2}  {} · {}",
                    crate::ui::format::incident_date(lang, inc),
                    crate::ui::map::tooltip_place(inc)
                );
                let selected = state.selected == Some(i);
                if ui
                    .add(egui::Button::selectable(selected, line).truncate())
                    .clicked()
                {
                    clicked = Some(i);
                }
            }
        });
    if let Some(i) = clicked {
        state.select(Some(i));
    }
    if let Some(a) = action {
        act(state, a);
    }
}

/// The reason field of a rejection: Enter confirms, Escape cancels.
fn reject_form(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    let Some(i) = state.selected else {
        state.review_panel.rejecting = false;
        return;
    };
    let mut confirm = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let l = ui.label(t(lang, "reject_reason"));
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.review_panel.reason)
                    .id(egui::Id::unique("reject_reason"))
                    .desired_width(150.0),
            )
            .labelled_by(l.id);
        if state.review_panel.focus_reason {
            edit.request_focus();
            state.review_panel.focus_reason = false;
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            confirm = true;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            cancel = true;
        }
    });
    ui.horizontal(|ui| {
        confirm |= ui.button(t(lang, "confirm_reject")).clicked();
        cancel |= ui.button(t(lang, "cancel")).clicked();
    });
    if cancel {
        state.review_panel = Default::default();
    } else if confirm {
        let reason = state.review_panel.reason.trim().to_string();
        if reason.is_empty() {
            state.review_panel.error = Some(t(lang, "need_reason").into());
            state.review_panel.focus_reason = true;
        } else {
            state.pending_reviews.push(PendingReview {
                incident: i,
                status: ReviewStatus::Rejected,
                reason,
            });
            state.review_panel = Default::default();
        }
    }
}
