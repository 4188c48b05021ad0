import ArgmarkCore

/// Where sources oppose each other, and what each leaves out.
package struct Disagreements: Sendable {
    /// One voice on one side: a source's own voice, or a speaker it quotes or reports.
    package struct Side: Sendable {
        package var source: Int
        package var voice: Voice
        /// The speaker's name; `nil` for a source's own voice without a declared speaker.
        package var speaker: String?
        package var units: [UnitReference]
    }

    /// A target on which some voices are in favour and others against.
    package struct OnTarget: Sendable {
        package var target: TargetID
        package var favor: [Side]
        package var against: [Side]
    }

    /// A shared proposition some voices assert and others rebut, undercut or attack.
    package struct OnProposition: Sendable {
        package var proposition: PropositionID
        package var asserts: [Side]
        package var opposes: [Side]
    }

    /// Propositions that other sources assert and this source never mentions.
    package struct Omission: Sendable {
        package var source: Int
        package var propositions: [PropositionID]
    }

    package var targets: [OnTarget]
    package var propositions: [OnProposition]
    /// Only sources that leave something out, in source order.
    package var omissions: [Omission]

    static func find(_ facts: [SourceFacts], _ targetRows: [TargetID], _ propositions: [PropositionRow]) -> Disagreements {
        let rowIndex = Dictionary(uniqueKeysWithValues: targetRows.enumerated().map { ($1, $0) })
        // Per target, per stance: the sides, keyed by (source, voice, speaker) in first-seen order.
        var sides: [Int: [Stance: [SideKey: Side]]] = [:]
        var order: [Int: [Stance: [SideKey]]] = [:]
        for (source, sourceFacts) in facts.enumerated() {
            for unit in sourceFacts.stanced {
                let stance = unit.stance, voice = unit.voice, speaker = unit.speakerName
                guard stance != .neutral, let row = rowIndex[unit.target] else { continue }
                // The own voice is one side however many speaker ids it uses (author, interviewee).
                let key = SideKey(source: source, voice: voice, speaker: voice == .own ? nil : speaker)
                let reference = UnitReference(source: source, unit: unit.unit)
                if sides[row]?[stance]?[key] == nil {
                    sides[row, default: [:]][stance, default: [:]][key] = Side(source: source, voice: voice, speaker: key.speaker ?? speaker, units: [])
                    order[row, default: [:]][stance, default: []].append(key)
                }
                sides[row]![stance]![key]!.units.append(reference)
            }
        }
        var onTargets: [OnTarget] = []
        for row in sides.keys.sorted() {
            let favor = (order[row]?[.favor] ?? []).map { sides[row]![.favor]![$0]! }
            let against = (order[row]?[.against] ?? []).map { sides[row]![.against]![$0]! }
            guard !favor.isEmpty, !against.isEmpty else { continue }
            onTargets.append(OnTarget(target: targetRows[row], favor: favor, against: against))
        }

        var onPropositions: [OnProposition] = []
        var asserted: [PropositionID: Set<Int>] = [:]
        var mentioned = [Set<PropositionID>](repeating: [], count: facts.count)
        for row in propositions {
            var asserts: [Side] = []
            var opposes: [Side] = []
            for entry in row.entries {
                mentioned[entry.source].insert(row.proposition)
                if !entry.asserts.isEmpty { asserted[row.proposition, default: []].insert(entry.source) }
                // Each source's sides were found when it was folded (``SourceFacts``).
                if let sides = facts[entry.source].proposition(row.proposition) {
                    asserts += sides.asserts
                    opposes += sides.opposes
                }
            }
            if !asserts.isEmpty, !opposes.isEmpty {
                onPropositions.append(OnProposition(proposition: row.proposition, asserts: asserts, opposes: opposes))
            }
        }
        var omissions: [Omission] = []
        let assertedOrder = propositions.map(\.proposition).filter { asserted[$0] != nil }
        for source in facts.indices {
            // A source that does not mention a proposition is not among those asserting it.
            let missing = assertedOrder.filter { !mentioned[source].contains($0) }
            if !missing.isEmpty { omissions.append(Omission(source: source, propositions: missing)) }
        }
        return Disagreements(targets: onTargets, propositions: onPropositions, omissions: omissions)
    }

    struct SideKey: Hashable {
        var source: Int
        var voice: Voice
        var speaker: String?
    }

    /// The units grouped by the voice and speaker they speak in, in the order first met.
    static func sides(_ references: [UnitReference], _ graph: ArgumentGraph) -> [Side] {
        var result: [Side] = []
        var index: [SideKey: Int] = [:]
        for reference in references {
            guard let unit = graph.unitsByID[reference.unit] else { continue }
            let voice = graph.voice(of: unit)
            let speaker = unit.speaker.map { graph.article.speaker($0)?.name ?? $0.rawValue }
            let key = SideKey(source: reference.source, voice: voice, speaker: voice == .own ? nil : speaker)
            if let existing = index[key] {
                result[existing].units.append(reference)
            } else {
                index[key] = result.count
                result.append(Side(source: reference.source, voice: voice, speaker: speaker, units: [reference]))
            }
        }
        return result
    }
}
