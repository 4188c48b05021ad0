/// The XSD's identity constraints (`xs:unique`, `xs:key`, `xs:keyref`), checked on the elements
/// the stream kept instead of by libxml2, which formats every key into a string to hash it and so
/// spends about half of its validation on them.
///
/// The check only ever decides that a document certainly meets them all; the streaming reader
/// then keeps the result of the schema without identity constraints. Anything else (a broken
/// constraint, a value libxml2 would normalise, a missing field, another root) makes the reader
/// validate the stream again with the whole schema, so every diagnostic is libxml2's own. The
/// table mirrors `Schemas/argmark.xsd`; a test compares it with the schema's definitions.
enum IdentityConstraints {
    enum Kind: String { case unique, key, keyref }

    /// `am:section/am:item`, relative to the root, as the XSD's selectors are written.
    struct Path: Hashable {
        var section: String
        var item: String
    }

    struct Constraint {
        var kind: Kind
        var name: String
        var selector: [Path]
        var field: String
        /// The key a keyref refers to.
        var refer: String?
    }

    /// The constraints of each root element, by its local name.
    static let definitions: [String: [Constraint]] = {
        let speakers = Path(section: "speakers", item: "speaker")
        let units = Path(section: "units", item: "unit")
        let relations = Path(section: "relations", item: "relation")
        let targets = Path(section: "targets", item: "target")
        let propositions = Path(section: "propositions", item: "proposition")
        return [
            "article": [
                Constraint(kind: .unique, name: "uniqueId", selector: [speakers, units, relations], field: "id"),
                Constraint(kind: .key, name: "speakerId", selector: [speakers], field: "id"),
                Constraint(kind: .key, name: "unitId", selector: [units], field: "id"),
                Constraint(kind: .key, name: "unitOrRelationId", selector: [units, relations], field: "id"),
                Constraint(kind: .keyref, name: "unitSpeaker", selector: [units], field: "speaker", refer: "speakerId"),
                Constraint(kind: .keyref, name: "relationFrom", selector: [relations], field: "from", refer: "unitId"),
                Constraint(kind: .keyref, name: "relationTo", selector: [relations], field: "to", refer: "unitOrRelationId"),
            ],
            "corpus": [
                Constraint(kind: .unique, name: "uniqueCorpusId", selector: [targets, propositions], field: "id"),
                Constraint(kind: .key, name: "targetId", selector: [targets], field: "id"),
                Constraint(kind: .keyref, name: "propositionTarget", selector: [propositions], field: "target", refer: "targetId"),
            ],
        ]
    }()

    /// Whether every identity constraint of the root's element certainly holds: `false` when one
    /// is broken, or when the answer would depend on more than equal values (a value with white
    /// space, which the schema's types collapse; an empty or missing field; an unknown root).
    static func certainlyHold(in root: StreamedElement) -> Bool {
        guard let name = root.argmarkName, let constraints = definitions[name] else { return false }
        var fields: [FieldKey: [String?]] = [:]
        func values(_ path: Path, _ field: String) -> [String?] {
            let key = FieldKey(path: path, field: field)
            if let known = fields[key] { return known }
            var found: [String?] = []
            for section in root.elementChildren where section.isArgmark(named: path.section) {
                for item in section.elementChildren where item.isArgmark(named: path.item) {
                    found.append(item.attribute(named: field))
                }
            }
            fields[key] = found
            return found
        }
        var keys: [String: Set<String>] = [:]
        for constraint in constraints where constraint.kind != .keyref {
            var seen: Set<String> = []
            for path in constraint.selector {
                for value in values(path, constraint.field) {
                    guard let value else {
                        if constraint.kind == .key { return false }
                        continue
                    }
                    guard isPlain(value), seen.insert(value).inserted else { return false }
                }
            }
            keys[constraint.name] = seen
        }
        for constraint in constraints where constraint.kind == .keyref {
            guard let refer = constraint.refer, let key = keys[refer] else { return false }
            for path in constraint.selector {
                for case let value? in values(path, constraint.field) {
                    guard isPlain(value), key.contains(value) else { return false }
                }
            }
        }
        return true
    }

    private struct FieldKey: Hashable {
        var path: Path
        var field: String
    }

    /// A value that equals another exactly when their bytes do: not empty, no XML white space
    /// (the identifiers' type collapses it before comparing).
    private static func isPlain(_ value: String) -> Bool {
        !value.isEmpty && !value.utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
