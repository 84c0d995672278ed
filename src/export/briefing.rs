//! The briefing PNG, rendered without a window or GPU: the app's briefing layout drawn into
//! an offscreen egui frame (egui_kittest's wgpu harness, which finds Mesa's software adapter),
//! then encoded as PNG.
//!
//! The map's layers are drawn synchronously from embedded data, so a few frames settle the
//! layout; online tiles would need waiting (not offered here: briefings are offline).

use std::io::Cursor;

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
    // Layout, view fit, then a settled frame.
    harness.run_steps(4);
    harness.render()
}

/// PNG bytes of an image.
pub fn encode_png(img: &image::RgbaImage) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
