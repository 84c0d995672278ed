//! Which gazetteer and cercles a run uses: the file given with `--gazetteer` (a GeoNames dump,
//! a cache or a pack), else the gazetteer installed in the data folder, else the snapshot
//! embedded in the program, else the small list of towns; and how `data status` and the app
//! name what is in use.
//!
//! Not here: the data folder, downloading and installing (`crate::datasets`), nor parsing
//! GeoNames rows or the cache format (see [`super::gazetteer`]).

use super::gazetteer::{Gazetteer, GazetteerError, GazetteerSource};
use crate::datasets::geonames::{CACHE_FILE, InstallStatus, MIN_PLACES, status};
use std::path::{Path, PathBuf};

/// The installed gazetteer if present and valid, else the snapshot embedded in the program
/// (else, should that be damaged, the small list of towns, with an error logged).
/// `dir` is the data directory (usually `data_dir().as_deref()`); `None` means there is none.
pub fn load_installed_or_embedded(dir: Option<&Path>) -> Gazetteer {
    dir.and_then(load_installed)
        .or_else(|| {
            Gazetteer::embedded()
                .inspect_err(|e| tracing::error!("{e}; using the small list of towns"))
                .ok()
        })
        .unwrap_or_else(Gazetteer::fallback)
}

/// The installed gazetteer in `dir`, if its cache reads and is a full export.
fn load_installed(dir: &Path) -> Option<Gazetteer> {
    Gazetteer::read_cache(&dir.join(CACHE_FILE))
        .ok()
        .filter(|g| g.source() == GazetteerSource::Full && g.places().len() >= MIN_PLACES)
}

/// Where a run's gazetteer came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A file or folder given with `--gazetteer`; `pack` when it was a pack, whose cercles
    /// the run uses too.
    Given { path: PathBuf, pack: bool },
    /// Installed by `data install` in this data folder.
    Installed(PathBuf),
    /// The snapshot embedded in the program.
    Embedded,
    /// The small list of towns, because the embedded snapshot did not load (why).
    Fallback { reason: String },
}

/// "the snapshot embedded in the program", "/path/ML.zip", …: what a warning names.
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Given { path, pack: true } => write!(f, "the pack {}", path.display()),
            Origin::Given { path, pack: false } => write!(f, "{}", path.display()),
            Origin::Installed(dir) => write!(f, "the gazetteer installed in {}", dir.display()),
            Origin::Embedded => f.write_str("the snapshot embedded in the program"),
            Origin::Fallback { reason } => {
                write!(f, "the small list of towns built in ({reason})")
            }
        }
    }
}

/// The gazetteer and cercles of a run, and where the gazetteer came from.
#[derive(Debug)]
pub struct Loaded {
    pub gazetteer: Gazetteer,
    pub cercles: Option<crate::reference::cercles::Cercles>,
    pub origin: Origin,
}

impl Loaded {
    /// The geocoder over this gazetteer and these cercles.
    pub fn into_geocoder(self) -> super::Geocoder {
        let geocoder = super::Geocoder::new(self.gazetteer);
        match self.cercles {
            Some(c) => geocoder.with_cercles(c),
            None => geocoder,
        }
    }
}

/// The gazetteer of a run: the file `explicit` names (`--gazetteer`: `ML.txt`, `ML.zip`, a
/// cache, a pack or a folder holding one), else the one installed in `dir`, else the embedded
/// snapshot, else the small list of towns; the cercles of the pack, else the installed ones,
/// else the embedded ones. A file that does not read is an error, never a silent fallback.
///
/// A GeoNames dump given as a file gets the neighbours' towns an install adds, so that the
/// same dump resolves the same whether installed here or shipped to a worker.
pub fn load(explicit: Option<&Path>, dir: Option<&Path>) -> Result<Loaded, GazetteerError> {
    let (gazetteer, pack_cercles, origin) = match explicit {
        Some(path) => match super::pack::read(path)? {
            Some(pack) => (
                pack.gazetteer,
                pack.cercles,
                Origin::Given {
                    path: path.to_path_buf(),
                    pack: true,
                },
            ),
            None => {
                let gazetteer = Gazetteer::from_path(path)?;
                let has_neighbours = gazetteer.places().iter().any(|p| p.country != "ML");
                let gazetteer = if gazetteer.source() == GazetteerSource::Full && !has_neighbours {
                    gazetteer.with_neighbours()
                } else {
                    gazetteer
                };
                let origin = Origin::Given {
                    path: path.to_path_buf(),
                    pack: false,
                };
                (gazetteer, None, origin)
            }
        },
        None => match dir.and_then(|d| load_installed(d).map(|g| (g, d))) {
            Some((gazetteer, dir)) => (gazetteer, None, Origin::Installed(dir.to_path_buf())),
            None => match Gazetteer::embedded() {
                Ok(gazetteer) => (gazetteer, None, Origin::Embedded),
                Err(e) => (
                    Gazetteer::fallback(),
                    None,
                    Origin::Fallback {
                        reason: e.to_string(),
                    },
                ),
            },
        },
    };
    let cercles =
        pack_cercles.or_else(|| crate::reference::cercles::load_installed_or_embedded(dir));
    Ok(Loaded {
        gazetteer,
        cercles,
        origin,
    })
}

/// The one line a batch run prints on stderr when it resolves places with less than the full
/// gazetteer (`stamp` not `full:…`): what it uses and how to give it the full one. `None`
/// with the full gazetteer.
pub fn shortfall_warning(
    origin: &Origin,
    stamp: &crate::incident::GazetteerStamp,
    mali_places: usize,
) -> Option<String> {
    use crate::incident::GazetteerStamp;
    let what = match stamp {
        GazetteerStamp::Full { .. } => return None,
        GazetteerStamp::Partial { .. } => format!(
            "{origin} has {mali_places} places of Mali, fewer than a full GeoNames export \
             ({MIN_PLACES} or more)"
        ),
        GazetteerStamp::Fallback => format!(
            "resolving places with the {mali_places} towns of the fallback list ({origin}), \
             not the full GeoNames gazetteer of Mali"
        ),
    };
    Some(format!(
        "warning: gazetteer {stamp}: {what}; pass the full one with --gazetteer \
         (ML.zip, ML.txt, or a pack from `mali-atlas data export-pack`), or --fallback-ok to \
         accept this"
    ))
}

/// The cercles GeoJSON a run with `origin` uses, as text (what `data export-pack` packs): the
/// pack's, else the installed file in `dir`, else the embedded one.
pub fn cercles_geojson(origin: &Origin, dir: Option<&Path>) -> Option<String> {
    use crate::reference::cercles;
    if let Origin::Given { path, pack: true } = origin {
        return super::pack::cercles_geojson(path).ok().flatten();
    }
    dir.filter(|d| cercles::load_installed(d).is_some())
        .and_then(|d| std::fs::read_to_string(d.join(crate::datasets::boundaries::FILE_NAME)).ok())
        .or_else(|| crate::reference::snapshot::cercles_geojson().ok())
}

/// Which gazetteer the program reads, as `data status` and the app name it.
#[derive(Debug, Clone, PartialEq)]
pub enum InUse {
    /// Installed by `data install`.
    Installed(InstallStatus),
    /// The snapshot embedded in the program.
    Embedded {
        /// Date of the GeoNames export (`YYYY-MM-DD`).
        export_date: &'static str,
        /// Places of Mali in it (the neighbours' towns not counted).
        places: usize,
    },
}

impl InUse {
    /// The embedded snapshot, as its metadata describes it.
    pub fn embedded() -> Self {
        let snapshot = &crate::reference::snapshot::snapshot().gazetteer;
        InUse::Embedded {
            export_date: &snapshot.export_date,
            places: snapshot.counts.mali_rows,
        }
    }
}

/// "installed (DATE)" or "embedded (GeoNames export of DATE)".
impl std::fmt::Display for InUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InUse::Installed(status) => write!(f, "installed ({})", status.installed_at),
            InUse::Embedded { export_date, .. } => {
                write!(f, "embedded (GeoNames export of {export_date})")
            }
        }
    }
}

/// What [`load_installed_or_embedded`] picks with data directory `dir`: the installed
/// gazetteer only if its cache reads, as loading requires.
pub fn in_use(dir: Option<&Path>) -> InUse {
    dir.and_then(|dir| status(dir).filter(|_| load_installed(dir).is_some()))
        .map_or_else(InUse::embedded, InUse::Installed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::DatasetError;
    use crate::datasets::download::test_server::{Serve, assert_progress_ends_at, start_server};
    use crate::datasets::download::{PARTIAL_DOWNLOAD_FILE, Progress};
    use crate::datasets::geonames::{ATTRIBUTION, STATUS_FILE, download_and_install, install_from};
    use std::io::Write;

    fn install(path: &Path, dir: &Path) -> Result<InstallStatus, DatasetError> {
        install_from(path, dir, &super::super::gazetteer::index_export)
    }

    fn download(
        url: &str,
        dir: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<InstallStatus, DatasetError> {
        download_and_install(url, dir, &super::super::gazetteer::index_export, progress)
    }

    #[test]
    fn a_run_picks_the_given_file_then_the_install_then_the_snapshot() {
        use crate::incident::GazetteerStamp;
        let dir = tempfile::tempdir().unwrap();
        let embedded = load(None, Some(dir.path())).unwrap();
        assert_eq!(embedded.origin, Origin::Embedded);
        assert!(embedded.gazetteer.stamp().is_full());
        assert_eq!(embedded.cercles.as_ref().map(|c| c.len()), Some(50));
        // A pack of the small list, without cercles: both come from the pack's side (the
        // cercles, absent from it, from the embedded ones).
        let pack = dir.path().join("small.pack");
        super::super::pack::write(&pack, &Gazetteer::fallback(), None, "test").unwrap();
        let given = load(Some(&pack), Some(dir.path())).unwrap();
        assert_eq!(
            given.origin,
            Origin::Given {
                path: pack.clone(),
                pack: true
            }
        );
        assert_eq!(given.gazetteer.stamp(), GazetteerStamp::Fallback);
        assert_eq!(given.cercles.as_ref().map(|c| c.len()), Some(50));
        let warning = shortfall_warning(&given.origin, &given.gazetteer.stamp(), 94).unwrap();
        assert!(
            warning.starts_with("warning: gazetteer fallback: ") && !warning.contains('\n'),
            "{warning}"
        );
        assert!(
            shortfall_warning(&Origin::Embedded, &embedded.gazetteer.stamp(), 18_263).is_none()
        );
        // A file that does not read is an error, not a quiet fallback.
        assert!(load(Some(&dir.path().join("missing.zip")), None).is_err());
    }

    #[test]
    fn the_stamp_names_the_places_not_the_file_they_came_from() {
        use crate::incident::GazetteerStamp;
        let dir = tempfile::tempdir().unwrap();
        let rows = "1\tGao\tGao\t\t16.27\t-0.04\tP\tPPLA\tML\t\t09\t\t\t\t87000\t\t260\tAfrica/Bamako\t2020-01-01\n";
        let txt = Gazetteer::from_geonames(rows.as_bytes()).unwrap();
        let cache = dir.path().join("c.gazetteer");
        txt.write_cache(&cache).unwrap();
        let cached = Gazetteer::from_path(&cache).unwrap();
        assert_eq!(cached.stamp(), txt.stamp());
        assert!(matches!(txt.stamp(), GazetteerStamp::Partial { .. }));
        // One more place, or one field changed, is another stamp.
        let other = rows.replace("87000", "87001");
        let other = Gazetteer::from_geonames(other.as_bytes()).unwrap();
        assert_ne!(other.stamp(), txt.stamp());
    }

    #[test]
    fn nothing_installed_gives_the_embedded_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(status(dir.path()), None);
        let g = load_installed_or_embedded(Some(dir.path()));
        assert_eq!(g.source(), GazetteerSource::Embedded);
        assert!(
            g.best("diallassagou").is_some(),
            "a village, not only towns"
        );
        assert_eq!(
            load_installed_or_embedded(None).source(),
            GazetteerSource::Embedded
        );
        assert_eq!(in_use(Some(dir.path())), InUse::embedded());
        assert_eq!(in_use(None), InUse::embedded());
        let InUse::Embedded {
            export_date,
            places,
        } = InUse::embedded()
        else {
            unreachable!()
        };
        assert_eq!(export_date, "2023-10-22");
        assert!(places > 15_000);
        assert_eq!(
            InUse::embedded().to_string(),
            "embedded (GeoNames export of 2023-10-22)"
        );
        // A damaged cache with its status file: still the snapshot, and said so.
        std::fs::write(dir.path().join(CACHE_FILE), b"garbage").unwrap();
        std::fs::write(
            dir.path().join(STATUS_FILE),
            r#"{"source":"ML.zip","installed_at":"2026-11-30T12:00:00Z","places":20000,"keys":30000}"#,
        )
        .unwrap();
        assert!(status(dir.path()).is_some());
        let g = load_installed_or_embedded(Some(dir.path()));
        assert_eq!(g.source(), GazetteerSource::Embedded);
        assert_eq!(in_use(Some(dir.path())), InUse::embedded());
    }

    #[test]
    fn too_small_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("ML.txt");
        std::fs::write(
            &input,
            "1\tGao\tGao\t\t16.27\t-0.04\tP\tPPLA\tML\t\t09\t\t\t\t87000\t\t260\tAfrica/Bamako\t2020-01-01\n",
        )
        .unwrap();
        let err = install(&input, &dir.path().join("data")).unwrap_err();
        assert!(
            matches!(err, DatasetError::TooFewPlaces { places: 1, .. }),
            "{err}"
        );
        assert!(!dir.path().join("data").exists());
    }

    #[test]
    #[ignore = "needs ../shared data mirror"]
    fn install_then_corrupt_zip_keeps_the_previous_cache() {
        let ml_txt = crate::test_mirror::geonames_ml_txt();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let installed = install(&ml_txt, &data).unwrap();
        assert!(installed.places > 15_000);
        assert_eq!(installed.attribution, ATTRIBUTION);
        assert_eq!(status(&data).as_ref(), Some(&installed));
        let cache_before = std::fs::read(data.join(CACHE_FILE)).unwrap();

        let bad_zip = dir.path().join("ML.zip");
        std::fs::write(&bad_zip, b"PK\x03\x04 truncated download").unwrap();
        assert!(matches!(
            install(&bad_zip, &data),
            Err(DatasetError::Zip { .. })
        ));
        assert!(install(&dir.path().join("nowhere"), &data).is_err());
        assert_eq!(std::fs::read(data.join(CACHE_FILE)).unwrap(), cache_before);
        assert_eq!(status(&data), Some(installed.clone()));

        let g = load_installed_or_embedded(Some(&data));
        assert_eq!(g.source(), GazetteerSource::Full);
        assert!(g.best("tombouctou").is_some());
        match in_use(Some(&data)) {
            InUse::Installed(s) => {
                assert_eq!(s, installed);
                assert!(
                    InUse::Installed(s.clone())
                        .to_string()
                        .starts_with("installed (20")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    /// A GeoNames-format export of `rows` made-up villages inside Mali, zipped like ML.zip.
    fn synthetic_ml_zip(rows: usize) -> Vec<u8> {
        use std::fmt::Write as _;
        let mut text = String::new();
        for i in 0..rows {
            let lat = 11.0 + (i % 100) as f64 * 0.08;
            let lon = -11.0 + (i / 100) as f64 * 0.7;
            writeln!(
                text,
                "{id}\tVillage {i:04}\tVillage {i:04}\t\t{lat:.5}\t{lon:.5}\tP\tPPL\tML\t\t{admin1}\t\t\t\t{pop}\t\t300\tAfrica/Bamako\t2024-01-01",
                id = 9_900_000 + i,
                admin1 = ["03", "04", "05"][i % 3],
                pop = 100 + i,
            )
            .unwrap();
        }
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("ML.txt", options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
        zip.start_file("readme.txt", options).unwrap();
        zip.write_all(b"synthetic test data\n").unwrap();
        zip.finish().unwrap().into_inner()
    }

    /// Towns outside Mali in the small list, added to every installed export.
    fn neighbour_count() -> usize {
        crate::reference::fallback_places()
            .iter()
            .filter(|p| p.country != "ML")
            .count()
    }

    #[test]
    fn download_installs_and_reports_progress() {
        let zip = synthetic_ml_zip(1200);
        let server = start_server(zip.clone(), Serve::Normal, 1);
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        // A leftover without its meta file is not resumed (it could be any version).
        std::fs::write(data.join(PARTIAL_DOWNLOAD_FILE), b"stale bytes").unwrap();
        let mut calls = Vec::new();
        let installed = download(&server.url, &data, &mut |p| calls.push(p)).unwrap();
        assert_eq!(installed.places, 1200);
        assert_eq!(installed.source, server.url);
        assert_eq!(status(&data), Some(installed));
        assert_progress_ends_at(&calls, zip.len());
        assert_eq!(server.headers("range"), vec![None]);
        assert!(!data.join(PARTIAL_DOWNLOAD_FILE).exists());
        assert_eq!(
            std::fs::read_dir(&data).unwrap().count(),
            2,
            "the cache and the status only"
        );
        let g = load_installed_or_embedded(Some(&data));
        assert_eq!(g.source(), GazetteerSource::Full);
        assert!(g.best("village 0042").is_some());
        // The neighbours' towns come with an installed export, as with the snapshot.
        assert_eq!(g.places().len(), 1200 + neighbour_count());
        let bassikounou = g.best("bassikounou").expect("neighbour town");
        assert_eq!(g.place(bassikounou).country, "MR");
    }

    #[test]
    fn corrupt_download_keeps_the_installed_cache() {
        let zip = synthetic_ml_zip(1100);
        let dir = tempfile::tempdir().unwrap();
        let good = start_server(zip.clone(), Serve::Normal, 1);
        let installed = download(&good.url, dir.path(), &mut |_| {}).unwrap();
        let cache_before = std::fs::read(dir.path().join(CACHE_FILE)).unwrap();

        // A truncated archive served as if complete (no central directory).
        let corrupt = start_server(zip[..zip.len() / 2].to_vec(), Serve::Normal, 1);
        let err = download(&corrupt.url, dir.path(), &mut |_| {}).unwrap_err();
        match &err {
            DatasetError::Downloaded { url, source } => {
                assert_eq!(url, &corrupt.url);
                assert!(matches!(**source, DatasetError::Zip { .. }), "{source}");
            }
            other => panic!("unexpected error: {other}"),
        }
        assert!(err.to_string().contains(&corrupt.url), "{err}");
        assert_eq!(
            std::fs::read(dir.path().join(CACHE_FILE)).unwrap(),
            cache_before
        );
        assert_eq!(status(dir.path()), Some(installed));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
