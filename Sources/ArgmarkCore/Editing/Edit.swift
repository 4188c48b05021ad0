/// One change to an article or to the corpus vocabulary, as a value.
///
/// Every frontend (the CLI commands, `argmark apply`'s JSON Lines, the workbench) builds edits
/// and hands a list of them to ``ArticleEditor/apply(_:to:expectedDigest:validator:)``, which
/// applies them all or none. Ids of units, relations and speakers can be given as a *label*
/// defined by an earlier edit of the same list (``NewUnit/label``), so a batch can refer to a unit
/// before its id is known.
package enum Edit: Sendable, Equatable {
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
    package var isCorpusEdit: Bool {
        switch self {
        case .target, .proposition, .removeTarget, .removeProposition, .renameVocabulary: true
        default: false
        }
    }
}

/// Where a unit is: the anchors ``ArticleEdits/locate(_:in:article:path:)`` understands, plus
/// implicit and discontinuous units.
package enum NewUnitPlace: Sendable, Equatable {
    case anchor(UnitAnchor)
    /// An implicit unit: no span, only a paraphrase (a reconstructed premise or conclusion).
    case implicit(paraphrase: String)
    /// A discontinuous unit: several pieces of the text, in text order, not overlapping.
    case fragments([UnitAnchor])
}

/// A unit to add.
package struct NewUnit: Sendable, Equatable {
    package var type: UnitType
    package var place: NewUnitPlace
    package var attributes: UnitAttributes
    /// The id to give it; `nil` allocates the next free `uN`.
    package var id: String?
    /// A name later edits of the same list may use instead of the id.
    package var label: String?
    package var status: UnitStatus
    package var confidence: Double?

    package init(type: UnitType, place: NewUnitPlace, attributes: UnitAttributes = UnitAttributes(), id: String? = nil,
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
package struct NewRelation: Sendable, Equatable {
    package var from: String
    package var type: RelationType
    package var to: String
    package var note: String?
    package var id: String?
    package var label: String?

    package init(from: String, _ type: RelationType, to: String, note: String? = nil, id: String? = nil, label: String? = nil) {
        self.from = from
        self.type = type
        self.to = to
        self.note = note
        self.id = id
        self.label = label
    }
}

/// Changes to a unit or a relation. A relation takes only `type` (a relation type) and the note.
package struct SetChange: Sendable, Equatable {
    /// A unit type for a unit, a relation type for a relation (the id decides which).
    package var type: String?
    /// The unit's other attributes (its `type` is taken from ``type``); for a relation only
    /// `note` and `clearNote` may be given.
    package var fields: ArticleEdits.UnitChange

    package init(type: String? = nil, fields: ArticleEdits.UnitChange = ArticleEdits.UnitChange()) {
        self.type = type
        self.fields = fields
    }
}

/// A speaker to add, or changes to one.
package struct SpeakerChange: Sendable, Equatable {
    package var id: SpeakerID
    package var name: String?
    package var role: String?
    package var clearRole: Bool
    package var label: String?

    package init(id: SpeakerID, name: String? = nil, role: String? = nil, clearRole: Bool = false, label: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.clearRole = clearRole
        self.label = label
    }
}

/// Changes to an article's metadata: the fields `values` gives are set (its properties by name,
/// replacing one of that name or added), `clear` fields removed.
package struct MetadataChange: Sendable, Equatable {
    package enum Field: String, Sendable, CaseIterable {
        case title, outlet, author, published, url, genre, language, properties
    }
    /// The fields to set; a field left nil is left as it is.
    package var values: ArticleMetadata
    /// Properties to remove, by name.
    package var removedProperties: [String]
    package var clear: Set<Field>

    package init(_ values: ArticleMetadata = ArticleMetadata(), removedProperties: [String] = [], clear: Set<Field> = []) {
        self.values = values
        self.removedProperties = removedProperties
        self.clear = clear
    }
}

/// Which suggestions `accept` or `reject` applies to.
package enum SuggestionSelection: Sendable, Equatable {
    case ids([String])
    /// Confidence at least this.
    case atLeast(Double)
    /// Confidence below this.
    case below(Double)
    case all
}

/// A stance target to define, or changes to one.
package struct TargetChange: Sendable, Equatable {
    package var id: TargetID
    package var name: String?
    package var description: String?
    /// Allows giving an existing target a different name.
    package var replace: Bool

    package init(id: TargetID, name: String? = nil, description: String? = nil, replace: Bool = false) {
        self.id = id
        self.name = name
        self.description = description
        self.replace = replace
    }
}

/// A shared proposition to define, or changes to one.
package struct PropositionChange: Sendable, Equatable {
    package var id: PropositionID
    package var statement: String?
    package var target: TargetID?
    package var stance: Stance?
    /// Allows giving an existing proposition a different statement.
    package var replace: Bool

    package init(id: PropositionID, statement: String? = nil, target: TargetID? = nil, stance: Stance? = nil, replace: Bool = false) {
        self.id = id
        self.statement = statement
        self.target = target
        self.stance = stance
        self.replace = replace
    }
}
