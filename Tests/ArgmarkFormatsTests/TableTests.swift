import ArgmarkCore
@testable import ArgmarkFormats
import Foundation
import Testing

@Suite("CSV, JSONL and CoNLL exports")
struct TableTests {
    static let article = Article(id: "t", metadata: ArticleMetadata(title: "A, \"quoted\" title", outlet: "Daily"), text: "Uniforms help. They don't, say \"critics\".\nNew line here.",
                                 speakers: [Speaker(id: "critics", name: "critics, all of them")],
                                 units: [
                                     ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 14), quote: "Uniforms help.", stance: .favor, target: "uniforms"),
                                     ArgumentUnit(id: "u2", type: .counterclaim, span: Span(start: 15, end: 41), quote: "They don't, say \"critics\".", speaker: "critics"),
                                     ArgumentUnit(id: "u3", type: .claim, span: Span(start: 20, end: 25), quote: "don't"),
                                     ArgumentUnit(id: "u4", type: .claim, span: nil, quote: "an implicit premise"),
                                 ],
                                 relations: [Relation(id: "r1", type: .attacks, from: "u2", to: .unit("u1"))])
    static let corpus = Corpus(targets: [StanceTarget(id: "uniforms", name: "school uniforms")])

    @Test("CSV fields with commas, quotes and line breaks are quoted (RFC 4180); every unit row carries its article's metadata, speaker name and target name")
    func csv() throws {
        let files = TableExporter.export([ExportInput(article: Self.article, path: "t.xml", corpus: Self.corpus)])
        #expect(files.map(\.name) == ["articles.csv", "units.csv", "relations.csv", "articles.jsonl"])
        let units = String(decoding: files[1].bytes, as: UTF8.self)
        let rows = units.components(separatedBy: "\r\n")
        #expect(rows[0] == TableExporter.unitColumns.map(\.name).joined(separator: ","))
        #expect(rows[1] == "t,\"A, \"\"quoted\"\" title\",Daily,,,,,u1,position,0,14,,false,Uniforms help.,,,,favor,uniforms,school uniforms,,,gold,,,,")
        #expect(rows[2].contains(",u2,counterclaim,15,41,,false,\"They don't, say \"\"critics\"\".\",critics,\"critics, all of them\","))
        #expect(rows[4].contains(",u4,claim,,,,true,an implicit premise,"))
        let articles = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(articles.hasSuffix(",\"Uniforms help. They don't, say \"\"critics\"\".\nNew line here.\"\r\n"))
        let relations = String(decoding: files[2].bytes, as: UTF8.self)
        #expect(relations.contains("\r\nt,Daily,r1,attacks,u2,counterclaim,unit,u1,position,,,\r\n"))
    }

    @Test("JSONL: one line per article, which JSON reads back with the text and code point offsets")
    func jsonl() throws {
        let files = TableExporter.export([ExportInput(article: Self.article, path: "t.xml", corpus: Self.corpus), ExportInput(article: Article(id: "empty", text: ""), path: "e.xml")])
        let lines = String(decoding: files[3].bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(record["text"] as? String == Self.article.text)
        let units = try #require(record["units"] as? [[String: Any]])
        #expect(Set(units.compactMap { $0["id"] as? String }) == ["u1", "u2", "u3", "u4"])
        #expect(units.count == 4)
        #expect(units.first { $0["id"] as? String == "u1" }?["target_name"] as? String == "school uniforms")
        #expect(units.first { $0["id"] as? String == "u4" }?["start"] is NSNull)
    }

    @Test("CoNLL: a sentence per block, BIO tags by unit type; the shorter of two overlapping units wins its tokens; losses are named")
    func conll() throws {
        let (file, losses) = CoNLLExporter.export([ExportInput(article: Self.article, path: "t.xml")])
        let text = String(decoding: file.bytes, as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(blocks.count == 3)
        #expect(blocks[0] == "# article = t\n# sent_id = t-1\n# offsets = 0-14\nUniforms\tB-position\nhelp\tI-position\n.\tI-position")
        #expect(blocks[1] == "# sent_id = t-2\n# offsets = 15-41\nThey\tB-counterclaim\ndon't\tB-claim\n,\tB-counterclaim\nsay\tI-counterclaim\n\"\tI-counterclaim\ncritics\tI-counterclaim\n\"\tI-counterclaim\n.\tI-counterclaim")
        #expect(blocks[2].hasSuffix("New\tO\nline\tO\nhere\tO\n.\tO"))
        let what = losses[0].losses.map(\.what)
        #expect(what.contains("implicit units (no tokens in the text)"))
        #expect(losses[0].losses.contains(ExportLoss("units overlapping a shorter unit (its tokens are tagged with the shorter one)", count: 1, ids: ["u2"])))
    }
}

extension TableTests {
    @Test("the README documents every CSV column")
    func columnsDocumented() throws {
        let readme = try String(contentsOfFile: Corpora.packageRoot.appendingPathComponent("README.md").path, encoding: .utf8)
        for column in TableExporter.articleColumns + TableExporter.unitColumns + TableExporter.relationColumns {
            #expect(readme.contains("| `\(column.name)` | \(column.meaning) |"), "\(column.name)")
        }
    }
}
