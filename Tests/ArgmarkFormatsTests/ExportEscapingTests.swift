import ArgmarkCore
@testable import ArgmarkFormats
import Testing

/// The exporters write XML through the core's one escaper. These tests call the exporters' own
/// entry points (`ExportXML`, `Arggraph.encoded()`), so a wrapper that calls itself instead of the
/// core (as a bulk rename once made `ExportXML.cdata` do) crashes the suite here.
@Suite("export escaping")
struct ExportEscapingTests {
    @Test("ExportXML is the core's escaper")
    func sameAsCore() {
        for value in ["plain", "a&b<c>\"d\te\nf\rg", "x\u{1B}]]>y\r\n", ""] {
            #expect(ExportXML.attribute(value) == XMLEscaping.escapeShowingUnwritable(value, as: .attribute))
            #expect(ExportXML.cdata(value) == XMLEscaping.cdata(value))
        }
    }

    @Test("an arggraph with hostile text and ids reads back unchanged, control characters shown, never dropped")
    func arggraphRoundTrip() throws {
        let texts = ["A ]]> B & <C>", "line\r\nnext\rend", "quote \"q\" and tab\t", "bell\u{7}here"]
        let graph = Arggraph(id: "g\"&<1>", attributes: [("topic_id", "a&b\"c\n")],
                             edus: texts.enumerated().map { Arggraph.EDU(id: "e\($0.offset + 1)", text: $0.element, isImplicit: $0.offset == 3, line: 0) },
                             joints: [], adus: [Arggraph.ADU(id: "a1", role: "pro", line: 0)],
                             edges: [Arggraph.Edge(id: "c1", source: "e1", target: "a1", type: "seg", line: 0)])
        let back = try Arggraph.parse(graph.encoded(), path: "g.xml")
        #expect(back.id == graph.id)
        #expect(back.attribute("topic_id") == "a&b\"c\n")
        let expected = ["A ]]> B & <C>", "line\r\nnext\rend", "quote \"q\" and tab\t", "bell\\u{7}here"]
        #expect(back.edus.map { Array($0.text.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        #expect(back.edus.map(\.isImplicit) == [false, false, false, true])
    }
}
