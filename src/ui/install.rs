//! The banner shown while only the small built-in list of towns is loaded (the embedded GeoNames
//! snapshot could not be read, or a caller chose the list): "Install" downloads GeoNames'
//! ML.zip (with progress) and "Install from file" takes a local ML.zip/ML.txt; both run on a
//! background thread and the app re-geocodes its articles when they finish. Nothing is
//! downloaded unless the analyst clicks.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::Ui;

use crate::datasets::{self, geonames};
use crate::geocode::gazetteer::index_export;
use crate::ui::i18n::t;
use crate::ui::state::Lang;

/// Where an install stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum InstallState {
    #[default]
    Idle,
    Running {
        received: u64,
        total: Option<u64>,
    },
    Failed(String),
    Done,
}

#[derive(Default)]
pub struct Installer {
    state: Arc<Mutex<InstallState>>,
    path: String,
    /// Where to install; `None`: the per-user data folder ([`datasets::data_dir`]).
    pub dir: Option<PathBuf>,
}

impl Installer {
    /// The folder installs go to, and the app reloads its gazetteer from.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.dir.clone().or_else(datasets::data_dir)
    }

    pub fn state(&self) -> InstallState {
        self.state.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Marks a finished install as seen (the app reloads once).
    pub fn acknowledge(&self) {
        if let Ok(mut s) = self.state.lock() {
            *s = InstallState::Idle;
        }
    }

    fn start(&self, ctx: egui::Context, from: Option<PathBuf>) {
        let Some(dir) = self.data_dir() else {
            self.set(InstallState::Failed("no per-user data folder".into()));
            return;
        };
        self.set(InstallState::Running {
            received: 0,
            total: None,
        });
        let state = self.state.clone();
        std::thread::spawn(move || {
            let result = match from {
                Some(p) => geonames::install_from(&p, &dir, &index_export).map(|_| ()),
                None => {
                    let progress_state = state.clone();
                    let progress_ctx = ctx.clone();
                    geonames::download_and_install(
                        geonames::GEONAMES_ML_ZIP_URL,
                        &dir,
                        &index_export,
                        &mut |p| {
                            if let Ok(mut s) = progress_state.lock() {
                                *s = InstallState::Running {
                                    received: p.received,
                                    total: p.total,
                                };
                            }
                            progress_ctx.request_repaint();
                        },
                    )
                    .map(|_| ())
                }
            };
            if let Ok(mut s) = state.lock() {
                *s = match result {
                    Ok(()) => InstallState::Done,
                    Err(e) => InstallState::Failed(e.to_string()),
                };
            }
            ctx.request_repaint();
        });
    }

    fn set(&self, s: InstallState) {
        if let Ok(mut g) = self.state.lock() {
            *g = s;
        }
    }
}

/// The banner's contents.
pub fn install_banner(ui: &mut Ui, installer: &mut Installer, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(t(lang, "gazetteer_missing_short"));
        match installer.state() {
            InstallState::Running { received, total } => {
                let fraction = total.map_or(0.0, |t| received as f32 / t.max(1) as f32);
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(200.0)
                        .text(format!("{:.1} MB", received as f64 / 1e6)),
                );
            }
            state => {
                if ui.button(t(lang, "install_download")).clicked() {
                    installer.start(ui.ctx().clone(), None);
                }
                let label = ui.label(t(lang, "file"));
                ui.add(
                    egui::TextEdit::singleline(&mut installer.path)
                        .hint_text("…/ML.zip")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
                if ui.button(t(lang, "install_from_file")).clicked()
                    && !installer.path.trim().is_empty()
                {
                    let p = PathBuf::from(installer.path.trim());
                    installer.start(ui.ctx().clone(), Some(p));
                }
                if let InstallState::Failed(e) = state {
                    ui.colored_label(egui::Color32::from_rgb(200, 60, 40), e);
                }
            }
        }
    });
}
