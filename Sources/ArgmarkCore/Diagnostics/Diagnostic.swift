/// Where in a file a finding is: 1-based line and, when known, column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file the finding is about (or `argmark` for one about the request itself).
    public var path: String
    /// The 1-based line, when the finding has one.
    public var line: Int?
    /// The 1-based column in code points, when the finding has one.
    public var column: Int?

    package init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, dropping what is unknown; a path holding a line break or a control
    /// character shows it escaped, so a file's name cannot forge a second finding.
    public var description: String {
        var result = DisplayEscaping.terminal(path)
        if let line {
            result += ":\(line)"
            if let column { result += ":\(column)" }
        }
        return result
    }
}

/// A finding about a file: an error makes the file invalid, a warning does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// An error makes a file invalid (or refuses a request); a warning does not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// Whether the finding is an error or a warning.
    public var severity: Severity
    /// Where the finding is.
    public var location: SourceLocation
    /// The problem, stated as facts; never a frontend's flag (the remedies say what would fix it).
    public var message: String
    /// A stable rule id (see ``RuleID``) that tools and tests can rely on.
    public var rule: RuleID
    /// The facts behind the message (for an ambiguous quote: its occurrences).
    public var facts: [Fact]
    /// What would resolve it, for each frontend to word its own way.
    public var remedies: [Remedy]

    /// `message` states the problem in the core's words; how to fix it goes in `remedies`.
    package init(_ severity: Severity, _ rule: RuleID, _ message: String, at location: SourceLocation, facts: [Fact] = [], remedies: [Remedy] = []) {
        self.severity = severity
        self.rule = rule
        self.message = Self.singleLine(message)
        self.location = location
        self.facts = facts
        self.remedies = remedies
    }

    /// `path:line:col: error: message [rule-id]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }
}

/// Stable identifiers of every check argmark makes; documented in the README.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable {
    /// Whether this refuses a request (an edit, a reanchor) rather than judging a file.
    package var isRequestRefusal: Bool {
        switch self {
        case .badRequest, .quoteAmbiguous, .quoteNotFound, .inUse, .invalidFile, .orphans: true
        default: false
        }
    }

    // Reading
    case unreadable = "unreadable"
    case encoding = "encoding"
    case doctypeForbidden = "doctype-forbidden"
    case wellFormed = "well-formed"
    /// A file in another tool's format (arg-microtexts, XMI, brat, AIF) that argmark cannot import.
    case sourceFormat = "source-format"
    /// Something an export format cannot carry (reported per file; an error with `--strict`).
    case exportLoss = "export-loss"
    // Schema
    case schema = "schema"
    // Spans and text
    case spanRange = "span-range"
    case spanOrder = "span-order"
    case spanMissing = "span-missing"
    case fragments = "fragments"
    case quoteMismatch = "quote-mismatch"
    case digestMismatch = "digest-mismatch"
    // References
    case unknownSpeaker = "unknown-speaker"
    case unknownTarget = "unknown-target"
    case unknownProposition = "unknown-proposition"
    case unknownUnit = "unknown-unit"
    case stanceTarget = "stance-target"
    case corpusMissing = "corpus-missing"
    case duplicateID = "duplicate-id"
    // Relations
    case selfRelation = "self-relation"
    case rebuttalRelation = "rebuttal-relation"
    case evidenceRelation = "evidence-relation"
    case counterclaimRelation = "counterclaim-relation"
    case undercutTarget = "undercut-target"
    case relationToRelation = "relation-to-relation"
    case supportCycle = "support-cycle"
    // Warnings
    case duplicateSpan = "duplicate-span"
    // Refused requests (an edit, an import, an export): nothing was written
    /// A request names something that does not exist, or gives a value that is not allowed.
    case badRequest = "bad-request"
    /// A quote to place a unit by occurs more than once, or not at all.
    case quoteAmbiguous = "quote-ambiguous"
    case quoteNotFound = "quote-not-found"
    /// Removing something others depend on.
    case inUse = "in-use"
    /// The file to change is not a valid argmark file (its own findings follow).
    case invalidFile = "invalid-file"
    /// Units that a reanchor could not place on the new text.
    case orphans = "orphans"
}
