import ArgmarkCore

/// Stances toward targets, one row per target and one column per source (or per speaker), with
/// the units behind each cell. Sparse: only cells that have units are stored.
public struct StanceMatrix: Sendable {
    /// A column: a source key, or a speaker's normalised name.
    public struct Column: Sendable, Hashable {
        public var key: String
        public var label: String
        /// For speaker columns, the sources the speaker appears in (indexes into the report's sources).
        public var sources: [Int]
    }

    /// The units of one row and column, split by stance.
    public struct Cell: Sendable {
        public var row: Int
        public var column: Int
        /// In the source matrix, the source's own voice (see ``Voice``); in the speaker matrix,
        /// every unit of the speaker.
        public var favor: [UnitReference] = []
        public var against: [UnitReference] = []
        public var neutral: [UnitReference] = []
        /// In the source matrix, the voices the source quotes or reports (counterclaims included,
        /// whoever voices them), kept out of the verdict.
        public var others: [VoicedUnit] = []

        /// The stance most units of the own voice take; `nil` when favor and against are tied but
        /// not both zero (the cell is mixed) or when the own voice says nothing (``verdictName``
        /// `none`), `neutral` when only neutral units are present.
        public var verdict: Stance? {
            if favor.count > against.count { return .favor }
            if against.count > favor.count { return .against }
            return favor.isEmpty && !neutral.isEmpty ? .neutral : nil
        }

        /// `favor`, `against`, `neutral`, `mixed`, or `none` when only other voices speak.
        public var verdictName: String {
            if let verdict { return verdict.rawValue }
            return favor.isEmpty && against.isEmpty && neutral.isEmpty ? "none" : "mixed"
        }
        public var units: [UnitReference] { (favor + against + neutral + others.map(\.unit)).sorted() }

        /// The other voices' units with `stance`.
        public func others(_ stance: Stance) -> [VoicedUnit] { others.filter { $0.stance == stance } }
    }

    public var targets: [TargetID]
    public var columns: [Column]
    /// Non-empty cells, sorted by row then column.
    public var cells: [Cell]

    public func cell(row: Int, column: Int) -> Cell? {
        // Cells are sorted; binary search keeps a 10,000-column matrix cheap to read.
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            let cell = cells[middle]
            if (cell.row, cell.column) < (row, column) { low = middle + 1 } else { high = middle }
        }
        guard low < cells.count, cells[low].row == row, cells[low].column == column else { return nil }
        return cells[low]
    }
}

/// Whose voice a unit speaks in, as far as its source is concerned.
public enum Voice: String, Sendable, CaseIterable {
    /// The source itself: its author (units without a speaker, or a speaker whose role starts with
    /// `author`), or in an interview the interviewee.
    case own
    /// The interviewer of an interview (who asks, and often voices others' views).
    case interviewer
    /// A person the source quotes (role `quoted…`, or any other role).
    case quoted
    /// A view the source reports (role `reported…`), and every counterclaim: a view the source
    /// presents as opposed, whoever holds it.
    case reported
}

/// A unit with its stance and the voice it speaks in.
public struct VoicedUnit: Sendable {
    public var unit: UnitReference
    public var stance: Stance
    public var voice: Voice
    public var speaker: String?
}

/// How the sources treat one shared proposition.
public struct PropositionRow: Sendable {
    public struct Entry: Sendable {
        public var source: Int
        /// Units that state the proposition as the source's own view (any type but counterclaim).
        public var asserts: [UnitReference] = []
        /// Counterclaims carrying the proposition: the source reports it as an opposing view.
        public var reportsAsCounterclaim: [UnitReference] = []
        /// Units (not counterclaims) that rebut, undercut or attack a unit carrying the proposition.
        public var rebuts: [UnitReference] = []
    }

    public var proposition: PropositionID
    /// The proposition's wording from `corpus.xml`, if defined there.
    public var statement: String?
    public var target: TargetID?
    public var stance: Stance?
    /// One entry per source that mentions the proposition, in source order.
    public var entries: [Entry]
}

/// A counterclaim a source raises and how (whether) the source answers it.
public struct CounterclaimEntry: Sendable {
    public struct Answer: Sendable {
        public var unit: UnitReference
        public var relation: RelationID
        public var type: RelationType
    }

    public var unit: UnitReference
    public var quote: String
    public var speaker: String?
    public var target: TargetID?
    public var stance: Stance?
    /// What the counterclaim attacks.
    public var attacks: [UnitReference]
    /// Rebuttals (or other units) that rebut, undercut or attack it.
    public var answers: [Answer]
    public var isAnswered: Bool { !answers.isEmpty }
}

/// One speaker of one source: who is quoted, how often, and with what stance.
public struct SpeakerSummary: Sendable {
    public struct TargetStance: Sendable {
        public var target: TargetID
        public var favor: Int
        public var against: Int
        public var neutral: Int
    }

    public var source: Int
    public var speaker: SpeakerID
    public var name: String
    public var role: String?
    /// The lowercased, space-collapsed name that identifies the speaker across sources.
    public var key: String
    public var units: [UnitReference]
    public var unitsByType: [UnitType: Int]
    public var stances: [TargetStance]
    /// Other sources in which a speaker with the same name appears: the first
    /// ``alsoInLimit`` of them in source order, so that a name found in every article of a large
    /// corpus ("the student") costs a line, not a list as long as the corpus, per source.
    public var alsoIn: [Int]
    /// How many other sources have a speaker with this name (`alsoIn` lists at most ``alsoInLimit``).
    public var alsoInCount: Int

    /// The most other sources listed in `alsoIn`.
    public static let alsoInLimit = 20

    /// `alsoIn` as source keys, with "+N more" when the list was cut.
    public func alsoInDescription(keys: (Int) -> String) -> String {
        let listed = alsoIn.map(keys).joined(separator: ", ")
        return alsoInCount > alsoIn.count ? "\(listed) +\(alsoInCount - alsoIn.count) more" : listed
    }
}

/// A source's argument in numbers.
public struct SourceProfile: Sendable {
    public var source: Int
    public var unitsByType: [UnitType: Int]
    public var relationsByType: [RelationType: Int]
    /// `supports` relations.
    public var supports: Int
    /// `attacks`, `rebuts` and `undercuts` relations.
    public var attacks: Int
    /// The longest chain of related units (see ``ArgumentGraph/depth``).
    public var depth: Int
    public var textLength: Int
    /// Code points covered by at least one unit span.
    public var annotatedLength: Int
    public var speakers: Int
    public var implicitUnits: Int
    public var suggestedUnits: Int
    public var unitCount: Int { unitsByType.values.reduce(0, +) }
    /// `annotatedLength / textLength`, 0 for an empty text.
    public var annotatedShare: Double { textLength == 0 ? 0 : Double(annotatedLength) / Double(textLength) }
}
