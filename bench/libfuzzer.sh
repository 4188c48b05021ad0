#!/bin/sh
# Coverage-guided fuzzing of argmark's reader, validator, renderers and reanchor with libFuzzer.
#
#   bench/libfuzzer.sh [SECONDS]        (default 600)
#
# Compiles ArgmarkCore's sources with bench/libfuzzer/Harness.swift into one fuzzing binary
# (swiftc -sanitize=fuzzer; nothing is added to the package), seeds the corpus with the validation
# and hostile fixtures and Annotations/, and runs. Crashing inputs are written to
# bench/libfuzzer/crashes/; copy each into Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes/ as
# NAME.xml so the suite keeps checking it.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
work=${LIBFUZZER_WORK:-.build-libfuzzer}
mkdir -p "$work/corpus" bench/libfuzzer/crashes
# SwiftPM embeds the schema as PackageResources.argmark_xsd; do the same by hand.
{
    echo "enum PackageResources {"
    printf "    static let argmark_xsd: [UInt8] = ["
    od -An -v -tu1 Schemas/argmark.xsd | tr -s ' \n' ',' | sed 's/^,//; s/,$//'
    echo "]"
    echo "}"
} > "$work/PackageResources.swift"
# The package's C targets other than the libxml2 shim: each gets a module map and an object file.
objects=""
mkdir -p "$work/modules"
for target in Sources/C*/include; do
    name=$(basename "$(dirname "$target")")
    mkdir -p "$work/modules/$name"
    {
        echo "module $name {"
        for header in "$target"/*.h; do echo "    header \"$(pwd)/$header\""; done
        echo "    export *"
        echo "}"
    } > "$work/modules/$name/module.modulemap"
    for source in "$(dirname "$target")"/*.c; do
        clang -O2 -c "$source" -I "$target" -o "$work/$name-$(basename "$source" .c).o"
        objects="$objects $work/$name-$(basename "$source" .c).o"
    done
done
swiftc -O -sanitize=fuzzer -parse-as-library -module-name ArgmarkCore -package-name argmark \
    -I Sources/CLibXML2 $(for module in "$work"/modules/*; do printf -- '-I %s ' "$module"; done) \
    $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    $(find Sources/ArgmarkCore -name '*.swift' | sort) "$work/PackageResources.swift" bench/libfuzzer/Harness.swift \
    $objects -lxml2 -o "$work/argmark-libfuzzer"
for file in Tests/ArgmarkCoreTests/Fixtures/validation/*/*.xml Tests/ArgmarkCoreTests/Fixtures/hostile/*.xml \
            Tests/ArgmarkCoreTests/Fixtures/hostile/fuzz-crashes/*.xml Annotations/*.xml; do
    [ -f "$file" ] && cp "$file" "$work/corpus/$(echo "$file" | tr '/' '_')"
done
"$work/argmark-libfuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=bench/libfuzzer/crashes/ -print_final_stats=1 "$work/corpus"
