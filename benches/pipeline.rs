//! Criterion benches for the hot paths, each with a baseline measured in the same run so
//! results read as ratios: extraction vs a plain scan of the text, candidate generation
//! (MB/s), the embedded gazetteer vs the installed cache and the ML.txt parse, cluster building
//! and picking at 100k incidents.
//!
//! The gazetteer is the snapshot embedded in the program (the full GeoNames export of Mali);
//! the ML.txt and full-resolution cercle baselines need the mirror in ../shared/data/.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mali_atlas::analysis::cluster::{ClusterLevels, Point};
use mali_atlas::corpus::{self, normalize::fold};
use mali_atlas::extract::extract;
use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;

#[path = "support/mirror.rs"]
mod mirror;
use mali_atlas::reference::cercles::Cercles;
use mirror::{gazetteer, mirror};

/// About 3 KB of French news text: seed 000 (2.8 KB).
fn article() -> corpus::Article {
    corpus::seeds().swap_remove(0)
}

fn bench_extract(c: &mut Criterion) {
    let a = article();
    let geocoder = Geocoder::new(gazetteer());
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Bytes(a.text.len() as u64));
    // Baseline: folding the text once (one pass, one allocation).
    g.bench_function("baseline_fold", |b| {
        b.iter(|| black_box(fold(black_box(&a.text))))
    });
    g.bench_function("extract", |b| b.iter(|| black_box(extract(black_box(&a)))));
    g.bench_function("extract_and_geocode", |b| {
        b.iter(|| black_box(mali_atlas::pipeline::incidents(black_box(&a), &geocoder)))
    });
    g.finish();

    // Candidate generation over 1 MB of French text.
    let mut big = String::new();
    while big.len() < 1_000_000 {
        for s in corpus::seeds() {
            big.push_str(&s.text);
            big.push('\n');
        }
    }
    let folded = fold(&big);
    let mut g = c.benchmark_group("candidates_1MB");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("baseline_fold", |b| {
        b.iter(|| black_box(fold(black_box(&big))))
    });
    g.bench_function("candidate_generation", |b| {
        b.iter(|| black_box(geocoder.candidates(black_box(&big), &folded)))
    });
    g.bench_function("resolve_places", |b| {
        b.iter(|| black_box(geocoder.resolve(black_box(&big), &folded)))
    });
    g.finish();
}

fn bench_gazetteer(c: &mut Criterion) {
    // Baseline without the mirror: the installed-cache load, from a cache of the same places.
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = dir.path().join("gazetteer.bin");
    Gazetteer::embedded()
        .expect("embedded")
        .write_cache(&cache)
        .expect("cache");
    // Loads are timed without freeing the result (iter_with_large_drop): a program keeps it.
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(20);
    g.bench_function("embedded", |b| {
        b.iter_with_large_drop(|| black_box(Gazetteer::embedded()))
    });
    g.bench_function("embedded_inflate_only", |b| {
        b.iter_with_large_drop(|| black_box(mali_atlas::reference::snapshot::gazetteer_table()))
    });
    g.bench_function("load_cache", |b| {
        b.iter_with_large_drop(|| black_box(Gazetteer::read_cache(&cache)))
    });
    if let Some(ml) = mirror() {
        g.bench_function("parse_ML_txt", |b| {
            b.iter_with_large_drop(|| black_box(Gazetteer::from_path(&ml)))
        });
    }
    g.bench_function("embedded_cercles", |b| {
        b.iter_with_large_drop(|| black_box(Cercles::embedded()))
    });
    if let Some(adm2) = mirror::adm2() {
        g.bench_function("parse_ADM2_geojson", |b| {
            b.iter_with_large_drop(|| black_box(Cercles::from_path(&adm2)))
        });
    }
    g.bench_function("build_geocoder", |b| {
        let gz = Gazetteer::read_cache(&cache).expect("cache");
        b.iter_with_large_drop(|| black_box(Geocoder::new(gz.clone())))
    });
    g.finish();
}

fn synthetic_points(n: usize) -> Vec<Point> {
    // Deterministic spread over Mali's bounding box.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = (x & 0xFFFF) as f64 / 65535.0;
            let b = ((x >> 16) & 0xFFFF) as f64 / 65535.0;
            Point {
                id: i as u32,
                lon: -12.0 + a * 16.0,
                lat: 10.5 + b * 14.0,
                deaths: (x >> 40) as u32 % 50,
            }
        })
        .collect()
}

fn bench_map(c: &mut Criterion) {
    let pts = synthetic_points(100_000);
    let mut g = c.benchmark_group("map_100k");
    g.sample_size(10);
    g.bench_function("baseline_copy_points", |b| {
        b.iter(|| black_box(pts.clone()))
    });
    g.bench_function("build_cluster_levels", |b| {
        b.iter(|| black_box(ClusterLevels::build(black_box(&pts), 48.0)))
    });
    let levels = ClusterLevels::build(&pts, 48.0);
    // What a frame zoomed out to all of Mali walks: the clusters of its level.
    g.bench_function("frame_clusters_zoom_5_6", |b| {
        b.iter(|| {
            let mut n = 0u64;
            for c in levels.at_zoom(5.6) {
                n += c.deaths as u64 + c.lon.to_bits() % 2;
            }
            black_box(n)
        })
    });
    g.bench_function("pick_under_cursor", |b| {
        b.iter(|| black_box(levels.pick(5.6, -4.0, 14.5, 14.0).map(|c| c.members.len())))
    });
    g.finish();
}

fn bench_briefing(c: &mut Criterion) {
    use mali_atlas::analysis::Filter;
    use mali_atlas::ui::briefing::BriefingOptions;
    use mali_atlas::ui::state::AppState;
    let geocoder = Geocoder::new(gazetteer());
    let mut g = c.benchmark_group("briefing");
    g.sample_size(10);
    g.bench_function("render_1600x1000_png", |b| {
        b.iter(|| {
            let state = AppState::new(corpus::seeds(), Vec::new(), &geocoder);
            let img = mali_atlas::ui::offscreen::render(
                state,
                mali_atlas::ui::towns(&geocoder),
                Filter::default(),
                &BriefingOptions::default(),
                1600,
                1000,
            )
            .expect("renders");
            black_box(mali_atlas::export::briefing::encode_png(&img).expect("encodes"))
        })
    });
    g.finish();
}

/// One whole app frame (layout, map with 100k clustered incidents, charts, table; then
/// tessellation) on a bare egui::Context, zoomed out to all of Mali, and with a hovering
/// pointer (picking).
fn bench_app_frame(c: &mut Criterion) {
    use mali_atlas::incident::{EventType, Incident, Location, Precision, TollRange};
    use mali_atlas::ui::MaliAtlasApp;
    use mali_atlas::ui::state::AppState;
    let pts = synthetic_points(100_000);
    let incidents: Vec<(usize, Incident)> = pts
        .iter()
        .map(|p| {
            let inc = Incident {
                article: "synthetic".into(),
                incident: p.id as usize,
                date: chrono::NaiveDate::from_ymd_opt(
                    2020 + (p.id % 5) as i32,
                    1 + p.id % 12,
                    1 + p.id % 28,
                ),
                date_end: None,
                date_precision: mali_atlas::corpus::DatePrecision::Day,
                event_type: EventType::ALL[(p.id % 6) as usize],
                sub_event_type: String::new(),
                actors: vec!["JNIM".into()],
                perpetrator: Some("JNIM".into()),
                target: None,
                fatalities: Some(TollRange::exact(p.deaths)),
                killed: None,
                wounded: None,
                captured: None,
                missing: None,
                toll_sources: vec![],
                places: vec![],
                location: Some(Location {
                    lat: p.lat,
                    lon: p.lon,
                    precision: Precision::Locality,
                }),
                evidence: vec![],
                warnings: vec![],
                gazetteer: None,
            };
            (0usize, inc)
        })
        .collect();
    let geocoder = Geocoder::new(Gazetteer::fallback());
    let state = AppState::from_parts(corpus::seeds(), incidents, Vec::new(), true);
    let mut app = MaliAtlasApp::with_state(state, &geocoder);
    let ctx = egui::Context::default();
    let input = |pos: Option<egui::Pos2>| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events: pos
            .map(|p| vec![egui::Event::PointerMoved(p)])
            .unwrap_or_default(),
        ..Default::default()
    };
    // One frame: the app's UI, then tessellation. There is no painter here to upload the
    // frame's texture changes (the font atlas, created in the first frame and grown by new
    // glyphs), so they are discarded: epaint asserts that no `TexturesDelta` is dropped
    // unapplied.
    let frame = |app: &mut MaliAtlasApp, pos: Option<egui::Pos2>| {
        let mut out = ctx.run_ui(input(pos), |ui| app.show(ui));
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    // Warm up: fonts, layout caches, the map's projected shapes.
    for _ in 0..3 {
        let _ = frame(&mut app, None);
    }
    let mut g = c.benchmark_group("app_frame_100k");
    g.sample_size(20);
    g.bench_function("frame_all_mali", |b| {
        b.iter(|| black_box(frame(&mut app, None)))
    });
    g.bench_function("frame_with_hover_pick", |b| {
        b.iter(|| black_box(frame(&mut app, Some(egui::pos2(700.0, 400.0)))))
    });
    g.finish();
}

/// The budgets unit tests used to assert with a wall clock (which proves nothing under a
/// parallel test run on a shared machine). Each is a documented regression guard, read off
/// the report of a release run (`cargo bench --bench pipeline -- budgets`):
/// - `find_dates_3kb`: a few µs (was: < 2 ms per call even unoptimised, extract/dates.rs);
/// - `cercle_at_10k`: 10,000 point-in-cercle lookups over Mali's box, < 50 ms
///   (reference/cercles.rs);
/// - `basemap_parse`: the embedded basemap JSON, < 50 ms (reference/basemap.rs);
/// - `html_deep_nesting_200k`: 200,000 unclosed `<div>`s, linear, well under 5 s
///   (corpus/html/tree.rs).
fn bench_budgets(c: &mut Criterion) {
    let mut g = c.benchmark_group("budgets");
    g.sample_size(10);
    let paragraph = "Le samedi 6 août 2022, 42 soldats ont été tués près de Tessit. Fin juillet, \
                     des combats avaient fait 84 morts. Hier, à 18 h 30, l'état-major a publié un \
                     communiqué. La semaine dernière, le convoi a parcouru 350 kilomètres. ";
    let text = paragraph.repeat(3000 / paragraph.len() + 1);
    let reference = chrono::NaiveDate::from_ymd_opt(2022, 8, 10);
    g.bench_function("find_dates_3kb", |b| {
        b.iter(|| {
            black_box(mali_atlas::extract::dates::find_dates(
                black_box(&text),
                reference,
            ))
        })
    });
    let cercles = Cercles::embedded().expect("embedded cercles");
    let points: Vec<(f64, f64)> = (0..10_000)
        .map(|i| {
            let (x, y) = ((i % 100) as f64 / 100.0, (i / 100) as f64 / 100.0);
            (-12.24 + 16.49 * x, 10.14 + 14.86 * y)
        })
        .collect();
    g.bench_function("cercle_at_10k", |b| {
        b.iter(|| {
            points
                .iter()
                .filter(|&&(lon, lat)| cercles.cercle_at(lon, lat).is_some())
                .count()
        })
    });
    let basemap = include_str!("../data/basemap.json");
    g.bench_function("basemap_parse", |b| {
        b.iter_with_large_drop(|| black_box(mali_atlas::reference::Basemap::from_json(basemap)))
    });
    let depth = 200_000;
    let html = format!("{}texte{}", "<div>".repeat(depth), "</span>".repeat(depth));
    g.bench_function("html_deep_nesting_200k", |b| {
        b.iter(|| black_box(mali_atlas::corpus::html::html_to_text(black_box(&html))))
    });
    g.finish();
}

criterion_group!(
    benches,
    bench_budgets,
    bench_extract,
    bench_gazetteer,
    bench_map,
    bench_briefing,
    bench_app_frame
);
criterion_main!(benches);
