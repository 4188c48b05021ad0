import Foundation
import Testing

/// The one golden-file comparison of the tests. With `ARGMARK_RECORD=1` in the environment it
/// writes the golden file instead of comparing (golden files change on purpose only, and the
/// diff then shows in review).
package enum Golden {
    /// The environment variable that re-records golden files.
    package static let recordVariable = "ARGMARK_RECORD"

    package static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// Compares `actual` with the golden file at `path`; records a test issue naming the first
    /// line that differs, or writes the file when recording.
    package static func expect(_ actual: String, matches path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if isRecording {
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("golden file \(name) is missing; run the tests with \(recordVariable)=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record("output differs from golden file \(name) at line \(first + 1):\n  golden: \(expectedLine)\n  actual: \(actualLine)\n(re-record with \(recordVariable)=1 only if the change is intended)", sourceLocation: sourceLocation)
    }
}
