/// A half-open range `[start, end)` of Unicode code points in an article's text.
public struct Span: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The first code point (0-based).
    public var start: Int
    /// The code point after the last one.
    public var end: Int
    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    /// How many code points it covers.
    public var length: Int { end - start }
    /// `start-end`, as the CLI prints offsets.
    public var description: String { "\(start)-\(end)" }
    /// Spans sort by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
    /// Whether the two spans share a code point.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
}
