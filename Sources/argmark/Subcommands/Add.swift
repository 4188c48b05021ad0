import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", _superCommandName: "argmark",
        abstract: "Add an argument unit to an article; prints its id.",
        discussion: """
            Give the unit's text with --quote (matched exactly first; if it is not in the text, a \
            forgiving match ignores differences in quotation marks, dashes, whitespace and case, \
            and says what it matched), or its code-point offsets with --start and --end.
            A quote that occurs more than once is refused with each occurrence listed: pass \
            --occurrence N.

            A discontinuous unit (one statement interrupted by other text) takes several pieces: \
            --quote A --quote B (with one --occurrence per quote, if any), or --start/--end \
            repeated, pieces in text order. An implicit unit (a premise or conclusion the text \
            leaves unstated) has no span: give its paraphrase with --implicit "TEXT".
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "position, claim, counterclaim, rebuttal or evidence.") var type: String
    @Option(help: "The text of the unit, as it appears in the article (repeat for a discontinuous unit).") var quote: [String] = []
    @Option(help: "Which occurrence of the quote (1-based) when it occurs more than once (one per --quote).") var occurrence: [Int] = []
    @Option(help: "Start offset in code points (with --end; repeat for a discontinuous unit).") var start: [Int] = []
    @Option(help: "End offset in code points, exclusive (with --start).") var end: [Int] = []
    @Option(help: "An implicit unit: its paraphrase (no span in the text).") var implicit: String?
    @Option(help: "Speaker id (see argmark speaker).") var speaker: String?
    @Option(help: "favor, against or neutral (with --target).") var stance: String?
    @Option(help: "Stance target id, defined in corpus.xml (see argmark target).") var target: String?
    @Option(help: "Shared proposition id, defined in corpus.xml (see argmark proposition).") var proposition: String?
    @Option(help: "A free-text note.") var note: String?

    /// Where the unit goes, from the options; usage problems are reported like every other
    /// refusal: one line, exit 2.
    private func place() throws(EditError) -> NewUnitPlace {
        if let implicit {
            guard quote.isEmpty && start.isEmpty && end.isEmpty && occurrence.isEmpty else {
                throw EditError(.usage, "an implicit unit has no place in the text: pass --implicit alone, without --quote, --occurrence, --start or --end")
            }
            return .implicit(paraphrase: implicit)
        }
        if !quote.isEmpty && !(start.isEmpty && end.isEmpty) { throw EditError(.usage, "pass either --quote or --start/--end, not both") }
        if quote.isEmpty && start.isEmpty && end.isEmpty { throw EditError(.usage, "say where the unit is: --quote \"TEXT\", or --start S --end E (or --implicit \"PARAPHRASE\")") }
        if start.count != end.count { throw EditError(.usage, "--start and --end go together") }
        let anchors: [UnitAnchor]
        if quote.isEmpty {
            if !occurrence.isEmpty { throw EditError(.usage, "--occurrence goes with --quote, not with --start/--end") }
            anchors = zip(start, end).map { .offsets(start: $0, end: $1) }
        } else {
            guard occurrence.isEmpty || occurrence.count == quote.count else {
                throw EditError(.usage, "\(quote.count) quotes but \(occurrence.count) --occurrence; give one --occurrence per --quote, or none")
            }
            anchors = quote.enumerated().map { .quote($1, occurrence: occurrence.isEmpty ? nil : occurrence[$0]) }
        }
        return anchors.count == 1 ? .anchor(anchors[0]) : .fragments(anchors)
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let place = try place()
            let unitType = try Vocabulary.unitType(type)
            let attributes = UnitAttributes(speaker: try Vocabulary.id(speaker, "speaker"), stance: try Vocabulary.stance(stance),
                                            target: try Vocabulary.id(target, "target"), proposition: try Vocabulary.id(proposition, "proposition"),
                                            note: note)
            let outcome = try ArticleEditor.apply([.addUnit(NewUnit(type: unitType, place: place, attributes: attributes))], to: file)
            guard case .addedUnit(let unit, let forgiven) = outcome.results[0] else { return }
            EditReporting.noteForgiven(unit, forgiven, path: file)
            EditReporting.warn(outcome.warnings)
            Terminal.standardOutput(unit.id.rawValue)
        }
    }
}
