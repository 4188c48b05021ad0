/// Finds where a quote a user typed occurs in an article's text.
///
/// Exact matching comes first. When the exact quote is not in the text, a forgiving match folds
/// away the differences people make when they retype a quote — straight vs curly quotes and
/// apostrophes, en/em dashes vs hyphens, `…` vs `...`, runs of whitespace (line breaks included),
/// letter case — and reports which of them it had to forgive, so the annotator can check.
package enum QuoteMatcher {
    /// A difference the forgiving match tolerated.
    package enum Difference: String, Sendable, CaseIterable, Comparable {
        case quotes = "quotation marks or apostrophes"
        case dashes = "dashes"
        case ellipsis = "ellipsis"
        case whitespace = "whitespace"
        case letterCase = "letter case"

        package static func < (lhs: Difference, rhs: Difference) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Where a quote occurs: every occurrence, and what was forgiven to find them (empty = exact).
    package struct Search: Sendable, Equatable {
        package var occurrences: [Span]
        package var forgiven: [Difference]
        package var isExact: Bool { forgiven.isEmpty }
    }

    /// Every occurrence of `quote` in `text`: the exact ones if there are any, otherwise the
    /// forgiving ones. An empty `occurrences` means the quote is not in the text at all.
    package static func search(_ quote: String, in text: CodePointText) -> Search {
        let exact = text.occurrences(of: quote)
        if !exact.isEmpty { return Search(occurrences: exact, forgiven: []) }
        let spans = forgivingOccurrences(of: quote, in: text, folding: Set(Difference.allCases))
        guard !spans.isEmpty else { return Search(occurrences: [], forgiven: []) }
        // Name only the differences that were needed for the first occurrence.
        let quoteScalars = Array(quote.unicodeScalars)
        let found = Array(text.scalars[spans[0].start..<spans[0].end])
        var forgiven: [Difference] = []
        for difference in Difference.allCases {
            var folds = Set(Difference.allCases)
            folds.remove(difference)
            if fold(quoteScalars, folds, trimming: true).map(\.scalar) != fold(found, folds, trimming: true).map(\.scalar) {
                forgiven.append(difference)
            }
        }
        if forgiven.isEmpty { forgiven = [.whitespace] } // only leading/trailing whitespace differed
        return Search(occurrences: spans, forgiven: forgiven)
    }

    /// The longest prefix of `quote` (in code points) that occurs in `text` under forgiving
    /// matching, with its first occurrence; helps say where a quote stops matching.
    package static func longestMatchingPrefix(of quote: String, in text: CodePointText) -> (length: Int, span: Span)? {
        let scalars = Array(quote.unicodeScalars)
        var low = 0
        var high = scalars.count
        var best: (Int, Span)?
        // Prefixes that occur are closed under shortening, so binary search finds the longest.
        while low < high {
            let middle = (low + high + 1) / 2
            let prefix = String(String.UnicodeScalarView(scalars[0..<middle]))
            if let span = forgivingOccurrences(of: prefix, in: text, folding: Set(Difference.allCases)).first {
                best = (middle, span)
                low = middle
            } else {
                high = middle - 1
            }
        }
        return best.map { (length: $0.0, span: $0.1) }
    }

    /// A folded code point and the range of original code points it stands for.
    struct Folded: Equatable {
        var scalar: Unicode.Scalar
        var start: Int
        var end: Int
    }

    static func forgivingOccurrences(of quote: String, in text: CodePointText, folding: Set<Difference>) -> [Span] {
        let needle = fold(Array(quote.unicodeScalars), folding, trimming: true).map(\.scalar)
        guard !needle.isEmpty else { return [] }
        let haystack = fold(text.scalars, folding, trimming: false)
        guard needle.count <= haystack.count else { return [] }
        var spans: [Span] = []
        for start in 0...(haystack.count - needle.count) where haystack[start].scalar == needle[0] {
            var matched = true
            for offset in 1..<needle.count where haystack[start + offset].scalar != needle[offset] {
                matched = false
                break
            }
            if matched {
                spans.append(Span(start: haystack[start].start, end: haystack[start + needle.count - 1].end))
            }
        }
        return spans
    }

    /// Folds `scalars` for comparison, remembering where each folded scalar came from.
    static func fold(_ scalars: [Unicode.Scalar], _ folding: Set<Difference>, trimming: Bool) -> [Folded] {
        var result: [Folded] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if folding.contains(.whitespace), scalar.properties.isWhitespace {
                var end = index + 1
                while end < scalars.count, scalars[end].properties.isWhitespace { end += 1 }
                result.append(Folded(scalar: " ", start: index, end: end))
                index = end
                continue
            }
            if folding.contains(.ellipsis), scalar == "\u{2026}" {
                for _ in 0..<3 { result.append(Folded(scalar: ".", start: index, end: index + 1)) }
                index += 1
                continue
            }
            var folded = scalar
            if folding.contains(.quotes) {
                switch scalar.value {
                case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: folded = "'"
                case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: folded = "\""
                default: break
                }
            }
            if folding.contains(.dashes) {
                switch scalar.value {
                case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: folded = "-"
                default: break
                }
            }
            if folding.contains(.letterCase) {
                let lower = folded.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1 { folded = lower.first! }
            }
            result.append(Folded(scalar: folded, start: index, end: index + 1))
            index += 1
        }
        if trimming {
            while result.first?.scalar == " " && scalars[result.first!.start].properties.isWhitespace { result.removeFirst() }
            while result.last?.scalar == " " && scalars[result.last!.start].properties.isWhitespace { result.removeLast() }
        }
        return result
    }

    /// A short excerpt of the text around `span` on one line, for listing occurrences.
    package static func context(of span: Span, in text: CodePointText, width: Int = 30) -> String {
        let from = max(0, span.start - width)
        let to = min(text.count, span.end + width)
        var view = String.UnicodeScalarView()
        if from > 0 { view.append("\u{2026}") }
        for index in from..<to {
            let scalar = text.scalars[index]
            if index == span.start { view.append(contentsOf: "[".unicodeScalars) }
            view.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
            if index == span.end - 1 { view.append(contentsOf: "]".unicodeScalars) }
        }
        if to < text.count { view.append("\u{2026}") }
        return String(view)
    }
}
