import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Testing

@Suite("Argdown export")
struct ArgdownTests {
    @Test("micro_b001: statements per unit, relations under their source, the undercut relation as an argument")
    func microtext() throws {
        let article = try MicrotextsImporter.importFile(Corpora.sampleMicrotextsEnglish + "/micro_b001.xml")
        let document = ArgdownExporter.document(for: article)
        #expect(document.contains("\n\n[a2]: Three different bin bags stink away in the kitchen and have to be sorted into different wheelie bins. #counterclaim\n  +> [a1]\n\n"))
        #expect(document.contains("\n\n[a3]: But still Germany produces way too much rubbish #rebuttal\n  _> <c1>\n\n"))
        #expect(document.contains("\n\n<c1>\n\n(1) [a1]\n----\n(2) [c1-conclusion]: It is not the case that @[a5].\n  -> [a5]\n"))
        // c1 is drawn as the argument, not a second time as a plain line under a1.
        #expect(!document.contains("[a1]: Yes, it's annoying and cumbersome to separate your rubbish properly all the time. #counterclaim\n  ->"))
    }

    @Test("every shared microtext exports with one statement per unit and one line or argument per relation", .enabled(if: Shared.isPresent, Shared.skipReason))
    func wholeCorpus() throws {
        try expectOneStatementPerUnit(Corpora.files(in: Corpora.microtextsPart2, ending: ".xml"))
    }

    @Test("the sample microtexts export with one statement per unit and one line or argument per relation")
    func samples() throws {
        let paths = Corpora.files(in: Corpora.sampleMicrotextsPart2, ending: ".xml") + Corpora.files(in: Corpora.sampleMicrotextsEnglish, ending: ".xml")
        #expect(paths.count == 5)
        try expectOneStatementPerUnit(paths)
    }

    func expectOneStatementPerUnit(_ paths: [String]) throws {
        for path in paths {
            let article = try MicrotextsImporter.importFile(path)
            let document = ArgdownExporter.document(for: article)
            for unit in article.units {
                #expect(document.components(separatedBy: "\n[\(unit.id)]: ").count == 2, "\(path) \(unit.id)")
            }
            let relationLines = document.split(separator: "\n").count { $0.hasPrefix("  +> ") || $0.hasPrefix("  -> ") || $0.hasPrefix("  _> ") }
            let arguments = Set(article.relations.compactMap { relation -> RelationID? in
                if case .relation(let target) = relation.to { return target }
                return nil
            })
            // Plain relations give one line each; an undercut argument adds one for an attack conclusion.
            let attackArguments = article.relations.count { arguments.contains($0.id) && $0.type != .supports }
            #expect(relationLines == article.relations.count - arguments.count + attackArguments, "\(path)")
        }
    }

    @Test("Argdown syntax in quotes is escaped; restates becomes a comment")
    func escaping() {
        let article = Article(id: "x", text: "#MeToo [is] <here> a_b. Same.", units: [
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 24), quote: "#MeToo [is] <here> a_b."),
            ArgumentUnit(id: "u2", type: .claim, span: Span(start: 25, end: 30), quote: "Same."),
        ], relations: [Relation(id: "r1", type: .restates, from: "u2", to: .unit("u1"))])
        let document = ArgdownExporter.document(for: article)
        #expect(document.contains("[u1]: \\#MeToo \\[is\\] \\<here\\> a\\_b. #claim\n"))
        #expect(document.contains("[u2]: Same. #claim {restates: [\"u1\"]}\n  <!-- restates [u1] (relation r1) -->\n"))
    }
}
