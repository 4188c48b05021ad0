import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Target: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", _superCommandName: "argmark",
        abstract: "Define a stance target in the corpus file (or change its name or description).",
        discussion: """
            Targets live in corpus.xml beside the article files, so every article can take a stance \
            on the same target. Pass the folder or the corpus.xml path; the file is created if missing.
            """
    )

    @Argument(help: "A folder of annotation files, or its corpus.xml.") var corpus: String
    @Option(help: "The target's id, e.g. metoo.") var id: String
    @Option(help: "A short name, e.g. \"the #MeToo movement\" (required for a new target).") var name: String?
    @Option(help: "What counts as being for or against it.") var description: String?
    @Flag(help: "Allow giving an existing target another name.") var replace = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let targetID: TargetID = try Vocabulary.id(id, "target")!
            _ = try ArticleEditor.apply([.target(TargetChange(id: targetID, name: name, description: description, replace: replace))], to: corpus)
            Terminal.standardOutput(targetID.rawValue)
        }
    }
}
