extension Diagnostic {
    /// `message` with line breaks and other control characters written as escapes (`\r`,
    /// `\u{1B}`): a finding is always one line, and text quoted from a hostile file can neither
    /// forge further output lines nor send escape sequences to a terminal.
    static func singleLine(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return message }
        var result = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case _ where scalar.properties.generalCategory == .control:
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
