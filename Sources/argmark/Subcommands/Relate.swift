import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Relate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relate", _superCommandName: "argmark",
        abstract: "Relate two units (FROM supports|attacks|rebuts|undercuts|restates TO); prints the relation's id.",
        discussion: "For undercuts, TO is a relation id: the inference it attacks."
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "The unit the relation starts at.") var from: String
    @Argument(help: "supports, attacks, rebuts, undercuts or restates.") var type: String
    @Argument(help: "The unit (or, for undercuts, the relation) it points to.") var to: String
    @Option(help: "A free-text note.") var note: String?

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let relationType = try Vocabulary.relationType(type)
            let outcome = try ArticleEditor.apply([.relate(NewRelation(from: from, relationType, to: to, note: note))], to: file)
            guard case .addedRelation(let relation) = outcome.results[0] else { return }
            EditReporting.warn(outcome.warnings)
            Terminal.standardOutput(relation.id.rawValue)
        }
    }
}
