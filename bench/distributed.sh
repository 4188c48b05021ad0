#!/usr/bin/env bash
# The distributed report (issue 20): on the bench essays at 1x and repeated TIMES x (new ids,
# bench/replicate.py), the report of the Dask driver (contrib/dask) with 1 and 2 local workers
# against one `argmark report` process: identical bytes or not, time, throughput, the merge's
# peak memory, part sizes, and the 1x -> TIMESx cost ratios. Writes its section of bench/RESULTS.md.
#
#   bash bench/distributed.sh                  # 15,594 essays and 155,940
#   LIMIT=2000 TIMES=3 bash bench/distributed.sh   # a quicker look
#   BIN=path/to/argmark bash bench/distributed.sh  # an argmark already built (release)
#   KEEP_RESULTS=1 SCALES=10 bash bench/distributed.sh  # only the 10x, added to the 1x measured before
#   WORKERS_LIST=2 ...                              # only the 2-worker Dask run (default "1 2")
#
# Needs: swift, python3 with distributed and fsspec (pip install ./contrib/dask), the essays in
# ../shared/corpora/feedback-prize-essays/essays.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ESSAYS=${ESSAYS:-$ROOT/../shared/corpora/feedback-prize-essays/essays}
WORK=${WORK:-${TMPDIR:-/tmp}/argmark-distributed-bench}
TIMES=${TIMES:-10}
LIMIT=${LIMIT:-0}
MEASURE="python3 $ROOT/bench/measure.py --runs 1"
export PYTHONPATH=$ROOT/contrib/dask${PYTHONPATH:+:$PYTHONPATH}

python3 -c "import distributed, fsspec" 2>/dev/null || { echo "bench: needs distributed and fsspec: pip install ./contrib/dask" >&2; exit 1; }
[ -d "$ESSAYS" ] || { echo "bench: no essays at $ESSAYS (set ESSAYS=...)" >&2; exit 1; }

if [ -z "${BIN:-}" ]; then
  echo "building release binary..." >&2
  swift build -c release --static-swift-stdlib --product argmark --package-path "$ROOT" >&2
  BIN=$ROOT/.build/release/argmark
fi

mkdir -p "$WORK"
if [ ! -f "$WORK/corpus/.complete" ]; then
  rm -rf "$WORK/corpus" "$WORK/essays"
  SOURCE=$ESSAYS
  if [ "$LIMIT" -gt 0 ]; then
    SOURCE=$WORK/essays
    mkdir -p "$SOURCE"
    python3 -c "import os,shutil,sys; [shutil.copy(os.path.join(sys.argv[1],n), sys.argv[2]) for n in sorted(os.listdir(sys.argv[1]))[:int(sys.argv[3])]]" "$ESSAYS" "$SOURCE" "$LIMIT"
  fi
  echo "making the corpus: argmark new, then bench/add_units.py..." >&2
  "$BIN" new "$SOURCE" -o "$WORK/corpus" >&2
  python3 "$ROOT/bench/add_units.py" "$WORK/corpus" "$SOURCE" >&2
  "$BIN" validate "$WORK/corpus" 2>"$WORK/validate.log" || { tail -5 "$WORK/validate.log" >&2; echo "bench: the corpus is not valid" >&2; exit 1; }
  touch "$WORK/corpus/.complete"
fi
if [ ! -f "$WORK/corpus-x$TIMES/.complete" ]; then
  echo "repeating it ${TIMES}x with new ids (bench/replicate.py)..." >&2
  rm -rf "$WORK/corpus-x$TIMES"
  python3 "$ROOT/bench/replicate.py" "$WORK/corpus" "$WORK/corpus-x$TIMES" "$TIMES"
  touch "$WORK/corpus-x$TIMES/.complete"
fi


write_results() {
python3 - "$RESULTS" "$ROOT/bench/RESULTS.md" "$TIMES" "$(wc -c < "$WORK/single.json")" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
results, times = sys.argv[2], int(sys.argv[3])
def get(scale, mode, workers=None):
    return next((r for r in rows if r["scale"] == scale and r["mode"] == mode and r.get("workers") == workers), None)
scales = [scale for scale in (1, times) if get(scale, "dask", 2)]
lines = ["<!-- distributed:begin (bench/distributed.sh writes this section) -->",
         "## Distributed report: `argmark summarize` on Dask workers, merged by `report --from`", "",
         "Produced by `bash bench/distributed.sh` (one run of each, on 2 cores shared with other builds: the",
         "load average was %s when it started, so times are noisy). The corpus" % open(sys.argv[1] + ".load").read().strip() + " is the bench corpus above, and that corpus repeated %dx with new ids" % times,
         "(`bench/replicate.py`). *One process* is `argmark report CORPUS --format json`; *Dask* is",
         "`python3 -m argmark_dask report CORPUS` on a LocalCluster of 1 or 2 worker processes on 127.0.0.1",
         "(4 shards per worker): `argmark summarize` per shard on the workers (the map), then",
         "`argmark report --from` on the driver (the merge). *Identical* compares the two JSON reports byte",
         "for byte; identical bytes mean the shared-text passages too are those of the single run (recall 1).", "",
         "| scale | articles | run | identical | total time | articles/s | map | merge | merge peak RSS | parts |",
         "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
for scale in scales:
    single = get(scale, "single")
    n = single["articles"]
    lines.append("| %dx | %d | one process | (reference) | %.1f s | %.0f | | | %.0f MiB | |" % (
        scale, n, single["measure"]["median"], n / single["measure"]["median"], single["measure"]["max_rss_kib"] / 1024))
    for workers in (1, 2):
        d = get(scale, "dask", workers)
        if not d:
            lines.append("| %dx | %d | Dask, %d worker%s | not run (WORKERS) | | | | | | |" % (scale, n, workers, "" if workers == 1 else "s"))
            continue
        t = d["timings"]
        lines.append("| %dx | %d | Dask, %d worker%s | %s | %.1f s | %.0f | %.1f s | %.1f s | %.0f MiB | %.0f MiB |" % (
            scale, n, workers, "" if workers == 1 else "s", "**yes**" if d["identical"] else "**NO**", d["measure"]["median"],
            n / d["measure"]["median"], t["map_seconds"], t["merge_seconds"], t["merge_peak_rss_kib"] / 1024, d["partBytes"] / 2**20))
lines.append("")
s1, s10 = get(1, "single"), get(times, "single")
d1, d10 = get(1, "dask", 2), get(times, "dask", 2)
ratio = lambda a, b: b / a if a else float("nan")
if not d10:
    lines += ["The %dx run has not been measured yet (the script writes this section after each scale)." % times, "<!-- distributed:end -->"]
else:
  lines += ["Cost growth from 1x to %dx (%dx the articles):" % (times, times), "",
          "| measure | 1x | %dx | ratio |" % times, "| --- | ---: | ---: | ---: |",
          "| one process, time | %.1f s | %.1f s | %.2f |" % (s1["measure"]["median"], s10["measure"]["median"], ratio(s1["measure"]["median"], s10["measure"]["median"])),
          "| one process, peak RSS | %.0f MiB | %.0f MiB | %.2f |" % (s1["measure"]["max_rss_kib"] / 1024, s10["measure"]["max_rss_kib"] / 1024, ratio(s1["measure"]["max_rss_kib"], s10["measure"]["max_rss_kib"])),
          "| Dask (2 workers), map | %.1f s | %.1f s | %.2f |" % (d1["timings"]["map_seconds"], d10["timings"]["map_seconds"], ratio(d1["timings"]["map_seconds"], d10["timings"]["map_seconds"])),
          "| Dask (2 workers), merge | %.1f s | %.1f s | %.2f |" % (d1["timings"]["merge_seconds"], d10["timings"]["merge_seconds"], ratio(d1["timings"]["merge_seconds"], d10["timings"]["merge_seconds"])),
          "| Dask (2 workers), merge peak RSS | %.0f MiB | %.0f MiB | %.2f |" % (d1["timings"]["merge_peak_rss_kib"] / 1024, d10["timings"]["merge_peak_rss_kib"] / 1024, ratio(d1["timings"]["merge_peak_rss_kib"], d10["timings"]["merge_peak_rss_kib"])),
          "| parts on disk | %.0f MiB | %.0f MiB | %.2f |" % (d1["partBytes"] / 2**20, d10["partBytes"] / 2**20, ratio(d1["partBytes"], d10["partBytes"])),
          "", "The JSON report itself is %.0f MiB at %dx." % (int(sys.argv[4]) / 2**20, times),
          "<!-- distributed:end -->"]
section = "\n".join(lines) + "\n"
text = open(results).read()
begin, end = "<!-- distributed:begin", "<!-- distributed:end -->\n"
if begin in text:
    before = text[:text.index(begin)]
    after = text[text.index(end) + len(end):]
    text = before + section + after
else:
    text = text.rstrip("\n") + "\n\n" + section
open(results, "w").write(text)
print(section)
EOF
}

RESULTS=$WORK/results.jsonl
# KEEP_RESULTS=1 SCALES=10 adds the larger scale to results measured before.
if [ "${KEEP_RESULTS:-0}" != 1 ]; then
  : > "$RESULTS"
  cut -d' ' -f1-3 /proc/loadavg > "$RESULTS.load"
fi
for SCALE in ${SCALES:-1 $TIMES}; do
  if [ "$SCALE" = 1 ]; then CORPUS=$WORK/corpus; else CORPUS=$WORK/corpus-x$TIMES; fi
  ARTICLES=$(find "$CORPUS" -name '*.xml' ! -name corpus.xml | wc -l)
  echo "scale ${SCALE}x ($ARTICLES articles): one process..." >&2
  SINGLE=$($MEASURE -- "$BIN" report "$CORPUS" --format json -o "$WORK/single.json")
  echo "{\"scale\": $SCALE, \"articles\": $ARTICLES, \"mode\": \"single\", \"measure\": $SINGLE}" >> "$RESULTS"
  for WORKERS in ${WORKERS_LIST:-1 2}; do
    echo "scale ${SCALE}x: Dask, $WORKERS local worker(s)..." >&2
    rm -rf "$WORK/parts" && mkdir -p "$WORK/parts"
    DIST=$($MEASURE -- python3 -m argmark_dask report "$CORPUS" --argmark "$BIN" --workers "$WORKERS" --shards $((4 * WORKERS)) \
      --parts "$WORK/parts" --timings "$WORK/timings.json" -o "$WORK/distributed.json")
    PART_BYTES=$(cat "$WORK"/parts/* | wc -c)
    if cmp -s "$WORK/single.json" "$WORK/distributed.json"; then SAME=true; else SAME=false; fi
    echo "{\"scale\": $SCALE, \"articles\": $ARTICLES, \"mode\": \"dask\", \"workers\": $WORKERS, \"identical\": $SAME, \"partBytes\": $PART_BYTES, \"measure\": $DIST, \"timings\": $(python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))" "$WORK/timings.json")}" >> "$RESULTS"
  done
  # After each scale, so that a run stopped during the larger one still records the smaller.
  write_results
done
