import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Foundation
import Testing

@Suite("UIMA XMI")
struct XMITests {
    @Test("all 340 Habernal & Gurevych documents import and validate with the corpus's counts", .enabled(if: Shared.isPresent, Shared.skipReason))
    func wholeCorpus() throws {
        let paths = Corpora.files(in: Corpora.xmi, ending: ".xmi")
        #expect(paths.count == 340)
        var articles: [Article] = []
        for path in paths {
            let article = try XMIImporter.importFile(path)
            #expect(try Corpora.validationErrors(of: article) == [], "\(path)")
            articles.append(article)
        }
        let summary = CorpusSummary(articles)
        #expect(summary.unitsBySourceLabel == ["Claim": 365, "Premise": 538, "Backing": 224, "Rebuttal": 68, "Refutation": 26])
        #expect(summary.relations == 869)
        // 170 implicit claims, every one kept as a unit without a span.
        let implicit = articles.flatMap(\.units).filter(\.isImplicit)
        #expect(implicit.count == 170)
        #expect(implicit.allSatisfy { $0.sourceLabel == "Claim" && !$0.quote.isEmpty })
        // The pathos components have no argumentative role: kept as metadata, not as units.
        #expect(articles.flatMap(\.metadata.properties).count { $0.name.hasPrefix("ArgumentComponent ") } == 98)
    }

    @Test("every explicit unit's quote is the text between its UTF-16 begin and end, sliced independently", .enabled(if: Shared.isPresent, Shared.skipReason))
    func quotesMatchUTF16Slices() throws {
        try expectQuotesMatchUTF16Slices(Corpora.files(in: Corpora.xmi, ending: ".xmi"))
    }

    @Test("the sample and the own fixtures: every explicit unit's quote is its UTF-16 slice; the implicit claim is kept")
    func samplesQuotesMatchUTF16Slices() throws {
        let sample = Corpora.sampleXMI + "/1037.xmi"
        try expectQuotesMatchUTF16Slices([sample, Corpora.fixtures + "/xmi/emoji.xmi"])
        let article = try XMIImporter.importFile(sample)
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.units.count { $0.isImplicit && $0.sourceLabel == "Claim" && !$0.quote.isEmpty } == 1)
        #expect(article.units.count { !$0.isImplicit && $0.sourceLabel == "Premise" } == 1)
        #expect(article.relations.count == 1)
    }

    func expectQuotesMatchUTF16Slices(_ paths: [String]) throws {
        for path in paths {
            let article = try XMIImporter.importFile(path)
            let root = try SafeXMLParser.parse(FileSystem.read(path), path: path).get().root
            let sofa = try #require(root.children.first { $0.name == "Sofa" }?[attribute: "sofaString"])
            let utf16 = Array(sofa.utf16)
            var byID: [String: XMLElement] = [:]
            for element in root.children {
                if let id = element.attributes.first(where: { $0.name == "id" && $0.namespace == XMIImporter.xmiNamespace })?.value { byID[id] = element }
            }
            for unit in article.units where !unit.isImplicit {
                let element = try #require(byID[unit.sourceID ?? ""])
                let begin = Int(element[attribute: "begin"]!)!, end = Int(element[attribute: "end"]!)!
                #expect(unit.quote == String(decoding: utf16[begin..<end], as: UTF16.self), "\(path) \(unit.id)")
                #expect(unit.sourceLabel == element.name)
            }
        }
    }

    @Test("UTF-16 offsets become code points; metadata, implicit claims and relations are mapped")
    func fixture() throws {
        let article = try XMIImporter.importFile(Corpora.fixtures + "/xmi/emoji.xmi")
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.id == "doc-7")
        #expect(article.metadata.author == "Ann Example")
        #expect(article.metadata.title == "A test")
        #expect(article.metadata.url == "http://example.org/7")
        #expect(article.metadata.genre == .forum)
        #expect(article.metadata.language == "en")
        #expect(article.metadata.properties.contains(MetadataProperty(name: "date", value: "01 May 2014")))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "topic", value: "schools")))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "ArgumentComponent 35", value: "0-1; appealToEmotion=true")))
        let claim = try #require(article.unit("u30"))
        #expect(claim.type == .position)
        #expect(claim.span == Span(start: 2, end: 20))
        #expect(claim.quote == "Schools are great.")
        #expect(claim.note == "originalView=logos")
        #expect(article.unit("u31")?.span == Span(start: 28, end: 43))
        #expect(article.unit("u31")?.type == .claim)
        #expect(article.unit("u33")?.quote == "Über")
        #expect(article.unit("u33")?.type == .counterclaim)
        #expect(article.unit("u34")?.quote == "👍")
        #expect(article.unit("u34")?.type == .rebuttal)
        let implicit = try #require(article.unit("u32"))
        #expect(implicit.span == nil)
        #expect(implicit.quote == "for schools: all of them")
        #expect(article.relation("r40")?.type == .supports)
        #expect(article.relation("r41")?.type == .attacks)
        #expect(article.relation("r42")?.type == .rebuts)
    }

    @Test("bad XMI: offsets past the text, a split surrogate pair, truncated XML", arguments: [
        ("offset-past-text.xmi", "outside the text"), ("split-surrogate.xmi", "surrogate"), ("truncated.xmi", "[well-formed]"),
    ])
    func badInput(file: String, message: String) throws {
        let path = Corpora.fixtures + "/xmi/" + file
        do {
            _ = try XMIImporter.importFile(path)
            Issue.record("\(file) imported")
        } catch {
            #expect(error.diagnostic.location.path == path)
            #expect(error.diagnostic.location.line == 1)
            #expect(error.description.contains(message))
        }
    }
}

extension XMITests {
    @Test("all 1,927 ARCT Room for Debate comments import with their 4,294 premises, with no annotation left unmapped", .enabled(if: Shared.isPresent, Shared.skipReason))
    func arct() throws {
        let output = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try ArgmarkProcess.run(["import", "--from", "xmi", Corpora.arct, "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("\(Corpora.arct): 1927 documents, 4294 units (claim 4294; source labels: Premise 4294), 0 relations ()\n"), "\(result.standardOutput)")
    }

    @Test("the web discourse corpus through the command: its counts, and its 98 pathos components counted as unmapped", .enabled(if: Shared.isPresent, Shared.skipReason))
    func webDiscourseCommand() throws {
        let output = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try ArgmarkProcess.run(["import", "--from", "xmi", Corpora.xmi, "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("340 documents, 1221 units"))
        #expect(result.standardOutput.contains("869 relations"))
        #expect(result.standardOutput.contains("98 annotations mapped to no unit type (kept as properties)"))
    }
}

/// XMI of any type system, through a mapping file; and argmark's own XMI back.
@Suite("XMI mapping and argmark's own XMI")
struct XMIMappingTests {
    static let folder = Corpora.fixtures + "/xmi-custom"

    @Test("an INCEpTION custom-layer XMI matching nothing is an error naming the types found (exit 1); with --mapping it imports, and unmapped annotations are kept and counted")
    func mapping() throws {
        let output = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let refused = try ArgmarkProcess.run(["import", "--from", "xmi", Self.folder, "-o", output + "/a"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("inception-custom.xmi:2: error: none of the 6 annotations matches a unit or relation type (found webanno.custom.ArgumentComponent (3), webanno.custom.ArgumentLink (2), webanno.custom.Sentiment (1)); pass --mapping FILE"), "\(refused.standardError)")
        let result = try ArgmarkProcess.run(["import", "--from", "xmi", "--mapping", Self.folder + "/mapping.tsv", Self.folder, "-o", output + "/b"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("1 document, 3 units (claim 1, counterclaim 1, position 1; source labels: Attack 1, MajorClaim 1, Premise 1), 2 relations (attacks 1, supports 1"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("1 annotation mapped to no unit type (kept as properties)"))
        let article = try ArticleLoader.load(output + "/b/uniforms-1.xml").article
        #expect(article.units.map(\.quote) == ["School uniforms should be mandatory.", "They reduce bullying.", "Not really."])
        #expect(article.unit("u4")?.note == "confidence=high")
        #expect(article.relations.map { "\($0.type.rawValue) \($0.from) \($0.to)" } == ["supports u4 u3", "attacks u5 u4"])
        #expect(article.metadata.properties.contains(MetadataProperty(name: "webanno.custom.Sentiment 6", value: "37-58; polarity=negative")))
    }

    @Test("mapping files: errors name the line", arguments: [
        ("webanno.custom.X\n", 1, "found 1 field"),
        ("# c\nwebanno.custom.X\tpremise\n", 2, "\"premise\" is neither a unit type"),
        ("webanno.custom.X@label\tclaim\n", 1, "@FEATURE=VALUE"),
        ("webanno.custom.X\tclaim\tGovernor\tDependent\n", 1, "a unit rule has two fields"),
    ])
    func badMapping(text: String, line: Int, message: String) throws {
        do {
            _ = try XMIMapping.parse(text, path: "m.tsv")
            Issue.record("parsed")
        } catch {
            #expect(error.diagnostic.location.line == line)
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("the seeds go argmark → XMI → argmark unchanged (units with speaker, stance, target, proposition; relations with undercuts; metadata)")
    func roundTrip() throws {
        let output = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let seeds = Corpora.packageRoot.appendingPathComponent("Annotations").path
        let export = try ArgmarkProcess.run(["export", "--to", "xmi", seeds, "-o", output + "/xmi"])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(!export.standardError.contains("warning"), "\(export.standardError)")
        let back = try ArgmarkProcess.run(["import", "--from", "xmi", output + "/xmi", "-o", output + "/back"])
        #expect(back.status == 0, "\(back.standardError)")
        let (originals, _) = ArticleLoader.loadAll([seeds])
        for original in originals {
            let again = try ArticleLoader.load(output + "/back/" + FileSystem.baseName(of: original.path))
            #expect(again.isValid)
            #expect(again.article == original.article, "\(original.path)")
        }
    }
}
