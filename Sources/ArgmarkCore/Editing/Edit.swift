/// One change to an article or to the corpus vocabulary, as a value.
///
/// Every frontend (the CLI commands, `argmark apply`'s JSON Lines, the workbench) builds edits
/// and hands a list of them to ``ArticleEditor/apply(_:to:expectedDigest:validator:)``, which
/// applies them all or none. Ids of units, relations and speakers can be given as a *label*
/// defined by an earlier edit of the same list (``NewUnit/label``), so a batch can refer to a unit
/// before its id is known.
public enum Edit: Sendable, Equatable {
    // Article edits
    case addUnit(NewUnit)
    case relate(NewRelation)
    /// Changes the attributes of the unit or relation `id` (or moves a unit); `nil` fields stay.
    case set(id: String, SetChange)
    /// Removes a unit, relation or speaker; with `cascade`, also what refers to it.
    case remove(id: String, cascade: Bool)
    /// Adds a speaker or changes its name or role.
    case speaker(SpeakerChange)
    case meta(MetadataChange)
    /// Gives a unit, relation or speaker a new id, and every reference to it.
    case rename(from: String, to: String)
    /// Makes suggestions annotations.
    case accept(SuggestionSelection)
    /// Removes suggestions (and the speakers only they used).
    case reject(SuggestionSelection)
    // Corpus edits
    case target(TargetChange)
    case proposition(PropositionChange)
    /// Removes a target or proposition; with `cascade`, clears its uses in the folder's articles.
    case removeTarget(TargetID, cascade: Bool)
    case removeProposition(PropositionID, cascade: Bool)
    /// Renames a target or proposition id, in the corpus and in every article beside it.
    case renameVocabulary(from: String, to: String)

    /// Whether the edit changes `corpus.xml` rather than an article.
    public var isCorpusEdit: Bool {
        switch self {
        case .target, .proposition, .removeTarget, .removeProposition, .renameVocabulary: true
        default: false
        }
    }
}

/// Where a unit is: the anchors ``ArticleEdits/locate(_:in:article:path:)`` understands, plus
/// implicit and discontinuous units.
public enum NewUnitPlace: Sendable, Equatable {
    case anchor(UnitAnchor)
    /// An implicit unit: no span, only a paraphrase (a reconstructed premise or conclusion).
    case implicit(paraphrase: String)
    /// A discontinuous unit: several pieces of the text, in text order, not overlapping.
    case fragments([UnitAnchor])
}

/// A unit to add.
public struct NewUnit: Sendable, Equatable {
    public var type: UnitType
    public var place: NewUnitPlace
    public var attributes: UnitAttributes
    /// The id to give it; `nil` allocates the next free `uN`.
    public var id: String?
    /// A name later edits of the same list may use instead of the id.
    public var label: String?
    public var status: UnitStatus
    public var confidence: Double?

    public init(type: UnitType, place: NewUnitPlace, attributes: UnitAttributes = UnitAttributes(), id: String? = nil,
                label: String? = nil, status: UnitStatus = .gold, confidence: Double? = nil) {
        self.type = type
        self.place = place
        self.attributes = attributes
        self.id = id
        self.label = label
        self.status = status
        self.confidence = confidence
    }
}

/// A relation to add; `from` and `to` are ids or labels.
public struct NewRelation: Sendable, Equatable {
    public var from: String
    public var type: RelationType
    public var to: String
    public var note: String?
    public var id: String?
    public var label: String?

    public init(from: String, _ type: RelationType, to: String, note: String? = nil, id: String? = nil, label: String? = nil) {
        self.from = from
        self.type = type
        self.to = to
        self.note = note
        self.id = id
        self.label = label
    }
}

/// Changes to a unit or a relation. A relation takes only `type` (a relation type) and the note.
public struct SetChange: Sendable, Equatable {
    /// A unit type for a unit, a relation type for a relation (the id decides which).
    public var type: String?
    /// The unit's other attributes (its `type` is taken from ``type``); for a relation only
    /// `note` and `clearNote` may be given.
    public var fields: ArticleEdits.UnitChange

    public init(type: String? = nil, fields: ArticleEdits.UnitChange = ArticleEdits.UnitChange()) {
        self.type = type
        self.fields = fields
    }
}

/// A speaker to add, or changes to one.
public struct SpeakerChange: Sendable, Equatable {
    public var id: SpeakerID
    public var name: String?
    public var role: String?
    public var clearRole: Bool
    public var label: String?

    public init(id: SpeakerID, name: String? = nil, role: String? = nil, clearRole: Bool = false, label: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.clearRole = clearRole
        self.label = label
    }
}

/// Changes to an article's metadata: given fields are set, `clear` fields removed.
public struct MetadataChange: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case title, outlet, author, published, url, genre, language, properties
    }
    public var title: String?
    public var outlet: String?
    public var author: String?
    public var published: String?
    public var url: String?
    public var genre: Genre?
    public var language: String?
    /// Properties to set (a property of that name is replaced, otherwise added).
    public var properties: [MetadataProperty]
    /// Properties to remove, by name.
    public var removedProperties: [String]
    public var clear: Set<Field>

    public init(title: String? = nil, outlet: String? = nil, author: String? = nil, published: String? = nil,
                url: String? = nil, genre: Genre? = nil, language: String? = nil, properties: [MetadataProperty] = [],
                removedProperties: [String] = [], clear: Set<Field> = []) {
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.url = url
        self.genre = genre
        self.language = language
        self.properties = properties
        self.removedProperties = removedProperties
        self.clear = clear
    }
}

/// Which suggestions `accept` or `reject` applies to.
public enum SuggestionSelection: Sendable, Equatable {
    case ids([String])
    /// Confidence at least this.
    case atLeast(Double)
    /// Confidence below this.
    case below(Double)
    case all
}

/// A stance target to define, or changes to one.
public struct TargetChange: Sendable, Equatable {
    public var id: TargetID
    public var name: String?
    public var description: String?
    /// Allows giving an existing target a different name.
    public var replace: Bool

    public init(id: TargetID, name: String? = nil, description: String? = nil, replace: Bool = false) {
        self.id = id
        self.name = name
        self.description = description
        self.replace = replace
    }
}

/// A shared proposition to define, or changes to one.
public struct PropositionChange: Sendable, Equatable {
    public var id: PropositionID
    public var statement: String?
    public var target: TargetID?
    public var stance: Stance?
    /// Allows giving an existing proposition a different statement.
    public var replace: Bool

    public init(id: PropositionID, statement: String? = nil, target: TargetID? = nil, stance: Stance? = nil, replace: Bool = false) {
        self.id = id
        self.statement = statement
        self.target = target
        self.stance = stance
        self.replace = replace
    }
}
