import ArgumentParser
import ArgmarkCore
import ArgmarkFormats

extension ImportFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert other tools' annotations (arg-microtexts, UIMA XMI, brat, AIF JSON) into argmark files.",
        discussion: """
            Takes files and folders (searched recursively for *.xml, *.xmi, *.ann or *.json by \
            format); files in subfolders of a folder keep their subfolder under the output folder.

            Every article is validated before anything is written: if any input fails, nothing is \
            written. Existing files are not replaced unless --overwrite is given. Stance targets are \
            defined in the corpus.xml beside the articles.

            Prints one summary line per path argument (documents, units and relations by type and by \
            source label) on stdout; errors as path:line: error: message on stderr. Exit 0 on success, \
            1 when any input cannot be imported, 2 for usage errors or unreadable paths.
            """
    )

    @Option(name: .customLong("from"), help: "Source format.")
    var format: ImportFormat

    @OptionGroup var destination: ConversionOutput

    @Argument(help: "Source files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file or folder) to convert") }
    }

    func run() throws {
        let (groups, readErrors) = BatchImport.run(format, paths: paths)
        if !readErrors.isEmpty {
            DiagnosticPrinter.print(readErrors)
            let failing = Set(readErrors.filter { $0.severity == .error }.map(\.location.path)).count
            Terminal.standardError("nothing written: \(failing) \(failing == 1 ? "input" : "inputs") cannot be imported; fix \(failing == 1 ? "it" : "them") or leave \(failing == 1 ? "it" : "them") out")
            throw ExitCode(readErrors.contains { $0.rule == .unreadable } ? 2 : 1)
        }
        let articles = groups.flatMap(\.articles)
        let writeErrors = BatchWriter.writeArticles(articles, to: destination.output, overwrite: destination.overwrite)
        if !writeErrors.isEmpty {
            DiagnosticPrinter.print(writeErrors)
            Terminal.standardError(writeErrors.contains { $0.rule == .unreadable } ? "the output could not be written" : "nothing written")
            throw ExitCode.failure
        }
        for group in groups {
            Terminal.standardOutput(CorpusSummary(group.articles.map(\.article)).line(name: group.name))
        }
        Terminal.standardOutput("wrote \(articles.count) \(articles.count == 1 ? "file" : "files") to \(destination.output)")
    }
}
