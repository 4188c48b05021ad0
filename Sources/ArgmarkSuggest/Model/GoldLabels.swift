import ArgmarkCore

/// The label a segment has in a gold annotation, for training: the type of the gold unit that
/// covers most of the segment when it covers at least half of it, `none` otherwise.
///
/// Half of the segment (not of the unit) is the test, because a gold unit may span several
/// sentences (web discourse premises often do), and each of its sentences is still that kind
/// of text.
public enum GoldLabels {
    public static func label(of segment: Span, among units: [ArgumentUnit]) -> SegmentLabel {
        var best: (overlap: Int, type: UnitType)?
        for unit in units where unit.status == .gold {
            let pieces = unit.fragments.isEmpty ? (unit.span.map { [$0] } ?? []) : unit.fragments
            let overlap = pieces.reduce(0) { $0 + max(0, min($1.end, segment.end) - max($1.start, segment.start)) }
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (overlap, unit.type) }
        }
        guard let best, 2 * best.overlap >= segment.length else { return .none }
        return SegmentLabel(rawValue: best.type.rawValue) ?? .none
    }
}
