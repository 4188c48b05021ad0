import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: "argmark",
        abstract: "Compare how sources argue: argument maps, stance matrices, shared propositions and shared text.",
        discussion: """
            Takes files and folders (searched recursively for *.xml); each folder's corpus.xml \
            supplies the targets and propositions.

            Formats: html (default; one self-contained page), markdown, json (structure in the \
            README), dot and svg (one argument map per article). Without -o the report goes to \
            stdout. For svg or dot with several articles, -o names a folder that receives one file \
            per article (svg needs it; dot can also go to stdout).

            Invalid files are reported on stderr and left out of the report; the exit code is then \
            1. Exit 2 for unreadable paths or usage errors.

            With --from PART..., the report is built from partial reports (argmark summarize, \
            argmark batch --do summarize) instead of files: the same report as one run over all \
            their articles, whatever the order of the parts.
            """
    )

    @Argument(help: "Annotation files or folders.")
    var paths: [String] = []

    @Option(name: .customLong("from"), parsing: .upToNextOption, help: "Build the report from these partial reports (argmark summarize) instead of files.")
    var parts: [String] = []

    @Option(parsing: .upToNextOption, help: "With --from parts of facts: every range's shingle matches (argmark shingles match), for the shared text.")
    var matches: [String] = []

    @Option(help: "Output format: html, markdown, json, dot or svg.")
    var format: ReportFormat = .html

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (or folder, for dot/svg with several articles). Default: stdout.")
    var output: String?

    func validate() throws {
        if paths.isEmpty == parts.isEmpty {
            throw ValidationError(paths.isEmpty ? "give files or folders to report on, or --from PART... to merge partial reports" : "give either files and folders or --from PART..., not both")
        }
        if !matches.isEmpty, parts.isEmpty {
            throw ValidationError("--matches goes with --from PART... (parts of facts, argmark summarize --facts)")
        }
    }

    func run() throws {
        guard parts.isEmpty else { return try runFromParts() }
        let report: ComparisonReport
        let loaded: ValidArticles
        if format == .json {
            // Each article is folded into the report's facts as it is read and let go: memory is
            // bounded by the facts and the texts, not by every article and its graph.
            var fold = try temporaryFile { () throws(FileSystemError) in try ReportFold(spoolingSources: ()) }
            loaded = try ValidArticles(paths, toDo: "report on") { block in fold.add(block.map { ($0.path, $0.article, $0.corpus) }) }
            report = fold.finish()
        } else {
            var all = try ValidArticles(paths, toDo: "report on")
            // The report needs no element lines (they locate findings, printed by now): a corpus-wide
            // report would hold five tables per article for nothing.
            for index in all.articles.indices { all.articles[index].lines = ElementLines() }
            report = ComparisonReport.build(loaded: all.articles)
            all.articles = []
            loaded = all
        }
        do {
            try write(report)
        } catch let error as FileSystemError {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
        if loaded.leftOut > 0 {
            Terminal.standardError("report written without \(loaded.leftOut) invalid \(loaded.leftOut == 1 ? "file" : "files"); fix them and run again to include them")
        }
        try ExitStatus(loaded.diagnostics).exit()
    }

    /// The report merged from partial reports; their invalid records are reported as invalid files.
    func runFromParts() throws {
        let merge = try PartFiles.open(parts)
        if merge.format == .facts, format != .json {
            throw ValidationError("parts of facts (argmark summarize --facts) carry no articles to draw, so they make the JSON report only; pass --format json, or summarize without --facts for \(format.rawValue)")
        }
        if merge.format == .articles, !matches.isEmpty {
            throw ValidationError("--matches needs parts of facts (argmark summarize --facts); these parts carry articles, whose report finds its shared text itself: leave out --matches")
        }
        var join: (join: SharedTextJoin, header: ShingleSketch.Header)?
        if !matches.isEmpty {
            switch ShingleSketch.join(matches) {
            case .success(let joined): join = joined
            case .failure(let problems): try ShingleReducerOptions.refuse(problems.diagnostics)
            }
        }
        let (report, invalid, warned) = try PartFiles.reading {
            do {
                if merge.format == .facts { return try ComparisonReport.build(factParts: merge, join: join) }
                return try ComparisonReport.build(parts: merge, keepingArticles: format != .json)
            } catch let error as FileSystemError {
                return try temporaryFile { () throws(FileSystemError) in throw error }
            } catch let problems as ShingleSketch.Problems {
                try ShingleReducerOptions.refuse(problems.diagnostics)
                throw ExitStatus.failure.code
            }
        }
        let failures = PartFiles.printFailures(warned + invalid)
        guard let report else {
            Terminal.standardError(invalid.isEmpty
                ? "\(parts.joined(separator: " ")): error: the parts hold no articles; summarize some first (argmark summarize PATH -o PART)"
                : "argmark: error: no valid articles to report on; fix the errors above (see argmark validate)")
            throw (failures.unreadable ? ExitStatus.usage : ExitStatus.failure).code
        }
        do {
            try write(report)
        } catch let error as FileSystemError {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
        if failures.count > 0 {
            Terminal.standardError("report written without \(failures.count) invalid \(failures.count == 1 ? "file" : "files"); fix them and run again to include them")
        }
        if failures.unreadable { throw ExitStatus.usage.code }
        if failures.count > 0 { throw ExitStatus.failure.code }
    }

    /// `make`, with a failure to use the temporary file of a JSON report's sources said plainly.
    func temporaryFile<Value>(_ make: () throws(FileSystemError) -> Value) throws -> Value {
        do {
            return try make()
        } catch {
            Terminal.standardError("\(error.path): error: \(error.reason) (a JSON report keeps its sources there while it is made; set TMPDIR to a folder with room)")
            throw ExitStatus.usage.code
        }
    }

    func write(_ report: ComparisonReport) throws {
        guard format.isPerSource, report.sources.count > 1 || (output.map { FileSystem.kind(of: $0) == .directory } ?? false) else {
            if let output {
                try AtomicFile.write(to: output) { emit throws(FileSystemError) in
                    try report.write(as: format, to: emit)
                    // A source that could not be read back leaves the report incomplete: not kept.
                    if let problem = report.unwrittenSources { throw problem }
                }
            } else {
                report.write(as: format) { (bytes: [UInt8]) -> Void in Terminal.write(bytes, to: Platform.standardOutput) }
                if let problem = report.unwrittenSources {
                    throw FileSystemError(path: problem.path, reason: problem.reason + "; the report on standard output is incomplete")
                }
            }
            return
        }
        guard let folder = output else {
            if format == .dot {
                Terminal.write(report.rendered(as: .dot), to: Platform.standardOutput)
                return
            }
            throw ValidationError("\(report.sources.count) articles give \(report.sources.count) SVG maps; pass -o FOLDER to write one file per article")
        }
        switch FileSystem.kind(of: folder) {
        case .directory: break
        case .missing:
            if folder.hasSuffix("." + format.fileExtension) {
                throw ValidationError("\(folder) looks like a file name, but \(report.sources.count) articles give \(report.sources.count) maps; pass -o FOLDER to write one file per article")
            }
            do { try Platform.createDirectory(folder) } catch { throw FileSystemError(path: folder, reason: "cannot create the output folder (\(error.systemMessage)); create it or choose another") }
        default:
            throw ValidationError("\(folder) is a file; with several articles, -o must name a folder for one \(format.rawValue) file per article")
        }
        let paths = report.sources.indices.map { FileSystem.join(folder, fileName(report.sources[$0].key)) }
        // Never write outside the output folder: a link planted at a map's name is refused.
        if let link = paths.first(where: FileSystem.isSymbolicLink) {
            throw FileSystemError(path: link, reason: "is a symbolic link; argmark never writes through links in an output folder (that could write outside it), so nothing was written; remove the link or choose another output folder")
        }
        for (index, path) in paths.enumerated() {
            try AtomicFile.write(Array(report.renderMap(source: index, format: format).utf8), to: path)
        }
    }

    /// A file name from a source key: path separators replaced so the file stays in the folder.
    func fileName(_ key: String) -> String {
        let safe = String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == "/" || $0 == "\\" ? "_" : $0 }))
        return (safe.hasPrefix(".") ? "_" + safe : safe) + "." + format.fileExtension
    }
}

extension ReportFormat: ExpressibleByArgument {}
