//! A general HTTPS downloader for the data the user asks for: resumable (a partial file is
//! kept after a failure and resumed with `Range`/`If-Range`), retried after a dropped
//! connection, size-capped, with rate-limited progress. Plain http is refused except to this
//! computer (the tests' loopback server).
//!
//! Not here: what the downloaded file is or where it ends up (the installers in
//! [`super::geonames`] decide), nor any download the user did not ask for (nothing here runs by
//! itself).

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::DatasetError;

/// The download in progress, inside the target folder; kept after a failed download so the
/// next call can resume it.
pub const PARTIAL_DOWNLOAD_FILE: &str = ".download.partial";
/// Which URL and server version the partial download belongs to (see [`PartialMeta`]).
pub(crate) const PARTIAL_META_FILE: &str = ".download.partial.json";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Longest silence from the server (headers or body) before the attempt counts as dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Retries after a dropped or failed connection (each resumes where the last one stopped).
pub const DOWNLOAD_RETRIES: usize = 3;
/// At most ~20 progress calls per second.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// How far a download has come. `received` counts bytes in the partial file, so a resumed
/// download starts above zero; it drops back only when the server makes us start over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    /// The full size, when the server says it.
    pub total: Option<u64>,
}

/// How often and how patiently a download retries, and how large the file may be.
#[derive(Debug, Clone, Copy)]
pub struct DownloadSettings {
    pub retries: usize,
    /// Waited before retry `n` (1-based) is `n` times this.
    pub retry_delay: Duration,
    /// A larger file is not the one expected and must not fill the disk.
    pub max_bytes: u64,
    /// What the file should be, for the message when it is too large ("the GeoNames export
    /// of Mali").
    pub expected: &'static str,
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
    Fatal(DatasetError),
}

/// Downloads `url` (https; plain http only to this computer, for tests) into
/// [`PARTIAL_DOWNLOAD_FILE`] inside `dir` (created if needed) and returns that file's path,
/// complete.
///
/// A partial file left by an earlier call for the same URL is resumed with a `Range`
/// request (guarded by `If-Range`, so a file changed on the server is fetched anew); a
/// dropped connection is retried `settings.retries` times, each resuming. `progress` is
/// called as bytes arrive, at most ~20 times a second, and once more when the download is
/// complete.
pub fn download(
    url: &str,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
    settings: &DownloadSettings,
) -> Result<PathBuf, DatasetError> {
    let scheme = check_download_url(url)?;
    std::fs::create_dir_all(dir).map_err(|source| DatasetError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let partial = dir.join(PARTIAL_DOWNLOAD_FILE);
    let meta = dir.join(PARTIAL_META_FILE);
    fetch(url, scheme, &partial, &meta, progress, settings)?;
    let _ = std::fs::remove_file(&meta);
    Ok(partial)
}
/// The kinds of URL a download may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DownloadScheme {
    Https,
    /// Plain http to this computer (for tests).
    LoopbackHttp,
}

/// Which allowed kind `url` is; anything else is refused before any connection is made.
fn check_download_url(url: &str) -> Result<DownloadScheme, DatasetError> {
    let refused = |reason: &str| DatasetError::DownloadRefused {
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
/// [`download`].
fn fetch(
    url: &str,
    scheme: DownloadScheme,
    partial: &Path,
    meta: &Path,
    progress: &mut dyn FnMut(Progress),
    settings: &DownloadSettings,
) -> Result<(), DatasetError> {
    let agent = http_agent(scheme);
    let mut validator = resumable_validator(url, partial, meta);
    let mut reporter = ProgressReporter::new(progress);
    let mut attempts = 0usize;
    loop {
        attempts += 1;
        let reason = match download_attempt(
            &agent,
            settings,
            url,
            partial,
            meta,
            &mut validator,
            &mut reporter,
        ) {
            Ok(()) => return Ok(()),
            Err(AttemptError::Fatal(error)) => return Err(error),
            Err(AttemptError::Stop(reason)) => reason,
            Err(AttemptError::Retry(_)) if attempts <= settings.retries => {
                std::thread::sleep(settings.retry_delay * attempts as u32);
                continue;
            }
            Err(AttemptError::Retry(reason)) => reason,
        };
        return Err(DatasetError::Download {
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
    settings: &DownloadSettings,
    url: &str,
    partial: &Path,
    meta: &Path,
    validator: &mut Option<String>,
    reporter: &mut ProgressReporter<'_>,
) -> Result<(), AttemptError> {
    let write_error = |source| {
        AttemptError::Fatal(DatasetError::Write {
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
                AttemptError::Fatal(DatasetError::Write {
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
            return Err(AttemptError::Fatal(DatasetError::HttpStatus {
                url: url.to_string(),
                status: code,
                reason: status
                    .canonical_reason()
                    .unwrap_or("(unknown status)")
                    .to_string(),
            }));
        }
    };
    let max = settings.max_bytes;
    if let Some(total) = total.filter(|&t| t > max) {
        return Err(AttemptError::Stop(format!(
            "the server announces {total} bytes, more than the {max} allowed"
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
        if received > max {
            return Err(AttemptError::Stop(format!(
                "more than {max} bytes; not {}",
                settings.expected
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

/// A tiny HTTP/1.1 server on loopback for the download tests (here and in the installers'):
/// serves a body at any path, honours `Range: bytes=N-`, and stops after `max_requests`
/// connections (or 20 s).
#[cfg(test)]
pub(crate) mod test_server {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    use super::Progress;

    /// A tiny HTTP/1.1 server on loopback for the download tests: serves `body` at any path,
    /// honours `Range: bytes=N-`, and stops after `max_requests` connections (or 20 s).
    pub(crate) struct TestServer {
        pub(crate) url: String,
        /// The head (request line and headers) of each request, in order.
        heads: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    }

    impl TestServer {
        /// The value of header `name` in each request so far.
        pub(crate) fn headers(&self, name: &str) -> Vec<Option<String>> {
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
    pub(crate) enum Serve {
        Normal,
        /// The first `responses` responses stop after `bytes` body bytes (the connection is
        /// closed, short of the announced length); later ones are whole.
        Cut {
            responses: usize,
            bytes: usize,
        },
        NotFound,
    }

    pub(crate) fn start_server(body: Vec<u8>, mode: Serve, max_requests: usize) -> TestServer {
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

    /// Progress went up at every call, always with the total, and ended at `total`.
    pub(crate) fn assert_progress_ends_at(calls: &[Progress], total: usize) {
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
}

#[cfg(test)]
mod tests {
    use super::test_server::{Serve, assert_progress_ends_at, start_server};
    use super::*;

    const NO_WAIT: DownloadSettings = DownloadSettings {
        retries: DOWNLOAD_RETRIES,
        retry_delay: Duration::ZERO,
        max_bytes: 1 << 20,
        expected: "the test file",
    };

    /// Bytes that are no zip and no text: the downloader does not look at them.
    fn body(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn dropped_connection_is_resumed() {
        let body = body(40_000);
        let half = body.len() / 2;
        let cut = Serve::Cut {
            responses: 1,
            bytes: half,
        };
        let server = start_server(body.clone(), cut, 2);
        let dir = tempfile::tempdir().unwrap();
        let mut calls = Vec::new();
        let file = download(&server.url, dir.path(), &mut |p| calls.push(p), &NO_WAIT).unwrap();
        assert_eq!(file, dir.path().join(PARTIAL_DOWNLOAD_FILE));
        assert_eq!(std::fs::read(&file).unwrap(), body);
        assert_eq!(
            server.headers("range"),
            vec![None, Some(format!("bytes={half}-"))]
        );
        assert_progress_ends_at(&calls, body.len());
        assert!(!dir.path().join(PARTIAL_META_FILE).exists());
    }

    #[test]
    fn failed_download_is_resumed_by_the_next_call() {
        let body = body(40_000);
        let piece = body.len() / 8;
        let dir = tempfile::tempdir().unwrap();
        // 1 try + 3 retries each bring one piece, then the first call gives up.
        let cut = Serve::Cut {
            responses: 4,
            bytes: piece,
        };
        let server = start_server(body.clone(), cut, 5);
        let err = download(&server.url, dir.path(), &mut |_| {}, &NO_WAIT).unwrap_err();
        assert!(
            matches!(err, DatasetError::Download { attempts: 4, .. }),
            "{err}"
        );
        assert!(err.to_string().contains(&server.url), "{err}");
        let kept = std::fs::metadata(dir.path().join(PARTIAL_DOWNLOAD_FILE)).unwrap();
        assert_eq!(kept.len(), 4 * piece as u64);

        let mut calls = Vec::new();
        let file = download(&server.url, dir.path(), &mut |p| calls.push(p), &NO_WAIT).unwrap();
        assert_eq!(std::fs::read(file).unwrap(), body);
        let expected: Vec<Option<String>> = (0..5)
            .map(|i| (i > 0).then(|| format!("bytes={}-", i * piece)))
            .collect();
        assert_eq!(server.headers("range"), expected);
        assert_eq!(
            server.headers("if-range").last(),
            Some(&Some("\"synthetic-ml\"".to_string()))
        );
        assert_eq!(calls.first().map(|p| p.received), Some(4 * piece as u64));
        assert_progress_ends_at(&calls, body.len());
    }

    #[test]
    fn too_large_a_file_is_not_kept_downloading() {
        let server = start_server(body(2 << 20), Serve::Normal, 1);
        let dir = tempfile::tempdir().unwrap();
        let err = download(&server.url, dir.path(), &mut |_| {}, &NO_WAIT).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(&server.url) && message.contains("more than the 1048576 allowed"),
            "{message}"
        );
    }

    #[test]
    fn not_found_is_a_clear_error() {
        let server = start_server(Vec::new(), Serve::NotFound, 1);
        let dir = tempfile::tempdir().unwrap();
        let err = download(&server.url, dir.path(), &mut |_| {}, &NO_WAIT).unwrap_err();
        assert!(
            matches!(err, DatasetError::HttpStatus { status: 404, .. }),
            "{err}"
        );
        let message = err.to_string();
        assert!(
            message.contains(&server.url) && message.contains("404 Not Found"),
            "{message}"
        );
        assert!(!dir.path().join(PARTIAL_DOWNLOAD_FILE).exists());
    }

    #[test]
    fn only_https_or_loopback_http_is_fetched() {
        use DownloadScheme::{Https, LoopbackHttp};
        assert_eq!(
            check_download_url("https://download.geonames.org/export/dump/ML.zip").unwrap(),
            Https
        );
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
                matches!(err, DatasetError::DownloadRefused { .. }),
                "{refused}: {err}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let err = download(
            "http://example.org/ML.zip",
            dir.path(),
            &mut |_| {},
            &NO_WAIT,
        )
        .unwrap_err();
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
