import ArgmarkAgreement
import ArgmarkCore
import Testing

/// The edge cases the issue names, with the values they must take (not only the reference's).
@Suite struct EdgeCaseTests {
    @Test(arguments: Granularity.allCases)
    func identicalAnnotationsAgreePerfectly(granularity: Granularity) throws {
        let report = try Fixtures.report("identical", granularity)
        let pair = try #require(report.pairs.first)
        #expect(report.alpha == 1)
        #expect(report.unitizedAlpha.overall == 1)
        #expect(report.unitizedAlpha.categories.allSatisfy { $0.value == 1 })
        #expect(pair.kappa == 1)
        for scores in [pair.exact, pair.overlap] {
            #expect(scores.macroF1 == 1)
            #expect(scores.macroPrecision == 1)
            #expect(scores.macroRecall == 1)
            #expect(scores.micro == MatchCounts(first: 5, second: 5, matched: 5))
        }
        #expect(pair.relations.typed == MatchCounts(first: 4, second: 4, matched: 4))
        #expect(pair.stance.observed == 1)
        // Four units favor the ban and one is against it: two labels, identical, kappa 1.
        #expect(pair.stance.kappa == 1)
    }

    @Test func oneAnnotatorWithoutUnits() throws {
        let report = try Fixtures.report("one-empty", .tokens)
        let pair = try #require(report.pairs.first)
        #expect(pair.overlap.micro == MatchCounts(first: 5, second: 0, matched: 0))
        #expect(pair.overlap.micro.precision == nil)
        #expect(pair.overlap.micro.recall == 0)
        #expect(pair.overlap.macroF1 == 0)
        #expect(pair.exact.macroF1 == 0)
        // B labels every token none: p_o = p_e, so kappa is exactly 0.
        #expect(pair.kappa == 0)
        #expect(pair.relations.typed == MatchCounts(first: 0, second: 0, matched: 0))
        #expect(pair.relations.typed.f1 == nil)
        #expect(pair.stance.items == 0)
        #expect(pair.stance.observed == nil)
        #expect(pair.stance.kappa == nil)
        let alpha = try #require(report.unitizedAlpha.overall)
        #expect(alpha < 0)
    }

    @Test func noUnitsAtAllIsUndefinedNotPerfect() throws {
        let report = try Fixtures.report("no-units", .tokens)
        let pair = try #require(report.pairs.first)
        #expect(pair.kappa == nil)
        #expect(report.alpha == nil)
        #expect(report.unitizedAlpha.overall == nil)
        #expect(report.unitizedAlpha.categories.isEmpty)
        #expect(pair.overlap.byType.isEmpty)
        #expect(pair.overlap.macroF1 == nil)
        #expect(pair.exact.micro.f1 == nil)
        #expect(pair.confusion.labels == [.none])
        #expect(pair.confusion.counts == [[report.alphaPositions]])
        let json = report.json.rendered()
        #expect(json.contains("\"cohenKappa\": null"))
        #expect(json.contains("\"krippendorffAlpha\": null"))
        #expect(report.rendered(.text).contains("n/a"))
    }

    @Test(arguments: Granularity.allCases)
    func disjointSpansNeverMatch(granularity: Granularity) throws {
        let report = try Fixtures.report("disjoint", granularity)
        let pair = try #require(report.pairs.first)
        #expect(pair.exact.micro.matched == 0)
        #expect(pair.overlap.micro.matched == 0)
        #expect(pair.overlap.macroF1 == 0)
        #expect(pair.stance.items == 0)
        // Every position one annotator labels is none for the other.
        let confusion = pair.confusion
        for (row, label) in confusion.labels.enumerated() where label != .none {
            #expect(confusion.counts[row][row] == 0)
        }
        #expect(try #require(pair.kappa) < 0)
    }

    @Test func nestedSpansMatchOnlyWhenTheyHoldHalfOfTheOuterUnit() throws {
        let report = try Fixtures.report("nested", .tokens)
        let pair = try #require(report.pairs.first)
        #expect(pair.exact.micro.matched == 0)
        // Inner units of B: "ban cars" (2 of 7 tokens), "1.3 million people" (3 of 10),
        // "shops will lose" (3 of 4), "retail grew" (2 of 8), "the streets came back to life" (6 of 9).
        #expect(pair.overlap.micro.matched == 2)
        let matchedTypes = pair.overlap.byType.filter { $0.counts.matched > 0 }.map(\.type)
        #expect(matchedTypes == [.counterclaim, .evidence])
        // A's relations all touch an unmatched unit (a1 or a4), so none takes part.
        #expect(pair.relations.typed.first == 0)
    }

    @Test(arguments: Granularity.allCases)
    func anUndercutMatchesThroughTheRelationItAttacks(granularity: Granularity) throws {
        let pair = try #require(Fixtures.report("undercuts", granularity).pairs.first)
        // A: three relations between units and one undercut of r2; B: the same plus r5, with its
        // undercut (r9) pointing to its own r2. Matching r3 with r9 needs r2 matched first.
        #expect(pair.relations.typed == MatchCounts(first: 4, second: 5, matched: 4))
        #expect(pair.relations.untyped == MatchCounts(first: 4, second: 5, matched: 4))
    }
}
