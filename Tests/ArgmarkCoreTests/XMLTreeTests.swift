import Testing
@testable import ArgmarkCore

/// The Swift tree built from libxml2's (without recursion) keeps structure, order and text.
@Suite struct XMLTreeTests {
    @Test func deepNestingUpToLibxml2sLimitBuildsTheWholeTree() throws {
        let depth = 250
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r xmlns=\"urn:x\">" + String(repeating: "<a>", count: depth) + "deep" + String(repeating: "</a>", count: depth) + "</r>\n"
        guard case .success(let parsed) = SafeXMLParser.parse(Array(xml.utf8), path: "deep.xml") else {
            Issue.record("a 250-deep document is within libxml2's limit")
            return
        }
        var element = parsed.root
        var levels = 0
        while let child = element.children.first {
            #expect(element.children.count == 1)
            element = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(element.text == "deep")
        #expect(element.namespace == "urn:x")
    }

    @Test func childrenTextAndAttributesKeepTheirOrder() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r a=\"1\" b=\"2\">one<x n=\"1\"/>two<y><z/></y><![CDATA[three]]><x n=\"2\">in</x></r>\n"
        guard case .success(let parsed) = SafeXMLParser.parse(Array(xml.utf8), path: "order.xml") else {
            Issue.record("well-formed")
            return
        }
        let root = parsed.root
        #expect(root.attributes.map(\.name) == ["a", "b"])
        #expect(root.text == "onetwothree")
        #expect(root.children.map(\.name) == ["x", "y", "x"])
        #expect(root.children(named: "x").map { $0[attribute: "n"] } == ["1", "2"])
        #expect(root.children[1].children.map(\.name) == ["z"])
        #expect(root.children[2].text == "in")
        #expect(root.children[1].line == 2)
    }

    @Test func moreThan256LevelsIsRefusedWithAPlainMessage() {
        let xml = "<r>" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300) + "</r>"
        guard case .failure(let failure) = SafeXMLParser.parse(Array(xml.utf8), path: "deep.xml") else {
            Issue.record("libxml2 refuses more than 256 levels")
            return
        }
        #expect(failure.diagnostics.first?.message == "elements are nested more than 256 levels deep; argmark files nest only a few levels, so this is not an argmark file")
    }
}
