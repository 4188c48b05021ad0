import Testing
@testable import ArgmarkCore

/// Reading edits from JSON Lines: every line's number, every shape of `add`, and refusals.
@Suite struct EditJSONTests {
    private func lines(_ text: String, forCorpus: Bool = false) throws(EditJSON.ReadError) -> [EditJSON.Line] {
        try EditJSON.lines(Array(text.utf8), forCorpus: forCorpus)
    }

    @Test func commentsAndBlankLinesAreSkippedAndLinesKeepTheirNumbers() throws {
        let read = try lines("# speakers\n\n{\"edit\": \"speaker\", \"id\": \"burke\", \"name\": \"Tarana Burke\", \"as\": \"b\"}\r\n  # units\n{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"x\", \"occurrence\": 2, \"speaker\": \"b\"}")
        #expect(read.map(\.number) == [3, 5])
        #expect(read[0].edit == .speaker(SpeakerChange(id: "burke", name: "Tarana Burke", label: "b")))
        #expect(read[1].edit == .addUnit(NewUnit(type: .claim, place: .anchor(.quote("x", occurrence: 2)), attributes: UnitAttributes(speaker: "b"))))
    }

    @Test func addTakesQuotesSpansOrAParaphrase() throws {
        let read = try lines("""
            {"edit": "add", "type": "claim", "quotes": ["a", "b"], "occurrences": [0, 2]}
            {"edit": "add", "type": "evidence", "spans": [[0, 3], [5, 9]], "id": "e1", "as": "e"}
            {"edit": "add", "type": "claim", "implicit": "unstated", "status": "suggested", "confidence": 0.5}
            {"edit": "meta", "title": "T", "properties": {"desk": "news", "old": null}, "clear": ["url"]}
            {"edit": "rename", "from": "metoo", "to": "movement"}
            """, forCorpus: true)
        #expect(read[0].edit == .addUnit(NewUnit(type: .claim, place: .fragments([.quote("a", occurrence: nil), .quote("b", occurrence: 2)]))))
        #expect(read[1].edit == .addUnit(NewUnit(type: .evidence, place: .fragments([.offsets(start: 0, end: 3), .offsets(start: 5, end: 9)]), id: "e1", label: "e")))
        #expect(read[2].edit == .addUnit(NewUnit(type: .claim, place: .implicit(paraphrase: "unstated"), status: .suggested, confidence: 0.5)))
        #expect(read[3].edit == .meta(MetadataChange(ArticleMetadata(title: "T", properties: [MetadataProperty(name: "desk", value: "news")]), removedProperties: ["old"], clear: [.url])))
        #expect(read[4].edit == .renameVocabulary(from: "metoo", to: "movement"))
    }

    @Test(arguments: [
        ("{\"edit\": \"add\", \"type\": \"claim\", \"qoute\": \"x\"}", "unknown field \"qoute\" in a add edit"),
        ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"x\", \"quote\": \"y\"}", "field \"quote\" is given twice"),
        ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"x\", \"start\": 1, \"end\": 2}", "give either \"quote\" or \"start\" and \"end\", not both"),
        ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"x\", \"implicit\": \"y\"}", "give only one of"),
        ("{\"edit\": \"add\", \"type\": \"thesis\", \"quote\": \"x\"}", "unknown unit type \"thesis\""),
        ("{\"edit\": \"relate\", \"from\": \"u1\", \"to\": \"u2\"}", "this edit needs \"type\""),
        ("{\"edit\": \"accept\", \"ids\": [\"u1\"], \"all\": true}", "takes exactly one of"),
        ("{\"edit\": \"frobnicate\"}", "unknown edit \"frobnicate\"; use one of add, relate"),
        ("[1, 2]", "an edit is a JSON object"),
        ("{\"edit\": \"add\", \"type\": \"claim\", \"quote\": \"x\"", "not valid JSON"),
        ("{\"type\": \"claim\"}", "every line needs \"edit\""),
    ])
    func badLinesAreRefusedWithTheirNumber(line: String, message: String) {
        do {
            _ = try lines("{\"edit\": \"remove\", \"id\": \"u1\"}\n\n" + line + "\n")
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
