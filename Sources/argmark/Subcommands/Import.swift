import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkFormats

extension ImportFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", _superCommandName: "argmark",
        abstract: "Convert other tools' annotations (arg-microtexts, UIMA XMI, brat, AIF JSON) into argmark files.",
        discussion: """
            Takes files and folders (searched recursively for *.xml, *.xmi, *.ann or *.json by \
            format); files in subfolders of a folder keep their subfolder under the output folder.

            Every article is validated before anything is written: if any input fails, nothing is \
            written. Existing files are not replaced unless --overwrite is given. Stance targets and \
            propositions are defined in the corpus.xml beside the articles. Files are staged in a \
            hidden folder inside the output folder and moved into place at the end.

            --keep-going imports every input that can be imported: relations argmark cannot \
            represent (a self-loop, an edge closing a support cycle, a malformed AIF scheme node) are \
            dropped, each named in a warning; inputs that still fail are listed; exit 1 if anything \
            was dropped or refused.

            --mapping FILE (XMI): which UIMA types become units and relations, one rule a line: \
            UIMA_TYPE[@FEATURE=VALUE]<TAB>UNIT_TYPE, or \
            UIMA_TYPE[@FEATURE=VALUE]<TAB>RELATION_TYPE, optionally followed by \
            <TAB>SOURCE_FEATURE<TAB>TARGET_FEATURE.

            Prints one summary line per path argument (documents, units and relations by type and by \
            source label) on stdout; errors and warnings as path:line: error: message on stderr. \
            Exit 0 on success, 1 when any input cannot be imported (or, with --keep-going, when \
            anything was dropped or refused), 2 for usage errors or unreadable paths.
            """
    )

    @Option(name: .customLong("from"), help: "Source format.")
    var format: ImportFormat

    @OptionGroup var destination: ConversionOutput

    @Flag(help: "Import every input that can be imported; drop (and name) elements argmark cannot represent.")
    var keepGoing = false

    @Option(help: ArgumentHelp("XMI only: a file mapping UIMA types to unit and relation types.", valueName: "FILE"))
    var mapping: String?

    @Argument(help: "Source files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file or folder) to convert") }
        if mapping != nil && format != .xmi { throw ValidationError("--mapping applies to --from xmi only") }
    }

    func run() throws {
        var options = ImportOptions(keepGoing: keepGoing)
        if let mapping {
            do {
                options.xmiMapping = try XMIMapping.load(mapping)
            } catch {
                DiagnosticPrinter.print([error.diagnostic])
                throw ExitStatus.usage.code
            }
        }
        let (groups, readErrors) = BatchImport.run(format, paths: paths, options: options)
        let unreadable = readErrors.contains { $0.rule == .unreadable }
        if !readErrors.isEmpty && (!keepGoing || unreadable) {
            DiagnosticPrinter.print(readErrors)
            let failing = Set(readErrors.filter { $0.severity == .error }.map(\.location.path)).count
            Terminal.standardError("nothing written: \(failing) \(failing == 1 ? "input" : "inputs") cannot be imported; fix \(failing == 1 ? "it" : "them"), leave \(failing == 1 ? "it" : "them") out\(unreadable ? "" : ", or pass --keep-going to import the rest")")
            throw max(ExitStatus(readErrors), .failure).code
        }
        let articles = groups.flatMap(\.articles)
        DiagnosticPrinter.print(articles.flatMap(\.warnings))
        let outcome = BatchWriter.writeArticles(articles, to: destination.output, overwrite: destination.overwrite, keepGoing: keepGoing)
        guard keepGoing else {
            if !outcome.errors.isEmpty {
                DiagnosticPrinter.print(outcome.errors)
                Terminal.standardError(outcome.errors.contains { $0.rule == .unreadable } ? "the output could not be written" : "nothing written; pass --keep-going to import the rest")
                throw ExitStatus.failure.code
            }
            printSummaries(groups, written: outcome)
            return
        }
        DiagnosticPrinter.print(readErrors + outcome.errors)
        DiagnosticPrinter.print(outcome.dropped)
        printSummaries(groups, written: outcome)
        let refused = Set(readErrors.map(\.location.path)).union(outcome.refusedInputs).sorted()
        if !outcome.dropped.isEmpty {
            Terminal.standardError("dropped \(outcome.dropped.count) \(outcome.dropped.count == 1 ? "element" : "elements") argmark cannot represent (named above)")
        }
        if !refused.isEmpty {
            Terminal.standardError("not imported (\(refused.count)):")
            for path in refused { Terminal.standardError("  \(path)") }
        }
        if !refused.isEmpty || !outcome.dropped.isEmpty || outcome.errors.contains(where: { $0.rule == .unreadable }) { throw ExitStatus.failure.code }
    }

    /// One summary line per path argument (of what was written), then the file count.
    private func printSummaries(_ groups: [ImportGroup], written outcome: ImportWriteOutcome) {
        let writtenBySource = Dictionary(outcome.written.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        for group in groups {
            let articles = group.articles.compactMap { writtenBySource[$0.sourcePath] }
            var line = CorpusSummary(articles.map(\.article)).line(name: group.name)
            let unmapped = articles.reduce(0) { $0 + $1.unmappedAnnotations }
            if unmapped > 0 { line += ", \(unmapped) \(unmapped == 1 ? "annotation" : "annotations") mapped to no unit type (kept as properties)" }
            Terminal.standardOutput(line)
        }
        let count = outcome.written.count
        Terminal.standardOutput("wrote \(count) \(count == 1 ? "article" : "articles") to \(destination.output)")
    }
}
