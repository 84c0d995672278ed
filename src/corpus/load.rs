//! Loading articles from files, folders and stdin, with one result per article or failure.
//!
//! This is the only part of `corpus` that touches the file system. It does not watch folders,
//! follow links out of a folder without limit, or read archives.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::encoding::{DecodeFailure, decode_detailed, fnv1a_hex};
use super::{Article, Declared, LoadError, LoadOptions, build_article, html};

/// File extensions loaded from folders (compared case-insensitively).
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];
/// Folders nested deeper than this are not entered (guards against link cycles).
const MAX_FOLDER_DEPTH: usize = 32;
/// The source name of articles read from standard input.
pub const STDIN_SOURCE: &str = "<stdin>";

/// Load files, folders (recursively, sorted, only .txt/.md/.html/.htm; hidden files skipped)
/// and "-" (stdin). One result per article or per failure; a failure never stops the others.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Vec<Result<Article, LoadError>> {
    list_sources(paths)
        .into_iter()
        .map(|s| load_source(s, opts))
        .collect()
}

/// One article to read, as [`list_sources`] finds them.
#[derive(Debug)]
pub enum Source {
    File(PathBuf),
    Stdin,
    /// A path that could not be listed (missing, unreadable, a folder without articles).
    Unlisted(LoadError),
}

/// What [`load_paths`] reads, in the same order, without reading it: so a large corpus can be
/// read batch by batch ([`crate::pipeline::ingest`]) instead of all at once.
pub fn list_sources(paths: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Err(source) => sources.push(Source::Unlisted(LoadError::Io {
                path: path.clone(),
                source,
            })),
            Ok(meta) if meta.is_dir() => list_folder(path, &mut sources),
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    sources
}

/// Reads one listed source.
pub fn load_source(source: Source, opts: &LoadOptions) -> Result<Article, LoadError> {
    match source {
        Source::File(path) => load_file(&path, opts),
        Source::Stdin => load_stdin(opts),
        Source::Unlisted(e) => Err(e),
    }
}

/// Load one article from raw bytes; the format is chosen by extension (html/htm → HTML),
/// else sniffed ("<html", "<!doctype" or "<p>" at the start → HTML, otherwise text).
pub fn load_bytes(source: &str, bytes: &[u8], opts: &LoadOptions) -> Result<Article, LoadError> {
    let path = || PathBuf::from(source);
    let size = bytes.len() as u64;
    if size > opts.max_bytes {
        return Err(LoadError::TooLarge {
            path: path(),
            size,
            limit: opts.max_bytes,
        });
    }
    let (decoded, encoding) = decode_detailed(bytes).map_err(|failure| match failure {
        DecodeFailure::Binary => LoadError::Binary { path: path() },
        DecodeFailure::Undecodable(detail) => LoadError::Undecodable {
            path: path(),
            detail,
        },
    })?;
    let (text, declared) = if is_html(source, &decoded) {
        let page = html::extract(&decoded);
        let declared = Declared {
            title: page.title,
            published: page.published,
        };
        (page.text, declared)
    } else {
        (decoded, Declared::default())
    };
    if is_blank(&text) {
        return Err(LoadError::Empty { path: path() });
    }
    Ok(build_article(
        source,
        text,
        encoding,
        fnv1a_hex(bytes),
        declared,
    ))
}

fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'))
}

fn is_html(source: &str, text: &str) -> bool {
    let extension = Path::new(source)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(extension.as_deref(), Some("html" | "htm")) {
        return true;
    }
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<html") || head.starts_with("<!doctype") || head.starts_with("<p>")
}

fn load_stdin(opts: &LoadOptions) -> Result<Article, LoadError> {
    let path = PathBuf::from(STDIN_SOURCE);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
    load_bytes(STDIN_SOURCE, &bytes, opts)
}

fn load_file(path: &Path, opts: &LoadOptions) -> Result<Article, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = fs::metadata(path).map_err(io_error)?.len();
    if size > opts.max_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: opts.max_bytes,
        });
    }
    // Read at most one byte past the limit, in case the file grew since the check.
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| {
            f.take(opts.max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
        })
        .map_err(io_error)?;
    load_bytes(&path.to_string_lossy(), &bytes, opts)
}

fn list_folder(folder: &Path, sources: &mut Vec<Source>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect_article_files(folder, 0, &mut files, &mut errors);
    files.sort();
    if files.is_empty() && errors.is_empty() {
        sources.push(Source::Unlisted(LoadError::NoArticles {
            path: folder.to_path_buf(),
        }));
    }
    sources.extend(errors.into_iter().map(Source::Unlisted));
    sources.extend(files.into_iter().map(Source::File));
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_article_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        ARTICLE_EXTENSIONS.contains(&e.as_str())
    })
}

fn collect_article_files(
    folder: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    if depth > MAX_FOLDER_DEPTH {
        return;
    }
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(LoadError::Io {
                path: folder.to_path_buf(),
                source,
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                errors.push(LoadError::Io {
                    path: folder.to_path_buf(),
                    source,
                });
                continue;
            }
        };
        if is_hidden(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        // Follows links; a broken link is reported like any unreadable file.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => collect_article_files(&path, depth + 1, files, errors),
            Ok(_) if has_article_extension(&path) => files.push(path),
            Ok(_) => {}
            Err(source) if has_article_extension(&path) => {
                errors.push(LoadError::Io { path, source })
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    const ARTICLE: &str = "Attaque contre un poste à Diafarabé\nDes hommes armés ont attaqué le poste hier soir. Deux gendarmes ont été blessés.";

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn loads_a_text_file_with_title_and_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "a.txt", ARTICLE.as_bytes());
        let results = load_paths(std::slice::from_ref(&path), &opts());
        let article = results.into_iter().next().unwrap().unwrap();
        assert_eq!(article.source, path.to_string_lossy());
        assert_eq!(article.encoding, "UTF-8");
        assert_eq!(article.hash, fnv1a_hex(ARTICLE.as_bytes()));
        assert_eq!(
            article.title_text(),
            Some("Attaque contre un poste à Diafarabé")
        );
        assert!(article.body_text().starts_with("Des hommes armés"));
        let sentences: Vec<&str> = article
            .sentences
            .iter()
            .map(|r| &article.text[r.clone()])
            .collect();
        assert_eq!(
            sentences,
            [
                "Attaque contre un poste à Diafarabé",
                "Des hommes armés ont attaqué le poste hier soir.",
                "Deux gendarmes ont été blessés."
            ]
        );
    }

    #[test]
    fn loads_windows_1252_and_utf16_files() {
        let dir = tempfile::tempdir().unwrap();
        let (cp1252, _, _) = WINDOWS_1252.encode(ARTICLE);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
        let a = write(dir.path(), "latin.txt", &cp1252);
        let b = write(dir.path(), "wide.txt", &utf16);
        let results = load_paths(&[a, b], &opts());
        let encodings: Vec<&str> = results
            .iter()
            .map(|r| r.as_ref().unwrap().encoding)
            .collect();
        assert_eq!(encodings, ["windows-1252", "UTF-16LE"]);
        for r in &results {
            assert_eq!(r.as_ref().unwrap().text, ARTICLE);
        }
    }

    #[test]
    fn folders_are_walked_recursively_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.md", b"Deuxieme article.");
        write(dir.path(), "a.TXT", b"Premier article.");
        write(dir.path(), "sous/c.html", b"<p>Troisieme article.</p>");
        write(dir.path(), "sous/d.htm", b"<p>Quatrieme article.</p>");
        write(dir.path(), "notes.csv", b"ignored");
        write(dir.path(), ".cache.txt", b"hidden");
        write(dir.path(), ".git/e.txt", b"hidden folder");
        let results = load_paths(&[dir.path().to_path_buf()], &opts());
        let texts: Vec<String> = results.into_iter().map(|r| r.unwrap().text).collect();
        assert_eq!(
            texts,
            [
                "Premier article.",
                "Deuxieme article.",
                "Troisieme article.",
                "Quatrieme article."
            ]
        );
    }

    #[test]
    fn each_failure_is_reported_and_does_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let empty = write(dir.path(), "vide.txt", b"  \n\t \r\n");
        let zero = write(dir.path(), "zero.txt", b"");
        let binary = write(
            dir.path(),
            "image.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2],
        );
        let big = write(dir.path(), "gros.txt", &[b'a'; 100]);
        let missing = dir.path().join("absent.txt");
        let no_articles = dir.path().join("vide");
        fs::create_dir(&no_articles).unwrap();
        write(&no_articles, "data.json", b"{}");
        let good = write(dir.path(), "bon.txt", b"Un article valide.");
        let paths = [
            empty.clone(),
            zero.clone(),
            binary.clone(),
            big.clone(),
            missing.clone(),
            no_articles.clone(),
            good,
        ];
        let results = load_paths(&paths, &LoadOptions { max_bytes: 50 });
        assert_eq!(results.len(), 7);
        assert!(matches!(&results[0], Err(LoadError::Empty { path }) if *path == empty));
        assert!(matches!(&results[1], Err(LoadError::Empty { path }) if *path == zero));
        assert!(matches!(&results[2], Err(LoadError::Binary { path }) if *path == binary));
        assert!(matches!(
            &results[3],
            Err(LoadError::TooLarge {
                size: 100,
                limit: 50,
                ..
            })
        ));
        assert!(matches!(&results[4], Err(LoadError::Io { path, .. }) if *path == missing));
        assert!(matches!(&results[5], Err(LoadError::NoArticles { path }) if *path == no_articles));
        assert_eq!(results[6].as_ref().unwrap().text, "Un article valide.");
        for r in &results[..6] {
            let e = r.as_ref().unwrap_err();
            assert!(e.to_string().contains(&*e.path().to_string_lossy()), "{e}");
        }
    }

    #[test]
    fn html_is_chosen_by_extension_or_sniffed() {
        let html = b"<!DOCTYPE html><html><head><title>Drone abattu pr&egrave;s de Kidal</title></head>\
            <body><p>Publi&eacute; le 3 mars 2024</p><p>Un drone a &eacute;t&eacute; abattu.</p></body></html>";
        let article = load_bytes("page.txt", html, &opts()).unwrap();
        assert_eq!(article.title_text(), Some("Drone abattu près de Kidal"));
        assert_eq!(article.body_text(), "Un drone a été abattu.");
        assert_eq!(
            article.published.as_ref().unwrap().date.to_string(),
            "2024-03-03"
        );
        let fragment = load_bytes("x.htm", b"Texte <b>gras</b> ici.", &opts()).unwrap();
        assert_eq!(fragment.text, "Texte gras ici.");
        let sniffed = load_bytes("<stdin>", b"  <p>Un paragraphe.</p>", &opts()).unwrap();
        assert_eq!(sniffed.text, "Un paragraphe.");
        let plain = load_bytes("x.md", b"Le signe < reste.", &opts()).unwrap();
        assert_eq!(plain.text, "Le signe < reste.");
        assert!(matches!(
            load_bytes("x.html", b"<html><script>x()</script></html>", &opts()),
            Err(LoadError::Empty { .. })
        ));
    }

    #[test]
    fn load_bytes_checks_size() {
        let e = load_bytes("x.txt", b"abcdef", &LoadOptions { max_bytes: 3 }).unwrap_err();
        assert!(matches!(
            e,
            LoadError::TooLarge {
                size: 6,
                limit: 3,
                ..
            }
        ));
        assert_eq!(e.path(), Path::new("x.txt"));
    }

    #[test]
    fn undecodable_utf16_is_reported() {
        // A UTF-16LE BOM followed by lone surrogates only.
        let bytes = [0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xD8, 0x00, 0xDC, 0x00, 0xD8];
        assert!(matches!(
            load_bytes("x.txt", &bytes, &opts()),
            Err(LoadError::Undecodable { .. })
        ));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(a: &Article) {
        let ok = |r: &std::ops::Range<usize>| r.start <= r.end && a.text.get(r.clone()).is_some();
        assert!(ok(&a.body));
        assert!(a.title.as_ref().is_none_or(ok));
        assert!(a.published.as_ref().is_none_or(|p| ok(&p.span)));
        for s in &a.sentences {
            assert!(ok(s) && !a.text[s.clone()].trim().is_empty());
        }
        assert!(a.sentences.windows(2).all(|w| w[0].end <= w[1].start));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            for source in ["x.txt", "x.html"] {
                if let Ok(a) = load_bytes(source, &bytes, &LoadOptions::default()) {
                    check_spans(&a);
                }
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            check_spans(&super::super::article_from_text("t", text.clone()));
            let html = html::html_to_text(&text);
            check_spans(&super::super::article_from_text("h", html));
        }

        #[test]
        fn french_like_text_never_panics(
            text in "([A-ZÉa-zéèàç0-9 «»\"'’.,:;!?…()\\-–/\n<>&#;]|date |Publié le |Bamako, |&eacute;|<p>|</p>|<br>|<title>|<script>| 2024-05| 12/03/2023| 3 mars 2023| M\\. | J\\.-C\\. |\\.\\.\\.){0,80}"
        ) {
            let a = super::super::article_from_text("t", text.clone());
            check_spans(&a);
            if let Ok(a) = load_bytes("x.html", text.as_bytes(), &LoadOptions::default()) {
                check_spans(&a);
            }
        }
    }
}
