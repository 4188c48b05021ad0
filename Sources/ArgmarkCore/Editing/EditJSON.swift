/// Edits written as JSON: one object per edit, `{"edit": "add", "type": "claim", "quote": "…"}`.
/// `argmark apply` reads them one per line (JSON Lines); the workbench will send the same objects.
/// README.md, section "Edit files", documents every field.
package enum EditJSON {
    /// A line of an edit file that was read, with its 1-based line number.
    package struct Line: Sendable, Equatable {
        package var number: Int
        package var edit: Edit
    }

    /// Why an edit could not be read from JSON.
    package struct ReadError: Error, Sendable, Equatable {
        package var line: Int
        /// Lowercase, naming the field and the fix.
        package var message: String
    }

    /// The edits of a JSON Lines file: one JSON object per line; blank lines and lines whose
    /// first non-blank character is `#` (comments) are skipped. `forCorpus` reads `rename` as a
    /// rename of a target or proposition (the file the edits go to is a `corpus.xml`).
    package static func lines(_ bytes: [UInt8], forCorpus: Bool = false) throws(ReadError) -> [Line] {
        var result: [Line] = []
        var number = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start <= bytes.count {
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = Array(bytes[start..<end])
            start = end + 1
            guard let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }) else {
                if end >= bytes.count { break }
                continue
            }
            if line[first] == UInt8(ascii: "#") { continue }
            let node: JSONNode
            do throws(JSONSyntaxError) { node = try JSONReader.parse(line) } catch {
                throw ReadError(line: number, message: "not valid JSON: \(error.message); each line holds one edit as a JSON object")
            }
            result.append(Line(number: number, edit: try edit(from: node, line: number, forCorpus: forCorpus)))
            if end >= bytes.count { break }
        }
        return result
    }

    /// One edit from its JSON object.
    package static func edit(from node: JSONNode, line: Int = 1, forCorpus: Bool = false) throws(ReadError) -> Edit {
        var object = try Fields(node, line: line)
        let kind = try object.requiredString("edit")
        if let known = fields[kind], let unknown = object.members.first(where: { $0.key != "edit" && !known.contains($0.key) }) {
            throw ReadError(line: line, message: "unknown field \"\(unknown.key)\" in a \(kind) edit; its fields are \(known.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let edit: Edit
        switch kind {
        case "add": edit = try object.add()
        case "relate":
            edit = .relate(NewRelation(from: try object.requiredString("from"), try object.relationType(required: true)!,
                                       to: try object.requiredString("to"), note: try object.string("note"),
                                       id: try object.string("id"), label: try object.string("as")))
        case "set": edit = try object.set()
        case "remove":
            let cascade = try object.bool("cascade") ?? false
            if let target = try object.string("target") {
                edit = .removeTarget(TargetID(target), cascade: cascade)
            } else if let proposition = try object.string("proposition") {
                edit = .removeProposition(PropositionID(proposition), cascade: cascade)
            } else {
                edit = .remove(id: try object.requiredString("id", hint: "(or \"target\" or \"proposition\" to remove one from corpus.xml)"), cascade: cascade)
            }
        case "speaker":
            let clear = try object.clearList(allowed: ["role"])
            edit = .speaker(SpeakerChange(id: SpeakerID(try object.requiredString("id")), name: try object.string("name"),
                                          role: try object.string("role"), clearRole: clear.contains("role"), label: try object.string("as")))
        case "meta": edit = try object.meta()
        case "rename":
            let from = try object.requiredString("from")
            let to = try object.requiredString("to")
            edit = forCorpus ? .renameVocabulary(from: from, to: to) : .rename(from: from, to: to)
        case "accept", "reject":
            let ids = try object.strings("ids")
            let threshold = try object.number(kind == "accept" ? "above" : "below")
            let all = try object.bool("all") ?? false
            let given = (ids == nil ? 0 : 1) + (threshold == nil ? 0 : 1) + (all ? 1 : 0)
            guard given == 1 else {
                throw object.error("a \(kind) edit takes exactly one of \"ids\" (a list of suggested unit ids), \"\(kind == "accept" ? "above" : "below")\" (a confidence) or \"all\": true")
            }
            if let threshold, !(0...1).contains(threshold) { throw object.error("\"\(kind == "accept" ? "above" : "below")\" must be between 0 and 1") }
            let selection: SuggestionSelection = if let ids { .ids(ids) } else if let threshold { kind == "accept" ? .atLeast(threshold) : .below(threshold) } else { .all }
            edit = kind == "accept" ? .accept(selection) : .reject(selection)
        case "target":
            edit = .target(TargetChange(id: TargetID(try object.requiredString("id")), name: try object.string("name"),
                                        description: try object.string("description"), replace: try object.bool("replace") ?? false))
        case "proposition":
            edit = .proposition(PropositionChange(id: PropositionID(try object.requiredString("id")), statement: try object.string("text"),
                                                  target: try object.string("target").map { TargetID($0) }, stance: try object.stance(),
                                                  replace: try object.bool("replace") ?? false))
        default:
            throw ReadError(line: line, message: "unknown edit \"\(kind)\"; use one of \(kinds.joined(separator: ", "))")
        }
        return edit
    }

    /// The values of `"edit"`.
    package static let kinds = ["add", "relate", "set", "remove", "speaker", "meta", "rename", "accept", "reject", "target", "proposition"]

    /// The fields each kind of edit takes (besides `"edit"`); any other field is refused, so a
    /// misspelt one cannot be silently ignored.
    package static let fields: [String: [String]] = [
        "add": ["type", "quote", "occurrence", "start", "end", "quotes", "occurrences", "spans", "implicit",
                "speaker", "stance", "target", "proposition", "note", "id", "as", "status", "confidence"],
        "relate": ["from", "type", "to", "note", "id", "as"],
        "set": ["id", "type", "speaker", "stance", "target", "proposition", "note", "status", "quote", "occurrence", "start", "end", "clear"],
        "remove": ["id", "target", "proposition", "cascade"],
        "speaker": ["id", "name", "role", "clear", "as"],
        "meta": ["title", "outlet", "author", "published", "url", "genre", "language", "properties", "clear"],
        "rename": ["from", "to"],
        "accept": ["ids", "above", "all"],
        "reject": ["ids", "below", "all"],
        "target": ["id", "name", "description", "replace"],
        "proposition": ["id", "text", "target", "stance", "replace"],
    ]

    /// The members of one JSON object; each read marks its key, so unknown keys (typos) are refused.
    struct Fields {
        var members: [(key: String, value: JSONNode)]
        let line: Int

        init(_ node: JSONNode, line: Int) throws(ReadError) {
            guard case .object(let members) = node.value else {
                throw ReadError(line: line, message: "an edit is a JSON object such as {\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"…\"}")
            }
            var seen: Set<String> = []
            for member in members where !seen.insert(member.key).inserted {
                throw ReadError(line: line, message: "field \"\(member.key)\" is given twice; give it once")
            }
            self.members = members
            self.line = line
        }

        func error(_ message: String) -> ReadError { ReadError(line: line, message: message) }

        mutating func value(_ key: String) -> JSONNode? {
            guard let node = members.first(where: { $0.key == key })?.value else { return nil }
            if case .null = node.value { return nil }
            return node
        }

        mutating func string(_ key: String) throws(ReadError) -> String? {
            guard let node = value(key) else { return nil }
            guard case .string(let string) = node.value else { throw error("\"\(key)\" must be a string") }
            return string
        }

        mutating func requiredString(_ key: String, hint: String = "") throws(ReadError) -> String {
            guard let string = try string(key) else {
                throw error(key == "edit" ? "every line needs \"edit\": one of \(EditJSON.kinds.joined(separator: ", "))" : "this edit needs \"\(key)\"\(hint.isEmpty ? "" : " " + hint)")
            }
            return string
        }

        mutating func strings(_ key: String) throws(ReadError) -> [String]? {
            guard let node = value(key) else { return nil }
            guard let items = node.array else { throw error("\"\(key)\" must be a list of strings") }
            var result: [String] = []
            for item in items {
                guard case .string(let string) = item.value else { throw error("\"\(key)\" must be a list of strings") }
                result.append(string)
            }
            return result
        }

        mutating func bool(_ key: String) throws(ReadError) -> Bool? {
            guard let node = value(key) else { return nil }
            guard case .bool(let flag) = node.value else { throw error("\"\(key)\" must be true or false") }
            return flag
        }

        mutating func integer(_ key: String) throws(ReadError) -> Int? {
            guard let node = value(key) else { return nil }
            guard case .number(let text) = node.value, let number = Int(text) else { throw error("\"\(key)\" must be a whole number") }
            return number
        }

        mutating func number(_ key: String) throws(ReadError) -> Double? {
            guard let node = value(key) else { return nil }
            guard case .number(let text) = node.value, let number = Double(text) else { throw error("\"\(key)\" must be a number") }
            return number
        }

        mutating func integers(_ key: String) throws(ReadError) -> [Int]? {
            guard let node = value(key) else { return nil }
            guard let items = node.array else { throw error("\"\(key)\" must be a list of whole numbers") }
            var result: [Int] = []
            for item in items {
                guard case .number(let text) = item.value, let number = Int(text) else { throw error("\"\(key)\" must be a list of whole numbers") }
                result.append(number)
            }
            return result
        }

        mutating func clearList(allowed: [String]) throws(ReadError) -> Set<String> {
            guard let names = try strings("clear") else { return [] }
            for name in names where !allowed.contains(name) {
                throw error("\"clear\" cannot hold \"\(name)\"; it takes \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            return Set(names)
        }

        mutating func stance() throws(ReadError) -> Stance? {
            guard let value = try string("stance") else { return nil }
            guard let stance = Stance(rawValue: value) else { throw error("unknown stance \"\(value)\"; use favor, against or neutral") }
            return stance
        }

        mutating func unitType() throws(ReadError) -> UnitType? {
            guard let value = try string("type") else { return nil }
            guard let type = UnitType(rawValue: value) else {
                throw error("unknown unit type \"\(value)\"; use one of \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }

        mutating func relationType(required: Bool) throws(ReadError) -> RelationType? {
            guard let value = try string("type") else {
                if required { throw error("this edit needs \"type\": one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))") }
                return nil
            }
            guard let type = RelationType(rawValue: value) else {
                throw error("unknown relation type \"\(value)\"; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }

        /// `quote` (with `occurrence`), `start`/`end`, or neither.
        mutating func anchor() throws(ReadError) -> UnitAnchor? {
            let quote = try string("quote")
            let occurrence = try integer("occurrence")
            let start = try integer("start")
            let end = try integer("end")
            if let quote {
                guard start == nil && end == nil else { throw error("give either \"quote\" or \"start\" and \"end\", not both") }
                return .quote(quote, occurrence: occurrence)
            }
            if occurrence != nil { throw error("\"occurrence\" goes with \"quote\"") }
            switch (start, end) {
            case (let start?, let end?): return .offsets(start: start, end: end)
            case (nil, nil): return nil
            default: throw error("\"start\" and \"end\" go together")
            }
        }

        mutating func add() throws(ReadError) -> Edit {
            guard let type = try unitType() else {
                throw error("an add edit needs \"type\": one of \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let single = try anchor()
            let quotes = try strings("quotes")
            let occurrences = try integers("occurrences")
            let spans = try spansList()
            let implicit = try string("implicit")
            let places = [single != nil, quotes != nil, spans != nil, implicit != nil].filter { $0 }.count
            guard places == 1 else {
                throw error(places == 0 ? "say where the unit is: \"quote\", \"start\" and \"end\", \"quotes\" or \"spans\" (a discontinuous unit), or \"implicit\" (a paraphrase)"
                                        : "give only one of \"quote\", \"start\"/\"end\", \"quotes\", \"spans\" and \"implicit\"")
            }
            if occurrences != nil && quotes == nil { throw error("\"occurrences\" goes with \"quotes\"") }
            let place: NewUnitPlace
            if let single {
                place = .anchor(single)
            } else if let quotes {
                if let occurrences, occurrences.count != quotes.count {
                    throw error("\(quotes.count) quotes but \(occurrences.count) occurrences; give one occurrence per quote (0 where it occurs once), or none")
                }
                place = .fragments(quotes.enumerated().map { index, quote in
                    let occurrence = occurrences.map { $0[index] }
                    return .quote(quote, occurrence: occurrence == 0 ? nil : occurrence)
                })
            } else if let spans {
                place = .fragments(spans)
            } else {
                place = .implicit(paraphrase: implicit!)
            }
            let attributes = UnitAttributes(speaker: try string("speaker").map { SpeakerID($0) }, stance: try stance(),
                                            target: try string("target").map { TargetID($0) },
                                            proposition: try string("proposition").map { PropositionID($0) }, note: try string("note"))
            let status = try status() ?? .gold
            let confidence = try number("confidence")
            if confidence != nil && status != .suggested { throw error("\"confidence\" is for suggestions: give \"status\": \"suggested\" too") }
            return .addUnit(NewUnit(type: type, place: place, attributes: attributes, id: try string("id"), label: try string("as"),
                                    status: status, confidence: confidence))
        }

        mutating func status() throws(ReadError) -> UnitStatus? {
            guard let value = try string("status") else { return nil }
            guard let status = UnitStatus(rawValue: value) else { throw error("unknown status \"\(value)\"; use gold or suggested") }
            return status
        }

        mutating func spansList() throws(ReadError) -> [UnitAnchor]? {
            guard let node = value("spans") else { return nil }
            let shape = "\"spans\" must be a list of [start, end] pairs, e.g. [[10, 25], [40, 52]]"
            guard let items = node.array else { throw error(shape) }
            var anchors: [UnitAnchor] = []
            for item in items {
                guard let pair = item.array, pair.count == 2, case .number(let a) = pair[0].value, case .number(let b) = pair[1].value,
                      let start = Int(a), let end = Int(b) else { throw error(shape) }
                anchors.append(.offsets(start: start, end: end))
            }
            return anchors
        }

        mutating func set() throws(ReadError) -> Edit {
            let id = try requiredString("id")
            var fields = ArticleEdits.UnitChange()
            let type = try string("type")
            fields.speaker = try string("speaker").map { SpeakerID($0) }
            fields.stance = try stance()
            fields.target = try string("target").map { TargetID($0) }
            fields.proposition = try string("proposition").map { PropositionID($0) }
            fields.note = try string("note")
            fields.status = try status()
            fields.anchor = try anchor()
            let clear = try clearList(allowed: ["speaker", "stance", "proposition", "note"])
            fields.clearSpeaker = clear.contains("speaker")
            fields.clearStance = clear.contains("stance")
            fields.clearProposition = clear.contains("proposition")
            fields.clearNote = clear.contains("note")
            if fields.note != nil && fields.clearNote { throw error("give either \"note\" or \"clear\": [\"note\"], not both") }
            return .set(id: id, SetChange(type: type, fields: fields))
        }

        mutating func meta() throws(ReadError) -> Edit {
            var change = MetadataChange()
            change.values.title = try string("title")
            change.values.outlet = try string("outlet")
            change.values.author = try string("author")
            change.values.published = try string("published")
            change.values.url = try string("url")
            if let genre = try string("genre") {
                guard let value = Genre(rawValue: genre) else {
                    throw error("unknown genre \"\(genre)\"; use one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                change.values.genre = value
            }
            change.values.language = try string("language")
            if let node = members.first(where: { $0.key == "properties" })?.value {
                guard case .object(let properties) = node.value else {
                    throw error("\"properties\" must be an object of names and values, e.g. {\"source\": \"TheWrap\"} (null removes one)")
                }
                for (name, value) in properties {
                    switch value.value {
                    case .string(let text): change.values.properties.append(MetadataProperty(name: name, value: text))
                    case .null: change.removedProperties.append(name)
                    default: throw error("property \"\(name)\" must be a string (or null to remove it)")
                    }
                }
            }
            let names = MetadataChange.Field.allCases.map(\.rawValue)
            for name in try clearList(allowed: names) { change.clear.insert(MetadataChange.Field(rawValue: name)!) }
            return .meta(change)
        }
    }
}
