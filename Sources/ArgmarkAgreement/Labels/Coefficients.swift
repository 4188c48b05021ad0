/// Cohen's kappa for two annotators who labelled the same items.
///
/// `κ = (p_o − p_e) / (1 − p_e)` with `p_o` the share of items labelled alike and
/// `p_e = Σ_c p_first(c) · p_second(c)`, each annotator's own label distribution (Cohen 1960),
/// as scikit-learn's `cohen_kappa_score` computes it. Evaluated in integers up to one division.
package enum CohenKappa {
    /// The coefficient, or `nil` when it is undefined: no items, or `p_e = 1` (both annotators gave
    /// every item one and the same label, so chance alone explains their agreement; scikit-learn
    /// returns NaN there).
    package static func value<Label: Hashable>(_ items: [(Label, Label)]) -> Double? {
        let n = items.count
        guard n > 0 else { return nil }
        var firstCounts: [Label: Int] = [:], secondCounts: [Label: Int] = [:]
        var agreed = 0
        for (a, b) in items {
            firstCounts[a, default: 0] += 1
            secondCounts[b, default: 0] += 1
            if a == b { agreed += 1 }
        }
        let chance = firstCounts.reduce(0) { $0 + $1.value * (secondCounts[$1.key] ?? 0) }
        // κ = (n·agreed − chance) / (n² − chance), both sides multiplied by n².
        let denominator = n * n - chance
        guard denominator != 0 else { return nil }
        return Double(n * agreed - chance) / Double(denominator)
    }
}

/// Krippendorff's alpha for nominal data, any number of annotators, missing values allowed.
///
/// `α = 1 − D_o / D_e`, from the coincidence matrix (Krippendorff 2004, *Content Analysis*, 2nd
/// ed., ch. 11; 2011 "Computing Krippendorff's alpha-reliability"): every item with `m_u ≥ 2`
/// values contributes its ordered pairs of values from different annotators, weighted
/// `1 / (m_u − 1)`; items with fewer than two values are not pairable and are ignored.
/// With `n_c` the pairable values of category `c` and `n = Σ n_c`:
/// `α = 1 − (n − 1) · Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)  ÷  (n² − Σ_c n_c²)`.
package enum KrippendorffAlpha {
    /// The coefficient, or `nil` when it is undefined: fewer than two pairable values, or all
    /// pairable values equal (`D_e = 0`; the `krippendorff` package raises or returns NaN there).
    package static func nominal<Label: Hashable>(_ items: [[Label?]]) -> Double? {
        var categoryTotals: [Label: Int] = [:]
        // Disagreeing ordered pairs, grouped by m_u so that each group is divided once.
        var disagreementsByValueCount: [Int: Int] = [:]
        for item in items {
            let values = item.compactMap { $0 }
            guard values.count >= 2 else { continue }
            var counts: [Label: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            let m = values.count
            disagreementsByValueCount[m, default: 0] += m * m - counts.values.reduce(0) { $0 + $1 * $1 }
            for (label, count) in counts { categoryTotals[label, default: 0] += count }
        }
        let n = categoryTotals.values.reduce(0, +)
        let expected = n * n - categoryTotals.values.reduce(0) { $0 + $1 * $1 }
        guard n >= 2, expected > 0 else { return nil }
        var observed = 0.0
        for m in disagreementsByValueCount.keys.sorted() {
            observed += Double(disagreementsByValueCount[m]!) / Double(m - 1)
        }
        return 1 - Double(n - 1) * observed / Double(expected)
    }
}
