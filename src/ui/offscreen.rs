//! The briefing image, rendered without a window or GPU: the app's briefing layout drawn into
//! an offscreen egui frame (egui_kittest's wgpu harness, which finds Mesa's software adapter).
//! The one headless renderer: the app's export button and the CLI's `render` both call it.
//! Not here: encoding and writing the file (`export`).
//!
//! The map's layers are drawn synchronously from embedded data, so a few frames settle the
//! layout; online tiles would need waiting (not offered here: briefings are offline).

use crate::analysis::Filter;
use crate::ui::MaliAtlasApp;
use crate::ui::briefing::BriefingOptions;
use crate::ui::map::Town;
use crate::ui::state::AppState;

/// Renders the briefing of `state`'s incidents under `filter` to an RGBA image of
/// `width`×`height`, with `towns` as labels.
pub fn render(
    state: AppState,
    towns: Vec<Town>,
    filter: Filter,
    opts: &BriefingOptions,
    width: u32,
    height: u32,
) -> Result<image::RgbaImage, String> {
    render_with_view(state, towns, filter, opts, width, height).map(|(image, _)| image)
}

/// Where the briefing's map sits in the image, to locate places on it.
#[derive(Debug, Clone, Copy)]
pub struct MapView {
    pub rect: egui::Rect,
    pub center: (f64, f64),
    pub zoom: f64,
}

impl MapView {
    /// The pixel where (lon, lat) is drawn (Web Mercator, 256-pixel tiles, as the map).
    pub fn pixel(&self, lon: f64, lat: f64) -> egui::Pos2 {
        use crate::analysis::cluster::world_px;
        let [x, y] = world_px(lon, lat, self.zoom);
        let [cx, cy] = world_px(self.center.0, self.center.1, self.zoom);
        self.rect.center() + egui::vec2((x - cx) as f32, (y - cy) as f32)
    }
}

/// [`render`], also telling where the map is in the image.
pub fn render_with_view(
    state: AppState,
    towns: Vec<Town>,
    filter: Filter,
    opts: &BriefingOptions,
    width: u32,
    height: u32,
) -> Result<(image::RgbaImage, MapView), String> {
    let mut app = MaliAtlasApp::with_state_and_towns(state, towns);
    app.state.set_filter(filter);
    let opts = opts.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(width as f32, height as f32))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(
            move |ui, app: &mut MaliAtlasApp| app.show_briefing(ui, &opts),
            app,
        );
    harness.run_steps(4);
    let image = harness.render()?;
    let (rect, center, zoom) = harness.state().map_view();
    Ok((image, MapView { rect, center, zoom }))
}
