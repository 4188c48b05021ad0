import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Foundation
import Testing

@Suite("AIF JSON")
struct AIFTests {
    static let debate = Corpora.fixtures + "/aif/debate.json"

    @Test("I-nodes become units over a text made of them; RA, CA, MA become relations; a CA on an RA undercuts it")
    func importMap() throws {
        let article = try AIFImporter.importFile(Self.debate)
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.units.map(\.sourceID) == ["1", "2", "3", "5", "7", "11"])
        #expect(article.text.hasPrefix("Britain should disarm\n\nNuclear weapons cost £100bn\n\n"))
        #expect(article.unit("i2")?.span == Span(start: 23, end: 50))
        #expect(article.unit("i1")?.speaker == "p1")
        #expect(article.speakers == [Speaker(id: "p1", name: "Rebecca Lüthi")])
        let summary = article.relations.map { "\($0.id) \($0.type.rawValue) \($0.from) \($0.to)" }
        #expect(summary == ["ra4-1 supports i2 i1", "ra4-2 supports i3 i1", "ca6 attacks i5 i1", "ma12 restates i11 i1", "ca8 undercuts i7 ra4-1"])
    }

    /// Relations as `type: from-quote → to` with quotes, so ids do not matter.
    static func graph(_ article: Article) -> [String] {
        article.relations.map { relation in
            let target: String
            switch relation.to {
            case .unit(let unit): target = article.unit(unit)!.quote
            case .relation(let other): target = "(" + article.unit(article.relation(other)!.from)!.quote + ")"
            }
            return "\(relation.type.rawValue): \(article.unit(relation.from)!.quote) → \(target)"
        }.sorted()
    }

    @Test("AIF → argmark → AIF → argmark keeps the propositions, the speaker and the graph")
    func roundTrip() throws {
        let article = try AIFImporter.importFile(Self.debate)
        let files = try AIFExporter.export(article, path: "debate.xml")
        #expect(files.map(\.name) == ["debate.json"])
        let again = try AIFImporter.article(from: try JSONReader.parse(files[0].bytes), path: "debate.json", id: "debate")
        #expect(try Corpora.validationErrors(of: again) == [])
        #expect(again.units.map(\.quote).sorted() == article.units.map(\.quote).sorted())
        #expect(Self.graph(again) == Self.graph(article))
        #expect(again.units.first { $0.quote == "Britain should disarm" }?.speaker != nil)
        // Deterministic: the same article gives the same bytes.
        #expect(try AIFExporter.export(article, path: "debate.xml") == files)
    }

    @Test("bad AIF files name the line", arguments: [
        ("dangling-edge.json", 23, "dangling"), ("truncated.json", 6, "truncated"),
    ])
    func badInput(file: String, line: Int, message: String) throws {
        let path = Corpora.fixtures + "/aif/" + file
        do {
            _ = try AIFImporter.importFile(path)
            Issue.record("\(file) imported")
        } catch {
            #expect(error.diagnostic.location == SourceLocation(path: path, line: line))
            #expect(error.description.contains(message))
        }
    }
}

/// Linked premises, undercuts of undercuts, xAIF, speakers named by L-nodes, and --keep-going.
@Suite("AIF: linked premises, xAIF, tolerant import")
struct AIFTolerantTests {
    static let broken = Corpora.fixtures + "/aif-broken"

    static func schemeNodes(_ file: ExportedFile) throws -> [(id: String, type: String, premises: Int)] {
        let root = try JSONReader.parse(file.bytes)
        let edges = root["edges"]?.array ?? []
        let nodes = root["nodes"]?.array ?? []
        let informationNodes = Set(nodes.filter { $0["type"]?.text == "I" }.compactMap { $0["nodeID"]?.text })
        return nodes.compactMap { node in
            guard let id = node["nodeID"]?.text, let type = node["type"]?.text, ["RA", "CA", "MA"].contains(type) else { return nil }
            return (id, type, edges.count { $0["toID"]?.text == id && informationNodes.contains($0["fromID"]?.text ?? "") })
        }
    }

    @Test("linked premises come back as one scheme node with several premises (not one node per premise)")
    func linkedPremises() throws {
        let article = try AIFImporter.importFile(AIFTests.debate)
        let files = try AIFExporter.export(article, path: "debate.xml")
        let schemes = try Self.schemeNodes(files[0])
        #expect(schemes.map(\.type) == ["RA", "CA", "MA", "CA"])
        #expect(schemes[0].premises == 2)
        let again = try AIFImporter.article(from: try JSONReader.parse(files[0].bytes), path: "x.json", id: article.id)
        #expect(again.relations.count == article.relations.count)
        #expect(again.relations.filter { $0.type == .supports }.map { again.unit($0.from)?.quote } == ["Nuclear weapons cost £100bn", "The money is needed for hospitals"])
    }

    @Test("xAIF is read; a CA on a CA is an undercut of an undercut, and it round-trips; an L-node 'Name : words' names the speaker")
    func xaifAndUndercutOfUndercut() throws {
        let document = try AIFImporter.importDocument(Self.broken + "/xaif.json")
        let article = document.article
        #expect(article.relations.map { "\($0.id) \($0.type.rawValue) \($0.from) \($0.to)" } == ["ra5 supports i2 i1", "ca6 undercuts i3 ra5", "ca7 undercuts i4 ca6"])
        #expect(article.speakers == [Speaker(id: "mia", name: "Mia")])
        #expect(article.unit("i1")?.speaker == "mia")
        #expect(try Corpora.validationErrors(of: article) == [])
        let files = try AIFExporter.export(article, path: "xaif.xml")
        let again = try AIFImporter.article(from: try JSONReader.parse(files[0].bytes), path: "x.json", id: article.id)
        #expect(again.relations.map { "\($0.type.rawValue) \($0.from) \($0.to)" }.count == 3)
        #expect(again.relations.filter { $0.type == .undercuts }.count == 2)
        let undercutOfUndercut = try #require(again.relations.first { relation in
            guard case .relation(let target) = relation.to else { return false }
            return again.relation(target)?.type == .undercuts
        })
        #expect(undercutOfUndercut.from == again.units.first { $0.quote == "Footfall rises without cars" }?.id)
    }

    @Test("a folder of broken maps: without --keep-going nothing is written; with it, each dropped element is named and the rest imports")
    func keepGoing() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try ArgmarkProcess.run(["import", "--from", "aif", Self.broken, "-o", folder + "/a"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("malformed.json:4: error: RA-node 3 points to L-node 5"), "\(refused.standardError)")
        let result = try ArgmarkProcess.run(["import", "--from", "aif", "--keep-going", Self.broken, "-o", folder + "/b"])
        #expect(result.status == 1)
        for message in [
            "loops.json: warning: dropped relation ra3 (RA 3 in the source): relation ra3 points from i1 to itself [self-relation]",
            "loops.json: warning: dropped relation ra5 (RA 5 in the source): supports relations form a cycle: i1 → i2 → i1 [support-cycle]",
            "malformed.json:4: warning: dropped the edge from RA-node 3 to 5:",
            "malformed.json:5: warning: dropped malformed scheme node: RA-node 4 needs an incoming edge from an I-node and an outgoing edge; it has 0 and 1",
            "dropped 4 elements argmark cannot represent",
        ] {
            #expect(result.standardError.contains(message), "\(message)\n\(result.standardError)")
        }
        #expect(result.standardOutput.contains("3 documents, 8 units"), "\(result.standardOutput)")
        #expect(Corpora.contents(of: folder + "/b") == ["loops.xml", "malformed.xml", "xaif.xml"])
        #expect(try ArgmarkProcess.run(["validate", folder + "/b"]).status == 0)
    }
}
