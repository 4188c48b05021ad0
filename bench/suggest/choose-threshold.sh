#!/usr/bin/env bash
# How the shipped none-threshold was chosen: macro overlap-F1 (argmark agree) of argmark suggest
# on the TRAINING articles of web discourse and arg-microtexts (never the held-out ones), for a
# range of thresholds. Run after train.sh and a rebuild:
#   bash bench/suggest/choose-threshold.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
import_corpora
PY="$ROOT/bench/suggest"
rm -rf "$WORK/train" "$WORK/train-runs"
python3 "$PY/stage.py" training "$WORK/xmi" "$WORK/train/web-discourse"
python3 "$PY/stage.py" training "$WORK/mt2" "$WORK/train/microtexts"
for set in web-discourse microtexts; do
    for threshold in 0.5 0.6 0.7 0.8 0.9 1.0; do
        out="$WORK/train-runs/$set/$threshold"
        python3 "$PY/stage.py" strip "$WORK/train/$set" "$out"
        find "$out" -name '*.xml' ! -name corpus.xml -print0 | sort -z | xargs -0 "$ARGMARK" suggest --none-threshold "$threshold" > /dev/null
        macro=$("$ARGMARK" agree "$WORK/train/$set" "$out" --include-suggested --format json | python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["pairs"][0]["units"]["overlap"]["macro"]["f1"])')
        echo "$set none-threshold $threshold: macro overlap-F1 $macro"
    done
done
