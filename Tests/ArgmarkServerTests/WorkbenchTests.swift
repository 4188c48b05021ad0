import ArgmarkAgreement
import ArgmarkCore
import ArgmarkFormats
@testable import ArgmarkServer
import Testing

@Suite struct PathGuardTests {
    @Test func plainNamesOnly() {
        for name in ["seed-002", "a.b_c-1", "X"] { #expect(PathGuard.isPlainName(name), "\(name)") }
        for name in ["", ".", "..", ".hidden", "a/b", "..%2f", "a\\b", "é", "a b", String(repeating: "a", count: 201)] {
            #expect(!PathGuard.isPlainName(name), "\(name)")
        }
    }

    @Test func percentDecodingIsStrict() {
        #expect(PathGuard.percentDecoded("%2e%2e") == "..")
        #expect(PathGuard.percentDecoded("a%2Fb") == "a/b")
        #expect(PathGuard.percentDecoded("%zz") == nil)
        #expect(PathGuard.percentDecoded("%e9") == nil, "not UTF-8")
        #expect(PathGuard.percentDecoded("plain") == "plain")
    }

    @Test func containmentFollowsTheRealPath() {
        #expect(PathGuard.isInside("/tmp/x", folder: "/tmp"))
        #expect(!PathGuard.isInside("/tmpx/y", folder: "/tmp"))
        #expect(!PathGuard.isInside("/tmp/../etc/passwd", folder: "/tmp"))
    }
}

@Suite struct WorkbenchEditTests {
    func parse(_ json: String) throws -> [WorkbenchEdit] {
        try WorkbenchEdit.parseList(try JSONReader.parse(Array(json.utf8)))
    }

    @Test func readsEveryKindOfAdd() throws {
        let edits = try parse(#"[{"op":"add","type":"claim","start":1,"end":4,"speaker":"a","as":"x"},{"op":"add","type":"evidence","fragments":[[9,12],[2,5]]},{"op":"add","type":"claim","implicit":"we should act"}]"#)
        #expect(edits[0] == .addUnit(type: .claim, place: .span(Span(start: 1, end: 4)), fields: WorkbenchEdit.UnitFields(speaker: .some(SpeakerID("a"))), label: "x"))
        #expect(edits[1] == .addUnit(type: .evidence, place: .fragments([Span(start: 2, end: 5), Span(start: 9, end: 12)]), fields: WorkbenchEdit.UnitFields(), label: nil))
        #expect(edits[2] == .addUnit(type: .claim, place: .implicit("we should act"), fields: WorkbenchEdit.UnitFields(), label: nil))
    }

    @Test func nullClearsAField() throws {
        let edits = try parse(#"[{"op":"set","unit":"u1","speaker":null,"stance":"favor","target":"t"}]"#)
        guard case .setUnit(_, let fields) = edits[0] else { Issue.record("not a set"); return }
        #expect(fields.speaker == .some(nil))
        #expect(fields.stance == .some(.favor))
        #expect(fields.note == nil)
    }

    @Test func badEditsNameTheirPlace() {
        #expect(throws: EditSyntaxError(index: 2, message: "unknown op \"frobnicate\"; use add, set, relate, set-relation, remove, speaker, accept, reject, suggest, target or proposition")) {
            try parse(#"[{"op":"suggest"},{"op":"frobnicate"}]"#)
        }
        #expect(throws: EditSyntaxError(index: nil, message: "\"edits\" is empty; send at least one edit")) { try parse("[]") }
        #expect(throws: EditSyntaxError.self) { try parse(#"[{"op":"add","type":"claim"}]"#) }
        #expect(throws: EditSyntaxError.self) { try parse(#"[{"op":"speaker","id":"1x","name":"n"}]"#) }
    }
}

@Suite struct ArticleMergeTests {
    static let text = "One claim here. Evidence there. A third one."
    func article(_ units: [ArgumentUnit], _ relations: [Relation] = []) -> Article {
        Article(id: "a", text: Self.text, speakers: [Speaker(id: "s", name: "Sam")], units: units, relations: relations)
    }

    @Test func keepsWhatAllAgreeOnAndListsTheRest() throws {
        let claim = ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 15), quote: "One claim here.", speaker: "s")
        let evidence = ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 16, end: 31), quote: "Evidence there.")
        let third = ArgumentUnit(id: "u3", type: .claim, span: Span(start: 32, end: 44), quote: "A third one.")
        let supports = Relation(id: "r1", type: .supports, from: "u2", to: .unit("u1"))
        let first = article([claim, evidence, third], [supports])
        var renamed = evidence
        renamed.id = "u9"
        let second = article([claim, renamed], [Relation(id: "r4", type: .supports, from: "u9", to: .unit("u1"))])
        let merge = try ArticleMerge([first, second], names: ["A", "B"])
        #expect(merge.agreedUnits.count == 2)
        #expect(merge.agreedRelations.count == 1)
        #expect(merge.conflicts.map(\.summary) == ["claim 32-44 \u{201C}A third one.\u{201D}"])
        let merged = merge.merged()
        #expect(merged.units.map(\.id.rawValue) == ["u1", "u2"])
        #expect(merged.relations == [Relation(id: "r1", type: .supports, from: "u2", to: .unit("u1"))])
        #expect(merged.speakers.map(\.id) == ["s"])
        let bytes = try ArticleWriter.encode(merged)
        #expect(Validator().validate(bytes: bytes, path: "m.xml", corpus: nil).diagnostics.isEmpty)
    }

    /// Conflicts are listed as the text reads (not by their summaries, where "claim …" came
    /// before "evidence …" whatever their places), a unit before the relations starting at it.
    @Test func conflictsFollowTheText() throws {
        let evidence = ArgumentUnit(id: "u1", type: .evidence, span: Span(start: 0, end: 15), quote: "One claim here.")
        let middle = ArgumentUnit(id: "u2", type: .claim, span: Span(start: 16, end: 31), quote: "Evidence there.")
        let claim = ArgumentUnit(id: "u3", type: .claim, span: Span(start: 32, end: 44), quote: "A third one.")
        let first = article([evidence, middle], [Relation(id: "r1", type: .supports, from: "u1", to: .unit("u2"))])
        let second = article([middle, claim], [Relation(id: "r1", type: .attacks, from: "u3", to: .unit("u2"))])
        let merge = try ArticleMerge([first, second], names: ["A", "B"])
        #expect(merge.conflicts.map(\.summary) == [
            "evidence 0-15 \u{201C}One claim here.\u{201D}", "u1 supports u2",
            "claim 32-44 \u{201C}A third one.\u{201D}", "u3 attacks u2",
        ])
        #expect(merge.conflicts.map(\.annotators) == [[0], [0], [1], [1]])
        let swapped = try ArticleMerge([second, first], names: ["B", "A"])
        #expect(swapped.conflicts.map(\.summary) == merge.conflicts.map(\.summary))
    }

    @Test func refusesDifferentTexts() {
        var other = article([])
        other.text = "Different."
        #expect(throws: MergeError.textMismatch(first: "A", other: "B")) { try ArticleMerge([article([]), other], names: ["A", "B"]) }
    }
}
