//! The map panel: the offline basemap (countries, Mali's regions, rivers, lakes, town labels)
//! drawn by a walkers plugin from the embedded layers, and the incidents (sized by deaths,
//! coloured by event type or perpetrator, halo for coarse places, clusters when zoomed out).
//!
//! Geometry is triangulated once; projected shapes are cached until the view moves.

use std::sync::Arc;

use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke, Ui, Vec2, epaint::PathStroke};
use geo::TriangulateEarcut;
use walkers::{Map, MapMemory, Plugin, Projector, lon_lat};

use crate::incident::{EventType, Incident};
use crate::reference::{ATTRIBUTION, basemap};
use crate::ui::i18n::t;
use crate::ui::state::{AppState, ColourBy, MapMode};

/// Mali's centre and the zoom that fits it in ~1000 px.
pub const MALI_CENTER: (f64, f64) = (-3.5, 17.3);
pub const MALI_ZOOM: f64 = 5.6;

/// Zoom, position and size of a view: what the shape caches are keyed by.
type ViewKey = [f32; 6];
/// Deaths per region name.
type RegionValues = Vec<(String, u32)>;

/// A cercle's name and outer rings (lon, lat).
pub type CercleOutline = (String, Vec<Vec<(f64, f64)>>);

/// A filled layer triangulated once, in lon/lat.
struct Fill {
    vertices: Vec<(f64, f64)>,
    indices: Vec<u32>,
    color: Color32,
}

/// Lines (borders, rivers) in lon/lat.
struct Lines {
    paths: Vec<Vec<(f64, f64)>>,
    stroke: Stroke,
}

/// A town label candidate, best first.
#[derive(Debug, Clone)]
pub struct Town {
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    /// Lower shows earlier (at lower zoom).
    pub min_zoom: f64,
}

pub struct Basemap {
    fills: Vec<Fill>,
    lines: Vec<Lines>,
    /// Mali's regions, triangulated, for the choropleth.
    regions: Vec<(String, Fill)>,
    /// Cercles (when installed), triangulated, for the choropleth by cercle.
    cercles: Vec<(String, Fill)>,
    pub towns: Vec<Town>,
    cache_key: Option<(ViewKey, f32)>,
    /// Projected fills, one mesh per layer polygon set.
    cache: Vec<Shape>,
    /// All borders and rivers tessellated into one mesh, so a frame shares it instead of
    /// copying every line's points.
    cache_lines: Shape,
    /// Choropleth meshes for (view, values); rebuilt only when either changes.
    choropleth_key: Option<(ViewKey, RegionValues)>,
    choropleth: Vec<Shape>,
}

impl Basemap {
    pub fn new(dark: bool, towns: Vec<Town>) -> Self {
        let b = basemap();
        let (land, mali, water, border) = palette(dark);
        let mut fills = Vec::new();
        for c in &b.countries {
            let color = if c.code == "MLI" || c.name == "Mali" {
                mali
            } else {
                land
            };
            fills.push(triangulate(&c.shape, color));
        }
        for l in &b.lakes {
            fills.push(triangulate(&l.shape, water));
        }
        let ring_paths = |areas: &[crate::reference::Area]| -> Vec<Vec<(f64, f64)>> {
            areas
                .iter()
                .flat_map(|a| a.shape.0.iter())
                .map(|p| p.exterior().0.iter().map(|c| (c.x, c.y)).collect())
                .collect()
        };
        let lines = vec![
            Lines {
                paths: ring_paths(&b.regions),
                stroke: Stroke::new(0.8, border.gamma_multiply(0.6)),
            },
            Lines {
                paths: b
                    .rivers
                    .iter()
                    .flat_map(|r| r.shape.0.iter())
                    .map(|l| l.0.iter().map(|c| (c.x, c.y)).collect())
                    .collect(),
                stroke: Stroke::new(1.4, water),
            },
            Lines {
                paths: ring_paths(&b.countries),
                stroke: Stroke::new(1.2, border),
            },
        ];
        let regions = b
            .regions
            .iter()
            .map(|r| (r.name.clone(), triangulate(&r.shape, Color32::TRANSPARENT)))
            .collect();
        Basemap {
            fills,
            lines,
            regions,
            cercles: Vec::new(),
            towns,
            cache_key: None,
            cache: Vec::new(),
            cache_lines: Shape::Noop,
            choropleth_key: None,
            choropleth: Vec::new(),
        }
    }

    /// Adds cercle (admin2) outlines, thin, under the region borders.
    pub fn set_cercles(&mut self, cercles: &[CercleOutline], dark: bool) {
        let (_, _, _, border) = palette(dark);
        self.lines.insert(
            0,
            Lines {
                paths: cercles
                    .iter()
                    .flat_map(|(_, r)| r.iter().cloned())
                    .collect(),
                stroke: Stroke::new(0.5, border.gamma_multiply(0.35)),
            },
        );
        self.cercles = cercles
            .iter()
            .map(|(name, rings)| {
                let polys: Vec<geo::Polygon<f64>> = rings
                    .iter()
                    .map(|r| {
                        geo::Polygon::new(
                            r.iter().map(|&(x, y)| geo::coord! {x: x, y: y}).collect(),
                            vec![],
                        )
                    })
                    .collect();
                (
                    name.clone(),
                    triangulate(&geo::MultiPolygon(polys), Color32::TRANSPARENT),
                )
            })
            .collect();
        self.invalidate();
    }

    /// True when cercle polygons are loaded (the choropleth can go by cercle).
    pub fn has_cercles(&self) -> bool {
        !self.cercles.is_empty()
    }

    /// Forgets the projected shapes (after the towns or the theme changed).
    pub fn invalidate(&mut self) {
        self.cache_key = None;
        self.choropleth_key = None;
    }

    /// Regions filled by deaths (`values`: region name → deaths), a sequential red ramp.
    fn choropleth_shapes(
        &mut self,
        projector: &Projector,
        rect: Rect,
        values: &[(String, u32)],
        by_cercle: bool,
    ) -> &[Shape] {
        let key = view_key(projector, rect);
        let stale = self
            .choropleth_key
            .as_ref()
            .is_none_or(|(k, v)| *k != key || v != values);
        if stale {
            self.choropleth.clear();
            let max = values.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
            let areas = if by_cercle {
                &self.cercles
            } else {
                &self.regions
            };
            for (name, fill) in areas {
                let deaths = values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(0, |(_, v)| *v);
                if deaths == 0 {
                    continue;
                }
                let color = ramp(deaths as f32 / max as f32);
                let mut mesh = Mesh::default();
                for &(lon, lat) in &fill.vertices {
                    mesh.colored_vertex(projector.project(lon_lat(lon, lat)).to_pos2(), color);
                }
                mesh.indices.extend_from_slice(&fill.indices);
                self.choropleth.push(Shape::Mesh(Arc::new(mesh)));
            }
            self.choropleth_key = Some((key, values.to_vec()));
        }
        &self.choropleth
    }

    /// Fills and lines for the current view; recomputed only when the view changed.
    fn shapes(&mut self, projector: &Projector, rect: Rect, ppp: f32) -> (&[Shape], &Shape) {
        let key = (view_key(projector, rect), ppp);
        if self.cache_key != Some(key) {
            self.cache.clear();
            for f in &self.fills {
                let mut mesh = Mesh::default();
                for &(lon, lat) in &f.vertices {
                    let p = projector.project(lon_lat(lon, lat));
                    mesh.colored_vertex(p.to_pos2(), f.color);
                }
                mesh.indices.extend_from_slice(&f.indices);
                self.cache.push(Shape::Mesh(Arc::new(mesh)));
            }
            let mut tessellator =
                egui::epaint::Tessellator::new(ppp, Default::default(), [1, 1], Vec::new());
            let mut lines = Mesh::default();
            for l in &self.lines {
                for path in &l.paths {
                    let pts: Vec<Pos2> = path
                        .iter()
                        .map(|&(lon, lat)| projector.project(lon_lat(lon, lat)).to_pos2())
                        .collect();
                    let shape = egui::epaint::PathShape::line(
                        pts,
                        PathStroke::new(l.stroke.width, l.stroke.color),
                    );
                    tessellator.tessellate_path(&shape, &mut lines);
                }
            }
            self.cache_lines = Shape::Mesh(Arc::new(lines));
            self.cache_key = Some(key);
        }
        (&self.cache, &self.cache_lines)
    }
}

/// Identifies a view (zoom, position, size) for the shape caches.
fn view_key(projector: &Projector, rect: Rect) -> [f32; 6] {
    let origin = projector.project(lon_lat(0.0, 0.0));
    [
        projector.zoom() as f32,
        origin.x,
        origin.y,
        rect.width(),
        rect.height(),
        rect.min.x,
    ]
}

/// Light yellow → dark red, translucent so borders and rivers stay readable.
pub fn ramp(t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let lerp = |a: f32, b: f32| (a + (b - a) * t) as u8;
    Color32::from_rgba_unmultiplied(
        lerp(255.0, 165.0),
        lerp(230.0, 15.0),
        lerp(160.0, 21.0),
        170,
    )
}

fn palette(dark: bool) -> (Color32, Color32, Color32, Color32) {
    if dark {
        (
            Color32::from_rgb(38, 40, 44),
            Color32::from_rgb(58, 56, 50),
            Color32::from_rgb(40, 80, 120),
            Color32::from_rgb(150, 150, 150),
        )
    } else {
        (
            Color32::from_rgb(228, 226, 218),
            Color32::from_rgb(246, 238, 216),
            Color32::from_rgb(150, 190, 225),
            Color32::from_rgb(110, 110, 110),
        )
    }
}

fn triangulate(shape: &geo::MultiPolygon<f64>, color: Color32) -> Fill {
    let mut vertices = Vec::new();
    let mut indices = Vec::new();
    for poly in &shape.0 {
        let raw = poly.earcut_triangles_raw();
        let base = vertices.len() as u32;
        vertices.extend(raw.vertices.iter().map(|c| (c[0], c[1])));
        indices.extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
    }
    Fill {
        vertices,
        indices,
        color,
    }
}

/// Marker colour for an incident.
pub fn incident_colour(i: &Incident, by: ColourBy) -> Color32 {
    match by {
        ColourBy::EventType => event_colour(i.event_type),
        ColourBy::Perpetrator => {
            let name = i.perpetrator.as_deref().unwrap_or("");
            let h = name
                .bytes()
                .fold(7u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
            if name.is_empty() {
                Color32::GRAY
            } else {
                egui::ecolor::Hsva::new((h % 360) as f32 / 360.0, 0.75, 0.85, 1.0).into()
            }
        }
    }
}

pub fn event_colour(e: EventType) -> Color32 {
    match e {
        EventType::Battles => Color32::from_rgb(214, 39, 40),
        EventType::ViolenceAgainstCivilians => Color32::from_rgb(148, 52, 170),
        EventType::RemoteViolence => Color32::from_rgb(230, 140, 20),
        EventType::Riots => Color32::from_rgb(140, 86, 75),
        EventType::Protests => Color32::from_rgb(31, 119, 180),
        EventType::StrategicDevelopments => Color32::from_rgb(110, 110, 110),
    }
}

/// Largest marker radius: past it (about 220 deaths) a marker stops growing and shows its
/// toll as text, so one outlier cannot cover a region of the map.
pub const MAX_MARKER_RADIUS: f32 = 28.0;

/// Marker radius in points: area proportional to deaths, up to [`MAX_MARKER_RADIUS`].
pub fn marker_radius(deaths: u32) -> f32 {
    (4.0 + 1.6 * (deaths as f32).sqrt()).min(MAX_MARKER_RADIUS)
}

/// True when `deaths` is past the largest marker (its toll is written on it).
pub fn marker_capped(deaths: u32) -> bool {
    4.0 + 1.6 * (deaths as f32).sqrt() > MAX_MARKER_RADIUS
}

/// Draws the map with the basemap and incidents; handles hover, click and view requests.
pub fn map_panel(
    ui: &mut Ui,
    state: &mut AppState,
    memory: &mut MapMemory,
    base: &mut Basemap,
    tiles: Option<&mut dyn walkers::Tiles>,
) -> Rect {
    let tiled = tiles.is_some();
    let online = state.prefs.online_tiles && tiled;
    if let Some((lon, lat, zoom)) = state.pending_view.take() {
        memory.center_at(lon_lat(lon, lat));
        let _ = memory.set_zoom(zoom);
    }
    let lang = state.prefs.lang;
    let by_cercle = state.prefs.choropleth_cercles && base.has_cercles();
    let choropleth: Option<Vec<(String, u32)>> = (state.prefs.map_mode == MapMode::Choropleth)
        .then(|| {
            if by_cercle {
                state.charts.by_cercle.clone()
            } else {
                state
                    .charts
                    .by_region
                    .iter()
                    .map(|(r, s)| (r.clone(), s.total().best))
                    .collect()
            }
        });
    let choropleth_max = choropleth
        .as_ref()
        .map(|v| v.iter().map(|(_, d)| *d).max().unwrap_or(0));
    // Reference events (hollow) under our incidents.
    let reference = crate::ui::reference_layer::ReferencePlugin::of(state);
    let map =
        Map::new(tiles, memory, lon_lat(MALI_CENTER.0, MALI_CENTER.1)).with_plugin(BasemapPlugin {
            base,
            choropleth,
            by_cercle,
            tiled,
        });
    let map = match reference {
        Some(plugin) => map.with_plugin(plugin),
        None => map,
    };
    let map = map.with_plugin(IncidentsPlugin { state });
    let response = map.show(ui, |ui, response, projector, _| {
        overlays(ui, response, projector, lang, choropleth_max, online);
    });
    response.response.rect
}

struct BasemapPlugin<'a> {
    base: &'a mut Basemap,
    /// Deaths per region (or cercle) when the choropleth is on.
    choropleth: Option<Vec<(String, u32)>>,
    by_cercle: bool,
    /// A tile layer is under the plugins: draw only lines and labels, not fills.
    tiled: bool,
}

impl Plugin for BasemapPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &egui::Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let rect = response.rect;
        let painter = ui.painter().with_clip_rect(rect);
        let tiled = self.tiled;
        if !tiled {
            painter.rect_filled(
                rect,
                0.0,
                if ui.visuals().dark_mode {
                    Color32::from_rgb(24, 28, 34)
                } else {
                    Color32::from_rgb(205, 222, 235)
                },
            );
        }
        let ppp = ui.ctx().pixels_per_point();
        let (fills, lines) = self.base.shapes(projector, rect, ppp);
        // Tiles show land and water: then only the borders and rivers go on top.
        if !tiled {
            painter.extend(fills.iter().cloned());
        }
        painter.add(lines.clone());
        if let Some(values) = &self.choropleth {
            let fills = self
                .base
                .choropleth_shapes(projector, rect, values, self.by_cercle)
                .to_vec();
            painter.extend(fills);
        }
        // Town labels, best first, skipping any that would overlap one already placed.
        let zoom = projector.zoom();
        let font = egui::FontId::proportional(11.0);
        let text_color = ui.visuals().text_color();
        let mut placed: Vec<Rect> = Vec::new();
        for town in self.base.towns.iter().filter(|t| t.min_zoom <= zoom) {
            let p = projector.project(lon_lat(town.lon, town.lat)).to_pos2();
            if !rect.contains(p) {
                continue;
            }
            let galley = painter.layout_no_wrap(town.name.clone(), font.clone(), text_color);
            let r = Rect::from_min_size(p + Vec2::new(4.0, -6.0), galley.size()).expand(2.0);
            if placed.iter().any(|o| o.intersects(r)) {
                continue;
            }
            painter.circle_filled(p, 2.0, text_color);
            painter.galley(r.min + Vec2::splat(2.0), galley, text_color);
            placed.push(r);
            if placed.len() > 120 {
                break;
            }
        }
    }
}

struct IncidentsPlugin<'a> {
    state: &'a mut AppState,
}

impl Plugin for IncidentsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &egui::Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let state = self.state;
        let painter = ui.painter().with_clip_rect(response.rect);
        let zoom = projector.zoom();
        let by = state.prefs.colour_by;
        let rect = response.rect.expand(40.0);
        let heat = state.prefs.map_mode == MapMode::Heatmap;
        for c in state.clusters.at_zoom(zoom) {
            let p = projector.project(lon_lat(c.lon, c.lat)).to_pos2();
            if !rect.contains(p) {
                continue;
            }
            if heat {
                // Concentric translucent discs: overlapping ones add up like a heat layer;
                // weight = incidents + deaths.
                let w = (c.members.len() as f32 + c.deaths as f32).sqrt();
                let r = 14.0 + 6.0 * w;
                for (k, a) in [(1.0, 0.10), (0.7, 0.14), (0.45, 0.2), (0.25, 0.3)] {
                    painter.circle_filled(
                        p,
                        r * k,
                        Color32::from_rgba_unmultiplied(230, 60, 20, (a * 255.0) as u8),
                    );
                }
                continue;
            }
            if c.members.len() == 1 {
                let idx = c.members[0] as usize;
                let inc = &state.incidents[idx];
                let color = incident_colour(inc, by);
                let r = marker_radius(inc.deaths());
                let coarse = inc.location.is_some_and(|l| l.precision.is_area());
                if coarse {
                    // An area, not a pin: a translucent halo with a dashed rim.
                    let halo = r + 22.0;
                    painter.circle_filled(p, halo, color.gamma_multiply(0.18));
                    let dashes = Shape::dashed_line(
                        &circle_points(p, halo, 48),
                        Stroke::new(1.2, color),
                        5.0,
                        4.0,
                    );
                    painter.extend(dashes);
                }
                let highlighted = state.highlighted.binary_search(&idx).is_ok();
                let selected = state.selected == Some(idx);
                // A doubtful incident is drawn hollow: a thick ring in its colour.
                let doubtful = state.doubts.get(idx).is_some_and(|d| d.is_doubtful());
                let fill = if doubtful {
                    color.gamma_multiply(0.12)
                } else {
                    color.gamma_multiply(if coarse { 0.6 } else { 0.85 })
                };
                let stroke = if selected {
                    Stroke::new(3.0, Color32::YELLOW)
                } else if highlighted {
                    Stroke::new(3.0, Color32::WHITE)
                } else if doubtful {
                    Stroke::new(2.5, color)
                } else {
                    Stroke::new(1.0, Color32::BLACK)
                };
                painter.circle(p, r, fill, stroke);
                if doubtful && !selected && !highlighted {
                    painter.circle_stroke(p, r + 1.5, Stroke::new(0.8, Color32::BLACK));
                }
                if marker_capped(inc.deaths()) {
                    // The marker stopped growing: its toll is written on it.
                    painter.text(
                        p,
                        egui::Align2::CENTER_CENTER,
                        inc.deaths().to_string(),
                        egui::FontId::proportional(12.0),
                        if doubtful { color } else { Color32::WHITE },
                    );
                }
            } else {
                let r = marker_radius(c.deaths).max(11.0);
                let any_hl = !state.highlighted.is_empty()
                    && c.members
                        .iter()
                        .any(|m| state.highlighted.binary_search(&(*m as usize)).is_ok());
                painter.circle(
                    p,
                    r,
                    Color32::from_rgba_unmultiplied(60, 60, 70, 210),
                    Stroke::new(if any_hl { 3.0 } else { 1.5 }, Color32::WHITE),
                );
                painter.text(
                    p,
                    egui::Align2::CENTER_CENTER,
                    format!("{}: {}", c.members.len(), c.deaths),
                    egui::FontId::proportional(11.0),
                    Color32::WHITE,
                );
            }
        }
        // Hover and click: one R-tree query on the current level.
        let Some(pointer) = response.hover_pos() else {
            return;
        };
        let pos = projector.unproject(pointer.to_vec2());
        let picked = state
            .clusters
            .pick(zoom, pos.x(), pos.y(), 14.0)
            .map(|c| c.members.clone());
        if let Some(members) = picked {
            let lang = state.prefs.lang;
            let lines: Vec<String> = members
                .iter()
                .take(6)
                .map(|&m| tooltip_line(&state.incidents[m as usize], lang))
                .collect();
            let more = members.len().saturating_sub(6);
            response.clone().on_hover_ui_at_pointer(|ui| {
                for l in &lines {
                    ui.label(l);
                }
                if more > 0 {
                    ui.label(format!("… +{more}"));
                }
            });
            if response.clicked() {
                if members.len() == 1 {
                    state.select(Some(members[0] as usize));
                } else {
                    let c = state.clusters.pick(zoom, pos.x(), pos.y(), 14.0);
                    if let Some(c) = c {
                        state.pending_view = Some((c.lon, c.lat, (zoom + 2.0).min(14.0)));
                    }
                }
            }
        }
    }
}

fn circle_points(c: Pos2, r: f32, n: usize) -> Vec<Pos2> {
    (0..=n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            c + Vec2::new(a.cos(), a.sin()) * r
        })
        .collect()
}

/// One line per incident: date, place, toll low–high, actor, source.
pub fn tooltip_line(i: &Incident, lang: crate::ui::state::Lang) -> String {
    let date = crate::ui::format::incident_date(lang, i);
    let place = tooltip_place(i);
    let toll = i.fatalities.map_or(t(lang, "no_toll").to_string(), |f| {
        if f.low == f.high {
            format!("{} {}", f.best, t(lang, "dead"))
        } else {
            format!("{} {} ({}–{})", f.best, t(lang, "dead"), f.low, f.high)
        }
    });
    let actor = i
        .perpetrator
        .clone()
        .or(i.actors.first().cloned())
        .unwrap_or_default();
    format!(
        "{date} · {place} · {toll} · {actor} · {}",
        short_source(&i.article)
    )
}

/// The name of the place an incident's map point comes from, "—" when none.
pub fn tooltip_place(i: &Incident) -> &str {
    i.places
        .iter()
        .find(|p| p.lat.is_some() && i.location.is_some_and(|l| Some(l.lat) == p.lat))
        .map_or("—", |p| p.name.as_str())
}

fn short_source(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// Scale bar, cursor coordinates and attribution over the map.
fn overlays(
    ui: &mut Ui,
    response: &egui::Response,
    projector: &Projector,
    lang: crate::ui::state::Lang,
    choropleth_max: Option<u32>,
    online: bool,
) {
    let rect = response.rect;
    let painter = ui.painter().with_clip_rect(rect);
    let text_color = ui.visuals().text_color();
    let bg = ui.visuals().extreme_bg_color.gamma_multiply(0.85);
    // Scale bar: a round distance near 120 px.
    let center = projector.unproject(rect.center().to_vec2());
    let px_per_m = projector.scale_pixel_per_meter(center) as f64;
    if px_per_m > 0.0 {
        let target_m = 120.0 / px_per_m;
        let nice = nice_distance(target_m);
        let len = (nice * px_per_m) as f32;
        let origin = rect.left_bottom() + Vec2::new(12.0, -28.0);
        painter.rect_filled(
            Rect::from_min_size(origin - Vec2::new(6.0, 16.0), Vec2::new(len + 70.0, 24.0)),
            3.0,
            bg,
        );
        painter.line_segment(
            [origin, origin + Vec2::new(len, 0.0)],
            Stroke::new(2.0, text_color),
        );
        for x in [0.0, len] {
            painter.line_segment(
                [origin + Vec2::new(x, -5.0), origin + Vec2::new(x, 0.0)],
                Stroke::new(2.0, text_color),
            );
        }
        let label = if nice >= 1000.0 {
            format!("{} km", nice / 1000.0)
        } else {
            format!("{nice} m")
        };
        painter.text(
            origin + Vec2::new(len + 6.0, -2.0),
            egui::Align2::LEFT_BOTTOM,
            label,
            egui::FontId::proportional(11.0),
            text_color,
        );
    }
    if let Some(max) = choropleth_max {
        // Colour ramp legend, top right.
        let w = 160.0;
        let origin = rect.right_top() + Vec2::new(-w - 16.0, 12.0);
        painter.rect_filled(
            Rect::from_min_size(origin - Vec2::splat(6.0), Vec2::new(w + 12.0, 40.0)),
            3.0,
            bg,
        );
        for i in 0..32 {
            let x0 = origin.x + w * i as f32 / 32.0;
            painter.rect_filled(
                Rect::from_min_max(
                    egui::pos2(x0, origin.y),
                    egui::pos2(x0 + w / 32.0 + 0.5, origin.y + 10.0),
                ),
                0.0,
                ramp(i as f32 / 31.0),
            );
        }
        painter.text(
            origin + Vec2::new(0.0, 14.0),
            egui::Align2::LEFT_TOP,
            format!("0 – {max} {}", t(lang, "dead")),
            egui::FontId::proportional(11.0),
            text_color,
        );
    }
    let attribution = if online {
        format!(
            "{ATTRIBUTION} · © OpenStreetMap contributors · {}",
            t(lang, "online")
        )
    } else {
        format!("{ATTRIBUTION} · {}", t(lang, "offline"))
    };
    let galley = painter.layout_no_wrap(attribution, egui::FontId::proportional(10.0), text_color);
    let r = Rect::from_min_size(
        rect.right_bottom() - galley.size() - Vec2::new(8.0, 6.0),
        galley.size(),
    );
    painter.rect_filled(r.expand(3.0), 2.0, bg);
    painter.galley(r.min, galley, text_color);
    if let Some(p) = response.hover_pos() {
        let pos = projector.unproject(p.to_vec2());
        let s = format!("{:.4}°N  {:.4}°E", pos.y(), pos.x());
        let galley = painter.layout_no_wrap(s, egui::FontId::monospace(11.0), text_color);
        let r = Rect::from_min_size(rect.left_top() + Vec2::new(8.0, 8.0), galley.size());
        painter.rect_filled(r.expand(3.0), 2.0, bg);
        painter.galley(r.min, galley, text_color);
    }
}

fn nice_distance(m: f64) -> f64 {
    let exp = 10f64.powf(m.log10().floor());
    let f = m / exp;
    let n = if f < 2.0 {
        1.0
    } else if f < 5.0 {
        2.0
    } else {
        5.0
    };
    n * exp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_area_grows_with_deaths() {
        assert!(marker_radius(100) > marker_radius(10));
        assert_eq!(marker_radius(0), 4.0);
        // An outlier does not cover the map: its marker stops growing and says its toll.
        assert_eq!(marker_radius(2000), MAX_MARKER_RADIUS);
        assert!(marker_capped(2000) && !marker_capped(100));
    }

    #[test]
    fn nice_distances() {
        assert_eq!(nice_distance(130_000.0), 100_000.0);
        assert_eq!(nice_distance(260.0), 200.0);
        assert_eq!(nice_distance(7.0), 5.0);
    }
}
