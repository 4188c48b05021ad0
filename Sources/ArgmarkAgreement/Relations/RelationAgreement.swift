import ArgmarkCore

/// Agreement on relations between units both annotators marked.
///
/// Units are paired by the overlap rule (``MatchingRule/overlap``). A relation takes part when its
/// endpoints are matched: its `from` unit is matched, and its `to` unit is matched or, for a relation
/// to a relation (an undercut), that relation is itself matched. Two such relations match when their
/// endpoints correspond and, for the typed score, their types are equal; each relation matches at
/// most once. Relations touching implicit or unmatched units are left out, so the score measures
/// agreement on structure given agreement on units.
package struct RelationScores: Sendable {
    /// Relations whose type must also agree.
    package var typed: MatchCounts
    /// Relations whose endpoints agree, whatever their types.
    package var untyped: MatchCounts

    package static func compute(_ study: Study, first: Int, second: Int) -> RelationScores {
        compute(study.articlePairs(first, second))
    }

    package static func compute(_ articles: [ArticlePair]) -> RelationScores {
        var typed = MatchCounts(), untyped = MatchCounts()
        for article in articles {
            let forward = article.overlap.firstToSecond
            let relationsA = article.first.relations
            let relationsB = article.second.relations
            typed = typed + match(relationsA, relationsB, unitMap: forward, typed: true)
            untyped = untyped + match(relationsA, relationsB, unitMap: forward, typed: false)
        }
        return RelationScores(typed: typed, untyped: untyped)
    }

    /// Matches relations in rounds: first those between units, then those pointing to relations
    /// matched in the round before, until a round adds nothing. Each round looks only at the
    /// relations that undercut what the last round matched (an index built once), so a chain of
    /// n undercuts costs O(n) rather than a scan of all relations per round.
    static func match(_ first: [Relation], _ second: [Relation], unitMap: [UnitID: UnitID], typed: Bool) -> MatchCounts {
        let mappedSecondUnits = Set(unitMap.values)
        var counts = MatchCounts()
        let firstSorted = first.sorted { codePointLess($0.id.rawValue, $1.id.rawValue) }
        let secondSorted = second.sorted { codePointLess($0.id.rawValue, $1.id.rawValue) }
        // Positions (in id order) of the relations pointing at each relation id.
        func undercutters(_ relations: [Relation]) -> [RelationID: [Int]] {
            var index: [RelationID: [Int]] = [:]
            for (position, relation) in relations.enumerated() {
                if case .relation(let target) = relation.to { index[target, default: []].append(position) }
            }
            return index
        }
        let firstUndercutters = undercutters(firstSorted), secondUndercutters = undercutters(secondSorted)
        var doneFirst = Set<RelationID>(), doneSecond = Set<RelationID>()
        // Round one: the relations between units; later rounds: those pointing at the last round's matches.
        var candidatesFirst = Array(firstSorted.indices.filter { if case .unit = firstSorted[$0].to { true } else { false } })
        var candidatesSecond = Array(secondSorted.indices.filter { if case .unit = secondSorted[$0].to { true } else { false } })
        var relationMap: [RelationID: RelationID] = [:]
        while true {
            // Relations of the first annotation whose endpoints are matched, keyed in the second's ids.
            var keysFirst: [(relation: Relation, key: String)] = []
            for position in candidatesFirst {
                let relation = firstSorted[position]
                guard !doneFirst.contains(relation.id), let from = unitMap[relation.from] else { continue }
                let to: String
                switch relation.to {
                case .unit(let id):
                    guard let mapped = unitMap[id] else { continue }
                    to = "unit:" + mapped.rawValue
                case .relation(let id):
                    guard let mapped = relationMap[id] else { continue }
                    to = "relation:" + mapped.rawValue
                }
                keysFirst.append((relation, key(typed ? relation.type.rawValue : "", from.rawValue, to)))
            }
            var keysSecond: [(relation: Relation, key: String)] = []
            for position in candidatesSecond {
                let relation = secondSorted[position]
                guard !doneSecond.contains(relation.id), mappedSecondUnits.contains(relation.from) else { continue }
                let to: String
                switch relation.to {
                case .unit(let id):
                    guard mappedSecondUnits.contains(id) else { continue }
                    to = "unit:" + id.rawValue
                case .relation(let id):
                    to = "relation:" + id.rawValue
                }
                keysSecond.append((relation, key(typed ? relation.type.rawValue : "", relation.from.rawValue, to)))
            }
            if keysFirst.isEmpty && keysSecond.isEmpty { break }
            counts.first += keysFirst.count
            counts.second += keysSecond.count
            doneFirst.formUnion(keysFirst.map(\.relation.id))
            doneSecond.formUnion(keysSecond.map(\.relation.id))
            var available: [String: [RelationID]] = [:]
            for entry in keysSecond { available[entry.key, default: []].append(entry.relation.id) }
            var matchedFirst: [RelationID] = [], matchedSecond: [RelationID] = []
            for entry in keysFirst {
                guard var candidates = available[entry.key], !candidates.isEmpty else { continue }
                let partner = candidates.removeFirst()
                relationMap[entry.relation.id] = partner
                available[entry.key] = candidates
                matchedFirst.append(entry.relation.id)
                matchedSecond.append(partner)
                counts.matched += 1
            }
            if matchedFirst.isEmpty { break }
            // Next round: what points at a relation matched just now, in id order.
            candidatesFirst = Set(matchedFirst.flatMap { firstUndercutters[$0] ?? [] }).sorted()
            candidatesSecond = Set(matchedSecond.flatMap { secondUndercutters[$0] ?? [] }).sorted()
        }
        return counts
    }

    private static func key(_ type: String, _ from: String, _ to: String) -> String {
        type + "\u{0}" + from + "\u{0}" + to
    }
}
