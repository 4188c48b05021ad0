import Testing
@testable import ArgmarkCore

/// `Reanchor` on edits before, inside and after units, deleted units, and repeated quotes.
@Suite struct ReanchorTests {
    static let original = "Critics say the movement is over after the news. They are wrong. One person does not invalidate a movement. As Burke wrote, there is no model survivor.\n"

    /// An article over `text` with one unit per quote (ids u1, u2, … in order), u4 supporting u3.
    static func article(_ text: String = original, quotes: [String] = ["the movement is over", "They are wrong.", "One person does not invalidate a movement", "there is no model survivor"], occurrence: [Int: Int] = [:]) -> Article {
        let codePoints = CodePointText(text)
        var units: [ArgumentUnit] = []
        for (index, quote) in quotes.enumerated() {
            let span = codePoints.occurrences(of: quote)[occurrence[index] ?? 0]
            units.append(ArgumentUnit(id: UnitID("u\(index + 1)"), type: index == 1 ? .rebuttal : .claim, span: span, quote: quote))
        }
        var relations: [Relation] = []
        if quotes.count >= 4 { relations.append(Relation(id: RelationID("r1"), type: .supports, from: UnitID("u4"), to: .unit(UnitID("u3")))) }
        return Article(id: "a", text: text, units: units, relations: relations)
    }

    /// Applies a plan and checks that the result is a valid file whose quotes equal its text.
    static func applied(_ article: Article, _ newText: String, _ options: Reanchor.Options = Reanchor.Options()) throws -> (Article, Reanchor.Plan) {
        var changed = article
        let plan = Reanchor.plan(article, newText: newText, options: options)
        _ = try Reanchor.apply(plan, newText: newText, to: &changed, options: options, path: "a.xml")
        let bytes = try ArticleWriter.encode(changed)
        let (_, diagnostics) = Validator().validate(bytes: bytes, path: "a.xml", corpus: nil)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(changed.text == newText)
        return (changed, plan)
    }

    func span(_ article: Article, _ id: String) -> Span? { article.unit(UnitID(id))?.span }

    @Test func editBeforeUnitsShiftsThemExactly() throws {
        let newText = "Corrected 2018-08-22. " + Self.original
        let (moved, plan) = try Self.applied(Self.article(), newText)
        #expect(plan.orphans.isEmpty)
        #expect(plan.placements.allSatisfy { $0.method == .exact && $0.new.start == $0.old.start + 22 })
        for unit in Self.article().units { #expect(moved.unit(unit.id)?.quote == unit.quote) }
    }

    @Test func editAfterUnitsKeepsOffsets() throws {
        let newText = Self.original + "Update: the author replied.\n"
        let (moved, plan) = try Self.applied(Self.article(), newText)
        #expect(plan.orphans.isEmpty)
        #expect(moved.units.map(\.span) == Self.article().units.map(\.span))
    }

    @Test func editInsideAUnitMatchesApproximatelyWithWholeWords() throws {
        let newText = Self.original.replacing("They are wrong. One person", with: "They are wrong! One single person")
        let (moved, plan) = try Self.applied(Self.article(), newText)
        #expect(plan.orphans.isEmpty)
        #expect(moved.unit(UnitID("u2"))?.quote == "They are wrong!")
        #expect(moved.unit(UnitID("u3"))?.quote == "One single person does not invalidate a movement")
        let u3 = try #require(plan.placements.first { $0.unit == UnitID("u3") })
        #expect(u3.method == .approximate)
        #expect(u3.similarity >= 0.8 && u3.similarity < 1)
        #expect(moved.unit(UnitID("u4"))?.quote == "there is no model survivor")
    }

    @Test func deletedUnitIsAnOrphanAndHandledAsAsked() throws {
        let newText = Self.original.replacing("One person does not invalidate a movement.", with: "Completely different words stand here now.")
        let plan = Reanchor.plan(Self.article(), newText: newText)
        #expect(plan.orphans.map(\.unit) == [UnitID("u3")])
        #expect(plan.orphans[0].reason.contains("80%"))

        let (kept, _) = try Self.applied(Self.article(), newText, Reanchor.Options(orphans: .keep))
        let orphan = try #require(kept.unit(UnitID("u3")))
        #expect(orphan.isImplicit)
        #expect(orphan.quote == "One person does not invalidate a movement")
        #expect(orphan.note?.contains("orphaned by argmark reanchor: was at 65-106") == true)
        #expect(kept.relations.count == 1)

        var dropped = Self.article()
        let outcome = try Reanchor.apply(plan, newText: newText, to: &dropped, options: Reanchor.Options(orphans: .drop), path: "a.xml")
        #expect(dropped.unit(UnitID("u3")) == nil)
        #expect(dropped.relations.isEmpty)
        #expect(outcome.removal.units.map(\.id) == [UnitID("u3")])
        #expect(outcome.removal.relations.map(\.id) == [RelationID("r1")])
    }

    @Test func contextDecidesBetweenTwoOccurrences() throws {
        // The quote now also opens the article; the unit keeps its own occurrence.
        let newText = "They are wrong. " + Self.original
        let (moved, plan) = try Self.applied(Self.article(), newText)
        #expect(plan.orphans.isEmpty)
        #expect(span(moved, "u2") == Span(start: 65, end: 80))
    }

    @Test func indistinguishableOccurrencesAreOrphans() throws {
        let newText = Self.original + Self.original
        let plan = Reanchor.plan(Self.article(), newText: newText)
        #expect(plan.placements.isEmpty)
        #expect(plan.orphans.count == 4)
        #expect(plan.orphans.allSatisfy { $0.reason.contains("occurs 2 times") })
    }

    @Test func neverMovesOntoAnotherOccurrenceOfTheOldText() throws {
        // "They are wrong." occurred twice; the unit on the second one loses its passage, and
        // must not jump to the first, which was always a different passage.
        let text = "They are wrong. I said so before. Then they spoke again. They are wrong. The end.\n"
        let article = Self.article(text, quotes: ["They are wrong."], occurrence: [0: 1])
        let newText = "They are wrong. I said so before. Then they spoke again. The end.\n"
        let plan = Reanchor.plan(article, newText: newText)
        #expect(plan.placements.isEmpty)
        #expect(plan.orphans.map(\.unit) == [UnitID("u1")])
    }

    @Test func lookAlikeBelowTheThresholdIsNotTaken() throws {
        let newText = Self.original.replacing("there is no model survivor", with: "there is no perfect victim")
        let strict = Reanchor.plan(Self.article(), newText: newText)
        #expect(strict.orphans.map(\.unit) == [UnitID("u4")])
        let lenient = Reanchor.plan(Self.article(), newText: newText, options: Reanchor.Options(minimumSimilarity: 0.5))
        let placement = try #require(lenient.placements.first { $0.unit == UnitID("u4") })
        #expect(placement.quote == "there is no perfect victim")
        #expect(placement.similarity < 0.8)
    }

    @Test func unchangedTextChangesNothing() throws {
        let (same, plan) = try Self.applied(Self.article(), Self.original)
        #expect(same == Self.article())
        #expect(plan.placements.allSatisfy { $0.old == $0.new && $0.method == .exact })
    }

    @Test func offsetsAreCodePointsAcrossAstralAndCombiningCharacters() throws {
        let text = "Cafe\u{301} 😀 talk: they are wrong. Fin.\n"
        let article = Self.article(text, quotes: ["they are wrong."])
        let newText = "👩‍👩‍👧 Cafe\u{301} 😀 talk: they are wrong. Fin.\n"
        let (moved, _) = try Self.applied(article, newText)
        let span = try #require(moved.unit(UnitID("u1"))?.span)
        #expect(CodePointText(newText)[span] == "they are wrong.")
        #expect(span.start == article.units[0].span!.start + 6)
    }

    @Test func discontinuousUnitsMoveWithTheirFragments() throws {
        let text = "Lead. She said, and I quote, that it was over. Tail.\n"
        var article = Self.article(text, quotes: ["She said, and I quote, that it was over."])
        let span = article.units[0].span!
        article.units[0].fragments = [Span(start: span.start, end: span.start + 9), Span(start: span.start + 29, end: span.end)]
        let (moved, _) = try Self.applied(article, "New lead. " + text)
        #expect(moved.units[0].fragments == article.units[0].fragments.map { Span(start: $0.start + 10, end: $0.end + 10) })
    }

    @Test func alignmentKeepsInsertionsAtBoundariesOutside() {
        let selector = TextQuoteSelector(exact: Array("wrong".unicodeScalars), prefix: Array("are ".unicodeScalars), suffix: Array(". One".unicodeScalars))
        let text = Array("They are very wrong indeed. One".unicodeScalars)
        let bounds = EditDistance.quoteBounds(of: selector, in: text, window: 0..<text.count)
        #expect(bounds == Span(start: 14, end: 19))
    }

    @Test func inPlaceFindsUnitsByTheirQuoteAlone() {
        // The text inside the file was edited: offsets are stale, the old text is gone.
        var article = Self.article()
        article.text = "EDIT: " + Self.original.replacing("One person does not", with: "One single person does not").replacing("As Burke wrote", with: "They are wrong. As Burke wrote")
        let plan = Reanchor.planInPlace(article)
        let spans = Dictionary(uniqueKeysWithValues: plan.placements.map { ($0.unit, $0.new) })
        let text = CodePointText(article.text)
        #expect(spans[UnitID("u1")].map { text[$0] } == "the movement is over")
        // Half a word is never taken: the match widens to "single".
        #expect(spans[UnitID("u3")].map { text[$0] } == "single person does not invalidate a movement")
        #expect(spans[UnitID("u4")].map { text[$0] } == "there is no model survivor")
        // "They are wrong." now occurs twice, and without the old text nothing tells which.
        #expect(plan.orphans.map(\.unit) == [UnitID("u2")])
        #expect(plan.orphans.first?.reason.contains("occurs 2 times") == true)
    }

    @Test func inPlaceKeepsUnitsWhoseQuoteIsStillThere() {
        var article = Self.article()
        article.text = Self.original + "Appended later.\n"
        let plan = Reanchor.planInPlace(article)
        #expect(plan.orphans.isEmpty)
        #expect(plan.placements.allSatisfy { $0.old == $0.new })
    }

    /// Found by libFuzzer: an 18,000-code-point quote made the approximate search take minutes.
    @Test func veryLongChangedQuotesAreOrphans() {
        let long = String(repeating: "a long unit text, ", count: 150)
        var article = Self.article(long + "end.\n", quotes: [long])
        article.text = "x" + long.replacing("unit", with: "unlt") + "end.\n"
        let plan = Reanchor.planInPlace(article)
        #expect(plan.orphans.first?.reason.contains("longer than 2000 code points are only matched exactly") == true)
    }

    @Test func aQuoteOccurringThousandsOfTimesIsAnOrphan() {
        let text = String(repeating: "na ", count: 5000) + "Batman.\n"
        let article = Self.article(text, quotes: ["na"], occurrence: [0: 2500])
        let plan = Reanchor.plan(article, newText: "Intro. " + text)
        #expect(plan.orphans.first?.reason.contains("too often to tell which is its own") == true)
    }
}
