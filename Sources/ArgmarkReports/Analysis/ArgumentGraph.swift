import ArgmarkCore

/// An article's units and relations indexed by id, so analysis and layout look things up in
/// constant time instead of scanning the arrays (which would make large articles quadratic).
public struct ArgumentGraph: Sendable {
    public let article: Article
    /// Units in text order (by span start, implicit units last), then by id.
    public let units: [ArgumentUnit]
    public let unitsByID: [UnitID: ArgumentUnit]
    public let relationsByID: [RelationID: Relation]
    /// Relations whose endpoint is the unit, by the unit's id.
    public let incoming: [UnitID: [Relation]]
    /// Relations that start at the unit, by the unit's id.
    public let outgoing: [UnitID: [Relation]]
    /// Undercuts aimed at a relation, by the attacked relation's id.
    public let incomingOnRelation: [RelationID: [Relation]]

    public init(_ article: Article) {
        self.article = article
        units = article.units.sorted(by: ArgumentGraph.textOrder)
        var unitsByID: [UnitID: ArgumentUnit] = [:]
        for unit in article.units where unitsByID[unit.id] == nil { unitsByID[unit.id] = unit }
        self.unitsByID = unitsByID
        var relationsByID: [RelationID: Relation] = [:]
        var incoming: [UnitID: [Relation]] = [:]
        var outgoing: [UnitID: [Relation]] = [:]
        var incomingOnRelation: [RelationID: [Relation]] = [:]
        let relations = article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        for relation in relations {
            if relationsByID[relation.id] == nil { relationsByID[relation.id] = relation }
            outgoing[relation.from, default: []].append(relation)
            switch relation.to {
            case .unit(let id): incoming[id, default: []].append(relation)
            case .relation(let id): incomingOnRelation[id, default: []].append(relation)
            }
        }
        self.relationsByID = relationsByID
        self.incoming = incoming
        self.outgoing = outgoing
        self.incomingOnRelation = incomingOnRelation
    }

    /// Text order: by span, implicit units after the explicit ones, ties by id.
    static func textOrder(_ lhs: ArgumentUnit, _ rhs: ArgumentUnit) -> Bool {
        switch (lhs.span, rhs.span) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: return naturalLess(lhs.id.rawValue, rhs.id.rawValue)
        }
    }

    /// The unit a relation finally lands on: its target unit, or for an undercut the target of the
    /// relation it attacks (followed through chains of undercuts, with a guard against loops).
    public func landingUnit(of relation: Relation) -> UnitID? {
        var current = relation
        var seen = Set<RelationID>()
        while true {
            switch current.to {
            case .unit(let id): return id
            case .relation(let id):
                guard seen.insert(id).inserted, let next = relationsByID[id] else { return nil }
                current = next
            }
        }
    }

    /// The unit a relation hangs below on the map and in the argument tree: its target unit, or
    /// for an undercut the unit whose inference it attacks (the start of the attacked relation),
    /// so that a rebuttal undercutting a counterclaim's attack sits below that counterclaim.
    public func parentUnit(of relation: Relation) -> UnitID? {
        switch relation.to {
        case .unit(let id): return id
        case .relation(let id): return relationsByID[id]?.from
        }
    }

    /// Relations that answer a unit: `rebuts`, `undercuts` or `attacks` aimed at it, or undercuts
    /// aimed at an inference that starts from it.
    public func attacks(on unit: UnitID) -> [Relation] {
        var result = (incoming[unit] ?? []).filter { $0.type.isAttack }
        for relation in outgoing[unit] ?? [] {
            result += (incomingOnRelation[relation.id] ?? []).filter { $0.type.isAttack }
        }
        return result
    }

    /// The longest chain of units linked by relations (counted in units; 0 for an article
    /// without units). Relations are followed from the unit they start at to their parent unit
    /// (see ``parentUnit(of:)``); a cycle is cut where it closes, so the result is always finite.
    public var depth: Int {
        var memo: [UnitID: Int] = [:]
        var onStack = Set<UnitID>()
        func chain(from id: UnitID) -> Int {
            if let known = memo[id] { return known }
            if !onStack.insert(id).inserted { return 0 }
            var best = 0
            for relation in outgoing[id] ?? [] where relation.type != .restates {
                if let target = parentUnit(of: relation), unitsByID[target] != nil, target != id {
                    best = max(best, chain(from: target))
                }
            }
            onStack.remove(id)
            memo[id] = best + 1
            return best + 1
        }
        return units.reduce(0) { max($0, chain(from: $1.id)) }
    }
}
