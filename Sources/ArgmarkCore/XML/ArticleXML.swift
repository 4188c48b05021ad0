/// Names of the argmark XML format.
package enum ArticleXML {
    /// The namespace of every argmark element.
    package static let namespace = "urn:argmark:1"
}

/// Line numbers of the elements a decoded file came from, so findings can point at them.
package struct ElementLines: Sendable, Equatable {
    package var root = 1
    package var text = 1
    package var units: [UnitID: Int] = [:]
    package var relations: [RelationID: Int] = [:]
    package var speakers: [SpeakerID: Int] = [:]
    package var targets: [TargetID: Int] = [:]
    package var propositions: [PropositionID: Int] = [:]

    package init() {}
}

/// What a file held: an article or a corpus vocabulary.
package enum DecodedDocument: Sendable {
    case article(DecodedArticle)
    case corpus(DecodedCorpus)
}

/// An article read from a file, with what the semantic rules need beyond the model.
package struct DecodedArticle: Sendable {
    package var article: Article
    /// The digest as stored in the file (the model recomputes the real one from the text).
    package var storedDigest: String?
    package var lines: ElementLines
    /// Units whose `start`/`end`/`fragments` were present but unreadable; the schema reports them.
    package var unreadableUnits: Set<UnitID>
    /// Units with `start` but no `end`, or the reverse, which the schema cannot catch.
    package var halfSpanUnits: Set<UnitID>
}

package struct DecodedCorpus: Sendable {
    package var corpus: Corpus
    package var lines: ElementLines
}

extension ArticleXML {
    /// Reads an argmark document from its parsed tree.
    ///
    /// Decoding is lenient: whatever the schema rejects (unknown types, bad numbers) is left out of
    /// the model rather than stopping, so the semantic rules can still check the rest; the schema
    /// layer reports what was left out. Returns `nil` when the root is not an argmark element.
    package static func decode(_ root: XMLElement) -> DecodedDocument? {
        decode(view: root)
    }

    /// Reads an argmark document straight from libxml2's nodes, without building a Swift tree.
    package static func decode(_ parsed: ParsedXML) -> DecodedDocument? {
        decode(view: parsed.rootView)
    }

    static func decode<Node: XMLNodeView>(view root: Node) -> DecodedDocument? {
        if root.isArgmark("article") { return .article(decodeArticle(root)) }
        if root.isArgmark("corpus") { return .corpus(decodeCorpus(root)) }
        return nil
    }

    private static func decodeArticle<Node: XMLNodeView>(_ root: Node) -> DecodedArticle {
        // The root's children listed once: a view may build the list on every call.
        let sections = root.elementChildren
        func section(_ name: StaticString) -> Node? { sections.first { $0.isArgmark(name) } }
        var lines = ElementLines()
        lines.root = root.line
        var metadata = ArticleMetadata()
        if let meta = section("meta") {
            metadata.title = meta.argmarkChild("title")?.text
            metadata.outlet = meta.argmarkChild("outlet")?.text
            metadata.author = meta.argmarkChild("author")?.text
            metadata.published = meta.argmarkChild("published")?.text
            metadata.url = meta.argmarkChild("url")?.text
            metadata.genre = meta.argmarkChild("genre").flatMap { Genre(rawValue: $0.text) }
            metadata.language = meta.argmarkChild("language")?.text
            metadata.properties = meta.argmarkChildren("property").map {
                MetadataProperty(name: $0.attribute("name") ?? "", value: $0.text)
            }
        }
        let textElement = section("text")
        lines.text = textElement?.line ?? root.line

        var speakers: [Speaker] = []
        for element in (section("speakers")?.argmarkChildren("speaker") ?? []) {
            guard let id = element.attribute("id") else { continue }
            let speaker = Speaker(id: SpeakerID(id), name: element.attribute("name") ?? "", role: element.attribute("role"))
            if lines.speakers[speaker.id] == nil { lines.speakers[speaker.id] = element.line }
            speakers.append(speaker)
        }

        var units: [ArgumentUnit] = []
        var unreadable: Set<UnitID> = []
        var halfSpans: Set<UnitID> = []
        let unitsElement = section("units")
        let unitElements = unitsElement?.argmarkChildren("unit") ?? []
        units.reserveCapacity(unitElements.count)
        for element in unitElements {
            let values = element.attributes(UnitAttribute.names)
            func value(_ attribute: UnitAttribute) -> String? { values[attribute.rawValue] }
            guard let rawID = value(.id), let type = value(.type).flatMap(UnitType.init(rawValue:)) else { continue }
            let id = UnitID(rawID)
            if lines.units[id] == nil { lines.units[id] = element.line }
            let start = value(.start)
            let end = value(.end)
            var span: Span?
            if let start, let end {
                if let startOffset = Int(start), let endOffset = Int(end) {
                    span = Span(start: startOffset, end: endOffset)
                } else {
                    unreadable.insert(id)
                }
            } else if start != nil || end != nil {
                halfSpans.insert(id)
            }
            var fragments: [Span] = []
            if let rawFragments = value(.fragments) {
                if let parsed = parseFragments(rawFragments) { fragments = parsed } else { unreadable.insert(id) }
            }
            units.append(ArgumentUnit(
                id: id,
                type: type,
                span: span,
                fragments: fragments,
                quote: element.text,
                speaker: value(.speaker).map { SpeakerID($0) },
                stance: value(.stance).flatMap(Stance.init(rawValue:)),
                target: value(.target).map { TargetID($0) },
                proposition: value(.proposition).map { PropositionID($0) },
                note: value(.note),
                sourceLabel: value(.sourceLabel),
                sourceID: value(.sourceID),
                status: value(.status).flatMap(UnitStatus.init(rawValue:)) ?? .gold,
                confidence: value(.confidence).flatMap { Double($0) }
            ))
        }

        let relationsElement = section("relations")
        let relationElements = (relationsElement?.argmarkChildren("relation") ?? [])
        let relationValues = relationElements.map { $0.attributes(RelationAttribute.names) }
        let relationIDs = Set(relationValues.compactMap { $0[RelationAttribute.id.rawValue] })
        let unitIDs = Set(units.map(\.id.rawValue))
        var relations: [Relation] = []
        relations.reserveCapacity(relationElements.count)
        for (element, values) in zip(relationElements, relationValues) {
            func value(_ attribute: RelationAttribute) -> String? { values[attribute.rawValue] }
            guard let rawID = value(.id),
                  let type = value(.type).flatMap(RelationType.init(rawValue:)),
                  let from = value(.from), let to = value(.to) else { continue }
            let id = RelationID(rawID)
            if lines.relations[id] == nil { lines.relations[id] = element.line }
            let endpoint: RelationEndpoint = relationIDs.contains(to) && !unitIDs.contains(to) ? .relation(RelationID(to)) : .unit(UnitID(to))
            relations.append(Relation(id: id, type: type, from: UnitID(from), to: endpoint,
                                      sourceLabel: value(.sourceLabel), sourceID: value(.sourceID), note: value(.note)))
        }

        let article = Article(
            id: root.attribute("id") ?? "",
            metadata: metadata,
            text: textElement?.text ?? "",
            speakers: speakers,
            units: units,
            relations: relations
        )
        var marked = article
        marked.unitHighWaterMark = unitsElement?.attribute("highest-issued").flatMap { Int($0) }
        marked.relationHighWaterMark = relationsElement?.attribute("highest-issued").flatMap { Int($0) }
        return DecodedArticle(article: marked, storedDigest: textElement?.attribute("sha256"), lines: lines, unreadableUnits: unreadable, halfSpanUnits: halfSpans)
    }

    /// The attributes of `<unit>`, read in one pass (``XMLNodeView/attributes(_:)``).
    enum UnitAttribute: Int, CaseIterable {
        case id, type, start, end, fragments, speaker, stance, target, proposition, note, sourceLabel, sourceID, status, confidence

        static let names: [StaticString] = ["id", "type", "start", "end", "fragments", "speaker", "stance", "target",
                                            "proposition", "note", "source-label", "source-id", "status", "confidence"]
    }

    /// The attributes of `<relation>`, read in one pass.
    enum RelationAttribute: Int, CaseIterable {
        case id, type, from, to, sourceLabel, sourceID, note

        static let names: [StaticString] = ["id", "type", "from", "to", "source-label", "source-id", "note"]
    }

    /// Parses `"3-7 12-20"` into spans; `nil` if malformed.
    static func parseFragments(_ value: String) -> [Span]? {
        var result: [Span] = []
        for piece in value.split(separator: " ") {
            let bounds = piece.split(separator: "-")
            guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]) else { return nil }
            result.append(Span(start: start, end: end))
        }
        return result.isEmpty ? nil : result
    }

    private static func decodeCorpus<Node: XMLNodeView>(_ root: Node) -> DecodedCorpus {
        var lines = ElementLines()
        lines.root = root.line
        var corpus = Corpus()
        for element in (root.argmarkChild("targets")?.argmarkChildren("target") ?? []) {
            guard let id = element.attribute("id") else { continue }
            let target = StanceTarget(id: TargetID(id), name: element.attribute("name") ?? "",
                                      description: element.text.isEmpty ? nil : element.text)
            if lines.targets[target.id] == nil { lines.targets[target.id] = element.line }
            corpus.targets.append(target)
        }
        for element in (root.argmarkChild("propositions")?.argmarkChildren("proposition") ?? []) {
            guard let id = element.attribute("id") else { continue }
            let proposition = Proposition(id: PropositionID(id), statement: element.text,
                                          target: element.attribute("target").map { TargetID($0) },
                                          stance: element.attribute("stance").flatMap(Stance.init(rawValue:)))
            if lines.propositions[proposition.id] == nil { lines.propositions[proposition.id] = element.line }
            corpus.propositions.append(proposition)
        }
        return DecodedCorpus(corpus: corpus, lines: lines)
    }
}
