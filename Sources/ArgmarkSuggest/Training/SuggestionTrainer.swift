import ArgmarkAgreement
import ArgmarkCore
import Dispatch

/// An annotated article to learn from, with the corpus beside it (for its stance targets).
package struct TrainingArticle: Sendable {
    package var article: Article
    package var corpus: Corpus?
    package init(article: Article, corpus: Corpus? = nil) {
        self.article = article
        self.corpus = corpus
    }
}

/// Why a model could not be trained.
package struct TrainingError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// Learns a ``SuggestionModel`` from the gold units, relations and stances of annotated
/// articles: an averaged structured perceptron over each document's segment sequence (Viterbi
/// decoding, BIO tags) for units, and averaged perceptrons choosing among candidates for
/// relations and stance. Articles without a gold unit are left out (they are unannotated, not
/// annotated as having no argument). Deterministic: the same articles in the same order give
/// the same model bytes.
package struct SuggestionTrainer: Sendable {
    /// Passes over the training articles.
    package var epochs = 10
    /// How many features the unit model keeps (the model file grows by 19 bytes per feature).
    package var maximumFeatures = 40_000
    /// The genre of articles that declare none (`argmark train --genre`).
    package var genre: Genre?
    /// The segments to tag; `nil` (the default) tries clauses and sentences and keeps the one
    /// with the better cross-validated macro overlap-F1.
    package var granularity: Granularity?
    /// Below this many articles the model is not calibrated (held-out folds too small to trust).
    static let minimumArticlesToCalibrate = 10

    package init() {}

    /// An article ready for learning.
    struct Prepared: Sendable {
        var article: Article
        var corpus: Corpus?
        /// The article's genre, or the trainer's for an article that declares none.
        var genre: Genre?
        var analyzed: AnalyzedText
        var document: EncodedDocument
        /// The corpus's targets worth weighing for this article (``StanceFeatures/plausibleTargets(_:articleText:)``).
        var stanceTargets: [StanceTarget] = []
        /// The relation and stance choices the article teaches, computed once however many
        /// models (folds, segmentations) are fitted on it.
        var relationChoices: [ChoiceInstance] = []
        var stanceChoices: [ChoiceInstance] = []
    }

    func prepare(_ articles: [TrainingArticle], granularity: Granularity = .clauses) throws(TrainingError) -> [Prepared] {
        let annotated = articles.filter { $0.article.units.contains { $0.status == .gold && $0.span != nil } }
        guard !annotated.isEmpty else {
            throw TrainingError(message: "no gold units in \(articles.count) \(articles.count == 1 ? "article" : "articles"); annotate some units (argmark add) or import an annotated corpus (argmark import) first")
        }
        var prepared = [Prepared?](repeating: nil, count: annotated.count)
        let genre = self.genre
        prepared.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: annotated.count) { index in
                let item = annotated[index]
                let articleGenre = item.article.metadata.genre ?? genre
                let analyzed = AnalyzedText(item.article.text, genre: articleGenre, granularity: granularity)
                let gold = GoldTags.tags(of: analyzed.segments, among: item.article.units, textLength: analyzed.text.count)
                var ready = Prepared(article: item.article, corpus: item.corpus, genre: articleGenre, analyzed: analyzed,
                                     document: EncodedDocument(features: analyzed.features, boundaries: analyzed.boundaries, gold: gold))
                ready.stanceTargets = StanceFeatures.plausibleTargets(item.corpus?.targets ?? [], articleText: item.article.text)
                ready.relationChoices = Self.relationInstances(ready)
                ready.stanceChoices = Self.stanceInstances(ready)
                slots.buffer[index] = ready
            }
        }
        return prepared.map { $0! }
    }

    /// Trains on every article (calibrated and its segmentation chosen on 5 cross-validation
    /// folds, as ``trainWithCrossValidation(_:folds:)`` does, without keeping the table).
    package func train(_ articles: [TrainingArticle]) throws(TrainingError) -> SuggestionModel {
        try trainWithCrossValidation(articles, folds: 5).model
    }

    /// Cross-validates (`folds` folds of whole articles) and then trains on every article; the
    /// evaluation is of models that never saw the articles they are scored on. With no fixed
    /// ``granularity`` this is done for clauses and for sentences, and the better kept (ties
    /// keep clauses).
    package func trainWithCrossValidation(_ articles: [TrainingArticle], folds count: Int = 5) throws(TrainingError) -> (model: SuggestionModel, evaluation: Evaluation) {
        var best: (model: SuggestionModel, evaluation: Evaluation)?
        for choice in granularity.map({ [$0] }) ?? Granularity.allCases {
            let prepared = try prepare(articles, granularity: choice)
            let result = crossValidated(prepared, granularity: choice, folds: min(count, prepared.count))
            if let current = best, (result.evaluation.strictMacroF1 ?? 0) <= (current.evaluation.strictMacroF1 ?? 0) + 1e-9 { continue }
            best = result
            // Too few articles to compare segmentations on: keep the first.
            if prepared.count < Self.minimumArticlesToCalibrate { break }
        }
        return best!
    }

    /// The model trained on all of `prepared`, with the blind evaluation of `foldCount` models
    /// each trained without one fold. The folds' scores also choose the temperature of the
    /// confidences and the per-type offsets (``calibrate(_:temperature:)``); each fold is scored
    /// with offsets chosen on the other folds only, so the table stays blind, and the offsets are
    /// kept only when they raise that blind score (on a small or noisy corpus they can lower it).
    func crossValidated(_ prepared: [Prepared], granularity: Granularity, folds foldCount: Int) -> (model: SuggestionModel, evaluation: Evaluation) {
        guard foldCount >= 2 else { return (fit(prepared, granularity: granularity).roundTripped(), Evaluation()) }
        let folds = Self.folds(prepared.count, foldCount)
        var results = [(model: SuggestionModel, heldOut: [Prepared])?](repeating: nil, count: foldCount + 1)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: foldCount + 1) { fold in
                if fold == foldCount {
                    slots.buffer[fold] = (fit(prepared, granularity: granularity), [])
                    return
                }
                let trained = fit(prepared.indices.filter { folds[$0] != fold }.map { prepared[$0] }, granularity: granularity).roundTripped()
                slots.buffer[fold] = (trained, prepared.indices.filter { folds[$0] == fold }.map { prepared[$0] })
            }
        }
        let trials = (0..<foldCount).map { results[$0]! }
        let temperature = Self.temperature(trials)
        let calibrating = prepared.count >= Self.minimumArticlesToCalibrate
        let scores = trials.map { HeldOutScores(model: $0.model.sequence, items: $0.heldOut) }
        var offsets = [TypeOffsets](repeating: TypeOffsets(), count: foldCount + 1)
        var calibrated = [Evaluation](repeating: Evaluation(), count: foldCount)
        var plain = [Evaluation](repeating: Evaluation(), count: foldCount)
        offsets.withUnsafeMutableBufferPointer { offsetBuffer in
            calibrated.withUnsafeMutableBufferPointer { calibratedBuffer in
                plain.withUnsafeMutableBufferPointer { plainBuffer in
                    let offsetSlots = UncheckedBuffer(offsetBuffer), calibratedSlots = UncheckedBuffer(calibratedBuffer), plainSlots = UncheckedBuffer(plainBuffer)
                    DispatchQueue.concurrentPerform(iterations: foldCount + 1) { fold in
                        let chosen = calibrating ? Self.calibrate(scores.indices.filter { $0 != fold }.map { scores[$0] }, temperature: temperature) : TypeOffsets()
                        offsetSlots.buffer[fold] = chosen
                        guard fold < foldCount else { return }
                        plainSlots.buffer[fold] = Self.evaluate(trials[fold].model, trials[fold].heldOut)
                        var trial = trials[fold].model
                        trial.sequence = trial.sequence.shifted(by: chosen)
                        calibratedSlots.buffer[fold] = chosen.isZero ? plainSlots.buffer[fold] : Self.evaluate(trial.roundTripped(), trials[fold].heldOut)
                    }
                }
            }
        }
        let calibratedTotal = calibrated.reduce(Evaluation(), +), plainTotal = plain.reduce(Evaluation(), +)
        var model = results[foldCount]!.model
        let keepOffsets = (calibratedTotal.strictMacroF1 ?? 0) > (plainTotal.strictMacroF1 ?? 0)
        if keepOffsets { model.sequence = model.sequence.shifted(by: offsets[foldCount]) }
        model.sequence.temperature = temperature
        var evaluation = keepOffsets ? calibratedTotal : plainTotal
        // The gate, learnt on the trial models' posteriors on their held-out folds (as the
        // offsets chose them), is kept only when its blind score beats the model without it
        // (per genre where the articles mix genres: ``fitGate``).
        if calibrating {
            let sequences = trials.indices.map { fold -> SequenceModel in
                guard keepOffsets else { return trials[fold].model.sequence }
                var trial = trials[fold].model
                trial.sequence = trial.sequence.shifted(by: offsets[fold])
                return trial.roundTripped().sequence
            }
            let (gate, gated) = Self.fitGate(sequences, trials.map(\.heldOut), temperature: temperature)
            // A gate deciding per genre kept each decision for raising its genre's blind score.
            if gate.isShared ? (gated.strictMacroF1 ?? 0) > (evaluation.strictMacroF1 ?? 0) + 1e-9 : !gate.decidesNothing {
                model.gate = gate
                evaluation.units = gated.units
            }
        }
        return (model.roundTripped(), evaluation)
    }

    /// Fold of each article: round robin over the articles in the given order.
    static func folds(_ count: Int, _ folds: Int) -> [Int] { (0..<count).map { $0 % folds } }

    func fit(_ prepared: [Prepared], granularity: Granularity = .clauses) -> SuggestionModel {
        var sequenceTrainer = SequenceTrainer()
        sequenceTrainer.epochs = epochs
        sequenceTrainer.maximumFeatures = maximumFeatures
        let sequence = sequenceTrainer.train(prepared.map(\.document))
        var relationInstances: [ChoiceInstance] = []
        var stanceInstances: [ChoiceInstance] = []
        var summary = TrainingSummary()
        summary.defaultGenre = genre
        summary.granularity = granularity
        for item in prepared {
            relationInstances += item.relationChoices
            stanceInstances += item.stanceChoices
            summary.documents += 1
            summary.segments += item.analyzed.segments.count
            for unit in item.article.units where unit.status == .gold { summary.units[unit.type, default: 0] += 1 }
            summary.relations += item.article.relations.count
            summary.stances += item.article.units.filter { $0.status == .gold && $0.stance != nil && $0.target != nil }.count
        }
        summary.features = sequence.rows.count
        var choiceTrainer = ChoiceTrainer()
        choiceTrainer.epochs = epochs
        return SuggestionModel(sequence: sequence, relations: choiceTrainer.train(relationInstances), stance: choiceTrainer.train(stanceInstances), summary: summary)
    }

    static func relationInstances(_ item: Prepared) -> [ChoiceInstance] {
        let gold = item.article.units.filter { $0.status == .gold }
        let views = RelationFeatures.views(gold, paragraphs: item.analyzed.paragraphs, text: item.analyzed.text)
        var outgoing: [UnitID: (UnitID, RelationType)] = [:]
        var attackers = Set<UnitID>()
        for relation in item.article.relations {
            guard case .unit(let target) = relation.to else { continue }
            if relation.type.isAttack { attackers.insert(relation.from) }
            if outgoing[relation.from] == nil { outgoing[relation.from] = (target, relation.type) }
        }
        var instances: [ChoiceInstance] = []
        for index in views.indices {
            let candidates = RelationFeatures.candidates(for: index, in: views, attackers: attackers)
            let goldIndex: Int?
            if let (target, type) = outgoing[views[index].id] {
                goldIndex = candidates.firstIndex { $0.type == type && $0.target.map { views[$0].id } == target }
            } else {
                goldIndex = 0
            }
            // A relation out of reach (too far, or of a kind not proposed) cannot be learnt.
            if let goldIndex { instances.append(ChoiceInstance(candidates: candidates.map(\.features), gold: goldIndex)) }
        }
        return instances
    }

    static func stanceInstances(_ item: Prepared) -> [ChoiceInstance] {
        let targets = item.stanceTargets
        guard !targets.isEmpty else { return [] }
        var instances: [ChoiceInstance] = []
        for unit in item.article.units where unit.status == .gold {
            let candidates = StanceFeatures.candidates(text: unit.quote, type: unit.type, targets: targets)
            let goldIndex: Int?
            if let stance = unit.stance, let target = unit.target {
                goldIndex = candidates.firstIndex { $0.stance == stance && $0.target.map { targets[$0].id } == target }
            } else {
                goldIndex = 0
            }
            if let goldIndex { instances.append(ChoiceInstance(candidates: candidates.map(\.features), gold: goldIndex)) }
        }
        return instances
    }

    /// The temperature (a power of two) under which the held-out gold tags are most probable.
    static func temperature(_ trials: [(model: SuggestionModel, heldOut: [Prepared])]) -> Float {
        var best: (temperature: Float, likelihood: Double) = (1, -.infinity)
        for exponent in -4...10 {
            let temperature = Float(1 << (exponent + 4)) / 16
            var likelihood = 0.0
            for trial in trials {
                for item in trial.heldOut {
                    let emissions = trial.model.sequence.emissions(item.analyzed.features)
                    let marginals = trial.model.sequence.marginals(emissions, item.analyzed.boundaries, temperature: temperature)
                    for (index, tag) in item.document.gold.enumerated() { likelihood += Platform.logarithm(max(marginals[index][tag], 1e-12)) }
                }
            }
            if likelihood > best.likelihood { best = (temperature, likelihood) }
        }
        return best.temperature
    }
}

/// A mutable buffer shared by `concurrentPerform` workers, each writing its own slots.
struct UncheckedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
