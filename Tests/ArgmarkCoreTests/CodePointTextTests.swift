import Testing
@testable import ArgmarkCore

@Suite struct CodePointTextTests {
    @Test func offsetsCountCodePointsNotGraphemes() {
        // "é" as e + combining acute is two code points but one Character; 🙂 is one code point.
        let text = CodePointText("cafe\u{301} 🙂 ok")
        #expect(text.count == 10)
        #expect(text[Span(start: 0, end: 5)] == "cafe\u{301}")
        #expect(text[Span(start: 6, end: 7)] == "🙂")
        #expect(text.matches("ok", at: Span(start: 8, end: 10)))
        #expect(!text.matches("ok", at: Span(start: 7, end: 9)))
        #expect(text.matches(" ok", at: Span(start: 7, end: 10)))
        #expect(!text.contains(Span(start: 8, end: 11)))
        #expect(text.occurrences(of: "ok") == [Span(start: 8, end: 10)])
    }

    @Test func quoteComparisonIsExactNotCanonical() {
        // Precomposed é and decomposed e + ◌́ are equal as Swift Strings but not as code points.
        let text = CodePointText("caf\u{E9}")
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(text.matches("caf\u{E9}", at: Span(start: 0, end: 4)))
        #expect(!text.matches("cafe\u{301}", at: Span(start: 0, end: 4)))
    }

    @Test func occurrencesFindEveryMatchIncludingOverlaps() {
        let text = CodePointText("aaa 🙂a🙂a")
        #expect(text.occurrences(of: "aa") == [Span(start: 0, end: 2), Span(start: 1, end: 3)])
        #expect(text.occurrences(of: "🙂a") == [Span(start: 4, end: 6), Span(start: 6, end: 8)])
        #expect(text.occurrences(of: "zzz").isEmpty)
        #expect(text.occurrences(of: "").isEmpty)
    }

    @Test func lineAndColumn() {
        let text = CodePointText("ab\n🙂c\n")
        #expect(text.lineAndColumn(of: 0) == (1, 1))
        #expect(text.lineAndColumn(of: 4) == (2, 2))
        #expect(text.lineAndColumn(of: 6) == (3, 1))
    }
}
