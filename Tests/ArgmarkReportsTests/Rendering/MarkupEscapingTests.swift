import ArgmarkCore
@testable import ArgmarkReports
import Testing

/// The renderers escape through the core's one escaper (`.markup`): a control character in a
/// title or quote is shown as `\u{…}`, never dropped and never written raw into HTML or SVG.
@Suite struct MarkupEscapingTests {
    @Test func markupIsTheCoreEscaper() throws {
        for value in ["plain", "a&b<c>\"d\te\nf\rg", "x\u{1B}y\u{0}", ""] {
            #expect(Markup.escape(value) == XMLEscaping.escapeShowingUnwritable(value, as: .markup))
        }
        #expect(Markup.escape("title \u{1B}[31m & \"red\"") == "title \\u{1B}[31m &amp; &quot;red&quot;")
        let svg = "<svg><text title=\"\(Markup.escape("a\u{7}\"<b>"))\">\(Markup.escape("c\u{7}&d"))</text></svg>"
        guard case .success(let parsed) = SafeXMLParser.parse(Array(svg.utf8), path: "map.svg") else {
            Issue.record("not well-formed: \(svg)")
            return
        }
        #expect(parsed.root.children.first?[attribute: "title"] == "a\\u{7}\"<b>")
    }
}
