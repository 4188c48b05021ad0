import ArgmarkCore

/// Krippendorff's unitized alpha (αU): agreement on where units of each type begin and end.
///
/// The variant is the one of Krippendorff (1995), "On the reliability of unitizing continuous data",
/// *Sociological Methodology* 25:47–76, restated in Krippendorff (2004), *Content Analysis*, 2nd ed.,
/// as implemented by DKPro Agreement's `KrippendorffAlphaUnitizingAgreement` (Meyer et al. 2014),
/// the library of Habernal & Gurevych's (2017) lab (which implementation produced their published
/// figures is not verified here). For each unit type `c`, every
/// annotator's continuum (all articles that every annotator has, concatenated in id order; positions
/// are tokens or code points) is cut into units of `c` and the gaps between them, and
///
/// - `D_o(c) = Σ_{i≠j} Σ_g Σ_h δ²(g_i, h_j) / (m (m − 1) L²)`, where for a unit `g` of annotator `i`
///   and a segment `h` of annotator `j`: `δ² = (b_g − b_h)² + (e_g − e_h)²` when both are units and
///   they overlap; `δ² = l_g²` when `h` is a gap that contains `g`; symmetrically `l_h²`; else 0;
/// - `D_e(c) = (2 / L) · Σ_units [ (N_c − 1)(2l³ − 3l² + l) / 3 + l² · Σ_{gaps G ≥ l} (G − l + 1) ]
///   / (m L (m L − 1) − Σ_units l (l − 1))`, with `N_c` the units of `c` of all annotators and the
///   gaps those of all annotators;
/// - `αU(c) = 1 − D_o(c) / D_e(c)`, and over all types `αU = 1 − Σ_c D_o(c) / Σ_c D_e(c)` (DKPro
///   averages both sums over the types, which gives the same ratio).
///
/// Types no annotator used are left out. An annotator's units of one type that overlap are merged
/// into one (the measure assumes they do not overlap); units that only touch stay apart. A
/// discontinuous unit contributes each of its fragments. Unlike DKPro, which returns 0 when
/// `D_o = D_e`, an undefined value (`D_e = 0`, e.g. no unit at all) is reported as `nil`.
package struct UnitizedAlpha: Sendable {
    /// One type's disagreements.
    package struct Category: Sendable {
        package var type: UnitType
        package var observed: Double
        package var expected: Double
        package var value: Double? { expected == 0 ? nil : 1 - observed / expected }
    }

    /// Types in `UnitType` order.
    package var categories: [Category]
    /// The length of the whole continuum, in the study's granularity.
    package var length: Int
    /// How many articles (those all annotators have) the continuum spans.
    package var articleCount: Int

    /// `1 − Σ D_o / Σ D_e`; `nil` when no type occurs or the expected disagreement is 0.
    package var overall: Double? {
        let expected = categories.reduce(0) { $0 + $1.expected }
        guard !categories.isEmpty, expected != 0 else { return nil }
        return 1 - categories.reduce(0) { $0 + $1.observed } / expected
    }

    package static func compute(_ study: Study) -> UnitizedAlpha {
        let raterCount = study.annotators.count
        var units = [UnitType: [[Segment]]]()
        var offset = 0
        let articles = study.complete
        for article in articles {
            for rater in 0..<raterCount {
                var byType: [UnitType: [Segment]] = [:]
                for unit in study.units(of: article.versions[rater]!) {
                    byType[unit.type, default: []] += article.continuum.coverage(of: unit).segments.map {
                        Segment($0.lower + offset, $0.upper + offset)
                    }
                }
                for (type, segments) in byType {
                    units[type, default: Array(repeating: [], count: raterCount)][rater] += segments
                }
            }
            offset += article.continuum.length
        }
        let length = offset
        var categories: [Category] = []
        for type in UnitType.allCases {
            guard let raw = units[type] else { continue }
            let segments = raw.map(mergeOverlapping)
            categories.append(Category(type: type,
                                       observed: observedDisagreement(segments, length: length),
                                       expected: expectedDisagreement(segments, length: length)))
        }
        return UnitizedAlpha(categories: categories, length: length, articleCount: articles.count)
    }

    /// Sorts segments and merges those that share a position; touching segments stay apart.
    static func mergeOverlapping(_ segments: [Segment]) -> [Segment] {
        var merged: [Segment] = []
        for segment in segments.filter({ $0.length > 0 }).sorted() {
            if let last = merged.last, segment.lower < last.upper {
                merged[merged.count - 1].upper = max(last.upper, segment.upper)
            } else {
                merged.append(segment)
            }
        }
        return merged
    }

    /// `D_o(c)`: for each ordered pair of annotators, overlapping units disagree by the squared
    /// differences of their bounds, and a unit the other annotator left in a gap by its squared length.
    static func observedDisagreement(_ raters: [[Segment]], length: Int) -> Double {
        let m = raters.count
        guard length > 0, m >= 2 else { return 0 }
        var total = 0.0
        for i in 0..<m {
            for j in 0..<m where j != i {
                // The formula sums over all segments g of i and h of j, so for the ordered pair
                // (i, j) a unit of i inside a gap of j counts, and so does a unit of j inside a gap
                // of i; the second is the first of the pair (j, i), hence the factor 2 below. A pair
                // of overlapping units is met once from each side, as the formula has it.
                // Both lists are sorted and disjoint, so the units of j that overlap successive
                // units of i start at a position that only moves forward.
                let others = raters[j]
                var first = 0
                for g in raters[i] {
                    while first < others.count, others[first].upper <= g.lower { first += 1 }
                    var index = first
                    var overlapsAny = false
                    while index < others.count, others[index].lower < g.upper {
                        let h = others[index]
                        overlapsAny = true
                        let begin = Double(g.lower - h.lower), end = Double(g.upper - h.upper)
                        total += begin * begin + end * end
                        index += 1
                    }
                    if !overlapsAny { total += 2 * Double(g.length) * Double(g.length) }
                }
            }
        }
        return total / (Double(m) * Double(m - 1) * Double(length) * Double(length))
    }

    /// `D_e(c)`: the disagreement expected if the same units and gaps were placed at random.
    static func expectedDisagreement(_ raters: [[Segment]], length: Int) -> Double {
        let m = raters.count
        let units = raters.flatMap { $0 }
        guard length > 0, !units.isEmpty else { return 0 }
        var gaps: [Int] = []
        for segments in raters {
            var position = 0
            for segment in segments {
                if segment.lower > position { gaps.append(segment.lower - position) }
                position = segment.upper
            }
            if length > position { gaps.append(length - position) }
        }
        // Σ_{G ≥ l} (G − l + 1) = (sum of those gaps) − (their number)·(l − 1): gaps sorted,
        // with suffix sums, so each unit needs one binary search.
        gaps.sort()
        var suffixSums = [Int](repeating: 0, count: gaps.count + 1)
        for index in stride(from: gaps.count - 1, through: 0, by: -1) {
            suffixSums[index] = suffixSums[index + 1] + gaps[index]
        }
        let unitCount = Double(units.count)
        var numerator = 0.0
        var squaredLengths = 0.0
        for unit in units {
            var low = 0, high = gaps.count
            while low < high {
                let middle = (low + high) / 2
                if gaps[middle] < unit.length { low = middle + 1 } else { high = middle }
            }
            let l = Double(unit.length)
            let fits = Double(suffixSums[low]) - Double(gaps.count - low) * (l - 1)
            numerator += (unitCount - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * fits
            squaredLengths += l * (l - 1)
        }
        let total = Double(m) * Double(length)
        let denominator = total * (total - 1) - squaredLengths
        guard denominator != 0 else { return 0 }
        return 2 / Double(length) * numerator / denominator
    }
}
