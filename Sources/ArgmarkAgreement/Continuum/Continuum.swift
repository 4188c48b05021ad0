import ArgmarkCore

/// What the span-based measures count: whitespace tokens (the Feedback Prize convention) or code points.
package enum Granularity: String, Sendable, CaseIterable {
    /// Maximal runs of code points that are not Unicode `White_Space`.
    case tokens
    /// Unicode code points, the unit of argmark's offsets.
    case codepoints
}

/// A half-open range `[lower, upper)` of positions on a continuum (token indices or code points).
package struct Segment: Hashable, Sendable, Comparable {
    package var lower: Int
    package var upper: Int
    package init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }
    package var length: Int { upper - lower }
    package static func < (lhs: Segment, rhs: Segment) -> Bool { (lhs.lower, lhs.upper) < (rhs.lower, rhs.upper) }
}

/// A set of positions, kept as sorted, disjoint, non-adjacent segments.
package struct Coverage: Hashable, Sendable {
    package private(set) var segments: [Segment]

    /// The union of `segments`; overlapping and touching segments merge, empty ones vanish.
    package init(_ segments: [Segment]) {
        var merged: [Segment] = []
        for segment in segments.filter({ $0.length > 0 }).sorted() {
            if let last = merged.last, segment.lower <= last.upper {
                merged[merged.count - 1].upper = max(last.upper, segment.upper)
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
    }

    /// How many positions the coverage holds.
    package var count: Int { segments.reduce(0) { $0 + $1.length } }

    /// How many positions both coverages hold.
    package func intersectionCount(with other: Coverage) -> Int {
        var total = 0
        var i = 0
        var j = 0
        while i < segments.count, j < other.segments.count {
            let a = segments[i], b = other.segments[j]
            total += max(0, min(a.upper, b.upper) - max(a.lower, b.lower))
            if a.upper < b.upper { i += 1 } else { j += 1 }
        }
        return total
    }

    package func contains(_ position: Int) -> Bool {
        segments.contains { $0.lower <= position && position < $0.upper }
    }
}

/// One article's text seen as a continuum of tokens or code points, mapping code-point spans onto it.
package struct Continuum: Sendable {
    package let granularity: Granularity
    /// The whitespace tokens as code-point spans, in text order.
    package let tokens: [Span]
    /// The number of positions: tokens, or code points.
    package let length: Int

    package init(text: String, granularity: Granularity) {
        self.granularity = granularity
        let scalars = Array(text.unicodeScalars)
        var tokens: [Span] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if let begin = start {
                    tokens.append(Span(start: begin, end: index))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { tokens.append(Span(start: begin, end: scalars.count)) }
        self.tokens = tokens
        length = granularity == .tokens ? tokens.count : scalars.count
    }

    /// The positions a code-point span covers: the tokens it touches (a token counts when the span
    /// holds at least one of its code points), or its code points.
    package func segment(for span: Span) -> Segment {
        switch granularity {
        case .codepoints:
            return Segment(span.start, span.end)
        case .tokens:
            // First token ending after the span starts; tokens are sorted and disjoint.
            var low = 0, high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].end <= span.start { low = middle + 1 } else { high = middle }
            }
            var upper = low
            while upper < tokens.count, tokens[upper].start < span.end { upper += 1 }
            return Segment(low, max(low, upper))
        }
    }

    /// The positions a unit covers: its fragments if it is discontinuous, else its span;
    /// empty for an implicit unit.
    package func coverage(of unit: ArgumentUnit) -> Coverage {
        guard let span = unit.span else { return Coverage([]) }
        let pieces = unit.fragments.isEmpty ? [span] : unit.fragments
        return Coverage(pieces.map(segment(for:)))
    }

    /// The code-point coverage of a unit, for exact matching whatever the granularity.
    package static func codePointCoverage(of unit: ArgumentUnit) -> Coverage {
        guard let span = unit.span else { return Coverage([]) }
        let pieces = unit.fragments.isEmpty ? [span] : unit.fragments
        return Coverage(pieces.map { Segment($0.start, $0.end) })
    }
}
