import ArgmarkCore

/// Proposes candidate units for an article: segments it, scores each segment with the model,
/// and keeps those the model labels as a unit type with at least the minimum confidence and
/// that overlap no unit already in the article (gold or suggested), so gold is never touched
/// and running it twice adds nothing. Lines without a sentence-final stop (headlines, captions,
/// bylines, banners) are never proposed: the guidelines leave page furniture unannotated.
public struct Suggester: Sendable {
    public var model: SuggestionModel
    public var extractor = FeatureExtractor()
    public var attribution = SpeakerAttribution()

    public init(model: SuggestionModel = .shipped) {
        self.model = model
    }

    /// What suggesting added to an article.
    public struct Suggestions: Sendable, Equatable {
        public var units: [ArgumentUnit] = []
        /// Speakers declared for quotations attributed to a name no speaker had.
        public var speakers: [Speaker] = []
        /// Candidates left out because they overlap a unit already in the article.
        public var overlapping = 0
        /// Candidates left out because the model's confidence was below the minimum.
        public var belowMinimum = 0
        /// Candidates left out because their line has no sentence-final stop (page furniture).
        public var furniture = 0
    }

    /// Whether the line ends with `.`, `!`, `?` or `…` (possibly followed by closing marks).
    static func endsWithStop(_ line: Span, _ text: CodePointText) -> Bool {
        var index = line.end - 1
        while index >= line.start, Lexicon.closingMarks.contains(text.scalars[index]) || text.scalars[index].properties.isWhitespace { index -= 1 }
        return index >= line.start && [".", "!", "?", "…", ":"].contains(text.scalars[index])
    }

    /// One scored segment (for `--dump-features` and the tests).
    public struct Scored: Sendable {
        public var segment: Segment
        public var features: FeatureVector
        public var label: SegmentLabel
        public var probability: Double
    }

    /// Every segment of the text with its features and the model's verdict.
    public func score(_ text: CodePointText) -> [Scored] {
        extractor.extract(text).map { segment, features in
            let (label, probability) = model.predict(features)
            return Scored(segment: segment, features: features, label: label, probability: probability)
        }
    }

    /// Adds suggestions to `article` and returns what was added.
    @discardableResult
    public func suggest(into article: inout Article, minimumConfidence: Double = 0) -> Suggestions {
        let text = CodePointText(article.text)
        let quotations = Quotations.find(text.scalars)
        let paragraphs = extractor.segmenter.paragraphs(text)
        let turns = attribution.interviewTurns(paragraphs, text: text, speakers: article.speakers)
        let occupied = article.units.flatMap { unit in unit.fragments.isEmpty ? (unit.span.map { [$0] } ?? []) : unit.fragments }
        var taken = article.allIDs
        var result = Suggestions()
        for scored in score(text) {
            guard let type = scored.label.unitType else { continue }
            guard Self.endsWithStop(paragraphs[scored.segment.paragraph].span, text) else { result.furniture += 1; continue }
            // Four decimals, as the file stores them, so what is compared is what is written.
            let confidence = (scored.probability * 10_000).rounded() / 10_000
            guard confidence >= minimumConfidence else { result.belowMinimum += 1; continue }
            guard !occupied.contains(where: { $0.overlaps(scored.segment.span) }) else { result.overlapping += 1; continue }
            let id = ArticleEditor.nextID(prefix: "u", among: taken, after: article.unitHighWaterMark)
            taken.insert(id)
            var unit = ArgumentUnit(id: UnitID(id), type: type, span: scored.segment.span, quote: text[scored.segment.span],
                                    status: .suggested, confidence: confidence)
            let declared = article.speakers + result.speakers
            if let found = attribution.attribute(scored.segment, text: text, quotations: quotations, paragraph: paragraphs[scored.segment.paragraph].span, speakers: declared, turn: turns[scored.segment.paragraph]) {
                if let speaker = found.speaker {
                    unit.speaker = speaker
                } else {
                    let speaker = Speaker(id: SpeakerAttribution.newID(for: found.name, taken: taken), name: found.name, role: SpeakerAttribution.newSpeakerRole)
                    taken.insert(speaker.id.rawValue)
                    result.speakers.append(speaker)
                    unit.speaker = speaker.id
                }
            }
            result.units.append(unit)
        }
        article.units += result.units
        article.speakers += result.speakers
        return result
    }
}

extension Suggester {
    /// The "every sentence is a claim" baseline: each sentence that overlaps no unit becomes a
    /// suggested claim with confidence 1. Used by the evaluation, hidden from users.
    @discardableResult
    public func suggestEverySentenceAsClaim(into article: inout Article) -> Suggestions {
        let text = CodePointText(article.text)
        let occupied = article.units.compactMap(\.span)
        var taken = article.allIDs
        var result = Suggestions()
        for segment in extractor.segmenter.sentenceSegments(text) {
            guard !occupied.contains(where: { $0.overlaps(segment.span) }) else { result.overlapping += 1; continue }
            let id = ArticleEditor.nextID(prefix: "u", among: taken, after: article.unitHighWaterMark)
            taken.insert(id)
            result.units.append(ArgumentUnit(id: UnitID(id), type: .claim, span: segment.span, quote: text[segment.span], status: .suggested, confidence: 1))
        }
        article.units += result.units
        return result
    }

    /// Every segment of `article` with its gold label and features, as JSON for the trainer
    /// (`bench/suggest/train.py`): `{"id", "path", "segments": [{"start", "end", "label", "features"}]}`.
    public func trainingRecord(for article: Article, path: String) -> JSONValue {
        let text = CodePointText(article.text)
        let gold = article.units.filter { $0.status == .gold }
        let segments = extractor.extract(text).map { segment, features -> JSONValue in
            .object([
                "start": .int(segment.span.start), "end": .int(segment.span.end),
                "label": .string(GoldLabels.label(of: segment.span, among: gold).rawValue),
                "features": .array(features.names.map(JSONValue.string)),
            ])
        }
        return .object(["id": .string(article.id), "path": .string(path), "segments": .array(segments)])
    }
}

extension Suggester.Suggestions {
    /// The suggestions as edits: the new speakers, then the units with the ids the suggester gave
    /// them, for ``ArticleEditor/apply(_:to:expectedDigest:validator:)`` against the version of
    /// the file they were computed from.
    public var edits: [Edit] {
        speakers.map { .speaker(SpeakerChange(id: $0.id, name: $0.name, role: $0.role)) }
            + units.map { unit in
                let place: NewUnitPlace = unit.span.map { .anchor(.offsets(start: $0.start, end: $0.end)) } ?? .implicit(paraphrase: unit.quote)
                return .addUnit(NewUnit(type: unit.type, place: place, attributes: UnitAttributes(speaker: unit.speaker),
                                        id: unit.id.rawValue, status: unit.status, confidence: unit.confidence))
            }
    }
}
