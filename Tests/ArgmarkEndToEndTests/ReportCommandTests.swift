import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

@Suite struct ReportCommandTests {
    static let fixtures = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkReportsTests/Fixtures")
    static let small = fixtures.appendingPathComponent("small").path
    static let seeds = fixtures.appendingPathComponent("seeds").path

    @Test func htmlIsTheDefaultAndGoesToStandardOutput() throws {
        let result = try ArgmarkProcess.run(["report", Self.small])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("<!DOCTYPE html>\n"))
        #expect(result.standardOutput.hasSuffix("</html>\n"))
        #expect(result.standardError.isEmpty)
    }

    @Test func outputFileIsWrittenAndStandardOutputStaysEmpty() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ArgmarkProcess.run(["report", Self.small, "--format", "markdown", "-o", "report.md"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(written.hasPrefix("# Argument report\n"))
        // Only the report itself: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
    }

    @Test func jsonOfTheSeedsNamesTheCopyingAndTheBurkeQuote() throws {
        let result = try ArgmarkProcess.run(["report", Self.seeds, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let pairs = (document["sharedText"] as! [String: Any])["pairs"] as! [[String: Any]]
        let names = pairs.map { "\($0["a"]!)-\($0["b"]!)" }
        #expect(names == ["seed-000-seed-001", "seed-000-seed-002"])
    }

    /// The JSON report is folded article by article (the articles are not kept); it is the same
    /// report, byte for byte, as the library's report over all of them at once (the golden file).
    @Test func jsonIsTheGoldenReportOnStandardOutputAndInAFile() throws {
        let golden = try Data(contentsOf: Self.fixtures.deletingLastPathComponent().appendingPathComponent("Golden/small.json"))
        let result = try ArgmarkProcess.run(["report", Self.small, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Data(result.standardOutput.utf8) == golden)
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ArgmarkProcess.run(["report", Self.small, "--format", "json", "-o", "report.json"], in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.json")) == golden)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    /// The JSON report keeps its sources in a temporary file while it is made: where none can be
    /// made, the report says so and why, exits 2 and writes nothing.
    @Test func aTemporaryFolderThatCannotBeUsedIsAClearErrorAndWritesNothing() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noTemporary = ["TMPDIR": "/nonexistent/argmark-tmp"]
        _ = try ArgmarkProcess.run(["summarize", Self.small, "-o", "part"], in: folder)
        for command in [["report", Self.small], ["report", "--from", "part"]] {
            let result = try ArgmarkProcess.run(command + ["--format", "json", "-o", "out.json"], in: folder, environment: noTemporary)
            #expect(result.status == 2, "\(command): \(result.standardError)")
            #expect(result.standardError.hasPrefix("/nonexistent/argmark-tmp: error: "), "\(result.standardError)")
            #expect(result.standardError.contains("set TMPDIR to a folder with room"))
            #expect(result.standardOutput.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.json").path))
        }
        // The other formats keep the articles and need no temporary file.
        let html = try ArgmarkProcess.run(["report", Self.small, "-o", "out.html"], in: folder, environment: noTemporary)
        #expect(html.status == 0, "\(html.standardError)")
    }

    @Test func svgForSeveralArticlesNeedsAFolder() throws {
        let refused = try ArgmarkProcess.run(["report", Self.small, "--format", "svg"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("pass -o FOLDER"))
        #expect(refused.standardOutput.isEmpty)

        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ArgmarkProcess.run(["report", Self.small, "--format", "svg", "-o", "maps"], in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("maps").path).sorted()
        #expect(files == ["a-gazette.svg", "b-radio.svg", "c-merchants.svg"])

        let fileName = try ArgmarkProcess.run(["report", Self.small, "--format", "svg", "-o", "maps.svg"], in: folder)
        #expect(fileName.status == 2)
        #expect(fileName.standardError.contains("maps.svg looks like a file name"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("maps.svg").path))
    }

    @Test func oneArticleMapGoesToStandardOutput() throws {
        let result = try ArgmarkProcess.run(["report", Self.small + "/c-merchants.xml", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("digraph \"c-merchants\" {"))
        #expect(result.standardOutput.components(separatedBy: "digraph ").count == 2)
        let svg = try ArgmarkProcess.run(["report", Self.small + "/a-gazette.xml", "--format", "svg"])
        #expect(svg.status == 0)
        #expect(svg.standardOutput.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func invalidFilesAreReportedAndLeftOut() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["corpus.xml", "a-gazette.xml", "b-radio.xml"] {
            try FileManager.default.copyItem(atPath: Self.small + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        let broken = try String(contentsOfFile: Self.small + "/c-merchants.xml", encoding: .utf8)
            .replacingOccurrences(of: "type=\"rebuttal\"", with: "type=\"rebutal\"")
        try broken.write(to: folder.appendingPathComponent("c-merchants.xml"), atomically: true, encoding: .utf8)
        try "<article".write(to: folder.appendingPathComponent("truncated.xml"), atomically: true, encoding: .utf8)

        let result = try ArgmarkProcess.run(["report", ".", "--format", "json", "-o", "out.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("c-merchants.xml:"))
        #expect(result.standardError.contains("error:"))
        #expect(result.standardError.contains("truncated.xml:"))
        #expect(result.standardError.contains("report written without 2 invalid files"))
        let json = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(json.contains("\"key\": \"a-gazette\""))
        #expect(!json.contains("\"key\": \"c-merchants\""))
    }

    @Test func reportOnTheAnnotatedSeedsNamesTheCopyingAndTheBurkeQuote() throws {
        let result = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: ArgmarkProcess.packageRoot)
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let pairs = (document["sharedText"] as! [String: Any])["pairs"] as! [[String: Any]]
        guard let copy = pairs.first(where: { $0["a"] as? String == "seed-000" && $0["b"] as? String == "seed-001" }) else {
            Issue.record("no shared text between seed-000 and seed-001")
            return
        }
        #expect((copy["longestPassageWords"] as! Int) >= 40)
        guard let burke = pairs.first(where: { $0["a"] as? String == "seed-000" && $0["b"] as? String == "seed-002" }) else {
            Issue.record("no shared text between seed-000 and seed-002")
            return
        }
        let passages = burke["passages"] as! [[String: Any]]
        #expect(passages.contains { passage in
            let a = passage["a"] as! [String: Any], b = passage["b"] as! [String: Any]
            return (a["text"] as! String).contains("no model survivor") && (b["text"] as! String).contains("no model survivor")
        })
    }

    /// A broken corpus.xml must be reported as such, not only through its consequences
    /// ("no corpus.xml beside this file defines targets").
    @Test func brokenCorpusBesideTheArticlesIsReported() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["seed-000.xml", "corpus.xml"] {
            try FileManager.default.copyItem(at: ArgmarkProcess.packageRoot.appendingPathComponent("Annotations/\(name)"), to: folder.appendingPathComponent(name))
        }
        let corpus = folder.appendingPathComponent("corpus.xml")
        try Data((try String(contentsOf: corpus, encoding: .utf8) + "<broken\n").utf8).write(to: corpus)
        let result = try ArgmarkProcess.run(["report", ".", "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("corpus.xml:"), "\(result.standardError)")
        #expect(result.standardError.contains("[well-formed]"), "\(result.standardError)")
    }

    @Test func onlyInvalidArticlesIsAnArgmarkErrorAfterTheFindings() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: ArgmarkProcess.packageRoot.appendingPathComponent("Annotations/seed-000.xml"), to: folder.appendingPathComponent("seed-000.xml"))
        let result = try ArgmarkProcess.run(["report", "seed-000.xml"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("[unknown-target]"))
        #expect(result.standardError.hasSuffix("\nargmark: error: no valid articles to report on; fix the errors above (see argmark validate)\n"), "\(result.standardError)")
    }

    @Test func missingPathExitsTwo() throws {
        let result = try ArgmarkProcess.run(["report", "/nonexistent/argmark-folder"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/argmark-folder: error: no such file or directory"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func emptyFolderIsAnError() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ArgmarkProcess.run(["report", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == ".: error: no argmark article files found; pass .xml files or folders that hold them\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try ArgmarkProcess.run(["report", Self.small, "--format", "pdf"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let first = try ArgmarkProcess.run(["report", Self.small, Self.seeds])
        let second = try ArgmarkProcess.run(["report", Self.small, Self.seeds])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.count > 10_000)
    }

    @Test func readmeDocumentsEveryJSONField() throws {
        let readme = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Reports\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        let result = try ArgmarkProcess.run(["report", Self.small, Self.seeds, "--format", "json"])
        #expect(result.status == 0)
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    keys.insert(key)
                    collect(member)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)))
        #expect(keys.count > 60)
        // Keys of type-count objects are the unit and relation types, documented with the format.
        let typeNames: Set<String> = ["position", "claim", "counterclaim", "rebuttal", "evidence", "supports", "attacks", "rebuts", "undercuts", "restates"]
        for key in keys.subtracting(typeNames).sorted() {
            // Documented alone (`key`) or as part of a path (`sources[].key`, `sharedText.pairs[]`).
            let forms = ["`\(key)`", "`\(key)[", "`\(key).", ".\(key)`", ".\(key)[", ".\(key)."]
            #expect(forms.contains { section.contains($0) }, "README's Reports section does not document the JSON field \(key)")
        }
    }
}

/// Reports walk argument structure iteratively: a valid article whose units form one chain of
/// 10,000 `supports` (deeper than any recursion survives on the default stack) renders in every format.
@Suite struct DeepArgumentReportTests {
    static func chainArticle(_ count: Int) throws -> [UInt8] {
        var text = ""
        var units: [ArgumentUnit] = []
        var relations: [Relation] = []
        for index in 0..<count {
            let sentence = "Step \(index)."
            let start = text.unicodeScalars.count
            text += sentence + " "
            units.append(ArgumentUnit(id: UnitID("u\(index)"), type: index == 0 ? .position : .claim,
                                      span: Span(start: start, end: start + sentence.unicodeScalars.count), quote: sentence))
            if index > 0 {
                relations.append(Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("u\(index)"), to: .unit(UnitID("u\(index - 1)"))))
            }
        }
        return try ArticleWriter.encode(Article(id: "chain", text: text, units: units, relations: relations))
    }

    @Test(arguments: ["markdown", "html"])
    func aChainOfTenThousandSupportsRenders(format: String) throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chain.xml").path
        try Data(Self.chainArticle(10_000)).write(to: URL(fileURLWithPath: path))
        let result = try ArgmarkProcess.run(["report", "--format", format, path])
        #expect(result.status == 0, "\(result.standardError.prefix(500))")
        #expect(result.standardError.isEmpty)
        switch format {
        case "markdown":
            // The outline stops indenting at 12 levels and names the depth instead.
            #expect(result.standardOutput.contains(String(repeating: "  ", count: 12) + "- (depth 9999) *supports*: **claim** u9999"))
        default:
            #expect(result.standardOutput.components(separatedBy: "<g class=\"edge ").count - 1 == 9_999, "one drawn edge per relation")
        }
    }
}
