import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", _superCommandName: "argmark",
        abstract: "Remove a unit, relation or speaker (or a target or proposition from corpus.xml).",
        discussion: """
            Refuses while other annotations refer to it. With --cascade, also removes the relations \
            from and to a unit and the relations undercutting those, or clears a removed speaker \
            from its units, and prints everything it removed.

            Given corpus.xml or its folder, removes a target or proposition; refused while a unit \
            of an article in the folder (or a proposition) uses it. With --cascade, clears those \
            uses in every article of the folder (a unit loses the target and its stance) and \
            says which.
            """
    )

    @Argument(help: "The annotation file, or corpus.xml or its folder.") var file: String
    @Argument(help: "A unit, relation or speaker id (or a target or proposition id).") var id: String
    @Flag(help: "Also remove (or clear) whatever refers to it.") var cascade = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            if FileSystem.kind(of: file) == .directory || FileSystem.baseName(of: file) == Corpus.fileName {
                return try removeVocabulary()
            }
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

extension Remove {
    /// A target or a proposition: whichever the corpus defines under `id`.
    private func removeVocabulary() throws(EditError) {
        let corpusPath = try ArticleEditor.corpusPath(for: file)
        let isProposition = (try? ArticleEditor.readCorpus(corpusPath))?.proposition(PropositionID(id)) != nil
        let edit: Edit = isProposition ? .removeProposition(PropositionID(id), cascade: cascade) : .removeTarget(TargetID(id), cascade: cascade)
        let outcome = try ArticleEditor.apply([edit], to: file)
        guard case .removedVocabulary(_, let kind, let cleared) = outcome.results[0] else { return }
        Terminal.standardOutput("removed \(kind.rawValue) \(id) from \(outcome.path)")
        for use in cleared {
            if !use.units.isEmpty {
                Terminal.standardOutput("cleared it from \(use.units.count == 1 ? "unit" : "units") \(use.units.map(\.rawValue).joined(separator: ", ")) in \(use.path)")
            }
            if !use.propositions.isEmpty {
                Terminal.standardOutput("cleared it from \(use.propositions.count == 1 ? "proposition" : "propositions") \(use.propositions.map(\.rawValue).joined(separator: ", ")) in \(use.path)")
            }
        }
    }
}

enum Abbreviation {
    /// One line of at most `limit` code points of content, control characters shown as escapes.
    static func short(_ text: String, limit: Int = 60) -> String {
        let scalars = text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        guard scalars.count > limit else { return Terminal.visible(String(String.UnicodeScalarView(scalars))) }
        return Terminal.visible(String(String.UnicodeScalarView(scalars[0..<limit]))) + "…"
    }
}
