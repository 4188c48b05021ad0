import ArgmarkCore

/// Writing to the terminal: one place decides about colour, streams, and how content is shown.
package enum Terminal {
    /// One message line on stdout; content in it is shown (``visible(_:keepingLineBreaks:)``),
    /// never obeyed, so a name or a file name cannot forge a second line.
    package static func standardOutput(_ text: String) {
        write(line(text), to: Platform.standardOutput)
    }

    /// One message line on stderr, shown as ``standardOutput(_:)`` is.
    package static func standardError(_ text: String) {
        write(line(text), to: Platform.standardError)
    }

    /// `text` as one line: every control character in it visible but the tab (tab-separated
    /// output stays so; a tab can neither break a line nor start an escape), then a newline.
    package static func line(_ text: String) -> String {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\t", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\t") + "\n"
    }

    /// Content from a file as a terminal should show it: control characters, escape sequences
    /// and bidirectional overrides written as escapes (`\u{1B}`); line breaks too, unless
    /// kept (an article's text, which is shown as lines).
    package static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        DisplayEscaping.terminal(text, lineBreaks: keepingLineBreaks ? .kept : .escaped)
    }

    /// Writes raw text as given (no newline added).
    package static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    /// Writes bytes as given.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) {
        do {
            try Platform.write(bytes, to: descriptor)
        } catch {
            // Lost output must not end in exit 0: a report piped to a full disk is a failure.
            if descriptor == Platform.standardOutput {
                write("argmark: error: cannot write to standard output (\(error.systemMessage)); the output is incomplete, write it to a file with room (or -o where the command has it)\n", to: Platform.standardError)
                Platform.exit(ExitStatus.failure.rawValue)
            }
        }
    }

    /// Colour only when the stream is a terminal and NO_COLOR is not set.
    package static func usesColor(_ descriptor: Int32) -> Bool {
        Platform.isTerminal(descriptor) && Platform.environmentValue("NO_COLOR") == nil
    }
}

/// The one printer of findings for the terminal: `path:line:col: severity: message [rule-id]`,
/// one line per finding (control characters in quoted content are shown as escapes, so a hostile
/// file cannot forge lines or send escape sequences), bold and coloured only on a terminal.
/// Refusals of a request print without the rule id, as they always have; `--format json` gives it.
package enum DiagnosticPrinter {
    package static func line(for diagnostic: Diagnostic, color: Bool) -> String {
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

    package static func print(_ diagnostics: [Diagnostic]) {
        let color = Terminal.usesColor(Platform.standardError)
        for diagnostic in diagnostics {
            // Already escaped piece by piece (its colour codes must stay codes), so written as is.
            Terminal.write(line(for: diagnostic, color: color) + "\n", to: Platform.standardError)
        }
    }

    /// A note or warning of the CLI's own (`path: warning: text`), one line, content escaped.
    package static func remark(_ label: String, colorCode: String, _ text: String, path: String?) {
        let color = Terminal.usesColor(Platform.standardError)
        let shown = color ? "\u{1B}[\(colorCode)m\(label)\u{1B}[0m" : label
        Terminal.write("\(Terminal.visible(path ?? "argmark")): \(shown): \(Terminal.visible(text))\n", to: Platform.standardError)
    }
}
