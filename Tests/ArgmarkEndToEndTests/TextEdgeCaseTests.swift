import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// Texts whose code-point offsets differ from characters, UTF-16 units and bytes keep their
/// offsets right through new → add → validate → show.
@Suite struct TextEdgeCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var quotes: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "combining characters", text: "Cafe\u{301} owners say the cafe\u{301} is closed. They are wrong.\n", quotes: ["the cafe\u{301} is closed", "They are wrong."]),
        Case(name: "emoji and astral characters", text: "👩‍👩‍👧 family 😀 says: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 matters. Fin 🏳️‍🌈.\n", quotes: ["𝔘𝔫𝔦𝔠𝔬𝔡𝔢 matters", "Fin 🏳️‍🌈"]),
        Case(name: "right-to-left text", text: "English first. שלום עולם, זה טקסט. مرحبا بالعالم. End.\n", quotes: ["שלום עולם", "مرحبا بالعالم", "End."]),
        Case(name: "zero-width characters", text: "a\u{200B}b zero\u{200D}width \u{2060}joiner text. They are wrong.\n", quotes: ["zero\u{200D}width", "They are wrong."]),
        Case(name: "CRLF line ends", text: "Line one.\r\nLine two is here.\r\nLine three.\r\n", quotes: ["Line two is here.", "Line three."]),
        Case(name: "byte-order mark", text: "\u{FEFF}Text with a BOM. Claim here.\n", quotes: ["Claim here."]),
    ]

    static func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        let result = try ArgmarkProcess.run(arguments, in: folder)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
        return result
    }

    @Test(arguments: cases) func offsetsSurviveTheWholeRoundTrip(_ edge: Case) throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(edge.text.utf8).write(to: folder.appendingPathComponent("article.txt"))
        _ = try Self.run(["new", "article.txt", "-o", "article.xml", "--id", "edge"], in: folder)
        for quote in edge.quotes {
            let added = try Self.run(["add", "article.xml", "claim", "--quote", quote], in: folder)
            #expect(added.standardError.isEmpty, "an exact quote needs no forgiving match: \(added.standardError)")
        }
        _ = try Self.run(["validate", "article.xml"], in: folder)

        let loaded = try ArticleLoader.load(folder.appendingPathComponent("article.xml").path)
        #expect(loaded.article.text.unicodeScalars.elementsEqual(edge.text.unicodeScalars), "the text must be stored exactly as read")
        let scalars = Array(edge.text.unicodeScalars)
        for (index, quote) in edge.quotes.enumerated() {
            let unit = try #require(loaded.article.unit(UnitID("u\(index + 1)")))
            let span = try #require(unit.span)
            // The expected offset, counted independently in code points.
            let needle = Array(quote.unicodeScalars)
            let start = try #require((0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle })
            #expect(span == Span(start: start, end: start + needle.count), "\(quote)")
            #expect(unit.quote.unicodeScalars.elementsEqual(needle))
        }
        let shown = try Self.run(["show", "article.xml"], in: folder)
        for (index, quote) in edge.quotes.enumerated() {
            #expect(shown.standardOutput.contains("[u\(index + 1) claim: \(quote)]"), "\(shown.standardOutput)")
        }
    }

    @Test func crlfIsStoredAsCharacterReferences() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("One.\r\nTwo.\r\n".utf8).write(to: folder.appendingPathComponent("article.txt"))
        _ = try Self.run(["new", "article.txt", "-o", "article.xml", "--id", "crlf"], in: folder)
        let stored = try String(contentsOf: folder.appendingPathComponent("article.xml"), encoding: .utf8)
        #expect(stored.contains("One.&#13;\nTwo.&#13;\n</text>"))
        #expect(!stored.contains("\r"))
    }

    /// Texts argmark cannot store are refused by new (and by reanchor --text) with the fix.
    @Test func unusableTextsAreRefused() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, [UInt8], String)] = [
            ("utf16.txt", [0xFF, 0xFE, 0x68, 0x00, 0x0A, 0x00], "utf16.txt:1:1: error: the text is UTF-16LE (it starts with a byte-order mark); argmark reads UTF-8: convert it (iconv -f UTF-16 -t UTF-8 IN > OUT)"),
            ("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A], "latin1.txt:1:4: error: not valid UTF-8"),
            ("nul.txt", [0x61, 0x00, 0x62, 0x0A], "nul.txt:1:2: error: the text contains U+0000"),
        ]
        for (name, bytes, message) in cases {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let result = try ArgmarkProcess.run(["new", name, "-o", name + ".xml", "--id", "x"], in: folder)
            #expect(result.status == 1)
            #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + ".xml").path))
        }
    }

    @Test func oneMegabyteArticle() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = ""
        var paragraph = 0
        while text.utf8.count < 1 << 20 {
            paragraph += 1
            text += "Paragraph \(paragraph): filler about the movement, its critics and their arguments, ünïcödé 😀.\n"
        }
        text += "The one unique closing claim.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("article.txt"))
        _ = try Self.run(["new", "article.txt", "-o", "article.xml", "--id", "big"], in: folder)
        _ = try Self.run(["add", "article.xml", "claim", "--quote", "The one unique closing claim."], in: folder)
        _ = try Self.run(["add", "article.xml", "evidence", "--quote", "Paragraph 5000:"], in: folder)
        _ = try Self.run(["validate", "article.xml"], in: folder)
        let loaded = try ArticleLoader.load(folder.appendingPathComponent("article.xml").path)
        let count = text.unicodeScalars.count
        #expect(loaded.article.unit(UnitID("u1"))?.span == Span(start: count - 30, end: count - 1))
        let evidence = try #require(loaded.article.unit(UnitID("u2"))?.span)
        #expect(CodePointText(loaded.article.text)[evidence] == "Paragraph 5000:")
    }
}
