import ArgmarkTestSupport
import Foundation
import Testing

/// Parts of facts (`summarize --facts`), the shared-text join split by shingle hash
/// (`shingles count`, `shingles match`) and `report --from PART... --matches`, run as the built binary.
@Suite struct ShingleJoinCommandTests {
    static let root = ArgmarkProcess.packageRoot
    static let small = root.appendingPathComponent("Tests/ArgmarkReportsTests/Fixtures/small")

    static func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try ArgmarkProcess.run(arguments, in: folder)
    }

    static func exists(_ name: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }

    /// Writes the counts and matches of a split into `count` ranges over `parts`, named
    /// `PREFIXc0...`, `PREFIXm0...`; returns the matches' names.
    @discardableResult
    static func join(_ parts: [String], ranges count: Int, prefix: String = "", in folder: URL) throws -> [String] {
        let counts = (0..<count).map { "\(prefix)c\($0)" }
        for range in 0..<count {
            let counted = try run(["shingles", "count", "--range", "\(range)/\(count)", "--from"] + parts + ["-o", counts[range]], in: folder)
            #expect(counted.status == 0, "\(counted.standardError)")
        }
        let matches = (0..<count).map { "\(prefix)m\($0)" }
        for range in 0..<count {
            let matched = try run(["shingles", "match", "--range", "\(range)/\(count)", "--counts"] + counts + ["--from"] + parts + ["-o", matches[range]], in: folder)
            #expect(matched.status == 0, "\(matched.standardError)")
        }
        return matches
    }

    /// Parts of facts carry no article XML; their report, with the shared text found in one
    /// process or joined over 1, 2 or 3 hash ranges, is the single run's JSON report byte for byte.
    @Test(arguments: ["Annotations", "Tests/ArgmarkReportsTests/Fixtures/small"])
    func partsOfFactsAndTheRangeJoinGiveTheSingleRunReport(_ corpus: String) throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.root.appendingPathComponent(corpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted()
        for shard in 0..<2 {
            let paths = files.enumerated().filter { $0.offset % 2 == shard }.map { source.appendingPathComponent($0.element).path }
            let written = try Self.run(["summarize", "--facts"] + paths + ["-o", "p\(shard)"], in: folder)
            #expect(written.status == 0, "\(written.standardError)")
        }
        let part = try String(contentsOf: folder.appendingPathComponent("p0"), encoding: .utf8)
        #expect(!part.contains("<article"), "a part of facts carries no article XML")
        #expect(part.split(separator: "\n").allSatisfy { $0.contains("\"partFormat\":3") && $0.contains("\"facts\":{") && $0.contains("\"article\":null") })

        let single = try ArgmarkProcess.run(["report", source.path, "--format", "json"])
        #expect(single.status == 0, "\(single.standardError)")
        #expect(single.standardOutput.contains("\"passages\": ["), "the corpus has shared text")
        let merged = try Self.run(["report", "--from", "p1", "p0", "--format", "json"], in: folder)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == single.standardOutput, "report --from parts of facts differs from the single run")
        // Parts of facts merge like parts of articles: any order gives the same part.
        _ = try Self.run(["summarize", "--from", "p1", "p0", "-o", "both"], in: folder)
        let whole = try Self.run(["summarize", "--facts", source.path, "-o", "whole"], in: folder)
        #expect(whole.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("both")) == Data(contentsOf: folder.appendingPathComponent("whole")))

        for count in [1, 2, 3] {
            let matches = try Self.join(["p0", "p1"], ranges: count, prefix: "s\(count)", in: folder)
            let joined = try Self.run(["report", "--from", "p0", "p1", "--format", "json", "--matches"] + matches.reversed(), in: folder)
            #expect(joined.status == 0, "\(joined.standardError)")
            #expect(joined.standardOutput == single.standardOutput, "the join over \(count) ranges differs from the single run")
        }
        // Reducers given the parts in another grouping make the same files.
        let again = try Self.join(["whole"], ranges: 2, prefix: "w", in: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent(again[1])) == Data(contentsOf: folder.appendingPathComponent("s2m1")))
    }

    /// Every wrong combination names the file and line, says what to do, exits non-zero and
    /// writes nothing.
    @Test func wrongMixedMissingAndOverlappingInputIsRefusedAndNothingIsWritten() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try FileManager.default.contentsOfDirectory(atPath: Self.small.path).filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted()
            .map { Self.small.appendingPathComponent($0).path }
        #expect(try Self.run(["summarize", "--facts", Self.small.path, "-o", "facts"], in: folder).status == 0)
        #expect(try Self.run(["summarize", "--facts", paths[0], "-o", "first"], in: folder).status == 0)
        #expect(try Self.run(["summarize", Self.small.path, "-o", "articles"], in: folder).status == 0)
        let three = try Self.join(["facts"], ranges: 3, in: folder)
        try Self.join(["facts"], ranges: 2, prefix: "two", in: folder)
        try Self.join(["first"], ranges: 3, prefix: "other", in: folder)

        func refused(_ arguments: [String], status: Int32 = 1, _ expected: String...) throws {
            let result = try Self.run(arguments + ["-o", "out"], in: folder)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            for text in expected { #expect(result.standardError.contains(text), "\(arguments): \(result.standardError)") }
            #expect(!Self.exists("out", in: folder), "\(arguments) wrote its output")
        }
        // Parts of both kinds in one merge.
        try refused(["report", "--format", "json", "--from", "facts", "articles"],
                    "articles:1: error: this record is a part of articles (part format 2), but facts:1 is a part of facts (part format 3)", "summarize these articles again as a part of facts")
        try refused(["summarize", "--from", "articles", "facts"], "facts:1: error:", "summarize these articles again as a part of articles")
        // The join reads parts of facts only; parts of facts make the JSON report only.
        try refused(["shingles", "count", "--range", "0/1", "--from", "articles"], "articles: error: this is a part of articles", "argmark summarize --facts")
        try refused(["report", "--from", "facts"], status: 2, "make the JSON report only; pass --format json")
        try refused(["report", "--format", "json", "--from", "articles", "--matches"] + three, status: 2, "--matches needs parts of facts")
        // A missing range, a range given twice, ranges of two splits.
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "m2"], "m0:1: error: range 1/3 of this split is missing; match every range of the split (0/3 to 2/3)")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "m1", "m2", "m1"], "m1:1: error: range 1/3 is also in m1; give each range once")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "m1", "m2", "twom1"], "twom1:1: error: range 1/2 is of a split into 2, but the others are of a split into 3")
        try refused(["shingles", "match", "--range", "0/3", "--counts", "c0", "c1", "--from", "facts"], "c0:1: error: range 2/3 of this split is missing; count every range")
        try refused(["shingles", "match", "--range", "0/2", "--counts", "c0", "c1", "c2", "--from", "facts"], "range 0/3 is of a split into 3, but the others are of a split into 2")
        // Files of the wrong kind, or made from other parts.
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "c0", "c1", "c2"], "c0:1: error: this is a shingle counts file where shingle matches files are wanted")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "facts"], "facts:1: error: this is not a file of shingle counts or shingle matches")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "otherm1", "m2"], "otherm1:1: error: this range was made from other parts than m0")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "otherm0", "otherm1", "otherm2"], "otherm0:1: error: these shingle matches were made from other parts (1 sources) than the 3 sources")
        try refused(["shingles", "match", "--range", "0/3", "--counts", "otherc0", "otherc1", "otherc2", "--from", "facts"], "otherc0:1: error: these counts were made from other parts")
        // A range that is not one, and a damaged line of matches.
        try refused(["shingles", "count", "--range", "3/3", "--from", "facts"], status: 2, "--range 3/3 is not a range I/N")
        var lines = try String(contentsOf: folder.appendingPathComponent("m1"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count >= 2, "range 1/3 has matches")
        lines[1] = String(lines[1].prefix(20))
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("damaged"), atomically: true, encoding: .utf8)
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "damaged", "m2"], "damaged:2: error: this is not a line of shingle matches")
        try refused(["report", "--format", "json", "--from", "facts", "--matches", "m0", "nowhere", "m2"], status: 2, "nowhere")
    }

    /// A merge of more parts than a quarter of the open-file limit opens each part only while it
    /// reads it: under `ulimit -n 32`, 60 parts (of articles and of facts) merge into the report
    /// of the whole folder, where keeping them all open would run out of descriptors.
    @Test func morePartsThanTheOpenFileLimitAllowsStillMerge() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.root.appendingPathComponent("Annotations")
        let files = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted()
        let single = try ArgmarkProcess.run(["report", source.path, "--format", "json"])
        #expect(single.status == 0)
        for (kind, flags) in [("a", [String]()), ("f", ["--facts"])] {
            var parts: [String] = []
            for index in 0..<60 {
                let name = "\(kind)\(index)"
                parts.append(name)
                if index < files.count {
                    let written = try Self.run(["summarize"] + flags + [source.appendingPathComponent(files[files.count - 1 - index]).path, "-o", name], in: folder)
                    #expect(written.status == 0, "\(written.standardError)")
                } else {
                    FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
                }
            }
            let limited = try TimedProcess.run(["/bin/sh", "-c", "ulimit -n 32 && exec \"$@\"", "sh", ArgmarkProcess.executable.path,
                                                "report", "--format", "json", "--from"] + parts, in: folder, timeout: ArgmarkProcess.hangLimit)
            #expect(limited.result.status == 0, "\(limited.result.standardError)")
            #expect(limited.result.standardOutput == single.standardOutput, "the merge of 60 \(kind) parts under ulimit -n 32 differs")
            let merged = try TimedProcess.run(["/bin/sh", "-c", "ulimit -n 32 && exec \"$@\"", "sh", ArgmarkProcess.executable.path,
                                               "summarize", "--from"] + parts + ["-o", "\(kind)-all"], in: folder, timeout: ArgmarkProcess.hangLimit)
            #expect(merged.result.status == 0, "\(merged.result.standardError)")
            let whole = try Self.run(["summarize"] + flags + [source.path], in: folder)
            #expect(try String(contentsOf: folder.appendingPathComponent("\(kind)-all"), encoding: .utf8) == whole.standardOutput)
        }
    }
}
