import Testing
@testable import ArgmarkCore

@Suite struct ArticleXMLTests {
    private func decodeArticle(_ bytes: [UInt8]) throws -> DecodedArticle {
        let parsed = try SafeXMLParser.parse(bytes, path: "fixture.xml").get()
        guard case .article(let decoded)? = ArticleXML.decode(parsed.root) else {
            Issue.record("not an article")
            throw CancellationError()
        }
        return decoded
    }

    @Test func canonicalFileRoundTripsByteForByte() throws {
        for name in ["valid/fixture.xml", "valid/corpus.xml"] {
            let bytes = try Fixtures.bytes(name)
            let parsed = try SafeXMLParser.parse(bytes, path: name).get()
            let rewritten: [UInt8]
            switch ArticleXML.decode(parsed.root) {
            case .article(let decoded)?: rewritten = try ArticleWriter.encode(decoded.article)
            case .corpus(let decoded)?: rewritten = try ArticleWriter.encode(decoded.corpus)
            case nil: Issue.record("\(name) did not decode"); continue
            }
            #expect(String(decoding: rewritten, as: UTF8.self) == String(decoding: bytes, as: UTF8.self), "\(name)")
        }
    }

    @Test func carriageReturnsAndSpecialCharactersSurvive() throws {
        let text = "line one\r\nline two\rthree & <four> \"quoted\" ]]> 🙂\ttab"
        var article = Article(id: "cr", text: text)
        article.metadata.title = "A & B <C>"
        article.speakers = [Speaker(id: "s1", name: "Name with \"quotes\"\nand a newline", role: "tab\there")]
        let span = Span(start: 0, end: 10)
        article.units = [ArgumentUnit(id: "u1", type: .claim, span: span, quote: CodePointText(text)[span], note: "a\r\nnote")]
        let bytes = try ArticleWriter.encode(article)
        let decoded = try decodeArticle(bytes)
        #expect(decoded.article == article)
        #expect(Array(decoded.article.text.unicodeScalars) == Array(text.unicodeScalars))
        #expect(decoded.storedDigest == article.textDigest)
        #expect(try ArticleWriter.encode(decoded.article) == bytes)
    }

    @Test func writerRefusesCharactersXMLCannotHold() {
        let article = Article(id: "bad", text: "bell \u{7} here")
        #expect(throws: UnwritableCharacterError.self) { try ArticleWriter.encode(article) }
        do {
            _ = try ArticleWriter.encode(article)
        } catch {
            #expect(error.description.contains("U+0007"))
            #expect(error.description.contains("line 1, column 6"))
        }
    }

    @Test func writerRefusesNoncharactersAndControlsInAttributes() {
        #expect(throws: UnwritableCharacterError.self) { try ArticleWriter.encode(Article(id: "bad", text: "ok \u{FFFE}")) }
        var article = Article(id: "bad", text: "fine")
        article.speakers = [Speaker(id: "s1", name: "bell\u{1}")]
        do {
            _ = try ArticleWriter.encode(article)
            Issue.record("a control character in an attribute was written")
        } catch {
            #expect(error.description.contains("U+0001"))
            #expect(error.description.contains("name of speaker s1"))
        }
        // Characters that need escaping but are allowed still round-trip.
        #expect(throws: Never.self) { try ArticleWriter.encode(Article(id: "ok", text: "a & b < c > d \u{FFFD} \u{EFFF}")) }
    }

    @Test func writerOrdersUnitsByPositionAndIdsNaturally() throws {
        var article = Article(id: "order", text: "abcdefghij")
        article.units = [
            ArgumentUnit(id: "u10", type: .claim, span: Span(start: 5, end: 6), quote: "f"),
            ArgumentUnit(id: "u2", type: .claim, span: nil, quote: "implicit premise"),
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 2), quote: "ab"),
        ]
        article.relations = [
            Relation(id: "r10", type: .supports, from: "u10", to: .unit("u1")),
            Relation(id: "r9", type: .supports, from: "u1", to: .unit("u2")),
        ]
        let xml = String(decoding: try ArticleWriter.encode(article), as: UTF8.self)
        let order = ["id=\"u1\"", "id=\"u10\"", "id=\"u2\"", "id=\"r9\"", "id=\"r10\""].map { xml.firstRange(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(xml.hasSuffix("</article>\n"))
        #expect(!xml.contains("\r"))
    }

    @Test func confidenceIsWrittenWithoutFloatNoise() {
        #expect(ArticleWriter.formatConfidence(0.1 + 0.2) == "0.3")
        #expect(ArticleWriter.formatConfidence(1) == "1")
        #expect(ArticleWriter.formatConfidence(0) == "0")
        #expect(ArticleWriter.formatConfidence(0.00004) == "0")
        #expect(ArticleWriter.formatConfidence(0.12346) == "0.1235")
        #expect(ArticleWriter.formatConfidence(0.5) == "0.5")
    }

    @Test func naturalOrder() {
        #expect(naturalLess("u2", "u10"))
        #expect(!naturalLess("u10", "u2"))
        #expect(naturalLess("a", "b"))
        #expect(naturalLess("r1", "u1"))
        #expect(naturalLess("u9", "u10") && naturalLess("u10", "u11") && !naturalLess("u11", "u11"))
        #expect(naturalLess("a10", "b2"))
        #expect(naturalLess("u02", "u2") && !naturalLess("u2", "u02"))
        #expect(naturalLess("u", "u1"))
        #expect(naturalLess("seed-2", "seed-10"))
        let shuffled = ["u10", "u2", "r3", "u1", "x", "u100", "r20"]
        #expect(shuffled.sorted(by: naturalLess) == ["r3", "r20", "u1", "u2", "u10", "u100", "x"])
    }

    @Test func everyFieldRoundTripsThroughBothReaders() throws {
        #expect(ArticleXML.UnitAttribute.names.count == ArticleXML.UnitAttribute.allCases.count)
        var article = Article(id: "full", text: "alpha beta gamma")
        article.metadata = ArticleMetadata(title: "T", outlet: "O", author: "A", published: "2018-08-21", url: "https://example.org/a?b=c&d",
                                           genre: .interview, language: "en", properties: [MetadataProperty(name: "topic", value: "x")])
        article.speakers = [Speaker(id: "s1", name: "One", role: "quoted"), Speaker(id: "s2", name: "Two")]
        article.units = [
            ArgumentUnit(id: "u1", type: .rebuttal, span: Span(start: 0, end: 16), fragments: [Span(start: 0, end: 5), Span(start: 11, end: 16)],
                         quote: "alpha beta gamma", speaker: "s1", stance: .against, target: "t", proposition: "p", note: "n",
                         sourceLabel: "Refutation", sourceID: "42", status: .suggested, confidence: 0.75),
            ArgumentUnit(id: "u2", type: .evidence, span: nil, quote: "implied", speaker: "s2"),
        ]
        article.relations = [
            Relation(id: "r1", type: .supports, from: "u2", to: .unit("u1"), sourceLabel: "sup", sourceID: "e1", note: "why"),
            Relation(id: "r2", type: .undercuts, from: "u1", to: .relation("r1")),
        ]
        let parsed = try SafeXMLParser.parse(try ArticleWriter.encode(article), path: "full.xml").get()
        for document in [ArticleXML.decode(parsed), ArticleXML.decode(parsed.root)] {
            guard case .article(let decoded)? = document else {
                Issue.record("did not decode")
                continue
            }
            #expect(decoded.article == article)
        }
    }

    @Test func implicitUnitsAndFragmentsDecode() throws {
        var article = Article(id: "imp", text: "one two three")
        article.units = [
            ArgumentUnit(id: "u1", type: .claim, span: nil, quote: "an implicit conclusion"),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 0, end: 13), fragments: [Span(start: 0, end: 3), Span(start: 8, end: 13)], quote: "one two three"),
        ]
        let decoded = try decodeArticle(try ArticleWriter.encode(article))
        #expect(decoded.article.units.first { $0.id == "u1" }?.isImplicit == true)
        #expect(decoded.article.units.first { $0.id == "u2" }?.fragments == [Span(start: 0, end: 3), Span(start: 8, end: 13)])
        let diagnostics = Validator().validate(bytes: try ArticleWriter.encode(article), path: "imp.xml", corpus: nil).diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
