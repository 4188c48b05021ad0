import ArgmarkCore

/// A unit with both a target and a stance, as the stance tables and the disagreements use it.
package struct StancedUnit: Sendable {
    package var unit: UnitID
    package var target: TargetID
    package var stance: Stance
    /// The voice it speaks in (``ArgumentGraph/voice(of:)``).
    package var voice: Voice
    package var speaker: SpeakerID?
    /// The speaker's declared name (its id when it is not declared); nil without a speaker.
    package var speakerName: String?
}

/// Where a unit lies in its text: what a shared passage needs to name the units it overlaps.
package struct PlacedUnit: Sendable {
    package var id: UnitID
    package var span: Span
    package var fragments: [Span]
    package var proposition: PropositionID?
}

/// What the shared-text finder needs of one source.
package struct SharedTextSource: Sendable {
    package var text: String
    /// The units that have a span, in text order.
    package var units: [PlacedUnit]
}

/// Everything the comparison tables take from one article, computed from that article alone:
/// a report is the fold of these over its sources. Once an article is folded into its facts, the
/// article and its ``ArgumentGraph`` can be let go (see ``ReportFold``), so a corpus-wide report
/// holds these (and each text, for the shared-text finder), not every article.
package struct SourceFacts: Sendable {
    package var profile: SourceProfile
    package var relations: Int
    /// In text order.
    package var stanced: [StancedUnit]
    /// The targets its units name.
    package var targets: Set<TargetID>
    /// Per proposition its units carry: the row entry, and the voices asserting and opposing it.
    package var propositions: [PropositionFacts]
    package var counterclaims: [CounterclaimEntry]
    /// Its speakers, in id order, before `alsoIn` is known (it needs every source).
    package var speakers: [SpeakerSummary]
    package var sharedText: SharedTextSource

    package struct PropositionFacts: Sendable {
        package var proposition: PropositionID
        package var entry: PropositionRow.Entry
        package var asserts: [Disagreements.Side]
        package var opposes: [Disagreements.Side]
    }

    /// The facts of the source at index `source`.
    package init(source: Int, graph: ArgumentGraph) {
        let article = graph.article
        func speakerName(_ id: SpeakerID?) -> String? { id.map { article.speaker($0)?.name ?? $0.rawValue } }
        profile = ComparisonReport.profile(source, graph, textLength: article.text.unicodeScalars.count)
        relations = article.relations.count
        var stanced: [StancedUnit] = []
        var targets = Set<TargetID>()
        var placed: [PlacedUnit] = []
        var entries: [PropositionID: PropositionRow.Entry] = [:]
        for unit in graph.units {
            if let target = unit.target {
                targets.insert(target)
                if let stance = unit.stance {
                    stanced.append(StancedUnit(unit: unit.id, target: target, stance: stance, voice: graph.voice(of: unit),
                                               speaker: unit.speaker, speakerName: speakerName(unit.speaker)))
                }
            }
            if let span = unit.span { placed.append(PlacedUnit(id: unit.id, span: span, fragments: unit.fragments, proposition: unit.proposition)) }
            guard let proposition = unit.proposition else { continue }
            let reference = UnitReference(source: source, unit: unit.id)
            var entry = entries[proposition] ?? PropositionRow.Entry(source: source)
            if unit.type == .counterclaim {
                entry.reportsAsCounterclaim.append(reference)
            } else {
                entry.asserts.append(reference)
            }
            var rebutters = Set<UnitID>(entry.rebuts.map(\.unit))
            for relation in graph.attacks(on: unit.id) {
                guard let attacker = graph.unitsByID[relation.from], attacker.type != .counterclaim,
                      rebutters.insert(attacker.id).inserted else { continue }
                entry.rebuts.append(UnitReference(source: source, unit: attacker.id))
            }
            entries[proposition] = entry
        }
        self.stanced = stanced
        self.targets = targets
        propositions = entries.keys.sorted().map { proposition in
            var entry = entries[proposition]!
            entry.asserts.sort()
            entry.reportsAsCounterclaim.sort()
            entry.rebuts.sort()
            return PropositionFacts(proposition: proposition, entry: entry,
                                    asserts: Disagreements.sides(entry.asserts, graph), opposes: Disagreements.sides(entry.rebuts, graph))
        }
        counterclaims = graph.units.filter { $0.type == .counterclaim }.map { unit in
            let attacked = (graph.outgoing[unit.id] ?? []).filter { $0.type.isAttack }.compactMap(graph.landingUnit(of:))
            let answers = graph.attacks(on: unit.id).map {
                CounterclaimEntry.Answer(unit: UnitReference(source: source, unit: $0.from), relation: $0.id, type: $0.type)
            }
            return CounterclaimEntry(
                unit: UnitReference(source: source, unit: unit.id), quote: unit.quote, speaker: speakerName(unit.speaker),
                target: unit.target, stance: unit.stance, attacks: attacked.map { UnitReference(source: source, unit: $0) }, answers: answers)
        }
        speakers = ComparisonReport.speakerSummaries(source, graph)
        sharedText = SharedTextSource(text: article.text, units: placed)
    }

    /// The facts about `proposition`, if this source's units carry it.
    func proposition(_ proposition: PropositionID) -> PropositionFacts? {
        propositions.first { $0.proposition == proposition }
    }
}

/// Gives each source its key: the article id, with `~2`, `~3`… for the second and later files
/// with the same id.
package struct SourceKeys: Sendable {
    private var seen: [String: Int] = [:]
    package init() {}
    package mutating func key(for id: String) -> String {
        let count = (seen[id] ?? 0) + 1
        seen[id] = count
        return count == 1 ? id : "\(id)~\(count)"
    }
}
