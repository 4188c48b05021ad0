import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark train` and `argmark suggest --model`, from a corpus imported with `argmark import`
/// (sixteen arg-microtexts, committed with their licence in Fixtures/microtexts-sample).
@Suite struct TrainCommandTests {
    static let sample = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkEndToEndTests/Fixtures/microtexts-sample")
    static let text = """
        Should shopping malls be open on Sundays? Shops should be allowed to open on Sundays. \
        Many people work during the week and can only shop at the weekend. \
        Opponents claim that workers need a day of rest. \
        But nobody is forced to work on every Sunday, since shifts can rotate. \
        For example, in some countries Sunday shopping has been normal for years.
        """

    /// A folder with the imported sample in `corpus/` and a fresh unannotated article `corpus/new.xml`.
    struct Workspace {
        let folder: URL
        init() throws {
            folder = try ArgmarkProcess.temporaryFolder()
            try run(["import", "--from", "microtexts", TrainCommandTests.sample.path, "-o", "corpus"])
            try Data(TrainCommandTests.text.utf8).write(to: folder.appendingPathComponent("sunday.txt"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("fresh"), withIntermediateDirectories: true)
            try run(["new", "sunday.txt", "-o", "fresh/new.xml", "--id", "sunday", "--genre", "microtext", "--language", "en"])
        }

        @discardableResult
        func run(_ arguments: [String], status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
            let result = try ArgmarkProcess.run(arguments, in: folder)
            #expect(result.status == status, "argmark \(arguments.joined(separator: " ")): \(result.standardOutput)\(result.standardError)", sourceLocation: sourceLocation)
            return result
        }

        func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
        func write(_ data: Data, _ name: String) throws { try data.write(to: folder.appendingPathComponent(name)) }
        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func trainPrintsACrossValidatedTableAndWritesTheSameBytesTwice() throws {
        let space = try Workspace()
        defer { space.cleanUp() }
        let train = try space.run(["train", "corpus", "-o", "first.model"])
        let output = train.standardOutput
        #expect(output.contains("cross-validated on 16 articles (5 folds):"), "\(output)")
        for type in ["position", "claim", "counterclaim"] { #expect(output.contains("  \(type) "), "\(output)") }
        #expect(output.contains("macro overlap-F1 0."), "\(output)")
        // The table is lines, not one line with escaped breaks.
        #expect(output.split(separator: "\n").contains { $0.hasPrefix("  macro overlap-F1 0.") }, "\(output)")
        #expect(!output.contains("\\n"), "\(output)")
        #expect(output.contains("relations given gold units: "), "\(output)")
        #expect(output.contains("stance given gold units: "), "\(output)")
        #expect(output.contains("wrote first.model: ") && output.contains(" KiB, ") && output.contains("trained on 16 articles"), "\(output)")
        try space.run(["train", "corpus", "-o", "second.model"])
        #expect(try space.bytes("first.model") == space.bytes("second.model"))
        // Version 4 when training kept a unit gate deciding per genre, 3 when it kept one for
        // every genre, 2 (the format before the gate) when it kept none.
        let header = String(decoding: try space.bytes("first.model").prefix(43), as: UTF8.self)
        #expect((2...4).contains { header == "argmark suggestion model\nformat-version: \($0)\n" }, "\(header)")
    }

    @Test func heldOutScoresAreJSONForTheEvaluationScript() throws {
        let space = try Workspace()
        defer { space.cleanUp() }
        let run = try space.run(["train", "corpus", "--held-out", "corpus", "--folds", "0"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any], "\(run.standardOutput)")
        #expect(object["trainingDocuments"] as? Int == 16)
        #expect(["clauses", "sentences"].contains(object["segmentation"] as? String ?? ""))
        for system in ["model", "every-sentence-claim", "every-sentence-evidence", "positional"] {
            let scores = try #require(object[system] as? [String: Any])
            #expect(scores["documents"] as? Int == 16)
            #expect(scores["macroF1"] is Double)
        }
    }

    @Test func suggestWithATrainedModelAddsValidSuggestionsThatCanBeReviewed() throws {
        let space = try Workspace()
        defer { space.cleanUp() }
        try space.run(["train", "corpus", "-o", "sample.model", "--folds", "0"])
        // Beside the imported corpus, so its targets are there for stance.
        try FileManager.default.copyItem(at: space.folder.appendingPathComponent("fresh/new.xml"), to: space.folder.appendingPathComponent("corpus/new.xml"))
        let suggest = try space.run(["suggest", "corpus/new.xml", "--model", "sample.model"])
        let lines = suggest.standardOutput.split(separator: "\n").map(String.init)
        let units = lines.filter { $0.hasPrefix("corpus/new.xml: suggested u") }
        #expect(units.count >= 2, "\(suggest.standardOutput)")
        #expect(lines.last?.hasPrefix("corpus/new.xml: \(units.count) suggestions") == true, "\(suggest.standardOutput)")
        try space.run(["validate", "corpus/new.xml"])
        let xml = String(decoding: try space.bytes("corpus/new.xml"), as: UTF8.self)
        #expect(xml.components(separatedBy: "status=\"suggested\"").count - 1 == units.count)
        // Relations printed are relations written, and all start at a suggestion.
        let relations = lines.filter { $0.hasPrefix("corpus/new.xml: relation ") }
        #expect(xml.components(separatedBy: "<relation ").count - 1 == relations.count)
        // Rejecting every suggestion removes their relations too: no unit or relation is left
        // (the file keeps the highest ids issued, so they are never reused).
        try space.run(["reject", "corpus/new.xml", "--all"])
        let after = String(decoding: try space.bytes("corpus/new.xml"), as: UTF8.self)
        #expect(!after.contains("<unit ") && !after.contains("<relation "), "\(after)")
        try space.run(["validate", "corpus/new.xml"])
    }

    @Test func badInputIsRefusedClearlyAndNothingIsWritten() throws {
        let space = try Workspace()
        defer { space.cleanUp() }
        try space.run(["train", "corpus", "-o", "good.model", "--folds", "0"])
        let model = try space.bytes("good.model")
        let article = try space.bytes("fresh/new.xml")

        var damaged = model
        damaged[damaged.count - 1] ^= 0x01
        try space.write(damaged, "damaged.model")
        let header = Data("argmark suggestion model\nformat-version: 2\n".utf8)
        try space.write(Data("argmark suggestion model\nformat-version: 1\n".utf8) + model.dropFirst(header.count), "old.model")
        try space.write(model.prefix(model.count / 2), "truncated.model")
        try space.write(Data("feature\tnone\tclaim\nbias\t0\t1\n".utf8), "weights.tsv")

        let cases: [([String], Int32, String)] = [
            (["train", "fresh", "-o", "none.model"], 1, "no gold units in 1 article"),
            (["train", "corpus", "-o", "good.model"], 1, "good.model: error: the model file exists; pass --overwrite"),
            (["train", "missing-folder", "-o", "x.model"], 2, "missing-folder"),
            (["train", "corpus", "-o", "x.model", "--genre", "poetry"], 2, "unknown genre \"poetry\""),
            (["train", "corpus"], 2, "name the model file with -o MODEL"),
            (["suggest", "fresh/new.xml", "--model", "damaged.model"], 1, "damaged.model: error: the model is damaged"),
            (["suggest", "fresh/new.xml", "--model", "old.model"], 1, "the model has format version 1, this argmark reads versions 2, 3 and 4; retrain it with argmark train"),
            (["suggest", "fresh/new.xml", "--model", "truncated.model"], 1, "truncated.model: error: the model is damaged"),
            (["suggest", "fresh/new.xml", "--model", "weights.tsv"], 1, "weights.tsv: error: not an argmark suggestion model"),
            (["suggest", "fresh/new.xml", "--model", "missing.model"], 2, "missing.model"),
        ]
        for (arguments, status, message) in cases {
            let result = try ArgmarkProcess.run(arguments, in: space.folder)
            #expect(result.status == status, "argmark \(arguments.joined(separator: " ")): \(result.standardError)")
            #expect(result.standardError.contains(message), "argmark \(arguments.joined(separator: " ")): \(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"))
        }
        #expect(try space.bytes("good.model") == model)
        #expect(try space.bytes("fresh/new.xml") == article)
        for name in ["none.model", "x.model"] { #expect(!FileManager.default.fileExists(atPath: space.folder.appendingPathComponent(name).path)) }
    }
}
