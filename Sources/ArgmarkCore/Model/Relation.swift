/// How one unit bears on another unit or on a relation.
public enum RelationType: String, Sendable, CaseIterable, Codable {
    case supports, attacks, rebuts, undercuts, restates

    /// Whether the relation argues against its target.
    public var isAttack: Bool {
        switch self {
        case .attacks, .rebuts, .undercuts: true
        case .supports, .restates: false
        }
    }
}

/// What a relation points to: a unit, or (for `undercuts`) another relation, whose inference it attacks.
public enum RelationEndpoint: Hashable, Sendable, CustomStringConvertible {
    case unit(UnitID)
    case relation(RelationID)

    /// The id of the unit or relation the endpoint names.
    public var rawID: String {
        switch self {
        case .unit(let id): id.rawValue
        case .relation(let id): id.rawValue
        }
    }
    /// The endpoint's id.
    public var description: String { rawID }
}

/// A directed relation between argument units.
public struct Relation: Sendable, Equatable {
    /// The relation's id in its article (`r1`).
    public var id: RelationID
    /// Supports, attacks, rebuts, undercuts or restates.
    public var type: RelationType
    /// The unit the relation starts at.
    public var from: UnitID
    /// The unit (or, for an undercut, the relation) it points to.
    public var to: RelationEndpoint
    /// The label the relation had in the corpus it was imported from, e.g. `sup` or `exa`.
    public var sourceLabel: String?
    /// The relation's id in the corpus it was imported from.
    public var sourceID: String?
    /// The annotator's note.
    public var note: String?

    package init(id: RelationID, type: RelationType, from: UnitID, to: RelationEndpoint,
                sourceLabel: String? = nil, sourceID: String? = nil, note: String? = nil) {
        self.id = id
        self.type = type
        self.from = from
        self.to = to
        self.sourceLabel = sourceLabel
        self.sourceID = sourceID
        self.note = note
    }
}
