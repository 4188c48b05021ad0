import ArgmarkCore
@testable import ArgmarkFormats
import Testing

@Suite("brat standoff")
struct BratTests {
    static let good = Corpora.fixtures + "/brat/good/schulpflicht.ann"

    @Test("spans, discontinuous spans, relations, attributes and notes import into a valid article")
    func importFixture() throws {
        let article = try BratImporter.importFile(Self.good)
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.id == "schulpflicht")
        #expect(article.units.map(\.type) == [.position, .claim, .counterclaim, .rebuttal, .evidence])
        #expect(article.units.map(\.sourceLabel) == ["MajorClaim", "Premise", "Counterclaim", "Rebuttal", "Evidence"])
        let premise = try #require(article.unit("T2"))
        // Offsets are code points: the emoji before it counts one.
        #expect(premise.fragments == [Span(start: 32, end: 50), Span(start: 65, end: 85)])
        #expect(premise.quote == "Kinder lernen dort, so heißt es, soziale Fähigkeiten.")
        #expect(premise.note == "two pieces around the hedge")
        #expect(article.unit("T5")?.quote == "日本の研究もそうだ。")
        #expect(article.relations.map(\.type) == [.supports, .attacks, .rebuts, .supports])
        #expect(article.metadata.properties.contains(MetadataProperty(name: "brat:A1", value: "Stance T1 For")))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "brat:A3", value: "Confident T2")))
    }

    /// An .ann file as a set of normalised lines: note ids are free, everything else must match.
    static func structure(_ annotations: String) -> [String] {
        annotations.split(separator: "\n").map { line in
            line.hasPrefix("#") ? String(line.drop { $0 != "\t" }) : String(line)
        }.sorted()
    }

    @Test("brat → argmark → brat gives back the same text and the same annotations")
    func roundTrip() throws {
        let article = try BratImporter.importFile(Self.good)
        let files = try BratExporter.export(article, path: "schulpflicht.xml")
        #expect(files.map(\.name) == ["schulpflicht.txt", "schulpflicht.ann"])
        #expect(files[0].bytes == (try FileSystem.read(Corpora.fixtures + "/brat/good/schulpflicht.txt")))
        let original = String(decoding: try FileSystem.read(Self.good), as: UTF8.self)
        #expect(Self.structure(String(decoding: files[1].bytes, as: UTF8.self)) == Self.structure(original))
        // And the argmark side survives a second trip unchanged.
        let again = try BratImporter.article(text: article.text, annotations: String(decoding: files[1].bytes, as: UTF8.self), path: "x.ann", id: article.id)
        #expect(again.units == article.units)
        #expect(again.relations == article.relations)
    }

    @Test("a native argmark article exports with its types as labels; implicit units are refused")
    func exportNative() throws {
        var article = Article(id: "n", text: "Yes. No.", units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 4), quote: "Yes."),
            ArgumentUnit(id: "u2", type: .counterclaim, span: Span(start: 5, end: 8), quote: "No."),
        ], relations: [Relation(id: "r1", type: .attacks, from: "u2", to: .unit("u1"))])
        let files = try BratExporter.export(article, path: "n.xml")
        #expect(String(decoding: files[1].bytes, as: UTF8.self) == "T1\tPosition 0 4\tYes.\nT2\tCounterclaim 5 8\tNo.\nR1\tattacks Arg1:T2 Arg2:T1\n")
        article.units.append(ArgumentUnit(id: "u3", type: .claim, span: nil, quote: "maybe"))
        #expect(throws: FormatError.self) { try BratExporter.export(article, path: "n.xml") }
    }

    @Test("bad .ann files name the line and the fix", arguments: [
        ("offset-past-text.ann", 5, "past the end of the text"),
        ("missing-span.ann", 9, "T9, which is not a span"),
    ])
    func badInput(file: String, line: Int, message: String) throws {
        let path = Corpora.fixtures + "/brat/bad/" + file
        do {
            _ = try BratImporter.importFile(path)
            Issue.record("\(file) imported")
        } catch {
            #expect(error.diagnostic.location == SourceLocation(path: path, line: line))
            #expect(error.description.contains(message))
            #expect(error.description.hasPrefix("\(path):\(line): error: "))
        }
    }
}
