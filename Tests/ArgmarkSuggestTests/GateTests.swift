import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// Articles whose long sentences are gold claims and whose short ones are not: what only the
/// layout (a sentence's length) tells apart, not the words, which are the same in both.
private func longSentencesAreClaims(_ count: Int) -> [TrainingArticle] {
    (0..<count).map { index in
        let long = "People in town \(index) say the new tax on sugar drinks has done more for the health of their children than anything else."
        let short = "Maybe so."
        var text = ""
        var units: [ArgumentUnit] = []
        for (offset, sentence) in [long, short, long, short, short, long].enumerated() {
            if offset > 0 { text += " " }
            let start = text.unicodeScalars.count
            text += sentence
            if sentence == long {
                units.append(ArgumentUnit(id: UnitID("u\(offset + 1)"), type: .claim, span: Span(start: start, end: text.unicodeScalars.count), quote: sentence))
            }
        }
        return TrainingArticle(article: Article(id: "tax-\(index)", text: text, units: units))
    }
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
        #expect(SuggestionTrainer.gateThresholds.contains(gate.threshold))

        // Without the gate the blind model proposes no claim, or all six sentences; with it, the three long ones.
        let plain = model(gate: nil).units(in: items[0].analyzed)
        #expect(plain.count == 0 || plain.count == 6 || plain.count == 1)
        let gated = model(gate: gate).units(in: items[0].analyzed)
        #expect(gated.map(\.span) == items[0].article.units.map(\.span!))
        #expect(gated.allSatisfy { $0.type == .claim && $0.confidence >= Double(gate.threshold) })

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
}
