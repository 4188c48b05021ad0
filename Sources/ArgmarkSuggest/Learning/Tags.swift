import ArgmarkCore

/// The tags of a document's segment sequence (the BIO scheme): outside every unit, or the
/// beginning or the continuation of a unit of one type, so that a unit may cover several
/// clauses or sentences (web discourse premises often do) and two units of one type may stand
/// side by side.
package enum Tags {
    package static let unitTypes: [UnitType] = [.position, .claim, .counterclaim, .rebuttal, .evidence]
    /// Outside, then begin and inside for each unit type.
    package static let count = 1 + 2 * unitTypes.count
    package static let outside = 0

    package static func begin(_ type: UnitType) -> Int { 1 + 2 * unitTypes.firstIndex(of: type)! }
    package static func inside(_ type: UnitType) -> Int { 2 + 2 * unitTypes.firstIndex(of: type)! }
    package static func unitType(_ tag: Int) -> UnitType? { tag == outside ? nil : unitTypes[(tag - 1) / 2] }
    package static func isInside(_ tag: Int) -> Bool { tag != outside && tag % 2 == 0 }

    /// Whether `tag` may follow `previous` across `boundary`: a continuation only continues a
    /// unit of its own type, and never opens a document.
    package static func allowed(_ previous: Int?, _ tag: Int) -> Bool {
        guard isInside(tag) else { return true }
        guard let previous, previous != outside else { return false }
        return unitType(previous) == unitType(tag)
    }
}

/// What separates a segment from the one before it; transitions are learnt for each kind,
/// since a unit rarely runs on across a paragraph break but often across a clause cut.
package enum Boundary: Int, CaseIterable, Sendable {
    case sameSentence, newSentence, newParagraph

    /// The boundary before each segment (the first segment's entry is unused).
    package static func of(_ segments: [Segment]) -> [Boundary] {
        segments.indices.map { index in
            guard index > 0 else { return .newParagraph }
            let previous = segments[index - 1], segment = segments[index]
            return previous.paragraph != segment.paragraph ? .newParagraph : previous.sentence != segment.sentence ? .newSentence : .sameSentence
        }
    }
}

/// Feature names hashed to 32 bits with FNV-1a: the same on every machine and run (Swift's own
/// `Hasher` is seeded per process), so models are reproducible byte for byte.
package enum FeatureHash {
    package static func hash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// The hash of `name` in the space of `label` (for the pair models, one weight per label and feature).
    package static func hash(_ label: String, _ name: String) -> UInt32 { hash(label + "|" + name) }
}
