import ArgumentParser
import ArgmarkCore

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a unit, relation or speaker.",
        discussion: """
            Refuses while other annotations refer to it. With --cascade, also removes the relations
            from and to a unit and the relations undercutting those, or clears a removed speaker
            from its units, and prints everything it removed.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "A unit, relation or speaker id.") var id: String
    @Flag(help: "Also remove (or clear) whatever refers to it.") var cascade = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let outcome = try ArticleEditor.apply([.remove(id: id, cascade: cascade)], to: file)
            guard case .removed(let removal) = outcome.results[0] else { return }
            for unit in removal.units {
                Terminal.standardOutput("removed unit \(unit.id) (\(unit.type.rawValue) \"\(Abbreviation.short(unit.quote))\")")
            }
            for relation in removal.relations {
                Terminal.standardOutput("removed relation \(relation.id) (\(relation.from) \(relation.type.rawValue) \(relation.to))")
            }
            for speaker in removal.speakers {
                Terminal.standardOutput("removed speaker \(speaker.id) (\(speaker.name))")
            }
            for unit in removal.unitsWithoutSpeaker {
                Terminal.standardOutput("cleared the speaker of unit \(unit)")
            }
        }
    }
}

enum Abbreviation {
    /// One line of at most `limit` code points.
    static func short(_ text: String, limit: Int = 60) -> String {
        let scalars = text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        guard scalars.count > limit else { return String(String.UnicodeScalarView(scalars)) }
        return String(String.UnicodeScalarView(scalars[0..<limit])) + "…"
    }
}
