import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Testing

@Suite("arg-microtexts")
struct MicrotextsTests {
    /// Totals from ../shared/corpora/README.md (per language for part 1).
    struct Totals {
        var files: Int
        var adus: [String: Int]
        var edges: [String: Int]
    }

    static let part1 = Totals(files: 112, adus: ["pro": 451, "opp": 125], edges: ["sup": 263, "reb": 108, "und": 63, "add": 21, "exa": 9])

    func importAll(_ folder: String) throws -> (articles: [Article], graphs: [Arggraph]) {
        var articles: [Article] = []
        var graphs: [Arggraph] = []
        for path in Corpora.files(in: folder, ending: ".xml") {
            graphs.append(try Arggraph.parse(FileSystem.read(path), path: path))
            articles.append(try MicrotextsImporter.importFile(path))
        }
        return (articles, graphs)
    }

    @Test("every part 1 file (en and de) imports, validates and keeps the corpus's counts", .enabled(if: Shared.isPresent, Shared.skipReason), arguments: ["en", "de"])
    func part1(language: String) throws {
        let folder = language == "en" ? Corpora.microtextsEnglish : Corpora.microtextsGerman
        let (articles, _) = try importAll(folder)
        #expect(articles.count == Self.part1.files)
        for article in articles {
            #expect(try Corpora.validationErrors(of: article) == [], "\(article.id)")
            #expect(article.metadata.language == language)
        }
        let summary = CorpusSummary(articles)
        #expect(summary.unitsBySourceLabel == Self.part1.adus)
        #expect(summary.units == 576)
        #expect(summary.relationsBySourceLabel == Self.part1.edges)
        // Every text is the .txt file of the corpus, exactly.
        for article in articles.prefix(5) {
            let txt = try FileSystem.read(folder + "/" + article.id + ".txt")
            #expect(Array(article.text.utf8) == txt)
        }
    }

    @Test("every part 2 file imports and validates; implicit edus become units without a span", .enabled(if: Shared.isPresent, Shared.skipReason))
    func part2() throws {
        let (articles, graphs) = try importAll(Corpora.microtextsPart2)
        #expect(articles.count == 171)
        for article in articles {
            #expect(try Corpora.validationErrors(of: article) == [], "\(article.id)")
        }
        let summary = CorpusSummary(articles)
        #expect(summary.units == 932)
        #expect(graphs.reduce(0) { $0 + $1.edges.count } == 1_722)
        let argumentEdges = graphs.reduce(0) { $0 + $1.edges.count { $0.type != "seg" } }
        #expect(summary.relations == argumentEdges)
        #expect(summary.implicitUnits == 34)
        let implicitEDUs = graphs.flatMap(\.edus).filter(\.isImplicit).map(\.text).sorted()
        let implicitQuotes = articles.flatMap(\.units).filter(\.isImplicit).map(\.quote).sorted()
        #expect(implicitQuotes == implicitEDUs)
        // micro_c003's central claim is split over e1 and e6: one unit with two fragments.
        let c003 = try #require(articles.first { $0.id == "micro_c003" })
        let a1 = try #require(c003.unit("a1"))
        #expect(a1.fragments.count == 2)
        // micro_c069's a2 is e2 + e4 e5: two fragments, the second spanning both adjacent EDUs.
        let c069 = try #require(articles.first { $0.id == "micro_c069" })
        #expect(c069.unit("a2")?.fragments.count == 2)
        // micro_c171's a2 is e1 e2, adjacent: one span, no fragments (the `edus` property keeps the cut).
        let c171 = try #require(articles.first { $0.id == "micro_c171" })
        let a2 = try #require(c171.unit("a2"))
        #expect(a2.fragments == [])
        #expect(a2.span?.start == 0)
    }

    @Test("the committed samples import and validate; micro_c003's split claim is one unit with two fragments")
    func samples() throws {
        let (articles, _) = try importAll(Corpora.sampleMicrotextsPart2)
        #expect(articles.map(\.id) == ["micro_c003", "micro_c069", "micro_c171"])
        for article in articles + (try importAll(Corpora.sampleMicrotextsEnglish).articles) {
            #expect(try Corpora.validationErrors(of: article) == [], "\(article.id)")
        }
        #expect(articles[0].unit("a1")?.fragments.count == 2)
        #expect(articles[1].unit("a2")?.fragments.count == 2)
        #expect(articles[2].unit("a2")?.fragments == [])
    }

    @Test("the mapping of micro_b001: opp reb → counterclaim attacks, pro und → rebuttal undercuts, add joins")
    func mappingOfOneGraph() throws {
        let article = try MicrotextsImporter.importFile(Corpora.sampleMicrotextsEnglish + "/micro_b001.xml")
        #expect(article.unit("a1")?.type == .counterclaim)
        #expect(article.unit("a5")?.type == .position)
        #expect(article.unit("a5")?.stance == .favor)
        #expect(article.unit("a5")?.target == "waste_separation")
        #expect(article.unit("a1")?.stance == nil)
        #expect(article.unit("a3")?.type == .rebuttal)
        #expect(article.unit("a4")?.type == .rebuttal)
        #expect(article.relation("c1")?.type == .attacks)
        #expect(article.relation("c3")?.to == .relation("c1"))
        #expect(article.relation("c4")?.type == .undercuts)
        #expect(article.relation("c4")?.to == .relation("c1"))
        #expect(article.relation("c4")?.sourceLabel == "add")
        #expect(article.metadata.properties.contains(MetadataProperty(name: "add:c4", value: "c3")))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "topic_id", value: "waste_separation")))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "stance", value: "pro")))
    }

    /// The structure of a graph, ignoring only the ids of seg edges (which the format leaves free).
    struct Structure: Equatable {
        var id: String
        var attributes: [String]
        var edus: [String]
        var adus: [String]
        var edges: [String]

        init(_ graph: Arggraph) {
            id = graph.id
            attributes = graph.attributes.map { "\($0.name)=\($0.value)" }
            edus = graph.edus.map { "\($0.id) \($0.isImplicit) \($0.text)" }
            var edusOfADU: [String: [String]] = [:]
            for edge in graph.edges where edge.type == "seg" { edusOfADU[edge.target, default: []].append(edge.source) }
            adus = graph.adus.map { "\($0.id) \($0.role) \((edusOfADU[$0.id] ?? []).sorted().joined(separator: "+"))" }.sorted()
            edges = graph.edges.filter { $0.type != "seg" }.map { "\($0.id) \($0.source) \($0.type) \($0.target)" }.sorted()
        }
    }

    @Test("microtexts → argmark → microtexts gives back the same text, units and graph for every shared file", .enabled(if: Shared.isPresent, Shared.skipReason))
    func roundTrip() throws {
        let paths = Corpora.files(in: Corpora.folder + "/arg-microtexts/corpus", ending: ".xml")
            + Corpora.files(in: Corpora.microtextsPart2, ending: ".xml")
        #expect(paths.count == 395)
        try expectRoundTrips(paths)
    }

    @Test("microtexts → argmark → microtexts gives back the same text, units and graph for the samples and the own fixture")
    func roundTripOfSamples() throws {
        let paths = Corpora.files(in: Corpora.samples + "/arg-microtexts/corpus", ending: ".xml")
            + Corpora.files(in: Corpora.sampleMicrotextsPart2, ending: ".xml")
        #expect(paths.count == 7)
        try expectRoundTrips(paths + [Corpora.fixtures + "/microtexts/school_uniforms.xml"])
    }

    func expectRoundTrips(_ paths: [String]) throws {
        for path in paths {
            let original = try Arggraph.parse(FileSystem.read(path), path: path)
            let article = try MicrotextsImporter.article(from: original, path: path, language: nil)
            let files = try MicrotextsExporter.export(article, path: path)
            let back = try Arggraph.parse(files[0].bytes, path: files[0].name)
            #expect(Structure(back) == Structure(original), "\(path)")
            if !path.hasSuffix("/school_uniforms.xml") {
                #expect(files[1].bytes == (try FileSystem.read(Names.sibling(of: path, replacing: ".xml", with: ".txt"))), "\(path) .txt")
            }
        }
    }

    @Test("an argmark article with no microtexts history exports to a sensible graph")
    func exportOfNativeArticle() throws {
        let text = "Taxes should rise. Schools need money. Some say taxes hurt growth. That is false."
        let article = Article(id: "native", text: text, units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 18), quote: "Taxes should rise."),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 19, end: 38), quote: "Schools need money."),
            ArgumentUnit(id: "u3", type: .counterclaim, span: Span(start: 39, end: 66), quote: "Some say taxes hurt growth."),
            ArgumentUnit(id: "u4", type: .rebuttal, span: Span(start: 67, end: 81), quote: "That is false."),
        ], relations: [
            Relation(id: "r1", type: .supports, from: "u2", to: .unit("u1")),
            Relation(id: "r2", type: .attacks, from: "u3", to: .unit("u1")),
            Relation(id: "r3", type: .rebuts, from: "u4", to: .unit("u3")),
        ])
        let graph = try MicrotextsExporter.graph(from: article, path: "native.xml")
        #expect(graph.edus.map(\.text) == ["Taxes should rise.", "Schools need money.", "Some say taxes hurt growth.", "That is false."])
        #expect(graph.adus.map(\.role) == ["pro", "pro", "opp", "pro"])
        #expect(graph.edges.filter { $0.type != "seg" }.map(\.type) == ["sup", "reb", "reb"])
        let reimported = try MicrotextsImporter.article(from: graph, path: "native.xml", language: nil)
        // Evidence has no arggraph role of its own (sup, not exa): it comes back as a claim.
        #expect(reimported.units.map(\.type) == [.position, .claim, .counterclaim, .rebuttal])
        #expect(reimported.text == text)
    }

    @Test("own fixture: DOCTYPE skipped, non-ASCII text, an implicit premise that joins an undercut with add")
    func fixture() throws {
        let article = try MicrotextsImporter.importFile(Corpora.fixtures + "/microtexts/school_uniforms.xml")
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.text.hasSuffix("a blazer costs families 80 €."))
        #expect(article.unit("a4")?.span == Span(start: 134, end: 167))
        let implicit = try #require(article.unit("a5"))
        #expect(implicit.span == nil)
        #expect(implicit.quote == "Self-expression matters more than looking equal.")
        #expect(implicit.type == .rebuttal)
        #expect(article.relation("c4")?.type == .undercuts)
        #expect(article.relation("c4")?.to == .relation("c1"))
    }

    @Test("a DOCTYPE naming arggraph.dtd is skipped without reading the DTD; one with an internal subset is refused")
    func doctype() throws {
        let withDoctype = Array("<?xml version='1.0'?>\n<!DOCTYPE arggraph SYSTEM \"arggraph.dtd\">\n<arggraph id=\"x\">\n<edu id=\"e1\">A.</edu>\n<adu id=\"a1\" type=\"pro\"/>\n<edge id=\"c1\" src=\"e1\" trg=\"a1\" type=\"seg\"/>\n</arggraph>\n".utf8)
        let graph = try Arggraph.parse(withDoctype, path: "x.xml")
        #expect(graph.adus.first?.line == 5)
        let internalSubset = Array("<?xml version='1.0'?>\n<!DOCTYPE arggraph [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<arggraph id=\"x\">&x;</arggraph>\n".utf8)
        #expect(throws: FormatError.self) { try Arggraph.parse(internalSubset, path: "x.xml") }
        do {
            _ = try Arggraph.parse(internalSubset, path: "x.xml")
        } catch {
            #expect(error.diagnostic.location.line == 2)
            #expect(error.description.contains("internal subset"))
        }
    }
}
