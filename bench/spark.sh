#!/usr/bin/env bash
# The README's Spark recipe ("On Spark"), run for real: PySpark from PyPI in a private venv,
# `spark-submit --master local[2]` of the README's job script (copied from the README at run
# time, so the two cannot drift apart) over N synthetic articles plus three whose texts hold
# U+2028/U+2029, \r and NUL (one of them at the middle of the file, where Spark splits it in
# two), the gazetteer shipped as a pack to workers that have no data folder. The incidents
# must be exactly those of a direct `extract --stdin-jsonl` run on the "analyst's" machine
# (same JSON lines, order aside). Prints the throughput of both.
#
#   bash bench/spark.sh [N]          N articles (default 20000, at most 100000)
#
# Skips, saying so and exiting 0, when there is no Java 17 or newer. Environment:
#   MALI_ATLAS_BIN, SYNTH_BIN  the binaries (default: cargo build --release of both)
#   SPARK_VENV    the venv PySpark goes into (default: target/spark-venv)
#   PYSPARK_SPEC  what pip installs (default: pyspark==4.3.0)
#   GAZETTEER     a GeoNames ML.txt/ML.zip the analyst installed, newer than the embedded
#                 snapshot (default: the mirror ../shared/data/geonames/ML.txt if present,
#                 else nothing installed: the embedded snapshot)
#   SPARK_WORK    keep the work files in this folder (default: a temporary one, removed)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20000}"

major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1 || true)"
major="${major#1.}"
major="${major%%.*}"
if [ -z "$major" ] || ! command -v java > /dev/null; then
  echo "SKIPPED spark: no Java on this machine (PySpark needs Java 17 or newer)"
  exit 0
fi
if [ "$major" -lt 17 ]; then
  echo "SKIPPED spark: Java $major here, PySpark needs 17 or newer"
  exit 0
fi

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

venv="${SPARK_VENV:-$repo/target/spark-venv}"
spec="${PYSPARK_SPEC:-pyspark==4.3.0}"
if ! "$venv/bin/python" -c 'import pyspark' 2> /dev/null; then
  echo "installing $spec into $venv"
  python3 -m venv "$venv" || {
    echo "error: python3 -m venv failed (Debian: apt-get install python3-venv)" >&2
    exit 1
  }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec"
fi
echo "PySpark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), Java $major"

if [ -z "${MALI_ATLAS_BIN:-}" ] || [ -z "${SYNTH_BIN:-}" ]; then
  (cd "$repo" && cargo build --release --quiet --bin mali-atlas --example synth)
fi
atlas="${MALI_ATLAS_BIN:-$repo/target/release/mali-atlas}"
synth="${SYNTH_BIN:-$repo/target/release/examples/synth}"

work="${SPARK_WORK:-$(mktemp -d)}"
[ -n "${SPARK_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
rm -rf "$work/analyst" "$work/worker" "$work/bin" "$work/spark-out"
mkdir -p "$work/analyst" "$work/worker" "$work/bin"

# The analyst's machine: a dump newer than the embedded snapshot installed, when there is one
# to start from. It gets one village the snapshot lacks (made up, for this test: a later
# GeoNames edit), so that a worker without the pack would give other incidents.
gazetteer="${GAZETTEER:-$repo/../shared/data/geonames/ML.txt}"
newer_place=""
case "$gazetteer" in
  *.txt)
    if [ -f "$gazetteer" ]; then
      cp "$gazetteer" "$work/ML.txt"
      printf '99000019\tSparkadougou\tSparkadougou\t\t14.2\t-3.5\tP\tPPL\tML\t\t04\t\t\t\t900\t\t300\tAfrica/Bamako\t2026-11-30\n' >> "$work/ML.txt"
      gazetteer="$work/ML.txt"
      newer_place="Sparkadougou"
    fi ;;
esac
if [ -f "$gazetteer" ]; then
  MALI_ATLAS_DATA_DIR="$work/analyst" "$atlas" data install --from "$gazetteer" > /dev/null
  echo "analyst: installed ${GAZETTEER:-the GeoNames mirror}${newer_place:+ + $newer_place}"
else
  echo "analyst: nothing installed (the embedded snapshot)"
fi
stamp="$(MALI_ATLAS_DATA_DIR="$work/analyst" "$atlas" data status | sed -n 's/^stamp: //p')"
embedded="$(MALI_ATLAS_DATA_DIR="$work/worker" "$atlas" data status | sed -n 's/^stamp: //p')"
echo "analyst's gazetteer $stamp, embedded snapshot $embedded"
if [ -n "$newer_place" ] && [ "$stamp" = "$embedded" ]; then
  echo "error: the installed dump should differ from the embedded snapshot" >&2
  exit 1
fi

# The corpus: N generated articles, and three with line-breaking characters in their texts.
"$synth" "$n" 42 > "$work/generated.jsonl"
python3 - "$work/generated.jsonl" "$work/corpus.jsonl" "$newer_place" <<'PY'
import json, sys
newer = sys.argv[3] or "Gao"
special = [
    {"id": "special \u2028 U+2028", "published": "2023-05-03",
     "text": "Bamako\u2028le 2 mai.\u2029Dix soldats ont été tués hier près de Gao."},
    {"id": "special \r CR", "published": "2023-05-09",
     "text": "Mopti\r\n\r\nUn texte\rà l'ancienne.\r\nDouze civils ont été tués lundi à Bandiagara."},
    {"id": "special \u0000 NUL", "published": "2023-05-10",
     "text": "Kidal\u0000 dépêche.\u0000 Quatre gendarmes ont été tués mardi à Ménaka."},
    {"id": "newer dump", "published": "2023-05-12",
     "text": f"Cinq civils ont été tués jeudi à {newer} par des hommes armés."},
]
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
# Like Jackson's toJSON: U+2028/U+2029 raw, \r and NUL escaped (JSON requires it).
extra = [json.dumps(a, ensure_ascii=False) for a in special]
assert "\u2028" in extra[0] and "\r" not in extra[1]
lines.insert(0, extra[0])
lines.insert(len(lines) // 2, extra[1])
lines.append(extra[2])
lines.insert(len(lines) // 3, extra[3])
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    out.write("\n".join(lines) + "\n")
json.dump(special, open(sys.argv[2] + ".special.json", "w"))
PY
articles="$(wc -l < "$work/corpus.jsonl")"
bytes="$(wc -c < "$work/corpus.jsonl")"
echo "corpus: $articles articles, $(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB"

# The README's recipe: the pack, then the job script copied from the README.
MALI_ATLAS_DATA_DIR="$work/analyst" "$atlas" data export-pack "$work/gazetteer.pack" > /dev/null
cp "$atlas" "$work/bin/mali-atlas"
python3 - "$repo/README.md" "$work/extract_incidents.py" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
marker = "<!-- spark-job:"
start = text.index("```python\n", text.index(marker)) + len("```python\n")
open(sys.argv[2], "w", encoding="utf-8").write(text[start:text.index("```", start)])
PY

report() {  # what seconds
  python3 -c "import sys; s = float(sys.argv[2]); print(f'{sys.argv[1]}: {s:.1f} s, {$articles / s:,.0f} articles/s, {$bytes / 1e6 / s:.2f} MB/s')" "$1" "$2"
}

start="$(now)"
MALI_ATLAS_DATA_DIR="$work/analyst" "$atlas" -q extract --stdin-jsonl \
  < "$work/corpus.jsonl" > "$work/direct.jsonl" 2> "$work/direct.err"
direct_seconds="$(since "$start")"
if [ -s "$work/direct.err" ]; then
  echo "error: the direct run printed on stderr:" >&2
  head -n 5 "$work/direct.err" >&2
  exit 1
fi

# The workers: no data folder (MALI_ATLAS_DATA_DIR empty for every process Spark starts),
# only what --files ships.
start="$(now)"
MALI_ATLAS_DATA_DIR="$work/worker" PYSPARK_PYTHON="$venv/bin/python" \
  PYSPARK_DRIVER_PYTHON="$venv/bin/python" \
  "$venv/bin/spark-submit" --master "local[2]" --conf spark.ui.enabled=false \
  --files "$work/bin/mali-atlas,$work/gazetteer.pack" \
  "$work/extract_incidents.py" "$work/corpus.jsonl" "$work/spark-out" \
  > "$work/spark.log" 2>&1 || {
  echo "error: spark-submit failed; the end of $work/spark.log:" >&2
  tail -n 30 "$work/spark.log" >&2
  exit 1
}
spark_seconds="$(since "$start")"
if grep -q "warning: gazetteer" "$work/spark.log"; then
  echo "error: a worker ran on less than the full gazetteer:" >&2
  grep "warning: gazetteer" "$work/spark.log" | head -n 3 >&2
  exit 1
fi

parts="$(ls "$work/spark-out"/part-* | wc -l)"
LC_ALL=C sort "$work/direct.jsonl" > "$work/direct.sorted"
cat "$work/spark-out"/part-* | LC_ALL=C sort > "$work/spark.sorted"
incidents="$(wc -l < "$work/direct.sorted")"
if ! cmp -s "$work/direct.sorted" "$work/spark.sorted"; then
  echo "FAILED: Spark gave $(wc -l < "$work/spark.sorted") incident lines, the direct run $incidents; first differences:" >&2
  diff "$work/direct.sorted" "$work/spark.sorted" | head -n 6 | cut -c 1-300 >&2
  exit 1
fi
python3 - "$work/spark.sorted" "$work/corpus.jsonl.special.json" "$stamp" "$newer_place" <<'PY'
import json, sys
incidents = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
special = json.load(open(sys.argv[2]))
stamps = {i["gazetteer"] for i in incidents}
assert stamps == {sys.argv[3]}, f"gazetteer stamps {stamps}, the analyst's is {sys.argv[3]}"
for article in special:
    mine = [i for i in incidents if i["article"] == article["id"]]
    assert len(mine) == 1, (article["id"], len(mine))
    for e in mine[0]["evidence"]:
        # Spans index the text as sent: nothing was lost or changed on the way.
        text = article["text"].encode("utf-8")[e["span"][0]:e["span"][1]].decode("utf-8")
        assert text == e["text"], (article["id"], e)
if sys.argv[4]:
    (newer,) = [i for i in incidents if i["article"] == "newer dump"]
    assert [p["name"] for p in newer["places"] if p["geonameid"]] == [sys.argv[4]], newer
PY
echo "OK: Spark local[2] ($parts partitions) and the direct run agree exactly: $incidents incidents, gazetteer $stamp; the special articles came through whole"
report "direct extract --stdin-jsonl (one process)" "$direct_seconds"
report "spark-submit local[2], whole job (JVM start included)" "$spark_seconds"
