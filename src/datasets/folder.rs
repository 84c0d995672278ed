//! The per-user data folder: where installed data (the GeoNames cache, the cercles, map tiles)
//! and default workspaces live.
//!
//! Not here: what goes in it (see [`super::geonames`], [`super::boundaries`]), nor any
//! creation of it (installers create it when they first write).

use std::path::PathBuf;

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MALI_ATLAS_DATA_DIR";

/// Where installed data lives: `$MALI_ATLAS_DATA_DIR` if set and not empty, else the
/// platform's data directory for mali-atlas (e.g. `~/.local/share/mali-atlas` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "mali-atlas", "mali-atlas")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_env_override() {
        // Only checks the platform default is computable; the override is a plain env read
        // (setting env vars in tests races with other threads, so it is not exercised here).
        if std::env::var_os(DATA_DIR_ENV).is_none() {
            let dir = data_dir();
            assert!(
                dir.as_ref()
                    .is_none_or(|d| d.to_string_lossy().contains("mali-atlas")),
                "{dir:?}"
            );
        }
    }
}
