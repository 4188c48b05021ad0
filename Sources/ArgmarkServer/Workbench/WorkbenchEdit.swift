import ArgmarkCore
import ArgmarkFormats

/// One change the workbench page asks for, read from the JSON of an API request.
///
/// The page sends a list of these; they are applied in order inside one locked transaction
/// (``EditTransaction``), so a unit and the relation from it land together or not at all. A later
/// edit can name a unit an earlier one created through its label (`"as": "new"`, then
/// `"from": "new"`).
package enum WorkbenchEdit: Sendable, Equatable {
    /// Where a new unit is: a span, several spans (a discontinuous unit), or a paraphrase (implicit).
    package enum Place: Sendable, Equatable {
        case span(Span)
        case fragments([Span])
        case implicit(String)
    }

    /// A field of a unit that a `set` changes: a new value, or `nil` to clear it.
    package struct UnitFields: Sendable, Equatable {
        package var type: UnitType?
        package var speaker: SpeakerID??
        package var stance: Stance??
        package var target: TargetID??
        package var proposition: PropositionID??
        package var note: String??
    }

    case addUnit(type: UnitType, place: Place, fields: UnitFields, label: String?)
    case setUnit(id: String, fields: UnitFields)
    case relate(from: String, type: RelationType, to: String, label: String?)
    case setRelation(id: String, type: RelationType)
    case remove(id: String, cascade: Bool)
    case speaker(id: SpeakerID, name: String?, role: String?)
    case accept(ids: [String])
    case reject(ids: [String])
    case suggest
    case target(id: TargetID, name: String)
    case proposition(id: PropositionID, statement: String, target: TargetID?, stance: Stance?)

    /// Whether the edit changes `corpus.xml` rather than the article.
    package var isCorpusEdit: Bool {
        switch self {
        case .target, .proposition: true
        default: false
        }
    }
}

/// Why a request's edits could not be read; the server answers 400 with the message.
package struct EditSyntaxError: Error, Sendable, Equatable {
    /// 1-based index of the edit in the request's list, `nil` for the request as a whole.
    package var index: Int?
    package var message: String
}

extension WorkbenchEdit {
    /// The edits of a request body `{"version": "...", "edits": [{"op": ...}, ...]}`.
    package static func parseList(_ node: JSONNode?) throws(EditSyntaxError) -> [WorkbenchEdit] {
        guard let items = node?.array else { throw EditSyntaxError(index: nil, message: "\"edits\" must be a list of edits") }
        guard !items.isEmpty else { throw EditSyntaxError(index: nil, message: "\"edits\" is empty; send at least one edit") }
        guard items.count <= 10_000 else { throw EditSyntaxError(index: nil, message: "at most 10000 edits per request") }
        var edits: [WorkbenchEdit] = []
        for (offset, item) in items.enumerated() {
            do throws(EditSyntaxError) { edits.append(try parse(item)) } catch {
                throw EditSyntaxError(index: offset + 1, message: error.message)
            }
        }
        return edits
    }

    /// One edit object.
    package static func parse(_ node: JSONNode) throws(EditSyntaxError) -> WorkbenchEdit {
        guard case .object = node.value else { throw fail("an edit must be a JSON object") }
        guard let op = node["op"]?.string else { throw fail("an edit needs \"op\": one of add, set, relate, set-relation, remove, speaker, accept, reject, suggest, target, proposition") }
        switch op {
        case "add":
            let type = try unitType(node["type"])
            let place: Place
            if let paraphrase = node["implicit"]?.string {
                guard !paraphrase.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { throw fail("\"implicit\" needs the paraphrase of the unit") }
                place = .implicit(paraphrase)
            } else if let pieces = node["fragments"]?.array {
                var spans: [Span] = []
                for piece in pieces {
                    guard let pair = piece.array, pair.count == 2, let start = pair[0].integer, let end = pair[1].integer else {
                        throw fail("\"fragments\" is a list of [start, end] pairs of code-point offsets")
                    }
                    spans.append(Span(start: start, end: end))
                }
                guard !spans.isEmpty else { throw fail("\"fragments\" is empty") }
                place = spans.count == 1 ? .span(spans[0]) : .fragments(spans.sorted())
            } else if let start = node["start"]?.integer, let end = node["end"]?.integer {
                place = .span(Span(start: start, end: end))
            } else {
                throw fail("add needs \"start\" and \"end\" (code points), \"fragments\", or \"implicit\"")
            }
            return .addUnit(type: type, place: place, fields: try fields(node, allowType: false), label: try label(node))
        case "set":
            var changes = try fields(node, allowType: true)
            if node["type"] != nil { changes.type = try unitType(node["type"]) }
            return .setUnit(id: try text(node, "unit"), fields: changes)
        case "relate":
            guard let type = node["type"]?.string.flatMap(RelationType.init(rawValue:)) else {
                throw fail("\"type\" must be one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .relate(from: try text(node, "from"), type: type, to: try text(node, "to"), label: try label(node))
        case "set-relation":
            guard let type = node["type"]?.string.flatMap(RelationType.init(rawValue:)) else {
                throw fail("\"type\" must be one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .setRelation(id: try text(node, "relation"), type: type)
        case "remove":
            return .remove(id: try text(node, "id"), cascade: node["cascade"]?.boolean ?? false)
        case "speaker":
            return .speaker(id: try identifier(node, "id"), name: node["name"]?.string, role: node["role"]?.string)
        case "accept", "reject":
            guard let ids = node["ids"]?.array?.compactMap(\.string), !ids.isEmpty else { throw fail("\(op) needs \"ids\": a list of suggested unit ids") }
            return op == "accept" ? .accept(ids: ids) : .reject(ids: ids)
        case "suggest":
            return .suggest
        case "target":
            guard let name = node["name"]?.string, !name.isEmpty else { throw fail("target needs \"name\"") }
            return .target(id: try identifier(node, "id"), name: name)
        case "proposition":
            guard let statement = node["text"]?.string, !statement.isEmpty else { throw fail("proposition needs \"text\": its statement") }
            let target: TargetID? = node["target"]?.string.map { TargetID($0) }
            let stance = try self.stance(node["stance"])
            return .proposition(id: try identifier(node, "id"), statement: statement, target: target, stance: stance ?? nil)
        default:
            throw fail("unknown op \"\(op)\"; use add, set, relate, set-relation, remove, speaker, accept, reject, suggest, target or proposition")
        }
    }

    static func fail(_ message: String) -> EditSyntaxError { EditSyntaxError(index: nil, message: message) }

    static func unitType(_ node: JSONNode?) throws(EditSyntaxError) -> UnitType {
        guard let type = node?.string.flatMap(UnitType.init(rawValue:)) else {
            throw fail("\"type\" must be one of \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    static func text(_ node: JSONNode, _ key: String) throws(EditSyntaxError) -> String {
        guard let value = node[key]?.string, !value.isEmpty else { throw fail("\"\(key)\" is missing") }
        return value
    }

    static func identifier<Tag>(_ node: JSONNode, _ key: String) throws(EditSyntaxError) -> Identifier<Tag> {
        let value = try text(node, key)
        guard Identifier<Tag>.isValid(value) else {
            throw fail("\"\(value)\" is not a valid id; use ASCII letters, digits, '-', '_' and '.', starting with a letter or '_'")
        }
        return Identifier<Tag>(value)
    }

    static func label(_ node: JSONNode) throws(EditSyntaxError) -> String? {
        guard let value = node["as"] else { return nil }
        guard let label = value.string, !label.isEmpty else { throw fail("\"as\" must be a non-empty label") }
        return label
    }

    /// A stance: absent (`nil`), cleared (`.some(nil)`) or set.
    static func stance(_ node: JSONNode?) throws(EditSyntaxError) -> Stance?? {
        guard let node else { return nil }
        if case .null = node.value { return .some(nil) }
        guard let stance = node.string.flatMap(Stance.init(rawValue:)) else { throw fail("\"stance\" must be favor, against or neutral") }
        return .some(stance)
    }

    /// An optional string field: absent, `null` (clear) or a value.
    static func optional(_ node: JSONNode?) -> String?? {
        guard let node else { return nil }
        if case .null = node.value { return .some(nil) }
        if let string = node.string, !string.isEmpty { return .some(string) }
        return .some(nil)
    }

    static func fields(_ node: JSONNode, allowType: Bool) throws(EditSyntaxError) -> UnitFields {
        var fields = UnitFields()
        fields.speaker = optional(node["speaker"]).map { $0.map { SpeakerID($0) } }
        fields.stance = try stance(node["stance"])
        fields.target = optional(node["target"]).map { $0.map { TargetID($0) } }
        fields.proposition = optional(node["proposition"]).map { $0.map { PropositionID($0) } }
        fields.note = optional(node["note"])
        return fields
    }
}

extension JSONNode {
    var string: String? {
        if case .string(let value) = value { return value }
        return nil
    }

    var integer: Int? {
        if case .number(let text) = value { return Int(text) }
        return nil
    }

    var boolean: Bool? {
        if case .bool(let value) = value { return value }
        return nil
    }
}
