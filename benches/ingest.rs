//! Ingest of 10,000 synthetic articles into a fresh workspace, as `mali-atlas ingest` does it:
//! files read and decoded, extracted and geocoded over the cores, written in batches of 500.
//! Two baselines from the same run make the result a ratio: reading the files alone, and
//! reading plus extraction and geocoding without the store. Also: opening a workspace of
//! 10,000 articles and loading its incidents, and a full-text search over it.
//!
//! The gazetteer is the GeoNames snapshot embedded in the program (`support/mirror.rs`).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use mali_atlas::corpus::{LoadOptions, load_paths};
use mali_atlas::geocode::Geocoder;
use mali_atlas::pipeline;
use mali_atlas::store::Workspace;
use rayon::prelude::*;
use std::hint::black_box;

#[path = "support/mirror.rs"]
mod mirror;
#[path = "support/synth.rs"]
// Benches skip #[test] functions, which leaves the generator's test-module import unused.
#[allow(unused_imports)]
mod synth;

const ARTICLES: usize = 10_000;

fn geocoder() -> Geocoder {
    Geocoder::new(mirror::gazetteer())
}

/// Writes the corpus as one .txt file per article (publication date as a header line, the way
/// saved pages carry it). Returns the folder and the total size in bytes.
fn write_corpus(dir: &std::path::Path) -> u64 {
    let mut bytes = 0;
    for article in synth::corpus(ARTICLES, 2026) {
        let id = article["id"].as_str().expect("id");
        let published = article["published"].as_str().expect("published");
        let text = format!(
            "Publié le {published}\n\n{}\n",
            article["text"].as_str().expect("text")
        );
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("{id}.txt")), text).expect("writes the corpus");
    }
    bytes
}

fn bench_ingest(c: &mut Criterion) {
    let corpus = tempfile::tempdir().expect("temp dir");
    let bytes = write_corpus(corpus.path());
    let paths = vec![corpus.path().to_path_buf()];
    let geocoder = geocoder();

    let mut g = c.benchmark_group("ingest_10k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("baseline_read_files", |b| {
        b.iter(|| black_box(load_paths(&paths, &LoadOptions::default()).len()))
    });
    g.bench_function("baseline_read_extract_geocode", |b| {
        b.iter(|| {
            let articles = load_paths(&paths, &LoadOptions::default());
            let n: usize = articles
                .par_iter()
                .filter_map(|a| a.as_ref().ok())
                .map(|a| pipeline::incidents(a, &geocoder).len())
                .sum();
            black_box(n)
        })
    });
    g.bench_function("ingest", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let ws = Workspace::open(&dir.path().join("bench.atlas")).expect("workspace");
                (dir, ws)
            },
            |(dir, mut ws)| {
                let summary = pipeline::ingest(&paths, &mut ws, &geocoder, 500, &mut |_, _, _| {})
                    .expect("ingests");
                assert_eq!(summary.stored.added, ARTICLES);
                (dir, ws) // dropped outside the timing
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    // A workspace holding the 10k articles: open + load, and full-text search.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bench.atlas");
    let mut ws = Workspace::open(&file).expect("workspace");
    pipeline::ingest(&paths, &mut ws, &geocoder, 500, &mut |_, _, _| {}).expect("ingests");
    drop(ws);
    let mut g = c.benchmark_group("workspace_10k");
    g.sample_size(20);
    g.bench_function("open_and_load_incidents", |b| {
        b.iter(|| {
            let ws = Workspace::open(&file).expect("opens");
            black_box(ws.incidents().expect("loads").len())
        })
    });
    let ws = Workspace::open(&file).expect("opens");
    g.bench_function("search_place", |b| {
        b.iter(|| black_box(ws.search(black_box("segou"), 20).expect("searches").len()))
    });
    g.bench_function("search_phrase", |b| {
        b.iter(|| {
            black_box(
                ws.search(black_box("embuscade convoi"), 20)
                    .expect("searches")
                    .len(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench_ingest);
criterion_main!(benches);
