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
///
/// A model trained on several genres at once (the shipped one: comments, microtexts, news) blurs
/// their type priors — Room for Debate comments are mostly premises, news articles mostly
/// not — so each genre with enough held-out articles also gets offsets of its own, added to the
/// global ones for articles of that genre.
package struct TypeOffsets: Sendable, Equatable {
    /// One offset per ``Tags/unitTypes`` entry.
    package var values: [Float]
    /// Per genre, one offset per ``Tags/unitTypes`` entry, added to ``values``.
    package var genres: [Genre: [Float]] = [:]

    package init(_ values: [Float] = Self.zero) { self.values = values }

    static let zero = [Float](repeating: 0, count: Tags.unitTypes.count)
    /// Grid of the search, in temperatures.
    static let steps: [Float] = [-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3, 4]
    static let rounds = 2
    /// Held-out articles a genre needs before it gets offsets of its own.
    static let minimumGenreArticles = 20

    package var isZero: Bool { values.allSatisfy { $0 == 0 } && genres.values.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    func shift(_ emissions: [[Float]], genre: Genre?) -> [[Float]] {
        let extra = genre.flatMap { genres[$0] } ?? Self.zero
        guard !isZero else { return emissions }
        return emissions.map { scores in
            var shifted = scores
            for (index, type) in Tags.unitTypes.enumerated() {
                shifted[Tags.begin(type)] += values[index] + extra[index]
                shifted[Tags.inside(type)] += values[index] + extra[index]
            }
            return shifted
        }
    }
}

extension SequenceModel {
    /// The model with `offsets` folded into the weights of the always-present `bias` feature
    /// (and a genre's into its `genre:` feature), so the file format and the decoder stay as
    /// they are.
    package func shifted(by offsets: TypeOffsets) -> SequenceModel {
        guard !offsets.isZero else { return self }
        var model = self
        func fold(_ values: [Float], into name: String) {
            let hash = FeatureHash.hash(name)
            let row: Int
            if let existing = model.rows[hash] {
                row = existing
            } else {
                row = model.rows.count
                model.rows[hash] = row
                model.emission += [Float](repeating: 0, count: Tags.count)
            }
            for (index, type) in Tags.unitTypes.enumerated() {
                model.emission[row * Tags.count + Tags.begin(type)] += values[index]
                model.emission[row * Tags.count + Tags.inside(type)] += values[index]
            }
        }
        fold(offsets.values, into: "bias")
        for genre in offsets.genres.keys.sorted(by: { $0.rawValue < $1.rawValue }) { fold(offsets.genres[genre]!, into: "genre:" + genre.rawValue) }
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

        /// The units' scores with `offsets`, on every article or on those of one genre.
        func evaluation(_ offsets: TypeOffsets, genre: Genre?? = nil) -> Evaluation {
            var evaluation = Evaluation()
            for (item, scores) in zip(items, emissions) {
                if let genre, item.genre != genre { continue }
                let tags = model.decode(offsets.shift(scores, genre: item.genre), item.analyzed.boundaries)
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
        var offsets = TypeOffsets()
        offsets.values = ascend(offsets.values, used: used, temperature: temperature) { values in
            var candidate = offsets
            candidate.values = values
            return trials.reduce(Evaluation()) { $0 + $1.evaluation(candidate) }.strictMacroF1 ?? 0
        }
        // Where the held-out articles mix genres, each genre with enough of them gets its own.
        var genreCounts: [Genre: Int] = [:]
        var genreless = 0
        for trial in trials {
            for item in trial.items { if let genre = item.genre { genreCounts[genre, default: 0] += 1 } else { genreless += 1 } }
        }
        guard genreCounts.count + (genreless > 0 ? 1 : 0) > 1 else { return offsets }
        for genre in genreCounts.keys.sorted(by: { $0.rawValue < $1.rawValue }) where genreCounts[genre]! >= TypeOffsets.minimumGenreArticles {
            let values = ascend(TypeOffsets.zero, used: used, temperature: temperature) { values in
                var candidate = offsets
                candidate.genres[genre] = values
                return trials.reduce(Evaluation()) { $0 + $1.evaluation(candidate, genre: .some(genre)) }.strictMacroF1 ?? 0
            }
            if values != TypeOffsets.zero { offsets.genres[genre] = values }
        }
        return offsets
    }

    /// Coordinate ascent over the offsets of the `used` types, in steps of `temperature`.
    private static func ascend(_ start: [Float], used: Set<UnitType>, temperature: Float, score: ([Float]) -> Double) -> [Float] {
        var values = start
        var best = score(values)
        for _ in 0..<TypeOffsets.rounds {
            var changed = false
            for (index, type) in Tags.unitTypes.enumerated() where used.contains(type) {
                var choice = values[index]
                for step in TypeOffsets.steps {
                    let value = step * temperature
                    guard value != values[index] else { continue }
                    var candidate = values
                    candidate[index] = value
                    let result = score(candidate)
                    if result > best + 1e-9 || (abs(result - best) <= 1e-9 && abs(value) < abs(choice)) {
                        best = result
                        choice = value
                    }
                }
                if choice != values[index] {
                    values[index] = choice
                    changed = true
                }
            }
            if !changed { break }
        }
        return values
    }
}
