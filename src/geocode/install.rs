//! Installing the GeoNames export of Mali (`ML.zip`, `ML.txt` or a folder) into the data
//! directory as a fast binary cache, downloading `ML.zip` from GeoNames on request
//! (resumable, with retries), reporting what is installed, and loading it, or the snapshot
//! embedded in the program when nothing valid is installed. Installing is an update: the
//! embedded snapshot already holds the full export of its date.
//!
//! Not here: parsing GeoNames rows or the cache format (see [`super::gazetteer`]), nor any
//! download that the user did not ask for (nothing here runs by itself).

use super::gazetteer::{ATTRIBUTION, Gazetteer, GazetteerError, GazetteerSource};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The installed gazetteer cache, inside the data directory.
pub const CACHE_FILE: &str = "geonames-ML.gazetteer";
/// What was installed, from where and when, inside the data directory.
pub const STATUS_FILE: &str = "geonames-ML.status.json";
/// Fewer places than this is not the full export of Mali (which has ~18,000 kept places).
pub const MIN_PLACES: usize = 1000;
/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MALI_ATLAS_DATA_DIR";

/// What is installed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InstallStatus {
    /// The file or folder it was installed from.
    pub source: String,
    /// RFC 3339 time of the installation.
    pub installed_at: String,
    pub places: usize,
    pub keys: usize,
    pub attribution: &'static str,
}

/// The status file's content (owned strings, so it can be read back).
#[derive(serde::Serialize, serde::Deserialize)]
struct StatusFile {
    source: String,
    installed_at: String,
    places: usize,
    keys: usize,
}

/// Where installed data lives: `$MALI_ATLAS_DATA_DIR` if set and not empty, else the
/// platform's data directory for mali-atlas (e.g. `~/.local/share/mali-atlas` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "mali-atlas", "mali-atlas")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// Install from ML.txt, ML.zip or a folder: parse, verify (≥ [`MIN_PLACES`] places), write
/// the cache + a small status JSON into `dir`; an invalid input leaves any existing cache
/// untouched (nothing is written before the input has been fully parsed and verified, and
/// the cache replaces the old one by an atomic rename).
pub fn install_from(path: &Path, dir: &Path) -> Result<InstallStatus, GazetteerError> {
    install_labelled(path, dir, &path.display().to_string())
}

/// [`install_from`], recording `source` (a path or a URL) as where the data came from.
fn install_labelled(
    path: &Path,
    dir: &Path,
    source: &str,
) -> Result<InstallStatus, GazetteerError> {
    let gazetteer = Gazetteer::from_path(path)?;
    let places = gazetteer.places().len();
    if places < MIN_PLACES {
        return Err(GazetteerError::TooFewPlaces {
            file: path.display().to_string(),
            places,
            min: MIN_PLACES,
        });
    }
    // The export holds Mali only: the neighbours' towns come along, as in the embedded
    // snapshot, so an update does not start taking Kidira (Sénégal) for a Malian hamlet.
    let gazetteer = gazetteer.with_neighbours();
    std::fs::create_dir_all(dir).map_err(|source| GazetteerError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    gazetteer.write_cache(&dir.join(CACHE_FILE))?;
    let status = StatusFile {
        source: source.to_string(),
        installed_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        places,
        keys: gazetteer.key_count(),
    };
    write_status(&dir.join(STATUS_FILE), &status)?;
    Ok(to_install_status(status))
}

/// What is installed in `dir`, if a status file and the cache are both there.
pub fn status(dir: &Path) -> Option<InstallStatus> {
    if !dir.join(CACHE_FILE).is_file() {
        return None;
    }
    let text = std::fs::read_to_string(dir.join(STATUS_FILE)).ok()?;
    let status: StatusFile = serde_json::from_str(&text).ok()?;
    Some(to_install_status(status))
}

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
        .and_then(|d| std::fs::read_to_string(d.join(cercles::FILE_NAME)).ok())
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

/// The official GeoNames export of Mali (a zip holding `ML.txt` and `readme.txt`).
pub const GEONAMES_ML_ZIP_URL: &str = "https://download.geonames.org/export/dump/ML.zip";
/// The download in progress, inside the data directory; kept after a failed download so the
/// next call can resume it.
pub const PARTIAL_DOWNLOAD_FILE: &str = ".download.partial";
/// The completed download, named as a zip for [`install_from`]; deleted once installed.
const DOWNLOADED_ZIP_FILE: &str = ".download.zip";
/// Which URL and server version the partial download belongs to (see [`PartialMeta`]).
const PARTIAL_META_FILE: &str = ".download.partial.json";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Longest silence from the server (headers or body) before the attempt counts as dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Retries after a dropped or failed connection (each resumes where the last one stopped).
const DOWNLOAD_RETRIES: usize = 3;
/// At most ~20 progress calls per second.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);
/// ML.zip is a few MB; anything far larger is not it and must not fill the disk.
const MAX_DOWNLOAD_BYTES: u64 = 256 * 1024 * 1024;

/// How far a download has come. `received` counts bytes in the partial file, so a resumed
/// download starts above zero; it drops back only when the server makes us start over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    /// The full size, when the server says it.
    pub total: Option<u64>,
}

/// Downloads `url` (https; plain http only to this computer, for tests) into
/// [`PARTIAL_DOWNLOAD_FILE`] inside `dir`, then installs it like [`install_from`].
///
/// A partial file left by an earlier call for the same URL is resumed with a `Range`
/// request (guarded by `If-Range`, so a file changed on the server is fetched anew); a
/// dropped connection is retried up to 3 times, each resuming. `progress` is called as bytes
/// arrive, at most ~20 times a second, and once more when the download is complete. A
/// downloaded file that does not install (corrupt zip, too few places) is deleted and the
/// installed cache is kept.
pub fn download_and_install(
    url: &str,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<InstallStatus, GazetteerError> {
    download_and_install_with(url, dir, progress, &DownloadSettings::STANDARD)
}

/// How often and how patiently a download retries.
struct DownloadSettings {
    retries: usize,
    /// Waited before retry `n` (1-based) is `n` times this.
    retry_delay: Duration,
}

impl DownloadSettings {
    const STANDARD: DownloadSettings = DownloadSettings {
        retries: DOWNLOAD_RETRIES,
        retry_delay: Duration::from_secs(1),
    };
}

/// What the partial download is a part of: a partial file is resumed only for the same URL
/// and only when the server gave a validator (ETag or Last-Modified) to send in `If-Range`.
#[derive(serde::Serialize, serde::Deserialize)]
struct PartialMeta {
    url: String,
    validator: Option<String>,
}

/// Why one download attempt ended early.
enum AttemptError {
    /// The connection failed or dropped: worth retrying (resuming).
    Retry(String),
    /// Retrying would not help.
    Stop(String),
    /// A local or HTTP error that is reported as it is.
    Fatal(GazetteerError),
}

fn download_and_install_with(
    url: &str,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
    settings: &DownloadSettings,
) -> Result<InstallStatus, GazetteerError> {
    let scheme = check_download_url(url)?;
    std::fs::create_dir_all(dir).map_err(|source| GazetteerError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let partial = dir.join(PARTIAL_DOWNLOAD_FILE);
    let meta = dir.join(PARTIAL_META_FILE);
    download(url, scheme, &partial, &meta, progress, settings)?;
    let _ = std::fs::remove_file(&meta);
    let downloaded = dir.join(DOWNLOADED_ZIP_FILE);
    std::fs::rename(&partial, &downloaded).map_err(|source| GazetteerError::Write {
        path: downloaded.clone(),
        source,
    })?;
    let installed = install_labelled(&downloaded, dir, url);
    // Removed even when it did not install: it is complete, so downloading it again later
    // is the only way forward.
    let _ = std::fs::remove_file(&downloaded);
    installed.map_err(|source| GazetteerError::Downloaded {
        url: url.to_string(),
        source: Box::new(source),
    })
}

/// The kinds of URL a download may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DownloadScheme {
    Https,
    /// Plain http to this computer (for tests).
    LoopbackHttp,
}

/// Which allowed kind `url` is; anything else is refused before any connection is made.
fn check_download_url(url: &str) -> Result<DownloadScheme, GazetteerError> {
    let refused = |reason: &str| GazetteerError::DownloadRefused {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let after_scheme = |scheme: &str| {
        url.get(..scheme.len())
            .filter(|prefix| prefix.eq_ignore_ascii_case(scheme))
            .and_then(|_| url.get(scheme.len()..))
    };
    if let Some(rest) = after_scheme("https://") {
        return if url_host(rest).is_empty() {
            Err(refused("no host name"))
        } else {
            Ok(DownloadScheme::Https)
        };
    }
    if let Some(rest) = after_scheme("http://") {
        let host = url_host(rest);
        let loopback = host.eq_ignore_ascii_case("localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        return if loopback {
            Ok(DownloadScheme::LoopbackHttp)
        } else {
            Err(refused(
                "plain http is only allowed to this computer; use an https:// URL",
            ))
        };
    }
    Err(refused("not an https:// URL"))
}

/// The host of a URL's remainder after `scheme://` (no user info, port or brackets).
fn url_host(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    match authority.strip_prefix('[') {
        Some(ipv6) => ipv6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    }
}

fn http_agent(scheme: DownloadScheme) -> ureq::Agent {
    ureq::Agent::config_builder()
        // A redirect from https to http would otherwise be followed.
        .https_only(scheme == DownloadScheme::Https)
        .http_status_as_error(false)
        .timeout_resolve(Some(CONNECT_TIMEOUT))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_recv_response(Some(READ_TIMEOUT))
        .timeout_per_read(Some(READ_TIMEOUT))
        .user_agent(concat!("mali-atlas/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

/// Fills `partial` with the whole resource, resuming and retrying as documented on
/// [`download_and_install`].
fn download(
    url: &str,
    scheme: DownloadScheme,
    partial: &Path,
    meta: &Path,
    progress: &mut dyn FnMut(Progress),
    settings: &DownloadSettings,
) -> Result<(), GazetteerError> {
    let agent = http_agent(scheme);
    let mut validator = resumable_validator(url, partial, meta);
    let mut reporter = ProgressReporter::new(progress);
    let mut attempts = 0usize;
    loop {
        attempts += 1;
        let reason =
            match download_attempt(&agent, url, partial, meta, &mut validator, &mut reporter) {
                Ok(()) => return Ok(()),
                Err(AttemptError::Fatal(error)) => return Err(error),
                Err(AttemptError::Stop(reason)) => reason,
                Err(AttemptError::Retry(_)) if attempts <= settings.retries => {
                    std::thread::sleep(settings.retry_delay * attempts as u32);
                    continue;
                }
                Err(AttemptError::Retry(reason)) => reason,
            };
        return Err(GazetteerError::Download {
            url: url.to_string(),
            attempts,
            reason,
        });
    }
}

/// The validator to resume a partial file left by an earlier call, if it belongs to `url`;
/// otherwise that file is deleted, as resuming it could splice two versions together.
fn resumable_validator(url: &str, partial: &Path, meta: &Path) -> Option<String> {
    let saved: Option<PartialMeta> = std::fs::read_to_string(meta)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    match saved {
        Some(saved) if saved.url == url && saved.validator.is_some() && partial.is_file() => {
            saved.validator
        }
        _ => {
            let _ = std::fs::remove_file(partial);
            let _ = std::fs::remove_file(meta);
            None
        }
    }
}

/// One request: resumes from the partial file's length when it is not empty.
fn download_attempt(
    agent: &ureq::Agent,
    url: &str,
    partial: &Path,
    meta: &Path,
    validator: &mut Option<String>,
    reporter: &mut ProgressReporter<'_>,
) -> Result<(), AttemptError> {
    let write_error = |source| {
        AttemptError::Fatal(GazetteerError::Write {
            path: partial.to_path_buf(),
            source,
        })
    };
    let offset = std::fs::metadata(partial).map_or(0, |m| m.len());
    let mut request = agent.get(url);
    if offset > 0 {
        request = request.header("Range", format!("bytes={offset}-"));
        if let Some(validator) = validator.as_deref() {
            request = request.header("If-Range", validator);
        }
    }
    let response = request.call().map_err(request_error)?;
    let status = response.status();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let content_length = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    let (mut file, start, total) = match status.as_u16() {
        200 => {
            // A fresh copy: the server ignored the range, or the file changed (If-Range).
            *validator = header("etag")
                .filter(|etag| !etag.starts_with("W/"))
                .or_else(|| header("last-modified"));
            let saved = PartialMeta {
                url: url.to_string(),
                validator: validator.clone(),
            };
            let json = serde_json::to_vec(&saved).unwrap_or_default();
            std::fs::write(meta, json).map_err(|source| {
                AttemptError::Fatal(GazetteerError::Write {
                    path: meta.to_path_buf(),
                    source,
                })
            })?;
            (
                File::create(partial).map_err(write_error)?,
                0,
                content_length,
            )
        }
        206 => match header("content-range")
            .as_deref()
            .and_then(parse_content_range)
        {
            Some((start, total)) if start == offset => {
                let file = OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(partial)
                    .map_err(write_error)?;
                (file, start, total.or(content_length.map(|n| start + n)))
            }
            _ => {
                let _ = std::fs::remove_file(partial);
                return Err(AttemptError::Retry(
                    "the server resumed at another offset than asked; starting over".into(),
                ));
            }
        },
        416 if offset > 0 => {
            let _ = std::fs::remove_file(partial);
            return Err(AttemptError::Retry(
                "the server refused to resume the partial download; starting over".into(),
            ));
        }
        code @ (408 | 429 | 500..=599) => {
            return Err(AttemptError::Retry(format!(
                "HTTP {code} {}",
                status.canonical_reason().unwrap_or_default()
            )));
        }
        code => {
            return Err(AttemptError::Fatal(GazetteerError::HttpStatus {
                url: url.to_string(),
                status: code,
                reason: status
                    .canonical_reason()
                    .unwrap_or("(unknown status)")
                    .to_string(),
            }));
        }
    };
    if let Some(total) = total.filter(|&t| t > MAX_DOWNLOAD_BYTES) {
        return Err(AttemptError::Stop(format!(
            "the server announces {total} bytes, more than the {MAX_DOWNLOAD_BYTES} allowed"
        )));
    }
    let mut received = start;
    reporter.report(Progress { received, total }, false);
    let mut body = response.into_body().into_reader();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let read = match body.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => {
                return Err(AttemptError::Retry(format!(
                    "connection lost after {received} bytes: {error}"
                )));
            }
        };
        let chunk = buffer.get(..read).unwrap_or_default();
        file.write_all(chunk).map_err(write_error)?;
        received += read as u64;
        if received > MAX_DOWNLOAD_BYTES {
            return Err(AttemptError::Stop(format!(
                "more than {MAX_DOWNLOAD_BYTES} bytes; not the GeoNames export of Mali"
            )));
        }
        reporter.report(Progress { received, total }, false);
    }
    file.sync_all().map_err(write_error)?;
    if let Some(total) = total.filter(|&t| received < t) {
        return Err(AttemptError::Retry(format!(
            "connection closed after {received} of {total} bytes"
        )));
    }
    reporter.report(Progress { received, total }, true);
    Ok(())
}

/// Connection-level failures are worth a retry; a bad URL, TLS or a missing host is not.
fn request_error(error: ureq::Error) -> AttemptError {
    match error {
        ureq::Error::Io(_)
        | ureq::Error::Timeout(_)
        | ureq::Error::ConnectionFailed
        | ureq::Error::Protocol(_) => AttemptError::Retry(error.to_string()),
        ureq::Error::HostNotFound => {
            AttemptError::Stop("host not found (is this computer online?)".into())
        }
        other => AttemptError::Stop(other.to_string()),
    }
}

/// `bytes START-END/TOTAL` (TOTAL may be `*`) → (START, TOTAL).
fn parse_content_range(value: &str) -> Option<(u64, Option<u64>)> {
    let rest = value.trim().strip_prefix("bytes")?.trim_start();
    let (range, total) = rest.split_once('/')?;
    let (start, _end) = range.split_once('-')?;
    let start = start.trim().parse().ok()?;
    let total = match total.trim() {
        "*" => None,
        total => Some(total.parse().ok()?),
    };
    Some((start, total))
}

/// Calls the progress callback at most every [`PROGRESS_INTERVAL`], never twice with the
/// same value.
struct ProgressReporter<'a> {
    callback: &'a mut dyn FnMut(Progress),
    last: Option<(Progress, Instant)>,
}

impl<'a> ProgressReporter<'a> {
    fn new(callback: &'a mut dyn FnMut(Progress)) -> Self {
        ProgressReporter {
            callback,
            last: None,
        }
    }

    /// `finished` bypasses the rate limit, so the last call shows the final size.
    fn report(&mut self, progress: Progress, finished: bool) {
        if let Some((last, at)) = self.last
            && (last == progress || (!finished && at.elapsed() < PROGRESS_INTERVAL))
        {
            return;
        }
        (self.callback)(progress);
        self.last = Some((progress, Instant::now()));
    }
}

fn to_install_status(status: StatusFile) -> InstallStatus {
    InstallStatus {
        source: status.source,
        installed_at: status.installed_at,
        places: status.places,
        keys: status.keys,
        attribution: ATTRIBUTION,
    }
}

/// Writes the status JSON whole or not at all.
fn write_status(path: &Path, status: &StatusFile) -> Result<(), GazetteerError> {
    let json = serde_json::to_vec_pretty(status).map_err(|source| GazetteerError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    crate::datasets::write_atomically(path, |w| w.write_all(&json)).map_err(|source| {
        GazetteerError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let status_file = StatusFile {
            source: "ML.zip".into(),
            installed_at: "2026-11-30T12:00:00Z".into(),
            places: 20_000,
            keys: 30_000,
        };
        write_status(&dir.path().join(STATUS_FILE), &status_file).unwrap();
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
        let err = install_from(&input, &dir.path().join("data")).unwrap_err();
        assert!(
            matches!(err, GazetteerError::TooFewPlaces { places: 1, .. }),
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
        let installed = install_from(&ml_txt, &data).unwrap();
        assert!(installed.places > 15_000);
        assert_eq!(installed.attribution, ATTRIBUTION);
        assert_eq!(status(&data).as_ref(), Some(&installed));
        let cache_before = std::fs::read(data.join(CACHE_FILE)).unwrap();

        let bad_zip = dir.path().join("ML.zip");
        std::fs::write(&bad_zip, b"PK\x03\x04 truncated download").unwrap();
        assert!(matches!(
            install_from(&bad_zip, &data),
            Err(GazetteerError::Zip { .. })
        ));
        assert!(install_from(&dir.path().join("nowhere"), &data).is_err());
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

    /// A tiny HTTP/1.1 server on loopback for the download tests: serves `body` at any path,
    /// honours `Range: bytes=N-`, and stops after `max_requests` connections (or 20 s).
    struct TestServer {
        url: String,
        /// The head (request line and headers) of each request, in order.
        heads: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    }

    impl TestServer {
        /// The value of header `name` in each request so far.
        fn headers(&self, name: &str) -> Vec<Option<String>> {
            let heads = self.heads.lock().unwrap();
            heads.iter().map(|head| header_value(head, name)).collect()
        }
    }

    fn header_value(head: &str, name: &str) -> Option<String> {
        head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Serve {
        Normal,
        /// The first `responses` responses stop after `bytes` body bytes (the connection is
        /// closed, short of the announced length); later ones are whole.
        Cut {
            responses: usize,
            bytes: usize,
        },
        NotFound,
    }

    fn start_server(body: Vec<u8>, mode: Serve, max_requests: usize) -> TestServer {
        use std::net::TcpListener;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!(
            "http://{}/export/dump/ML.zip",
            listener.local_addr().unwrap()
        );
        let heads = std::sync::Arc::default();
        let seen = std::sync::Arc::clone(&heads);
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(20);
            let mut served = 0;
            while served < max_requests && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let _ = answer(stream, &body, mode, served, &seen);
                        served += 1;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        TestServer { url, heads }
    }

    fn answer(
        mut stream: std::net::TcpStream,
        body: &[u8],
        mode: Serve,
        index: usize,
        seen: &std::sync::Mutex<Vec<String>>,
    ) -> std::io::Result<()> {
        stream.set_nonblocking(false)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
            if stream.read(&mut byte)? == 0 {
                break;
            }
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let range = header_value(&head, "range");
        seen.lock().unwrap().push(head);
        if mode == Serve::NotFound {
            let page = "no such file";
            return write!(
                stream,
                "HTTP/1.1 404 Not Found\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
        let start = range
            .as_deref()
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|n| n.parse::<usize>().ok());
        let (status, part, content_range) = match start {
            Some(s) if s >= body.len() => ("416 Range Not Satisfiable", &body[..0], String::new()),
            Some(s) => (
                "206 Partial Content",
                &body[s..],
                format!(
                    "Content-Range: bytes {s}-{}/{}\r\n",
                    body.len() - 1,
                    body.len()
                ),
            ),
            None => ("200 OK", body, String::new()),
        };
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: application/zip\r\nContent-Length: {}\r\n\
             ETag: \"synthetic-ml\"\r\nAccept-Ranges: bytes\r\n{content_range}\
             Connection: close\r\n\r\n",
            part.len()
        )?;
        let sent = match mode {
            Serve::Cut { responses, bytes } if index < responses => bytes.min(part.len()),
            _ => part.len(),
        };
        stream.write_all(&part[..sent])?;
        stream.flush()
        // Dropping the stream closes the connection, short of Content-Length when cut.
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

    const NO_WAIT: DownloadSettings = DownloadSettings {
        retries: DOWNLOAD_RETRIES,
        retry_delay: Duration::ZERO,
    };

    fn assert_progress_ends_at(calls: &[Progress], total: usize) {
        let total = total as u64;
        assert!(
            calls.windows(2).all(|w| w[0].received < w[1].received),
            "{calls:?}"
        );
        assert!(calls.iter().all(|p| p.total == Some(total)), "{calls:?}");
        assert_eq!(
            calls.last(),
            Some(&Progress {
                received: total,
                total: Some(total)
            })
        );
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
        let installed = download_and_install(&server.url, &data, &mut |p| calls.push(p)).unwrap();
        assert_eq!(installed.places, 1200);
        assert_eq!(installed.source, server.url);
        assert_eq!(status(&data), Some(installed));
        assert_progress_ends_at(&calls, zip.len());
        assert_eq!(server.headers("range"), vec![None]);
        assert!(!data.join(PARTIAL_DOWNLOAD_FILE).exists());
        assert!(!data.join(PARTIAL_META_FILE).exists());
        assert!(!data.join(DOWNLOADED_ZIP_FILE).exists());
        let g = load_installed_or_embedded(Some(&data));
        assert_eq!(g.source(), GazetteerSource::Full);
        assert!(g.best("village 0042").is_some());
        // The neighbours' towns come with an installed export, as with the snapshot.
        assert_eq!(g.places().len(), 1200 + neighbour_count());
        let bassikounou = g.best("bassikounou").expect("neighbour town");
        assert_eq!(g.place(bassikounou).country, "MR");
    }

    #[test]
    fn dropped_connection_is_resumed() {
        let zip = synthetic_ml_zip(1500);
        let half = zip.len() / 2;
        let cut = Serve::Cut {
            responses: 1,
            bytes: half,
        };
        let server = start_server(zip.clone(), cut, 2);
        let dir = tempfile::tempdir().unwrap();
        let mut calls = Vec::new();
        let installed =
            download_and_install_with(&server.url, dir.path(), &mut |p| calls.push(p), &NO_WAIT)
                .unwrap();
        assert_eq!(installed.places, 1500);
        assert_eq!(
            server.headers("range"),
            vec![None, Some(format!("bytes={half}-"))]
        );
        assert_progress_ends_at(&calls, zip.len());
        assert!(!dir.path().join(PARTIAL_DOWNLOAD_FILE).exists());
    }

    #[test]
    fn failed_download_is_resumed_by_the_next_call() {
        let zip = synthetic_ml_zip(1200);
        let piece = zip.len() / 8;
        let dir = tempfile::tempdir().unwrap();
        // 1 try + 3 retries each bring one piece, then the first call gives up.
        let cut = Serve::Cut {
            responses: 4,
            bytes: piece,
        };
        let server = start_server(zip.clone(), cut, 5);
        let err =
            download_and_install_with(&server.url, dir.path(), &mut |_| {}, &NO_WAIT).unwrap_err();
        assert!(
            matches!(err, GazetteerError::Download { attempts: 4, .. }),
            "{err}"
        );
        assert!(err.to_string().contains(&server.url), "{err}");
        let kept = std::fs::metadata(dir.path().join(PARTIAL_DOWNLOAD_FILE)).unwrap();
        assert_eq!(kept.len(), 4 * piece as u64);
        assert_eq!(status(dir.path()), None);

        let mut calls = Vec::new();
        let installed =
            download_and_install(&server.url, dir.path(), &mut |p| calls.push(p)).unwrap();
        assert_eq!(installed.places, 1200);
        let expected: Vec<Option<String>> = (0..5)
            .map(|i| (i > 0).then(|| format!("bytes={}-", i * piece)))
            .collect();
        assert_eq!(server.headers("range"), expected);
        assert_eq!(
            server.headers("if-range").last(),
            Some(&Some("\"synthetic-ml\"".to_string()))
        );
        assert_eq!(calls.first().map(|p| p.received), Some(4 * piece as u64));
        assert_progress_ends_at(&calls, zip.len());
    }

    #[test]
    fn corrupt_download_keeps_the_installed_cache() {
        let zip = synthetic_ml_zip(1100);
        let dir = tempfile::tempdir().unwrap();
        let good = start_server(zip.clone(), Serve::Normal, 1);
        let installed = download_and_install(&good.url, dir.path(), &mut |_| {}).unwrap();
        let cache_before = std::fs::read(dir.path().join(CACHE_FILE)).unwrap();

        // A truncated archive served as if complete (no central directory).
        let corrupt = start_server(zip[..zip.len() / 2].to_vec(), Serve::Normal, 1);
        let err = download_and_install(&corrupt.url, dir.path(), &mut |_| {}).unwrap_err();
        match &err {
            GazetteerError::Downloaded { url, source } => {
                assert_eq!(url, &corrupt.url);
                assert!(matches!(**source, GazetteerError::Zip { .. }), "{source}");
            }
            other => panic!("unexpected error: {other}"),
        }
        assert!(err.to_string().contains(&corrupt.url), "{err}");
        assert_eq!(
            std::fs::read(dir.path().join(CACHE_FILE)).unwrap(),
            cache_before
        );
        assert_eq!(status(dir.path()), Some(installed));
        assert!(!dir.path().join(PARTIAL_DOWNLOAD_FILE).exists());
        assert!(!dir.path().join(DOWNLOADED_ZIP_FILE).exists());
    }

    #[test]
    fn not_found_is_a_clear_error() {
        let server = start_server(Vec::new(), Serve::NotFound, 1);
        let dir = tempfile::tempdir().unwrap();
        let err = download_and_install(&server.url, dir.path(), &mut |_| {}).unwrap_err();
        assert!(
            matches!(err, GazetteerError::HttpStatus { status: 404, .. }),
            "{err}"
        );
        let message = err.to_string();
        assert!(
            message.contains(&server.url) && message.contains("404 Not Found"),
            "{message}"
        );
        assert_eq!(status(dir.path()), None);
        assert!(!dir.path().join(PARTIAL_DOWNLOAD_FILE).exists());
    }

    #[test]
    fn only_https_or_loopback_http_is_fetched() {
        use DownloadScheme::{Https, LoopbackHttp};
        assert_eq!(check_download_url(GEONAMES_ML_ZIP_URL).unwrap(), Https);
        for loopback in [
            "HTTP://127.0.0.1:8080/ML.zip",
            "http://localhost/ML.zip",
            "http://[::1]:9/ML.zip",
        ] {
            assert_eq!(check_download_url(loopback).unwrap(), LoopbackHttp);
        }
        for refused in [
            "http://download.geonames.org/export/dump/ML.zip",
            "http://127.0.0.1.example.org/ML.zip",
            "http://127.0.0.1@example.org/ML.zip",
            "ftp://download.geonames.org/ML.zip",
            "https://",
            "ML.zip",
            "é",
        ] {
            let err = check_download_url(refused).unwrap_err();
            assert!(
                matches!(err, GazetteerError::DownloadRefused { .. }),
                "{refused}: {err}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let err =
            download_and_install("http://example.org/ML.zip", dir.path(), &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("https"), "{err}");
    }

    #[test]
    fn content_range_parsing() {
        assert_eq!(
            parse_content_range("bytes 100-199/200"),
            Some((100, Some(200)))
        );
        assert_eq!(parse_content_range("bytes 5-9/*"), Some((5, None)));
        assert_eq!(parse_content_range("bytes */200"), None);
        assert_eq!(parse_content_range("items 1-2/3"), None);
    }
}
