import ArgmarkCore

/// Writes argmark articles as AIF JSON (`<id>.json`): an I-node per unit, an RA-, CA- or MA-node
/// per relation, and for units with a speaker an L-node, a YA-node and a locution.
package enum AIFExporter {
    /// The `<id>.json` file; `path` (the argmark file) is only used in error messages.
    package static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
        try export(ExportInput(article: article, path: path)).files
    }

    /// Relations that came from one scheme node with several premises (linked premises: same
    /// source id, label, type and target) are written as that one node again.
    static func schemeGroups(_ relations: [Relation]) -> [[Relation]] {
        struct Key: Hashable { var sourceID: String; var label: String; var type: RelationType; var to: RelationEndpoint }
        var groups: [[Relation]] = []
        var index: [Key: Int] = [:]
        for relation in relations {
            if let sourceID = relation.sourceID, let label = relation.sourceLabel, ["RA", "CA", "MA"].contains(label) {
                let key = Key(sourceID: sourceID, label: label, type: relation.type, to: relation.to)
                if let existing = index[key] { groups[existing].append(relation); continue }
                index[key] = groups.count
            }
            groups.append([relation])
        }
        return groups
    }

    /// The `<id>.json` file, and what AIF has no place for (stances, targets, propositions, unit
    /// notes, metadata, fragments).
    package static func export(_ input: ExportInput) throws(FormatError) -> (files: [ExportedFile], losses: [ExportLoss]) {
        let article = input.article
        let path = input.path
        var losses = LossCollector()
        // AIF holds each unit's words but no running text: an article is carried whole only when its
        // text is its units' words in order, as an AIF import makes it.
        let ordered = ArticleWriter.canonicalOrder(article.units)
        if ordered.map(\.quote).joined(separator: AIFImporter.paragraphSeparator) != article.text {
            losses.add("running text and span offsets (AIF holds each unit's words only)")
        }
        for unit in article.units {
            if unit.type != .claim { losses.add("unit types (I-nodes have none; they come back as claims)", id: unit.id.rawValue) }
            if unit.stance != nil { losses.add("stances and targets", id: unit.id.rawValue) }
            if unit.proposition != nil { losses.add("shared propositions (each unit is its own I-node)", id: unit.id.rawValue) }
            if unit.note != nil { losses.add("unit notes", id: unit.id.rawValue) }
        }
        losses.metadata(of: article)
        var nodes: [JSONValue] = []
        var edges: [JSONValue] = []
        var locutions: [JSONValue] = []
        var nextID = 1
        func newID() -> String {
            defer { nextID += 1 }
            return String(nextID)
        }
        func node(_ id: String, _ type: String, _ text: String) -> JSONValue {
            .object(["nodeID": .string(id), "type": .string(type), "text": .string(text)])
        }
        func edge(_ from: String, _ to: String) {
            edges.append(.object(["edgeID": .string(String(edges.count + 1)), "fromID": .string(from), "toID": .string(to), "formEdgeID": .null]))
        }
        var participants: [JSONValue] = []
        var personOfSpeaker: [SpeakerID: String] = [:]
        for (index, speaker) in article.speakers.enumerated() {
            personOfSpeaker[speaker.id] = String(index + 1)
            participants.append(.object(["participantID": .string(String(index + 1)), "firstname": .string(speaker.name), "surname": .string("")]))
        }
        var nodeOfUnit: [UnitID: String] = [:]
        for unit in ArticleWriter.canonicalOrder(article.units) {
            let id = newID()
            nodeOfUnit[unit.id] = id
            nodes.append(node(id, "I", unit.quote))
            if let speaker = unit.speaker, let person = personOfSpeaker[speaker] {
                let locution = newID(), illocution = newID()
                let name = article.speaker(speaker)?.name ?? speaker.rawValue
                nodes.append(node(locution, "L", "\(name) : \(unit.quote)"))
                nodes.append(node(illocution, "YA", "Asserting"))
                edge(locution, illocution)
                edge(illocution, id)
                locutions.append(.object(["nodeID": .string(locution), "personID": .string(person)]))
            }
        }
        var nodeOfRelation: [RelationID: String] = [:]
        let groups = schemeGroups(article.relations)
        for group in groups {
            let id = newID()
            for relation in group { nodeOfRelation[relation.id] = id }
        }
        for group in groups {
            let relation = group[0]
            let id = nodeOfRelation[relation.id]!
            let (type, text): (String, String)
            switch relation.type {
            case .supports: (type, text) = ("RA", "Default Inference")
            case .attacks, .rebuts, .undercuts: (type, text) = ("CA", "Default Conflict")
            case .restates: (type, text) = ("MA", "Default Rephrase")
            }
            nodes.append(node(id, type, relation.note ?? text))
            for premise in group {
                guard let source = nodeOfUnit[premise.from] else { throw FormatError(path, line: nil, "relation \(premise.id) comes from unknown unit \(premise.from)") }
                edge(source, id)
            }
            switch relation.to {
            case .unit(let target):
                guard let targetNode = nodeOfUnit[target] else { throw FormatError(path, line: nil, "relation \(relation.id) points to unknown unit \(target)") }
                edge(id, targetNode)
            case .relation(let target):
                guard let targetNode = nodeOfRelation[target] else { throw FormatError(path, line: nil, "relation \(relation.id) points to unknown relation \(target)") }
                edge(id, targetNode)
            }
        }
        let document: JSONValue = .object(["nodes": .array(nodes), "edges": .array(edges), "locutions": .array(locutions), "participants": .array(participants)])
        return ([ExportedFile(name: article.id + ".json", text: document.rendered())], losses.losses)
    }
}
