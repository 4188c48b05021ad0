import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// `argmark suggest --types`: a model's types outside the project's label set become the
/// nearest declared type, or are left out when none is near.
struct LabelSetTests {
    let text = "Sugar taxes cut obesity. They are wrong about the costs."

    @Test func withoutALabelSetTheModelsOwnTypesAreProposed() {
        #expect(Suggester(model: handMadeModel()).candidates(in: text).map(\.type) == [.claim, .rebuttal])
    }

    @Test func aTypeOutsideTheSetBecomesTheNearestDeclaredOne() {
        var suggester = Suggester(model: handMadeModel())
        suggester.labels = LabelSet([.claim])
        let found = suggester.candidates(in: text)
        #expect(found.map(\.type) == [.claim, .claim])
        // Spans and confidences are the model's, only the type changes.
        #expect(found.map(\.span) == Suggester(model: handMadeModel()).candidates(in: text).map(\.span))
        suggester.labels = LabelSet([.position, .evidence])
        #expect(suggester.candidates(in: text).map(\.type) == [.position, .position])
    }

    @Test func aTypeWithNoNearDeclaredTypeIsLeftOut() {
        var suggester = Suggester(model: handMadeModel())
        suggester.labels = LabelSet([.rebuttal])
        #expect(suggester.candidates(in: text).map(\.type) == [.rebuttal])
        suggester.labels = LabelSet([.counterclaim])
        #expect(suggester.candidates(in: text).isEmpty)
    }

    @Test func theMappingPrefersTheNearestType() {
        let set = LabelSet([.claim, .position])
        #expect(set.map(.evidence) == .claim)
        #expect(set.map(.counterclaim) == .claim)
        #expect(set.map(.position) == .position)
        #expect(LabelSet([.position, .evidence]).map(.claim) == .position)
        #expect(LabelSet([.evidence]).map(.claim) == .evidence)
        #expect(LabelSet([.evidence]).map(.rebuttal) == nil)
    }

    @Test func suggestionsIntoAnArticleFollowTheLabelSet() throws {
        var article = Article(id: "a", text: text)
        var suggester = Suggester(model: handMadeModel())
        suggester.labels = LabelSet([.claim, .evidence])
        let added = suggester.suggest(into: &article)
        #expect(added.units.map(\.type) == [.claim, .claim])
        #expect(article.units.allSatisfy { $0.status == .suggested && $0.type == .claim })
    }

    @Test func theEvaluationScoresTheMappedTypes() throws {
        // Gold: two claims. The model proposes a claim and a rebuttal; mapped to {claim}, both match.
        var article = Article(id: "a", text: text)
        article.units = [
            ArgumentUnit(id: UnitID("u1"), type: .claim, span: Span(start: 0, end: 24), quote: "Sugar taxes cut obesity.", status: .gold),
            ArgumentUnit(id: UnitID("u2"), type: .claim, span: Span(start: 25, end: 56), quote: "They are wrong about the costs.", status: .gold),
        ]
        let trainer = SuggestionTrainer()
        let plain = try trainer.evaluate(handMadeModel(), on: [TrainingArticle(article: article)])
        let mapped = try trainer.evaluate(handMadeModel(), on: [TrainingArticle(article: article)], labels: LabelSet([.claim]))
        #expect(plain.units[.claim]?.matched == 1)
        #expect(plain.units[.rebuttal]?.second == 1)
        #expect(mapped.units[.claim]?.matched == 2)
        #expect(mapped.units[.rebuttal] == nil)
        #expect(mapped.macroF1 == 1)
    }
}
