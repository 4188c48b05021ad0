#!/bin/sh
# Long fuzz run over the importers (brat, AIF JSON, UIMA XMI, arg-microtexts): the seeded
# random-mutation test of the suite (Tests/ArgmarkFormatsTests/Fuzzing), run again and again with
# new seeds until the time is up; each run tries every format.
#
#   bench/fuzz-importers.sh [MINUTES] [ITERATIONS_PER_SEED]   (defaults: 10 minutes, 5000 inputs per format and seed)
#
# Environment: SCRATCH (build folder, default .build-fuzz), FIRST_SEED (default 1).
# Inputs that broke an invariant are written by the test to
# Tests/ArgmarkFormatsTests/Fixtures/fuzz-crashes/FORMAT/ (the suite keeps checking them there);
# after a crash (a signal), the input being tried is copied there too. Results are appended to
# bench/fuzz-results.txt; summarise them in bench/FUZZING.md.
set -eu
cd "$(dirname "$0")/.."
minutes=${1:-10}
per_seed=${2:-5000}
scratch=${SCRATCH:-.build-fuzz}
seed=${FIRST_SEED:-1}
crashes=Tests/ArgmarkFormatsTests/Fixtures/fuzz-crashes
mkdir -p "$crashes"
results=bench/fuzz-results.txt

swift build --build-tests --scratch-path "$scratch" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$scratch/debug/argmarkPackageTests.xctest" "$work/tests"

deadline=$(( $(date +%s) + minutes * 60 ))
total=0 failed=0
echo "# $(date -u +%Y-%m-%dT%H:%MZ) importer fuzz run: $minutes min, $per_seed inputs per format and seed, from seed $seed" >> "$results"
while [ "$(date +%s)" -lt "$deadline" ]; do
    for format in brat aif xmi microtexts; do
        log="$work/input"
        if ARGMARK_FUZZ_FORMAT=$format ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$per_seed ARGMARK_FUZZ_INPUT_LOG=$log ARGMARK_FUZZ_FAILURES=$crashes \
            "$work/tests" --testing-library swift-testing --filter "ImporterFuzzTests/mutatedInputs" \
            > "$work/out.txt" 2>&1; then
            grep '^importer fuzz:' "$work/out.txt" >> "$results" || true
        else
            status=$?
            failed=$((failed + 1))
            if [ "$status" -gt 128 ]; then
                mkdir -p "$crashes/$format"
                case $format in brat) ext=ann ;; aif) ext=json ;; xmi) ext=xmi ;; *) ext=xml ;; esac
                cp "$log" "$crashes/$format/seed-$seed-crash.$ext"
            fi
            echo "$format seed $seed FAILED (exit $status); inputs kept in $crashes/$format; reproduce with ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$per_seed swift test --filter ImporterFuzzTests" | tee -a "$results"
            grep -E 'Fatal error|recorded an issue' "$work/out.txt" | head -5 | tee -a "$results"
        fi
        total=$((total + per_seed))
    done
    seed=$((seed + 1))
done
echo "# done: $total importer inputs, $failed failing runs" | tee -a "$results"
