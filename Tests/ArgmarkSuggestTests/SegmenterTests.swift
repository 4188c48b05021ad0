import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// The texts of `text`'s sentences, paragraph by paragraph.
private func sentences(_ text: String) -> [String] {
    let codePoints = CodePointText(text)
    return Segmenter().paragraphs(codePoints).flatMap { $0.sentences.map { codePoints[$0] } }
}

private func clauses(_ text: String) -> [String] {
    let codePoints = CodePointText(text)
    return Segmenter().segments(codePoints).map { codePoints[$0.span] }
}

struct SegmenterTests {
    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(sentences("Dr. Smith met Mr. Jones in the U.S. Senate. They talked.") == ["Dr. Smith met Mr. Jones in the U.S. Senate.", "They talked."])
        #expect(sentences("Some groups, e.g. Time's Up, agreed. Others did not.") == ["Some groups, e.g. Time's Up, agreed.", "Others did not."])
        #expect(sentences("The letter from J. K. Rowling arrived. It was long.") == ["The letter from J. K. Rowling arrived.", "It was long."])
        #expect(sentences("He was No. 5 on the list. No. Absolutely not.") == ["He was No. 5 on the list.", "No.", "Absolutely not."])
    }

    @Test func sentencesEndBeforeUpperCaseDigitsAndQuotes() {
        #expect(sentences("It happened. 2018 was the year. “Why?” Nobody knew!") == ["It happened.", "2018 was the year.", "“Why?”", "Nobody knew!"])
        #expect(sentences("Prices rose 3.5 percent. Wages did not.") == ["Prices rose 3.5 percent.", "Wages did not."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("She said, “We are done.” Then she left.") == ["She said, “We are done.”", "Then she left."])
    }

    @Test func aQuestionInsideQuotesFollowedByLowerCaseGoesOn() {
        #expect(sentences("“Is this the end?” she asked. “No.”") == ["“Is this the end?” she asked.", "“No.”"])
    }

    @Test func ellipsesEndSentencesOnlyBeforeANewSentence() {
        #expect(sentences("There is no one way to be a perpetrator…and there is no model survivor. We are human.")
            == ["There is no one way to be a perpetrator…and there is no model survivor.", "We are human."])
        #expect(sentences("Wait... What happened?") == ["Wait...", "What happened?"])
    }

    @Test func interviewTurnsAreParagraphs() {
        let text = "Q: Has #MeToo gone too far?\nA: No. Absolutely not.\n\nBURKE: It is a movement."
        let codePoints = CodePointText(text)
        let paragraphs = Segmenter().paragraphs(codePoints)
        #expect(paragraphs.map { codePoints[$0.span] } == ["Q: Has #MeToo gone too far?", "A: No. Absolutely not.", "BURKE: It is a movement."])
        #expect(paragraphs[1].sentences.map { codePoints[$0] } == ["A: No.", "Absolutely not."])
    }

    @Test func clausesAreCutAtConnectivesSemicolonsDashesAndIntroducedQuotes() {
        #expect(clauses("It is sad and infuriating to say the least, but one victim’s behavior does not nullify a movement.")
            == ["It is sad and infuriating to say the least,", "but one victim’s behavior does not nullify a movement."])
        #expect(clauses("Discrediting it is not a hot take; it directly serves the abusers.") == ["Discrediting it is not a hot take;", "it directly serves the abusers."])
        #expect(clauses("It is messy and complicated — but the answer is not to dismiss survivors.") == ["It is messy and complicated", "— but the answer is not to dismiss survivors."])
        #expect(clauses("As my friend Tarana Burke tweeted, “There is no model survivor.”") == ["As my friend Tarana Burke tweeted,", "“There is no model survivor.”"])
        #expect(clauses("Burke said, “There is no model survivor.”") == ["Burke said,", "“There is no model survivor.”"])
    }

    @Test func clausesTooShortAreNotCut() {
        // "No, but" would leave a one-word clause.
        #expect(clauses("No, but the answer is clear.") == ["No, but the answer is clear."])
    }

    @Test func segmentsKnowTheirPlaceAndWhetherTheyAreQuoted() {
        let text = "First paragraph here.\nShe wrote, “We will not be silenced by anyone.” Then it ended."
        let segments = Segmenter().segments(CodePointText(text))
        #expect(segments.map(\.paragraph) == [0, 1, 1, 1])
        #expect(segments.map(\.sentence) == [0, 1, 1, 2])
        #expect(segments.map(\.clause) == [0, 0, 1, 0])
        #expect(segments.map(\.insideQuotation) == [false, false, true, false])
    }

    @Test func offsetsAreCodePoints() {
        let text = "🙂 Émigrés arrived. They stayed."
        let codePoints = CodePointText(text)
        let segments = Segmenter().segments(codePoints)
        #expect(segments.map(\.span) == [Span(start: 0, end: 18), Span(start: 19, end: 31)])
    }
}

struct QuotationTests {
    @Test func apostrophesAreNotQuotes() {
        let text = CodePointText("It doesn’t matter what ‘they’ say, it’s “our” movement.")
        let regions = Quotations.find(text.scalars).regions.map { text[$0] }
        #expect(regions == ["they", "our"])
    }

    @Test func unclosedQuotesEndWithTheirParagraph() {
        let text = CodePointText("“First part of a long quote.\nNarration resumes.")
        let quotations = Quotations.find(text.scalars)
        #expect(quotations.regions.map { text[$0] } == ["First part of a long quote."])
        #expect(!quotations.contains(30))
    }

    @Test func straightQuotesPair() {
        let text = CodePointText("He said \"no\" and \"yes\".")
        #expect(Quotations.find(text.scalars).regions.map { text[$0] } == ["no", "yes"])
    }
}
