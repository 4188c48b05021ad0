import ArgmarkCore

/// The label an annotator gives one position (token or code point): a unit type, or none.
package enum PositionLabel: Hashable, Sendable, Comparable, CustomStringConvertible {
    case none
    case unit(UnitType)

    /// Every label in report order: `none` first, then the unit types.
    package static let all: [PositionLabel] = [.none] + UnitType.allCases.map(PositionLabel.unit)

    package var description: String {
        switch self {
        case .none: "none"
        case .unit(let type): type.rawValue
        }
    }

    package static func < (lhs: PositionLabel, rhs: PositionLabel) -> Bool {
        all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
    }
}

extension Study {
    /// The label of every position of an article's continuum in one annotator's version.
    ///
    /// A position covered by several units (nested or overlapping units) takes the type of the
    /// shortest of them in code points; ties go to the earlier type in `UnitType` order, then to the
    /// earlier unit in text order.
    package func labels(of article: Article, on continuum: Continuum) -> [PositionLabel] {
        let admitted = units(of: article)
        let sizes = admitted.map { Continuum.codePointCoverage(of: $0).count }
        let ranked = admitted.indices.sorted { lhs, rhs in
            (sizes[lhs], admitted[lhs].type, lhs) < (sizes[rhs], admitted[rhs].type, rhs)
        }
        var labels = [PositionLabel](repeating: .none, count: continuum.length)
        var labelled = [Bool](repeating: false, count: continuum.length)
        for index in ranked {
            let unit = admitted[index]
            for segment in continuum.coverage(of: unit).segments {
                for position in segment.lower..<segment.upper where !labelled[position] {
                    labels[position] = .unit(unit.type)
                    labelled[position] = true
                }
            }
        }
        return labels
    }

    /// The labels of two annotators on every position of the articles both have, in article order.
    package func pairedLabels(_ first: Int, _ second: Int) -> [(PositionLabel, PositionLabel)] {
        var result: [(PositionLabel, PositionLabel)] = []
        for article in shared(first, second) {
            let a = labels(of: article.versions[first]!, on: article.continuum)
            let b = labels(of: article.versions[second]!, on: article.continuum)
            result += zip(a, b).map { ($0, $1) }
        }
        return result
    }

    /// Every position of every article, with each annotator's label or `nil` where the annotator
    /// did not annotate the article (missing data).
    package func labelTable() -> [[PositionLabel?]] {
        var table: [[PositionLabel?]] = []
        for article in articles {
            let columns: [[PositionLabel]?] = article.versions.map { version in
                version.map { labels(of: $0, on: article.continuum) }
            }
            for position in 0..<article.continuum.length {
                table.append(columns.map { $0?[position] })
            }
        }
        return table
    }
}

/// A table counting how often the first annotator's label meets the second's.
package struct ConfusionMatrix: Sendable, Equatable {
    /// Labels either annotator used, in report order (rows and columns).
    package var labels: [PositionLabel]
    /// `counts[row][column]`: positions labelled `labels[row]` by the first annotator and
    /// `labels[column]` by the second.
    package var counts: [[Int]]

    package init<Items: Sequence>(_ items: Items) where Items.Element == (PositionLabel, PositionLabel) {
        var tally: [PositionLabel: [PositionLabel: Int]] = [:]
        var used = Set<PositionLabel>()
        for (a, b) in items {
            tally[a, default: [:]][b, default: 0] += 1
            used.insert(a)
            used.insert(b)
        }
        let ordered = used.sorted()
        labels = ordered
        counts = ordered.map { row in ordered.map { column in tally[row]?[column] ?? 0 } }
    }

    package var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    package var agreed: Int { labels.indices.reduce(0) { $0 + counts[$1][$1] } }
}
