//! Corpus loader: arbitrary bytes as a .txt, .md or .html file. Must return an article or a
//! `LoadError` naming the file, never panic, and every span must index the decoded text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mali_atlas::corpus::{LoadOptions, load::load_bytes};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file type, so one corpus covers the three readers.
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let name = match kind % 3 {
        0 => "fuzz.txt",
        1 => "fuzz.md",
        _ => "fuzz.html",
    };
    match load_bytes(name, bytes, &LoadOptions::default()) {
        Ok(article) => mali_atlas_fuzz::check_article(&article),
        Err(e) => assert!(
            e.to_string().contains(name),
            "error does not name the file: {e}"
        ),
    }
});
