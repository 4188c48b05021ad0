import ArgumentParser
import ArgmarkAgreement
import ArgmarkCommandLine
import ArgmarkCore

struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree", _superCommandName: "argmark",
        abstract: "Measure how far annotators agree: units, labels, unitizing, relations and stance.",
        discussion: """
            Each argument is one annotator: an article file or a folder of them (searched \
            recursively for *.xml). Articles are matched across annotators by id; their texts must \
            be identical (same SHA-256), otherwise the command stops naming the article. Articles \
            only one annotator has are skipped. Pairwise scores take the later annotator against \
            the earlier.

            Exit 0 on success, 1 when a file is invalid or texts differ, 2 for usage errors and \
            unreadable paths.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: "Two or more annotations: files or folders, one per annotator.")
    var paths: [String]

    @Option(help: "Output format: text, markdown or json.")
    var format: OutputFormat = .text

    @Option(help: "What the span measures count: tokens (whitespace tokens) or codepoints.")
    var unit: Granularity = .tokens

    @Flag(help: "Count units with status=\"suggested\" too (by default only gold units count).")
    var includeSuggested = false

    func validate() throws {
        guard paths.count >= 2 else { throw ValidationError("agree needs at least two annotations; pass two or more files or folders") }
    }

    func run() throws {
        var annotators: [Annotator] = []
        var problems: [Diagnostic] = []
        var unreadable = false
        for path in paths {
            let (loaded, failures) = ArticleLoader.loadAll([path])
            problems += failures
            if failures.contains(where: { $0.rule == .unreadable }) { unreadable = true }
            problems += loaded.flatMap { $0.diagnostics.filter { $0.severity == .error } }
            if loaded.isEmpty && failures.isEmpty {
                problems.append(Diagnostic(.error, .unreadable, "no argmark article found; pass article files or folders that hold them", at: SourceLocation(path: path)))
                unreadable = true
            }
            annotators.append(Annotator(name: path, articles: loaded.map(\.article), paths: loaded.map(\.path)))
        }
        guard problems.isEmpty else {
            DiagnosticPrinter.print(problems)
            throw (unreadable ? ExitStatus.usage : .failure).code
        }
        let report: AgreementReport
        do {
            report = try AgreementReport(annotators: annotators, granularity: unit, filter: UnitFilter(includeSuggested: includeSuggested))
        } catch {
            Terminal.standardError(error.description)
            throw ExitStatus.failure.code
        }
        switch format {
        case .text: Terminal.write(report.rendered(.text), to: 1)
        case .markdown: Terminal.write(report.rendered(.markdown), to: 1)
        case .json: Terminal.write(report.json.rendered(), to: 1)
        }
    }
}

extension Granularity: ExpressibleByArgument {}
