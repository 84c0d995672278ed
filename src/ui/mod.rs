//! The eframe app: filters on the left, the map in the centre, drill-down on the right,
//! charts and the incident table at the bottom. State lives in [`state::AppState`]; each panel
//! is one function in [`panels`] or [`map`].

pub mod assets;
pub mod briefing;
pub mod chart;
pub mod correct;
pub mod dropped;
pub mod format;
pub mod i18n;
pub mod install;
pub mod map;
pub mod mbtiles;
pub mod offscreen;
pub mod panels;
pub mod reference_layer;
mod refresh;
pub mod review;
pub mod sources;
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

/// When the process started (set by the binary), to log the time to the first frame.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

pub struct MaliAtlasApp {
    pub state: AppState,
    memory: MapMemory,
    basemap: Basemap,
    basemap_dark: bool,
    briefing_fitted: bool,
    /// The map's rectangle last frame (what a PNG export crops).
    map_rect: egui::Rect,
    /// Result of the last export, shown in the status bar (written by a screenshot callback).
    status: std::sync::Arc<std::sync::Mutex<String>>,
    installer: install::Installer,
    /// The open workspace, where corrections made in the drill-down are stored.
    pub workspace: Option<crate::store::Workspace>,
    /// The geocoder, for files dropped on the window (set by [`run`]).
    pub geocoder: Option<std::sync::Arc<Geocoder>>,
    /// Files dropped on the window, being processed.
    drop_job: Option<dropped::DropJob>,
    /// Cercle outlines (embedded or installed), kept to redraw them after a theme change.
    cercle_rings: Vec<map::CercleOutline>,
    /// Export date of the embedded GeoNames snapshot, when that is the gazetteer in use
    /// (shown in the status bar).
    embedded_snapshot: Option<&'static str>,
    first_frame_logged: bool,
    /// The optional tile layer and what it was built for (online flag, file path).
    tiles: Option<Box<dyn walkers::Tiles>>,
    tiles_for: (bool, String),
    /// The workspace's reviews were copied into the current state.
    reviews_loaded: bool,
    /// The workspace's stored incidents (corrections applied), read when a merged event is
    /// first shown side by side; dropped whenever the workspace changes.
    stored: Option<Vec<crate::store::StoredIncident>>,
}

impl MaliAtlasApp {
    /// The app over `articles`, geocoded with `geocoder`.
    pub fn new(articles: Vec<Article>, load_errors: Vec<String>, geocoder: &Geocoder) -> Self {
        let state = AppState::new(articles, load_errors, geocoder);
        Self::with_state(state, geocoder)
    }

    /// The app over a prepared state (a workspace's events); `geocoder` gives the town labels.
    pub fn with_state(state: AppState, geocoder: &Geocoder) -> Self {
        let mut app = Self::with_state_and_towns(state, towns(geocoder));
        app.embedded_snapshot = embedded_snapshot(geocoder);
        if let Some(c) = geocoder.cercles() {
            app.cercle_rings = c
                .all()
                .iter()
                .map(|c| {
                    let rings = c
                        .shape
                        .0
                        .iter()
                        .map(|p| p.exterior().0.iter().map(|c| (c.x, c.y)).collect())
                        .collect();
                    (c.name.clone(), rings)
                })
                .collect();
            app.basemap.set_cercles(&app.cercle_rings, false);
        }
        app
    }

    /// The app over a prepared state and town labels (no gazetteer needed: briefings).
    pub fn with_state_and_towns(state: AppState, towns: Vec<Town>) -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(walkers::lon_lat(MALI_CENTER.0, MALI_CENTER.1));
        let _ = memory.set_zoom(MALI_ZOOM);
        MaliAtlasApp {
            basemap: Basemap::new(false, towns),
            basemap_dark: false,
            briefing_fitted: false,
            map_rect: egui::Rect::NOTHING,
            status: Default::default(),
            installer: Default::default(),
            workspace: None,
            geocoder: None,
            drop_job: None,
            cercle_rings: Vec::new(),
            embedded_snapshot: None,
            first_frame_logged: false,
            tiles: None,
            tiles_for: (false, String::new()),
            reviews_loaded: false,
            stored: None,
            state,
            memory,
        }
    }

    /// Installs into `dir` instead of the per-user data folder (tests, portable setups).
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        self.installer.dir = Some(dir);
        self
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
            if !self.cercle_rings.is_empty() {
                self.basemap.set_cercles(&self.cercle_rings, dark);
            }
            self.basemap_dark = dark;
        }
        if !self.reviews_loaded {
            self.load_reviews();
        }
        self.shortcuts(ui);
        self.update_sources();
        let action = egui::Panel::top("top_bar")
            .show(ui, |ui| panels::top_bar(ui, &mut self.state))
            .inner;
        match action {
            TopBarAction::FitMali => {
                self.state.pending_view = Some((MALI_CENTER.0, MALI_CENTER.1, MALI_ZOOM))
            }
            TopBarAction::FitSelection => self.fit_selection(),
            TopBarAction::ExportCsv => self.export_table("csv"),
            TopBarAction::ExportGeojson => self.export_table("geojson"),
            TopBarAction::ExportJsonl => self.export_table("jsonl"),
            TopBarAction::ExportPng => self.export_png(ui.ctx()),
            TopBarAction::ExportBriefing => self.export_briefing(ui.ctx()),
            TopBarAction::None => {}
        }
        if !self.state.gazetteer_is_full {
            if self.installer.state() == install::InstallState::Done {
                self.installer.acknowledge();
                self.reload_with_installed_gazetteer();
            }
            let lang = self.state.prefs.lang;
            egui::Panel::top("gazetteer_banner").show(ui, |ui| {
                install::install_banner(ui, &mut self.installer, lang)
            });
        }
        self.refresh_banner(ui);
        let status = self.status.lock().map(|s| s.clone()).unwrap_or_default();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let network = if self.state.prefs.online_tiles {
                    "online"
                } else {
                    "offline"
                };
                let lang = self.state.prefs.lang;
                let mut line = format!(
                    "{} · {}",
                    crate::reference::ATTRIBUTION,
                    i18n::t(lang, network)
                );
                if let Some(date) = self.embedded_snapshot {
                    line.push_str(&format!(" · {} {date}", i18n::t(lang, "embedded_snapshot")));
                }
                ui.small(line);
                if !status.is_empty() {
                    ui.separator();
                    ui.small(status);
                }
            });
        });
        if !self.state.prefs.hide_filters {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(250.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("filters_scroll")
                        .show(ui, |ui| panels::filters_panel(ui, &mut self.state));
                });
        }
        if self.state.prefs.review_mode {
            let has_workspace = self.workspace.is_some();
            egui::Panel::left("review_queue")
                .resizable(true)
                .default_size(290.0)
                .show(ui, |ui| {
                    review::review_panel(ui, &mut self.state, has_workspace)
                });
        }
        if !self.state.prefs.hide_drilldown {
            egui::Panel::right("drilldown")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| panels::drilldown_panel(ui, &mut self.state));
        }
        if !self.state.prefs.hide_charts {
            egui::Panel::bottom("charts")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    ui.columns(2, |cols| {
                        panels::charts_panel(&mut cols[0], &mut self.state);
                        panels::table_panel(&mut cols[1], &mut self.state);
                    });
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.update_tiles(ui.ctx());
                let tiles: Option<&mut dyn walkers::Tiles> = match &mut self.tiles {
                    Some(t) => Some(t.as_mut()),
                    None => None,
                };
                self.map_rect = map::map_panel(
                    ui,
                    &mut self.state,
                    &mut self.memory,
                    &mut self.basemap,
                    tiles,
                );
            });
        self.apply_corrections();
        self.apply_splits();
        self.apply_reviews();
        self.handle_drops(ui.ctx());
    }

    /// Copies the workspace's latest reviews into the state (after it was built or rebuilt).
    fn load_reviews(&mut self) {
        self.reviews_loaded = true;
        let Some(ws) = &self.workspace else { return };
        match ws.review_book() {
            Ok(book) => self.state.set_reviews(&book),
            Err(e) => self.set_status(e.to_string()),
        }
        let cercles = self.geocoder.as_ref().and_then(|g| g.cercles());
        if let Err(e) = reference_layer::load_from_workspace(&mut self.state, ws, cercles) {
            self.set_status(e);
        }
    }

    /// Stores the review decisions the queue asked for, on every incident each event merges,
    /// and moves to the next incident of the queue.
    fn apply_reviews(&mut self) {
        if self.state.pending_reviews.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.state.pending_reviews);
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        // Who decided: the login name, as ACLED coders sign their codings.
        let reviewer = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "analyst".into());
        for p in pending {
            let keys = self.state.keys.get(p.incident).cloned().unwrap_or_default();
            if keys.is_empty() {
                continue;
            }
            let stored = ws
                .review(&keys, p.status, &reviewer, &p.reason)
                .and_then(|()| ws.review_book());
            match stored {
                Ok(book) => {
                    if let Some(r) = book.of(&keys).cloned() {
                        self.state.record_review(p.incident, r);
                    }
                }
                Err(e) => {
                    let message = e.to_string();
                    self.set_status(message);
                    return;
                }
            }
        }
    }

    /// (Re)builds the tile layer when the analyst changes it: OpenStreetMap over HTTPS with a
    /// disk cache (only when turned on), or a local PMTiles or MBTiles file; none by default.
    fn update_tiles(&mut self, ctx: &egui::Context) {
        let wanted = (
            self.state.prefs.online_tiles,
            self.state.prefs.tile_file.trim().to_string(),
        );
        if wanted == self.tiles_for {
            return;
        }
        self.tiles_for = wanted.clone();
        self.tiles = if wanted.0 {
            let cache = crate::datasets::data_dir().map(|d| d.join("tiles"));
            Some(Box::new(walkers::HttpTiles::with_options(
                walkers::sources::OpenStreetMap,
                walkers::HttpOptions {
                    cache,
                    ..Default::default()
                },
                ctx.clone(),
            )))
        } else if !wanted.1.is_empty() {
            let path = PathBuf::from(&wanted.1);
            let is_mbtiles = path.extension().is_some_and(|e| e == "mbtiles");
            if path.is_file() && is_mbtiles {
                match mbtiles::MbTiles::open(&path, ctx.clone()) {
                    Ok(t) => Some(Box::new(t)),
                    Err(e) => {
                        self.set_status(e);
                        None
                    }
                }
            } else if path.is_file() {
                Some(Box::new(walkers::PmTiles::new(path, ctx.clone())))
            } else {
                self.set_status(format!("{}: not a file", wanted.1));
                None
            }
        } else {
            None
        };
    }

    /// Starts processing dropped files, and adds what is ready (to the workspace too, when one
    /// is open).
    fn handle_drops(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !paths.is_empty()
            && self.drop_job.is_none()
            && let Some(g) = &self.geocoder
        {
            self.drop_job = Some(dropped::DropJob::start(paths, g.clone(), ctx.clone()));
        }
        let Some(job) = &self.drop_job else { return };
        let (ready, errors, (done, total, finished)) = job.take();
        if !ready.is_empty() || !errors.is_empty() {
            if let Some(ws) = self.workspace.as_mut() {
                let records: Vec<_> = ready
                    .iter()
                    .map(|(a, inc)| (pipeline::article_record(a), inc.clone()))
                    .collect();
                if let Err(e) = ws.ingest(&records, crate::extract::EXTRACTOR_VERSION) {
                    self.state.load_errors.push(e.to_string());
                }
            }
            self.add_articles(ready, errors);
        }
        let lang = self.state.prefs.lang;
        self.set_status(format!("{} {done}/{total}", i18n::t(lang, "ingesting")));
        if finished {
            self.drop_job = None;
            self.set_status(format!("{} {done}/{total}", i18n::t(lang, "ingested")));
        }
    }

    /// Adds extracted articles to the state, keeping filters, preferences and the selection.
    fn add_articles(&mut self, ready: Vec<dropped::Extracted>, errors: Vec<String>) {
        let mut articles = std::mem::take(&mut self.state.articles);
        let mut incidents: Vec<(usize, crate::incident::Incident)> = self
            .state
            .incident_article
            .iter()
            .copied()
            .zip(std::mem::take(&mut self.state.incidents))
            .collect();
        let mut keys = std::mem::take(&mut self.state.keys);
        for (a, inc) in ready {
            let idx = articles.len();
            articles.push(a);
            for i in inc {
                incidents.push((idx, i));
                if !keys.is_empty() {
                    keys.push(Vec::new());
                }
            }
        }
        let mut load_errors = std::mem::take(&mut self.state.load_errors);
        load_errors.extend(errors);
        let prefs = self.state.prefs.clone();
        let filter = self.state.filter.clone();
        let selected = self.state.selected;
        let full = self.state.gazetteer_is_full;
        let mut state = AppState::from_parts(articles, incidents, load_errors, full);
        state.keys = keys;
        state.prefs = prefs;
        state.set_filter(filter);
        state.selected = selected;
        self.state = state;
        self.reviews_loaded = false;
        self.stored = None;
    }

    /// Stores the corrections the drill-down asked for (on every incident the event merges)
    /// and reloads the workspace's events, keeping filters, preferences and the selection.
    fn apply_corrections(&mut self) {
        if self.state.pending_corrections.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.state.pending_corrections);
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        let mut message = String::new();
        for p in pending {
            let keys = self.state.keys.get(p.incident).cloned().unwrap_or_default();
            for key in &keys {
                for c in &p.changes {
                    if let Err(e) = ws.correct(key, c.clone(), &p.reason) {
                        message = e.to_string();
                    }
                }
            }
        }
        if message.is_empty() {
            message = i18n::t(self.state.prefs.lang, "corrected").to_string();
        }
        self.reload_workspace(message);
    }

    /// Splits the reports the drill-down detached from their events, and reloads.
    fn apply_splits(&mut self) {
        if self.state.pending_splits.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.state.pending_splits);
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        let mut message = i18n::t(self.state.prefs.lang, "split_done").to_string();
        for p in pending {
            let members = self.state.keys.get(p.incident).cloned().unwrap_or_default();
            // `split_event` reads only the members of the event.
            let event = crate::store::Event {
                id: String::new(),
                members,
                articles: Vec::new(),
                record: self.state.incidents[p.incident].clone(),
            };
            if let Err(e) = ws.split_event(&event, std::slice::from_ref(&p.key), &p.reason) {
                message = e.to_string();
            }
        }
        self.reload_workspace(message);
    }

    /// Rebuilds the state from the workspace's events, keeping filters, preferences and the
    /// selection, and shows `message` in the status bar.
    fn reload_workspace(&mut self, mut message: String) {
        let Some(ws) = self.workspace.as_ref() else {
            return;
        };
        self.stored = None;
        match pipeline::workspace_view(ws) {
            Ok(view) => {
                let prefs = self.state.prefs.clone();
                let filter = self.state.filter.clone();
                let selected = self.state.selected;
                let mut state =
                    AppState::from_parts(view.articles, view.incidents, Vec::new(), true);
                state.keys = view.keys;
                state.prefs = prefs;
                state.set_filter(filter);
                state.selected = selected.filter(|&s| s < state.incidents.len());
                state.review_filter = self.state.review_filter;
                self.state = state;
                self.reviews_loaded = false;
            }
            Err(e) => message = e.to_string(),
        }
        self.set_status(message);
    }

    /// Reads the reports of the selected event when it merges several (once per selection).
    fn update_sources(&mut self) {
        let Some(sel) = self.state.selected else {
            return;
        };
        if self.state.sources.incident == Some(sel) {
            return;
        }
        let keys = self.state.keys.get(sel).cloned().unwrap_or_default();
        let mut sources = crate::ui::sources::Sources {
            incident: Some(sel),
            ..Default::default()
        };
        if keys.len() > 1
            && let Some(ws) = &self.workspace
        {
            if self.stored.is_none() {
                match ws.incidents() {
                    Ok(s) => self.stored = Some(s),
                    Err(e) => self.set_status(e.to_string()),
                }
            }
            let stored = self.stored.as_deref().unwrap_or_default();
            sources.rows = keys
                .iter()
                .filter_map(|k| stored.iter().find(|s| &s.key == k))
                .map(|s| crate::ui::sources::SourceRow {
                    key: s.key.clone(),
                    published: s.published,
                    incident: s.incident.clone(),
                })
                .collect();
        }
        self.state.sources = sources;
    }

    /// Writes the filtered incidents, in table order, to the working directory, named by time.
    fn export_table(&mut self, ext: &str) {
        let incidents: Vec<crate::incident::Incident> = self
            .state
            .table_order
            .iter()
            .map(|&i| self.state.incidents[i].clone())
            .collect();
        let statuses: Vec<crate::store::ReviewStatus> = self
            .state
            .table_order
            .iter()
            .map(|&i| self.state.status(i))
            .collect();
        let path = export_path(ext);
        let result = crate::export::write_atomically(&path, |w| match ext {
            "csv" => crate::export::write_csv_reviewed(w, &incidents, &statuses),
            "geojson" => crate::export::write_geojson(w, &incidents),
            _ => crate::export::write_jsonl(w, &incidents),
        });
        self.set_status(match result {
            Ok(()) => format!(
                "{} {} → {}",
                i18n::t(self.state.prefs.lang, "exported"),
                incidents.len(),
                path.display()
            ),
            Err(e) => format!("{}: {e}", path.display()),
        });
    }

    /// Saves exactly the current map view (with scale bar and attribution) as a PNG.
    fn export_png(&mut self, ctx: &egui::Context) {
        let rect = self.map_rect;
        let ppp = ctx.pixels_per_point();
        let status = self.status.clone();
        let path = export_path("png");
        let done = i18n::t(self.state.prefs.lang, "exported");
        ctx.request_screenshot(move |image| {
            let region = image.region(&rect, Some(ppp));
            let [w, h] = region.size;
            let bytes: Vec<u8> = region.pixels.iter().flat_map(|c| c.to_array()).collect();
            let message = match image::RgbaImage::from_raw(w as u32, h as u32, bytes)
                .ok_or_else(|| "empty image".to_string())
                .and_then(|img| crate::export::briefing::encode_png(&img))
                .and_then(|png| {
                    crate::export::write_atomically(&path, |out| out.write_all(&png))
                        .map_err(|e| e.to_string())
                }) {
                Ok(()) => format!("{done} → {}", path.display()),
                Err(e) => format!("{}: {e}", path.display()),
            };
            if let Ok(mut s) = status.lock() {
                *s = message;
            }
        });
    }

    /// Re-geocodes the articles with the freshly installed gazetteer, keeping filters and
    /// preferences.
    fn reload_with_installed_gazetteer(&mut self) {
        let dir = self.installer.data_dir();
        let gazetteer = crate::geocode::load::load_installed_or_embedded(dir.as_deref());
        let mut geocoder = Geocoder::new(gazetteer);
        if let Some(c) = crate::reference::cercles::load_installed_or_embedded(dir.as_deref()) {
            geocoder = geocoder.with_cercles(c);
        }
        self.embedded_snapshot = embedded_snapshot(&geocoder);
        let articles = std::mem::take(&mut self.state.articles);
        let errors = std::mem::take(&mut self.state.load_errors);
        let prefs = self.state.prefs.clone();
        let filter = self.state.filter.clone();
        self.state = AppState::new(articles, errors, &geocoder);
        self.state.prefs = prefs;
        self.state.set_filter(filter);
        self.basemap.towns = towns(&geocoder);
        self.basemap.invalidate();
    }

    /// The map's rectangle, centre (lon, lat) and zoom in the last frame.
    pub fn map_view(&self) -> (egui::Rect, (f64, f64), f64) {
        let center = self
            .memory
            .detached()
            .map_or(MALI_CENTER, |p| (p.x(), p.y()));
        (self.map_rect, center, self.memory.zoom())
    }

    /// Where a gazetteer install started from the banner stands.
    pub fn install_state(&self) -> install::InstallState {
        self.installer.state()
    }

    /// Renders the briefing (title, map at the current centre and zoom, legend, chart) of
    /// the current filters on a background thread and saves it as PNG.
    fn export_briefing(&mut self, ctx: &egui::Context) {
        let state = self.state.clone();
        let towns = self.basemap.towns.clone();
        let center = self
            .memory
            .detached()
            .map_or(MALI_CENTER, |p| (p.x(), p.y()));
        let opts = briefing::BriefingOptions {
            title: "mali-atlas".into(),
            chart: briefing::BriefingChart::ByRegion,
            view: Some((center.0, center.1, self.memory.zoom())),
        };
        let filter = self.state.filter.clone();
        let status = self.status.clone();
        let path = export_path("png");
        let done = i18n::t(self.state.prefs.lang, "exported");
        let ctx = ctx.clone();
        self.set_status("…".into());
        std::thread::spawn(move || {
            let result = crate::ui::offscreen::render(state, towns, filter, &opts, 1600, 1000)
                .and_then(|img| crate::export::briefing::encode_png(&img))
                .and_then(|png| {
                    crate::export::write_atomically(&path, |w| w.write_all(&png))
                        .map_err(|e| e.to_string())
                });
            if let Ok(mut s) = status.lock() {
                *s = match result {
                    Ok(()) => format!("{done} → {}", path.display()),
                    Err(e) => format!("{}: {e}", path.display()),
                };
            }
            ctx.request_repaint();
        });
    }

    fn set_status(&self, message: String) {
        if let Ok(mut s) = self.status.lock() {
            *s = message;
        }
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
                        Some(opts.view.unwrap_or_else(|| {
                            briefing::fit_view(&self.state, ui.available_size())
                        }));
                    self.briefing_fitted = true;
                }
                self.map_rect = map::map_panel(
                    ui,
                    &mut self.state,
                    &mut self.memory,
                    &mut self.basemap,
                    None,
                );
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
        if self.state.prefs.review_mode {
            // n/p walk the queue; a/r/c decide.
            for k in review::keys(ui) {
                review::act(&mut self.state, k);
            }
        } else {
            if next {
                self.state.step_selection(1);
            }
            if prev {
                self.state.step_selection(-1);
            }
        }
        if fit {
            self.state.pending_view = Some((MALI_CENTER.0, MALI_CENTER.1, MALI_ZOOM));
        }
        // Arrow keys pan by about 100 pixels.
        let (dx, dy) = ui.input(|i| {
            let mut d = (0.0, 0.0);
            if !i.modifiers.alt {
                if i.key_pressed(egui::Key::ArrowLeft) {
                    d.0 -= 1.0;
                }
                if i.key_pressed(egui::Key::ArrowRight) {
                    d.0 += 1.0;
                }
                if i.key_pressed(egui::Key::ArrowUp) {
                    d.1 += 1.0;
                }
                if i.key_pressed(egui::Key::ArrowDown) {
                    d.1 -= 1.0;
                }
            }
            d
        });
        if dx != 0.0 || dy != 0.0 {
            let zoom = self.memory.zoom();
            let (lon, lat) = self
                .memory
                .detached()
                .map_or(MALI_CENTER, |p| (p.x(), p.y()));
            let step = 360.0 / 2f64.powf(zoom) * (100.0 / 256.0);
            self.state.pending_view = Some((lon + dx * step, lat + dy * step, zoom));
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

/// `mali-atlas-YYYYMMDD-HHMMSS.ext` in the working directory.
fn export_path(ext: &str) -> PathBuf {
    let now = chrono::Local::now().format("%Y%m%d-%H%M%S");
    PathBuf::from(format!("mali-atlas-{now}.{ext}"))
}

/// Town labels ranked by importance from the loaded gazetteer.
/// The embedded snapshot's export date, if `geocoder` reads that snapshot.
fn embedded_snapshot(geocoder: &Geocoder) -> Option<&'static str> {
    (geocoder.gazetteer().source() == crate::geocode::gazetteer::GazetteerSource::Embedded).then(
        || {
            crate::reference::snapshot::snapshot()
                .gazetteer
                .export_date
                .as_str()
        },
    )
}

pub fn towns(geocoder: &Geocoder) -> Vec<Town> {
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
        if !self.first_frame_logged {
            self.first_frame_logged = true;
            if let Some(t) = STARTED.get() {
                tracing::info!("first frame {} ms after start", t.elapsed().as_millis());
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let center = self
            .memory
            .detached()
            .map_or(MALI_CENTER, |p| (p.x(), p.y()));
        self.state.prefs.view = Some((center.0, center.1, self.memory.zoom()));
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}

/// Opens the window on `paths` (files or folders), or on the embedded seeds when empty.
pub fn run(
    paths: Vec<PathBuf>,
    gazetteer: Option<PathBuf>,
    workspace: Option<PathBuf>,
) -> Result<(), String> {
    let geocoder =
        std::sync::Arc::new(pipeline::geocoder(gazetteer.as_deref()).map_err(|e| e.to_string())?);
    let mut stored = None;
    if let Some(w) = &workspace {
        let ws = crate::store::Workspace::open(w).map_err(|e| e.to_string())?;
        let view = pipeline::workspace_view(&ws).map_err(|e| e.to_string())?;
        stored = Some((ws, view));
    }
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
            .with_icon(std::sync::Arc::new(assets::window_icon()))
            .with_inner_size([1500.0, 950.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "mali-atlas",
        options,
        Box::new(move |cc| {
            let mut app = match stored {
                // A workspace: its merged events, each counted once, correctable.
                Some((ws, view)) => {
                    let mut state =
                        AppState::from_parts(view.articles, view.incidents, errors, true);
                    state.keys = view.keys;
                    let mut app = MaliAtlasApp::with_state(state, &geocoder);
                    app.workspace = Some(ws);
                    app
                }
                None => MaliAtlasApp::new(articles, errors, &geocoder),
            };
            app.geocoder = Some(geocoder.clone());
            if let Some(storage) = cc.storage
                && let Some(prefs) = eframe::get_value::<Prefs>(storage, PREFS_KEY)
            {
                app.state.pending_view = prefs.view;
                app.state.prefs = prefs;
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
