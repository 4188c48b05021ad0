import ArgmarkCore

/// Agreement on stance between units both annotators marked (paired by the overlap rule).
///
/// Each matched pair is one item; its label is the unit's stance and target (`favor@metoo`), or
/// `none` when the unit has no stance. Reported as the share of pairs labelled alike and as Cohen's
/// kappa over the pairs.
package struct StanceScores: Sendable {
    /// Matched unit pairs.
    package var items: Int
    /// Pairs with the same stance toward the same target (or both without stance).
    package var agreed: Int
    package var kappa: Double?
    /// `agreed / items`; `nil` without matched units.
    package var observed: Double? { items == 0 ? nil : Double(agreed) / Double(items) }

    package static func label(_ unit: ArgumentUnit) -> String {
        guard let stance = unit.stance else { return "none" }
        return stance.rawValue + "@" + (unit.target?.rawValue ?? "")
    }

    package static func compute(_ study: Study, first: Int, second: Int) -> StanceScores {
        compute(study.articlePairs(first, second))
    }

    package static func compute(_ articles: [ArticlePair]) -> StanceScores {
        var items: [(String, String)] = []
        for article in articles {
            let alignment = article.overlap
            items += alignment.pairs.map { (label(alignment.first[$0.first]), label(alignment.second[$0.second])) }
        }
        return StanceScores(items: items.count, agreed: items.filter { $0.0 == $0.1 }.count, kappa: CohenKappa.value(items))
    }
}
