#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgmarkCore

/// Writing to the terminal: one place decides about colour and streams.
enum Terminal {
    static func standardOutput(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDOUT_FILENO)
    }

    static func standardError(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }

    /// Writes raw text as given (no newline added).
    static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    /// Writes bytes as given.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                // Lost output must not end in exit 0: a report piped to a full disk is a failure.
                if descriptor == STDOUT_FILENO {
                    write("argmark: error: cannot write to standard output (\(String(cString: strerror(code)))); the output is incomplete, write it to a file with room (or -o where the command has it)\n", to: STDERR_FILENO)
                    Glibc.exit(1)
                }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Colour only when the stream is a terminal and NO_COLOR is not set.
    static func usesColor(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && getenv("NO_COLOR") == nil
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
        let color = Terminal.usesColor(STDERR_FILENO)
        for diagnostic in diagnostics {
            Terminal.standardError(line(for: diagnostic, color: color))
        }
    }
}
