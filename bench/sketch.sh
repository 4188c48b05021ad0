#!/usr/bin/env bash
# Parts of facts and the shared-text join split by shingle hash (issue 20), against the
# one-process report and the merge of parts of articles, on one corpus:
#
#   1. map: `argmark summarize --facts` over SHARDS shards of the corpus (2,000 files a call);
#   2. `argmark report CORPUS` (one process; SINGLE=0 reuses $WORK/single.json);
#   3. `report --from` parts of articles (ARTICLE_PARTS=dir, if given) and parts of facts,
#      measured in alternation after a warm-up of each (bench/measure.py `:::`);
#   4. the join: `shingles count` then `shingles match` for each of RANGES ranges, then
#      `report --from FACTS --matches`.
#
# Every report is compared byte for byte with the one-process report. Prints one JSON object
# per step, with the load average before and after it.
#
#   CORPUS=dir ARTICLE_PARTS=dir bash bench/sketch.sh
#   BIN=.build/release/argmark (default)  SHARDS=4  RANGES=4  WORK=/tmp/argmark-sketch-bench
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/argmark}
SHARDS=${SHARDS:-4}
RANGES=${RANGES:-4}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-sketch-bench}
: "${CORPUS:?set CORPUS to a folder of articles}"
mkdir -p "$WORK/facts" "$WORK/sketch"
MEASURE="python3 $ROOT/bench/measure.py --runs 1"

step() {  # name, output (or -), measure.py arguments...
  local name=$1 output=$2; shift 2
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local result; result=$($MEASURE "$@" | paste -sd, -)
  local after; after=$(cut -d' ' -f1-3 /proc/loadavg)
  local same=null
  if [ "$output" != - ]; then
    if cmp -s "$output" "$WORK/single.json"; then same=true; else same=false; fi
  fi
  echo "{\"step\": \"$name\", \"loadBefore\": \"$load\", \"loadAfter\": \"$after\", \"measure\": [$result], \"identicalToSingle\": $same}"
}

find "$CORPUS" -maxdepth 1 -name '*.xml' ! -name corpus.xml | sort > "$WORK/files.txt"
ARTICLES=$(wc -l < "$WORK/files.txt")
rm -f "$WORK"/facts/*
for shard in $(seq 0 $((SHARDS - 1))); do
  awk -v n="$SHARDS" -v s="$shard" 'NR % n == s' "$WORK/files.txt" > "$WORK/shard-$shard.txt"
done
# The map, shard after shard: each shard's part is the concatenation of its calls' parts.
step map - -- bash -c "for list in $WORK/shard-*.txt; do out=$WORK/facts/\$(basename \$list .txt).part; xargs -a \$list -n 2000 $BIN summarize --facts >> \$out 2>/dev/null || true; done"
FACT_BYTES=$(cat "$WORK"/facts/*.part | wc -c)
FACT_LINES=$(cat "$WORK"/facts/*.part | wc -l)
echo "{\"articles\": $ARTICLES, \"factRecords\": $FACT_LINES, \"factPartBytes\": $FACT_BYTES, \"factBytesPerArticle\": $((FACT_BYTES / ARTICLES))}"
if [ -n "${ARTICLE_PARTS:-}" ]; then
  ARTICLE_BYTES=$(cat "$ARTICLE_PARTS"/* | wc -c)
  echo "{\"articlePartBytes\": $ARTICLE_BYTES, \"articleBytesPerArticle\": $((ARTICLE_BYTES / ARTICLES))}"
fi

if [ "${SINGLE:-1}" = 1 ] || [ ! -f "$WORK/single.json" ]; then
  step single "$WORK/single.json" -- "$BIN" report "$CORPUS" --format json -o "$WORK/single.json"
fi

FACTS=("$WORK"/facts/*.part)
if [ -n "${ARTICLE_PARTS:-}" ]; then
  # Alternation: articles, facts (after a warm-up of each); the outputs are of the last runs.
  step "merge: articles ::: facts" "$WORK/facts.json" -- "$BIN" report --from "$ARTICLE_PARTS"/* --format json -o "$WORK/articles.json" \
    ::: "$BIN" report --from "${FACTS[@]}" --format json -o "$WORK/facts.json"
  cmp -s "$WORK/articles.json" "$WORK/single.json" && echo '{"articlesMergeIdenticalToSingle": true}' || echo '{"articlesMergeIdenticalToSingle": false}'
else
  step "merge: facts" "$WORK/facts.json" -- "$BIN" report --from "${FACTS[@]}" --format json -o "$WORK/facts.json"
fi

COUNTS=()
MATCHES=()
for range in $(seq 0 $((RANGES - 1))); do
  COUNTS+=("$WORK/sketch/counts-$range")
  MATCHES+=("$WORK/sketch/matches-$range")
done
for range in $(seq 0 $((RANGES - 1))); do
  step "shingles count $range/$RANGES" - -- "$BIN" shingles count --range "$range/$RANGES" --from "${FACTS[@]}" -o "${COUNTS[$range]}"
done
for range in $(seq 0 $((RANGES - 1))); do
  step "shingles match $range/$RANGES" - -- "$BIN" shingles match --range "$range/$RANGES" --counts "${COUNTS[@]}" --from "${FACTS[@]}" -o "${MATCHES[$range]}"
done
echo "{\"matchBytes\": $(cat "${MATCHES[@]}" | wc -c), \"header\": $(head -1 "${MATCHES[0]}")}"
step "join: report --from facts --matches" "$WORK/joined.json" -- "$BIN" report --from "${FACTS[@]}" --matches "${MATCHES[@]}" --format json -o "$WORK/joined.json"
