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
    struct Path {
        var section: StaticString
        var item: StaticString
    }

    struct Constraint {
        var kind: Kind
        var name: String
        var selector: [Path]
        var field: StaticString
        /// The key a keyref refers to.
        var refer: String?
    }

    /// The constraints of each root element, by its local name.
    static let definitions: [(root: StaticString, constraints: [Constraint])] = {
        let speakers = Path(section: "speakers", item: "speaker")
        let units = Path(section: "units", item: "unit")
        let relations = Path(section: "relations", item: "relation")
        let targets = Path(section: "targets", item: "target")
        let propositions = Path(section: "propositions", item: "proposition")
        return [
            ("article", [
                Constraint(kind: .unique, name: "uniqueId", selector: [speakers, units, relations], field: "id"),
                Constraint(kind: .key, name: "speakerId", selector: [speakers], field: "id"),
                Constraint(kind: .key, name: "unitId", selector: [units], field: "id"),
                Constraint(kind: .key, name: "unitOrRelationId", selector: [units, relations], field: "id"),
                Constraint(kind: .keyref, name: "unitSpeaker", selector: [units], field: "speaker", refer: "speakerId"),
                Constraint(kind: .keyref, name: "relationFrom", selector: [relations], field: "from", refer: "unitId"),
                Constraint(kind: .keyref, name: "relationTo", selector: [relations], field: "to", refer: "unitOrRelationId"),
            ]),
            ("corpus", [
                Constraint(kind: .unique, name: "uniqueCorpusId", selector: [targets, propositions], field: "id"),
                Constraint(kind: .key, name: "targetId", selector: [targets], field: "id"),
                Constraint(kind: .keyref, name: "propositionTarget", selector: [propositions], field: "target", refer: "targetId"),
            ]),
        ]
    }()

    /// A root's constraints made ready for one walk: the distinct paths they select, the paths
    /// of each constraint by index, and the constraint each keyref refers to.
    private struct Plan {
        var root: StaticString
        var constraints: [Constraint]
        var paths: [Path]
        var selected: [[Int]]
        var referred: [Int?]
    }

    private static let plans: [Plan] = definitions.map { definition in
        var paths: [Path] = []
        let selected = definition.constraints.map { constraint in
            constraint.selector.map { path -> Int in
                if let known = paths.firstIndex(where: { "\($0.section)" == "\(path.section)" && "\($0.item)" == "\(path.item)" }) { return known }
                paths.append(path)
                return paths.count - 1
            }
        }
        let referred = definition.constraints.map { constraint in
            constraint.refer.flatMap { refer in definition.constraints.firstIndex { $0.name == refer && $0.kind != .keyref } }
        }
        return Plan(root: definition.root, constraints: definition.constraints, paths: paths, selected: selected, referred: referred)
    }

    /// A value in the store's pool; `count` is -1 where the field is absent.
    private struct Value {
        var start: Int
        var count: Int
    }

    /// Whether every identity constraint of the root's element certainly holds: `false` when one
    /// is broken, or when the answer would depend on more than equal bytes (a value with white
    /// space, which the identifiers' type collapses; an empty value; a key's missing field; an
    /// unknown root).
    static func certainlyHold(in root: StreamedElement) -> Bool {
        let store = root.document.store
        return store.pool.withUnsafeBufferPointer { buffer -> Bool in
            guard let pool = buffer.baseAddress else { return false }
            func named(_ start: Int, _ count: Int, _ name: StaticString) -> Bool {
                count == name.utf8CodeUnitCount && Platform.bytesEqual(pool + start, name.utf8Start, count: count)
            }
            func less(_ left: Value, _ right: Value) -> Bool {
                for offset in 0..<min(left.count, right.count) where pool[left.start + offset] != pool[right.start + offset] {
                    return pool[left.start + offset] < pool[right.start + offset]
                }
                return left.count < right.count
            }
            func equal(_ left: Value, _ right: Value) -> Bool {
                left.count == right.count && Platform.bytesEqual(pool + left.start, pool + right.start, count: left.count)
            }
            func isPlain(_ value: Value) -> Bool {
                guard value.count > 0 else { return false }
                for offset in 0..<value.count {
                    let byte = pool[value.start + offset]
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return false }
                }
                return true
            }
            let rootNode = store.nodes[root.index]
            guard rootNode.isArgmark, let plan = plans.first(where: { named(rootNode.nameStart, rootNode.nameCount, $0.root) }) else { return false }

            // Each constraint's field on each element its selector picks, in one walk.
            var values = [[Value]](repeating: [], count: plan.constraints.count)
            var section = rootNode.firstChild
            while section >= 0 {
                let sectionNode = store.nodes[section]
                let candidates = sectionNode.isArgmark ? plan.paths.indices.filter { named(sectionNode.nameStart, sectionNode.nameCount, plan.paths[$0].section) } : []
                var item = candidates.isEmpty ? -1 : sectionNode.firstChild
                while item >= 0 {
                    let itemNode = store.nodes[item]
                    if itemNode.isArgmark, let path = candidates.first(where: { named(itemNode.nameStart, itemNode.nameCount, plan.paths[$0].item) }) {
                        for slot in plan.constraints.indices where plan.selected[slot].contains(path) {
                            var value = Value(start: 0, count: -1)
                            for index in itemNode.firstAttribute..<itemNode.firstAttribute + itemNode.attributeCount {
                                let attribute = store.attributes[index]
                                if named(attribute.nameStart, attribute.nameCount, plan.constraints[slot].field) {
                                    value = Value(start: attribute.valueStart, count: attribute.valueCount)
                                    break
                                }
                            }
                            values[slot].append(value)
                        }
                    }
                    item = itemNode.nextSibling
                }
                section = sectionNode.nextSibling
            }

            // unique and key: no value twice (sorted, so a keyref can search them).
            var sorted = [[Value]](repeating: [], count: plan.constraints.count)
            for slot in plan.constraints.indices where plan.constraints[slot].kind != .keyref {
                var present: [Value] = []
                for value in values[slot] {
                    if value.count < 0 {
                        if plan.constraints[slot].kind == .key { return false }
                        continue
                    }
                    guard isPlain(value) else { return false }
                    present.append(value)
                }
                present.sort(by: less)
                for index in present.indices.dropFirst() where equal(present[index - 1], present[index]) { return false }
                sorted[slot] = present
            }
            // keyref: every value present is one of the referred key's.
            for slot in plan.constraints.indices where plan.constraints[slot].kind == .keyref {
                guard let referred = plan.referred[slot] else { return false }
                let keys = sorted[referred]
                for value in values[slot] where value.count >= 0 {
                    guard isPlain(value) else { return false }
                    var low = 0
                    var high = keys.count
                    while low < high {
                        let middle = (low + high) / 2
                        if less(keys[middle], value) { low = middle + 1 } else { high = middle }
                    }
                    guard low < keys.count, equal(keys[low], value) else { return false }
                }
            }
            return true
        }
    }
}
