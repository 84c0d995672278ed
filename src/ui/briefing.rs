//! The briefing layout: title, date range and counts on top, the map with its legend, scale
//! bar and attribution, and an optional chart on the right. Drawn with the same map and chart
//! code as the app, so the image shows exactly what the analyst sees.

use egui::{Color32, RichText, Ui, Vec2};

use crate::analysis::cluster::world_px;
use crate::incident::EventType;
use crate::ui::i18n::t;
use crate::ui::map::{event_colour, marker_radius};
use crate::ui::panels::chart_of;
use crate::ui::state::{AppState, ChartKind};

/// Which chart sits beside the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BriefingChart {
    #[default]
    ByRegion,
    Timeline,
    None,
}

#[derive(Debug, Clone, Default)]
pub struct BriefingOptions {
    pub title: String,
    pub chart: BriefingChart,
    /// Centre (lon, lat) and zoom to show; fitted to Mali or the incidents when absent.
    pub view: Option<(f64, f64, f64)>,
}

/// The zoom and centre that fit Mali (or the incidents, if tighter) in a `size` map.
pub fn fit_view(state: &AppState, size: Vec2) -> (f64, f64, f64) {
    let pts: Vec<(f64, f64)> = state
        .visible
        .iter()
        .filter_map(|&i| state.incidents[i].location.map(|l| (l.lon, l.lat)))
        .collect();
    // Mali's extent; the incidents' extent is used when it is smaller but not a single point.
    let (mut w, mut e, mut s, mut n) = (-12.4, 4.4, 10.1, 25.1);
    if pts.len() > 1 {
        let (pw, pe, ps, pn) = pts.iter().fold(
            (180f64, -180f64, 90f64, -90f64),
            |(w, e, s, n), (lon, lat)| (w.min(*lon), e.max(*lon), s.min(*lat), n.max(*lat)),
        );
        // Zoom in only when the incidents cover less than half of Mali each way.
        if pe - pw > 1.0 && pn - ps > 1.0 && pe - pw < (e - w) / 2.0 && pn - ps < (n - s) / 2.0 {
            (w, e, s, n) = (pw - 1.0, pe + 1.0, ps - 1.0, pn + 1.0);
        }
    }
    let [x0, y0] = world_px(w, n, 0.0);
    let [x1, y1] = world_px(e, s, 0.0);
    let zx = (f64::from(size.x) * 0.92 / (x1 - x0)).log2();
    let zy = (f64::from(size.y) * 0.92 / (y1 - y0)).log2();
    ((w + e) / 2.0, (s + n) / 2.0, zx.min(zy).clamp(2.0, 14.0))
}

/// Title and subtitle of the briefing.
pub fn header(ui: &mut Ui, state: &AppState, opts: &BriefingOptions) {
    let lang = state.prefs.lang;
    let title = if opts.title.is_empty() {
        "mali-atlas".to_string()
    } else {
        opts.title.clone()
    };
    ui.label(RichText::new(title).size(24.0).strong());
    let dates: Vec<_> = state
        .visible
        .iter()
        .filter_map(|&i| state.incidents[i].date)
        .collect();
    let range = match (
        state.filter.from.or(dates.iter().min().copied()),
        state.filter.to.or(dates.iter().max().copied()),
    ) {
        (Some(a), Some(b)) => {
            crate::ui::format::date_text(lang, Some(a), Some(b), crate::corpus::DatePrecision::Day)
        }
        _ => String::new(),
    };
    let articles: std::collections::BTreeSet<usize> = state
        .visible
        .iter()
        .map(|&i| state.incident_article[i])
        .collect();
    let deaths: u32 = state
        .visible
        .iter()
        .map(|&i| state.incidents[i].deaths())
        .sum();
    ui.label(format!(
        "{range} · {} {} · {} {} · {deaths} {}",
        state.visible.len(),
        t(lang, "incidents"),
        articles.len(),
        t(lang, "articles"),
        t(lang, "dead"),
    ));
}

/// Symbol size = deaths, colour = event type (only the types present).
pub fn legend(ui: &mut Ui, state: &AppState) {
    let present: Vec<EventType> = EventType::ALL
        .into_iter()
        .filter(|e| {
            state
                .visible
                .iter()
                .any(|&i| state.incidents[i].event_type == *e)
        })
        .collect();
    ui.horizontal_wrapped(|ui| {
        for deaths in [1u32, 10, 100] {
            let r = marker_radius(deaths);
            let (rect, _) =
                ui.allocate_exact_size(Vec2::splat(2.0 * r + 2.0), egui::Sense::hover());
            ui.painter().circle(
                rect.center(),
                r,
                Color32::from_gray(150),
                egui::Stroke::new(1.0, Color32::BLACK),
            );
            ui.label(format!("{deaths}"));
        }
        ui.label(t(state.prefs.lang, "dead"));
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), egui::Sense::hover());
        ui.painter().circle(
            rect.center(),
            6.0,
            Color32::from_gray(150).gamma_multiply(0.12),
            egui::Stroke::new(2.5, Color32::from_gray(110)),
        );
        ui.label(t(state.prefs.lang, "doubtful"));
        ui.separator();
        for e in present {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 6.0, event_colour(e));
            ui.label(e.name());
        }
    });
}

/// The chart panel of the briefing.
pub fn chart(ui: &mut Ui, state: &AppState, opts: &BriefingOptions) {
    let lang = state.prefs.lang;
    let (data, key, kind) = match opts.chart {
        BriefingChart::ByRegion => (&state.charts.by_region, "chart_region", ChartKind::ByRegion),
        BriefingChart::Timeline => (&state.charts.by_month, "chart_month", ChartKind::ByMonth),
        BriefingChart::None => return,
    };
    ui.label(RichText::new(t(lang, key)).strong());
    chart_of(ui, data, kind, lang);
}
