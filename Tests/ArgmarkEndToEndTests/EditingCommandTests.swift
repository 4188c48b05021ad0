import ArgmarkTestSupport
import Foundation
import Testing

/// What used to need hand-edited XML (issue 12, item 3), each run as the built binary, with
/// a bad input that must be refused clearly, exit non-zero and leave the files unchanged.
@Suite struct EditingCommandTests {
    private func xml(_ workspace: Workspace, _ name: String = "a.xml") throws -> String {
        String(decoding: try Data(contentsOf: workspace.folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test func implicitUnits() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        #expect(try workspace.expectSuccess(["add", "a.xml", "claim", "--implicit", "A movement that grows is not over.", "--speaker", "author"]) == "u1\n")
        #expect(try xml(workspace).contains(#"<unit id="u1" type="claim" speaker="author">A movement that grows is not over.</unit>"#))
        let show = try workspace.expectSuccess(["show", "a.xml"])
        #expect(show.hasSuffix("Implicit units\n  u1 claim: A movement that grows is not over.\n"), "\(show)")
        #expect(try workspace.expectSuccess(["show", "a.xml", "--unit", "u1"]).contains("implicit (no span): \"A movement that grows is not over.\""))
        try workspace.expectRefusal(["add", "a.xml", "claim", "--implicit", "  "], status: 2, message: "an implicit unit needs a paraphrase")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--implicit", "x", "--quote", "They are wrong."], status: 2, message: "an implicit unit has no place in the text")
        #expect(try workspace.validate().status == 0)
    }

    @Test func discontinuousUnits() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        #expect(try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong.", "--quote", "The movement grows.", "--occurrence", "1", "--occurrence", "1"]) == "u1\n")
        #expect(try xml(workspace).contains(#"<unit id="u1" type="claim" start="25" end="84" fragments="25-40 65-84">They are wrong."#))
        #expect(try workspace.expectSuccess(["add", "a.xml", "evidence", "--start", "0", "--end", "7", "--start", "88", "--end", "94"]) == "u2\n")
        let unit = try workspace.expectSuccess(["show", "a.xml", "--unit", "u1"])
        #expect(unit.contains("piece 1 at 25-40: line 1, column 26 to line 1, column 41"), "\(unit)")
        #expect(unit.contains("piece 2 at 65-84: line 2, column 24 to line 2, column 43"), "\(unit)")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "The movement grows.", "--quote", "They are wrong."], message: "must be in text order and must not overlap")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--quote", "They", "--quote", "over", "--occurrence", "2"], status: 2, message: "2 quotes but 1 --occurrence")
        try workspace.expectRefusal(["add", "a.xml", "claim", "--start", "0", "--end", "7", "--start", "9"], status: 2, message: "--start and --end go together")
        #expect(try workspace.validate().status == 0)
    }

    @Test func metaChangesTheMetadata() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["meta", "a.xml", "--title", "A new title", "--outlet", "The Paper", "--url", "https://example.org/a",
                                     "--property", "desk=opinion", "--property", "page=3", "--clear", "published"])
        let meta = try xml(workspace)
        #expect(meta.contains("""
              <meta>
                <title>A new title</title>
                <outlet>The Paper</outlet>
                <url>https://example.org/a</url>
                <genre>opinion</genre>
                <language>en</language>
                <property name="desk">opinion</property>
                <property name="page">3</property>
              </meta>
            """), "\(meta)")
        try workspace.expectSuccess(["meta", "a.xml", "--remove-property", "page", "--genre", "news"])
        #expect(try xml(workspace).contains("<genre>news</genre>\n    <language>en</language>\n    <property name=\"desk\">opinion</property>\n  </meta>"))
        try workspace.expectRefusal(["meta", "a.xml", "--published", "2018-13-45"], status: 2, message: "published date \"2018-13-45\" is not a date; write it as YYYY-MM-DD")
        try workspace.expectRefusal(["meta", "a.xml", "--clear", "headline"], status: 2, message: "unknown field; use one of title, outlet, author, published, url, genre, language, properties")
        try workspace.expectRefusal(["meta", "a.xml", "--remove-property", "page"], message: "a1 has no property \"page\" (it has desk)")
        try workspace.expectRefusal(["meta", "a.xml"], status: 2, message: "nothing to change")
        try workspace.expectRefusal(["meta", "a.xml", "--genre", "novel"], status: 2, message: "unknown genre \"novel\"")
    }

    @Test func targetsAndPropositionsAreRemovedFromTheCorpusOnlyWhenUnusedOrWithCascade() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "The movement is alive.", "--stance", "favor", "--target", "metoo", "--proposition", "alive"])
        let refused = try workspace.expectRefusal(["remove", ".", "metoo"], message: "target metoo is still used in corpus.xml (proposition alive), ./a.xml (u1); clear those uses first, or pass --cascade to clear them all")
        #expect(refused.standardError.hasPrefix("corpus.xml: error: "), "\(refused.standardError)")
        try workspace.expectRefusal(["remove", "corpus.xml", "nothing"], message: "no target nothing in corpus.xml; its targets are metoo")
        #expect(try workspace.expectSuccess(["remove", ".", "alive", "--cascade"]) == "removed proposition alive from corpus.xml\ncleared it from unit u1 in ./a.xml\n")
        #expect(try workspace.expectSuccess(["remove", "corpus.xml", "metoo", "--cascade"]) == "removed target metoo from corpus.xml\ncleared it from unit u1 in ./a.xml\n")
        #expect(try xml(workspace).contains(#"<unit id="u1" type="claim" start="42" end="64">The movement is alive.</unit>"#))
        #expect(!(try xml(workspace, "corpus.xml")).contains("metoo"))
        #expect(try workspace.validate().status == 0)
    }

    @Test func renameChangesAnIdAndEveryReference() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong.", "--speaker", "author", "--stance", "favor", "--target", "metoo"])
        try workspace.expectSuccess(["add", "a.xml", "evidence", "--quote", "The movement is alive.", "--speaker", "author"])
        try workspace.expectSuccess(["relate", "a.xml", "u2", "supports", "u1"])
        #expect(try workspace.expectSuccess(["rename", "a.xml", "u1", "thesis"]) == "renamed unit u1 to thesis; 1 reference updated\n")
        #expect(try workspace.expectSuccess(["rename", "a.xml", "author", "writer"]) == "renamed speaker author to writer; 2 references updated\n")
        #expect(try workspace.expectSuccess(["rename", ".", "metoo", "movement"]) == "renamed target metoo to movement; 2 references updated in ./a.xml\n")
        let renamed = try xml(workspace)
        #expect(renamed.contains(#"<unit id="thesis" type="claim" start="25" end="40" speaker="writer" stance="favor" target="movement">"#), "\(renamed)")
        #expect(renamed.contains(#"<relation id="r1" type="supports" from="u2" to="thesis"/>"#), "\(renamed)")
        #expect(try xml(workspace, "corpus.xml").contains(#"<proposition id="alive" target="movement" stance="favor">"#))
        try workspace.expectRefusal(["rename", "a.xml", "nothing", "x"], message: "no unit, relation or speaker nothing in a1")
        try workspace.expectRefusal(["rename", "a.xml", "thesis", "writer"], message: "writer is already an id in a1")
        try workspace.expectRefusal(["rename", "a.xml", "thesis", "9lives"], status: 2, message: "\"9lives\" is not a valid id")
        try workspace.expectRefusal(["rename", ".", "alive", "movement"], message: "movement is already a target or proposition id")
        #expect(try workspace.validate().status == 0)
    }

    @Test func showAndListTakeSeveralFilesAndFolders() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try Data("Another article. It argues.\n".utf8).write(to: workspace.folder.appendingPathComponent("b.txt"))
        try workspace.expectSuccess(["new", "b.txt", "-o", "b.xml", "--id", "b1", "--title", "B test"])
        try workspace.expectSuccess(["add", "b.xml", "claim", "--quote", "It argues."])
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong."])
        let list = try workspace.expectSuccess(["list", "a.xml", "b.xml"])
        #expect(list.hasPrefix("==> a.xml <==\nu1  claim  25-40  -  \"They are wrong.\"\n"), "\(list)")
        #expect(list.contains("\n\n==> b.xml <==\nu1  claim  17-27  -  \"It argues.\"\n"), "\(list)")
        let folder = try workspace.expectSuccess(["list", "."])
        #expect(folder.contains("==> ./a.xml <==") && folder.contains("==> ./b.xml <==") && !folder.contains("corpus.xml"), "\(folder)")
        let json = try workspace.expectSuccess(["list", ".", "--format", "json"])
        let listings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(listings.map { $0["path"] as? String } == ["./a.xml", "./b.xml"])
        #expect(listings.map { $0["id"] as? String } == ["a1", "b1"])
        let show = try workspace.expectSuccess(["show", "."])
        #expect(show.hasPrefix("==> ./a.xml <==\nA test\n"), "\(show)")
        #expect(show.contains("\n==> ./b.xml <==\nB test\n"), "\(show)")

        let partly = try workspace.run(["show", "a.xml", "missing.xml"])
        #expect(partly.status == 2)
        #expect(partly.standardError == "missing.xml: error: no such file; check the path, or create it with argmark new\n")
        #expect(partly.standardOutput.hasPrefix("==> a.xml <==\nA test\n"), "the readable file is still shown")
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try workspace.expectRefusal(["list", "empty"], status: 2, message: "empty: error: no annotation files (.xml) in this folder")
    }

    @Test func showUnitPrintsOneUnitInItsContext() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        try workspace.expectSuccess(["add", "a.xml", "claim", "--quote", "They are wrong.", "--speaker", "author", "--note", "the answer"])
        try workspace.expectSuccess(["add", "a.xml", "evidence", "--quote", "The movement is alive."])
        try workspace.expectSuccess(["relate", "a.xml", "u2", "supports", "u1"])
        let shown = try workspace.expectSuccess(["show", "a.xml", "--unit", "u1"])
        #expect(shown == """
            u1 claim (author)
              at 25-40: line 1, column 26 to line 1, column 41
              Critics say “it’s over”. [They are wrong.]  The movement is alive. The m…
              note: the answer
              r1: u2 supports u1 "The movement is alive."

            """, "\(shown)")
        try workspace.expectRefusal(["show", "a.xml", "--unit", "u9"], message: "no unit u9 in a1; argmark list a.xml shows the ids")
        try workspace.expectRefusal(["show", "a.xml", "--unit", "author"], message: "author is a speaker, not a unit")
        try workspace.expectRefusal(["show", "a.xml", "a.xml", "--unit", "u1"], status: 2, message: "--unit ID takes one file")
    }

    @Test func speakerWarnsOnADuplicateNameAndRefusesUnknownRoles() throws {
        let workspace = try Workspace()
        defer { workspace.cleanUp() }
        let result = try workspace.run(["speaker", "a.xml", "--id", "author2", "--name", "The Author", "--role", "quoted"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "author2\n")
        #expect(result.standardError.contains("a.xml: warning: speaker author also has the name \"The Author\""), "\(result.standardError)")
        try workspace.expectRefusal(["speaker", "a.xml", "--id", "burke", "--name", "Tarana Burke", "--role", "qouted"], status: 2,
                                    message: "unknown role \"qouted\"; use one of author, interviewer, interviewee, quoted, reported, suggested")
        try workspace.expectSuccess(["speaker", "a.xml", "--id", "burke", "--name", "Tarana Burke", "--role", "reported by the author"])
        try workspace.expectRefusal(["proposition", ".", "--id", "alive", "--text", "it is dead"], message: "proposition alive is already defined as \"the movement is alive\"; pass --replace")
        try workspace.expectSuccess(["proposition", ".", "--id", "alive", "--text", "the movement lives", "--replace"])
        #expect(try xml(workspace, "corpus.xml").contains("the movement lives"))
    }
}
