extension Diagnostic {
    /// `message` with line breaks, other control characters and bidirectional overrides written
    /// as escapes (`\n`, `\u{1B}`, `\u{202E}`): a finding is always one line, and text quoted from
    /// a hostile file can neither forge further output lines nor send escape sequences to a terminal.
    static func singleLine(_ message: String) -> String {
        DisplayEscaping.terminal(message)
    }
}
