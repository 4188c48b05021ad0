import ArgmarkTestSupport
import Testing
@testable import ArgmarkCore

/// The fast offset index used by validation must agree with the plain scalar array everywhere.
@Suite struct UTF8SpanIndexTests {
    /// A small deterministic generator, so a failure can be replayed.
    @Test func agreesWithCodePointTextOnRandomMixedScriptText() {
        let alphabet: [Unicode.Scalar] = ["a", "b", " ", "\n", "\r", "é", "\u{301}", "ß", "中", "文", "🙂", "👍", "\u{200B}", "ا", "ل"]
        var random = SeededRandom("UTF8SpanIndexTests", default: 42)
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<random.below(70) { view.append(alphabet[random.below(alphabet.count)]) }
            let text = String(view)
            let reference = CodePointText(text)
            var spans: [Span] = []
            for _ in 0..<8 where reference.count > 0 {
                let start = random.below(reference.count + 1)
                let end = start + random.below(reference.count - start + 1)
                spans.append(Span(start: start, end: end))
            }
            let index = UTF8SpanIndex(text, offsets: spans.flatMap { [$0.start, $0.end] })
            #expect(index.count == reference.count)
            for span in spans {
                let quote = reference[span]
                #expect(index[span] == quote)
                #expect(index.matches(quote, at: span))
                #expect(!index.matches(quote + "x", at: span))
            }
        }
    }

    @Test func offsetsPastTheEndAreNotMatched() {
        let index = UTF8SpanIndex("abc", offsets: [0, 3, 4])
        #expect(index.count == 3)
        #expect(index.matches("abc", at: Span(start: 0, end: 3)))
        #expect(!index.matches("abc", at: Span(start: 1, end: 4)))
    }
}
