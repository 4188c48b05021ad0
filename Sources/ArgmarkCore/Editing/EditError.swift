/// Why an annotating command did not change anything.
///
/// Every edit either lands completely or fails with one of these, leaving the file as it was.
public struct EditError: Error, Sendable, CustomStringConvertible {
    /// How the failure should end the process.
    public enum Kind: Sendable {
        /// The request cannot be carried out (unknown id, quote not found, invalid result): exit 1.
        case refused
        /// The command was called wrongly or a path is missing or unreadable: exit 2.
        case usage
    }

    /// A refusal (exit 1 in the CLI) or a usage error (exit 2).
    public var kind: Kind
    /// Where the problem is, if it is in a file; `nil` for a problem with the command itself.
    public var location: SourceLocation?
    /// Lowercase, naming the thing and the fix.
    public var message: String
    /// Findings of the validator when the result of an edit was refused; `message` sums them up.
    public var diagnostics: [Diagnostic]
    /// Which rule refused it (see ``RuleID``).
    public var rule: RuleID
    /// The facts behind the refusal (an ambiguous quote's occurrences).
    public var facts: [Fact]
    /// What would resolve it; each frontend words these (the CLI as flags and commands).
    public var remedies: [Remedy]
    /// The facts behind the refusal, for refusals a frontend words itself (offering the fix in
    /// its own terms: a flag, a button); `nil` for the others.
    package var problem: EditProblem?
    /// For a refused list of edits, which edit (0-based) caused the refusal, if one did.
    package var editIndex: Int?

    package init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, diagnostics: [Diagnostic] = [],
                rule: RuleID = .badRequest, facts: [Fact] = [], remedies: [Remedy] = []) {
        self.kind = kind
        self.message = message
        self.location = location
        self.diagnostics = diagnostics
        self.rule = rule
        self.facts = facts
        self.remedies = remedies
    }

    static func refused(_ message: String, path: String? = nil, rule: RuleID = .badRequest, facts: [Fact] = [], remedies: [Remedy] = []) -> EditError {
        EditError(.refused, message, at: path.map { SourceLocation(path: $0) }, rule: rule, facts: facts, remedies: remedies)
    }

    static func usage(_ message: String, path: String? = nil, remedies: [Remedy] = []) -> EditError {
        EditError(.usage, message, at: path.map { SourceLocation(path: $0) }, remedies: remedies)
    }

    /// The refusal as a finding, for the printers and the JSON every frontend shares.
    public var finding: Diagnostic {
        Diagnostic(.error, rule, message, at: location ?? SourceLocation(path: "argmark"), facts: facts, remedies: remedies)
    }

    /// `path:line:col: error: message`, or `argmark: error: message` without a location.
    public var description: String {
        "\(location.map(\.description) ?? "argmark"): error: \(message)"
    }
}

/// Refusals that carry their facts, so each frontend can offer the fix in its own terms.
package enum EditProblem: Sendable, Equatable {
    /// The file is not at the version the caller read (`expected`); `actual` is its digest now
    /// (empty if it no longer exists). The workbench answers HTTP 409.
    case stale(expected: String, actual: String)
    /// A target or proposition would get a different name or statement; asking to replace allows it.
    case redefinition(kind: RenamedKind, id: String, existing: String, given: String)
    /// A target or proposition is still used; removing it with a cascade clears these uses.
    case vocabularyInUse(kind: RenamedKind, id: String, uses: [ClearedUses])
    /// Unit attributes were given for `id`, which is a relation (a relation takes a type and a note).
    case onlyTypeAndNote(relation: String)
    /// A speaker role whose kind is not one of `known`.
    case unknownRole(String, known: [String])
    /// A line of an edit file could not be read or applied; `error` says why.
    case editLine(path: String, line: Int)
}
