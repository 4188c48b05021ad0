import ArgmarkCore

/// Every agreement measure for one set of annotations: the coefficients over all annotators, and
/// for each pair of annotators (in command-line order) the pairwise scores.
package struct AgreementReport: Sendable {
    /// What two annotators agree on; scores of the second are taken against the first.
    package struct Pair: Sendable {
        package var first: Int
        package var second: Int
        /// Articles both annotated.
        package var articleCount: Int
        package var exact: UnitScores
        package var overlap: UnitScores
        /// Positions (tokens or code points) of the articles both annotated.
        package var positions: Int
        package var kappa: Double?
        package var confusion: ConfusionMatrix
        package var relations: RelationScores
        package var stance: StanceScores
    }

    package var annotators: [String]
    package var granularity: Granularity
    /// Compared articles by id, with the indices of the annotators who have each.
    package var articles: [(id: String, annotators: [Int])]
    /// Articles left out because only one annotator has them.
    package var unpaired: [(article: String, annotator: String)]
    /// Krippendorff's alpha (nominal) over position labels, all annotators, missing data allowed.
    package var alpha: Double?
    /// Positions labelled by at least two annotators (alpha's pairable items).
    package var alphaPositions: Int
    package var unitizedAlpha: UnitizedAlpha
    package var pairs: [Pair]

    /// Computes every measure on a study.
    package init(study: Study) {
        annotators = study.annotators
        granularity = study.granularity
        articles = study.articles.map { ($0.id, $0.annotatorIndices) }
        unpaired = study.unpaired
        let table = study.labelTable()
        alpha = KrippendorffAlpha.nominal(table)
        alphaPositions = table.filter { $0.compactMap { $0 }.count >= 2 }.count
        unitizedAlpha = UnitizedAlpha.compute(study)
        var pairs: [Pair] = []
        for first in study.annotators.indices {
            for second in study.annotators.indices where second > first {
                let labels = study.pairedLabels(first, second)
                let articles = study.articlePairs(first, second)
                pairs.append(Pair(
                    first: first, second: second,
                    articleCount: articles.count,
                    exact: UnitScores.compute(articles, rule: .exact),
                    overlap: UnitScores.compute(articles, rule: .overlap),
                    positions: labels.count,
                    kappa: CohenKappa.value(labels),
                    confusion: ConfusionMatrix(labels),
                    relations: RelationScores.compute(articles),
                    stance: StanceScores.compute(articles)))
            }
        }
        self.pairs = pairs
    }

    /// Reads the annotations and computes the report.
    package init(annotators: [Annotator], granularity: Granularity, filter: UnitFilter = UnitFilter()) throws(AgreementError) {
        self.init(study: try Study(annotators: annotators, granularity: granularity, filter: filter))
    }
}
