import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkFormats

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: "argmark",
        abstract: "Write argmark articles in other tools' formats (arg-microtexts, brat, AIF JSON, Argdown).",
        discussion: """
            Takes argmark files and folders; each must be valid. Writes nothing if any article \
            is invalid (or if an output file exists, unless --overwrite is given). Files are staged \
            in a hidden folder inside the output folder and moved into place at the end.

            No format carries everything argmark holds: each prints, per file, what it could not \
            carry, with counts (warnings, rule export-loss); --strict makes any loss an error and \
            writes nothing.

            Prints one summary line per path argument on stdout; errors and warnings as \
            path:line: error: message on stderr. Exit 0 on success, 1 when an article is invalid or \
            (with --strict) something cannot be carried, 2 for usage errors or unreadable paths.
            """
    )

    @Option(name: .customLong("to"), help: "Target format.")
    var format: ExportFormat

    @OptionGroup var destination: ConversionOutput

    @Flag(help: "Treat anything the format cannot carry as an error: write nothing.")
    var strict = false

    @Argument(help: "argmark files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file or folder) to convert") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var inputs: [ExportInput] = []
        var groups: [(path: String, articles: [Article])] = []
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
                inputs.append(ExportInput(article: item.article, path: item.path, corpus: item.corpus))
                articles.append(item.article)
            }
            groups.append((path, articles))
        }
        let batch = format.export(inputs)
        diagnostics += batch.errors
        let losses = batch.lossDiagnostics(format: format, strict: strict)
        if strict { diagnostics += losses }
        if diagnostics.isEmpty { diagnostics = BatchWriter.write(batch.files, to: destination.output, overwrite: destination.overwrite) }
        guard diagnostics.isEmpty else {
            DiagnosticPrinter.print(diagnostics)
            Terminal.standardError("nothing written: \(diagnostics.count) \(diagnostics.count == 1 ? "error" : "errors")")
            throw (unreadable ? ExitStatus.usage : .failure).code
        }
        DiagnosticPrinter.print(losses)
        for group in groups { Terminal.standardOutput(CorpusSummary(group.articles).line(name: group.path)) }
        let lossy = batch.losses.count { !$0.losses.isEmpty }
        Terminal.standardOutput("wrote \(batch.files.count) \(batch.files.count == 1 ? "file" : "files") to \(destination.output)" + (lossy == 0 ? "" : "; \(lossy) of \(inputs.count) articles lost something \(format.rawValue) cannot carry (listed above)"))
    }
}
