import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkReports

struct Shingles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shingles", _superCommandName: "argmark",
        abstract: "Find the shared text of parts of facts on several reducers, one hash range of shingles each.",
        discussion: """
            The shared-text join over parts of facts (argmark summarize --facts), split by shingle \
            hash into N ranges so that no machine holds the index of every shingle:

              argmark shingles count --range I/N --from PART... -o COUNTS-I     (each range I)
              argmark shingles match --range I/N --counts COUNTS-0 ... COUNTS-(N-1) --from PART... -o MATCHES-I
              argmark report --format json --from PART... --matches MATCHES-0 ... MATCHES-(N-1)

            The report is the one a single run over all the articles gives. Every reducer reads \
            every part (and keeps only its range's shingles); the counts of all ranges fix the \
            work budget as one run would. Ranges of another split, a missing or repeated range, \
            or files made from other parts are refused (exit 1) and nothing is written.
            """,
        subcommands: [ShinglesCount.self, ShinglesMatch.self]
    )
}

struct ShinglesCount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", _superCommandName: "shingles",
        abstract: "Count a range's groups of equal shingles (the first round of the join)."
    )

    @OptionGroup var common: ShingleReducerOptions

    func run() throws {
        let range = try common.shingleRange()
        let merge = try common.openFacts()
        try common.write { emit in try emit(try ShingleSketch.counts(of: merge, range: range)) }
    }
}

struct ShinglesMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", _superCommandName: "shingles",
        abstract: "Write a range's shingle matches, given every range's counts (the second round of the join)."
    )

    @OptionGroup var common: ShingleReducerOptions

    @Option(parsing: .upToNextOption, help: "The counts files of every range of the split (argmark shingles count).")
    var counts: [String] = []

    func validate() throws {
        if counts.isEmpty { throw ValidationError("give the counts of every range (--counts COUNTS...), written by argmark shingles count") }
    }

    func run() throws {
        let range = try common.shingleRange()
        var headers: [ShingleSketch.Header] = []
        var problems: [Diagnostic] = []
        for path in counts {
            switch ShingleSketch.readHeader(path) {
            case .success(let header): headers.append(header)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        try ShingleReducerOptions.refuse(problems)
        try ShingleReducerOptions.refuse(ShingleSketch.checkSplit(headers, kind: .counts, count: range.count))
        let merge = try common.openFacts()
        try common.write { emit in try ShingleSketch.matches(of: merge, range: range, counts: headers, emit: emit) }
    }
}

struct ShingleReducerOptions: ParsableArguments {
    @Option(help: "The hash range of shingles this reducer takes: I/N, for I from 0 to N-1.")
    var range: String

    @Option(name: .customLong("from"), parsing: .upToNextOption, help: "Every part of facts of the report (argmark summarize --facts).")
    var parts: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write. Default: stdout.")
    var output: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give every part of the report (--from PART...), written by argmark summarize --facts") }
    }

    func shingleRange() throws -> ShingleRange {
        guard let range = ShingleRange(range) else {
            throw ValidationError("--range \(range) is not a range I/N (N from 1 to \(ShingleRange.maximumCount), I from 0 to N-1), such as 0/4")
        }
        return range
    }

    /// The merge of the parts, which must be parts of facts.
    func openFacts() throws -> PartMerge {
        let merge = try PartFiles.open(parts)
        if merge.format == .articles {
            Terminal.standardError("\(parts[0]): error: this is a part of articles; the shingle join reads parts of facts: summarize the articles with argmark summarize --facts")
            throw ExitStatus.failure.code
        }
        return merge
    }

    /// Prints the problems and stops (exit 1, or 2 for an unreadable file) if there are any.
    static func refuse(_ problems: [Diagnostic]) throws {
        guard !problems.isEmpty else { return }
        DiagnosticPrinter.print(problems)
        Terminal.standardError("argmark: error: nothing was written")
        throw ExitStatus(problems).code
    }

    /// Writes what `produce` gives to `-o` (atomically) or standard output; a part that changed
    /// while it was read, or files that do not fit together, leave nothing written.
    func write(_ produce: (_ emit: @escaping ([UInt8]) throws(FileSystemError) -> Void) throws -> Void) throws {
        do {
            try PartFiles.reading {
                try Summarize.write(to: output, produce)
            }
        } catch let problems as ShingleSketch.Problems {
            try Self.refuse(problems.diagnostics)
        }
    }
}
