@testable import ArgmarkCore
import Testing

/// argmark's one TSV record format (`link-suggestions.tsv`) and the escaper under it.
@Suite struct TabSeparatedTests {
    @Test func valuesWithTabsLineBreaksAndBackslashesStayOneLineAndRoundTrip() {
        let values = ["plain", "tab\there", "line\nbreak", "cr\r\nlf", "back\\slash", "\\t is not a tab", "", "é 🙂 \u{202E}"]
        let line = TabSeparated.line(values)
        #expect(!line.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
        #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == values.count)
        #expect(TabSeparated.escape("a\tb\\c\nd\re") == #"a\tb\\c\nd\re"#)
        #expect(TabSeparated.fields(Substring(line)) == values)
    }

    /// A backslash before any other character stands for that character (hand-edited files).
    @Test func unescapeKeepsUnknownEscapes() {
        #expect(TabSeparated.unescape(#"a\qb\\"#) == "aqb\\")
    }

    @Test func escapingCopiesWhatTheTableLeavesOut() {
        #expect(Escaping.replacing("a<b>c", { $0 == "<" ? "&lt;" : nil }) == "a&lt;b>c")
        #expect(Escaping.replacing("", { _ in "x" }) == "")
    }
}
