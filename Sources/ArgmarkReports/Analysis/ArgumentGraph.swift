import ArgmarkCore

/// An article's units and relations indexed by id, so analysis and layout look things up in
/// constant time instead of scanning the arrays (which would make large articles quadratic).
package struct ArgumentGraph: Sendable {
    package let article: Article
    /// Units in text order (by span start, implicit units last), then by id.
    package let units: [ArgumentUnit]
    package let unitsByID: [UnitID: ArgumentUnit]
    package let relationsByID: [RelationID: Relation]
    /// Relations whose endpoint is the unit, by the unit's id.
    package let incoming: [UnitID: [Relation]]
    /// Relations that start at the unit, by the unit's id.
    package let outgoing: [UnitID: [Relation]]
    /// Undercuts aimed at a relation, by the attacked relation's id.
    package let incomingOnRelation: [RelationID: [Relation]]

    package init(_ article: Article) {
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
    package func landingUnit(of relation: Relation) -> UnitID? {
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
    package func parentUnit(of relation: Relation) -> UnitID? {
        switch relation.to {
        case .unit(let id): return id
        case .relation(let id): return relationsByID[id]?.from
        }
    }

    /// Relations that answer a unit: `rebuts`, `undercuts` or `attacks` aimed at it, or undercuts
    /// aimed at an inference that starts from it.
    package func attacks(on unit: UnitID) -> [Relation] {
        var result = (incoming[unit] ?? []).filter { $0.type.isAttack }
        for relation in outgoing[unit] ?? [] {
            result += (incomingOnRelation[relation.id] ?? []).filter { $0.type.isAttack }
        }
        return result
    }

    /// The longest chain of units linked by relations (counted in units; 0 for an article
    /// without units). Relations are followed from the unit they start at to their parent unit
    /// (see ``parentUnit(of:)``); a cycle is cut where it closes, so the result is always finite.
    /// Iterative: a chain of 100,000 supports needs no deeper stack than a chain of two.
    package var depth: Int {
        var memo: [UnitID: Int] = [:]
        var onStack = Set<UnitID>()
        var best = 0
        for root in units where memo[root.id] == nil {
            var stack: [(id: UnitID, next: Int, best: Int)] = [(root.id, 0, 0)]
            onStack.insert(root.id)
            while !stack.isEmpty {
                let top = stack[stack.count - 1]
                let relations = outgoing[top.id] ?? []
                if top.next == relations.count {
                    stack.removeLast()
                    onStack.remove(top.id)
                    memo[top.id] = top.best + 1
                    if !stack.isEmpty { stack[stack.count - 1].best = max(stack[stack.count - 1].best, top.best + 1) }
                    continue
                }
                stack[stack.count - 1].next += 1
                let relation = relations[top.next]
                guard relation.type != .restates, let target = parentUnit(of: relation), unitsByID[target] != nil,
                      target != top.id, !onStack.contains(target) else { continue }
                if let known = memo[target] {
                    stack[stack.count - 1].best = max(stack[stack.count - 1].best, known)
                } else {
                    onStack.insert(target)
                    stack.append((target, 0, 0))
                }
            }
            best = max(best, memo[root.id] ?? 0)
        }
        return units.reduce(best) { max($0, memo[$1.id] ?? 0) }
    }

    /// Whether the article is an interview with an interviewee, whose voice is then the source's own.
    package var hasInterviewee: Bool {
        article.speakers.contains { Self.role($0.role).hasPrefix("interviewee") }
    }

    static func role(_ role: String?) -> String { String((role ?? "").lowercased().drop { $0 == " " }) }

    /// The voice a speaker speaks in (see ``Voice``); `nil` is the author's unattributed voice.
    package func voice(speaker id: SpeakerID?) -> Voice {
        guard let id else { return .own }
        let speaker = article.speaker(id)
        let role = Self.role(speaker?.role)
        if role.isEmpty, let name = speaker?.name, let author = article.metadata.author,
           ComparisonReport.speakerKey(name) == ComparisonReport.speakerKey(author) {
            // A speaker without a role who is the article's author.
            return hasInterviewee ? .interviewer : .own
        }
        if role.hasPrefix("interviewee") { return .own }
        if role.hasPrefix("interviewer") { return .interviewer }
        if role.hasPrefix("author") { return hasInterviewee ? .interviewer : .own }
        if role.hasPrefix("reported") { return .reported }
        return .quoted
    }

    /// The voice a unit speaks in: its speaker's, except that a counterclaim is never the
    /// source's own view (nor the interviewer's): it is reported.
    package func voice(of unit: ArgumentUnit) -> Voice {
        let voice = voice(speaker: unit.speaker)
        if unit.type == .counterclaim, voice == .own || voice == .interviewer { return .reported }
        return voice
    }

    /// Whether the unit is a root of the argument: it supports or attacks no other unit.
    package func isRoot(_ id: UnitID) -> Bool {
        !(outgoing[id] ?? []).contains { relation in
            guard let parent = parentUnit(of: relation) else { return false }
            return parent != id && unitsByID[parent] != nil
        }
    }

    /// The relations that answer a unit in the outline: those aimed at it, then undercuts aimed at
    /// the inferences that start from it.
    package func answers(to id: UnitID) -> [Relation] {
        var result = incoming[id] ?? []
        for relation in outgoing[id] ?? [] { result += incomingOnRelation[relation.id] ?? [] }
        return result.filter { $0.from != id && unitsByID[$0.from] != nil }
    }

    /// One line of the argument as an outline.
    package struct OutlineLine: Sendable {
        package var unit: UnitID
        package var depth: Int
        /// The relation that links the unit to the line it is indented under.
        package var relation: Relation?
        /// The unit was already shown above (a unit that answers several others, or a cycle).
        package var isRepeat: Bool
    }

    /// The argument as an outline: every root in text order with what answers it indented below,
    /// then any unit not reached that way (a cycle with no root). Each unit is expanded once;
    /// later mentions are marked as repeats. Iterative, so depth costs no stack.
    package func outline() -> [OutlineLine] {
        var lines: [OutlineLine] = []
        var shown = Set<UnitID>()
        func walk(from root: UnitID) {
            var stack: [(unit: UnitID, depth: Int, relation: Relation?)] = [(root, 0, nil)]
            while let item = stack.popLast() {
                let isRepeat = !shown.insert(item.unit).inserted
                lines.append(OutlineLine(unit: item.unit, depth: item.depth, relation: item.relation, isRepeat: isRepeat))
                if isRepeat { continue }
                for relation in answers(to: item.unit).reversed() { stack.append((relation.from, item.depth + 1, relation)) }
            }
        }
        for unit in units where isRoot(unit.id) { walk(from: unit.id) }
        for unit in units where !shown.contains(unit.id) { walk(from: unit.id) }
        return lines
    }
}
