/// A passage described by its own text and the text around it, as W3C Web Annotation's
/// `TextQuoteSelector` (`exact`, `prefix`, `suffix`) does, so it can be found again in a text
/// that was edited elsewhere. Everything is in Unicode code points.
package struct TextQuoteSelector: Sendable, Equatable {
    package var exact: [Unicode.Scalar]
    package var prefix: [Unicode.Scalar]
    package var suffix: [Unicode.Scalar]

    package init(exact: [Unicode.Scalar], prefix: [Unicode.Scalar], suffix: [Unicode.Scalar]) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The selector of `span` in `text`, with up to `contextLength` code points on each side.
    package init(span: Span, in text: CodePointText, contextLength: Int) {
        exact = Array(text.scalars[span.start..<span.end])
        prefix = Array(text.scalars[max(0, span.start - contextLength)..<span.start])
        suffix = Array(text.scalars[span.end..<min(text.count, span.end + contextLength)])
    }
}

/// Edit distances over code points, the measure behind every similarity `reanchor` reports.
enum EditDistance {
    /// Levenshtein distance between `a` and `b`.
    static func between(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, left) in a.enumerated() {
            current[0] = i + 1
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j] + (left == right ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `1 - distance / longer length`: 1 for equal texts, 0 for nothing in common.
    static func similarity(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(between(a, b)) / Double(longer)
    }

    /// Every place in `text[window]` where `pattern` matches with at most `maximum` edits
    /// (Sellers' algorithm with Ukkonen's cut-off, so the cost is about `maximum` × window length).
    /// Each match is the end offset and its distance; runs of neighbouring ends are reduced to
    /// their best one.
    static func approximateEnds(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar], window: Range<Int>, maximum: Int) -> [(end: Int, distance: Int)] {
        let m = pattern.count
        guard m > 0, !window.isEmpty else { return [] }
        var column = Array(0...m)
        var lastActive = min(maximum, m)
        var ends: [(end: Int, distance: Int)] = []
        for j in window {
            var diagonal = 0
            var above = 0
            let limit = min(m, lastActive + 1)
            if limit >= 1 {
                for i in 1...limit {
                    let value = min(diagonal + (pattern[i - 1] == text[j] ? 0 : 1), column[i] + 1, above + 1)
                    diagonal = column[i]
                    column[i] = value
                    above = value
                }
            }
            if limit < m { column[limit + 1] = maximum + 1 }
            lastActive = limit
            while lastActive > 0 && column[lastActive] > maximum { lastActive -= 1 }
            if lastActive == m {
                let end = j + 1
                if let last = ends.last, end - last.end <= 1 {
                    // Neighbouring ends are one match; on a tie the earlier, shorter end stays.
                    if column[m] < last.distance { ends[ends.count - 1] = (end, column[m]) }
                } else {
                    ends.append((end, column[m]))
                }
            }
        }
        return ends
    }

    /// The start that best matches `pattern` ending exactly at `end`: the distance of each
    /// `text[start..<end]` from the pattern, searched back at most `pattern.count + maximum`.
    static func bestStart(of pattern: [Unicode.Scalar], endingAt end: Int, in text: [Unicode.Scalar], maximum: Int) -> (start: Int, distance: Int) {
        let m = pattern.count
        let earliest = max(0, end - m - maximum)
        // Align the reversed pattern with the reversed text from `end` backwards; row m gives,
        // for each length, the distance of the whole pattern from that many code points.
        let reversedPattern = Array(pattern.reversed())
        let length = end - earliest
        var previous = Array(0...length)   // row 0: pattern empty vs k text code points = k
        var current = [Int](repeating: 0, count: length + 1)
        for i in 1...m {
            current[0] = i
            for k in 1...max(1, length) where k <= length {
                let scalar = text[end - k]
                current[k] = min(previous[k - 1] + (reversedPattern[i - 1] == scalar ? 0 : 1), previous[k] + 1, current[k - 1] + 1)
            }
            swap(&previous, &current)
        }
        var best = (start: end - min(m, length), distance: Int.max)
        for k in 0...length {
            let distance = previous[k]
            // Prefer the smaller distance, then the length closest to the pattern's.
            if distance < best.distance || (distance == best.distance && abs(k - m) < abs((end - best.start) - m)) {
                best = (end - k, distance)
            }
        }
        return best
    }
}

extension EditDistance {
    /// Where a selector's quote lies in `text[window]`: aligns prefix + quote + suffix with the
    /// window (leading and trailing text free) and returns the text offsets its quote boundaries
    /// align with. Text inserted right at a boundary counts as outside the quote, so an insertion
    /// before or after a unit never widens it. `nil` if the alignment would be too large.
    static func quoteBounds(of selector: TextQuoteSelector, in text: [Unicode.Scalar], window: Range<Int>) -> Span? {
        let pattern = selector.prefix + selector.exact + selector.suffix
        let rows = pattern.count + 1
        let columns = window.count + 1
        guard rows * columns <= 30_000_000, !window.isEmpty else { return nil }
        // 0 = diagonal, 1 = up (a pattern code point missing from the text), 2 = left (an extra text code point).
        var moves = [UInt8](repeating: 0, count: rows * columns)
        var previous = [Int](repeating: 0, count: columns)
        var current = [Int](repeating: 0, count: columns)
        for i in 1..<rows {
            current[0] = i
            moves[i * columns] = 1
            for j in 1..<columns {
                let diagonal = previous[j - 1] + (pattern[i - 1] == text[window.lowerBound + j - 1] ? 0 : 1)
                let up = previous[j] + 1
                let left = current[j - 1] + 1
                if diagonal <= up && diagonal <= left {
                    current[j] = diagonal
                } else if up <= left {
                    current[j] = up
                    moves[i * columns + j] = 1
                } else {
                    current[j] = left
                    moves[i * columns + j] = 2
                }
            }
            swap(&previous, &current)
        }
        var end = 0
        for j in 0..<columns where previous[j] < previous[end] { end = j }
        let startRow = selector.prefix.count
        let endRow = selector.prefix.count + selector.exact.count
        var quoteStart = Int.min
        var quoteEnd = Int.max
        var (i, j) = (rows - 1, end)
        while true {
            if i == startRow { quoteStart = max(quoteStart, j) }
            if i == endRow { quoteEnd = min(quoteEnd, j) }
            if i == 0 { break }
            switch moves[i * columns + j] {
            case 0: i -= 1; j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        guard quoteStart != Int.min, quoteEnd != Int.max else { return nil }
        return Span(start: window.lowerBound + quoteStart, end: window.lowerBound + max(quoteStart, quoteEnd))
    }
}
