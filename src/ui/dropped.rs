//! Files and folders dropped on the window: loaded and extracted on a background thread, and
//! added to the app as each article is done, with progress in the status bar. Unreadable files
//! are listed with their reason; nothing already loaded is lost.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::corpus::{Article, LoadOptions, load_paths};
use crate::geocode::Geocoder;
use crate::incident::Incident;
use crate::pipeline;

/// What the worker has produced since the app last looked.
#[derive(Default)]
struct Shared {
    total: usize,
    done: usize,
    ready: Vec<Extracted>,
    errors: Vec<String>,
    finished: bool,
}

/// One drop being processed.
pub struct DropJob {
    shared: Arc<Mutex<Shared>>,
}

/// Progress of a job: (done, total, finished).
pub type DropProgress = (usize, usize, bool);

/// An article with its incidents.
pub type Extracted = (Article, Vec<Incident>);

impl DropJob {
    /// Starts loading and extracting `paths` with `geocoder`.
    pub fn start(paths: Vec<PathBuf>, geocoder: Arc<Geocoder>, ctx: egui::Context) -> Self {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let worker = shared.clone();
        std::thread::spawn(move || {
            let results = load_paths(&paths, &LoadOptions::default());
            if let Ok(mut s) = worker.lock() {
                s.total = results.len();
            }
            for r in results {
                let item = r.map(|a| {
                    let incidents = pipeline::incidents(&a, &geocoder);
                    (a, incidents)
                });
                if let Ok(mut s) = worker.lock() {
                    s.done += 1;
                    match item {
                        Ok(x) => s.ready.push(x),
                        Err(e) => s.errors.push(e.to_string()),
                    }
                }
                ctx.request_repaint();
            }
            if let Ok(mut s) = worker.lock() {
                s.finished = true;
            }
            ctx.request_repaint();
        });
        DropJob { shared }
    }

    /// Takes the articles and errors ready so far, with the progress.
    pub fn take(&self) -> (Vec<Extracted>, Vec<String>, DropProgress) {
        match self.shared.lock() {
            Ok(mut s) => (
                std::mem::take(&mut s.ready),
                std::mem::take(&mut s.errors),
                (s.done, s.total, s.finished),
            ),
            Err(_) => (Vec::new(), vec!["worker failed".into()], (0, 0, true)),
        }
    }
}
