/// What a unit does in the argument.
public enum UnitType: String, Sendable, CaseIterable, Codable, Comparable {
    /// The main thesis the article (or an interviewee) argues for.
    case position
    /// A contestable statement put forward in support of (or qualifying) a position.
    case claim
    /// An opposing view that the text reports, imagines or concedes.
    case counterclaim
    /// An answer to a counterclaim.
    case rebuttal
    /// A reason offered for a claim or position: facts, examples, quotations of authorities.
    case evidence

    /// Units of a type sort in the order of ``allCases``.
    public static func < (lhs: UnitType, rhs: UnitType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A speaker's attitude toward a stance target.
public enum Stance: String, Sendable, CaseIterable, Codable {
    case favor, against, neutral
}

/// Whether a unit is an annotator's decision or a machine's proposal awaiting review.
public enum UnitStatus: String, Sendable, CaseIterable, Codable {
    case gold, suggested
}

/// An argument unit: a span of the text with its role, speaker and stance.
public struct ArgumentUnit: Sendable, Equatable {
    /// The unit's id in its article (`u1`).
    public var id: UnitID
    /// Position, claim, counterclaim, rebuttal or evidence.
    public var type: UnitType
    /// Where the unit is in the text; `nil` for an implicit unit (a reconstructed premise or
    /// conclusion that is not in the running text), whose `quote` is then its paraphrase.
    public var span: Span?
    /// For a discontinuous unit, its pieces, inside `span` and in order; empty otherwise.
    public var fragments: [Span]
    /// The exact text at `span`, or the paraphrase of an implicit unit.
    public var quote: String
    /// Who asserts it; `nil` for the author.
    public var speaker: SpeakerID?
    /// Its stance toward ``target``.
    public var stance: Stance?
    /// The stance target (defined in the folder's `corpus.xml`).
    public var target: TargetID?
    /// The shared proposition it expresses (defined in `corpus.xml`).
    public var proposition: PropositionID?
    /// The annotator's note.
    public var note: String?
    /// The label the unit had in the corpus it was imported from, e.g. `Premise` or `opp`.
    public var sourceLabel: String?
    /// The unit's id in the corpus it was imported from.
    public var sourceID: String?
    /// Gold (an annotation) or suggested (by `suggest`, not yet accepted).
    public var status: UnitStatus
    /// For suggested units, the model's confidence in `[0, 1]`.
    public var confidence: Double?

    package init(id: UnitID, type: UnitType, span: Span?, fragments: [Span] = [], quote: String,
                speaker: SpeakerID? = nil, stance: Stance? = nil, target: TargetID? = nil,
                proposition: PropositionID? = nil, note: String? = nil, sourceLabel: String? = nil,
                sourceID: String? = nil, status: UnitStatus = .gold, confidence: Double? = nil) {
        self.id = id
        self.type = type
        self.span = span
        self.fragments = fragments
        self.quote = quote
        self.speaker = speaker
        self.stance = stance
        self.target = target
        self.proposition = proposition
        self.note = note
        self.sourceLabel = sourceLabel
        self.sourceID = sourceID
        self.status = status
        self.confidence = confidence
    }

    /// Whether the unit has no span in the text.
    public var isImplicit: Bool { span == nil }
}
