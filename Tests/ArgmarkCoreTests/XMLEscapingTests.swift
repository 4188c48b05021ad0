import Testing
@testable import ArgmarkCore

/// The one XML escaper and its one policy for characters XML 1.0 cannot hold.
@Suite struct XMLEscapingTests {
    let sample = "a&b<c>\"d\te\nf\rg"

    @Test func eachContextEscapesWhatItMust() throws {
        #expect(try XMLEscaping.escape(sample, as: .attribute, in: "v") == "a&amp;b&lt;c&gt;&quot;d&#9;e&#10;f&#13;g")
        #expect(try XMLEscaping.escape(sample, as: .content, in: "text") == "a&amp;b&lt;c&gt;\"d\te\nf&#13;g")
        #expect(try XMLEscaping.escape(sample, as: .markup, in: "html") == "a&amp;b&lt;c&gt;&quot;d\te\nf&#13;g")
        #expect(try XMLEscaping.escape("plain ü 🙂", as: .attribute, in: "v") == "plain ü 🙂")
    }

    /// What is written reads back unchanged through libxml2, in an attribute and in content.
    @Test func escapedTextReadsBackUnchanged() throws {
        for value in [sample, "]]> & &amp; <!-- -->", "\r\n\r", "\t lead and trail \t", "é\u{10FFFF}\u{FFFD}"] {
            let attribute = try XMLEscaping.escape(value, as: .attribute, in: "v")
            let content = try XMLEscaping.escape(value, as: .content, in: "text")
            let document = "<r v=\"\(attribute)\">\(content)</r>"
            guard case .success(let parsed) = SafeXMLParser.parse(Array(document.utf8), path: "t.xml") else {
                Issue.record("not well-formed: \(document)")
                continue
            }
            #expect(parsed.root[attribute: "v"] == value)
            #expect(parsed.root.text == value)
        }
    }

    /// The canonical writer refuses a character XML cannot hold (and says where); derived outputs
    /// show it as an escape. Neither drops it silently nor writes an unreadable file.
    @Test func unwritableCharactersAreRefusedOrShownNeverDropped() {
        for scalar in ["\u{0}", "\u{1}", "\u{1B}", "\u{7}", "\u{FFFE}", "\u{FFFF}"] as [Unicode.Scalar] {
            let value = "ab\n c\(scalar)d"
            #expect(throws: UnwritableCharacterError.self) { try XMLEscaping.escape(value, as: .attribute, in: "note") }
            do {
                _ = try XMLEscaping.escape(value, as: .content, in: "text")
                Issue.record("U+\(String(scalar.value, radix: 16)) was written")
            } catch {
                #expect(error.scalar == scalar)
                #expect(error.place == "text at line 2, column 3")
            }
            let shown = XMLEscaping.escapeShowingUnwritable(value, as: .markup)
            #expect(shown == "ab\n c\\u{\(String(scalar.value, radix: 16, uppercase: true))}d")
            #expect(XMLEscaping.cdata("x\(scalar)]]>y") == "<![CDATA[x\\u{\(String(scalar.value, radix: 16, uppercase: true))}]]]]><![CDATA[>y]]>")
        }
    }

    /// CDATA reads back unchanged through libxml2, including what a plain section cannot hold: `]]>`
    /// (also when a combining mark makes `>` part of one Character), CR and CRLF (which a parser
    /// would turn into LF inside CDATA).
    @Test func cdataReadsBackUnchanged() throws {
        for value in ["", "plain", "a]]>b", "]]]]>>", "]]>\u{301}", "line\r\nnext\rlast\n", "<&> \"quoted\"", "]]\r>"] {
            let document = "<r>\(XMLEscaping.cdata(value))</r>"
            guard case .success(let parsed) = SafeXMLParser.parse(Array(document.utf8), path: "t.xml") else {
                Issue.record("not well-formed: \(document.debugDescription)")
                continue
            }
            #expect(parsed.root.text.unicodeScalars.elementsEqual(value.unicodeScalars), "\(value.debugDescription) read back as \(parsed.root.text.debugDescription)")
        }
    }

    /// A value shown with its unwritable characters as escapes still reads back as that escape, in
    /// every context, through libxml2.
    @Test func shownValuesAreWellFormed() throws {
        let value = "a\u{1B}b\u{0}c\u{FFFE}\r\n&\""
        let expected = "a\\u{1B}b\\u{0}c\\u{FFFE}\r\n&\""
        let document = "<r v=\"\(XMLEscaping.escapeShowingUnwritable(value, as: .attribute))\" m=\"\(XMLEscaping.escapeShowingUnwritable(value, as: .markup))\">\(XMLEscaping.escapeShowingUnwritable(value, as: .content))</r>"
        guard case .success(let parsed) = SafeXMLParser.parse(Array(document.utf8), path: "t.xml") else {
            Issue.record("not well-formed: \(document.debugDescription)")
            return
        }
        #expect(parsed.root[attribute: "v"] == expected)
        #expect(parsed.root.text.unicodeScalars.elementsEqual(expected.unicodeScalars))
        // In markup LF stays literal (HTML does not normalise attribute values; XML turns it into a space).
        #expect(parsed.root[attribute: "m"] == "a\\u{1B}b\\u{0}c\\u{FFFE}\r &\"")
    }
}
