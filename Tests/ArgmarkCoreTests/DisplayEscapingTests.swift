import Foundation
import Testing
@testable import ArgmarkCore

@Suite struct DisplayEscapingTests {
    @Test func terminalShowsWhatATerminalWouldObey() {
        #expect(DisplayEscaping.terminal("a\u{1B}[2Jb\u{9B}31m\u{202E}c\u{2066}\u{2028}\u{7F}") == "a\\u{1B}[2Jb\\u{9B}31m\\u{202E}c\\u{2066}\\u{2028}\\u{7F}")
        #expect(DisplayEscaping.terminal("one\ntwo\tthree\r") == "one\\ntwo\\tthree\\r")
        #expect(DisplayEscaping.terminal("one\ntwo\tthree\r", lineBreaks: .kept) == "one\ntwo\tthree\\r")
        #expect(DisplayEscaping.terminal("one\r\ntwo\rthree\u{85}", lineBreaks: .kept) == "one\r\ntwo\\rthree\\u{85}")
        // Letters of every script, marks and emoji are content, shown as they are.
        let plain = "é 中文 עברית \u{200F} 🙂 e\u{301} \\u{41}"
        #expect(DisplayEscaping.terminal(plain) == plain)
    }

    @Test func markdownKeepsContentLiteral() {
        #expect(DisplayEscaping.markdown("<b>x</b> & *y* _z_ [l](u) `c` a|b ~~s~~ ![i](j) \\") == "\\<b\\>x\\</b\\> \\& \\*y\\* \\_z\\_ \\[l\\](u) \\`c\\` a\\|b \\~\\~s\\~\\~ \\!\\[i\\](j) \\\\")
        #expect(DisplayEscaping.markdown("# title\nnext") == "\\# title next")
        #expect(DisplayEscaping.markdown("1. item") == "1\\. item")
        #expect(DisplayEscaping.markdown("12) item") == "12\\) item")
        #expect(DisplayEscaping.markdown("- item") == "\\- item")
        #expect(DisplayEscaping.markdown("---") == "\\---")
        // What opens nothing stays readable.
        #expect(DisplayEscaping.markdown("1.00 and #tag - ok") == "1.00 and #tag - ok")
        #expect(DisplayEscaping.markdown("#") == "#")
        #expect(DisplayEscaping.markdown("a\u{202E}b") == "a\\\\u{202E}b")
    }

    @Test func jsonEscapesTheSameScalarsAndKeepsTheValue() throws {
        let text = "a\u{9B}b\u{202E}c\u{2069}d\u{2028}e\u{7F}f\u{85} é \u{2030} \u{20AC} \u{2065}"
        let rendered = JSONValue.string(text).renderedCompact()
        #expect(rendered == "\"a\\u009bb\\u202ec\\u2069d\\u2028e\\u007ff\\u0085 é \u{2030} \u{20AC} \u{2065}\"")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(rendered)]".utf8)) as? [String]
        #expect(parsed == [text])
    }
}
