/// A character that XML 1.0 cannot carry, found where argmark was asked to write it.
package struct UnwritableCharacterError: Error, CustomStringConvertible, Sendable {
    package var scalar: Unicode.Scalar
    /// What held it, e.g. `text at line 3, column 14` or `note of unit u2`.
    package var place: String

    package var description: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\(place) contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex), a control character XML 1.0 cannot store; remove it from the input"
    }
}

/// Writes argmark documents in canonical form: fixed element and attribute order, 2-space indent,
/// LF line ends and a final newline, units in text order. Same model, same bytes.
package enum ArticleWriter {
    /// The canonical bytes of `article`.
    ///
    /// Written straight into one byte buffer: building each line as an interpolated `String`
    /// (and each attribute list as an array of pairs) cost about as much as parsing the result.
    package static func encode(_ article: Article) throws(UnwritableCharacterError) -> [UInt8] {
        var out = XMLOutput()
        out.bytes.reserveCapacity(article.text.utf8.count * 2 + article.units.count * 160 + article.relations.count * 80 + 512)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article xmlns=\"")
        out.append(ArticleXML.namespace)
        out.append("\" version=\"")
        out.append(Article.formatVersion)
        out.append("\"")
        try out.attribute("id", article.id, in: "article id")
        out.append(">\n  <meta>\n")
        let metadata = article.metadata
        let fields: [(StaticString, String?)] = [("title", metadata.title), ("outlet", metadata.outlet), ("author", metadata.author),
                                                ("published", metadata.published), ("url", metadata.url),
                                                ("genre", metadata.genre?.rawValue), ("language", metadata.language)]
        for (name, value) in fields {
            if let value {
                out.append("    <")
                out.append(name)
                out.append(">")
                try out.content(value, in: name.string)
                out.append("</")
                out.append(name)
                out.append(">\n")
            }
        }
        for property in metadata.properties {
            out.append("    <property")
            try out.attribute("name", property.name, in: "property name")
            out.append(">")
            try out.content(property.value, in: "property \(property.name)")
            out.append("</property>\n")
        }
        out.append("  </meta>\n  <text sha256=\"")
        out.append(article.textDigest)
        out.append("\">")
        try out.content(article.text, in: "text")
        out.append("</text>\n")

        if !article.speakers.isEmpty {
            out.append("  <speakers>\n")
            for speaker in article.speakers.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                out.append("    <speaker")
                try out.attribute("id", speaker.id.rawValue, of: "speaker \(speaker.id)")
                try out.attribute("name", speaker.name, of: "speaker \(speaker.id)")
                if let role = speaker.role { try out.attribute("role", role, of: "speaker \(speaker.id)") }
                out.append("/>\n")
            }
            out.append("  </speakers>\n")
        }

        if out.openSection("units", mark: article.unitHighWaterMark, isEmpty: article.units.isEmpty) {
            for unit in canonicalOrder(article.units) {
                let owner = { "unit \(unit.id)" }
                out.append("    <unit")
                try out.attribute("id", unit.id.rawValue, of: owner())
                try out.attribute("type", unit.type.rawValue, of: owner())
                if let span = unit.span {
                    out.number("start", span.start)
                    out.number("end", span.end)
                }
                if !unit.fragments.isEmpty {
                    try out.attribute("fragments", unit.fragments.map(\.description).joined(separator: " "), of: owner())
                }
                if let speaker = unit.speaker { try out.attribute("speaker", speaker.rawValue, of: owner()) }
                if let stance = unit.stance { try out.attribute("stance", stance.rawValue, of: owner()) }
                if let target = unit.target { try out.attribute("target", target.rawValue, of: owner()) }
                if let proposition = unit.proposition { try out.attribute("proposition", proposition.rawValue, of: owner()) }
                if unit.status != .gold { try out.attribute("status", unit.status.rawValue, of: owner()) }
                if let confidence = unit.confidence { try out.attribute("confidence", formatConfidence(confidence), of: owner()) }
                if let label = unit.sourceLabel { try out.attribute("source-label", label, of: owner()) }
                if let sourceID = unit.sourceID { try out.attribute("source-id", sourceID, of: owner()) }
                if let note = unit.note { try out.attribute("note", note, of: owner()) }
                out.append(">")
                try out.content(unit.quote, in: "quote of \(owner())")
                out.append("</unit>\n")
            }
            out.append("  </units>\n")
        }

        if out.openSection("relations", mark: article.relationHighWaterMark, isEmpty: article.relations.isEmpty) {
            for relation in article.relations.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                let owner = { "relation \(relation.id)" }
                out.append("    <relation")
                try out.attribute("id", relation.id.rawValue, of: owner())
                try out.attribute("type", relation.type.rawValue, of: owner())
                try out.attribute("from", relation.from.rawValue, of: owner())
                try out.attribute("to", relation.to.rawID, of: owner())
                if let label = relation.sourceLabel { try out.attribute("source-label", label, of: owner()) }
                if let sourceID = relation.sourceID { try out.attribute("source-id", sourceID, of: owner()) }
                if let note = relation.note { try out.attribute("note", note, of: owner()) }
                out.append("/>\n")
            }
            out.append("  </relations>\n")
        }
        out.append("</article>\n")
        return out.bytes
    }

    /// The canonical bytes of a corpus file.
    package static func encode(_ corpus: Corpus) throws(UnwritableCharacterError) -> [UInt8] {
        var out = XMLOutput()
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corpus xmlns=\"")
        out.append(ArticleXML.namespace)
        out.append("\" version=\"")
        out.append(Article.formatVersion)
        out.append("\">\n")
        if !corpus.targets.isEmpty {
            out.append("  <targets>\n")
            for target in corpus.targets.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                out.append("    <target")
                try out.attribute("id", target.id.rawValue, of: "target \(target.id)")
                try out.attribute("name", target.name, of: "target \(target.id)")
                if let description = target.description {
                    out.append(">")
                    try out.content(description, in: "target \(target.id)")
                    out.append("</target>\n")
                } else {
                    out.append("/>\n")
                }
            }
            out.append("  </targets>\n")
        }
        if !corpus.propositions.isEmpty {
            out.append("  <propositions>\n")
            for proposition in corpus.propositions.sorted(by: { naturalLess($0.id.rawValue, $1.id.rawValue) }) {
                out.append("    <proposition")
                try out.attribute("id", proposition.id.rawValue, of: "proposition \(proposition.id)")
                if let target = proposition.target { try out.attribute("target", target.rawValue, of: "proposition \(proposition.id)") }
                if let stance = proposition.stance { try out.attribute("stance", stance.rawValue, of: "proposition \(proposition.id)") }
                out.append(">")
                try out.content(proposition.statement, in: "proposition \(proposition.id)")
                out.append("</proposition>\n")
            }
            out.append("  </propositions>\n")
        }
        out.append("</corpus>\n")
        return out.bytes
    }

    /// Units in text order: by start, then end, then id; implicit units last.
    package static func canonicalOrder(_ units: [ArgumentUnit]) -> [ArgumentUnit] {
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
        NumberText.trimmed(min(max(value, 0), 1), maxDecimals: 4)
    }
}

/// Orders ids so that `u2` comes before `u10`: ids that differ only in a trailing number compare
/// by that number, all others as plain strings.
///
/// It runs inside every sort of units and relations, so it compares bytes in place and allocates
/// nothing.
package func naturalLess(_ lhs: String, _ rhs: String) -> Bool {
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

/// Accumulates escaped XML output in one byte buffer.
struct XMLOutput {
    var bytes: [UInt8] = []

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// ` name="value"`, the value escaped for attribute values (see ``XMLEscaping``); `owner`
    /// names what holds it in the error, should the value hold a character XML cannot.
    mutating func attribute(_ name: StaticString, _ value: String, of owner: @autoclosure () -> String) throws(UnwritableCharacterError) {
        try attribute(name, value, in: "\(name.string) of \(owner())")
    }

    /// The same, with `place` naming the value in the error as a whole.
    mutating func attribute(_ name: StaticString, _ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) {
        append(" ")
        append(name)
        append("=\"")
        append(try XMLEscaping.escape(value, as: .attribute, in: place()))
        append("\"")
    }

    /// ` name="N"` for a number, which never needs escaping.
    mutating func number(_ name: StaticString, _ value: Int) {
        append(" ")
        append(name)
        append("=\"")
        append(String(value))
        append("\"")
    }

    /// Opens `<units>` or `<relations>` with its high-water mark and returns `true`; an empty one
    /// is a single empty element if it has a mark (`false`), and nothing at all if not.
    mutating func openSection(_ name: StaticString, mark: Int?, isEmpty: Bool) -> Bool {
        if isEmpty && mark == nil { return false }
        append("  <")
        append(name)
        if let mark { number("highest-issued", mark) }
        append(isEmpty ? "/>\n" : ">\n")
        return !isEmpty
    }

    /// Character data, escaped (see ``XMLEscaping``).
    mutating func content(_ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) {
        append(try XMLEscaping.escape(value, as: .content, in: place()))
    }
}
