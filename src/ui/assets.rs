//! Files from `assets/` the app embeds: the window icon.
//!
//! Not here: reference data (`data/`, see `crate::reference`) or drawing.

/// The window icon (`assets/icon.png`); an empty icon (the platform's default) if it ever
/// failed to decode, rather than no window.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    }
}
