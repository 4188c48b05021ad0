import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// A model that makes every segment a claim (or a rebuttal when the segment has a rebuttal
/// marker), with no transitions and no relation or stance weights, so these tests do not depend
/// on the trained weights.
func handMadeModel(claimWeight: Float = 2) -> SuggestionModel {
    var emission = [Float](repeating: 0, count: 2 * Tags.count)
    emission[Tags.begin(.claim)] = claimWeight
    emission[Tags.count + Tags.begin(.rebuttal)] = 5
    let sequence = SequenceModel(rows: [FeatureHash.hash("bias"): 0, FeatureHash.hash("lex:rebuttal"): 1], emission: emission)
    return SuggestionModel(sequence: sequence, relations: ChoiceModel(), stance: ChoiceModel(), summary: TrainingSummary())
}

private func model() throws -> SuggestionModel { handMadeModel() }

private let milano = Speaker(id: "milano", name: "Alyssa Milano", role: "author")

struct SpeakerAttributionTests {
    func attribute(_ text: String, segment index: Int, speakers: [Speaker]) -> SpeakerAttribution.Attribution? {
        let codePoints = CodePointText(text)
        let segmenter = Segmenter()
        let segment = segmenter.segments(codePoints)[index]
        let paragraph = segmenter.paragraphs(codePoints)[segment.paragraph].span
        return SpeakerAttribution().attribute(segment, text: codePoints, quotations: Quotations.find(codePoints.scalars), paragraph: paragraph, speakers: speakers)
    }

    @Test func quotationAfterAnAttributionGoesToTheNamedSpeaker() {
        let text = "As my friend Tarana Burke eloquently tweeted, “There is no model survivor. We are imperfectly human.”"
        let burke = Speaker(id: "burke", name: "Tarana Burke", role: "quoted")
        #expect(attribute(text, segment: 1, speakers: [milano, burke]) == .init(name: "Tarana Burke", speaker: "burke"))
        // The second sentence of the quotation too.
        #expect(attribute(text, segment: 2, speakers: [milano, burke]) == .init(name: "Tarana Burke", speaker: "burke"))
        // The attribution itself is the author's.
        #expect(attribute(text, segment: 0, speakers: [milano, burke]) == .init(name: "Alyssa Milano", speaker: "milano"))
    }

    @Test func aLastNameAfterTheQuotationMatchesADeclaredSpeaker() {
        let text = "“We are not going anywhere,” Burke said in a statement."
        let burke = Speaker(id: "burke", name: "Tarana Burke")
        #expect(attribute(text, segment: 0, speakers: [milano, burke]) == .init(name: "Tarana Burke", speaker: "burke"))
    }

    @Test func anUndeclaredFullNameIsProposedAsANewSpeaker() {
        let text = "Rose McGowan wrote, “I will keep fighting for survivors.”"
        #expect(attribute(text, segment: 1, speakers: [milano]) == .init(name: "Rose McGowan", speaker: nil))
    }

    @Test func aQuotationWithoutAVerbOfSpeechOrNameGetsNoSpeaker() {
        #expect(attribute("The so-called “witch hunt” is a myth, they think.", segment: 0, speakers: [milano])?.speaker == "milano")
        #expect(attribute("It was, “a complete disaster for everyone involved.”", segment: 1, speakers: [milano]) == nil)
        #expect(attribute("Some said, “it is over for the movement now.”", segment: 1, speakers: [milano]) == nil)
    }

    @Test func thePersonSpokenToIsNotTheSpeaker() {
        let text = "She told David Axelrod for CNN: “The nine of us are now a family.”"
        let sotomayor = Speaker(id: "sotomayor", name: "Sonia Sotomayor")
        #expect(attribute(text, segment: 1, speakers: [sotomayor]) == nil)
        #expect(SpeakerAttribution.names(in: "She told David Axelrod for CNN, Sotomayor said") == ["CNN", "Sotomayor"])
    }

    @Test func interviewTurnsGoToTheirSpeaker() {
        let anderson = Speaker(id: "anderson", name: "Pamela Anderson")
        #expect(attribute("ANDERSON: I think it has gone too far.", segment: 0, speakers: [anderson]) == .init(name: "Pamela Anderson", speaker: "anderson"))
    }

    @Test func interviewsWithoutPrefixesAlternateAtQuestions() {
        let text = "Milano spoke to us.\nWhat inspired you? Tell us.\nIt was a time of stories.\nShe said, “It was late.”\nDid it work?\nYes."
        let codePoints = CodePointText(text)
        let paragraphs = Segmenter().paragraphs(codePoints)
        let speakers = [Speaker(id: "weltwoche", name: "The interviewer", role: "interviewer"), Speaker(id: "milano", name: "Alyssa Milano", role: "interviewee")]
        let attribution = SpeakerAttribution()
        #expect(attribution.interviewTurns(paragraphs, text: codePoints, speakers: speakers) == [nil, "weltwoche", "milano", "milano", "weltwoche", "milano"])
        // Without an interviewee there are no turns.
        #expect(attribution.interviewTurns(paragraphs, text: codePoints, speakers: [speakers[0]]).allSatisfy { $0 == nil })
        // The turn decides outside quotations.
        var article = Article(id: "a", text: text, speakers: speakers)
        let suggestions = Suggester(model: try! model()).suggest(into: &article)
        #expect(suggestions.units.map(\.speaker) == [nil, "weltwoche", "weltwoche", "milano", "milano", nil, "weltwoche", "milano"])
    }

    @Test func newSpeakerIDsAreValidAndUnique() {
        #expect(SpeakerAttribution.newID(for: "Rose McGowan", taken: []) == "rose-mcgowan")
        #expect(SpeakerAttribution.newID(for: "Rose McGowan", taken: ["rose-mcgowan"]) == "rose-mcgowan-2")
        #expect(SpeakerAttribution.newID(for: "Brigitte Bardot’s", taken: []) == "brigitte-bardot-s")
        #expect(SpeakerID.isValid(SpeakerAttribution.newID(for: "1st Person", taken: []).rawValue))
    }
}

struct SuggesterTests {
    let text = "Critics claim the movement is over. They are wrong. We must keep talking.\nGetty Images"

    @Test func suggestsAroundGoldUnitsWithoutTouchingThem() throws {
        let gold = ArgumentUnit(id: "u1", type: .claim, span: Span(start: 53, end: 73), quote: "We must keep talking", speaker: "milano")
        var article = Article(id: "a", text: text, speakers: [milano], units: [gold])
        let suggestions = Suggester(model: try model()).suggest(into: &article)
        #expect(article.units.first == gold)
        #expect(suggestions.units.map(\.quote) == ["Critics claim the movement is over.", "They are wrong."])
        #expect(suggestions.units.map(\.type) == [.claim, .rebuttal])
        #expect(suggestions.units.map(\.id) == ["u2", "u3"])
        #expect(suggestions.units.allSatisfy { $0.status == .suggested && $0.speaker == "milano" })
        #expect(suggestions.overlapping == 1)
        #expect(suggestions.furniture == 1)
        // Confidence is the posterior probability of the unit's tags, rounded to four decimals.
        for unit in suggestions.units {
            let confidence = try #require(unit.confidence)
            #expect(confidence > 0 && confidence < 1 && confidence == (confidence * 10_000).rounded() / 10_000)
        }
        #expect(suggestions.units[1].confidence! > suggestions.units[0].confidence!)
    }

    @Test func runningTwiceAddsNothing() throws {
        var article = Article(id: "a", text: text, speakers: [milano])
        let suggester = Suggester(model: try model())
        suggester.suggest(into: &article)
        let once = article
        let again = suggester.suggest(into: &article)
        #expect(again.units.isEmpty)
        #expect(article == once)
    }

    @Test func minimumConfidenceFilters() throws {
        var article = Article(id: "a", text: text)
        let suggestions = Suggester(model: try model()).suggest(into: &article, minimumConfidence: 0.8)
        // The rebuttal's tag outweighs every other (e^5 against e^2 and ones), the claims' do not.
        #expect(suggestions.units.map(\.quote) == ["They are wrong."])
        #expect(try #require(suggestions.units.first?.confidence) > 0.8)
        #expect(suggestions.belowMinimum == 2)
    }

    @Test func quotationsGetNewSpeakersOnce() throws {
        var article = Article(id: "a", text: "Rose McGowan wrote, “I will keep fighting. I will not stop.”")
        let suggestions = Suggester(model: try model()).suggest(into: &article)
        #expect(suggestions.speakers == [Speaker(id: "rose-mcgowan", name: "Rose McGowan", role: SpeakerAttribution.newSpeakerRole)])
        #expect(suggestions.units.map(\.speaker) == [nil, "rose-mcgowan", "rose-mcgowan"])
    }
}

struct ReviewTests {
    func suggested() throws -> Article {
        var article = Article(id: "a", text: "Rose McGowan wrote, “I will keep fighting. They are wrong.”",
                              units: [ArgumentUnit(id: "g1", type: .position, span: Span(start: 0, end: 4), quote: "Rose")])
        Suggester(model: try model()).suggest(into: &article)
        return article
    }

    @Test func acceptMakesGoldAndConfirmsSuggestedSpeakers() throws {
        var article = try suggested()
        let ids = article.units.filter { $0.status == .suggested }.map(\.id.rawValue)
        #expect(ids == ["u1", "u2"])
        let accepted = try ArticleEdits.accept(.ids(["u2"]), in: &article, path: "a.xml")
        #expect(accepted.map(\.id) == ["u2"])
        #expect(article.unit("u2")?.status == .gold && article.unit("u2")?.confidence == nil)
        #expect(article.unit("u1")?.status == .suggested)
        #expect(article.speaker("rose-mcgowan")?.role == "quoted")
    }

    @Test func acceptAboveAThreshold() throws {
        var article = try suggested()
        let accepted = try ArticleEdits.accept(.atLeast(0.8), in: &article, path: "a.xml")
        #expect(accepted.map(\.type) == [.rebuttal])
    }

    @Test func rejectRemovesSuggestionsAndOrphanedSuggestedSpeakers() throws {
        var article = try suggested()
        let (units, speakers, _) = try ArticleEdits.reject(.all, in: &article, path: "a.xml")
        #expect(units.map(\.id) == ["u1", "u2"])
        #expect(speakers.map(\.id) == ["rose-mcgowan"])
        #expect(article.units.map(\.id) == ["g1"])
        #expect(article.speakers.isEmpty)
    }

    @Test func rejectBelowKeepsTheConfidentOnes() throws {
        var article = try suggested()
        let (units, speakers, _) = try ArticleEdits.reject(.below(0.8), in: &article, path: "a.xml")
        #expect(units.map(\.type) == [.claim])
        #expect(speakers.isEmpty)
        #expect(article.units.map(\.id) == ["g1", "u2"])
    }

    @Test func goldAndUnknownIDsAreRefused() throws {
        var article = try suggested()
        let before = article
        #expect(throws: EditError.self) { try ArticleEdits.accept(.ids(["g1"]), in: &article, path: "a.xml") }
        #expect(throws: EditError.self) { try ArticleEdits.reject(.ids(["u9"]), in: &article, path: "a.xml") }
        #expect(article == before)
        do {
            _ = try ArticleEdits.reject(.ids(["g1"]), in: &article, path: "a.xml")
            Issue.record("rejecting a gold unit must fail")
        } catch {
            #expect(error.message.contains("not a suggestion"))
        }
    }

    @Test func relationsToARejectedSuggestionGoWithIt() throws {
        var article = try suggested()
        article.relations = [Relation(id: "r1", type: .attacks, from: "g1", to: .unit("u2"))]
        let (_, _, relations) = try ArticleEdits.reject(.all, in: &article, path: "a.xml")
        #expect(relations.map(\.id) == ["r1"])
        #expect(article.relations.isEmpty)
        #expect(article.units.map(\.id) == ["g1"])
    }

    @Test func relationsFromASuggestionGoWithIt() throws {
        var article = try suggested()
        article.relations = [Relation(id: "r1", type: .attacks, from: "u2", to: .unit("g1")),
                             Relation(id: "r2", type: .undercuts, from: "u1", to: .relation("r1"))]
        _ = try ArticleEdits.reject(.ids(["u2"]), in: &article, path: "a.xml")
        #expect(article.relations.isEmpty)
        #expect(article.units.map(\.id) == ["g1", "u1"])
    }

    @Test func acceptingKeepsTheSuggestionsRelations() throws {
        var article = try suggested()
        article.relations = [Relation(id: "r1", type: .attacks, from: "u2", to: .unit("g1"))]
        _ = try ArticleEdits.accept(.ids(["u2"]), in: &article, path: "a.xml")
        #expect(article.relations.map(\.id) == ["r1"])
    }
}
