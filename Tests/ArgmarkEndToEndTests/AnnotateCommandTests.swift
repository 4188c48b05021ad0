import ArgmarkTestSupport
import Foundation
import Testing

/// A temporary folder with one article created by `argmark new` and a corpus file.
struct Workspace {
    static let text = "Critics say “it’s over”. They are wrong.\r\nThe movement is alive. The movement grows.\r\nNobody asked: is it over?\n"

    let folder: URL
    var file: String { "a.xml" }
    var fileURL: URL { folder.appendingPathComponent("a.xml") }

    init(corpus: Bool = true) throws {
        folder = try ArgmarkProcess.temporaryFolder()
        try Data(Self.text.utf8).write(to: folder.appendingPathComponent("a.txt"))
        try expectSuccess(["new", "a.txt", "-o", "a.xml", "--id", "a1", "--title", "A test", "--published", "2018-08-21", "--genre", "opinion", "--language", "en"])
        if corpus {
            try expectSuccess(["target", ".", "--id", "metoo", "--name", "the #MeToo movement"])
            try expectSuccess(["proposition", ".", "--id", "alive", "--text", "the movement is alive", "--target", "metoo", "--stance", "favor"])
        }
        try expectSuccess(["speaker", "a.xml", "--id", "author", "--name", "The Author", "--role", "author"])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        try ArgmarkProcess.run(arguments, in: folder)
    }

    @discardableResult
    func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "argmark \(arguments.joined(separator: " ")): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    func bytes() throws -> Data { try Data(contentsOf: fileURL) }

    /// Runs a command that must fail with `status`, a one-line error containing `message`, and
    /// leave a.xml (and corpus.xml) byte-for-byte unchanged.
    @discardableResult
    func expectRefusal(_ arguments: [String], status: Int32 = 1, message: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let before = try bytes()
        let corpusURL = folder.appendingPathComponent("corpus.xml")
        let corpusBefore = try? Data(contentsOf: corpusURL)
        let result = try run(arguments)
        #expect(result.status == status, "argmark \(arguments.joined(separator: " ")): \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains("error: "), sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        #expect(try bytes() == before, "the file changed", sourceLocation: sourceLocation)
        #expect((try? Data(contentsOf: corpusURL)) == corpusBefore, "corpus.xml changed", sourceLocation: sourceLocation)
        return result
    }

    func validate() throws -> CommandResult { try run(["validate", "."]) }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct AnnotateCommandTests {
    @Test func newKeepsTheTextExactlyIncludingCarriageReturns() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let xml = String(decoding: try workspace.bytes(), as: UTF8.self)
        #expect(xml.contains("They are wrong.&#13;\nThe movement"))
        #expect(xml.contains("<published>2018-08-21</published>"))
        #expect(xml.contains("id=\"a1\""))
        let json = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        #expect(json.contains("\"id\": \"a1\""))
        #expect(try workspace.validate().status == 0)
    }

    @Test func newRefusesToOverwriteAndRejectsBadInput() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectRefusal(["new", "a.txt", "-o", "a.xml"], message: "a.xml: error: already exists; refusing to overwrite it")
        try Data([0x6F, 0x6B, 0x0A, 0x61, 0xFF, 0x62]).write(to: workspace.folder.appendingPathComponent("latin.txt"))
        let bad = try workspace.run(["new", "latin.txt", "-o", "latin.xml"])
        #expect(bad.status == 1)
        #expect(bad.standardError == "latin.txt:2:2: error: not valid UTF-8: byte 4 (0xFF) cannot be decoded; convert the file to UTF-8 first (for example iconv -f WINDOWS-1252 -t UTF-8 IN > OUT)\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("latin.xml").path))
        try Data("bell\u{07}".utf8).write(to: workspace.folder.appendingPathComponent("bell.txt"))
        let bell = try workspace.run(["new", "bell.txt"])
        #expect(bell.status == 1)
        #expect(bell.standardError.hasPrefix("bell.txt:1:5: error: the text contains U+0007"))
        let missing = try workspace.run(["new", "nothing.txt", "-o", "n.xml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("nothing.txt: error: no such file"))
        let badDate = try workspace.run(["new", "a.txt", "-o", "b.xml", "--published", "21.8.2018"])
        #expect(badDate.status == 2)
        #expect(badDate.standardError.contains("write it as YYYY-MM-DD"))
    }

    @Test func newConvertsAFolderAndSkipsExistingOutputs() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let input = workspace.folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for index in 0..<12 {
            try Data("Article number \(index).\n".utf8).write(to: input.appendingPathComponent(String(format: "%03d_x.txt", index)))
        }
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: workspace.folder.appendingPathComponent("out/_003_x.xml"))
        let result = try workspace.run(["new", "texts", "-o", "out", "--genre", "news", "--language", "en"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("out/_003_x.xml: error: already exists"))
        #expect(result.standardError.hasSuffix("11 files created, 1 refused\n"))
        #expect(try String(contentsOf: workspace.folder.appendingPathComponent("out/_003_x.xml"), encoding: .utf8) == "keep me")
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.appendingPathComponent("out").path).filter { $0.hasSuffix(".xml") }
        #expect(files.count == 12)
        try FileManager.default.removeItem(at: workspace.folder.appendingPathComponent("out/_003_x.xml"))
        #expect(try workspace.run(["validate", "out"]).status == 0)
    }

    @Test func addRelateAndShowBuildAnArgument() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        #expect(try workspace.expectSuccess(["add", "a.xml", "counterclaim", "--quote", "it’s over"]) == "u1\n")
        let forgiving = try workspace.run(["add", "a.xml", "rebuttal", "--quote", "they are  wrong.", "--speaker", "author", "--stance", "favor", "--target", "metoo"])
        #expect(forgiving.status == 0)
        #expect(forgiving.standardOutput == "u2\n")
        #expect(forgiving.standardError == "a.xml: note: quote not found exactly; matched \"They are wrong.\" at 25-40, ignoring differences in whitespace, letter case\n")
        #expect(try workspace.expectSuccess(["add", "a.xml", "position", "--quote", "The movement is alive.", "--proposition", "alive"]) == "u3\n")
        #expect(try workspace.expectSuccess(["add", "a.xml", "evidence", "--start", "65", "--end", "84"]) == "u4\n")
        #expect(try workspace.expectSuccess(["relate", "a.xml", "u1", "attacks", "u3"]) == "r1\n")
        #expect(try workspace.expectSuccess(["relate", "a.xml", "u2", "rebuts", "u1"]) == "r2\n")
        #expect(try workspace.expectSuccess(["relate", "a.xml", "u4", "supports", "u3"]) == "r3\n")
        #expect(try workspace.validate().status == 0)

        let list = try workspace.expectSuccess(["list", "a.xml", "--type", "evidence"])
        #expect(list == "u4  evidence  65-84  -  \"The movement grows.\"\n")

        let show = try workspace.expectSuccess(["show", "a.xml"])
        #expect(show.contains("Critics say “[u1 counterclaim: it’s over]”. [u2 rebuttal: They are wrong.]\r\n[u3 position: The movement is alive.]"))
        #expect(show.contains("""
            Argument structure
              u3 position (proposition alive): "The movement is alive."
                u4 evidence supports (r3): "The movement grows."
                u1 counterclaim attacks (r1): "it’s over"
                  u2 rebuttal rebuts (r2; author; favor metoo): "They are wrong."

            """))
        #expect(!show.contains("\u{1B}["))
    }

    @Test func addRefusesBadInputAndLeavesTheFileUnchanged() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "Nobody asked"])
        try workspace.expectRefusal(["add", "missing.xml", "claim", "--quote", "x"], status: 2, message: "missing.xml: error: no such file")
        try workspace.expectRefusal(["add", "a.xml", "opinion", "--quote", "x"], status: 2, message: "argmark: error: unknown unit type \"opinion\"; use one of position, claim, counterclaim, rebuttal, evidence")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "the movement is dead"], message: "a.xml: error: quote \"the movement is dead\" not found in the text of a1; its first 16 characters match at line 2, column 1")
        let ambiguous = try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "The movement"], message: "a.xml: error: quote \"The movement\" occurs 2 times in a1; pass --occurrence 1 or 2, or a longer quote:")
        #expect(ambiguous.standardError.contains("  2: 65-77 (line 2, column 24): "))
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "The movement", "--occurrence", "3"], message: "occurs 2 times in a1; pass --occurrence 1 or 2")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--start", "80", "--end", "500"], message: "a.xml: error: offsets 80-500 are out of range: the text has 112 code points")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--start", "9", "--end", "9"], message: "start must be before end")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Critics", "--speaker", "nobody"], message: "unknown speaker nobody; add it with argmark speaker a.xml --id nobody --name NAME")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Critics", "--stance", "favor", "--target", "feminism"], message: "unknown target feminism; define it with argmark target")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Critics", "--stance", "favor"], status: 2, message: "a stance needs a target naming what the unit is for or against; pass --target")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Critics", "--stance", "pro", "--target", "metoo"], status: 2, message: "unknown stance \"pro\"; use favor, against or neutral")
        try workspace.expectRefusal(["add", "a.xml", "claim"], status: 2, message: "argmark: error: say where the unit is: --quote \"TEXT\", or --start S --end E")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "x", "--start", "1", "--end", "2"], status: 2, message: "pass either --quote or --start/--end, not both")
    }

    @Test func relateRefusesUnknownIDsAndRuleBreakingRelations() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong."])
        try workspace.expectSuccess(["add", "a.xml", "evidence", "--quote", "The movement grows."])
        try workspace.expectRefusal(["relate", "a.xml", "u1", "supports", "u9"], message: "a.xml: error: no unit u9 in a1; argmark list a.xml shows the ids")
        try workspace.expectRefusal(["relate", "a.xml", "u1", "backs", "u2"], status: 2, message: "unknown relation type \"backs\"")
        try workspace.expectRefusal(["relate", "a.xml", "u1", "undercuts", "u2"], message: "its target must be a relation id")
        let invalid = try workspace.expectRefusal(["relate", "a.xml", "u2", "attacks", "u1"], message: "a.xml: error: the change would make the file invalid, so nothing was written")
        #expect(invalid.standardError.contains("[evidence-relation]"))
        try workspace.expectSuccess(["relate", "a.xml", "u2", "supports", "u1"])
        try workspace.expectRefusal(["relate", "a.xml", "u2", "supports", "u1"], message: "u2 supports u1 exists already as r1")
    }

    @Test func setChangesAttributesAndRefusesUnknownIDs() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong.", "--note", "first try"])
        try workspace.expectSuccess(["set", "a.xml", "u1", "--type", "position", "--speaker", "author", "--stance", "against", "--target", "metoo", "--clear-note"])
        var json = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        #expect(json.contains("\"type\": \"position\""))
        #expect(json.contains("\"stance\": \"against\""))
        #expect(json.contains("\"note\": null"))
        try workspace.expectSuccess(["set", "a.xml", "u1", "--quote", "The movement is alive."])
        json = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        #expect(json.contains("\"quote\": \"The movement is alive.\""))
        try workspace.expectRefusal(["set", "a.xml", "u7", "--type", "claim"], message: "no unit u7 in a1")
        try workspace.expectRefusal(["set", "a.xml", "u1", "--speaker", "ghost"], message: "unknown speaker ghost")
        try workspace.expectRefusal(["set", "a.xml", "u1", "--type", "thesis"], status: 2, message: "unknown unit type \"thesis\"")
        #expect(try workspace.validate().status == 0)
    }

    @Test func removeRefusesWhileReferencedAndCascades() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "counterclaim", "--quote", "it’s over"])
        try workspace.expectSuccess(["add", "a.xml", "rebuttal", "--quote", "They are wrong.", "--speaker", "author"])
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "Nobody asked"])
        try workspace.expectSuccess(["relate", "a.xml", "u2", "rebuts", "u1"])
        try workspace.expectSuccess(["relate", "a.xml", "u3", "undercuts", "r1"])
        try workspace.expectRefusal(["remove", "a.xml", "u1"], message: "unit u1 is used by relations r1 (u2 rebuts u1), r2 (u3 undercuts r1); remove those first, or pass --cascade")
        try workspace.expectRefusal(["remove", "a.xml", "author"], message: "speaker author speaks in unit u2")
        try workspace.expectRefusal(["remove", "a.xml", "u42"], message: "no unit, relation or speaker u42 in a1")
        let removed = try workspace.expectSuccess(["remove", "a.xml", "u1", "--cascade"])
        #expect(removed == """
            removed unit u1 (counterclaim "it’s over")
            removed relation r1 (u2 rebuts u1)
            removed relation r2 (u3 undercuts r1)

            """)
        #expect(try workspace.expectSuccess(["remove", "a.xml", "u3"]) == "removed unit u3 (claim \"Nobody asked\")\n")
        #expect(try workspace.validate().status == 0)
    }

    @Test func corpusCommandsCreateAndUpdateTheCorpusFile() throws {
        let workspace = try Workspace(corpus: false)
        defer { workspace.cleanUp() }
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("corpus.xml").path))
        try workspace.expectSuccess(["target", "corpus.xml", "--id", "metoo", "--name", "MeToo"])
        try workspace.expectRefusal(["target", ".", "--id", "metoo", "--name", "the #MeToo movement"], message: "target metoo is already defined as \"MeToo\"; pass --replace to change its name")
        try workspace.expectSuccess(["target", ".", "--id", "metoo", "--name", "the #MeToo movement", "--description", "for or against", "--replace"])
        try workspace.expectRefusal(["proposition", ".", "--id", "p1", "--text", "x", "--target", "nothing", "--stance", "favor"], message: "unknown target nothing; define it with argmark target --id nothing --name NAME")
        try workspace.expectRefusal(["proposition", ".", "--id", "p1"], status: 2, message: "proposition p1 is new, so it needs a statement; pass --text")
        try workspace.expectRefusal(["target", "no-such-folder", "--id", "t", "--name", "n"], status: 2, message: "no-such-folder: error: no such folder")
        try workspace.expectSuccess(["proposition", ".", "--id", "p1", "--text", "it is alive", "--target", "metoo", "--stance", "favor"])
        let corpus = try String(contentsOf: workspace.folder.appendingPathComponent("corpus.xml"), encoding: .utf8)
        #expect(corpus == """
            <?xml version="1.0" encoding="UTF-8"?>
            <corpus xmlns="urn:argmark:1" version="1">
              <targets>
                <target id="metoo" name="the #MeToo movement">for or against</target>
              </targets>
              <propositions>
                <proposition id="p1" target="metoo" stance="favor">it is alive</proposition>
              </propositions>
            </corpus>

            """)
        #expect(try workspace.validate().status == 0)
    }

    @Test func speakerAddsAndUpdates() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectRefusal(["speaker", "a.xml", "--id", "author", "--role", "columnist"], status: 2, message: "unknown role \"columnist\"; use one of author, interviewer, interviewee, quoted, reported")
        try workspace.expectSuccess(["speaker", "a.xml", "--id", "author", "--role", "author: columnist"])
        try workspace.expectSuccess(["speaker", "a.xml", "--id", "burke", "--name", "Tarana Burke"])
        try workspace.expectRefusal(["speaker", "a.xml", "--id", "ghost"], status: 2, message: "speaker ghost is new, so it needs a name; pass --name")
        try workspace.expectRefusal(["speaker", "a.xml", "--id", "9lives", "--name", "x"], status: 2, message: "\"9lives\" is not a valid speaker id")
        let list = try workspace.expectSuccess(["list", "a.xml"])
        #expect(list.hasSuffix("author  The Author    author: columnist\nburke   Tarana Burke  -\n"))
    }

    @Test func invalidFilesAreNotEdited() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        var xml = String(decoding: try workspace.bytes(), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<title>A test</title>", with: "<title>A test</title><bogus/>")
        try Data(xml.utf8).write(to: workspace.fileURL)
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Critics"], message: "a.xml: error: a.xml is not valid (1 error); fix it first")
    }

    /// Twenty `argmark add` processes started at once on one file: every unit lands, the file stays valid.
    @Test func concurrentAddsAllLand() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        var processes: [(Process, Pipe)] = []
        for index in 0..<20 {
            let process = Process()
            process.executableURL = ArgmarkProcess.executable
            process.arguments = ["add", "a.xml", "claim", "--start", String(index), "--end", String(index + 10)]
            process.currentDirectoryURL = workspace.folder
            let output = Pipe()
            process.standardOutput = output
            process.standardError = ArgmarkProcess.devNull
            processes.append((process, output))
        }
        for (process, _) in processes { try process.run() }
        var ids: [String] = []
        for (process, output) in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            ids.append(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .newlines))
        }
        #expect(Set(ids) == Set((1...20).map { "u\($0)" }))
        let json = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        #expect(json.components(separatedBy: "\"type\": \"claim\"").count - 1 == 20)
        #expect(try workspace.validate().status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).filter { $0.contains(".argmark-") }
        #expect(leftovers.isEmpty)
    }

    @Test func readingCommandsReportMissingFilesAndBadTypes() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        for command in ["show", "list"] {
            let result = try workspace.run([command, "nothing.xml"])
            #expect(result.status == 2)
            #expect(result.standardError == "nothing.xml: error: no such file; check the path, or create it with argmark new\n")
        }
        let badType = try workspace.run(["list", "a.xml", "--type", "claims"])
        #expect(badType.status == 2)
        #expect(badType.standardError.hasPrefix("argmark: error: unknown unit type \"claims\""))
        let corpus = try workspace.run(["show", "corpus.xml"])
        #expect(corpus.status == 1)
        #expect(corpus.standardError.contains("this is a corpus file, not an article"))
    }

    @Test func listJSONIsDeterministicAndCoversRelationsAndSpeakers() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "Nobody asked"])
        try workspace.expectSuccess(["add", "a.xml", "counterclaim", "--quote", "it’s over", "--occurrence", "1"])
        try workspace.expectSuccess(["relate", "a.xml", "u1", "attacks", "u2", "--note", "asks back"])
        let first = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        let second = try workspace.expectSuccess(["list", "a.xml", "--format", "json"])
        #expect(first == second)
        #expect(first.contains("""
                {
                  "from": "u1",
                  "id": "r1",
                  "note": "asks back",
                  "to": "u2",
                  "type": "attacks"
                }
            """))
        // Units come in text order, whatever their ids.
        let counterclaim = try #require(first.range(of: "\"id\": \"u2\""))
        let claim = try #require(first.range(of: "\"id\": \"u1\""))
        #expect(counterclaim.lowerBound < claim.lowerBound)
        #expect(first.contains("\"name\": \"The Author\""))
    }

    @Test func undercutsAndRelationEditsShowInTheTree() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "position", "--quote", "The movement is alive."])
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "The movement grows."])
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "Nobody asked"])
        try workspace.expectSuccess(["relate", "a.xml", "u2", "supports", "u1"])
        try workspace.expectSuccess(["relate", "a.xml", "u3", "undercuts", "r1"])
        try workspace.expectSuccess(["set", "a.xml", "r1", "--note", "growth shows life"])
        try workspace.expectRefusal(["set", "a.xml", "r1", "--speaker", "author"], status: 2, message: "r1 is a relation; a relation takes only --type and --note")
        let show = try workspace.expectSuccess(["show", "a.xml"])
        #expect(show.hasSuffix("""
              u1 position: "The movement is alive."
                u2 claim supports (r1): "The movement grows."
                  u3 claim undercuts r1 (u2 supports u1) (r2): "Nobody asked"

            """))
        try workspace.expectSuccess(["remove", "a.xml", "r1", "--cascade"])
        let after = try workspace.expectSuccess(["show", "a.xml"])
        #expect(after.contains("Not connected to a position\n  u2 claim: \"The movement grows.\"\n  u3 claim: \"Nobody asked\"\n"))
    }

    @Test func unwritableCharactersInOptionsAreRefused() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "Nobody asked", "--note", "bell\u{07}"], message: "contains U+0007, a control character XML 1.0 cannot store")
    }

    /// Colour only on a terminal: run `show` under a pseudo-terminal with script(1), where present.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
    func showUsesColourOnlyOnATerminal() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "Nobody asked"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(ArgmarkProcess.executable.path)' show a.xml", "/dev/null"]
        process.currentDirectoryURL = workspace.folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["TERM"] = "xterm"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = ArgmarkProcess.devNull
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\u{1B}[1;34m[u1 claim: \u{1B}[0mNobody asked\u{1B}[1;34m]\u{1B}[0m"))
        let plain = try workspace.expectSuccess(["show", "a.xml"])
        #expect(plain.contains("[u1 claim: Nobody asked]"))
        #expect(!plain.contains("\u{1B}"))
    }
}
