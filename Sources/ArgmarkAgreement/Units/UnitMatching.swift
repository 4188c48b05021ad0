import ArgmarkCore

/// How two annotators' units are paired.
package enum MatchingRule: String, Sendable, CaseIterable {
    /// Same type and the very same code points (span, and fragments if any).
    case exact
    /// The Feedback Prize rule: same type, and the overlap holds at least half of each unit,
    /// counted in the study's granularity (tokens or code points); the overlap must not be empty.
    case overlap
}

/// A one-to-one pairing of the units two annotators marked in one article.
package struct UnitAlignment: Sendable {
    /// Matched pairs, as indices into `first` and `second`.
    package var pairs: [(first: Int, second: Int)]
    package var first: [ArgumentUnit]
    package var second: [ArgumentUnit]

    /// The unit of the second annotation matched to each unit id of the first, and back.
    package var firstToSecond: [UnitID: UnitID] {
        Dictionary(pairs.map { (first[$0.first].id, second[$0.second].id) }, uniquingKeysWith: { lhs, _ in lhs })
    }

    /// Pairs units under `rule`.
    ///
    /// Every pair of units that satisfies the rule is a candidate; candidates are accepted greedily,
    /// best first, skipping units already used, so that each unit is matched at most once and the
    /// pairing is the same whichever annotator comes first. "Best" is the larger overlap relative
    /// to the union (intersection over union, compared exactly as fractions), then the earlier unit
    /// of the first annotator, then of the second (units in text order).
    package static func align(_ first: [ArgumentUnit], _ second: [ArgumentUnit], rule: MatchingRule, continuum: Continuum) -> UnitAlignment {
        struct Candidate {
            var first: Int, second: Int, overlap: Int, union: Int
        }
        let measure: (ArgumentUnit) -> Coverage = { unit in
            rule == .exact ? Continuum.codePointCoverage(of: unit) : continuum.coverage(of: unit)
        }
        let firstCoverage = first.map(measure), secondCoverage = second.map(measure)
        let firstTypes = first.map(\.type), secondTypes = second.map(\.type)
        var candidates: [Candidate] = []
        // Only units whose extents meet can match: sweep both lists by where they start, keeping
        // the second annotator's units that began earlier and are still open.
        let firstOrder = first.indices.filter { !firstCoverage[$0].segments.isEmpty }
            .sorted { (firstCoverage[$0].segments[0].lower, $0) < (firstCoverage[$1].segments[0].lower, $1) }
        let secondOrder = second.indices.filter { !secondCoverage[$0].segments.isEmpty }
            .sorted { (secondCoverage[$0].segments[0].lower, $0) < (secondCoverage[$1].segments[0].lower, $1) }
        let lower: (Coverage) -> Int = { $0.segments[0].lower }
        let upper: (Coverage) -> Int = { $0.segments[$0.segments.count - 1].upper }
        var next = 0
        var open: [Int] = []
        for i in firstOrder {
            let a = firstCoverage[i]
            while next < secondOrder.count, lower(secondCoverage[secondOrder[next]]) < lower(a) {
                open.append(secondOrder[next])
                next += 1
            }
            open.removeAll { upper(secondCoverage[$0]) <= lower(a) }
            var nearby = open
            var ahead = next
            while ahead < secondOrder.count, lower(secondCoverage[secondOrder[ahead]]) < upper(a) {
                nearby.append(secondOrder[ahead])
                ahead += 1
            }
            for j in nearby where firstTypes[i] == secondTypes[j] {
                let b = secondCoverage[j]
                switch rule {
                case .exact:
                    if a == b { candidates.append(Candidate(first: i, second: j, overlap: a.count, union: a.count)) }
                case .overlap:
                    let overlap = a.intersectionCount(with: b)
                    if overlap > 0, 2 * overlap >= a.count, 2 * overlap >= b.count {
                        candidates.append(Candidate(first: i, second: j, overlap: overlap, union: a.count + b.count - overlap))
                    }
                }
            }
        }
        candidates.sort { lhs, rhs in
            // lhs.overlap / lhs.union > rhs.overlap / rhs.union, without rounding.
            let left = lhs.overlap * rhs.union, right = rhs.overlap * lhs.union
            if left != right { return left > right }
            return (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
        var usedFirst = Set<Int>(), usedSecond = Set<Int>()
        var pairs: [(first: Int, second: Int)] = []
        for candidate in candidates where !usedFirst.contains(candidate.first) && !usedSecond.contains(candidate.second) {
            usedFirst.insert(candidate.first)
            usedSecond.insert(candidate.second)
            pairs.append((candidate.first, candidate.second))
        }
        pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        return UnitAlignment(pairs: pairs, first: first, second: second)
    }
}

/// Matched and total counts of one unit type (or of all types together).
package struct MatchCounts: Sendable, Equatable {
    /// Units of the first annotator (the reference for recall).
    package var first: Int = 0
    /// Units of the second annotator (the reference for precision).
    package var second: Int = 0
    package var matched: Int = 0

    package init(first: Int = 0, second: Int = 0, matched: Int = 0) {
        self.first = first
        self.second = second
        self.matched = matched
    }

    /// Matched units of the second annotator over all of theirs; `nil` when they have none.
    package var precision: Double? { second == 0 ? nil : Double(matched) / Double(second) }
    /// Matched units of the first annotator over all of theirs; `nil` when they have none.
    package var recall: Double? { first == 0 ? nil : Double(matched) / Double(first) }
    /// `2·matched / (first + second)`, symmetric in the annotators; `nil` when neither has a unit.
    package var f1: Double? { first + second == 0 ? nil : Double(2 * matched) / Double(first + second) }

    static func + (lhs: MatchCounts, rhs: MatchCounts) -> MatchCounts {
        MatchCounts(first: lhs.first + rhs.first, second: lhs.second + rhs.second, matched: lhs.matched + rhs.matched)
    }
}

/// Precision, recall and F1 of one annotator's units against another's, per type, macro and micro.
package struct UnitScores: Sendable {
    package var rule: MatchingRule
    /// Counts for every type either annotator used, in `UnitType` order.
    package var byType: [(type: UnitType, counts: MatchCounts)]
    /// All types pooled.
    package var micro: MatchCounts

    /// The mean over `byType` of per-type precision; an undefined precision counts as 0
    /// (scikit-learn's `zero_division=0`). `nil` when no type occurs.
    package var macroPrecision: Double? { Self.mean(byType.map { $0.counts.precision ?? 0 }) }
    /// The mean of per-type recall, undefined counting as 0.
    package var macroRecall: Double? { Self.mean(byType.map { $0.counts.recall ?? 0 }) }
    /// The mean of per-type F1 (the Feedback Prize score); `nil` when no type occurs.
    package var macroF1: Double? { Self.mean(byType.map { $0.counts.f1 ?? 0 }) }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Scores the second annotator against the first over the articles both have.
    package static func compute(_ study: Study, first: Int, second: Int, rule: MatchingRule) -> UnitScores {
        compute(study.articlePairs(first, second), rule: rule)
    }

    /// Scores the second annotator against the first over already aligned articles.
    package static func compute(_ articles: [ArticlePair], rule: MatchingRule) -> UnitScores {
        var counts: [UnitType: MatchCounts] = [:]
        for article in articles {
            let alignment = article.alignment(rule)
            let a = alignment.first, b = alignment.second
            for unit in a { counts[unit.type, default: MatchCounts()].first += 1 }
            for unit in b { counts[unit.type, default: MatchCounts()].second += 1 }
            for pair in alignment.pairs { counts[a[pair.first].type, default: MatchCounts()].matched += 1 }
        }
        var byType: [(type: UnitType, counts: MatchCounts)] = []
        var micro = MatchCounts()
        for type in UnitType.allCases {
            guard let typeCounts = counts[type] else { continue }
            byType.append((type, typeCounts))
            micro = micro + typeCounts
        }
        return UnitScores(rule: rule, byType: byType, micro: micro)
    }
}

/// One article as two annotators marked it, with their units paired under both rules.
package struct ArticlePair: Sendable {
    package var first: Article
    package var second: Article
    package var exact: UnitAlignment
    package var overlap: UnitAlignment

    package func alignment(_ rule: MatchingRule) -> UnitAlignment {
        rule == .exact ? exact : overlap
    }
}

extension Study {
    /// The articles two annotators share, each with its units aligned, computed once for every
    /// pairwise measure.
    package func articlePairs(_ first: Int, _ second: Int) -> [ArticlePair] {
        shared(first, second).map { article in
            let a = units(of: article.versions[first]!)
            let b = units(of: article.versions[second]!)
            return ArticlePair(first: article.versions[first]!, second: article.versions[second]!,
                               exact: UnitAlignment.align(a, b, rule: .exact, continuum: article.continuum),
                               overlap: UnitAlignment.align(a, b, rule: .overlap, continuum: article.continuum))
        }
    }
}
