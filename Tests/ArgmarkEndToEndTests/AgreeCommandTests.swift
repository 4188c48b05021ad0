import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark agree` run as a user runs it: tables on stdout, errors on stderr, exit codes.
@Suite struct AgreeCommandTests {
    static let fixtures = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkAgreementTests/Fixtures")

    func fixture(_ path: String) -> String { Self.fixtures.appendingPathComponent(path).path }

    @Test func printsReadableTablesAndTheSameFiguresAsJSON() throws {
        let arguments = ["agree", fixture("three-annotators/a"), fixture("three-annotators/b")]
        let text = try ArgmarkProcess.run(arguments)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardError.isEmpty)
        #expect(text.standardOutput.hasPrefix("Agreement of 2 annotators on 2 articles (positions: tokens)\n"))
        #expect(text.standardOutput.contains("\n  type          A  B  exact      P      R     F1  overlap      P      R     F1\n"))

        let json = try ArgmarkProcess.run(arguments + ["--format", "json"])
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        let pair = (document["pairs"] as! [[String: Any]])[0]
        let kappa = ((pair["labels"] as! [String: Any])["cohenKappa"] as! NSNumber).doubleValue
        #expect(text.standardOutput.contains("Cohen's kappa  \(String(format: "%.3f", kappa))"), "text and JSON disagree on kappa \(kappa)")
        #expect(document["granularity"] as? String == "tokens")

        let again = try ArgmarkProcess.run(arguments + ["--format", "json"])
        #expect(again.standardOutput == json.standardOutput, "JSON output is deterministic")

        let markdown = try ArgmarkProcess.run(arguments + ["--format", "markdown", "--unit", "codepoints"])
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput.hasPrefix("# Agreement of 2 annotators on 2 articles (positions: code points)\n"))
        #expect(markdown.standardOutput.contains("| type | A | B | exact | P | R | F1 | overlap | P | R | F1 |\n"))
    }

    /// The issue's "done when": two different annotations of one seed article, as a table and as JSON.
    @Test func comparesTheSeedAnnotationWithASecondOne() throws {
        let arguments = ["agree", "Annotations/seed-000.xml", "Tests/ArgmarkAgreementTests/Fixtures/seed-000/b"]
        let text = try ArgmarkProcess.run(arguments, in: ArgmarkProcess.packageRoot)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.hasPrefix("Agreement of 2 annotators on 1 article (positions: tokens)\n"))
        #expect(text.standardOutput.contains("  A          Annotations/seed-000.xml "))
        let json = try ArgmarkProcess.run(arguments + ["--format", "json"], in: ArgmarkProcess.packageRoot)
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect((document["articles"] as! [[String: Any]]).map { $0["id"] as! String } == ["seed-000"])
        let pair = (document["pairs"] as! [[String: Any]])[0]
        let micro = ((pair["units"] as! [String: Any])["overlap"] as! [String: Any])["micro"] as! [String: Any]
        let f1 = (micro["f1"] as! NSNumber).doubleValue
        #expect(f1 > 0 && f1 < 1, "two different annotations agree partly")
        #expect(text.standardOutput.contains(String(format: "%.3f", f1)))
    }

    /// An error that is about no file still follows `argmark: error: message`.
    @Test func nothingToCompareIsAnArgmarkError() throws {
        let result = try ArgmarkProcess.run(["agree", "Annotations/seed-000.xml", "Annotations/seed-001.xml"], in: ArgmarkProcess.packageRoot)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "argmark: error: no article is annotated by two of the annotators; pass annotations of the same articles (matched by id)\n")
    }

    @Test func differentTextsUnderOneIDAreAnErrorNamingTheArticle() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "A different text about cars."
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <article xmlns="urn:argmark:1" version="1" id="cars">
              <meta/>
              <text sha256="\(SHA256.hexDigest(of: Array(text.utf8)))">\(text)</text>
            </article>

            """
        let path = folder.appendingPathComponent("cars.xml")
        try Data(xml.utf8).write(to: path)
        #expect(try ArgmarkProcess.run(["validate", path.path]).status == 0)
        let result = try ArgmarkProcess.run(["agree", fixture("identical/a"), path.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("\(path.path): error: article cars ("))
        #expect(result.standardError.contains("has a different text than in \(fixture("identical/a"))/cars.xml (\(fixture("identical/a")))"))
    }

    @Test func usageErrorsAndUnreadablePathsExitTwo() throws {
        let one = try ArgmarkProcess.run(["agree", fixture("identical/a")])
        #expect(one.status == 2)
        #expect(one.standardError.contains("at least two"))
        let missing = try ArgmarkProcess.run(["agree", fixture("identical/a"), fixture("no-such-folder")])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no-such-folder"))
    }
}
