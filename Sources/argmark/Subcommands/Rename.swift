import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", _superCommandName: "argmark",
        abstract: "Rename a unit, relation or speaker id (or a target or proposition id) and every reference to it.",
        discussion: """
            Given an article, renames a unit, relation or speaker and every reference to it in the \
            article. Given corpus.xml or its folder, renames a target or proposition there and in \
            every article beside it, in one transaction.
            """
    )

    @Argument(help: "An annotation file, or corpus.xml or its folder.") var file: String
    @Argument(help: "The id to rename.") var old: String
    @Argument(help: "The new id.") var new: String

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let forCorpus = FileSystem.kind(of: file) == .directory || FileSystem.baseName(of: file) == Corpus.fileName
            let edit: Edit = forCorpus ? .renameVocabulary(from: old, to: new) : .rename(from: old, to: new)
            let outcome = try ArticleEditor.apply([edit], to: file)
            guard case .renamed(_, _, let kind, let references) = outcome.results[0] else { return }
            let files = outcome.otherFiles.isEmpty ? "" : " in \(outcome.otherFiles.joined(separator: ", "))"
            Terminal.standardOutput("renamed \(kind.rawValue) \(old) to \(new); \(references) \(references == 1 ? "reference" : "references") updated\(forCorpus && references > 0 ? files : "")")
        }
    }
}
