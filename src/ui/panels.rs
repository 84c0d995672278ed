//! The side and bottom panels: filters, drill-down with highlighted evidence, charts, and the
//! incident table. One function per panel, each taking `&mut Ui` and the app state.

use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat, Ui};

use crate::analysis::Stack;
use crate::incident::{Category, EventType, TollRange};
use crate::ui::i18n::t;
use crate::ui::map::event_colour;
use crate::ui::state::{AppState, ChartKind, ColourBy, Lang, MapMode, SortKey};

pub fn filters_panel(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    let mut f = state.filter.clone();
    ui.heading(t(lang, "filters"));
    ui.label(format!(
        "{} {} · {} {}",
        state.visible.len(),
        t(lang, "incidents"),
        state.articles.len(),
        t(lang, "articles")
    ));
    ui.separator();

    if let Some((min, max)) = state.date_bounds {
        let span = (max - min).num_days().max(0);
        let mut from = f.from.map_or(0, |d| (d - min).num_days().clamp(0, span));
        let mut to = f.to.map_or(span, |d| (d - min).num_days().clamp(0, span));
        histogram(ui, state);
        ui.add(
            egui::Slider::new(&mut from, 0..=span)
                .custom_formatter(|v, _| (min + chrono::Days::new(v as u64)).to_string())
                .text(t(lang, "from")),
        );
        ui.add(
            egui::Slider::new(&mut to, 0..=span)
                .custom_formatter(|v, _| (min + chrono::Days::new(v as u64)).to_string())
                .text(t(lang, "to")),
        );
        let to = to.max(from);
        f.from = (from > 0).then(|| min + chrono::Days::new(from as u64));
        f.to = (to < span).then(|| min + chrono::Days::new(to as u64));
    }
    ui.separator();
    ui.label(t(lang, "event_types"));
    for e in EventType::ALL {
        let mut on = f.event_types.is_empty() || f.event_types.contains(&e);
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().circle_filled(r.center(), 5.0, event_colour(e));
            if ui.checkbox(&mut on, e.name()).changed() {
                let mut set: Vec<EventType> = if f.event_types.is_empty() {
                    EventType::ALL.to_vec()
                } else {
                    f.event_types.clone()
                };
                set.retain(|x| *x != e);
                if on {
                    set.push(e);
                }
                f.event_types = if set.len() == EventType::ALL.len() {
                    Vec::new()
                } else {
                    set
                };
            }
        });
    }
    ui.separator();
    ui.add(
        egui::Slider::new(&mut f.min_deaths, 0..=200)
            .logarithmic(true)
            .text(t(lang, "min_deaths")),
    );
    ui.label(t(lang, "search"));
    ui.add(
        egui::TextEdit::singleline(&mut f.text)
            .id(egui::Id::unique("search"))
            .hint_text("Diallassagou, JNIM…"),
    );
    let regions: Vec<String> = state
        .charts
        .by_region
        .iter()
        .map(|(r, _)| r.clone())
        .collect();
    combo(
        ui,
        "region_filter",
        t(lang, "region"),
        t(lang, "all"),
        &mut f.region,
        &regions,
    );
    let actors: Vec<String> = state
        .charts
        .by_actor
        .iter()
        .map(|(a, _)| a.clone())
        .collect();
    combo(
        ui,
        "actor_filter",
        t(lang, "actor"),
        t(lang, "all"),
        &mut f.actor,
        &actors,
    );
    let precision_label = |p: Option<crate::incident::Precision>| match p {
        None => t(lang, "all"),
        Some(crate::incident::Precision::Locality) => t(lang, "prec_locality"),
        Some(crate::incident::Precision::Admin2) => t(lang, "prec_admin2"),
        Some(_) => t(lang, "prec_admin1"),
    };
    egui::ComboBox::new("precision_filter", t(lang, "precision"))
        .selected_text(precision_label(f.max_precision))
        .show_ui(ui, |ui| {
            use crate::incident::Precision;
            for p in [
                None,
                Some(Precision::Locality),
                Some(Precision::Admin2),
                Some(Precision::Admin1),
            ] {
                ui.selectable_value(&mut f.max_precision, p, precision_label(p));
            }
        });
    if ui.button(t(lang, "reset")).clicked() {
        f = Default::default();
    }
    state.set_filter(f);

    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(t(lang, "map_mode"));
        ui.selectable_value(
            &mut state.prefs.map_mode,
            MapMode::Markers,
            t(lang, "markers"),
        );
        ui.selectable_value(
            &mut state.prefs.map_mode,
            MapMode::Heatmap,
            t(lang, "heatmap"),
        );
        ui.selectable_value(
            &mut state.prefs.map_mode,
            MapMode::Choropleth,
            t(lang, "choropleth"),
        );
        if state.prefs.map_mode == MapMode::Choropleth {
            ui.checkbox(&mut state.prefs.choropleth_cercles, t(lang, "by_cercle"));
        }
    });
    ui.checkbox(&mut state.prefs.online_tiles, t(lang, "osm_tiles"));
    ui.horizontal(|ui| {
        let l = ui.label(t(lang, "tile_file"));
        ui.add(
            egui::TextEdit::singleline(&mut state.prefs.tile_file)
                .hint_text("…/mali.pmtiles | .mbtiles")
                .desired_width(140.0),
        )
        .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        ui.label(t(lang, "colour_by"));
        ui.selectable_value(
            &mut state.prefs.colour_by,
            ColourBy::EventType,
            t(lang, "by_event"),
        );
        ui.selectable_value(
            &mut state.prefs.colour_by,
            ColourBy::Perpetrator,
            t(lang, "by_perpetrator"),
        );
    });
    crate::ui::reference_layer::filters_ui(ui, state);
    if !state.load_errors.is_empty() {
        ui.separator();
        ui.colored_label(Color32::from_rgb(200, 80, 40), t(lang, "load_errors"));
        for e in &state.load_errors {
            ui.small(e);
        }
    }
}

fn combo(
    ui: &mut Ui,
    id: &str,
    label: &str,
    all: &str,
    value: &mut Option<String>,
    options: &[String],
) {
    egui::ComboBox::new(id, label)
        .selected_text(value.clone().unwrap_or_else(|| all.to_string()))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for o in options {
                ui.selectable_value(value, Some(o.clone()), o);
            }
        });
}

/// Incidents per date bin over the whole corpus (precomputed), under the date sliders.
fn histogram(ui: &mut Ui, state: &AppState) {
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 36.0), egui::Sense::hover());
    let counts = &state.histogram;
    let bins = counts.len().max(1);
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    let w = rect.width() / bins as f32;
    let color = ui.visuals().selection.bg_fill;
    for (b, &c) in counts.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let h = rect.height() * c as f32 / max;
        let r = egui::Rect::from_min_max(
            egui::pos2(rect.left() + b as f32 * w, rect.bottom() - h),
            egui::pos2(rect.left() + (b + 1) as f32 * w - 1.0, rect.bottom()),
        );
        ui.painter().rect_filled(r, 0.0, color);
    }
}

/// Colours for evidence fields in the drill-down text.
pub fn field_colour(field: &str) -> Color32 {
    match field {
        "date" => Color32::from_rgb(120, 170, 255),
        "place" => Color32::from_rgb(110, 200, 120),
        "fatalities" | "wounded" | "captured" | "missing" => Color32::from_rgb(240, 110, 100),
        "actors" => Color32::from_rgb(230, 180, 60),
        _ => Color32::from_rgb(180, 160, 220),
    }
}

pub fn drilldown_panel(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    ui.heading(t(lang, "drilldown"));
    let Some(sel) = state.selected else {
        ui.label(t(lang, "no_selection"));
        return;
    };
    // Drawn from borrows (no per-frame copy of the incident or the article); clicks are
    // collected and applied after.
    let mut goto = None;
    let inc = &state.incidents[sel];
    egui::Grid::new("facts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label(t(lang, "date"));
            ui.label(crate::ui::format::incident_date(lang, inc));
            ui.end_row();
            ui.label(t(lang, "event"));
            ui.label(format!(
                "{} / {}",
                inc.event_type.name(),
                inc.sub_event_type
            ));
            ui.end_row();
            ui.label(t(lang, "actors"));
            let mut a = inc.actors.join(", ");
            if let Some(p) = &inc.perpetrator {
                a.push_str(&format!(
                    "  ({p} vs {})",
                    inc.target.clone().unwrap_or("?".into())
                ));
            }
            ui.label(a);
            ui.end_row();
            ui.label(t(lang, "killed"));
            match &inc.killed {
                Some(k) => {
                    ui.vertical(|ui| {
                        for (c, r) in k {
                            ui.label(format!("{}: {}", t(lang, c.as_str()), range(*r)));
                        }
                    });
                }
                None => {
                    ui.label(t(lang, "no_toll"));
                }
            }
            ui.end_row();
            for (key, v) in [("wounded", inc.wounded), ("captured", inc.captured)] {
                if let Some(r) = v {
                    ui.label(t(lang, key));
                    ui.label(range(r));
                    ui.end_row();
                }
            }
            ui.label(t(lang, "place"));
            ui.vertical(|ui| {
                // One row per place, however often the article names it.
                for row in crate::ui::format::place_rows(&inc.places) {
                    let p = row.place;
                    let mut label = crate::ui::format::place_in_words(lang, &p.name, p.precision);
                    if let Some(a) = p.admin1.as_deref().filter(|a| *a != p.name) {
                        label.push_str(&format!(", {a}"));
                    }
                    if row.mentions > 1 {
                        label.push_str(&format!("  ×{}", row.mentions));
                    }
                    if ui.link(label).clicked()
                        && let (Some(lat), Some(lon)) = (p.lat, p.lon)
                    {
                        goto = Some((lon, lat, 9.0));
                    }
                }
            });
            ui.end_row();
            ui.label(t(lang, "source"));
            ui.label(&inc.article);
            ui.end_row();
            if let Some(d) = state.doubts.get(sel) {
                ui.label(t(lang, "doubt"));
                ui.vertical(|ui| {
                    let head = RichText::new(d.score.to_string()).strong();
                    ui.label(if d.is_doubtful() {
                        head.color(Color32::from_rgb(220, 120, 20))
                    } else {
                        head
                    });
                    for r in &d.reasons {
                        ui.small(format!("+{} {}", r.points(), t(lang, r.key())));
                    }
                });
                ui.end_row();
            }
            if let Some(Some(r)) = state.reviews.get(sel) {
                ui.label(t(lang, "review_state"));
                let mut line = format!(
                    "{} {} {}, {}",
                    t(lang, r.status.as_str()),
                    t(lang, "by"),
                    r.reviewer,
                    r.at.get(..16).unwrap_or(&r.at).replace('T', " ")
                );
                if !r.reason.is_empty() {
                    line.push_str(&format!(" — {}", r.reason));
                }
                ui.label(line);
                ui.end_row();
            }
        });
    if !inc.warnings.is_empty() {
        ui.colored_label(Color32::from_rgb(220, 140, 20), t(lang, "warnings"));
        for w in &inc.warnings {
            ui.small(format!("! {w}"));
        }
    }
    if goto.is_some() {
        state.pending_view = goto;
    }
    crate::ui::reference_layer::drilldown_ui(ui, state, sel);
    crate::ui::sources::sources_section(ui, state, sel);
    crate::ui::correct::correction_form(ui, state, sel);
    let mut other = None;
    let siblings = &state.article_incidents[state.incident_article[sel]];
    if siblings.len() > 1 {
        ui.label(t(lang, "other_incidents"));
        for &o in siblings.iter().filter(|&&o| o != sel) {
            let line = crate::ui::map::tooltip_line(&state.incidents[o], lang);
            if ui.link(line).clicked() {
                other = Some(o);
            }
        }
    }
    ui.separator();
    // The highlighted text is laid out once per selection and colour, then shared.
    let color = ui.visuals().text_color();
    let cached = state
        .drill_text
        .as_ref()
        .filter(|(i, c, _)| *i == sel && *c == color)
        .map(|(_, _, job)| job.clone());
    let job = cached.unwrap_or_else(|| {
        let inc = &state.incidents[sel];
        let job = std::sync::Arc::new(highlighted(
            &state.article_of(sel).text,
            &inc.evidence,
            color,
        ));
        state.drill_text = Some((sel, color, job.clone()));
        job
    });
    egui::ScrollArea::vertical()
        .id_salt("article_text")
        .show(ui, |ui| {
            ui.label(job);
        });
    if other.is_some() {
        state.select(other);
    }
}

fn range(r: TollRange) -> String {
    if r.low == r.high {
        r.best.to_string()
    } else {
        format!("{} ({}–{})", r.best, r.low, r.high)
    }
}

/// The article text with each evidence span on its field's colour.
pub fn highlighted(
    text: &str,
    evidence: &[crate::incident::Evidence],
    color: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut spans: Vec<(usize, usize, &str)> = evidence
        .iter()
        .filter(|e| {
            text.is_char_boundary(e.span[0])
                && text.is_char_boundary(e.span[1])
                && e.span[1] <= text.len()
        })
        .map(|e| (e.span[0], e.span[1], e.field.as_str()))
        .collect();
    spans.sort();
    let plain = TextFormat {
        color,
        ..Default::default()
    };
    let mut pos = 0;
    for (s, e, field) in spans {
        if s < pos {
            continue; // overlapping evidence: the first one wins
        }
        job.append(&text[pos..s], 0.0, plain.clone());
        job.append(
            &text[s..e],
            0.0,
            TextFormat {
                color: Color32::BLACK,
                background: field_colour(field),
                ..Default::default()
            },
        );
        pos = e;
    }
    job.append(&text[pos..], 0.0, plain);
    job
}

pub fn charts_panel(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(
            &mut state.prefs.chart,
            ChartKind::ByRegion,
            t(lang, "chart_region"),
        );
        ui.selectable_value(
            &mut state.prefs.chart,
            ChartKind::ByMonth,
            t(lang, "chart_month"),
        );
        ui.selectable_value(
            &mut state.prefs.chart,
            ChartKind::ByActor,
            t(lang, "chart_actor"),
        );
    });
    crate::ui::reference_layer::chart_toggle(ui, state);
    let reference_bars = crate::ui::reference_layer::chart_data(state, state.prefs.chart);
    // Borrow the chart data (no per-frame copy); take out only what changes the state.
    let (hovered, clicked, bar_incidents) = {
        let data: &[(String, Stack)] = match state.prefs.chart {
            _ if reference_bars.is_some() => reference_bars.as_deref().unwrap_or_default(),
            ChartKind::ByRegion => &state.charts.by_region,
            ChartKind::ByMonth => &state.charts.by_month,
            ChartKind::ByActor => &state.charts.by_actor,
        };
        let resp = chart_of(ui, data, state.prefs.chart, lang);
        let hovered = resp.hovered;
        let key = hovered.map(|i| (state.prefs.chart, i));
        // The hovered bar's incidents are copied once, when the hovered bar changes.
        let bar_incidents = (key != state.highlight_key).then(|| {
            let mut v = hovered
                .map(|i| data[i].1.incidents.clone())
                .unwrap_or_default();
            v.sort_unstable();
            v
        });
        let clicked = resp
            .response
            .clicked()
            .then(|| hovered.map(|i| data[i].0.clone()))
            .flatten();
        (key, clicked, bar_incidents)
    };
    // Hover a bar → highlight its incidents; click → it becomes a filter.
    if let Some(v) = bar_incidents {
        state.highlighted = v;
        state.highlight_key = hovered;
    }
    if let Some(name) = clicked {
        let mut f = state.filter.clone();
        match state.prefs.chart {
            ChartKind::ByRegion => f.region = Some(name),
            ChartKind::ByActor => f.actor = Some(name),
            ChartKind::ByMonth => {
                if let Ok(d) = chrono::NaiveDate::parse_from_str(&format!("{name}-01"), "%Y-%m-%d")
                {
                    f.from = Some(d);
                    f.to = d
                        .checked_add_months(chrono::Months::new(1))
                        .and_then(|n| n.pred_opt());
                }
            }
        }
        state.set_filter(f);
    }
}

pub fn category_colour(c: Category) -> Color32 {
    match c {
        Category::Civilians => Color32::from_rgb(148, 52, 170),
        Category::Soldiers => Color32::from_rgb(31, 119, 180),
        Category::Peacekeepers => Color32::from_rgb(100, 180, 230),
        Category::Militants => Color32::from_rgb(214, 39, 40),
        Category::Mercenaries => Color32::from_rgb(90, 90, 90),
        Category::Unknown => Color32::from_rgb(190, 190, 160),
    }
}

/// Column widths of the incident table (date, doubt, toll, place, event, actors, source).
const COLUMNS: [f32; 7] = [112.0, 52.0, 96.0, 130.0, 160.0, 150.0, 200.0];

pub fn table_panel(ui: &mut Ui, state: &mut AppState) {
    let lang = state.prefs.lang;
    let mut clicked = None;
    let mut sort = None;
    let columns = [
        ("date", Some(SortKey::Date)),
        ("doubt", Some(SortKey::Doubt)),
        ("toll", Some(SortKey::Deaths)),
        ("place", Some(SortKey::Place)),
        ("event", Some(SortKey::Event)),
        ("actors", None),
        ("source", Some(SortKey::Source)),
    ];
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // Wider than its panel: scrolls sideways; the most used columns come first.
    egui::ScrollArea::horizontal()
        .id_salt("table_h")
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    for ((h, key), w) in columns.into_iter().zip(COLUMNS) {
                        let arrow = match key {
                            Some(k) if state.prefs.sort == k && state.prefs.sort_descending => " v",
                            Some(k) if state.prefs.sort == k => " ^",
                            _ => "",
                        };
                        let label = RichText::new(format!("{}{arrow}", t(lang, h))).strong();
                        match key {
                            Some(k) => {
                                if ui.add_sized([w, 18.0], egui::Button::new(label)).clicked() {
                                    sort = Some(k);
                                }
                            }
                            None => {
                                ui.add_sized([w, 18.0], egui::Label::new(label));
                            }
                        }
                    }
                });
                // Only the visible rows are laid out, so 100,000 incidents cost what 20 do.
                egui::ScrollArea::vertical().id_salt("table").show_rows(
                    ui,
                    row_height,
                    state.table_order.len(),
                    |ui, rows| {
                        for &i in &state.table_order[rows] {
                            table_row(ui, state, i, row_height, &mut clicked);
                        }
                    },
                );
            });
        });
    if let Some(i) = clicked {
        state.select(Some(i));
    }
    if let Some(k) = sort {
        state.sort_by(k);
    }
}

fn table_row(
    ui: &mut Ui,
    state: &AppState,
    i: usize,
    row_height: f32,
    clicked: &mut Option<usize>,
) {
    let inc = &state.incidents[i];
    ui.horizontal(|ui| {
        let date = crate::ui::format::incident_date(state.prefs.lang, inc);
        let selected = state.selected == Some(i);
        if ui
            .add_sized(
                [COLUMNS[0], row_height],
                egui::Button::selectable(selected, date),
            )
            .clicked()
        {
            *clicked = Some(i);
        }
        let place = inc
            .places
            .iter()
            .find(|p| p.lat.is_some() && inc.location.is_some_and(|l| p.lat == Some(l.lat)))
            .map_or("—", |p| p.name.as_str());
        let cell = |ui: &mut Ui, w: f32, text: RichText| {
            ui.add_sized([w, row_height], egui::Label::new(text).truncate());
        };
        let score = state.doubts.get(i).map_or(0, |d| d.score);
        let mark = match state.status(i) {
            crate::store::ReviewStatus::Accepted => " ok",
            crate::store::ReviewStatus::Rejected => " ×",
            crate::store::ReviewStatus::Unreviewed => "",
        };
        let doubt = RichText::new(format!("{score}{mark}"));
        cell(
            ui,
            COLUMNS[1],
            if score >= crate::analysis::doubt::DOUBTFUL {
                doubt.color(Color32::from_rgb(220, 120, 20)).strong()
            } else {
                doubt
            },
        );
        cell(
            ui,
            COLUMNS[2],
            RichText::new(inc.fatalities.map_or("—".into(), range)),
        );
        cell(ui, COLUMNS[3], RichText::new(place));
        cell(
            ui,
            COLUMNS[4],
            RichText::new(inc.event_type.name()).color(event_colour(inc.event_type)),
        );
        cell(ui, COLUMNS[5], RichText::new(inc.actors.join(", ")));
        cell(
            ui,
            COLUMNS[6],
            RichText::new(inc.article.rsplit('/').next().unwrap_or("")),
        );
    });
}

/// The top bar: language, theme, view buttons.
pub fn top_bar(ui: &mut Ui, state: &mut AppState) -> TopBarAction {
    let lang = state.prefs.lang;
    let mut action = TopBarAction::None;
    ui.horizontal(|ui| {
        ui.strong("mali-atlas");
        ui.separator();
        if ui.button(t(lang, "fit_mali")).clicked() {
            action = TopBarAction::FitMali;
        }
        if ui.button(t(lang, "fit_selection")).clicked() {
            action = TopBarAction::FitSelection;
        }
        ui.separator();
        if ui.button(t(lang, "language")).clicked() {
            state.prefs.lang = match lang {
                Lang::Fr => Lang::En,
                Lang::En => Lang::Fr,
            };
        }
        ui.checkbox(&mut state.prefs.dark, t(lang, "theme_dark"));
        ui.separator();
        // Collapse or show the side and bottom panels.
        for (key, hidden) in [
            ("pane_filters", &mut state.prefs.hide_filters),
            ("pane_details", &mut state.prefs.hide_drilldown),
            ("pane_charts", &mut state.prefs.hide_charts),
        ] {
            let mut shown = !*hidden;
            if ui.toggle_value(&mut shown, t(lang, key)).changed() {
                *hidden = !shown;
            }
        }
        ui.toggle_value(&mut state.prefs.review_mode, t(lang, "review_mode"));
        ui.menu_button(t(lang, "about"), |ui| {
            ui.strong(format!("mali-atlas {}", env!("CARGO_PKG_VERSION")));
            ui.label(t(lang, "about_text"));
            ui.separator();
            ui.label("GeoNames (geonames.org), CC BY 4.0");
            ui.label(crate::reference::cercles::ATTRIBUTION);
            ui.label("Made with Natural Earth (public domain)");
            ui.label(crate::reference::ATTRIBUTION);
        });
        ui.menu_button(t(lang, "export"), |ui| {
            for (label, a) in [
                ("CSV (ACLED)", TopBarAction::ExportCsv),
                ("GeoJSON", TopBarAction::ExportGeojson),
                ("JSONL", TopBarAction::ExportJsonl),
                ("PNG (carte)", TopBarAction::ExportPng),
                ("Briefing PNG", TopBarAction::ExportBriefing),
            ] {
                if ui.button(label).clicked() {
                    action = a;
                    ui.close();
                }
            }
        });
    });
    action
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopBarAction {
    None,
    FitMali,
    FitSelection,
    ExportCsv,
    ExportGeojson,
    ExportJsonl,
    ExportPng,
    ExportBriefing,
}

/// The chart of `kind` over `data`: regions and actors as horizontal bars, months as columns
/// labelled "juil. 2019". Shared by the app's chart panel and the briefing image.
pub fn chart_of(
    ui: &mut Ui,
    data: &[(String, Stack)],
    kind: ChartKind,
    lang: Lang,
) -> crate::ui::chart::ChartResponse {
    use crate::ui::chart::{Layout, stacked_bars};
    let labels: Vec<String> = data
        .iter()
        .map(|(name, _)| match kind {
            ChartKind::ByMonth => crate::ui::format::month_key(lang, name),
            _ if name == "—" => t(lang, "no_region").to_string(),
            _ => name.clone(),
        })
        .collect();
    let layout = match kind {
        ChartKind::ByMonth => Layout::Columns,
        ChartKind::ByRegion | ChartKind::ByActor => Layout::Horizontal,
    };
    stacked_bars(ui, data, &labels, layout, lang)
}
