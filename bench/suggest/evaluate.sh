#!/usr/bin/env bash
# Reproduces the evaluation table of argmark suggest (README, section Suggestions):
#   bash bench/suggest/evaluate.sh        (SCRATCH_PATH=.build-x or ARGMARK=path/to/argmark to choose the build)
# For each test set -- the held-out web discourse articles, the held-out arg-microtexts, and
# the five seed articles in Annotations/ -- it strips the gold units from a copy of each article,
# runs one system on the copy, and scores it against the gold with argmark agree (overlap rule,
# whitespace tokens). Systems: "nothing" (no units), "every sentence is a claim" (argmark's
# sentence splitter, each sentence a claim) and the model (argmark suggest). Prints a Markdown table.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
import_corpora
PY="$ROOT/bench/suggest"
rm -rf "$WORK/sets" "$WORK/runs" "$WORK/results"
mkdir -p "$WORK/sets"
# Gold folders: held-out articles only (see split.py), and the seed articles.
python3 "$PY/stage.py" held-out "$WORK/xmi" "$WORK/sets/web-discourse"
python3 "$PY/stage.py" held-out "$WORK/mt1" "$WORK/sets/microtexts"
python3 "$PY/stage.py" held-out "$WORK/mt2" "$WORK/sets/microtexts"
python3 "$PY/stage.py" all "$ROOT/Annotations" "$WORK/sets/seeds"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
for set in web-discourse microtexts seeds; do
    for system in nothing every-sentence-claim model; do
        out="$WORK/runs/$set/$system"
        python3 "$PY/stage.py" strip "$WORK/sets/$set" "$out"
        files=()
        while IFS= read -r file; do files+=("$file"); done < <(find "$out" -name '*.xml' ! -name corpus.xml | sort)
        case $system in
            nothing) ;;
            every-sentence-claim) "$ARGMARK" suggest --baseline every-sentence-claim "${files[@]}" > /dev/null ;;
            model) "$ARGMARK" suggest "${files[@]}" > /dev/null ;;
        esac
        "$ARGMARK" validate "$out" > /dev/null
        "$ARGMARK" agree "$WORK/sets/$set" "$out" --include-suggested --format json > "$RESULTS/$set.$system.json"
    done
done
python3 "$PY/table.py" "$RESULTS"
