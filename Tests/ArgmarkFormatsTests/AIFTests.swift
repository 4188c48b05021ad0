import ArgmarkCore
@testable import ArgmarkFormats
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
