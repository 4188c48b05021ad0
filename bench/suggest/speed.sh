#!/usr/bin/env bash
# Speed of argmark train and suggest (release build), and whether suggest is linear in the length:
#   bash bench/suggest/speed.sh
#  - train on 1,000 articles (the first 1,000 Room for Debate comments by file name), with the
#    5-fold cross-validated table and without it (--folds 0);
#  - suggest on seed 003 (the 63 KB interview, gold stripped), best of 3;
#  - suggest on one paragraph of 8, 16, 32 and 64 KB (seed 003's text with its line breaks
#    replaced by spaces, repeated), which must grow linearly.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
import_corpora
C="$WORK/corpora"
D="$WORK/speed"
rm -rf "$D"
mkdir -p "$D/rfd" "$D/long"
find "$C/room-for-debate" -name 'doc-*.xml' | sort | awk 'NR <= 1000' | xargs cp -t "$D/rfd"  # awk reads to the end: head would end the pipe early, which pipefail reports
cp "$C/room-for-debate/corpus.xml" "$D/rfd/"  # the debates' stance targets, which the comments' units refer to
timed() { /usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$@" > /dev/null; }
echo "train, 1,000 Room for Debate comments, with the cross-validated table:"
timed "$ARGMARK" train "$D/rfd" -o "$D/rfd.model"
echo "train, the same, --folds 0:"
timed "$ARGMARK" train "$D/rfd" -o "$D/rfd0.model" --folds 0
python3 "$PY/stage.py" strip "$C/seeds" "$D/seeds"
cp "$D/seeds/seed-003.xml" "$D/seed-003.original"
for run in 1 2 3; do
    cp "$D/seed-003.original" "$D/seeds/seed-003.xml"
    echo "suggest seed-003 ($(wc -c < "$D/seed-003.original") bytes), run $run:"
    timed "$ARGMARK" suggest "$D/seeds/seed-003.xml"
done
python3 - "$ROOT/Annotations/seed-003.xml" "$D/long" <<'PY'
import html, re, sys
text = html.unescape(re.search(r"<text [^>]*>(.*?)</text>", open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
flat = " ".join(text.split())
for kb in (8, 16, 32, 64):
    body = (flat + " ") * (kb * 1024 // len(flat) + 1)
    open(f"{sys.argv[2]}/{kb}.txt", "w", encoding="utf-8").write(body[: kb * 1024].rsplit(" ", 1)[0])
PY
for kb in 8 16 32 64; do
    "$ARGMARK" new "$D/long/$kb.txt" -o "$D/long/$kb.xml" --id "long-$kb" > /dev/null
    echo "suggest, one paragraph of $kb KB:"
    timed "$ARGMARK" suggest "$D/long/$kb.xml"
done
