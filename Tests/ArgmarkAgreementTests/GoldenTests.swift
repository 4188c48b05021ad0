import ArgmarkAgreement
import ArgmarkCore
import Foundation
import Testing

/// The rendered reports of one fixture, byte for byte. Re-record on purpose only:
/// `ARGMARK_RECORD_GOLDEN=1 swift test --filter GoldenTests`, then review the diff.
@Suite struct GoldenTests {
    static let folder = Fixtures.folder.appendingPathComponent("_golden")

    @Test(arguments: [("txt", ReportStyle.text), ("md", ReportStyle.markdown)])
    func renderedReportIsUnchanged(fileExtension: String, style: ReportStyle) throws {
        let report = try Fixtures.report("three-annotators", .tokens)
        try compare(report.rendered(style), to: "three-annotators.\(fileExtension)")
    }

    @Test func jsonReportIsUnchanged() throws {
        let report = try Fixtures.report("three-annotators", .codepoints)
        try compare(report.json.rendered(), to: "three-annotators-codepoints.json")
    }

    private func compare(_ output: String, to name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ARGMARK_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(output == golden, "\(name) differs from the golden file; re-record on purpose if the change is intended")
    }
}
