@testable import ArgmarkAgreement
import ArgmarkCore
import Testing

@Suite struct ContinuumTests {
    @Test func tokensAreRunsOfNonWhitespaceCountedInCodePoints() {
        // "é" as e + combining accent is two code points; U+00A0 and U+3000 are White_Space.
        let text = "Caf\u{65}\u{301} ok\u{A0}👍🏽  x\u{3000}y"
        let continuum = Continuum(text: text, granularity: .tokens)
        #expect(continuum.tokens == [Span(start: 0, end: 5), Span(start: 6, end: 8), Span(start: 9, end: 11),
                                     Span(start: 13, end: 14), Span(start: 15, end: 16)])
        #expect(continuum.length == 5)
        #expect(Continuum(text: text, granularity: .codepoints).length == 16)
    }

    @Test func aSpanCoversEveryTokenItTouches() {
        let continuum = Continuum(text: "one two, three four", granularity: .tokens)
        #expect(continuum.segment(for: Span(start: 4, end: 7)) == Segment(1, 2))   // "two" without the comma
        #expect(continuum.segment(for: Span(start: 2, end: 10)) == Segment(0, 3))  // "e two, t"
        #expect(continuum.segment(for: Span(start: 3, end: 4)) == Segment(1, 1))   // only a space: no token
    }

    @Test func coverageMergesAndIntersects() {
        let a = Coverage([Segment(5, 8), Segment(0, 2), Segment(2, 3), Segment(7, 9)])
        #expect(a.segments == [Segment(0, 3), Segment(5, 9)])
        #expect(a.count == 7)
        #expect(a.intersectionCount(with: Coverage([Segment(1, 6)])) == 3)
    }
}

@Suite struct CoefficientTests {
    @Test func kappaMatchesScikitLearn() {
        // sklearn.metrics.cohen_kappa_score(list("aaabbbbccc"), list("aabbbbcccc")) == 0.696969696969697
        let items = Array(zip("aaabbbbccc".map(String.init), "aabbbbcccc".map(String.init)))
        #expect(abs(CohenKappa.value(items)! - 0.696969696969697) < 1e-12)
    }

    @Test func kappaIsUndefinedWhenChanceAgreementIsOne() {
        #expect(CohenKappa.value([("x", "x"), ("x", "x")]) == nil)
        #expect(CohenKappa.value([(String, String)]()) == nil)
        #expect(CohenKappa.value([("x", "y"), ("x", "y")]) == 0)
    }

    @Test func alphaMatchesKrippendorffsWorkedExample() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four coders, twelve
        // units, missing values; nominal alpha 0.743 (krippendorff package: 0.743421052631579).
        let rows: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let items = (0..<12).map { unit in rows.map { $0[unit] } }
        #expect(abs(KrippendorffAlpha.nominal(items)! - 0.743421052631579) < 1e-12)
    }

    @Test func alphaIsUndefinedWithOneValue() {
        #expect(KrippendorffAlpha.nominal([["a", "a"], ["a", nil]]) == nil)
        #expect(KrippendorffAlpha.nominal([["a", nil], [nil, "b"]]) == nil, "no item has two values")
    }
}

@Suite struct UnitMatchingTests {
    let text = "alpha beta gamma delta epsilon zeta"

    func unit(_ id: String, _ type: UnitType, _ start: Int, _ end: Int) -> ArgumentUnit {
        let scalars = Array(text.unicodeScalars)
        var quote = String.UnicodeScalarView()
        quote.append(contentsOf: scalars[start..<end])
        return ArgumentUnit(id: UnitID(id), type: type, span: Span(start: start, end: end), quote: String(quote))
    }

    @Test func overlapNeedsHalfOfEachUnitAndTheSameType() {
        let continuum = Continuum(text: text, granularity: .tokens)
        let a = [unit("a1", .claim, 0, 16), unit("a2", .evidence, 17, 35)]            // 3 tokens, 3 tokens
        let b = [unit("b1", .claim, 6, 23), unit("b2", .claim, 17, 35)]               // 3 tokens (2 shared), type differs
        let alignment = UnitAlignment.align(a, b, rule: .overlap, continuum: continuum)
        #expect(alignment.pairs.map { [$0.first, $0.second] } == [[0, 0]])
        #expect(UnitAlignment.align(a, b, rule: .exact, continuum: continuum).pairs.isEmpty)
    }

    @Test func eachUnitMatchesOnceAndTheBestCandidateWins() {
        let continuum = Continuum(text: text, granularity: .tokens)
        let a = [unit("a1", .claim, 0, 10)]                                           // alpha beta
        let b = [unit("b1", .claim, 0, 16), unit("b2", .claim, 0, 10)]                // b2 is identical
        let alignment = UnitAlignment.align(a, b, rule: .overlap, continuum: continuum)
        #expect(alignment.pairs.map { [$0.first, $0.second] } == [[0, 1]])
    }

    @Test func scoresAreSymmetricInF1() {
        let continuum = Continuum(text: text, granularity: .codepoints)
        let a = [unit("a1", .claim, 0, 10), unit("a2", .claim, 11, 16)]
        let b = [unit("b1", .claim, 0, 10)]
        #expect(UnitAlignment.align(a, b, rule: .overlap, continuum: continuum).pairs.count == 1)
        let counts = MatchCounts(first: 2, second: 1, matched: 1)
        #expect(counts.precision == 1)
        #expect(counts.recall == 0.5)
        #expect(abs(counts.f1! - 2.0 / 3.0) < 1e-15)
    }
}

@Suite struct StudyTests {
    let article = Article(id: "x", text: "Same text here.")

    @Test func differentTextsAreAnErrorNamingTheArticle() {
        var other = article
        other.text = "Other text here."
        #expect(throws: AgreementError.textMismatch(article: "x", firstAnnotator: "a", firstPath: "a/x.xml", secondAnnotator: "b", secondPath: "b/x.xml")) {
            try Study(annotators: [Annotator(name: "a", articles: [article], paths: ["a/x.xml"]),
                                   Annotator(name: "b", articles: [other], paths: ["b/x.xml"])], granularity: .tokens)
        }
        let message = AgreementError.textMismatch(article: "x", firstAnnotator: "a", firstPath: "a/x.xml", secondAnnotator: "b", secondPath: "b/x.xml").description
        #expect(message == "b/x.xml: error: article x (b) has a different text than in a/x.xml (a); compare annotations of the same text, or give one of them another id")
    }

    @Test func duplicatesAndTooFewAnnotatorsAreErrors() {
        #expect(throws: AgreementError.tooFewAnnotators) {
            try Study(annotators: [Annotator(name: "a", articles: [article])], granularity: .tokens)
        }
        #expect(throws: AgreementError.duplicateArticle(article: "x", annotator: "a", paths: ["1.xml", "2.xml"])) {
            try Study(annotators: [Annotator(name: "a", articles: [article, article], paths: ["1.xml", "2.xml"]),
                                   Annotator(name: "b", articles: [article])], granularity: .tokens)
        }
        var lonely = article
        lonely.id = "y"
        #expect(throws: AgreementError.nothingToCompare) {
            try Study(annotators: [Annotator(name: "a", articles: [article]), Annotator(name: "b", articles: [lonely])], granularity: .tokens)
        }
    }

    @Test func articlesOnlyOneAnnotatorHasAreSkipped() throws {
        var lonely = article
        lonely.id = "y"
        let study = try Study(annotators: [Annotator(name: "a", articles: [article, lonely]), Annotator(name: "b", articles: [article])], granularity: .tokens)
        #expect(study.articles.map(\.id) == ["x"])
        #expect(study.unpaired.map(\.article) == ["y"])
    }

    @Test func suggestedAndImplicitUnitsAreLeftOut() throws {
        var annotated = article
        annotated.units = [
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 4), quote: "Same"),
            ArgumentUnit(id: "u2", type: .claim, span: Span(start: 5, end: 9), quote: "text", status: .suggested),
            ArgumentUnit(id: "u3", type: .claim, span: nil, quote: "a paraphrase"),
        ]
        let study = try Study(annotators: [Annotator(name: "a", articles: [annotated]), Annotator(name: "b", articles: [annotated])], granularity: .tokens)
        #expect(study.units(of: annotated).map(\.id) == ["u1"])
        let withSuggestions = try Study(annotators: [Annotator(name: "a", articles: [annotated]), Annotator(name: "b", articles: [annotated])],
                                        granularity: .tokens, filter: UnitFilter(includeSuggested: true))
        #expect(withSuggestions.units(of: annotated).map(\.id) == ["u1", "u2"])
    }
}

@Suite struct OutputTests {
    @Test func textMarkdownAndJSONCarryTheSameFigures() throws {
        let report = try Fixtures.report("three-annotators", .tokens)
        let text = report.rendered(.text)
        let markdown = report.rendered(.markdown)
        let json = report.json.rendered()
        let kappa = try #require(report.pairs[0].kappa)
        let short = AgreementReport.format(kappa)
        let long = String(JSONValue.double(kappa).rendered().dropLast())
        #expect(text.contains("Cohen's kappa  \(short)"))
        #expect(markdown.contains("| Cohen's kappa | \(short) |"))
        #expect(json.contains("\"cohenKappa\": \(long)"))
        #expect(text.contains("A and C") && text.contains("B and C"))
        #expect(markdown.hasPrefix("# Agreement of 3 annotators on 2 articles"))
        #expect(report.json.rendered() == json, "deterministic")
    }
}
