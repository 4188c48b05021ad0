import ArgmarkTestSupport
import Foundation
import Testing

/// The HTML report's maps in a real browser: headless Chromium driven by Selenium
/// (`Browser/map_interaction.py`) pans, zooms, hovers, clicks and folds the seed corpus's maps.
@Suite struct BrowserMapTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromedriver = ["/usr/bin/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let hasSelenium: Bool = {
        guard let result = try? TimedProcess.run(["/usr/bin/env", "python3", "-c", "import selenium"], timeout: 60).result else { return false }
        return result.status == 0
    }()
    static let available = chromium != nil && chromedriver != nil && hasSelenium
    static let reason: Comment = "needs Debian's chromium and chromium-driver and Selenium (apt-get install -y chromium chromium-driver; pip install selenium; .ci/run installs them)"

    @Test(.enabled(if: available, reason))
    func mapsPanZoomHighlightFoldAndLeadToTheText() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        let keep = ProcessInfo.processInfo.environment["ARGMARK_SCREENSHOTS"]
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let report = folder.appendingPathComponent("seeds.html").path
        let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations").path
        let written = try ArgmarkProcess.run(["report", annotations, "-o", report])
        #expect(written.status == 0, "\(written.standardError)")
        let script = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkEndToEndTests/Browser/map_interaction.py").path
        let shots = keep ?? folder.appendingPathComponent("screenshots").path
        let run = try TimedProcess.run(["/usr/bin/env", "python3", script, report, shots],
                                       environment: ["CHROMIUM": Self.chromium!, "CHROMEDRIVER": Self.chromedriver!], timeout: 300).result
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(run.status == 0, "browser checks failed:\n\(run.standardOutput)\n\(run.standardError.suffix(2000))")
        #expect(!lines.contains { $0.hasPrefix("FAIL") }, "\(lines.filter { $0.hasPrefix("FAIL") })")
        // Every interaction was exercised, not skipped.
        for check in ["zoom in shrinks", "dragging pans", "highlights exactly its relations", "hides", "goes to #s", "flashed in the text", "one map per argument"] {
            #expect(lines.contains { $0.hasPrefix("ok: ") && $0.contains(check) }, "no passing check for '\(check)'")
        }
        for name in ["1-map.png", "3-hover.png", "4-folded.png", "5-unit-in-text.png"] {
            #expect(FileManager.default.fileExists(atPath: shots + "/" + name), "screenshot \(name)")
        }
    }
}
