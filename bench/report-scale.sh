#!/usr/bin/env bash
# Times `argmark report` on generated corpora of growing size, to check that report time grows
# about linearly with the number of articles (shared-text detection uses a shingle index, not
# all-pairs comparison).
#
# Usage: bench/report-scale.sh [N ...]        (default: 1000 2500 5000 10000)
# Environment: ARGMARK=path/to/argmark (default: a release build in $SCRATCH, default .build-bench),
#              FORMAT=json|html|markdown (default json), KEEP=1 keeps the generated folders.
#
# With CORPUS=FOLDER (issue 19: the bench essays), the report on FOLDER and on FOLDER repeated
# TIMES times with new ids (bench/replicate.py; default 10, kept in $WORK, default
# ${TMPDIR:-/tmp}/argmark-report-scale): wall time and peak RSS (`/usr/bin/time -v`), the 1x ->
# TIMESx ratios, and with BASELINE=path/to/an/older/argmark the same runs of it, in alternation
# (baseline, then ARGMARK, at each scale) and the JSON compared byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 2500 5000 10000)
format=${FORMAT:-json}
if [ -z "${ARGMARK:-}" ]; then
  scratch=${SCRATCH:-.build-bench}
  swift build -c release --scratch-path "$scratch" --product argmark >&2
  ARGMARK=$scratch/release/argmark
fi
if [ -n "${CORPUS:-}" ]; then
  times=${TIMES:-10}
  work=${WORK:-${TMPDIR:-/tmp}/argmark-report-scale}
  mkdir -p "$work"
  if [ ! -f "$work/corpus-x$times/.complete" ]; then
    rm -rf "$work/corpus-x$times"
    python3 bench/replicate.py "$CORPUS" "$work/corpus-x$times" "$times"
    touch "$work/corpus-x$times/.complete"
  fi
  run() {  # run NAME BINARY FOLDER: one timed report; prints "seconds peak-MiB"
    /usr/bin/time -v -o "$work/$1.time" "$2" report "$3" --format json -o "$work/$1.json" 2>"$work/$1.err" >/dev/null || { cat "$work/$1.err" >&2; exit 1; }
    python3 -c "import re, sys; t = open(sys.argv[1]).read(); w = re.search(r'Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)', t); s = int(w.group(1) or 0) * 3600 + int(w.group(2)) * 60 + float(w.group(3)); m = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1)); print('%.1f %.0f' % (s, m / 1024))" "$work/$1.time"
  }
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-10s %-9s %10s %12s %10s\n' scale binary seconds "peak MiB" identical
  for scale in 1 "$times"; do
    folder=$CORPUS
    [ "$scale" = 1 ] || folder=$work/corpus-x$times
    if [ -n "${BASELINE:-}" ]; then
      read -r seconds mib < <(run "baseline-$scale" "$BASELINE" "$folder")
      printf '%-10s %-9s %10s %12s %10s\n' "${scale}x" baseline "$seconds" "$mib" ""
    fi
    read -r seconds mib < <(run "argmark-$scale" "$ARGMARK" "$folder")
    same=""
    if [ -n "${BASELINE:-}" ]; then
      if cmp -s "$work/baseline-$scale.json" "$work/argmark-$scale.json"; then same=yes; else same=NO; fi
      rm -f "$work/baseline-$scale.json"
    fi
    printf '%-10s %-9s %10s %12s %10s\n' "${scale}x" argmark "$seconds" "$mib" "$same"
    eval "seconds_$scale=$seconds mib_$scale=$mib"
  done
  python3 -c "import sys; a, b, c, d = map(float, sys.argv[1:5]); print('argmark %sx/1x: time %.2f, peak memory %.2f' % (sys.argv[5], b / a, d / c))" \
    "$seconds_1" "$(eval echo "\$seconds_$times")" "$mib_1" "$(eval echo "\$mib_$times")" "$times"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/argmark-report-scale.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

generate() {  # generate FOLDER N: N articles of ~350 words; every 10th copies a passage of an earlier one
  python3 - "$1" "$2" <<'PY'
import hashlib, os, random, sys
from xml.sax.saxutils import escape
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder, exist_ok=True)
rng = random.Random(42)
vocabulary = ["w%04d" % i for i in range(3000)]
footer = "Subscribe to our newsletter to receive our content in your inbox every month."
with open(os.path.join(folder, "corpus.xml"), "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<corpus xmlns="urn:argmark:1" version="1">\n'
            '  <targets>\n    <target id="t1" name="the plan"/>\n  </targets>\n'
            '  <propositions>\n    <proposition id="p1" target="t1" stance="favor">The plan works.</proposition>\n  </propositions>\n</corpus>\n')
bodies = []
for n in range(count):
    sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(30)]
    if n % 10 == 9 and bodies:
        earlier = rng.choice(bodies).split(" ")
        start = rng.randrange(0, max(1, len(earlier) - 30))
        sentences.insert(5, " ".join(earlier[start:start + 30]))
    body = " ".join(sentences)
    bodies.append(body)
    text = body + "\n\n" + footer
    units = [("u1", "position", sentences[0], "favor"), ("u2", "counterclaim", sentences[1], "against"), ("u3", "rebuttal", sentences[2], "favor")]
    xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<article xmlns="urn:argmark:1" version="1" id="g%05d">' % n,
           '  <meta>', '    <title>Generated article %d</title>' % n, '    <genre>news</genre>', '  </meta>',
           '  <text sha256="%s">%s</text>' % (hashlib.sha256(text.encode()).hexdigest(), escape(text)),
           '  <speakers>', '    <speaker id="s1" name="Author %d" role="author"/>' % (n % 50), '  </speakers>', '  <units>']
    for uid, utype, quote, stance in units:
        start = text.index(quote)
        xml.append('    <unit id="%s" type="%s" start="%d" end="%d" speaker="s1" stance="%s" target="t1"%s>%s</unit>'
                   % (uid, utype, start, start + len(quote), stance, ' proposition="p1"' if uid == "u1" else "", escape(quote)))
    xml += ['  </units>', '  <relations>', '    <relation id="r1" type="attacks" from="u2" to="u1"/>',
            '    <relation id="r2" type="rebuts" from="u3" to="u2"/>', '  </relations>', '</article>']
    with open(os.path.join(folder, "g%05d.xml" % n), "w") as f:
        f.write("\n".join(xml) + "\n")
PY
}

printf '%8s %10s %14s %12s\n' files seconds "ms per file" "output bytes"
for n in "${sizes[@]}"; do
  folder="$work/n$n"
  generate "$folder" "$n"
  start=$(date +%s.%N)
  "$ARGMARK" report "$folder" --format "$format" -o "$work/report-$n.$format"
  end=$(date +%s.%N)
  python3 -c "import sys; n, t, size = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]), int(sys.argv[4]); print('%8d %10.2f %14.3f %12d' % (n, t, 1000 * t / n, size))" \
    "$n" "$start" "$end" "$(stat -c %s "$work/report-$n.$format")"
done
