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

/// Prints diagnostics as `path:line:col: error: message [rule]`.
enum DiagnosticPrinter {
    static func line(for diagnostic: Diagnostic, color: Bool) -> String {
        guard color else { return diagnostic.description }
        let severity = diagnostic.severity == .error ? "\u{1B}[1;31merror\u{1B}[0m" : "\u{1B}[1;33mwarning\u{1B}[0m"
        return "\u{1B}[1m\(diagnostic.location)\u{1B}[0m: \(severity): \(diagnostic.message) [\(diagnostic.rule.rawValue)]"
    }

    static func print(_ diagnostics: [Diagnostic]) {
        let color = Terminal.usesColor(Platform.standardError)
        for diagnostic in diagnostics {
            Terminal.standardError(line(for: diagnostic, color: color))
        }
    }
}
