import ArgmarkCore

/// Stances toward targets, one row per target and one column per source (or per speaker), with
/// the units behind each cell. Sparse: only cells that have units are stored.
package struct StanceMatrix: Sendable {
    /// A column: a source key, or a speaker's normalised name.
    package struct Column: Sendable, Hashable {
        package var key: String
        package var label: String
        /// For speaker columns, the sources the speaker appears in (indexes into the report's sources).
        package var sources: [Int]
    }

    /// The units of one row and column, split by stance.
    package struct Cell: Sendable {
        package var row: Int
        package var column: Int
        /// In the source matrix, the source's own voice (see ``Voice``); in the speaker matrix,
        /// every unit of the speaker.
        package var favor: [UnitReference] = []
        package var against: [UnitReference] = []
        package var neutral: [UnitReference] = []
        /// In the source matrix, the voices the source quotes or reports (counterclaims included,
        /// whoever voices them), kept out of the verdict.
        package var others: [VoicedUnit] = []

        /// The stance most units of the own voice take; `nil` when favor and against are tied but
        /// not both zero (the cell is mixed) or when the own voice says nothing (``verdictName``
        /// `none`), `neutral` when only neutral units are present.
        package var verdict: Stance? {
            if favor.count > against.count { return .favor }
            if against.count > favor.count { return .against }
            return favor.isEmpty && !neutral.isEmpty ? .neutral : nil
        }

        /// `favor`, `against`, `neutral`, `mixed`, or `none` when only other voices speak.
        package var verdictName: String {
            if let verdict { return verdict.rawValue }
            return favor.isEmpty && against.isEmpty && neutral.isEmpty ? "none" : "mixed"
        }
        package var units: [UnitReference] { (favor + against + neutral + others.map(\.unit)).sorted() }

        /// The other voices' units with `stance`.
        package func others(_ stance: Stance) -> [VoicedUnit] { others.filter { $0.stance == stance } }
    }

    package var targets: [TargetID]
    package var columns: [Column]
    /// Non-empty cells, sorted by row then column.
    package var cells: [Cell]

    package func cell(row: Int, column: Int) -> Cell? {
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
package enum Voice: String, Sendable, CaseIterable {
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
package struct VoicedUnit: Sendable {
    package var unit: UnitReference
    package var stance: Stance
    package var voice: Voice
    package var speaker: String?
}

/// How the sources treat one shared proposition.
package struct PropositionRow: Sendable {
    package struct Entry: Sendable {
        package var source: Int
        /// Units that state the proposition as the source's own view (any type but counterclaim).
        package var asserts: [UnitReference] = []
        /// Counterclaims carrying the proposition: the source reports it as an opposing view.
        package var reportsAsCounterclaim: [UnitReference] = []
        /// Units (not counterclaims) that rebut, undercut or attack a unit carrying the proposition.
        package var rebuts: [UnitReference] = []
    }

    package var proposition: PropositionID
    /// The proposition's wording from `corpus.xml`, if defined there.
    package var statement: String?
    package var target: TargetID?
    package var stance: Stance?
    /// One entry per source that mentions the proposition, in source order.
    package var entries: [Entry]
}

/// A counterclaim a source raises and how (whether) the source answers it.
package struct CounterclaimEntry: Sendable {
    package struct Answer: Sendable {
        package var unit: UnitReference
        package var relation: RelationID
        package var type: RelationType
    }

    package var unit: UnitReference
    package var quote: String
    package var speaker: String?
    package var target: TargetID?
    package var stance: Stance?
    /// What the counterclaim attacks.
    package var attacks: [UnitReference]
    /// Rebuttals (or other units) that rebut, undercut or attack it.
    package var answers: [Answer]
    package var isAnswered: Bool { !answers.isEmpty }
}

/// One speaker of one source: who is quoted, how often, and with what stance.
package struct SpeakerSummary: Sendable {
    package struct TargetStance: Sendable {
        package var target: TargetID
        package var favor: Int
        package var against: Int
        package var neutral: Int
    }

    package var source: Int
    package var speaker: SpeakerID
    package var name: String
    package var role: String?
    /// The lowercased, space-collapsed name that identifies the speaker across sources.
    package var key: String
    package var units: [UnitReference]
    package var unitsByType: [UnitType: Int]
    package var stances: [TargetStance]
    /// Other sources in which a speaker with the same name appears: the first
    /// ``alsoInLimit`` of them in source order, so that a name found in every article of a large
    /// corpus ("the student") costs a line, not a list as long as the corpus, per source.
    package var alsoIn: [Int]
    /// How many other sources have a speaker with this name (`alsoIn` lists at most ``alsoInLimit``).
    package var alsoInCount: Int

    /// The most other sources listed in `alsoIn`.
    package static let alsoInLimit = 20

    /// `alsoIn` as source keys, with "+N more" when the list was cut.
    package func alsoInDescription(keys: (Int) -> String) -> String {
        let listed = alsoIn.map(keys).joined(separator: ", ")
        return alsoInCount > alsoIn.count ? "\(listed) +\(alsoInCount - alsoIn.count) more" : listed
    }
}

/// A source's argument in numbers.
package struct SourceProfile: Sendable {
    package var source: Int
    package var unitsByType: [UnitType: Int]
    package var relationsByType: [RelationType: Int]
    /// `supports` relations.
    package var supports: Int
    /// `attacks`, `rebuts` and `undercuts` relations.
    package var attacks: Int
    /// The longest chain of related units (see ``ArgumentGraph/depth``).
    package var depth: Int
    package var textLength: Int
    /// Code points covered by at least one unit span.
    package var annotatedLength: Int
    package var speakers: Int
    package var implicitUnits: Int
    package var suggestedUnits: Int
    package var unitCount: Int { unitsByType.values.reduce(0, +) }
    /// `annotatedLength / textLength`, 0 for an empty text.
    package var annotatedShare: Double { textLength == 0 ? 0 : Double(annotatedLength) / Double(textLength) }
}
