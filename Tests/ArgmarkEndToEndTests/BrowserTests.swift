import ArgmarkTestSupport
import Foundation
import Testing

/// The workbench in a real headless Chromium: `Tests/browser/workbench_test.py` (Selenium and
/// chromedriver) drives the built `argmark serve` as an annotator would and checks the files.
@Suite struct BrowserTests {
    static func which(_ tool: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// What is missing to run the browser test, if anything (then it is skipped, saying so).
    static let missing: String? = {
        guard let python = which("python3") else { return "python3 is not installed" }
        guard which("chromium") != nil else { return "chromium is not installed (apt-get install -y chromium chromium-driver)" }
        guard which("chromedriver") != nil else { return "chromedriver is not installed (apt-get install -y chromium-driver)" }
        let probe = try? TimedProcess.run([python, "-c", "import selenium"], timeout: 60)
        guard probe?.result.status == 0 else { return "Selenium is not installed (pip install selenium)" }
        return nil
    }()

    @Test(.enabled(if: missing == nil, "\(missing ?? "")"))
    func annotateRelateUndoSuggestAndCurateInChromium() throws {
        let script = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/browser/workbench_test.py").path
        var arguments = [Self.which("python3")!, script, "--argmark", ArgmarkProcess.executable.path, "--root", ArgmarkProcess.packageRoot.path]
        if let folder = ProcessInfo.processInfo.environment["ARGMARK_SCREENSHOTS"] { arguments += ["--screenshots", folder] }
        let outcome = try TimedProcess.run(arguments, timeout: 600)
        #expect(!outcome.timedOut, "the browser test took more than 10 minutes")
        #expect(outcome.result.status == 0, "\(outcome.result.standardOutput)\n\(outcome.result.standardError)")
        #expect(outcome.result.standardOutput.contains("per unit or relation"), "\(outcome.result.standardOutput)")
    }
}
