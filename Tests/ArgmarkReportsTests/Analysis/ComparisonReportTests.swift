import ArgmarkCore
@testable import ArgmarkReports
import Testing

@Suite struct ComparisonReportTests {
    let report = Fixtures.report(Fixtures.small)

    func ids(_ references: [UnitReference]) -> [String] {
        references.map { "\(report.sources[$0.source].key):\($0.unit)" }
    }

    /// A speaker found in every article of a large corpus must not list the whole corpus per source.
    @Test func alsoInIsCappedButCounted() {
        let articles = (0..<25).map { index -> Article in
            var article = Article(id: "e\(index)", text: "Essay \(index) argues something of its own.")
            article.speakers = [Speaker(id: "author", name: "The Student")]
            article.units = [ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 5), quote: "Essay", speaker: "author")]
            return article
        }
        let report = ComparisonReport.build(sources: ReportSource.sources(for: articles.map { ("\($0.id).xml", $0) }), corpus: Corpus())
        #expect(report.speakers.count == 25)
        for summary in report.speakers {
            #expect(summary.alsoInCount == 24)
            #expect(summary.alsoIn.count == SpeakerSummary.alsoInLimit)
            #expect(!summary.alsoIn.contains(summary.source))
            #expect(summary.alsoInDescription { "s\($0)" }.hasSuffix("+4 more"))
        }
    }

    @Test func sourcesAreInPathOrderWithTheirCorpus() {
        #expect(report.sources.map(\.key) == ["a-gazette", "b-radio", "c-merchants"])
        #expect(report.sources.map(\.file) == ["a-gazette.xml", "b-radio.xml", "c-merchants.xml"])
        #expect(report.corpus.targets.map(\.id) == ["bike-lanes", "car-ban"])
    }

    @Test func stanceBySourceCountsHeldUnitsAndListsReportedCounterclaimsApart() throws {
        let matrix = report.stanceBySource
        #expect(matrix.targets == ["bike-lanes", "car-ban"])
        let gazette = try #require(matrix.cell(row: 0, column: 0))
        #expect(gazette.verdictName == "favor")
        #expect(ids(gazette.favor) == ["a-gazette:a1", "a-gazette:a2", "a-gazette:a3", "a-gazette:a5", "a-gazette:a6", "a-gazette:a7", "a-gazette:a8"])
        #expect(gazette.others.map { "\($0.unit.unit) \($0.voice.rawValue) \($0.stance.rawValue)" } == ["a4 reported against"])
        let merchants = try #require(matrix.cell(row: 0, column: 2))
        #expect(merchants.verdictName == "against")
        #expect(merchants.others.map(\.unit.unit) == ["c3", "c5"])
        #expect(merchants.others.allSatisfy { $0.voice == .reported })
        #expect(matrix.cell(row: 1, column: 0) == nil, "no unit is about car-ban")
    }

    /// A news report that only quotes others has no verdict of its own: the radio's quoted
    /// speakers do not become the station's stance.
    @Test func aSourceThatOnlyQuotesOthersHasNoVerdictOfItsOwn() throws {
        let radio = try #require(report.stanceBySource.cell(row: 0, column: 1))
        #expect(radio.verdictName == "none")
        #expect(radio.favor.isEmpty && radio.against.isEmpty && radio.neutral.isEmpty)
        #expect(radio.others.map { "\($0.unit.unit) \($0.voice.rawValue) \($0.speaker ?? "")" } == ["b1 quoted Dana Reyes", "b2 quoted Dana Reyes", "b3 quoted Lee Park"])
        #expect(radio.others.allSatisfy { $0.voice == .quoted })
    }

    @Test func voicesFollowRolesAndInterviews() {
        let speakers = [Speaker(id: "a", name: "Ann Author", role: "author"), Speaker(id: "i", name: "Ivy", role: "interviewee"),
                        Speaker(id: "q", name: "Quinn", role: "quoted: tweet"), Speaker(id: "r", name: "critics", role: "reported"),
                        Speaker(id: "n", name: "No Role")]
        let interview = ArgumentGraph(Article(id: "x", text: "", speakers: speakers))
        #expect(interview.voice(speaker: nil) == .own)
        #expect(interview.voice(speaker: "i") == .own, "in an interview the interviewee is the source's own voice")
        #expect(interview.voice(speaker: "a") == .interviewer, "the author of an interview asks the questions")
        #expect(interview.voice(speaker: "q") == .quoted)
        #expect(interview.voice(speaker: "r") == .reported)
        #expect(interview.voice(speaker: "n") == .quoted)
        var opinion = Article(id: "y", text: "", speakers: Array(speakers.filter { $0.id != "i" }))
        opinion.metadata.author = "no role"
        let graph = ArgumentGraph(opinion)
        #expect(graph.voice(speaker: "a") == .own)
        #expect(graph.voice(speaker: "n") == .own, "a speaker without a role named like the author is the author")
        let counterclaim = ArgumentUnit(id: "u1", type: .counterclaim, span: nil, quote: "x", speaker: "a")
        #expect(graph.voice(of: counterclaim) == .reported, "a counterclaim is never the source's own view")
    }

    @Test func disagreementsListOppositeSidesAndOmissions() throws {
        let found = report.disagreements
        let lanes = try #require(found.targets.first { $0.target == "bike-lanes" })
        #expect(lanes.favor.contains { $0.source == 0 && $0.voice == .own })
        #expect(lanes.against.contains { $0.source == 2 && $0.voice == .own })
        #expect(lanes.against.contains { $0.source == 1 && $0.voice == .quoted && $0.speaker == "Lee Park" })
        for side in lanes.favor + lanes.against { #expect(!side.units.isEmpty) }
        for omission in found.omissions {
            for proposition in omission.propositions {
                let row = try #require(report.propositions.first { $0.proposition == proposition })
                #expect(!row.entries.contains { $0.source == omission.source }, "\(omission.source) does not mention \(proposition)")
                #expect(row.entries.contains { !$0.asserts.isEmpty }, "someone else asserts \(proposition)")
            }
        }
    }

    @Test func stanceBySpeakerMatchesSpeakersAcrossSourcesByName() throws {
        let matrix = report.stanceBySpeaker
        #expect(matrix.columns.map(\.key) == ["bike-lane advocates", "dana reyes", "lee park", "shop owners"])
        let park = try #require(matrix.columns.firstIndex { $0.key == "lee park" })
        #expect(matrix.columns[park].sources == [1, 2])
        let cell = try #require(matrix.cell(row: 0, column: park))
        #expect(cell.verdict == .against)
        #expect(ids(cell.against) == ["b-radio:b3", "c-merchants:c1", "c-merchants:c2", "c-merchants:c4", "c-merchants:c6"])
    }

    @Test func propositionsShowWhoAssertsReportsAndRebuts() throws {
        let saves = try #require(report.propositions.first { $0.proposition == "lanes-save-lives" })
        #expect(saves.statement == "Protected bike lanes reduce traffic deaths.")
        #expect(saves.entries.flatMap { ids($0.asserts) } == ["a-gazette:a2", "b-radio:b1"])
        #expect(saves.entries.flatMap { ids($0.reportsAsCounterclaim) } == ["c-merchants:c3"])
        // c4 undercuts the attack c3 makes: it answers the counterclaim carrying the proposition.
        #expect(saves.entries.flatMap { ids($0.rebuts) } == ["c-merchants:c4"])
        let shops = try #require(report.propositions.first { $0.proposition == "shops-lose" })
        #expect(shops.entries.flatMap { ids($0.asserts) } == ["c-merchants:c2"])
        #expect(shops.entries.flatMap { ids($0.reportsAsCounterclaim) } == ["a-gazette:a4", "b-radio:b3"])
        #expect(shops.entries.flatMap { ids($0.rebuts) } == ["a-gazette:a5"])
    }

    @Test func counterclaimsAreFlaggedWhenUnanswered() {
        let summary = report.counterclaims.map { "\(report.sources[$0.unit.source].key):\($0.unit.unit) \($0.isAnswered ? $0.answers.map { "\($0.unit.unit)/\($0.type.rawValue)" }.joined(separator: ",") : "unanswered")" }
        #expect(summary == ["a-gazette:a4 a5/rebuts", "b-radio:b3 unanswered", "c-merchants:c3 c4/undercuts", "c-merchants:c5 unanswered"])
        #expect(report.counterclaims[0].attacks.map(\.unit) == ["a1"])
        #expect(report.counterclaims[0].speaker == "shop owners")
    }

    @Test func speakersKnowWhereElseTheyAreQuoted() throws {
        let reyes = try #require(report.speakers.first { $0.source == 0 && $0.speaker == "reyes" })
        #expect(reyes.alsoIn == [1])
        #expect(reyes.units.count == 7)
        #expect(reyes.unitsByType[.evidence] == 2)
        #expect(reyes.stances.map { "\($0.target) \($0.favor)/\($0.against)/\($0.neutral)" } == ["bike-lanes 7/0/0"])
        let owners = try #require(report.speakers.first { $0.speaker == "shop-owners" })
        #expect(owners.alsoIn.isEmpty)
    }

    @Test func profilesCountTypesRelationsDepthAndCoverage() {
        let gazette = report.profiles[0]
        #expect(gazette.unitsByType == [.position: 2, .claim: 2, .evidence: 2, .counterclaim: 1, .rebuttal: 1])
        #expect(gazette.supports == 4)
        #expect(gazette.attacks == 2)
        #expect(gazette.depth == 4, "a6 supports a5, which rebuts a4, which attacks a1")
        #expect(gazette.implicitUnits == 1)
        let text = CodePointText(report.sources[0].article.text)
        #expect(gazette.textLength == text.count)
        // Every explicit unit's span counted once: the gaps are the spaces, "Shop owners warn that " and ".".
        let covered = report.sources[0].article.units.compactMap(\.span).reduce(0) { $0 + $1.length }
        #expect(gazette.annotatedLength == covered)
        #expect(gazette.annotatedShare > 0.85 && gazette.annotatedShare < 1)
        #expect(report.profiles[2].depth == 3, "c4 undercuts c3's attack on c1")
    }

    @Test func depthSurvivesCycles() {
        let text = "One. Two."
        let article = Article(id: "loop", text: text, units: [
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 4), quote: "One."),
            ArgumentUnit(id: "u2", type: .claim, span: Span(start: 5, end: 9), quote: "Two."),
        ], relations: [
            Relation(id: "r1", type: .attacks, from: "u1", to: .unit("u2")),
            Relation(id: "r2", type: .attacks, from: "u2", to: .unit("u1")),
        ])
        #expect(ArgumentGraph(article).depth == 2)
    }

    @Test func repeatedArticleIDsGetUniqueKeys() {
        let article = Article(id: "same", text: "x")
        let sources = ReportSource.sources(for: [("one/same.xml", article), ("two/same.xml", article), ("three/x.xml", article)])
        #expect(sources.map(\.key) == ["same", "same~2", "same~3"])
        #expect(sources.map(\.file) == ["same.xml", "same.xml", "x.xml"])
    }
}
