import ArgmarkCore
import Testing

@Suite struct QuoteMatcherTests {
    let text = CodePointText("Critics say “it’s over”.  The movement\nis   alive. The movement grows. Ünïcode café ☕ here.")

    @Test func exactMatchComesFirstAndReportsNothingForgiven() {
        let search = QuoteMatcher.search("The movement grows.", in: text)
        #expect(search.isExact)
        #expect(search.occurrences.count == 1)
        #expect(text[search.occurrences[0]] == "The movement grows.")
    }

    @Test func straightQuotesMatchCurlyOnes() {
        let search = QuoteMatcher.search("\"it's over\"", in: text)
        #expect(search.forgiven == [.quotes])
        #expect(search.occurrences.map { text[$0] } == ["“it’s over”"])
    }

    @Test func whitespaceRunsAndLineBreaksAreForgiven() {
        let search = QuoteMatcher.search("The movement is alive.", in: text)
        #expect(search.forgiven == [.whitespace])
        #expect(search.occurrences.map { text[$0] } == ["The movement\nis   alive."])
    }

    @Test func caseIsForgivenAndNamed() {
        let search = QuoteMatcher.search("the MOVEMENT grows", in: text)
        #expect(search.forgiven == [.letterCase])
        #expect(search.occurrences.map { text[$0] } == ["The movement grows"])
    }

    @Test func offsetsAreCodePointsEvenAfterNonASCII() {
        let search = QuoteMatcher.search("here", in: text)
        let scalars = Array("Critics say “it’s over”.  The movement\nis   alive. The movement grows. Ünïcode café ☕ here.".unicodeScalars)
        #expect(search.occurrences == [Span(start: scalars.count - 5, end: scalars.count - 1)])
    }

    @Test func ambiguousQuotesReturnEveryOccurrence() {
        let search = QuoteMatcher.search("The movement", in: text)
        #expect(search.occurrences.count == 2)
        #expect(search.occurrences[0].start < search.occurrences[1].start)
    }

    @Test func forgivingMatchCanAlsoBeAmbiguous() {
        let search = QuoteMatcher.search("the   movement", in: text)
        #expect(search.occurrences.count == 2)
        #expect(!search.isExact)
    }

    @Test func missingQuoteFindsNothingButReportsTheLongestPrefix() {
        #expect(QuoteMatcher.search("The movement is dead", in: text).occurrences.isEmpty)
        let prefix = QuoteMatcher.longestMatchingPrefix(of: "The movement is dead", in: text)
        #expect(prefix?.length == 16) // "The movement is " matches, "d" does not
    }

    @Test func ellipsisAndDashesAreForgiven() {
        let other = CodePointText("one—two…three")
        let search = QuoteMatcher.search("one-two...three", in: other)
        #expect(search.occurrences == [Span(start: 0, end: 13)])
        #expect(search.forgiven == [.dashes, .ellipsis])
    }

    @Test func contextMarksTheOccurrence() {
        let context = QuoteMatcher.context(of: Span(start: 0, end: 7), in: text, width: 5)
        #expect(context == "[Critics] say …")
    }
}
