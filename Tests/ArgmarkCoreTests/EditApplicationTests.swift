import Foundation
import Testing
@testable import ArgmarkCore

/// ``ArticleEditor/apply(_:to:expectedDigest:validator:)``: lists of edits, all or nothing.
@Suite struct EditApplicationTests {
    /// A folder with an article `a.xml` (speaker `author`) and a corpus (target `metoo`, proposition `alive`).
    private func folder() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = Article(id: "a1", text: "Critics say it is over. They are wrong. It is alive, and it grows.",
                              speakers: [Speaker(id: "author", name: "The Author", role: "author")])
        let path = folder.appendingPathComponent("a.xml").path
        try AtomicFile.write(ArticleWriter.encode(article), to: path)
        let corpus = Corpus(targets: [StanceTarget(id: "metoo", name: "the movement")],
                            propositions: [Proposition(id: "alive", statement: "it is alive", target: "metoo", stance: .favor)])
        try AtomicFile.write(ArticleWriter.encode(corpus), to: folder.appendingPathComponent("corpus.xml").path)
        return (folder, path)
    }

    @Test func labelsLetLaterEditsReferToUnitsOfTheSameBatch() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ArticleEditor.apply([
            .addUnit(NewUnit(type: .claim, place: .anchor(.quote("They are wrong.", occurrence: nil)), label: "wrong")),
            .addUnit(NewUnit(type: .evidence, place: .fragments([.quote("It is alive", occurrence: nil), .quote("it grows", occurrence: nil)]),
                             attributes: UnitAttributes(speaker: "author", proposition: "alive"), label: "alive")),
            .relate(NewRelation(from: "alive", .supports, to: "wrong", label: "r")),
            .set(id: "wrong", SetChange(type: "position")),
        ], to: path)
        #expect(outcome.labels == ["wrong": "u1", "alive": "u2", "r": "r1"])
        #expect(outcome.changed)
        #expect(outcome.digest == SHA256.hexDigest(of: try FileSystem.read(path)))
        let article = try ArticleEditor.read(article: path).article
        #expect(article.unit("u1")?.type == .position)
        let discontinuous = try #require(article.unit("u2"))
        #expect(discontinuous.fragments == [Span(start: 40, end: 51), Span(start: 57, end: 65)])
        #expect(discontinuous.span == Span(start: 40, end: 65))
        #expect(article.relations.map(\.id) == ["r1"])
    }

    @Test func aFailingEditLeavesTheFileUnchangedAndIsNamed() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileSystem.read(path)
        do {
            _ = try ArticleEditor.apply([
                .addUnit(NewUnit(type: .claim, place: .anchor(.quote("They are wrong.", occurrence: nil)))),
                .relate(NewRelation(from: "u1", .supports, to: "u7")),
            ], to: path)
            Issue.record("the second edit should have been refused")
        } catch {
            #expect(error.editIndex == 1)
            #expect(error.message.contains("no unit u7"))
        }
        #expect(try FileSystem.read(path) == before)
        // An invalid result is blamed on the edit that made it invalid (evidence cannot attack).
        do {
            _ = try ArticleEditor.apply([
                .addUnit(NewUnit(type: .claim, place: .anchor(.quote("They are wrong.", occurrence: nil)))),
                .addUnit(NewUnit(type: .evidence, place: .anchor(.quote("it grows", occurrence: nil)))),
                .relate(NewRelation(from: "u2", .attacks, to: "u1")),
                .set(id: "u1", SetChange(fields: { var change = ArticleEdits.UnitChange(); change.note = "n"; return change }())),
            ], to: path)
            Issue.record("the result should have been refused")
        } catch {
            #expect(error.editIndex == 2)
            #expect(error.diagnostics.map(\.rule) == [.evidenceRelation])
        }
        #expect(try FileSystem.read(path) == before)
    }

    @Test func anOutdatedDigestIsRefusedAsStale() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let version = SHA256.hexDigest(of: try FileSystem.read(path))
        let first = try ArticleEditor.apply([.meta(MetadataChange(ArticleMetadata(title: "One")))], to: path, expectedDigest: version)
        let afterFirst = try FileSystem.read(path)
        do {
            _ = try ArticleEditor.apply([.meta(MetadataChange(ArticleMetadata(title: "Two")))], to: path, expectedDigest: version)
            Issue.record("a stale edit landed")
        } catch {
            #expect(error.problem == .stale(expected: version, actual: first.digest))
        }
        #expect(try FileSystem.read(path) == afterFirst)
        _ = try ArticleEditor.apply([.meta(MetadataChange(ArticleMetadata(title: "Two")))], to: path, expectedDigest: first.digest)
        #expect(try ArticleEditor.read(article: path).article.metadata.title == "Two")
    }

    @Test func removingAUsedTargetIsRefusedUnlessCascadingWhichClearsEveryArticle() throws {
        let (folder, path) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ArticleEditor.apply([.addUnit(NewUnit(type: .claim, place: .anchor(.quote("It is alive", occurrence: nil)),
                                                      attributes: UnitAttributes(stance: .favor, target: "metoo", proposition: "alive")))], to: path)
        let corpusPath = folder.appendingPathComponent("corpus.xml").path
        let before = (try FileSystem.read(path), try FileSystem.read(corpusPath))
        do {
            _ = try ArticleEditor.apply([.removeTarget("metoo", cascade: false)], to: folder.path)
            Issue.record("a used target was removed")
        } catch {
            #expect(error.problem == .vocabularyInUse(kind: .target, id: "metoo", uses: [
                ClearedUses(path: corpusPath, propositions: ["alive"]), ClearedUses(path: path, units: ["u1"]),
            ]))
        }
        #expect((try FileSystem.read(path), try FileSystem.read(corpusPath)) == before)
        let outcome = try ArticleEditor.apply([.removeTarget("metoo", cascade: true)], to: folder.path)
        #expect(outcome.otherFiles == [path])
        let unit = try #require(try ArticleEditor.read(article: path).article.unit("u1"))
        #expect(unit.target == nil && unit.stance == nil && unit.proposition == "alive")
    }
}
