import ArgmarkCore
@testable import ArgmarkReports
import ArgmarkTestSupport
import Foundation
import Testing

/// The report folded article by article without keeping the articles (what `report --format
/// json` does) is the report built over all of them at once, byte for byte.
@Suite struct ReportFoldTests {
    /// The fold of `paths` in blocks of `blockSize` articles, keeping none of them.
    static func folded(_ paths: [String], blockSize: Int) throws -> ComparisonReport {
        var fold = try ReportFold(spoolingSources: ())
        let failures = ArticleLoader.load(paths, blockSize: blockSize) { block in
            fold.add(block.map { ($0.path, $0.article, $0.corpus) })
        }
        #expect(failures.isEmpty, "\(failures)")
        return fold.finish()
    }

    @Test(arguments: [1, 2, 4096])
    func foldedWithoutArticlesMatchesTheGoldenJSON(blockSize: Int) throws {
        let small = try Self.folded([Fixtures.small], blockSize: blockSize)
        #expect(!small.keepsArticles)
        #expect(small.sources.isEmpty && small.graphs.isEmpty, "the articles were let go")
        try Fixtures.expectGolden(small.rendered(as: .json), "small.json")
        try Fixtures.expectGolden(try Self.folded([Fixtures.seeds], blockSize: blockSize).rendered(as: .json), "seeds.json")
    }

    @Test func foldedAndKeptAgreeOnSeveralFoldersAndDuplicateIDs() throws {
        // The same folder twice: every id repeats (keys get `~2`), both corpora are merged.
        let paths = [Fixtures.small, Fixtures.seeds, Fixtures.small]
        let kept = ComparisonReport.build(loaded: Fixtures.load(paths))
        let folded = try Self.folded(paths, blockSize: 2)
        #expect(folded.keys == kept.keys)
        #expect(folded.keys.contains("a-gazette~2"))
        #expect(folded.rendered(as: .json) == kept.rendered(as: .json))
    }

    @Test func theSpooledSourcesCanBeWrittenTwice() throws {
        let folded = try Self.folded([Fixtures.small], blockSize: 1)
        #expect(folded.rendered(as: .json) == folded.rendered(as: .json))
        #expect(folded.unwrittenSources == nil)
    }

    @Test func theLoaderInBlocksGivesWhatLoadAllGives() {
        let all = ArticleLoader.loadAll([Fixtures.small, Fixtures.seeds])
        var blocks: [[String]] = []
        let failures = ArticleLoader.load([Fixtures.small, Fixtures.seeds], blockSize: 2) { blocks.append($0.map(\.path)) }
        #expect(failures.isEmpty && all.failures.isEmpty)
        #expect(blocks.flatMap { $0 } == all.articles.map(\.path))
        #expect(blocks.allSatisfy { $0.count <= 2 } && blocks.count == (all.articles.count + 1) / 2)
    }
}
