import ArgmarkCore

/// Writing to the terminal: one place decides about colour and streams.
enum Terminal {
    static func standardOutput(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: Platform.standardOutput)
    }

    static func standardError(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: Platform.standardError)
    }

    /// Writes raw text as given (no newline added).
    static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    /// Writes bytes as given.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        do {
            try Platform.write(bytes, to: descriptor)
        } catch {
            // Lost output must not end in exit 0: a report piped to a full disk is a failure.
            if descriptor == Platform.standardOutput {
                write("argmark: error: cannot write to standard output (\(error.systemMessage)); the output is incomplete, write it to a file with room (or -o where the command has it)\n", to: Platform.standardError)
                Platform.exit(1)
            }
        }
    }

    /// Colour only when the stream is a terminal and NO_COLOR is not set.
    static func usesColor(_ descriptor: Int32) -> Bool {
        Platform.isTerminal(descriptor) && Platform.environmentValue("NO_COLOR") == nil
    }
}

/// The one printer of findings for the terminal: `path:line:col: severity: message [rule-id]`,
/// one line per finding (control characters in quoted content are shown as escapes, so a hostile
/// file cannot forge lines or send escape sequences), bold and coloured only on a terminal.
/// Refusals of a request print without the rule id, as they always have; `--format json` gives it.
enum DiagnosticPrinter {
    static func line(for diagnostic: Diagnostic, color: Bool) -> String {
        let text = Diagnostic(diagnostic.severity, diagnostic.rule, Wording.sentence(diagnostic.message, diagnostic.remedies), at: diagnostic.location).message
        let place = diagnostic.location.path == "argmark" && diagnostic.location.line == nil ? "argmark" : diagnostic.location.description
        let rule = diagnostic.rule.isRequestRefusal ? "" : " [\(diagnostic.rule.rawValue)]"
        let listed = Wording.details(diagnostic.facts)
        // A finding is one line; the places it lists follow it, indented (occurrences after a colon).
        let introduces = diagnostic.facts.contains { if case .occurrences = $0 { true } else { false } }
        let details = listed.isEmpty ? "" : (introduces ? ":" : "") + listed.map { "\n" + Diagnostic(.error, diagnostic.rule, $0, at: diagnostic.location).message }.joined()
        guard color else { return "\(place): \(diagnostic.severity.rawValue): \(text)\(rule)\(details)" }
        let severity = diagnostic.severity == .error ? "\u{1B}[1;31merror\u{1B}[0m" : "\u{1B}[1;33mwarning\u{1B}[0m"
        return "\u{1B}[1m\(place)\u{1B}[0m: \(severity): \(text)\(rule)\(details)"
    }

    static func print(_ diagnostics: [Diagnostic]) {
        let color = Terminal.usesColor(Platform.standardError)
        for diagnostic in diagnostics {
            Terminal.standardError(line(for: diagnostic, color: color))
        }
    }
}
