import ArgmarkCore

/// Agreement on relations between units both annotators marked.
///
/// Units are paired by the overlap rule (``MatchingRule/overlap``). A relation takes part when its
/// endpoints are matched: its `from` unit is matched, and its `to` unit is matched or, for a relation
/// to a relation (an undercut), that relation is itself matched. Two such relations match when their
/// endpoints correspond and, for the typed score, their types are equal; each relation matches at
/// most once. Relations touching implicit or unmatched units are left out, so the score measures
/// agreement on structure given agreement on units.
public struct RelationScores: Sendable {
    /// Relations whose type must also agree.
    public var typed: MatchCounts
    /// Relations whose endpoints agree, whatever their types.
    public var untyped: MatchCounts

    public static func compute(_ study: Study, first: Int, second: Int) -> RelationScores {
        compute(study.articlePairs(first, second))
    }

    public static func compute(_ articles: [ArticlePair]) -> RelationScores {
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
    /// matched in an earlier round, until a round adds nothing.
    static func match(_ first: [Relation], _ second: [Relation], unitMap: [UnitID: UnitID], typed: Bool) -> MatchCounts {
        let mappedSecondUnits = Set(unitMap.values)
        var relationMap: [RelationID: RelationID] = [:]
        var counts = MatchCounts()
        var doneFirst = Set<RelationID>(), doneSecond = Set<RelationID>()
        let firstSorted = first.sorted { codePointLess($0.id.rawValue, $1.id.rawValue) }
        let secondSorted = second.sorted { codePointLess($0.id.rawValue, $1.id.rawValue) }
        while true {
            // Relations of the first annotation whose endpoints are matched, keyed in the second's ids.
            var keysFirst: [(relation: Relation, key: String)] = []
            for relation in firstSorted where !doneFirst.contains(relation.id) {
                guard let from = unitMap[relation.from] else { continue }
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
            let matchedSecondRelations = Set(relationMap.values)
            var keysSecond: [(relation: Relation, key: String)] = []
            for relation in secondSorted where !doneSecond.contains(relation.id) {
                guard mappedSecondUnits.contains(relation.from) else { continue }
                let to: String
                switch relation.to {
                case .unit(let id):
                    guard mappedSecondUnits.contains(id) else { continue }
                    to = "unit:" + id.rawValue
                case .relation(let id):
                    guard matchedSecondRelations.contains(id) else { continue }
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
            var added = false
            for entry in keysFirst {
                guard var candidates = available[entry.key], !candidates.isEmpty else { continue }
                relationMap[entry.relation.id] = candidates.removeFirst()
                available[entry.key] = candidates
                counts.matched += 1
                added = true
            }
            if !added { break }
        }
        return counts
    }

    private static func key(_ type: String, _ from: String, _ to: String) -> String {
        type + "\u{0}" + from + "\u{0}" + to
    }
}
