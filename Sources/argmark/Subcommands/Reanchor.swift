import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct ReanchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanchor", _superCommandName: "argmark",
        abstract: "Move every unit onto a corrected version of the article's text.",
        discussion: """
            Each unit is found again by its quote and the 32 code points of text on each side of it \
            (as W3C Web Annotation's TextQuoteSelector with prefix and suffix): an exact occurrence \
            first, the surrounding text deciding between several; otherwise the most similar \
            passage, if it is at least --min-similarity similar (1 - edits / length, in code \
            points; default 0.8).

            A unit found neither way, or whose surroundings cannot tell two occurrences apart, is \
            an orphan. By default orphans stop the command and nothing is written; --orphans keep \
            turns them into implicit units (no span, the old quote as paraphrase, a note saying \
            where they were), --orphans drop removes them and the relations from and to them. \
            Either way each orphan is listed.

            Without --text, reanchor repairs a file whose text was edited inside the file (its \
            digest no longer matches): units whose quote is still at their offsets stay, the others \
            are found by their quote alone, and a quote that now occurs several times is an orphan.
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @Option(help: "The corrected article text (UTF-8). Without it, repairs a file whose text was edited in place, finding each unit by its quote alone.") var text: String?
    @Option(help: "Lowest similarity (0-1) an approximate match may have.") var minSimilarity: Double = Reanchor.Options.defaultMinimumSimilarity
    @Option(help: "refuse (default), keep or drop.") var orphans: String = Reanchor.OrphanPolicy.refuse.rawValue

    func validate() throws {
        guard (0...1).contains(minSimilarity), minSimilarity > 0 else { throw ValidationError("--min-similarity must be above 0 and at most 1, for example 0.8") }
        guard Reanchor.OrphanPolicy(rawValue: orphans) != nil else { throw ValidationError("--orphans must be refuse, keep or drop") }
    }

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let options = Reanchor.Options(minimumSimilarity: minSimilarity, orphans: Reanchor.OrphanPolicy(rawValue: orphans)!)
            let outcome = if let text { try Reanchor.reanchor(file, textPath: text, options: options) } else { try Reanchor.reanchorInPlace(file, options: options) }
            let result = outcome.value
            let placements = result.plan.placements
            for placement in placements where placement.old != placement.new || placement.method == .approximate {
                var line = "\(placement.unit) \(placement.old) -> \(placement.new)"
                if placement.method == .approximate { line += " (approximate, \(Reanchor.percent(placement.similarity)) similar: \"\(Abbreviation.short(placement.quote))\")" }
                Terminal.standardOutput(line)
            }
            for orphan in result.plan.orphans {
                let fate = options.orphans == .keep ? "kept as an implicit unit with a note" : "removed"
                Terminal.standardOutput("\(orphan.unit) orphan, \(fate): \(Wording.sentence(orphan.reason, orphan.remedies))")
            }
            for relation in result.removal.relations {
                Terminal.standardOutput("removed relation \(relation.id) (\(relation.from) \(relation.type.rawValue) \(relation.to))")
            }
            let moved = placements.filter { $0.old != $0.new }.count
            let approximate = placements.filter { $0.method == .approximate }.count
            let summary = outcome.changed
                ? "reanchored \(placements.count) \(placements.count == 1 ? "unit" : "units") (\(moved) moved, \(approximate) approximate), \(result.plan.orphans.count) \(result.plan.orphans.count == 1 ? "orphan" : "orphans")"
                : text == nil ? "the text matches its digest; nothing to do (to move the units onto a corrected text, pass --text NEW.txt)" : "the text is unchanged; nothing to do"
            EditReporting.note(summary, path: file)
            EditReporting.warn(outcome.warnings)
        }
    }
}
