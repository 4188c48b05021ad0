import ArgumentParser

/// The output options `import` and `export` share.
struct ConversionOutput: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output folder (created if missing).")
    var output: String

    @Flag(help: "Replace files that already exist in the output folder (by default nothing is written if any exists).")
    var overwrite = false
}
