import ArgmarkCore
@testable import ArgmarkReports
import Testing

@Suite struct SharedTextTests {
    func pair(_ report: ComparisonReport, _ a: String, _ b: String) -> SourcePairOverlap? {
        let first = Fixtures.sourceIndex(report, a), second = Fixtures.sourceIndex(report, b)
        return report.sharedText.pairs.first { $0.a == first && $0.b == second }
    }

    @Test func seed001ReproducesLongPassagesOfSeed000() throws {
        let report = Fixtures.report(Fixtures.seeds)
        let copy = try #require(pair(report, "seed-000", "seed-001"))
        #expect(copy.passages.count >= 3)
        #expect(copy.longestPassageWords >= 40)
        #expect(copy.sharedWordsB >= 100, "about a quarter of 001 is 000's text")
        for passage in copy.passages {
            #expect(passage.similarity == 1)
            #expect(passage.a.text.unicodeScalars.count > 100)
        }
        // The passage Milano ends on, reproduced by 001 despite different quote marks around it.
        #expect(copy.passages.contains { $0.a.text.hasPrefix("Let me be clear: nothing can or will ever invalidate #MeToo") && $0.matchedWords >= 40 })
        #expect(copy.passages.contains { $0.a.text.contains("isn’t just a bad or “hot” take") && $0.b.text.contains("isn’t just a bad or ‘hot’ take") })
    }

    @Test func seeds000And002BothQuoteBurke() throws {
        let report = Fixtures.report(Fixtures.seeds)
        let burke = try #require(pair(report, "seed-000", "seed-002"))
        let passage = try #require(burke.passages.first { $0.a.text.contains("there is no model survivor") })
        #expect(passage.b.text.contains("there is no model survivor"))
        #expect(passage.matchedWords >= 25)
        #expect(passage.propositions == ["no-model-survivor"])
        #expect(passage.a.units == ["u1"])
        #expect(passage.b.units == ["u1"])
        // Offsets are code points: the text at the offsets is the passage.
        let text = CodePointText(report.sources[passage.b.source].article.text)
        #expect(text[passage.b.span] == passage.b.text)
        #expect(CodePointText(report.sources[passage.a.source].article.text)[passage.a.span] == passage.a.text)
        #expect(passage.a.text.hasSuffix("individual behavior"))
        #expect(pair(report, "seed-001", "seed-002") == nil, "001 does not quote Burke")
    }

    @Test func passagesLinkDeclaredPropositions() throws {
        let report = Fixtures.report(Fixtures.small)
        let radio = try #require(pair(report, "a-gazette", "b-radio"))
        #expect(radio.passages.count == 1)
        #expect(radio.passages[0].propositions == ["lanes-save-lives"])
        #expect(radio.passages[0].a.units == ["a2", "a3"])
        let quote = try #require(pair(report, "b-radio", "c-merchants"))
        #expect(quote.passages.map(\.matchedWords) == [17, 10])
        #expect(quote.passages[1].propositions == ["shops-lose"])
        #expect(quote.passages[1].a.text == "Removing parking will drive our customers away from Main Street")
    }

    /// What the finder is given of each text (``SourceFacts/sharedText``).
    func sources(_ texts: [String]) -> [SharedTextSource] {
        texts.enumerated().map { SourceFacts(source: $0.offset, graph: ArgumentGraph(Article(id: "t\($0.offset)", text: $0.element))).sharedText }
    }

    @Test func normalisationIgnoresCaseQuotesPunctuationAndApostrophes() {
        let input = sources([
            "Intro. “Don’t stop believing,” she said — HOLD on to that feeling, streetlight people!",
            "intro: 'don't STOP believing' she said... hold on to that feeling; streetlight people",
        ])
        let found = SharedTextFinder.find(in: input, options: SharedTextOptions())
        #expect(found.pairs.count == 1)
        #expect(found.pairs.first?.passages.first?.matchedWords == 13)
        #expect(found.pairs.first?.passages.first?.similarity == 1)
    }

    @Test func shortOverlapsAreNotReported() {
        let input = sources(["the quick brown fox jumps high", "a quick brown fox jumps low"])
        let found = SharedTextFinder.find(in: input, options: SharedTextOptions())
        #expect(found.pairs.isEmpty)
    }

    @Test func boilerplateSharedByTooManySourcesIsSkipped() {
        let footer = "subscribe to our newsletter to receive our content in your inbox every month"
        let texts = (0..<5).map { "Story number \($0) is unique: alpha\($0) beta\($0) gamma\($0) delta\($0). " + footer }
        let input = sources(texts)
        let capped = SharedTextFinder.find(in: input, options: SharedTextOptions(maximumSourcesPerShingle: 4))
        #expect(capped.pairs.isEmpty)
        #expect(capped.commonShinglesSkipped > 0)
        let uncapped = SharedTextFinder.find(in: input, options: SharedTextOptions(maximumSourcesPerShingle: 5))
        #expect(uncapped.pairs.count == 10)
    }

    /// Texts on one prompt share passages pairwise; the findings must stay bounded all the same.
    @Test func partnerAndPairLimitsBoundTheFindings() {
        let quoted = "the quick brown fox jumps over the lazy dog near the river bank today"
        // Twelve sources share the quote; the longer a source's copy, the stronger its pairs.
        let texts = (0..<12).map { index in
            "Essay \(index) begins uniquely with word\(index) and more\(index). " + quoted + (index.isMultiple(of: 2) ? " and then it swims across the cold water" : "")
        }
        let input = sources(texts)
        let unlimited = SharedTextFinder.find(in: input, options: SharedTextOptions())
        #expect(unlimited.pairs.count == 66)
        #expect(unlimited.pairsOmitted == 0)

        let limited = SharedTextFinder.find(in: input,
                                            options: SharedTextOptions(maximumPartnersPerSource: 3, maximumPairs: 10))
        #expect(limited.pairs.count == 10)
        #expect(limited.pairsOmitted == 66 - 10)
        // The pairs kept are the strongest: both sides carry the longer (even-numbered) copy.
        #expect(limited.pairs.allSatisfy { $0.a.isMultiple(of: 2) && $0.b.isMultiple(of: 2) })
        let partners = Dictionary(grouping: limited.pairs, by: \.a).mapValues(\.count)
        #expect(partners.values.allSatisfy { $0 <= 3 })
        // Sorted by source indexes, as before.
        #expect(limited.pairs.map { [$0.a, $0.b] } == limited.pairs.map { [$0.a, $0.b] }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Rare shingles are matched first; a tight budget stops before the common ones.
    @Test func workBudgetAdmitsRareShinglesFirst() {
        let common = "a phrase that every single one of these essays repeats word for word"
        let rare = "only the first two essays share this particular sentence about the sea"
        let texts = (0..<6).map { index in "Essay \(index) opens with alpha\(index). " + common + ". " + (index < 2 ? rare : "unrelated words number \(index)") }
        let input = sources(texts)
        let generous = SharedTextFinder.find(in: input, options: SharedTextOptions())
        #expect(generous.effectiveMaximumSourcesPerShingle == 25)
        #expect(generous.pairs.count == 15)
        // Six sources sharing a shingle are 15 pairs of sources; a budget of 10 stops below them.
        let tight = SharedTextFinder.find(in: input,
                                          options: SharedTextOptions(pairBudgetPerSource: 1, minimumPairBudget: 10))
        #expect(tight.effectiveMaximumSourcesPerShingle < 6)
        #expect(tight.pairs.map { [$0.a, $0.b] } == [[0, 1]])
        #expect(tight.pairs.first?.passages.first?.b.text.contains("only the first two essays share this particular sentence about the sea") == true)
        #expect(tight.commonShinglesSkipped > 0)
    }

    @Test func smallInsertionsDoNotSplitAPassage() {
        let input = sources([
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
            "one two three four five six seven INSERTED eight nine ten eleven twelve thirteen fourteen",
        ])
        let found = SharedTextFinder.find(in: input, options: SharedTextOptions())
        let passages = found.pairs.first?.passages ?? []
        #expect(passages.count == 1)
        #expect(passages.first?.matchedWords == 14)
        #expect(passages.first.map { $0.similarity < 1 && $0.similarity > 0.9 } == true)
    }

    @Test func wordsCarryCodePointOffsets() {
        let words = WordSequence("é😀 Don’t—stop".unicodeScalars)
        #expect(words.count == 3)
        #expect(words.starts == [0, 3, 9])
        #expect(words.ends == [1, 8, 13])
        // A word that ends the text on an apostrophe: the look-ahead finds no following scalar.
        let trailing = WordSequence("rock’".unicodeScalars)
        #expect(trailing.starts == [0])
        #expect(trailing.ends == [4])
    }

    @Test func passageTextIsReadByCodePoints() {
        #expect(SharedTextFinder.passageText("é😀 Don’t—stop", Span(start: 3, end: 8)) == "Don’t")
        #expect(SharedTextFinder.passageText("abc", Span(start: 2, end: 9)) == "")
    }
}

@Suite struct ShingleIndexSortTests {
    @Test func radixSortOrdersByHashAndKeepsInsertionOrderWithinAHash() {
        var state: UInt64 = 99
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        // Few distinct hashes, so equal hashes are common; some differ only in high bits.
        let hashes = (0..<64).map { index in index.isMultiple(of: 3) ? next() : next() & 0xFFFF_0000_0000_0000 }
        let given = (0..<5000).map { (hash: hashes[Int(next() % 64)], location: UInt64($0)) }
        let expected = given.sorted { ($0.hash, $0.location) < ($1.hash, $1.location) }
        let entries = SharedTextFinder.sortedIndex(count: given.count) { emit in given.forEach(emit) }
        #expect(entries.map(\.hash) == expected.map(\.hash))
        #expect(entries.map(\.location) == expected.map(\.location))
    }
}
