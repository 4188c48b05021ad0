import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// Articles whose units are whole sentences that the clause rules would cut in two (at
/// ", but" and ", because"), with an unannotated sentence between them.
private func wholeSentenceCorpus(_ count: Int) -> [TrainingArticle] {
    (0..<count).map { index in
        let sentences: [(String, Bool)] = [
            ("Fees for town \(index) rose sharply this year, but the buses stayed as slow as ever.", true),
            ("Nobody asked.", false),
            ("Riders will leave the service, because they can drive for less money.", true),
        ]
        var text = ""
        var units: [ArgumentUnit] = []
        for (offset, (sentence, isUnit)) in sentences.enumerated() {
            if offset > 0 { text += " " }
            let start = text.unicodeScalars.count
            text += sentence
            if isUnit { units.append(ArgumentUnit(id: UnitID("u\(offset + 1)"), type: .claim, span: Span(start: start, end: text.unicodeScalars.count), quote: sentence)) }
        }
        return TrainingArticle(article: Article(id: "whole-\(index)", metadata: ArticleMetadata(genre: .comment), text: text, units: units))
    }
}

struct GranularityTests {
    @Test func sentenceSegmentsKeepTheClauseCutsTogether() {
        let text = CodePointText("Fees rose sharply this year, but the buses stayed slow. Nobody asked.")
        #expect(Segmenter().segments(text, granularity: .clauses).count == 3)
        let sentences = Segmenter().segments(text, granularity: .sentences)
        #expect(sentences.map { text[$0.span] } == ["Fees rose sharply this year, but the buses stayed slow.", "Nobody asked."])
    }

    @Test func aSentenceModelProposesWholeSentencesAndSaysSoInItsFile() throws {
        var trainer = SuggestionTrainer()
        trainer.granularity = .sentences
        let (model, evaluation) = try trainer.trainWithCrossValidation(wholeSentenceCorpus(20), folds: 5)
        #expect(model.summary.granularity == .sentences)
        #expect(try #require(evaluation.macroF1) > 0.9)
        let reread = try SuggestionModel(bytes: model.encoded(), path: "m")
        #expect(reread.summary.granularity == .sentences)
        // Both sentences have a clause cut (", but", ", because"); the units are still whole.
        let found = Suggester(model: reread).candidates(in: "Fares went up again, but the trains are late. Riders will stay away, because cars cost less.", genre: .comment)
        #expect(found.map(\.span) == [Span(start: 0, end: 45), Span(start: 46, end: 92)])
    }

    @Test func withoutAFixedGranularityTheBetterCrossValidatedOneIsKept() throws {
        let corpus = wholeSentenceCorpus(12)
        var scores: [Granularity: Double] = [:]
        for granularity in Granularity.allCases {
            var trainer = SuggestionTrainer()
            trainer.granularity = granularity
            scores[granularity] = try trainer.trainWithCrossValidation(corpus, folds: 4).evaluation.strictMacroF1 ?? 0
        }
        let (model, evaluation) = try SuggestionTrainer().trainWithCrossValidation(corpus, folds: 4)
        let best: Granularity = scores[.sentences]! > scores[.clauses]! + 1e-9 ? .sentences : .clauses
        #expect(model.summary.granularity == best)
        #expect(evaluation.strictMacroF1 == scores[best])
    }

    @Test func aFixedGranularityIsKeptAndClausesAreTheDefaultOfOldModels() throws {
        var trainer = SuggestionTrainer()
        trainer.granularity = .clauses
        let model = try trainer.train(wholeSentenceCorpus(12))
        #expect(model.summary.granularity == .clauses)
        // A summary written before the segmentation was recorded reads as a clause model.
        #expect(TrainingSummary(text: "documents 3\nfeatures 10").granularity == .clauses)
        #expect(TrainingSummary(text: "documents 3\nsegmentation sentences").granularity == .sentences)
    }
}
