#!/usr/bin/env bash
# Retrains the shipped weights of argmark suggest, reproducibly:
#   bash bench/suggest/train.sh            (SCRATCH_PATH=.build-x or ARGMARK=path/to/argmark to choose the build)
# Imports the web discourse corpus and arg-microtexts (English, parts 1 and 2) with argmark
# import, dumps each segment's features and gold label with argmark's own feature code
# (argmark suggest --dump-features), and fits the model on the articles outside the fixed
# held-out split (bench/suggest/split.py). Writes Sources/ArgmarkSuggest/Resources/weights.tsv;
# rebuild argmark afterwards to ship it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
import_corpora
for corpus in xmi mt1 mt2; do
    "$ARGMARK" suggest --dump-features "$WORK/$corpus" > "$WORK/$corpus.json"
done
python3 "$ROOT/bench/suggest/train.py" --out "$ROOT/Sources/ArgmarkSuggest/Resources/weights.tsv" \
    "$WORK/xmi.json" "$WORK/mt1.json" "$WORK/mt2.json"
