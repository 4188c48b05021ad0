import ArgmarkAgreement
import ArgmarkCore

/// How well suggestions match gold annotations: units under the Feedback Prize overlap rule (same
/// type, overlap at least half of each unit in whitespace tokens), relations given the gold
/// units (same source, target and type), stance given the gold units (same target and stance).
package struct Evaluation: Sendable, Equatable {
    /// Per unit type: gold units (`first`), suggested units (`second`) and matched pairs.
    package var units: [UnitType: MatchCounts] = [:]
    package var relations = MatchCounts()
    package var stance = MatchCounts()
    package var documents = 0

    package init() {}

    /// The mean F1 over the unit types in the gold, as the Feedback Prize metric computes it (a
    /// type only suggested does not count; its suggestions still cost nothing else).
    package var macroF1: Double? {
        mean(UnitType.allCases.compactMap { type in units[type].flatMap { $0.first > 0 ? $0.f1 : nil } })
    }

    /// The mean F1 over the unit types in the gold or the suggestions, as `argmark agree`
    /// computes it: stricter, since a type suggested where the gold has none adds an F1 of 0.
    package var strictMacroF1: Double? {
        mean(UnitType.allCases.compactMap { units[$0]?.f1 })
    }

    /// The F1 of the units of every type together (matched pairs still agree on the type).
    package var microF1: Double? {
        let counts = units.values.reduce(MatchCounts()) { $0.adding($1) }
        return counts.first + counts.second == 0 ? nil : counts.f1
    }

    private func mean(_ scores: [Double]) -> Double? {
        scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    static func + (lhs: Evaluation, rhs: Evaluation) -> Evaluation {
        var sum = lhs
        for (type, counts) in rhs.units { sum.units[type] = (sum.units[type] ?? MatchCounts()).adding(counts) }
        sum.relations = sum.relations.adding(rhs.relations)
        sum.stance = sum.stance.adding(rhs.stance)
        sum.documents += rhs.documents
        return sum
    }
}

extension MatchCounts {
    func adding(_ other: MatchCounts) -> MatchCounts {
        MatchCounts(first: first + other.first, second: second + other.second, matched: matched + other.matched)
    }
}

/// Trivial systems every model must beat, computed on the same texts.
package enum Baseline: String, Sendable, CaseIterable {
    /// Every sentence a claim.
    case everySentenceClaim = "every-sentence-claim"
    /// Every sentence evidence.
    case everySentenceEvidence = "every-sentence-evidence"
    /// The essay rule: the last sentence of the first paragraph and the first of the last are the
    /// position (the thesis and its restatement), the first sentence of every other paragraph a
    /// claim, every other sentence evidence.
    case positional

    /// The units this baseline proposes for `text`.
    package func units(_ text: CodePointText, segmenter: Segmenter = Segmenter()) -> [(type: UnitType, span: Span)] {
        let paragraphs = segmenter.paragraphs(text)
        var result: [(type: UnitType, span: Span)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for (position, sentence) in paragraph.sentences.enumerated() {
                switch self {
                case .everySentenceClaim: result.append((.claim, sentence))
                case .everySentenceEvidence: result.append((.evidence, sentence))
                case .positional:
                    let last = position == paragraph.sentences.count - 1
                    let type: UnitType
                    if index == 0 { type = last ? .position : .evidence }
                    else if index == paragraphs.count - 1 { type = position == 0 ? .position : .evidence }
                    else { type = position == 0 ? .claim : .evidence }
                    result.append((type, sentence))
                }
            }
        }
        return result
    }
}

extension SuggestionTrainer {
    /// Scores `model` on `articles` (their gold units, relations and stances), proposing only
    /// the types of `labels` when given (as `argmark suggest --types` does).
    package func evaluate(_ model: SuggestionModel, on articles: [TrainingArticle], labels: LabelSet? = nil) throws(TrainingError) -> Evaluation {
        Self.evaluate(model, try prepare(articles, granularity: model.summary.granularity), labels: labels)
    }

    /// Scores a trivial baseline on `articles` (units only).
    package func evaluate(_ baseline: Baseline, on articles: [TrainingArticle]) throws(TrainingError) -> Evaluation {
        var evaluation = Evaluation()
        for item in try prepare(articles) {
            let predicted = baseline.units(item.analyzed.text).map { DecodedUnit(type: $0.type, span: $0.span, segments: 0...0, confidence: 1) }
            evaluation.units = (evaluation + Self.scoreUnits(item, predicted)).units
            evaluation.documents += 1
        }
        return evaluation
    }

    static func evaluate(_ model: SuggestionModel, _ prepared: [Prepared], labels: LabelSet? = nil) -> Evaluation {
        var evaluation = Evaluation()
        for item in prepared {
            var one = scoreUnits(item, model.units(in: item.analyzed, labels: labels))
            one.documents = 1
            // Relations given the gold units.
            let gold = item.article.units.filter { $0.status == .gold && $0.span != nil }
            let goldIDs = Set(gold.map(\.id))
            let goldRelations = Set(item.article.relations.compactMap { relation -> String? in
                guard case .unit(let to) = relation.to, goldIDs.contains(relation.from), goldIDs.contains(to) else { return nil }
                return "\(relation.from) \(relation.type.rawValue) \(to)"
            })
            let predicted = model.relations(from: goldIDs, units: gold, existing: [], analyzed: item.analyzed)
                .map { "\($0.from) \($0.type.rawValue) \($0.to)" }
            one.relations = MatchCounts(first: goldRelations.count, second: predicted.count, matched: predicted.filter(goldRelations.contains).count)
            // Stance given the gold units, where the corpus declares targets.
            if !item.stanceTargets.isEmpty {
                let targets = item.stanceTargets
                var counts = MatchCounts()
                for unit in gold {
                    let guess = model.stance(of: unit.quote, type: unit.type, targets: targets)
                    if unit.stance != nil && unit.target != nil { counts.first += 1 }
                    if guess != nil { counts.second += 1 }
                    if let guess, guess.stance == unit.stance, guess.target == unit.target { counts.matched += 1 }
                }
                one.stance = counts
            }
            evaluation = evaluation + one
        }
        return evaluation
    }

    static func scoreUnits(_ item: Prepared, _ predicted: [DecodedUnit]) -> Evaluation {
        let gold = item.article.units.filter { $0.status == .gold && $0.span != nil }
        let suggested = predicted.enumerated().map { index, unit in
            ArgumentUnit(id: UnitID("s\(index + 1)"), type: unit.type, span: unit.span, quote: item.analyzed.text[unit.span], status: .suggested)
        }
        let alignment = UnitAlignment.align(gold, suggested, rule: .overlap, continuum: Continuum(text: item.article.text, granularity: .tokens))
        var evaluation = Evaluation()
        for unit in gold { evaluation.units[unit.type, default: MatchCounts()].first += 1 }
        for unit in suggested { evaluation.units[unit.type, default: MatchCounts()].second += 1 }
        for pair in alignment.pairs { evaluation.units[gold[pair.first].type, default: MatchCounts()].matched += 1 }
        return evaluation
    }
}
