/// One document as the learner sees it: each segment's hashed features, the boundary before
/// it, and (for training) its gold tag.
package struct EncodedDocument: Sendable {
    package var features: [[UInt32]]
    package var boundaries: [Boundary]
    package var gold: [Int]
}

/// Averaged structured perceptron (Collins 2002) for ``SequenceModel``: decode each training
/// document with the current weights and, where the best sequence differs from the gold one,
/// move the weights towards the gold features and away from the predicted ones. The average of
/// the weights over all steps is what is kept, which generalises far better than the last ones.
///
/// Deterministic: documents are visited in an order drawn from a fixed-seed generator, and
/// every sum runs in a fixed order, so the same documents give the same weights bit for bit.
package struct SequenceTrainer {
    package var epochs = 10
    /// Features seen in fewer documents than this are not learnt (rare n-grams only overfit).
    package var minimumDocumentFrequency = 2
    /// How many features the model keeps: those with the most weight (L1 over the tags).
    package var maximumFeatures = 40_000

    package init() {}

    /// The weight that keeps a tag out of every decoded sequence.
    static let ruledOut: Float = -1e6

    package func train(_ documents: [EncodedDocument]) -> SequenceModel {
        // Dense indices for the features frequent enough to learn, in order of first sight.
        var frequency: [UInt32: Int] = [:]
        for document in documents {
            var seen = Set<UInt32>()
            for hashes in document.features { for hash in hashes where seen.insert(hash).inserted { frequency[hash, default: 0] += 1 } }
        }
        var index: [UInt32: Int] = [:]
        var hashes: [UInt32] = []
        for document in documents {
            for segment in document.features {
                for hash in segment where index[hash] == nil && frequency[hash, default: 0] >= minimumDocumentFrequency {
                    index[hash] = hashes.count
                    hashes.append(hash)
                }
            }
        }
        let encoded = documents.map { document in document.features.map { $0.compactMap { index[$0] } } }
        let tags = Tags.count
        var weights = [Double](repeating: 0, count: hashes.count * tags)
        var totals = weights
        var transition = [Double](repeating: 0, count: SequenceModel.transitionCount)
        var transitionTotals = transition
        var start = [Double](repeating: 0, count: tags)
        var startTotals = start
        var step = 1.0
        var random = SplitMix64(seed: 0x5EED_A8C1)
        var order = Array(documents.indices)

        for _ in 0..<epochs {
            random.shuffle(&order)
            for d in order {
                let document = documents[d]
                guard !document.gold.isEmpty else { continue }
                let features = encoded[d]
                var emissions = [[Float]](repeating: [Float](repeating: 0, count: tags), count: features.count)
                for (i, segment) in features.enumerated() {
                    for f in segment {
                        let base = f * tags
                        for tag in 0..<tags { emissions[i][tag] += Float(weights[base + tag]) }
                    }
                }
                let model = SequenceModel(rows: [:], emission: [], transition: transition.map(Float.init), start: start.map(Float.init))
                let predicted = model.decode(emissions, document.boundaries)
                if predicted != document.gold {
                    func update(_ path: [Int], _ sign: Double) {
                        for (i, tag) in path.enumerated() {
                            for f in features[i] {
                                weights[f * tags + tag] += sign
                                totals[f * tags + tag] += sign * step
                            }
                            if i == 0 {
                                start[tag] += sign
                                startTotals[tag] += sign * step
                            } else {
                                let t = SequenceModel.transitionIndex(document.boundaries[i], path[i - 1], tag)
                                transition[t] += sign
                                transitionTotals[t] += sign * step
                            }
                        }
                    }
                    update(document.gold, 1)
                    update(predicted, -1)
                }
                step += 1
            }
        }
        // Averaged weights: w − (Σ c·Δw) / c.
        let averaged = zip(weights, totals).map { Float($0 - $1 / step) }
        var averagedTransition = zip(transition, transitionTotals).map { Float($0 - $1 / step) }
        var averagedStart = zip(start, startTotals).map { Float($0 - $1 / step) }
        // A tag no gold document uses has no evidence for it, only (maybe) against its rivals:
        // rule it out, or a segment whose features are all unknown could end up with it.
        let used = Set(documents.flatMap(\.gold))
        for tag in 0..<tags where !used.contains(tag) {
            averagedStart[tag] = Self.ruledOut
            for boundary in Boundary.allCases {
                for previous in 0..<tags { averagedTransition[SequenceModel.transitionIndex(boundary, previous, tag)] = Self.ruledOut }
            }
        }

        // Keep the heaviest features; ties broken by hash so the choice is reproducible.
        var mass: [(hash: UInt32, row: Int, weight: Float)] = []
        for (row, hash) in hashes.enumerated() {
            var total: Float = 0
            for tag in 0..<tags { total += abs(averaged[row * tags + tag]) }
            if total > 0 { mass.append((hash, row, total)) }
        }
        mass.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.hash < $1.hash }
        let kept = mass.prefix(maximumFeatures).sorted { $0.hash < $1.hash }
        var rows: [UInt32: Int] = [:]
        var emission: [Float] = []
        emission.reserveCapacity(kept.count * tags)
        for (newRow, feature) in kept.enumerated() {
            rows[feature.hash] = newRow
            emission += averaged[(feature.row * tags)..<(feature.row * tags + tags)]
        }
        return SequenceModel(rows: rows, emission: emission, transition: averagedTransition, start: averagedStart)
    }
}

/// A small, fast, seedable generator (SplitMix64), so shuffles are the same on every machine.
package struct SplitMix64 {
    var state: UInt64
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates with this generator.
    package mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
