import ArgmarkCore
/// A linear-chain model over a document's segments: a weight per (feature, tag), and a weight
/// per (boundary, previous tag, tag) transition. Decoded with Viterbi; confidences are the
/// posterior marginals from forward–backward over the same scores divided by a temperature
/// (chosen on held-out folds when training), so they behave like probabilities.
package struct SequenceModel: Sendable, Equatable {
    /// Feature hash → row of ``emission``.
    package var rows: [UInt32: Int]
    /// `rows.count × Tags.count` weights, row-major.
    package var emission: [Float]
    /// `Boundary.allCases.count × Tags.count × Tags.count` weights: [boundary][previous][tag].
    package var transition: [Float]
    /// Weights of each tag on the first segment of a document.
    package var start: [Float]
    package var temperature: Float

    package static let transitionCount = Boundary.allCases.count * Tags.count * Tags.count

    package init(rows: [UInt32: Int] = [:], emission: [Float] = [], transition: [Float]? = nil, start: [Float]? = nil, temperature: Float = 1) {
        self.rows = rows
        self.emission = emission
        self.transition = transition ?? [Float](repeating: 0, count: Self.transitionCount)
        self.start = start ?? [Float](repeating: 0, count: Tags.count)
        self.temperature = temperature
    }

    @inline(__always) package static func transitionIndex(_ boundary: Boundary, _ previous: Int, _ tag: Int) -> Int {
        (boundary.rawValue * Tags.count + previous) * Tags.count + tag
    }

    /// The score of each tag for each segment from its features alone.
    package func emissions(_ features: [[UInt32]]) -> [[Float]] {
        features.map { hashes in
            var scores = [Float](repeating: 0, count: Tags.count)
            for hash in hashes {
                guard let row = rows[hash] else { continue }
                let base = row * Tags.count
                for tag in 0..<Tags.count { scores[tag] += emission[base + tag] }
            }
            return scores
        }
    }

    /// The best tag sequence (Viterbi), respecting ``Tags/allowed(_:_:)``.
    package func decode(_ emissions: [[Float]], _ boundaries: [Boundary]) -> [Int] {
        let n = emissions.count
        guard n > 0 else { return [] }
        let impossible = -Float.infinity
        var best = [[Float]](repeating: [Float](repeating: impossible, count: Tags.count), count: n)
        var back = [[Int]](repeating: [Int](repeating: 0, count: Tags.count), count: n)
        for tag in 0..<Tags.count where Tags.allowed(nil, tag) { best[0][tag] = start[tag] + emissions[0][tag] }
        for i in 1..<n {
            let boundary = boundaries[i]
            for tag in 0..<Tags.count {
                var top = impossible, argument = 0
                for previous in 0..<Tags.count where best[i - 1][previous] > impossible && Tags.allowed(previous, tag) {
                    let score = best[i - 1][previous] + transition[Self.transitionIndex(boundary, previous, tag)]
                    if score > top { top = score; argument = previous }
                }
                best[i][tag] = top + emissions[i][tag]
                back[i][tag] = argument
            }
        }
        var tag = 0
        for candidate in 1..<Tags.count where best[n - 1][candidate] > best[n - 1][tag] { tag = candidate }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = tag
        var i = n - 1
        while i > 0 {
            tag = back[i][tag]
            path[i - 1] = tag
            i -= 1
        }
        return path
    }

    /// The posterior probability of each tag at each segment (forward–backward in log space).
    package func marginals(_ emissions: [[Float]], _ boundaries: [Boundary], temperature: Float? = nil) -> [[Double]] {
        let n = emissions.count
        guard n > 0 else { return [] }
        let t = Double(temperature ?? self.temperature)
        let impossible = -Double.infinity
        func logSum(_ values: [Double]) -> Double {
            let top = values.max() ?? impossible
            guard top > impossible else { return impossible }
            return top + Platform.logarithm(values.reduce(0) { $0 + Platform.exponential($1 - top) })
        }
        func transitionScore(_ i: Int, _ previous: Int, _ tag: Int) -> Double {
            Tags.allowed(previous, tag) ? Double(transition[Self.transitionIndex(boundaries[i], previous, tag)]) / t : impossible
        }
        var alpha = [[Double]](repeating: [Double](repeating: impossible, count: Tags.count), count: n)
        var beta = alpha
        for tag in 0..<Tags.count where Tags.allowed(nil, tag) { alpha[0][tag] = Double(start[tag] + emissions[0][tag]) / t }
        if n > 1 {
            for i in 1..<n {
                for tag in 0..<Tags.count {
                    alpha[i][tag] = logSum((0..<Tags.count).map { alpha[i - 1][$0] + transitionScore(i, $0, tag) }) + Double(emissions[i][tag]) / t
                }
            }
        }
        for tag in 0..<Tags.count { beta[n - 1][tag] = 0 }
        var i = n - 2
        while i >= 0 {
            for previous in 0..<Tags.count {
                beta[i][previous] = logSum((0..<Tags.count).map { transitionScore(i + 1, previous, $0) + Double(emissions[i + 1][$0]) / t + beta[i + 1][$0] })
            }
            i -= 1
        }
        let total = logSum(alpha[n - 1])
        return (0..<n).map { i in (0..<Tags.count).map { tag in Platform.exponential(alpha[i][tag] + beta[i][tag] - total) } }
    }
}
