import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct PropositionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposition", _superCommandName: "argmark",
        abstract: "Define a shared proposition in the corpus file (or change it).",
        discussion: """
            A proposition is a claim several sources make, in the corpus's own words; units that \
            express it name it with --proposition. Pass the folder or the corpus.xml path.
            """
    )

    @Argument(help: "A folder of annotation files, or its corpus.xml.") var corpus: String
    @Option(help: "The proposition's id, e.g. no-model-survivor.") var id: String
    @Option(help: "The proposition in the corpus's own words (required for a new one).") var text: String?
    @Option(help: "The target it takes a stance on (with --stance).") var target: String?
    @Option(help: "favor, against or neutral (with --target).") var stance: String?
    @Flag(help: "Allow giving an existing proposition another statement.") var replace = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let propositionID: PropositionID = try Vocabulary.id(id, "proposition")!
            let targetID: TargetID? = try Vocabulary.id(target, "target")
            let stanceValue = try Vocabulary.stance(stance)
            _ = try ArticleEditor.apply([.proposition(PropositionChange(id: propositionID, statement: text, target: targetID, stance: stanceValue, replace: replace))], to: corpus)
            Terminal.standardOutput(propositionID.rawValue)
        }
    }
}
