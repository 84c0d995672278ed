#!/usr/bin/env bash
# Peer benchmark: mali-atlas against spaCy fr_core_news_md NER + a plain GeoNames lookup, on one
# core: throughput on a synthetic corpus, toponym recall on tests/eval/cases.toml. See README.md.
#
#   bench/peer/run.sh [CORPUS.jsonl]
#
# Environment: MALI_ATLAS (binary, default target/release/mali-atlas), GAZETTEER (GeoNames
# ML.txt), PEER_VENV (default ~/.cache/mali-atlas-peer-venv), PEER_N / PEER_SEED (synthetic
# corpus, default 2000 / 42), PEER_REPEAT (timed runs of each pipeline, best kept, default 3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${PEER_VENV:-$HOME/.cache/mali-atlas-peer-venv}"
spacy_version="3.8.7"   # pinned; fr_core_news_md 3.8.0 accepts spaCy >=3.8.0,<3.9.0
model_version="3.8.0"
mali_atlas="${MALI_ATLAS:-$repo/target/release/mali-atlas}"
cases="$repo/tests/eval/cases.toml"
repeat="${PEER_REPEAT:-3}"

gazetteer="${GAZETTEER:-}"
if [ -z "$gazetteer" ]; then
  for candidate in "$repo/../shared/data/geonames/ML.txt" /work/shared/data/geonames/ML.txt; do
    [ -f "$candidate" ] && gazetteer="$candidate" && break
  done
fi
[ -f "$gazetteer" ] || { echo "GeoNames ML.txt not found: set GAZETTEER" >&2; exit 2; }
[ -x "$mali_atlas" ] || { echo "no mali-atlas binary at $mali_atlas: cargo build --release, or set MALI_ATLAS" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"  # empty MALI_ATLAS_DATA_DIR: nothing installed on this machine leaks in
export MALI_ATLAS_DATA_DIR="$work/data"
# One core for both: no BLAS or rayon thread pools beyond it.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ left in the repository
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)

# (a) The peer's environment, pinned, from PyPI. click: spaCy imports it, and typer (which
# used to pull it in) no longer does (explosion/spaCy#13971).
python="$venv/bin/python"
if ! "$python" -c "import spacy, fr_core_news_md, sys; sys.exit(spacy.__version__ != '$spacy_version')" 2>/dev/null; then
  echo "installing spaCy $spacy_version + fr_core_news_md $model_version into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet "spacy==$spacy_version" "fr-core-news-md==$model_version" "click>=8.2.1,<9"
fi
"$python" -c "import tomllib" 2>/dev/null || "$venv/bin/pip" install --quiet "tomli>=2,<3"

# (b) The corpus.
if [ $# -ge 1 ]; then
  corpus="$1"
else
  corpus="$work/corpus.jsonl"
  (cd "$repo" && cargo run --quiet --release --example synth -- "${PEER_N:-2000}" "${PEER_SEED:-42}") > "$corpus"
fi

now() { date +%s.%N; }
# Best wall time of $repeat runs of a command (stdin from $corpus, stdout to $1); prints seconds.
best_of() {
  local output="$1" best="" start elapsed
  shift
  for _ in $(seq "$repeat"); do
    start="$(now)"
    "$@" < "$corpus" > "$output"
    elapsed="$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')"
    best="$(awk -v a="$elapsed" -v b="${best:-$elapsed}" 'BEGIN { print (a < b ? a : b) }')"
  done
  echo "$best"
}

# (c) Throughput, whole processes (start-up and model / gazetteer loading included).
sizes="$("$python" "$here/score.py" text-bytes "$corpus")"
articles="$(echo "$sizes" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["articles"])')"
bytes="$(echo "$sizes" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["text_bytes"])')"

atlas_cmd=("${pin[@]}" "$mali_atlas" --quiet --gazetteer "$gazetteer" extract --stdin-jsonl)
atlas_seconds="$(best_of "$work/atlas.jsonl" "${atlas_cmd[@]}")"
# Start-up alone (gazetteer parse + automaton): the same command on one empty article.
echo '{"id":"empty","text":""}' > "$work/empty.jsonl"
atlas_startup="$(corpus="$work/empty.jsonl" best_of /dev/null "${atlas_cmd[@]}")"
peer_seconds="$(best_of "$work/peer.jsonl" "${pin[@]}" "$python" "$here/peer.py" extract --gazetteer "$gazetteer" 2> "$work/peer.counts")"
# peer.py prints one JSON line of counts per run: keep the fastest run's.
peer_counts="$("$python" -c 'import json,sys; print(json.dumps(min((json.loads(l) for l in sys.stdin if l.startswith("{")), key=lambda c: c["pipe_seconds"])))' < "$work/peer.counts")"
atlas_incidents="$(wc -l < "$work/atlas.jsonl")"

# (d) Recall.
atlas_recall="$("$python" "$here/score.py" atlas-recall --binary "$mali_atlas" --gazetteer "$gazetteer" "$cases")"
peer_recall="$("${pin[@]}" "$python" "$here/peer.py" recall --gazetteer "$gazetteer" "$cases")"
synth_recall="$("$python" "$here/score.py" synth-recall "$corpus" "$work/atlas.jsonl" "$work/peer.jsonl")"

"$python" - "$articles" "$bytes" "$atlas_seconds" "$atlas_startup" "$peer_seconds" "$peer_counts" \
  "$atlas_incidents" "$atlas_recall" "$peer_recall" "$synth_recall" "$spacy_version" "$model_version" \
  "$("$mali_atlas" --version | awk '{ print $NF }')" <<'EOF'
import json, sys
(articles, size, atlas_s, atlas_startup, peer_s, peer_counts, incidents,
 atlas_recall, peer_recall, synth_recall, spacy_version, model_version, atlas_version) = sys.argv[1:]
articles, size, atlas_s, atlas_startup, peer_s = int(articles), int(size), float(atlas_s), float(atlas_startup), float(peer_s)
peer_counts, atlas_recall, peer_recall, synth_recall = map(json.loads, (peer_counts, atlas_recall, peer_recall, synth_recall))
megabytes = size / 1e6
def rates(seconds):
    return articles / seconds, megabytes / seconds
atlas_rate, peer_rate = rates(atlas_s), rates(peer_s)
atlas_steady = rates(max(atlas_s - atlas_startup, 1e-9))
peer_steady = rates(peer_counts["pipe_seconds"])
print(f"corpus: {articles} articles, {megabytes:.2f} MB of text; one core (taskset -c 0)")
print(f"{'':36}{'seconds':>9}{'articles/s':>12}{'MB/s':>9}   steady state (start-up excluded)")
print(f"{'mali-atlas ' + atlas_version:36}{atlas_s:9.2f}{atlas_rate[0]:12.0f}{atlas_rate[1]:9.3f}   "
      f"{atlas_steady[0]:.0f} articles/s, {atlas_steady[1]:.3f} MB/s (start-up {atlas_startup:.2f} s)")
print(f"{'spaCy ' + spacy_version + ' + fr_core_news_md ' + model_version:36}{peer_s:9.2f}{peer_rate[0]:12.1f}{peer_rate[1]:9.3f}   "
      f"{peer_steady[0]:.1f} articles/s, {peer_steady[1]:.3f} MB/s (load {peer_counts['load_seconds']:.2f} s)")
print(f"throughput ratio mali-atlas / peer: {atlas_rate[0] / peer_rate[0]:.1f}x whole process, "
      f"{atlas_steady[0] / peer_steady[0]:.1f}x steady state")
print(f"mali-atlas: {incidents} incidents; peer: {peer_counts['loc_entities']} LOC/GPE entities, {peer_counts['resolved']} resolved")
print(f"toponym recall on tests/eval/cases.toml ({atlas_recall['expected']} places): "
      f"mali-atlas {atlas_recall['recall']:.3f} ({atlas_recall['found']}), peer {peer_recall['recall']:.3f} ({peer_recall['found']})")
print(f"  mali-atlas missed: {', '.join(atlas_recall['missed']) or '-'}")
print(f"  peer missed: {', '.join(peer_recall['missed']) or '-'}")
print(f"place recall on the synthetic corpus's truth ({synth_recall['expected']} places; mali-atlas: places of its "
      f"incidents, peer: all resolved entities): mali-atlas {synth_recall['atlas_recall']:.3f}, peer {synth_recall['peer_recall']:.3f}")
EOF
