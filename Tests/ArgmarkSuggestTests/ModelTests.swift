import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// A small synthetic corpus whose unit types follow the wording: "I believe" opens the
/// position, "for example" the evidence, "some say" a counterclaim, every other sentence is a claim.
func syntheticCorpus(_ count: Int, genre: Genre? = .opinion) -> [TrainingArticle] {
    let topics = ["school uniforms", "sunday shopping", "nuclear power", "free tuition", "city cycling", "public libraries", "remote work", "tax on sugar"]
    return (0..<count).map { index in
        let topic = topics[index % topics.count]
        let sentences: [(String, UnitType?)] = [
            ("I believe that \(topic) is a good idea.", .position),
            ("Some say that \(topic) costs too much money.", .counterclaim),
            ("It helps many people every single day.", .claim),
            ("For example, a study in \(2000 + index) found clear benefits.", .evidence),
            ("The weather was mild that year.", nil),
        ]
        var text = ""
        var units: [ArgumentUnit] = []
        for (offset, (sentence, type)) in sentences.enumerated() {
            if offset > 0 { text += " " }
            let start = text.unicodeScalars.count
            text += sentence
            if let type {
                units.append(ArgumentUnit(id: UnitID("u\(offset + 1)"), type: type, span: Span(start: start, end: text.unicodeScalars.count), quote: sentence))
            }
        }
        let relations = [Relation(id: "r1", type: .supports, from: "u3", to: .unit("u1")), Relation(id: "r2", type: .supports, from: "u4", to: .unit("u3")),
                         Relation(id: "r3", type: .attacks, from: "u2", to: .unit("u1"))]
        return TrainingArticle(article: Article(id: "doc-\(index)", metadata: ArticleMetadata(genre: genre), text: text, units: units, relations: relations))
    }
}

struct TrainingTests {
    @Test func learnsTheCorpusAndSuggestsWhatItLearnt() throws {
        let model = try SuggestionTrainer().train(syntheticCorpus(40))
        let text = "I believe that school uniforms is a good idea. Some say that it costs too much money. For example, a study in 2019 found clear benefits."
        let found = Suggester(model: model).candidates(in: text, genre: .opinion)
        #expect(found.map(\.type) == [.position, .counterclaim, .evidence])
        #expect(found.allSatisfy { $0.confidence > 0.5 && $0.confidence <= 1 })
        #expect(model.summary.documents == 40)
        #expect(model.summary.units[.claim] == 40)
        #expect(model.summary.relations == 120)
    }

    @Test func crossValidationScoresHeldOutFoldsWithTheOverlapRule() throws {
        let (_, evaluation) = try SuggestionTrainer().trainWithCrossValidation(syntheticCorpus(20), folds: 5)
        #expect(evaluation.documents == 20)
        let position = try #require(evaluation.units[.position])
        #expect((position.first, position.second, position.matched) == (20, 20, 20))
        #expect(try #require(evaluation.macroF1) > 0.9)
        // Relations given the gold units: the synthetic ones are regular enough to learn.
        #expect(evaluation.relations.first == 60)
        #expect(try #require(evaluation.relations.f1) > 0.8)
    }

    @Test func theSameArticlesGiveTheSameBytes() throws {
        let first = try SuggestionTrainer().train(syntheticCorpus(15)).encoded()
        let second = try SuggestionTrainer().train(syntheticCorpus(15)).encoded()
        #expect(first == second)
        #expect(try SuggestionModel(bytes: first, path: "m").encoded() == first)
    }

    @Test func aCorpusWithoutGoldUnitsIsRefused() {
        let bare = [TrainingArticle(article: Article(id: "a", text: "Nothing is annotated here."))]
        #expect(throws: TrainingError.self) { try SuggestionTrainer().train(bare) }
        do {
            _ = try SuggestionTrainer().train(bare)
        } catch {
            #expect(error.message.contains("no gold units in 1 article"))
        }
    }

    @Test func stanceIsLearntTowardDeclaredTargets() throws {
        let target = StanceTarget(id: "uniforms", name: "school uniforms should be compulsory")
        let other = StanceTarget(id: "tuition", name: "tuition should be free")
        let corpus = Corpus(targets: [target, other])
        let articles = (0..<30).map { index -> TrainingArticle in
            let favor = index % 2 == 0
            let sentence = favor ? "School uniforms should be compulsory for all pupils." : "School uniforms should never be compulsory, they are not needed."
            let unit = ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: sentence.unicodeScalars.count), quote: sentence,
                                    stance: favor ? .favor : .against, target: "uniforms")
            return TrainingArticle(article: Article(id: "s\(index)", text: sentence, units: [unit]), corpus: corpus)
        }
        let model = try SuggestionTrainer().train(articles)
        #expect(model.stance(of: "School uniforms should be compulsory for all pupils.", type: .position, targets: [target, other])?.stance == .favor)
        #expect(model.stance(of: "School uniforms should never be compulsory, they are not needed.", type: .position, targets: [target, other])?.target == "uniforms")
    }
}

struct ModelFileTests {
    let model: SuggestionModel
    let bytes: [UInt8]

    init() throws {
        model = try SuggestionTrainer().train(syntheticCorpus(12))
        bytes = model.encoded()
    }

    func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SuggestionModel(bytes: bytes, path: "m.model")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsBackWhatItWrites() throws {
        let read = try SuggestionModel(bytes: bytes, path: "m.model")
        #expect(read == model)
        #expect(read.summary == model.summary)
    }

    @Test func damagedTruncatedForeignAndOtherVersionFilesAreRefused() throws {
        var damaged = bytes
        damaged[damaged.count - 3] ^= 0x10
        #expect(message(damaged)?.hasPrefix("m.model: error: the model is damaged (its checksum does not match") == true)
        #expect(message(Array(bytes.prefix(bytes.count - 7)))?.contains("damaged") == true)
        #expect(message(Array("feature\tnone\tclaim\n".utf8))?.contains("not an argmark suggestion model") == true)
        #expect(message([])?.contains("not an argmark suggestion model") == true)
        var header = Array("argmark suggestion model\nformat-version: 1\n".utf8)
        header += bytes.dropFirst(header.count)
        #expect(message(header)?.contains("the model has format version 1, this argmark reads versions 2, 3 and 4") == true)
        // A payload that ends early is damaged even when its checksum matches.
        let payload = Array(bytes.drop { _ in false }.split(separator: 10, maxSplits: 3, omittingEmptySubsequences: false)[3])
        let short = Array(payload.prefix(payload.count / 2))
        let forged = Array("argmark suggestion model\nformat-version: 2\nsha256: \(SHA256.hexDigest(of: short))\n\n".utf8) + short
        #expect(message(forged)?.contains("ends early or runs on") == true)
    }

    @Test func theShippedModelLoadsAndWasTrainedOnTheCorpora() {
        let shipped = SuggestionModel.shipped
        #expect(shipped.summary.documents > 100)
        #expect(shipped.summary.features > 1000)
        #expect(Set(shipped.summary.units.keys) == Set(UnitType.allCases))
    }
}

struct DecodingTests {
    @Test func viterbiNeverContinuesAUnitThatWasNotOpened() {
        // Emissions that favour "inside claim" everywhere; the constraint must still open it.
        let inside = Tags.inside(.claim)
        var emissions = [[Float]](repeating: [Float](repeating: 0, count: Tags.count), count: 4)
        for i in emissions.indices { emissions[i][inside] = 3 }
        emissions[2][Tags.inside(.evidence)] = 9
        let path = SequenceModel().decode(emissions, [.newParagraph, .sameSentence, .sameSentence, .newSentence])
        #expect(path[0] != inside)
        for i in 1..<path.count { #expect(Tags.allowed(path[i - 1], path[i])) }
    }

    @Test func marginalsAreProbabilities() {
        var emissions = [[Float]](repeating: [Float](repeating: 0, count: Tags.count), count: 5)
        for i in emissions.indices { emissions[i][(i * 3) % Tags.count] = Float(i) }
        let marginals = SequenceModel().marginals(emissions, Boundary.of([]) + [.newParagraph, .sameSentence, .newSentence, .newSentence, .newParagraph])
        for row in marginals {
            #expect(abs(row.reduce(0, +) - 1) < 1e-9)
            #expect(row.allSatisfy { $0 >= 0 })
        }
        #expect(marginals[0][Tags.inside(.claim)] == 0)
    }

    @Test func goldTagsMarkBeginningAndContinuation() {
        let text = "The first part here, but the second part. Third sentence here. Fourth."
        let segments = Segmenter().segments(CodePointText(text))
        #expect(segments.count == 4)
        let length = text.unicodeScalars.count
        let units = [ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: length - 8), quote: ""),
                     ArgumentUnit(id: "u2", type: .claim, span: Span(start: length - 7, end: length), quote: ""),
                     ArgumentUnit(id: "u3", type: .evidence, span: Span(start: length - 7, end: length), quote: "", status: .suggested)]
        let tags = GoldTags.tags(of: segments, among: units, textLength: text.unicodeScalars.count)
        #expect(tags == [Tags.begin(.claim), Tags.inside(.claim), Tags.inside(.claim), Tags.begin(.claim)])
    }

    @Test func baselinesFollowTheirRules() {
        let text = CodePointText("Intro one. Thesis here.\nBody claim. Body support.\nRestated thesis. Closing words.")
        #expect(Baseline.positional.units(text).map(\.type) == [.evidence, .position, .claim, .evidence, .position, .evidence])
        #expect(Baseline.everySentenceEvidence.units(text).count == 6)
        #expect(Set(Baseline.everySentenceClaim.units(text).map(\.type)) == [.claim])
    }
}

struct RelationSuggestionTests {
    @Test func suggestedRelationsAreValidAndNeverCloseACycle() throws {
        let model = try SuggestionTrainer().train(syntheticCorpus(30))
        var article = Article(id: "n", text: "I believe that remote work is a good idea. Some say that remote work costs too much money. It helps many people every single day. For example, a study in 2021 found clear benefits.")
        let suggestions = Suggester(model: model).suggest(into: &article)
        #expect(suggestions.units.count == 4)
        #expect(!suggestions.relations.isEmpty)
        let types = Dictionary(uniqueKeysWithValues: article.units.map { ($0.id, $0.type) })
        for (relation, confidence) in suggestions.relations {
            #expect(types[relation.from] != nil)
            #expect((0...1).contains(confidence))
            if types[relation.from] == .evidence { #expect(relation.type == .supports) }
        }
        let (_, diagnostics) = Validator().validate(bytes: try ArticleWriter.encode(article), path: "n.xml", corpus: nil)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }
}
