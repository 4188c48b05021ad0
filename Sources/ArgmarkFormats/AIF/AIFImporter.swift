import ArgmarkCore

/// AIF JSON as AIFdb and OVA write it: `nodes` (I: propositions, L: locutions, RA: inference,
/// CA: conflict, MA: rephrase, YA: illocution, TA: transition), `edges` (`fromID` → `toID`),
/// `locutions` (L-node → `personID`) and `participants`. Mapping in the README.
package enum AIFImporter {
    /// AIF has no running text: the article's text is the I-node texts, in node order, one per
    /// paragraph, and each I-node is a unit spanning its own text.
    package static let paragraphSeparator = "\n\n"

    /// Reads one AIF JSON file; the article id is the file name.
    package static func importFile(_ path: String) throws(FormatError) -> Article {
        try importDocument(path).article
    }

    /// Reads one AIF or xAIF (`{"AIF": {...}, "text": ...}`) file. With `options.keepGoing`, a
    /// dangling edge, a stray edge out of a scheme node and a scheme node that still lacks a premise
    /// or a conclusion are dropped, each named in ``ImportedDocument/dropped``.
    package static func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        let bytes = try InputFile.read(path)
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw FormatError(path, line: error.line, "not valid JSON: \(error.message)")
        }
        return try document(from: root, path: path, id: Names.identifier(Names.stem(of: path, dropping: ".json"), prefix: "doc-"), keepGoing: options.keepGoing)
    }

    /// The speaker an L-node's text names (`Rebecca : Britain should disarm` gives `Rebecca`).
    static func speakerName(fromLocution text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon + 1 < scalars.count, scalars[colon + 1] == " " else { return nil }
        let name = String(String.UnicodeScalarView(scalars[..<colon])).trimmingBlanks()
        guard !name.isEmpty, name.unicodeScalars.count <= 80 else { return nil }
        return name
    }

    struct Node {
        var id: String
        var type: String
        var text: String
        var line: Int
    }

    /// Maps a parsed AIF document; `path` is only used in error messages.
    package static func article(from root: JSONNode, path: String, id: String) throws(FormatError) -> Article {
        try document(from: root, path: path, id: id).article
    }

    /// Maps a parsed AIF or xAIF document.
    package static func document(from document: JSONNode, path: String, id: String, keepGoing: Bool = false) throws(FormatError) -> ImportedDocument {
        // xAIF (the format of the ARG-tech pipelines) wraps the AIF graph in "AIF".
        let root = document["nodes"] == nil ? (document["AIF"] ?? document) : document
        var dropped: [Diagnostic] = []
        func drop(_ line: Int, _ message: String) {
            dropped.append(Diagnostic(.warning, .sourceFormat, "dropped " + message, at: SourceLocation(path: path, line: line)))
        }
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
            if let missing = [from, to].first(where: { nodeIndex[$0] == nil }) {
                let message = "edge \(edgeID) refers to node \(missing), which is not in \"nodes\" (a dangling edge)"
                guard keepGoing else { throw FormatError(path, line: edge.line, message) }
                drop(edge.line, message)
                continue
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
                for locution in incoming[illocution] ?? [] where nodes[nodeIndex[locution]!].type == "L" {
                    if let person = personOfLocution[locution] {
                        if let speaker = speakerOfPerson[person] {
                            unit.speaker = speaker
                        } else {
                            // A locution naming a person no participant describes: the L-node says who.
                            let speakerID = SpeakerID(Names.identifier("p" + person, prefix: "p"))
                            if !speakers.contains(where: { $0.id == speakerID }) {
                                speakers.append(Speaker(id: speakerID, name: speakerName(fromLocution: nodes[nodeIndex[locution]!].text) ?? "person \(person)"))
                            }
                            speakerOfPerson[person] = speakerID
                            unit.speaker = speakerID
                        }
                    } else if let name = speakerName(fromLocution: nodes[nodeIndex[locution]!].text) {
                        // OVA and AIFdb maps without locutions: the L-node text is "Name : words".
                        let speakerID = SpeakerID(Names.identifier(name.lowercased().replacing(" ", with: "-"), prefix: "s-"))
                        if !speakers.contains(where: { $0.id == speakerID }) { speakers.append(Speaker(id: speakerID, name: name)) }
                        unit.speaker = speakerID
                    }
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
            var conclusions = outgoing[node.id] ?? []
            // A scheme node points to an I-node, or (a CA, undercutting) to another scheme node.
            let stray = conclusions.filter { unitOfNode[$0] == nil && !(node.type == "CA" && kinds[nodes[nodeIndex[$0]!].type] != nil) }
            if !stray.isEmpty {
                let message = "\(node.type)-node \(node.id) points to \(stray.map { "\(nodes[nodeIndex[$0]!].type)-node \($0)" }.joined(separator: ", ")); a scheme node points to an I-node, and only a CA-node to a scheme node (an undercut)"
                guard keepGoing else { throw FormatError(path, line: node.line, message) }
                drop(node.line, "the edge\(stray.count == 1 ? "" : "s") from \(node.type)-node \(node.id) to \(stray.joined(separator: ", ")): " + message)
                conclusions.removeAll { stray.contains($0) }
            }
            guard !premises.isEmpty, !conclusions.isEmpty else {
                let message = "\(node.type)-node \(node.id) needs an incoming edge from an I-node and an outgoing edge; it has \(premises.count) and \(conclusions.count)"
                guard keepGoing else { throw FormatError(path, line: node.line, message) }
                drop(node.line, "malformed scheme node: " + message)
                continue
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
                    } else {
                        pendingUndercuts.append((node, unitOfNode[premise]!, conclusion, relationID))
                    }
                }
            }
        }
        // Undercuts, in rounds: an undercut of an undercut needs the relation of the one it attacks.
        var waiting = pendingUndercuts
        while !waiting.isEmpty {
            var next: [(node: Node, premise: UnitID, target: String, id: String)] = []
            for undercut in waiting {
                guard let target = firstRelationOfNode[undercut.target] else { next.append(undercut); continue }
                relations.append(Relation(id: RelationID(undercut.id), type: .undercuts, from: undercut.premise, to: .relation(target),
                                          sourceLabel: "CA", sourceID: undercut.node.id, note: undercut.node.text.isEmpty ? nil : undercut.node.text))
                if firstRelationOfNode[undercut.node.id] == nil { firstRelationOfNode[undercut.node.id] = RelationID(undercut.id) }
            }
            if next.count == waiting.count {
                for undercut in next {
                    let message = "CA-node \(undercut.node.id) undercuts node \(undercut.target), which yields no relation"
                    guard keepGoing else { throw FormatError(path, line: undercut.node.line, message) }
                    drop(undercut.node.line, message)
                }
                break
            }
            waiting = next
        }
        let article = Article(id: id, text: text, speakers: speakers, units: units, relations: relations)
        return ImportedDocument(article: article, dropped: dropped)
    }
}
