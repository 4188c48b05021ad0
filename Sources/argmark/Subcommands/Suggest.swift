import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkSuggest

struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", _superCommandName: "argmark",
        abstract: "Propose candidate units (status=\"suggested\", with a confidence) for review.",
        discussion: """
            Cuts the text into sentences and clauses and decodes the whole sequence with a \
            trained model (a structured perceptron over discourse markers, reported speech, \
            person, modality, position, quotation and word and character n-gram features; see \
            the README, section Suggestions): the shipped one, or --model MODEL from argmark \
            train. Keeps units with at least --min-confidence that overlap no unit already in \
            the file, so gold units are untouched and running it twice adds nothing. Lines \
            without a sentence-final stop (headlines, captions, banners) are never proposed. \
            Quotations attributed to a named person get that speaker (declared as a new speaker \
            if the article has none of that name); with a corpus.xml that declares targets, a \
            unit may get a stance toward one. Each new unit may get a relation to the unit it \
            supports or attacks; such a relation belongs to the suggestion (accepting the unit \
            keeps it, rejecting the unit removes it). With --types, only the unit types your \
            project annotates are proposed: the model's other types become the nearest declared \
            one (position, counterclaim, rebuttal and evidence become claim; claim becomes \
            position, or evidence) and a unit with no near declared type is left out.

            Review with argmark show, then argmark accept or argmark reject.
            """
    )

    @Argument(help: "Annotation files.") var files: [String]
    @Option(help: "A model written by argmark train (default: the shipped model).") var model: String?
    @Option(help: "Only suggest units the model gives at least this confidence (0 to 1).") var minConfidence: Double = 0
    @Flag(help: "Do not suggest relations.") var noRelations = false
    @Option(help: "The unit types your project annotates, comma-separated (e.g. claim,evidence): the model's other types become the nearest of them.") var types: String?
    @Option(help: .hidden) var baseline: Baseline?

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if let types { _ = try LabelSet.parse(types) }
    }

    func run() throws {
        let suggester = try Suggester.loaded(model: model, types: types)
        var worst = ExitStatus.success
        for file in files {
            worst = max(worst, EditReporting.status { () throws(EditError) in
                // Suggestions are computed from the file as read and applied only to that
                // version of it; if it changed in between, they are computed again.
                let corpus = ArticleLoader.loadCorpus(besides: file)
                var attempts = 0
                var applied: (Suggester.Suggestions, EditOutcome)?
                while applied == nil {
                    var (article, digest) = try ArticleEditor.readForEditing(file)
                    let suggestions = if let baseline { suggester.suggestBaseline(baseline, into: &article) } else {
                        suggester.suggest(into: &article, corpus: corpus, minimumConfidence: minConfidence, relations: !noRelations)
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
                    let stance = unit.target.map { " \(unit.stance?.rawValue ?? "")→\($0)" } ?? ""
                    Terminal.standardOutput("\(file): suggested \(unit.id) \(unit.type.rawValue) \(ArgumentUnit.formatConfidence(unit.confidence ?? 0))\(speaker)\(stance) \"\(Abbreviation.short(unit.quote))\"")
                }
                for (relation, confidence) in added.relations {
                    Terminal.standardOutput("\(file): relation \(relation.id) \(relation.from) \(relation.type.rawValue) \(relation.to) \(ArgumentUnit.formatConfidence(confidence)) (suggested)")
                }
                var skipped: [String] = []
                if added.overlapping > 0 { skipped.append("\(added.overlapping) overlapping existing units") }
                if added.belowMinimum > 0 { skipped.append("\(added.belowMinimum) below --min-confidence") }
                if added.furniture > 0 { skipped.append("\(added.furniture) on lines without a final stop (headlines, captions)") }
                let relations = added.relations.isEmpty ? "" : ", \(added.relations.count) \(added.relations.count == 1 ? "relation" : "relations")"
                Terminal.standardOutput("\(file): \(added.units.count) \(added.units.count == 1 ? "suggestion" : "suggestions")\(relations)\(skipped.isEmpty ? "" : "; skipped " + skipped.joined(separator: ", "))")
                EditReporting.warn(outcome.warnings)
            })
        }
        try worst.exit()
    }
}

extension Baseline: ExpressibleByArgument {}

extension Suggester {
    /// The suggester `--model` and `--types` ask for (`suggest` and `batch --do suggest`): the
    /// shipped model, or the model file, which is refused when it cannot be read (exit 2) or is
    /// not a model of this version (exit 1).
    static func loaded(model path: String?, types: String?) throws -> Suggester {
        var suggester = Suggester()
        if let path {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(path) } catch {
                Terminal.standardError("\(error.path): error: \(error.reason)")
                throw ExitStatus.usage.code
            }
            do { suggester = Suggester(model: try SuggestionModel(bytes: bytes, path: path)) } catch {
                Terminal.standardError("\(error.path): error: \(Wording.sentence(error.message, error.remedies))")
                throw ExitStatus.failure.code
            }
        }
        suggester.labels = try types.map(LabelSet.parse)
        return suggester
    }
}

extension LabelSet {
    /// `--types claim,evidence`: unit type names separated by commas.
    static func parse(_ list: String) throws -> LabelSet {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { !$0.isWhitespace }) }
        var types = Set<UnitType>()
        for name in names {
            guard let type = UnitType(rawValue: name) else {
                throw ValidationError("unknown unit type \"\(name)\" in --types; use one or more of \(UnitType.allCases.map(\.rawValue).joined(separator: ", ")), separated by commas")
            }
            types.insert(type)
        }
        return LabelSet(types)
    }
}
