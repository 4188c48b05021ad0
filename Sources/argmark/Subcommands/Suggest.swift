import ArgumentParser
import ArgmarkCore
import ArgmarkSuggest

struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose candidate units (status=\"suggested\", with a confidence) for review.",
        discussion: """
            Cuts the text into sentences and clauses and labels each with a small, documented \
            model (logistic regression over discourse markers, reported speech, person, modality, \
            negation, position and quotation cues; see the README, section Suggestions). Keeps \
            candidates the model labels as a unit type with at least --min-confidence, and never \
            one that overlaps a unit already in the file, so gold units are untouched and running \
            it twice adds nothing. Lines without a sentence-final stop (headlines, captions, \
            banners) are never proposed. Quotations attributed to a named person get that speaker \
            (declared as a new speaker if the article has none of that name).

            Review with argmark show, then argmark accept or argmark reject.
            """
    )

    enum Baseline: String, ExpressibleByArgument, CaseIterable {
        case everySentenceClaim = "every-sentence-claim"
    }

    @Argument(help: "Annotation files (or, with --dump-features, files and folders).") var files: [String]
    @Option(help: "Only suggest units the model gives at least this confidence (0 to 1).") var minConfidence: Double = 0
    @Flag(help: .hidden) var dumpFeatures = false
    @Option(help: .hidden) var baseline: Baseline?
    @Option(help: .hidden) var noneThreshold: Double?

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    func run() throws {
        var suggester = Suggester()
        if let noneThreshold { suggester.model.noneThreshold = noneThreshold }
        if dumpFeatures { return try dump(suggester) }
        var worst: Int32 = 0
        for file in files {
            do {
                try EditReporting.run { () throws(EditError) in
                    // Suggestions are computed from the file as read and applied only to that
                    // version of it; if it changed in between, they are computed again.
                    var attempts = 0
                    var applied: (Suggester.Suggestions, EditOutcome)?
                    while applied == nil {
                        var (article, digest) = try ArticleEditor.readForEditing(file)
                        let suggestions = switch baseline {
                        case .everySentenceClaim: suggester.suggestEverySentenceAsClaim(into: &article)
                        case nil: suggester.suggest(into: &article, minimumConfidence: minConfidence)
                        }
                        do throws(EditError) {
                            applied = (suggestions, try ArticleEditor.apply(suggestions.edits, to: file, expectedDigest: digest))
                        } catch {
                            guard case .stale? = error.problem, attempts < 5 else { throw error }
                            attempts += 1
                        }
                    }
                    let (added, outcome) = applied!
                    for speaker in added.speakers {
                        Terminal.standardOutput("\(file): new speaker \(speaker.id) (\(speaker.name))")
                    }
                    for unit in added.units {
                        let speaker = unit.speaker.map { " \($0)" } ?? ""
                        Terminal.standardOutput("\(file): suggested \(unit.id) \(unit.type.rawValue) \(ArgumentUnit.formatConfidence(unit.confidence ?? 0))\(speaker) \"\(Abbreviation.short(unit.quote))\"")
                    }
                    var skipped: [String] = []
                    if added.overlapping > 0 { skipped.append("\(added.overlapping) overlapping existing units") }
                    if added.belowMinimum > 0 { skipped.append("\(added.belowMinimum) below --min-confidence") }
                    if added.furniture > 0 { skipped.append("\(added.furniture) on lines without a final stop (headlines, captions)") }
                    Terminal.standardOutput("\(file): \(added.units.count) \(added.units.count == 1 ? "suggestion" : "suggestions")\(skipped.isEmpty ? "" : "; skipped " + skipped.joined(separator: ", "))")
                    EditReporting.warn(outcome.warnings)
                }
            } catch let code as ExitCode {
                worst = max(worst, code.rawValue)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Hidden: gold labels and features of every segment as JSON, for bench/suggest/train.py.
    private func dump(_ suggester: Suggester) throws {
        let (loaded, failures) = ArticleLoader.loadAll(files)
        guard failures.isEmpty else {
            DiagnosticPrinter.print(failures)
            throw ExitCode(2)
        }
        let records = loaded.map { suggester.trainingRecord(for: $0.article, path: $0.path) }
        Terminal.write(JSONValue.array(records).rendered(), to: Platform.standardOutput)
    }
}
