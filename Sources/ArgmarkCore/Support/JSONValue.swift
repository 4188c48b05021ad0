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
            Self.writeContainer(count: values.count, brackets: ("[", "]"), indent: indent, into: &out) { (index, out) throws(Never) in
                values[index].write(into: &out, indent: indent + 2)
            }
        case .object(let members):
            let keys = members.keys.sorted()
            Self.writeContainer(count: keys.count, brackets: ("{", "}"), indent: indent, into: &out) { (index, out) throws(Never) in
                Self.writeMemberName(keys[index], into: &out)
                members[keys[index]]!.write(into: &out, indent: indent + 2)
            }
        }
    }

    /// The one layout of an array or object, shared by ``write(into:indent:)`` and
    /// ``JSONStreamWriter`` so that both give the same bytes: empty as `[]`/`{}`, else the opening
    /// bracket, each element on its own line two spaces further in, commas between, and the
    /// closing bracket on its own line. `element` writes the element at an index (for an object,
    /// its `"name": value`).
    static func writeContainer<Failure: Error>(
        count: Int, brackets: (open: Unicode.Scalar, close: Unicode.Scalar), indent: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        out.append(UInt8(ascii: brackets.open))
        guard count > 0 else { out.append(UInt8(ascii: brackets.close)); return }
        out.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            appendIndent(indent + 2, to: &out)
            try element(index, &out)
            out.append(contentsOf: (index == count - 1 ? "\n" : ",\n").utf8)
        }
        appendIndent(indent, to: &out)
        out.append(UInt8(ascii: brackets.close))
    }

    /// An object member's name and the `: ` after it.
    static func writeMemberName(_ name: String, into out: inout [UInt8]) {
        writeString(name, into: &out)
        out.append(contentsOf: ": ".utf8)
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
        try writer.write(piece)
        writer.buffer.append(UInt8(ascii: "\n"))
        try writer.flush()
    }

    private mutating func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ piece: JSONPiece) throws(Failure) {
        let emit = emit, chunkBytes = chunkBytes
        try Self.write(piece, indent: 0, into: &buffer) { (buffer) throws(Failure) in
            guard buffer.count >= chunkBytes else { return }
            try emit(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Appends `piece` to `buffer`, offering the buffer to `spill` after each piece so that no
    /// more than about a chunk is held.
    private static func write(_ piece: JSONPiece, indent: Int, into buffer: inout [UInt8], spill: (inout [UInt8]) throws(Failure) -> Void) throws(Failure) {
        switch piece {
        case .value(let value):
            value.write(into: &buffer, indent: indent)
        case .rendered(let bytes):
            buffer += bytes
        case .array(let count, let element):
            try JSONValue.writeContainer(count: count, brackets: ("[", "]"), indent: indent, into: &buffer) { (index, buffer) throws(Failure) in
                try write(element(index), indent: indent + 2, into: &buffer, spill: spill)
            }
        case .object(let members):
            let keys = members.keys.sorted()
            try JSONValue.writeContainer(count: keys.count, brackets: ("{", "}"), indent: indent, into: &buffer) { (index, buffer) throws(Failure) in
                JSONValue.writeMemberName(keys[index], into: &buffer)
                try write(members[keys[index]]!, indent: indent + 2, into: &buffer, spill: spill)
            }
        }
        try spill(&buffer)
    }
}
