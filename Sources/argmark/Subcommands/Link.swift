import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkReports

struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", _superCommandName: "argmark",
        abstract: "Find shared propositions across sources from the units' wording, and accept or reject them.",
        discussion: """
            argmark link --suggest PATH...  compares every unit with the units of the other sources \
            (TF-IDF cosine over content words; case, inflections and quotation marks folded) and \
            writes the candidate links to link-suggestions.tsv in the folder of the first PATH, \
            keeping earlier decisions: a rejected link is not suggested again. Pairs that already \
            carry the same proposition are not suggested. With --evaluate it writes nothing and \
            measures the suggestions against the propositions already declared instead.

            argmark link --accept L3 [--accept L4...] FOLDER  gives both units of each link one shared \
            proposition: the one a unit already carries, else --proposition ID (created in \
            corpus.xml with --statement, or the shorter quote, when it does not exist).

            argmark link --reject L3 [--reject L4...] FOLDER  marks links as wrong.

            argmark link FOLDER  lists the links and their status.
            """
    )

    @Argument(help: "Annotation files or folders (with --accept, --reject or alone: the folder holding link-suggestions.tsv).")
    var paths: [String]

    @Flag(help: "Suggest links between units of different sources.") var suggest = false
    @Flag(help: "With --suggest: compare the suggestions with the declared propositions (recall, precision); write nothing.") var evaluate = false
    @Option(help: "With --suggest: the lowest cosine similarity suggested (0-1).") var threshold: Double = LinkSuggester.Options().threshold
    @Option(help: "Accept this link (repeat for several).") var accept: [String] = []
    @Option(help: "Reject this link (repeat for several).") var reject: [String] = []
    @Option(help: "With --accept: the shared proposition's id.") var proposition: String?
    @Option(help: "With --accept: the statement of a new proposition (default: the shorter quote).") var statement: String?

    func validate() throws {
        let modes = [suggest, !accept.isEmpty, !reject.isEmpty].filter { $0 }.count
        if modes > 1 { throw ValidationError("pass one of --suggest, --accept or --reject") }
        if evaluate && !suggest { throw ValidationError("--evaluate goes with --suggest") }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if (proposition != nil || statement != nil) && accept.isEmpty { throw ValidationError("--proposition and --statement go with --accept") }
        if !suggest && paths.count != 1 { throw ValidationError("pass one folder (the one holding \(LinkSuggestionFile.fileName))") }
    }

    func run() throws {
        if suggest { return try runSuggest() }
        let folder = try folderOf(paths[0])
        let path = FileSystem.join(folder, LinkSuggestionFile.fileName)
        var file = try readFile(path)
        if accept.isEmpty && reject.isEmpty {
            for entry in file.entries { Terminal.standardOutput(line(entry)) }
            if file.entries.isEmpty { Terminal.standardError("\(path): no links; run argmark link --suggest \(folder)") }
            return
        }
        for id in accept + reject where !file.entries.contains(where: { $0.id == id }) {
            Terminal.standardError("\(path): error: no link \(id); argmark link \(folder) lists them")
            throw ExitStatus.failure.code
        }
        for id in reject {
            let index = file.entries.firstIndex { $0.id == id }!
            file.entries[index].status = .rejected
        }
        try writeFile(file, to: path)
        for id in accept {
            let index = file.entries.firstIndex { $0.id == id }!
            let used = try catching { () throws(EditError) -> PropositionID in
                try LinkAcceptance.accept(file.entries[index], in: folder, proposition: Vocabulary.id(proposition, "proposition"), statement: statement)
            }
            file.entries[index].status = .accepted
            try writeFile(file, to: path)
            Terminal.standardOutput("\(id) accepted: \(file.entries[index].unitA) and \(file.entries[index].unitB) carry \(used)")
        }
        for id in reject { Terminal.standardOutput("\(id) rejected") }
    }

    func runSuggest() throws {
        let loaded = try ValidArticles(paths, toDo: "link")
        let valid = loaded.articles
        let graphs = valid.map { ArgumentGraph($0.article) }
        var options = LinkSuggester.Options()
        options.threshold = threshold
        let candidates = LinkSuggester.suggest(graphs, options: options, skipLinked: !evaluate)
        if evaluate {
            let result = LinkSuggester.evaluate(candidates, graphs)
            for (a, b) in result.missed {
                let unitA = graphs[a.source].unitsByID[a.unit], unitB = graphs[b.source].unitsByID[b.unit]
                Terminal.standardOutput("missed\t\(unitA?.proposition?.rawValue ?? "")\t\(valid[a.source].article.id):\(a.unit) “\(shorten(unitA?.quote ?? ""))”\t\(valid[b.source].article.id):\(b.unit) “\(shorten(unitB?.quote ?? ""))”")
            }
            Terminal.standardOutput("threshold \(threshold): \(result.suggested) pairs suggested, \(result.found) of the \(result.referencePairs) cross-source unit pairs that declared propositions link; recall \(percent(result.recall)), precision \(percent(result.precision)) (against declared links only)")
            return
        }
        let folder = try folderOf(paths[0])
        let path = FileSystem.join(folder, LinkSuggestionFile.fileName)
        var file = try readFile(path)
        let entries = candidates.map { candidate -> LinkSuggestionFile.Entry in
            let a = valid[candidate.a.source], b = valid[candidate.b.source]
            return LinkSuggestionFile.Entry(
                id: "", status: .suggested, score: candidate.score,
                fileA: relative(a.path, to: folder), unitA: candidate.a.unit, fileB: relative(b.path, to: folder), unitB: candidate.b.unit,
                words: candidate.sharedWords,
                quoteA: a.article.unit(candidate.a.unit)?.quote ?? "", quoteB: b.article.unit(candidate.b.unit)?.quote ?? "")
        }
        let added = file.merge(entries)
        try writeFile(file, to: path)
        let open = file.entries.filter { $0.status == .suggested }
        for entry in open { Terminal.standardOutput(line(entry)) }
        Terminal.standardError("\(path): \(open.count) open \(open.count == 1 ? "suggestion" : "suggestions") (\(added.count) new); accept with argmark link --accept ID \(folder), reject with --reject ID")
        if loaded.leftOut > 0 { throw ExitStatus.failure.code }
    }

    func line(_ entry: LinkSuggestionFile.Entry) -> String {
        "\(entry.id)\t\(entry.status.rawValue)\t\(String(format3(entry.score)))\t\(entry.fileA):\(entry.unitA) “\(shorten(entry.quoteA))”\t\(entry.fileB):\(entry.unitB) “\(shorten(entry.quoteB))”"
    }

    /// Runs an edit; a refusal is printed the way every annotating command prints it.
    func catching<Value>(_ body: () throws(EditError) -> Value) throws -> Value {
        var value: Value?
        try EditReporting.run { () throws(EditError) in value = try body() }
        return value!
    }

    func folderOf(_ path: String) throws -> String {
        switch FileSystem.kind(of: path) {
        case .directory: return path
        case .file: return FileSystem.directoryName(of: path)
        default:
            Terminal.standardError("\(path): error: no such file or folder; pass the folder of the annotation files")
            throw ExitStatus.usage.code
        }
    }

    func readFile(_ path: String) throws -> LinkSuggestionFile {
        guard FileSystem.kind(of: path) == .file else { return LinkSuggestionFile() }
        do {
            let bytes = try FileSystem.read(path)
            return try LinkSuggestionFile.parse(String(decoding: bytes, as: UTF8.self))
        } catch let problem as LinkSuggestionFile.Problem {
            Terminal.standardError("\(path):\(problem.line): error: \(problem.message); fix the line or delete the file and run argmark link --suggest again")
            throw ExitStatus.failure.code
        } catch let error as FileSystemError {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
    }

    func writeFile(_ file: LinkSuggestionFile, to path: String) throws {
        do {
            try AtomicFile.write(Array(file.rendered().utf8), to: path)
        } catch {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
    }

    func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func shorten(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return collapsed.unicodeScalars.count > 70 ? String(String.UnicodeScalarView(collapsed.unicodeScalars.prefix(69))) + "…" : collapsed
    }

    func format3(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }

    func percent(_ value: Double) -> String { NumberText.percent(value) }
}
