import ArgmarkCore

/// AIF JSON as AIFdb and OVA write it: `nodes` (I: propositions, L: locutions, RA: inference,
/// CA: conflict, MA: rephrase, YA: illocution, TA: transition), `edges` (`fromID` → `toID`),
/// `locutions` (L-node → `personID`) and `participants`. Mapping in the README.
public enum AIFImporter {
    /// AIF has no running text: the article's text is the I-node texts, in node order, one per
    /// paragraph, and each I-node is a unit spanning its own text.
    public static let paragraphSeparator = "\n\n"

    /// Reads one file with `options`.
    public static func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        ImportedDocument(article: try importFile(path))
    }

    /// Reads one AIF JSON file; the article id is the file name.
    public static func importFile(_ path: String) throws(FormatError) -> Article {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            throw FormatError(path, line: nil, error.reason)
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw FormatError(path, line: error.line, "not valid JSON: \(error.message)")
        }
        return try article(from: root, path: path, id: Names.identifier(Names.stem(of: path, dropping: ".json"), prefix: "doc-"))
    }

    struct Node {
        var id: String
        var type: String
        var text: String
        var line: Int
    }

    /// Maps a parsed AIF document; `path` is only used in error messages.
    public static func article(from root: JSONNode, path: String, id: String) throws(FormatError) -> Article {
        guard let nodeList = root["nodes"]?.array else {
            throw FormatError(path, line: root.line, "no \"nodes\" array; an AIF file has nodes and edges")
        }
        let edgeList = root["edges"]?.array ?? []
        var nodes: [Node] = []
        var nodeIndex: [String: Int] = [:]
        for item in nodeList {
            guard let nodeID = item["nodeID"]?.text, !nodeID.isEmpty else { throw FormatError(path, line: item.line, "a node has no nodeID") }
            guard let type = item["type"]?.text else { throw FormatError(path, line: item.line, "node \(nodeID) has no type") }
            guard nodeIndex[nodeID] == nil else { throw FormatError(path, line: item.line, "nodeID \(nodeID) is used twice") }
            nodeIndex[nodeID] = nodes.count
            nodes.append(Node(id: nodeID, type: type, text: item["text"]?.text ?? "", line: item.line))
        }
        var incoming: [String: [String]] = [:]
        var outgoing: [String: [String]] = [:]
        for edge in edgeList {
            let edgeID = edge["edgeID"]?.text ?? "(no edgeID)"
            guard let from = edge["fromID"]?.text, let to = edge["toID"]?.text else {
                throw FormatError(path, line: edge.line, "edge \(edgeID) needs fromID and toID")
            }
            for end in [from, to] where nodeIndex[end] == nil {
                throw FormatError(path, line: edge.line, "edge \(edgeID) refers to node \(end), which is not in \"nodes\" (a dangling edge)")
            }
            outgoing[from, default: []].append(to)
            incoming[to, default: []].append(from)
        }

        // Speakers: participants, and who asserted each I-node (L-node -> YA -> I-node, locution -> person).
        var speakers: [Speaker] = []
        var speakerOfPerson: [String: SpeakerID] = [:]
        for participant in root["participants"]?.array ?? [] {
            guard let personID = participant["participantID"]?.text else { continue }
            let name = [participant["firstname"]?.text, participant["surname"]?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let speakerID = SpeakerID(Names.identifier("p" + personID, prefix: "p"))
            speakerOfPerson[personID] = speakerID
            speakers.append(Speaker(id: speakerID, name: name.isEmpty ? "participant \(personID)" : name))
        }
        var personOfLocution: [String: String] = [:]
        for locution in root["locutions"]?.array ?? [] {
            if let node = locution["nodeID"]?.text, let person = locution["personID"]?.text { personOfLocution[node] = person }
        }

        // Text and units from the I-nodes, in nodeID order.
        let propositions = nodes.filter { $0.type == "I" }.sorted { naturalLess($0.id, $1.id) }
        var text = ""
        var length = 0
        var units: [ArgumentUnit] = []
        var unitOfNode: [String: UnitID] = [:]
        for node in propositions {
            guard node.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                throw FormatError(path, line: node.line, "I-node \(node.id) has no text; argmark imports AIF maps whose propositions carry text")
            }
            if !text.isEmpty {
                text += paragraphSeparator
                length += paragraphSeparator.unicodeScalars.count
            }
            let span = Span(start: length, end: length + node.text.unicodeScalars.count)
            text += node.text
            length = span.end
            let unitID = UnitID(Names.identifier("i" + node.id, prefix: "i"))
            unitOfNode[node.id] = unitID
            var unit = ArgumentUnit(id: unitID, type: .claim, span: span, quote: node.text, sourceLabel: "I", sourceID: node.id)
            for illocution in incoming[node.id] ?? [] where nodes[nodeIndex[illocution]!].type == "YA" {
                for locution in incoming[illocution] ?? [] {
                    if let person = personOfLocution[locution], let speaker = speakerOfPerson[person] { unit.speaker = speaker }
                }
            }
            units.append(unit)
        }

        // Relations from scheme nodes: each premise of an RA supports its conclusion, of a CA
        // attacks it (undercuts when the conclusion is itself a scheme node), of an MA restates it.
        let kinds: [String: RelationType] = ["RA": .supports, "CA": .attacks, "MA": .restates]
        var relations: [Relation] = []
        var firstRelationOfNode: [String: RelationID] = [:]
        var pendingUndercuts: [(node: Node, premise: UnitID, target: String, id: String)] = []
        for node in nodes.sorted(by: { naturalLess($0.id, $1.id) }) {
            guard let type = kinds[node.type] else { continue }
            let premises = (incoming[node.id] ?? []).filter { unitOfNode[$0] != nil }
            let conclusions = outgoing[node.id] ?? []
            guard !premises.isEmpty, !conclusions.isEmpty else {
                throw FormatError(path, line: node.line, "\(node.type)-node \(node.id) needs an incoming edge from an I-node and an outgoing edge; it has \(premises.count) and \(conclusions.count)")
            }
            var counter = 0
            for premise in premises {
                for conclusion in conclusions {
                    counter += 1
                    let baseID = node.type.lowercased() + node.id
                    let relationID = Names.identifier(premises.count * conclusions.count == 1 ? baseID : "\(baseID)-\(counter)", prefix: "r")
                    if let target = unitOfNode[conclusion] {
                        relations.append(Relation(id: RelationID(relationID), type: type, from: unitOfNode[premise]!, to: .unit(target),
                                                  sourceLabel: node.type, sourceID: node.id, note: node.text.isEmpty ? nil : node.text))
                        if firstRelationOfNode[node.id] == nil { firstRelationOfNode[node.id] = RelationID(relationID) }
                    } else if kinds[nodes[nodeIndex[conclusion]!].type] != nil, node.type == "CA" {
                        pendingUndercuts.append((node, unitOfNode[premise]!, conclusion, relationID))
                    } else {
                        throw FormatError(path, line: node.line, "\(node.type)-node \(node.id) points to \(nodes[nodeIndex[conclusion]!].type)-node \(conclusion); only a CA-node may point to a scheme node (an undercut)")
                    }
                }
            }
        }
        for undercut in pendingUndercuts {
            guard let target = firstRelationOfNode[undercut.target] else {
                throw FormatError(path, line: undercut.node.line, "CA-node \(undercut.node.id) undercuts node \(undercut.target), which yields no relation")
            }
            relations.append(Relation(id: RelationID(undercut.id), type: .undercuts, from: undercut.premise, to: .relation(target),
                                      sourceLabel: "CA", sourceID: undercut.node.id, note: undercut.node.text.isEmpty ? nil : undercut.node.text))
        }
        return Article(id: id, text: text, speakers: speakers, units: units, relations: relations)
    }
}
