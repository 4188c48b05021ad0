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
        #expect(LinkSuggester.contentWords("accused accuser accusers") == ["accus", "accus", "accus"])
        #expect(LinkSuggester.contentWords("harassment harassments harassed") == ["harass", "harass", "harass"])
        #expect(LinkSuggester.contentWords("moment moments power powers") == ["moment", "moment", "power", "power"], "short words keep -ment and -er")
    }

    /// Two hundred unrelated units, so that word weights are those of a corpus, not of four sentences.
    static let filler = (1...200).map { "Report \($0) covers district \($0)." }

    @Test func twoWordsWrittenAsOneElsewhereCountAsThatWord() {
        let graphs = [
            Self.graph("a", ["you never have to say #MeToo", "Bike lanes save lives."] + Self.filler),
            Self.graph("b", ["my children will never have to say, ‘Me Too’", "Parking fees fund the library."]),
        ]
        let candidates = LinkSuggester.suggest(graphs)
        #expect(candidates.count == 1)
        #expect(candidates.first.map { [$0.a, $0.b] } == [UnitReference(source: 0, unit: "u1"), UnitReference(source: 1, unit: "u1")])
        #expect(candidates.first?.sharedWords.contains("metoo") == true, "“Me Too” is the word #MeToo; “me” and “too” alone are function words")
    }

    @Test func shortUnitsOfCommonWordsAreDamped() {
        let common = (1...20).map { "In city \($0) the movement grew." }
        let graphs = [
            Self.graph("a", ["This is what the movement is about.", "Protected bike lanes save lives on busy streets."] + common + Self.filler),
            Self.graph("b", ["The movement is fragile.", "Separated bike lanes saved lives on our streets."]),
        ]
        func score(_ unit: UnitID, _ options: LinkSuggester.Options) -> Double? {
            LinkSuggester.suggest(graphs, options: options).first { $0.a.unit == unit && $0.b.unit == unit && $0.a.source == 0 }?.score
        }
        var undamped = LinkSuggester.Options(threshold: 0)
        undamped.lengthDamping = 0
        let damped = LinkSuggester.Options(threshold: 0)
        let shortUndamped = score("u1", undamped) ?? 0, shortDamped = score("u1", damped) ?? 0
        let longUndamped = score("u2", undamped) ?? 0, longDamped = score("u2", damped) ?? 0
        #expect(shortUndamped >= LinkSuggester.Options().threshold, "one shared common word scores high undamped: \(shortUndamped)")
        #expect(shortDamped < LinkSuggester.Options().threshold, "and below the threshold damped: \(shortDamped)")
        #expect(longDamped >= LinkSuggester.Options().threshold && longUndamped - longDamped < shortUndamped - shortDamped,
                "a paraphrase of rarer words stays: \(longUndamped) -> \(longDamped)")
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
