//! Synthetic corpus generator for mali-atlas's quality gates (throughput and recall benches).
//!
//! `cargo run --release --example synth -- N SEED > corpus.jsonl` writes N (10 to 100,000)
//! articles, one JSON object per line, with their ground truth. The generator itself is
//! `benches/support/synth.rs`, shared with the benches.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[path = "../benches/support/synth.rs"]
mod synth;

/// N (10 to 100,000) and SEED from the command line.
fn parse_arguments(args: &[String]) -> Option<(usize, u64)> {
    let [count, seed] = args else { return None };
    let count = count.parse().ok().filter(|n| (10..=100_000).contains(n))?;
    Some((count, seed.parse().ok()?))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((count, seed)) = parse_arguments(&args) else {
        eprintln!("usage: synth N SEED   (N from 10 to 100000)");
        return ExitCode::from(2);
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for article in synth::corpus(count, seed) {
        if writeln!(out, "{article}").is_err() {
            return ExitCode::FAILURE; // closed pipe (`| head`): stop quietly
        }
    }
    ExitCode::from(u8::from(out.flush().is_err()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let args = |a: &[&str]| parse_arguments(&Vec::from_iter(a.iter().map(ToString::to_string)));
        assert_eq!(args(&["10", "1"]), Some((10, 1)));
        assert!(args(&["9", "1"]).is_none() && args(&["100001", "1"]).is_none());
        assert!(args(&["x"]).is_none() && args(&["10", "-1"]).is_none());
    }
}
