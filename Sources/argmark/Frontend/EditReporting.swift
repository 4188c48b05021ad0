import ArgumentParser
import ArgmarkCore

/// How the annotating commands report: refusals as `path:line:col: error: message` on stderr with
/// exit 1 (2 for usage errors and missing paths), warnings after a change that landed.
enum EditReporting {
    /// Runs `body`; an ``EditError`` is printed and turned into the matching exit code.
    static func run(_ body: () throws(EditError) -> Void) throws {
        do {
            try body()
        } catch {
            print(error)
            throw ExitCode(error.kind == .usage ? 2 : 1)
        }
    }

    static func print(_ error: EditError) {
        let color = Terminal.usesColor(Platform.standardError)
        let place = error.location.map(\.description) ?? "argmark"
        let label = color ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
        Terminal.standardError("\(color ? "\u{1B}[1m\(place)\u{1B}[0m" : place): \(label): \(error.message)")
        DiagnosticPrinter.print(error.diagnostics)
    }

    static func warn(_ warnings: [Diagnostic]) {
        DiagnosticPrinter.print(warnings)
    }

    /// A note on stderr, e.g. what a forgiving quote match matched.
    static func note(_ text: String, path: String? = nil) {
        let color = Terminal.usesColor(Platform.standardError)
        let label = color ? "\u{1B}[1;36mnote\u{1B}[0m" : "note"
        Terminal.standardError("\(path ?? "argmark"): \(label): \(text)")
    }
}

/// Parsing of the closed vocabularies, with one-line errors that list the choices.
enum Vocabulary {
    static func unitType(_ value: String) throws(EditError) -> UnitType {
        guard let type = UnitType(rawValue: value) else {
            throw EditError(.usage, "unknown unit type \"\(value)\"; use one of \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    static func relationType(_ value: String) throws(EditError) -> RelationType {
        guard let type = RelationType(rawValue: value) else {
            throw EditError(.usage, "unknown relation type \"\(value)\"; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
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
