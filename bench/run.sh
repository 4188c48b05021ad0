#!/usr/bin/env bash
# argmark's corpus-scale benchmark. Writes bench/RESULTS.md.
#
#   bash bench/run.sh                 # the whole essay corpus (15,594 files), 3 runs of each measure
#   LIMIT=2000 RUNS=5 bash bench/run.sh   # a quicker look on the first 2,000 essays
#
# Needs: swift, python3, xmllint (Debian libxml2-utils). Uses only public tools: a release build,
# xmllint as the peer, and bench/measure.py (median wall time, peak RSS via wait4).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ESSAYS=${ESSAYS:-$ROOT/../shared/corpora/feedback-prize-essays/essays}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-bench}
RUNS=${RUNS:-3}
LIMIT=${LIMIT:-0}
XSD=$ROOT/Schemas/argmark.xsd
MEASURE="python3 $ROOT/bench/measure.py --runs $RUNS"

command -v xmllint >/dev/null || { echo "bench: xmllint is missing: apt-get install -y libxml2-utils" >&2; exit 1; }
[ -d "$ESSAYS" ] || { echo "bench: no essays at $ESSAYS (set ESSAYS=...)" >&2; exit 1; }

echo "building release binary..." >&2
swift build -c release --static-swift-stdlib --package-path "$ROOT" >&2
BIN=$ROOT/.build/release/argmark

# The release that `new FOLDER` is compared with (issue: at least 3x faster than it), built from git
# in its own folder. BASELINE_BIN skips the build.
BASELINE=${BASELINE:-46fb8ce}
if [ -z "${BASELINE_BIN:-}" ]; then
  echo "building the baseline release $BASELINE..." >&2
  BASELINE_DIR=${BASELINE_DIR:-${TMPDIR:-/tmp}/argmark-baseline-$BASELINE}
  [ -d "$BASELINE_DIR" ] || git -C "$ROOT" worktree add --detach "$BASELINE_DIR" "$BASELINE" >&2
  swift build -c release --static-swift-stdlib --package-path "$BASELINE_DIR" >&2
  BASELINE_BIN=$BASELINE_DIR/.build/release/argmark
fi
TIMES=${TIMES:-10}

rm -rf "$WORK"
mkdir -p "$WORK"
SOURCE=$ESSAYS
if [ "$LIMIT" -gt 0 ]; then
  SOURCE=$WORK/essays
  mkdir -p "$SOURCE"
  python3 -c "import os,shutil,sys; [shutil.copy(os.path.join(sys.argv[1],n), sys.argv[2]) for n in sorted(os.listdir(sys.argv[1]))[:int(sys.argv[3])]]" "$ESSAYS" "$SOURCE" "$LIMIT"
fi
FILES=$(ls "$SOURCE" | wc -l)

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }

echo "step 5 (and 1): folder import with argmark new, $FILES files, this version and the baseline in alternation..." >&2
BOTH=$($MEASURE --prepare "rm -rf '$WORK/corpus' '$WORK/corpus-baseline'" -- "$BIN" new "$SOURCE" -o "$WORK/corpus" ::: "$BASELINE_BIN" new "$SOURCE" -o "$WORK/corpus-baseline")
IMPORT=$(echo "$BOTH" | sed -n 1p)
IMPORT_BASELINE=$(echo "$BOTH" | sed -n 2p)
rm -rf "$WORK/corpus-baseline"
"$BIN" new "$SOURCE" -o "$WORK/corpus" >/dev/null 2>&1 || true
[ "$(field "$IMPORT" exit)" = 0 ] || { echo "bench: argmark new failed" >&2; exit 1; }

echo "step 1: adding units by the fixed procedure (bench/add_units.py)..." >&2
python3 "$ROOT/bench/add_units.py" "$WORK/corpus" "$SOURCE" >&2
"$BIN" validate "$WORK/corpus" 2>"$WORK/validate.log" || { tail -5 "$WORK/validate.log" >&2; echo "bench: the corpus is not valid" >&2; exit 1; }
UNITS=$(cat "$WORK"/corpus/*.xml | grep -c "<unit " || true)
RELATIONS=$(cat "$WORK"/corpus/*.xml | grep -c "<relation " || true)

echo "step 2: validate vs xmllint (in alternation, after a warm-up run of each)..." >&2
sync
ls "$WORK"/corpus/*.xml | grep -v '/corpus.xml$' > "$WORK/files.txt"
BOTH=$($MEASURE -- "$BIN" validate "$WORK/corpus" ::: sh -c "xargs -a '$WORK/files.txt' xmllint --noout --schema '$XSD'")
VALIDATE=$(echo "$BOTH" | sed -n 1p)
XMLLINT_ALL=$(echo "$BOTH" | sed -n 2p)
# xargs may split a long list over several xmllint processes; the schema is then compiled once per process.
XMLLINT_PROCESSES=$(xargs -a "$WORK/files.txt" sh -c 'echo x' | wc -l)

echo "step 3: report --format json on 10% and 100%..." >&2
mkdir -p "$WORK/sample10"
cp "$WORK/corpus/corpus.xml" "$WORK/sample10/"
awk 'NR % 10 == 1' "$WORK/files.txt" | while read -r path; do cp "$path" "$WORK/sample10/"; done
BOTH=$($MEASURE -- "$BIN" report "$WORK/sample10" --format json -o "$WORK/report10.json" ::: "$BIN" report "$WORK/corpus" --format json -o "$WORK/report100.json")
REPORT10=$(echo "$BOTH" | sed -n 1p)
REPORT100=$(echo "$BOTH" | sed -n 2p)

echo "step 3b: report --format json on the corpus and on it repeated ${TIMES}x with new ids..." >&2
python3 "$ROOT/bench/replicate.py" "$WORK/corpus" "$WORK/corpus-x$TIMES" "$TIMES"
BOTH=$($MEASURE -- "$BIN" report "$WORK/corpus" --format json -o "$WORK/report1x.json" ::: "$BIN" report "$WORK/corpus-x$TIMES" --format json -o "$WORK/report10x.json")
REPORT1X=$(echo "$BOTH" | sed -n 1p)
REPORT10X=$(echo "$BOTH" | sed -n 2p)
rm -rf "$WORK/corpus-x$TIMES"

echo "checking that no file is read twice (strace)..." >&2
opens() {  # the most times any one .xml file was opened by the command
  if command -v strace >/dev/null; then
    strace -f -qq -e trace=openat -o "$WORK/trace.txt" "$@" >/dev/null 2>&1 || true
    grep -o '"[^"]*\.xml"' "$WORK/trace.txt" | grep -v '\.lock"' | sort | uniq -c | sort -rn | awk 'NR == 1 {print $1}'
  else
    echo "n/a (strace not installed)"
  fi
}
VALIDATE_OPENS=$(opens "$BIN" validate "$WORK/sample10")
REPORT_OPENS=$(opens "$BIN" report "$WORK/sample10" --format json -o "$WORK/opens.json")

echo "step 4: argmark add on the largest seed article vs xmllint on the same file..." >&2
mkdir -p "$WORK/add"
LARGEST=$(ls -S "$ROOT"/Annotations/*.xml | grep -v '/corpus.xml$' | sed -n 1p)
cp "$LARGEST" "$WORK/add/original.xml"
[ -f "$ROOT/Annotations/corpus.xml" ] && cp "$ROOT/Annotations/corpus.xml" "$WORK/add/corpus.xml"
cp "$WORK/add/original.xml" "$WORK/add/article.xml"
ADD_RUNS=$(( RUNS > 10 ? RUNS : 10 ))
BOTH=$(python3 "$ROOT/bench/measure.py" --runs "$ADD_RUNS" --prepare "cp '$WORK/add/original.xml' '$WORK/add/article.xml'" -- "$BIN" add "$WORK/add/article.xml" claim --start 0 --end 12 ::: xmllint --noout --schema "$XSD" "$WORK/add/article.xml")
ADD=$(echo "$BOTH" | sed -n 1p)
XMLLINT_ONE=$(echo "$BOTH" | sed -n 2p)
ADD_SIZE=$(wc -c < "$WORK/add/original.xml")

VALIDATE_RATIO=$(ratio "$(field "$XMLLINT_ALL" median)" "$(field "$VALIDATE" median)")
REPORT_RATIO=$(ratio "$(field "$REPORT100" median)" "$(field "$REPORT10" median)")
ADD_RATIO=$(ratio "$(field "$ADD" median)" "$(field "$XMLLINT_ONE" median)")
REPORT_RSS_MIB=$(( $(field "$REPORT100" max_rss_kib) / 1024 ))
IMPORT_SPEEDUP=$(ratio "$(field "$IMPORT_BASELINE" median)" "$(field "$IMPORT" median)")
SCALE_RATIO=$(ratio "$(field "$REPORT10X" median)" "$(field "$REPORT1X" median)")
REPORT1X_MIB=$(( $(field "$REPORT1X" max_rss_kib) / 1024 ))
REPORT10X_MIB=$(( $(field "$REPORT10X" max_rss_kib) / 1024 ))
verdict() { python3 -c "import sys; v,op,t=float(sys.argv[1]),sys.argv[2],float(sys.argv[3]); print('met' if (v>=t if op=='>=' else v<=t if op=='<=' else v<t) else 'NOT met')" "$@"; }

CPU=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
cat > "$ROOT/bench/RESULTS.md.new" <<MD
# Benchmark results

Produced by \`bash bench/run.sh\` (LIMIT=${LIMIT}, RUNS=${RUNS}); every figure is the median of the runs.

## Machine
- $(nproc) cores ($CPU), $MEM memory, $(uname -sr)
- $(swift --version 2>&1 | head -1)
- libxml2 $(xmllint --version 2>&1 | head -1 | sed 's/.*version //'), the same library argmark links

## Corpus
$FILES essays from \`feedback-prize-essays/essays\`, made into argmark files by \`argmark new\` and given
$UNITS units and $RELATIONS relations by \`bench/add_units.py\` (position, claims, evidence,
counterclaims, rebuttals and a restated position per essay, by a fixed procedure).

## Results

| measure | command | median | peer / ratio | target | verdict |
| --- | --- | --- | --- | --- | --- |
| validate | \`argmark validate corpus\` | $(field "$VALIDATE" median) s | xmllint \`--noout --schema\`: $(field "$XMLLINT_ALL" median) s ($XMLLINT_PROCESSES process(es)); argmark's throughput is **${VALIDATE_RATIO}×** xmllint's | ≥ 1.6× | $(verdict "$VALIDATE_RATIO" ">=" 1.6) |
| report 10% | \`argmark report sample10 --format json\` | $(field "$REPORT10" median) s | peak $(( $(field "$REPORT10" max_rss_kib) / 1024 )) MiB | | |
| report 100% | \`argmark report corpus --format json\` | $(field "$REPORT100" median) s | **${REPORT_RATIO}×** the 10% time; peak **${REPORT_RSS_MIB} MiB** | ≤ 11× and < 1024 MiB | $(verdict "$REPORT_RATIO" "<=" 11) / $(verdict "$REPORT_RSS_MIB" "<" 1024) |
| add | \`argmark add 003.xml claim --start 0 --end 12\` ($ADD_SIZE bytes; $ADD_RUNS runs, file restored before each) | $(field "$ADD" median) s | xmllint on the same file: $(field "$XMLLINT_ONE" median) s; argmark takes **${ADD_RATIO}×** | ≤ 3× | $(verdict "$ADD_RATIO" "<=" 3) |
| import | \`argmark new essays -o corpus\` | $(field "$IMPORT" median) s | $FILES files; the baseline release ($BASELINE): $(field "$IMPORT_BASELINE" median) s; **${IMPORT_SPEEDUP}×** faster | ≥ 3× | $(verdict "$IMPORT_SPEEDUP" ">=" 3) |
| report 1× | \`argmark report corpus --format json\` | $(field "$REPORT1X" median) s | peak **${REPORT1X_MIB} MiB** | ≤ 512 MiB | $(verdict "$REPORT1X_MIB" "<=" 512) |
| report ${TIMES}× | the corpus repeated ${TIMES} times with new ids ($(( (FILES) * TIMES )) articles) | $(field "$REPORT10X" median) s | **${SCALE_RATIO}×** the 1× time; peak **${REPORT10X_MIB} MiB** | ≤ 11× and ≤ 4096 MiB | $(verdict "$SCALE_RATIO" "<=" 11) / $(verdict "$REPORT10X_MIB" "<=" 4096) |

Each file is read once: under strace, the most times \`validate\` opened any one \`.xml\` file of the
10% sample was **$VALIDATE_OPENS**, and \`report\` **$REPORT_OPENS** (\`corpus.xml\` included). The schema is
compiled once per process (\`SchemaValidator.shared\`, a lazily initialised global).

Raw runs (seconds): validate $(field "$VALIDATE" runs), xmllint $(field "$XMLLINT_ALL" runs),
report 10% $(field "$REPORT10" runs), report 100% $(field "$REPORT100" runs), add $(field "$ADD" runs),
xmllint (one file) $(field "$XMLLINT_ONE" runs), import $(field "$IMPORT" runs), import by the baseline $(field "$IMPORT_BASELINE" runs),
report 1× $(field "$REPORT1X" runs), report ${TIMES}× $(field "$REPORT10X" runs).
MD
python3 - "$ROOT/bench/RESULTS.md.new" "$ROOT/bench/RESULTS.md" "$ROOT/bench/PROFILE.md" <<'PY'
import os, sys
new, target, profile = sys.argv[1:]
text = open(new).read()
if os.path.exists(profile):
    text += "\n" + open(profile).read()
open(target, "w").write(text)
os.remove(new)
PY
echo "wrote bench/RESULTS.md" >&2
