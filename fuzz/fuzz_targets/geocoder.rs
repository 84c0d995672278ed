//! Geocoder: arbitrary UTF-8 text through candidate generation, resolution and the whole
//! article pipeline, on the embedded GeoNames snapshot (the program's default) or, when
//! `MALI_ATLAS_FUZZ_GAZETTEER` names an ML.txt, that one. Must not panic; spans must index the text and points be real
//! coordinates in or near Mali.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mali_atlas::corpus::{article_from_text, normalize::fold};
use mali_atlas::geocode::Geocoder;
use mali_atlas::geocode::gazetteer::Gazetteer;

static GEOCODER: LazyLock<Geocoder> = LazyLock::new(|| {
    let gazetteer = match std::env::var_os("MALI_ATLAS_FUZZ_GAZETTEER") {
        Some(p) => Gazetteer::from_path(std::path::Path::new(&p)).expect("gazetteer loads"),
        None => Gazetteer::embedded().expect("the embedded gazetteer decodes"),
    };
    Geocoder::new(gazetteer)
});

fuzz_target!(|text: &str| {
    let folded = fold(text);
    for m in GEOCODER.candidates(text, &folded) {
        let r = m.span.clone();
        mali_atlas_fuzz::check_span(text, r.start, r.end, "candidate");
    }
    let article = article_from_text("fuzz.txt", text.to_string());
    for incident in mali_atlas::pipeline::incidents(&article, &GEOCODER) {
        mali_atlas_fuzz::check_incident(&article.text, &incident);
    }
});
