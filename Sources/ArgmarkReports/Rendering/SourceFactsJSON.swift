import ArgmarkCore

/// ``SourceFacts`` as JSON, for a part of facts (``PartRecord/Format/facts``): everything the
/// report's tables take from one article, so that a merge sums facts without decoding articles.
/// Source indexes are left out (a part does not know where its article will stand in the
/// merged report) and given back by ``SourceFacts/init(json:source:)``.
extension SourceFacts {
    package var json: JSONValue {
        func units(_ references: [UnitReference]) -> JSONValue { .array(references.map { .string($0.unit.rawValue) }) }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func counts<Key: RawRepresentable<String>>(_ counts: [Key: Int]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, JSONValue.int($0.value)) }))
        }
        func sides(_ sides: [Disagreements.Side]) -> JSONValue {
            .array(sides.map { .object(["voice": .string($0.voice.rawValue), "speaker": optional($0.speaker), "units": units($0.units)]) })
        }
        func spans(_ spans: [Span]) -> JSONValue { .array(spans.map { .array([.int($0.start), .int($0.end)]) }) }
        return .object([
            "profile": .object([
                "unitsByType": counts(profile.unitsByType), "relationsByType": counts(profile.relationsByType),
                "supports": .int(profile.supports), "attacks": .int(profile.attacks), "depth": .int(profile.depth),
                "textLength": .int(profile.textLength), "annotatedLength": .int(profile.annotatedLength), "speakers": .int(profile.speakers),
                "implicitUnits": .int(profile.implicitUnits), "suggestedUnits": .int(profile.suggestedUnits),
            ]),
            "relations": .int(relations),
            "stanced": .array(stanced.map { unit in
                .object(["unit": .string(unit.unit.rawValue), "target": .string(unit.target.rawValue), "stance": .string(unit.stance.rawValue),
                         "voice": .string(unit.voice.rawValue), "speaker": optional(unit.speaker?.rawValue), "speakerName": optional(unit.speakerName)])
            }),
            "targets": .array(targets.sorted().map { .string($0.rawValue) }),
            "propositions": .array(propositions.map { facts in
                .object(["proposition": .string(facts.proposition.rawValue), "asserts": units(facts.entry.asserts),
                         "reportsAsCounterclaim": units(facts.entry.reportsAsCounterclaim), "rebuts": units(facts.entry.rebuts),
                         "assertingSides": sides(facts.asserts), "opposingSides": sides(facts.opposes)])
            }),
            "counterclaims": .array(counterclaims.map { entry in
                .object(["unit": .string(entry.unit.unit.rawValue), "quote": .string(entry.quote), "speaker": optional(entry.speaker),
                         "target": optional(entry.target?.rawValue), "stance": optional(entry.stance?.rawValue), "attacks": units(entry.attacks),
                         "answers": .array(entry.answers.map { .object(["unit": .string($0.unit.unit.rawValue), "relation": .string($0.relation.rawValue), "type": .string($0.type.rawValue)]) })])
            }),
            "speakers": .array(speakers.map { speaker in
                .object(["speaker": .string(speaker.speaker.rawValue), "name": .string(speaker.name), "role": optional(speaker.role), "key": .string(speaker.key),
                         "units": units(speaker.units), "unitsByType": counts(speaker.unitsByType),
                         "stances": .array(speaker.stances.map { .array([.string($0.target.rawValue), .int($0.favor), .int($0.against), .int($0.neutral)]) })])
            }),
            "text": .string(sharedText.text),
            "placed": .array(sharedText.units.map { unit in
                .object(["unit": .string(unit.id.rawValue), "span": spans([unit.span]), "fragments": spans(unit.fragments), "proposition": optional(unit.proposition?.rawValue)])
            }),
        ])
    }

    /// The facts `json` holds (as ``json`` writes them), as those of the source at index `source`;
    /// nil if something is missing or of the wrong kind.
    package init?(json node: JSONValue, source: Int) {
        guard let value = FactsReader(node: node, source: source).facts() else { return nil }
        self = value
    }

    package init(profile: SourceProfile, relations: Int, stanced: [StancedUnit], targets: Set<TargetID>, propositions: [PropositionFacts],
                 counterclaims: [CounterclaimEntry], speakers: [SpeakerSummary], sharedText: SharedTextSource) {
        self.profile = profile
        self.relations = relations
        self.stanced = stanced
        self.targets = targets
        self.propositions = propositions
        self.counterclaims = counterclaims
        self.speakers = speakers
        self.sharedText = sharedText
    }
}

/// Reads ``SourceFacts/json`` back; every accessor fails (nil) on a missing or mistyped member.
private struct FactsReader {
    let node: JSONValue
    let source: Int

    func facts() -> SourceFacts? {
        guard let profileNode = node["profile"], let profile = profile(profileNode),
              let relations = int(node["relations"]),
              let stanced = list(node["stanced"], stancedUnit),
              let targets = list(node["targets"], { string($0).map(TargetID.init(rawValue:)) }),
              let propositions = list(node["propositions"], proposition),
              let counterclaims = list(node["counterclaims"], counterclaim),
              let speakers = list(node["speakers"], speaker),
              let text = string(node["text"]),
              let placed = list(node["placed"], placedUnit) else { return nil }
        return SourceFacts(profile: profile, relations: relations, stanced: stanced, targets: Set(targets), propositions: propositions,
                           counterclaims: counterclaims, speakers: speakers, sharedText: SharedTextSource(text: text, units: placed))
    }

    func string(_ node: JSONValue?) -> String? {
        if case .string(let text)? = node { return text }
        return nil
    }

    /// A string or null (nil inside: the value is null; nil outside: it is neither).
    func optionalString(_ node: JSONValue?) -> String?? {
        switch node {
        case .string(let text)?: return .some(text)
        case .null?: return .some(nil)
        default: return nil
        }
    }

    func int(_ node: JSONValue?) -> Int? {
        if case .int(let value)? = node { return value }
        return nil
    }

    func list<Element>(_ node: JSONValue?, _ element: (JSONValue) -> Element?) -> [Element]? {
        guard case .array(let items)? = node else { return nil }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let value = element(item) else { return nil }
            result.append(value)
        }
        return result
    }

    func units(_ node: JSONValue?) -> [UnitReference]? {
        list(node) { string($0).map { UnitReference(source: source, unit: UnitID(rawValue: $0)) } }
    }

    func counts<Key: RawRepresentable<String> & Hashable>(_ node: JSONValue?, _: Key.Type) -> [Key: Int]? {
        guard case .object(let members)? = node else { return nil }
        var result: [Key: Int] = [:]
        for (name, value) in members {
            guard let key = Key(rawValue: name), let count = int(value) else { return nil }
            result[key] = count
        }
        return result
    }

    func spans(_ node: JSONValue?) -> [Span]? {
        list(node) { pair in
            guard case .array(let bounds) = pair, bounds.count == 2, let start = int(bounds[0]), let end = int(bounds[1]), start <= end else { return nil }
            return Span(start: start, end: end)
        }
    }

    func profile(_ node: JSONValue) -> SourceProfile? {
        guard let units = counts(node["unitsByType"], UnitType.self), let relations = counts(node["relationsByType"], RelationType.self),
              let supports = int(node["supports"]), let attacks = int(node["attacks"]), let depth = int(node["depth"]),
              let textLength = int(node["textLength"]), let annotated = int(node["annotatedLength"]), let speakers = int(node["speakers"]),
              let implicit = int(node["implicitUnits"]), let suggested = int(node["suggestedUnits"]) else { return nil }
        return SourceProfile(source: source, unitsByType: units, relationsByType: relations, supports: supports, attacks: attacks, depth: depth,
                             textLength: textLength, annotatedLength: annotated, speakers: speakers, implicitUnits: implicit, suggestedUnits: suggested)
    }

    func stancedUnit(_ node: JSONValue) -> StancedUnit? {
        guard let unit = string(node["unit"]), let target = string(node["target"]), let stance = string(node["stance"]).flatMap(Stance.init(rawValue:)),
              let voice = string(node["voice"]).flatMap(Voice.init(rawValue:)), let speaker = optionalString(node["speaker"]),
              let speakerName = optionalString(node["speakerName"]) else { return nil }
        return StancedUnit(unit: UnitID(rawValue: unit), target: TargetID(rawValue: target), stance: stance, voice: voice,
                           speaker: speaker.map(SpeakerID.init(rawValue:)), speakerName: speakerName)
    }

    func sides(_ node: JSONValue?) -> [Disagreements.Side]? {
        list(node) { side in
            guard let voice = string(side["voice"]).flatMap(Voice.init(rawValue:)), let speaker = optionalString(side["speaker"]),
                  let units = units(side["units"]) else { return nil }
            return Disagreements.Side(source: source, voice: voice, speaker: speaker, units: units)
        }
    }

    func proposition(_ node: JSONValue) -> SourceFacts.PropositionFacts? {
        guard let id = string(node["proposition"]), let asserts = units(node["asserts"]), let reported = units(node["reportsAsCounterclaim"]),
              let rebuts = units(node["rebuts"]), let asserting = sides(node["assertingSides"]), let opposing = sides(node["opposingSides"]) else { return nil }
        let entry = PropositionRow.Entry(source: source, asserts: asserts, reportsAsCounterclaim: reported, rebuts: rebuts)
        return SourceFacts.PropositionFacts(proposition: PropositionID(rawValue: id), entry: entry, asserts: asserting, opposes: opposing)
    }

    func counterclaim(_ node: JSONValue) -> CounterclaimEntry? {
        guard let unit = string(node["unit"]), let quote = string(node["quote"]), let speaker = optionalString(node["speaker"]),
              let target = optionalString(node["target"]), let stance = optionalString(node["stance"]), let attacks = units(node["attacks"]),
              let answers = list(node["answers"], { answer -> CounterclaimEntry.Answer? in
                  guard let unit = string(answer["unit"]), let relation = string(answer["relation"]),
                        let type = string(answer["type"]).flatMap(RelationType.init(rawValue:)) else { return nil }
                  return CounterclaimEntry.Answer(unit: UnitReference(source: source, unit: UnitID(rawValue: unit)), relation: RelationID(rawValue: relation), type: type)
              }) else { return nil }
        let parsedStance = stance.flatMap(Stance.init(rawValue:))
        guard (stance == nil) == (parsedStance == nil) else { return nil }
        return CounterclaimEntry(unit: UnitReference(source: source, unit: UnitID(rawValue: unit)), quote: quote, speaker: speaker,
                                 target: target.map(TargetID.init(rawValue:)), stance: parsedStance, attacks: attacks, answers: answers)
    }

    func speaker(_ node: JSONValue) -> SpeakerSummary? {
        guard let id = string(node["speaker"]), let name = string(node["name"]), let role = optionalString(node["role"]), let key = string(node["key"]),
              let units = units(node["units"]), let byType = counts(node["unitsByType"], UnitType.self),
              let stances = list(node["stances"], { row -> SpeakerSummary.TargetStance? in
                  guard case .array(let cells) = row, cells.count == 4, let target = string(cells[0]), let favor = int(cells[1]),
                        let against = int(cells[2]), let neutral = int(cells[3]) else { return nil }
                  return SpeakerSummary.TargetStance(target: TargetID(rawValue: target), favor: favor, against: against, neutral: neutral)
              }) else { return nil }
        return SpeakerSummary(source: source, speaker: SpeakerID(rawValue: id), name: name, role: role, key: key, units: units,
                              unitsByType: byType, stances: stances, alsoIn: [], alsoInCount: 0)
    }

    func placedUnit(_ node: JSONValue) -> PlacedUnit? {
        guard let id = string(node["unit"]), let span = spans(node["span"]), span.count == 1, let fragments = spans(node["fragments"]),
              let proposition = optionalString(node["proposition"]) else { return nil }
        return PlacedUnit(id: UnitID(rawValue: id), span: span[0], fragments: fragments, proposition: proposition.map(PropositionID.init(rawValue:)))
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
