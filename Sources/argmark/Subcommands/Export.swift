import ArgumentParser
import ArgmarkCore
import ArgmarkFormats

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write argmark articles in other tools' formats (arg-microtexts, brat, AIF JSON, Argdown).",
        discussion: """
            Takes argmark files and folders; each must be valid. Writes nothing if any article \
            cannot be exported (or if an output file exists, unless --overwrite is given).

            Prints one summary line per path argument on stdout; errors as path:line: error: message \
            on stderr. Exit 0 on success, 1 when an article is invalid or cannot be expressed in the \
            target format, 2 for usage errors or unreadable paths.
            """
    )

    @Option(name: .customLong("to"), help: "Target format.")
    var format: ExportFormat

    @OptionGroup var destination: ConversionOutput

    @Argument(help: "argmark files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file or folder) to convert") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var files: [ExportedFile] = []
        var summaries: [String] = []
        var unreadable = false
        for path in paths {
            let (loaded, failures) = ArticleLoader.loadAll([path])
            diagnostics += failures
            unreadable = unreadable || failures.contains { $0.rule == .unreadable }
            if loaded.isEmpty && failures.isEmpty {
                // A mistyped folder must not pass as "wrote 0 files" (agree and report refuse it too).
                diagnostics.append(Diagnostic(.error, .unreadable, "no argmark article found; pass article files or folders that hold them", at: SourceLocation(path: path)))
                unreadable = true
            }
            var articles: [Article] = []
            for item in loaded {
                let errors = item.diagnostics.filter { $0.severity == .error }
                guard errors.isEmpty else {
                    diagnostics += errors
                    continue
                }
                do {
                    files += try format.export(item.article, path: item.path)
                    articles.append(item.article)
                } catch {
                    diagnostics.append(error.diagnostic)
                }
            }
            summaries.append(CorpusSummary(articles).line(name: path))
        }
        if diagnostics.isEmpty { diagnostics = BatchWriter.write(files, to: destination.output, overwrite: destination.overwrite) }
        guard diagnostics.isEmpty else {
            DiagnosticPrinter.print(diagnostics)
            Terminal.standardError("nothing written: \(diagnostics.count) \(diagnostics.count == 1 ? "error" : "errors")")
            throw ExitCode(unreadable ? 2 : 1)
        }
        for summary in summaries { Terminal.standardOutput(summary) }
        Terminal.standardOutput("wrote \(files.count) \(files.count == 1 ? "file" : "files") to \(destination.output)")
    }
}
