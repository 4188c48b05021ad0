import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark import` and `argmark export`, run as a user would.
@Suite("import and export commands")
struct CommandTests {
    @Test("import --from microtexts prints per-corpus counts, writes valid files, and export gives the corpus back", .enabled(if: Shared.isPresent, Shared.skipReason))
    func microtextsThroughTheCommands() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts", Corpora.microtextsEnglish, "-o", folder + "/en"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\(Corpora.microtextsEnglish): 112 documents, 576 units ("))
        #expect(result.standardOutput.contains("source labels: opp 125, pro 451"))
        #expect(result.standardOutput.contains("source labels: add 21, exa 9, reb 108, sup 263, und 63"))
        #expect(Corpora.contents(of: folder + "/en").count == 113)
        // The topics are stance targets, defined once beside the articles.
        let corpus = try String(contentsOfFile: folder + "/en/corpus.xml", encoding: .utf8)
        #expect(corpus.contains("<target id=\"waste_separation\" name=\"waste separation\"/>"))
        let b001 = try String(contentsOfFile: folder + "/en/micro_b001.xml", encoding: .utf8)
        #expect(b001.contains("<unit id=\"a5\" type=\"position\" start=\"326\" end=\"402\" stance=\"favor\" target=\"waste_separation\""))

        let validation = try ArgmarkProcess.run(["validate", folder + "/en"])
        #expect(validation.status == 0, "\(validation.standardError)")

        let export = try ArgmarkProcess.run(["export", "--to", "microtexts", folder + "/en", "-o", folder + "/back"])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(Corpora.contents(of: folder + "/back").count == 224)
        let original = try FileSystem.read(Corpora.microtextsEnglish + "/micro_b001.txt")
        #expect(try FileSystem.read(folder + "/back/micro_b001.txt") == original)
    }

    @Test("import --from microtexts of the samples writes valid files, and export gives their texts back")
    func sampleMicrotextsThroughTheCommands() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts", Corpora.sampleMicrotextsEnglish, "-o", folder + "/en"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\(Corpora.sampleMicrotextsEnglish): 2 documents, "))
        #expect(Corpora.contents(of: folder + "/en") == ["corpus.xml", "micro_b001.xml", "micro_b002.xml"])
        let b001 = try String(contentsOfFile: folder + "/en/micro_b001.xml", encoding: .utf8)
        #expect(b001.contains("<unit id=\"a5\" type=\"position\" start=\"326\" end=\"402\" stance=\"favor\" target=\"waste_separation\""))
        #expect(try ArgmarkProcess.run(["validate", folder + "/en"]).status == 0)
        let export = try ArgmarkProcess.run(["export", "--to", "microtexts", folder + "/en", "-o", folder + "/back"])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(Corpora.contents(of: folder + "/back") == ["micro_b001.txt", "micro_b001.xml", "micro_b002.txt", "micro_b002.xml"])
        for name in ["micro_b001.txt", "micro_b002.txt"] {
            #expect(try FileSystem.read(folder + "/back/" + name) == (try FileSystem.read(Corpora.sampleMicrotextsEnglish + "/" + name)))
        }
    }

    @Test("bad inputs give path:line: error:, exit 1, and nothing is written — even for the good files beside them",
          arguments: [
              ("microtexts", "microtexts-bad", ["dangling-edge.xml:20: error: edge c2 refers to a9", "truncated.xml:13:1: error: "]),
              ("brat", "brat/bad", ["missing-span.ann:9: error: relation R4 refers to T9", "offset-past-text.ann:5: error: span T5 ends at"]),
              ("aif", "aif", ["dangling-edge.json:23: error: edge 7 refers to node 44", "truncated.json:6: error: not valid JSON"]),
          ])
    func badInputs(format: String, fixtureFolder: String, messages: [String]) throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ArgmarkProcess.run(["import", "--from", format, Corpora.fixtures + "/" + fixtureFolder, "-o", folder + "/out"])
        #expect(result.status == 1)
        for message in messages {
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(result.standardError.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("an import whose result would not validate is refused with the validator's findings")
    func invalidResultIsRefused() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A counterclaim that supports a claim: brat allows it, argmark's rules do not.
        try "No. Yes.".write(toFile: folder + "/odd.txt", atomically: true, encoding: .utf8)
        try "T1\tCounterclaim 0 3\tNo.\nT2\tClaim 4 8\tYes.\nR1\tsupports Arg1:T1 Arg2:T2\n".write(toFile: folder + "/odd.ann", atomically: true, encoding: .utf8)
        let result = try ArgmarkProcess.run(["import", "--from", "brat", folder + "/odd.ann", "-o", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("odd.ann: error: the argmark file this becomes, \(folder)/out/odd.xml, would not be valid (1 error follows); it was not written"))
        #expect(result.standardError.contains("[counterclaim-relation]"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("export to a format that cannot hold everything writes the rest and names what it left out; --strict writes nothing")
    func exportLoss() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let imported = try ArgmarkProcess.run(["import", "--from", "xmi", Corpora.fixtures + "/xmi/emoji.xmi", "-o", folder + "/in"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let strict = try ArgmarkProcess.run(["export", "--to", "brat", "--strict", folder + "/in", "-o", folder + "/strict"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("doc-7.xml: error: brat cannot carry 1 implicit units (no span in the text): u32;"), "\(strict.standardError)")
        #expect(strict.standardError.contains("[export-loss]"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/strict"))
        let result = try ArgmarkProcess.run(["export", "--to", "brat", folder + "/in", "-o", folder + "/out"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("doc-7.xml: warning: brat cannot carry 1 implicit units (no span in the text): u32;"), "\(result.standardError)")
        #expect(result.standardOutput.contains("1 of 1 articles lost something brat cannot carry"))
        #expect(Corpora.contents(of: folder + "/out") == ["annotation.conf", "doc-7.ann", "doc-7.txt"])
        let aif = try ArgmarkProcess.run(["export", "--to", "aif", folder + "/in", "-o", folder + "/aif"])
        #expect(aif.status == 0, "\(aif.standardError)")
        #expect(Corpora.contents(of: folder + "/aif") == ["doc-7.json"])
    }

    @Test("en and de import together into parallel subfolders, since their ids are the same")
    func bothLanguages() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts", Corpora.samples + "/arg-microtexts/corpus", "-o", folder])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(": 4 documents, "))
        #expect(Corpora.contents(of: folder) == ["de", "en"])
        #expect(Corpora.contents(of: folder + "/de") == ["corpus.xml", "micro_b001.xml", "micro_b002.xml"])
        #expect(try ArgmarkProcess.run(["validate", folder]).status == 0)
    }

    @Test("an existing corpus.xml in the output folder keeps its definitions and gains the missing targets")
    func corpusMerge() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let existing = """
            <?xml version="1.0" encoding="UTF-8"?>
            <corpus xmlns="urn:argmark:1" version="1">
              <targets>
                <target id="metoo" name="the #MeToo movement"/>
                <target id="waste_separation" name="Should Berlin separate waste?"/>
              </targets>
            </corpus>

            """
        try existing.write(toFile: folder + "/corpus.xml", atomically: true, encoding: .utf8)
        let paths = ["micro_b001.xml", "micro_b002.xml"].map { Corpora.sampleMicrotextsEnglish + "/" + $0 }
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts"] + paths + ["-o", folder])
        #expect(result.status == 0, "\(result.standardError)")
        let corpus = try String(contentsOfFile: folder + "/corpus.xml", encoding: .utf8)
        #expect(corpus.contains("<target id=\"metoo\" name=\"the #MeToo movement\"/>"))
        #expect(corpus.contains("<target id=\"waste_separation\" name=\"Should Berlin separate waste?\"/>"))
        let b002 = try String(contentsOfFile: folder + "/micro_b002.xml", encoding: .utf8)
        let topic = try #require(b002.firstMatch(of: /<property name="topic_id">([a-z_]+)</)?.1)
        #expect(corpus.contains("<target id=\"\(topic)\""))
        #expect(try ArgmarkProcess.run(["validate", folder]).status == 0)

        try "<corpus>broken".write(toFile: folder + "/corpus.xml", atomically: true, encoding: .utf8)
        let broken = try ArgmarkProcess.run(["import", "--from", "microtexts", paths[0], "-o", folder + "/", "--overwrite"])
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("corpus.xml: error: the output folder's corpus.xml is not a valid corpus file"))
    }

    @Test("existing output files are not replaced unless --overwrite is given")
    func overwrite() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["import", "--from", "brat", Corpora.fixtures + "/brat/good", "-o", folder]
        #expect(try ArgmarkProcess.run(arguments).status == 0)
        try "changed".write(toFile: folder + "/schulpflicht.xml", atomically: true, encoding: .utf8)
        let refused = try ArgmarkProcess.run(arguments)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("\(folder)/schulpflicht.xml: error: already exists; pass --overwrite"))
        #expect(try String(contentsOfFile: folder + "/schulpflicht.xml", encoding: .utf8) == "changed")
        #expect(try ArgmarkProcess.run(arguments + ["--overwrite"]).status == 0)
        #expect(try String(contentsOfFile: folder + "/schulpflicht.xml", encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test("an import with broken inputs writes nothing and counts the inputs, not the errors")
    func importCountsFailingInputs() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try Data("<arggraph id=\"x\"><edu id=\"e1\">Hello</edu>".utf8).write(to: URL(fileURLWithPath: folder + "/in/truncated.xml"))
        try Data("not xml <".utf8).write(to: URL(fileURLWithPath: folder + "/in/garbage.xml"))
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts", folder + "/in", "-o", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("nothing written: 2 inputs cannot be imported; fix them, leave them out, or pass --keep-going to import the rest\n"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("export of a folder without argmark articles is an error, not 'wrote 0 files'")
    func exportOfAnEmptyFolder() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        let result = try ArgmarkProcess.run(["export", "--to", "brat", folder + "/empty", "-o", folder + "/out"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(folder)/empty: error: no argmark article found; pass article files or folders that hold them"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("a missing path is a usage-level error (exit 2)")
    func missingPath() throws {
        let result = try ArgmarkProcess.run(["import", "--from", "xmi", "/nonexistent/folder", "-o", "/tmp/never"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/folder: error: no such file or directory"))
    }
}

/// The seeds through every export: each exits 0, reports per file what it could not carry (or
/// nothing), and the formats argmark reads give the annotations back.
@Suite("the seeds in every format")
struct SeedExportTests {
    static let seeds = Corpora.packageRoot.appendingPathComponent("Annotations").path

    @Test("every format exports the seeds; whatever is left out is named per file with export-loss, never silently", arguments: ["brat", "xmi", "argdown", "csv", "jsonl", "conll", "aif", "microtexts"])
    func everyFormat(format: String) throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ArgmarkProcess.run(["export", "--to", format, Self.seeds, "-o", folder + "/out"])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { !$0.isEmpty }
        #expect(warnings.allSatisfy { $0.contains(": warning: \(format) cannot carry ") && $0.hasSuffix("[export-loss]") }, "\(result.standardError)")
        let lossy = Set(warnings.map { $0.prefix { $0 != ":" } })
        #expect(result.standardOutput.contains(lossy.isEmpty ? "wrote " : "; \(lossy.count) of 5 articles lost something \(format) cannot carry"), "\(result.standardOutput)")
        // What --strict refuses is exactly what was reported.
        let strict = try ArgmarkProcess.run(["export", "--to", format, "--strict", Self.seeds, "-o", folder + "/strict"])
        #expect(strict.status == (lossy.isEmpty ? 0 : 1))
    }

    @Test("argmark → brat → argmark keeps every unit's span, type, stance, target, speaker and proposition (seed 000's 17 stances included)")
    func bratRoundTrip() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ArgmarkProcess.run(["export", "--to", "brat", Self.seeds, "-o", folder + "/brat"]).status == 0)
        let back = try ArgmarkProcess.run(["import", "--from", "brat", folder + "/brat", "-o", folder + "/back"])
        #expect(back.status == 0, "\(back.standardError)")
        let (originals, _) = ArticleLoader.loadAll([Self.seeds])
        for original in originals {
            let again = try ArticleLoader.load(folder + "/back/" + FileSystem.baseName(of: original.path))
            #expect(again.isValid, "\(again.diagnostics)")
            func summary(_ article: Article) -> [String] {
                article.units.filter { $0.span != nil }.map { "\($0.span!) \($0.type) \($0.stance?.rawValue ?? "-") \($0.target?.rawValue ?? "-") \($0.speaker?.rawValue ?? "-") \($0.proposition?.rawValue ?? "-")" }.sorted()
            }
            #expect(summary(again.article) == summary(original.article), "\(original.path)")
            #expect(again.article.text == original.article.text)
            // Undercuts of relations, and implicit units (no span) with their relations, are what
            // brat cannot hold (reported on export).
            let implicit = Set(original.article.units.filter(\.isImplicit).map(\.id))
            let betweenUnits = original.article.relations.filter { relation in
                guard case .unit(let target) = relation.to else { return false }
                return !implicit.contains(relation.from) && !implicit.contains(target)
            }
            #expect(again.article.relations.map { "\($0.type) \($0.from) \($0.to)" }.count == betweenUnits.count)
        }
        let seed000 = try ArticleLoader.load(folder + "/back/seed-000.xml").article
        #expect(seed000.units.count { $0.stance != nil } == 17)
    }
}
