//! The gazetteer pack: one file carrying the gazetteer a run uses and its cercle polygons, for
//! the machines that must resolve places exactly as this one does (Spark executors reached
//! with `spark-submit --files`, nodes reading shared storage). `--gazetteer PACK` reads it.
//!
//! A pack is a zip archive holding [`MANIFEST_FILE`] (what it holds, with the gazetteer's
//! stamp), the gazetteer in the installed-cache format ([`crate::datasets::geonames::CACHE_FILE`]) and,
//! when the run had them, the cercles as GeoJSON ([`crate::datasets::boundaries::FILE_NAME`]).
//!
//! Not here: choosing which gazetteer a run uses ([`super::load::load`]), nor the cache
//! format itself ([`super::gazetteer`]).

use std::io::{Read, Seek, Write};
use std::path::Path;

use super::gazetteer::{ATTRIBUTION, Gazetteer, GazetteerError};
use crate::datasets::boundaries::FILE_NAME as CERCLES_FILE;
use crate::datasets::geonames::CACHE_FILE;
use crate::datasets::{DatasetError, open_zip};
use crate::incident::GazetteerStamp;
use crate::reference::cercles::{self, Cercles};

/// What a pack holds, as `pack.json` inside it.
pub const MANIFEST_FILE: &str = "pack.json";
/// Version of the pack layout.
pub const FORMAT: u32 = 1;
/// Upper bound on an entry read from a pack, against decompression bombs (the full gazetteer's
/// cache is a few MB).
const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;
/// Zip files start with a local file header.
const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// `pack.json`: enough to know what a pack is without loading it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The stamp incidents resolved with this pack carry.
    pub gazetteer: GazetteerStamp,
    /// Places of Mali, and all places (the neighbours' towns included).
    pub mali_places: usize,
    pub places: usize,
    /// Cercle polygons in the pack, if it has them.
    pub cercles: Option<usize>,
    /// Where the gazetteer came from on the machine that wrote the pack.
    pub source: String,
    /// RFC 3339 time of writing.
    pub created_at: String,
    pub attribution: Vec<String>,
}

/// Writes a pack of `gazetteer` and `cercles_geojson` to `out`, whole or not at all (a
/// temporary file beside it is renamed over it). `source` says where the gazetteer came from.
pub fn write(
    out: &Path,
    gazetteer: &Gazetteer,
    cercles_geojson: Option<&str>,
    source: &str,
) -> Result<Manifest, GazetteerError> {
    let cercle_count = cercles_geojson
        .map(|text| Cercles::from_geojson(text).map(|c| c.len()))
        .transpose()
        .map_err(|e| GazetteerError::Pack {
            path: out.to_path_buf(),
            reason: format!("the cercles to pack do not parse: {e}"),
        })?;
    let mut attribution = vec![ATTRIBUTION.to_string()];
    if cercle_count.is_some() {
        attribution.push(cercles::ATTRIBUTION.to_string());
    }
    let manifest = Manifest {
        format: FORMAT,
        gazetteer: gazetteer.stamp(),
        mali_places: gazetteer.mali_places(),
        places: gazetteer.places().len(),
        cercles: cercle_count,
        source: source.to_string(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        attribution,
    };
    let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(|e| DatasetError::Json {
        path: out.to_path_buf(),
        source: e,
    })?;
    // The zip is built in memory (a pack is a few MB), then written whole or not at all.
    let zipped = (|| -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(MANIFEST_FILE, options)?;
        zip.write_all(&manifest_json)?;
        zip.start_file(CACHE_FILE, options)?;
        zip.write_all(&gazetteer.cache_bytes())?;
        if let Some(text) = cercles_geojson {
            zip.start_file(CERCLES_FILE, options)?;
            zip.write_all(text.as_bytes())?;
        }
        Ok(zip.finish()?.into_inner())
    })()
    .map_err(|e| DatasetError::Write {
        path: out.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    crate::datasets::write_atomically(out, |w| w.write_all(&zipped)).map_err(|source| {
        DatasetError::Write {
            path: out.to_path_buf(),
            source,
        }
    })?;
    Ok(manifest)
}

/// True when `path` is a file that starts like a zip archive (a pack or GeoNames' ML.zip).
pub(super) fn looks_like_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| &magic == ZIP_MAGIC)
}

/// The manifest, gazetteer and cercles of the pack at `path`; `Ok(None)` when `path` is not
/// a pack (not a zip, or a zip without [`MANIFEST_FILE`], such as GeoNames' ML.zip).
pub fn read(path: &Path) -> Result<Option<Pack>, GazetteerError> {
    if !path.is_file() || !looks_like_zip(path) {
        return Ok(None);
    }
    let mut archive = open_zip(path)?;
    if archive.index_for_name(MANIFEST_FILE).is_none() {
        return Ok(None);
    }
    let pack_error = |reason: String| GazetteerError::Pack {
        path: path.to_path_buf(),
        reason,
    };
    let manifest: Manifest = serde_json::from_slice(&entry(&mut archive, path, MANIFEST_FILE)?)
        .map_err(|e| DatasetError::Json {
            path: path.join(MANIFEST_FILE),
            source: e,
        })?;
    if manifest.format != FORMAT {
        return Err(pack_error(format!(
            "pack format {}, this program reads format {FORMAT}",
            manifest.format
        )));
    }
    let gazetteer = cache_in(&mut archive, path)?
        .ok_or_else(|| pack_error(format!("no {CACHE_FILE} inside")))?;
    if gazetteer.stamp() != manifest.gazetteer {
        return Err(pack_error(format!(
            "the gazetteer inside is {}, the manifest says {}",
            gazetteer.stamp(),
            manifest.gazetteer
        )));
    }
    let cercles = if archive.index_for_name(CERCLES_FILE).is_some() {
        let bytes = entry(&mut archive, path, CERCLES_FILE)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| pack_error(format!("{} is not UTF-8", CERCLES_FILE)))?;
        Some(
            Cercles::from_geojson(&text)
                .map_err(|e| pack_error(format!("{}: {e}", CERCLES_FILE)))?,
        )
    } else {
        None
    };
    Ok(Some(Pack {
        manifest,
        gazetteer,
        cercles,
    }))
}

/// The cercles GeoJSON inside the pack at `path`, if it is a pack holding one.
pub fn cercles_geojson(path: &Path) -> Result<Option<String>, GazetteerError> {
    if !path.is_file() || !looks_like_zip(path) {
        return Ok(None);
    }
    let mut archive = open_zip(path)?;
    if archive.index_for_name(MANIFEST_FILE).is_none()
        || archive.index_for_name(CERCLES_FILE).is_none()
    {
        return Ok(None);
    }
    let bytes = entry(&mut archive, path, CERCLES_FILE)?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| GazetteerError::Pack {
            path: path.to_path_buf(),
            reason: format!("{} is not UTF-8", CERCLES_FILE),
        })
}

/// A pack, read.
#[derive(Debug)]
pub struct Pack {
    pub manifest: Manifest,
    pub gazetteer: Gazetteer,
    pub cercles: Option<Cercles>,
}

/// The gazetteer cache inside an open zip archive, if it has one (a pack does; GeoNames'
/// ML.zip does not).
pub(super) fn cache_in<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    path: &Path,
) -> Result<Option<Gazetteer>, GazetteerError> {
    if archive.index_for_name(CACHE_FILE).is_none() {
        return Ok(None);
    }
    let bytes = entry(archive, path, CACHE_FILE)?;
    Gazetteer::from_cache_bytes(&bytes, &path.join(CACHE_FILE)).map(Some)
}

fn entry<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    path: &Path,
    name: &str,
) -> Result<Vec<u8>, GazetteerError> {
    let zip_error = |reason: String| DatasetError::Zip {
        path: path.to_path_buf(),
        reason,
    };
    let file = archive
        .by_name(name)
        .map_err(|e| zip_error(format!("{name}: {e}")))?;
    let mut bytes = Vec::with_capacity(file.size().min(MAX_ENTRY_BYTES) as usize);
    file.take(MAX_ENTRY_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| zip_error(format!("{name}: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("gazetteer.pack");
        let gazetteer = Gazetteer::fallback().with_neighbours();
        let geojson = crate::reference::snapshot::cercles_geojson().unwrap();
        let manifest = write(&out, &gazetteer, Some(&geojson), "test").unwrap();
        assert_eq!(manifest.gazetteer, GazetteerStamp::Fallback);
        assert_eq!(manifest.cercles, Some(50));
        let pack = read(&out).unwrap().expect("a pack");
        assert_eq!(pack.manifest, manifest);
        assert_eq!(pack.gazetteer, gazetteer);
        assert_eq!(pack.cercles.map(|c| c.len()), Some(50));
        assert_eq!(cercles_geojson(&out).unwrap().as_deref(), Some(&*geojson));
        // `Gazetteer::from_path` knows a pack too.
        assert_eq!(Gazetteer::from_path(&out).unwrap(), gazetteer);
        // No temporary file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_pack_without_cercles_and_things_that_are_not_packs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("p.zip");
        write(&out, &Gazetteer::fallback(), None, "test").unwrap();
        let pack = read(&out).unwrap().unwrap();
        assert!(pack.cercles.is_none());
        assert_eq!(cercles_geojson(&out).unwrap(), None);
        let text = dir.path().join("ML.txt");
        std::fs::write(&text, "not a zip").unwrap();
        assert!(read(&text).unwrap().is_none());
        assert!(read(dir.path()).unwrap().is_none());
    }

    #[test]
    fn a_damaged_pack_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("p.zip");
        write(&out, &Gazetteer::fallback(), None, "test").unwrap();
        let mut bytes = std::fs::read(&out).unwrap();
        let cut = bytes.len() / 2;
        bytes.truncate(cut);
        std::fs::write(&out, &bytes).unwrap();
        assert!(read(&out).is_err());
    }
}
