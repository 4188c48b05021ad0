import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

struct ModelTests {
    let table = """
        # a comment
        none-threshold\t0.6
        feature\tnone\tposition\tclaim\tcounterclaim\trebuttal\tevidence
        bias\t1\t0\t0\t0\t0\t0
        lex:rebuttal\t-1\t0\t0\t0\t3\t0
        """

    @Test func readsATable() throws {
        let model = try SuggestionModel(table: table)
        #expect(model.labels == [.none, .position, .claim, .counterclaim, .rebuttal, .evidence])
        #expect(model.weights["lex:rebuttal"] == [-1, 0, 0, 0, 3, 0])
        #expect(model.noneThreshold == 0.6)
    }

    @Test func scoresBySoftmaxAndThreshold() throws {
        let model = try SuggestionModel(table: table)
        let plain = FeatureVector(values: [("bias", 1)])
        let probabilities = model.probabilities(plain)
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        // P(none) = e / (e + 5) ≈ 0.35, the most probable label but below the threshold 0.6, so
        // the best unit type is proposed: position, the first of the tied ones.
        #expect(abs(probabilities[0] - 2.718281828459045 / (2.718281828459045 + 5)) < 1e-12)
        #expect(model.predict(plain).label == .position)
        let rebuttal = FeatureVector(values: [("bias", 1), ("lex:rebuttal", 1), ("unknown:feature", 1)])
        let prediction = model.predict(rebuttal)
        #expect(prediction.label == .rebuttal)
        #expect(prediction.probability > 0.8)
    }

    @Test func thresholdDecidesBetweenNoneAndTheBestType() throws {
        var model = try SuggestionModel(table: table)
        model.noneThreshold = 1
        // P(none) = e/(e+5) ≈ 0.35 < 1: the best unit type (position, the first of the tied ones).
        #expect(model.predict(FeatureVector(values: [("bias", 1)])).label == .position)
        model.noneThreshold = 0.3
        #expect(model.predict(FeatureVector(values: [("bias", 1)])).label == .none)
    }

    @Test func badTablesNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("", 1, "empty"),
            ("feature\tnone\tmaybe\n", 1, "unknown label \"maybe\""),
            ("feature\tposition\tclaim\n", 1, "including none"),
            ("feature\tnone\tclaim\nbias\t1\n", 2, "expected 3 tab-separated fields"),
            ("feature\tnone\tclaim\nbias\t1\tx\n", 2, "\"x\" is not a number"),
            ("feature\tnone\tclaim\nbias\t1\t2\nbias\t1\t2\n", 3, "appears twice"),
            ("none-threshold\t2\nfeature\tnone\tclaim\n", 1, "between 0 and 1"),
        ]
        for (text, line, message) in cases {
            #expect {
                _ = try SuggestionModel(table: text)
            } throws: { error in
                guard let error = error as? ModelLoadError else { return false }
                return error.line == line && error.message.contains(message)
            }
        }
    }

    @Test func shippedModelLoadsAndKnowsTheExtractorsFeatures() {
        let model = SuggestionModel.shipped
        #expect(Set(model.labels) == Set(SegmentLabel.allCases))
        #expect((0...1).contains(model.noneThreshold))
        let text = CodePointText("Critics claim it is over. They are wrong. I think we must keep talking, because it matters.")
        let names = Set(FeatureExtractor().extract(text).flatMap(\.features.names))
        #expect(names.isSubset(of: Set(model.weights.keys)))
    }

    @Test func scoringIsDeterministic() {
        let text = CodePointText("Critics claim it is over. They are wrong. I think we must keep talking, because it matters.")
        let first = Suggester().score(text).map { ($0.label, $0.probability.bitPattern) }
        let second = Suggester().score(text).map { ($0.label, $0.probability.bitPattern) }
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func goldLabelsCoverHalfTheSegment() {
        let units = [
            ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: 10), quote: ""),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 20, end: 60), quote: ""),
            ArgumentUnit(id: "u3", type: .rebuttal, span: Span(start: 60, end: 70), quote: "", status: .suggested),
        ]
        #expect(GoldLabels.label(of: Span(start: 0, end: 20), among: units) == .claim)
        #expect(GoldLabels.label(of: Span(start: 0, end: 21), among: units) == .none)
        #expect(GoldLabels.label(of: Span(start: 25, end: 35), among: units) == .evidence)
        // Suggestions are not gold.
        #expect(GoldLabels.label(of: Span(start: 60, end: 70), among: units) == .none)
    }
}
