//! Dependencies point one way: every `crate::X` path a module of the library names (outside
//! its `#[cfg(test)]` part and its comments) must be allowed by `mali_atlas::LAYERS`, a table
//! whose entries may only name modules listed before them, so no cycle can be allowed.
//! Deliberately breaking the rule (say `use crate::ui::…;` in `src/extract/`) fails this test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use mali_atlas::{KNOWN_UPWARD_IMPORTS, LAYERS};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules named by `crate::X` in `source`, with the line of the first use;
/// comments and everything from the first `#[cfg(test)]` on (the tests at the bottom) left
/// out.
fn crate_paths(source: &str) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let code = code.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `$crate::` in macros and `some_crate::` are other things.
            let before = rest[..at].chars().last();
            if !name.is_empty()
                && !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
            {
                found.entry(name).or_insert(n + 1);
            }
            rest = after;
        }
    }
    found
}

/// Every module's imports: module → (imported module → "file:line").
fn imports() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut all: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (target, line) in crate_paths(&text) {
            if target != module {
                all.entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| format!("src/{}:{line}", rel.display()));
            }
        }
    }
    all
}

#[test]
fn the_table_lists_every_module_once_and_cannot_describe_a_cycle() {
    let mut seen = BTreeSet::new();
    for (module, allowed) in LAYERS {
        for a in *allowed {
            assert!(
                seen.contains(a),
                "{module} may use {a}, which is not listed before it: the table must go \
                 from the bottom layer up"
            );
        }
        assert!(seen.insert(*module), "{module} listed twice");
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(src).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let module = name.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        assert!(seen.contains(module), "src/{name} is not in LAYERS");
    }
}

#[test]
fn every_import_follows_the_table() {
    let table: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut broken = Vec::new();
    let mut known_still_there = BTreeSet::new();
    for (module, targets) in imports() {
        let allowed = table.get(module.as_str()).copied().unwrap_or(&[]);
        for (target, place) in targets {
            // Test helpers compiled only under cfg(test) in lib.rs.
            if target == "test_mirror" || allowed.contains(&target.as_str()) {
                continue;
            }
            if KNOWN_UPWARD_IMPORTS.contains(&(module.as_str(), target.as_str())) {
                known_still_there.insert((module.clone(), target.clone()));
                continue;
            }
            broken.push(format!("{place}: {module} uses {target}"));
        }
    }
    assert!(
        broken.is_empty(),
        "imports against the layers (src/lib.rs, LAYERS):\n{}",
        broken.join("\n")
    );
    for (module, target) in KNOWN_UPWARD_IMPORTS {
        assert!(
            known_still_there.contains(&(module.to_string(), target.to_string())),
            "{module} no longer uses {target}: remove it from KNOWN_UPWARD_IMPORTS"
        );
    }
}

#[test]
fn the_scanner_sees_imports_and_skips_comments_and_tests() {
    let found = crate_paths(
        "use crate::model::Incident;\n\
         // crate::ui in a comment\n\
         /// [`crate::store`] in a doc\n\
         fn f() { crate::geocode::x(); } // crate::ui\n\
         macro_rules! m { () => { $crate::y } }\n\
         #[cfg(test)]\n\
         mod tests { use crate::pipeline; }\n",
    );
    assert_eq!(
        found.keys().map(String::as_str).collect::<Vec<_>>(),
        ["geocode", "model"]
    );
}
