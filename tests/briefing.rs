//! The briefing layout as a golden image (rendered headless through wgpu on Mesa's software
//! adapter), and the GeoJSON export checked with the `geojson` crate.

use egui_kittest::Harness;
use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;
use mali_atlas::ui::MaliAtlasApp;
use mali_atlas::ui::briefing::{BriefingChart, BriefingOptions};

#[test]
fn briefing_golden_image() {
    let g = Geocoder::new(Gazetteer::fallback());
    let app = MaliAtlasApp::on_seeds(&g);
    let opts = BriefingOptions {
        title: "Mali — incidents des articles de référence".into(),
        chart: BriefingChart::ByRegion,
        view: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .wgpu()
        .build_ui_state(
            move |ui, app: &mut MaliAtlasApp| app.show_briefing(ui, &opts),
            app,
        );
    h.run_steps(4);
    let options = egui_kittest::SnapshotOptions::new()
        .threshold(1.5)
        .max_failed_pixels(3000);
    h.snapshot_options("briefing_seeds", &options);
}

/// The seeds' incidents with the embedded fallback gazetteer.
fn seed_incidents() -> Vec<mali_atlas::incident::Incident> {
    let g = Geocoder::new(Gazetteer::fallback());
    mali_atlas::corpus::seeds()
        .iter()
        .flat_map(|a| mali_atlas::pipeline::incidents(a, &g))
        .collect()
}

#[test]
fn geojson_export_is_valid_rfc7946() {
    let incidents = seed_incidents();
    let mut out = Vec::new();
    mali_atlas::export::write_geojson(&mut out, &incidents).unwrap();
    let text = String::from_utf8(out).unwrap();
    let parsed: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("not a FeatureCollection")
    };
    assert_eq!(
        fc.features.len(),
        incidents.iter().filter(|i| i.location.is_some()).count()
    );
    for f in &fc.features {
        let geom = f.geometry.as_ref().expect("a geometry");
        let geojson::Value::Point(c) = &geom.value else {
            panic!("points only")
        };
        // RFC 7946: longitude first.
        assert!(
            (-13.0..5.0).contains(&c[0]) && (10.0..25.5).contains(&c[1]),
            "{c:?}"
        );
        assert!(f.property("event_type").is_some() && f.property("deaths").is_some());
    }
}

#[test]
fn csv_round_trip_keeps_the_tolls() {
    let incidents = seed_incidents();
    let mut out = Vec::new();
    mali_atlas::export::write_csv(&mut out, &incidents).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<String>> = text.lines().skip(1).map(parse_csv_line).collect();
    assert_eq!(rows.len(), incidents.len());
    for (row, inc) in rows.iter().zip(&incidents) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        assert_eq!(row[col("fatalities")], inc.deaths().to_string());
        assert_eq!(
            row[col("event_date")],
            inc.date.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(row[col("event_type")], inc.event_type.name());
    }
}

/// Minimal RFC 4180 reader for the test (quoted fields, doubled quotes).
fn parse_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out
}

mod common;

#[test]
fn briefing_markers_sit_at_the_projected_places() {
    let g = common::embedded_geocoder();
    let state = mali_atlas::ui::state::AppState::new(mali_atlas::corpus::seeds(), Vec::new(), g);
    let opts = BriefingOptions {
        title: "test".into(),
        chart: BriefingChart::None,
        view: None,
    };
    let (img, view) = mali_atlas::ui::offscreen::render_with_view(
        state,
        mali_atlas::ui::towns(g),
        Default::default(),
        &opts,
        1200,
        900,
    )
    .unwrap();
    let near = |lon: f64, lat: f64, rgb: [u8; 3]| {
        let p = view.pixel(lon, lat);
        // The marker's centre, allowing two pixels of rounding.
        (-2i32..=2).any(|dx| {
            (-2i32..=2).any(|dy| {
                let px = img.get_pixel((p.x as i32 + dx) as u32, (p.y as i32 + dy) as u32);
                (0..3).all(|c| px[c].abs_diff(rgb[c]) < 40)
            })
        })
    };
    // Diallassagou (seed 000, violence against civilians, purple) and Bamako (seed 004,
    // battle, red), both drawn at 85 % over the map.
    assert!(
        near(-3.6265, 13.7377, [163, 80, 177]),
        "Diallassagou marker"
    );
    assert!(near(-8.0, 12.65, [219, 69, 66]), "Bamako marker");
    // And nothing red where no incident is (the Sahara west of Taoudéni).
    assert!(!near(-8.0, 22.0, [219, 69, 66]));
}
