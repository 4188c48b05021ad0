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

    package init() {}

    /// An article ready for learning.
    struct Prepared: Sendable {
        var article: Article
        var corpus: Corpus?
        var analyzed: AnalyzedText
        var document: EncodedDocument
    }

    func prepare(_ articles: [TrainingArticle]) throws(TrainingError) -> [Prepared] {
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
                let analyzed = AnalyzedText(item.article.text, genre: item.article.metadata.genre ?? genre)
                let gold = GoldTags.tags(of: analyzed.segments, among: item.article.units, textLength: analyzed.text.count)
                slots.buffer[index] = Prepared(article: item.article, corpus: item.corpus, analyzed: analyzed,
                                               document: EncodedDocument(features: analyzed.features, boundaries: analyzed.boundaries, gold: gold))
            }
        }
        return prepared.map { $0! }
    }

    /// Trains on every article.
    package func train(_ articles: [TrainingArticle]) throws(TrainingError) -> SuggestionModel {
        let prepared = try prepare(articles)
        var model = fit(prepared)
        // Confidences: the temperature that makes a held-out fifth most likely.
        if prepared.count >= 10 {
            let folds = Self.folds(prepared.count, 5)
            let heldOut = prepared.indices.filter { folds[$0] == 0 }
            let trial = fit(prepared.indices.filter { folds[$0] != 0 }.map { prepared[$0] })
            model.sequence.temperature = Self.temperature([(trial, heldOut.map { prepared[$0] })])
        }
        return model.roundTripped()
    }

    /// Cross-validates (`folds` folds of whole articles) and then trains on every article; the
    /// evaluation is of models that never saw the articles they are scored on.
    package func trainWithCrossValidation(_ articles: [TrainingArticle], folds count: Int = 5) throws(TrainingError) -> (model: SuggestionModel, evaluation: Evaluation) {
        let prepared = try prepare(articles)
        let foldCount = min(count, prepared.count)
        var model: SuggestionModel
        var evaluation = Evaluation()
        if foldCount >= 2 {
            let folds = Self.folds(prepared.count, foldCount)
            var results = [(model: SuggestionModel, heldOut: [Prepared], evaluation: Evaluation)?](repeating: nil, count: foldCount + 1)
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = UncheckedBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: foldCount + 1) { fold in
                    if fold == foldCount {
                        slots.buffer[fold] = (fit(prepared), [], Evaluation())
                        return
                    }
                    let trained = fit(prepared.indices.filter { folds[$0] != fold }.map { prepared[$0] }).roundTripped()
                    let heldOut = prepared.indices.filter { folds[$0] == fold }.map { prepared[$0] }
                    slots.buffer[fold] = (trained, heldOut, Self.evaluate(trained, heldOut))
                }
            }
            model = results[foldCount]!.model
            for fold in 0..<foldCount { evaluation = evaluation + results[fold]!.evaluation }
            model.sequence.temperature = Self.temperature((0..<foldCount).map { (results[$0]!.model, results[$0]!.heldOut) })
        } else {
            model = fit(prepared)
        }
        return (model.roundTripped(), evaluation)
    }

    /// Fold of each article: round robin over the articles in the given order.
    static func folds(_ count: Int, _ folds: Int) -> [Int] { (0..<count).map { $0 % folds } }

    func fit(_ prepared: [Prepared]) -> SuggestionModel {
        var sequenceTrainer = SequenceTrainer()
        sequenceTrainer.epochs = epochs
        sequenceTrainer.maximumFeatures = maximumFeatures
        let sequence = sequenceTrainer.train(prepared.map(\.document))
        var relationInstances: [ChoiceInstance] = []
        var stanceInstances: [ChoiceInstance] = []
        var summary = TrainingSummary()
        summary.defaultGenre = genre
        for item in prepared {
            relationInstances += Self.relationInstances(item)
            stanceInstances += Self.stanceInstances(item)
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
        guard let declared = item.corpus?.targets, !declared.isEmpty else { return [] }
        let targets = StanceFeatures.plausibleTargets(declared, articleText: item.article.text)
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
