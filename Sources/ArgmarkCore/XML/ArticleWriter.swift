/// A character that XML 1.0 cannot carry, found where argmark was asked to write it.
public struct UnwritableCharacterError: Error, CustomStringConvertible, Sendable {
    public var scalar: Unicode.Scalar
    /// What held it, e.g. `text at line 3, column 14` or `note of unit u2`.
    public var place: String

    public var description: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\(place) contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex), a control character XML 1.0 cannot store; remove it from the input"
    }
}

/// Writes argmark documents in canonical form: fixed element and attribute order, 2-space indent,
/// LF line ends and a final newline, units in text order. Same model, same bytes.
public enum ArticleWriter {
    /// The canonical bytes of `article`.
    public static func encode(_ article: Article) throws(UnwritableCharacterError) -> [UInt8] {
        var out = XMLOutput()
        out.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.line("<article xmlns=\"\(ArticleXML.namespace)\" version=\"\(Article.formatVersion)\" id=\"\(try out.attribute(article.id, in: "article id"))\">")
        out.line("  <meta>")
        let metadata = article.metadata
        for (name, value) in [("title", metadata.title), ("outlet", metadata.outlet), ("author", metadata.author),
                              ("published", metadata.published), ("url", metadata.url),
                              ("genre", metadata.genre?.rawValue), ("language", metadata.language)] {
            if let value {
                out.line("    <\(name)>\(try out.content(value, in: name))</\(name)>")
            }
        }
        for property in metadata.properties {
            out.line("    <property name=\"\(try out.attribute(property.name, in: "property name"))\">\(try out.content(property.value, in: "property \(property.name)"))</property>")
        }
        out.line("  </meta>")
        out.line("  <text sha256=\"\(article.textDigest)\">\(try out.content(article.text, in: "text"))</text>")

        if !article.speakers.isEmpty {
            out.line("  <speakers>")
            for speaker in article.speakers.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                var attributes = [("id", speaker.id.rawValue), ("name", speaker.name)]
                if let role = speaker.role { attributes.append(("role", role)) }
                out.line("    <speaker\(try out.attributes(attributes, of: "speaker \(speaker.id)"))/>")
            }
            out.line("  </speakers>")
        }

        if let mark = article.unitHighWaterMark, article.units.isEmpty {
            out.line("  <units highest-issued=\"\(mark)\"/>")
        }
        if !article.units.isEmpty {
            out.line("  <units\(article.unitHighWaterMark.map { " highest-issued=\"\($0)\"" } ?? "")>")
            for unit in canonicalOrder(article.units) {
                var attributes = [("id", unit.id.rawValue), ("type", unit.type.rawValue)]
                if let span = unit.span {
                    attributes.append(("start", String(span.start)))
                    attributes.append(("end", String(span.end)))
                }
                if !unit.fragments.isEmpty {
                    attributes.append(("fragments", unit.fragments.map(\.description).joined(separator: " ")))
                }
                let optional: [(String, String?)] = [
                    ("speaker", unit.speaker?.rawValue), ("stance", unit.stance?.rawValue),
                    ("target", unit.target?.rawValue), ("proposition", unit.proposition?.rawValue),
                    ("status", unit.status == .gold ? nil : unit.status.rawValue),
                    ("confidence", unit.confidence.map(formatConfidence)),
                    ("source-label", unit.sourceLabel), ("source-id", unit.sourceID), ("note", unit.note),
                ]
                for case let (name, value?) in optional { attributes.append((name, value)) }
                out.line("    <unit\(try out.attributes(attributes, of: "unit \(unit.id)"))>\(try out.content(unit.quote, in: "quote of unit \(unit.id)"))</unit>")
            }
            out.line("  </units>")
        }

        if let mark = article.relationHighWaterMark, article.relations.isEmpty {
            out.line("  <relations highest-issued=\"\(mark)\"/>")
        }
        if !article.relations.isEmpty {
            out.line("  <relations\(article.relationHighWaterMark.map { " highest-issued=\"\($0)\"" } ?? "")>")
            for relation in article.relations.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                var attributes = [("id", relation.id.rawValue), ("type", relation.type.rawValue),
                                  ("from", relation.from.rawValue), ("to", relation.to.rawID)]
                let optional: [(String, String?)] = [("source-label", relation.sourceLabel), ("source-id", relation.sourceID), ("note", relation.note)]
                for case let (name, value?) in optional { attributes.append((name, value)) }
                out.line("    <relation\(try out.attributes(attributes, of: "relation \(relation.id)"))/>")
            }
            out.line("  </relations>")
        }
        out.line("</article>")
        return out.bytes
    }

    /// The canonical bytes of a corpus file.
    public static func encode(_ corpus: Corpus) throws(UnwritableCharacterError) -> [UInt8] {
        var out = XMLOutput()
        out.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.line("<corpus xmlns=\"\(ArticleXML.namespace)\" version=\"\(Article.formatVersion)\">")
        if !corpus.targets.isEmpty {
            out.line("  <targets>")
            for target in corpus.targets.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                let attributes = try out.attributes([("id", target.id.rawValue), ("name", target.name)], of: "target \(target.id)")
                if let description = target.description {
                    out.line("    <target\(attributes)>\(try out.content(description, in: "target \(target.id)"))</target>")
                } else {
                    out.line("    <target\(attributes)/>")
                }
            }
            out.line("  </targets>")
        }
        if !corpus.propositions.isEmpty {
            out.line("  <propositions>")
            for proposition in corpus.propositions.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                var attributes = [("id", proposition.id.rawValue)]
                if let target = proposition.target { attributes.append(("target", target.rawValue)) }
                if let stance = proposition.stance { attributes.append(("stance", stance.rawValue)) }
                out.line("    <proposition\(try out.attributes(attributes, of: "proposition \(proposition.id)"))>\(try out.content(proposition.statement, in: "proposition \(proposition.id)"))</proposition>")
            }
            out.line("  </propositions>")
        }
        out.line("</corpus>")
        return out.bytes
    }

    /// Units in text order: by start, then end, then id; implicit units last.
    public static func canonicalOrder(_ units: [ArgumentUnit]) -> [ArgumentUnit] {
        units.sorted { lhs, rhs in
            switch (lhs.span, rhs.span) {
            case let (left?, right?) where left != right: return left < right
            case (.some, .none): return true
            case (.none, .some): return false
            default: return naturalLess(lhs.id.rawValue, rhs.id.rawValue)
            }
        }
    }

    /// A confidence with at most four decimals and no exponent, so output never depends on float printing.
    static func formatConfidence(_ value: Double) -> String {
        let scaled = Int((min(max(value, 0), 1) * 10_000).rounded())
        if scaled == 10_000 { return "1" }
        var digits = String(scaled)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return digits.isEmpty ? "0" : "0.\(digits)"
    }
}

/// Orders ids so that `u2` comes before `u10`: ids that differ only in a trailing number compare
/// by that number, all others as plain strings.
///
/// It runs inside every sort of units and relations, so it compares bytes in place and allocates
/// nothing.
public func naturalLess(_ lhs: String, _ rhs: String) -> Bool {
    var left = lhs
    var right = rhs
    return left.withUTF8 { leftBytes in
        right.withUTF8 { rightBytes in
            let leftDigits = trailingDigitCount(leftBytes)
            let rightDigits = trailingDigitCount(rightBytes)
            let leftStem = leftBytes.count - leftDigits
            let rightStem = rightBytes.count - rightDigits
            let sameStem = leftStem == rightStem && (0..<leftStem).allSatisfy { leftBytes[$0] == rightBytes[$0] }
            guard sameStem, leftDigits > 0, rightDigits > 0, leftDigits <= 18, rightDigits <= 18 else {
                return lhs < rhs
            }
            let leftNumber = number(leftBytes, from: leftStem)
            let rightNumber = number(rightBytes, from: rightStem)
            return leftNumber != rightNumber ? leftNumber < rightNumber : lhs < rhs
        }
    }
}

private func trailingDigitCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    while count < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[bytes.count - 1 - count]) { count += 1 }
    return count
}

private func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var value = 0
    for index in start..<bytes.count { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
    return value
}

/// Accumulates escaped XML output.
struct XMLOutput {
    var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// ` name="value"` for each pair, escaped for attribute values.
    func attributes(_ pairs: [(String, String)], of owner: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        var result = ""
        for (name, value) in pairs {
            result += " \(name)=\"\(try attribute(value, in: "\(name) of \(owner())"))\""
        }
        return result
    }

    /// Whether `value` holds anything that must be escaped or refused: most values hold nothing of
    /// the kind, and a byte scan is far cheaper than the scalar-by-scalar rewrite.
    private func needsEscaping(_ value: String, attribute: Bool) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x00..<0x20:
                    if byte != 0x0A || attribute { return true }
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
                case UInt8(ascii: "\""): if attribute { return true }
                case 0xEF: return true  // U+FFFE and U+FFFF start with EF BF; let the slow path decide
                default: break
                }
            }
            return false
        }
    }

    /// Escapes an attribute value; whitespace other than space is written as character references so
    /// that attribute-value normalisation gives it back unchanged.
    func attribute(_ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        if !needsEscaping(value, attribute: true) { return value }
        return try escape(value, attribute: true, place: place)
    }

    /// Escapes character data; CR is written as `&#13;` because XML parsers turn a literal CR into LF.
    func content(_ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        if !needsEscaping(value, attribute: false) { return value }
        return try escape(value, attribute: false, place: place)
    }

    /// Rewrites `value` byte by byte (every byte that needs care is ASCII, or the start of U+FFFE/U+FFFF).
    private func escape(_ value: String, attribute: Bool, place: () -> String) throws(UnwritableCharacterError) -> String {
        let bytes = Array(value.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "\r"): result.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\t") where attribute: result.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where attribute: result.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): result.append(byte)
            case 0x00..<0x20:
                throw unwritable(Unicode.Scalar(byte), at: index, in: bytes, attribute: attribute, place: place)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                throw unwritable(Unicode.Scalar(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)!, at: index, in: bytes, attribute: attribute, place: place)
            default: result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The error for a character XML 1.0 cannot hold, with its line and column in character data.
    private func unwritable(_ scalar: Unicode.Scalar, at byteOffset: Int, in bytes: [UInt8], attribute: Bool, place: () -> String) -> UnwritableCharacterError {
        if attribute { return UnwritableCharacterError(scalar: scalar, place: place()) }
        var line = 1
        var column = 1
        for byte in bytes[..<byteOffset] where byte & 0xC0 != 0x80 {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return UnwritableCharacterError(scalar: scalar, place: "\(place()) at line \(line), column \(column)")
    }
}
