//! The eframe app: filters on the left, the map in the centre, drill-down on the right,
//! charts and the incident table at the bottom. State lives in [`state::AppState`]; each panel
//! is one function in [`panels`] or [`map`].

pub mod briefing;
pub mod i18n;
pub mod map;
pub mod panels;
pub mod state;

use std::path::PathBuf;

use walkers::MapMemory;

use crate::corpus::{self, Article, LoadOptions};
use crate::geocode::Geocoder;
use crate::pipeline;
use map::{Basemap, MALI_CENTER, MALI_ZOOM, Town};
use panels::TopBarAction;
use state::{AppState, Prefs};

const PREFS_KEY: &str = "mali-atlas-prefs";

pub struct MaliAtlasApp {
    pub state: AppState,
    memory: MapMemory,
    basemap: Basemap,
    basemap_dark: bool,
    briefing_fitted: bool,
}

impl MaliAtlasApp {
    /// The app over `articles`, geocoded with `geocoder`.
    pub fn new(articles: Vec<Article>, load_errors: Vec<String>, geocoder: &Geocoder) -> Self {
        let state = AppState::new(articles, load_errors, geocoder);
        let mut memory = MapMemory::default();
        memory.center_at(walkers::lon_lat(MALI_CENTER.0, MALI_CENTER.1));
        let _ = memory.set_zoom(MALI_ZOOM);
        let towns = towns(geocoder);
        MaliAtlasApp {
            basemap: Basemap::new(false, towns),
            basemap_dark: false,
            briefing_fitted: false,
            state,
            memory,
        }
    }

    /// The app on the embedded seed articles.
    pub fn on_seeds(geocoder: &Geocoder) -> Self {
        Self::new(corpus::seeds(), Vec::new(), geocoder)
    }

    /// Draws one frame into `ui` (used by eframe and by headless tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let dark = self.state.prefs.dark;
        ui.ctx().set_visuals(if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        if dark != self.basemap_dark {
            let towns = std::mem::take(&mut self.basemap.towns);
            self.basemap = Basemap::new(dark, towns);
            self.basemap_dark = dark;
        }
        self.shortcuts(ui);
        let action = egui::Panel::top("top_bar")
            .show(ui, |ui| panels::top_bar(ui, &mut self.state))
            .inner;
        match action {
            TopBarAction::FitMali => {
                self.state.pending_view = Some((MALI_CENTER.0, MALI_CENTER.1, MALI_ZOOM))
            }
            TopBarAction::FitSelection => self.fit_selection(),
            TopBarAction::None => {}
        }
        egui::Panel::left("filters")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("filters_scroll")
                    .show(ui, |ui| panels::filters_panel(ui, &mut self.state));
            });
        egui::Panel::right("drilldown")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| panels::drilldown_panel(ui, &mut self.state));
        egui::Panel::bottom("charts")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                ui.columns(2, |cols| {
                    panels::charts_panel(&mut cols[0], &mut self.state);
                    panels::table_panel(&mut cols[1], &mut self.state);
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                map::map_panel(ui, &mut self.state, &mut self.memory, &mut self.basemap)
            });
    }

    /// Draws the briefing layout (title, map, legend, optional chart) filling `ui`; the map is
    /// fitted to Mali or to the visible incidents on the first frame.
    pub fn show_briefing(&mut self, ui: &mut egui::Ui, opts: &briefing::BriefingOptions) {
        ui.ctx().set_visuals(egui::Visuals::light());
        egui::Panel::top("briefing_header").show(ui, |ui| {
            briefing::header(ui, &self.state, opts);
        });
        egui::Panel::bottom("briefing_legend").show(ui, |ui| {
            briefing::legend(ui, &self.state);
        });
        if opts.chart != briefing::BriefingChart::None {
            egui::Panel::right("briefing_chart")
                .default_size(ui.available_width() * 0.3)
                .show(ui, |ui| briefing::chart(ui, &self.state, opts));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                if !self.briefing_fitted {
                    self.state.pending_view =
                        Some(briefing::fit_view(&self.state, ui.available_size()));
                    self.briefing_fitted = true;
                }
                map::map_panel(ui, &mut self.state, &mut self.memory, &mut self.basemap)
            });
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui) {
        let typing = ui.ctx().egui_wants_keyboard_input();
        let (next, prev, fit, zin, zout, search) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::N)
                    || i.key_pressed(egui::Key::ArrowDown) && i.modifiers.alt,
                i.key_pressed(egui::Key::P) || i.key_pressed(egui::Key::ArrowUp) && i.modifiers.alt,
                i.key_pressed(egui::Key::F),
                i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                i.key_pressed(egui::Key::Minus),
                i.modifiers.command && i.key_pressed(egui::Key::K),
            )
        });
        if search {
            ui.ctx()
                .memory_mut(|m| m.request_focus(egui::Id::unique("search")));
        }
        if typing {
            return;
        }
        if next {
            self.state.step_selection(1);
        }
        if prev {
            self.state.step_selection(-1);
        }
        if fit {
            self.state.pending_view = Some((MALI_CENTER.0, MALI_CENTER.1, MALI_ZOOM));
        }
        if zin {
            let _ = self.memory.zoom_in();
        }
        if zout {
            let _ = self.memory.zoom_out();
        }
    }

    fn fit_selection(&mut self) {
        let pts: Vec<(f64, f64)> = self
            .state
            .visible
            .iter()
            .filter_map(|&i| self.state.incidents[i].location.map(|l| (l.lon, l.lat)))
            .collect();
        if pts.is_empty() {
            return;
        }
        let (mut w, mut e, mut s, mut n) = (180f64, -180f64, 90f64, -90f64);
        for (lon, lat) in &pts {
            w = w.min(*lon);
            e = e.max(*lon);
            s = s.min(*lat);
            n = n.max(*lat);
        }
        let extent = (e - w).max(n - s).max(0.05);
        // ~800 px for the extent at 256 px per 360° × 2^z.
        let zoom = (800.0 * 360.0 / (256.0 * extent)).log2().clamp(3.0, 12.0);
        self.state.pending_view = Some(((w + e) / 2.0, (s + n) / 2.0, zoom));
    }
}

/// Town labels ranked by importance from the loaded gazetteer.
fn towns(geocoder: &Geocoder) -> Vec<Town> {
    let g = geocoder.gazetteer();
    let mut v: Vec<Town> = g
        .places()
        .iter()
        .filter(|p| p.feature_class == 'P' && p.country == "ML")
        .map(|p| {
            let imp = p.importance();
            let min_zoom = match (imp, p.population) {
                (6, _) | (5, _) => 4.0,
                (_, pop) if pop >= 100_000 => 4.0,
                (_, pop) if pop >= 30_000 => 5.0,
                (_, pop) if pop >= 50_000 => 6.0,
                (4, _) => 7.0,
                (_, pop) if pop >= 10_000 => 8.0,
                (_, pop) if pop >= 2_000 => 9.5,
                (_, pop) if pop > 0 => 11.0,
                _ => 12.5,
            };
            Town {
                name: crate::geocode::mentions::french_name(&p.name).to_string(),
                lon: p.lon,
                lat: p.lat,
                min_zoom,
            }
        })
        .collect();
    v.sort_by(|a, b| a.min_zoom.total_cmp(&b.min_zoom));
    v.truncate(5000);
    v
}

impl eframe::App for MaliAtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}

/// Opens the window on `paths` (files or folders), or on the embedded seeds when empty.
pub fn run(paths: Vec<PathBuf>, gazetteer: Option<PathBuf>) -> Result<(), String> {
    let geocoder = pipeline::geocoder(gazetteer.as_deref()).map_err(|e| e.to_string())?;
    let (articles, errors) = if paths.is_empty() {
        (corpus::seeds(), Vec::new())
    } else {
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for r in corpus::load_paths(&paths, &LoadOptions::default()) {
            match r {
                Ok(a) => ok.push(a),
                Err(e) => errors.push(e.to_string()),
            }
        }
        (ok, errors)
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("mali-atlas")
            .with_inner_size([1500.0, 950.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "mali-atlas",
        options,
        Box::new(move |cc| {
            let mut app = MaliAtlasApp::new(articles, errors, &geocoder);
            if let Some(storage) = cc.storage
                && let Some(prefs) = eframe::get_value::<Prefs>(storage, PREFS_KEY)
            {
                app.state.prefs = prefs;
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
