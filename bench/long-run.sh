#!/usr/bin/env bash
# Long runs kept out of CI (README, "Quality"): fuzzing and the 100,000-article scale run.
#
#   bench/long-run.sh fuzz [MINUTES]   each fuzz target for MINUTES (default 10), one after the other
#   bench/long-run.sh scale [N]        N synthetic articles (default 100000) through the CLI
#   bench/long-run.sh all              both
#
# fuzz: needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (rustup's
# `nightly`, else RUSTC_BOOTSTRAP=1 on the installed one). Crashes land in fuzz/artifacts/<target>/;
# the script exits 1 if any target found one. FUZZ_JOBS=2 runs two targets at once.
# scale: GAZETTEER (GeoNames ML.txt; default ../shared/data/geonames/ML.txt, else the embedded
# list), LONG_RUN_DIR (work folder, default a temporary one, removed at the end).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.2f", a - b }'; }

fuzz() {
  local minutes="${1:-10}" seconds jobs="${FUZZ_JOBS:-1}" toolchain=() failed=0
  seconds=$((minutes * 60))
  command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz missing: cargo install cargo-fuzz" >&2; exit 2; }
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
  else
    export RUSTC_BOOTSTRAP=1
  fi
  cd "$repo/fuzz"
  python3 seed-corpus.py
  cargo "${toolchain[@]}" fuzz build -O
  run_target() {
    local target="$1" log="$repo/fuzz/artifacts/$1.log"
    mkdir -p "$repo/fuzz/artifacts"
    echo "fuzzing $target for $minutes min (log: $log)"
    if cargo "${toolchain[@]}" fuzz run -O "$target" -- -max_total_time="$seconds" \
        -dict=french.dict -print_final_stats=1 > "$log" 2>&1; then
      grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs' "$log" | sed "s/^/  $target: /"
    else
      echo "  $target: FAILED, see $log and fuzz/artifacts/$target/"
      return 1
    fi
  }
  local targets=(loader extractor geocoder) pids=()
  for target in "${targets[@]}"; do
    run_target "$target" &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then
      wait "${pids[0]}" || failed=1
      pids=("${pids[@]:1}")
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  cd "$repo"
  return "$failed"
}

scale() {
  local n="${1:-100000}" work gazetteer="${GAZETTEER:-$repo/../shared/data/geonames/ML.txt}" g=() start
  [ -f "$gazetteer" ] && g=(--gazetteer "$gazetteer")
  work="${LONG_RUN_DIR:-$(mktemp -d)}"
  [ -n "${LONG_RUN_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
  rm -rf "$work/articles" "$work/scale.atlas" "$work"/scale.atlas-*
  mkdir -p "$work/data" "$work/articles"
  export MALI_ATLAS_DATA_DIR="$work/data"  # nothing installed on this machine leaks in
  # The briefing render (wgpu, software) wants a runtime dir; headless machines often have none.
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
  chmod 700 "$XDG_RUNTIME_DIR"
  cargo build --release --quiet --bin mali-atlas --example synth
  local atlas="$repo/target/release/mali-atlas"

  start="$(now)"
  "$repo/target/release/examples/synth" "$n" 42 > "$work/corpus.jsonl"
  echo "generate $n articles: $(since "$start") s ($(du -h "$work/corpus.jsonl" | cut -f1))"

  start="$(now)"
  "$atlas" --quiet "${g[@]}" extract --stdin-jsonl < "$work/corpus.jsonl" > "$work/incidents.jsonl"
  echo "extract --stdin-jsonl (one core, constant memory): $(since "$start") s, $(wc -l < "$work/incidents.jsonl") incidents"
  echo "score against the generator's truth: $(python3 "$repo/bench/scale_score.py" "$work/corpus.jsonl" "$work/incidents.jsonl")"

  # The same articles as files, for the workspace path the app uses.
  python3 - "$work/corpus.jsonl" "$work/articles" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[2])
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        a = json.loads(line)
        (out / f"{a['id']}.txt").write_text(f"Publié le {a['published']}\n\n{a['text']}\n", encoding="utf-8")
PY
  start="$(now)"
  "$atlas" --quiet "${g[@]}" --workspace "$work/scale.atlas" ingest "$work/articles" 2> "$work/ingest.log"
  echo "ingest $n files into a workspace (all cores): $(since "$start") s ($(du -h "$work/scale.atlas" | cut -f1))"
  start="$(now)"
  "$atlas" --quiet "${g[@]}" --workspace "$work/scale.atlas" ingest "$work/articles" 2> "$work/ingest.log"
  echo "ingest again (nothing changed): $(since "$start") s"
  start="$(now)"
  echo "incidents listed from the workspace: $("$atlas" --quiet "${g[@]}" --workspace "$work/scale.atlas" incidents | wc -l) lines in $(since "$start") s"
  start="$(now)"
  "$atlas" --quiet "${g[@]}" --workspace "$work/scale.atlas" export --format geojson --out "$work/events.geojson"
  echo "export the merged events as GeoJSON: $(since "$start") s ($(du -h "$work/events.geojson" | cut -f1))"
  start="$(now)"
  "$atlas" --quiet "${g[@]}" --workspace "$work/scale.atlas" render --out "$work/briefing.png"
  echo "render a briefing PNG of the whole workspace: $(since "$start") s"
}

case "${1:-}" in
  fuzz) fuzz "${2:-10}" ;;
  scale) scale "${2:-100000}" ;;
  all) fuzz "${2:-10}"; scale ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
