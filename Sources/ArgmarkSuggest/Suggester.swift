import ArgmarkCore

/// Proposes candidate units for an article, with relations between them and stances toward the
/// corpus's targets: cuts the text into clauses, decodes the whole sequence with the model, and
/// keeps the units with at least the minimum confidence that overlap no unit already in the
/// article (gold or suggested), so gold is never touched and running it twice adds nothing.
/// Lines without a sentence-final stop (headlines, captions, bylines, banners) are never
/// proposed: the guidelines leave page furniture unannotated.
///
/// Suggested relations always start at a suggested unit: they are part of that suggestion, kept
/// when it is accepted and removed when it is rejected.
package struct Suggester: Sendable {
    package var model: SuggestionModel
    package var extractor = FeatureExtractor()
    package var attribution = SpeakerAttribution()
    /// The project's unit types, when declared: the model's other types become the nearest of
    /// them (``LabelSet``).
    package var labels: LabelSet?

    package init(model: SuggestionModel = .shipped) {
        self.model = model
    }

    /// What suggesting added to an article.
    package struct Suggestions: Sendable, Equatable {
        package var units: [ArgumentUnit] = []
        /// Speakers declared for quotations attributed to a name no speaker had.
        package var speakers: [Speaker] = []
        /// Relations from the new units, with the model's confidence.
        package var relations: [(relation: Relation, confidence: Double)] = []
        /// Candidates left out because they overlap a unit already in the article.
        package var overlapping = 0
        /// Candidates left out because the model's confidence was below the minimum.
        package var belowMinimum = 0
        /// Candidates left out because their line has no sentence-final stop (page furniture).
        package var furniture = 0

        package static func == (lhs: Suggestions, rhs: Suggestions) -> Bool {
            lhs.units == rhs.units && lhs.speakers == rhs.speakers && lhs.relations.map(\.relation) == rhs.relations.map(\.relation)
                && lhs.relations.map(\.confidence) == rhs.relations.map(\.confidence)
                && (lhs.overlapping, lhs.belowMinimum, lhs.furniture) == (rhs.overlapping, rhs.belowMinimum, rhs.furniture)
        }
    }

    /// Whether the line ends with `.`, `!`, `?`, `…` or `:` (possibly followed by closing marks).
    static func endsWithStop(_ line: Span, _ text: CodePointText) -> Bool {
        var index = line.end - 1
        while index >= line.start, Lexicon.closingMarks.contains(text.scalars[index]) || text.scalars[index].properties.isWhitespace { index -= 1 }
        return index >= line.start && [".", "!", "?", "…", ":"].contains(text.scalars[index])
    }

    /// A unit the model finds in a text, before it is checked against the article.
    package struct Candidate: Sendable, Equatable {
        package var type: UnitType
        package var span: Span
        package var confidence: Double
    }

    /// Every unit the model finds in `text`, in text order (for the workbench and the tests).
    package func candidates(in text: String, genre: Genre? = nil) -> [Candidate] {
        let analyzed = AnalyzedText(text, genre: genre ?? model.summary.defaultGenre, granularity: model.summary.granularity, extractor: extractor)
        return model.units(in: analyzed, labels: labels).map { Candidate(type: $0.type, span: $0.span, confidence: $0.confidence) }
    }

    /// Adds suggestions to `article` and returns what was added. `corpus` supplies the stance
    /// targets; relations are suggested unless `relations` is false.
    @discardableResult
    package func suggest(into article: inout Article, corpus: Corpus? = nil, minimumConfidence: Double = 0, relations: Bool = true) -> Suggestions {
        let analyzed = AnalyzedText(article.text, genre: article.metadata.genre ?? model.summary.defaultGenre, granularity: model.summary.granularity, extractor: extractor)
        let text = analyzed.text
        let quotations = Quotations.find(text.scalars)
        let paragraphs = analyzed.paragraphs
        let turns = attribution.interviewTurns(paragraphs, text: text, speakers: article.speakers)
        // Code points covered by a unit already in the article, as running counts, so that
        // checking a candidate for overlap costs nothing however many units there are.
        var covered = [Int](repeating: 0, count: text.count + 1)
        for unit in article.units {
            for piece in unit.fragments.isEmpty ? (unit.span.map { [$0] } ?? []) : unit.fragments where piece.start < piece.end {
                covered[max(0, piece.start)] += 1
                covered[min(text.count, piece.end)] -= 1
            }
        }
        var depth = 0
        var occupiedBefore = [Int](repeating: 0, count: text.count + 1)
        for offset in 0..<text.count {
            depth += covered[offset]
            occupiedBefore[offset + 1] = occupiedBefore[offset] + (depth > 0 ? 1 : 0)
        }
        var ids = IDAllocator(taken: article.allIDs, unitMark: article.unitHighWaterMark, relationMark: article.relationHighWaterMark)
        var result = Suggestions()
        let targets = StanceFeatures.plausibleTargets(corpus?.targets ?? [], articleText: article.text)
        for found in model.units(in: analyzed, labels: labels) {
            let first = analyzed.segments[found.segments.lowerBound]
            guard Self.endsWithStop(paragraphs[first.paragraph].span, text) else { result.furniture += 1; continue }
            // Four decimals, as the file stores them, so what is compared is what is written.
            let confidence = (found.confidence * 10_000).rounded() / 10_000
            guard confidence >= minimumConfidence else { result.belowMinimum += 1; continue }
            guard occupiedBefore[found.span.end] == occupiedBefore[found.span.start] else { result.overlapping += 1; continue }
            let quote = text[found.span]
            var unit = ArgumentUnit(id: UnitID(ids.next("u")), type: found.type, span: found.span, quote: quote,
                                    status: .suggested, confidence: confidence)
            let declared = article.speakers + result.speakers
            if let attributed = attribution.attribute(first, text: text, quotations: quotations, paragraph: paragraphs[first.paragraph].span, speakers: declared, turn: turns[first.paragraph]) {
                if let speaker = attributed.speaker {
                    unit.speaker = speaker
                } else {
                    let speaker = Speaker(id: SpeakerAttribution.newID(for: attributed.name, taken: ids.taken), name: attributed.name, role: SpeakerAttribution.newSpeakerRole)
                    ids.taken.insert(speaker.id.rawValue)
                    result.speakers.append(speaker)
                    unit.speaker = speaker.id
                }
            }
            if let stance = model.stance(of: quote, type: found.type, targets: targets) {
                unit.target = stance.target
                unit.stance = stance.stance
            }
            result.units.append(unit)
        }
        article.units += result.units
        article.speakers += result.speakers
        if relations, !result.units.isEmpty {
            let proposed = model.relations(from: Set(result.units.map(\.id)), units: article.units, existing: article.relations, analyzed: analyzed)
            for suggestion in proposed {
                let relation = Relation(id: RelationID(ids.next("r")), type: suggestion.type, from: suggestion.from, to: .unit(suggestion.to))
                result.relations.append((relation, (suggestion.confidence * 10_000).rounded() / 10_000))
            }
            article.relations += result.relations.map(\.relation)
        }
        return result
    }
}

/// Fresh ids `u1`, `u2`… above the highest taken, found once (not by rescanning per unit).
struct IDAllocator {
    var taken: Set<String>
    private var highest: [String: Int] = [:]

    /// The highest ids ever issued in the article (ids are never reused).
    var unitMark: Int?
    var relationMark: Int?

    init(taken: Set<String>, unitMark: Int? = nil, relationMark: Int? = nil) {
        self.taken = taken
        self.unitMark = unitMark
        self.relationMark = relationMark
    }

    mutating func next(_ prefix: String) -> String {
        var number = highest[prefix] ?? Int(ArticleEditor.nextID(prefix: prefix, among: taken, after: prefix == "u" ? unitMark : prefix == "r" ? relationMark : nil).dropFirst(prefix.count))!
        while taken.contains(prefix + String(number)) { number += 1 }
        taken.insert(prefix + String(number))
        highest[prefix] = number + 1
        return prefix + String(number)
    }
}

extension Suggester {
    /// A trivial baseline's units as suggestions (confidence 1) where they overlap no unit; for
    /// the evaluation, hidden from users.
    @discardableResult
    package func suggestBaseline(_ baseline: Baseline, into article: inout Article) -> Suggestions {
        let text = CodePointText(article.text)
        let occupied = article.units.compactMap(\.span).sorted()
        var ids = IDAllocator(taken: article.allIDs, unitMark: article.unitHighWaterMark, relationMark: article.relationHighWaterMark)
        var result = Suggestions()
        for (type, span) in baseline.units(text, segmenter: extractor.segmenter) {
            guard !occupied.contains(where: { $0.overlaps(span) }) else { result.overlapping += 1; continue }
            result.units.append(ArgumentUnit(id: UnitID(ids.next("u")), type: type, span: span, quote: text[span], status: .suggested, confidence: 1))
        }
        article.units += result.units
        return result
    }
}

extension Suggester.Suggestions {
    /// The suggestions as edits: the new speakers, then the units with the ids the suggester gave
    /// them (with their speaker and stance), then the relations from them, for
    /// ``ArticleEditor/apply(_:to:expectedDigest:validator:)`` against the version of the file
    /// they were computed from.
    package var edits: [Edit] {
        speakers.map { .speaker(SpeakerChange(id: $0.id, name: $0.name, role: $0.role)) }
            + units.map { unit in
                let place: NewUnitPlace = unit.span.map { .anchor(.offsets(start: $0.start, end: $0.end)) } ?? .implicit(paraphrase: unit.quote)
                return .addUnit(NewUnit(type: unit.type, place: place, attributes: UnitAttributes(speaker: unit.speaker, stance: unit.stance, target: unit.target),
                                        id: unit.id.rawValue, status: unit.status, confidence: unit.confidence))
            }
            + relations.map { .relate(NewRelation(from: $0.relation.from.rawValue, $0.relation.type, to: $0.relation.to.rawID, id: $0.relation.id.rawValue)) }
    }
}
