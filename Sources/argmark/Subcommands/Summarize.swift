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

    func validate() throws {
        if paths.isEmpty == parts.isEmpty {
            throw ValidationError(paths.isEmpty ? "give files or folders to summarize, or --from PART... to merge parts" : "give either files and folders to summarize or --from PART..., not both")
        }
    }

    func run() throws {
        let records: [PartRecord]
        if parts.isEmpty {
            records = PartRecord.summarize(paths).map { record in
                var record = record
                record.printed = record.diagnostics.map { DiagnosticPrinter.line(for: $0, color: false) }
                return record
            }
        } else {
            records = try PartFiles.read(parts)
        }
        let failures = PartFiles.printFailures(records)
        let bytes = PartRecord.rendered(records)
        if let output {
            if let problem = write(bytes, to: output) {
                Terminal.standardError("\(problem.path): error: \(problem.reason)")
                throw ExitStatus.usage.code
            }
        } else {
            Terminal.write(bytes, to: Platform.standardOutput)
        }
        let valid = records.count { $0.isValid }
        Terminal.standardError("\(records.count) \(records.count == 1 ? "record" : "records"): \(valid) valid \(valid == 1 ? "article" : "articles"), \(records.count - valid) not")
        if failures.unreadable { throw ExitStatus.usage.code }
        if failures.count > 0 { throw ExitStatus.failure.code }
    }
}

extension Summarize {
    /// Writes the part atomically; the problem, if it could not.
    func write(_ bytes: [UInt8], to path: String) -> FileSystemError? {
        do throws(FileSystemError) {
            try AtomicFile.write(bytes, to: path)
            return nil
        } catch {
            return error
        }
    }
}

/// Reading parts and reporting what they carry, for `summarize --from` and `report --from`.
enum PartFiles {
    /// The records of the parts; a damaged part stops the command (exit 1, or 2 if unreadable).
    static func read(_ paths: [String], keepingSummaries: Bool = true) throws -> [PartRecord] {
        let (records, problems) = PartRecord.read(parts: paths, keepingSummaries: keepingSummaries)
        guard problems.isEmpty else {
            DiagnosticPrinter.print(problems)
            Terminal.standardError("argmark: error: \(problems.count == 1 ? "a part is" : "parts are") damaged or unreadable, so nothing was merged; summarize those articles again")
            throw ExitStatus(problems).code
        }
        return records
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
