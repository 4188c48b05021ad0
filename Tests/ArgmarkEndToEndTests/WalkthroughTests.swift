import ArgmarkTestSupport
import Foundation
import Testing

/// Runs the README's "Walk-through" commands as a new user would, so the documentation stays true.
@Suite struct WalkthroughTests {
    /// The README text between `start` and the next heading of the same level.
    static func section(_ readme: String, from start: String) -> String {
        guard let range = readme.range(of: start) else { return "" }
        return String(readme[range.upperBound...])
    }

    /// Splits a shell line into words: double quotes group, `#` outside quotes starts a comment.
    static func words(_ line: String) -> (words: [String], comment: String) {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var hasWord = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" {
                inQuotes.toggle()
                hasWord = true
            } else if character == "#" && !inQuotes && !hasWord {
                return (words, String(line[index...]))
            } else if character == " " && !inQuotes {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
            index = line.index(after: index)
        }
        if hasWord { words.append(current) }
        return (words, "")
    }

    /// Example commands elsewhere in the README name files of `Annotations/`; they must exist.
    @Test func readmeNamesOnlyAnnotationFilesThatExist() throws {
        let readme = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let named = readme.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "`" })
            .filter { $0.hasPrefix("Annotations/") && $0.hasSuffix(".xml") }
        #expect(!named.isEmpty)
        for path in Set(named.map(String.init)).sorted() {
            #expect(FileManager.default.fileExists(atPath: ArgmarkProcess.packageRoot.appendingPathComponent(path).path), "README names \(path), which does not exist")
        }
    }

    @Test func readmeWalkthroughRunsAsDocumented() throws {
        let readme = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let walkthrough = Self.section(readme, from: "### Walk-through")
        let script = walkthrough.components(separatedBy: "```sh\n")[1].components(separatedBy: "```")[0]
        let expectedTree = walkthrough.components(separatedBy: "```text\n")[1].components(separatedBy: "```")[0]
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkEndToEndTests/Fixtures/walkthrough/article.txt"),
                                         to: folder.appendingPathComponent("article.txt"))
        var commands = 0
        var shown = ""
        for line in script.split(separator: "\n").map(String.init) {
            let (words, comment) = Self.words(line)
            guard let program = words.first else { continue }
            if program == "mkdir" {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(words[1]), withIntermediateDirectories: true)
                continue
            }
            #expect(program == "argmark")
            let result = try ArgmarkProcess.run(Array(words.dropFirst()), in: folder)
            commands += 1
            let expected: Int32 = comment.contains("refused") ? 1 : 0
            #expect(result.status == expected, "\(line)\n\(result.standardError)")
            if words.count > 1 && words[1] == "show" { shown = result.standardOutput }
        }
        #expect(commands >= 15)
        #expect(shown.hasSuffix(expectedTree), "show printed:\n\(shown)")
    }
}
