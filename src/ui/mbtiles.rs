//! Raster tiles from a local MBTiles file (SQLite: `tiles(zoom_level, tile_column, tile_row,
//! tile_data)`, rows in TMS order) as a walkers tile layer. Offline by construction. Zoom
//! levels past the file's deepest reuse the deepest tile, magnified.

use std::collections::HashMap;
use std::path::Path;

use egui::{Context, Rect, pos2};
use walkers::sources::Attribution;
use walkers::{Style, Tile, TileId, TilePiece, Tiles};

pub struct MbTiles {
    conn: rusqlite::Connection,
    ctx: Context,
    max_zoom: u8,
    /// Decoded tiles by (zoom, x, y); `None` remembers a tile the file does not have.
    cache: HashMap<(u8, u32, u32), Option<Tile>>,
}

impl MbTiles {
    /// Opens the file read-only and checks it holds a `tiles` table.
    pub fn open(path: &Path, ctx: Context) -> Result<Self, String> {
        let conn = rusqlite::Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| format!("{}: {e}", path.display()))?;
        let max_zoom: Option<i64> = conn
            .query_row("SELECT max(zoom_level) FROM tiles", [], |r| r.get(0))
            .map_err(|e| format!("{}: not an MBTiles file ({e})", path.display()))?;
        Ok(MbTiles {
            conn,
            ctx,
            max_zoom: max_zoom.unwrap_or(0).clamp(0, 24) as u8,
            cache: HashMap::new(),
        })
    }

    fn tile(&mut self, zoom: u8, x: u32, y: u32) -> Option<Tile> {
        if let Some(t) = self.cache.get(&(zoom, x, y)) {
            return t.clone();
        }
        // MBTiles rows count from the south (TMS).
        let row = (1u32 << zoom).saturating_sub(1).saturating_sub(y);
        let data: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                rusqlite::params![zoom, x, row],
                |r| r.get(0),
            )
            .ok();
        let tile = data.and_then(|d| Tile::new(&d, &Style, zoom, 256, &self.ctx).ok());
        self.cache.insert((zoom, x, y), tile.clone());
        tile
    }
}

impl Tiles for MbTiles {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        // Past the deepest level: the ancestor tile, and the part of it this tile covers.
        let depth = id.zoom.saturating_sub(self.max_zoom);
        let zoom = id.zoom - depth;
        let (x, y) = (id.x >> depth, id.y >> depth);
        let tile = self.tile(zoom, x, y)?;
        let n = (1u32 << depth) as f32;
        let (ox, oy) = ((id.x % (1 << depth)) as f32, (id.y % (1 << depth)) as f32);
        let uv = Rect::from_min_max(pos2(ox / n, oy / n), pos2((ox + 1.0) / n, (oy + 1.0) / n));
        Some(TilePiece::new(tile, uv))
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "MBTiles (local file)",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG, built in the test.
    fn png() -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(1, 1, image::Rgba([200, 10, 10, 255]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn file(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("t.mbtiles");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);",
        )
        .unwrap();
        // Zoom 1, column 0, northern row (y = 0) is TMS row 1.
        conn.execute(
            "INSERT INTO tiles VALUES (1, 0, 1, ?1)",
            rusqlite::params![png()],
        )
        .unwrap();
        path
    }

    #[test]
    fn reads_tms_rows_and_magnifies_past_the_deepest_level() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = MbTiles::open(&file(dir.path()), Context::default()).unwrap();
        assert!(
            t.at(TileId {
                x: 0,
                y: 0,
                zoom: 1
            })
            .is_some()
        );
        assert!(
            t.at(TileId {
                x: 0,
                y: 1,
                zoom: 1
            })
            .is_none(),
            "southern tile absent"
        );
        let piece = t
            .at(TileId {
                x: 1,
                y: 1,
                zoom: 2,
            })
            .expect("magnified from zoom 1");
        assert_eq!(piece.uv, Rect::from_min_max(pos2(0.5, 0.5), pos2(1.0, 1.0)));
    }

    #[test]
    fn a_file_that_is_not_mbtiles_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.mbtiles");
        std::fs::write(&p, "pas une base").unwrap();
        assert!(MbTiles::open(&p, Context::default()).is_err());
    }
}
