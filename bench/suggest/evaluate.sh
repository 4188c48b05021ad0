#!/usr/bin/env bash
# Reproduces the evaluation tables of argmark suggest (README, section Suggestions):
#   bash bench/suggest/evaluate.sh   (SCRATCH_PATH=.build-x or ARGMARK=path/to/argmark to choose the build)
# Every figure is macro overlap-F1 (Feedback Prize rule, whitespace tokens) on held-out articles,
# scored by argmark train --held-out (hidden), beside the trivial baselines on the same articles.
#  1. In-corpus learning curve: argmark train on 10, 25, 50 and 100% of a corpus's training split,
#     tested on its held-out fifth (split.py). The seed corpus (5 articles) is tested by leaving
#     each article out in turn.
#  2. Cross-corpus: train on every other corpus (Room for Debate: a balanced share, common.sh),
#     test on this one's held-out fifth; scored as
#     suggested, and as argmark suggest --types suggests with the corpus's own label set declared.
#  3. The shipped model (bench/suggest/train.sh) on each held-out set, with and without the
#     corpus's label set (--types), also scored the way a user would: argmark suggest on stripped
#     copies, then argmark agree against the gold.
# PERCENTS="100" (for instance) runs only those points of the learning curve, on a busy machine;
# PARTS="curve cross" (say) only those parts (curve, cross, shipped; the table needs all three);
# CROSS="seeds" (say) only those rows of the cross-corpus part.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PERCENTS=${PERCENTS:-10 25 50 100}
PARTS=${PARTS:-curve cross shipped}
CROSS=${CROSS:-${CORPUS_NAMES[*]}}
part() { [[ " $PARTS " == *" $1 "* ]]; }
import_corpora
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
C="$WORK/corpora"
S="$WORK/sets"
for corpus in web-discourse microtexts room-for-debate; do
    python3 "$PY/stage.py" held-out "$C/$corpus" "$S/$corpus/held-out"
    part curve || continue
    for percent in $PERCENTS; do
        python3 "$PY/stage.py" training "$C/$corpus" "$S/$corpus/train-$percent" "$percent"
        "$ARGMARK" train "$S/$corpus/train-$percent" --held-out "$S/$corpus/held-out" --folds 0 > "$RESULTS/curve.$corpus.$percent.json"
        echo "in-corpus $corpus $percent%" >&2
    done
done
# Seeds: leave one article out.
for id in $(part curve && echo seed-000 seed-001 seed-002 seed-003 seed-004); do
    python3 "$PY/stage.py" except "$C/seeds" "$S/seeds/train-$id" "$id"
    python3 "$PY/stage.py" only "$C/seeds" "$S/seeds/test-$id" "$id"
    "$ARGMARK" train "$S/seeds/train-$id" --held-out "$S/seeds/test-$id" --folds 0 > "$RESULTS/seeds.$id.json"
done
rm -rf "$S/seeds/held-out" && mkdir -p "$S/seeds" && cp -r "$C/seeds" "$S/seeds/held-out"
# Cross-corpus: all articles of the other corpora (of Room for Debate the balanced share, as for
# the shipped model).
python3 "$PY/stage.py" share "$C/room-for-debate" "$S/balanced/room-for-debate" "$BALANCED_SHARE"
for corpus in $(part cross && echo "$CROSS"); do
    others=()
    for other in "${CORPUS_NAMES[@]}"; do
        [[ $other == "$corpus" ]] && continue
        if [[ $other == room-for-debate ]]; then others+=("$S/balanced/$other"); else others+=("$C/$other"); fi
    done
    "$ARGMARK" train "${others[@]}" --held-out "$S/$corpus/held-out" --folds 0 --types "$(gold_types "$C/$corpus")" > "$RESULTS/cross.$corpus.json"
    echo "cross-corpus $corpus" >&2
done
# The shipped model (the file it is built from, so this runs before a rebuild), through train
# --held-out and through suggest + agree.
MODEL=${MODEL:-$ROOT/Sources/ArgmarkSuggest/Resources/default-model.bin}
for corpus in $(part shipped && echo "${CORPUS_NAMES[@]}"); do
    "$ARGMARK" train --model "$MODEL" --held-out "$S/$corpus/held-out" --types "$(gold_types "$C/$corpus")" > "$RESULTS/shipped.$corpus.json"
    out="$WORK/runs/$corpus"
    python3 "$PY/stage.py" strip "$S/$corpus/held-out" "$out"
    find "$out" -name '*.xml' ! -name corpus.xml -print0 | sort -z | xargs -0 "$ARGMARK" suggest --model "$MODEL" > /dev/null
    "$ARGMARK" validate "$out" > /dev/null
    "$ARGMARK" agree "$S/$corpus/held-out" "$out" --include-suggested --format json > "$RESULTS/agree.$corpus.json"
done
if part curve && part cross && part shipped; then python3 "$PY/table.py" "$RESULTS"; else echo "scores in $RESULTS (the table needs every part)" >&2; fi
