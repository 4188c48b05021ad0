import ArgmarkCore
import Dispatch

/// Per-type score offsets chosen for the overlap-F1 the model is judged by.
///
/// The perceptron learns to get each segment's tag right, which is not the same as the F1 of
/// whole units: on a corpus where most sentences are units (Room for Debate) it proposes too few,
/// on one where few are it may propose too many. An offset added to a type's begin and inside
/// scores moves that trade-off; each type's offset is chosen by coordinate ascent on held-out
/// articles, in steps of the model's temperature (a step of one temperature multiplies the odds
/// of the type by e).
package struct TypeOffsets: Sendable, Equatable {
    /// One offset per ``Tags/unitTypes`` entry.
    package var values: [Float]

    package init(_ values: [Float] = [Float](repeating: 0, count: Tags.unitTypes.count)) { self.values = values }

    /// Grid of the search, in temperatures.
    static let steps: [Float] = [-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3, 4]
    static let rounds = 2

    package var isZero: Bool { values.allSatisfy { $0 == 0 } }

    func shift(_ emissions: [[Float]]) -> [[Float]] {
        guard !isZero else { return emissions }
        return emissions.map { scores in
            var shifted = scores
            for (index, type) in Tags.unitTypes.enumerated() {
                shifted[Tags.begin(type)] += values[index]
                shifted[Tags.inside(type)] += values[index]
            }
            return shifted
        }
    }
}

extension SequenceModel {
    /// The model with `offsets` folded into the weights of the always-present `bias` feature, so
    /// the file format and the decoder stay as they are.
    package func shifted(by offsets: TypeOffsets) -> SequenceModel {
        guard !offsets.isZero else { return self }
        var model = self
        let hash = FeatureHash.hash("bias")
        let row: Int
        if let existing = rows[hash] {
            row = existing
        } else {
            row = rows.count
            model.rows[hash] = row
            model.emission += [Float](repeating: 0, count: Tags.count)
        }
        for (index, type) in Tags.unitTypes.enumerated() {
            model.emission[row * Tags.count + Tags.begin(type)] += offsets.values[index]
            model.emission[row * Tags.count + Tags.inside(type)] += offsets.values[index]
        }
        return model
    }
}

extension SuggestionTrainer {
    /// A model's decisions on held-out articles, kept so that offsets can be tried cheaply.
    struct HeldOutScores {
        var model: SequenceModel
        var items: [Prepared]
        var emissions: [[[Float]]]

        init(model: SequenceModel, items: [Prepared]) {
            self.model = model
            self.items = items
            emissions = items.map { model.emissions($0.analyzed.features) }
        }

        func evaluation(_ offsets: TypeOffsets) -> Evaluation {
            var evaluation = Evaluation()
            for (item, scores) in zip(items, emissions) {
                let tags = model.decode(offsets.shift(scores), item.analyzed.boundaries)
                evaluation.units = (evaluation + SuggestionTrainer.scoreUnits(item, SequenceModel.runs(tags, item.analyzed.segments))).units
            }
            return evaluation
        }
    }

    /// The offsets that maximise the macro overlap-F1 (over the types in the gold or the output,
    /// so a spurious type costs) of `trials` on their held-out articles. Only types some trial
    /// has in its gold are moved. Ties keep the offset nearest zero, so the result is the same on
    /// every run.
    static func calibrate(_ trials: [HeldOutScores], temperature: Float) -> TypeOffsets {
        let used = Set(trials.flatMap { $0.items.flatMap(\.document.gold) }.compactMap(Tags.unitType))
        guard !used.isEmpty, trials.contains(where: { !$0.items.isEmpty }) else { return TypeOffsets() }
        func score(_ offsets: TypeOffsets) -> Double {
            let total = trials.reduce(Evaluation()) { $0 + $1.evaluation(offsets) }
            return total.strictMacroF1 ?? 0
        }
        var offsets = TypeOffsets()
        var best = score(offsets)
        for _ in 0..<TypeOffsets.rounds {
            var changed = false
            for (index, type) in Tags.unitTypes.enumerated() where used.contains(type) {
                var choice = offsets.values[index]
                for step in TypeOffsets.steps {
                    let value = step * temperature
                    guard value != offsets.values[index] else { continue }
                    var candidate = offsets
                    candidate.values[index] = value
                    let result = score(candidate)
                    if result > best + 1e-9 || (abs(result - best) <= 1e-9 && abs(value) < abs(choice)) {
                        best = result
                        choice = value
                    }
                }
                if choice != offsets.values[index] {
                    offsets.values[index] = choice
                    changed = true
                }
            }
            if !changed { break }
        }
        return offsets
    }
}
