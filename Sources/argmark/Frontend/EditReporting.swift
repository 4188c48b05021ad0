import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

/// How the annotating commands report: refusals as `path:line:col: error: message` on stderr with
/// exit 1 (2 for usage errors and missing paths), warnings after a change that landed.
enum EditReporting {
    /// Runs `body`; an ``EditError`` is printed and ends the command with its ``ExitStatus``.
    static func run(_ body: () throws(EditError) -> Void) throws {
        try status(body).exit()
    }

    /// Runs `body` and returns its status, printing an ``EditError``: for commands that go on
    /// with the next file and end with the worst status.
    static func status(_ body: () throws(EditError) -> Void) -> ExitStatus {
        do {
            try body()
            return .success
        } catch {
            print(error)
            return ExitStatus(error)
        }
    }

    static func print(_ error: EditError) {
        var finding = error.finding
        // A refusal with a problem is worded here whole; the others are the core's message and remedies.
        if error.problem != nil {
            finding.message = message(for: error)
            finding.remedies = []
        }
        DiagnosticPrinter.print([finding] + error.diagnostics)
    }

    /// The core states the facts of a refusal; the CLI names its own fix (the flag to pass).
    static func message(for error: EditError) -> String {
        switch error.problem {
        case .redefinition(let kind, let id, let existing, let given)?:
            let what = kind == .target ? "name" : "statement"
            return "\(kind.rawValue) \(id) is already defined as \"\(existing)\"; pass --replace to change its \(what) to \"\(given)\" (that changes what every unit using it means), or choose another id"
        case .vocabularyInUse(let kind, let id, let uses)?:
            return "\(kind.rawValue) \(id) is still used in \(describe(uses)); clear those uses first, or pass --cascade to clear them all"
        case .onlyTypeAndNote(let relation)?:
            return "\(relation) is a relation; a relation takes only --type and --note"
        case .unknownRole(let role, let known)?:
            return "unknown role \"\(role)\"; use one of \(known.joined(separator: ", ")), optionally followed by a description (--role \"quoted: founder of #MeToo\")"
        case .stale(let expected, let actual)?:
            return "the file changed since it was read (its digest is now \(actual.isEmpty ? "none" : actual), not \(expected)), so nothing was written; read it again and redo the change"
        case .editLine?, nil:
            return Wording.sentence(error.message, error.remedies)
        }
    }

    /// `a.xml (u1, u3), corpus.xml (proposition p1)`.
    static func describe(_ uses: [ClearedUses]) -> String {
        uses.map { use in
            let things = use.units.map(\.rawValue) + use.propositions.map { "proposition \($0)" }
            return "\(use.path) (\(things.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// What a forgiving quote match tolerated, as a note.
    static func noteForgiven(_ unit: ArgumentUnit, _ forgiven: [QuoteMatcher.Difference], path: String) {
        guard !forgiven.isEmpty, let span = unit.span else { return }
        note("quote not found exactly; matched \"\(unit.quote)\" at \(span.start)-\(span.end), ignoring differences in \(forgiven.map(\.rawValue).joined(separator: ", "))", path: path)
    }

    static func warn(_ warnings: [Diagnostic]) {
        DiagnosticPrinter.print(warnings)
    }

    /// A warning on stderr, e.g. that another speaker has the same name.
    static func warning(_ text: String, path: String? = nil) {
        DiagnosticPrinter.remark("warning", colorCode: "1;33", text, path: path)
    }

    /// A note on stderr, e.g. what a forgiving quote match matched.
    static func note(_ text: String, path: String? = nil) {
        DiagnosticPrinter.remark("note", colorCode: "1;36", text, path: path)
    }
}

/// Parsing of the closed vocabularies, with one-line errors that list the choices.
enum Vocabulary {
    static func unitType(_ value: String) throws(EditError) -> UnitType {
        try ArticleEdits.unitType(value)
    }

    static func relationType(_ value: String) throws(EditError) -> RelationType {
        try ArticleEdits.relationType(value)
    }

    static func stance(_ value: String?) throws(EditError) -> Stance? {
        guard let value else { return nil }
        guard let stance = Stance(rawValue: value) else {
            throw EditError(.usage, "unknown stance \"\(value)\"; use favor, against or neutral")
        }
        return stance
    }

    static func genre(_ value: String?) throws(EditError) -> Genre? {
        guard let value else { return nil }
        guard let genre = Genre(rawValue: value) else {
            throw EditError(.usage, "unknown genre \"\(value)\"; use one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return genre
    }

    static func id<Tag>(_ value: String?, _ kind: String) throws(EditError) -> Identifier<Tag>? {
        guard let value else { return nil }
        guard Identifier<Tag>.isValid(value) else {
            throw EditError(.usage, "\"\(value)\" is not a valid \(kind) id; use ASCII letters, digits, '-', '_' and '.', starting with a letter or '_'")
        }
        return Identifier<Tag>(value)
    }
}
