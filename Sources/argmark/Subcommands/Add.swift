import ArgumentParser
import ArgmarkCore

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an argument unit to an article; prints its id.",
        discussion: """
            Give the unit's text with --quote (matched exactly first; if it is not in the text, a
            forgiving match ignores differences in quotation marks, dashes, whitespace and case,
            and says what it matched), or its code-point offsets with --start and --end.
            A quote that occurs more than once is refused with each occurrence listed: pass
            --occurrence N.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Argument(help: "position, claim, counterclaim, rebuttal or evidence.") var type: String
    @Option(help: "The text of the unit, as it appears in the article.") var quote: String?
    @Option(help: "Which occurrence of the quote (1-based) when it occurs more than once.") var occurrence: Int?
    @Option(help: "Start offset in code points (with --end).") var start: Int?
    @Option(help: "End offset in code points, exclusive (with --start).") var end: Int?
    @Option(help: "Speaker id (see argmark speaker).") var speaker: String?
    @Option(help: "favor, against or neutral (with --target).") var stance: String?
    @Option(help: "Stance target id, defined in corpus.xml (see argmark target).") var target: String?
    @Option(help: "Shared proposition id, defined in corpus.xml (see argmark proposition).") var proposition: String?
    @Option(help: "A free-text note.") var note: String?

    /// Usage problems are reported like every other refusal: one line, exit 2.
    private func checkAnchor() throws(EditError) {
        switch (quote, start, end) {
        case (.some, nil, nil): break
        case (nil, .some, .some): if occurrence != nil { throw EditError(.usage, "--occurrence goes with --quote, not with --start/--end") }
        case (nil, nil, nil): throw EditError(.usage, "say where the unit is: --quote \"TEXT\", or --start S --end E")
        case (.some, _, _): throw EditError(.usage, "pass either --quote or --start/--end, not both")
        default: throw EditError(.usage, "--start and --end go together")
        }
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            try checkAnchor()
            let unitType = try Vocabulary.unitType(type)
            let attributes = UnitAttributes(speaker: try Vocabulary.id(speaker, "speaker"), stance: try Vocabulary.stance(stance),
                                            target: try Vocabulary.id(target, "target"), proposition: try Vocabulary.id(proposition, "proposition"),
                                            note: note)
            let anchor: UnitAnchor = if let quote { .quote(quote, occurrence: occurrence) } else { .offsets(start: start!, end: end!) }
            let outcome = try ArticleEditor.edit(file) { (article, corpus) throws(EditError) in
                try ArticleEdits.addUnit(unitType, at: anchor, attributes: attributes, to: &article, corpus: corpus, path: file)
            }
            let added = outcome.value
            if !added.forgiven.isEmpty, let span = added.unit.span {
                EditReporting.note("quote not found exactly; matched \"\(added.unit.quote)\" at \(span.start)-\(span.end), ignoring differences in \(added.forgiven.map(\.rawValue).joined(separator: ", "))", path: file)
            }
            EditReporting.warn(outcome.warnings)
            Terminal.standardOutput(added.unit.id.rawValue)
        }
    }
}
