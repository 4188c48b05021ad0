import ArgmarkCore

/// Writes argmark articles as arg-microtexts graphs (`<id>.xml` plus the `<id>.txt` beside it).
package enum MicrotextsExporter {
    /// `<id>.xml` and `<id>.txt`; `path` (the argmark file) is only used in error messages.
    package static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
        try export(ExportInput(article: article, path: path)).files
    }

    /// `<id>.xml` and `<id>.txt`, and what the DTD has no place for (speakers, stances other than the
    /// author's on the topic, propositions, notes, `restates`, metadata). An article without units
    /// is not written: an `arggraph` needs at least one ADU.
    package static func export(_ input: ExportInput) throws(FormatError) -> (files: [ExportedFile], losses: [ExportLoss]) {
        var losses = LossCollector()
        let article = input.article
        guard !article.units.isEmpty else {
            losses.add("files: the article has no units, and an arggraph needs at least one ADU (not written)")
            return ([], losses.losses)
        }
        let graph = try graph(from: article, path: input.path, losses: &losses)
        for unit in article.units {
            if unit.speaker != nil { losses.add("speakers of units", id: unit.id.rawValue) }
            if unit.proposition != nil { losses.add("propositions of units", id: unit.id.rawValue) }
            if unit.note != nil { losses.add("unit notes", id: unit.id.rawValue) }
            let carriedAsTopic = unit.type == .position && unit.target.map { graph.attribute("topic_id") == $0.rawValue } == true
            if unit.stance != nil && !carriedAsTopic { losses.add("stances (only the central claim's stance on the topic is carried)", id: unit.id.rawValue) }
        }
        for relation in article.relations where relation.note != nil { losses.add("relation notes", id: relation.id.rawValue) }
        // Unit types are not stored: a reader derives them from roles and edges. Name the units whose
        // type would come back differently.
        if let again = try? MicrotextsImporter.article(from: graph, path: input.path, language: nil) {
            let readBack = Dictionary(again.units.compactMap { unit in unit.sourceID.map { ($0, unit.type) } }, uniquingKeysWith: { first, _ in first })
            let aduOfUnit = Dictionary(zip(graph.adus.map(\.id), article.units.map(\.id)).map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for unit in article.units {
                if let adu = aduOfUnit[unit.id], let type = readBack[adu], type != unit.type {
                    losses.add("unit types (arg-microtexts has roles; these read back as another type)", id: unit.id.rawValue)
                }
            }
        }
        losses.metadata(of: article, except: ["genre", "language"])
        return ([ExportedFile(name: graph.id + ".xml", bytes: graph.encoded()), ExportedFile(name: graph.id + ".txt", text: graph.plainText)], losses.losses)
    }

    /// Segments the text into EDUs at every unit boundary (and at the EDU boundaries an import
    /// kept), makes one ADU per unit, and one edge per relation.
    package static func graph(from article: Article, path: String) throws(FormatError) -> Arggraph {
        var losses = LossCollector()
        return try graph(from: article, path: path, losses: &losses)
    }

    static func graph(from article: Article, path: String, losses: inout LossCollector) throws(FormatError) -> Arggraph {
        let text = CodePointText(article.text)
        let properties = article.metadata.properties

        // Cut points: unit fragments, plus the stored segmentation of an imported graph.
        var cuts: Set<Int> = [0, text.count]
        for unit in article.units {
            for piece in pieces(of: unit) {
                cuts.insert(piece.start)
                cuts.insert(piece.end)
            }
        }
        if let stored = properties.first(where: { $0.name == MicrotextsImporter.segmentationProperty })?.value {
            for item in stored.split(separator: " ") {
                let bounds = item.split(separator: "-").compactMap { Int($0) }
                for bound in bounds where bound >= 0 && bound <= text.count { cuts.insert(bound) }
            }
        }
        let sortedCuts = cuts.sorted()
        var segments: [Span] = []
        for index in 0..<(sortedCuts.count - 1) {
            var start = sortedCuts[index]
            var end = sortedCuts[index + 1]
            while start < end, text.scalars[start].properties.isWhitespace { start += 1 }
            while end > start, text.scalars[end - 1].properties.isWhitespace { end -= 1 }
            if start < end { segments.append(Span(start: start, end: end)) }
        }

        var edus: [Arggraph.EDU] = []
        var eduOfSegment: [Span: String] = [:]
        for segment in segments {
            let id = "e\(edus.count + 1)"
            eduOfSegment[segment] = id
            edus.append(Arggraph.EDU(id: id, text: text[segment], isImplicit: false, line: 0))
        }

        // ADU ids: the source ids when they are free, otherwise a1, a2, ...
        var usedIDs: Set<String> = Set(edus.map(\.id))
        var aduIDs: [UnitID: String] = [:]
        for unit in article.units {
            if let source = unit.sourceID, isNCName(source), usedIDs.insert(source).inserted { aduIDs[unit.id] = source }
        }
        var counter = 1
        func fresh(_ prefix: String) -> String {
            while usedIDs.contains("\(prefix)\(counter)") { counter += 1 }
            usedIDs.insert("\(prefix)\(counter)")
            return "\(prefix)\(counter)"
        }
        for unit in article.units where aduIDs[unit.id] == nil { aduIDs[unit.id] = fresh("a") }

        var adus: [Arggraph.ADU] = []
        var segEdges: [(source: String, target: String)] = []
        for unit in article.units {
            let aduID = aduIDs[unit.id]!
            let role = unit.sourceLabel == "pro" || unit.sourceLabel == "opp" ? unit.sourceLabel! : (unit.type == .counterclaim ? "opp" : "pro")
            adus.append(Arggraph.ADU(id: aduID, role: role, line: 0))
            if unit.span == nil {
                let eduID = "e\(edus.count + 1)"
                edus.append(Arggraph.EDU(id: eduID, text: unit.quote, isImplicit: true, line: 0))
                segEdges.append((eduID, aduID))
            } else {
                for piece in pieces(of: unit) {
                    for segment in segments where segment.start >= piece.start && segment.end <= piece.end {
                        segEdges.append((eduOfSegment[segment]!, aduID))
                    }
                }
            }
        }
        adus.sort { naturalLess($0.id, $1.id) }

        // Edge ids: the relations' source ids when free.
        var edgeIDs: [RelationID: String] = [:]
        for relation in article.relations {
            if let source = relation.sourceID, isNCName(source), usedIDs.insert(source).inserted { edgeIDs[relation.id] = source }
        }
        counter = 1
        for relation in article.relations where edgeIDs[relation.id] == nil { edgeIDs[relation.id] = fresh("c") }
        let relationsBySourceID = Dictionary(article.relations.compactMap { relation in relation.sourceID.map { ($0, relation.id) } }, uniquingKeysWith: { first, _ in first })

        // restates has no edge type; relations attached to one that is left out go with it.
        var leftOut: Set<RelationID> = []
        var changed = true
        while changed {
            changed = false
            for relation in article.relations where !leftOut.contains(relation.id) {
                if relation.type == .restates {
                    losses.add("restates relations (arg-microtexts has no such edge)", id: relation.id.rawValue)
                } else if case .relation(let target) = relation.to, leftOut.contains(target) {
                    losses.add("relations pointing to a relation that was left out", id: relation.id.rawValue)
                } else { continue }
                leftOut.insert(relation.id)
                changed = true
            }
        }
        var argumentEdges: [Arggraph.Edge] = []
        for relation in article.relations where !leftOut.contains(relation.id) {
            let source = aduIDs[relation.from]!
            let edgeID = edgeIDs[relation.id]!
            if relation.sourceLabel == "add", let sourceID = relation.sourceID,
               let joined = properties.first(where: { $0.name == MicrotextsImporter.addPropertyPrefix + sourceID })?.value,
               let joinedRelation = relationsBySourceID[joined], let joinedEdge = edgeIDs[joinedRelation] {
                argumentEdges.append(Arggraph.Edge(id: edgeID, source: source, target: joinedEdge, type: "add", line: 0))
                continue
            }
            let type: String
            switch relation.type {
            case .supports: type = relation.sourceLabel == "exa" ? "exa" : "sup"
            case .attacks, .rebuts: type = "reb"
            case .undercuts: type = "und"
            case .restates: continue
            }
            let target: String
            switch relation.to {
            case .unit(let unit):
                guard let adu = aduIDs[unit] else { throw FormatError(path, line: nil, "relation \(relation.id) points to unknown unit \(unit)") }
                target = adu
            case .relation(let other):
                guard let edge = edgeIDs[other] else { throw FormatError(path, line: nil, "relation \(relation.id) points to unknown relation \(other)") }
                target = edge
            }
            argumentEdges.append(Arggraph.Edge(id: edgeID, source: source, target: target, type: type, line: 0))
        }
        counter = 1
        var edges = segEdges.map { Arggraph.Edge(id: fresh("c"), source: $0.source, target: $0.target, type: "seg", line: 0) }
        edges += argumentEdges.sorted { naturalLess($0.id, $1.id) }

        // The DTD allows topic_id (an NMTOKEN) and stance (pro, con, unclear); a native article gives
        // them from its position's stance toward a target.
        var attributes: [(name: String, value: String)] = []
        let topic = properties.first(where: { $0.name == "topic_id" })?.value
        let stance = properties.first(where: { $0.name == "stance" })?.value
        if topic != nil || stance != nil {
            if let topic, !topic.isEmpty, !topic.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { attributes.append(("topic_id", topic)) }
            if let stance, ["pro", "con", "unclear"].contains(stance) { attributes.append(("stance", stance)) }
        } else if let position = article.units.first(where: { $0.type == .position && $0.target != nil }), let target = position.target, let value = position.stance {
            attributes = [("topic_id", target.rawValue), ("stance", value == .favor ? "pro" : value == .against ? "con" : "unclear")]
        }
        return Arggraph(id: article.id, attributes: attributes, edus: edus, joints: [], adus: adus, edges: edges)
    }

    /// A unit's pieces of text: its fragments, or its span.
    static func pieces(of unit: ArgumentUnit) -> [Span] {
        guard let span = unit.span else { return [] }
        return unit.fragments.isEmpty ? [span] : unit.fragments
    }

    static func isNCName(_ value: String) -> Bool { UnitID.isValid(value) }
}
