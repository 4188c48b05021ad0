import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkReports

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize", _superCommandName: "argmark",
        abstract: "Write a partial report (a part) of some articles, or merge parts into one.",
        discussion: """
            A part is a JSON Lines file with one record per article: the article validated, its \
            folder's corpus.xml and its summary (the records of argmark batch --do summarize). \
            With --facts, each record carries the article's facts and text instead of its XML: \
            the merge then sums facts without decoding any article, makes the JSON report only, \
            and its shared text can be found on several reducers (argmark shingles). \
            Parts written on different machines merge in any order and grouping into the same \
            bytes (argmark summarize --from PART... -o PART), and argmark report --from PART... \
            turns any number of them into the report one run over all their articles would give.

            Takes files and folders as report does (each folder's corpus.xml for the articles \
            beside it). Invalid files are reported on stderr and kept in the part as records \
            with ok false (so the merged report names them too); the exit code is then 1. Exit 2 \
            for unreadable paths; a part with a damaged line is refused and nothing is written.
            """
    )

    @Argument(help: "Annotation files or folders to summarize.")
    var paths: [String] = []

    @Option(name: .customLong("from"), parsing: .upToNextOption, help: "Merge these parts instead of reading articles.")
    var parts: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "The part to write. Default: stdout.")
    var output: String?

    @Flag(help: "Write a part of facts: each article's facts and text instead of its XML (for report --format json --from).")
    var facts = false

    func validate() throws {
        if paths.isEmpty == parts.isEmpty {
            throw ValidationError(paths.isEmpty ? "give files or folders to summarize, or --from PART... to merge parts" : "give either files and folders to summarize or --from PART..., not both")
        }
        if facts, !parts.isEmpty {
            throw ValidationError("--facts is for summarizing articles; parts merged with --from keep their own kind (of articles or of facts)")
        }
    }

    func run() throws {
        guard parts.isEmpty else { return try runFromParts() }
        let records = PartRecord.summarize(paths, format: facts ? .facts : .articles).map { record in
            var record = record
            record.printed = record.diagnostics.map { DiagnosticPrinter.line(for: $0, color: false) }
            return record
        }
        let failures = PartFiles.printFailures(records)
        try write { emit in try emit(PartRecord.rendered(records)) }
        try finish(records: records.count, valid: records.count { $0.isValid }, failures: failures)
    }

    /// Parts merged into one, record by record as the merge gives them (memory: one record and a
    /// buffer, whatever the size of the parts).
    func runFromParts() throws {
        let merge = try PartFiles.open(parts)
        var reported: [PartRecord] = []
        var valid = 0
        try PartFiles.reading {
            try write { emit in
                var writer = PartRecord.StreamWriter()
                var buffer: [UInt8] = []
                try merge.forEach(keepingSummaries: true) { record in
                    if record.isValid { valid += 1 }
                    if !record.diagnostics.isEmpty {
                        var kept = record
                        kept.article = nil
                        kept.facts = nil
                        kept.summary = nil
                        reported.append(kept)
                    }
                    writer.line(record, into: &buffer)
                    if buffer.count >= 1 << 20 {
                        try emit(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                try emit(buffer)
            }
        }
        try finish(records: merge.count, valid: valid, failures: PartFiles.printFailures(reported))
    }

    /// Writes the part `produce` gives to `-o` (atomically: nothing is kept if it fails) or to
    /// standard output.
    func write(_ produce: (_ emit: @escaping ([UInt8]) throws(FileSystemError) -> Void) throws -> Void) throws {
        try Self.write(to: output, produce)
    }

    /// Writes what `produce` gives to `output` (atomically: nothing is kept if it fails) or, with
    /// none, to standard output.
    static func write(to output: String?, _ produce: (_ emit: @escaping ([UInt8]) throws(FileSystemError) -> Void) throws -> Void) throws {
        guard let output else {
            return try produce { bytes in Terminal.write(bytes, to: Platform.standardOutput) }
        }
        var failure: (any Error)?
        do {
            try AtomicFile.write(to: output) { emit throws(FileSystemError) in
                do { try produce(emit) } catch let error as FileSystemError { throw error } catch {
                    failure = error
                    throw FileSystemError(path: output, reason: "not written")
                }
            }
        } catch {
            if let failure { throw failure }
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
    }

    func finish(records: Int, valid: Int, failures: (count: Int, unreadable: Bool)) throws {
        Terminal.standardError("\(records) \(records == 1 ? "record" : "records"): \(valid) valid \(valid == 1 ? "article" : "articles"), \(records - valid) not")
        if failures.unreadable { throw ExitStatus.usage.code }
        if failures.count > 0 { throw ExitStatus.failure.code }
    }
}

/// Reading parts and reporting what they carry, for `summarize --from` and `report --from`.
enum PartFiles {
    /// The merge of the parts; a damaged part stops the command (exit 1, or 2 if unreadable)
    /// before anything is merged.
    static func open(_ paths: [String]) throws -> PartMerge {
        switch PartMerge.open(paths) {
        case .success(let merge): return merge
        case .failure(let problems):
            DiagnosticPrinter.print(problems.diagnostics)
            Terminal.standardError("argmark: error: \(problems.diagnostics.count == 1 ? "a part is" : "parts are") damaged or unreadable, so nothing was merged; summarize those articles again")
            throw ExitStatus(problems.diagnostics).code
        }
    }

    /// `body`, with a part that changed while it was merged said plainly (exit 1, nothing kept).
    static func reading<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let problem as PartRecordProblem {
            DiagnosticPrinter.print([problem.diagnostic])
            Terminal.standardError("argmark: error: nothing was merged")
            throw ExitStatus.failure.code
        }
    }

    /// Prints the findings of records that are not valid articles (as the worker printed them),
    /// and the warnings of valid ones; returns how many failed and whether any was unreadable.
    static func printFailures(_ records: [PartRecord]) -> (count: Int, unreadable: Bool) {
        var count = 0
        var unreadable = false
        for record in PartRecord.sorted(records) where !record.diagnostics.isEmpty {
            if record.printed.count == record.diagnostics.count {
                for line in record.printed { Terminal.standardError(line) }
            } else {
                DiagnosticPrinter.print(record.diagnostics)
            }
            if !record.isValid { count += 1 }
            if record.diagnostics.contains(where: { $0.rule == .unreadable }) { unreadable = true }
        }
        return (count, unreadable)
    }
}
