#!/bin/sh
# Long fuzz run over argmark's reader and validator: the seeded random-mutation test of the suite
# (Tests/ArgmarkCoreTests/Fuzzing), run again and again with new seeds until the time is up.
#
#   bench/fuzz.sh [MINUTES] [ITERATIONS_PER_SEED]      (defaults: 10 minutes, 20000 inputs per seed)
#
# Environment: SCRATCH (build folder, default .build-fuzz), FIRST_SEED (default 1).
# A seed whose run crashes or breaks an invariant is reported; the input that crashed is copied to
# Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes/, where the suite keeps it as a fixture.
# Results are appended to bench/fuzz-results.txt; summarise them in bench/FUZZING.md.
set -eu
cd "$(dirname "$0")/.."
minutes=${1:-10}
per_seed=${2:-20000}
scratch=${SCRATCH:-.build-fuzz}
seed=${FIRST_SEED:-1}
crashes=Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes
mkdir -p "$crashes"
results=bench/fuzz-results.txt

swift build --build-tests --scratch-path "$scratch" >/dev/null
# Run a copy of the test binary, so rebuilding meanwhile cannot change it under the run.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$scratch/debug/argmarkPackageTests.xctest" "$work/tests"

deadline=$(( $(date +%s) + minutes * 60 ))
total=0 failed=0
echo "# $(date -u +%Y-%m-%dT%H:%MZ) fuzz run: $minutes min, $per_seed inputs per seed, from seed $seed" >> "$results"
while [ "$(date +%s)" -lt "$deadline" ]; do
    log="$work/input.xml"
    if ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$per_seed ARGMARK_FUZZ_INPUT_LOG=$log ARGMARK_FUZZ_FAILURES=$crashes \
        "$work/tests" --testing-library swift-testing --filter 'FuzzTests' \
        > "$work/out.txt" 2>&1; then
        grep '^fuzz:' "$work/out.txt" >> "$results" || true
    else
        status=$?
        failed=$((failed + 1))
        # Broken invariants were written to $crashes by the test itself; after a crash (a signal),
        # the input being tried is the last one logged.
        if [ "$status" -gt 128 ]; then cp "$log" "$crashes/seed-$seed-crash.xml"; fi
        echo "seed $seed FAILED (exit $status); inputs kept in $crashes; reproduce with ARGMARK_FUZZ_SEED=$seed ARGMARK_FUZZ_ITERATIONS=$per_seed swift test --filter FuzzTests" | tee -a "$results"
        grep -E 'Fatal error|recorded an issue' "$work/out.txt" | head -5 | tee -a "$results"
    fi
    total=$((total + per_seed))
    seed=$((seed + 1))
done
echo "# done: $total inputs, $failed failing seeds" | tee -a "$results"
