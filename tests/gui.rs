//! The app, headless (egui_kittest + wgpu on Mesa's software adapter): it opens on the seeds,
//! a table click shows the article in the drill-down with its evidence, filters hide
//! incidents, the language toggle changes the labels, and a snapshot of the main window as a
//! fresh install shows it (the embedded GeoNames snapshot and cercles, no banner).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;
use mali_atlas::ui::MaliAtlasApp;

mod common;

fn harness(geocoder: &Geocoder) -> Harness<'static, MaliAtlasApp> {
    let app = MaliAtlasApp::on_seeds(geocoder);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(4);
    h
}

#[test]
fn opens_on_the_seeds_and_clicking_an_incident_shows_its_article() {
    let mut h = harness(common::embedded_geocoder());
    // The full gazetteer is built in: no install banner.
    assert!(h.state().state.gazetteer_is_full);
    assert!(
        h.query_by_label("Installer (télécharger GeoNames)")
            .is_none()
    );
    h.get_by_label_contains("instantané intégré du 2023-10-22");
    assert!(h.state().state.incidents.len() >= 6);
    h.get_by_label("18–19 juin 2022").click();
    h.run_steps(3);
    let sel = h.state().state.selected.expect("an incident is selected");
    let inc = &h.state().state.incidents[sel];
    assert!(inc.article.contains("000_"), "{}", inc.article);
    assert!(inc.places.iter().any(|p| p.name == "Diallassagou"));
    // The drill-down shows the article text with the toll evidence.
    h.get_by_label_contains("132 civils froidement tués");
    assert!(
        inc.evidence
            .iter()
            .any(|e| e.field == "fatalities" && e.text.starts_with("132"))
    );
    // The map was asked to centre on the incident.
    let l = inc.location.unwrap();
    assert!((l.lat - 13.74).abs() < 0.1);
}

#[test]
fn date_filter_hides_incidents_outside_the_range() {
    let g = Geocoder::new(Gazetteer::fallback());
    let mut h = harness(&g);
    let all = h.state().state.visible.len();
    let mut f = h.state().state.filter.clone();
    f.from = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    h.state_mut().state.set_filter(f);
    h.run_steps(2);
    let s = &h.state().state;
    assert!(s.visible.len() < all);
    assert!(
        s.visible
            .iter()
            .all(|&i| s.incidents[i].date.unwrap().to_string().as_str() >= "2024")
    );
    assert!(
        h.query_by_label("18–19 juin 2022").is_none(),
        "row hidden from the table"
    );
}

#[test]
fn region_filter_from_the_chart_state() {
    let g = Geocoder::new(Gazetteer::fallback());
    let mut h = harness(&g);
    let regions: Vec<String> = h
        .state()
        .state
        .charts
        .by_region
        .iter()
        .map(|(r, _)| r.clone())
        .collect();
    assert!(regions.iter().any(|r| r == "Bamako"), "{regions:?}");
    let mut f = h.state().state.filter.clone();
    f.region = Some("Bamako".into());
    h.state_mut().state.set_filter(f);
    h.run_steps(2);
    let s = &h.state().state;
    assert!(!s.visible.is_empty());
    assert!(s.charts.by_region.iter().all(|(r, _)| r == "Bamako"));
}

#[test]
fn language_toggle_changes_labels() {
    let g = Geocoder::new(Gazetteer::fallback());
    let mut h = harness(&g);
    // Offline by default: no tile layer until the analyst turns one on.
    assert!(!h.state().state.prefs.online_tiles);
    h.get_by_label_contains("hors ligne");
    h.get_by_label("Filtres");
    h.get_by_label("English").click();
    h.run_steps(3);
    h.get_by_label("Filters");
    assert!(h.query_by_label("Filtres").is_none());
}

#[test]
fn main_window_snapshot() {
    let mut h = harness(common::embedded_geocoder());
    h.run_steps(4);
    // Software rendering is deterministic on one machine kind; allow a little antialiasing
    // drift between Mesa versions.
    let options = egui_kittest::SnapshotOptions::new()
        .threshold(1.5)
        .max_failed_pixels(4000);
    h.snapshot_options("main_window_seeds", &options);
}

#[test]
#[ignore = "needs ../shared data mirror"]
fn install_from_file_banner_reloads_with_the_full_gazetteer() {
    let ml = common::mirror::geonames_ml_txt();
    let dir = tempfile::tempdir().unwrap();
    let g = Geocoder::new(Gazetteer::fallback());
    // The data folder is given to the app, not through the environment (which Mesa's
    // threads may be reading).
    let app = MaliAtlasApp::on_seeds(&g).with_data_dir(dir.path().to_path_buf());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(4);
    assert!(!h.state().state.gazetteer_is_full);
    h.get_by_label("Installer (télécharger GeoNames)");
    h.get_by_label("Fichier :").click();
    h.run_steps(2);
    h.get_by_label("Fichier :").type_text(ml.to_str().unwrap());
    h.run_steps(2);
    h.get_by_label("Installer depuis ce fichier").click();
    h.run_steps(1);
    for _ in 0..200 {
        h.run_steps(1);
        if h.state().state.gazetteer_is_full {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let s = &h.state().state;
    assert!(
        s.gazetteer_is_full,
        "the app reloaded with the installed gazetteer: {:?}",
        h.state().install_state()
    );
    assert!(
        s.incidents
            .iter()
            .any(|i| i.places.iter().any(|p| p.name == "Diallassagou"))
    );
}

#[test]
fn drilldown_corrections_are_stored_in_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let g = Geocoder::new(Gazetteer::fallback());
    let mut ws = mali_atlas::store::Workspace::open(&dir.path().join("w.sqlite")).unwrap();
    let seeds = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    mali_atlas::pipeline::ingest(&[seeds], &mut ws, &g, 100, &mut |_, _, _| {}).unwrap();
    let view = mali_atlas::pipeline::workspace_view(&ws).unwrap();
    let mut state = mali_atlas::ui::state::AppState::from_parts(
        view.articles,
        view.incidents,
        Vec::new(),
        true,
    );
    state.keys = view.keys;
    let mut app = MaliAtlasApp::with_state(state, &g);
    app.workspace = Some(ws);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(3);
    h.get_by_label("18–19 juin 2022").click();
    h.run_steps(3);
    h.get_by_label("Corriger").click();
    h.run_steps(3);
    h.get_by_label("Morts").click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Morts").type_text("130-132-140");
    h.run_steps(1);
    h.get_by_label("Motif").click();
    h.run_steps(1);
    h.get_by_label("Motif").type_text("bilan du ministère");
    h.run_steps(1);
    h.get_by_label("Enregistrer").click();
    h.run_steps(4);
    let s = &h.state().state;
    let inc = s
        .incidents
        .iter()
        .find(|i| i.article.contains("000_"))
        .expect("seed 000 incident");
    let civ = inc
        .killed_in(mali_atlas::incident::Category::Civilians)
        .unwrap();
    assert_eq!((civ.low, civ.best, civ.high), (130, 132, 140), "{inc:#?}");
    let stored = h.state().workspace.as_ref().unwrap().corrections().unwrap();
    assert!(stored.iter().any(|c| c.reason == "bilan du ministère"));
}

#[test]
fn heatmap_and_choropleth_modes() {
    let mut h = harness(common::embedded_geocoder());
    h.get_by_label("chaleur").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state.prefs.map_mode,
        mali_atlas::ui::state::MapMode::Heatmap
    );
    h.get_by_label("choroplèthe").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state.prefs.map_mode,
        mali_atlas::ui::state::MapMode::Choropleth
    );
    let options = egui_kittest::SnapshotOptions::new()
        .threshold(1.5)
        .max_failed_pixels(4000);
    h.snapshot_options("choropleth_seeds", &options);
}

/// A file dropped on the window, as the native integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_are_added_as_they_are_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kayes.txt"),
        "Kayes, 4 mai 2023 (AFP) – Neuf civils ont été tués mardi par des hommes armés près de Nioro.",
    )
    .unwrap();
    std::fs::write(dir.path().join("vide.txt"), "").unwrap();
    let g = std::sync::Arc::new(Geocoder::new(Gazetteer::fallback()));
    let mut app = MaliAtlasApp::on_seeds(&g);
    app.geocoder = Some(g.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(2);
    let before = h.state().state.incidents.len();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.path().to_path_buf())));
    for _ in 0..500 {
        h.run_steps(1);
        if h.state().state.incidents.len() > before && !h.state().state.load_errors.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let s = &h.state().state;
    assert_eq!(s.incidents.len(), before + 1);
    assert!(
        s.incidents
            .iter()
            .any(|i| i.article.ends_with("kayes.txt") && i.deaths() == 9)
    );
    assert!(
        s.load_errors.iter().any(|e| e.contains("vide.txt")),
        "{:?}",
        s.load_errors
    );
}

#[test]
fn choropleth_by_cercle_with_the_embedded_cercles() {
    let mut h = harness(common::embedded_geocoder());
    h.state_mut().state.prefs.map_mode = mali_atlas::ui::state::MapMode::Choropleth;
    h.run_steps(2);
    h.get_by_label("par cercle").click();
    h.run_steps(3);
    let s = &h.state().state;
    assert!(s.prefs.choropleth_cercles);
    assert!(
        s.charts
            .by_cercle
            .iter()
            .any(|(c, d)| c == "Bankass" && *d == 132),
        "{:?}",
        s.charts.by_cercle
    );
}

/// The app over a workspace file holding the seeds, with the review queue shown.
fn review_harness(path: &std::path::Path, g: &Geocoder) -> Harness<'static, MaliAtlasApp> {
    let ws = mali_atlas::store::Workspace::open(path).unwrap();
    let view = mali_atlas::pipeline::workspace_view(&ws).unwrap();
    let mut state = mali_atlas::ui::state::AppState::from_parts(
        view.articles,
        view.incidents,
        Vec::new(),
        true,
    );
    state.keys = view.keys;
    state.prefs.review_mode = true;
    let mut app = MaliAtlasApp::with_state(state, g);
    app.workspace = Some(ws);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(3);
    h
}

#[test]
fn review_queue_walks_by_doubt_and_decisions_persist_across_reopen() {
    use mali_atlas::store::ReviewStatus;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let g = Geocoder::new(Gazetteer::fallback());
    {
        let mut ws = mali_atlas::store::Workspace::open(&path).unwrap();
        let seeds = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
        mali_atlas::pipeline::ingest(&[seeds], &mut ws, &g, 100, &mut |_, _, _| {}).unwrap();
    }
    let mut h = review_harness(&path, &g);
    let total = h.state().state.incidents.len();
    assert!(total >= 5);
    h.get_by_label(&format!("0 / {total} revus"));
    let queue = h.state().state.queue.clone();
    let scores: Vec<u32> = queue
        .iter()
        .map(|&i| h.state().state.doubts[i].score)
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "most doubtful first: {scores:?}"
    );
    assert!(scores[0] > scores[scores.len() - 1], "{scores:?}");

    // n and p walk the queue in doubt order.
    h.key_press(egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().state.selected, Some(queue[0]));
    h.key_press(egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().state.selected, Some(queue[1]));
    h.key_press(egui::Key::P);
    h.run_steps(2);
    assert_eq!(h.state().state.selected, Some(queue[0]));

    // a accepts and moves on.
    h.key_press(egui::Key::A);
    h.run_steps(3);
    assert_eq!(h.state().state.status(queue[0]), ReviewStatus::Accepted);
    assert_eq!(h.state().state.selected, Some(queue[1]));
    h.get_by_label(&format!("1 / {total} revus"));

    // r asks for a reason, Enter rejects; the rejected incident leaves the default view.
    h.key_press(egui::Key::R);
    h.run_steps(2);
    h.get_by_label("Motif du rejet").click();
    h.run_steps(1);
    h.get_by_label("Motif du rejet").type_text("doublon");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state.status(queue[1]), ReviewStatus::Rejected);
    assert!(!h.state().state.visible.contains(&queue[1]));
    assert_eq!(h.state().state.selected, Some(queue[2]));
    h.get_by_label(&format!("2 / {total} revus"));

    // c opens the correction form of the current incident.
    h.key_press(egui::Key::C);
    h.run_steps(3);
    h.get_by_label("Motif");
    drop(h);

    // Reopened from the file: the decisions, who and why, are still there.
    let mut h = review_harness(&path, &g);
    h.get_by_label(&format!("2 / {total} revus"));
    let s = &h.state().state;
    assert_eq!(s.status(queue[0]), ReviewStatus::Accepted);
    let rejected = s.reviews[queue[1]].as_ref().expect("stored review");
    assert_eq!(rejected.status, ReviewStatus::Rejected);
    assert_eq!(rejected.reason, "doublon");
    assert!(!rejected.reviewer.is_empty() && !rejected.at.is_empty());
    // Filters: rejected, reviewed (accepted), unreviewed.
    h.get_by_label("rejetés").click();
    h.run_steps(2);
    assert_eq!(h.state().state.visible, vec![queue[1]]);
    h.get_by_label("acceptés").click();
    h.run_steps(2);
    assert_eq!(h.state().state.visible, vec![queue[0]]);
    h.get_by_label("non revus").click();
    h.run_steps(2);
    assert_eq!(h.state().state.visible.len(), total - 2);
}

#[test]
fn merged_event_sources_side_by_side_keep_a_toll_and_split() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Attaque à Boni\nMopti, 3 mars 2023 (AFP) – Douze civils ont été tués jeudi par des \
         hommes armés dans le village de Boni, dans le cercle de Douentza.",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "Boni endeuillé\nBamako, 4 mars 2023 – Au moins quinze civils ont été tués jeudi à \
         Boni lors d'une attaque d'hommes armés.",
    )
    .unwrap();
    let path = dir.path().join("w.sqlite");
    let g = common::embedded_geocoder();
    {
        let mut ws = mali_atlas::store::Workspace::open(&path).unwrap();
        mali_atlas::pipeline::ingest(&[corpus], &mut ws, g, 100, &mut |_, _, _| {}).unwrap();
    }
    let mut h = review_harness(&path, g);
    let merged = h
        .state()
        .state
        .keys
        .iter()
        .position(|k| k.len() == 2)
        .expect("the two reports are one event");
    h.state_mut().state.select(Some(merged));
    h.run_steps(3);
    h.get_by_label("Sources côte à côte (2)");
    let rows = h.state().state.sources.rows.clone();
    let tolls: Vec<u32> = rows.iter().map(|r| r.incident.deaths()).collect();
    assert_eq!(
        {
            let mut t = tolls.clone();
            t.sort();
            t
        },
        vec![12, 15]
    );
    // Keeping the first source's toll is refused without a reason, then stored with one.
    h.get_all_by_label("Retenir ce bilan")
        .next()
        .unwrap()
        .click();
    h.run_steps(2);
    h.get_by_label("Indiquez un motif.");
    h.get_all_by_label("Motif").last().unwrap().click();
    h.run_steps(1);
    h.get_all_by_label("Motif")
        .last()
        .unwrap()
        .type_text("chiffre de l'AFP");
    h.run_steps(1);
    h.get_all_by_label("Retenir ce bilan")
        .next()
        .unwrap()
        .click();
    h.run_steps(4);
    let s = &h.state().state;
    let event = s.keys.iter().position(|k| k.len() == 2).unwrap();
    assert_eq!(s.incidents[event].deaths(), tolls[0]);
    let stored = h.state().workspace.as_ref().unwrap().corrections().unwrap();
    assert!(
        stored
            .iter()
            .all(|c| c.reason.starts_with("chiffre de l'AFP"))
    );
    assert_eq!(stored.len(), 2, "one correction per member");
    // Splitting the second report off makes two events.
    h.state_mut().state.select(Some(event));
    h.run_steps(3);
    h.get_all_by_label("Motif").last().unwrap().click();
    h.run_steps(1);
    h.get_all_by_label("Motif")
        .last()
        .unwrap()
        .type_text("deux attaques");
    h.run_steps(1);
    h.get_all_by_label("Séparer").nth(1).unwrap().click();
    h.run_steps(4);
    let s = &h.state().state;
    assert!(s.keys.iter().all(|k| k.len() == 1), "{:?}", s.keys);
    assert_eq!(s.incidents.len(), 2);
}

#[test]
fn a_stale_workspace_offers_a_refresh_that_re_extracts_and_keeps_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let fallback = Geocoder::new(Gazetteer::fallback());
    let mut ws = mali_atlas::store::Workspace::open(&dir.path().join("w.sqlite")).unwrap();
    let seeds = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    mali_atlas::pipeline::ingest(&[seeds], &mut ws, &fallback, 100, &mut |_, _, _| {}).unwrap();
    // An analyst's correction, made before the refresh.
    let stored = ws.incidents().unwrap();
    let key = stored
        .iter()
        .find(|s| s.incident.article.contains("004_"))
        .unwrap()
        .key
        .clone();
    ws.correct(
        &key,
        mali_atlas::store::Correction::Reject,
        "not an incident",
    )
    .unwrap();
    let view = mali_atlas::pipeline::workspace_view(&ws).unwrap();
    let before = view.incidents.len();
    assert!(
        view.incidents
            .iter()
            .all(|(_, i)| !i.article.contains("004_"))
    );
    let mut state = mali_atlas::ui::state::AppState::from_parts(
        view.articles,
        view.incidents,
        Vec::new(),
        true,
    );
    state.keys = view.keys;
    // The app opens it with the full gazetteer (the embedded snapshot).
    let full = Geocoder::new(Gazetteer::embedded().unwrap());
    let mut app = MaliAtlasApp::with_state(state, &full);
    app.workspace = Some(ws);
    app.geocoder = Some(std::sync::Arc::new(full));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(2);
    assert!(
        !h.state()
            .state
            .incidents
            .iter()
            .any(|i| i.places.iter().any(|p| p.name == "Diallassagou")),
        "the fallback list has no Diallassagou"
    );
    h.get_by_label("Mettre à jour").click();
    h.run_steps(3);
    assert!(
        h.query_by_label("Mettre à jour").is_none(),
        "the banner goes once refreshed"
    );
    let app = h.state();
    assert!(
        app.state
            .incidents
            .iter()
            .any(|i| i.places.iter().any(|p| p.name == "Diallassagou")),
        "refreshed with the full gazetteer"
    );
    assert_eq!(app.state.incidents.len(), before);
    assert!(
        app.state
            .incidents
            .iter()
            .all(|i| !i.article.contains("004_")),
        "the rejection still applies"
    );
    let ws = app.workspace.as_ref().unwrap();
    let stale = mali_atlas::pipeline::stale_articles(ws, app.geocoder.as_ref().unwrap()).unwrap();
    assert_eq!(stale, 0);
    assert!(ws.orphaned_corrections().unwrap().is_empty());
}
