#!/usr/bin/env bash
# Times `argmark link --suggest` on growing slices of the bench corpus (the feedback-prize essays
# turned into annotated articles exactly as bench/run.sh does: argmark new, then
# bench/add_units.py), to check that finding candidate shared propositions stays linear.
#
#   bash bench/link-scale.sh [N ...]      (default: 2000 4000 8000 and every essay)
#
# Needs the essays at ../shared/corpora/feedback-prize-essays/essays (or ESSAYS=...). Uses
# --evaluate so nothing is written into the corpus (the work is the same: every unit is
# compared, through the inverted index, with the units of the other articles).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ESSAYS=${ESSAYS:-$ROOT/../shared/corpora/feedback-prize-essays/essays}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-link-bench}
RUNS=${RUNS:-3}
[ -d "$ESSAYS" ] || { echo "bench: no essays at $ESSAYS (set ESSAYS=...)" >&2; exit 1; }
TOTAL=$(ls "$ESSAYS" | wc -l)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 4000 8000 "$TOTAL")
if [ -z "${ARGMARK:-}" ]; then
  swift build -c release --package-path "$ROOT" --product argmark >&2
  ARGMARK=$ROOT/.build/release/argmark
fi
mkdir -p "$WORK"
if [ ! -f "$WORK/corpus/corpus.xml" ]; then
  rm -rf "$WORK/corpus"
  "$ARGMARK" new "$ESSAYS" -o "$WORK/corpus" >&2
  python3 "$ROOT/bench/add_units.py" "$WORK/corpus" "$ESSAYS" >&2
fi
echo "| articles | units | suggested pairs | median wall time (s) | peak RSS (MB) | µs per unit |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  slice=$WORK/slice-$n
  if [ ! -d "$slice" ]; then
    mkdir -p "$slice"
    cp "$WORK/corpus/corpus.xml" "$slice/"
    ls "$WORK/corpus" | grep -v '^corpus.xml$' | sort | head -n "$n" | while read -r name; do ln -s "$WORK/corpus/$name" "$slice/$name"; done
  fi
  units=$(cat "$slice"/*.xml | grep -c "<unit " || true)
  result=$(python3 "$ROOT/bench/measure.py" --runs "$RUNS" -- "$ARGMARK" link --suggest --evaluate "$slice")
  pairs=$("$ARGMARK" link --suggest --evaluate "$slice" | tail -1 | sed 's/.*: \([0-9]*\) pairs suggested.*/\1/')
  python3 - "$n" "$units" "$pairs" "$result" <<'PY'
import json, sys
n, units, pairs, result = sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
seconds = result["median"]
print(f"| {n} | {units} | {pairs} | {seconds:.2f} | {result['max_rss_kib'] / 1024:.0f} | {seconds / units * 1e6:.1f} |")
PY
done
