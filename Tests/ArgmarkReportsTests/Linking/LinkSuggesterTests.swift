import ArgmarkCore
@testable import ArgmarkReports
import Testing

@Suite struct LinkSuggesterTests {
    static func graph(_ id: String, _ quotes: [String]) -> ArgumentGraph {
        ArgumentGraph(Article(id: id, text: "", units: quotes.enumerated().map { index, quote in
            ArgumentUnit(id: UnitID("u\(index + 1)"), type: .claim, span: nil, quote: quote)
        }))
    }

    @Test func wordsFoldCaseQuotesApostrophesAndInflections() {
        #expect(LinkSuggester.contentWords("Survivors’ voices ISN'T “hypocritical”") == ["survivor", "voic", "isnt", "hypocritical"].filter { !LinkSuggester.stopWords.contains($0) })
        #expect(LinkSuggester.contentWords("saves saved saving") == ["sav", "sav", "sav"])
        #expect(LinkSuggester.contentWords("stories studies") == ["story", "study"])
        #expect(LinkSuggester.contentWords("There is no model survivor") == ["no", "model", "survivor"])
        #expect(LinkSuggester.contentWords("the of and to") == [])
    }

    @Test func suggestsParaphrasesAcrossSourcesOnly() {
        let graphs = [
            Self.graph("a", ["Protected bike lanes save lives on busy streets.", "Parking fees fund the library."]),
            Self.graph("b", ["Separated bike lanes saved lives on our streets.", "Protected bike lanes save lives on busy streets, too."]),
            Self.graph("c", ["The library needs parking fees to keep its doors open."]),
        ]
        let candidates = LinkSuggester.suggest(graphs, options: LinkSuggester.Options(threshold: 0.2))
        #expect(!candidates.isEmpty)
        for candidate in candidates { #expect(candidate.a.source != candidate.b.source, "never within one source") }
        #expect(candidates.first.map { [$0.a.source, $0.b.source] } == [0, 1])
        #expect(candidates.contains { $0.a == UnitReference(source: 0, unit: "u2") && $0.b == UnitReference(source: 2, unit: "u1") })
        #expect(candidates.map(\.score) == candidates.map(\.score).sorted(by: >))
        #expect(LinkSuggester.suggest(graphs, options: LinkSuggester.Options(threshold: 0.2)) == candidates, "deterministic")
    }

    @Test func negationsAloneDoNotLinkAndLinkedPairsAreSkipped() {
        var linked = Self.graph("a", ["No, not at all.", "Bike lanes save lives."]).article
        linked.units[1].proposition = "lanes"
        var other = Self.graph("b", ["Absolutely not, no.", "Bike lanes save lives."]).article
        other.units[1].proposition = "lanes"
        let graphs = [ArgumentGraph(linked), ArgumentGraph(other)]
        let options = LinkSuggester.Options(threshold: 0.1)
        #expect(LinkSuggester.suggest(graphs, options: options).isEmpty, "negations only, and an already linked pair")
        let all = LinkSuggester.suggest(graphs, options: options, skipLinked: false)
        #expect(all.count == 1)
        let evaluation = LinkSuggester.evaluate(all, graphs)
        #expect(evaluation.referencePairs == 1 && evaluation.found == 1 && evaluation.recall == 1 && evaluation.precision == 1)
    }

    @Test func theSuggestionFileRoundTripsAndKeepsDecisions() throws {
        let entry = LinkSuggestionFile.Entry(id: "", status: .suggested, score: 0.5, fileA: "a.xml", unitA: "u1", fileB: "b.xml", unitB: "u2",
                                             words: ["bike", "lane"], quoteA: "tab\there", quoteB: "line\nbreak \\ slash")
        var file = LinkSuggestionFile()
        #expect(file.merge([entry]).map(\.id) == ["L1"])
        file.entries[0].status = .rejected
        let parsed = try LinkSuggestionFile.parse(file.rendered())
        #expect(parsed == file)
        var again = parsed
        #expect(again.merge([entry]).isEmpty, "a decided pair is not added again")
        #expect(again.entries.map(\.status) == [.rejected])
        #expect(LinkSuggestionFile.propositionID(for: "There is no model survivor", taken: ["no-model-survivor"]) == "no-model-survivor-2")
    }
}
