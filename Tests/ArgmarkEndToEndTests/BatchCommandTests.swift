import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark batch` (JSON Lines in and out), `argmark summarize` (partial reports) and
/// `argmark report --from` (their merge), run as the built binary.
@Suite struct BatchCommandTests {
    static let root = ArgmarkProcess.packageRoot
    static let annotations = root.appendingPathComponent("Annotations")
    static let small = root.appendingPathComponent("Tests/ArgmarkReportsTests/Fixtures/small")

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    static func seedRecord(_ name: String, corpus: Bool = true) throws -> String {
        var record: [String: Any] = ["path": "Annotations/\(name).xml",
                                     "xml": try String(contentsOf: annotations.appendingPathComponent("\(name).xml"), encoding: .utf8)]
        if corpus { record["corpus"] = try String(contentsOf: annotations.appendingPathComponent("corpus.xml"), encoding: .utf8) }
        return try json(record)
    }

    static let essay = "Critics say the movement is over. They are wrong. The movement grows every day, and more people join it.\n"

    // MARK: - batch

    @Test func everyInputLineGivesOneRecordInOrderAndBadOnesDoNotStopTheRest() throws {
        let input = [
            try Self.seedRecord("seed-001"),
            "{not json",
            try Self.json(["id": "t1", "text": Self.essay, "title": "A reply", "genre": "opinion", "published": "2018-08-22"]),
            try Self.json(["text": "no id and no path"]),
            try Self.json(["xml": "<article"]),
            try Self.json(["id": "t2", "text": "x", "colour": "red"]),
            "",
            try Self.json(["path": "Annotations/seed-001.xml", "xml": try String(contentsOf: Self.annotations.appendingPathComponent("seed-001.xml"), encoding: .utf8)]),
            "[1, 2]",
            try Self.json(["id": "t3", "text": "x", "genre": "novel"]),
            try Self.json(["id": "t4"]),
            try Self.json(["id": "t5", "text": "x", "xml": "<a/>"]),
        ].joined(separator: "\n") + "\n"
        let result = try ArgmarkProcess.run(["batch", "--do", "validate"], input: input)
        #expect(result.status == 1)
        #expect(result.standardError.contains("11 records, 9 not ok"), "\(result.standardError)")
        let records = try Self.records(result.standardOutput)
        // One record per non-blank input line, in input order, each naming its line.
        #expect(records.map { $0["line"] as! Int } == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12])
        #expect(records.map { $0["ok"] as! Bool } == [true, false, true, false, false, false, false, false, false, false, false])
        func text(_ index: Int) -> String { ((records[index]["diagnostics"] as! [[String: Any]]).map { $0["text"] as! String }).joined(separator: "\n") }
        #expect(text(1).hasPrefix("<stdin>:2: error: not valid JSON"), "\(text(1))")
        #expect(text(3).contains("<stdin>:4: error: a text record needs \"id\""))
        // XML inside a record without a path is located in that record, at the XML's own line and column.
        #expect(text(4).hasPrefix("<stdin> record 5:1:"), "\(text(4))")
        #expect(text(4).contains("[well-formed]"))
        #expect(text(5).contains("unknown field \"colour\""))
        // Without its corpus, the seed's targets are unknown: a validation finding at its own path and line.
        #expect(text(6).contains("Annotations/seed-001.xml:53: error: unit u1 refers to unknown target"), "\(text(6))")
        #expect(text(7).contains("a record must be a JSON object"))
        #expect(text(8).contains("genre \"novel\" is not one of"))
        #expect(text(9).contains("a record needs \"xml\""))
        #expect(text(10).contains("not both"))
        // The valid article comes back as given; the text record as the article `new` would write.
        #expect(records[0]["article"] as? String == (try String(contentsOf: Self.annotations.appendingPathComponent("seed-001.xml"), encoding: .utf8)))
        let made = records[2]["article"] as! String
        #expect(made.contains("<article xmlns=\"urn:argmark:1\" version=\"1\" id=\"t1\">"))
        #expect(made.contains("<published>2018-08-22</published>"))
        #expect(made.contains("<text sha256=\""))
        #expect(records[1]["article"] is NSNull)
        // Deterministic: the same input gives the same bytes.
        let again = try ArgmarkProcess.run(["batch", "--do", "validate"], input: input)
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func suggestAddsSuggestedUnitsToTheArticleAndListsThem() throws {
        let input = try Self.json(["id": "t1", "text": Self.essay]) + "\n" + Self.seedRecord("seed-002") + "\n"
        let result = try ArgmarkProcess.run(["batch", "--do", "suggest"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let records = try Self.records(result.standardOutput)
        #expect(records.count == 2)
        let suggestions = records[0]["suggestions"] as! [[String: Any]]
        #expect(!suggestions.isEmpty)
        let article = records[0]["article"] as! String
        for suggestion in suggestions {
            #expect(article.contains("id=\"\(suggestion["id"] as! String)\""))
            #expect(article.contains(suggestion["quote"] as! String))
        }
        #expect(article.contains("status=\"suggested\""))
        // Gold units are never overlapped: the annotated seed gets only what lies outside them.
        #expect((records[1]["skipped"] as! [String: Int])["overlapping"]! > 0)
        let high = try ArgmarkProcess.run(["batch", "--do", "suggest", "--min-confidence", "1"], input: input)
        #expect(try Self.records(high.standardOutput).allSatisfy { ($0["suggestions"] as! [Any]).isEmpty })
    }

    /// `batch --do suggest` takes `suggest`'s `--model`, `--types` and `--no-relations`, gives the
    /// article the bytes `suggest` writes, and lists the relations and stances it added.
    @Test func suggestTakesTheModelTypesAndRelationsOfSuggest() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["corpus", "seed-000", "seed-001", "seed-002", "seed-004"] {
            try FileManager.default.copyItem(at: Self.annotations.appendingPathComponent("\(name).xml"), to: folder.appendingPathComponent("\(name).xml"))
        }
        let train = try ArgmarkProcess.run(["train", "seed-000.xml", "seed-001.xml", "seed-002.xml", "-o", "seeds.model", "--folds", "0"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let corpus = try String(contentsOf: folder.appendingPathComponent("corpus.xml"), encoding: .utf8)
        let seed = try String(contentsOf: folder.appendingPathComponent("seed-004.xml"), encoding: .utf8)
        // The interview without its annotations (speakers kept), as a file and as a record.
        var bare = seed
        for element in ["units", "relations"] {
            bare.removeSubrange(bare.range(of: "  <\(element)>")!.lowerBound..<bare.range(of: "</\(element)>\n")!.upperBound)
        }
        try bare.write(to: folder.appendingPathComponent("interview.xml"), atomically: true, encoding: .utf8)
        let input = try Self.json(["path": "interview.xml", "xml": bare, "corpus": corpus]) + "\n"

        let options = ["--model", folder.appendingPathComponent("seeds.model").path, "--types", "claim,evidence"]
        let batch = try ArgmarkProcess.run(["batch", "--do", "suggest"] + options, input: input)
        #expect(batch.status == 0, "\(batch.standardError)")
        let record = try Self.records(batch.standardOutput)[0]
        let single = try ArgmarkProcess.run(["suggest", "interview.xml"] + options, in: folder)
        #expect(single.status == 0, "\(single.standardError)")
        #expect(record["article"] as? String == (try String(contentsOf: folder.appendingPathComponent("interview.xml"), encoding: .utf8)))

        let suggestions = record["suggestions"] as! [[String: Any]]
        #expect(suggestions.count >= 5)
        #expect(Set(suggestions.map { $0["type"] as! String }).isSubset(of: ["claim", "evidence"]))
        // Stances toward the corpus's targets, as `suggest` prints them.
        let stances = suggestions.filter { !($0["target"] is NSNull) }
        #expect(!stances.isEmpty)
        for unit in stances {
            #expect(single.standardOutput.contains("suggested \(unit["id"] as! String) \(unit["type"] as! String) ") && single.standardOutput.contains("\(unit["stance"] as! String)→\(unit["target"] as! String)"))
        }
        let relations = record["relations"] as! [[String: Any]]
        #expect(!relations.isEmpty)
        let article = record["article"] as! String
        for relation in relations {
            #expect(article.contains("<relation id=\"\(relation["id"] as! String)\" type=\"\(relation["type"] as! String)\" from=\"\(relation["from"] as! String)\" to=\"\(relation["to"] as! String)\"/>"))
            #expect((0...1).contains(relation["confidence"] as! Double))
        }
        let without = try ArgmarkProcess.run(["batch", "--do", "suggest", "--no-relations"] + options, input: input)
        let unrelated = try Self.records(without.standardOutput)[0]
        #expect((unrelated["relations"] as! [Any]).isEmpty)
        #expect(!(unrelated["article"] as! String).contains("<relation "))
        #expect((unrelated["suggestions"] as! [Any]).count == suggestions.count)

        // Refused before any record is read: nothing on standard output.
        let notAModel = folder.appendingPathComponent("corpus.xml").path
        let refusals: [([String], Int32, String)] = [
            (["--types", "claim,premise"], 2, "unknown unit type \"premise\" in --types"),
            (["--model", folder.appendingPathComponent("missing.model").path], 2, "no such file"),
            (["--model", notAModel], 1, "\(notAModel): error: "),
        ]
        for (arguments, status, message) in refusals {
            let result = try ArgmarkProcess.run(["batch", "--do", "suggest"] + arguments, input: input)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let misplaced = try ArgmarkProcess.run(["batch", "--do", "validate", "--types", "claim"], input: input)
        #expect(misplaced.status == 2)
        #expect(misplaced.standardError.contains("--model, --types and --no-relations go with --do suggest"), "\(misplaced.standardError)")
    }

    @Test func aCorpusGivenOnceServesEveryRecord() throws {
        let input = try Self.seedRecord("seed-001", corpus: false) + "\n"
        let without = try ArgmarkProcess.run(["batch", "--do", "validate"], input: input)
        #expect(without.status == 1)
        let with = try ArgmarkProcess.run(["batch", "--do", "validate", "--corpus", Self.annotations.path], input: input)
        #expect(with.status == 0, "\(with.standardError)")
        #expect(try Self.records(with.standardOutput)[0]["ok"] as? Bool == true)
        let notCorpus = try ArgmarkProcess.run(["batch", "--do", "validate", "--corpus", Self.annotations.appendingPathComponent("seed-000.xml").path], input: input)
        #expect(notCorpus.status == 2)
        #expect(notCorpus.standardError.contains("this is not a corpus file"))
        #expect(notCorpus.standardOutput.isEmpty)
    }

    @Test func aLineOverTheLimitIsAnErrorRecordAndTheNextLineIsRead() throws {
        let input = try Self.json(["id": "big", "text": String(repeating: "word ", count: 400)]) + "\n" + Self.json(["id": "t1", "text": Self.essay]) + "\n"
        let result = try ArgmarkProcess.run(["batch", "--do", "validate", "--max-record-bytes", "1000"], input: input)
        #expect(result.status == 1)
        let records = try Self.records(result.standardOutput)
        #expect(records.map { $0["ok"] as! Bool } == [false, true])
        let message = (records[0]["diagnostics"] as! [[String: Any]])[0]["text"] as! String
        #expect(message == "<stdin>:1: error: record is 2022 bytes, more than the limit of 1000; split the article or raise the limit; pass --max-record-bytes 2022 or more [bad-record]", "\(message)")
    }

    /// A 400 MB line, far beyond the 300 MB address space argmark is given, is refused without
    /// being held, and the record after it is processed: memory is bounded by one record.
    @Test func aHugeLineIsSkippedInBoundedMemory() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try (try Self.json(["id": "t1", "text": Self.essay]) + "\n").write(to: folder.appendingPathComponent("good.jsonl"), atomically: true, encoding: .utf8)
        let script = "ulimit -v \(TimedProcess.memoryLimitKiB) && { printf '{\"id\": \"huge\", \"text\": \"'; head -c 400000000 /dev/zero | tr '\\000' a; printf '\"}\\n'; cat good.jsonl; } | \"$0\" batch --do validate"
        let outcome = try TimedProcess.run(["/bin/sh", "-c", script, ArgmarkProcess.executable.path], in: folder, timeout: ArgmarkProcess.hangLimit)
        #expect(!outcome.timedOut)
        #expect(outcome.result.status == 1, "\(outcome.result.standardError)")
        let records = try Self.records(outcome.result.standardOutput)
        #expect(records.map { $0["ok"] as! Bool } == [false, true])
        let message = (records[0]["diagnostics"] as! [[String: Any]])[0]["message"] as! String
        #expect(message.hasPrefix("record is 400000026 bytes, more than the limit of 67108864"), "\(message)")
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try ArgmarkProcess.run(["batch"], input: "")
        #expect(missing.status == 2)
        let unknown = try ArgmarkProcess.run(["batch", "--do", "translate"], input: "")
        #expect(unknown.status == 2)
        let empty = try ArgmarkProcess.run(["batch", "--do", "validate"], input: "")
        #expect(empty.status == 0)
        #expect(empty.standardOutput.isEmpty)
    }

    // MARK: - summarize and report --from

    /// Parts of any grouping, merged in any order, give the part of the whole folder byte for byte;
    /// and the report from any of them is the single run's report, in JSON and in HTML.
    @Test(arguments: ["Annotations", "Tests/ArgmarkReportsTests/Fixtures/small"])
    func partsMergeInAnyOrderAndGroupingIntoTheSingleRunReport(_ corpus: String) throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.root.appendingPathComponent(corpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted()
        #expect(files.count >= 3)
        // Three shards in a scrambled order: every third file.
        for shard in 0..<3 {
            let paths = files.enumerated().filter { $0.offset % 3 == (2 - shard) }.map { source.appendingPathComponent($0.element).path }
            let written = try ArgmarkProcess.run(["summarize"] + paths + ["-o", "p\(shard)"], in: folder)
            #expect(written.status == 0, "\(written.standardError)")
        }
        let whole = try ArgmarkProcess.run(["summarize", source.path, "-o", "whole"], in: folder)
        #expect(whole.status == 0, "\(whole.standardError)")
        let merges = [["p0", "p1", "p2"], ["p2", "p0", "p1"], ["p1", "p2", "p0"]]
        for (index, order) in merges.enumerated() {
            let merged = try ArgmarkProcess.run(["summarize", "--from"] + order + ["-o", "m\(index)"], in: folder)
            #expect(merged.status == 0, "\(merged.standardError)")
        }
        // Associativity: (p0 + p1) + p2 and p0 + (p1 + p2).
        _ = try ArgmarkProcess.run(["summarize", "--from", "p0", "p1", "-o", "p01"], in: folder)
        _ = try ArgmarkProcess.run(["summarize", "--from", "p1", "p2", "-o", "p12"], in: folder)
        _ = try ArgmarkProcess.run(["summarize", "--from", "p01", "p2", "-o", "left"], in: folder)
        _ = try ArgmarkProcess.run(["summarize", "--from", "p0", "p12", "-o", "right"], in: folder)
        // `cat` of the parts in any order (runs out of order) is a part too.
        let catted = try ["p1", "p2", "p0"].map { try Data(contentsOf: folder.appendingPathComponent($0)) }.reduce(Data(), +)
        try catted.write(to: folder.appendingPathComponent("catted"))
        let fromCat = try ArgmarkProcess.run(["summarize", "--from", "catted", "-o", "m3"], in: folder)
        #expect(fromCat.status == 0, "\(fromCat.standardError)")
        let wholeBytes = try Data(contentsOf: folder.appendingPathComponent("whole"))
        #expect(catted != wholeBytes)
        for name in ["m0", "m1", "m2", "m3", "left", "right"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == wholeBytes, "\(name) differs from the part of the whole folder")
        }
        #expect(String(decoding: wholeBytes, as: UTF8.self).split(separator: "\n").count == files.count)

        for format in ["json", "html", "markdown"] {
            let single = try ArgmarkProcess.run(["report", source.path, "--format", format])
            #expect(single.status == 0, "\(single.standardError)")
            for parts in [["p2", "p0", "p1"], ["left"], ["p01", "p2"], ["catted"]] {
                let merged = try ArgmarkProcess.run(["report", "--from"] + parts + ["--format", format], in: folder)
                #expect(merged.status == 0, "\(merged.standardError)")
                #expect(merged.standardOutput == single.standardOutput, "report --from \(parts) as \(format) differs from report \(corpus)")
            }
        }
    }

    /// `batch --do summarize` writes the records `summarize` writes: its output is a part.
    @Test func batchSummarizeOutputIsAPartOfTheSameReport() throws {
        let names = ["seed-003", "seed-000", "seed-004", "seed-001", "seed-002"]
        let first = try ArgmarkProcess.run(["batch", "--do", "summarize"], input: try names.prefix(2).map { try Self.seedRecord($0) }.joined(separator: "\n") + "\n")
        let second = try ArgmarkProcess.run(["batch", "--do", "summarize"], input: try names.dropFirst(2).map { try Self.seedRecord($0) }.joined(separator: "\n") + "\n")
        #expect(first.status == 0 && second.status == 0, "\(first.standardError) \(second.standardError)")
        let summary = try Self.records(first.standardOutput)[0]["summary"] as! [String: Any]
        #expect((summary["profile"] as! [String: Any])["units"] as? Int == 153)
        #expect(summary["counterclaims"] is Int)
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try first.standardOutput.write(to: folder.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try second.standardOutput.write(to: folder.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        let merged = try ArgmarkProcess.run(["report", "--from", "b.jsonl", "a.jsonl", "--format", "json"], in: folder)
        #expect(merged.status == 0, "\(merged.standardError)")
        // The records name the files by the same paths as the single run, relative to the package.
        let single = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: Self.root)
        #expect(merged.standardOutput == single.standardOutput)
        // And merging them into a part gives the bytes summarize writes for the folder.
        let part = try ArgmarkProcess.run(["summarize", "--from", "a.jsonl", "b.jsonl"], in: folder)
        let direct = try ArgmarkProcess.run(["summarize", "Annotations"], in: Self.root)
        #expect(part.standardOutput == direct.standardOutput)
    }

    /// An invalid file is kept in the part as a failed record: the merged report leaves it out
    /// and says so, as the single run does, with the same exit code and the same report.
    @Test func invalidFilesTravelInThePartAndAreReportedByTheMerge() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.small, to: corpus)
        try "<article xmlns=\"urn:argmark:1\" version=\"1\" id=\"broken\"><meta/>".write(to: corpus.appendingPathComponent("d-broken.xml"), atomically: true, encoding: .utf8)
        let part = try ArgmarkProcess.run(["summarize", "corpus", "-o", "part"], in: folder)
        #expect(part.status == 1)
        #expect(part.standardError.contains("corpus/d-broken.xml:1:"), "\(part.standardError)")
        let merged = try ArgmarkProcess.run(["report", "--from", "part", "--format", "json"], in: folder)
        let single = try ArgmarkProcess.run(["report", "corpus", "--format", "json"], in: folder)
        #expect(merged.status == 1 && single.status == 1)
        #expect(merged.standardOutput == single.standardOutput)
        #expect(merged.standardError == single.standardError, "\(merged.standardError)\n---\n\(single.standardError)")
        #expect(merged.standardError.contains("report written without 1 invalid file"))
    }

    @Test func aDamagedPartIsRefusedAndNothingIsWritten() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let part = try ArgmarkProcess.run(["summarize", Self.small.path, "-o", "part"], in: folder)
        #expect(part.status == 0, "\(part.standardError)")
        var lines = try String(contentsOf: folder.appendingPathComponent("part"), encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = String(lines[1].prefix(40))
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("damaged"), atomically: true, encoding: .utf8)
        for command in [["report", "--from", "damaged", "-o", "out"], ["summarize", "--from", "part", "damaged", "-o", "out"]] {
            let result = try ArgmarkProcess.run(command, in: folder)
            #expect(result.status == 1)
            #expect(result.standardError.contains("damaged:2: error: not a record of a partial report: not valid JSON"), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
        // A part cut short (a copy interrupted in its last record) names that line.
        let bytes = try Data(contentsOf: folder.appendingPathComponent("part"))
        try bytes.prefix(bytes.count - 100).write(to: folder.appendingPathComponent("short"))
        for command in [["report", "--from", "part", "short", "-o", "out"], ["summarize", "--from", "short", "-o", "out"]] {
            let result = try ArgmarkProcess.run(command, in: folder)
            #expect(result.status == 1)
            #expect(result.standardError.contains("short:\(lines.count): error: not a record of a partial report: not valid JSON"), "\(result.standardError)")
            #expect(result.standardError.contains("nothing was merged; summarize those articles again"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
        // A corpus travels once per part, in the first record that uses it; the others name it by
        // its digest. A part cut so that no record carries it is refused too.
        let all = try String(contentsOf: folder.appendingPathComponent("part"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(all[0].contains("\"corpus\":\"<?xml"))
        #expect(all.dropFirst().allSatisfy { $0.contains("\"corpus\":null,\"corpusSha256\":\"") })
        try (all.dropFirst().joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("cut"), atomically: true, encoding: .utf8)
        let cut = try ArgmarkProcess.run(["report", "--from", "cut"], in: folder)
        #expect(cut.status == 1)
        #expect(cut.standardError.contains("cut:1: error: the record names corpus"), "\(cut.standardError)")
        let whole = try ArgmarkProcess.run(["report", "--from", "cut", "part"], in: folder)
        #expect(whole.status == 0, "\(whole.standardError)")

        let missing = try ArgmarkProcess.run(["report", "--from", "nowhere"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nowhere"))
        let both = try ArgmarkProcess.run(["report", Self.small.path, "--from", "part"], in: folder)
        #expect(both.status == 2)
        #expect(both.standardError.contains("not both"))
    }

    /// Every record names its part format; a record of another format (an older argmark's, which
    /// had no `partFormat`, or a later one's) is refused by name, never misread, and nothing is written.
    @Test func aPartOfAnotherFormatVersionIsRefusedAndNothingIsWritten() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let part = try ArgmarkProcess.run(["summarize", Self.small.path, "-o", "part"], in: folder)
        #expect(part.status == 0, "\(part.standardError)")
        let lines = try String(contentsOf: folder.appendingPathComponent("part"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.contains("\"partFormat\":2") })
        let later = lines.enumerated().map { $0.offset == 2 ? $0.element.replacingOccurrences(of: "\"partFormat\":2", with: "\"partFormat\":4") : $0.element }
        let older = lines.map { $0.replacingOccurrences(of: ",\"partFormat\":2", with: "") }
        #expect(older != lines)
        try (later.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("later"), atomically: true, encoding: .utf8)
        try (older.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("older"), atomically: true, encoding: .utf8)
        let cases = [("later", "later:3: error: not a record of a partial report: it is in part format 4, and this argmark reads part formats 2 (articles) and 3 (facts)"),
                     ("older", "older:1: error: not a record of a partial report: it has no \"partFormat\"")]
        for (name, message) in cases {
            for command in [["report", "--from", "part", name, "-o", "out"], ["summarize", "--from", name, "-o", "out"]] {
                let result = try ArgmarkProcess.run(command, in: folder)
                #expect(result.status == 1, "\(command)")
                #expect(result.standardError.contains(message), "\(result.standardError)")
                #expect(result.standardError.contains("nothing was merged"), "\(result.standardError)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
            }
        }
        // batch's other actions do not write part records, so they carry no part format.
        let validated = try ArgmarkProcess.run(["batch", "--do", "validate"], input: try Self.seedRecord("seed-001") + "\n")
        #expect(validated.status == 0 && !validated.standardOutput.contains("partFormat"))
        let summarized = try ArgmarkProcess.run(["batch", "--do", "summarize"], input: try Self.seedRecord("seed-001") + "\n")
        #expect(summarized.status == 0 && summarized.standardOutput.contains("\"partFormat\":2"))
    }
}
