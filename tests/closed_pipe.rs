//! Every printing subcommand into a reader that has already gone (`mali-atlas … | head -0`):
//! exit 0, and no panic message. The program writes through one handled writer
//! (`main.rs`), so a closed pipe is an `io::Error` that ends the run quietly, as in ripgrep.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The program with a data folder of its own (nothing installed on the machine leaks in).
fn mali_atlas(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mali-atlas"));
    c.env("MALI_ATLAS_DATA_DIR", data).env_remove("RUST_LOG");
    c
}

fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// Runs `cmd` with its stdout on a pipe whose read end is closed before the program starts,
/// so that its first write fails (deterministically, unlike `| head -1`), and feeds `stdin`.
fn into_closed_pipe(cmd: &mut Command, stdin: Option<&str>) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    cmd.stdout(writer).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        // The program may stop reading once its output is gone.
        let _ = pipe.write_all(text.as_bytes());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn every_printing_subcommand_exits_0_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let ws = dir.path().join("w.sqlite");
    let seeds = seeds();
    let seed = seeds[0].display().to_string();
    let ws_arg = ws.display().to_string();

    // A workspace with incidents and one correction, for `incidents` and `corrections`.
    let ok = mali_atlas(&data)
        .args(["--workspace", &ws_arg, "ingest"])
        .args(&seeds)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let ok = mali_atlas(&data)
        .args(["--workspace", &ws_arg, "correct", "0", "--reject"])
        .args(["--reason", "test"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let article = std::fs::read_to_string(&seeds[0]).unwrap();
    let line = serde_json::json!({"id": "s", "text": article}).to_string() + "\n";
    let pack = dir.path().join("pack.gazetteer").display().to_string();
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["extract", &seed], None),
        (vec!["extract", "--format", "json", &seed], None),
        (vec!["extract", "-"], Some(article.as_str())),
        (vec!["extract", "--stdin-jsonl"], Some(line.as_str())),
        (vec!["geocode", "attaque près de Mopti"], None),
        (vec!["export", "--format", "csv", &seed], None),
        (vec!["export", "--format", "geojson", &seed], None),
        (vec!["export", "--format", "jsonl", &seed], None),
        (
            vec!["--workspace", &ws_arg, "export", "--format", "csv"],
            None,
        ),
        (vec!["--workspace", &ws_arg, "incidents"], None),
        (vec!["--workspace", &ws_arg, "corrections"], None),
        (vec!["--workspace", &ws_arg, "ingest", &seed], None),
        (
            vec![
                "--workspace",
                &ws_arg,
                "correct",
                "0",
                "--restore",
                "--reason",
                "t",
            ],
            None,
        ),
        (vec!["data", "status"], None),
        (vec!["data", "export-pack", &pack], None),
        (vec!["--help"], None),
    ];
    for (args, stdin) in cases {
        let out = into_closed_pipe(mali_atlas(&data).args(&args), stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}
