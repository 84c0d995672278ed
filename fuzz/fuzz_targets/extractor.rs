//! Extractor: arbitrary UTF-8 text as an article. Must not panic, and every incident must
//! satisfy the contract's invariants (spans quote the text, tolls ordered and summed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mali_atlas::corpus::article_from_text;
use mali_atlas::extract::extract;

fuzz_target!(|text: &str| {
    let article = article_from_text("fuzz.txt", text.to_string());
    mali_atlas_fuzz::check_article(&article);
    let extraction = extract(&article);
    for d in &extraction.drafts {
        mali_atlas_fuzz::check_incident(&article.text, &d.incident);
        for &s in d.sentences.iter().chain(&d.core) {
            assert!(
                s < article.sentences.len(),
                "draft sentence {s} out of range"
            );
        }
    }
    for r in &extraction.actor_spans {
        mali_atlas_fuzz::check_span(&article.text, r.start, r.end, "actor span");
    }
});
