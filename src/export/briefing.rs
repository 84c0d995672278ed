//! PNG encoding of a rendered briefing (the rendering itself is `ui::offscreen`'s: drawing
//! code stays in `ui`).

use std::io::Cursor;

/// PNG bytes of an image.
pub fn encode_png(img: &image::RgbaImage) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
