import ArgmarkTestSupport
import Foundation
import Testing

/// The Dask driver in contrib/dask, on a local cluster of two worker processes on 127.0.0.1:
/// sharded runs give the bytes one argmark process gives. `.ci/run` installs Dask, so on CI a
/// missing Dask fails these tests; elsewhere they report themselves skipped.
@Suite struct DaskDriverTests {
    static let root = ArgmarkProcess.packageRoot

    /// Whether python3 can import Dask's distributed scheduler and fsspec.
    static let daskAvailable: Bool = {
        guard let outcome = try? TimedProcess.run(["/usr/bin/env", "python3", "-c", "import distributed, fsspec"], timeout: 120) else { return false }
        return outcome.result.status == 0
    }()
    static let enabled = daskAvailable || Tools.isCI
    static let skipReason: Comment = "needs python3 with Dask's distributed and fsspec (pip install distributed fsspec; .ci/run installs them)"

    /// Runs the driver with two local workers.
    static func driver(_ arguments: [String], in folder: URL) throws -> CommandResult {
        let outcome = try TimedProcess.run(
            ["/usr/bin/env", "python3", "-m", "argmark_dask"] + arguments + ["--argmark", ArgmarkProcess.executable.path, "--workers", "2"],
            in: folder, environment: ["PYTHONPATH": root.appendingPathComponent("contrib/dask").path], timeout: ArgmarkProcess.hangLimit)
        #expect(!outcome.timedOut)
        return outcome.result
    }

    @Test(.enabled(if: enabled, skipReason))
    func aShardedFolderReportIsTheSingleProcessReport() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Annotations"), to: folder.appendingPathComponent("Annotations"))
        let single = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: folder)
        #expect(single.status == 0, "\(single.standardError)")
        let sharded = try Self.driver(["report", "Annotations", "--shards", "3", "-o", "report.json", "--timings", "timings.json"], in: folder)
        #expect(sharded.status == 0, "\(sharded.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8) == single.standardOutput)
        let timings = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("timings.json"))) as! [String: Any]
        #expect(timings["shards"] as? Int == 3)
        // Through fsspec, as object storage is read: a file:// URL names the files as the local run does.
        let url = try Self.driver(["report", "file://" + folder.appendingPathComponent("Annotations").path, "--shards", "2"], in: folder)
        #expect(url.status == 0, "\(url.standardError)")
        let absolute = try ArgmarkProcess.run(["report", folder.appendingPathComponent("Annotations").path, "--format", "json"], in: folder)
        #expect(url.standardOutput == absolute.standardOutput)
    }

    @Test(.enabled(if: enabled, skipReason))
    func aShardedJSONLinesRunIsTheSingleProcessRun() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try String(contentsOf: Self.root.appendingPathComponent("Annotations/corpus.xml"), encoding: .utf8)
        var lines: [String] = []
        for name in ["seed-003", "seed-000", "seed-004", "seed-001", "seed-002"] {
            let xml = try String(contentsOf: Self.root.appendingPathComponent("Annotations/\(name).xml"), encoding: .utf8)
            let record = try JSONSerialization.data(withJSONObject: ["path": "Annotations/\(name).xml", "xml": xml, "corpus": corpus], options: [.sortedKeys])
            lines += [String(decoding: record, as: UTF8.self), "{broken", ""]
        }
        let input = lines.joined(separator: "\n") + "\n"
        try input.write(to: folder.appendingPathComponent("articles.jsonl"), atomically: true, encoding: .utf8)
        // Byte ranges cut lines anywhere: every line still goes to exactly one shard, numbered in the whole file.
        let single = try ArgmarkProcess.run(["batch", "--do", "validate"], input: input)
        let sharded = try Self.driver(["batch", "--do", "validate", "articles.jsonl", "--shards", "4"], in: folder)
        #expect(single.status == 1 && sharded.status == 1, "\(sharded.standardError)")
        #expect(sharded.standardOutput == single.standardOutput)
        #expect(sharded.standardOutput.split(separator: "\n").count == 10)
        // Suggestions with a trained model and a label set: the model is read once and sent to the workers.
        let train = try ArgmarkProcess.run(["train", Self.root.appendingPathComponent("Annotations").path, "-o", "seeds.model", "--folds", "0"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let options = ["--model", folder.appendingPathComponent("seeds.model").path, "--types", "claim", "--no-relations"]
        let suggested = try ArgmarkProcess.run(["batch", "--do", "suggest"] + options, input: input)
        let shardedSuggested = try Self.driver(["batch", "--do", "suggest", "articles.jsonl", "--shards", "3"] + options, in: folder)
        #expect(shardedSuggested.status == 1, "\(shardedSuggested.standardError)")
        #expect(shardedSuggested.standardOutput == suggested.standardOutput)
        let types = suggested.standardOutput.split(separator: "\n").flatMap { line -> [String] in
            let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return ((record?["suggestions"] as? [[String: Any]]) ?? []).map { $0["type"] as! String }
        }
        #expect(!types.isEmpty && types.allSatisfy { $0 == "claim" }, "\(types)")
        let misplaced = try Self.driver(["batch", "--do", "validate", "articles.jsonl", "--types", "claim"], in: folder)
        #expect(misplaced.status == 2 && misplaced.standardError.contains("go with --do suggest"), "\(misplaced.standardError)")
        // The report over the records is the report over the folder they came from.
        let report = try Self.driver(["report", "articles.jsonl", "--shards", "3"], in: folder)
        #expect(report.status == 1, "\(report.standardError)")
        #expect(report.standardError.contains("report written without 5 invalid files"))
        let direct = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: Self.root)
        #expect(report.standardOutput == direct.standardOutput)
    }

    /// Parts of facts, and the shared-text join on the workers, one hash range of shingles per
    /// task (`--shingle-ranges`): the same report as one process, from a folder, through
    /// fsspec, and from a JSON Lines file.
    @Test(.enabled(if: enabled, skipReason))
    func theShingleJoinOnTheWorkersGivesTheSingleProcessReport() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Annotations"), to: folder.appendingPathComponent("Annotations"))
        let single = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: folder)
        #expect(single.status == 0, "\(single.standardError)")
        #expect(single.standardOutput.contains("\"passages\": ["), "the seeds share text")
        let joined = try Self.driver(["report", "Annotations", "--shards", "3", "--shingle-ranges", "3", "--parts", "parts", "-o", "report.json", "--timings", "timings.json"], in: folder)
        #expect(joined.status == 0, "\(joined.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8) == single.standardOutput)
        let timings = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("timings.json"))) as! [String: Any]
        #expect(timings["join_seconds"] is Double)
        // The workers wrote parts of facts and one matches file per range.
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("parts").path).sorted()
        #expect(written.filter { $0.contains("-matches-") }.count == 3, "\(written)")
        let part = try String(contentsOf: folder.appendingPathComponent("parts").appendingPathComponent(written.first { $0.hasSuffix(".part") }!), encoding: .utf8)
        #expect(part.contains("\"partFormat\":3") && !part.contains("<article"))

        let url = try Self.driver(["report", "file://" + folder.appendingPathComponent("Annotations").path, "--shards", "2", "--shingle-ranges", "2"], in: folder)
        #expect(url.status == 0, "\(url.standardError)")
        let absolute = try ArgmarkProcess.run(["report", folder.appendingPathComponent("Annotations").path, "--format", "json"], in: folder)
        #expect(url.standardOutput == absolute.standardOutput)

        let corpus = try String(contentsOf: Self.root.appendingPathComponent("Annotations/corpus.xml"), encoding: .utf8)
        let lines = try ["seed-003", "seed-000", "seed-004", "seed-001", "seed-002"].map { name in
            let xml = try String(contentsOf: Self.root.appendingPathComponent("Annotations/\(name).xml"), encoding: .utf8)
            return String(decoding: try JSONSerialization.data(withJSONObject: ["path": "Annotations/\(name).xml", "xml": xml, "corpus": corpus], options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("articles.jsonl"), atomically: true, encoding: .utf8)
        let records = try Self.driver(["report", "articles.jsonl", "--shards", "2", "--shingle-ranges", "2"], in: folder)
        #expect(records.status == 0, "\(records.standardError)")
        #expect(records.standardOutput == single.standardOutput)

        let html = try Self.driver(["report", "Annotations", "--format", "html", "--shingle-ranges", "2"], in: folder)
        #expect(html.status == 2 && html.standardError.contains("pass --format json"), "\(html.standardError)")
    }
}
