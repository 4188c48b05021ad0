/// The one XML escaper: argmark's canonical files, the report renderers (HTML, SVG) and the
/// exporters (XMI, arg-microtexts) all write through it, so all follow one policy.
///
/// `&`, `<` and `>` become entity references, and so does `"` in attribute values. CR is written
/// `&#13;` everywhere (a parser turns a literal CR into LF), tab and LF are written `&#9;` and
/// `&#10;` in attribute values (attribute-value normalisation would turn them into spaces) and as
/// they are in content. A character XML 1.0 cannot hold at all (the other C0 controls, U+FFFE,
/// U+FFFF) is refused: writing it would make the file unreadable, dropping it would change the
/// text without a word. Outputs derived from a file (a report, an export) use
/// ``escapeShowingUnwritable(_:as:)``, which writes such a character visibly as `\u{1B}` instead.
package enum XMLEscaping {
    package enum Context: Sendable {
        case attribute, content
        /// Content that may also stand in a double-quoted HTML attribute: `"` escaped, tab and LF
        /// as they are (HTML does not normalise attribute values).
        case markup
    }

    /// `value` escaped for `context`; throws for a character XML 1.0 cannot hold, naming `place`
    /// (and, in content, the line and column).
    package static func escape(_ value: String, as context: Context, in place: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        if !needsEscaping(value, quote: context != .content, whitespace: context == .attribute) { return value }
        return try rewrite(value, quote: context != .content, whitespace: context == .attribute, place: place)
    }

    /// `value` escaped for `context`, with any character XML 1.0 cannot hold written visibly as its
    /// `\u{…}` escape: for reports and exports, whose input was already read from valid XML but
    /// may carry a hostile file name.
    package static func escapeShowingUnwritable(_ value: String, as context: Context) -> String {
        do {
            return try escape(value, as: context, in: "")
        } catch {
            // Nothing unwritable is left once shown, so the second escape cannot throw.
            return (try? escape(showingUnwritable(value), as: context, in: "")) ?? ""
        }
    }

    /// Content as one or more CDATA sections (`]]>` is split across two; a CR, which a parser
    /// would turn into LF even inside CDATA, is written `&#13;` between two sections), with
    /// characters XML 1.0 cannot hold shown as for ``escapeShowingUnwritable(_:as:)``.
    /// Works on scalars, not characters: `\r\n` is one `Character`, and so is `>` followed by a
    /// combining mark, and either would hide what must be split.
    package static func cdata(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: "<![CDATA[".unicodeScalars)
        var closingBrackets = 0
        for scalar in showingUnwritable(value).unicodeScalars {
            switch scalar {
            case ">" where closingBrackets >= 2: out.append(contentsOf: "]]><![CDATA[>".unicodeScalars)
            case "\r": out.append(contentsOf: "]]>&#13;<![CDATA[".unicodeScalars)
            default: out.append(scalar)
            }
            closingBrackets = scalar == "]" ? closingBrackets + 1 : 0
        }
        out.append(contentsOf: "]]>".unicodeScalars)
        return String(out)
    }

    /// `value` with each character XML 1.0 cannot hold replaced by its visible `\u{…}` escape.
    private static func showingUnwritable(_ value: String) -> String {
        var visible = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar.isXMLCharacter { visible.append(scalar) } else {
                visible.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(visible)
    }

    /// Whether `value` holds anything that must be escaped or refused: most values hold nothing of
    /// the kind, and a byte scan is far cheaper than the scalar-by-scalar rewrite.
    private static func needsEscaping(_ value: String, quote: Bool, whitespace: Bool) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x00..<0x20:
                    if byte != 0x0A || whitespace { return true }
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
                case UInt8(ascii: "\""): if quote { return true }
                case 0xEF: return true  // U+FFFE and U+FFFF start with EF BF; let the slow path decide
                default: break
                }
            }
            return false
        }
    }

    /// Rewrites `value` byte by byte (every byte that needs care is ASCII, or the start of U+FFFE/U+FFFF).
    private static func rewrite(_ value: String, quote: Bool, whitespace: Bool, place: () -> String) throws(UnwritableCharacterError) -> String {
        let bytes = Array(value.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        // Bytes that stay as they are go over in runs: appending each byte on its own cost
        // several times the scan on a long text with one `&` in it.
        var runStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "\""), byte != 0xEF {
                index += 1
                continue
            }
            if runStart < index { result.append(contentsOf: bytes[runStart..<index]) }
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quote: result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "\r"): result.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\t") where whitespace: result.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where whitespace: result.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): result.append(byte)
            case 0x00..<0x20:
                throw unwritable(Unicode.Scalar(byte), at: index, in: bytes, attribute: whitespace, place: place)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                throw unwritable(Unicode.Scalar(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)!, at: index, in: bytes, attribute: whitespace, place: place)
            default: result.append(byte)
            }
            index += 1
        }
        if runStart < bytes.count { result.append(contentsOf: bytes[runStart...]) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The error for a character XML 1.0 cannot hold, with its line and column in character data.
    private static func unwritable(_ scalar: Unicode.Scalar, at byteOffset: Int, in bytes: [UInt8], attribute: Bool, place: () -> String) -> UnwritableCharacterError {
        if attribute { return UnwritableCharacterError(scalar: scalar, place: place()) }
        var line = 1
        var column = 1
        for byte in bytes[..<byteOffset] where byte & 0xC0 != 0x80 {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return UnwritableCharacterError(scalar: scalar, place: "\(place()) at line \(line), column \(column)")
    }
}
