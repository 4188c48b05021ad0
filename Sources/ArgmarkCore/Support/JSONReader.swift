/// A JSON value with the line it starts on, so import errors can name the line.
///
/// A small strict reader (RFC 8259) for AIF files; argmark writes JSON with core's `JSONValue`.
package struct JSONNode: Sendable {
    package indirect enum Value: Sendable {
        case object([(key: String, value: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    package var value: Value
    package var line: Int

    package subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    package var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// A string, or a number written as text (AIF ids come both ways).
    package var text: String? {
        switch value {
        case .string(let string): string
        case .number(let number): number
        default: nil
        }
    }
}

/// Why a JSON file could not be read, and on which line.
package struct JSONSyntaxError: Error, Sendable {
    package var line: Int
    package var message: String
}

/// Parses JSON into ``JSONNode`` values that know their line.
package enum JSONReader {
    /// Parses a whole document (a UTF-8 byte order mark is allowed); trailing text is an error.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        let node = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return node
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"): line += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default: return
                }
                index += 1
            }
        }

        mutating func expect(_ literal: String) throws(JSONSyntaxError) {
            for byte in literal.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw error("expected \(literal)") }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
            guard depth < 512 else { throw error("nesting too deep") }
            guard index < bytes.count else { throw error("unexpected end of file; the JSON is truncated") }
            let startLine = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: JSONNode)] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return JSONNode(value: .object(members), line: startLine)
                }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error(index < bytes.count ? "expected a quoted key" : "unexpected end of file; the JSON is truncated") }
                    let key = try string()
                    skipWhitespace()
                    try expect(":")
                    skipWhitespace()
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard index < bytes.count else { throw error("unexpected end of file; the JSON is truncated") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                    throw error("expected , or } in an object")
                }
                return JSONNode(value: .object(members), line: startLine)
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONNode] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return JSONNode(value: .array(items), line: startLine)
                }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw error("unexpected end of file; the JSON is truncated") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                    throw error("expected , or ] in an array")
                }
                return JSONNode(value: .array(items), line: startLine)
            case UInt8(ascii: "\""):
                return JSONNode(value: .string(try string()), line: startLine)
            case UInt8(ascii: "t"):
                try expect("true")
                return JSONNode(value: .bool(true), line: startLine)
            case UInt8(ascii: "f"):
                try expect("false")
                return JSONNode(value: .bool(false), line: startLine)
            case UInt8(ascii: "n"):
                try expect("null")
                return JSONNode(value: .null, line: startLine)
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw error("unexpected character") }
                let number = bytes[start..<index]
                // RFC 8259's grammar exactly: Double() alone would also take "+1", "01", ".5" or "1.".
                guard Self.isJSONNumber(number) else { throw error("malformed number \(String(decoding: number, as: UTF8.self)); JSON numbers are -?digits[.digits][e[+-]digits], with no leading + or 0") }
                return JSONNode(value: .number(String(decoding: number, as: UTF8.self)), line: startLine)
            }
        }

        /// A string's value: runs without escapes are copied as bytes and escapes decoded to
        /// UTF-8 in the same buffer, validated once at the end (a part's record holds an article's
        /// XML as one long string with an escape on every line).
        mutating func string() throws(JSONSyntaxError) -> String {
            index += 1
            var raw: [UInt8] = []
            while true {
                let runStart = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    index += 1
                }
                raw.append(contentsOf: bytes[runStart..<index])
                guard index < bytes.count else { throw error("unterminated string; the JSON is truncated") }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
                    return text
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw error("unterminated string") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): raw.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): raw.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): raw.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): raw.append(0x08)
                    case UInt8(ascii: "f"): raw.append(0x0C)
                    case UInt8(ascii: "n"): raw.append(0x0A)
                    case UInt8(ascii: "r"): raw.append(0x0D)
                    case UInt8(ascii: "t"): raw.append(0x09)
                    case UInt8(ascii: "u"):
                        var unit = try hex4()
                        if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(unit) else { throw error("unpaired surrogate in \\u escape") }
                        raw.append(contentsOf: UTF8.encode(scalar)!)
                    default: throw error("unknown escape in a string")
                    }
                default:
                    throw error(byte == UInt8(ascii: "\n") ? "line break inside a string; the string is not closed" : "control character inside a string")
                }
            }
        }

        /// Exactly four hex digits (UInt32(_:radix:) alone would also take a sign, as in `\\u+041`).
        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("malformed \\u escape; it needs four hex digits") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("malformed \\u escape; it needs four hex digits")
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }

        /// Whether `number` is `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        static func isJSONNumber(_ number: ArraySlice<UInt8>) -> Bool {
            var rest = number[...]
            func digits() -> Int {
                let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
                rest = rest.dropFirst(count)
                return count
            }
            if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            if rest.first == UInt8(ascii: "0") {
                rest = rest.dropFirst()
            } else if digits() == 0 {
                return false
            }
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                guard digits() > 0 else { return false }
            }
            if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
                rest = rest.dropFirst()
                if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
                guard digits() > 0 else { return false }
            }
            return rest.isEmpty
        }
    }
}
