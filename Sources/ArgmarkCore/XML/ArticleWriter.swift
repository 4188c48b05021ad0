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
    package static func encode(_ article: Article) throws(UnwritableCharacterError) -> [UInt8] {
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
    package static func encode(_ corpus: Corpus) throws(UnwritableCharacterError) -> [UInt8] {
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

    /// Escapes an attribute value (see ``XMLEscaping``).
    func attribute(_ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        try XMLEscaping.escape(value, as: .attribute, in: place())
    }

    /// Escapes character data (see ``XMLEscaping``).
    func content(_ value: String, in place: @autoclosure () -> String) throws(UnwritableCharacterError) -> String {
        try XMLEscaping.escape(value, as: .content, in: place())
    }
}
