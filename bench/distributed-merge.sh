#!/usr/bin/env bash
# The merge step of the distributed report (issue 20), alone: `argmark report --from PARTS`
# against the one-process `argmark report CORPUS`, at each scale, with the wall time, the peak
# memory (max RSS), the load average beside each run, and whether the bytes are identical.
# With OLD=path/to/argmark (an argmark before the streaming merge) its merge is measured too, in
# alternation with this one, over the same parts. Prints one JSON object per run.
#
#   PARTS=dir CORPUS=dir bash bench/distributed-merge.sh          # parts of CORPUS, already made
#   OLD=/tmp/argmark-old PARTS=... CORPUS=... bash bench/distributed-merge.sh
#   BIN=.build/release/argmark (default)   RUNS=1 (default)   SINGLE=0 to skip the one-process run
#
# The parts are made by bench/distributed.sh (--parts) or by `argmark summarize` over shards of
# the corpus; they must name the files as `argmark report CORPUS` does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/argmark}
RUNS=${RUNS:-1}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-merge-bench}
: "${PARTS:?set PARTS to a folder of parts}" "${CORPUS:?set CORPUS to the corpus the parts were made from}"
mkdir -p "$WORK"
mapfile -t PART_FILES < <(find "$PARTS" -maxdepth 1 -type f | sort)
[ "${#PART_FILES[@]}" -gt 0 ] || { echo "bench: no parts in $PARTS" >&2; exit 1; }
ARTICLES=$(cat "${PART_FILES[@]}" | wc -l)
PART_BYTES=$(cat "${PART_FILES[@]}" | wc -c)

measure() {  # name, output, command...
  local name=$1 output=$2; shift 2
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local result; result=$(python3 "$ROOT/bench/measure.py" --runs 1 -- "$@")
  local after; after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "{\"run\": \"$name\", \"articles\": $ARTICLES, \"parts\": ${#PART_FILES[@]}, \"partBytes\": $PART_BYTES, \"loadBefore\": \"$load\", \"loadAfter\": \"$after\", \"measure\": $result, \"sha256\": \"$(sha256sum "$output" | cut -c1-16)\"}"
}

if [ "${SINGLE:-1}" = 1 ]; then
  measure single "$WORK/single.json" "$BIN" report "$CORPUS" --format json -o "$WORK/single.json"
fi
for run in $(seq "$RUNS"); do
  if [ -n "${OLD:-}" ]; then
    measure old-merge "$WORK/old.json" "$OLD" report --from "${PART_FILES[@]}" --format json -o "$WORK/old.json"
  fi
  measure merge "$WORK/merged.json" "$BIN" report --from "${PART_FILES[@]}" --format json -o "$WORK/merged.json"
done
