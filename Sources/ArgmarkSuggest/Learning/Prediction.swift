import ArgmarkCore

/// A relation the model proposes.
package struct SuggestedRelation: Sendable, Equatable {
    package var from: UnitID
    package var type: RelationType
    package var to: UnitID
    package var confidence: Double
}

/// A stance the model proposes for a unit.
package struct SuggestedStance: Sendable, Equatable {
    package var target: TargetID
    package var stance: Stance
    package var confidence: Double
}

extension SuggestionModel {
    /// Relations from each unit of `sources` to a unit among `units` (which includes them),
    /// never closing a cycle of supports with `existing` relations or with each other.
    package func relations(from sources: Set<UnitID>, units: [ArgumentUnit], existing: [Relation], analyzed: AnalyzedText) -> [SuggestedRelation] {
        let views = RelationFeatures.views(units, paragraphs: analyzed.paragraphs, text: analyzed.text)
        var attackers = Set(existing.filter(\.type.isAttack).map(\.from))
        var supports: [UnitID: [UnitID]] = [:]
        for relation in existing where relation.type == .supports {
            if case .unit(let to) = relation.to { supports[relation.from, default: []].append(to) }
        }
        func reaches(_ start: UnitID, _ goal: UnitID) -> Bool {
            var stack = [start], seen = Set<UnitID>()
            while let next = stack.popLast() {
                if next == goal { return true }
                if seen.insert(next).inserted { stack += supports[next] ?? [] }
            }
            return false
        }
        let hasOutgoing = Set(existing.map(\.from))
        var result: [SuggestedRelation] = []
        for (index, view) in views.enumerated() where sources.contains(view.id) && !hasOutgoing.contains(view.id) {
            let candidates = RelationFeatures.candidates(for: index, in: views, attackers: attackers)
            guard let (_, probabilities) = relations.choose(candidates.map(\.features), temperature: relationTemperature) else { continue }
            // The most probable candidate that keeps the graph valid.
            let ranked = candidates.indices.sorted { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1 }
            for choice in ranked {
                guard let target = candidates[choice].target, let type = candidates[choice].type else { break }
                let to = views[target].id
                if type == .supports && reaches(to, view.id) { continue }
                result.append(SuggestedRelation(from: view.id, type: type, to: to, confidence: probabilities[choice]))
                if type == .supports { supports[view.id, default: []].append(to) }
                if type.isAttack { attackers.insert(view.id) }
                break
            }
        }
        return result
    }

    /// The stance of a unit toward one of `targets`, if the model sees one.
    package func stance(of text: String, type: UnitType, targets: [StanceTarget]) -> SuggestedStance? {
        guard !targets.isEmpty, !stance.weights.isEmpty else { return nil }
        let candidates = StanceFeatures.candidates(text: text, type: type, targets: targets)
        guard let (best, probabilities) = stance.choose(candidates.map(\.features)), let target = candidates[best].target,
              let value = candidates[best].stance else { return nil }
        return SuggestedStance(target: targets[target].id, stance: value, confidence: probabilities[best])
    }
}
