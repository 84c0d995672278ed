//! The app's reference layer, headless (egui_kittest): a UCDP GED fixture compared with the
//! seeds draws hollow markers, the "différences" filter narrows both sides, and the
//! drill-down of a matched incident shows the GED event's fields beside ours.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mali_atlas::reference_events::Source;
use mali_atlas::ui::MaliAtlasApp;
use mali_atlas::ui::reference_layer::{Differences, ReferencePlugin};

mod common;

fn harness_with_ged() -> Harness<'static, MaliAtlasApp> {
    let geocoder = common::embedded_geocoder();
    let mut app = MaliAtlasApp::on_seeds(geocoder);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/ged_mali.csv");
    let read = Source::Ged.read_path(&path).unwrap();
    app.state
        .set_reference("ged_mali.csv".into(), read.events, geocoder.cercles());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut MaliAtlasApp| app.show(ui), app);
    h.run_steps(4);
    h
}

fn visible(h: &Harness<'static, MaliAtlasApp>) -> usize {
    h.state().state.visible.len()
}

#[test]
fn the_reference_layer_draws_hollow_markers_and_can_be_turned_off() {
    let mut h = harness_with_ged();
    let all = visible(&h);
    assert!(all >= 6, "the seeds' incidents stay visible");
    // Three GED events of Mali, each a hollow marker.
    let markers = ReferencePlugin::of(&h.state().state).expect("markers to draw");
    assert_eq!(markers.len(), 3);
    h.get_by_label("Couche de référence (ged_mali.csv)").click();
    h.run_steps(2);
    assert!(ReferencePlugin::of(&h.state().state).is_none());
    assert_eq!(
        visible(&h),
        all,
        "the toggle hides the layer, not our incidents"
    );
}

#[test]
fn the_differences_filter_shows_only_one_side_or_toll_disagreements() {
    let mut h = harness_with_ged();
    let all = visible(&h);
    h.get_by_label("seulement la référence").click();
    h.run_steps(2);
    assert_eq!(visible(&h), 0, "no incident of ours");
    assert_eq!(ReferencePlugin::of(&h.state().state).unwrap().len(), 1);

    h.get_by_label("seulement la presse").click();
    h.run_steps(2);
    assert_eq!(visible(&h), all - 2, "the two matched incidents are hidden");
    assert!(ReferencePlugin::of(&h.state().state).is_none());

    // Diallassagou: 132 in the press, 120 in the GED fixture; apart by more than 10, not 20.
    h.state_mut().state.reference.as_mut().unwrap().differences = Differences::TollsAbove(10);
    h.state_mut().state.refresh();
    h.run_steps(2);
    assert_eq!(visible(&h), 1);
    h.state_mut().state.reference.as_mut().unwrap().differences = Differences::TollsAbove(20);
    h.state_mut().state.refresh();
    h.run_steps(2);
    assert_eq!(visible(&h), 0);
}

#[test]
fn the_drilldown_of_a_matched_incident_shows_the_reference_event() {
    let mut h = harness_with_ged();
    h.get_by_label("18–19 juin 2022").click();
    h.run_steps(3);
    h.get_by_label("Dans GED 910001");
    h.get_by_label("100–120–132");
    h.get_by_label_contains("Diallassagou village");
}

#[test]
fn the_reference_events_can_be_charted_on_their_own() {
    use mali_atlas::ui::reference_layer::chart_data;
    use mali_atlas::ui::state::ChartKind;
    let mut h = harness_with_ged();
    assert!(chart_data(&h.state().state, ChartKind::ByMonth).is_none());
    h.get_by_label("Référence seule (ged_mali.csv)").click();
    h.run_steps(2);
    let state = &h.state().state;
    let months = chart_data(state, ChartKind::ByMonth).expect("the reference's bars");
    let bars: Vec<(&str, u32)> = months
        .iter()
        .map(|(m, s)| (m.as_str(), s.total().best))
        .collect();
    assert_eq!(bars, [("2022-06", 120), ("2023-02", 7), ("2024-09", 35)]);
    let actors = chart_data(state, ChartKind::ByActor).unwrap();
    assert!(
        actors
            .iter()
            .any(|(a, s)| a == "JNIM" && s.total().best == 155)
    );
}
