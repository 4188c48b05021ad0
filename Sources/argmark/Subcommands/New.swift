import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", _superCommandName: "argmark",
        abstract: "Create an annotation file from a plain-text article (or a folder of them).",
        discussion: """
            The text is stored exactly as read (UTF-8 required; CR and CRLF line ends are kept), \
            so unit offsets count code points of the original file. Never overwrites a file.
            With a folder of .txt files, -o names the output folder; each file becomes ID.xml, \
            the id made from its file name; existing outputs are skipped and reported.
            """
    )

    @Argument(help: "A UTF-8 .txt file, or a folder of them.")
    var input: String

    @Option(name: .shortAndLong, help: "The annotation file to create (default: the input with .xml), or the output folder.")
    var output: String?

    @Option(help: "The article id (default: from the file name).")
    var id: String?

    @OptionGroup var fields: MetadataOptions

    func run() throws {
        var someRefused = false
        try EditReporting.run { () throws(EditError) in
            let metadata = try fields.metadata()
            if FileSystem.kind(of: input) == .directory {
                someRefused = try !runFolder(metadata: metadata)
                return
            }
            let fileName = FileSystem.baseName(of: input)
            let articleID = id ?? ArticleFactory.id(fromFileName: fileName)
            var destination = output ?? FileSystem.join(FileSystem.directoryName(of: input), (fileName.hasSuffix(".txt") ? String(fileName.dropLast(4)) : fileName) + ".xml")
            if FileSystem.kind(of: destination) == .directory { destination = FileSystem.join(destination, articleID + ".xml") }
            let article = try ArticleFactory.create(from: input, to: destination, id: articleID, metadata: metadata)
            Terminal.standardError("created \(destination) (article \(article.id), \(CodePointText(article.text).count) code points)")
        }
        if someRefused { throw ExitStatus.failure.code }
    }

    /// Converts a folder; returns whether every file was converted.
    private func runFolder(metadata: ArticleMetadata) throws(EditError) -> Bool {
        guard let output else { throw EditError(.usage, "a folder of .txt files needs -o OUTPUT_FOLDER") }
        if id != nil || fields.title != nil || fields.url != nil {
            throw EditError(.usage, "--id, --title and --url name one article; leave them out when converting a folder")
        }
        let showProgress = Platform.isTerminal(Platform.standardError)
        let items = try ArticleFactory.createAll(from: input, to: output, metadata: metadata) { done, total in
            if showProgress && (done == total || done % 25 == 0) {
                Terminal.write("\r\(done)/\(total) files", to: Platform.standardError)
            }
        }
        if showProgress { Terminal.write("\r\u{1B}[K", to: Platform.standardError) }
        let failures = items.compactMap(\.error)
        for failure in failures { EditReporting.print(failure) }
        let created = items.count - failures.count
        Terminal.standardError("\(created) \(created == 1 ? "file" : "files") created, \(failures.count) refused")
        return failures.isEmpty
    }
}
