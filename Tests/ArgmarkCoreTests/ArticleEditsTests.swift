import ArgmarkCore
import Testing

@Suite struct ArticleEditsTests {
    func article() -> Article {
        Article(id: "a1", text: "Critics say it is over. They are wrong. It is alive.",
                speakers: [Speaker(id: "author", name: "The Author")])
    }
    let corpus = Corpus(targets: [StanceTarget(id: "metoo", name: "the movement")],
                        propositions: [Proposition(id: "alive", statement: "it is alive")])

    /// Ids are numbered `u` + up to nine ASCII digits; anything else has no number.
    @Test func idNumbersAreReadOnlyFromASCIIDigits() {
        #expect(Article.idNumber("u12", prefix: "u") == 12)
        #expect(Article.idNumber("u007", prefix: "u") == 7)
        #expect(Article.idNumber("u123456789", prefix: "u") == 123_456_789)
        for id in ["u", "r12", "u1234567890", "u1a", "u-1", "u\u{661}", "u1\u{301}", "\u{FC}1", "U1", "u 1"] {
            #expect(Article.idNumber(id, prefix: "u") == nil, "\(id)")
        }
        #expect(Article.idNumber("prop3", prefix: "prop") == 3)
    }

    @Test func addUnitAllocatesTheNextFreeIDAndCopiesTheQuote() throws {
        var article = article()
        article.units.append(ArgumentUnit(id: "u9", type: .claim, span: Span(start: 0, end: 7), quote: "Critics"))
        let added = try ArticleEdits.addUnit(.rebuttal, at: .quote("They are wrong.", occurrence: nil),
                                             attributes: UnitAttributes(speaker: "author", stance: .favor, target: "metoo"),
                                             to: &article, corpus: corpus, path: "a.xml")
        #expect(added.unit.id == "u10")
        #expect(added.unit.span == Span(start: 24, end: 39))
        #expect(added.unit.quote == "They are wrong.")
        #expect(article.units.count == 2)
    }

    @Test func nextIDUsesNaturalOrderAndIgnoresOtherShapes() {
        #expect(ArticleEditor.nextID(prefix: "u", among: ["u2", "u10", "u3x", "burke"]) == "u11")
        #expect(ArticleEditor.nextID(prefix: "r", among: []) == "r1")
    }

    @Test func unknownReferencesAreRefusedWithTheFix() {
        var article = article()
        #expect(throws: EditError.self) {
            try ArticleEdits.addUnit(.claim, at: .offsets(start: 0, end: 7), attributes: UnitAttributes(speaker: "nobody"),
                                     to: &article, corpus: corpus, path: "a.xml")
        }
        do {
            _ = try ArticleEdits.addUnit(.claim, at: .offsets(start: 0, end: 7), attributes: UnitAttributes(proposition: "missing"),
                                         to: &article, corpus: corpus, path: "a.xml")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message == "unknown proposition missing")
            #expect(error.remedies == [.defineProposition(id: "missing", folder: ".")])
            #expect(error.kind == .refused)
        }
        #expect(article.units.isEmpty)
    }

    @Test func outOfRangeOffsetsAreRefused() {
        var article = article()
        for (start, end) in [(-1, 3), (5, 5), (10, 4), (0, 1000)] {
            #expect(throws: EditError.self) {
                try ArticleEdits.addUnit(.claim, at: .offsets(start: start, end: end), attributes: UnitAttributes(),
                                         to: &article, corpus: nil, path: "a.xml")
            }
        }
    }

    @Test func ambiguousQuoteListsOccurrencesAndOccurrencePicksOne() throws {
        var article = article()
        do {
            _ = try ArticleEdits.addUnit(.claim, at: .quote("is", occurrence: nil), attributes: UnitAttributes(), to: &article, corpus: nil, path: "a.xml")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message.contains("occurs 2 times"))
            // The core gives the facts and the remedy; it never spells the CLI's --occurrence.
            #expect(!error.message.contains("--"))
            #expect(error.rule == .quoteAmbiguous)
            #expect(error.remedies == [.chooseOccurrence(count: 2), .longerQuote])
            guard case .occurrences(let places)? = error.facts.first else { Issue.record("no occurrences in \(error.facts)"); return }
            #expect(places.map(\.start) == [places[0].start, 43] && places[1] .end == 45 && places[1].line == 1 && places[1].column == 44)
            #expect(error.finding.json.rendered().contains("\"kind\": \"choose-occurrence\""))
        }
        let added = try ArticleEdits.addUnit(.claim, at: .quote("is", occurrence: 2), attributes: UnitAttributes(), to: &article, corpus: nil, path: "a.xml")
        #expect(added.unit.span == Span(start: 43, end: 45))
    }

    @Test func relationsCheckEndpoints() throws {
        var article = article()
        let first = try ArticleEdits.addUnit(.counterclaim, at: .quote("it is over", occurrence: nil), attributes: UnitAttributes(), to: &article, corpus: nil, path: "a.xml").unit
        let second = try ArticleEdits.addUnit(.rebuttal, at: .quote("They are wrong.", occurrence: nil), attributes: UnitAttributes(), to: &article, corpus: nil, path: "a.xml").unit
        let relation = try ArticleEdits.addRelation(from: second.id.rawValue, .rebuts, to: first.id.rawValue, in: &article, path: "a.xml")
        #expect(relation.id == "r1")
        #expect(throws: EditError.self) { try ArticleEdits.addRelation(from: "u1", .undercuts, to: "u2", in: &article, path: "a.xml") }
        #expect(throws: EditError.self) { try ArticleEdits.addRelation(from: "u1", .attacks, to: "r1", in: &article, path: "a.xml") }
        #expect(throws: EditError.self) { try ArticleEdits.addRelation(from: "u1", .attacks, to: "u1", in: &article, path: "a.xml") }
        #expect(throws: EditError.self) { try ArticleEdits.addRelation(from: "u2", .rebuts, to: "u1", in: &article, path: "a.xml") }
        #expect(throws: EditError.self) { try ArticleEdits.addRelation(from: "u7", .rebuts, to: "u1", in: &article, path: "a.xml") }
        let undercut = try ArticleEdits.addRelation(from: "u1", .undercuts, to: "r1", in: &article, path: "a.xml")
        #expect(undercut.to == .relation("r1"))
        #expect(undercut.id == "r2")
        #expect(article.relations.count == 2)
    }

    @Test func removalRefusesWhileReferencedAndCascadesThroughUndercuts() throws {
        var article = article()
        article.units = [
            ArgumentUnit(id: "u1", type: .counterclaim, span: Span(start: 12, end: 22), quote: "it is over", speaker: "author"),
            ArgumentUnit(id: "u2", type: .rebuttal, span: Span(start: 24, end: 39), quote: "They are wrong."),
            ArgumentUnit(id: "u3", type: .claim, span: Span(start: 40, end: 52), quote: "It is alive."),
        ]
        article.relations = [
            Relation(id: "r1", type: .rebuts, from: "u2", to: .unit("u1")),
            Relation(id: "r2", type: .undercuts, from: "u3", to: .relation("r1")),
            Relation(id: "r3", type: .undercuts, from: "u1", to: .relation("r2")),
        ]
        let before = article
        #expect(throws: EditError.self) { try ArticleEdits.remove("u2", cascade: false, from: &article, path: "a.xml") }
        #expect(article == before)
        let removal = try ArticleEdits.remove("u2", cascade: true, from: &article, path: "a.xml")
        #expect(removal.units.map(\.id) == ["u2"])
        #expect(removal.relations.map(\.id) == ["r1", "r2", "r3"])
        #expect(article.relations.isEmpty)
        #expect(article.units.map(\.id) == ["u1", "u3"])

        #expect(throws: EditError.self) { try ArticleEdits.remove("author", cascade: false, from: &article, path: "a.xml") }
        let speakerRemoval = try ArticleEdits.remove("author", cascade: true, from: &article, path: "a.xml")
        #expect(speakerRemoval.unitsWithoutSpeaker == ["u1"])
        #expect(article.units[0].speaker == nil)
        #expect(throws: EditError.self) { try ArticleEdits.remove("u99", cascade: true, from: &article, path: "a.xml") }
    }

    @Test func setUnitChangesOnlyWhatIsGiven() throws {
        var article = article()
        _ = try ArticleEdits.addUnit(.claim, at: .quote("It is alive.", occurrence: nil),
                                     attributes: UnitAttributes(speaker: "author", stance: .favor, target: "metoo", note: "n"),
                                     to: &article, corpus: corpus, path: "a.xml")
        var change = ArticleEdits.UnitChange()
        change.type = .position
        change.clearNote = true
        try ArticleEdits.setUnit("u1", change, in: &article, corpus: corpus, path: "a.xml")
        #expect(article.units[0].type == .position)
        #expect(article.units[0].note == nil)
        #expect(article.units[0].speaker == "author")
        #expect(article.units[0].stance == .favor)
        var half = ArticleEdits.UnitChange()
        half.clearStance = true
        half.stance = .against
        #expect(throws: EditError.self) { try ArticleEdits.setUnit("u1", half, in: &article, corpus: corpus, path: "a.xml") }
    }

    @Test func corpusUpsertsRequireNamesForNewEntriesAndKnownTargets() throws {
        var corpus = Corpus()
        #expect(throws: EditError.self) { try CorpusEdits.upsertTarget("t1", name: nil, description: nil, in: &corpus) }
        #expect(try CorpusEdits.upsertTarget("t1", name: "first", description: nil, in: &corpus))
        #expect(try !CorpusEdits.upsertTarget("t1", name: "renamed", description: "d", in: &corpus))
        #expect(corpus.targets == [StanceTarget(id: "t1", name: "renamed", description: "d")])
        #expect(throws: EditError.self) { try CorpusEdits.upsertProposition("p1", statement: "s", target: "t2", stance: .favor, in: &corpus) }
        #expect(throws: EditError.self) { try CorpusEdits.upsertProposition("p1", statement: "s", target: "t1", stance: nil, in: &corpus) }
        #expect(try CorpusEdits.upsertProposition("p1", statement: "s", target: "t1", stance: .favor, in: &corpus))
        #expect(corpus.propositions.count == 1)
    }
}

@Suite struct ArticleFactoryTests {
    @Test func decodesUTF8AndKeepsCarriageReturns() throws {
        let text = try ArticleFactory.decodeText(Array("a\r\nb\rc ü".utf8), path: "in.txt")
        #expect(Array(text.unicodeScalars).count == 8)
        #expect(text.unicodeScalars.contains("\r"))
    }

    @Test func invalidUTF8IsLocatedByByteLineAndColumn() {
        do {
            _ = try ArticleFactory.decodeText(Array("ok\nab".utf8) + [0xE9, 0x41], path: "in.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(path: "in.txt", line: 2, column: 3))
            #expect(error.message.contains("byte 5"))
            #expect(error.message.contains("0xE9"))
        }
    }

    @Test func controlCharactersAreRefusedWithTheirPosition() {
        do {
            _ = try ArticleFactory.decodeText(Array("one\ntw\u{07}o".utf8), path: "in.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(path: "in.txt", line: 2, column: 3))
            #expect(error.message.contains("U+0007"))
        }
    }

    @Test func idsFromFileNamesAreValid() {
        #expect(ArticleFactory.id(fromFileName: "000_4df1.txt") == "_000_4df1")
        #expect(ArticleFactory.id(fromFileName: "my article (1).txt") == "my-article--1-")
        #expect(ArticleFactory.id(fromFileName: "café.txt") == "caf-")
        #expect(Identifier<Article>.isValid(ArticleFactory.id(fromFileName: "über.txt")))
    }

    @Test func metadataIsChecked() {
        #expect(throws: EditError.self) { try ArticleFactory.makeArticle(id: "a", text: "t", metadata: ArticleMetadata(published: "2018-02-30")) }
        #expect(throws: EditError.self) { try ArticleFactory.makeArticle(id: "a", text: "t", metadata: ArticleMetadata(language: "english!")) }
        #expect(throws: EditError.self) { try ArticleFactory.makeArticle(id: "1a", text: "t", metadata: ArticleMetadata()) }
        #expect((try? ArticleFactory.makeArticle(id: "a", text: "t", metadata: ArticleMetadata(published: "2020-02-29", language: "pt-BR"))) != nil)
    }
}

@Suite struct OutlineTests {
    @Test func treeNestsSupportsAttacksAndRebuttalsUnderPositions() {
        let article = Article(id: "a", text: "P. C. E. R. X.", units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 2), quote: "P."),
            ArgumentUnit(id: "u2", type: .counterclaim, span: Span(start: 3, end: 5), quote: "C."),
            ArgumentUnit(id: "u3", type: .evidence, span: Span(start: 6, end: 8), quote: "E."),
            ArgumentUnit(id: "u4", type: .rebuttal, span: Span(start: 9, end: 11), quote: "R."),
            ArgumentUnit(id: "u5", type: .claim, span: Span(start: 12, end: 14), quote: "X."),
        ], relations: [
            Relation(id: "r1", type: .attacks, from: "u2", to: .unit("u1")),
            Relation(id: "r2", type: .supports, from: "u3", to: .unit("u1")),
            Relation(id: "r3", type: .rebuts, from: "u4", to: .unit("u2")),
        ])
        let outline = ArgumentOutline.outline(of: article)
        #expect(outline.positions.map { "\($0.depth) \($0.unit.id)" } == ["0 u1", "1 u3", "1 u2", "2 u4"])
        #expect(outline.unattached.map(\.unit.id) == ["u5"])
    }

    @Test func markedTextNestsAndFlagsCrossingUnits() {
        let article = Article(id: "a", text: "abcdef", units: [
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 4), quote: "abcd"),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 2, end: 6), quote: "cdef"),
        ])
        let rendered = MarkedText.segments(of: article).map { segment -> String in
            switch segment {
            case .text(let text): text
            case .open(let unit): "[\(unit.id) "
            case .close(let unit, let crossing): crossing ? "]\(unit.id)" : "]"
            }
        }.joined()
        #expect(rendered == "[u1 ab[u2 cd]u1ef]")
    }
}
