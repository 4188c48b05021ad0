import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark merge A B -o GOLD` as a user runs it: the conflict list is in document order, and
/// the same inputs give the same bytes on every run (it used to follow a Set's order, which
/// changes from one process to the next).
@Suite struct MergeCommandTests {
    /// Forty sentences; both annotators mark each one a claim, A with ids in text order and B in
    /// reverse, and each chains "the next supports the previous" in its own ids: every unit
    /// agrees, every relation conflicts, and A's and B's relation conflicts read alike pairwise
    /// ("u2 supports u1"), so only a real order can keep the list stable.
    static func versions(in folder: URL) throws -> (URL, URL) {
        let count = 40
        var text = ""
        var spans: [Span] = []
        for number in 1...count {
            let sentence = "Sentence number \(number) says something."
            let start = text.unicodeScalars.count
            text += sentence + " "
            spans.append(Span(start: start, end: start + sentence.unicodeScalars.count))
        }
        let scalars = Array(text.unicodeScalars)
        func quote(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
        func version(reversed: Bool) -> Article {
            let order = reversed ? Array(spans.reversed()) : spans
            let units = order.enumerated().map { index, span in
                ArgumentUnit(id: UnitID("u\(index + 1)"), type: .claim, span: span, quote: quote(span))
            }
            let relations = (1..<count).map { index in
                Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("u\(index + 1)"), to: .unit(UnitID("u\(index)")))
            }
            return Article(id: "chain", text: text, units: units, relations: relations)
        }
        let a = folder.appendingPathComponent("a.xml"), b = folder.appendingPathComponent("b.xml")
        try Data(try ArticleWriter.encode(version(reversed: false))).write(to: a)
        try Data(try ArticleWriter.encode(version(reversed: true))).write(to: b)
        return (a, b)
    }

    @Test func conflictsComeInDocumentOrderAndTheSameBytesEveryRun() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (a, b) = try Self.versions(in: folder)
        var outputs: [String] = []
        var golds: [Data] = []
        for run in 0..<4 {
            let gold = folder.appendingPathComponent("gold-\(run).xml")
            let result = try ArgmarkProcess.run(["merge", a.path, b.path, "-o", gold.path])
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(result.standardOutput.replacingOccurrences(of: gold.path, with: "GOLD"))
            golds.append(try Data(contentsOf: gold))
        }
        for run in 1..<outputs.count {
            #expect(outputs[run] == outputs[0], "run \(run) listed the conflicts in another order")
            #expect(golds[run] == golds[0])
        }
        let lines = outputs[0].split(separator: "\n").filter { $0.hasPrefix("conflict: ") }
        #expect(lines.count == 78)
        // Document order: the relation starting at sentence 1 first (B's u40 supports u39 points
        // from sentence 1 to sentence 2), then A's from sentence 2 (u2 supports u1), …
        #expect(lines.prefix(3) == [
            "conflict: relation u40 supports u39 (only in \(b.path))",
            "conflict: relation u2 supports u1 (only in \(a.path))",
            "conflict: relation u39 supports u38 (only in \(b.path))",
        ])
        #expect(outputs[0].contains("GOLD: 40 units and 0 relations agreed, 78 conflicts"))
        let validation = try ArgmarkProcess.run(["validate", folder.appendingPathComponent("gold-0.xml").path])
        #expect(validation.status == 0, "\(validation.standardOutput)\(validation.standardError)")
    }
}
