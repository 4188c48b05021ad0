import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark reanchor` end to end: output, exit codes, and the file before and after.
@Suite struct ReanchorCommandTests {
    static let text = "Critics say the movement is over after the news. They are wrong. One person does not invalidate a movement. As Burke wrote, there is no model survivor.\n"

    static func annotated() throws -> URL {
        let folder = try ArgmarkProcess.temporaryFolder()
        try text.write(to: folder.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)
        for arguments in [["new", "old.txt", "-o", "a.xml", "--id", "a"],
                          ["add", "a.xml", "counterclaim", "--quote", "the movement is over"],
                          ["add", "a.xml", "rebuttal", "--quote", "They are wrong."],
                          ["add", "a.xml", "claim", "--quote", "One person does not invalidate a movement"],
                          ["add", "a.xml", "evidence", "--quote", "there is no model survivor"],
                          ["relate", "a.xml", "u2", "rebuts", "u1"], ["relate", "a.xml", "u4", "supports", "u3"]] {
            let result = try ArgmarkProcess.run(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        return folder
    }

    @Test func movesUnitsAndUpdatesTheDigest() throws {
        let folder = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ("EDITOR'S NOTE: corrected. " + Self.text.replacing("One person", with: "One single person"))
            .write(to: folder.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let result = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "new.txt"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            u1 12-32 -> 38-58
            u2 49-64 -> 75-90
            u3 65-106 -> 91-139 (approximate, 85% similar: "One single person does not invalidate a movement")
            u4 124-150 -> 157-183

            """)
        #expect(result.standardError == "a.xml: note: reanchored 4 units (4 moved, 1 approximate), 0 orphans\n")
        let validate = try ArgmarkProcess.run(["validate", "a.xml"], in: folder)
        #expect(validate.status == 0, "\(validate.standardError)")
        // Running it again changes nothing.
        let again = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "new.txt"], in: folder)
        #expect(again.status == 0)
        #expect(again.standardOutput.isEmpty)
        #expect(again.standardError == "a.xml: note: the text is unchanged; nothing to do\n")
    }

    @Test func orphansAreRefusedKeptOrDroppedButNeverSilently() throws {
        let folder = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.text.replacing("One person does not invalidate a movement.", with: "Completely different words stand here now.")
            .write(to: folder.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: folder.appendingPathComponent("a.xml"))
        let refused = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "new.txt"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.standardError == """
            a.xml: error: 1 unit could not be placed on the new text, so nothing was written; pass --orphans keep (keep them as implicit units with a note) or --orphans drop (remove them and their relations), or lower --min-similarity
              u3 at 65-106 "One person does not invalidate a movement": no passage of the new text is at least 80% similar to it (was its text deleted?)

            """)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.xml")) == before)

        try before.write(to: folder.appendingPathComponent("b.xml"))
        let kept = try ArgmarkProcess.run(["reanchor", "b.xml", "--text", "new.txt", "--orphans", "keep"], in: folder)
        #expect(kept.status == 0, "\(kept.standardError)")
        #expect(kept.standardOutput.contains("u3 orphan, kept as an implicit unit with a note: no passage of the new text is at least 80% similar"))
        let stored = try String(contentsOf: folder.appendingPathComponent("b.xml"), encoding: .utf8)
        #expect(stored.contains("<unit id=\"u3\" type=\"claim\" note=\"orphaned by argmark reanchor: was at 65-106 of the text with digest "))

        try before.write(to: folder.appendingPathComponent("c.xml"))
        let dropped = try ArgmarkProcess.run(["reanchor", "c.xml", "--text", "new.txt", "--orphans", "drop"], in: folder)
        #expect(dropped.status == 0, "\(dropped.standardError)")
        #expect(dropped.standardOutput.contains("u3 orphan, removed: "))
        #expect(dropped.standardOutput.contains("removed relation r2 (u4 supports u3)"))
        let validate = try ArgmarkProcess.run(["validate", "b.xml", "c.xml"], in: folder)
        #expect(validate.status == 0, "\(validate.standardError)")
    }

    /// The shipped annotations survive a typical correction: a note at the top, a word doubled
    /// and a word capitalised in a few places. Every unit is placed and the result is valid.
    @Test func shippedAnnotationsSurviveACorrection() throws {
        let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
        let names = try FileManager.default.contentsOfDirectory(atPath: annotations.path).filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted()
        #expect(!names.isEmpty)
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: annotations.appendingPathComponent("corpus.xml"), to: folder.appendingPathComponent("corpus.xml"))
        for name in names {
            try FileManager.default.copyItem(at: annotations.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            let article = try ArticleLoader.load(folder.appendingPathComponent(name).path).article
            var corrected = "Correction (2018-08-23): an earlier version misspelled a name.\n\n" + article.text
            for (old, new) in [(" the ", " the the "), ("movement", "Movement")] {
                // The first and the fifth occurrence, replaced from the back so ranges stay valid.
                let ranges = corrected.ranges(of: old)
                for index in [4, 0] where index < ranges.count { corrected.replaceSubrange(ranges[index], with: new) }
            }
            try Data(corrected.utf8).write(to: folder.appendingPathComponent(name + ".txt"))
            let result = try ArgmarkProcess.run(["reanchor", name, "--text", name + ".txt"], in: folder)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            #expect(result.standardError.contains(", 0 orphans"), "\(name): \(result.standardError)")
            let moved = try ArticleLoader.load(folder.appendingPathComponent(name).path)
            #expect(moved.isValid, "\(moved.diagnostics)")
            #expect(moved.article.text == corrected)
            #expect(moved.article.units.count == article.units.count)
        }
    }

    /// The digest-mismatch finding says "run argmark reanchor": without --text, it repairs a
    /// file whose text was edited inside the file.
    @Test func repairsTextEditedInsideTheFile() throws {
        let folder = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nothing = try ArgmarkProcess.run(["reanchor", "a.xml"], in: folder)
        #expect(nothing.status == 0)
        #expect(nothing.standardError.contains("the text matches its digest; nothing to do"))
        let file = folder.appendingPathComponent("a.xml")
        let edited = try String(contentsOf: file, encoding: .utf8).replacing("Critics say the movement", with: "EDIT: Critics say the movement")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let broken = try ArgmarkProcess.run(["validate", "a.xml"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("run argmark reanchor"))
        let repaired = try ArgmarkProcess.run(["reanchor", "a.xml"], in: folder)
        #expect(repaired.status == 0, "\(repaired.standardError)")
        #expect(repaired.standardOutput.hasPrefix("u1 12-32 -> 18-38\nu2 49-64 -> 55-70\n"), "\(repaired.standardOutput)")
        let validate = try ArgmarkProcess.run(["validate", "a.xml"], in: folder)
        #expect(validate.status == 0, "\(validate.standardError)")
    }

    @Test func badInputIsRefused() throws {
        let folder = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x68, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("latin1.txt"))
        let latin1 = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "latin1.txt"], in: folder)
        #expect(latin1.status == 1)
        #expect(latin1.standardError.hasPrefix("latin1.txt:1:2: error: not valid UTF-8"), "\(latin1.standardError)")
        let missing = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "missing.txt"], in: folder)
        #expect(missing.status == 2)
        let similarity = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "old.txt", "--min-similarity", "1.5"], in: folder)
        #expect(similarity.status == 2)
        #expect(similarity.standardError.contains("--min-similarity must be above 0 and at most 1"))
        let policy = try ArgmarkProcess.run(["reanchor", "a.xml", "--text", "old.txt", "--orphans", "ignore"], in: folder)
        #expect(policy.status == 2)
    }
}
