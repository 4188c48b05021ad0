import ArgmarkAgreement
import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// Articles whose long sentences are gold claims and whose short ones are not: what only the
/// layout (a sentence's length) tells apart, not the words, which are the same in both. With
/// `shortOnesToo`, every sentence is a claim.
private func longSentencesAreClaims(_ count: Int, genre: Genre? = nil, shortOnesToo: Bool = false) -> [TrainingArticle] {
    (0..<count).map { index in
        let long = "People in town \(index) say the new tax on sugar drinks has done more for the health of their children than anything else."
        let short = "Maybe so."
        var text = ""
        var units: [ArgumentUnit] = []
        for (offset, sentence) in [long, short, long, short, short, long].enumerated() {
            if offset > 0 { text += " " }
            let start = text.unicodeScalars.count
            text += sentence
            if sentence == long || shortOnesToo {
                units.append(ArgumentUnit(id: UnitID("u\(offset + 1)"), type: .claim, span: Span(start: start, end: text.unicodeScalars.count), quote: sentence))
            }
        }
        var article = Article(id: "tax-\(genre?.rawValue ?? "")\(index)", text: text, units: units)
        article.metadata.genre = genre
        return TrainingArticle(article: article)
    }
}

/// Claim scores: `matched` of 10 gold units found among 10 suggested.
private func claims(_ matched: Int) -> Evaluation {
    var evaluation = Evaluation()
    evaluation.units[.claim] = MatchCounts(first: 10, second: 10, matched: matched)
    return evaluation
}

/// A model that sees nothing: on every segment "outside" and a claim score the same (the
/// other types are ruled out, so a unit it finds is a claim).
private let blindModel: SequenceModel = {
    var emission = [Float](repeating: -10, count: Tags.count)
    for tag in [Tags.outside, Tags.begin(.claim), Tags.inside(.claim)] { emission[tag] = 0 }
    return SequenceModel(rows: [FeatureHash.hash("bias"): 0], emission: emission)
}()

private func model(gate: UnitGate?) -> SuggestionModel {
    var model = SuggestionModel(sequence: blindModel, relations: ChoiceModel(), stance: ChoiceModel(), summary: TrainingSummary())
    model.summary.granularity = .sentences
    model.gate = gate
    return model
}

struct GateTests {
    @Test func theGateLearnsFromLayoutWhatTheSequenceModelMisses() throws {
        let items = try SuggestionTrainer().prepare(longSentencesAreClaims(12), granularity: .sentences)
        let folds = [Array(items[0..<6]), Array(items[6...])]
        let (gate, blind) = SuggestionTrainer.fitGate([blindModel, blindModel], folds, temperature: 1)
        // Scored blind (each fold gated by a regression fitted on the other), every claim is found.
        #expect(blind.units[.claim]?.first == 36)
        #expect(blind.macroF1 == 1)
        #expect(gate.threshold.map(SuggestionTrainer.gateThresholds.contains) == true)
        // One genre (none here): one decision for all, as format 3 writes it.
        #expect(gate.isShared)

        // Without the gate the blind model proposes no claim, or all six sentences; with it, the three long ones.
        let plain = model(gate: nil).units(in: items[0].analyzed)
        #expect(plain.count == 0 || plain.count == 6 || plain.count == 1)
        let gated = model(gate: gate).units(in: items[0].analyzed)
        #expect(gated.map(\.span) == items[0].article.units.map(\.span!))
        #expect(gated.allSatisfy { $0.type == .claim && $0.confidence >= Double(gate.threshold!) })

        // The same input gives the same gate.
        #expect(SuggestionTrainer.fitGate([blindModel, blindModel], folds, temperature: 1).gate == gate)
    }

    @Test func imposedDecisionsRuleOutOutsideOrEveryUnitTag() {
        let emissions = [[Float](repeating: 1, count: Tags.count), [Float](repeating: 1, count: Tags.count)]
        let imposed = UnitGate.imposed(emissions, [0.9, 0.1], threshold: 0.5)
        #expect(imposed[0][Tags.outside] == SequenceTrainer.ruledOut)
        #expect(imposed[0][Tags.begin(.claim)] == 1)
        #expect(imposed[1][Tags.outside] == 1)
        #expect((1..<Tags.count).allSatisfy { imposed[1][$0] == SequenceTrainer.ruledOut })
    }

    @Test func eachGenreKeepsTheDecisionThatScoresBestOnItsOwnArticles() {
        // Group 0 (other genres) and comments score 10 and 9 of 10 gated at the sixth threshold
        // (5 and 3 without the gate); microtexts lose with the gate at any threshold (2 against 9).
        let count = SuggestionTrainer.gateThresholds.count
        func gatedRow(best: Int, elsewhere: Int) -> [Evaluation] { (0..<count).map { claims($0 == 5 ? best : elsewhere) } }
        let fold = [gatedRow(best: 10, elsewhere: 4), gatedRow(best: 9, elsewhere: 3), gatedRow(best: 2, elsewhere: 2)]
        let decisions = SuggestionTrainer.chooseGateDecisions(gated: [fold, fold], plain: [[claims(5), claims(3), claims(9)], [claims(5), claims(3), claims(9)]], genres: [.comment, .microtext])
        // The shared threshold is kept (21 of 30 against 17 without the gate); it serves comments
        // as well as a threshold of their own would, so they get none; microtexts are not gated.
        #expect(decisions.threshold == 5)
        #expect(decisions.genres == [.microtext: Int?.none])
        #expect(decisions.blind.units[.claim] == MatchCounts(first: 60, second: 60, matched: 2 * (10 + 9 + 9)))

        // Where the shared threshold loses overall, a genre it helps gets a threshold of its own.
        let weak = [gatedRow(best: 5, elsewhere: 5), gatedRow(best: 9, elsewhere: 3), gatedRow(best: 2, elsewhere: 2)]
        let own = SuggestionTrainer.chooseGateDecisions(gated: [weak, weak], plain: [[claims(5), claims(3), claims(9)], [claims(5), claims(3), claims(9)]], genres: [.comment, .microtext])
        #expect(own.threshold == nil)
        #expect(own.genres == [.comment: Int?.some(5)])
        #expect(own.blind.units[.claim]?.matched == 2 * (5 + 9 + 9))

        // A genre is judged on its units of every type together: gating comments finds 9 claims
        // of 10 instead of 3 and loses their one rare rebuttal (macro-F1 0.65 → 0.45 but micro
        // 0.42 → 0.75), so comments are gated.
        func withRebuttal(_ evaluation: Evaluation, _ matched: Int) -> Evaluation {
            var result = evaluation
            result.units[.rebuttal] = MatchCounts(first: 2, second: 2, matched: matched)
            return result
        }
        let rare = [gatedRow(best: 5, elsewhere: 5), gatedRow(best: 9, elsewhere: 3).map { withRebuttal($0, 0) }, gatedRow(best: 2, elsewhere: 2)]
        let plainRare = [claims(5), withRebuttal(claims(3), 2), claims(9)]
        #expect(withRebuttal(claims(9), 0).strictMacroF1! < withRebuttal(claims(3), 2).strictMacroF1!)
        #expect(withRebuttal(claims(9), 0).microF1! > withRebuttal(claims(3), 2).microF1!)
        let micro = SuggestionTrainer.chooseGateDecisions(gated: [rare, rare], plain: [plainRare, plainRare], genres: [.comment, .microtext])
        #expect(micro.genres == [.comment: Int?.some(5)])
    }

    @Test func aGateDecidesOnlyForTheGenresItKeptAndTrainingChoosesThemBlind() throws {
        // Comments: the long sentences are claims; microtexts: every sentence is, short or long.
        let comments = longSentencesAreClaims(20, genre: .comment)
        let microtexts = longSentencesAreClaims(20, genre: .microtext, shortOnesToo: true)
        let items = try SuggestionTrainer().prepare(comments + microtexts, granularity: .sentences)
        let folds = [items.indices.filter { $0 % 2 == 0 }.map { items[$0] }, items.indices.filter { $0 % 2 == 1 }.map { items[$0] }]
        let (gate, blind) = SuggestionTrainer.fitGate([blindModel, blindModel], folds, temperature: 1)
        #expect(blind.macroF1 == 1)
        #expect(SuggestionTrainer.fitGate([blindModel, blindModel], folds, temperature: 1).gate == gate)
        // Each genre's articles are read as its own: three claims in a comment, six in a microtext.
        let gated = model(gate: gate)
        #expect(gated.units(in: items[0].analyzed).map(\.span) == items[0].article.units.map(\.span!))
        #expect(gated.units(in: items[20].analyzed).map(\.span) == items[20].article.units.map(\.span!))
        #expect(items[20].article.units.count == 6)

        // A genre left ungated is decoded by the sequence model alone, exactly as without a gate.
        var ungated = gate
        ungated.ungatedGenres = [.comment]
        ungated.genreThresholds = [:]
        #expect(ungated.threshold(for: .comment) == nil && ungated.threshold(for: .microtext) == gate.threshold)
        #expect(model(gate: ungated).units(in: items[0].analyzed) == model(gate: nil).units(in: items[0].analyzed))
    }

    @Test func aModelWithAGateIsFormatThreeAndReadsBack() throws {
        let gate = UnitGate(weights: [FeatureHash.hash("gate", "bias"): 0.5, FeatureHash.hash("gate", "posterior-odds"): -1.25], threshold: 0.35)
        let bytes = model(gate: gate).encoded()
        #expect(bytes.starts(with: Array("argmark suggestion model\nformat-version: 3\n".utf8)))
        let read = try SuggestionModel(bytes: bytes, path: "g.model")
        #expect(read.gate == gate)
        #expect(read == model(gate: gate))
        // Without a gate the model keeps the format before it, byte for byte.
        let plain = model(gate: nil).encoded()
        #expect(plain.starts(with: Array("argmark suggestion model\nformat-version: 2\n".utf8)))
        #expect(try SuggestionModel(bytes: plain, path: "p.model").gate == nil)
    }

    @Test func aGateDecidingPerGenreIsFormatFourAndReadsBack() throws {
        let weights: [UInt32: Float] = [FeatureHash.hash("gate", "bias"): 0.5, FeatureHash.hash("gate", "comment|bias"): 1.5]
        for gate in [UnitGate(weights: weights, threshold: 0.35, genreThresholds: [.comment: 0.2, .blog: 0.6], ungatedGenres: [.microtext]),
                     UnitGate(weights: weights, threshold: nil, genreThresholds: [.comment: 0.275])] {
            let bytes = model(gate: gate).encoded()
            #expect(bytes.starts(with: Array("argmark suggestion model\nformat-version: 4\n".utf8)))
            let read = try SuggestionModel(bytes: bytes, path: "g.model")
            #expect(read.gate == gate)
            #expect(read.encoded() == bytes)
        }
        let gate = UnitGate(weights: weights, threshold: nil, genreThresholds: [.comment: 0.275])
        #expect(gate.threshold(for: .comment) == 0.275 && gate.threshold(for: .news) == nil && gate.threshold(for: nil) == nil)
        // A genre name this argmark does not know makes the file damaged, not a crash.
        var bytes = model(gate: gate).encoded()
        let name = Array("comment".utf8)
        let at = (0...(bytes.count - name.count)).last { Array(bytes[$0..<($0 + name.count)]) == name }!
        bytes.replaceSubrange(at..<(at + name.count), with: Array("poetry!".utf8))
        let headerEnd = bytes.indices.first { $0 > 2 && bytes[$0] == 10 && bytes[$0 - 1] == 10 }! + 1
        let payload = Array(bytes[headerEnd...])
        let forged = Array("argmark suggestion model\nformat-version: 4\nsha256: \(SHA256.hexDigest(of: payload))\n\n".utf8) + payload
        #expect(throws: ModelLoadError.self) { try SuggestionModel(bytes: forged, path: "g.model") }
    }
}
