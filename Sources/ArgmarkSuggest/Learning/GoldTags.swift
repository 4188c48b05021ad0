import ArgmarkCore

/// The gold tag of each segment, for training: the gold unit covering most of the segment, if
/// it covers at least half of it (a unit may span several sentences, and each of them is still
/// that kind of text), tagged as the beginning of that unit on its first such segment and as
/// its continuation on the next ones.
///
/// Linear: each code point records which gold unit covers it (the later one where units overlap).
package enum GoldTags {
    package static func tags(of segments: [Segment], among units: [ArgumentUnit], textLength: Int) -> [Int] {
        let gold = units.filter { $0.status == .gold }
        var owner = [Int32](repeating: -1, count: textLength)
        for (index, unit) in gold.enumerated() {
            for piece in unit.fragments.isEmpty ? (unit.span.map { [$0] } ?? []) : unit.fragments {
                for offset in max(0, piece.start)..<min(textLength, max(piece.end, piece.start)) { owner[offset] = Int32(index) }
            }
        }
        var tags: [Int] = []
        var previousUnit: Int32 = -1
        for segment in segments {
            var counts: [Int32: Int] = [:]
            for offset in segment.span.start..<segment.span.end where owner[offset] >= 0 { counts[owner[offset], default: 0] += 1 }
            let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
            guard let best, 2 * best.value >= segment.span.length, let tagType = Tags.unitTypes.first(where: { $0 == gold[Int(best.key)].type }) else {
                tags.append(Tags.outside)
                previousUnit = -1
                continue
            }
            tags.append(best.key == previousUnit ? Tags.inside(tagType) : Tags.begin(tagType))
            previousUnit = best.key
        }
        return tags
    }
}
