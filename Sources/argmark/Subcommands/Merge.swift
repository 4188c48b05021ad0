import ArgumentParser
import ArgmarkAgreement
import ArgmarkCommandLine
import ArgmarkCore

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", _superCommandName: "argmark",
        abstract: "Write what annotators agree on into one article; list the conflicts.",
        discussion: """
            Each argument is one annotator's version of the same article (same text). The output \
            has the units every annotator marked with the same type and span (speaker, stance, \
            target and proposition kept where all agree) and the relations all drew between them, \
            with fresh ids in text order. Conflicts go to standard output, one per line, in document \
            order (then by id): \
            "conflict: unit claim 120-180 “…” (only in A)". The output is validated against the \
            corpus.xml beside it and written atomically.

            Exit 0 when written (conflicts are not errors), 1 for invalid input or different texts, \
            2 for usage errors.
            """
    )

    @Argument(help: "Two or more versions of one article, one per annotator.") var files: [String]
    @Option(name: .shortAndLong, help: "The merged (gold) article to write.") var output: String

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("merge needs at least two versions; pass two or more article files") }
    }

    func run() throws {
        var articles: [Article] = []
        for file in files {
            let loaded: LoadedArticle
            do throws(ArticleLoadError) { loaded = try ArticleLoader.load(file) } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitStatus(error.diagnostics).code
            }
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                DiagnosticPrinter.print(errors)
                Terminal.standardError("\(file): error: the file is not valid; fix it first (argmark validate \(file))")
                throw ExitStatus.failure.code
            }
            articles.append(loaded.article)
        }
        let merge: ArticleMerge
        do throws(MergeError) { merge = try ArticleMerge(articles, names: files) } catch {
            Terminal.standardError("argmark: error: \(error.description)")
            throw ExitStatus.failure.code
        }
        let merged = merge.merged()
        try EditReporting.run { () throws(EditError) in
            if FileSystem.kind(of: output) == .missing {
                try ArticleFactory.create(merged, at: output)
            } else {
                // An existing gold file is replaced through the locked, validated edit.
                let outcome = try ArticleEditor.edit(output) { (article, _) throws(EditError) in article = merged }
                EditReporting.warn(outcome.warnings)
            }
        }
        for conflict in merge.conflicts {
            let who = conflict.annotators.map { files[$0] }.joined(separator: ", ")
            switch conflict.subject {
            case .unit: Terminal.standardOutput("conflict: unit \(conflict.summary) (only in \(who))")
            case .relation: Terminal.standardOutput("conflict: relation \(conflict.summary) (only in \(who))")
            case .attributes: Terminal.standardOutput("conflict: \(conflict.summary) (\(who))")
            }
        }
        Terminal.standardOutput("\(output): \(merged.units.count) units and \(merged.relations.count) relations agreed, \(merge.conflicts.count) \(merge.conflicts.count == 1 ? "conflict" : "conflicts")")
    }
}
