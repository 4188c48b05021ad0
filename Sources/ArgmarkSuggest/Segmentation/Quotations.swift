import ArgmarkCore

/// Where the text is inside quotation marks: “…”, "…" and ‘…’ (the last only when the marks
/// stand at word boundaries, so apostrophes in "doesn’t" are not taken for quotes).
///
/// A quotation that is not closed by the end of its paragraph ends there, as news style opens
/// each paragraph of a long quotation anew.
public struct Quotations: Sendable, Equatable {
    /// Half-open code-point ranges of the quoted text, marks excluded, in order.
    public var regions: [Span]

    public func contains(_ offset: Int) -> Bool {
        regions.contains { $0.start <= offset && offset < $0.end }
    }

    /// The region holding `offset`, if any.
    public func region(containing offset: Int) -> Span? {
        regions.first { $0.start <= offset && offset < $0.end }
    }

    public static func find(_ scalars: [Unicode.Scalar]) -> Quotations {
        var regions: [Span] = []
        var openDouble: Int?
        var openSingle: Int?
        func isBoundary(_ index: Int) -> Bool {
            index < 0 || index >= scalars.count || !(scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil)
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil }
                if let open = openSingle { regions.append(Span(start: open, end: index)); openSingle = nil }
            case "“", "„":
                if openDouble == nil { openDouble = index + 1 }
            case "”":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil }
            case "\"":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil } else { openDouble = index + 1 }
            case "‘":
                if openDouble == nil, openSingle == nil, isBoundary(index - 1) { openSingle = index + 1 }
            case "’":
                if let open = openSingle, isBoundary(index + 1) { regions.append(Span(start: open, end: index)); openSingle = nil }
            default: break
            }
        }
        if let open = openDouble { regions.append(Span(start: open, end: scalars.count)) }
        if let open = openSingle { regions.append(Span(start: open, end: scalars.count)) }
        return Quotations(regions: regions.filter { $0.start < $0.end }.sorted())
    }
}
