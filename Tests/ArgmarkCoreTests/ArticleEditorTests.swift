import Foundation
import Testing
@testable import ArgmarkCore

/// What the editor does with files that are not what argmark itself would write.
@Suite struct ArticleEditorTests {
    private func copyFixture(_ name: String) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in [name, "corpus.xml"] {
            try FileManager.default.copyItem(at: Fixtures.validation.appendingPathComponent("invalid/\(file)"), to: folder.appendingPathComponent(file))
        }
        return (folder, folder.appendingPathComponent(name).path)
    }

    private func addClaim(_ path: String) throws(EditError) {
        _ = try ArticleEditor.edit(path) { (article: inout Article, _: Corpus?) throws(EditError) in
            article.units.append(ArgumentUnit(id: "u99", type: .claim, span: Span(start: 0, end: 7), quote: "Critics"))
        }
    }

    @Test func canonicalFileWithAnOldErrorIsRefusedAsSuch() throws {
        // quote-mismatch.xml is canonical (argmark would write it byte for byte) but has an error.
        let (folder, path) = try copyFixture("quote-mismatch.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileSystem.read(path)
        #expect(try ArticleWriter.encode(decoded(before)) == before)
        do {
            try addClaim(path)
            Issue.record("an invalid file was edited")
        } catch {
            #expect(error.message.contains("is not valid (1 error); fix it first"))
            #expect(error.diagnostics.map(\.rule) == [.quoteMismatch])
        }
        #expect(try FileSystem.read(path) == before)
    }

    @Test func readingBesideABrokenCorpusNamesTheCorpus() throws {
        let (folder, path) = try copyFixture("quote-mismatch.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpusPath = folder.appendingPathComponent("corpus.xml").path
        try AtomicFile.write(FileSystem.read(corpusPath) + Array("<broken\n".utf8), to: corpusPath)
        let (_, corpus, diagnostics) = try ArticleEditor.read(article: path)
        #expect(corpus == nil)
        let first = try #require(diagnostics.first)
        #expect(first.rule == .corpusMissing, "\(diagnostics)")
        #expect(first.location.path == corpusPath)
        #expect(first.message.contains("fix it first"))
    }

    @Test func nonCanonicalValidFileIsValidatedThenEdited() throws {
        let (folder, path) = try copyFixture("quote-mismatch.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A valid file written by hand: a comment and different spacing make it non-canonical.
        let valid = try FileSystem.read(Fixtures.validation.appendingPathComponent("valid/fixture.xml").path)
        var text = String(decoding: valid, as: UTF8.self)
        text = text.replacingOccurrences(of: "  <meta>", with: "<!-- hand-written -->\n  <meta   >")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try addClaim(path)
        let after = try decoded(try FileSystem.read(path))
        #expect(after.units.contains { $0.id == "u99" })
    }

    @Test func unknownElementsAreNeverDroppedByAnEdit() throws {
        let (folder, path) = try copyFixture("quote-mismatch.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try FileSystem.read(Fixtures.validation.appendingPathComponent("valid/fixture.xml").path)
        let text = String(decoding: valid, as: UTF8.self).replacingOccurrences(of: "</meta>", with: "<extra>keep me</extra></meta>")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let before = try FileSystem.read(path)
        #expect(throws: EditError.self) { try addClaim(path) }
        #expect(try FileSystem.read(path) == before)
    }

    private func decoded(_ bytes: [UInt8]) throws -> Article {
        guard case .article(let decoded)? = ArticleXML.decode(try SafeXMLParser.parse(bytes, path: "x.xml").get()) else {
            throw CancellationError()
        }
        return decoded.article
    }
}
