//! `extract --stdin-jsonl` as a partition of Spark (or any line-oriented engine) sees it:
//! texts holding U+2028/U+2029, `\r` and NUL come through unchanged (every span still indexes
//! the text as sent), each output line is one whole JSON object that no line reader splits,
//! and the input `id` comes back as each incident's `article` for joins (issue 19).

use assert_cmd::Command;
use serde_json::{Value, json};

/// Articles whose special characters come before the incident, so that any character lost or
/// changed on the way would shift every span after it.
fn articles() -> Vec<(Value, &'static str)> {
    vec![
        (
            json!("line\u{2028}sep"),
            "Bamako\u{2028}le 2 mai.\u{2029}Dix soldats ont été tués hier près de Gao.",
        ),
        (
            json!("crlf/1 \"quoted\""),
            "Mopti\r\n\r\nUn texte\rà l'ancienne.\r\nDouze civils ont été tués lundi à Bandiagara.",
        ),
        (
            json!("nul"),
            "Kidal\u{0}\u{0} dépêche.\u{0} Quatre gendarmes ont été tués mardi à Ménaka.",
        ),
        // A table's integer key, as `DataFrame.toJSON` writes it.
        (
            json!(42),
            "Six civils ont été tués dimanche près de Ségou.\u{2028}Fin.",
        ),
    ]
}

#[test]
fn special_characters_survive_and_ids_come_back_unchanged() {
    let input: String = articles()
        .iter()
        .map(|(id, text)| {
            // serde_json, like Jackson and json.dumps(ensure_ascii=False), escapes \r and NUL
            // and writes U+2028/U+2029 raw: the raw ones must not end a line.
            json!({"id": id, "text": text, "published": "2023-05-09"}).to_string() + "\n"
        })
        .collect();
    assert!(input.contains('\u{2028}') && input.contains('\u{2029}'));
    let out = Command::cargo_bin("mali-atlas")
        .unwrap()
        .env("MALI_ATLAS_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(["-q", "extract", "--stdin-jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // No character any line reader (Hadoop's, Python's str.splitlines, JavaScript's) takes for
    // a line end, other than the one ending each line.
    for c in [
        '\r', '\u{0}', '\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}',
    ] {
        assert!(!stdout.contains(c), "raw {c:?} in the output");
    }
    let lines: Vec<Value> = stdout
        .split_terminator('\n')
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    for (id, text) in articles() {
        let article = match &id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mine: Vec<&Value> = lines.iter().filter(|l| l["article"] == *article).collect();
        assert_eq!(mine.len(), 1, "{article:?}: {lines:#?}");
        let incident = mine[0];
        assert!(
            incident["fatalities"]["best"].as_u64().is_some(),
            "{incident}"
        );
        assert!(incident["location"].is_object(), "{incident}");
        let evidence = incident["evidence"].as_array().unwrap();
        assert!(evidence.len() >= 2, "{incident}");
        for e in evidence {
            let [start, end] = [0, 1].map(|i| e["span"][i].as_u64().unwrap() as usize);
            assert_eq!(text.get(start..end), e["text"].as_str(), "{article:?}: {e}");
        }
    }
}
