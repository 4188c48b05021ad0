import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", _superCommandName: "argmark",
        abstract: "Check annotation files: well-formed XML, the argmark schema, and argmark's own rules.",
        discussion: """
            Takes files and folders (searched recursively for *.xml); each folder's corpus.xml \
            supplies the targets and propositions the articles beside it refer to.
            Prints path:line:col: error: message [rule-id] on stderr, then a summary line.
            Exit 0 when every file is valid, 1 when any has an error, 2 for unreadable paths.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Annotation files or folders.")
    var paths: [String]

    @Option(help: "Output format: text (diagnostics on stderr) or json (on stdout).")
    var format: OutputFormat = .text

    func run() throws {
        let run = Validator().validate(paths: paths)
        var unreadable = run.unreadablePaths.map {
            Diagnostic(.error, .unreadable, $0.reason, at: SourceLocation(path: $0.path))
        }
        // A folder with nothing to check would otherwise "validate" (a mistyped folder in CI).
        for path in paths where FileSystem.kind(of: path) == .directory {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if !run.files.contains(where: { $0.path.hasPrefix(prefix) }) && !run.unreadablePaths.contains(where: { $0.path.hasPrefix(prefix) || $0.path == path }) {
                unreadable.append(Diagnostic(.error, .unreadable, "no .xml files in this folder or below it; check the path", at: SourceLocation(path: path)))
            }
        }
        let diagnostics = unreadable + run.diagnostics
        let errors = run.errorCount + unreadable.count
        let summary = "\(run.files.count) \(run.files.count == 1 ? "file" : "files"), \(errors) \(errors == 1 ? "error" : "errors"), \(run.warningCount) \(run.warningCount == 1 ? "warning" : "warnings")"

        switch format {
        case .text:
            DiagnosticPrinter.print(diagnostics)
            Terminal.standardError(summary)
        case .json:
            let document: JSONValue = .object([
                "files": .int(run.files.count),
                "errors": .int(errors),
                "warnings": .int(run.warningCount),
                "diagnostics": .array(diagnostics.map(\.json)),
            ])
            Terminal.write(document.rendered(), to: 1)
        }
        try ExitStatus(diagnostics).exit()
    }
}
