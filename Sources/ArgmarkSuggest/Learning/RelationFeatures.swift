import ArgmarkCore

/// Candidates and features for relation suggestions: for a unit, which other unit (within a few
/// units of it) it supports, attacks or rebuts, or none. Only choices the validator accepts are
/// offered (evidence only supports; a counterclaim supports only a counterclaim; a rebuttal
/// attacks only what attacks), so a suggestion never makes the file invalid.
package enum RelationFeatures {
    /// Relation types proposed; `undercuts` needs a relation as its target and `restates` is rare.
    package static let types: [RelationType] = [.supports, .attacks, .rebuts]
    /// How many units before and after a unit are considered as its target.
    package static let window = 6

    /// A unit as the relation model sees it.
    package struct View: Sendable {
        package var id: UnitID
        package var type: UnitType
        package var span: Span
        package var paragraph: Int
        package var speaker: SpeakerID?
        package var opening: [String]
        /// Whether no unit of its type comes before it.
        package var firstOfType: Bool
    }

    /// The units of `article` that have a span, in text order.
    package static func views(_ units: [ArgumentUnit], paragraphs: [Paragraph], text: CodePointText) -> [View] {
        let spanned = units.compactMap { unit in unit.span.map { (unit, $0) } }.sorted { ($0.1.start, $0.1.end, $0.0.id.rawValue) < ($1.1.start, $1.1.end, $1.0.id.rawValue) }
        var result: [View] = []
        var paragraph = 0
        var seenTypes = Set<UnitType>()
        for (unit, span) in spanned {
            while paragraph + 1 < paragraphs.count, paragraphs[paragraph].span.end <= span.start { paragraph += 1 }
            let opening = Words(text[Span(start: span.start, end: min(span.end, span.start + 60))]).tokens
            result.append(View(id: unit.id, type: unit.type, span: span, paragraph: paragraph, speaker: unit.speaker, opening: Array(opening.prefix(3)), firstOfType: seenTypes.insert(unit.type).inserted))
        }
        return result
    }

    /// One candidate: no relation (`target` nil), or a relation of `type` to `views[target]`.
    package struct Candidate: Sendable {
        package var target: Int?
        package var type: RelationType?
        package var features: [UInt32]
    }

    /// Whether the validator allows `source` to relate to `target` with `type`.
    package static func allowed(_ source: UnitType, _ type: RelationType, _ target: UnitType, targetAttacks: Bool) -> Bool {
        switch source {
        case .evidence: return type == .supports
        case .counterclaim: return type != .supports || target == .counterclaim
        case .rebuttal: return type == .supports || target == .counterclaim || targetAttacks
        case .position, .claim: return true
        }
    }

    /// The candidates for the unit at `index`: none first, then each allowed (target, type).
    package static func candidates(for index: Int, in views: [View], attackers: Set<UnitID>) -> [Candidate] {
        let source = views[index]
        var cues: [String] = []
        for list in FeatureExtractor.lists where Words(source.opening.joined(separator: " ")).starts(withAny: list.words) { cues.append(list.name) }
        let first = source.opening.first ?? ""
        var none = ["bias", "ta:\(source.type.rawValue)", "first:\(first)", "n:\(min(views.count, 8))"]
        if index == 0 { none.append("first-unit") }
        none += cues.map { "cue:\($0)" }
        var result = [Candidate(target: nil, type: nil, features: none.map { FeatureHash.hash("none", $0) })]
        let low = max(0, index - window), high = min(views.count - 1, index + window)
        guard low <= high else { return result }
        for other in low...high where other != index {
            let target = views[other]
            let distance = other - index
            let bucket = distance < -3 ? "<-3" : distance > 3 ? ">3" : String(distance)
            let pair = "\(source.type.rawValue)>\(target.type.rawValue)"
            var names = ["bias", "ta:\(source.type.rawValue)", "tb:\(target.type.rawValue)", "pair:\(pair)", "d:\(bucket)", "pair-d:\(pair)\(bucket)",
                         source.paragraph == target.paragraph ? "same-par" : "other-par", "first:\(first)"]
            if other == 0 { names.append("target-first-unit") }
            if target.paragraph == 0 { names.append("target-first-par") }
            if target.firstOfType { names.append("target-first-of-type") }
            if let a = source.speaker, let b = target.speaker { names.append(a == b ? "same-speaker" : "other-speaker") }
            names += cues.map { "cue:\($0)" } + cues.map { "cue-d:\($0)\(distance < 0 ? "-" : "+")" }
            for type in types where allowed(source.type, type, target.type, targetAttacks: attackers.contains(target.id)) {
                result.append(Candidate(target: other, type: type, features: names.map { FeatureHash.hash(type.rawValue, $0) }))
            }
        }
        return result
    }
}
