import ArgmarkCore

/// An article's text cut into segments, with what the models need, computed once.
package struct AnalyzedText: Sendable {
    package var text: CodePointText
    package var paragraphs: [Paragraph]
    package var segments: [Segment]
    package var features: [[UInt32]]
    package var boundaries: [Boundary]
    /// Each segment's layout features for the ``UnitGate``.
    package var layout: [[UInt32]]
    package var genre: Genre?

    package init(_ string: String, genre: Genre?, granularity: Granularity = .clauses, extractor: FeatureExtractor = FeatureExtractor()) {
        text = CodePointText(string)
        paragraphs = extractor.segmenter.paragraphs(text)
        let extracted = extractor.extract(text, genre: genre, segments: extractor.segmenter.segments(text, granularity: granularity))
        segments = extracted.map(\.segment)
        features = extracted.map { $0.features.names.map(FeatureHash.hash) }
        layout = extracted.map { UnitGate.layout($0.features.names) }
        self.genre = genre
        boundaries = Boundary.of(segments)
    }
}

/// A unit the model finds: a run of segments tagged begin, inside, inside…
package struct DecodedUnit: Sendable, Equatable {
    package var type: UnitType
    package var span: Span
    /// The first and last segment of the run.
    package var segments: ClosedRange<Int>
    /// The mean posterior probability of the run's tags.
    package var confidence: Double
}

extension SequenceModel {
    /// The units in `analyzed`, in text order, with their confidences.
    package func units(in analyzed: AnalyzedText) -> [DecodedUnit] {
        let emissions = self.emissions(analyzed.features)
        let tags = decode(emissions, analyzed.boundaries)
        let marginals = self.marginals(emissions, analyzed.boundaries)
        return Self.runs(tags, analyzed.segments) { index in marginals[index][tags[index]] }
    }

    /// Runs of begin/inside tags as units; `confidence` gives each segment's share.
    package static func runs(_ tags: [Int], _ segments: [Segment], confidence: (Int) -> Double = { _ in 1 }) -> [DecodedUnit] {
        var result: [DecodedUnit] = []
        var index = 0
        while index < tags.count {
            guard let type = Tags.unitType(tags[index]) else { index += 1; continue }
            var end = index
            while end + 1 < tags.count, Tags.isInside(tags[end + 1]), Tags.unitType(tags[end + 1]) == type { end += 1 }
            let total = (index...end).reduce(0.0) { $0 + confidence($1) }
            result.append(DecodedUnit(type: type, span: Span(start: segments[index].span.start, end: segments[end].span.end),
                                      segments: index...end, confidence: total / Double(end - index + 1)))
            index = end + 1
        }
        return result
    }
}
