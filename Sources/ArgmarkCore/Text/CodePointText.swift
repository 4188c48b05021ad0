/// An article's text as an array of Unicode scalars, so offsets are code points and slicing is O(1).
///
/// Swift's `String` counts grapheme clusters and compares by canonical equivalence; argmark's
/// offsets and quote checks must do neither, so they go through this type.
package struct CodePointText: Sendable {
    package let scalars: [Unicode.Scalar]

    package init(_ text: String) {
        // One decoding pass; Array(text.unicodeScalars) would decode twice (count, then copy).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        self.scalars = scalars
    }

    package var count: Int { scalars.count }

    /// Whether `span` lies inside the text and is not reversed.
    package func contains(_ span: Span) -> Bool {
        span.start >= 0 && span.start <= span.end && span.end <= scalars.count
    }

    /// The text at `span`; the span must be inside the text.
    package subscript(span: Span) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    /// Whether the text at `span` is exactly `quote`, scalar for scalar (no normalisation).
    package func matches(_ quote: String, at span: Span) -> Bool {
        guard contains(span) else { return false }
        var iterator = quote.unicodeScalars.makeIterator()
        for index in span.start..<span.end {
            guard let scalar = iterator.next(), scalar == scalars[index] else { return false }
        }
        return iterator.next() == nil
    }

    /// Every span where `quote` occurs exactly, in text order (overlapping occurrences included).
    package func occurrences(of quote: String) -> [Span] {
        let needle = Array(quote.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
        var result: [Span] = []
        var start = 0
        let last = scalars.count - needle.count
        while start <= last {
            if scalars[start] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where scalars[start + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { result.append(Span(start: start, end: start + needle.count)) }
            }
            start += 1
        }
        return result
    }

    /// 1-based line and column (in code points) of the code point at `offset`.
    package func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(max(offset, 0), scalars.count) {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

extension Unicode.Scalar {
    /// Whether XML 1.0 can carry this scalar in character data (as itself or as a character reference).
    package var isXMLCharacter: Bool {
        switch value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
