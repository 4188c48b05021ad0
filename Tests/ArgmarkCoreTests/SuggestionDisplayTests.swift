import Testing
@testable import ArgmarkCore

/// How `show` and `list` tell suggestions apart from annotations.
struct SuggestionDisplayTests {
    @Test func suggestionsShowAQuestionMarkAndTheirConfidence() {
        let gold = ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 1), quote: "a", speaker: "milano")
        let suggested = ArgumentUnit(id: "u2", type: .claim, span: Span(start: 0, end: 1), quote: "a", speaker: "milano", status: .suggested, confidence: 0.4567)
        #expect(gold.displayID == "u1")
        #expect(suggested.displayID == "u2?")
        #expect(gold.attributeSummary == "milano")
        #expect(suggested.attributeSummary == "milano; suggested 0.46")
    }

    @Test func confidencesHaveTwoDecimals() {
        #expect(ArgumentUnit.formatConfidence(0) == "0.00")
        #expect(ArgumentUnit.formatConfidence(0.049) == "0.05")
        #expect(ArgumentUnit.formatConfidence(0.995) == "1.00")
        #expect(ArgumentUnit.formatConfidence(1) == "1.00")
    }
}
