import ArgmarkCore

/// Candidates and features for stance suggestions: for a unit, a stance (favor, against,
/// neutral) toward one of the corpus's declared targets, or none. Words are joined with the
/// target, so a corpus's own model learns what favours each of its targets; whether the unit
/// shares words with the target's name, negation and the unit type carry across corpora.
package enum StanceFeatures {
    package static let stances: [Stance] = [.favor, .against, .neutral]

    /// One candidate: no stance (`target` nil), or `stance` toward `targets[target]`.
    package struct Candidate: Sendable {
        package var target: Int?
        package var stance: Stance?
        package var features: [UInt32]
    }

    /// How many targets are weighed for one unit: those whose names share most words with the
    /// unit and its article (a corpus may declare hundreds of targets, one per debate).
    package static let maximumTargets = 4

    /// The targets worth weighing for units of an article, best first.
    package static func plausibleTargets(_ targets: [StanceTarget], articleText: String) -> [StanceTarget] {
        guard targets.count > maximumTargets else { return targets }
        let vocabulary = Set(Words(articleText).tokens)
        let ranked = targets.enumerated().map { index, target in
            (index, Set(Words(target.name).tokens.filter { $0.count >= 4 }).intersection(vocabulary).count)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ranked.prefix(maximumTargets).map { targets[$0.0] }
    }

    package static func candidates(text: String, type: UnitType, targets: [StanceTarget]) -> [Candidate] {
        let words = Words(text)
        let vocabulary = Set(words.tokens)
        let negated = words.contains(any: Lexicon.negation)
        var none = ["bias", "type:\(type.rawValue)"]
        if negated { none.append("negation") }
        var result = [Candidate(target: nil, stance: nil, features: none.map { FeatureHash.hash("none", $0) })]
        for (index, target) in targets.enumerated() {
            let name = target.id.rawValue
            let targetWords = Set(Words(target.name).tokens.filter { $0.count >= 4 })
            let shared = targetWords.intersection(vocabulary).count
            var names = ["bias", "rank:\(index)", "type:\(type.rawValue)", "t:\(name)", "t:\(name)|type:\(type.rawValue)", "shared:\(min(shared, 3))", "single-target:\(targets.count == 1)"]
            if negated { names += ["negation", "t:\(name)|negation"] }
            for token in vocabulary.sorted() { names += ["w:\(token)", "t:\(name)|w:\(token)"] }
            for stance in stances {
                result.append(Candidate(target: index, stance: stance, features: names.map { FeatureHash.hash(stance.rawValue, $0) }))
            }
        }
        return result
    }
}
