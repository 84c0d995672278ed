//! Which rules extracted an incident: the rules number written by hand
//! ([`EXTRACTOR_VERSION`]) and a digest of the word lists in `data/lexicon/`, taken from their
//! contents at build time. A workspace stores the two (with the gazetteer's stamp, see
//! `pipeline::extraction_stamp`) beside every article and re-extracts an article whose stamp
//! differs, so an edited lexicon refreshes workspaces without anyone remembering to bump.
//!
//! Bumping the rules number: a change to the Rust rules (here, in `geocode`, or in `corpus`)
//! that changes what the evaluation texts give makes `tests/golden.rs` fail. Bump the suffix of
//! [`EXTRACTOR_VERSION`] (`rules.2` → `rules.3`), then rewrite the golden file with
//! `MALI_ATLAS_BLESS=1 cargo test --test golden`; the test refuses to rewrite it under an
//! unchanged stamp, so the golden file changes only when the stamp does.
//!
//! Not here: the lexicons themselves (`lexicon.rs`), or when a workspace re-extracts (`store`).

/// The extraction rules' number. Bump the suffix whenever a rule changes what is extracted
/// (the golden test says when); lexicon edits need no bump (see [`LEXICON_DIGEST`]).
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.28");

/// Every word list in `data/lexicon/`, by file name (a unit test checks that none is missing).
pub const LEXICON_FILES: [(&str, &[u8]); 7] = [
    (
        "actors.toml",
        include_bytes!("../../data/lexicon/actors.toml"),
    ),
    (
        "anchors.toml",
        include_bytes!("../../data/lexicon/anchors.toml"),
    ),
    (
        "casualties.toml",
        include_bytes!("../../data/lexicon/casualties.toml"),
    ),
    (
        "events.toml",
        include_bytes!("../../data/lexicon/events.toml"),
    ),
    (
        "places.toml",
        include_bytes!("../../data/lexicon/places.toml"),
    ),
    (
        "quantities.toml",
        include_bytes!("../../data/lexicon/quantities.toml"),
    ),
    (
        "segmentation.toml",
        include_bytes!("../../data/lexicon/segmentation.toml"),
    ),
];

/// FNV-1a 64 over every lexicon's name and contents, computed by the compiler.
pub const LEXICON_DIGEST: u64 = lexicon_digest(&LEXICON_FILES);

const fn lexicon_digest(files: &[(&str, &[u8])]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut f = 0;
    while f < files.len() {
        let name = files[f].0.as_bytes();
        let body = files[f].1;
        let mut i = 0;
        while i < name.len() {
            hash = (hash ^ name[i] as u64).wrapping_mul(PRIME);
            i += 1;
        }
        // A separator, so that moving bytes from one file to the next changes the digest.
        hash = (hash ^ 0xff).wrapping_mul(PRIME);
        let mut i = 0;
        while i < body.len() {
            hash = (hash ^ body[i] as u64).wrapping_mul(PRIME);
            i += 1;
        }
        hash = (hash ^ 0xff).wrapping_mul(PRIME);
        f += 1;
    }
    hash
}

/// The rules number and the lexicon digest: `0.1.0+rules.2+lexicon.0123456789abcdef`.
pub fn extractor_stamp() -> String {
    format!("{EXTRACTOR_VERSION}+lexicon.{LEXICON_DIGEST:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_is_in_the_digest() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = LEXICON_FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed, "add the new file to LEXICON_FILES");
    }

    #[test]
    fn the_digest_follows_the_contents() {
        let a: [(&str, &[u8]); 2] = [("a.toml", b"x = 1"), ("b.toml", b"")];
        let b: [(&str, &[u8]); 2] = [("a.toml", b"x = 2"), ("b.toml", b"")];
        let moved: [(&str, &[u8]); 2] = [("a.toml", b"x = "), ("b.toml", b"1")];
        assert_ne!(lexicon_digest(&a), lexicon_digest(&b));
        assert_ne!(lexicon_digest(&a), lexicon_digest(&moved));
        assert_eq!(lexicon_digest(&a), lexicon_digest(&a));
        let stamp = extractor_stamp();
        assert!(stamp.starts_with(EXTRACTOR_VERSION), "{stamp}");
        assert_eq!(
            stamp.len(),
            EXTRACTOR_VERSION.len() + "+lexicon.".len() + 16
        );
    }
}
