import ArgmarkTestSupport
import ArgmarkCore
import Foundation
import Testing

/// `argmark apply`: many edits from JSON Lines in one transaction, run as the built binary.
@Suite struct ApplyCommandTests {
    static let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")

    /// The edit files in Annotations/edits rebuild the shipped seed files byte for byte. Hermetic:
    /// the texts are taken from the shipped files themselves (SeedCorpusTests checks, where
    /// ../shared exists, that those are the seed texts byte for byte).
    @Test func editFilesRebuildTheShippedSeedFilesByteForByte() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edits = Self.annotations.appendingPathComponent("edits")
        let corpus = try ArgmarkProcess.run(["apply", "corpus.xml", edits.appendingPathComponent("corpus.jsonl").path], in: folder)
        #expect(corpus.status == 0, "\(corpus.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("corpus.xml")) == Data(contentsOf: Self.annotations.appendingPathComponent("corpus.xml")))
        for index in 0..<5 {
            let name = "seed-00\(index)"
            let shipped = Self.annotations.appendingPathComponent("\(name).xml")
            let text = try ArticleLoader.load(shipped.path).article.text
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).txt"))
            let created = try ArgmarkProcess.run(["new", "\(name).txt", "-o", "\(name).xml", "--id", name], in: folder)
            #expect(created.status == 0, "\(created.standardError)")
            let applied = try ArgmarkProcess.run(["apply", "\(name).xml", edits.appendingPathComponent("\(name).jsonl").path], in: folder)
            #expect(applied.status == 0, "\(name): \(applied.standardError)")
            // Quotes match exactly and nothing is ambiguous: apply printed no note and no warning.
            #expect(applied.standardError.isEmpty, "\(name): \(applied.standardError)")
            #expect(applied.standardOutput.hasPrefix("\(name).xml: "), "\(applied.standardOutput)")
            let rebuilt = try Data(contentsOf: folder.appendingPathComponent("\(name).xml"))
            #expect(rebuilt == (try Data(contentsOf: shipped)), "\(name).xml rebuilt from edits/\(name).jsonl differs from the shipped file")
        }
    }

    @Test func aBadLineSevenExitsOneNamingLineSevenAndWritesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let good = [
            #"# units first"#,
            #"{"edit": "add", "as": "wrong", "type": "claim", "speaker": "author", "quote": "They are wrong."}"#,
            #"{"edit": "add", "as": "alive", "type": "evidence", "quote": "The movement is alive."}"#,
            "",
            #"{"edit": "relate", "from": "alive", "type": "supports", "to": "wrong"}"#,
            #"{"edit": "set", "id": "wrong", "note": "the thesis"}"#,
        ]
        let bad: [(line: String, message: String)] = [
            (#"{"edit": "relate", "from": "alive", "type": "supports", "to": "nothing"}"#, "no unit nothing in a1"),
            (#"{"edit": "add", "type": "claim", "qoute": "They are wrong."}"#, "unknown field \"qoute\" in a add edit; its fields are"),
            (#"{"edit": "add", "type": "claim", "quote": "#, "not valid JSON"),
            (#"{"edit": "speaker", "id": "burke", "name": "Tarana Burke", "role": "qouted"}"#, "unknown role \"qouted\"; use one of author, interviewer, interviewee, quoted, reported"),
            // Valid by itself, but the result is invalid (evidence cannot attack): the replay names the line.
            (#"{"edit": "relate", "from": "alive", "type": "attacks", "to": "wrong"}"#, "the change would make the file invalid"),
        ]
        for (line, message) in bad {
            let lines = good + [line, #"{"edit": "add", "type": "claim", "quote": "Nobody asked"}"#]
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: workspace.folder.appendingPathComponent("edits.jsonl"))
            let result = try workspace.expectRefusal(["apply", "a.xml", "edits.jsonl"], message: message)
            #expect(result.standardError.hasPrefix("edits.jsonl:7: error: "), "\(result.standardError)")
        }
        // The same lines without the bad one land together.
        try Data((good.joined(separator: "\n") + "\n").utf8).write(to: workspace.folder.appendingPathComponent("edits.jsonl"))
        let output = try workspace.expectSuccess(["apply", "a.xml", "edits.jsonl"])
        #expect(output.hasPrefix("a.xml: 4 edits applied (2 units, 1 relation added), written, sha256 "), "\(output)")
        let list = try workspace.expectSuccess(["list", "a.xml"])
        #expect(list.hasPrefix("u1  claim     25-40  author  \"They are wrong.\"\nu2  evidence  42-64  -       \"The movement is alive.\"\n\nr1  u2  supports  u1\n"), "\(list)")
        let xml = String(decoding: try workspace.bytes(), as: UTF8.self)
        #expect(xml.contains(#"<unit id="u1" type="claim" start="25" end="40" speaker="author" note="the thesis">They are wrong.</unit>"#), "\(xml)")
    }

    @Test func standardInputLabelsJSONOutputAndTheDigestAsVersion() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let edits = """
            {"edit": "add", "as": "burke-tweet", "type": "evidence", "quote": "The movement grows."}
            {"edit": "add", "as": "gap", "type": "claim", "implicit": "A movement that grows is not over."}
            {"edit": "relate", "from": "burke-tweet", "type": "supports", "to": "gap", "as": "r-grows"}
            {"edit": "meta", "author": "A. Writer", "properties": {"desk": "opinion"}}

            """
        let result = try ArgmarkProcess.run(["apply", "a.xml", "-", "--format", "json"], in: workspace.folder, input: edits)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["labels"] as? [String: String] == ["burke-tweet": "u1", "gap": "u2", "r-grows": "r1"])
        let digest = try #require(json["sha256"] as? String)
        let bytes = try workspace.bytes()
        #expect(digest == SHA256.hexDigest(of: Array(bytes)))
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains(#"<unit id="u2" type="claim">A movement that grows is not over.</unit>"#), "\(xml)")
        #expect(xml.contains(#"<property name="desk">opinion</property>"#), "\(xml)")
        // The digest is the file's version: an edit against it lands, one against an old one is refused.
        let set = #"{"edit": "set", "id": "u1", "note": "Burke's tweet"}"# + "\n"
        let stale = try ArgmarkProcess.run(["apply", "a.xml", "--expected-digest", String(repeating: "0", count: 64)], in: workspace.folder, input: set)
        #expect(stale.status == 1)
        #expect(stale.standardError.contains("changed since it was read"), "\(stale.standardError)")
        #expect(try workspace.bytes() == bytes)
        let fresh = try ArgmarkProcess.run(["apply", "a.xml", "--expected-digest", digest], in: workspace.folder, input: set)
        #expect(fresh.status == 0, "\(fresh.standardError)")
        #expect(try workspace.bytes() != bytes)
    }

    @Test func corpusEditsGoToCorpusXMLAndAreNotMixedWithArticleEdits() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let mixed = #"{"edit": "target", "id": "t2", "name": "two"}"# + "\n" + #"{"edit": "add", "type": "claim", "quote": "They are wrong."}"# + "\n"
        try Data(mixed.utf8).write(to: workspace.folder.appendingPathComponent("mixed.jsonl"))
        try workspace.expectRefusal(["apply", "a.xml", "mixed.jsonl"], status: 2, message: "apply them to each file separately")
        let corpusEdits = #"{"edit": "target", "id": "t2", "name": "two"}"# + "\n" + #"{"edit": "proposition", "id": "p2", "text": "two is good", "target": "t2", "stance": "favor"}"# + "\n"
        try Data(corpusEdits.utf8).write(to: workspace.folder.appendingPathComponent("corpus.jsonl"))
        let output = try workspace.expectSuccess(["apply", ".", "corpus.jsonl"])
        #expect(output.hasPrefix("\(FileSystem.join(".", "corpus.xml")): 2 edits applied (1 target, 1 proposition added), written"), "\(output)")
        try workspace.expectRefusal(["apply", "a.xml", "empty.jsonl"], status: 2, message: "empty.jsonl: error:")
    }
}
