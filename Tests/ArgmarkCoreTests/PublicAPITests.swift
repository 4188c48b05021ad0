import Foundation
import Testing
@testable import ArgmarkCore

/// The documented public surface (ARCHITECTURE.md, "Public API") used as a Swift user of the
/// library would: validate a folder, apply a batch of edits, open the article, read its findings.
@Suite struct PublicAPITests {
    /// A folder with one article and nothing annotated yet.
    private func folder() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-public-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = Article(id: "a1", text: "Critics say it is over. They are wrong. It is alive, and it grows.")
        let path = folder.appendingPathComponent("a.xml").path
        try AtomicFile.write(ArticleWriter.encode(article), to: path)
        return (folder, path)
    }

    @Test func validateApplyOpenAndRead() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Validator().validate(paths: [folder.path]).errorCount == 0)
        let edits = """
            {"edit": "add", "type": "claim", "quote": "They are wrong.", "as": "wrong"}
            {"edit": "add", "type": "evidence", "quote": "It is alive", "as": "alive"}
            {"edit": "relate", "from": "alive", "type": "supports", "to": "wrong"}
            """
        let outcome = try ArticleEditor.apply(editLines: Array(edits.utf8), to: path, source: "batch.jsonl")
        #expect(outcome.changed)
        #expect(outcome.labels == ["wrong": "u1", "alive": "u2"])
        #expect(outcome.digest == SHA256.hexDigest(of: try FileSystem.read(path)))
        let loaded = try ArticleLoader.load(path)
        #expect(loaded.isValid)
        #expect(loaded.article.units.map(\.type) == [.claim, .evidence])
        #expect(loaded.article.unit(UnitID("u1"))?.span == Span(start: 24, end: 39))
        #expect(loaded.article.relations.map(\.to) == [.unit("u1")])
        // The digest is the file's version: a batch made for an older version is refused.
        #expect(throws: EditError.self) {
            try ArticleEditor.apply(editLines: Array(#"{"edit": "remove", "id": "u2", "cascade": true}"#.utf8), to: path, expectedDigest: String(repeating: "0", count: 64))
        }
    }

    /// A line that fails is named by its number; the article is left as it was.
    @Test func aBadLineIsNamedAndNothingIsWritten() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileSystem.read(path)
        let cases: [(String, Int, String)] = [
            ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"They are wrong.\"}\n{\"edit\": \"relate\", \"from\": \"u1\", \"type\": \"supports\", \"to\": \"u9\"}\n", 2, "u9"),
            ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"They are wrong.\"}\n\n{\"edit\": \"add\", \"type\": \"claim\"\n", 3, "truncated"),
            ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"not in the text\"}\n", 1, "not in the text"),
        ]
        for (lines, line, mentioned) in cases {
            do {
                _ = try ArticleEditor.apply(editLines: Array(lines.utf8), to: path, source: "batch.jsonl")
                Issue.record("applied: \(lines)")
            } catch {
                #expect(error.location == SourceLocation(path: "batch.jsonl", line: line), "\(error)")
                #expect(error.kind == .refused)
                #expect(error.finding.severity == .error)
                #expect(error.message.contains(mentioned), "\(error.message)")
            }
            #expect(try FileSystem.read(path) == before)
        }
    }
}
