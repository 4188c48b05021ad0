import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", _superCommandName: "argmark",
        abstract: "Remove suggested units.",
        discussion: """
            Only suggestions can be rejected; annotations are removed with argmark remove. \
            Relations that start or end at a rejected suggestion go with it, and speakers \
            that argmark suggest declared and no unit uses any more.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "Ids of suggested units.") var ids: [String] = []
    @Option(name: .customLong("all-below"), help: "Reject every suggestion with a confidence below this.") var allBelow: Double?
    @Flag(help: "Reject every suggestion.") var all = false

    func validate() throws {
        let choices = (ids.isEmpty ? 0 : 1) + (allBelow == nil ? 0 : 1) + (all ? 1 : 0)
        guard choices == 1 else { throw ValidationError("pass suggestion ids, --all-below CONF or --all (exactly one of them)") }
        if let allBelow, !(0...1).contains(allBelow) { throw ValidationError("--all-below must be between 0 and 1") }
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let selection: SuggestionSelection = all ? .all : allBelow.map { .below($0) } ?? .ids(ids)
            let outcome = try ArticleEditor.apply([.reject(selection)], to: file)
            guard case .rejected(let units, let speakers, let relations) = outcome.results[0] else { return }
            for unit in units {
                Terminal.standardOutput("rejected \(unit.id) \(unit.type.rawValue) \"\(Abbreviation.short(unit.quote))\"")
            }
            for relation in relations {
                Terminal.standardOutput("removed relation \(relation.id) (\(relation.from) \(relation.type.rawValue) \(relation.to))")
            }
            for speaker in speakers {
                Terminal.standardOutput("removed suggested speaker \(speaker.id) (\(speaker.name))")
            }
            Terminal.standardOutput("\(units.count) rejected")
            EditReporting.warn(outcome.warnings)
        }
    }
}
