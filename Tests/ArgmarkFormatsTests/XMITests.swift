import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
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
