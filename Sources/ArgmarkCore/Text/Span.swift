/// A half-open range `[start, end)` of Unicode code points in an article's text.
public struct Span: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public var length: Int { end - start }
    public var description: String { "\(start)-\(end)" }
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
}
