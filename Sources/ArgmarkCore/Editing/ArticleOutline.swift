/// The article text cut at unit boundaries, for `argmark show`: plain text and markers where
/// units open and close, so a frontend can print `[u3 claim: …]` with or without colour.
package enum MarkedText {
    package enum Segment: Sendable, Equatable {
        case text(String)
        case open(ArgumentUnit)
        /// `crossing` is set when the unit closes while a unit opened after it is still open,
        /// so a plain `]` would be ambiguous.
        case close(ArgumentUnit, crossing: Bool)
    }

    /// The segments of `article`'s text. At one offset, units that end close first (innermost
    /// first), then units that start open (outermost first). Implicit units do not appear.
    package static func segments(of article: Article) -> [Segment] {
        let text = CodePointText(article.text)
        let placed = ArticleWriter.canonicalOrder(article.units).filter { $0.span != nil }
        // Units by index into `placed`, where they open and where they close.
        var opensAt: [Int: [Int]] = [:]
        var closesAt: [Int: [Int]] = [:]
        for (index, unit) in placed.enumerated() {
            opensAt[unit.span!.start, default: []].append(index)
            closesAt[unit.span!.end, default: []].append(index)
        }
        for key in opensAt.keys {
            opensAt[key]!.sort {
                let (left, right) = (placed[$0], placed[$1])
                return left.span!.end != right.span!.end ? left.span!.end > right.span!.end : naturalLess(left.id.rawValue, right.id.rawValue)
            }
        }
        var segments: [Segment] = []
        // Open units in opening order; a closed unit leaves a hole (nil) until the units above
        // it close too, so closing is O(1) and a file of many crossing units stays linear.
        var open: [Int?] = []
        var positionByUnit: [Int: Int] = [:]
        var buffer = String.UnicodeScalarView()
        func flush() {
            if !buffer.isEmpty { segments.append(.text(String(buffer))); buffer = String.UnicodeScalarView() }
        }
        for offset in 0...text.count {
            // Units that close here, innermost (latest opened) first.
            let closing = (closesAt[offset] ?? []).compactMap { positionByUnit.removeValue(forKey: $0) }.sorted(by: >)
            if !closing.isEmpty { flush() }
            for position in closing {
                // Crossing when a unit opened after it is still open.
                segments.append(.close(placed[open[position]!], crossing: position != open.count - 1))
                open[position] = nil
                while let last = open.last, last == nil { open.removeLast() }
            }
            if let starting = opensAt[offset] {
                flush()
                for index in starting {
                    segments.append(.open(placed[index]))
                    positionByUnit[index] = open.count
                    open.append(index)
                }
            }
            if offset < text.count { buffer.append(text.scalars[offset]) }
        }
        flush()
        return segments
    }
}

/// The argument structure of an article as an indented tree: positions, what supports them,
/// what attacks them, and what answers the attacks.
package enum ArgumentOutline {
    package struct Line: Sendable, Equatable {
        /// 0 for a root.
        package var depth: Int
        package var unit: ArgumentUnit
        /// The relation linking this unit to its parent line; `nil` for a root.
        package var relation: Relation?
        /// For an undercut, the relation it attacks.
        package var undercut: Relation?
        /// The unit was shown in full earlier; its children are not repeated.
        package var repeated: Bool
    }

    package struct Outline: Sendable, Equatable {
        /// Trees under each position, in text order.
        package var positions: [Line]
        /// Trees of units that no position reaches (roots: units that point to nothing reachable).
        package var unattached: [Line]
    }

    /// Which relations come first under a unit.
    static let order: [RelationType] = [.supports, .restates, .attacks, .rebuts, .undercuts]

    package static func outline(of article: Article) -> Outline {
        let units = ArticleWriter.canonicalOrder(article.units)
        // Invalid files (shown too) can repeat an id: the first one wins, as everywhere else.
        let rank = Dictionary(units.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let unitsByID = Dictionary(article.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let relationsByID = Dictionary(article.relations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // (child unit, relation, undercut relation) under each unit, indexed once: looking them
        // up per unit would make a file with many relations quadratic.
        var childrenByUnit: [UnitID: [(ArgumentUnit, Relation, Relation?)]] = [:]
        for relation in article.relations {
            guard let child = unitsByID[relation.from] else { continue }
            switch relation.to {
            case .unit(let target):
                childrenByUnit[target, default: []].append((child, relation, nil))
            case .relation(let target):
                if let undercut = relationsByID[target] { childrenByUnit[undercut.from, default: []].append((child, relation, undercut)) }
            }
        }
        for key in childrenByUnit.keys {
            childrenByUnit[key]!.sort { lhs, rhs in
                let left = (order.firstIndex(of: lhs.1.type) ?? 9, rank[lhs.0.id] ?? 0)
                let right = (order.firstIndex(of: rhs.1.type) ?? 9, rank[rhs.0.id] ?? 0)
                return left < right
            }
        }

        var shown: Set<UnitID> = []
        /// Depth-first, in the same order as recursion would give, but with an explicit stack:
        /// a chain of 100,000 supports must not overflow the call stack.
        func tree(_ root: ArgumentUnit, depth rootDepth: Int, relation rootRelation: Relation?, undercut rootUndercut: Relation?, into lines: inout [Line]) {
            var pending: [(unit: ArgumentUnit, depth: Int, relation: Relation?, undercut: Relation?)] = [(root, rootDepth, rootRelation, rootUndercut)]
            while let (unit, depth, relation, undercut) = pending.popLast() {
                if shown.contains(unit.id) {
                    lines.append(Line(depth: depth, unit: unit, relation: relation, undercut: undercut, repeated: true))
                    continue
                }
                shown.insert(unit.id)
                lines.append(Line(depth: depth, unit: unit, relation: relation, undercut: undercut, repeated: false))
                for (child, link, undercutRelation) in (childrenByUnit[unit.id] ?? []).reversed() {
                    pending.append((child, depth + 1, link, undercutRelation))
                }
            }
        }

        var positions: [Line] = []
        for unit in units where unit.type == .position { tree(unit, depth: 0, relation: nil, undercut: nil, into: &positions) }
        var unattached: [Line] = []
        // Local roots first (units pointing to nothing), then whatever cycles are left.
        let pointing = Set(article.relations.compactMap { relation -> UnitID? in
            if case .unit(let target) = relation.to, unitsByID[target] != nil { return relation.from }
            if case .relation(let target) = relation.to, relationsByID[target] != nil { return relation.from }
            return nil
        })
        for unit in units where !shown.contains(unit.id) && !pointing.contains(unit.id) {
            tree(unit, depth: 0, relation: nil, undercut: nil, into: &unattached)
        }
        for unit in units where !shown.contains(unit.id) {
            tree(unit, depth: 0, relation: nil, undercut: nil, into: &unattached)
        }
        return Outline(positions: positions, unattached: unattached)
    }
}

extension ArgumentUnit {
    /// `speaker; favor metoo; proposition p1` — the attributes worth showing next to a unit.
    package var attributeSummary: String {
        var parts: [String] = []
        if let speaker { parts.append(speaker.rawValue) }
        if let stance, let target { parts.append("\(stance.rawValue) \(target)") }
        if let proposition { parts.append("proposition \(proposition)") }
        if status == .suggested { parts.append(confidence.map { "suggested \(Self.formatConfidence($0))" } ?? "suggested") }
        return parts.joined(separator: "; ")
    }

    /// The id as displays show it: a suggestion's id ends in `?` (`u31?`), so it stands apart
    /// from the annotations without colour.
    package var displayID: String { status == .suggested ? "\(id)?" : id.rawValue }

    /// A confidence with two decimals, `0.83`, for displays.
    package static func formatConfidence(_ value: Double) -> String {
        NumberText.fixed(min(max(value, 0), 1), decimals: 2)
    }
}

extension Article {
    /// The article as JSON for tools: metadata, speakers, units (in text order, optionally only
    /// of one type) and relations. Deterministic.
    package func listingJSON(unitType: UnitType? = nil) -> JSONValue {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let units = ArticleWriter.canonicalOrder(self.units).filter { unitType == nil || $0.type == unitType }
        var object: [String: JSONValue] = [
            "id": .string(id),
            "units": .array(units.map { unit in
                .object([
                    "id": .string(unit.id.rawValue), "type": .string(unit.type.rawValue),
                    "start": unit.span.map { .int($0.start) } ?? .null, "end": unit.span.map { .int($0.end) } ?? .null,
                    "quote": .string(unit.quote), "speaker": optional(unit.speaker?.rawValue),
                    "stance": optional(unit.stance?.rawValue), "target": optional(unit.target?.rawValue),
                    "proposition": optional(unit.proposition?.rawValue), "note": optional(unit.note),
                    "status": .string(unit.status.rawValue),
                ])
            }),
        ]
        if unitType == nil {
            object["relations"] = .array(relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }.map { relation in
                .object(["id": .string(relation.id.rawValue), "type": .string(relation.type.rawValue),
                         "from": .string(relation.from.rawValue), "to": .string(relation.to.rawID), "note": optional(relation.note)])
            })
            object["speakers"] = .array(speakers.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }.map { speaker in
                .object(["id": .string(speaker.id.rawValue), "name": .string(speaker.name), "role": optional(speaker.role)])
            })
        }
        return .object(object)
    }
}
