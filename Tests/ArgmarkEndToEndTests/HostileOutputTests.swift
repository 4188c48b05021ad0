import ArgmarkTestSupport
import Foundation
import Testing

/// Hostile input, round two (issue 17), output injection: text from a file (article text,
/// title, author, speaker names, notes, target names, file names) reaches the terminal, the
/// Markdown reports and JSON shown, never obeyed. Each case runs the built binary.
@Suite struct HostileOutputTests {
    /// Scalars a terminal could act on (written out here, independently of the code under test):
    /// C0 controls but LF and tab, DEL, C1 controls (U+009B is CSI), bidirectional embeddings,
    /// overrides and isolates, and the line and paragraph separators.
    static func active(in output: String, keepingTab: Bool = true) -> [String] {
        output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x09: !keepingTab
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Each hostile piece of content: a CSI sequence written with the C1 control, a right-to-left
    /// override, an isolate, a line separator and a DEL; all are characters XML 1.0 can store.
    static let csi = "\u{9B}31mRED\u{9B}0m"
    static let override = "\u{202E}txt.exe\u{202C}"
    static let isolate = "\u{2067}abc\u{2069}"
    static let separator = "one\u{2028}two"
    static let delete = "x\u{7F}y"

    /// An article whose every kind of content carries the hostile pieces.
    struct Scene {
        let root: URL
        var file: String { root.appendingPathComponent("hostile.xml").path }

        init() throws {
            root = try ArgmarkProcess.temporaryFolder()
            let text = "Opening \(csi) claim.\nThen \(override) and \(isolate) and \(separator) and \(delete).\n"
            try Data(text.utf8).write(to: root.appendingPathComponent("hostile.txt"))
            try run(["new", root.appendingPathComponent("hostile.txt").path, "-o", file, "--id", "hostile",
                     "--title", "Title \(override)", "--author", "Author \(csi)", "--outlet", "Outlet \(isolate)"])
            try run(["target", root.path, "--id", "t1", "--name", "Target \(override)"])
            try run(["speaker", file, "--id", "s1", "--name", "Name \(csi)\(separator)", "--role", "quoted: \(isolate)"])
            try run(["add", file, "position", "--quote", "Opening \(csi) claim.", "--speaker", "s1", "--stance", "favor", "--target", "t1", "--note", "note \(override)\(delete)"])
            try run(["add", file, "claim", "--quote", "Then \(override) and", "--speaker", "s1"])
            try run(["relate", file, "u2", "supports", "u1"])
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> CommandResult {
            let result = try ArgmarkProcess.run(arguments, in: root)
            #expect(result.status == 0, "argmark \(arguments.first ?? ""): \(result.standardError)")
            return result
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    static let commands: [[String]] = [
        ["show", "FILE"], ["show", "FILE", "--unit", "u1"], ["show", "FILE", "--unit", "u2"], ["list", "FILE"],
        ["list", "FILE", "--format", "json"], ["report", "FILE", "--format", "markdown"], ["report", "FILE", "--format", "json"],
        ["validate", "FILE", "--format", "json"],
    ]

    /// Every command that prints content shows the hostile pieces as escapes, keeps its lines,
    /// and still shows the rest of the text.
    @Test(arguments: commands) func contentIsShownNotObeyed(_ command: [String]) throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let result = try ArgmarkProcess.run(command.map { $0 == "FILE" ? scene.file : $0 }, in: scene.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.active(in: result.standardOutput).isEmpty, "\(command): \(Self.active(in: result.standardOutput)) in\n\(result.standardOutput)")
        #expect(Self.active(in: result.standardError).isEmpty, "\(command): \(result.standardError)")
        // Shown, not dropped: the CSI comes out as an escape, with the text around it.
        let shown = command.contains("json") ? "\\u009b31mRED\\u009b0m" : command.contains("markdown") ? "\\\\u{9B}31mRED" : "\\u{9B}31mRED\\u{9B}0m"
        if command[0] != "validate" && command != ["show", "FILE", "--unit", "u2"] { #expect(result.standardOutput.contains(shown), "\(command): \(result.standardOutput)") }
    }

    /// `show` keeps the article's own lines, and only them: a line separator is shown, not broken at.
    @Test func showKeepsTheTextsLinesOnly() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let result = try scene.run(["show", scene.file])
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("[u1 position: Opening \\u{9B}31mRED\\u{9B}0m claim.]") }, "\(result.standardOutput)")
        #expect(lines.contains { $0.contains("one\\u{2028}two and x\\u{7F}y.") }, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Title \\u{202E}txt.exe\\u{202C}"))
        #expect(result.standardOutput.contains("Author \\u{9B}31mRED\\u{9B}0m"))
        let unit = try scene.run(["show", scene.file, "--unit", "u1"])
        #expect(unit.standardOutput.contains("note: note \\u{202E}txt.exe\\u{202C}x\\u{7F}y"), "\(unit.standardOutput)")
        let list = try scene.run(["list", scene.file])
        #expect(list.standardOutput.contains("Name \\u{9B}31mRED\\u{9B}0mone\\u{2028}two"), "\(list.standardOutput)")
        #expect(list.standardOutput.contains("quoted: \\u{2067}abc\\u{2069}"), "\(list.standardOutput)")
    }

    /// JSON for tools escapes the same scalars as `\u` escapes: the values read back unchanged.
    @Test func jsonKeepsTheValues() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let result = try scene.run(["list", scene.file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let speakers = try #require(object["speakers"] as? [[String: Any]])
        #expect(speakers.first?["name"] as? String == "Name \(Self.csi)\(Self.separator)")
        #expect(Self.active(in: result.standardOutput).isEmpty)
    }

    /// A file name with a newline and an escape sequence cannot forge a second finding, nor
    /// colour the terminal, in any command that names the file.
    @Test func fileNamesCannotForgeFindings() throws {
        let root = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "bad\nforged.xml:1:1: error: all is well\u{1B}[2J\u{202E}.xml"
        try Data("<x/>".utf8).write(to: root.appendingPathComponent(name))
        let runs: [[String]] = [["validate", "."], ["validate", name], ["show", name], ["list", name], ["add", name, "claim", "--quote", "x"],
                                ["report", name, "--format", "markdown"], ["show", "missing\n\u{1B}]0;title\u{7}.xml"]]
        for arguments in runs {
            let result = try ArgmarkProcess.run(arguments, in: root)
            #expect(result.status != 0, "\(arguments)")
            let lines = result.standardError.split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("forged") || $0.hasPrefix("\u{1B}") || $0.hasPrefix("]0;") }, "\(arguments): \(result.standardError)")
            #expect(Self.active(in: result.standardError + result.standardOutput).isEmpty, "\(arguments): \(result.standardError)")
            // The finding names the file, its newline and escape shown as escapes.
            #expect(result.standardError.contains("\\n"), "\(arguments): \(result.standardError)")
        }
    }

    /// The Markdown report passes no raw HTML, link, emphasis or table cell through from the files.
    @Test func markdownReportKeepsContentLiteral() throws {
        let root = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a.xml").path
        let text = "Intro <script>alert(1)</script> then **bold** [link](http://evil.example) a | b ~~gone~~ and `code` &amp; done.\n# Heading\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("a.txt"))
        var result = try ArgmarkProcess.run(["new", "a.txt", "-o", file, "--id", "a", "--title", "<img src=x onerror=alert(1)> | x", "--outlet", "[out](javascript:alert(1))"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        result = try ArgmarkProcess.run(["speaker", file, "--id", "s", "--name", "<b>Eve</b> *star*"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        result = try ArgmarkProcess.run(["add", file, "position", "--quote", "<script>alert(1)</script> then **bold** [link](http://evil.example) a | b ~~gone~~ and `code` &amp; done.\n# Heading", "--speaker", "s"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        result = try ArgmarkProcess.run(["report", file, "--format", "markdown"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let markdown = result.standardOutput
        // No unescaped `<`, `[`, `*` from content, no entity: every one is preceded by a backslash.
        for needle in ["<script", "<img", "<b>", "[link]", "[out]", "**bold**", "*star*", "~~gone~~", "`code`", "&amp;"] {
            #expect(!Self.unescaped(needle, in: markdown), "raw \(needle) in\n\(markdown)")
        }
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"), "\(markdown)")
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("# Heading") || $0.hasPrefix("\\# Heading") }, "content became a heading")
        // Every table row has as many cells as its header (a pipe in content does not add one).
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = Self.cellCount(String(line))
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    /// Agreement reports show the annotators' folder names literally, in text and in Markdown.
    @Test func agreementReportShowsFolderNamesLiterally() throws {
        let root = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkAgreementTests/Fixtures/identical/a")
        let first = "<img src=x> | \u{202E}a\u{9B}2J"
        let second = "b\nforged line"
        for name in [first, second] { try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent(name)) }
        let text = try ArgmarkProcess.run(["agree", first, second], in: root)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(Self.active(in: text.standardOutput).isEmpty, "\(text.standardOutput)")
        #expect(!text.standardOutput.split(separator: "\n").contains { $0.hasPrefix("forged") }, "\(text.standardOutput)")
        #expect(text.standardOutput.contains("\\u{202E}a\\u{9B}2J"), "\(text.standardOutput)")
        let markdown = try ArgmarkProcess.run(["agree", first, second, "--format", "markdown"], in: root)
        #expect(markdown.status == 0, "\(markdown.standardError)")
        #expect(Self.active(in: markdown.standardOutput).isEmpty)
        #expect(!Self.unescaped("<img", in: markdown.standardOutput), "\(markdown.standardOutput)")
        #expect(markdown.standardOutput.contains("\\<img src=x\\> \\| "), "\(markdown.standardOutput)")
    }

    /// Whether `needle` occurs with its first character not escaped by a backslash.
    static func unescaped(_ needle: String, in text: String) -> Bool {
        var search = text.startIndex
        while let range = text.range(of: needle, range: search..<text.endIndex) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] != "\\" { return true }
            search = text.index(after: range.lowerBound)
        }
        return false
    }

    /// The cells of a Markdown table row: pipes not escaped by a backslash, less one.
    static func cellCount(_ row: String) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count - 1
    }
}
