import ArgmarkCore
import ArgmarkReports
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

    /// Compares `actual` with the golden file `name`; with `ARGMARK_RECORD=1` in the environment,
    /// writes the golden file instead (golden files change on purpose only).
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = FileSystem.join(goldenFolder, name)
        if ProcessInfo.processInfo.environment["ARGMARK_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: goldenFolder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("golden file \(name) is missing; run the tests with ARGMARK_RECORD=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record("output differs from golden file \(name) at line \(first + 1):\n  golden: \(expectedLine)\n  actual: \(actualLine)\n(re-record with ARGMARK_RECORD=1 only if the change is intended)", sourceLocation: sourceLocation)
        }
    }

    static func sourceIndex(_ report: ComparisonReport, _ key: String) -> Int {
        report.sources.firstIndex { $0.key == key }!
    }
}
