import ArgmarkCore

/// The unit types a project annotates (`argmark suggest --types`), so that a model trained on
/// other corpora proposes only those.
///
/// Corpora label the same argument differently: Room for Debate marks only premises (imported
/// as claims), web discourse calls its main claim what arg-microtexts and argmark call the
/// position. A model trained on all of them proposes types a project never uses and so misses
/// its own. Given the project's label set, the model's belief in each type goes to the nearest
/// declared type instead of being lost: what the model recognises is that a stretch of text
/// argues, and that survives a change of labels even where the label itself does not.
package struct LabelSet: Sendable, Equatable {
    package var types: Set<UnitType>

    package init(_ types: Set<UnitType>) { self.types = types }

    /// For each type, the types it stands nearest to, nearest first: a position is the main
    /// claim; a counterclaim, a rebuttal and evidence are claims of their own (an opposing one,
    /// an answer, a premise); a claim is the position where a project has no claims.
    static let nearest: [UnitType: [UnitType]] = [
        .position: [.claim],
        .claim: [.position, .evidence],
        .counterclaim: [.claim, .position],
        .rebuttal: [.claim, .position],
        .evidence: [.claim, .position],
    ]

    /// The declared type `type` becomes, or `nil` when no declared type stands near it.
    package func map(_ type: UnitType) -> UnitType? {
        if types.contains(type) { return type }
        return Self.nearest[type]?.first(where: types.contains)
    }

    /// Emission scores for the declared types only: each declared type's begin (and inside)
    /// score becomes the log-sum, under the model's temperature, of the scores of every type that
    /// maps to it, and every other type's tags are ruled out. A segment the model finds
    /// argumentative but whose belief it splits among several types (a premise of a comment
    /// read as part claim, part evidence) then counts with all of that belief, as a unit of the
    /// declared type, instead of losing to "outside" type by type.
    func merge(_ emissions: [[Float]], temperature: Float) -> [[Float]] {
        let t = Double(max(temperature, 1e-6))
        let targets = Tags.unitTypes.map(map)
        return emissions.map { scores in
            var merged = scores
            for (index, type) in Tags.unitTypes.enumerated() {
                guard targets[index] == type else {
                    merged[Tags.begin(type)] = SequenceTrainer.ruledOut
                    merged[Tags.inside(type)] = SequenceTrainer.ruledOut
                    continue
                }
                for tag in [Tags.begin(type), Tags.inside(type)] {
                    let sources = Tags.unitTypes.indices.filter { targets[$0] == type }.map { tag == Tags.begin(type) ? Tags.begin(Tags.unitTypes[$0]) : Tags.inside(Tags.unitTypes[$0]) }
                    let top = sources.map { Double(scores[$0]) }.max()!
                    let sum = sources.reduce(0.0) { $0 + Platform.exponential((Double(scores[$1]) - top) / t) }
                    merged[tag] = Float(top + t * Platform.logarithm(sum))
                }
            }
            return merged
        }
    }
}
