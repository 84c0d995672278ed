//! geoBoundaries' ADM2 layer of Mali (the cercles) as a file: where it is found (a GeoJSON
//! file, or a folder holding [`FILE_NAME`]) and installing it into the data folder, where it
//! then takes precedence over the copy embedded in the program.
//!
//! Not here: reading the polygons or looking points up (`reference::cercles`, whose reader the
//! caller hands to [`install`] as a check, so nothing here depends on it).

use std::path::{Path, PathBuf};

use super::DatasetError;

/// Name of the geoBoundaries ADM2 file, in the mirror and once installed.
pub const FILE_NAME: &str = "geoBoundaries-MLI-ADM2.geojson";

/// A file with fewer cercles than this is not Mali's ADM2 layer (the
/// geoBoundaries release has 50 units); installing it is refused.
pub const MIN_INSTALL_CERCLES: usize = 40;

/// The GeoJSON file `path` designates (itself, or [`FILE_NAME`] inside a folder) and its text.
pub fn read_source(path: &Path) -> Result<(PathBuf, String), DatasetError> {
    let file = if path.is_dir() {
        path.join(FILE_NAME)
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file).map_err(|source| DatasetError::Io {
        path: file.clone(),
        source,
    })?;
    Ok((file, text))
}

/// Copies the ADM2 GeoJSON from `from` (the file, or a folder holding [`FILE_NAME`]) into
/// `dir` as [`FILE_NAME`], after `count` (the cercles' reader: how many cercles the text
/// holds, or why it is not a cercles layer) has accepted it with at least
/// [`MIN_INSTALL_CERCLES`]; returns how many it has. The copy goes through a temporary file
/// renamed into place, so a refused or failed install leaves an existing file untouched.
pub fn install(
    from: &Path,
    dir: &Path,
    count: &dyn Fn(&str) -> Result<usize, String>,
) -> Result<usize, DatasetError> {
    let (file, text) = read_source(from)?;
    let found = count(&text).map_err(|reason| DatasetError::Invalid {
        path: file.clone(),
        reason,
    })?;
    if found < MIN_INSTALL_CERCLES {
        return Err(DatasetError::TooFewCercles {
            path: file,
            found,
            minimum: MIN_INSTALL_CERCLES,
        });
    }
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DatasetError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(write_error(dir))?;
    let target = dir.join(FILE_NAME);
    // The checked text is written (not the file copied again), so what is installed is
    // exactly what was checked.
    super::write_atomically(&target, |w| w.write_all(text.as_bytes()))
        .map_err(write_error(&target))?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in reader: one cercle per line that says "cercle".
    fn count(text: &str) -> Result<usize, String> {
        if text.starts_with('<') {
            return Err("cercles GeoJSON: expected value at line 1 column 1".into());
        }
        Ok(text.lines().filter(|l| l.contains("cercle")).count())
    }

    #[test]
    fn install_checks_then_copies_from_a_file_or_a_folder() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("nested").join("data");
        let source = work.path().join("src");
        std::fs::create_dir_all(&source).unwrap();
        let good = "cercle\n".repeat(45);
        std::fs::write(source.join(FILE_NAME), &good).unwrap();
        assert_eq!(install(&source, &dir, &count).unwrap(), 45);
        assert_eq!(install(&source.join(FILE_NAME), &dir, &count).unwrap(), 45);
        assert_eq!(std::fs::read_to_string(dir.join(FILE_NAME)).unwrap(), good);

        let garbage = work.path().join("garbage.geojson");
        std::fs::write(&garbage, "<html>404 Not Found</html>").unwrap();
        let err = install(&garbage, &dir, &count).unwrap_err();
        assert!(matches!(err, DatasetError::Invalid { .. }), "{err}");
        assert!(
            err.to_string().starts_with(&garbage.display().to_string()),
            "{err}"
        );

        let few = work.path().join("few.geojson");
        std::fs::write(&few, "cercle\n".repeat(3)).unwrap();
        let err = install(&few, &dir, &count).unwrap_err();
        assert!(
            matches!(
                err,
                DatasetError::TooFewCercles {
                    found: 3,
                    minimum: 40,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("few.geojson"), "{err}");

        let binary = work.path().join("binary.geojson");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x7b]).unwrap();
        assert!(matches!(
            install(&binary, &dir, &count),
            Err(DatasetError::Io { .. })
        ));
        let missing = install(&work.path().join("missing"), &dir, &count).unwrap_err();
        assert!(missing.to_string().contains("missing"), "{missing}");
        // A folder without the file is an error naming the file looked for.
        let empty = install(work.path(), &dir, &count).unwrap_err();
        assert!(empty.to_string().contains(FILE_NAME), "{empty}");

        assert_eq!(std::fs::read_to_string(dir.join(FILE_NAME)).unwrap(), good);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temp files");
    }
}
