//! `extract --stdin-jsonl` over 100,000 synthetic articles: every line gets its incidents and
//! the process's memory stays flat (sampled from /proc while it runs). A long test, ignored by
//! a plain `cargo test` (tests/stream_lines.rs covers the stream's lines on every run);
//! `.ci/run` runs it with `--include-ignored`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
#[ignore = "long: 100,000 articles through the binary; run with --include-ignored"]
fn streaming_100k_articles_in_flat_memory() {
    const N: usize = 100_000;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mali-atlas"))
        .args(["extract", "--stdin-jsonl"])
        .env("MALI_ATLAS_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let towns = [
            "Gao", "Mopti", "Kidal", "Ségou", "Sévaré", "Niono", "Bankass", "Djenné",
        ];
        for i in 0..N {
            let line = format!(
                "{{\"id\": \"s{i}\", \"text\": \"{} soldats ont été tués hier près de {} dans une embuscade.\", \"published\": \"2023-05-{:02}\"}}\n",
                i % 50 + 2,
                towns[i % towns.len()],
                i % 28 + 1
            );
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut lines = 0usize;
        for l in BufReader::new(stdout).lines() {
            let l = l.unwrap();
            assert!(l.starts_with('{'));
            lines += 1;
        }
        lines
    });
    let mut samples = Vec::new();
    while child.try_wait().unwrap().is_none() {
        if let Some(r) = rss_kib(pid) {
            samples.push(r);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    writer.join().unwrap();
    let lines = reader.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(lines, N, "one incident per article");
    assert!(
        samples.len() >= 6,
        "too few memory samples: {}",
        samples.len()
    );
    let third = samples.len() / 3;
    let early = *samples[..third].iter().max().unwrap();
    let late = *samples[2 * third..].iter().max().unwrap();
    println!(
        "RSS early max {early} KiB, late max {late} KiB, {} samples",
        samples.len()
    );
    assert!(
        late <= early + early / 4 + 8 * 1024,
        "memory grew: {early} KiB → {late} KiB"
    );
    assert!(late < 300 * 1024, "RSS {late} KiB");
}
