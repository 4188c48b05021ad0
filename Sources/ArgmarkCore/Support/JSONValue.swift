/// A JSON value rendered deterministically: object keys sorted, fixed number format, LF at the end.
///
/// argmark's JSON output (diagnostics, listings, reports) goes through this one writer so that the
/// same input always gives the same bytes.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with up to six decimals, never in exponent form.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value as compact-but-readable JSON (2-space indent), ending with a newline.
    package func rendered() -> String {
        String(decoding: renderedBytes(), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``rendered()``; large reports are written straight from these.
    package func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The value on one line with no spaces (keys sorted), as JSON Lines needs; no newline added.
    package func renderedCompact() -> String {
        var out: [UInt8] = []
        writeCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            write(into: &out, indent: 0)
        }
    }

    static func appendIndent(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Appends the value as ``rendered()`` writes it at nesting `indent` (no newline after it).
    package func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): out.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, value) in values.enumerated() {
                Self.appendIndent(indent + 2, to: &out)
                value.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (index == values.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.appendIndent(indent + 2, to: &out)
                Self.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                members[key]!.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON number: at most six decimals, no exponent while the value scales exactly; JSON
    /// has no infinity or NaN, so those are `null`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return NumberText.trimmed(value, maxDecimals: 6)
    }

    /// Writes a JSON string: runs of bytes that need no escape are copied whole. Besides what
    /// JSON requires, DEL, C1 controls, bidirectional overrides and U+2028/U+2029 are written as
    /// `\u` escapes (same value, see ``DisplayEscaping/isActive(_:)``), so JSON printed to a
    /// terminal cannot act on it either; UTF-8 sequences of other scalars pass through untouched.
    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            let hex = Array("0123456789abcdef".utf8)
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // 0xC2 and 0xE2 lead the UTF-8 of the active scalars beyond ASCII (U+0080–U+009F; U+2028–U+2069).
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 || byte == 0xE2 else {
                    index += 1
                    continue
                }
                var escaped: UInt32?
                var length = 1
                switch byte {
                case 0xC2:
                    if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { escaped = UInt32(bytes[index + 1]); length = 2 }
                case 0xE2:
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                        let scalar = 0x2000 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                        if let decoded = Unicode.Scalar(scalar), DisplayEscaping.isActive(decoded) { escaped = scalar; length = 3 }
                    }
                default:
                    escaped = UInt32(byte)
                }
                guard let escaped else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch escaped {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    out.append(contentsOf: "\\u".utf8)
                    for shift in [12, 8, 4, 0] { out.append(hex[Int((escaped >> UInt32(shift)) & 0xF)]) }
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A JSON document produced piece by piece, so that a document larger than memory allows (a
/// corpus-wide report) is written without building it whole: the large arrays give their
/// elements one at a time, and ``JSONStreamWriter`` hands out the bytes in chunks. The bytes are
/// those of ``JSONValue/rendered()`` for the same document.
package indirect enum JSONPiece {
    case value(JSONValue)
    /// `count` elements, made on demand by `element`.
    case array(count: Int, element: (Int) -> JSONPiece)
    /// Members (keys are sorted on writing, as ``JSONValue`` sorts them).
    case object([String: JSONPiece])
    /// JSON already rendered at the indentation of the place it is written to (its first line
    /// unindented, as ``JSONValue/write(into:indent:)`` writes it): a value made earlier and
    /// kept out of memory, such as each source of a corpus-wide report.
    case rendered([UInt8])

    package static func array(_ values: [JSONPiece]) -> JSONPiece { .array(count: values.count) { values[$0] } }
}

/// Writes a ``JSONPiece`` to `emit` in chunks of about `chunkBytes`.
package struct JSONStreamWriter<Failure: Error> {
    private var buffer: [UInt8] = []
    private let chunkBytes: Int
    private let emit: ([UInt8]) throws(Failure) -> Void

    package init(chunkBytes: Int = 1 << 20, emit: @escaping ([UInt8]) throws(Failure) -> Void) {
        self.chunkBytes = chunkBytes
        self.emit = emit
        buffer.reserveCapacity(chunkBytes + (chunkBytes >> 2))
    }

    /// Writes the whole document and its final newline.
    package static func write(_ piece: JSONPiece, chunkBytes: Int = 1 << 20, to emit: @escaping ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var writer = JSONStreamWriter(chunkBytes: chunkBytes, emit: emit)
        try writer.write(piece, indent: 0)
        writer.buffer.append(UInt8(ascii: "\n"))
        try writer.flush()
    }

    private mutating func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ piece: JSONPiece, indent: Int) throws(Failure) {
        switch piece {
        case .value(let value):
            value.write(into: &buffer, indent: indent)
        case .rendered(let bytes):
            buffer += bytes
        case .array(let count, let element):
            if count == 0 { buffer.append(contentsOf: "[]".utf8); break }
            buffer.append(contentsOf: "[\n".utf8)
            for index in 0..<count {
                JSONValue.appendIndent(indent + 2, to: &buffer)
                try write(element(index), indent: indent + 2)
                buffer.append(contentsOf: (index == count - 1 ? "\n" : ",\n").utf8)
            }
            JSONValue.appendIndent(indent, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { buffer.append(contentsOf: "{}".utf8); break }
            buffer.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                JSONValue.appendIndent(indent + 2, to: &buffer)
                JSONValue.writeString(key, into: &buffer)
                buffer.append(contentsOf: ": ".utf8)
                try write(members[key]!, indent: indent + 2)
                buffer.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONValue.appendIndent(indent, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        if buffer.count >= chunkBytes { try flush() }
    }
}
