//! The offer to refresh a stale workspace: when the open workspace holds articles extracted
//! under another stamp (other rules, lexicons or gazetteer, see
//! [`pipeline::extraction_stamp`]), a banner says how many and a button extracts them again
//! (the analyst's corrections are re-applied) and reloads the view.
//!
//! Not here: deciding what is stale or re-extracting (both in `pipeline`). The refresh runs on
//! the UI thread: it is one click, and a workspace of a few thousand articles takes seconds.

use crate::pipeline;
use crate::ui::MaliAtlasApp;
use crate::ui::state::Lang;

/// Where the count of stale articles is kept between frames (counted once per workspace).
fn stale_id() -> egui::Id {
    egui::Id::unique("mali_atlas_stale_articles")
}

impl MaliAtlasApp {
    /// Draws the banner when the workspace is stale; a click on its button refreshes it.
    pub(crate) fn refresh_banner(&mut self, ui: &mut egui::Ui) {
        let (Some(ws), Some(geocoder)) = (self.workspace.as_ref(), self.geocoder.clone()) else {
            return;
        };
        let stale = match ui.data(|d| d.get_temp::<usize>(stale_id())) {
            Some(n) => n,
            None => {
                let n = pipeline::stale_articles(ws, &geocoder).unwrap_or(0);
                ui.data_mut(|d| d.insert_temp(stale_id(), n));
                n
            }
        };
        if stale == 0 {
            return;
        }
        let lang = self.state.prefs.lang;
        let clicked = egui::Panel::top("refresh_banner")
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(match lang {
                        Lang::Fr => format!(
                            "{stale} article(s) de cet espace de travail ont été extraits avec \
                             d'autres règles ou un autre gazetier."
                        ),
                        Lang::En => format!(
                            "{stale} article(s) in this workspace were extracted with other \
                             rules or another gazetteer."
                        ),
                    });
                    ui.button(match lang {
                        Lang::Fr => "Mettre à jour",
                        Lang::En => "Refresh",
                    })
                    .clicked()
                })
                .inner
            })
            .inner;
        if clicked {
            let left = self.refresh_workspace();
            ui.data_mut(|d| d.insert_temp(stale_id(), left));
        }
    }

    /// Extracts the stale articles again and reloads the workspace's events, keeping filters,
    /// preferences and the selection. Returns how many articles are still stale (0, or all of
    /// them when the refresh failed).
    fn refresh_workspace(&mut self) -> usize {
        let (Some(ws), Some(geocoder)) = (self.workspace.as_mut(), self.geocoder.clone()) else {
            return 0;
        };
        let stale = pipeline::stale_articles(ws, &geocoder).unwrap_or(0);
        match pipeline::refresh(ws, &geocoder, 500) {
            Ok(report) => {
                // As on opening a workspace: its events, filters and selection kept.
                let message = match self.state.prefs.lang {
                    Lang::Fr => format!("{} article(s) mis à jour", report.reextracted),
                    Lang::En => format!("{} article(s) refreshed", report.reextracted),
                };
                self.reload_workspace(message);
                0
            }
            Err(e) => {
                self.set_status(e.to_string());
                stale
            }
        }
    }
}
