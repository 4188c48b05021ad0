import ArgmarkCore
import Dispatch

/// A second stage over the sequence model (stacking): a logistic regression that decides, for
/// each segment, whether it lies in a unit at all, from the sequence model's posterior for the
/// segment and its neighbours and from the segment's layout alone (its length and its
/// sentence's, the text's length in sentences, the sentence's place from either end, the
/// paragraph, the genre; a few of them crossed). The sequence model is then decoded with that
/// decision imposed, so it still chooses each unit's type and where one unit ends and the next
/// begins.
///
/// Why: the perceptron learns to tag segments, and its scores are not probabilities one can
/// set a threshold on. Where most sentences are units (Room for Debate comments: two in five,
/// and most of the rest short or at the edges) the F1 of whole units depends on that threshold
/// more than on the words. The regression is trained on the sequence model's posteriors on
/// articles it never saw (the held-out folds of cross-validation), so what it learns to trust
/// is the posterior as it will be on a new article; its threshold is chosen for F1 on
/// held-out folds too (``SuggestionTrainer``).
///
/// One model may serve several genres (the shipped one: comments, microtexts, blogs, forums),
/// and a gate that helps one can hurt another. So each genre with enough training articles
/// gets a decision of its own, kept where it beats the shared one on that genre's held-out
/// folds: its own threshold, or no gate at all (the sequence model decides alone).
package struct UnitGate: Sendable, Equatable {
    /// Hashed feature → weight of the regression.
    package var weights: [UInt32: Float]
    /// For articles of a genre without a decision of its own (and of none): a segment is in a
    /// unit when its probability is at least this; `nil` leaves them to the sequence model.
    package var threshold: Float?
    /// Per genre, the threshold that replaces ``threshold`` for its articles.
    package var genreThresholds: [Genre: Float]
    /// Genres whose articles the gate leaves to the sequence model.
    package var ungatedGenres: Set<Genre>

    package init(weights: [UInt32: Float], threshold: Float?, genreThresholds: [Genre: Float] = [:], ungatedGenres: Set<Genre> = []) {
        self.weights = weights
        self.threshold = threshold
        self.genreThresholds = genreThresholds
        self.ungatedGenres = ungatedGenres
    }

    /// The threshold for an article of `genre`, or `nil` where the gate does not decide.
    package func threshold(for genre: Genre?) -> Float? {
        guard let genre else { return threshold }
        if ungatedGenres.contains(genre) { return nil }
        return genreThresholds[genre] ?? threshold
    }

    /// Whether the gate decides for no genre's articles at all: it is then no gate.
    var decidesNothing: Bool { threshold == nil && genreThresholds.isEmpty }

    /// Whether the gate is one threshold for every genre, as format 3 wrote it.
    var isShared: Bool { threshold != nil && genreThresholds.isEmpty && ungatedGenres.isEmpty }

    /// One segment as the regression sees it: hashed features with their values.
    typealias Features = [(hash: UInt32, value: Float)]

    /// Families of the sequence features that describe layout rather than words.
    static let layoutPrefixes = ["len:", "slen:", "doc:", "sent:", "text:", "par:", "essay:", "clause:", "quote:", "qa:", "lex:", "start:"]
    /// Pairs of layout families joined into one feature (length says more at some places).
    static let crossed: [(String, String)] = [("len:", "sent:index-"), ("len:", "sent:from-end-"), ("len:", "doc:"), ("slen:", "doc:"), ("sent:index-", "doc:")]

    /// The layout features of a segment, from its sequence features' names: the layout families,
    /// a few of them crossed, and all of these again joined with the genre.
    static func layout(_ names: [String]) -> [UInt32] {
        var genre: Substring?
        var base: [String] = ["bias"]
        for name in names {
            if name.hasPrefix("genre:") {
                genre = name.dropFirst(6)
            } else if !name.contains("|"), layoutPrefixes.contains(where: name.hasPrefix) {
                base.append(name)
            }
        }
        for (first, second) in crossed {
            if let a = base.first(where: { $0.hasPrefix(first) }), let b = base.first(where: { $0.hasPrefix(second) }) { base.append(a + "&" + b) }
        }
        var all = base
        if let genre { all += base.map { genre + "|" + $0 } }
        return all.map { FeatureHash.hash("gate", $0) }
    }

    /// The features of every segment: its layout, and the sequence model's posterior that it
    /// (and each neighbour) is in a unit, binned and as log-odds.
    static func features(layout: [[UInt32]], marginals: [[Double]], genre: Genre?) -> [Features] {
        let inUnit = marginals.map { max(0, min(1, 1 - $0[Tags.outside])) }
        let begins = marginals.map { row in Tags.unitTypes.reduce(0.0) { $0 + row[Tags.begin($1)] } }
        let prefix = genre.map { $0.rawValue + "|" } ?? ""
        return layout.indices.map { index in
            var result: Features = layout[index].map { ($0, 1) }
            let p = inUnit[index]
            let odds = Float(max(-8, min(8, Platform.logarithm(max(p, 1e-6) / max(1 - p, 1e-6)))))
            func add(_ name: String, _ value: Float = 1) {
                result.append((FeatureHash.hash("gate", name), value))
                if !prefix.isEmpty { result.append((FeatureHash.hash("gate", prefix + name), value)) }
            }
            add("posterior-odds", odds / 4)
            add("posterior:\(min(Int(p * 10), 9))")
            add("begin:\(min(Int(begins[index] * 5), 4))")
            add("previous:" + (index > 0 ? String(min(Int(inUnit[index - 1] * 5), 4)) : "none"))
            add("next:" + (index + 1 < inUnit.count ? String(min(Int(inUnit[index + 1] * 5), 4)) : "none"))
            return result
        }
    }

    func probability(_ features: Features) -> Double {
        var score: Float = 0
        for (hash, value) in features { score += (weights[hash] ?? 0) * value }
        return 1 / (1 + Platform.exponential(-Double(score)))
    }

    /// The emissions with the gate's decisions imposed: "outside" ruled out where the segment's
    /// probability reaches `threshold`, every unit tag ruled out where it does not.
    static func imposed(_ emissions: [[Float]], _ probabilities: [Double], threshold: Float) -> [[Float]] {
        zip(emissions, probabilities).map { scores, probability in
            var result = scores
            if probability >= Double(threshold) {
                result[Tags.outside] = SequenceTrainer.ruledOut
            } else {
                for tag in 1..<Tags.count { result[tag] = SequenceTrainer.ruledOut }
            }
            return result
        }
    }
}

/// L2-regularised logistic regression for ``UnitGate``, by AdaGrad over the segments in a fixed
/// pseudo-random order: deterministic, and fast enough to refit once per cross-validation fold.
struct GateTrainer {
    var epochs = 10
    var rate = 0.2
    var l2 = 1e-4

    func train(_ examples: [(features: UnitGate.Features, label: Bool)]) -> [UInt32: Float] {
        var index: [UInt32: Int] = [:]
        var hashes: [UInt32] = []
        let encoded = examples.map { example in
            example.features.map { feature -> (Int, Double) in
                if let known = index[feature.hash] { return (known, Double(feature.value)) }
                index[feature.hash] = hashes.count
                hashes.append(feature.hash)
                return (hashes.count - 1, Double(feature.value))
            }
        }
        var weights = [Double](repeating: 0, count: hashes.count)
        var squares = [Double](repeating: 1e-8, count: hashes.count)
        var random = SplitMix64(seed: 0x6A7E)
        var order = Array(examples.indices)
        for _ in 0..<epochs {
            random.shuffle(&order)
            for e in order {
                var score = 0.0
                for (i, value) in encoded[e] { score += weights[i] * value }
                let gradient = 1 / (1 + Platform.exponential(-score)) - (examples[e].label ? 1 : 0)
                for (i, value) in encoded[e] {
                    let g = gradient * value + l2 * weights[i]
                    squares[i] += g * g
                    weights[i] -= rate * g / squares[i].squareRoot()
                }
            }
        }
        var result: [UInt32: Float] = [:]
        for (i, hash) in hashes.enumerated() where weights[i] != 0 { result[hash, default: 0] += Float(weights[i]) }
        return result
    }
}

extension SuggestionModel {
    /// The units the model finds in `analyzed`, in text order, of the types of `labels` only
    /// when given (``LabelSet/merge(_:temperature:)``). Where a gate decides for the article's
    /// genre, a segment is in a unit when the gate says so, and a unit's confidence is the gate's
    /// mean probability over its segments; elsewhere the sequence model decides alone and
    /// confidence is its posterior.
    package func units(in analyzed: AnalyzedText, labels: LabelSet? = nil) -> [DecodedUnit] {
        let emissions = labels.map { $0.merge(sequence.emissions(analyzed.features), temperature: sequence.temperature) } ?? sequence.emissions(analyzed.features)
        let marginals = sequence.marginals(emissions, analyzed.boundaries)
        guard let gate, let threshold = gate.threshold(for: analyzed.genre) else {
            let tags = sequence.decode(emissions, analyzed.boundaries)
            return SequenceModel.runs(tags, analyzed.segments) { marginals[$0][tags[$0]] }
        }
        let probabilities = UnitGate.features(layout: analyzed.layout, marginals: marginals, genre: analyzed.genre).map(gate.probability)
        let tags = sequence.decode(UnitGate.imposed(emissions, probabilities, threshold: threshold), analyzed.boundaries)
        return SequenceModel.runs(tags, analyzed.segments) { probabilities[$0] }
    }
}

extension SuggestionTrainer {
    /// One held-out article as the gate learns from it.
    struct GateItem: Sendable {
        var prepared: Prepared
        var emissions: [[Float]]
        var features: [UnitGate.Features]
    }

    /// Thresholds tried for the gate.
    static let gateThresholds: [Float] = stride(from: 0.1, through: 0.7, by: 0.025).map { Float($0) }

    /// The gate for a model whose cross-validation trials are `sequences` (each with the
    /// articles it did not see, `heldOut`), and its blind score: each fold's articles are gated
    /// by a regression fitted on the other folds' articles, at the threshold that scores best on
    /// the other folds. The returned gate is fitted on every fold, its threshold the best on all.
    ///
    /// Where the articles mix genres, each genre with enough of them
    /// (``TypeOffsets/minimumGenreArticles``) is also scored alone, blind in the same way: gated
    /// at its own threshold, and not gated. It gets a decision of its own where that raises its
    /// blind score (``chooseGateDecisions(gated:plain:genres:)``).
    static func fitGate(_ sequences: [SequenceModel], _ heldOut: [[Prepared]], temperature: Float) -> (gate: UnitGate, evaluation: Evaluation) {
        let foldCount = sequences.count
        var built = [[GateItem]](repeating: [], count: foldCount)
        built.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: foldCount) { fold in
                slots.buffer[fold] = heldOut[fold].map { item in
                    let emissions = sequences[fold].emissions(item.analyzed.features)
                    let marginals = sequences[fold].marginals(emissions, item.analyzed.boundaries, temperature: temperature)
                    return GateItem(prepared: item, emissions: emissions, features: UnitGate.features(layout: item.analyzed.layout, marginals: marginals, genre: item.analyzed.genre))
                }
            }
        }
        let items = built
        @Sendable func examples(except excluded: Int) -> [(features: UnitGate.Features, label: Bool)] {
            items.indices.filter { $0 != excluded }.flatMap { fold in
                items[fold].flatMap { item in zip(item.features, item.prepared.document.gold).map { ($0, $1 != Tags.outside) } }
            }
        }
        var fitted = [[UInt32: Float]](repeating: [:], count: foldCount + 1)
        fitted.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: foldCount + 1) { fold in slots.buffer[fold] = GateTrainer().train(examples(except: fold)) }
        }
        let weights = fitted
        // The genres scored on their own (groups 1...); every other article is in group 0.
        var genreCounts: [Genre: Int] = [:]
        for fold in items { for item in fold { if let genre = item.prepared.analyzed.genre { genreCounts[genre, default: 0] += 1 } } }
        let separate = genreCounts.keys.filter { genreCounts[$0]! >= TypeOffsets.minimumGenreArticles }.sorted { $0.rawValue < $1.rawValue }
        let othersToo = items.joined().contains { item in item.prepared.analyzed.genre.map { !separate.contains($0) } ?? true }
        let mixed = separate.count > 1 || (separate.count == 1 && othersToo)
        let groupCount = mixed ? separate.count + 1 : 1
        @Sendable func group(_ item: GateItem) -> Int {
            guard mixed, let genre = item.prepared.analyzed.genre, let index = separate.firstIndex(of: genre) else { return 0 }
            return index + 1
        }
        // gated[fold][group][threshold]: the group's articles of the fold gated by the regression
        // that did not train on them; plain[fold][group]: the same articles without the gate.
        var gatedSlots = [[[Evaluation]]](repeating: [], count: foldCount)
        var plainSlots = [[Evaluation]](repeating: [], count: foldCount)
        gatedSlots.withUnsafeMutableBufferPointer { gatedBuffer in
            plainSlots.withUnsafeMutableBufferPointer { plainBuffer in
                let gatedOut = UncheckedBuffer(gatedBuffer), plainOut = UncheckedBuffer(plainBuffer)
                DispatchQueue.concurrentPerform(iterations: foldCount) { fold in
                    let gate = UnitGate(weights: weights[fold], threshold: 0)
                    var gated = [[Evaluation]](repeating: [Evaluation](repeating: Evaluation(), count: gateThresholds.count), count: groupCount)
                    var plain = [Evaluation](repeating: Evaluation(), count: groupCount)
                    for item in items[fold] {
                        let probabilities = item.features.map(gate.probability)
                        let boundaries = item.prepared.analyzed.boundaries, segments = item.prepared.analyzed.segments
                        let index = group(item)
                        plain[index] = plain[index] + scoreUnits(item.prepared, SequenceModel.runs(sequences[fold].decode(item.emissions, boundaries), segments))
                        for (t, threshold) in gateThresholds.enumerated() {
                            let tags = sequences[fold].decode(UnitGate.imposed(item.emissions, probabilities, threshold: threshold), boundaries)
                            gated[index][t] = gated[index][t] + scoreUnits(item.prepared, SequenceModel.runs(tags, segments))
                        }
                    }
                    gatedOut.buffer[fold] = gated
                    plainOut.buffer[fold] = plain
                }
            }
        }
        let decisions = chooseGateDecisions(gated: gatedSlots, plain: plainSlots, genres: mixed ? separate : [])
        var gate = UnitGate(weights: weights[foldCount], threshold: decisions.threshold.map { gateThresholds[$0] })
        for (genre, choice) in decisions.genres {
            if let choice { gate.genreThresholds[genre] = gateThresholds[choice] } else { gate.ungatedGenres.insert(genre) }
        }
        return (gate, decisions.blind)
    }

    /// The gate's decisions from the blind scores of the folds' articles: `gated[fold][group][t]`
    /// gated at ``gateThresholds``[t] by the regression that did not train on them, and
    /// `plain[fold][group]` not gated, where group 0 is every article outside `genres` and group
    /// i + 1 those of `genres[i]`. Returns the shared threshold (`nil`: not kept; chosen, as for
    /// one genre, on the macro-F1 of all articles), each genre's own decision where it raises
    /// that genre's blind score above the shared one (a threshold, or `nil`: not gated), all as
    /// indices into ``gateThresholds``, and the blind score of those decisions. Each fold's blind
    /// score uses the threshold the other folds choose; ties keep the simpler choice.
    static func chooseGateDecisions(gated: [[[Evaluation]]], plain: [[Evaluation]], genres: [Genre]) -> (threshold: Int?, genres: [Genre: Int?], blind: Evaluation) {
        let foldCount = gated.count
        let allGroups = Array(0...genres.count)
        func sum(_ members: some Sequence<Int>, _ score: (Int) -> Evaluation) -> Evaluation { members.reduce(Evaluation()) { $0 + score($1) } }
        func bestThreshold(_ folds: [Int], _ members: [Int]) -> Int {
            var best = 0, bestScore = -1.0
            for index in gateThresholds.indices {
                let score = sum(folds) { fold in sum(members) { gated[fold][$0][index] } }.strictMacroF1 ?? 0
                if score > bestScore + 1e-9 { best = index; bestScore = score }
            }
            return best
        }
        // Blind scores of `members`, gated at the threshold the other folds choose for `chosenOn`.
        func blindGated(_ members: [Int], chosenOn: [Int]) -> Evaluation {
            sum(0..<foldCount) { fold in
                let index = bestThreshold((0..<foldCount).filter { $0 != fold }, chosenOn)
                return sum(members) { gated[fold][$0][index] }
            }
        }
        func plainScore(_ members: [Int]) -> Evaluation { sum(0..<foldCount) { fold in sum(members) { plain[fold][$0] } } }
        func better(_ a: Evaluation, than b: Evaluation) -> Bool { (a.strictMacroF1 ?? 0) > (b.strictMacroF1 ?? 0) + 1e-9 }

        // The shared threshold, as if the articles were of one genre.
        let shared = blindGated(allGroups, chosenOn: allGroups)
        let sharedKept = better(shared, than: plainScore(allGroups))
        let threshold = sharedKept ? bestThreshold(Array(0..<foldCount), allGroups) : nil
        guard !genres.isEmpty else { return (threshold, [:], sharedKept ? shared : plainScore(allGroups)) }
        // A genre's own decision is judged on its units of every type together (micro-F1): the
        // gate decides which segments are in a unit, not their type, and a genre's macro-F1
        // turns on its rare types (among the training comments of the shipped model, 2 gold
        // rebuttals and 12 counterclaims beside 1,078 claims), which blind folds score as noise.
        func micro(_ evaluation: Evaluation) -> Double { evaluation.microF1 ?? 0 }
        func bestOwnThreshold(_ folds: [Int], _ group: Int) -> Int {
            var best = 0, bestScore = -1.0
            for index in gateThresholds.indices {
                let score = micro(sum(folds) { gated[$0][group][index] })
                if score > bestScore + 1e-9 { best = index; bestScore = score }
            }
            return best
        }
        var decisions: [Genre: Int?] = [:]
        var blind = sharedKept ? blindGated([0], chosenOn: allGroups) : plainScore([0])
        for (index, genre) in genres.enumerated() {
            let group = index + 1
            let asShared = sharedKept ? blindGated([group], chosenOn: allGroups) : plainScore([group])
            let own = sum(0..<foldCount) { fold in gated[fold][group][bestOwnThreshold((0..<foldCount).filter { $0 != fold }, group)] }
            let alone = plainScore([group])
            let ownIsBetter = micro(own) > micro(alone) + 1e-9
            let choice = ownIsBetter ? own : alone
            guard micro(choice) > micro(asShared) + 1e-9 else {
                blind = blind + asShared
                continue
            }
            blind = blind + choice
            decisions[genre] = ownIsBetter ? .some(bestOwnThreshold(Array(0..<foldCount), group)) : .some(nil)
        }
        return (threshold, decisions, blind)
    }
}
