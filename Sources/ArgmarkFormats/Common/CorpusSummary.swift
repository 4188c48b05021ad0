import ArgmarkCore

/// Counts of what a batch holds, so an import can be compared with the source corpus's own totals.
package struct CorpusSummary: Sendable, Equatable {
    package var documents = 0
    package var unitsByType: [String: Int] = [:]
    /// Units by the label they had in the source corpus (`pro`, `Premise`, ...).
    package var unitsBySourceLabel: [String: Int] = [:]
    package var implicitUnits = 0
    package var relationsByType: [String: Int] = [:]
    package var relationsBySourceLabel: [String: Int] = [:]

    package init() {}

    package init(_ articles: [Article]) {
        for article in articles { add(article) }
    }

    package var units: Int { unitsByType.values.reduce(0, +) }
    package var relations: Int { relationsByType.values.reduce(0, +) }

    package mutating func add(_ article: Article) {
        documents += 1
        for unit in article.units {
            unitsByType[unit.type.rawValue, default: 0] += 1
            if let label = unit.sourceLabel { unitsBySourceLabel[label, default: 0] += 1 }
            if unit.isImplicit { implicitUnits += 1 }
        }
        for relation in article.relations {
            relationsByType[relation.type.rawValue, default: 0] += 1
            if let label = relation.sourceLabel { relationsBySourceLabel[label, default: 0] += 1 }
        }
    }

    /// One line: `NAME: 112 documents; 576 units (claim 300, ...; source opp 125, pro 451); ...`.
    package func line(name: String) -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
        }
        var unitsPart = "\(units) units (\(list(unitsByType))"
        if !unitsBySourceLabel.isEmpty { unitsPart += "; source labels: \(list(unitsBySourceLabel))" }
        if implicitUnits > 0 { unitsPart += "; \(implicitUnits) implicit" }
        unitsPart += ")"
        var relationsPart = "\(relations) relations (\(list(relationsByType))"
        if !relationsBySourceLabel.isEmpty { relationsPart += "; source labels: \(list(relationsBySourceLabel))" }
        relationsPart += ")"
        return "\(name): \(documents) \(documents == 1 ? "document" : "documents"), \(unitsPart), \(relationsPart)"
    }
}
