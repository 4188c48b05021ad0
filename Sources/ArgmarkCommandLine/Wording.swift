import ArgmarkCore

/// How the CLI words what the core reports as facts: each ``Remedy`` becomes the flag or command
/// to use. The core never spells these; another frontend words the same remedies its own way.
package enum Wording {
    /// `message; remedy, or remedy` — the message with its remedies in this CLI's terms.
    package static func sentence(_ message: String, _ remedies: [Remedy]) -> String {
        guard !remedies.isEmpty else { return message }
        return message + "; " + remedies.map(phrase).joined(separator: ", or ")
    }

    package static func phrase(_ remedy: Remedy) -> String {
        switch remedy {
        case .checkPath: "check the path"
        case .passTextFiles: "pass a .txt file or a folder of them"
        case .passCorrectedText: "pass the corrected text as a .txt file"
        case .fixUnits: "fix them with argmark set"
        case .chooseOccurrence(let count): "pass --occurrence \(occurrenceChoices(count))"
        case .longerQuote: "a longer quote"
        case .copyQuoteFromText(let path): "copy the quote from the text (argmark show \(path)) or give --start and --end"
        case .giveOffsets: "give --start and --end"
        case .giveQuote(let path): "argmark show \(path) helps find the span, or use --quote"
        case .removeRelation(let id, let path): "argmark remove \(path) \(id) removes the relation"
        case .removeDependentsFirst: "remove those first"
        case .cascade: "pass --cascade to remove them too"
        case .cascadeClearingSpeaker: "pass --cascade to clear the speaker"
        case .reassignSpeaker(let count): "reassign \(count == 1 ? "it" : "them") with argmark set"
        case .defineSpeaker(let id, let path): "add it with argmark speaker \(path) --id \(id) --name NAME"
        case .defineTarget(let id, let folder): "define it with argmark target \(folder.map { $0 + " " } ?? "")--id \(id) --name NAME"
        case .defineProposition(let id, let folder): "define it with argmark proposition \(folder.map { $0 + " " } ?? "")--id \(id) --text TEXT"
        case .listIDs(let path): "argmark list \(path) shows the ids"
        case .validate(let path): "argmark validate \(path) lists the findings"
        case .createArticle: "create it with argmark new"
        case .reanchor: "run argmark reanchor, or restore the text"
        case .placeByOffsets: "place it with argmark set --start/--end"
        case .annotateAgain: "re-add it with argmark add"
        case .chooseOrphanPolicy: "pass --orphans keep (keep them as implicit units with a note) or --orphans drop (remove them and their relations), or lower --min-similarity"
        case .reanchorFromOriginalText: "run reanchor with --text on the original file instead"
        case .supply(let field): field == "quote" ? "pass the exact text of the unit with --quote" : field == "stance" ? "pass --stance favor|against|neutral" : "pass --\(field)"
        case .supplyTogether(let fields): "pass both " + fields.map { "--" + $0 }.joined(separator: " and ")
        case .correct(let field): "pass a valid --\(field)"
        case .overwrite: "pass --overwrite to replace it"
        case .outputFolder: "pass a folder with -o"
        case .anotherOutputFolder: "choose another output folder"
        case .acceptLosses: "drop --strict to export without them"
        case .formatThatCarriesIt: "choose a format that carries them"
        case .typeMapping: "pass --mapping FILE with lines UIMA_TYPE[@FEATURE=VALUE]<TAB>UNIT_TYPE for this type system"
        case .retrainModel: "retrain it with argmark train"
        case .trainedModel: "pass a file written by argmark train"
        case .copyAgain: "copy it again"
        case .anotherOutput: "remove it first, or pass another -o"
        case .raiseRecordLimit(let bytes): "pass --max-record-bytes \(bytes) or more"
        }
    }

    package static func occurrenceChoices(_ count: Int) -> String {
        switch count {
        case 1: "1"
        case 2: "1 or 2"
        default: "1 to \(count)"
        }
    }

    /// The lines that follow a finding with facts to list (an ambiguous quote's occurrences, the
    /// units a reanchor could not place), indented so they read as part of it.
    package static func details(_ facts: [Fact]) -> [String] {
        facts.flatMap { fact -> [String] in
            switch fact {
            case .occurrences(let places):
                places.enumerated().map { index, place in
                    "  \(index + 1): \(place.start)-\(place.end) (line \(place.line), column \(place.column)): \(place.context)"
                }
            case .unplacedUnits(let units):
                units.map { "  \($0.unit) at \($0.start)-\($0.end) \"\($0.quote)\": \(sentence($0.reason, $0.remedies))" }
            case .dependents, .notAllowed:
                []
            }
        }
    }
}
