extension Diagnostic {
    /// The diagnostic as a JSON object: path, line, column, severity, rule, message.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "path": .string(location.path),
            "severity": .string(severity.rawValue),
            "rule": .string(rule.rawValue),
            "message": .string(message),
        ]
        members["line"] = location.line.map(JSONValue.int) ?? .null
        members["column"] = location.column.map(JSONValue.int) ?? .null
        return .object(members)
    }
}
