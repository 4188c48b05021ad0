import ArgmarkCore

/// Writes argmark articles as AIF JSON (`<id>.json`): an I-node per unit, an RA-, CA- or MA-node
/// per relation, and for units with a speaker an L-node, a YA-node and a locution.
public enum AIFExporter {
    /// The `<id>.json` file; `path` (the argmark file) is only used in error messages.
    public static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
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
        for relation in article.relations { nodeOfRelation[relation.id] = newID() }
        for relation in article.relations {
            let id = nodeOfRelation[relation.id]!
            let (type, text): (String, String)
            switch relation.type {
            case .supports: (type, text) = ("RA", "Default Inference")
            case .attacks, .rebuts, .undercuts: (type, text) = ("CA", "Default Conflict")
            case .restates: (type, text) = ("MA", "Default Rephrase")
            }
            nodes.append(node(id, type, relation.note ?? text))
            guard let source = nodeOfUnit[relation.from] else { throw FormatError(path, line: nil, "relation \(relation.id) comes from unknown unit \(relation.from)") }
            edge(source, id)
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
        return [ExportedFile(name: article.id + ".json", text: document.rendered())]
    }
}
