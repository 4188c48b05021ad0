import ArgmarkCore
@testable import ArgmarkReports
import ArgmarkTestSupport
import Testing

/// The shared-text join split by shingle hash (``ShingleRangeIndex``, ``SharedTextJoin``) finds
/// what the single-machine finder finds, whatever the number of ranges.
@Suite struct SharedTextSketchTests {
    func sources(_ texts: [String]) -> [SharedTextSource] {
        texts.enumerated().map { SourceFacts(source: $0.offset, graph: ArgumentGraph(Article(id: "t\($0.offset)", text: $0.element))).sharedText }
    }

    /// The findings of the join over `count` ranges, made as the reducers and the report make them.
    func joined(_ input: [SharedTextSource], ranges count: Int, options: SharedTextOptions) -> SharedTextFindings {
        var indexes = (0..<count).map { ShingleRangeIndex(range: ShingleRange(index: $0, count: count)!, options: options) }
        for index in indexes.indices {
            for source in input { indexes[index].add(text: source.text) }
        }
        var total = ShingleCounts(groupsBySources: [], commonGroups: 0)
        for index in indexes.indices { total = total + indexes[index].counts() }
        let admitted = total.admitted(sources: input.count, options: options)
        let matches = indexes.indices.map { indexes[$0].matches(admitted: admitted) }
        var join = SharedTextJoin(options: options)
        for source in input.indices {
            var merged: [Int: [(Int32, Int32)]] = [:]
            for range in matches {
                for (partner, found) in range[source] ?? [:] { merged[partner, default: []] += found }
            }
            if !merged.isEmpty { join.add(source: source, matches: merged) }
        }
        return join.findings(sources: { input[$0] }, commonSkipped: total.skipped(admitted: admitted), admitted: admitted)
    }

    /// Everything the report shows of the findings, as text.
    func described(_ findings: SharedTextFindings) -> [String] {
        ["skipped \(findings.commonShinglesSkipped) omitted \(findings.pairsOmitted) level \(findings.effectiveMaximumSourcesPerShingle)"]
            + findings.pairs.map { pair in
                "\(pair.a)-\(pair.b) \(pair.wordsA)/\(pair.wordsB) \(pair.sharedWordsA)/\(pair.sharedWordsB): " + pair.passages.map { passage in
                    "\(passage.a.span) \(passage.b.span) \(passage.matchedWords) \(passage.similarity) \(passage.a.text) | \(passage.b.text) \(passage.a.units) \(passage.b.units)"
                }.joined(separator: "; ")
            }
    }

    func expectSameAsOneRun(_ texts: [String], options: SharedTextOptions, ranges: [Int] = [1, 2, 7]) {
        let input = sources(texts)
        let single = described(SharedTextFinder.find(in: input, options: options))
        #expect(single.count > 1, "the texts share something")
        for count in ranges {
            let split = described(joined(input, ranges: count, options: options))
            #expect(split == single, "the join over \(count) ranges differs from one run")
        }
    }

    @Test func rangesPartitionEveryHash() {
        var random = SeededRandom(seed: 20)
        for count in [1, 2, 3, 16, 1000] {
            let ranges = (0..<count).map { ShingleRange(index: $0, count: count)! }
            for _ in 0..<200 {
                let hash = random.next()
                #expect(ranges.count { $0.contains(hash) } == 1)
            }
            #expect(ranges[0].contains(0) && ranges[count - 1].contains(.max))
        }
        #expect(ShingleRange("2/3") == ShingleRange(index: 2, count: 3))
        #expect(ShingleRange("3/3") == nil && ShingleRange("-1/3") == nil && ShingleRange("0/0") == nil && ShingleRange("1") == nil)
    }

    /// The partner and pair limits apply after every range's matches are gathered per source.
    @Test func partnerAndPairLimitsAreThoseOfOneRun() {
        let quoted = "the quick brown fox jumps over the lazy dog near the river bank today"
        let texts = (0..<12).map { index in
            "Essay \(index) begins uniquely with word\(index) and more\(index). " + quoted + (index.isMultiple(of: 2) ? " and then it swims across the cold water" : "")
        }
        expectSameAsOneRun(texts, options: SharedTextOptions())
        expectSameAsOneRun(texts, options: SharedTextOptions(maximumPartnersPerSource: 3, maximumPairs: 10))
    }

    /// The work budget's level, from the ranges' summed counts, is the level of one run.
    @Test func theWorkBudgetIsThatOfOneRun() {
        let common = "a phrase that every single one of these essays repeats word for word"
        let rare = "only the first two essays share this particular sentence about the sea"
        let texts = (0..<6).map { index in "Essay \(index) opens with alpha\(index). " + common + ". " + (index < 2 ? rare : "unrelated words number \(index)") }
        let tight = SharedTextOptions(pairBudgetPerSource: 1, minimumPairBudget: 10)
        expectSameAsOneRun(texts, options: tight)
        #expect(joined(sources(texts), ranges: 3, options: tight).effectiveMaximumSourcesPerShingle < 6)
        expectSameAsOneRun(texts, options: SharedTextOptions(maximumSourcesPerShingle: 4))
    }

    /// Texts made of phrases drawn from a small stock, so that they share passages of every
    /// length with many partners, repeat phrases within themselves, and meet the budget.
    @Test func randomCorporaGiveTheSameFindings() {
        var random = SeededRandom("randomCorporaGiveTheSameFindings", default: 2026)
        let vocabulary = (0..<60).map { "w\($0)" }
        let phrases = (0..<30).map { _ in (0..<Int.random(in: 3...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ") }
        for round in 0..<4 {
            let texts = (0..<Int.random(in: 20...40, using: &random)).map { index in
                // Phrases repeated up to 7 times in one text: a source's shingle is matched from
                // its first four places only, in one run as in the join.
                (0..<Int.random(in: 4...14, using: &random)).flatMap { _ in
                    Array(repeating: phrases.randomElement(using: &random)!, count: Bool.random(using: &random) ? 1 : Int.random(in: 2...7, using: &random))
                }.joined(separator: ", ") + " unique\(round)x\(index)."
            }
            expectSameAsOneRun(texts, options: SharedTextOptions(maximumPartnersPerSource: 5, maximumPairs: 40, pairBudgetPerSource: 2, minimumPairBudget: 0), ranges: [1, 3, 8])
            expectSameAsOneRun(texts, options: SharedTextOptions(), ranges: [4])
        }
    }
}
