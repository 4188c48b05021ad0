import ArgmarkTestSupport
import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let fixtures = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkCoreTests/Fixtures/validation")

    @Test func shippedAnnotationsAreValid() throws {
        let result = try ArgmarkProcess.run(["validate", "Annotations"], in: ArgmarkProcess.packageRoot)
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try #require(result.standardError.split(separator: "\n").last)
        #expect(summary.hasSuffix(" files, 0 errors, 0 warnings"), "\(summary)")
        #expect(result.standardOutput.isEmpty)
    }

    /// The variants named by the foundation issue: each exits 1, names the line and rule, and
    /// leaves the file as it was.
    @Test(arguments: [
        ("span-range.xml", 20, "span-range"),
        ("quote-mismatch.xml", 20, "quote-mismatch"),
        ("unknown-unit-type.xml", 22, "schema"),
        ("unknown-unit.xml", 27, "unknown-unit"),
        ("duplicate-id.xml", 27, "duplicate-id"),
        ("doctype-forbidden.xml", 2, "doctype-forbidden"),
    ])
    func brokenVariantFails(file: String, line: Int, rule: String) throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in [file, "corpus.xml"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("invalid/\(name)"), to: folder.appendingPathComponent(name))
        }
        let before = try Data(contentsOf: folder.appendingPathComponent(file))
        let result = try ArgmarkProcess.run(["validate", file], in: folder)
        #expect(result.status == 1)
        let firstLine = try #require(result.standardError.split(separator: "\n").first.map(String.init))
        #expect(firstLine.hasPrefix("\(file):\(line):"), "\(result.standardError)")
        #expect(firstLine.hasSuffix("[\(rule)]"), "\(result.standardError)")
        #expect(firstLine.contains(": error: "))
        #expect(result.standardError.hasSuffix("1 file, 1 error, 0 warnings\n"), "\(result.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent(file)) == before)
    }

    @Test func externalEntityContentNeverAppears() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "secret-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE article [<!ENTITY leak SYSTEM "secret.txt">]>
            <article xmlns="urn:argmark:1" version="1" id="x"><meta><title>&leak;</title></meta><text sha256="\(String(repeating: "0", count: 64))">&leak;</text></article>

            """
        try Data(xml.utf8).write(to: folder.appendingPathComponent("leak.xml"))
        for format in ["text", "json"] {
            let result = try ArgmarkProcess.run(["validate", "--format", format, "leak.xml"], in: folder)
            #expect(result.status == 1)
            #expect(!result.standardOutput.contains(secret) && !result.standardError.contains(secret))
            #expect((result.standardOutput + result.standardError).contains("doctype-forbidden"))
        }
    }

    @Test func foldersAreSearchedRecursivelyAndEveryFileIsReported() throws {
        let result = try ArgmarkProcess.run(["validate", Self.fixtures.path])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        // 23 broken fixtures (well-formed.xml has 2 errors, duplicate-span.xml only a warning),
        // 1 valid article, 2 corpus files, 1 article without a corpus (4 errors).
        #expect(lines.last == "27 files, 27 errors, 1 warning", "\(lines.last ?? "")")
        #expect(lines.contains { $0.contains("invalid/span-range.xml:20: error:") })
        #expect(lines.contains { $0.contains("invalid/duplicate-span.xml:23: warning:") })
    }

    @Test func jsonOutputCarriesTheSameDiagnostics() throws {
        let folder = Self.fixtures.appendingPathComponent("invalid")
        let text = try ArgmarkProcess.run(["validate", "quote-mismatch.xml", "span-order.xml"], in: folder)
        let json = try ArgmarkProcess.run(["validate", "--format", "json", "quote-mismatch.xml", "span-order.xml"], in: folder)
        #expect(json.status == text.status)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map { $0["rule"] as? String } == ["quote-mismatch", "span-order"])
        #expect(diagnostics.map { $0["line"] as? Int } == [20, 20])
        #expect(object["errors"] as? Int == 2)
        #expect(object["files"] as? Int == 2)
    }

    @Test func missingPathIsExitTwoButOtherFilesAreStillChecked() throws {
        let result = try ArgmarkProcess.run(["validate", "does-not-exist.xml", "valid"], in: Self.fixtures)
        #expect(result.status == 2)
        #expect(result.standardError.contains("does-not-exist.xml: error: no such file or directory; check the path [unreadable]"))
        #expect(result.standardError.hasSuffix("2 files, 1 error, 0 warnings\n"), "\(result.standardError)")
    }

    @Test func aFolderWithNothingToCheckIsAnError() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try ArgmarkProcess.run(["validate", "empty"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError == "empty: error: no .xml files in this folder or below it; check the path [unreadable]\n0 files, 1 error, 0 warnings\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let noPaths = try ArgmarkProcess.run(["validate"])
        #expect(noPaths.status == 2)
        #expect(noPaths.standardError == "argmark: error: missing expected argument '<paths> ...' (see argmark validate --help)\n")
        let badFormat = try ArgmarkProcess.run(["validate", "--format", "yaml", "x.xml"])
        #expect(badFormat.status == 2)
        #expect(badFormat.standardError.split(separator: "\n").count == 1)
        let unknownCommand = try ArgmarkProcess.run(["frobnicate"])
        #expect(unknownCommand.status == 2)
        #expect(unknownCommand.standardError == "argmark: error: unexpected argument 'frobnicate' (see argmark --help)\n")
    }

    @Test func outputIsDeterministicAcrossRuns() throws {
        let first = try ArgmarkProcess.run(["validate", "--format", "json", Self.fixtures.path])
        let second = try ArgmarkProcess.run(["validate", "--format", "json", Self.fixtures.path])
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }
}
