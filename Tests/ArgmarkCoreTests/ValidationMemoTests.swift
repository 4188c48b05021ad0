import Foundation
import Testing
@testable import ArgmarkCore

/// A validator with a memo answers exactly what one without it answers: a hit needs the same
/// bytes, path and corpus.
@Suite struct ValidationMemoTests {
    static let corpus = Corpus(targets: [StanceTarget(id: "t", name: "the target")])

    static func bytes(note: String) throws -> [UInt8] {
        let unit = ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 4), quote: "Cats", stance: .favor, target: "t", note: note)
        return try ArticleWriter.encode(Article(id: "a", text: "Cats are fine.", units: [unit]))
    }

    @Test func sameAnswersAsWithoutMemo() throws {
        let plain = Validator()
        let remembering = Validator(schema: .shared, memo: ValidationMemo(capacity: 2))
        let first = try Self.bytes(note: "one"), second = try Self.bytes(note: "two")
        for (bytes, corpus) in [(first, Self.corpus), (first, Self.corpus), (second, Self.corpus), (first, nil), (first, Self.corpus), (second, nil)] as [([UInt8], Corpus?)] {
            let expected = plain.validate(bytes: bytes, path: "a.xml", corpus: corpus).diagnostics
            #expect(remembering.validate(bytes: bytes, path: "a.xml", corpus: corpus).diagnostics == expected)
        }
        // Without the corpus the target is unknown: an error the memo must not hide.
        #expect(remembering.validate(bytes: first, path: "a.xml", corpus: nil).diagnostics.contains { $0.severity == .error })
        #expect(remembering.validate(bytes: first, path: "a.xml", corpus: Self.corpus).diagnostics.isEmpty)
        // Another path is another file: its findings name it.
        #expect(remembering.validate(bytes: first, path: "b.xml", corpus: nil).diagnostics.allSatisfy { $0.location.path == "b.xml" })
    }
}
