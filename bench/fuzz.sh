#!/bin/sh
# Long fuzz runs: the seeded random-mutation tests of the suite, run again and again with new seeds
# until the time is up.
#
#   bench/fuzz.sh [reader|importers|all] [MINUTES] [ITERATIONS_PER_SEED]
#
# reader (the default): argmark's reader and validator (Tests/ArgmarkCoreTests/Fuzzing), 20000
#   inputs per seed; a crashing input is copied to Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes/.
# importers: brat, AIF JSON, UIMA XMI and arg-microtexts (Tests/ArgmarkFormatsTests/Fuzzing), one
#   format at a time, 5000 inputs per format and seed; failing inputs go to
#   Tests/ArgmarkFormatsTests/Fixtures/fuzz-crashes/FORMAT/.
# all: both, each seed.
# MINUTES defaults to 10. Environment: SCRATCH (build folder, default .build-fuzz), FIRST_SEED
# (default 1). Inputs that break an invariant are written there by the test itself, and the suite
# keeps checking them. Results are appended to bench/fuzz-results.txt; summarise them in
# bench/FUZZING.md.
set -eu
cd "$(dirname "$0")/.."
what=reader
case ${1:-} in reader|importers|all) what=$1; shift ;; esac
minutes=${1:-10}
per_seed=${2:-}
scratch=${SCRATCH:-.build-fuzz}
seed=${FIRST_SEED:-1}
results=bench/fuzz-results.txt
case $what in
    reader) runs=reader ;;
    importers) runs="brat aif xmi microtexts" ;;
    all) runs="reader brat aif xmi microtexts" ;;
esac

swift build --build-tests --scratch-path "$scratch" >/dev/null
# Run a copy of the test binary, so rebuilding meanwhile cannot change it under the run.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$scratch/debug/argmarkPackageTests.xctest" "$work/tests"

deadline=$(( $(date +%s) + minutes * 60 ))
total=0 failed=0
echo "# $(date -u +%Y-%m-%dT%H:%MZ) fuzz run ($what): $minutes min, ${per_seed:-20000 (reader) or 5000 (each importer)} inputs per seed, from seed $seed" >> "$results"
while [ "$(date +%s)" -lt "$deadline" ]; do
    for run in $runs; do
        if [ "$run" = reader ]; then
            filter=FuzzTests summary='^fuzz:' count=${per_seed:-20000} ext=xml label=""
            crashes=Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes keep=$crashes
        else
            filter=ImporterFuzzTests/mutatedInputs summary='^importer fuzz:' count=${per_seed:-5000} label="$run "
            case $run in brat) ext=ann ;; aif) ext=json ;; xmi) ext=xmi ;; *) ext=xml ;; esac
            crashes=Tests/ArgmarkFormatsTests/Fixtures/fuzz-crashes keep=$crashes/$run
        fi
        mkdir -p "$crashes"
        log="$work/input"
        if ARGMARK_FUZZ_FORMAT=$run ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$count ARGMARK_FUZZ_INPUT_LOG=$log ARGMARK_FUZZ_FAILURES=$crashes \
            "$work/tests" --testing-library swift-testing --filter "$filter" \
            > "$work/out.txt" 2>&1; then
            grep "$summary" "$work/out.txt" >> "$results" || true
        else
            status=$?
            failed=$((failed + 1))
            # Broken invariants were written by the test itself; after a crash (a signal), the
            # input being tried is the last one logged.
            if [ "$status" -gt 128 ]; then mkdir -p "$keep"; cp "$log" "$keep/seed-$seed-crash.$ext"; fi
            echo "${label}seed $seed FAILED (exit $status); inputs kept in $keep; reproduce with ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$count swift test --filter ${filter%%/*}" | tee -a "$results"
            grep -E 'Fatal error|recorded an issue' "$work/out.txt" | head -5 | tee -a "$results"
        fi
        total=$((total + count))
    done
    seed=$((seed + 1))
done
echo "# done: $total inputs, $failed failing runs" | tee -a "$results"
