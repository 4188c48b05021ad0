extension Diagnostic {
    /// The diagnostic as a JSON object: path, line, column, severity, rule, message, and, where a
    /// finding has them, `facts` and `remedies` (what a tool or the workbench offers to click).
    /// This is the one JSON shape of a finding; every frontend and `--format json` uses it.
    package var json: JSONValue {
        var members: [String: JSONValue] = [
            "path": .string(location.path),
            "severity": .string(severity.rawValue),
            "rule": .string(rule.rawValue),
            "message": .string(message),
        ]
        members["line"] = location.line.map(JSONValue.int) ?? .null
        members["column"] = location.column.map(JSONValue.int) ?? .null
        if !facts.isEmpty { members["facts"] = .array(facts.map(\.json)) }
        if !remedies.isEmpty { members["remedies"] = .array(remedies.map(\.json)) }
        return .object(members)
    }
}

extension Fact {
    /// `{"kind": "occurrences", "places": [...]}` and so on.
    package var json: JSONValue {
        switch self {
        case .occurrences(let places):
            .object(["kind": .string("occurrences"), "places": .array(places.map(\.json))])
        case .unplacedUnits(let units):
            .object(["kind": .string("unplaced-units"), "units": .array(units.map { unit in
                .object(["unit": .string(unit.unit), "start": .int(unit.start), "end": .int(unit.end), "quote": .string(unit.quote),
                         "reason": .string(unit.reason), "remedies": .array(unit.remedies.map(\.json))])
            })])
        case .dependents(let ids):
            .object(["kind": .string("dependents"), "ids": .array(ids.map(JSONValue.string))])
        case .notAllowed(let field, let value, let allowed):
            .object(["kind": .string("not-allowed"), "field": .string(field), "value": .string(value), "allowed": .array(allowed.map(JSONValue.string))])
        }
    }
}

extension TextPlace {
    package var json: JSONValue {
        .object(["start": .int(start), "end": .int(end), "line": .int(line), "column": .int(column), "context": .string(context)])
    }
}

extension Remedy {
    /// `{"kind": "choose-occurrence", "count": 2}`: the kind in kebab case, its facts beside it.
    package var json: JSONValue {
        var members: [String: JSONValue] = [:]
        let kind: String
        switch self {
        case .checkPath: kind = "check-path"
        case .passTextFiles: kind = "pass-text-files"
        case .passCorrectedText: kind = "pass-corrected-text"
        case .fixUnits: kind = "fix-units"
        case .chooseOccurrence(let count): kind = "choose-occurrence"; members["count"] = .int(count)
        case .longerQuote: kind = "longer-quote"
        case .copyQuoteFromText(let path): kind = "copy-quote-from-text"; members["path"] = .string(path)
        case .giveOffsets: kind = "give-offsets"
        case .giveQuote(let path): kind = "give-quote"; members["path"] = .string(path)
        case .removeRelation(let id, let path): kind = "remove-relation"; members["id"] = .string(id); members["path"] = .string(path)
        case .removeDependentsFirst: kind = "remove-dependents-first"
        case .cascade: kind = "cascade"
        case .cascadeClearingSpeaker: kind = "cascade-clearing-speaker"
        case .reassignSpeaker(let count): kind = "reassign-speaker"; members["count"] = .int(count)
        case .defineSpeaker(let id, let path): kind = "define-speaker"; members["id"] = .string(id); members["path"] = .string(path)
        case .defineTarget(let id, let folder): kind = "define-target"; members["id"] = .string(id); members["folder"] = folder.map(JSONValue.string) ?? .null
        case .defineProposition(let id, let folder): kind = "define-proposition"; members["id"] = .string(id); members["folder"] = folder.map(JSONValue.string) ?? .null
        case .listIDs(let path): kind = "list-ids"; members["path"] = .string(path)
        case .validate(let path): kind = "validate"; members["path"] = .string(path)
        case .createArticle: kind = "create-article"
        case .reanchor: kind = "reanchor"
        case .placeByOffsets: kind = "place-by-offsets"
        case .annotateAgain: kind = "annotate-again"
        case .chooseOrphanPolicy: kind = "choose-orphan-policy"
        case .reanchorFromOriginalText: kind = "reanchor-from-original-text"
        case .supply(let field): kind = "supply"; members["field"] = .string(field)
        case .supplyTogether(let fields): kind = "supply-together"; members["fields"] = .array(fields.map(JSONValue.string))
        case .correct(let field): kind = "correct"; members["field"] = .string(field)
        case .overwrite: kind = "overwrite"
        case .outputFolder: kind = "output-folder"
        case .anotherOutputFolder: kind = "another-output-folder"
        case .acceptLosses: kind = "accept-losses"
        case .formatThatCarriesIt: kind = "format-that-carries-it"
        case .typeMapping: kind = "type-mapping"
        case .retrainModel: kind = "retrain-model"
        case .trainedModel: kind = "trained-model"
        case .copyAgain: kind = "copy-again"
        case .anotherOutput: kind = "another-output"
        }
        members["kind"] = .string(kind)
        return .object(members)
    }
}
