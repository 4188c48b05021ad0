#!/usr/bin/env bash
# Retrains the shipped suggestion model, reproducibly:
#   bash bench/suggest/train.sh      (SCRATCH_PATH=.build-x or ARGMARK=path/to/argmark to choose the build)
# Imports every annotated corpus in ../shared/corpora with argmark import (see common.sh), and
# trains with argmark train on the seed corpus and on every article of the other corpora outside
# the fixed held-out fifth (split.py), so the held-out figures of evaluate.sh stay blind; of Room
# for Debate's training split only a share (BALANCED_SHARE in common.sh), so no corpus dominates.
# Writes Sources/ArgmarkSuggest/Resources/default-model.bin and its base64 copy Model/DefaultModel.swift
# (what is compiled in); rebuild argmark to ship it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
import_corpora
rm -rf "$WORK/default"
for corpus in web-discourse microtexts; do
    python3 "$PY/stage.py" training "$WORK/corpora/$corpus" "$WORK/default/$corpus"
done
python3 "$PY/stage.py" training "$WORK/corpora/room-for-debate" "$WORK/default/room-for-debate" "$BALANCED_SHARE"
python3 "$PY/stage.py" all "$WORK/corpora/seeds" "$WORK/default/seeds"
# 16,000 features keep the embedded model near 300 KB (git, and build time of the embedded resource).
"$ARGMARK" train "$WORK/default" -o "$ROOT/Sources/ArgmarkSuggest/Resources/default-model.bin" --overwrite --max-features 16000
python3 "$PY/embed.py" "$ROOT/Sources/ArgmarkSuggest/Resources/default-model.bin" "$ROOT/Sources/ArgmarkSuggest/Model/DefaultModel.swift"
