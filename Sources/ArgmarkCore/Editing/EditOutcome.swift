/// What one edit of a list did, in the order the edits were given.
package enum EditResult: Sendable, Equatable {
    /// A unit was added; `forgiven` is what a forgiving quote match tolerated (per piece for a
    /// discontinuous unit), empty for exact matches.
    case addedUnit(ArgumentUnit, forgiven: [QuoteMatcher.Difference])
    case addedRelation(Relation)
    /// A unit was changed; `forgiven` as for ``addedUnit(_:forgiven:)`` when it moved.
    case setUnit(ArgumentUnit, forgiven: [QuoteMatcher.Difference])
    case setRelation(Relation)
    case removed(ArticleEdits.Removal)
    /// A speaker was added (`created`) or changed; `sameName` lists other speakers of that name.
    case speaker(Speaker, created: Bool, sameName: [SpeakerID])
    case meta(ArticleMetadata)
    /// An id was renamed; `references` counts the attributes that pointed to it and now point to `to`.
    case renamed(from: String, to: String, kind: RenamedKind, references: Int)
    case accepted([ArgumentUnit])
    case rejected(units: [ArgumentUnit], speakers: [Speaker], relations: [Relation])
    case target(StanceTarget, created: Bool)
    case proposition(Proposition, created: Bool)
    /// A target or proposition was removed; `cleared` lists, per article, the units whose use of it
    /// was cleared (and, for a target, the propositions that lost it).
    case removedVocabulary(id: String, kind: RenamedKind, cleared: [ClearedUses])
}

/// What kind of id a rename or removal concerned.
package enum RenamedKind: String, Sendable, Equatable {
    case unit, relation, speaker, target, proposition
}

/// The uses of a removed (or renamed) target or proposition in one file.
package struct ClearedUses: Sendable, Equatable {
    /// The article (or corpus) file.
    package var path: String
    /// Units whose attribute changed.
    package var units: [UnitID]
    /// Propositions whose target was cleared (a target removed from the corpus).
    package var propositions: [PropositionID]

    package init(path: String, units: [UnitID] = [], propositions: [PropositionID] = []) {
        self.path = path
        self.units = units
        self.propositions = propositions
    }
}

/// What a list of edits did to a file.
public struct EditOutcome: Sendable, Equatable {
    /// The file the edits were applied to (for corpus edits, the `corpus.xml` file).
    public var path: String
    /// One result per edit, in order.
    package var results: [EditResult]
    /// Warnings the change introduced (e.g. two units of one type on one span).
    public var warnings: [Diagnostic]
    /// Whether the file's bytes changed (edits that change nothing do not rewrite it).
    public var changed: Bool
    /// The SHA-256 of the file's bytes after the edits (lowercase hex): the file's version, to
    /// pass back as `expectedDigest` so a later edit is refused if someone else changed it.
    public var digest: String
    /// The labels the edits defined, and the ids they stand for.
    public var labels: [String: String]
    /// Other files the edits changed (articles whose uses of a removed or renamed corpus id were
    /// updated), in path order.
    public var otherFiles: [String]
}

extension EditOutcome {
    /// The units the edits added, in order.
    public var addedUnits: [ArgumentUnit] {
        results.compactMap { if case .addedUnit(let unit, _) = $0 { unit } else { nil } }
    }
}
