import ArgumentParser
import ArgmarkCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", _superCommandName: "argmark",
        abstract: "Change a unit's (or a relation's) attributes.",
        discussion: """
            Only the options given change. For a unit: --type, --speaker, --stance with --target, \
            --proposition, --note, --status, and --quote/--start/--end to move it; --clear-* removes \
            an attribute (--clear-stance removes stance and target). For a relation: --type and --note.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "The unit or relation id.") var id: String
    @Option(help: "A unit type, or for a relation a relation type.") var type: String?
    @Option(help: "Speaker id.") var speaker: String?
    @Option(help: "favor, against or neutral.") var stance: String?
    @Option(help: "Stance target id.") var target: String?
    @Option(help: "Shared proposition id.") var proposition: String?
    @Option(help: "A free-text note.") var note: String?
    @Option(help: "gold or suggested.") var status: String?
    @Option(help: "Move the unit to this quote.") var quote: String?
    @Option(help: "Which occurrence of --quote.") var occurrence: Int?
    @Option(help: "Move the unit to these offsets (with --end).") var start: Int?
    @Option(help: "End offset (with --start).") var end: Int?
    @Flag(help: "Remove the speaker.") var clearSpeaker = false
    @Flag(help: "Remove stance and target.") var clearStance = false
    @Flag(help: "Remove the proposition.") var clearProposition = false
    @Flag(help: "Remove the note.") var clearNote = false

    private func checkOptions() throws(EditError) {
        if quote != nil && (start != nil || end != nil) { throw EditError(.usage, "pass either --quote or --start/--end, not both") }
        if (start == nil) != (end == nil) { throw EditError(.usage, "--start and --end go together") }
        if note != nil && clearNote { throw EditError(.usage, "pass either --note or --clear-note") }
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            try checkOptions()
            var change = ArticleEdits.UnitChange()
            change.speaker = try Vocabulary.id(speaker, "speaker")
            change.stance = try Vocabulary.stance(stance)
            change.target = try Vocabulary.id(target, "target")
            change.proposition = try Vocabulary.id(proposition, "proposition")
            change.note = note
            if let status {
                guard let value = UnitStatus(rawValue: status) else { throw EditError(.usage, "unknown status \"\(status)\"; use gold or suggested") }
                change.status = value
            }
            if let quote { change.anchor = .quote(quote, occurrence: occurrence) }
            if let start, let end { change.anchor = .offsets(start: start, end: end) }
            change.clearSpeaker = clearSpeaker
            change.clearStance = clearStance
            change.clearProposition = clearProposition
            change.clearNote = clearNote
            let outcome = try ArticleEditor.apply([.set(id: id, SetChange(type: type, fields: change))], to: file)
            if case .setUnit(let unit, let forgiven) = outcome.results[0] { EditReporting.noteForgiven(unit, forgiven, path: file) }
            EditReporting.warn(outcome.warnings)
            if !outcome.changed { EditReporting.note("nothing to change; \(id) already has these attributes", path: file) }
        }
    }
}
