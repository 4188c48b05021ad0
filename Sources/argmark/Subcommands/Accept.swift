import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", _superCommandName: "argmark",
        abstract: "Turn suggested units into annotations.",
        discussion: """
            Accepted units keep their id, type, span and speaker and lose status and confidence. \
            Correct a type or speaker before or after with argmark set. Speakers that argmark \
            suggest declared become role "quoted" once a unit of theirs is accepted.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "Ids of suggested units.") var ids: [String] = []
    @Option(name: .customLong("all-above"), help: "Accept every suggestion with at least this confidence.") var allAbove: Double?

    func validate() throws {
        guard ids.isEmpty != (allAbove == nil) else { throw ValidationError("pass suggestion ids or --all-above CONF, not both and not neither") }
        if let allAbove, !(0...1).contains(allAbove) { throw ValidationError("--all-above must be between 0 and 1") }
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let selection: SuggestionSelection = allAbove.map { .atLeast($0) } ?? .ids(ids)
            let outcome = try ArticleEditor.apply([.accept(selection)], to: file)
            guard case .accepted(let accepted) = outcome.results[0] else { return }
            for unit in accepted {
                Terminal.standardOutput("accepted \(unit.id) \(unit.type.rawValue) \"\(Abbreviation.short(unit.quote))\"")
            }
            Terminal.standardOutput("\(accepted.count) accepted")
            EditReporting.warn(outcome.warnings)
        }
    }
}
