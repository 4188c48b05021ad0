import Foundation
import ArgmarkAgreement
import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// Articles in which every sentence is a gold claim.
private func allClaims(_ count: Int) -> [TrainingArticle] {
    (0..<count).map { index in
        let sentences = ["Taxes on sugar work in \(index) towns.", "Children drink less soda there.", "Dentists see fewer cavities."]
        var text = ""
        var units: [ArgumentUnit] = []
        for (offset, sentence) in sentences.enumerated() {
            if offset > 0 { text += " " }
            let start = text.unicodeScalars.count
            text += sentence
            units.append(ArgumentUnit(id: UnitID("u\(offset + 1)"), type: .claim, span: Span(start: start, end: text.unicodeScalars.count), quote: sentence))
        }
        return TrainingArticle(article: Article(id: "claims-\(index)", text: text, units: units))
    }
}

/// A model that prefers "outside" on every segment by `margin`.
private func reluctantModel(margin: Float) -> SequenceModel {
    var emission = [Float](repeating: 0, count: Tags.count)
    emission[Tags.outside] = margin
    return SequenceModel(rows: [FeatureHash.hash("bias"): 0], emission: emission)
}

struct CalibrationTests {
    @Test func aReluctantModelIsShiftedUntilItProposesTheUnits() throws {
        let trainer = SuggestionTrainer()
        let items = try trainer.prepare(allClaims(6))
        let model = reluctantModel(margin: 2)
        let scores = SuggestionTrainer.HeldOutScores(model: model, items: items)
        #expect(scores.evaluation(TypeOffsets()).units[.claim]?.second == 0)

        let offsets = SuggestionTrainer.calibrate([scores], temperature: 1)
        let claim = offsets.values[Tags.unitTypes.firstIndex(of: .claim)!]
        #expect(claim > 2)
        // Only the type the gold has is moved.
        #expect(offsets.values.enumerated().allSatisfy { $0.offset == Tags.unitTypes.firstIndex(of: .claim)! || $0.element == 0 })
        let after = scores.evaluation(offsets)
        #expect(after.macroF1 == 1)

        // Folded into the bias feature, the shift survives writing the model and reading it back.
        let shifted = model.shifted(by: offsets)
        let full = SuggestionModel(sequence: shifted, relations: ChoiceModel(weights: [:]), stance: ChoiceModel(weights: [:]), summary: TrainingSummary())
        let reread = full.roundTripped().sequence
        let units = reread.units(in: items[0].analyzed)
        #expect(units.map(\.type) == [.claim, .claim, .claim])
    }

    @Test func aModelAlreadyRightIsLeftAlone() throws {
        let items = try SuggestionTrainer().prepare(allClaims(4))
        var emission = [Float](repeating: 0, count: Tags.count)
        emission[Tags.begin(.claim)] = 5
        let model = SequenceModel(rows: [FeatureHash.hash("bias"): 0], emission: emission)
        let offsets = SuggestionTrainer.calibrate([.init(model: model, items: items)], temperature: 1)
        #expect(offsets.isZero)
        #expect(model.shifted(by: offsets) == model)
    }

    @Test func eachGenreGetsItsOwnTypePriorsWhereTheHeldOutArticlesMixGenres() throws {
        // Comments where every sentence is a claim, news articles with one position and no
        // claim: no single offset serves both, one per genre does.
        var articles = allClaims(TypeOffsets.minimumGenreArticles).map { item -> TrainingArticle in
            var item = item
            item.article.metadata.genre = .comment
            return item
        }
        for index in 0..<TypeOffsets.minimumGenreArticles {
            let first = "The council met on Monday \(index)."
            let text = first + " It voted on the budget. Nobody came."
            let unit = ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: first.unicodeScalars.count), quote: first)
            articles.append(TrainingArticle(article: Article(id: "news-\(index)", metadata: ArticleMetadata(genre: .news), text: text, units: [unit])))
        }
        let items = try SuggestionTrainer().prepare(articles)
        let scores = SuggestionTrainer.HeldOutScores(model: reluctantModel(margin: 2), items: items)
        let offsets = SuggestionTrainer.calibrate([scores], temperature: 1)
        let claim = Tags.unitTypes.firstIndex(of: .claim)!
        #expect(offsets.values[claim] + (offsets.genres[.comment]?[claim] ?? 0) > 2)
        let comments = scores.evaluation(offsets, genre: .some(.comment))
        #expect(comments.units[.claim]?.f1 == 1)
        #expect(scores.evaluation(offsets, genre: .some(.news)).units[.claim]?.second ?? 0 == 0)
        // Folded into the model (the genre's offsets into its genre: feature), the same holds.
        let shifted = SuggestionModel(sequence: reluctantModel(margin: 2).shifted(by: offsets), relations: ChoiceModel(weights: [:]), stance: ChoiceModel(weights: [:]), summary: TrainingSummary()).roundTripped()
        #expect(Suggester(model: shifted).candidates(in: "Taxes rose in 99 towns. Children drink less.", genre: .comment).map(\.type) == [.claim, .claim])
        #expect(!Suggester(model: shifted).candidates(in: "Taxes rose in 99 towns. Children drink less.", genre: .news).contains { $0.type == .claim })
    }

    @Test func macroF1CountsTheGoldTypesAndTheStrictOneAlsoTheSuggestedOnes() {
        var evaluation = Evaluation()
        evaluation.units[.claim] = MatchCounts(first: 4, second: 4, matched: 3)
        evaluation.units[.position] = MatchCounts(first: 0, second: 2, matched: 0)
        #expect(evaluation.macroF1 == 0.75)
        #expect(evaluation.strictMacroF1 == 0.375)
    }

    @Test func trainingOnAllClaimCommentsLearnsToProposeThem() throws {
        // End to end through train(): the calibrated model finds the units of unseen articles.
        let model = try SuggestionTrainer().train(allClaims(20))
        let found = Suggester(model: model).candidates(in: "Taxes on sugar work in 99 towns. Children drink less soda there.", genre: nil)
        #expect(found.map(\.type) == [.claim, .claim])
    }
}


struct ShippedModelFileTests {
    /// What is compiled in (base64 in Model/DefaultModel.swift) is byte for byte the file
    /// bench/suggest/train.sh wrote, so the shipped model is the one the script reproduces.
    @Test func theEmbeddedModelIsTheFileTheScriptWrote() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try Data(contentsOf: root.appendingPathComponent("Sources/ArgmarkSuggest/Resources/default-model.bin"))
        #expect(Base64.decode(DefaultModel.base64) == Array(file))
        #expect(SuggestionModel.shipped.encoded() == Array(file))
    }
}
