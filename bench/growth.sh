#!/usr/bin/env bash
# Growth ratios (issue 17, class 6): how the time of `agree`, `remove --cascade` and `add --quote`
# grows when the input doubles and quadruples. Linear work gives ratios near 2 and 4; quadratic
# work gives 4 and 16. Ratios, not times, are the figures: the machine is shared and noisy.
#
#   bash bench/growth.sh            # sizes N, 2N, 4N with N=2000 undercuts and 256 KiB of dots
#   N=4000 DOTS=262144 RUNS=3 bash bench/growth.sh
#
# Inputs come from bench/growth.py: a chain of N claims each undercutting the relation before
# (u2 supports u1, u3 undercuts r1, u4 undercuts r2, ...), and a text of only dots.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-2000}
DOTS=${DOTS:-262144}
RUNS=${RUNS:-3}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-growth}
MEASURE="python3 $ROOT/bench/measure.py --runs $RUNS"
BIN=${BIN:-}
if [ -z "$BIN" ]; then
  echo "building release binary..." >&2
  swift build -c release --package-path "$ROOT" >&2
  BIN=$ROOT/.build/release/argmark
fi
rm -rf "$WORK"; mkdir -p "$WORK"
median() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['median'])" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }

row() { # name, size unit, then three medians
  echo "| $1 | $2 | $3 s | $4 s | $5 s | $(ratio "$4" "$3") | $(ratio "$5" "$3") |"
}

echo "| command | input at 1x | 1x | 2x | 4x | 2x / 1x | 4x / 1x |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"

declare -a AGREE REMOVE ADD ADDN
for scale in 1 2 4; do
  n=$((N * scale)); d=$((DOTS * scale))
  mkdir -p "$WORK/a$scale" "$WORK/b$scale"
  python3 "$ROOT/bench/growth.py" chain "$n" "$WORK/a$scale/chain.xml"
  cp "$WORK/a$scale/chain.xml" "$WORK/b$scale/chain.xml"
  python3 "$ROOT/bench/growth.py" dots "$d" "$WORK/dots$scale.xml"
  "$BIN" validate "$WORK/a$scale/chain.xml" "$WORK/dots$scale.xml" >&2
  AGREE[$scale]=$(median "$($MEASURE -- "$BIN" agree "$WORK/a$scale" "$WORK/b$scale")")
  REMOVE[$scale]=$(median "$($MEASURE --prepare "cp '$WORK/a$scale/chain.xml' '$WORK/r$scale.xml'" -- "$BIN" remove "$WORK/r$scale.xml" u1 --cascade)")
  # A quote that occurs everywhere (refused as ambiguous), and one placed by --occurrence.
  ADD[$scale]=$(median "$($MEASURE -- "$BIN" add "$WORK/dots$scale.xml" claim --quote ".")")
  ADDN[$scale]=$(median "$($MEASURE --prepare "python3 '$ROOT/bench/growth.py' dots $d '$WORK/dots$scale.xml'" -- "$BIN" add "$WORK/dots$scale.xml" claim --quote "....." --occurrence $((d / 10)))")
done
row "\`agree A B\` (undercut chain, both annotators)" "$N units" "${AGREE[1]}" "${AGREE[2]}" "${AGREE[4]}"
row "\`remove FILE u1 --cascade\` (removes the whole chain)" "$N units" "${REMOVE[1]}" "${REMOVE[2]}" "${REMOVE[4]}"
row "\`add FILE claim --quote .\` on dots (refused: ambiguous)" "$DOTS dots" "${ADD[1]}" "${ADD[2]}" "${ADD[4]}"
row "\`add FILE claim --quote ..... --occurrence K\` on dots" "$DOTS dots" "${ADDN[1]}" "${ADDN[2]}" "${ADDN[4]}"
