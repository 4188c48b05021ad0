import ArgmarkCore
import ArgmarkReports
import ArgmarkTestSupport
import Foundation
import Testing

/// The fixture corpora beside the tests, and golden-file comparison.
enum Fixtures {
    static let testsFolder = FileSystem.directoryName(of: FileSystem.directoryName(of: #filePath))
    static let folder = FileSystem.join(testsFolder, "Fixtures")
    static let goldenFolder = FileSystem.join(testsFolder, "Golden")
    /// The three hand-made articles about bike lanes.
    static let small = FileSystem.join(folder, "small")
    /// Seeds 000, 001 and 002 with (almost) no units: their text is what matters.
    static let seeds = FileSystem.join(folder, "seeds")

    static func load(_ paths: [String]) -> [LoadedArticle] {
        let result = ArticleLoader.loadAll(paths)
        #expect(result.failures.isEmpty, "\(result.failures)")
        for article in result.articles { #expect(article.isValid, "\(article.diagnostics)") }
        return result.articles
    }

    static func report(_ paths: String..., options: SharedTextOptions = SharedTextOptions()) -> ComparisonReport {
        ComparisonReport.build(loaded: load(paths), options: options)
    }

    /// Compares `actual` with the golden file `name` (``Golden``: `ARGMARK_RECORD=1` re-records).
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Golden.expect(actual, matches: FileSystem.join(goldenFolder, name), sourceLocation: sourceLocation)
    }

    static func sourceIndex(_ report: ComparisonReport, _ key: String) -> Int {
        report.sources.firstIndex { $0.key == key }!
    }
}
