# Shared by train.sh and evaluate.sh: builds argmark (unless ARGMARK names a binary) and imports
# the shared corpora with argmark's own importers into $WORK (a temporary folder, removed at the end,
# unless WORK names one to keep).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPORA=${CORPORA:-$ROOT/../shared/corpora}
if [[ -z "${WORK:-}" ]]; then
    WORK=$(mktemp -d /tmp/argmark-suggest.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi
if [[ -z "${ARGMARK:-}" ]]; then
    SCRATCH_PATH=${SCRATCH_PATH:-.build}
    (cd "$ROOT" && swift build --scratch-path "$SCRATCH_PATH" --product argmark >&2)
    ARGMARK=$ROOT/$SCRATCH_PATH/debug/argmark
fi

import_corpora() {
    rm -rf "$WORK/xmi" "$WORK/mt1" "$WORK/mt2"
    mkdir -p "$WORK/xmi" "$WORK/mt1" "$WORK/mt2"
    "$ARGMARK" import --from xmi "$CORPORA/habernal-gurevych-web-discourse/toulmin" -o "$WORK/xmi" >&2
    "$ARGMARK" import --from microtexts "$CORPORA/arg-microtexts/corpus/en" -o "$WORK/mt1" >&2
    "$ARGMARK" import --from microtexts "$CORPORA/arg-microtexts-part2/corpus" -o "$WORK/mt2" >&2
}
