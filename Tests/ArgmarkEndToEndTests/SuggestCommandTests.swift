import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark suggest`, `accept`, `reject` and how `show` marks suggestions, run as a user would.
@Suite struct SuggestCommandTests {
    /// A folder holding a copy of seed 000's text as a new article with one gold unit and its author.
    struct SeedCopy {
        let folder: URL
        var path: String { folder.appendingPathComponent("seed.xml").path }

        init() throws {
            folder = try ArgmarkProcess.temporaryFolder()
            // Seed 000's text as the shipped annotation holds it (byte for byte the seed, which
            // SeedCorpusTests checks where ../shared exists), so the test needs no ../shared.
            let text = try ArticleLoader.load(ArgmarkProcess.packageRoot.appendingPathComponent("Annotations/seed-000.xml").path).article.text
            let seed = folder.appendingPathComponent("seed-000.txt")
            try Data(text.utf8).write(to: seed)
            try run(["new", seed.path, "-o", "seed.xml", "--id", "seed-000", "--genre", "opinion", "--language", "en"])
            try run(["speaker", "seed.xml", "--id", "milano", "--name", "Alyssa Milano", "--role", "author"])
            try run(["add", "seed.xml", "rebuttal", "--quote", "They are wrong.", "--speaker", "milano"])
        }

        @discardableResult
        func run(_ arguments: [String], status: Int32 = 0, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CommandResult {
            let result = try ArgmarkProcess.run(arguments, in: folder)
            #expect(result.status == status, "argmark \(arguments.joined(separator: " ")): \(result.standardError)", sourceLocation: sourceLocation)
            return result
        }

        func text() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

        /// The `<unit …>` lines of the file.
        func unitLines() throws -> [String] {
            try text().split(separator: "\n").map(String.init).filter { $0.contains("<unit ") }
        }

        func expectValid(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let result = try ArgmarkProcess.run(["validate", "seed.xml"], in: folder)
            #expect(result.status == 0, "invalid: \(result.standardOutput)\(result.standardError)", sourceLocation: sourceLocation)
        }

        /// Ids printed by `argmark suggest` ("seed.xml: suggested u2 claim 0.31 …").
        static func suggestedIDs(_ output: String) -> [String] {
            output.split(separator: "\n").compactMap { line in
                let words = line.split(separator: " ")
                return words.count > 2 && words[1] == "suggested" ? String(words[2]) : nil
            }
        }

        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func suggestReviewAcceptAndRejectKeepTheFileValidAndGoldUntouched() throws {
        let seed = try SeedCopy()
        defer { seed.cleanUp() }
        let gold = try seed.unitLines()
        #expect(gold.count == 1)

        let suggest = try seed.run(["suggest", "seed.xml"])
        let ids = SeedCopy.suggestedIDs(suggest.standardOutput)
        #expect(ids.count >= 10, "too few suggestions: \(suggest.standardOutput)")
        // The summary line (what was skipped depends on the model's verdicts, tested in ArgmarkSuggestTests).
        #expect(suggest.standardOutput.contains("seed.xml: \(ids.count) suggestions"))
        #expect(!ids.contains("u1"))
        try seed.expectValid()
        var lines = try seed.unitLines()
        #expect(lines.contains(gold[0]))
        #expect(lines.filter { $0.contains("status=\"suggested\"") && $0.contains("confidence=\"") }.count == ids.count)
        // Burke's tweet is quoted: its second sentence gets her as a new speaker.
        #expect(try seed.text().contains("<speaker id=\"tarana-burke\" name=\"Tarana Burke\" role=\"suggested: quoted\"/>"))

        // Running it again adds nothing.
        let again = try seed.run(["suggest", "seed.xml"])
        #expect(SeedCopy.suggestedIDs(again.standardOutput).isEmpty)

        // show marks suggestions with "?" and keeps annotations as they were.
        let show = try seed.run(["show", "seed.xml"])
        #expect(show.standardOutput.contains("[u1 rebuttal: They are wrong.]"))
        #expect(show.standardOutput.contains("[\(ids[0])? "))
        #expect(show.standardOutput.contains("suggested 0."))

        // Accept one by id, then all above a confidence.
        let accept = try seed.run(["accept", "seed.xml", ids[0]])
        #expect(accept.standardOutput.hasPrefix("accepted \(ids[0]) "))
        try seed.expectValid()
        lines = try seed.unitLines()
        let acceptedLine = try #require(lines.first { $0.contains("id=\"\(ids[0])\"") })
        #expect(!acceptedLine.contains("status=") && !acceptedLine.contains("confidence="))
        try seed.run(["accept", "seed.xml", "--all-above", "0.6"])
        try seed.expectValid()

        // Reject the least confident, then the rest.
        try seed.run(["reject", "seed.xml", "--all-below", "0.3"])
        try seed.expectValid()
        let rest = try seed.run(["reject", "seed.xml", "--all"])
        #expect(rest.standardOutput.hasSuffix("rejected\n"))
        try seed.expectValid()
        lines = try seed.unitLines()
        #expect(lines.contains(gold[0]))
        #expect(lines.contains(acceptedLine))
        #expect(!lines.contains { $0.contains("status=\"suggested\"") })
        // No unit uses Burke's suggested speaker any more unless one of hers was accepted.
        let text = try seed.text()
        if !lines.contains(where: { $0.contains("speaker=\"tarana-burke\"") }) {
            #expect(!text.contains("tarana-burke"))
        } else {
            #expect(text.contains("<speaker id=\"tarana-burke\" name=\"Tarana Burke\" role=\"quoted\"/>"))
        }
    }

    @Test func suggestLeavesAFullyAnnotatedSeedsGoldAlone() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
        for name in ["seed-000.xml", "corpus.xml"] {
            try FileManager.default.copyItem(at: annotations.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let original = try String(contentsOf: folder.appendingPathComponent("seed-000.xml"), encoding: .utf8)
        let result = try ArgmarkProcess.run(["suggest", "seed-000.xml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let after = try String(contentsOf: folder.appendingPathComponent("seed-000.xml"), encoding: .utf8)
        let goldBefore = original.split(separator: "\n").filter { $0.contains("<unit ") || $0.contains("<relation ") }
        let linesAfter = Set(after.split(separator: "\n"))
        #expect(goldBefore.allSatisfy { linesAfter.contains($0) })
        #expect(try ArgmarkProcess.run(["validate", "."], in: folder).status == 0)
        // Rejecting everything gives back the original bytes.
        #expect(try ArgmarkProcess.run(["reject", "seed-000.xml", "--all"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("seed-000.xml"), encoding: .utf8) == original)
    }

    @Test func suggestWithDeclaredTypesProposesOnlyThose() throws {
        let seed = try SeedCopy()
        defer { seed.cleanUp() }
        // Without --types the shipped model proposes more than claims on this opinion piece.
        let plain = try seed.run(["suggest", "seed.xml", "--no-relations"])
        let plainTypes = Set(plain.standardOutput.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count > 3 && words[1] == "suggested" ? String(words[3]) : nil
        })
        #expect(plainTypes.count > 1, "\(plain.standardOutput)")
        try seed.run(["reject", "seed.xml", "--all"])

        let typed = try seed.run(["suggest", "seed.xml", "--types", "claim, evidence"])
        let lines = typed.standardOutput.split(separator: "\n").filter { $0.split(separator: " ").dropFirst().first == "suggested" }
        // The model's belief in the other types goes to the declared ones, so units are still found.
        #expect(lines.count >= 5, "\(typed.standardOutput)")
        #expect(lines.allSatisfy { $0.split(separator: " ")[3] == "claim" || $0.split(separator: " ")[3] == "evidence" }, "\(typed.standardOutput)")
        let units = try seed.unitLines().filter { $0.contains("status=\"suggested\"") }
        #expect(units.count == lines.count)
        #expect(units.allSatisfy { $0.contains("type=\"claim\"") || $0.contains("type=\"evidence\"") })
        try seed.expectValid()
    }

    @Test func badInputIsRefusedWithOneLineAndTheFileUnchanged() throws {
        let seed = try SeedCopy()
        defer { seed.cleanUp() }
        try seed.run(["suggest", "seed.xml", "--min-confidence", "0.5"])
        let before = try seed.text()
        let cases: [([String], Int32, String)] = [
            (["suggest", "missing.xml"], 2, "no such file"),
            (["suggest", "seed.xml", "--min-confidence", "1.5"], 2, "--min-confidence must be between 0 and 1"),
            (["suggest", "seed.xml", "--types", "claim,premise"], 2, "unknown unit type \"premise\" in --types; use one or more of position, claim"),
            (["accept", "seed.xml", "u1"], 1, "unit u1 is not a suggestion"),
            (["accept", "seed.xml", "u999"], 1, "no unit u999"),
            (["accept", "seed.xml"], 2, "pass suggestion ids or --all-above"),
            (["accept", "seed.xml", "u2", "--all-above", "0.5"], 2, "pass suggestion ids or --all-above"),
            (["reject", "seed.xml"], 2, "exactly one of them"),
            (["reject", "seed.xml", "--all", "--all-below", "0.2"], 2, "exactly one of them"),
            (["reject", "seed.xml", "u1"], 1, "not a suggestion"),
            (["reject", "seed.xml", "--all-below", "1.5"], 2, "between 0 and 1"),
        ]
        for (arguments, status, message) in cases {
            let result = try ArgmarkProcess.run(arguments, in: seed.folder)
            #expect(result.status == status, "argmark \(arguments.joined(separator: " ")): \(result.standardError)")
            #expect(result.standardError.contains(message), "argmark \(arguments.joined(separator: " ")): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1)
            #expect(try seed.text() == before)
        }
        // A file that is not valid is refused, unchanged.
        let broken = seed.folder.appendingPathComponent("broken.xml")
        try Data("<article".utf8).write(to: broken)
        let result = try ArgmarkProcess.run(["suggest", "broken.xml"], in: seed.folder)
        #expect(result.status == 1)
        #expect(try String(contentsOf: broken, encoding: .utf8) == "<article")
    }
}
