import ArgmarkCore

/// Where a unit is and what it is: two annotators' units are the same unit when these are equal.
package struct UnitKey: Hashable, Sendable, Comparable {
    package var type: UnitType
    /// The span, or `nil` for an implicit unit (then `paraphrase` identifies it).
    package var span: Span?
    package var fragments: [Span]
    package var paraphrase: String?

    package init(_ unit: ArgumentUnit) {
        type = unit.type
        span = unit.span
        fragments = unit.fragments
        paraphrase = unit.span == nil ? unit.quote : nil
    }

    package static func < (lhs: UnitKey, rhs: UnitKey) -> Bool {
        let left = (lhs.span?.start ?? Int.max, lhs.span?.end ?? Int.max), right = (rhs.span?.start ?? Int.max, rhs.span?.end ?? Int.max)
        if left != right { return left < right }
        if lhs.type != rhs.type { return lhs.type < rhs.type }
        if lhs.fragments != rhs.fragments { return lhs.fragments.lexicographicallyPrecedes(rhs.fragments) }
        return (lhs.paraphrase ?? "") < (rhs.paraphrase ?? "")
    }
}

/// A relation between units (or, for `undercuts`, a relation) identified by their keys.
/// Ordered as the text reads: by the source unit, then the type, then the target (units before relations).
package indirect enum RelationKey: Hashable, Sendable, Comparable {
    case toUnit(type: RelationType, from: UnitKey, to: UnitKey)
    case toRelation(type: RelationType, from: UnitKey, to: RelationKey)

    /// The unit the relation starts at.
    package var from: UnitKey {
        switch self {
        case .toUnit(_, let from, _), .toRelation(_, let from, _): from
        }
    }

    var type: RelationType {
        switch self {
        case .toUnit(let type, _, _), .toRelation(let type, _, _): type
        }
    }

    package static func < (lhs: RelationKey, rhs: RelationKey) -> Bool {
        if lhs.from != rhs.from { return lhs.from < rhs.from }
        if lhs.type != rhs.type { return lhs.type.rawValue < rhs.type.rawValue }
        switch (lhs, rhs) {
        case (.toUnit(_, _, let left), .toUnit(_, _, let right)): return left < right
        case (.toUnit, .toRelation): return true
        case (.toRelation, .toUnit): return false
        case (.toRelation(_, _, let left), .toRelation(_, _, let right)): return left < right
        }
    }
}

/// Keys of an article's units and relations, computed without recursion (undercut chains can be long).
package struct KeyedArticle: Sendable {
    package var article: Article
    package var units: [UnitID: UnitKey] = [:]
    package var relations: [RelationID: RelationKey] = [:]

    package init(_ article: Article) {
        self.article = article
        for unit in article.units { units[unit.id] = UnitKey(unit) }
        var pending = article.relations
        while true {
            var next: [Relation] = []
            for relation in pending {
                guard let from = units[relation.from] else { continue }
                switch relation.to {
                case .unit(let id):
                    if let to = units[id] { relations[relation.id] = .toUnit(type: relation.type, from: from, to: to) }
                case .relation(let id):
                    if let to = relations[id] { relations[relation.id] = .toRelation(type: relation.type, from: from, to: to) } else { next.append(relation) }
                }
            }
            // Stops when a round resolves nothing more (what is left points nowhere valid).
            if next.count == pending.count || next.isEmpty { break }
            pending = next
        }
    }

    /// The unit with `key`, if the article has one (the first in the file if it has several).
    package func unit(_ key: UnitKey) -> ArgumentUnit? {
        article.units.first { units[$0.id] == key }
    }

    /// The id of the relation with `key`, if the article has one (the first in the file, not
    /// whichever a dictionary yields first, so the answer is the same on every run).
    package func relationID(_ key: RelationKey) -> RelationID? {
        article.relations.first { relations[$0.id] == key }?.id
    }
}

/// What several annotators' versions of one article agree on, and where they differ.
package struct ArticleMerge: Sendable {
    /// One unit or relation that not every annotator has the same way.
    package struct Conflict: Sendable, Equatable {
        package enum Subject: Sendable, Equatable {
            case unit(UnitKey)
            case relation(RelationKey)
            /// A unit every annotator has, but with different speaker, stance, target or proposition.
            case attributes(UnitKey)
        }
        package var subject: Subject
        /// Indices of the annotators who have it (for attributes: who differ from the first).
        package var annotators: [Int]
        /// The annotators' ids for it, parallel to `annotators`.
        package var ids: [String]
        /// Human-readable: "claim 120-180 \"…\"", "u3 supports u1".
        package var summary: String
    }

    package var names: [String]
    package var keyed: [KeyedArticle]
    /// Units all annotators have (same type and span), in text order.
    package var agreedUnits: [UnitKey]
    /// Relations all annotators have between agreed units.
    package var agreedRelations: [RelationKey]
    package var conflicts: [Conflict]

    /// Compares the versions; they must be annotations of the same text.
    package init(_ articles: [Article], names: [String]) throws(MergeError) {
        guard articles.count >= 2 else { throw .tooFew }
        for (index, article) in articles.enumerated().dropFirst() where article.textDigest != articles[0].textDigest {
            throw .textMismatch(first: names[0], other: names[index])
        }
        let keyed = articles.map(KeyedArticle.init)
        let unitSets = keyed.map { Set($0.units.values) }
        let allUnits = unitSets.reduce(Set<UnitKey>()) { $0.union($1) }
        let agreedUnits = allUnits.filter { key in unitSets.allSatisfy { $0.contains(key) } }.sorted()
        let relationSets = keyed.map { Set($0.relations.values) }
        let allRelations = relationSets.reduce(Set<RelationKey>()) { $0.union($1) }
        let agreedRelations = allRelations.filter { key in relationSets.allSatisfy { $0.contains(key) } }.sorted()
        var conflicts: [Conflict] = []
        for key in allUnits.subtracting(agreedUnits).sorted() {
            let holders = keyed.indices.filter { unitSets[$0].contains(key) }
            conflicts.append(Conflict(subject: .unit(key), annotators: holders,
                                      ids: holders.map { keyed[$0].unit(key)!.id.rawValue }, summary: Self.describe(key, text: articles[0].text)))
        }
        for key in agreedUnits {
            let units = keyed.map { $0.unit(key)! }
            let first = units[0]
            let differ = units.indices.dropFirst().filter { index in
                let unit = units[index]
                return unit.stance != first.stance || unit.target != first.target || unit.proposition != first.proposition
                    || Self.speakerName(unit, keyed[index].article) != Self.speakerName(first, keyed[0].article)
            }
            if !differ.isEmpty {
                conflicts.append(Conflict(subject: .attributes(key), annotators: [0] + differ, ids: ([0] + differ).map { units[$0].id.rawValue },
                                          summary: Self.describe(key, text: articles[0].text) + ": speaker, stance, target or proposition differ"))
            }
        }
        let agreedRelationSet = Set(agreedRelations)
        for key in allRelations.subtracting(agreedRelationSet).sorted() {
            let holders = keyed.indices.filter { relationSets[$0].contains(key) }
            let ids = holders.map { keyed[$0].relationID(key)!.rawValue }
            conflicts.append(Conflict(subject: .relation(key), annotators: holders, ids: ids, summary: Self.describe(key, in: keyed[holders[0]])))
        }
        self.names = names
        self.keyed = keyed
        self.agreedUnits = agreedUnits
        self.agreedRelations = agreedRelations
        // Document order, then id: the order is a function of the versions alone, never of the
        // order a Set or Dictionary happened to yield in this process.
        self.conflicts = conflicts.sorted(by: Self.documentOrder)
    }

    /// Where in the text a conflict is (a unit's span, a relation's source unit), then its ids,
    /// then the rest, so no two different conflicts tie.
    static func documentOrder(_ lhs: Conflict, _ rhs: Conflict) -> Bool {
        func place(_ subject: Conflict.Subject) -> (anchor: UnitKey, rank: Int) {
            switch subject {
            case .unit(let key): (key, 0)
            case .attributes(let key): (key, 1)
            case .relation(let key): (key.from, 2)
            }
        }
        let (left, right) = (place(lhs.subject), place(rhs.subject))
        if left.anchor != right.anchor { return left.anchor < right.anchor }
        if left.rank != right.rank { return left.rank < right.rank }
        if lhs.ids != rhs.ids {
            for (a, b) in zip(lhs.ids, rhs.ids) where a != b { return naturalLess(a, b) }
            return lhs.ids.count < rhs.ids.count
        }
        if case .relation(let a) = lhs.subject, case .relation(let b) = rhs.subject, a != b { return a < b }
        if lhs.annotators != rhs.annotators { return lhs.annotators.lexicographicallyPrecedes(rhs.annotators) }
        return naturalLess(lhs.summary, rhs.summary)
    }

    static func speakerName(_ unit: ArgumentUnit, _ article: Article) -> String? {
        unit.speaker.map { article.speaker($0)?.name ?? $0.rawValue }
    }

    /// The article with what every annotator agrees on: the first version's text and metadata,
    /// the agreed units (attributes only where all agree) and relations, fresh ids in text order.
    package func merged() -> Article {
        let base = keyed[0].article
        var article = Article(id: base.id, metadata: base.metadata, text: base.text)
        var ids: [UnitKey: UnitID] = [:]
        var speakers: [Speaker] = []
        for (index, key) in agreedUnits.enumerated() {
            let versions = keyed.map { $0.unit(key)! }
            var unit = versions[0]
            unit.id = UnitID("u\(index + 1)")
            let agree = versions.allSatisfy { $0.stance == unit.stance && $0.target == unit.target }
            if !agree { unit.stance = nil; unit.target = nil }
            if !versions.allSatisfy({ $0.proposition == unit.proposition }) { unit.proposition = nil }
            let names = zip(versions, keyed).map { Self.speakerName($0, $1.article) }
            if !names.allSatisfy({ $0 == names[0] }) { unit.speaker = nil }
            if let speaker = unit.speaker, !speakers.contains(where: { $0.id == speaker }), let declared = base.speaker(speaker) {
                speakers.append(declared)
            }
            unit.note = nil
            ids[key] = unit.id
            article.units.append(unit)
        }
        article.speakers = speakers.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        var relationIDs: [RelationKey: RelationID] = [:]
        var pending = agreedRelations
        var number = 0
        while !pending.isEmpty {
            var next: [RelationKey] = []
            for key in pending {
                let endpoint: RelationEndpoint?
                let from: UnitKey, type: RelationType
                switch key {
                case .toUnit(let t, let f, let to): (type, from, endpoint) = (t, f, ids[to].map { .unit($0) })
                case .toRelation(let t, let f, let to):
                    (type, from) = (t, f)
                    endpoint = relationIDs[to].map { .relation($0) }
                    if endpoint == nil, agreedRelations.contains(to) { next.append(key); continue }
                }
                guard let endpoint, let source = ids[from] else { continue }
                number += 1
                let id = RelationID("r\(number)")
                relationIDs[key] = id
                article.relations.append(Relation(id: id, type: type, from: source, to: endpoint))
            }
            if next.count == pending.count { break }
            pending = next
        }
        return article
    }

    /// "claim 12-40 “quote…”".
    package static func describe(_ key: UnitKey, text: String) -> String {
        let where_: String
        if let span = key.span {
            let scalars = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[max(0, span.start)..<min(scalars.count, span.end)].prefix(60))
            where_ = "\(span.start)-\(span.end) \u{201C}\(String(view))\(span.length > 60 ? "…" : "")\u{201D}"
        } else {
            where_ = "implicit \u{201C}\(key.paraphrase ?? "")\u{201D}"
        }
        return "\(key.type.rawValue) \(where_)"
    }

    /// "u3 supports u1" in the ids of `article`.
    package static func describe(_ key: RelationKey, in article: KeyedArticle) -> String {
        func id(_ unit: UnitKey) -> String { article.unit(unit)?.id.rawValue ?? "?" }
        switch key {
        case .toUnit(let type, let from, let to): return "\(id(from)) \(type.rawValue) \(id(to))"
        case .toRelation(let type, let from, let to):
            let target = article.relationID(to)?.rawValue ?? "?"
            return "\(id(from)) \(type.rawValue) \(target)"
        }
    }
}

/// Why versions cannot be merged.
package enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFew
    case textMismatch(first: String, other: String)

    package var description: String {
        switch self {
        case .tooFew: "merging needs at least two annotators' versions of the article"
        case .textMismatch(let first, let other): "\(other) has a different text than \(first); merge versions of the same article"
        }
    }
}
