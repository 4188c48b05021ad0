import ArgmarkCore
import Foundation
import ArgmarkTestSupport
import Testing

/// The exports read by the libraries researchers use (PyPI's dkpro-cassis, arguebuf, lxml and
/// Python's csv and json), through `Clients/check_clients.py`. `.ci/run` installs them; elsewhere
/// a test whose library is missing is skipped and says so.
@Suite("exports read by real clients")
struct ClientTests {
    static let script = Corpora.packageRoot.appendingPathComponent("Tests/ArgmarkFormatsTests/Clients/check_clients.py").path
    static let seeds = Corpora.packageRoot.appendingPathComponent("Annotations").path

    static func hasPython(_ module: String) -> Bool {
        (try? run(["python3", "-c", "import \(module)"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> CommandResult {
        try TimedProcess.run(["/usr/bin/env"] + arguments, timeout: ArgmarkProcess.hangLimit).result
    }

    static func export(_ format: String, _ paths: [String], to folder: String) throws {
        let result = try ArgmarkProcess.run(["export", "--to", format] + paths + ["-o", folder])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("dkpro-cassis loads every XMI export: each unit at the same offsets (UTF-16) with the same features, each relation with its ends",
          .enabled(if: Tools.isCI || hasPython("cassis"), "dkpro-cassis is not installed (pip install dkpro-cassis)"))
    func cassis() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = folder + "/in"
        // Seeds, plus an article with an implicit unit, a discontinuous one and an emoji before them.
        let imported = try ArgmarkProcess.run(["import", "--from", "brat", Corpora.fixtures + "/brat/good", "-o", fixture])
        #expect(imported.status == 0, "\(imported.standardError)")
        let xmi = try ArgmarkProcess.run(["import", "--from", "xmi", Corpora.fixtures + "/xmi/emoji.xmi", "-o", fixture + "/xmi"])
        #expect(xmi.status == 0, "\(xmi.standardError)")
        try Self.export("xmi", [Self.seeds, fixture], to: folder + "/out")
        var expected: [String: JSONValue] = [:]
        let (loaded, failures) = ArticleLoader.loadAll([Self.seeds, fixture])
        #expect(failures.isEmpty)
        for item in loaded {
            let article = item.article
            // The file holds UTF-16 offsets (as Java counts); cassis turns them into Python's code
            // points, which are argmark's offsets: so a unit must come back at exactly its span.
            var units: [String: JSONValue] = [:]
            var texts: [String: JSONValue] = [:]
            for unit in article.units {
                var features: [String: JSONValue] = [
                    "unitType": .string(unit.type.rawValue), "begin": .int(unit.span?.start ?? 0),
                    "end": .int(unit.span?.end ?? 0),
                    "speaker": unit.speaker.map { .string($0.rawValue) } ?? .null, "stance": unit.stance.map { .string($0.rawValue) } ?? .null,
                    "target": unit.target.map { .string($0.rawValue) } ?? .null, "proposition": unit.proposition.map { .string($0.rawValue) } ?? .null,
                    "note": unit.note.map { .string($0) } ?? .null,
                ]
                if unit.isImplicit {
                    features["implicit"] = .bool(true)
                    features["quote"] = .string(unit.quote)
                }
                units[unit.id.rawValue] = .object(features)
                texts[unit.id.rawValue] = .string(unit.quote)
            }
            var relations: [String: JSONValue] = [:]
            for relation in article.relations {
                relations[relation.id.rawValue] = .array([.string(relation.type.rawValue), .string(relation.from.rawValue), .string(relation.to.rawID)])
            }
            expected[article.id] = .object(["units": .object(units), "texts": .object(texts), "relations": .object(relations)])
        }
        let expectedPath = folder + "/expected.json"
        try JSONValue.object(expected).rendered().write(toFile: expectedPath, atomically: true, encoding: .utf8)
        let check = try Self.run(["python3", Self.script, "xmi", folder + "/out", expectedPath])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("cassis: 7 documents, 284 units"), "\(check.standardOutput)")
    }

    @Test("arguebuf loads every AIF export (the seeds and the AIF fixture)",
          .enabled(if: Tools.isCI || hasPython("arguebuf"), "arguebuf is not installed (pip install arguebuf)"))
    func arguebuf() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let imported = try ArgmarkProcess.run(["import", "--from", "aif", Corpora.fixtures + "/aif/debate.json", "-o", folder + "/in"])
        #expect(imported.status == 0, "\(imported.standardError)")
        try Self.export("aif", [Self.seeds, folder + "/in"], to: folder + "/out")
        let check = try Self.run(["python3", Self.script, "aif", folder + "/out"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("arguebuf: 6 graphs, 280 atom nodes"), "\(check.standardOutput)")
    }

    @Test("lxml validates the arg-microtexts exports of the seeds against the corpus DTD",
          .enabled(if: Tools.isCI || hasPython("lxml"), "lxml is not installed (pip install lxml)"))
    func dtd() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.export("microtexts", [Self.seeds], to: folder + "/out")
        // The seeds have implicit units, which the export writes as part 2 of the corpus does
        // (`<edu implicit="true">`). Part 1's DTD predates that attribute and part 2 ships no DTD,
        // so the check uses part 1's DTD with part 2's one addition declared.
        let dtd = folder + "/arggraph-part2.dtd"
        let partOne = try String(contentsOfFile: Corpora.fixtures + "/microtexts-dtd/arggraph.dtd", encoding: .utf8)
        try (partOne + "\n<!ATTLIST edu implicit (true|false) #IMPLIED >\n").write(toFile: dtd, atomically: true, encoding: .utf8)
        let check = try Self.run(["python3", Self.script, "dtd", folder + "/out", dtd])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("lxml: 5 files validated against arggraph-part2.dtd"), "\(check.standardOutput)")
    }
}

extension ClientTests {
    @Test("Python's csv and json read the tables of the seeds: every row as wide as the header, every JSONL quote at its offsets; the CoNLL file is well-formed BIO")
    func tables() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.export("csv", [Self.seeds], to: folder + "/out")
        try Self.export("jsonl", [Self.seeds], to: folder + "/out")
        let check = try Self.run(["python3", Self.script, "tables", folder + "/out"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("tables: 5 articles, 274 units, 209 relations, 5 records"), "\(check.standardOutput)")
        try Self.export("conll", [Self.seeds], to: folder + "/conll")
        let conll = try Self.run(["python3", Self.script, "conll", folder + "/conll/units.conll"])
        #expect(conll.status == 0, "\(conll.standardOutput)\(conll.standardError)")
        #expect(conll.standardOutput.hasPrefix("conll: "), "\(conll.standardOutput)")
    }
}
