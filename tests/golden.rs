//! The extraction stamp's guard: what the pipeline gives on the evaluation texts
//! (tests/eval/cases.toml, with the embedded gazetteer) is kept in `tests/golden/eval.jsonl`,
//! under the rules number it was made with. Workspaces re-extract an article when its stamp
//! changes (`pipeline::extraction_stamp`), so any change of output must come with a new rules
//! number, or stored incidents silently disagree with fresh ones.
//!
//! When this test fails because the output changed on purpose: bump the suffix of
//! `EXTRACTOR_VERSION` (src/extract/version.rs), then run
//! `MALI_ATLAS_BLESS=1 cargo test --test golden` and commit the new golden file. Blessing
//! under the golden file's own rules number is refused: the file changes only with the number.

use std::fmt::Write as _;

use mali_atlas::extract::EXTRACTOR_VERSION;
use mali_atlas::pipeline;

mod common;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/eval.jsonl");

/// The golden file's text: a header line with the rules number, then one line per incident
/// (the `gazetteer` stamp left out: the gazetteer has a stamp of its own).
fn current() -> String {
    let geocoder = common::embedded_geocoder();
    let mut out = serde_json::json!({ "rules": EXTRACTOR_VERSION }).to_string() + "\n";
    for c in &common::eval_cases::cases() {
        let article = common::eval_cases::article(c);
        for incident in pipeline::incidents(&article, geocoder) {
            let mut value = serde_json::to_value(&incident).unwrap();
            value.as_object_mut().unwrap().remove("gazetteer");
            writeln!(out, "{value}").unwrap();
        }
    }
    out
}

fn rules_of(golden: &str) -> String {
    let header: serde_json::Value =
        serde_json::from_str(golden.lines().next().unwrap_or("{}")).unwrap_or_default();
    header["rules"].as_str().unwrap_or("").to_string()
}

#[test]
fn the_output_changes_only_with_the_rules_number() {
    let now = current();
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    let bless = std::env::var_os("MALI_ATLAS_BLESS").is_some();
    let golden_rules = rules_of(&golden);
    if bless && golden_rules != EXTRACTOR_VERSION {
        std::fs::create_dir_all(std::path::Path::new(GOLDEN).parent().unwrap()).unwrap();
        std::fs::write(GOLDEN, &now).unwrap();
        eprintln!("blessed {GOLDEN} under {EXTRACTOR_VERSION}");
        return;
    }
    let body = |text: &str| text.lines().skip(1).map(str::to_string).collect::<Vec<_>>();
    let (was, is) = (body(&golden), body(&now));
    if was == is && golden_rules == EXTRACTOR_VERSION {
        return;
    }
    let first_difference = was
        .iter()
        .zip(&is)
        .position(|(a, b)| a != b)
        .unwrap_or(was.len().min(is.len()));
    let show = |lines: &[String]| {
        lines
            .get(first_difference)
            .cloned()
            .unwrap_or_else(|| "(none)".into())
    };
    if was == is {
        panic!(
            "the output is unchanged but the rules number moved ({golden_rules} → \
             {EXTRACTOR_VERSION}): rewrite the header with MALI_ATLAS_BLESS=1"
        );
    }
    panic!(
        "the extraction output changed ({} → {} incidents; first difference at incident {}):\n\
         golden: {}\nnow:    {}\n\
         {}",
        was.len(),
        is.len(),
        first_difference,
        show(&was),
        show(&is),
        if golden_rules == EXTRACTOR_VERSION {
            format!(
                "bump the rules number of EXTRACTOR_VERSION ({EXTRACTOR_VERSION}, \
                 src/extract/version.rs), then MALI_ATLAS_BLESS=1 cargo test --test golden"
            )
        } else {
            "the rules number was bumped: MALI_ATLAS_BLESS=1 cargo test --test golden".into()
        }
    );
}
