import ArgmarkCore

/// Where the text is inside quotation marks: “…”, "…" and ‘…’ (the last only when the marks
/// stand at word boundaries, so apostrophes in "doesn’t" are not taken for quotes).
///
/// A quotation that is not closed by the end of its paragraph ends there, as news style opens
/// each paragraph of a long quotation anew.
package struct Quotations: Sendable, Equatable {
    /// Half-open code-point ranges of the quoted text, marks excluded, in order.
    package let regions: [Span]

    package func contains(_ offset: Int) -> Bool {
        region(containing: offset) != nil
    }

    /// The region holding `offset`, if any (the outermost one when quotations nest).
    ///
    /// A binary search: double-quoted regions never overlap each other, nor single-quoted ones
    /// each other, so each kind is searched on its own (a long quoted text stays linear to scan).
    package func region(containing offset: Int) -> Span? {
        for list in [double, single] {
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].start <= offset { low = middle + 1 } else { high = middle }
            }
            if low > 0, offset < list[low - 1].end { return list[low - 1] }
        }
        return nil
    }

    /// The double-quoted and single-quoted regions, each in order.
    private var double: [Span] = []
    private var single: [Span] = []

    init(double: [Span], single: [Span]) {
        self.double = double.filter { $0.start < $0.end }.sorted()
        self.single = single.filter { $0.start < $0.end }.sorted()
        regions = (self.double + self.single).sorted()
    }

    package static func find(_ scalars: [Unicode.Scalar]) -> Quotations {
        var regions: [Span] = []
        var singles: [Span] = []
        var openDouble: Int?
        var openSingle: Int?
        func isBoundary(_ index: Int) -> Bool {
            index < 0 || index >= scalars.count || !(scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil)
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil }
                if let open = openSingle { singles.append(Span(start: open, end: index)); openSingle = nil }
            case "“", "„":
                if openDouble == nil { openDouble = index + 1 }
            case "”":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil }
            case "\"":
                if let open = openDouble { regions.append(Span(start: open, end: index)); openDouble = nil } else { openDouble = index + 1 }
            case "‘":
                if openDouble == nil, openSingle == nil, isBoundary(index - 1) { openSingle = index + 1 }
            case "’":
                if let open = openSingle, isBoundary(index + 1) { singles.append(Span(start: open, end: index)); openSingle = nil }
            default: break
            }
        }
        if let open = openDouble { regions.append(Span(start: open, end: scalars.count)) }
        if let open = openSingle { singles.append(Span(start: open, end: scalars.count)) }
        return Quotations(double: regions, single: singles)
    }
}
