import ArgmarkCore
/// A linear model that picks one of several candidates, each described by its own hashed
/// features (already joined with the candidate's label, so one weight table serves every
/// label). Relations use it to choose which unit a unit supports or attacks (or none), stance
/// to choose a target and a stance (or none).
package struct ChoiceModel: Sendable, Equatable {
    package var weights: [UInt32: Float]

    package init(weights: [UInt32: Float] = [:]) { self.weights = weights }

    package func score(_ features: [UInt32]) -> Float {
        var total: Float = 0
        for hash in features { total += weights[hash] ?? 0 }
        return total
    }

    /// The best candidate (the first of equals) and the softmax probability of each.
    package func choose(_ candidates: [[UInt32]], temperature: Float = 1) -> (best: Int, probabilities: [Double])? {
        guard !candidates.isEmpty else { return nil }
        let scores = candidates.map(score)
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        let top = Double(scores[best])
        let exponentials = scores.map { Platform.exponential((Double($0) - top) / Double(max(temperature, 1e-3))) }
        let total = exponentials.reduce(0, +)
        return (best, exponentials.map { $0 / total })
    }
}

/// One decision to learn: the candidates and which of them is right.
package struct ChoiceInstance: Sendable {
    package var candidates: [[UInt32]]
    package var gold: Int
}

/// Averaged perceptron for ``ChoiceModel`` (deterministic, as ``SequenceTrainer``).
package struct ChoiceTrainer {
    package var epochs = 10
    package var maximumFeatures = 20_000

    package init() {}

    package func train(_ instances: [ChoiceInstance]) -> ChoiceModel {
        var weights: [UInt32: Double] = [:]
        var totals: [UInt32: Double] = [:]
        var step = 1.0
        var random = SplitMix64(seed: 0xC401CE)
        var order = Array(instances.indices)
        for _ in 0..<epochs {
            random.shuffle(&order)
            for i in order {
                let instance = instances[i]
                guard instance.candidates.count > 1 else { continue }
                var best = 0, bestScore = -Double.infinity
                for (index, candidate) in instance.candidates.enumerated() {
                    var score = 0.0
                    for hash in candidate { score += weights[hash] ?? 0 }
                    if score > bestScore { best = index; bestScore = score }
                }
                if best != instance.gold {
                    for hash in instance.candidates[instance.gold] {
                        weights[hash, default: 0] += 1
                        totals[hash, default: 0] += step
                    }
                    for hash in instance.candidates[best] {
                        weights[hash, default: 0] -= 1
                        totals[hash, default: 0] -= step
                    }
                }
                step += 1
            }
        }
        var averaged: [(UInt32, Float)] = []
        for (hash, weight) in weights {
            let value = Float(weight - totals[hash, default: 0] / step)
            if value != 0 { averaged.append((hash, value)) }
        }
        averaged.sort { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }
        return ChoiceModel(weights: Dictionary(uniqueKeysWithValues: averaged.prefix(maximumFeatures).map { ($0.0, $0.1) }))
    }
}
