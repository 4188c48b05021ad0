import ArgmarkAgreement
import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// The rendered reports of one fixture, byte for byte. Re-record on purpose only:
/// `ARGMARK_RECORD=1 swift test --filter GoldenTests`, then review the diff.
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
        try Golden.expect(output, matches: Self.folder.appendingPathComponent(name).path)
    }
}
