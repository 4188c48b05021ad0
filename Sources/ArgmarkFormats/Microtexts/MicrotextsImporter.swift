import ArgmarkCore

/// Turns arg-microtexts graphs into argmark articles. The mapping is documented in the README
/// ("Import and export", arg-microtexts).
package enum MicrotextsImporter {
    /// Metadata property holding the explicit EDU spans (`0-81 82-183 ...`), so an export can give
    /// back the original segmentation, including segments no unit covers.
    package static let segmentationProperty = "edus"
    /// Prefix of the metadata properties that keep which edge an `add` edge joins (`add:c4` = `c3`).
    package static let addPropertyPrefix = "add:"

    /// Reads one file. `path`'s folder name `en` or `de` gives the language.
    package static func importFile(_ path: String) throws(FormatError) -> Article {
        let bytes = try InputFile.read(path)
        let graph = try Arggraph.parse(bytes, path: path)
        let language = FileSystem.baseName(of: FileSystem.directoryName(of: path))
        return try article(from: graph, path: path, language: ["en", "de"].contains(language) ? language : nil)
    }

    /// Maps a parsed graph; errors name lines of `path`.
    package static func article(from graph: Arggraph, path: String, language: String?) throws(FormatError) -> Article {
        // The text: the explicit EDUs joined by one space, as in the corpus's .txt files.
        var text = ""
        var textLength = 0
        var eduSpans: [String: Span] = [:]
        var eduOrder: [String: Int] = [:]
        var explicitIndex: [String: Int] = [:]
        for (index, edu) in graph.edus.enumerated() {
            eduOrder[edu.id] = index
            guard !edu.isImplicit else { continue }
            explicitIndex[edu.id] = explicitIndex.count
            if !text.isEmpty {
                text += " "
                textLength += 1
            }
            let length = edu.text.unicodeScalars.count
            eduSpans[edu.id] = Span(start: textLength, end: textLength + length)
            text += edu.text
            textLength += length
        }
        let codePoints = CodePointText(text)
        let edusByID = Dictionary(graph.edus.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let adusByID = Dictionary(graph.adus.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edgesByID = Dictionary(graph.edges.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let jointIDs = Set(graph.joints.map(\.id))

        // Segmentation: EDU -> ADU directly, or EDU -> joint -> ADU.
        var edusOfJoint: [String: [String]] = [:]
        var edusOfADU: [String: [String]] = [:]
        for edge in graph.edges where edge.type == "seg" {
            if edusByID[edge.source] != nil, jointIDs.contains(edge.target) {
                edusOfJoint[edge.target, default: []].append(edge.source)
            }
        }
        for edge in graph.edges where edge.type == "seg" {
            guard adusByID[edge.target] != nil else {
                if jointIDs.contains(edge.target) { continue }
                throw FormatError(path, line: edge.line, "seg edge \(edge.id) points to \(edge.target); a seg edge goes from an edu or joint to a joint or adu")
            }
            if edusByID[edge.source] != nil {
                edusOfADU[edge.target, default: []].append(edge.source)
            } else if jointIDs.contains(edge.source) {
                edusOfADU[edge.target, default: []] += edusOfJoint[edge.source] ?? []
            } else {
                throw FormatError(path, line: edge.line, "seg edge \(edge.id) starts at \(edge.source), which is not an edu or joint")
            }
        }

        // Argumentative edges, resolved to argmark relations; `add` takes the type and target of
        // the edge it joins.
        var outgoing: [String: [Arggraph.Edge]] = [:]
        for edge in graph.edges where edge.type != "seg" {
            guard adusByID[edge.source] != nil else {
                throw FormatError(path, line: edge.line, "\(edge.type) edge \(edge.id) starts at \(edge.source), which is not an adu")
            }
            outgoing[edge.source, default: []].append(edge)
        }
        func resolve(_ edge: Arggraph.Edge, depth: Int = 0) throws(FormatError) -> (type: RelationType, to: String, toEdge: Bool) {
            guard depth < 64 else { throw FormatError(path, line: edge.line, "add edges around \(edge.id) form a cycle") }
            switch edge.type {
            case "sup", "exa", "reb":
                guard let target = adusByID[edge.target] else {
                    throw FormatError(path, line: edge.line, "\(edge.type) edge \(edge.id) points to \(edge.target), which is not an adu (only und and add edges point to edges)")
                }
                if edge.type != "reb" { return (.supports, target.id, false) }
                let sourceRole = adusByID[edge.source]?.role
                return (sourceRole == "pro" && target.role == "opp" ? .rebuts : .attacks, target.id, false)
            case "und":
                guard let target = edgesByID[edge.target], target.type != "seg" else {
                    throw FormatError(path, line: edge.line, "und edge \(edge.id) points to \(edge.target), which is not an argumentative edge; und attacks an edge")
                }
                return (.undercuts, target.id, true)
            default: // add
                guard let target = edgesByID[edge.target], target.type != "seg" else {
                    throw FormatError(path, line: edge.line, "add edge \(edge.id) points to \(edge.target), which is not an argumentative edge; add joins another edge")
                }
                return try resolve(target, depth: depth + 1)
            }
        }
        var resolved: [String: (type: RelationType, to: String, toEdge: Bool)] = [:]
        for edge in graph.edges where edge.type != "seg" { resolved[edge.id] = try resolve(edge) }

        // Ids: the source ids when they are valid argmark ids, otherwise generated ones.
        var usedIDs: Set<String> = []
        func argmarkID(_ sourceID: String, prefix: String) -> String {
            var candidate = Names.identifier(sourceID, prefix: prefix)
            var counter = 1
            while usedIDs.contains(candidate) {
                candidate = "\(prefix)\(counter)"
                counter += 1
            }
            usedIDs.insert(candidate)
            return candidate
        }
        var unitIDs: [String: UnitID] = [:]
        for adu in graph.adus { unitIDs[adu.id] = UnitID(argmarkID(adu.id, prefix: "u")) }
        var relationIDs: [String: RelationID] = [:]
        for edge in graph.edges where edge.type != "seg" { relationIDs[edge.id] = RelationID(argmarkID(edge.id, prefix: "r")) }

        // Units.
        var units: [ArgumentUnit] = []
        for adu in graph.adus {
            let eduIDs = (edusOfADU[adu.id] ?? []).sorted { eduOrder[$0]! < eduOrder[$1]! }
            guard !eduIDs.isEmpty else {
                throw FormatError(path, line: adu.line, "adu \(adu.id) is not grounded in any edu (no seg edge points to it)")
            }
            var unit = ArgumentUnit(id: unitIDs[adu.id]!, type: unitType(of: adu, outgoing: outgoing[adu.id] ?? [], resolved: resolved, adus: adusByID, edges: edgesByID),
                                    span: nil, quote: "", sourceLabel: adu.role, sourceID: adu.id)
            if eduIDs.contains(where: { edusByID[$0]!.isImplicit }) {
                unit.quote = eduIDs.map { edusByID[$0]!.text }.joined(separator: " ")
            } else {
                // Consecutive EDUs make one piece; a gap (other EDUs between) starts a new fragment.
                // The `edus` property keeps the EDU boundaries inside a piece for export.
                var spans: [Span] = []
                var previousIndex = -2
                for eduID in eduIDs {
                    let index = explicitIndex[eduID]!
                    if index == previousIndex + 1, let last = spans.last {
                        spans[spans.count - 1] = Span(start: last.start, end: eduSpans[eduID]!.end)
                    } else {
                        spans.append(eduSpans[eduID]!)
                    }
                    previousIndex = index
                }
                let span = Span(start: spans.first!.start, end: spans.last!.end)
                unit.span = span
                unit.fragments = spans.count > 1 ? spans : []
                unit.quote = codePoints[span]
            }
            units.append(unit)
        }

        // Relations and the metadata that keeps what argmark has no field for.
        var relations: [Relation] = []
        var properties = graph.attributes.map { MetadataProperty(name: $0.name, value: $0.value) }
        properties.append(MetadataProperty(name: segmentationProperty, value: graph.edus.compactMap { eduSpans[$0.id]?.description }.joined(separator: " ")))
        for edge in graph.edges where edge.type != "seg" {
            let target = resolved[edge.id]!
            let endpoint: RelationEndpoint = target.toEdge ? .relation(relationIDs[target.to]!) : .unit(unitIDs[target.to]!)
            relations.append(Relation(id: relationIDs[edge.id]!, type: target.type, from: unitIDs[edge.source]!, to: endpoint, sourceLabel: edge.type, sourceID: edge.id))
            if edge.type == "add" {
                properties.append(MetadataProperty(name: addPropertyPrefix + edge.id, value: edge.target))
            }
        }
        for edu in graph.edus where edu.text.unicodeScalars.contains(where: { !$0.isXMLCharacter }) {
            throw FormatError(path, line: edu.line, "edu \(edu.id) holds a character XML cannot store")
        }

        // The author's stance on the topic is the central claim's stance toward the topic, a target
        // shared by every text on it (defined in the output folder's corpus.xml by the import).
        if let topic = graph.attribute("topic_id"), TargetID.isValid(topic),
           let stance: Stance = ["pro": .favor, "con": .against][graph.attribute("stance") ?? ""] {
            for index in units.indices where units[index].type == .position {
                units[index].stance = stance
                units[index].target = TargetID(topic)
            }
        }
        let metadata = ArticleMetadata(genre: .microtext, language: language, properties: properties)
        return Article(id: Names.identifier(graph.id, prefix: "micro-"), metadata: metadata, text: text, units: units, relations: relations)
    }

    /// opp → counterclaim; a pro unit: the central claim (no outgoing edge) → position, one that
    /// attacks an opponent unit or an attack → rebuttal, one that gives an example → evidence,
    /// any other → claim.
    static func unitType(of adu: Arggraph.ADU, outgoing: [Arggraph.Edge], resolved: [String: (type: RelationType, to: String, toEdge: Bool)],
                         adus: [String: Arggraph.ADU], edges: [String: Arggraph.Edge]) -> UnitType {
        if adu.role == "opp" { return .counterclaim }
        guard !outgoing.isEmpty else { return .position }
        for edge in outgoing {
            guard let relation = resolved[edge.id], relation.type.isAttack else { continue }
            if relation.toEdge {
                if let target = edges[relation.to], resolved[target.id]?.type.isAttack == true || adus[target.source]?.role == "opp" { return .rebuttal }
            } else if adus[relation.to]?.role == "opp" {
                return .rebuttal
            }
        }
        if outgoing.allSatisfy({ $0.type == "exa" }) { return .evidence }
        return .claim
    }
}
